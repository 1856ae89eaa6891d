//! Reading positions remembered across runs, per article.
//!
//! One small JSON file in the user's state directory
//! (`~/.local/state/factlens/positions.json` on Linux). Several factlens
//! may run at once, so a save is a read-modify-write under an advisory lock
//! (`.positions.lock` beside it): the file as it is now, with this run's
//! positions merged in, written atomically — a temporary file in the same
//! directory, then a rename — so a crash never leaves half a file and no run
//! loses another's positions. Reads are bounded ([`MAX_BYTES`]) and so are
//! entries (count, key length). A file that cannot be parsed is reported
//! once and replaced on the next save: losing remembered positions is a
//! nuisance, refusing to open an article over it would be a bug.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::input::InputError;

/// Positions kept at most; the oldest are forgotten first.
const MAX_ENTRIES: usize = 1000;
/// Keys are paths and URLs; one longer than this is not remembered.
const MAX_KEY: usize = 4096;
/// The file is never read beyond this (1000 entries take about 150 KB).
pub const MAX_BYTES: u64 = 1 << 20;

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
    /// Reads a state file's bytes; `None` if they are not one.
    fn parse(bytes: &[u8]) -> Option<State> {
        let mut state: State = serde_json::from_slice(bytes).ok()?;
        state.prune();
        Some(state)
    }

    /// Keeps the bounds: no over-long key, the newest [`MAX_ENTRIES`].
    fn prune(&mut self) {
        self.positions.retain(|k, _| k.len() <= MAX_KEY);
        if self.positions.len() > MAX_ENTRIES {
            let mut by_age: Vec<(u64, String)> = self
                .positions
                .iter()
                .map(|(k, p)| (p.seen, k.clone()))
                .collect();
            by_age.sort();
            let excess = self.positions.len() - MAX_ENTRIES;
            for (_, k) in by_age.into_iter().take(excess) {
                self.positions.remove(&k);
            }
        }
    }

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
    /// What this run remembered, merged into the file at each save.
    mine: HashMap<String, Position>,
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
        let (state, warning) = match crate::input::read_file(path, MAX_BYTES) {
            Ok(bytes) => match State::parse(&bytes) {
                Some(state) => (state, None),
                None => (
                    State::default(),
                    Some(format!("{}: unreadable; starting afresh", path.display())),
                ),
            },
            Err(InputError::NotFound) => (State::default(), None),
            Err(e) => (
                State::default(),
                Some(format!("{}: {e}; starting afresh", path.display())),
            ),
        };
        StateFile {
            path: path.to_path_buf(),
            state,
            mine: HashMap::new(),
            warning,
        }
    }

    /// The remembered offset for `key`, if the text still has the same length.
    pub fn position(&self, key: &str, len: usize) -> Option<usize> {
        self.state.position(key, len)
    }

    pub fn remember(&mut self, key: &str, offset: usize, len: usize) {
        if key.len() > MAX_KEY {
            return;
        }
        let seen = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let position = Position { offset, len, seen };
        self.mine.insert(key.to_string(), position);
        self.state.positions.insert(key.to_string(), position);
        self.state.prune();
    }

    /// Merges this run's positions into the file as it is now, under the
    /// lock, and writes it atomically: a temporary file, then rename.
    pub fn save(&self) -> std::io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let lock = std::fs::File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(".positions.lock"))?;
        lock.lock()?;
        let mut state = crate::input::read_file(&self.path, MAX_BYTES)
            .ok()
            .and_then(|bytes| State::parse(&bytes))
            .unwrap_or_default();
        state
            .positions
            .extend(self.mine.iter().map(|(k, p)| (k.clone(), *p)));
        state.prune();
        let tmp = dir.join(format!(".positions.{}.tmp", std::process::id()));
        let result = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(&serde_json::to_vec(&state).map_err(std::io::Error::other)?)?;
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
        let left: Vec<String> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
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
    fn runs_that_overlap_keep_each_others_positions() {
        let path = temp("overlap");
        // Both start before either saves, as two terminals would.
        let mut a = StateFile::load(&path);
        let mut b = StateFile::load(&path);
        a.remember("/a.txt", 10, 100);
        a.save().unwrap();
        b.remember("/b.txt", 20, 200);
        b.save().unwrap();
        let s = StateFile::load(&path);
        assert_eq!(s.position("/a.txt", 100), Some(10));
        assert_eq!(s.position("/b.txt", 200), Some(20));
        // Many at once, from threads: every position is kept.
        let handles: Vec<_> = (0..16)
            .map(|i| {
                let path = path.clone();
                std::thread::spawn(move || {
                    let mut s = StateFile::load(&path);
                    s.remember(&format!("/t{i}.txt"), i, 1000);
                    s.save().unwrap();
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        let s = StateFile::load(&path);
        for i in 0..16 {
            assert_eq!(s.position(&format!("/t{i}.txt"), 1000), Some(i));
        }
    }

    #[test]
    fn keys_and_files_are_bounded() {
        let path = temp("bounds");
        let mut s = StateFile::load(&path);
        s.remember(&"k".repeat(MAX_KEY + 1), 1, 10);
        assert!(s.state.positions.is_empty(), "an over-long key is not kept");
        // A huge file is not read: a warning, and a fresh start.
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, vec![b' '; MAX_BYTES as usize + 1]).unwrap();
        let s = StateFile::load(&path);
        assert!(
            s.warning.as_deref().unwrap().contains("limit"),
            "{:?}",
            s.warning
        );
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
