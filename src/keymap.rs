//! Key bindings: one table from command to keys, loaded from
//! `assets/keymap.toml`, from which the help screen is generated.
//!
//! Keys are plain data here (no crossterm types), so the mapping is testable
//! and the core stays terminal-free; `main.rs` converts terminal events into
//! [`Key`]s.

use std::collections::HashMap;
use std::fmt;

use serde::Deserialize;

/// Everything a user can bind to a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    LineDown,
    LineUp,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    NextHeading,
    PrevHeading,
    Focus,
    ToggleSidebar,
    Sort,
    Filter,
    Activate,
    NextMention,
    PrevMention,
    NextFact,
    PrevFact,
    NextSameKind,
    PrevSameKind,
    Search,
    JumpBack,
    JumpForward,
    Copy,
    AlsoIn,
    Links,
    Library,
    Help,
    Back,
    Quit,
}

impl Command {
    /// The order and wording of the help screen.
    pub const ALL: [Command; 31] = [
        Command::LineDown,
        Command::LineUp,
        Command::PageDown,
        Command::PageUp,
        Command::HalfPageDown,
        Command::HalfPageUp,
        Command::Top,
        Command::Bottom,
        Command::NextHeading,
        Command::PrevHeading,
        Command::Focus,
        Command::ToggleSidebar,
        Command::Sort,
        Command::Filter,
        Command::Activate,
        Command::NextMention,
        Command::PrevMention,
        Command::NextFact,
        Command::PrevFact,
        Command::NextSameKind,
        Command::PrevSameKind,
        Command::Copy,
        Command::AlsoIn,
        Command::Links,
        Command::Search,
        Command::JumpBack,
        Command::JumpForward,
        Command::Library,
        Command::Help,
        Command::Back,
        Command::Quit,
    ];

    /// The help screen's group for this command.
    pub fn group(self) -> &'static str {
        use Command::*;
        match self {
            LineDown | LineUp | PageDown | PageUp | HalfPageDown | HalfPageUp | Top | Bottom
            | NextHeading | PrevHeading => "Reading",
            Focus | ToggleSidebar | Sort | Filter | Activate | NextMention | PrevMention
            | NextFact | PrevFact | NextSameKind | PrevSameKind | Copy | AlsoIn => "Facts",
            Links | Search | JumpBack | JumpForward | Library => "Search and jumps",
            Help | Back | Quit => "General",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Command::LineDown => "down one line (sidebar: next fact)",
            Command::LineUp => "up one line (sidebar: previous fact)",
            Command::PageDown => "page down",
            Command::PageUp => "page up",
            Command::HalfPageDown => "half a page down",
            Command::HalfPageUp => "half a page up",
            Command::Top => "go to the top",
            Command::Bottom => "go to the end",
            Command::NextHeading => "next section heading",
            Command::PrevHeading => "previous section heading",
            Command::Focus => "switch focus between article and sidebar",
            Command::ToggleSidebar => "show or hide the sidebar",
            Command::Sort => "sort facts by first appearance or frequency",
            Command::Filter => "filter the sidebar (Enter keeps, Esc clears)",
            Command::Activate => "jump to the next mention of the selected fact",
            Command::NextMention => "next mention (or search match)",
            Command::PrevMention => "previous mention (or search match)",
            Command::NextFact => "next fact of any kind",
            Command::PrevFact => "previous fact of any kind",
            Command::NextSameKind => "next fact of the selected kind",
            Command::PrevSameKind => "previous fact of the selected kind",
            Command::Search => "search the text (smart case)",
            Command::JumpBack => "back to where you were before the jump",
            Command::JumpForward => "forward again after jumping back",
            Command::Copy => "copy the fact and its sentence (OSC 52)",
            Command::Links => "open the link at the cursor, or list links",
            Command::AlsoIn => "other library articles naming this entity",
            Command::Library => "back to the library list",
            Command::Help => "show or hide this help",
            Command::Back => "close what is open, or quit",
            Command::Quit => "quit",
        }
    }
}

/// A key as the keymap names it. Shift is carried by the character itself
/// ("G"), never as a modifier, so terminals that do and do not report Shift
/// for capitals map the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    F(u8),
}

impl Key {
    pub fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }

    pub fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    pub fn parse(s: &str) -> Option<Key> {
        let (ctrl, rest) = match s.strip_prefix("C-") {
            Some(r) if !r.is_empty() => (true, r),
            _ => (false, s),
        };
        let code = match rest {
            "Space" => KeyCode::Char(' '),
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Tab" => KeyCode::Tab,
            "BackTab" => KeyCode::BackTab,
            "Backspace" => KeyCode::Backspace,
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "PageUp" => KeyCode::PageUp,
            "PageDown" => KeyCode::PageDown,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            f if f.len() > 1 && f.starts_with('F') => {
                KeyCode::F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?)
            }
            c => {
                let mut chars = c.chars();
                let ch = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                KeyCode::Char(if ctrl { ch.to_ascii_lowercase() } else { ch })
            }
        };
        Some(Key { code, ctrl })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            write!(f, "Ctrl-")?;
        }
        match self.code {
            KeyCode::Char(' ') => write!(f, "Space"),
            // A raw control character (Ctrl-@ arrives as NUL) is named, never
            // printed: it would reach the terminal from the status line.
            KeyCode::Char(c) if (c as u32) < 0x20 => {
                write!(f, "Ctrl-{}", char::from(c as u8 + 0x40))
            }
            KeyCode::Char(c) if c.is_control() => write!(f, "U+{:04X}", c as u32),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum KeymapError {
    #[error("keymap: {0}")]
    Syntax(String),
    #[error("keymap: unknown key name {key:?} for {command}")]
    BadKey { key: String, command: String },
    #[error("keymap: key {key} is bound twice, to {first} and to {second}")]
    Duplicate {
        key: String,
        first: String,
        second: String,
    },
}

#[derive(Deserialize)]
struct KeymapFile {
    keys: HashMap<Command, Vec<String>>,
}

#[derive(Clone, Debug)]
pub struct Keymap {
    by_key: HashMap<Key, Command>,
    by_command: HashMap<Command, Vec<Key>>,
}

pub const DEFAULT_KEYMAP: &str = include_str!("../assets/keymap.toml");

impl Keymap {
    pub fn parse(src: &str) -> Result<Keymap, KeymapError> {
        let file: KeymapFile =
            toml::from_str(src).map_err(|e| KeymapError::Syntax(e.to_string()))?;
        Keymap::from_table(&file.keys)
    }

    /// The default keys with the commands named in `overrides` rebound to
    /// the keys given there (a user's config).
    pub fn with_overrides(
        overrides: &HashMap<Command, Vec<String>>,
    ) -> Result<Keymap, KeymapError> {
        let mut table = toml::from_str::<KeymapFile>(DEFAULT_KEYMAP)
            .map_err(|e| KeymapError::Syntax(e.to_string()))?
            .keys;
        for (command, keys) in overrides {
            table.insert(*command, keys.clone());
        }
        Keymap::from_table(&table)
    }

    fn from_table(table: &HashMap<Command, Vec<String>>) -> Result<Keymap, KeymapError> {
        let mut by_key: HashMap<Key, Command> = HashMap::new();
        let mut by_command: HashMap<Command, Vec<Key>> = HashMap::new();
        // Walk commands in a fixed order so a duplicate is reported the same way every time.
        for command in Command::ALL {
            for name in table.get(&command).into_iter().flatten() {
                let key = Key::parse(name).ok_or_else(|| KeymapError::BadKey {
                    key: name.clone(),
                    command: format!("{command:?}"),
                })?;
                if let Some(first) = by_key.insert(key, command) {
                    return Err(KeymapError::Duplicate {
                        key: key.to_string(),
                        first: format!("{first:?}"),
                        second: format!("{command:?}"),
                    });
                }
                by_command.entry(command).or_default().push(key);
            }
        }
        Ok(Keymap { by_key, by_command })
    }

    pub fn default_keys() -> Keymap {
        Keymap::parse(DEFAULT_KEYMAP).expect("the embedded keymap is valid (tested)")
    }

    pub fn command(&self, key: Key) -> Option<Command> {
        self.by_key.get(&key).copied()
    }

    pub fn keys_for(&self, command: Command) -> &[Key] {
        self.by_command
            .get(&command)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Help rows: keys joined with ", " and the command's description, for
    /// every bound command in help order.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        self.help_groups()
            .into_iter()
            .flat_map(|(_, rows)| rows)
            .collect()
    }

    /// Help rows under their group titles, in help order.
    pub fn help_groups(&self) -> Vec<(&'static str, Vec<(String, &'static str)>)> {
        let mut groups: Vec<(&'static str, Vec<(String, &'static str)>)> = Vec::new();
        for c in Command::ALL
            .iter()
            .copied()
            .filter(|c| !self.keys_for(*c).is_empty())
        {
            let keys: Vec<String> = self.keys_for(c).iter().map(Key::to_string).collect();
            let row = (keys.join(", "), c.describe());
            match groups.last_mut() {
                Some((g, rows)) if *g == c.group() => rows.push(row),
                _ => groups.push((c.group(), vec![row])),
            }
        }
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_keymap_is_valid_and_complete() {
        let km = Keymap::default_keys();
        for c in Command::ALL {
            assert!(!km.keys_for(c).is_empty(), "{c:?} has no key");
        }
        assert_eq!(km.command(Key::ch('G')), Some(Command::Bottom));
        assert_eq!(km.command(Key::ctrl('d')), Some(Command::HalfPageDown));
        assert_eq!(km.command(Key::ch(' ')), Some(Command::PageDown));
        assert_eq!(km.command(Key::plain(KeyCode::Esc)), Some(Command::Back));
    }

    #[test]
    fn duplicate_key_is_an_error_naming_both() {
        let err = Keymap::parse("[keys]\ntop = [\"g\"]\nbottom = [\"g\"]\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "keymap: key g is bound twice, to Top and to Bottom"
        );
    }

    #[test]
    fn bad_names_are_errors() {
        assert!(matches!(
            Keymap::parse("[keys]\ntop = [\"Hyper-x\"]\n"),
            Err(KeymapError::BadKey { .. })
        ));
        assert!(matches!(
            Keymap::parse("[keys]\nfly = [\"x\"]\n"),
            Err(KeymapError::Syntax(_))
        ));
    }

    #[test]
    fn control_characters_are_named_not_printed() {
        assert_eq!(Key::ch('\0').to_string(), "Ctrl-@");
        assert_eq!(Key::ch('\u{1b}').to_string(), "Ctrl-[");
        assert_eq!(Key::ch('\u{9b}').to_string(), "U+009B");
    }

    #[test]
    fn help_is_generated_from_the_map() {
        let km = Keymap::parse("[keys]\nquit = [\"x\", \"C-c\"]\n").unwrap();
        assert_eq!(km.help_rows(), [("x, Ctrl-c".to_string(), "quit")]);
    }
}
