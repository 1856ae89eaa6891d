//! The user's configuration: a TOML file in the config directory
//! (`~/.config/factlens/config.toml` on Linux) or `--config PATH`.
//!
//! Every option is optional; `assets/config.example.toml` documents them.
//! A bad file is an error naming the line and what was expected, never a
//! silent fallback: a reader who took the trouble to configure something
//! wants to know it did not take.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use ratatui::style::Color;
use serde::Deserialize;

use crate::app::SortOrder;
use crate::document::LoadError;
use crate::input::InputError;
use crate::keymap::{Command, Keymap, KeymapError};
use crate::theme::Palette;

/// A config file is a few lines; anything bigger is a mistake.
pub const MAX_BYTES: u64 = 1 << 20;

pub const EXAMPLE: &str = include_str!("../assets/config.example.toml");

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Reading measure in columns.
    pub width: Option<u16>,
    /// Inputs larger than this many megabytes are refused.
    pub max_input_mb: Option<u64>,
    /// "first" (first appearance) or "count" (number of mentions).
    pub sort: Option<SortName>,
    #[serde(default)]
    pub sidebar: SidebarConfig,
    #[serde(default)]
    pub theme: ThemeConfig,
    /// Command → keys; replaces the default keys of the commands it names.
    #[serde(default)]
    pub keys: HashMap<Command, Vec<String>>,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SortName {
    First,
    Count,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Left,
    #[default]
    Right,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SidebarConfig {
    pub side: Option<Side>,
    /// Columns of the docked sidebar.
    pub width: Option<u16>,
    /// Show the sidebar at start (on screens wide enough to dock it).
    pub shown: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeConfig {
    pub person: Option<ColorName>,
    pub organization: Option<ColorName>,
    pub place: Option<ColorName>,
    pub figure: Option<ColorName>,
    pub heading: Option<ColorName>,
    pub current: Option<ColorName>,
    pub search: Option<ColorName>,
    pub keys: Option<ColorName>,
}

/// A colour as written in the file: a name ("lightcyan"), an index 0-255,
/// or "#rrggbb".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColorName(pub Color);

impl<'de> Deserialize<'de> for ColorName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Index(u8),
            Text(String),
        }
        match Raw::deserialize(d)? {
            Raw::Index(i) => Ok(ColorName(Color::Indexed(i))),
            Raw::Text(s) => s.parse::<Color>().map(ColorName).map_err(|_| {
                serde::de::Error::custom(format!(
                    "unknown colour {s:?}: expected a name like \"lightcyan\", a number 0-255 or \"#rrggbb\""
                ))
            }),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {message}")]
    Parse { path: String, message: String },
    // The source is printed after these by whoever reports the chain.
    #[error("{path}")]
    Keys { path: String, source: KeymapError },
    #[error("{path}: cannot read")]
    Read { path: String, source: InputError },
}

/// The default config file location, if the platform has one.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "factlens").map(|d| d.config_dir().join("config.toml"))
}

/// What the rest of the program needs from a config, validated.
pub struct Settings {
    pub keymap: Keymap,
    pub palette: Palette,
    pub measure: Option<usize>,
    pub max_input_mb: Option<u64>,
    pub sort: SortOrder,
    pub sidebar_left: bool,
    pub sidebar_cols: Option<u16>,
    pub sidebar_shown: bool,
}

impl Config {
    pub fn parse(src: &str, path: &str) -> Result<Config, ConfigError> {
        toml::from_str(src).map_err(|e| ConfigError::Parse {
            path: path.to_string(),
            message: describe(&e, src),
        })
    }

    /// Reads `path` (at most [`MAX_BYTES`] of it); a missing default file
    /// is simply no configuration.
    pub fn load(path: &Path, explicit: bool) -> Result<Config, ConfigError> {
        let name = path.display().to_string();
        let bytes = match crate::input::read_file(path, MAX_BYTES) {
            Ok(bytes) => bytes,
            Err(InputError::NotFound) if !explicit => return Ok(Config::default()),
            Err(source) => return Err(ConfigError::Read { path: name, source }),
        };
        match String::from_utf8(bytes) {
            Ok(src) => Config::parse(&src, &name),
            Err(e) => Err(ConfigError::Read {
                path: name,
                source: LoadError::InvalidUtf8(e.utf8_error().valid_up_to()).into(),
            }),
        }
    }

    pub fn settings(&self, path: &str) -> Result<Settings, ConfigError> {
        let keymap = Keymap::with_overrides(&self.keys).map_err(|source| ConfigError::Keys {
            path: path.to_string(),
            source,
        })?;
        let mut palette = Palette::default();
        let t = &self.theme;
        let set = |slot: &mut Color, c: Option<ColorName>| {
            if let Some(ColorName(c)) = c {
                *slot = c;
            }
        };
        set(&mut palette.person, t.person);
        set(&mut palette.organization, t.organization);
        set(&mut palette.place, t.place);
        set(&mut palette.figure, t.figure);
        set(&mut palette.heading, t.heading);
        set(&mut palette.current, t.current);
        set(&mut palette.search, t.search);
        set(&mut palette.keys, t.keys);
        if let Some(w) = self.width.filter(|&w| w < 10) {
            return Err(ConfigError::Parse {
                path: path.into(),
                message: format!("width = {w}: expected at least 10"),
            });
        }
        if let Some(mb) = self.max_input_mb.filter(|&mb| !(1..=65536).contains(&mb)) {
            return Err(ConfigError::Parse {
                path: path.into(),
                message: format!("max_input_mb = {mb}: expected 1 to 65536"),
            });
        }
        if let Some(w) = self.sidebar.width.filter(|&w| !(16..=120).contains(&w)) {
            return Err(ConfigError::Parse {
                path: path.into(),
                message: format!("sidebar.width = {w}: expected 16 to 120"),
            });
        }
        Ok(Settings {
            keymap,
            palette,
            measure: self.width.map(usize::from),
            max_input_mb: self.max_input_mb,
            sort: match self.sort {
                Some(SortName::Count) => SortOrder::Frequency,
                _ => SortOrder::FirstAppearance,
            },
            sidebar_left: self.sidebar.side == Some(Side::Left),
            sidebar_cols: self.sidebar.width,
            sidebar_shown: self.sidebar.shown.unwrap_or(true),
        })
    }
}

/// "line 3, column 7: unknown field `colour`, expected one of ..." from a
/// TOML error, without the multi-line source excerpt.
fn describe(e: &toml::de::Error, src: &str) -> String {
    let msg = e.message().trim_end_matches('\n');
    match e.span() {
        Some(span) => {
            let before = &src[..span.start.min(src.len())];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("line {line}, column {col}: {msg}")
        }
        None => msg.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_example_is_valid() {
        let c = Config::parse(EXAMPLE, "example").unwrap();
        let s = c.settings("example").unwrap();
        assert_eq!(s.measure, Some(80));
        assert!(!s.sidebar_left);
    }

    #[test]
    fn options_take_effect() {
        let c = Config::parse(
            "width = 66\nsort = \"count\"\n[sidebar]\nside = \"left\"\nwidth = 30\n[theme]\nperson = \"#ff8800\"\nplace = 33\n[keys]\nquit = [\"x\"]\n",
            "t",
        )
        .unwrap();
        let s = c.settings("t").unwrap();
        assert_eq!(s.measure, Some(66));
        assert_eq!(s.sort, SortOrder::Frequency);
        assert!(s.sidebar_left);
        assert_eq!(s.sidebar_cols, Some(30));
        assert_eq!(s.palette.person, Color::Rgb(0xff, 0x88, 0x00));
        assert_eq!(s.palette.place, Color::Indexed(33));
        use crate::keymap::Key;
        assert_eq!(s.keymap.command(Key::ch('x')), Some(Command::Quit));
        assert_eq!(
            s.keymap.command(Key::ch('q')),
            None,
            "the override replaces q"
        );
    }

    #[test]
    fn errors_name_the_line_and_what_was_expected() {
        let err = Config::parse("width = 70\ncolour = 3\n", "my.toml")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("my.toml: line 2, column 1: unknown field `colour`"),
            "{err}"
        );
        let err = Config::parse("[theme]\nperson = \"chartreuse-ish\"\n", "my.toml")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("line 2") && err.contains("unknown colour"),
            "{err}"
        );
        let err = Config::parse("sort = \"random\"\n", "my.toml")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("line 1") && err.contains("first") && err.contains("count"),
            "{err}"
        );
        let c = Config::parse("[keys]\nquit = [\"j\"]\n", "my.toml").unwrap();
        // Reported as a chain: the file, then what is wrong in it, once.
        let err = format!(
            "{:#}",
            anyhow::Error::from(c.settings("my.toml").err().unwrap())
        );
        assert_eq!(err.matches("bound twice").count(), 1, "{err}");
        assert!(
            err.starts_with("my.toml: keymap: key j is bound twice")
                && err.contains("line_down")
                && err.contains("quit"),
            "{err}"
        );
        let err = Config::parse("width = 3\n", "m")
            .unwrap()
            .settings("m")
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("at least 10"), "{err}");
    }

    #[test]
    fn missing_default_file_is_no_config_but_missing_explicit_file_is_an_error() {
        let p = Path::new("/nonexistent/factlens/config.toml");
        assert!(Config::load(p, false).is_ok());
        assert!(Config::load(p, true).is_err());
    }
}
