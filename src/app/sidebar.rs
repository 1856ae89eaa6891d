//! The sidebar's rows: targets grouped by section, filtered and sorted, and
//! the cursor that moves over them.

use super::{App, Focus, index::Section};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortOrder {
    FirstAppearance,
    Frequency,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// A section title with the number of targets under it.
    Header(Section, usize),
    Target(usize),
}

/// Rows above and below the sidebar cursor kept in view when scrolling.
const SIDEBAR_CONTEXT: usize = 1;

impl App {
    pub(super) fn rebuild_rows(&mut self) {
        let needle = self.filter.to_lowercase();
        let targets = &self.index.targets;
        let mut rows = Vec::new();
        for section in Section::ALL {
            let mut ids: Vec<usize> = (0..targets.len())
                .filter(|&i| targets[i].section == section)
                .filter(|&i| needle.is_empty() || targets[i].name.to_lowercase().contains(&needle))
                .collect();
            if ids.is_empty() {
                continue;
            }
            let first = |i: usize| targets[i].mentions.first().map_or(usize::MAX, |m| m.start);
            match self.sort {
                SortOrder::FirstAppearance => ids.sort_by_key(|&i| first(i)),
                SortOrder::Frequency => {
                    ids.sort_by_key(|&i| (std::cmp::Reverse(targets[i].mentions.len()), first(i)))
                }
            }
            rows.push(Row::Header(section, ids.len()));
            rows.extend(ids.into_iter().map(Row::Target));
        }
        // Keep the cursor on the selected target when it is still listed.
        let keep = self
            .selected
            .and_then(|s| rows.iter().position(|r| *r == Row::Target(s)));
        self.rows = rows;
        self.cursor = keep.unwrap_or(0);
        self.snap_cursor(1);
        self.keep_cursor_visible();
    }

    /// Moves the cursor off a header, in direction `dir`, then the other way.
    fn snap_cursor(&mut self, dir: isize) {
        let is_target = |r: &Row| matches!(r, Row::Target(_));
        if self.rows.get(self.cursor).is_some_and(is_target) {
            return;
        }
        let fwd = (self.cursor..self.rows.len()).find(|&i| is_target(&self.rows[i]));
        let bwd = (0..self.cursor.min(self.rows.len()))
            .rev()
            .find(|&i| is_target(&self.rows[i]));
        self.cursor = if dir >= 0 { fwd.or(bwd) } else { bwd.or(fwd) }.unwrap_or(0);
    }

    /// Moves the sidebar cursor by `delta` target rows (headers are skipped)
    /// and selects the target under it, so its mentions light up at once.
    pub(super) fn move_cursor(&mut self, delta: isize) {
        if self.rows.is_empty() {
            return;
        }
        let target_rows: Vec<usize> = (0..self.rows.len())
            .filter(|&i| matches!(self.rows[i], Row::Target(_)))
            .collect();
        let here = target_rows
            .iter()
            .position(|&i| i >= self.cursor)
            .unwrap_or(0);
        let to = here
            .saturating_add_signed(delta)
            .min(target_rows.len().saturating_sub(1));
        self.cursor = target_rows.get(to).copied().unwrap_or(0);
        if let Some(Row::Target(t)) = self.rows.get(self.cursor) {
            self.select(*t);
        }
        self.keep_cursor_visible();
    }

    /// Selecting a target makes `n`/`N` follow it.
    pub(super) fn select(&mut self, target: usize) {
        if self.selected != Some(target) {
            self.selected = Some(target);
            self.current = None;
        }
        self.follow = super::Follow::Selection;
        if let Some(i) = self.rows.iter().position(|r| *r == Row::Target(target)) {
            self.cursor = i;
            self.keep_cursor_visible();
        }
    }

    /// Enter in the sidebar: select the row under the cursor and jump to its
    /// next mention.
    pub(super) fn activate(&mut self) {
        match self.rows.get(self.cursor) {
            Some(Row::Target(t)) => {
                let t = *t;
                self.select(t);
                self.next_mention(true);
                if !self.screen.can_dock() {
                    // The overlay covers the text: get out of the way.
                    self.overlay_open = false;
                    self.focus = Focus::Article;
                }
            }
            _ => self.notice = Some("nothing to select".into()),
        }
    }

    pub(super) fn toggle_sort(&mut self) {
        self.sort = match self.sort {
            SortOrder::FirstAppearance => SortOrder::Frequency,
            SortOrder::Frequency => SortOrder::FirstAppearance,
        };
        self.notice = Some(match self.sort {
            SortOrder::FirstAppearance => "sorted by first appearance".into(),
            SortOrder::Frequency => "sorted by number of mentions".into(),
        });
        self.rebuild_rows();
    }

    pub(super) fn set_filter(&mut self, filter: String) {
        self.filter = filter;
        self.rebuild_rows();
    }

    /// Rows of the sidebar list (below its title row).
    pub fn sidebar_list_rows(&self) -> usize {
        usize::from(
            self.screen
                .sidebar(self.sidebar_docked())
                .height
                .saturating_sub(1),
        )
        .max(1)
    }

    pub(super) fn keep_cursor_visible(&mut self) {
        let h = self.sidebar_list_rows();
        let ctx = SIDEBAR_CONTEXT.min(h.saturating_sub(1) / 2);
        // Show the section header above the first target of a section too.
        let want_top = self.cursor.saturating_sub(ctx.max(usize::from(
            self.cursor > 0 && matches!(self.rows.get(self.cursor - 1), Some(Row::Header(..))),
        )));
        if want_top < self.sidebar_top {
            self.sidebar_top = want_top;
        } else if self.cursor + ctx + 1 > self.sidebar_top + h {
            self.sidebar_top = (self.cursor + ctx + 1).saturating_sub(h);
        }
        self.sidebar_top = self.sidebar_top.min(self.rows.len().saturating_sub(h));
    }

    /// Targets with a mention on the visible screen ("the sidebar follows reading").
    pub fn on_screen(&self, target: usize) -> bool {
        let lines = &self.layout.lines;
        let rows = self.geometry().view_rows;
        let (Some(first), Some(last)) = (
            lines.get(self.top),
            lines.get((self.top + rows).min(lines.len()).saturating_sub(1)),
        ) else {
            return false;
        };
        self.index.mentioned_in(
            target,
            first.range.start..last.range.end.max(first.range.start + 1),
        )
    }
}
