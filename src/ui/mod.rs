//! Drawing only: `draw(frame, &App)` and one small function per part of the
//! screen. Nothing here changes state or does I/O.

mod article;
mod help;
mod status;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::{App, STATUS_ROWS};

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    let status_rows = STATUS_ROWS.min(area.height);
    let pane = Rect {
        height: area.height - status_rows,
        ..area
    };
    let status_area = Rect {
        y: area.y + pane.height,
        height: status_rows,
        ..area
    };
    article::draw(frame.buffer_mut(), pane, app);
    status::draw(frame.buffer_mut(), status_area, app);
    if app.help_open {
        help::draw(frame.buffer_mut(), area, app);
    }
}
