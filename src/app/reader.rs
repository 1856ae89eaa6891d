//! The reader's state: the document and its facts, the view on it, what is
//! selected or searched, and the jump list.

use std::ops::Range;
use std::sync::Arc;

use super::{App, FactIndex, Geometry, Target};
use crate::document::Document;
use crate::keymap::Command;
use crate::layout::{Layout, layout};

/// An accepted or in-progress search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub matches: Vec<Range<usize>>,
    pub current: Option<usize>,
}

/// What `n`/`N` follow: whatever was selected or searched last.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Follow {
    #[default]
    Selection,
    Search,
}

#[derive(Default)]
pub struct Reader {
    /// Shared with background analysis, which reads it while we draw.
    pub(super) doc: Arc<Document>,
    pub(super) index: FactIndex,
    pub(super) layout: Layout,
    /// First visible display line.
    pub(super) top: usize,
    /// The selected target (entity or figure).
    pub(super) selected: Option<usize>,
    /// The mention or match jumped to last: drawn strongest, cursor sits on it.
    pub(super) current: Option<Range<usize>>,
    pub(super) follow: Follow,
    pub(super) search: Option<Search>,
    pub(super) back: Vec<usize>,
    pub(super) forward: Vec<usize>,
    /// Still showing a prefix of a big text while the rest loads.
    pub(super) loading: bool,
    /// Facts are still being found in the background.
    pub(super) analyzing: bool,
    /// A remembered position beyond the prefix shown while loading.
    pub(super) pending_restore: Option<usize>,
    pub(super) key: Option<(String, usize)>,
    pub(super) name: Option<String>,
    /// Rows of the view, as of the last layout.
    pub(super) rows: usize,
    /// The byte the last re-wrap kept in view. While the view has not
    /// moved since, the next re-wrap keeps the same byte, not the start of
    /// its line: otherwise each resize could slip back a little.
    pub(super) kept: Option<usize>,
    /// The heading block last jumped to and the top line it left: on the
    /// last page a heading cannot be at the top, yet it is the section
    /// being read until the view moves.
    pub(super) reached: Option<(usize, usize)>,
}

impl Reader {
    pub(super) fn new(
        doc: Arc<Document>,
        index: Option<FactIndex>,
        loading: bool,
        name: Option<String>,
        key: Option<(String, usize)>,
    ) -> Reader {
        Reader {
            doc,
            analyzing: index.is_none(),
            index: index.unwrap_or_default(),
            loading,
            name,
            key,
            ..Reader::default()
        }
    }

    pub fn doc(&self) -> &Document {
        &self.doc
    }

    pub fn index(&self) -> &FactIndex {
        &self.index
    }

    pub fn targets(&self) -> &[Target] {
        &self.index.targets
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    pub fn top(&self) -> usize {
        self.top
    }

    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    pub fn current(&self) -> Option<&Range<usize>> {
        self.current.as_ref()
    }

    pub fn follow(&self) -> Follow {
        self.follow
    }

    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    pub fn loading(&self) -> bool {
        self.loading
    }

    pub fn analyzing(&self) -> bool {
        self.analyzing
    }

    /// What to call an untitled document.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The last line that can be at the top of the view.
    pub fn max_top(&self) -> usize {
        self.layout.lines.len().saturating_sub(self.rows)
    }

    /// Byte offset of the first text line at or below the top of the view.
    pub fn anchor(&self) -> usize {
        self.layout.lines[self.top.min(self.layout.lines.len())..]
            .iter()
            .find(|l| l.block.is_some())
            .map(|l| l.range.start)
            .unwrap_or(0)
    }

    /// Percent of the document above the bottom of the view (as less shows it).
    pub fn percent(&self) -> usize {
        let total = self.layout.lines.len().max(1);
        let bottom = (self.top + self.rows).min(total);
        bottom * 100 / total
    }

    pub(super) fn scroll_by(&mut self, delta: isize) {
        self.top = self.top.saturating_add_signed(delta).min(self.max_top());
    }

    /// Re-wraps for a new text column, keeping the first visible line's
    /// text on screen.
    pub(super) fn relayout(&mut self, g: Geometry) {
        let was_top = self.top > 0;
        let anchor = match self.kept {
            Some(kept) if kept < self.doc.text.len() && self.layout.line_of(kept) == self.top => {
                kept
            }
            _ => self.anchor(),
        };
        self.kept = Some(anchor);
        self.rows = g.view_rows;
        if g.text_cols != self.layout.width || self.layout.lines.is_empty() {
            self.layout = layout(&self.doc, g.text_cols);
        }
        self.top = if was_top {
            self.layout.line_of(anchor)
        } else {
            0
        };
        self.top = self.top.min(self.max_top());
    }

    /// Targets with a mention on the visible screen ("the sidebar follows reading").
    pub fn on_screen(&self, target: usize) -> bool {
        let lines = &self.layout.lines;
        let (Some(first), Some(last)) = (
            lines.get(self.top),
            lines.get((self.top + self.rows).min(lines.len()).saturating_sub(1)),
        ) else {
            return false;
        };
        self.index.mentioned_in(
            target,
            first.range.start..last.range.end.max(first.range.start + 1),
        )
    }

    /// The status line's description of the selection, e.g.
    /// `PERSON Vladimir Putin — mention 3/11`.
    pub fn selection_status(&self) -> Option<String> {
        if self.follow == Follow::Search
            && let Some(s) = &self.search
        {
            return Some(match s.current {
                Some(i) => format!("match {}/{}  /{}", i + 1, s.matches.len(), s.query),
                None if s.matches.is_empty() => format!("no match for /{}", s.query),
                None => format!("{} matches  /{}", s.matches.len(), s.query),
            });
        }
        let t = &self.index.targets[self.selected?];
        let n = t.mentions.len();
        let which = self
            .current
            .as_ref()
            .and_then(|c| t.mentions.iter().position(|m| m == c));
        Some(match which {
            Some(i) => format!("{} {} — mention {}/{}", t.section.label(), t.name, i + 1, n),
            None => format!(
                "{} {} — {} mention{}",
                t.section.label(),
                t.name,
                n,
                if n == 1 { "" } else { "s" }
            ),
        })
    }
}

impl App {
    pub fn max_top(&self) -> usize {
        self.reader.max_top()
    }

    pub fn scroll_by(&mut self, delta: isize) {
        self.reader.scroll_by(delta);
    }

    pub(super) fn anchor(&self) -> usize {
        self.reader.anchor()
    }

    /// Returns to a remembered reading position (a byte offset), and says
    /// so: a reader who finds themselves mid-article should know why and
    /// how to get to the top. While a big text still loads, the notice
    /// waits for the whole of it, whose line count it gives.
    pub fn restore_position(&mut self, offset: usize) {
        let r = &mut self.reader;
        if offset < r.doc.text.len() {
            r.top = r.layout.line_of(offset).min(r.max_top());
            if r.loading {
                r.pending_restore = Some(offset);
            } else {
                self.say_restored();
            }
        } else if r.loading {
            r.pending_restore = Some(offset);
        }
    }

    /// "restored your place (line 40 of 192) · g to go to top", beside
    /// what the loader had to say, if anything.
    fn say_restored(&mut self) {
        if self.reader.top == 0 {
            return;
        }
        let top = match self.options.keymap.keys_for(Command::Top).first() {
            Some(k) => format!(" · {k} to go to top"),
            None => String::new(),
        };
        let said = format!(
            "restored your place (line {} of {}){top}",
            self.reader.top + 1,
            self.reader.layout.lines.len()
        );
        self.notice = Some(match self.notice.take() {
            Some(note) => format!("{note} · {said}"),
            None => said,
        });
    }

    /// Where the reader is, to remember: the byte offset of the first line in view.
    pub fn position(&self) -> usize {
        self.anchor()
    }

    /// The whole document replaces the prefix we started on. The text
    /// begins the same way, so byte positions (the view, a search match)
    /// stay valid; the view does not move.
    pub(super) fn loaded(&mut self, doc: Arc<Document>, layout: Layout) {
        let cols = self.geometry().text_cols;
        let r = &mut self.reader;
        let anchor = r.anchor();
        let was_top = r.top > 0;
        r.doc = doc;
        r.loading = false;
        r.layout = layout;
        if r.layout.width != cols {
            r.layout = crate::layout::layout(&r.doc, cols);
        }
        r.top = if was_top {
            r.layout.line_of(anchor).min(r.max_top())
        } else {
            0
        };
        if let Some(offset) = r.pending_restore.take() {
            self.restore_position(offset);
        }
        if let Some(query) = self.reader.search.as_ref().map(|s| s.query.clone()) {
            let origin = self.reader.top;
            let current = self.reader.current.clone();
            self.incremental_search(&query, origin);
            self.reader.top = origin;
            self.reader.current = current;
        }
    }

    pub(super) fn analyzed(&mut self, index: FactIndex) {
        self.reader.index = index;
        self.reader.analyzing = false;
        self.rebuild_rows();
        if crate::extract::is_truncated(&self.reader.doc) {
            self.notice = Some(format!(
                "facts from the first {} MB only (a limit that keeps memory bounded)",
                crate::extract::MAX_ANALYZED_BYTES >> 20
            ));
        }
    }

    /// Percent of the document above the bottom of the view.
    pub fn percent(&self) -> usize {
        self.reader.percent()
    }
}
