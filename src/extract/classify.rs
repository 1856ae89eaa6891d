//! The kind of each candidate name, decided once per distinct name in the
//! document by the learned model (`model.rs`) from named features: the
//! gazetteer hits of the name and its words (and their collisions), word
//! shape and affixes, the context cues of all its mentions (`cues.rs`), the
//! words around them, and how the same words are used elsewhere in the
//! document (alone, in lower case, as part of a longer name, as an acronym).

use super::candidates::{Mention, WordStats};
use super::cues::CUES;
use super::gazetteer::{self as gz};
use super::model::{self, Model};
use super::stack;
use super::tokenize::TokKind;
use super::{FxMap, FxSet, Prepared};

/// Class probabilities of a mention's name, summed over the mentions of an
/// entity: the kind is the largest, unless `none` is.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Evidence {
    pub none: f32,
    pub person: f32,
    pub org: f32,
    pub place: f32,
}

impl std::ops::AddAssign for Evidence {
    fn add_assign(&mut self, o: Evidence) {
        self.none += o.none;
        self.person += o.person;
        self.org += o.org;
        self.place += o.place;
    }
}

impl Evidence {
    pub fn from_probabilities(p: [f32; 4]) -> Evidence {
        Evidence {
            none: p[model::NONE],
            person: p[model::PERSON],
            org: p[model::ORG],
            place: p[model::PLACE],
        }
    }

    pub fn total(&self) -> f32 {
        self.none + self.person + self.org + self.place
    }
}

/// Receives features as name pieces and a value.
pub trait Sink {
    fn emit(&mut self, parts: &[&str], v: f32);
}

/// Hashed features, for scoring.
#[derive(Default)]
pub struct Hashed(pub Vec<(u64, f32)>);

impl Sink for Hashed {
    fn emit(&mut self, parts: &[&str], v: f32) {
        self.0.push((model::hash_parts(parts), v));
    }
}

/// Named features, for training and `--explain`.
#[derive(Default)]
pub struct Named(pub Vec<(String, f32)>);

impl Sink for Named {
    fn emit(&mut self, parts: &[&str], v: f32) {
        self.0.push((parts.concat(), v));
    }
}

const FLAG_NAMES: &[(u32, &str)] = &[
    (gz::COUNTRY, "COUNTRY"),
    (gz::REGION, "REGION"),
    (gz::CITY, "CITY"),
    (gz::MAJOR_CITY, "MAJOR_CITY"),
    (gz::PLACE_WELL_KNOWN, "PLACE"),
    (gz::ORG, "ORG"),
    (gz::GIVEN, "GIVEN"),
    (gz::FORENAME, "FORENAME"),
    (gz::SURNAME, "SURNAME"),
    (gz::TITLE, "TITLE"),
    (gz::ORG_SUFFIX, "ORG_SUFFIX"),
    (gz::ORG_HEAD, "ORG_HEAD"),
    (gz::PLACE_SUFFIX, "PLACE_SUFFIX"),
    (gz::PLACE_HEAD, "PLACE_HEAD"),
    (gz::DEMONYM, "DEMONYM"),
    (gz::COMMON, "COMMON"),
    (gz::LOWER, "LOWER"),
];

/// Flags that make up a single word's signature (its collisions).
const SIGNATURE: u32 = gz::COUNTRY
    | gz::REGION
    | gz::CITY
    | gz::MAJOR_CITY
    | gz::PLACE_WELL_KNOWN
    | gz::ORG
    | gz::GIVEN
    | gz::FORENAME
    | gz::SURNAME
    | gz::COMMON;

pub(crate) const DIRECTIONS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northwest",
    "Northeast",
    "Southwest",
    "Southeast",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Upper",
    "Lower",
    "Greater",
];

const PERSON_CONNECTORS: &[&str] = &[
    "bin", "ibn", "van", "von", "de", "da", "del", "der", "al", "el", "dos",
];

/// Endings of English content words ("Relativism", "Objectives").
const CONTENT_SUFFIXES: &[&str] = &[
    "tion", "sion", "ment", "ness", "ity", "ism", "ive", "ives", "ary", "ory", "ance", "ence",
    "ics", "ure", "ship", "ogy", "ical", "ful", "less", "ous", "ists", "ies",
];

/// What a context slot holds: a word's vocabulary id, a punctuation byte, or nothing.
fn ctx_code(p: &Prepared, k: Option<usize>) -> u32 {
    match k {
        None => u32::MAX,
        Some(k) => match p.toks[k].id() {
            Some(id) => id as u32,
            None => 0x8000_0000 | u32::from(p.text.as_bytes()[p.toks[k].start()]),
        },
    }
}

fn ctx_text(p: &Prepared, k: Option<usize>) -> String {
    match k {
        None => "<s>".to_string(),
        Some(k) => {
            let t = &p.toks[k];
            match t.kind() {
                TokKind::Num => "<num>".to_string(),
                _ => t.text(p.text).to_lowercase(),
            }
        }
    }
}

/// The shape of a word or name: capitals as X, small letters as x,
/// digits as d, runs collapsed ("Cheng Chung-tai" is "Xx Xx-x").
pub fn shape(w: &str) -> String {
    let mut s = String::new();
    let mut last = ' ';
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k != last {
            s.push(k);
            last = k;
        }
    }
    s
}

/// One distinct name of the document with what its mentions say.
struct KeyAgg {
    /// A representative mention (the first).
    rep: usize,
    mentions: u32,
    cue_counts: Vec<u32>,
    /// (slot, context code) -> (count, a token holding it).
    ctx: Vec<(u8, u32, u32, Option<usize>)>,
}

/// The names of the document, their mentions and the document-level facts
/// about their words.
pub struct Keys<'m> {
    ms: &'m [Mention],
    keys: Vec<KeyAgg>,
    /// Per mention: its key.
    of_mention: Vec<u32>,
    /// Words that end / begin a name of several words; the first words of
    /// names that end with a given word begin with a given name.
    last_words: FxMap<&'m str, bool>,
    first_words: FxSet<&'m str>,
    /// Per name: what the document's structure says of it (`structure`).
    structural: Vec<Structural>,
    single: FxSet<&'m str>,
    initials: FxSet<String>,
}

/// What is left of an author's place and organization probabilities
/// (`Keys::structure`): most authors are people, some are bodies ("(WHO,
/// 2018)"), few are places.
const CITED_PLACE: f32 = 0.2;
const CITED_ORG: f32 = 0.5;

/// A name is an entity by the document's structure (`sure`), as the
/// author of a citation (`cited`) or otherwise.
#[derive(Clone, Copy)]
struct Structural {
    sure: bool,
    cited: bool,
    /// In the list of well-known organizations and in no place or name list: an
    /// entity of that kind if it is one ("the European Union", listed
    /// beside countries, is not a place).
    known_org: bool,
}

const PREV: u8 = 0;
const NEXT: u8 = 1;
const TITLE: u8 = 2;

fn initials_of(key: &str) -> String {
    key.split([' ', '-'])
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "&" | "de" | "la" | "du"))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

impl<'m> Keys<'m> {
    pub fn new(p: &Prepared, ms: &'m [Mention]) -> Keys<'m> {
        let mut index: FxMap<&str, u32> = FxMap::default();
        let mut keys: Vec<KeyAgg> = Vec::new();
        let mut of_mention = Vec::with_capacity(ms.len());
        let mut ctx: FxMap<(u32, u8, u32), (u32, Option<usize>)> = FxMap::default();
        for (i, m) in ms.iter().enumerate() {
            let id = *index.entry(m.key.as_str()).or_insert_with(|| {
                keys.push(KeyAgg {
                    rep: i,
                    mentions: 0,
                    cue_counts: vec![0; CUES.len()],
                    ctx: Vec::new(),
                });
                (keys.len() - 1) as u32
            });
            of_mention.push(id);
            let k = &mut keys[id as usize];
            k.mentions += 1;
            let mut bits = m.cue_bits();
            while bits != 0 {
                let b = bits.trailing_zeros() as usize;
                k.cue_counts[b] += 1;
                bits &= bits - 1;
            }
            let (prev, next, title) = (m.prev(), m.next(), m.title());
            for (slot, tok) in [(PREV, prev), (NEXT, next)] {
                let e = ctx.entry((id, slot, ctx_code(p, tok))).or_insert((0, tok));
                e.0 += 1;
            }
            if title.is_some() {
                let e = ctx
                    .entry((id, TITLE, ctx_code(p, title)))
                    .or_insert((0, title));
                e.0 += 1;
            }
        }
        for ((id, slot, code), (n, tok)) in ctx {
            keys[id as usize].ctx.push((slot, code, n, tok));
        }
        for k in &mut keys {
            k.ctx.sort_unstable_by_key(|c| (c.0, c.1));
        }
        let mut last_words: FxMap<&str, bool> = FxMap::default();
        let mut first_words = FxSet::default();
        let mut single = FxSet::default();
        let mut initials = FxSet::default();
        let g = gz::get();
        for k in &keys {
            let key = ms[k.rep].key.as_str();
            match key.split_once(' ') {
                Some((first, _)) => {
                    let last = key.rsplit(' ').next().unwrap_or(key);
                    let given = g.flags(first) & gz::GIVEN != 0;
                    *last_words.entry(last).or_default() |= given;
                    first_words.insert(first);
                    initials.insert(initials_of(key));
                }
                None => {
                    single.insert(key);
                }
            }
        }
        let at = |name: &str| CUES.iter().position(|c| c.name == name);
        let count = |k: &KeyAgg, b: Option<usize>| b.map_or(0, |b| k.cue_counts[b]);
        let (cited, in_text) = (at("cited"), at("cited_in_text"));
        let (by, email) = (at("byline_by"), at("own_email"));
        // Authors of bracketed citations or before "et al." in the document.
        let cites: u32 = keys.iter().map(|k| count(k, cited)).sum();
        let structural = keys
            .iter()
            .map(|k| {
                let cited = count(k, cited) > 0 || (count(k, in_text) > 0 && cites > 1);
                let hit = ms[k.rep].hit;
                Structural {
                    sure: cited || count(k, by) > 0 || count(k, email) > 0,
                    cited,
                    known_org: hit.has(gz::ORG) && !hit.has(gz::PLACE | gz::GIVEN | gz::SURNAME),
                }
            })
            .collect();
        Keys {
            ms,
            keys,
            of_mention,
            last_words,
            first_words,
            structural,
            single,
            initials,
        }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn key(&self, i: usize) -> &'m str {
        &self.ms[self.keys[i].rep].key
    }

    pub fn of_mention(&self, m: usize) -> usize {
        self.of_mention[m] as usize
    }

    /// The class probabilities of name `i` (`feats` is scratch space and
    /// holds its hashed features afterwards), with what the document's
    /// structure says ([`Keys::structure`]).
    pub fn probabilities(
        &self,
        p: &Prepared,
        stats: &WordStats,
        i: usize,
        model: &Model,
        feats: &mut Hashed,
    ) -> [f32; 4] {
        feats.0.clear();
        self.features(p, stats, i, feats);
        self.structure(i, model.probabilities(&feats.0))
    }

    /// `pr` with "not an entity" ruled out when the document's structure
    /// says name `i` is one, whatever its spelling: only its kind is the
    /// model's to say. The training text has almost no bylines, author
    /// lines or citations, so the model cannot learn these:
    /// - a name in a byline that begins with "By", or followed by its own
    ///   e-mail address;
    /// - an author of a citation ("(Dye & Bavelier, 2010)", "Klingberg et
    ///   al."), or of a citation in running text ("Quilis (1964)") when
    ///   the document has at least two such authors elsewhere. An author
    ///   is rarely a place (surnames that are towns: "Santos", "Marks")
    ///   and more often a person than a body: place and organization are
    ///   scaled down.
    ///
    /// And a name in the short list of well-known organizations, and in no
    /// place or name list, is an organization if it is an entity at all:
    /// few of them are in the training text ("the United States and the
    /// European Union" made the EU a place).
    pub fn structure(&self, i: usize, model_pr: [f32; 4]) -> [f32; 4] {
        let mut pr = model_pr;
        let Structural {
            sure,
            cited,
            known_org,
        } = self.structural[i];
        if known_org {
            pr[model::ORG] += pr[model::PERSON] + pr[model::PLACE];
            pr[model::PERSON] = 0.0;
            pr[model::PLACE] = 0.0;
        }
        if !sure || pr[model::NONE] >= 1.0 {
            return pr;
        }
        pr[model::NONE] = 0.0;
        if cited {
            pr[model::PLACE] *= CITED_PLACE;
            pr[model::ORG] *= CITED_ORG;
        }
        let total: f32 = pr.iter().sum();
        if total <= 0.0 {
            return model_pr;
        }
        pr.map(|x| x / total)
    }

    /// The features of name `i`.
    pub fn features(&self, p: &Prepared, stats: &WordStats, i: usize, out: &mut impl Sink) {
        let k = &self.keys[i];
        let m = &self.ms[k.rep];
        let key = m.key.as_str();
        let (first, last) = (m.first as usize, m.last as usize);
        let toks: Vec<usize> = (first..=last)
            .filter(|&t| p.toks[t].kind() == TokKind::Word && p.toks[t].cap())
            .collect();
        let words: Vec<&str> = toks.iter().map(|&t| p.toks[t].text(p.text)).collect();
        let n = words.len();
        out.emit(&["bias"], 1.0);
        out.emit(&["words=", ["0", "1", "2", "3", "4+"][n.min(4)]], 1.0);
        for &(f, name) in FLAG_NAMES {
            if m.hit.has(f) {
                out.emit(&["key:", name], 1.0);
            }
        }
        if m.hit.canon.is_some() {
            // Most canonical entries are places; a known organization's is its own.
            let of = if m.hit.has(gz::ORG) { "_org" } else { "" };
            out.emit(&["key:canonical", of], 1.0);
        }
        let shapes: Vec<String> = key.split(' ').take(4).map(shape).collect();
        out.emit(&["shape=", &shapes.join("_")], 1.0);
        if let (Some(&f), Some(&l)) = (toks.first(), toks.last()) {
            let (ff, lf) = (p.flags(f), p.flags(l));
            let pos = if n == 1 { "one:" } else { "first:" };
            for &(flag, name) in FLAG_NAMES {
                if ff & flag != 0 {
                    out.emit(&[pos, name], 1.0);
                }
                if n > 1 && lf & flag != 0 {
                    out.emit(&["last:", name], 1.0);
                }
                if n > 2 && toks[1..n - 1].iter().any(|&t| p.flags(t) & flag != 0) {
                    out.emit(&["mid:", name], 1.0);
                }
            }
            if n == 1 {
                let mut sig = String::new();
                for &(flag, name) in FLAG_NAMES {
                    if ff & SIGNATURE & flag != 0 {
                        sig.push_str(name);
                        sig.push('+');
                    }
                }
                out.emit(&["signature=", &sig], 1.0);
                let lw = words[0].to_lowercase();
                out.emit(&["word=", &lw], 1.0);
                let len = words[0].chars().count();
                out.emit(
                    &[
                        "len=",
                        ["1", "2", "3", "4-5", "6+"][(len.min(6) - 1).min(4)],
                    ],
                    1.0,
                );
            } else {
                out.emit(&["last_word=", &words[n - 1].to_lowercase()], 1.0);
                out.emit(&["first_word=", &words[0].to_lowercase()], 1.0);
                let given = ff & (gz::GIVEN | gz::FORENAME) != 0 && ff & gz::COMMON == 0;
                if given && lf & gz::SURNAME != 0 {
                    out.emit(&["given+surname"], 1.0);
                }
                if given && n == 2 {
                    out.emit(&["given+one"], 1.0);
                }
            }
            let lw = words[n - 1];
            let chars: Vec<char> = lw.chars().collect();
            let suffix = |len: usize| -> String {
                chars[chars.len().saturating_sub(len)..]
                    .iter()
                    .flat_map(|c| c.to_lowercase())
                    .collect()
            };
            if chars.len() > 3 {
                out.emit(&["suffix3=", &suffix(3)], 1.0);
            }
        }
        let all_caps = toks.iter().all(|&t| p.toks[t].allcaps());
        if all_caps && n > 0 {
            out.emit(&["all_caps"], 1.0);
        }
        if n > 1 && gz::names_a_facility(key) {
            out.emit(&["head:facility"], 1.0);
        }
        // A capital inside a word ("YouTube", "JetBlue", "ResearchGate"), not
        // after a surname's prefix ("McFarlane", "DeVito", "O'Brien").
        if words.iter().any(|w| camel(w)) {
            out.emit(&["camel_case"], 1.0);
        }
        if words.iter().any(|w| content_ending(w)) {
            out.emit(&["content_word_ending"], 1.0);
        }
        let between = |w: &str| (first..=last).any(|t| p.toks[t].text(p.text) == w);
        for (w, f) in [
            ("of", "has:of"),
            ("and", "has:and"),
            ("the", "has:the"),
            ("&", "has:&"),
        ] {
            if between(w) {
                out.emit(&[f], 1.0);
            }
        }
        if (first..=last).any(|t| PERSON_CONNECTORS.contains(&p.toks[t].text(p.text))) {
            out.emit(&["has:name_connector"], 1.0);
        }
        if key.contains('-') {
            out.emit(&["has:hyphen"], 1.0);
        }
        if key.contains('.') {
            out.emit(&["has:dot"], 1.0);
        }
        if key.bytes().any(|b| b.is_ascii_digit()) {
            out.emit(&["has:digit"], 1.0);
        }
        if n > 1
            && words.iter().any(|w| DIRECTIONS.contains(w))
            && toks
                .iter()
                .any(|&t| !DIRECTIONS.contains(&p.toks[t].text(p.text)) && p.hit(t).has(gz::PLACE))
        {
            out.emit(&["direction+place"], 1.0);
        }
        // A coarse type from the lists, to pair with the context words: "of"
        // after a person's name says another thing than after "Bank".
        let coarse = match (toks.first(), toks.last()) {
            _ if m.hit.has(gz::PLACE) => "place",
            _ if m.hit.has(gz::ORG) => "org",
            (Some(&f), Some(&l)) => {
                let (ff, lf) = (p.flags(f), p.flags(l));
                if n > 1 && lf & gz::ORG_SUFFIX != 0 {
                    "org"
                } else if n > 1 && lf & gz::PLACE_SUFFIX != 0 {
                    "place"
                } else if ff & (gz::GIVEN | gz::SURNAME) != 0 && ff & gz::COMMON == 0 {
                    "person"
                } else if ff & gz::PLACE != 0 {
                    "place"
                } else if ff & gz::COMMON != 0 || p.lower_seen(f) {
                    "common"
                } else {
                    "unknown"
                }
            }
            _ => "unknown",
        };
        out.emit(&["coarse=", coarse], 1.0);
        out.emit(&["pattern=", &word_classes(p, first, last)], 1.0);
        rules(p, &toks, &words, m, &mut *out);
        // How the same words are used elsewhere in the document.
        if toks.iter().any(|&t| p.lower_seen(t)) {
            out.emit(&["doc:lower_case_elsewhere"], 1.0);
        }
        if toks.iter().any(|&t| !stats.cap_mid(p, t)) {
            out.emit(&["doc:only_capitalized_at_start"], 1.0);
        }
        let mentions = k.mentions;
        out.emit(
            &[
                "doc:mentions=",
                match mentions {
                    1 => "1",
                    2 => "2",
                    3..=5 => "3-5",
                    _ => "6+",
                },
            ],
            1.0,
        );
        if n <= 1 {
            match self.last_words.get(key) {
                Some(true) => out.emit(&["doc:last_word_of_given_name"], 1.0),
                Some(false) => out.emit(&["doc:last_word_of_longer_name"], 1.0),
                None => {}
            }
            if self.first_words.contains(key) {
                out.emit(&["doc:first_word_of_longer_name"], 1.0);
            }
            if all_caps && self.initials.contains(&key.replace('.', "")) {
                out.emit(&["doc:initials_of_longer_name"], 1.0);
            }
        } else {
            if self.single.contains(words[n - 1]) {
                out.emit(&["doc:last_word_alone"], 1.0);
            }
            if self.single.contains(words[0]) {
                out.emit(&["doc:first_word_alone"], 1.0);
            }
            if self.single.contains(initials_of(key).as_str()) {
                out.emit(&["doc:initials_used"], 1.0);
            }
        }
        // Context cues of the mentions: any, and the share.
        let total = mentions as f32;
        for (c, &count) in CUES.iter().zip(&k.cue_counts) {
            if count > 0 {
                out.emit(&["cue:", c.name], 1.0);
                out.emit(&["cue:", c.name, "|", coarse], 1.0);
                out.emit(&["cue_share:", c.name], count as f32 / total);
            }
        }
        for &(slot, _, count, tok) in &k.ctx {
            let name = match slot {
                PREV => "prev=",
                NEXT => "next=",
                _ => "title=",
            };
            let ctx = ctx_text(p, tok);
            out.emit(&[name, &ctx], count as f32 / total);
            out.emit(&[name, &ctx, "|", coarse], count as f32 / total);
        }
    }
}

/// Could `w` be part of a personal name? Not a word shaped like an English
/// content word ("Learning", "Relativism") or a country, unless a name list
/// knows it.
fn name_like(flags: u32, w: &str) -> bool {
    if flags & (gz::GIVEN | gz::SURNAME) != 0 {
        return true;
    }
    if flags & (gz::COUNTRY | gz::REGION | gz::PLACE_WELL_KNOWN) != 0 {
        return false;
    }
    !(content_ending(w) || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")))
}

/// Ends like an English content word: "-tion", "-ness", "-ism"; "-ing" only
/// on long words ("Processing" is a noun, "Jinping" a name).
fn content_ending(w: &str) -> bool {
    let ends = |suf: &str| w.len() > suf.len() + 2 && w.ends_with(suf);
    (w.len() >= 9 && w.ends_with("ing")) || CONTENT_SUFFIXES.iter().any(|s| ends(s))
}

/// Patterns of a name's words and their list entries, each a named
/// feature: what they are worth is learned.
fn rules(p: &Prepared, toks: &[usize], words: &[&str], m: &Mention, out: &mut impl Sink) {
    let (Some(&f), Some(&l)) = (toks.first(), toks.last()) else {
        return;
    };
    let n = words.len();
    let multi = n > 1;
    let (ff, lf) = (p.flags(f), p.flags(l));
    let hit = m.hit;
    let mut rule = |name: &str| out.emit(&["rule:", name], 1.0);
    let listed = hit.has(gz::PLACE | gz::ORG);
    if hit.has(gz::CITY)
        && !hit.has(gz::COUNTRY | gz::PLACE_WELL_KNOWN | gz::REGION | gz::MAJOR_CITY)
    {
        rule(if hit.has(gz::GIVEN | gz::SURNAME) {
            "town_also_a_name"
        } else {
            "town_only"
        });
    }
    let first_m = m.first as usize;
    let last_m = m.last as usize;
    let w = |k: usize| p.toks[k].text(p.text);
    let has_of = (first_m..=last_m).any(|k| w(k) == "of");
    if (first_m..last_m).any(|k| w(k + 1) == "of" && p.hit(k).has(gz::ORG_SUFFIX))
        && ff & gz::ORG_HEAD == 0
    {
        rule("org_word_before_of");
    }
    if multi && ff & (gz::ORG_HEAD | gz::ORG_SUFFIX) != 0 && has_of {
        rule("org_head_then_of");
    }
    if multi && ff & gz::PLACE_SUFFIX != 0 && has_of {
        rule("place_word_then_of");
    }
    if multi && (lf & gz::PLACE_SUFFIX != 0 || ff & gz::PLACE_HEAD != 0) {
        rule("place_head_or_suffix");
    }
    if multi && lf & gz::ORG_SUFFIX != 0 {
        rule("org_suffix_last");
    }
    let given = ff & gz::GIVEN != 0 && ff & gz::COMMON == 0;
    if multi && given {
        rule("given_first");
        if (first_m..=last_m).any(|k| PERSON_CONNECTORS.contains(&w(k))) {
            rule("given_with_connector");
        }
    }
    // "Pittsburgh Pirates": a place name qualifying a plural.
    if multi
        && ff & (gz::COUNTRY | gz::REGION | gz::MAJOR_CITY | gz::PLACE_WELL_KNOWN) != 0
        && !hit.has(gz::PLACE)
        && words[n - 1].ends_with('s')
        && p.flags(toks[1]) & (gz::PLACE | gz::PLACE_SUFFIX | gz::GIVEN | gz::SURNAME) == 0
    {
        rule("place_then_plural");
    }
    // East Asian names: family name first, hyphenated given name ("Lee Cheuk-yan").
    if n == 2
        && ff & gz::SURNAME != 0
        && m.key.rsplit(' ').next().is_some_and(|g| {
            g.split_once('-')
                .is_some_and(|(_, b)| b.chars().next().is_some_and(char::is_lowercase))
        })
    {
        rule("family_name_then_hyphenated");
    }
    let plain = toks.iter().all(|&k| {
        let t = &p.toks[k];
        p.flags(k) & gz::COMMON == 0
            && !p.lower_seen(k)
            && !t.allcaps()
            && p.flags(k)
                & (gz::ORG_SUFFIX
                    | gz::ORG_HEAD
                    | gz::PLACE_SUFFIX
                    | gz::PLACE_HEAD
                    | gz::DEMONYM
                    | gz::TITLE
                    | gz::ORG)
                == 0
    });
    if plain && !listed && toks.iter().all(|&k| name_like(p.flags(k), w(k))) {
        rule(if multi {
            "unknown_name_words"
        } else {
            "unknown_name_word"
        });
    }
    if !multi && p.toks[f].allcaps() && !listed {
        rule("unlisted_acronym");
    }
    if !multi && hit.has(gz::GIVEN | gz::SURNAME) && !listed {
        rule("lone_personal_name");
    }
}

fn camel(w: &str) -> bool {
    let rest = [
        "Mc", "Mac", "De", "Di", "La", "Le", "Van", "Von", "Du", "Da",
    ]
    .iter()
    .find_map(|p| w.strip_prefix(p))
    .unwrap_or(w);
    let mut chars = rest.chars();
    chars.next();
    let mut prev_lower = false;
    for c in chars {
        if c.is_uppercase() && prev_lower {
            return true;
        }
        prev_lower = c.is_lowercase();
    }
    false
}

/// A capitalized word's class for [`word_classes`]: the first that its
/// flags match, else `X`.
const WORD_CLASSES: &[(u32, &str)] = &[
    (gz::ORG_SUFFIX | gz::ORG_HEAD, "O"),
    (gz::PLACE_SUFFIX | gz::PLACE_HEAD, "H"),
    (gz::PLACE, "L"),
    (gz::DEMONYM, "D"),
    (gz::LOWER | gz::COMMON, "W"),
    (gz::GIVEN, "G"),
    (gz::SURNAME, "S"),
];

/// The name as a sequence of word classes from the lists, runs collapsed:
/// "International Computer Science Institute" is `W O` (everyday words,
/// then an organization's head), "Office of Science and Technology Policy"
/// `O of W and W`. Connectors stand for themselves.
fn word_classes(p: &Prepared, first: usize, last: usize) -> String {
    let mut out = String::new();
    let mut prev = "";
    for t in first..=last {
        let tok = &p.toks[t];
        if tok.kind() != TokKind::Word && tok.text(p.text) != "&" {
            continue;
        }
        let f = p.flags(t);
        let class = if !tok.cap() || tok.text(p.text) == "&" {
            match tok.text(p.text) {
                w @ ("of" | "and" | "the" | "for" | "&") => w,
                _ => "c",
            }
        } else if tok.allcaps() {
            "A"
        } else {
            WORD_CLASSES
                .iter()
                .find(|(flags, _)| f & flags != 0)
                .map_or("X", |&(_, c)| c)
        };
        if class != prev {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(class);
            prev = class;
        }
    }
    out
}

/// Scores every distinct name once (twice with the model's second pass,
/// `stack.rs`) and gives each mention its name's class probabilities.
pub fn classify(p: &Prepared, stats: &WordStats, ms: &mut [Mention], model: &Model) {
    let keys = Keys::new(p, ms);
    let probs = scores(p, stats, &keys, ms, model).1;
    let of: Vec<usize> = (0..ms.len()).map(|i| keys.of_mention(i)).collect();
    for (m, k) in ms.iter_mut().zip(of) {
        m.evidence = Evidence::from_probabilities(probs[k]);
    }
}

/// Is a person the most probable reading of `pr`?
fn is_person(pr: &[f32; 4]) -> bool {
    (0..4).all(|c| pr[model::PERSON] >= pr[c])
}

/// `pr` of an acronym in a person's affiliation slot
/// (`stack::Context::affiliations`): neither a person nor nothing; the model
/// still says whether it is a body or a place ("Ann Lee of NSW").
fn affiliated(pr: [f32; 4]) -> [f32; 4] {
    let total = pr[model::ORG] + pr[model::PLACE];
    if total <= 0.0 {
        return pr;
    }
    let mut out = [0.0; 4];
    out[model::ORG] = pr[model::ORG] / total;
    out[model::PLACE] = pr[model::PLACE] / total;
    out
}

/// The class probabilities of every distinct name from its own features.
pub fn first_pass(p: &Prepared, stats: &WordStats, keys: &Keys, model: &Model) -> Vec<[f32; 4]> {
    let mut feats = Hashed::default();
    (0..keys.len())
        .map(|i| keys.probabilities(p, stats, i, model, &mut feats))
        .collect()
}

/// The first-pass and final class probabilities of every distinct name,
/// and the second pass's context when the model has one.
pub fn scores(
    p: &Prepared,
    stats: &WordStats,
    keys: &Keys,
    ms: &[Mention],
    model: &Model,
) -> (Vec<[f32; 4]>, Vec<[f32; 4]>, Option<stack::Context>) {
    let mut feats = Hashed::default();
    let first = first_pass(p, stats, keys, model);
    if !stack::enabled(model) {
        return (first.clone(), first, None);
    }
    let ctx = stack::Context::new(p, keys, ms, &first);
    let mut last: Vec<[f32; 4]> = (0..keys.len())
        .map(|i| {
            feats.0.clear();
            ctx.features(i, &mut feats);
            keys.structure(i, model.probabilities(&feats.0))
        })
        .collect();
    // Which acronyms, decided before any changes: a name that is the
    // acronym in one pair and the person in another must not make the
    // order matter.
    let affiliated_acronyms: Vec<usize> = ctx
        .affiliations()
        .iter()
        .filter(|&&(_, person)| is_person(&last[person]))
        .map(|&(acronym, _)| acronym)
        .collect();
    for acronym in affiliated_acronyms {
        last[acronym] = affiliated(last[acronym]);
    }
    (first, last, Some(ctx))
}
