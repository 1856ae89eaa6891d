//! The links of an article: `o` opens the one under the current highlight,
//! or lists them all; in the list, Enter opens, `y` copies the address.

use super::{App, Effect, Overlay};
use crate::keymap::Command;

/// Schemes we hand to the system opener; anything else (javascript:,
/// file:, custom handlers) could do more than show a page.
const OPENABLE: [&str; 3] = ["http://", "https://", "mailto:"];

impl App {
    pub(super) fn open_link_or_list(&mut self) -> Option<Effect> {
        let doc = &self.reader.doc;
        if doc.links.is_empty() {
            self.notice = Some("no links in this article".into());
            return None;
        }
        if let Some(link) = self.reader.current.as_ref().and_then(|c| {
            doc.links
                .iter()
                .find(|l| l.range.start <= c.start && c.start < l.range.end)
        }) {
            return self.open_url(link.url.clone());
        }
        // Start on the first link at or below the top of the view.
        let anchor = self.anchor();
        let cursor = doc
            .links
            .iter()
            .position(|l| l.range.start >= anchor)
            .unwrap_or(0);
        self.overlay = Overlay::Links { cursor };
        None
    }

    /// Keys while the list of links is open: what stays open, and effects.
    pub(super) fn links_command(
        &mut self,
        command: Command,
        cursor: usize,
    ) -> (Overlay, Vec<Effect>) {
        let n = self.reader.doc.links.len();
        let page = (self.geometry().view_rows as isize - 1).max(1);
        let move_by = |d: isize| cursor.saturating_add_signed(d).min(n.saturating_sub(1));
        let url = self.reader.doc.links.get(cursor).map(|l| l.url.clone());
        let cursor = match (command, url) {
            (Command::LineDown | Command::NextMention, _) => move_by(1),
            (Command::LineUp | Command::PrevMention, _) => move_by(-1),
            (Command::PageDown | Command::HalfPageDown, _) => move_by(page),
            (Command::PageUp | Command::HalfPageUp, _) => move_by(-page),
            (Command::Top, _) => 0,
            (Command::Bottom, _) => n.saturating_sub(1),
            (Command::Activate, Some(url)) => {
                return (Overlay::None, self.open_url(url).into_iter().collect());
            }
            (Command::Copy, Some(url)) => {
                self.notice = Some(format!("copied: {url}"));
                return (Overlay::Links { cursor }, vec![Effect::Copy(url)]);
            }
            // Any other key closes the list.
            _ => return (Overlay::None, Vec::new()),
        };
        (Overlay::Links { cursor }, Vec::new())
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
