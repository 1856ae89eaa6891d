//! The links of an article: `o` opens the one under the current highlight,
//! or lists them all; in the list, Enter opens, `y` copies the address.

use super::{App, Effect};
use crate::keymap::Command;

/// Schemes we hand to the system opener; anything else (javascript:,
/// file:, custom handlers) could do more than show a page.
const OPENABLE: [&str; 3] = ["http://", "https://", "mailto:"];

impl App {
    pub(super) fn open_link_or_list(&mut self) -> Option<Effect> {
        if self.doc.links.is_empty() {
            self.notice = Some("no links in this article".into());
            return None;
        }
        let here = self.current.clone();
        if let Some(link) = here.and_then(|c| {
            self.doc
                .links
                .iter()
                .find(|l| l.range.start <= c.start && c.start < l.range.end)
        }) {
            return self.open_url(link.url.clone());
        }
        self.links_open = true;
        // Start on the first link at or below the top of the view.
        let anchor = self.anchor();
        self.link_cursor = self
            .doc
            .links
            .iter()
            .position(|l| l.range.start >= anchor)
            .unwrap_or(0);
        None
    }

    pub(super) fn links_command(&mut self, command: Command, page: isize) -> Option<Effect> {
        let n = self.doc.links.len();
        let move_by = |c: usize, d: isize| c.saturating_add_signed(d).min(n.saturating_sub(1));
        match command {
            Command::LineDown | Command::NextMention => {
                self.link_cursor = move_by(self.link_cursor, 1)
            }
            Command::LineUp | Command::PrevMention => {
                self.link_cursor = move_by(self.link_cursor, -1)
            }
            Command::PageDown | Command::HalfPageDown => {
                self.link_cursor = move_by(self.link_cursor, page)
            }
            Command::PageUp | Command::HalfPageUp => {
                self.link_cursor = move_by(self.link_cursor, -page)
            }
            Command::Top => self.link_cursor = 0,
            Command::Bottom => self.link_cursor = n.saturating_sub(1),
            Command::Activate => {
                let url = self.doc.links.get(self.link_cursor)?.url.clone();
                self.links_open = false;
                return self.open_url(url);
            }
            Command::Copy => {
                let url = self.doc.links.get(self.link_cursor)?.url.clone();
                self.notice = Some(format!("copied: {url}"));
                return Some(Effect::Copy(url));
            }
            _ => self.links_open = false,
        }
        None
    }

    fn open_url(&mut self, url: String) -> Option<Effect> {
        if OPENABLE
            .iter()
            .any(|s| url.to_ascii_lowercase().starts_with(s))
        {
            self.notice = Some(format!("opening {url}"));
            Some(Effect::Open(url))
        } else {
            self.notice = Some(format!(
                "not opening {url} (only http, https and mailto links); y in the list copies it"
            ));
            None
        }
    }
}
