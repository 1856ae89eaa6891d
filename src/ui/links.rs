//! The list of the article's links: the linked text and where it points.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::text::{centered, list_row, put_collapsed, truncate};
use crate::app::App;

pub fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    let links = &app.doc.links;
    let width = area.width.saturating_sub(4).clamp(1, 100).min(area.width);
    let height = (links.len() as u16 + 2)
        .min(area.height.saturating_sub(2).max(3))
        .min(area.height);
    let popup = centered(area, width, height);
    Clear.render(popup, buf);
    Block::new()
        .borders(Borders::ALL)
        .title(format!(" Links {} · Enter opens · y copies ", links.len()))
        .render(popup, buf);
    let inner = popup.inner(ratatui::layout::Margin::new(1, 1));
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let rows = inner.height as usize;
    let first = app.link_cursor.saturating_sub(rows - 1);
    for (i, link) in links.iter().enumerate().skip(first).take(rows) {
        let y = inner.y + (i - first) as u16;
        let style = list_row(buf, inner, y, i == app.link_cursor, true);
        let text = app.doc.text[link.range.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let line = format!(
            "{}  {}",
            truncate(&text, (inner.width as usize) / 2),
            link.url
        );
        put_collapsed(
            buf,
            inner.x,
            y,
            inner.right(),
            &truncate(&line, inner.width as usize),
            style,
            false,
        );
    }
}
