//! Searching the text as the query is typed (smart case).

use std::ops::Range;

use regex::RegexBuilder;

use super::navigate::step;
use super::{App, Follow, Search};

/// Search matches beyond this many are not collected (the count says "+").
pub const MAX_MATCHES: usize = 200_000;

impl App {
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
        if self
            .reader
            .search
            .as_ref()
            .is_some_and(|s| s.matches.is_empty())
        {
            self.notice = Some("pattern not found".into());
        }
    }
}
