//! Reading positions remembered across runs, per article.
//!
//! One small JSON file in the user's state directory
//! (`~/.local/state/factlens/positions.json` on Linux). It is written
//! atomically — a temporary file in the same directory, then a rename — so
//! a crash never leaves half a file. A file that cannot be parsed is
//! reported once and replaced on the next save: losing remembered positions
//! is a nuisance, refusing to open an article over it would be a bug.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// Positions kept at most; the oldest are forgotten first.
const MAX_ENTRIES: usize = 1000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// Byte offset of the first line in view.
    pub offset: usize,
    /// Length of the text then: a position in a changed file is dropped.
    pub len: usize,
    /// Seconds since the epoch, for forgetting the oldest.
    pub seen: u64,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct State {
    positions: HashMap<String, Position>,
}

impl State {
    /// The remembered offset for `key`, if the text still has the same length.
    pub fn position(&self, key: &str, len: usize) -> Option<usize> {
        self.positions
            .get(key)
            .filter(|p| p.len == len && p.offset < len)
            .map(|p| p.offset)
    }
}

pub struct StateFile {
    path: PathBuf,
    pub state: State,
    /// Set when the file existed but could not be read or parsed.
    pub warning: Option<String>,
}

pub fn default_path() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "factlens")?;
    let dir = dirs.state_dir().unwrap_or(dirs.data_local_dir());
    Some(dir.join("positions.json"))
}

/// The key an input is remembered under: the canonical path of a file, or
/// a URL as given. Standard input and the built-in article have none.
pub fn key_for(input: &str) -> Option<String> {
    if input.starts_with("http://") || input.starts_with("https://") {
        return Some(input.to_string());
    }
    std::fs::canonicalize(input)
        .ok()
        .map(|p| p.display().to_string())
}

impl StateFile {
    /// Reads the file; a missing one is an empty state, a broken one an
    /// empty state with a warning.
    pub fn load(path: &Path) -> StateFile {
        let (state, warning) = match std::fs::read(path) {
            Ok(bytes) => match serde_json::from_slice(&bytes) {
                Ok(state) => (state, None),
                Err(e) => (
                    State::default(),
                    Some(format!(
                        "{}: unreadable ({e}); starting afresh",
                        path.display()
                    )),
                ),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (State::default(), None),
            Err(e) => (
                State::default(),
                Some(format!(
                    "{}: {e}; positions will not be kept",
                    path.display()
                )),
            ),
        };
        StateFile {
            path: path.to_path_buf(),
            state,
            warning,
        }
    }

    /// The remembered offset for `key`, if the text still has the same length.
    pub fn position(&self, key: &str, len: usize) -> Option<usize> {
        self.state.position(key, len)
    }

    pub fn remember(&mut self, key: &str, offset: usize, len: usize) {
        let seen = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        self.state
            .positions
            .insert(key.to_string(), Position { offset, len, seen });
        if self.state.positions.len() > MAX_ENTRIES {
            let mut by_age: Vec<(u64, String)> = self
                .state
                .positions
                .iter()
                .map(|(k, p)| (p.seen, k.clone()))
                .collect();
            by_age.sort();
            for (_, k) in by_age
                .into_iter()
                .take(self.state.positions.len() - MAX_ENTRIES)
            {
                self.state.positions.remove(&k);
            }
        }
    }

    /// Writes the file atomically: a temporary file beside it, then rename.
    pub fn save(&self) -> std::io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let tmp = dir.join(format!(".positions.{}.tmp", std::process::id()));
        let result = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(&serde_json::to_vec(&self.state).map_err(std::io::Error::other)?)?;
            f.sync_all()?;
            std::fs::rename(&tmp, &self.path)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("factlens-state-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir.join("sub").join("positions.json")
    }

    #[test]
    fn round_trip() {
        let path = temp("rt");
        let mut s = StateFile::load(&path);
        assert!(s.warning.is_none());
        s.remember("/a.txt", 120, 5000);
        s.save().unwrap();
        let s = StateFile::load(&path);
        assert_eq!(s.position("/a.txt", 5000), Some(120));
        assert_eq!(s.position("/a.txt", 4999), None, "a changed file forgets");
        assert_eq!(s.position("/b.txt", 5000), None);
        // No temporary file is left behind.
        let left: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(left.len(), 1);
    }

    #[test]
    fn a_corrupt_file_warns_once_and_is_replaced() {
        let path = temp("corrupt");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, b"{not json").unwrap();
        let mut s = StateFile::load(&path);
        assert!(s.warning.as_deref().unwrap().contains("unreadable"));
        s.remember("/a.txt", 7, 100);
        s.save().unwrap();
        let s = StateFile::load(&path);
        assert!(s.warning.is_none());
        assert_eq!(s.position("/a.txt", 100), Some(7));
    }

    #[test]
    fn old_entries_are_forgotten() {
        let mut s = StateFile::load(&temp("many"));
        for i in 0..MAX_ENTRIES + 5 {
            s.remember(&format!("/f{i}"), 1, 10);
            s.state.positions.get_mut(&format!("/f{i}")).unwrap().seen = i as u64;
        }
        assert_eq!(s.state.positions.len(), MAX_ENTRIES);
        assert!(s.position("/f0", 10).is_none(), "the oldest went first");
        assert!(s.position(&format!("/f{}", MAX_ENTRIES + 4), 10).is_some());
    }
}
