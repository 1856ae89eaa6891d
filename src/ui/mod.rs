//! Drawing only: `draw(frame, &App)` and one small function per part of the
//! screen. Nothing here changes state or does I/O.

mod article;
mod help;
mod library;
mod links;
mod sidebar;
mod status;
pub(crate) mod text;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Color;

use crate::app::App;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    if let (true, Some(lib)) = (app.library_view(), app.library.as_ref()) {
        let body = app.screen.status();
        library::draw(
            frame.buffer_mut(),
            Rect {
                height: area.height - body.height,
                ..area
            },
            lib,
        );
        status::draw(frame.buffer_mut(), body.intersection(area), app);
        if app.help_open {
            help::draw(frame.buffer_mut(), area, app);
        }
        return finish(frame, app);
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
    } else if let Some(lib) = app.library.as_ref().filter(|l| l.also.is_some()) {
        library::draw_also(frame.buffer_mut(), area, lib);
    } else if app.links_open {
        links::draw(frame.buffer_mut(), area, app);
    } else {
        place_cursor(frame, app, cursor, prompt_cursor);
    }
    finish(frame, app);
}

/// Last touches for every screen: colours off under NO_COLOR.
fn finish(frame: &mut Frame, app: &App) {
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
