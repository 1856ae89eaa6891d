//! The list of the article's links: the linked text and where it points.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::widgets::{Block, Borders, Clear, ListItem, Widget};

use super::text::{centered, clean, list, truncate};
use crate::document::Document;

pub struct LinksView<'a> {
    pub doc: &'a Document,
    pub cursor: usize,
}

impl Widget for LinksView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let links = &self.doc.links;
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
        let inner = popup.inner(Margin::new(1, 1));
        if inner.height == 0 || inner.width == 0 {
            return;
        }
        let rows = inner.height as usize;
        let first = self.cursor.saturating_sub(rows - 1);
        let w = inner.width as usize;
        let items = links
            .iter()
            .skip(first)
            .take(rows)
            .map(|link| {
                let text = clean(self.doc.text[link.range.clone()].trim());
                let line = format!("{}  {}", truncate(&text, w / 2), clean(&link.url));
                ListItem::new(truncate(&line, w))
            })
            .collect();
        list(buf, inner, items, Some(self.cursor - first), 0, true);
    }
}
