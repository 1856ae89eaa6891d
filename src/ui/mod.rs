//! Drawing only: small widgets on borrowed views of the state, one file
//! each, and [`draw`], which follows the view and the [`Overlay`] the same
//! way `App::update` does. Nothing here changes state or does I/O.

mod article;
mod card;
mod help;
mod library;
mod links;
mod outline;
mod sidebar;
mod status;
pub(crate) mod text;

pub use article::ArticleView;
pub use card::CardView;
pub use help::HelpView;
pub use library::{AlsoInView, LibraryView};
pub use links::LinksView;
pub use outline::OutlineView;
pub use sidebar::SidebarView;
pub use status::StatusLine;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::widgets::{StatefulWidget, Widget};

use crate::app::{App, Overlay, View};

/// Beside a sidebar row: the fact is mentioned on the visible screen.
pub const ON_SCREEN: &str = "•";
/// On the scrollbar: a stretch of the article holding a mention of the
/// selected fact (or a match of the search being followed).
pub const MENTION_MARK: &str = "◆";

/// The marks and what they mean, for the legends in the help and the sidebar.
pub const MARKS: [(&str, &str); 2] = [
    (ON_SCREEN, "beside a fact: it is mentioned on this screen"),
    (
        MENTION_MARK,
        "on the scrollbar: where the selected fact (or search) is",
    ),
];

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    let screen = app.screen();
    let buf = frame.buffer_mut();
    let mut cursor = None;
    match (app.view(), app.library()) {
        (View::Library, Some(lib)) => LibraryView { library: lib }.render(
            Rect {
                height: area.height - screen.status().height,
                ..area
            },
            buf,
        ),
        _ => {
            let docked = app.sidebar_docked();
            let view = ArticleView {
                reader: app.reader(),
                geometry: app.geometry(),
                palette: &app.options().palette,
            };
            view.render(screen.article(docked).intersection(area), buf, &mut cursor);
            if app.sidebar_visible() {
                SidebarView::of(app).render(screen.sidebar(docked).intersection(area), buf);
            }
            if app.sidebar_visible() && !docked {
                // The sidebar covers the text: the cursor is not on it.
                cursor = None;
            }
        }
    }
    let mut prompt_cursor = None;
    StatusLine::of(app).render(screen.status().intersection(area), buf, &mut prompt_cursor);
    draw_overlay(buf, area, app, app.overlay());
    if matches!(app.overlay(), Overlay::None | Overlay::Prompt(_)) {
        // The terminal cursor sits on the prompt while typing, else on the
        // current highlight, so screen readers and magnifiers follow it.
        if let Some(pos) = prompt_cursor.or(cursor) {
            frame.set_cursor_position(pos);
        }
    }
    finish(frame, app);
}

fn draw_overlay(buf: &mut ratatui::buffer::Buffer, area: Rect, app: &App, overlay: &Overlay) {
    match overlay {
        Overlay::None | Overlay::Prompt(_) => {}
        Overlay::Help { scroll, under } => {
            draw_overlay(buf, area, app, under);
            HelpView {
                keymap: &app.options().keymap,
                palette: &app.options().palette,
                scroll: *scroll,
            }
            .render(area, buf);
        }
        Overlay::Links { cursor } => LinksView {
            doc: app.reader().doc(),
            cursor: *cursor,
        }
        .render(area, buf),
        Overlay::Outline { cursor } => OutlineView {
            reader: app.reader(),
            keymap: &app.options().keymap,
            palette: &app.options().palette,
            cursor: *cursor,
        }
        .render(area, buf),
        Overlay::AlsoIn(also) => {
            if let Some(library) = app.library() {
                AlsoInView { also, library }.render(area, buf);
            }
        }
    }
}

/// Last touches for every screen: colours off under NO_COLOR.
fn finish(frame: &mut Frame, app: &App) {
    if !app.options().color {
        for cell in frame.buffer_mut().content.iter_mut() {
            cell.fg = Color::Reset;
            cell.bg = Color::Reset;
        }
    }
}
