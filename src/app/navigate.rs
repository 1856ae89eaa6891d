//! Moving through the article: mentions, facts, headings, search matches,
//! the jump history, and the mouse.

use std::ops::Range;

use regex::RegexBuilder;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::{App, Effect, Focus, Follow, Row, Search};
use crate::document::BlockKind;

/// Lines of context kept above a jump target.
pub const JUMP_CONTEXT: usize = 2;
/// Most positions remembered by the jump history.
const HISTORY_MAX: usize = 100;
/// Search matches beyond this many are not collected (the count says "+").
pub const MAX_MATCHES: usize = 200_000;

impl App {
    /// Puts display line `line` in view with context above it, unless it is
    /// already comfortably visible (no needless jumping while stepping).
    fn reveal_line(&mut self, line: usize) {
        let rows = self.geometry().view_rows;
        let ctx = JUMP_CONTEXT.min(rows.saturating_sub(1) / 2);
        let visible = line >= self.reader.top + ctx.min(self.reader.top) && line + ctx < self.reader.top + rows;
        if !visible || line < self.reader.top {
            self.reader.top = line.saturating_sub(ctx).min(self.max_top());
        }
    }

    /// Makes `range` the current highlight and brings it into view,
    /// remembering where we were for `Ctrl-o`.
    fn jump_to_range(&mut self, range: Range<usize>) {
        self.remember();
        self.reader.current = Some(range.clone());
        let line = self.reader.layout.line_of(range.start);
        self.reveal_line(line);
    }

    pub(super) fn jump_to_line(&mut self, top: usize) {
        if top != self.reader.top {
            self.remember();
        }
        self.reader.top = top.min(self.max_top());
    }

    fn remember(&mut self) {
        let here = self.anchor();
        if self.reader.back.last() != Some(&here) {
            self.reader.back.push(here);
            if self.reader.back.len() > HISTORY_MAX {
                self.reader.back.remove(0);
            }
        }
        self.reader.forward.clear();
    }

    /// Ctrl-o (`back`) and Ctrl-i (forward) through the jump history.
    pub(super) fn history(&mut self, back: bool) {
        let here = self.anchor();
        let (from, to) = if back {
            (&mut self.reader.back, &mut self.reader.forward)
        } else {
            (&mut self.reader.forward, &mut self.reader.back)
        };
        let Some(target) = from.pop() else {
            self.notice = Some(
                if back {
                    "no earlier position"
                } else {
                    "no later position"
                }
                .into(),
            );
            return;
        };
        to.push(here);
        self.reader.top = self.reader.layout.line_of(target).min(self.max_top());
    }

    /// The byte offset from which "next" starts: the current highlight, or
    /// the top of the view.
    fn cursor_offset(&self, forward: bool) -> usize {
        match &self.reader.current {
            Some(r) if self.current_visible() => {
                if forward {
                    r.start + 1
                } else {
                    r.start
                }
            }
            _ if forward => self.anchor(),
            _ => self.anchor().saturating_add(1),
        }
    }

    fn current_visible(&self) -> bool {
        let Some(r) = &self.reader.current else { return false };
        let line = self.reader.layout.line_of(r.start);
        line >= self.reader.top && line < self.reader.top + self.geometry().view_rows
    }

    /// `n`/`N`: the next or previous mention of the selection, or match of
    /// the search, whichever was chosen last; wraps around with a notice.
    pub(super) fn next_mention(&mut self, forward: bool) {
        let from = self.cursor_offset(forward);
        let ranges: &[Range<usize>] = match self.reader.follow {
            Follow::Search => match &self.reader.search {
                Some(s) => &s.matches,
                None => return self.notice = Some("no search (press /)".into()),
            },
            Follow::Selection => match self.reader.selected {
                Some(t) => &self.reader.index.targets[t].mentions,
                None => {
                    return self.notice = Some(
                        "nothing selected (Tab to the sidebar, or ] for the next fact)".into(),
                    );
                }
            },
        };
        if ranges.is_empty() {
            self.notice = Some("no matches".into());
            return;
        }
        let (i, wrapped) = step(ranges, from, forward);
        let range = ranges[i].clone();
        if let (Follow::Search, Some(s)) = (self.reader.follow, self.reader.search.as_mut()) {
            s.current = Some(i);
        }
        self.land(range, wrapped, forward);
    }

    /// Jumps to `range`, saying so when stepping wrapped around the text.
    fn land(&mut self, range: Range<usize>, wrapped: bool, forward: bool) {
        self.jump_to_range(range);
        if wrapped {
            let end = if forward { "top" } else { "bottom" };
            self.notice = Some(format!("wrapped to the {end}"));
        }
    }

    /// `]`/`[` (any fact) and `>`/`<` (facts of the selected kind).
    pub(super) fn next_fact(&mut self, forward: bool, same_kind: bool) {
        let section = if same_kind {
            match self.reader.selected {
                Some(t) => Some(self.reader.index.targets[t].section),
                None => {
                    return self.notice = Some("select a fact first (] picks the next one)".into());
                }
            }
        } else {
            None
        };
        let from = self.cursor_offset(forward);
        let ranges: Vec<(Range<usize>, usize)> = self
            .reader
            .index
            .highlights
            .iter()
            .filter(|h| section.is_none_or(|s| self.reader.index.targets[h.target].section == s))
            .map(|h| (h.range.clone(), h.target))
            .collect();
        if ranges.is_empty() {
            self.notice = Some("no facts found in this article".into());
            return;
        }
        let starts: Vec<Range<usize>> = ranges.iter().map(|r| r.0.clone()).collect();
        let (i, wrapped) = step(&starts, from, forward);
        let (range, target) = ranges[i].clone();
        self.select(target);
        self.land(range, wrapped, forward);
    }

    pub(super) fn jump_heading(&mut self, forward: bool) {
        let lines = &self.reader.layout.lines;
        let is_heading = |i: usize| {
            let l = &lines[i];
            l.block
                .is_some_and(|b| self.reader.doc.blocks[b].kind == BlockKind::Heading)
                && (i == 0 || lines[i - 1].block != l.block)
        };
        let target = if forward {
            (self.reader.top + 1..lines.len()).find(|&i| is_heading(i))
        } else {
            (0..self.reader.top).rev().find(|&i| is_heading(i))
        };
        match target {
            Some(t) => {
                self.jump_to_line(t);
                if self.reader.top < t {
                    // The heading is on the last page: say which one we reached.
                    let b = self.reader.layout.lines[t]
                        .block
                        .expect("heading lines belong to a block");
                    self.notice = Some(format!("§ {}", self.reader.doc.slice(&self.reader.doc.blocks[b].range)));
                }
            }
            None if forward => self.notice = Some("no more headings below".into()),
            None => self.notice = Some("no headings above".into()),
        }
    }

    /// Re-runs the search as the query is typed and shows the first match
    /// at or after where the search began.
    pub(super) fn incremental_search(&mut self, query: &str, origin_top: usize) {
        self.reader.follow = Follow::Search;
        if query.is_empty() {
            self.reader.search = None;
            self.reader.current = None;
            self.reader.top = origin_top.min(self.max_top());
            return;
        }
        // Smart case: an upper-case letter makes the search case-sensitive.
        let insensitive = !query.chars().any(char::is_uppercase);
        let matches: Vec<Range<usize>> = match RegexBuilder::new(&regex::escape(query))
            .case_insensitive(insensitive)
            .build()
        {
            Ok(re) => re
                .find_iter(&self.reader.doc.text)
                .take(MAX_MATCHES)
                .map(|m| m.range())
                .filter(|r| !r.is_empty())
                .collect(),
            Err(_) => Vec::new(),
        };
        let from = self
            .reader
            .layout
            .lines
            .get(origin_top)
            .map_or(0, |l| l.range.start);
        let current = (!matches.is_empty()).then(|| step(&matches, from, true).0);
        match current {
            Some(i) => {
                self.reader.current = Some(matches[i].clone());
                let line = self.reader.layout.line_of(matches[i].start);
                self.reader.top = origin_top.min(self.max_top());
                self.reveal_line(line);
            }
            None => {
                self.reader.current = None;
                self.reader.top = origin_top.min(self.max_top());
            }
        }
        self.reader.search = Some(Search {
            query: query.to_string(),
            matches,
            current,
        });
    }

    /// Enter in the search prompt: the jump counts for `Ctrl-o`.
    pub(super) fn accept_search(&mut self, origin_top: usize) {
        let landed = self.reader.top;
        if landed != origin_top {
            self.reader.top = origin_top;
            self.remember();
            self.reader.top = landed;
        }
        if self.reader.search.as_ref().is_some_and(|s| s.matches.is_empty()) {
            self.notice = Some("pattern not found".into());
        }
    }

    pub(super) fn wheel(&mut self, x: u16, y: u16, delta: i32) {
        let lines = delta as isize * super::WHEEL_LINES;
        if self.sidebar_visible()
            && self
                .screen
                .sidebar(self.sidebar_docked())
                .contains((x, y).into())
        {
            let max = self.sidebar.rows.len().saturating_sub(self.sidebar_list_rows());
            self.sidebar.top = self.sidebar.top.saturating_add_signed(lines).min(max);
        } else {
            self.scroll_by(lines);
        }
    }

    pub(super) fn click(&mut self, x: u16, y: u16) {
        let docked = self.sidebar_docked();
        if self.sidebar_visible() && self.screen.sidebar(docked).contains((x, y).into()) {
            let area = self.screen.sidebar(docked);
            let Some(row) = (y - area.y)
                .checked_sub(1)
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
        let Some(offset) = offset_at_column(&self.reader.doc.text, l.range.clone(), col, verbatim) else {
            return;
        };
        self.focus = Focus::Article;
        if let Some(h) = self.reader.index.highlight_at(offset).cloned() {
            self.select(h.target);
            self.reader.current = Some(h.range);
        }
    }

    /// `y`: the selected fact with its sentence, for the clipboard.
    pub(super) fn copy(&mut self) -> Option<Effect> {
        let Some(selected) = self.reader.selected else {
            self.notice = Some("nothing selected to copy".into());
            return None;
        };
        let t = &self.reader.index.targets[selected];
        let at = self
            .reader
            .current
            .clone()
            .filter(|c| t.mentions.contains(c))
            .or_else(|| t.mentions.first().cloned())?;
        let sentence = sentence_around(&self.reader.doc.text, &self.reader.doc.blocks, at);
        let text = format!(
            "{} ({}): {}",
            t.name,
            t.section.label().to_lowercase(),
            sentence
        );
        self.notice = Some(format!("copied: {}", t.name));
        Some(Effect::Copy(text))
    }
}

/// The index of the next range starting at or after `from` (forward) or the
/// last one starting before `from` (backward), and whether we wrapped.
fn step(ranges: &[Range<usize>], from: usize, forward: bool) -> (usize, bool) {
    let i = ranges.partition_point(|r| r.start < from);
    if forward {
        if i < ranges.len() {
            (i, false)
        } else {
            (0, true)
        }
    } else if i > 0 {
        (i - 1, false)
    } else {
        (ranges.len() - 1, true)
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

/// The sentence around `at` inside its block, squashed to one line.
pub fn sentence_around(text: &str, blocks: &[crate::document::Block], at: Range<usize>) -> String {
    let block = blocks
        .iter()
        .find(|b| b.range.start <= at.start && at.end <= b.range.end)
        .map_or(0..text.len(), |b| b.range.clone());
    let before = &text[block.start..at.start];
    let start = before
        .match_indices(". ")
        .chain(before.match_indices("? "))
        .chain(before.match_indices("! "))
        .map(|(i, _)| block.start + i + 2)
        .max()
        .unwrap_or(block.start);
    let after = &text[at.end..block.end];
    let end = [". ", "? ", "! "]
        .iter()
        .filter_map(|p| after.find(p))
        .min()
        .map_or(block.end, |i| at.end + i + 1);
    text[start..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_wraps() {
        let r = [0..1, 5..6, 9..10];
        assert_eq!(step(&r, 0, true), (0, false));
        assert_eq!(step(&r, 1, true), (1, false));
        assert_eq!(step(&r, 10, true), (0, true));
        assert_eq!(step(&r, 5, false), (0, false));
        assert_eq!(step(&r, 0, false), (2, true));
    }

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

    #[test]
    fn sentence_is_cut_at_stops() {
        let t = "First one. The 20% figure is here. Last.";
        let f = t.find("20%").unwrap();
        assert_eq!(sentence_around(t, &[], f..f + 3), "The 20% figure is here.");
    }
}
