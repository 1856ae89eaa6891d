//! The outline: the article's section headings in a box over the text,
//! the section being read marked, the cursor on the one Enter jumps to,
//! and how far into the article each begins.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Widget};
use unicode_width::UnicodeWidthStr;

use super::text::{clean, list, popup, truncate};
use crate::app::Reader;
use crate::keymap::{Command, Keymap};
use crate::theme::{self, Palette};

/// Marks the section at the top of the view.
const HERE: &str = "▸ ";

pub struct OutlineView<'a> {
    pub reader: &'a Reader,
    pub keymap: &'a Keymap,
    pub palette: &'a Palette,
    pub cursor: usize,
}

impl OutlineView<'_> {
    /// " Outline 6 · Enter jumps · Esc closes ", in the keys bound.
    fn title(&self, n: usize) -> String {
        let key = |c| self.keymap.keys_for(c).first().map(ToString::to_string);
        let mut parts = vec![format!("Outline {n}")];
        parts.extend(key(Command::Activate).map(|k| format!("{k} jumps")));
        parts.extend(key(Command::Back).map(|k| format!("{k} closes")));
        format!(" {} ", parts.join(" · "))
    }
}

impl Widget for OutlineView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let r = self.reader;
        let headings = r.headings();
        let here = r.current_heading(&headings);
        let total = r.layout().lines.len().max(1);
        let names: Vec<String> = headings
            .iter()
            .map(|&b| clean(r.doc().slice(&r.doc().blocks[b].range).trim()))
            .collect();
        let title = self.title(headings.len());
        // Marker, name, a space and "100%", inside the border.
        let widest = names.iter().map(|n| n.width()).max().unwrap_or(0);
        let want = (HERE.width() + widest + 5).max(title.width()) + 2;
        let width = (want as u16).min(area.width.saturating_sub(4).max(area.width.min(20)));
        let Some(inner) = popup(area, buf, width, headings.len(), &title) else {
            return;
        };
        let rows = inner.height as usize;
        let first = self.cursor.saturating_sub(rows - 1);
        let w = inner.width as usize;
        let items = headings
            .iter()
            .zip(&names)
            .enumerate()
            .skip(first)
            .take(rows)
            .map(|(i, (&b, name))| {
                let percent = format!("{}%", r.heading_line(b) * 100 / total);
                let mark = if here == Some(i) { HERE } else { "  " };
                let name_cols = w.saturating_sub(HERE.width() + percent.width() + 1);
                let name = truncate(name, name_cols);
                let pad = w.saturating_sub(HERE.width() + name.width() + percent.width());
                ListItem::new(Line::from(vec![
                    Span::styled(
                        mark,
                        self.palette.block(crate::document::BlockKind::Heading),
                    ),
                    Span::raw(name),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(percent, theme::dim()),
                ]))
            })
            .collect();
        list(buf, inner, items, Some(self.cursor - first), 0, true);
    }
}
