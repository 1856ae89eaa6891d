//! Moving through the article: mentions, facts, headings, the jump
//! history; and copying a fact with its sentence.

use std::ops::Range;

use super::{App, Effect, Follow};
use crate::document::BlockKind;

/// Lines of context kept above a jump target.
pub const JUMP_CONTEXT: usize = 2;
/// Most positions remembered by the jump history.
const HISTORY_MAX: usize = 100;

impl App {
    /// Puts display line `line` in view with context above it, unless it is
    /// already comfortably visible (no needless jumping while stepping).
    pub(super) fn reveal_line(&mut self, line: usize) {
        let rows = self.geometry().view_rows;
        let ctx = JUMP_CONTEXT.min(rows.saturating_sub(1) / 2);
        let visible = line >= self.reader.top + ctx.min(self.reader.top)
            && line + ctx < self.reader.top + rows;
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

    pub(super) fn remember(&mut self) {
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
    /// Past the ends of the article's list, it goes on through the articles
    /// of a library read before or after this one.
    pub(super) fn history(&mut self, back: bool) -> Vec<Effect> {
        let here = self.anchor();
        let (from, to) = if back {
            (&mut self.reader.back, &mut self.reader.forward)
        } else {
            (&mut self.reader.forward, &mut self.reader.back)
        };
        let Some(target) = from.pop() else {
            if let Some(effects) = self.history_across(back) {
                return effects;
            }
            self.notice = Some(
                if back {
                    "no earlier position"
                } else {
                    "no later position"
                }
                .into(),
            );
            return Vec::new();
        };
        to.push(here);
        self.reader.top = self.reader.layout.line_of(target).min(self.max_top());
        Vec::new()
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
        let Some(r) = &self.reader.current else {
            return false;
        };
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
                let b = lines[t].block.expect("heading lines belong to a block");
                self.go_to_heading(b);
            }
            None if forward => self.notice = Some("no more headings below".into()),
            None => self.notice = Some("no headings above".into()),
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
pub(super) fn step(ranges: &[Range<usize>], from: usize, forward: bool) -> (usize, bool) {
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
    fn sentence_is_cut_at_stops() {
        let t = "First one. The 20% figure is here. Last.";
        let f = t.find("20%").unwrap();
        assert_eq!(sentence_around(t, &[], f..f + 3), "The 20% figure is here.");
    }
}
