//! A library of articles: `factlens a.html b.md c.txt` or `factlens DIR`.
//!
//! The list opens at once with file names; a background thread reads each
//! article in turn and sends a [`Summary`] (title, byline, words, top
//! entities and every entity's names, for cross-article facts), which fills
//! its row in. Opening an article is an [`Effect`] for the runner, which
//! reads the file and answers with [`Action::Opened`].

use std::path::PathBuf;

use super::{Action, App, Effect, Focus, Section};
use crate::keymap::Command;

/// Words per minute for the reading-time estimate.
const WORDS_PER_MINUTE: usize = 230;

/// What the library knows of an article once read.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub words: usize,
    /// The most mentioned people, organizations and places.
    pub top: Vec<String>,
    /// Every entity: canonical name and aliases, lower-cased, for matching
    /// across articles.
    pub names: Vec<Vec<String>>,
}

impl Summary {
    pub fn reading_minutes(&self) -> usize {
        self.words.div_ceil(WORDS_PER_MINUTE).max(1)
    }

    fn mentions(&self, names: &[String]) -> bool {
        self.names
            .iter()
            .any(|n| n.iter().any(|a| names.contains(a)))
    }
}

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

/// Which of the app's screens is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Library,
    Reader,
}

#[derive(Clone, Debug, Default)]
pub struct Library {
    pub entries: Vec<Entry>,
    pub cursor: usize,
    /// The article open in the reader, if any.
    pub open: Option<usize>,
    /// "Also in": other articles naming the selected entity, when listed.
    pub also: Option<AlsoIn>,
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
}

/// The names an entity goes by, lower-cased.
pub fn names_of(name: &str, aliases: &[String]) -> Vec<String> {
    let mut v: Vec<String> = std::iter::once(name)
        .chain(aliases.iter().map(String::as_str))
        .map(str::to_lowercase)
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Summarizes a document and its facts for the library.
pub fn summarize(doc: &crate::document::Document, facts: &crate::extract::Facts) -> Summary {
    let mut ranked: Vec<&crate::extract::Entity> = facts.entities.iter().collect();
    ranked.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
    Summary {
        title: doc.title().map(str::to_string),
        byline: doc.byline().map(str::to_string),
        words: doc.word_count(),
        top: ranked.iter().take(3).map(|e| e.name.clone()).collect(),
        names: facts
            .entities
            .iter()
            .map(|e| names_of(&e.name, &e.aliases))
            .collect(),
    }
}

impl App {
    pub fn library_view(&self) -> bool {
        self.view == View::Library
    }

    /// Keys while the library list shows.
    pub(super) fn library_command(&mut self, command: Command, page: isize) -> Option<Effect> {
        let lib = self.library.as_mut()?;
        let n = lib.entries.len();
        let step = |c: usize, d: isize| c.saturating_add_signed(d).min(n.saturating_sub(1));
        match command {
            Command::LineDown => lib.cursor = step(lib.cursor, 1),
            Command::LineUp => lib.cursor = step(lib.cursor, -1),
            Command::PageDown | Command::HalfPageDown => lib.cursor = step(lib.cursor, page),
            Command::PageUp | Command::HalfPageUp => lib.cursor = step(lib.cursor, -page),
            Command::Top => lib.cursor = 0,
            Command::Bottom => lib.cursor = n.saturating_sub(1),
            Command::Activate => return self.open_entry(self.library.as_ref()?.cursor, None),
            Command::Quit | Command::Back => self.should_quit = true,
            _ => {}
        }
        None
    }

    fn open_entry(&mut self, i: usize, at: Option<Vec<String>>) -> Option<Effect> {
        let entry = self.library.as_ref()?.entries.get(i)?;
        if let EntryState::Failed(why) = &entry.state {
            self.notice = Some(format!("{}: {why}", entry.name()));
            return None;
        }
        Some(Effect::OpenArticle {
            entry: i,
            path: entry.path.clone(),
            at,
        })
    }

    /// Backspace in the reader: back to the list.
    pub(super) fn back_to_library(&mut self) {
        if self.library.is_some() {
            self.view = View::Library;
            if let Some(lib) = self.library.as_mut() {
                lib.also = None;
            }
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
        let Some(t) = self.selected.map(|t| &self.index.targets[t]) else {
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
        let pending = lib
            .entries
            .iter()
            .filter(|e| e.state == EntryState::Pending)
            .count();
        if entries.is_empty() {
            self.notice = Some(format!(
                "{} is in no other article{}",
                t.name,
                if pending > 0 {
                    format!(" ({pending} still being read)")
                } else {
                    String::new()
                }
            ));
            return;
        }
        let entity = t.name.clone();
        if let Some(lib) = self.library.as_mut() {
            lib.also = Some(AlsoIn {
                entity,
                names,
                entries,
                cursor: 0,
            });
        }
    }

    pub(super) fn also_command(&mut self, command: Command) -> Option<Effect> {
        let also = self.library.as_mut()?.also.as_mut()?;
        let n = also.entries.len();
        match command {
            Command::LineDown => also.cursor = (also.cursor + 1).min(n - 1),
            Command::LineUp => also.cursor = also.cursor.saturating_sub(1),
            Command::Activate => {
                let (entry, names) = (also.entries[also.cursor], also.names.clone());
                self.library.as_mut()?.also = None;
                return self.open_entry(entry, Some(names));
            }
            _ => self.library.as_mut()?.also = None,
        }
        None
    }

    /// A summary (or failure) for library entry `i` arrived.
    pub(super) fn library_entry(&mut self, i: usize, state: EntryState) {
        if let Some(e) = self.library.as_mut().and_then(|l| l.entries.get_mut(i)) {
            e.state = state;
        }
    }

    /// The runner read the article: show it, at the entity's first mention
    /// when asked (from "also in").
    pub(super) fn opened(
        &mut self,
        entry: usize,
        doc: crate::document::Document,
        facts: crate::extract::Facts,
        at: Option<Vec<String>>,
    ) {
        let (w, h) = (self.screen.width, self.screen.height);
        let mut reader = App::new(doc, facts, self.keymap.clone(), self.measure, w, h);
        // Keep the library, the look and the user's preferences.
        reader.library = self.library.take();
        reader.palette = self.palette;
        reader.color = self.color;
        reader.sort = self.sort;
        reader.sidebar_shown = self.sidebar_shown;
        reader.configure_sidebar(
            self.sidebar_shown,
            self.screen.sidebar_left,
            self.screen.sidebar_width,
            self.sort,
        );
        if let Some(lib) = reader.library.as_mut() {
            lib.open = Some(entry);
            reader.name = lib.entries.get(entry).map(Entry::name);
        }
        reader.view = View::Reader;
        if let Some(names) = at
            && let Some(t) = reader.index.targets.iter().position(|t| {
                !matches!(t.section, Section::Figures | Section::Dates)
                    && names_of(&t.name, &t.aliases)
                        .iter()
                        .any(|n| names.contains(n))
            })
        {
            reader.focus = Focus::Article;
            reader.select(t);
            reader.next_mention(true);
        }
        *self = reader;
    }
}

/// Reads each library entry in turn on a background thread.
pub fn summarize_in_background(paths: Vec<PathBuf>) -> std::sync::mpsc::Receiver<Action> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("factlens-library".into())
        .spawn(move || {
            for (i, path) in paths.into_iter().enumerate() {
                let state = match crate::document::load_path(&path) {
                    Ok(doc) => EntryState::Ready(summarize(&doc, &crate::extract::extract(&doc))),
                    Err(why) => EntryState::Failed(why),
                };
                if tx.send(Action::LibraryEntry(i, state)).is_err() {
                    return;
                }
            }
        })
        .expect("spawn the library thread");
    rx
}
