//! The status line: title (or a notice), position and the help hint.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::article::put_collapsed;
use crate::app::App;
use crate::theme;

pub fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    if area.height == 0 {
        return;
    }
    let style = theme::status_bar();
    buf.set_style(area, style);
    let total = app.layout.lines.len();
    let right = format!(
        " {}% {}/{}  ? help ",
        app.percent(),
        (app.top + 1).min(total),
        total
    );
    let short_right = format!(" {}% ", app.percent());
    let right = if right.width() + 10 <= area.width as usize {
        right
    } else {
        short_right
    };
    let right_w = (right.width() as u16).min(area.width);
    let left = match &app.notice {
        Some(n) => n.as_str(),
        None => app.doc.title().unwrap_or("factlens"),
    };
    let left_max = area.right().saturating_sub(right_w).saturating_sub(1);
    put_collapsed(
        buf,
        area.x + 1,
        area.y,
        left_max.max(area.x),
        left,
        style,
        false,
    );
    put_collapsed(
        buf,
        area.right() - right_w,
        area.y,
        area.right(),
        &right,
        style,
        false,
    );
}
