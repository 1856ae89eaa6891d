//! A library of articles: `factlens a.html b.md c.txt` or `factlens DIR`.
//!
//! The list opens at once with file names; the runner reads each article
//! in the background and answers with [`Action::LibraryEntry`], which fills
//! its row in. Opening an article is an [`Effect`] for the runner, which
//! reads the file and answers with [`Action::Opened`].

use std::path::PathBuf;

use super::{App, Arrival, Article, Effect, Focus, Overlay, PromptKind, Section, View};

/// Most articles remembered by the jump list across articles.
const TRAIL_MAX: usize = 100;
use crate::keymap::Command;
use crate::summary::{Summary, names_of};

#[derive(Clone, Debug, PartialEq)]
pub enum EntryState {
    Pending,
    Ready(Summary),
    /// Unreadable, binary, not UTF-8…: listed with the reason, never opened.
    Failed(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub path: PathBuf,
    pub state: EntryState,
}

impl Entry {
    pub fn name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}

#[derive(Clone, Debug, Default)]
pub struct Library {
    pub(super) entries: Vec<Entry>,
    pub(super) cursor: usize,
    /// The article open in the reader, if any.
    pub(super) open: Option<usize>,
    /// The article being read for the reader, until it arrives or the
    /// user cancels (then it is dropped when it arrives).
    pub(super) opening: Option<usize>,
    /// Only entries whose title, file name or an entity's name contains
    /// this (any case) are listed.
    pub(super) filter: String,
    /// Articles left for another, with the byte the reader was at: where
    /// `Ctrl-o` goes when the article's own jump list is spent.
    pub(super) trail: Vec<(usize, usize)>,
    /// Articles left by going back through `trail`, for `Ctrl-i`.
    pub(super) ahead: Vec<(usize, usize)>,
}

/// The list of other articles that mention an entity.
#[derive(Clone, Debug, PartialEq)]
pub struct AlsoIn {
    pub entity: String,
    pub names: Vec<String>,
    pub entries: Vec<usize>,
    pub cursor: usize,
}

impl Library {
    pub fn new(paths: Vec<PathBuf>) -> Library {
        let entries = paths
            .into_iter()
            .map(|path| Entry {
                path,
                state: EntryState::Pending,
            })
            .collect();
        Library {
            entries,
            ..Library::default()
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The article open in the reader, if any.
    pub fn open(&self) -> Option<usize> {
        self.open
    }

    /// The article being read for the reader, if any.
    pub fn opening(&self) -> Option<usize> {
        self.opening
    }

    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// The entries listed under the filter, in order. An entry still being
    /// read matches by its file name; its title and entities join in when
    /// they arrive.
    pub fn shown(&self) -> Vec<usize> {
        let needle = self.filter.to_lowercase();
        (0..self.entries.len())
            .filter(|&i| needle.is_empty() || self.entries[i].matches(&needle))
            .collect()
    }

    /// Moves the cursor `delta` rows through the listed entries; onto the
    /// first listed one when it is on an entry the filter hides.
    fn step(&mut self, delta: isize) {
        let shown = self.shown();
        self.cursor = match shown.iter().position(|&i| i == self.cursor) {
            Some(at) => {
                shown[at
                    .saturating_add_signed(delta)
                    .min(shown.len().saturating_sub(1))]
            }
            None => shown.first().copied().unwrap_or(self.cursor),
        };
    }
}

impl Entry {
    /// Does `needle` (lower case) occur in the title, the file name or a
    /// name of one of the entities?
    fn matches(&self, needle: &str) -> bool {
        let name = self.name().to_lowercase();
        name.contains(needle)
            || matches!(&self.state, EntryState::Ready(s)
                if s.title.as_ref().is_some_and(|t| t.to_lowercase().contains(needle))
                    || s.names.iter().flatten().any(|n| n.contains(needle)))
    }
}

impl App {
    /// Keys while the library list shows.
    pub(super) fn library_command(&mut self, command: Command) -> Vec<Effect> {
        let page = (self.geometry().view_rows as isize - 1).max(1);
        let Some(lib) = self.library.as_mut() else {
            return Vec::new();
        };
        let n = lib.entries.len() as isize;
        match command {
            Command::LineDown => lib.step(1),
            Command::LineUp => lib.step(-1),
            Command::PageDown | Command::HalfPageDown => lib.step(page),
            Command::PageUp | Command::HalfPageUp => lib.step(-page),
            Command::Top => lib.step(-n),
            Command::Bottom => lib.step(n),
            Command::Search | Command::Filter => self.open_prompt(PromptKind::Library),
            Command::Activate if lib.shown().is_empty() => {
                self.notice = Some("no article matches the filter (Esc clears it)".into());
            }
            Command::Activate => {
                let i = lib.cursor;
                return self.open_entry(i, None, true);
            }
            Command::Quit => self.should_quit = true,
            Command::Back => self.back_out(),
            _ => {}
        }
        Vec::new()
    }

    /// Asks the runner to read entry `i`, after remembering where the
    /// article being left was (on disk, and with `record` in the jump list
    /// across articles).
    fn open_entry(&mut self, i: usize, at: Option<Arrival>, record: bool) -> Vec<Effect> {
        let here = self.anchor();
        let Some(entry) = self.library.as_ref().and_then(|l| l.entries.get(i)) else {
            return Vec::new();
        };
        if let EntryState::Failed(why) = &entry.state {
            self.notice = Some(format!("{}: {why}", entry.name()));
            return Vec::new();
        }
        let open = Effect::OpenArticle {
            entry: i,
            path: entry.path.clone(),
            at,
        };
        if let Some(lib) = self.library.as_mut() {
            lib.opening = Some(i);
            if record && let Some(left) = lib.open.filter(|&o| o != i) {
                lib.trail.push((left, here));
                if lib.trail.len() > TRAIL_MAX {
                    lib.trail.remove(0);
                }
                lib.ahead.clear();
            }
        }
        self.reading_position().into_iter().chain([open]).collect()
    }

    /// `Ctrl-o`/`Ctrl-i` past the ends of the article's own jump list: the
    /// article read before (or after) this one, at the place it was left.
    /// `None` when there is no such article.
    pub(super) fn history_across(&mut self, back: bool) -> Option<Vec<Effect>> {
        let here = self.anchor();
        let lib = self.library.as_mut()?;
        let open = lib.open?;
        let (from, to) = if back {
            (&mut lib.trail, &mut lib.ahead)
        } else {
            (&mut lib.ahead, &mut lib.trail)
        };
        let (entry, offset) = from.pop()?;
        to.push((open, here));
        Some(self.open_entry(entry, Some(Arrival::Offset(offset)), false))
    }

    /// Lists only the entries matching `filter`, keeping the cursor on a
    /// listed one.
    pub(super) fn set_library_filter(&mut self, filter: String) {
        if let Some(lib) = self.library.as_mut() {
            lib.filter = filter;
            lib.step(0);
        }
    }

    /// Backspace in the reader: back to the list.
    pub(super) fn back_to_library(&mut self) {
        if self.library.is_some() {
            self.view = View::Library;
        } else {
            self.notice = Some("not opened from a library".into());
        }
    }

    /// "Also in": the other articles of the library that mention the
    /// selected entity, by its name or any alias.
    pub(super) fn also_in(&mut self) {
        let Some(lib) = self.library.as_ref() else {
            self.notice = Some(
                "open several articles or a folder (a library) to find facts across them".into(),
            );
            return;
        };
        let Some(t) = self.reader.selected.map(|t| &self.reader.index.targets[t]) else {
            self.notice = Some("select a person, organization or place first".into());
            return;
        };
        if matches!(t.section, Section::Figures | Section::Dates) {
            self.notice = Some("figures are not matched across articles".into());
            return;
        }
        let names = names_of(&t.name, &t.aliases);
        let entries: Vec<usize> = lib
            .entries
            .iter()
            .enumerate()
            .filter(|(i, e)| {
                Some(*i) != lib.open
                    && matches!(&e.state, EntryState::Ready(s) if s.mentions(&names))
            })
            .map(|(i, _)| i)
            .collect();
        if entries.is_empty() {
            let pending = lib
                .entries
                .iter()
                .filter(|e| e.state == EntryState::Pending)
                .count();
            let still = if pending > 0 {
                format!(" ({pending} still being read)")
            } else {
                String::new()
            };
            self.notice = Some(format!("{} is in no other article{still}", t.name));
            return;
        }
        self.overlay = Overlay::AlsoIn(AlsoIn {
            entity: t.name.clone(),
            names,
            entries,
            cursor: 0,
        });
    }

    /// Keys while "also in" is open: what stays open, and effects.
    pub(super) fn also_command(
        &mut self,
        command: Command,
        mut also: AlsoIn,
    ) -> (Overlay, Vec<Effect>) {
        let n = also.entries.len();
        match command {
            Command::LineDown => also.cursor = (also.cursor + 1).min(n - 1),
            Command::LineUp => also.cursor = also.cursor.saturating_sub(1),
            Command::Activate => {
                let entry = also.entries[also.cursor];
                return (
                    Overlay::None,
                    self.open_entry(entry, Some(Arrival::Mention(also.names)), true),
                );
            }
            _ => return (Overlay::None, Vec::new()),
        }
        (Overlay::AlsoIn(also), Vec::new())
    }

    /// A summary (or failure) for library entry `i` arrived.
    pub(super) fn library_entry(&mut self, i: usize, state: EntryState) {
        if let Some(e) = self.library.as_mut().and_then(|l| l.entries.get_mut(i)) {
            e.state = state;
        }
    }

    /// The runner read the article: show it, at the entity's first mention
    /// when asked (from "also in"), else where it was left last time.
    pub(super) fn opened(&mut self, entry: usize, mut article: Article, at: Option<Arrival>) {
        if let Some(lib) = self.library.as_mut() {
            if lib.opening != Some(entry) {
                // Cancelled (or another article asked for since).
                return;
            }
            lib.opening = None;
            lib.open = Some(entry);
            article.name = lib.entries.get(entry).map(Entry::name);
        }
        match &at {
            Some(Arrival::Offset(offset)) => article.restore = Some(*offset),
            Some(Arrival::Mention(_)) => article.restore = None,
            None => {}
        }
        self.overlay = Overlay::None;
        self.view = View::Reader;
        self.show(article);
        if let Some(Arrival::Mention(names)) = at
            && let Some(t) = self.reader.index.targets.iter().position(|t| {
                !matches!(t.section, Section::Figures | Section::Dates)
                    && names_of(&t.name, &t.aliases)
                        .iter()
                        .any(|n| names.contains(n))
            })
        {
            self.focus = Focus::Article;
            self.select(t);
            self.next_mention(true);
        }
    }

    pub(super) fn open_failed(&mut self, entry: usize, why: String) {
        if let Some(lib) = self.library.as_mut() {
            if lib.opening != Some(entry) {
                return;
            }
            lib.opening = None;
        }
        let name = self
            .library
            .as_ref()
            .and_then(|l| l.entries.get(entry))
            .map_or_else(String::new, |e| format!("{}: ", e.path.display()));
        self.notice = Some(format!("{name}{why}"));
    }
}
