//! The sidebar: targets grouped by section, filtered and sorted, the cursor
//! that moves over them, and whether it shows (docked beside the text, or
//! over it on a narrow screen).

use super::{App, Focus, Follow, Section};

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

pub struct Sidebar {
    /// The user's wish to see the sidebar (docked on wide screens).
    pub(super) shown: bool,
    /// On narrow screens the sidebar is drawn over the text, open or closed.
    pub(super) narrow_open: bool,
    pub(super) sort: SortOrder,
    pub(super) filter: String,
    /// Rows after filter and sort.
    pub(super) rows: Vec<Row>,
    /// Index into `rows` of the cursor (always a target row when any exists).
    pub(super) cursor: usize,
    /// First visible row.
    pub(super) top: usize,
}

impl Sidebar {
    pub(super) fn new(shown: bool, sort: SortOrder) -> Sidebar {
        Sidebar {
            shown,
            narrow_open: false,
            sort,
            filter: String::new(),
            rows: Vec::new(),
            cursor: 0,
            top: 0,
        }
    }

    /// A new article: the look stays, the rest starts over.
    pub(super) fn reset(&mut self) {
        *self = Sidebar::new(self.shown, self.sort);
    }

    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn top(&self) -> usize {
        self.top
    }

    pub fn sort(&self) -> SortOrder {
        self.sort
    }

    pub fn filter(&self) -> &str {
        &self.filter
    }
}

impl App {
    pub(super) fn rebuild_rows(&mut self) {
        let needle = self.sidebar.filter.to_lowercase();
        let targets = &self.reader.index.targets;
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
            match self.sidebar.sort {
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
            .reader
            .selected
            .and_then(|s| rows.iter().position(|r| *r == Row::Target(s)));
        self.sidebar.rows = rows;
        self.sidebar.cursor = keep.unwrap_or(0);
        self.snap_cursor(1);
        self.keep_cursor_visible();
    }

    /// Moves the cursor off a header, in direction `dir`, then the other way.
    fn snap_cursor(&mut self, dir: isize) {
        let s = &mut self.sidebar;
        let is_target = |r: &Row| matches!(r, Row::Target(_));
        if s.rows.get(s.cursor).is_some_and(is_target) {
            return;
        }
        let fwd = (s.cursor..s.rows.len()).find(|&i| is_target(&s.rows[i]));
        let bwd = (0..s.cursor.min(s.rows.len()))
            .rev()
            .find(|&i| is_target(&s.rows[i]));
        s.cursor = if dir >= 0 { fwd.or(bwd) } else { bwd.or(fwd) }.unwrap_or(0);
    }

    /// Moves the sidebar cursor by `delta` target rows (headers are skipped)
    /// and selects the target under it, so its mentions light up at once.
    pub(super) fn move_cursor(&mut self, delta: isize) {
        let s = &mut self.sidebar;
        if s.rows.is_empty() {
            return;
        }
        let target_rows: Vec<usize> = (0..s.rows.len())
            .filter(|&i| matches!(s.rows[i], Row::Target(_)))
            .collect();
        let here = target_rows.iter().position(|&i| i >= s.cursor).unwrap_or(0);
        let to = here
            .saturating_add_signed(delta)
            .min(target_rows.len().saturating_sub(1));
        s.cursor = target_rows.get(to).copied().unwrap_or(0);
        if let Some(Row::Target(t)) = s.rows.get(s.cursor) {
            let t = *t;
            self.select(t);
        }
        self.keep_cursor_visible();
    }

    /// Selecting a target makes `n`/`N` follow it.
    pub(super) fn select(&mut self, target: usize) {
        if self.reader.selected != Some(target) {
            self.reader.selected = Some(target);
            self.reader.current = None;
        }
        self.reader.follow = Follow::Selection;
        if let Some(i) = self
            .sidebar
            .rows
            .iter()
            .position(|r| *r == Row::Target(target))
        {
            self.sidebar.cursor = i;
            self.keep_cursor_visible();
        }
    }

    /// Enter in the sidebar: select the row under the cursor and jump to its
    /// next mention.
    pub(super) fn activate(&mut self) {
        match self.sidebar.rows.get(self.sidebar.cursor) {
            Some(Row::Target(t)) => {
                let t = *t;
                self.select(t);
                self.next_mention(true);
                if !self.screen.can_dock() {
                    // The overlay covers the text: get out of the way.
                    self.sidebar.narrow_open = false;
                    self.focus = Focus::Article;
                }
            }
            _ => self.notice = Some("nothing to select".into()),
        }
    }

    pub(super) fn toggle_sort(&mut self) {
        self.sidebar.sort = match self.sidebar.sort {
            SortOrder::FirstAppearance => SortOrder::Frequency,
            SortOrder::Frequency => SortOrder::FirstAppearance,
        };
        self.notice = Some(match self.sidebar.sort {
            SortOrder::FirstAppearance => "sorted by first appearance".into(),
            SortOrder::Frequency => "sorted by number of mentions".into(),
        });
        self.rebuild_rows();
    }

    pub(super) fn set_filter(&mut self, filter: String) {
        self.sidebar.filter = filter;
        self.rebuild_rows();
    }

    /// Rows of the sidebar list (below its title row, above the card and
    /// the legend).
    pub fn sidebar_list_rows(&self) -> usize {
        self.sidebar_rows().list.max(1)
    }

    pub(super) fn keep_cursor_visible(&mut self) {
        let h = self.sidebar_list_rows();
        let s = &mut self.sidebar;
        let ctx = SIDEBAR_CONTEXT.min(h.saturating_sub(1) / 2);
        // Show the section header above the first target of a section too.
        let want_top = s.cursor.saturating_sub(ctx.max(usize::from(
            s.cursor > 0 && matches!(s.rows.get(s.cursor - 1), Some(Row::Header(..))),
        )));
        if want_top < s.top {
            s.top = want_top;
        } else if s.cursor + ctx + 1 > s.top + h {
            s.top = (s.cursor + ctx + 1).saturating_sub(h);
        }
        s.top = s.top.min(s.rows.len().saturating_sub(h));
    }

    pub(super) fn toggle_focus(&mut self) {
        if self.focus == Focus::Sidebar {
            self.focus = Focus::Article;
            if !self.screen.can_dock() {
                self.sidebar.narrow_open = false;
            }
        } else {
            self.focus = Focus::Sidebar;
            if self.screen.can_dock() {
                self.show_sidebar(true);
            } else {
                self.sidebar.narrow_open = true;
            }
        }
    }

    pub(super) fn toggle_sidebar(&mut self) {
        if self.screen.can_dock() {
            let show = !self.sidebar.shown;
            self.show_sidebar(show);
            if !show {
                self.focus = Focus::Article;
            }
        } else {
            self.sidebar.narrow_open = !self.sidebar.narrow_open;
            self.focus = if self.sidebar.narrow_open {
                Focus::Sidebar
            } else {
                Focus::Article
            };
        }
    }

    /// Docking or undocking changes the article width: re-wrap in place.
    fn show_sidebar(&mut self, show: bool) {
        if self.sidebar.shown != show {
            self.sidebar.shown = show;
            self.relayout();
        }
    }
}
