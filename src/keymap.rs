//! Key bindings: one table from command to keys, loaded from
//! `assets/keymap.toml`, from which the help screen is generated.
//!
//! Keys are plain data here (no crossterm types), so the mapping is testable
//! and the core stays terminal-free; `main.rs` converts terminal events into
//! [`Key`]s.

use std::collections::HashMap;
use std::fmt;

use serde::Deserialize;

/// Declares [`Command`] from one table: each command once, with its name
/// in the config file, its help group and its description, in help order.
macro_rules! commands {
    ($($variant:ident = $name:literal, $group:literal, $describe:literal;)*) => {
        /// Everything a user can bind to a key.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Command {
            $($variant,)*
        }

        impl Command {
            /// Every command, in the order of the help screen.
            pub const ALL: &[Command] = &[$(Command::$variant,)*];

            /// The name the config file and messages use (`line_down`).
            pub fn name(self) -> &'static str {
                match self {
                    $(Command::$variant => $name,)*
                }
            }

            /// The help screen's group for this command.
            pub fn group(self) -> &'static str {
                match self {
                    $(Command::$variant => $group,)*
                }
            }

            pub fn describe(self) -> &'static str {
                match self {
                    $(Command::$variant => $describe,)*
                }
            }
        }
    };
}

commands! {
    LineDown = "line_down", "Reading", "down one line (sidebar: next fact)";
    LineUp = "line_up", "Reading", "up one line (sidebar: previous fact)";
    PageDown = "page_down", "Reading", "page down";
    PageUp = "page_up", "Reading", "page up";
    HalfPageDown = "half_page_down", "Reading", "half a page down";
    HalfPageUp = "half_page_up", "Reading", "half a page up";
    Top = "top", "Reading", "go to the top";
    Bottom = "bottom", "Reading", "go to the end";
    NextHeading = "next_heading", "Reading", "next section heading";
    PrevHeading = "prev_heading", "Reading", "previous section heading";
    Outline = "outline", "Reading", "outline: list the section headings, Enter jumps";
    Focus = "focus", "Facts", "switch focus between article and sidebar";
    ToggleSidebar = "toggle_sidebar", "Facts", "show or hide the sidebar";
    Sort = "sort", "Facts", "sort facts by first appearance or frequency";
    Filter = "filter", "Facts", "filter the sidebar (Enter keeps, Esc clears)";
    Activate = "activate", "Facts", "jump to the next mention of the selected fact";
    NextMention = "next_mention", "Facts", "next mention (or search match)";
    PrevMention = "prev_mention", "Facts", "previous mention (or search match)";
    NextFact = "next_fact", "Facts", "next fact of any kind";
    PrevFact = "prev_fact", "Facts", "previous fact of any kind";
    NextSameKind = "next_same_kind", "Facts", "next fact of the selected kind";
    PrevSameKind = "prev_same_kind", "Facts", "previous fact of the selected kind";
    Copy = "copy", "Facts", "copy the fact and its sentence (OSC 52)";
    AlsoIn = "also_in", "Facts", "other library articles naming this entity";
    Links = "links", "Search and jumps", "open the link at the cursor, or list links";
    Search = "search", "Search and jumps", "search the text (smart case)";
    JumpBack = "jump_back", "Search and jumps", "back to where you were before the jump (or the article before)";
    JumpForward = "jump_forward", "Search and jumps", "forward again after jumping back";
    Library = "library", "Search and jumps", "back to the library list";
    Help = "help", "General", "show or hide this help";
    Back = "back", "General", "close or cancel the innermost thing; never quits";
    Cancel = "cancel", "General", "cancel a prompt or an article being opened, else quit";
    Suspend = "suspend", "General", "suspend to the shell (fg comes back)";
    Quit = "quit", "General", "quit (closes a popup first)";
    QuitNow = "quit_now", "General", "quit from anywhere";
}

impl Command {
    pub fn from_name(name: &str) -> Option<Command> {
        Command::ALL.iter().copied().find(|c| c.name() == name)
    }
}

impl fmt::Display for Command {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Command {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Command, D::Error> {
        let name = String::deserialize(d)?;
        Command::from_name(&name).ok_or_else(|| {
            let known: Vec<&str> = Command::ALL.iter().map(|c| c.name()).collect();
            serde::de::Error::custom(format!(
                "unknown command `{name}`, expected one of {}",
                known.join(", ")
            ))
        })
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
        for &command in Command::ALL {
            for name in table.get(&command).into_iter().flatten() {
                let key = Key::parse(name).ok_or_else(|| KeymapError::BadKey {
                    key: name.clone(),
                    command: command.to_string(),
                })?;
                if let Some(first) = by_key.insert(key, command) {
                    return Err(KeymapError::Duplicate {
                        key: key.to_string(),
                        first: first.to_string(),
                        second: command.to_string(),
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
        for &c in Command::ALL {
            assert!(!km.keys_for(c).is_empty(), "{c:?} has no key");
        }
        assert_eq!(km.command(Key::ch('G')), Some(Command::Bottom));
        assert_eq!(km.command(Key::ctrl('d')), Some(Command::HalfPageDown));
        assert_eq!(km.command(Key::ch(' ')), Some(Command::PageDown));
        assert_eq!(km.command(Key::plain(KeyCode::Esc)), Some(Command::Back));
        assert_eq!(km.command(Key::ctrl('c')), Some(Command::Cancel));
        assert_eq!(km.command(Key::ch('q')), Some(Command::Quit));
        assert_eq!(km.command(Key::ch('Q')), Some(Command::QuitNow));
    }

    #[test]
    fn duplicate_key_is_an_error_naming_both() {
        let err = Keymap::parse("[keys]\ntop = [\"g\"]\nbottom = [\"g\"]\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "keymap: key g is bound twice, to top and to bottom"
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
        let km = Keymap::parse("[keys]\nquit = [\"x\", \"C-x\"]\n").unwrap();
        assert_eq!(
            km.help_rows(),
            [("x, Ctrl-x".to_string(), "quit (closes a popup first)")]
        );
    }
}
