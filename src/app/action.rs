//! What goes in and out of [`App::update`](super::App::update): actions,
//! effects, and the article and options an app is made with.

use std::path::PathBuf;
use std::sync::Arc;

use super::{DEFAULT_MEASURE, EntryState, FactIndex, SortOrder};
use crate::document::Document;
use crate::extract::Facts;
use crate::keymap::{Command, Key, Keymap};
use crate::layout::Layout;
use crate::theme::Palette;

#[derive(Debug)]
pub enum Action {
    Key(Key),
    Command(Command),
    Resize {
        width: u16,
        height: u16,
    },
    /// Mouse wheel at a screen cell: positive scrolls down.
    Wheel {
        x: u16,
        y: u16,
        delta: i32,
    },
    /// Left click at a screen cell.
    Click {
        x: u16,
        y: u16,
    },
    /// A message for the status line (a warning at start, an effect that
    /// could not be carried out).
    Notice(String),
    /// Background work finished building the whole document (the reader
    /// started on a prefix of it) and its layout at `layout.width`.
    Loaded(Arc<Document>, Layout),
    /// Background work finished finding the facts.
    Analyzed(FactIndex),
    /// The library's background reader summarized (or failed on) an entry.
    LibraryEntry(usize, EntryState),
    /// A library article the user opened was read.
    Opened {
        entry: usize,
        article: Box<Article>,
        /// Where to put the reader (from "also in", or the jump list).
        at: Option<Arrival>,
    },
    /// A library article the user opened could not be read.
    OpenFailed {
        entry: usize,
        why: String,
    },
}

/// Where the reader lands in an article opened from the library.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// At the first mention of an entity going by one of these names
    /// (lower case), from "also in".
    Mention(Vec<String>),
    /// At this byte: back or forward through the jump list.
    Offset(usize),
}

/// Work for the runner: things `update` may not do itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Open this URL with the system's opener.
    Open(String),
    /// Give the terminal back and stop until resumed (Ctrl-z).
    Suspend,
    /// Read library entry `entry` and answer with `Action::Opened`.
    OpenArticle {
        entry: usize,
        path: PathBuf,
        at: Option<Arrival>,
    },
    /// Remember that the article under `key` (of `len` bytes) was left at
    /// byte `offset`.
    Remember {
        key: String,
        len: usize,
        offset: usize,
    },
}

/// The reader's look and preferences, from the command line and the config.
#[derive(Clone, Debug)]
pub struct Options {
    pub keymap: Keymap,
    /// Widest text column, in columns.
    pub measure: usize,
    pub palette: Palette,
    /// Draw colours; off under `NO_COLOR` (styles keep bold, underline and
    /// reverse, so facts stay distinguishable).
    pub color: bool,
    pub sort: SortOrder,
    pub sidebar_shown: bool,
    pub sidebar_left: bool,
    pub sidebar_cols: Option<u16>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            keymap: Keymap::default_keys(),
            measure: DEFAULT_MEASURE,
            palette: Palette::default(),
            color: true,
            sort: SortOrder::FirstAppearance,
            sidebar_shown: true,
            sidebar_left: false,
            sidebar_cols: None,
        }
    }
}

/// An article to show: the document, its facts when known, and what the
/// reading position is remembered under.
#[derive(Debug)]
pub struct Article {
    pub doc: Arc<Document>,
    /// `None` while the facts are found in the background (see
    /// [`Action::Analyzed`]).
    pub index: Option<FactIndex>,
    /// `doc` is a prefix; the whole arrives with [`Action::Loaded`].
    pub loading: bool,
    /// What to call an untitled document (its file name).
    pub name: Option<String>,
    /// The key and input length the reading position is remembered under.
    pub key: Option<(String, usize)>,
    /// A remembered position (byte offset) to open at.
    pub restore: Option<usize>,
}

impl Article {
    pub fn new(doc: Document, facts: &Facts) -> Article {
        let index = FactIndex::new(&doc, facts);
        Article {
            doc: Arc::new(doc),
            index: Some(index),
            loading: false,
            name: None,
            key: None,
            restore: None,
        }
    }

    /// A prefix of a big text (`loading`) or a whole one, facts to come.
    pub fn pending(doc: Arc<Document>, loading: bool) -> Article {
        Article {
            doc,
            index: None,
            loading,
            name: None,
            key: None,
            restore: None,
        }
    }
}
