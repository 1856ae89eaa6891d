//! The outline: the article's section headings as a list over the text,
//! the section being read marked. Enter jumps to a heading (a jump `Ctrl-o`
//! comes back from); Esc, `q` or the outline key close it.

use super::{App, Effect, Overlay, Reader};
use crate::document::BlockKind;
use crate::keymap::Command;

impl Reader {
    /// The blocks that are section headings, in order (those `}` visits).
    pub fn headings(&self) -> Vec<usize> {
        (0..self.doc.blocks.len())
            .filter(|&b| self.doc.blocks[b].kind == BlockKind::Heading)
            .collect()
    }

    /// The display line a heading starts on.
    pub fn heading_line(&self, block: usize) -> usize {
        self.layout.line_of(self.doc.blocks[block].range.start)
    }

    /// Which of `headings` is the section being read: the one just jumped
    /// to while the view has not moved, else the last one starting at or
    /// above the top of the view (`None` above the first).
    pub fn current_heading(&self, headings: &[usize]) -> Option<usize> {
        if let Some((b, top)) = self.reached
            && top == self.top
            && let Ok(i) = headings.binary_search(&b)
        {
            return Some(i);
        }
        headings
            .partition_point(|&b| self.heading_line(b) <= self.top)
            .checked_sub(1)
    }
}

impl App {
    /// Opens the outline on the section being read, or says there is none.
    pub(super) fn open_outline(&mut self) {
        let headings = self.reader.headings();
        if headings.is_empty() {
            self.notice = Some("no section headings in this article".into());
            return;
        }
        let cursor = self.reader.current_heading(&headings).unwrap_or(0);
        self.overlay = Overlay::Outline { cursor };
    }

    /// Keys while the outline is open: what stays open, and effects.
    pub(super) fn outline_command(
        &mut self,
        command: Command,
        cursor: usize,
    ) -> (Overlay, Vec<Effect>) {
        let headings = self.reader.headings();
        let n = headings.len();
        let page = (self.geometry().view_rows as isize - 3).max(1);
        let move_by = |d: isize| cursor.saturating_add_signed(d).min(n.saturating_sub(1));
        let cursor = match command {
            Command::LineDown | Command::NextHeading => move_by(1),
            Command::LineUp | Command::PrevHeading => move_by(-1),
            Command::PageDown | Command::HalfPageDown => move_by(page),
            Command::PageUp | Command::HalfPageUp => move_by(-page),
            Command::Top => 0,
            Command::Bottom => n.saturating_sub(1),
            Command::Activate => {
                if let Some(&b) = headings.get(cursor) {
                    self.go_to_heading(b);
                }
                return (Overlay::None, Vec::new());
            }
            // Esc, q, the outline key and any other key close it.
            _ => return (Overlay::None, Vec::new()),
        };
        (Overlay::Outline { cursor }, Vec::new())
    }

    /// Puts heading block `b` at the top of the view, as a jump; on the
    /// last page, where it cannot be at the top, says which heading it is.
    pub(super) fn go_to_heading(&mut self, b: usize) {
        let line = self.reader.heading_line(b);
        self.jump_to_line(line);
        self.reader.reached = Some((b, self.reader.top));
        if self.reader.top < line {
            self.notice = Some(format!(
                "§ {}",
                self.reader.doc.slice(&self.reader.doc.blocks[b].range)
            ));
        }
    }
}
