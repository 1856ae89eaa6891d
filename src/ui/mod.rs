//! Drawing only: `draw(frame, &App)` and one small function per part of the
//! screen. Nothing here changes state or does I/O.

mod article;
mod help;
mod links;
mod sidebar;
mod status;
pub(crate) mod text;

use ratatui::Frame;
use ratatui::layout::Position;
use ratatui::style::Color;

use crate::app::App;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    let docked = app.sidebar_docked();
    let cursor = article::draw(
        frame.buffer_mut(),
        app.screen.article(docked).intersection(area),
        app,
    );
    if app.sidebar_visible() {
        sidebar::draw(
            frame.buffer_mut(),
            app.screen.sidebar(docked).intersection(area),
            app,
        );
    }
    let prompt_cursor = status::draw(
        frame.buffer_mut(),
        app.screen.status().intersection(area),
        app,
    );
    if app.help_open {
        help::draw(frame.buffer_mut(), area, app);
    } else if app.links_open {
        links::draw(frame.buffer_mut(), area, app);
    } else {
        place_cursor(frame, app, cursor, prompt_cursor);
    }
    if !app.color {
        for cell in frame.buffer_mut().content.iter_mut() {
            cell.fg = Color::Reset;
            cell.bg = Color::Reset;
        }
    }
}

fn place_cursor(
    frame: &mut Frame,
    app: &App,
    cursor: Option<Position>,
    prompt_cursor: Option<Position>,
) {
    let docked = app.sidebar_docked();
    // The terminal cursor sits on the prompt while typing, else on the
    // current highlight, so screen readers and magnifiers follow it.
    let overlay_covers = app.sidebar_visible() && !docked;
    if let Some(pos) = prompt_cursor.or(if overlay_covers { None } else { cursor }) {
        frame.set_cursor_position(pos);
    }
}
