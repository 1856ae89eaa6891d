//! The list of the article's links: the linked text and where it points.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{ListItem, Widget};

use super::text::{clean, list, popup, truncate};
use crate::document::Document;

pub struct LinksView<'a> {
    pub doc: &'a Document,
    pub cursor: usize,
}

impl Widget for LinksView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let links = &self.doc.links;
        let width = area.width.saturating_sub(4).clamp(1, 100).min(area.width);
        let title = format!(" Links {} · Enter opens · y copies ", links.len());
        let Some(inner) = popup(area, buf, width, links.len(), &title) else {
            return;
        };
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
