//! Gazetteer look-ups: one `fst::Map` compiled by `build.rs` from the lists in
//! `assets/gazetteer/` and embedded in the binary, so start-up builds nothing
//! and each look-up is one walk of the automaton.

use std::sync::OnceLock;

static FST_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.fst"));
static CANON: &str = include_str!(concat!(env!("OUT_DIR"), "/canon.txt"));
static CANON_IDX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/canon.idx"));

pub const COUNTRY: u32 = 1 << 0;
pub const REGION: u32 = 1 << 1;
pub const CITY: u32 = 1 << 2;
pub const GIVEN: u32 = 1 << 3;
pub const SURNAME: u32 = 1 << 4;
pub const TITLE: u32 = 1 << 5;
pub const ORG_SUFFIX: u32 = 1 << 6;
pub const ORG_HEAD: u32 = 1 << 7;
pub const PLACE_SUFFIX: u32 = 1 << 8;
pub const PLACE_HEAD: u32 = 1 << 9;
pub const DEMONYM: u32 = 1 << 10;
pub const PLACE_WELL_KNOWN: u32 = 1 << 11;
pub const ORG: u32 = 1 << 12;
pub const COMMON: u32 = 1 << 13;
/// Function words ("the", "however"): never the start of a name.
pub const FUNCTION: u32 = 1 << 15;
/// Cities of 300000 people or more.
pub const MAJOR_CITY: u32 = 1 << 14;
/// The first word of a multi-word key ("New" of "New York").
pub const MULTI_FIRST: u32 = 1 << 16;
/// Written in small letters in the cased training text (`vocab_lower.txt`,
/// made by `train-ner --lexicon`).
pub const LOWER: u32 = 1 << 17;
/// Given names from around the world beyond the US Census list
/// (`given_world.txt`): weighed by the model apart from `GIVEN`, which the
/// candidate rules also read.
pub const FORENAME: u32 = 1 << 18;

/// Facilities named by their head word ("Dulles Airport", "Museum of
/// Flight"): the project's conventions make them places, where the CoNLL
/// corpora often say organization.
pub const FACILITIES: &[&str] = &[
    "Airport",
    "Museum",
    "Stadium",
    "Station",
    "Arena",
    "Gallery",
    "Cemetery",
    "Theater",
    "Theatre",
    "Park",
    "Bridge",
    "Tower",
    "Palace",
    "Castle",
    "Cathedral",
    "Chapel",
    "Abbey",
    "Minster",
    "Basilica",
    "Mosque",
    "Synagogue",
    "Shrine",
    "Monastery",
    "Temple",
    "Zoo",
    "Aquarium",
    "Planetarium",
    "Hall",
    "Square",
    "Plaza",
    "Mall",
    "Market",
    "Hospital",
    "Library",
    "Pier",
    "Harbour",
    "Harbor",
    "Terminal",
    "Hotel",
    "Resort",
    "Motel",
];

/// Everyday words that make a "... Center" an institution rather than a
/// building ("Research Center", "Information Centre", "Policy Center").
const INSTITUTE_CENTERS: &[&str] = &[
    "research",
    "policy",
    "information",
    "resource",
    "resources",
    "law",
    "press",
    "media",
    "news",
    "justice",
    "rights",
    "study",
    "studies",
    "control",
    "prevention",
    "hurricane",
    "data",
    "development",
    "action",
    "advocacy",
    "training",
    "international",
    "national",
    "regional",
    "global",
];

/// Is `name` a facility by its head word: the last word, or the word
/// before its first "of" or "for" ("National Museum of the U.S. Air
/// Force")? One word alone is not ("Museum"), nor a given name and one word
/// ("Shirley Temple"). A "Center" is one after an everyday word that is not
/// about research or policy ("Space Center", "Community Center"; not
/// "Research Center", "Wilson Center", nor any "Center for ...").
pub fn names_a_facility(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() < 2 {
        return false;
    }
    let g = get();
    let given = |w: &str| {
        let h = g.lookup(w);
        h.has(GIVEN) && !h.has(COMMON)
    };
    if words.len() == 2 && given(words[0]) {
        return false;
    }
    let (head, connector) = match words.iter().position(|&w| w == "of" || w == "for") {
        Some(0) => return false,
        Some(i) => (i - 1, Some(words[i])),
        None => (words.len() - 1, None),
    };
    match words[head] {
        "Center" | "Centre" if head > 0 && connector != Some("for") => {
            let before = words[head - 1];
            let flags = g.lower_flags(before);
            flags & (LOWER | COMMON) != 0
                && flags & FUNCTION == 0
                && !INSTITUTE_CENTERS.contains(&before.to_lowercase().as_str())
        }
        w => FACILITIES.contains(&w),
    }
}

/// Any place list.
pub const PLACE: u32 = COUNTRY | REGION | CITY | PLACE_WELL_KNOWN;

/// Bound on the memo of look-ups (it is cleared when full).
const MEMO_LIMIT: usize = 1 << 17;

pub struct Gazetteer {
    map: fst::Map<&'static [u8]>,
}

/// The `i`-th canonical name (offsets table written by `build.rs`).
fn canon_name(i: usize) -> Option<&'static str> {
    let at = |k: usize| {
        CANON_IDX
            .get(4 * k..4 * k + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    CANON.get(at(i)?..at(i + 1)?)
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hit {
    pub flags: u32,
    /// The canonical name this entry stands for ("U.S." -> "United States").
    pub canon: Option<&'static str>,
}

impl Hit {
    pub fn has(self, f: u32) -> bool {
        self.flags & f != 0
    }
}

pub fn get() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer {
        map: fst::Map::new(FST_BYTES).expect("embedded gazetteer is a valid fst"),
    })
}

impl Gazetteer {
    /// Case-sensitive look-up of a name or word. Results are memoized per
    /// thread: a document repeats its words, and a hash probe is cheaper than
    /// a walk of the automaton.
    pub fn lookup(&self, key: &str) -> Hit {
        thread_local! {
            static MEMO: std::cell::RefCell<super::FxMap<Box<str>, Hit>> = Default::default();
        }
        MEMO.with(|m| {
            let mut m = m.borrow_mut();
            if let Some(h) = m.get(key) {
                return *h;
            }
            if m.len() >= MEMO_LIMIT {
                m.clear();
            }
            let h = self.lookup_uncached(key);
            m.insert(key.into(), h);
            h
        })
    }

    /// `lookup` without the memo, for callers that look each key up once.
    pub fn lookup_uncached(&self, key: &str) -> Hit {
        match self.map.get(key) {
            Some(v) => {
                let idx = (v >> 32) as usize;
                Hit {
                    flags: v as u32,
                    canon: idx.checked_sub(1).and_then(canon_name),
                }
            }
            None => Hit::default(),
        }
    }

    pub fn flags(&self, key: &str) -> u32 {
        self.lookup(key).flags
    }

    /// Everyday word (looked up lower-cased), e.g. "However", "The", "March".
    pub fn is_common(&self, word: &str) -> bool {
        self.lower_flags(word) & COMMON != 0
    }

    /// Flags of the lower-cased word (COMMON, FUNCTION, LOWER).
    pub fn lower_flags(&self, word: &str) -> u32 {
        let mut buf = [0u8; 32];
        if word.len() > buf.len() || !word.is_ascii() {
            return self.flags(&word.to_lowercase());
        }
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        let lower = std::str::from_utf8(b).unwrap_or("");
        self.flags(lower)
    }

    /// Number of keys (for diagnostics).
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facilities_are_named_by_their_head_word() {
        assert!(names_a_facility("Dulles Airport"));
        assert!(names_a_facility("National Museum of the U.S. Air Force"));
        assert!(!names_a_facility("Museum"));
        assert!(!names_a_facility("Bank of the Museum"));
        assert!(!names_a_facility("Catholic Church"));
        assert!(names_a_facility("Kennedy Space Center"));
        assert!(names_a_facility("Hafren Hotel"));
        assert!(names_a_facility("Fort Lee Community Center"));
        assert!(!names_a_facility("Woodrow Wilson Center"));
        assert!(!names_a_facility("Uranium Information Centre"));
        assert!(!names_a_facility(
            "Center for Strategic and International Studies"
        ));
        assert!(names_a_facility("Museum for Modern Art"));
    }

    #[test]
    fn lists_are_embedded() {
        let g = get();
        assert!(g.len() > 50_000);
        assert!(g.lookup("China").has(COUNTRY));
        assert!(g.lookup("Moscow").has(CITY));
        assert_eq!(g.lookup("U.S.").canon, Some("United States"));
        assert_eq!(g.lookup("Russian").canon, Some("Russia"));
        assert!(g.lookup("Russian").has(DEMONYM));
        assert!(g.lookup("President").has(TITLE));
        assert!(g.is_common("However"));
        assert!(g.is_common("THE"));
        assert!(!g.is_common("Putin"));
    }
}
