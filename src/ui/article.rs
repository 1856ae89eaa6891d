//! The article pane: the visible display lines, styled by block kind, and a
//! scrollbar on the right edge.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::theme;

/// Writes `text` at (x, y), drawing each whitespace run as one space and
/// stopping at `max_x`. Returns the column after the last cell written.
pub fn put_collapsed(
    buf: &mut Buffer,
    mut x: u16,
    y: u16,
    max_x: u16,
    text: &str,
    style: Style,
    mut in_space: bool,
) -> (u16, bool) {
    for g in text.graphemes(true) {
        let (sym, w) = if g.chars().all(char::is_whitespace) {
            if in_space {
                continue;
            }
            in_space = true;
            (" ", 1)
        } else {
            in_space = false;
            (g, g.width() as u16)
        };
        if w == 0 {
            continue;
        }
        if x + w > max_x {
            break;
        }
        buf[(x, y)].set_symbol(sym).set_style(style);
        // A wide grapheme covers the next cell too; clear it so no stale
        // symbol shows through.
        for dx in 1..w {
            buf[(x + dx, y)].set_symbol("").set_style(style);
        }
        x += w;
    }
    (x, in_space)
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let g = &app.geometry;
    let x0 = area.x + g.text_x.min(area.width - 1);
    let max_x = (x0 + g.text_cols as u16).min(area.right());
    let lines = &app.layout.lines;
    for (row, line) in lines
        .iter()
        .skip(app.top)
        .take(area.height as usize)
        .enumerate()
    {
        let Some(b) = line.block else { continue };
        let style = theme::block(app.doc.blocks[b].kind);
        let y = area.y + row as u16;
        put_collapsed(
            buf,
            x0,
            y,
            max_x,
            &app.doc.text[line.range.clone()],
            style,
            false,
        );
    }
    if lines.len() > area.height as usize && area.width > 2 {
        let mut state = ScrollbarState::new(app.max_top() + 1)
            .position(app.top)
            .viewport_content_length(area.height as usize);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some("│"))
            .thumb_symbol("█")
            .thumb_style(theme::scrollbar_thumb())
            .render(area, buf, &mut state);
    }
}
