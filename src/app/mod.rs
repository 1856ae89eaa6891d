//! The application state machine: `Action` in, new state and [`Effect`]s
//! out. No I/O and no terminal: every interaction is testable as a sequence
//! of actions, and whatever must leave the process (a clipboard write,
//! reading a library article, saving a reading position) comes back from
//! [`App::update`] for the runner to perform.
//!
//! `App` is composed of small states whose fields only this module
//! changes: the [`Reader`] (document, view, selection, search, jump list),
//! the [`Sidebar`] (rows, filter, sort, cursor), the [`Library`], and one
//! [`Overlay`] that gets every key first while it is open (help, links,
//! outline, "also in", prompt).

mod action;
mod card;
mod escape;
mod library;
mod links;
mod mouse;
mod navigate;
mod outline;
mod overlay;
mod reader;
mod screen;
mod search;
mod sidebar;

use std::path::PathBuf;

pub use crate::index::{FactIndex, Highlight, Section, Target};
pub use action::{Action, Arrival, Article, Effect, Options};
pub use card::{Card, LEGEND_ROWS, SidebarRows};
pub use library::{AlsoIn, Entry, EntryState, Library};
pub use mouse::offset_at_column;
pub use navigate::sentence_around;
pub use overlay::{Overlay, Prompt, PromptKind};
pub use reader::{Follow, Reader, Search};
pub use screen::{Geometry, Screen};
pub use search::MAX_MATCHES;
pub use sidebar::{Row, Sidebar, SortOrder};

use crate::document::Document;
use crate::extract::Facts;
use crate::keymap::{Command, Key, Keymap};

/// Default reading measure: comfortable line length in columns.
pub const DEFAULT_MEASURE: usize = 80;
/// Lines moved by one notch of the mouse wheel.
pub const WHEEL_LINES: isize = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Article,
    Sidebar,
}

/// Which of the app's screens is showing under any overlay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Library,
    Reader,
}

pub struct App {
    options: Options,
    screen: Screen,
    view: View,
    reader: Reader,
    sidebar: Sidebar,
    library: Option<Library>,
    overlay: Overlay,
    focus: Focus,
    /// A short message for the status line, cleared by the next key.
    notice: Option<String>,
    should_quit: bool,
}

impl App {
    /// A reader on `doc` with the default look (tests, benches).
    pub fn new(
        doc: Document,
        facts: Facts,
        keymap: Keymap,
        measure: usize,
        width: u16,
        height: u16,
    ) -> App {
        let options = Options {
            keymap,
            measure,
            ..Options::default()
        };
        App::for_article(Article::new(doc, &facts), options, width, height)
    }

    /// The reader on one article.
    pub fn for_article(article: Article, options: Options, width: u16, height: u16) -> App {
        let mut app = App {
            screen: Screen {
                width,
                height,
                sidebar_width: options.sidebar_cols,
                sidebar_left: options.sidebar_left,
            },
            view: View::Reader,
            reader: Reader::default(),
            sidebar: Sidebar::new(options.sidebar_shown, options.sort),
            library: None,
            overlay: Overlay::None,
            focus: Focus::Article,
            notice: None,
            should_quit: false,
            options,
        };
        app.show(article);
        app
    }

    /// The library list of `paths`, summaries to come with
    /// [`Action::LibraryEntry`].
    pub fn for_library(paths: Vec<PathBuf>, options: Options, width: u16, height: u16) -> App {
        let doc = crate::document::load_plain("Library\n\nChoose an article.\n");
        let mut app =
            App::for_article(Article::new(doc, &Facts::default()), options, width, height);
        app.library = Some(Library::new(paths));
        app.view = View::Library;
        app
    }

    /// Puts `article` in the reader, keeping the look and the library.
    fn show(&mut self, article: Article) {
        let Article {
            doc,
            index,
            loading,
            name,
            key,
            restore,
        } = article;
        self.reader = Reader::new(doc, index, loading, name, key);
        self.focus = Focus::Article;
        self.sidebar.reset();
        self.rebuild_rows();
        self.relayout();
        // What the loader had to say ("no article found: showing the whole
        // page"); a notice about leaving the last article stays otherwise.
        if let Some(note) = self.reader.doc.notes.first() {
            self.notice = Some(note.clone());
        }
        if let Some(offset) = restore {
            self.restore_position(offset);
        }
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    pub fn view(&self) -> View {
        self.view
    }

    pub fn reader(&self) -> &Reader {
        &self.reader
    }

    pub fn sidebar(&self) -> &Sidebar {
        &self.sidebar
    }

    pub fn library(&self) -> Option<&Library> {
        self.library.as_ref()
    }

    pub fn overlay(&self) -> &Overlay {
        &self.overlay
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    pub fn should_quit(&self) -> bool {
        self.should_quit
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    pub fn geometry(&self) -> Geometry {
        self.screen
            .geometry(self.sidebar_docked(), self.options.measure)
    }

    /// Is the sidebar drawn beside the article (as opposed to hidden or an overlay)?
    pub fn sidebar_docked(&self) -> bool {
        self.sidebar.shown && self.screen.can_dock()
    }

    pub fn sidebar_visible(&self) -> bool {
        self.sidebar_docked() || (!self.screen.can_dock() && self.sidebar.narrow_open)
    }

    /// Where the reader is, to remember when the program ends.
    pub fn reading_position(&self) -> Option<Effect> {
        let (key, len) = self.reader.key.clone()?;
        Some(Effect::Remember {
            key,
            len,
            offset: self.position(),
        })
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Key(key) => {
                if !matches!(self.overlay, Overlay::Prompt(_)) {
                    self.notice = None;
                }
                return self.key(key);
            }
            Action::Command(c) => return self.command(c),
            Action::Resize { width, height } => self.resize(width, height),
            Action::Wheel { x, y, delta } => self.wheel(x, y, delta),
            Action::Click { x, y } => self.click(x, y),
            Action::Notice(message) => self.notice = Some(message),
            Action::Loaded(doc, layout) => self.loaded(doc, layout),
            Action::Analyzed(index) => self.analyzed(index),
            Action::LibraryEntry(i, state) => self.library_entry(i, state),
            Action::Opened { entry, article, at } => self.opened(entry, *article, at),
            Action::OpenFailed { entry, why } => self.open_failed(entry, why),
        }
        Vec::new()
    }

    /// One place decides what a key means: the overlay's own keys first
    /// (a prompt takes them all), then the keymap.
    fn key(&mut self, key: Key) -> Vec<Effect> {
        if let Some(effects) = self.overlay_key(key) {
            return effects;
        }
        match self.options.keymap.command(key) {
            Some(c) => self.command(c),
            None => {
                self.notice = Some(format!("{key} is not bound (? for help)"));
                Vec::new()
            }
        }
    }

    fn command(&mut self, command: Command) -> Vec<Effect> {
        // These leave whatever is open alone (see `escape.rs`).
        match command {
            Command::Suspend => return vec![Effect::Suspend],
            Command::QuitNow => self.should_quit = true,
            Command::Cancel => self.cancel(),
            _ => {}
        }
        if matches!(command, Command::QuitNow | Command::Cancel) {
            return Vec::new();
        }
        if let Some(effects) = self.overlay_command(command) {
            return effects;
        }
        if command == Command::Help {
            self.open_help();
            return Vec::new();
        }
        match self.view {
            View::Library => self.library_command(command),
            View::Reader => self.reader_command(command),
        }
    }

    fn reader_command(&mut self, command: Command) -> Vec<Effect> {
        let page = self.geometry().view_rows as isize;
        // Keep one line of overlap on page moves, as less does with -z-1.
        let page_step = (page - 1).max(1);
        let in_sidebar = self.focus == Focus::Sidebar && self.sidebar_visible();
        let rows = self.sidebar.rows.len() as isize;
        match command {
            Command::Library => self.back_to_library(),
            Command::AlsoIn => self.also_in(),
            Command::Links => return self.open_link_or_list().into_iter().collect(),
            Command::Quit => self.quit(),
            Command::Back => self.back_out(),
            Command::LineDown if in_sidebar => self.move_cursor(1),
            Command::LineUp if in_sidebar => self.move_cursor(-1),
            Command::PageDown if in_sidebar => self.move_cursor(page_step),
            Command::PageUp if in_sidebar => self.move_cursor(-page_step),
            Command::HalfPageDown if in_sidebar => self.move_cursor(page / 2),
            Command::HalfPageUp if in_sidebar => self.move_cursor(-page / 2),
            Command::Top if in_sidebar => self.move_cursor(-rows),
            Command::Bottom if in_sidebar => self.move_cursor(rows),
            Command::LineDown => self.scroll_by(1),
            Command::LineUp => self.scroll_by(-1),
            Command::PageDown => self.scroll_by(page_step),
            Command::PageUp => self.scroll_by(-page_step),
            Command::HalfPageDown => self.scroll_by((page / 2).max(1)),
            Command::HalfPageUp => self.scroll_by(-(page / 2).max(1)),
            Command::Top => self.jump_to_line(0),
            Command::Bottom => self.jump_to_line(self.max_top()),
            Command::NextHeading => self.jump_heading(true),
            Command::PrevHeading => self.jump_heading(false),
            Command::Outline => self.open_outline(),
            Command::Focus => self.toggle_focus(),
            Command::ToggleSidebar => self.toggle_sidebar(),
            Command::Sort => self.toggle_sort(),
            Command::Filter => self.open_prompt(PromptKind::Filter),
            Command::Search => self.open_prompt(PromptKind::Search),
            Command::Activate if in_sidebar => self.activate(),
            Command::Activate => self.next_mention(true),
            Command::NextMention => self.next_mention(true),
            Command::PrevMention => self.next_mention(false),
            Command::NextFact => self.next_fact(true, false),
            Command::PrevFact => self.next_fact(false, false),
            Command::NextSameKind => self.next_fact(true, true),
            Command::PrevSameKind => self.next_fact(false, true),
            Command::JumpBack => return self.history(true),
            Command::JumpForward => return self.history(false),
            Command::Copy => return self.copy().into_iter().collect(),
            // Done before the view is asked (see `command`).
            Command::Help | Command::Suspend | Command::Cancel | Command::QuitNow => {}
        }
        Vec::new()
    }

    /// Re-wraps for a new screen size, keeping the first visible line's text
    /// on screen.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.screen = Screen {
            width,
            height,
            ..self.screen
        };
        self.relayout();
    }

    fn relayout(&mut self) {
        let geometry = self.geometry();
        self.reader.relayout(geometry);
        self.keep_cursor_visible();
    }
}

#[cfg(test)]
mod tests;
