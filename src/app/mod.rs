//! The application state machine: `Action` in, new state out. No I/O, no
//! terminal: every interaction is testable as a sequence of actions. The
//! one thing that must leave the process (a clipboard write) comes back from
//! `update` as an [`Effect`] for the runner to perform.

mod index;
mod library;
mod links;
mod navigate;
mod screen;
mod sidebar;

use std::ops::Range;
use std::sync::Arc;

pub use index::{FactIndex, Highlight, Section, Target};
pub use library::{
    AlsoIn, Entry, EntryState, Library, Summary, View, summarize, summarize_in_background,
};
pub use screen::{Geometry, Screen};
pub use sidebar::{Row, SortOrder};

use crate::document::Document;
use crate::extract::Facts;
use crate::keymap::{Command, Key, KeyCode, Keymap};
use crate::layout::{Layout, layout};

/// Default reading measure: comfortable line length in columns.
pub const DEFAULT_MEASURE: usize = 80;
/// Lines moved by one notch of the mouse wheel.
pub const WHEEL_LINES: isize = 3;

#[derive(Clone, Debug)]
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
    /// Background work finished building the whole document (the reader
    /// started on a prefix of it) and its layout at `layout.width`.
    Loaded(Arc<Document>, Layout),
    /// Background work finished finding the facts.
    Analyzed(FactIndex),
    /// Background loading failed (the file changed under us): stay on the prefix.
    LoadFailed(String),
    /// The library's background reader summarized (or failed on) an entry.
    LibraryEntry(usize, EntryState),
    /// The runner read a library article the user opened.
    Opened {
        entry: usize,
        doc: Document,
        facts: Facts,
        /// Names of an entity to jump to (from "also in").
        at: Option<Vec<String>>,
    },
}

/// Work for the runner: things `update` may not do itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Open this URL with the system's opener.
    Open(String),
    /// Read library entry `entry` and answer with `Action::Opened`.
    OpenArticle {
        entry: usize,
        path: std::path::PathBuf,
        at: Option<Vec<String>>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Article,
    Sidebar,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptKind {
    Search,
    Filter,
}

/// A line of input being typed at the bottom of the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: String,
    /// Where the view was when the prompt opened, for Esc.
    origin_top: usize,
    origin_filter: String,
}

/// An accepted or in-progress search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub matches: Vec<Range<usize>>,
    pub current: Option<usize>,
}

/// What `n`/`N` follow: whatever was selected or searched last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Follow {
    Selection,
    Search,
}

pub struct App {
    /// Shared with background analysis, which reads it while we draw.
    pub doc: Arc<Document>,
    pub index: FactIndex,
    pub keymap: Keymap,
    pub measure: usize,
    pub layout: Layout,
    pub screen: Screen,
    /// First visible display line of the article.
    pub top: usize,
    pub focus: Focus,
    /// The user's wish to see the sidebar (docked on wide screens).
    pub sidebar_shown: bool,
    /// On narrow screens the sidebar is an overlay, open or closed.
    pub overlay_open: bool,
    pub sort: SortOrder,
    pub filter: String,
    /// Sidebar rows after filter and sort.
    pub rows: Vec<Row>,
    /// Index into `rows` of the sidebar cursor (always a target row when any exists).
    pub cursor: usize,
    /// First visible sidebar row.
    pub sidebar_top: usize,
    /// The selected target (entity or figure).
    pub selected: Option<usize>,
    /// The mention or match jumped to last: drawn strongest, cursor sits on it.
    pub current: Option<Range<usize>>,
    pub follow: Follow,
    pub search: Option<Search>,
    pub prompt: Option<Prompt>,
    back: Vec<usize>,
    forward: Vec<usize>,
    pub palette: crate::theme::Palette,
    /// Under what name, and for what input length, the reading position is
    /// remembered (files and URLs).
    pub key: Option<(String, usize)>,
    /// What to call an untitled document (its file name).
    pub name: Option<String>,
    /// Draw colours; off under `NO_COLOR` (styles keep bold, underline and
    /// reverse, so facts stay distinguishable).
    pub color: bool,
    pub view: View,
    pub library: Option<Library>,
    /// The list of links, open, with its cursor.
    pub links_open: bool,
    pub link_cursor: usize,
    pub help_open: bool,
    /// First visible row of the help overlay when it is taller than the screen.
    pub help_scroll: usize,
    pub should_quit: bool,
    /// A short message for the status line, cleared by the next key.
    pub notice: Option<String>,
    /// Still showing a prefix of a big text while the rest loads.
    pub loading: bool,
    /// Facts are still being found in the background.
    pub analyzing: bool,
    /// A remembered position beyond the prefix shown while loading.
    pending_restore: Option<usize>,
}

impl App {
    pub fn new(
        doc: Document,
        facts: Facts,
        keymap: Keymap,
        measure: usize,
        width: u16,
        height: u16,
    ) -> App {
        let index = FactIndex::new(&doc, &facts);
        App::with_index(Arc::new(doc), index, keymap, measure, width, height)
    }

    /// A reader on a document whose facts (and possibly rest) are still
    /// being worked out in the background; see [`Action::Loaded`] and
    /// [`Action::Analyzed`].
    pub fn pending(
        doc: Arc<Document>,
        loading: bool,
        keymap: Keymap,
        measure: usize,
        width: u16,
        height: u16,
    ) -> App {
        let mut app = App::with_index(doc, FactIndex::default(), keymap, measure, width, height);
        app.loading = loading;
        app.analyzing = true;
        app
    }

    fn with_index(
        doc: Arc<Document>,
        index: FactIndex,
        keymap: Keymap,
        measure: usize,
        width: u16,
        height: u16,
    ) -> App {
        let mut app = App {
            doc,
            index,
            keymap,
            measure,
            layout: Layout::default(),
            screen: Screen::default(),
            top: 0,
            focus: Focus::Article,
            sidebar_shown: true,
            overlay_open: false,
            sort: SortOrder::FirstAppearance,
            filter: String::new(),
            rows: Vec::new(),
            cursor: 0,
            sidebar_top: 0,
            selected: None,
            current: None,
            follow: Follow::Selection,
            search: None,
            prompt: None,
            back: Vec::new(),
            forward: Vec::new(),
            palette: crate::theme::Palette::default(),
            key: None,
            name: None,
            color: true,
            view: View::Reader,
            library: None,
            links_open: false,
            link_cursor: 0,
            help_open: false,
            help_scroll: 0,
            should_quit: false,
            notice: None,
            loading: false,
            analyzing: false,
            pending_restore: None,
        };
        app.rebuild_rows();
        app.resize(width, height);
        // What the loader had to say ("no article found: showing the whole page").
        app.notice = app.doc.notes.first().cloned();
        app
    }

    pub fn geometry(&self) -> Geometry {
        self.screen.geometry(self.sidebar_docked(), self.measure)
    }

    /// Is the sidebar drawn beside the article (as opposed to hidden or an overlay)?
    pub fn sidebar_docked(&self) -> bool {
        self.sidebar_shown && self.screen.can_dock()
    }

    pub fn sidebar_visible(&self) -> bool {
        self.sidebar_docked() || (!self.screen.can_dock() && self.overlay_open)
    }

    pub fn update(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Key(key) if key == Key::ctrl('c') => self.should_quit = true,
            Action::Key(key) if self.prompt.is_some() => self.prompt_key(key),
            Action::Key(key) => {
                self.notice = None;
                match self.keymap.command(key) {
                    Some(c) => return self.run(c),
                    None if self.help_open => self.help_open = false,
                    None => self.notice = Some(format!("{key} is not bound (? for help)")),
                }
            }
            Action::Command(c) => return self.run(c),
            Action::Resize { width, height } => self.resize(width, height),
            Action::Wheel { x, y, delta } => self.wheel(x, y, delta),
            Action::Click { x, y } => self.click(x, y),
            Action::Loaded(doc, layout) => self.loaded(doc, layout),
            Action::LoadFailed(why) => {
                self.loading = false;
                self.analyzing = false;
                self.notice = Some(why);
            }
            Action::LibraryEntry(i, state) => self.library_entry(i, state),
            Action::Opened {
                entry,
                doc,
                facts,
                at,
            } => self.opened(entry, doc, facts, at),
            Action::Analyzed(index) => {
                self.index = index;
                self.analyzing = false;
                self.rebuild_rows();
                if crate::extract::is_truncated(&self.doc) {
                    self.notice = Some(format!(
                        "facts from the first {} MB only (a limit that keeps memory bounded)",
                        crate::extract::MAX_ANALYZED_BYTES >> 20
                    ));
                }
            }
        }
        None
    }

    /// The whole document replaces the prefix we started on. The text
    /// begins the same way, so byte positions (the view, a search match)
    /// stay valid; the view does not move.
    fn loaded(&mut self, doc: Arc<Document>, layout: Layout) {
        let anchor = self.anchor();
        let was_top = self.top > 0;
        self.doc = doc;
        self.loading = false;
        self.layout = layout;
        if self.layout.width != self.geometry().text_cols {
            self.layout = crate::layout::layout(&self.doc, self.geometry().text_cols);
        }
        self.top = if was_top {
            self.layout.line_of(anchor).min(self.max_top())
        } else {
            0
        };
        if let Some(offset) = self.pending_restore.take() {
            self.restore_position(offset);
        }
        if let Some(query) = self.search.as_ref().map(|s| s.query.clone()) {
            let origin = self.top;
            let current = self.current.clone();
            self.incremental_search(&query, origin);
            self.top = origin;
            self.current = current;
        }
    }

    fn run(&mut self, command: Command) -> Option<Effect> {
        let page = self.geometry().view_rows as isize;
        // Keep one line of overlap on page moves, as less does with -z-1.
        let page_step = (page - 1).max(1);
        let in_sidebar = self.focus == Focus::Sidebar && self.sidebar_visible();
        match command {
            // q and Esc close an overlay first; Ctrl-c (handled before the
            // keymap) always quits.
            Command::Quit | Command::Back if self.help_open => self.help_open = false,
            Command::Help => {
                self.help_open = !self.help_open;
                self.help_scroll = 0;
            }
            // Movement keys scroll the help when it does not fit the screen.
            Command::LineDown | Command::PageDown | Command::HalfPageDown if self.help_open => {
                self.help_scroll += if command == Command::LineDown {
                    1
                } else {
                    (page / 2).max(1) as usize
                };
            }
            Command::LineUp | Command::PageUp | Command::HalfPageUp if self.help_open => {
                let by = if command == Command::LineUp {
                    1
                } else {
                    (page / 2).max(1) as usize
                };
                self.help_scroll = self.help_scroll.saturating_sub(by);
            }
            _ if self.help_open => self.help_open = false,
            _ if self.view == View::Library => return self.library_command(command, page_step),
            _ if self.library.as_ref().is_some_and(|l| l.also.is_some()) => {
                return self.also_command(command);
            }
            _ if self.links_open => return self.links_command(command, page_step),
            Command::Library => self.back_to_library(),
            Command::AlsoIn => self.also_in(),
            Command::Links => return self.open_link_or_list(),
            Command::Quit => self.should_quit = true,
            Command::Back => self.back_out(),
            Command::LineDown if in_sidebar => self.move_cursor(1),
            Command::LineUp if in_sidebar => self.move_cursor(-1),
            Command::PageDown if in_sidebar => self.move_cursor(page_step),
            Command::PageUp if in_sidebar => self.move_cursor(-page_step),
            Command::HalfPageDown if in_sidebar => self.move_cursor(page / 2),
            Command::HalfPageUp if in_sidebar => self.move_cursor(-page / 2),
            Command::Top if in_sidebar => self.move_cursor(-(self.rows.len() as isize)),
            Command::Bottom if in_sidebar => self.move_cursor(self.rows.len() as isize),
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
            Command::JumpBack => self.history(true),
            Command::JumpForward => self.history(false),
            Command::Copy => return self.copy(),
        }
        None
    }

    /// Esc: close the innermost open thing; quit when nothing is open.
    fn back_out(&mut self) {
        if !self.screen.can_dock() && self.overlay_open {
            self.overlay_open = false;
            self.focus = Focus::Article;
        } else if self.focus == Focus::Sidebar {
            self.focus = Focus::Article;
        } else {
            self.should_quit = true;
        }
    }

    fn toggle_focus(&mut self) {
        if self.focus == Focus::Sidebar {
            self.focus = Focus::Article;
            if !self.screen.can_dock() {
                self.overlay_open = false;
            }
        } else {
            self.focus = Focus::Sidebar;
            if self.screen.can_dock() {
                self.show_sidebar(true);
            } else {
                self.overlay_open = true;
            }
        }
    }

    fn toggle_sidebar(&mut self) {
        if self.screen.can_dock() {
            let show = !self.sidebar_shown;
            self.show_sidebar(show);
            if !show {
                self.focus = Focus::Article;
            }
        } else {
            self.overlay_open = !self.overlay_open;
            self.focus = if self.overlay_open {
                Focus::Sidebar
            } else {
                Focus::Article
            };
        }
    }

    /// Docking or undocking changes the article width: re-wrap in place.
    fn show_sidebar(&mut self, show: bool) {
        if self.sidebar_shown != show {
            self.sidebar_shown = show;
            self.relayout();
        }
    }

    pub fn max_top(&self) -> usize {
        self.layout
            .lines
            .len()
            .saturating_sub(self.geometry().view_rows)
    }

    pub fn scroll_by(&mut self, delta: isize) {
        self.top = self.top.saturating_add_signed(delta).min(self.max_top());
    }

    /// Byte offset of the first text line at or below the top of the view.
    fn anchor(&self) -> usize {
        self.layout.lines[self.top.min(self.layout.lines.len())..]
            .iter()
            .find(|l| l.block.is_some())
            .map(|l| l.range.start)
            .unwrap_or(0)
    }

    /// Returns to a remembered reading position (a byte offset).
    pub fn restore_position(&mut self, offset: usize) {
        if offset < self.doc.text.len() {
            self.top = self.layout.line_of(offset).min(self.max_top());
        } else if self.loading {
            self.pending_restore = Some(offset);
        }
    }

    /// Where the reader is, to remember: the byte offset of the first line in view.
    pub fn position(&self) -> usize {
        self.anchor()
    }

    /// Applies the user's sidebar preferences.
    pub fn configure_sidebar(
        &mut self,
        shown: bool,
        left: bool,
        cols: Option<u16>,
        sort: SortOrder,
    ) {
        self.screen.sidebar_left = left;
        self.screen.sidebar_width = cols;
        self.sidebar_shown = shown;
        if self.sort != sort {
            self.sort = sort;
            self.rebuild_rows();
        }
        self.relayout();
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
        let was_top = self.top > 0;
        let anchor = self.anchor();
        let cols = self.geometry().text_cols;
        if cols != self.layout.width || self.layout.lines.is_empty() {
            self.layout = layout(&self.doc, cols);
        }
        self.top = if was_top {
            self.layout.line_of(anchor)
        } else {
            0
        };
        self.top = self.top.min(self.max_top());
        self.keep_cursor_visible();
    }

    /// Percent of the document above the bottom of the view (as less shows it).
    pub fn percent(&self) -> usize {
        let total = self.layout.lines.len().max(1);
        let bottom = (self.top + self.geometry().view_rows).min(total);
        bottom * 100 / total
    }

    fn open_prompt(&mut self, kind: PromptKind) {
        if kind == PromptKind::Filter && (self.focus != Focus::Sidebar || !self.sidebar_visible()) {
            self.focus = Focus::Article;
            self.toggle_focus();
        }
        self.prompt = Some(Prompt {
            kind,
            input: String::new(),
            origin_top: self.top,
            origin_filter: self.filter.clone(),
        });
        if kind == PromptKind::Filter {
            self.prompt.as_mut().expect("just set").input = self.filter.clone();
        }
    }

    fn prompt_key(&mut self, key: Key) {
        let Some(prompt) = self.prompt.as_mut() else {
            return;
        };
        match key.code {
            KeyCode::Esc => {
                let p = self.prompt.take().expect("checked");
                match p.kind {
                    PromptKind::Search => {
                        self.top = p.origin_top.min(self.max_top());
                        self.search = None;
                        if self.follow == Follow::Search {
                            self.current = None;
                        }
                    }
                    PromptKind::Filter => self.set_filter(String::new()),
                }
                return;
            }
            KeyCode::Enter => {
                let p = self.prompt.take().expect("checked");
                if p.kind == PromptKind::Search {
                    self.accept_search(p.origin_top);
                }
                return;
            }
            KeyCode::Backspace => {
                if prompt.input.pop().is_none() && prompt.kind == PromptKind::Search {
                    // Backspace on an empty prompt closes it, as in less and vim.
                    return self.prompt_key(Key::plain(KeyCode::Esc));
                }
            }
            KeyCode::Char('u') if key.ctrl => prompt.input.clear(),
            KeyCode::Char(c) if !key.ctrl && !c.is_control() => prompt.input.push(c),
            _ => return,
        }
        let (kind, input, origin) = (prompt.kind, prompt.input.clone(), prompt.origin_top);
        match kind {
            PromptKind::Search => self.incremental_search(&input, origin),
            PromptKind::Filter => self.set_filter(input),
        }
    }

    /// The status line's description of the selection, e.g.
    /// `PERSON Vladimir Putin — mention 3/11`.
    pub fn selection_status(&self) -> Option<String> {
        if self.follow == Follow::Search
            && let Some(s) = &self.search
        {
            return Some(match s.current {
                Some(i) => format!("match {}/{}  /{}", i + 1, s.matches.len(), s.query),
                None if s.matches.is_empty() => format!("no match for /{}", s.query),
                None => format!("{} matches  /{}", s.matches.len(), s.query),
            });
        }
        let t = &self.index.targets[self.selected?];
        let n = t.mentions.len();
        let which = self
            .current
            .as_ref()
            .and_then(|c| t.mentions.iter().position(|m| m == c));
        Some(match which {
            Some(i) => format!("{} {} — mention {}/{}", t.section.label(), t.name, i + 1, n),
            None => format!(
                "{} {} — {} mention{}",
                t.section.label(),
                t.name,
                n,
                if n == 1 { "" } else { "s" }
            ),
        })
    }

    pub fn targets(&self) -> &[Target] {
        &self.index.targets
    }
}

#[cfg(test)]
mod tests;
