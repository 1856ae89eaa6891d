//! What is open over the view: the help, the list of links, the outline,
//! the "also in" list, or a prompt. One at a time; it gets every key first, and `ui`
//! draws from the same enum.

use super::{AlsoIn, App, Effect, Focus, Follow};
use crate::keymap::{Command, Key, KeyCode};

#[derive(Clone, Debug, Default, PartialEq)]
pub enum Overlay {
    #[default]
    None,
    /// The key help, over whatever was open when it was asked for (which
    /// comes back when it closes).
    Help { scroll: usize, under: Box<Overlay> },
    /// The article's links, with a cursor.
    Links { cursor: usize },
    /// The article's section headings, with a cursor.
    Outline { cursor: usize },
    /// Other library articles naming an entity.
    AlsoIn(AlsoIn),
    /// A line being typed at the bottom of the screen.
    Prompt(Prompt),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptKind {
    Search,
    /// The sidebar's filter.
    Filter,
    /// The library list's filter.
    Library,
}

/// A line of input being typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: String,
    /// Where the view was when the prompt opened, for Esc.
    origin_top: usize,
}

impl App {
    /// A key for the overlay: a prompt takes every key, the help closes on
    /// an unbound one. `None` when the keymap should decide.
    pub(super) fn overlay_key(&mut self, key: Key) -> Option<Vec<Effect>> {
        match &self.overlay {
            Overlay::Prompt(_) => {
                self.prompt_key(key);
                Some(Vec::new())
            }
            Overlay::Help { under, .. } if self.options.keymap.command(key).is_none() => {
                self.overlay = (**under).clone();
                Some(Vec::new())
            }
            _ => None,
        }
    }

    /// A command for the overlay; `None` when none is open.
    pub(super) fn overlay_command(&mut self, command: Command) -> Option<Vec<Effect>> {
        let overlay = std::mem::take(&mut self.overlay);
        let (next, effects) = match overlay {
            Overlay::None => return None,
            Overlay::Help { scroll, under } => (self.help_command(command, scroll, under), vec![]),
            // Help opens over a list and gives it back when closed.
            other @ (Overlay::Links { .. } | Overlay::Outline { .. } | Overlay::AlsoIn(_))
                if command == Command::Help =>
            {
                (
                    Overlay::Help {
                        scroll: 0,
                        under: Box::new(other),
                    },
                    vec![],
                )
            }
            Overlay::Links { cursor } => self.links_command(command, cursor),
            Overlay::Outline { cursor } => self.outline_command(command, cursor),
            Overlay::AlsoIn(also) => self.also_command(command, also),
            // Commands come from keys, which a prompt takes itself.
            prompt @ Overlay::Prompt(_) => (prompt, vec![]),
        };
        self.overlay = next;
        Some(effects)
    }

    pub(super) fn open_help(&mut self) {
        let under = Box::new(std::mem::take(&mut self.overlay));
        self.overlay = Overlay::Help { scroll: 0, under };
    }

    /// Movement keys scroll the help when it does not fit the screen;
    /// `q`, Esc and `?` close it, and so does any other key. (`Q` and
    /// Ctrl-c never get here: they quit from anywhere.)
    fn help_command(&mut self, command: Command, scroll: usize, under: Box<Overlay>) -> Overlay {
        let half = (self.geometry().view_rows / 2).max(1);
        let scroll = match command {
            Command::LineDown => scroll + 1,
            Command::PageDown | Command::HalfPageDown => scroll + half,
            Command::LineUp => scroll.saturating_sub(1),
            Command::PageUp | Command::HalfPageUp => scroll.saturating_sub(half),
            _ => return *under,
        };
        Overlay::Help { scroll, under }
    }

    pub(super) fn open_prompt(&mut self, kind: PromptKind) {
        if kind == PromptKind::Filter && (self.focus != Focus::Sidebar || !self.sidebar_visible()) {
            self.focus = Focus::Article;
            self.toggle_focus();
        }
        let input = match kind {
            PromptKind::Filter => self.sidebar.filter.clone(),
            PromptKind::Library => self
                .library
                .as_ref()
                .map_or_else(String::new, |l| l.filter.clone()),
            PromptKind::Search => String::new(),
        };
        self.overlay = Overlay::Prompt(Prompt {
            kind,
            input,
            origin_top: self.reader.top,
        });
    }

    /// Closes a prompt as Esc does: a search puts the view back where it
    /// began, a filter is cleared. False when no prompt was open.
    pub(super) fn cancel_prompt(&mut self) -> bool {
        let Overlay::Prompt(prompt) = &self.overlay else {
            return false;
        };
        let (kind, origin) = (prompt.kind, prompt.origin_top);
        self.overlay = Overlay::None;
        match kind {
            PromptKind::Search => {
                self.reader.top = origin.min(self.max_top());
                self.reader.search = None;
                if self.reader.follow == Follow::Search {
                    self.reader.current = None;
                }
            }
            PromptKind::Filter => self.set_filter(String::new()),
            PromptKind::Library => self.set_library_filter(String::new()),
        }
        true
    }

    /// A key while typing. Letters are text (so `q` and `Q` are typed, not
    /// obeyed); Esc and Ctrl-c cancel, as does any other key that is not
    /// text and is bound to `back` or `cancel`; one bound to `quit_now`
    /// quits.
    fn prompt_key(&mut self, key: Key) {
        let Overlay::Prompt(prompt) = &mut self.overlay else {
            return;
        };
        let text = matches!(key.code, KeyCode::Char(_)) && !key.ctrl;
        let bound = (!text).then(|| self.options.keymap.command(key)).flatten();
        match key.code {
            KeyCode::Esc => {
                self.cancel_prompt();
                return;
            }
            KeyCode::Char('c') if key.ctrl => {
                self.cancel_prompt();
                return;
            }
            KeyCode::Enter => {
                let (kind, origin) = (prompt.kind, prompt.origin_top);
                self.overlay = Overlay::None;
                if kind == PromptKind::Search {
                    self.accept_search(origin);
                }
                return;
            }
            KeyCode::Backspace => {
                if prompt.input.pop().is_none() && prompt.kind == PromptKind::Search {
                    // Backspace on an empty prompt closes it, as in less and vim.
                    self.cancel_prompt();
                    return;
                }
            }
            KeyCode::Char('u') if key.ctrl => prompt.input.clear(),
            KeyCode::Char(c) if !key.ctrl && !c.is_control() => prompt.input.push(c),
            _ => {
                match bound {
                    Some(Command::Back | Command::Cancel) => {
                        self.cancel_prompt();
                    }
                    Some(Command::QuitNow) => self.should_quit = true,
                    _ => {}
                }
                return;
            }
        }
        let (kind, input, origin) = (prompt.kind, prompt.input.clone(), prompt.origin_top);
        match kind {
            PromptKind::Search => self.incremental_search(&input, origin),
            PromptKind::Filter => self.set_filter(input),
            PromptKind::Library => self.set_library_filter(input),
        }
    }
}
