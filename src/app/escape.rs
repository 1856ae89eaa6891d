//! Closing, cancelling and quitting: one model for Esc, Ctrl-c, `q` and `Q`.
//!
//! - Esc (`back`) closes or cancels the innermost thing and never quits:
//!   a prompt, a popup (help, links, outline, "also in"), an article being
//!   opened, the sidebar drawn over a narrow screen, the sidebar's focus, a
//!   search highlight, the selection, the sidebar filter and, last, an
//!   article opened from a library, which goes back to the list; in the
//!   library list, its filter. With nothing left to close it says how to
//!   quit: an Esc too many must not end a reading.
//! - Ctrl-c (`cancel`) cancels a prompt or an article being opened, as in
//!   less and vim, and quits only when there is nothing to cancel.
//! - `q` (`quit`) closes a popup, else quits.
//! - `Q` (`quit_now`) quits from anywhere but a prompt, where it is a letter.
//!
//! Popups take `back` and `quit` themselves (see `overlay.rs`); what is
//! left is decided here.

use super::{App, Focus, Follow, View};
use crate::keymap::Command;

impl App {
    /// Esc with no popup open: closes the innermost thing still open.
    pub(super) fn back_out(&mut self) {
        if self.cancel_opening() {
            return;
        }
        if self.view == View::Reader && self.close_in_reader() {
            return;
        }
        if self.view == View::Library && self.library.as_ref().is_some_and(|l| !l.filter.is_empty())
        {
            self.set_library_filter(String::new());
            return;
        }
        self.notice = Some(format!("nothing to close · {}", self.quit_hint()));
    }

    /// Closes one thing in the reader, innermost first; false when nothing
    /// was open.
    fn close_in_reader(&mut self) -> bool {
        if self.narrow_sidebar_open() {
            self.close_narrow_sidebar();
        } else if self.focus == Focus::Sidebar {
            self.focus = Focus::Article;
        } else if self.reader.search.is_some() {
            self.reader.search = None;
            if self.reader.follow == Follow::Search {
                self.reader.current = None;
                self.reader.follow = Follow::Selection;
            }
        } else if self.reader.selected.is_some() || self.reader.current.is_some() {
            self.reader.selected = None;
            self.reader.current = None;
        } else if !self.sidebar.filter.is_empty() {
            self.set_filter(String::new());
        } else if self.library.is_some() {
            self.view = View::Library;
        } else {
            return false;
        }
        true
    }

    /// Ctrl-c: cancels a prompt or an article being opened; quits when
    /// there is nothing to cancel.
    pub(super) fn cancel(&mut self) {
        if self.cancel_prompt() || self.cancel_opening() {
            return;
        }
        self.should_quit = true;
    }

    /// `q` with no popup open: the sidebar drawn over a narrow screen is
    /// one too, and closes; anything else quits.
    pub(super) fn quit(&mut self) {
        if self.narrow_sidebar_open() {
            self.close_narrow_sidebar();
        } else {
            self.should_quit = true;
        }
    }

    fn close_narrow_sidebar(&mut self) {
        self.sidebar.narrow_open = false;
        self.focus = Focus::Article;
    }

    fn narrow_sidebar_open(&self) -> bool {
        !self.screen.can_dock() && self.sidebar.narrow_open
    }

    /// Forgets the library article being read for the reader, so that it
    /// does not open when it arrives. False when none was.
    pub(super) fn cancel_opening(&mut self) -> bool {
        let Some(lib) = self.library.as_mut() else {
            return false;
        };
        let Some(i) = lib.opening.take() else {
            return false;
        };
        let name = lib.entries.get(i).map(|e| e.name()).unwrap_or_default();
        self.notice = Some(format!("{name} not opened (cancelled)"));
        true
    }

    /// How to quit, in the keys the user has: "q quits".
    pub(super) fn quit_hint(&self) -> String {
        let keymap = &self.options.keymap;
        [Command::Quit, Command::QuitNow, Command::Cancel]
            .into_iter()
            .find_map(|c| keymap.keys_for(c).first())
            .map_or_else(
                || "no key quits (see [keys] in the config)".to_string(),
                |k| format!("{k} quits"),
            )
    }

    /// What is under way, for the status line: "opening b.txt… · Ctrl-c
    /// cancels".
    pub fn busy(&self) -> Option<String> {
        let lib = self.library.as_ref()?;
        let entry = lib.entries.get(lib.opening?)?;
        let keymap = &self.options.keymap;
        let cancel = [Command::Cancel, Command::Back]
            .into_iter()
            .find_map(|c| keymap.keys_for(c).first())
            .map(|k| format!(" · {k} cancels"))
            .unwrap_or_default();
        Some(format!("opening {}…{cancel}", entry.name()))
    }
}
