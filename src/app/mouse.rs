//! The mouse: the wheel scrolls the pane under it, a click selects the
//! fact under it.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::{App, Focus, Row};

impl App {
    pub(super) fn wheel(&mut self, x: u16, y: u16, delta: i32) {
        let lines = delta as isize * super::WHEEL_LINES;
        if self.sidebar_visible()
            && self
                .screen
                .sidebar(self.sidebar_docked())
                .contains((x, y).into())
        {
            let max = self
                .sidebar
                .rows
                .len()
                .saturating_sub(self.sidebar_list_rows());
            self.sidebar.top = self.sidebar.top.saturating_add_signed(lines).min(max);
        } else {
            self.scroll_by(lines);
        }
    }

    pub(super) fn click(&mut self, x: u16, y: u16) {
        let docked = self.sidebar_docked();
        if self.sidebar_visible() && self.screen.sidebar(docked).contains((x, y).into()) {
            let area = self.screen.sidebar(docked);
            // The title row is above the list, the card and legend below it.
            let Some(row) = (y - area.y)
                .checked_sub(1)
                .filter(|&r| usize::from(r) < self.sidebar_list_rows())
                .map(|r| self.sidebar.top + usize::from(r))
            else {
                return;
            };
            if let Some(Row::Target(_)) = self.sidebar.rows.get(row) {
                self.focus = Focus::Sidebar;
                self.sidebar.cursor = row;
                self.activate();
            }
            return;
        }
        let pane = self.screen.article(docked);
        if !pane.contains((x, y).into()) {
            return;
        }
        let g = self.geometry();
        let line = self.reader.top + usize::from(y - pane.y);
        let Some(l) = self.reader.layout.lines.get(line) else {
            return;
        };
        let Some(kind) = l.block.map(|b| self.reader.doc.blocks[b].kind) else {
            return;
        };
        let left = pane.x + g.text_x + crate::layout::indent(kind) as u16;
        let col = usize::from(x.saturating_sub(left));
        let verbatim = crate::layout::verbatim(kind);
        // A table line draws its cells at their own columns.
        let offset = match &l.table {
            Some(t) => t.offset_at_column(&self.reader.doc.text, col),
            None => offset_at_column(&self.reader.doc.text, l.range.clone(), col, verbatim),
        };
        let Some(offset) = offset else {
            return;
        };
        self.focus = Focus::Article;
        if let Some(h) = self.reader.index.highlight_at(offset).cloned() {
            self.select(h.target);
            self.reader.current = Some(h.range);
        }
    }
}

/// The byte offset drawn at display column `col` of a laid-out line (whose
/// whitespace runs are drawn as one column).
pub fn offset_at_column(
    text: &str,
    range: Range<usize>,
    col: usize,
    verbatim: bool,
) -> Option<usize> {
    let mut x = 0;
    let mut in_space = false;
    for (i, g) in text[range.clone()].grapheme_indices(true) {
        let w = if g.chars().all(char::is_whitespace) {
            if in_space && !verbatim {
                continue;
            }
            in_space = true;
            1
        } else {
            in_space = false;
            g.width()
        };
        if col < x + w {
            return Some(range.start + i);
        }
        x += w;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_map_to_offsets() {
        let t = "ab  漢字 c";
        assert_eq!(offset_at_column(t, 0..t.len(), 0, false), Some(0));
        assert_eq!(offset_at_column(t, 0..t.len(), 2, false), Some(2));
        assert_eq!(offset_at_column(t, 0..t.len(), 3, false), Some(4));
        assert_eq!(offset_at_column(t, 0..t.len(), 4, false), Some(4));
        assert_eq!(offset_at_column(t, 0..t.len(), 5, false), Some(7));
        assert_eq!(offset_at_column(t, 0..t.len(), 8, false), Some(11));
        assert_eq!(offset_at_column(t, 0..t.len(), 9, false), None);
    }
}
