//! Candidate names: runs of capitalized words (with connectors such as "of"
//! or "bin" and initials such as "F."), trimmed of titles, nationality words
//! and everyday words, plus acronyms. Sentence-initial capitals and Title Case
//! headings only count when the word is known to be a name.

use std::ops::Range;

use super::classify::Evidence;
use super::cues::{self, Ctx};
use super::gazetteer::{self as gz, Gazetteer};
use super::numbers::weekday;
use super::tokenize::{Tok, TokKind};
use super::{Prepared, Sent};
use crate::document::BlockKind;

/// One mention of a candidate name.
#[derive(Clone, Debug)]
pub struct Mention {
    pub range: Range<usize>,
    /// Surface with spacing collapsed and curly apostrophes straightened.
    pub key: String,
    /// The gazetteer's entry for `key`.
    pub hit: gz::Hit,
    /// Class probabilities of its name (set by `classify`).
    pub evidence: Evidence,
    /// The mention is an acronym in brackets right after this mention index.
    pub expands: Option<usize>,
    /// First and last token of the name and a title token before it
    /// (`NO_TITLE` when there is none): indices into `Prepared::toks`.
    pub first: u32,
    pub last: u32,
    title: u32,
    /// Context cue bits (`cues::CUES`), and whether the sentence goes on
    /// before and after the mention (`HAS_PREV`, `HAS_NEXT`).
    pub cues: u32,
}

const NO_TITLE: u32 = u32::MAX;
const HAS_PREV: u32 = 1 << 30;
const HAS_NEXT: u32 = 1 << 31;

impl Mention {
    /// The title token before the name ("President").
    pub fn title(&self) -> Option<usize> {
        (self.title != NO_TITLE).then_some(self.title as usize)
    }

    /// The token before the mention (title included), within its sentence.
    pub fn prev(&self) -> Option<usize> {
        let start = self.title().unwrap_or(self.first as usize);
        (self.cues & HAS_PREV != 0).then(|| start - 1)
    }

    /// The token after the mention, within its sentence.
    pub fn next(&self) -> Option<usize> {
        (self.cues & HAS_NEXT != 0).then_some(self.last as usize + 1)
    }

    /// This mention narrowed to `range`, where the text spells `like`'s
    /// name: it takes that name's key, list entry and evidence.
    pub fn narrowed(&self, range: Range<usize>, like: &Mention) -> Mention {
        Mention {
            range,
            key: like.key.clone(),
            hit: like.hit,
            evidence: like.evidence,
            expands: None,
            ..*self
        }
    }

    /// The context cue bits alone.
    pub fn cue_bits(&self) -> u32 {
        self.cues & !(HAS_PREV | HAS_NEXT)
    }
}

const CONNECTORS: &[&str] = &[
    "of", "the", "de", "da", "del", "della", "der", "den", "van", "von", "bin", "ibn", "al", "el",
    "la", "le", "du", "dos", "das", "y", "and", "&", "for",
];

/// Words seen across the document, for deciding about ambiguous capitals.
pub struct WordStats {
    /// Per vocabulary id: capitalized somewhere other than the start of a
    /// sentence, outside headings.
    cap_mid: Vec<bool>,
}

impl WordStats {
    /// Word `k` is capitalized somewhere other than at a sentence start.
    pub fn cap_mid(&self, p: &Prepared, k: usize) -> bool {
        p.id(k).is_some_and(|i| self.cap_mid[i])
    }
}

pub fn word_stats(p: &Prepared) -> WordStats {
    let mut cap_mid = vec![false; p.lower_seen.len()];
    for sent in p.sents.iter().filter(|s| !s.title_case) {
        let toks = &p.toks[sent.toks()];
        for (i, t) in toks.iter().enumerate().skip(1) {
            if let Some(id) = t.id().filter(|_| t.cap())
                && !sent.starts_at(sent.toks().start + i)
                && !after_opening(toks, i, p.text)
                && !after_comma(toks, i, p.text)
            {
                cap_mid[id] = true;
            }
        }
    }
    WordStats { cap_mid }
}

/// The token follows a comma or semicolon, where quoted speech without
/// quotation marks begins ("And he said unto Moses, Bring me a cruse"): a
/// capital there does not show that a word is written capitalized inside
/// sentences.
fn after_comma(toks: &[Tok], i: usize, text: &str) -> bool {
    i > 0 && matches!(toks[i - 1].text(text), "," | ";")
}

/// The token follows an opening quote or bracket (so a capital is expected).
fn after_opening(toks: &[Tok], i: usize, text: &str) -> bool {
    i > 0
        && toks[i - 1].kind() == TokKind::Punct
        && matches!(
            toks[i - 1].text(text),
            "\"" | "“" | "‘" | "(" | ":" | "—" | "-"
        )
}

/// Is token `i` of the sentence a name word (before trimming)?
fn is_name_word(p: &Prepared, sent: &Sent, stats: &WordStats, g: &Gazetteer, i: usize) -> bool {
    let t = &p.toks[i];
    if t.kind() != TokKind::Word || !t.cap() {
        return false;
    }
    let initial = sent.starts_at(i) || after_opening(&p.toks[..], i, p.text);
    if sent.title_case {
        let f = p.flags(i);
        // A given name and the capitalized word after it ("Andrew
        // Beresford"); a country or a well-known place that is also a given
        // name only before a surname ("Jordan Peterson", not "India
        // Resume").
        // A capitalized word of this sentence (`cap_word`: after a space).
        let cap_at = |k: usize| {
            sent.toks().contains(&k) && p.toks[k].kind() == TokKind::Word && p.toks[k].cap()
        };
        let cap_word = |k: usize| cap_at(k) && p.toks[k].gap();
        let given_except =
            |k: usize, not: u32| cap_at(k) && p.flags(k) & gz::GIVEN != 0 && p.flags(k) & not == 0;
        const PLACE_LIKE: u32 = gz::COUNTRY | gz::REGION | gz::MAJOR_CITY | gz::PLACE_WELL_KNOWN;
        let given = |k: usize| given_except(k, gz::COMMON | PLACE_LIKE);
        let in_sent = |k: usize| sent.toks().contains(&k);
        // The word counts on its own: known to be a name, or next to one.
        let alone = |k: usize| {
            let f = p.flags(k);
            let common = f & gz::COMMON != 0;
            (p.toks[k].allcaps() && word_text(p, k).len() <= 6)
                || (stats.cap_mid(p, k) && !common)
                || (f & (gz::COMMON | gz::LOWER | gz::FUNCTION) == 0
                    && !p.lower_seen(k)
                    && sent.block != BlockKind::Title)
                || (f & (gz::PLACE | gz::ORG) != 0 && !common)
                || (given(k)
                    && p.toks.get(k + 1).is_some_and(|n| n.cap() && n.gap())
                    && in_sent(k + 1))
                || (k > 0 && given(k - 1) && p.toks[k].gap() && !common)
                || (k > 0
                    && given_except(k - 1, gz::COMMON)
                    && p.toks[k].gap()
                    && f & gz::SURNAME != 0
                    && f & (gz::COMMON | gz::LOWER) == 0)
        };
        // "United Kingdom", "Durham University", "University of Portsmouth"
        // in an affiliation line: a known name of several words (tokens
        // `a..b`, 2 to 4 of them, around `i`; `run_flags` reads a run's first
        // and last token), or an organization or place word beside a name
        // word.
        let known_multi = || {
            (i.saturating_sub(3)..=i).any(|a| {
                (i + 1..a + 5).any(|b| {
                    b >= a + 2
                        && (a..b).all(|k| cap_at(k) && (k == a || p.toks[k].gap()))
                        && run_flags(p, g, &[a, b - 1]) & (gz::PLACE | gz::ORG) != 0
                })
            })
        };
        let beside = || {
            f & SUFFIXES != 0
                && ((i > 0 && cap_word(i - 1) && alone(i - 1))
                    || (p.toks.get(i + 1).is_some_and(|n| n.gap())
                        && in_sent(i + 2)
                        && matches!(word_text(p, i + 1), "of" | "for")
                        && cap_word(i + 2)
                        && alone(i + 2)))
        };
        return alone(i) || known_multi() || beside();
    }
    // "Australia On Saturday", "the U.S. It is": a pronoun, preposition or
    // auxiliary capitalized inside a sentence ends a name; none is a name word.
    if !initial && !t.allcaps() && closed_class(t.text(p.text)) {
        return false;
    }
    if initial && !t.allcaps() {
        if p.flags(i) & gz::COMMON != 0 {
            // "New York Times" at the start of a sentence: a known name begins here.
            let next_cap = i + 1 < sent.toks().end && p.toks[i + 1].cap() && p.toks[i + 1].gap();
            return next_cap && run_flags(p, g, &[i, i + 1]) & (gz::PLACE | gz::ORG) != 0;
        }
        if p.lower_seen(i) && !stats.cap_mid(p, i) {
            return p.flags(i) & (gz::PLACE | gz::ORG) != 0;
        }
    }
    true
}

/// Closed-class words (pronouns, prepositions, auxiliaries) that no name
/// holds capitalized in running text. Not "The", "As", "An": "The Hague",
/// "As Samawah", "An Najaf".
fn closed_class(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "are", "at", "be", "by", "for", "from", "he", "her", "his", "in", "into", "is", "it",
        "its", "of", "on", "she", "that", "their", "these", "they", "this", "those", "to", "was",
        "we", "were", "with", "you", "your",
    ];
    w.len() <= 5 && WORDS.iter().any(|c| w.eq_ignore_ascii_case(c))
}

fn is_connector(p: &Prepared, t: &Tok) -> bool {
    t.kind() == TokKind::Word && !t.cap() && CONNECTORS.contains(&t.text(p.text))
        || (t.kind() == TokKind::Punct && t.text(p.text) == "&")
}

/// Collects mentions from one sentence into `out`.
pub fn collect(p: &Prepared, sent: &Sent, stats: &WordStats, out: &mut Vec<Mention>) {
    let g = gz::get();
    let r = sent.toks();
    let mut i = r.start;
    while i < r.end {
        if !is_name_word(p, sent, stats, g, i) {
            i += 1;
            continue;
        }
        // Grow the run: token indices of words (connectors, hyphens and dots included).
        let mut words = vec![i];
        let mut j = i;
        while j + 1 < r.end {
            if p.toks[j].possessive() {
                // "People's Republic of China": a known name that holds a
                // possessive, from any word of the run ("the Government of
                // the People's Republic of China").
                let found = words
                    .iter()
                    .enumerate()
                    .filter(|&(_, &w)| p.toks[w].kind() == TokKind::Word && p.toks[w].cap())
                    .find_map(|(at, &w)| known_past_possessive(p, g, w, j, r.end).map(|b| (at, b)));
                if let Some((at, b)) = found {
                    if at > 0 {
                        let mut before = words[..at].to_vec();
                        trim_connectors(p, &mut before);
                        for part in split_run(p, g, &before) {
                            push_mention(p, sent, g, stats, &part, r.clone(), out);
                        }
                        words.drain(..at);
                    }
                    words.extend(j + 1..=b);
                    j = b;
                }
                break;
            }
            let n = &p.toks[j + 1];
            if n.gap() && is_name_word(p, sent, stats, g, j + 1) {
                words.push(j + 1);
                j += 1;
            } else if let Some(step) = glued_continuation(p, g, j, r.end) {
                words.extend(j + 1..=j + step);
                j += step;
            } else if n.gap() && is_connector(p, n) && !p.toks[j].allcaps() {
                // Up to two connectors ("of the") before another name word.
                let mut k = j + 1;
                while k < r.end && k < j + 3 && is_connector(p, &p.toks[k]) {
                    k += 1;
                }
                if k < r.end && p.toks[k].gap() && is_name_word(p, sent, stats, g, k) {
                    words.extend(j + 1..=k);
                    j = k;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let next = j + 1;
        // "ultraviolet radiation (UVR)": an abbreviated term, not a name.
        let term = words.len() == 1
            && p.toks[i].allcaps()
            && i >= 2
            && i > r.start + 1
            && word_text(p, i - 1) == "("
            && p.toks[i - 2].kind() == TokKind::Word
            && !p.toks[i - 2].cap()
            && p.toks.get(i + 1).is_some_and(|t| t.text(p.text) == ")");
        if term {
            i = next;
            continue;
        }
        for part in split_run(p, g, &words) {
            push_mention(p, sent, g, stats, &part, r.clone(), out);
        }
        i = next;
    }
}

const HYPHEN_SUFFIXES: &[&str] = &[
    "based",
    "led",
    "backed",
    "born",
    "style",
    "owned",
    "era",
    "made",
    "run",
    "controlled",
    "friendly",
    "speaking",
    "born",
    "like",
    "only",
    "wide",
    "type",
    "class",
    "bound",
    "linked",
];

/// Tokens glued to word `j` that continue the name: "F." initials, "Mr.",
/// "Udvar-Hazy", "Chung-tai". Returns how many tokens to take.
fn glued_continuation(p: &Prepared, g: &Gazetteer, j: usize, end: usize) -> Option<usize> {
    let n = p.toks.get(j + 1).filter(|_| j + 1 < end)?;
    if n.gap() || n.kind() != TokKind::Punct {
        return None;
    }
    let cur = &p.toks[j];
    let s = n.text(p.text);
    let after = p.toks.get(j + 2).filter(|_| j + 2 < end)?;
    let short = cur.end() - cur.start() == 1
        || matches!(cur.text(p.text), "St" | "Mt" | "Ft" | "Jr" | "Sr");
    if s == "." && after.kind() == TokKind::Word && after.cap() && (short || is_title(p, g, j)) {
        return Some(2);
    }
    // "AT&T", "Texas A&M", "S&P": an ampersand between capitals.
    if s == "&"
        && !after.gap()
        && cur.cap()
        && cur.text(p.text).len() <= 3
        && cur.text(p.text).bytes().all(|b| b.is_ascii_uppercase())
        && after.kind() == TokKind::Word
    {
        let w = after.text(p.text);
        if w.len() <= 3 && w.bytes().all(|b| b.is_ascii_uppercase()) {
            return Some(2);
        }
    }
    if matches!(s, "-" | "\u{2010}") && !after.gap() && after.kind() == TokKind::Word {
        let w = after.text(p.text);
        if after.cap()
            || (w.len() <= 6
                && !g.is_common(w)
                && !HYPHEN_SUFFIXES.contains(&w)
                && !p.hit(j).has(gz::DEMONYM))
        {
            return Some(2);
        }
    }
    None
}

fn word_text<'a>(p: &Prepared<'a>, k: usize) -> &'a str {
    p.toks[k].text(p.text)
}

fn surface(p: &Prepared, words: &[usize]) -> String {
    let raw = &p.text[p.toks[words[0]].start()..p.toks[*words.last().unwrap_or(&words[0])].end()];
    // Most surfaces are one ASCII word: nothing to collapse or straighten.
    if raw.bytes().all(|b| b.is_ascii_graphic()) {
        return raw.to_string();
    }
    let mut s = String::with_capacity(raw.len());
    let mut space = false;
    for c in raw.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !s.is_empty() {
            s.push(' ');
        }
        space = false;
        s.push(if c == '\u{2019}' { '\'' } else { c });
    }
    s
}

/// Adjectives that begin names ("National Museum", "New York", "South Korea")
/// and are therefore not trimmed as everyday words mid-sentence.
const NAME_ADJECTIVES: &[&str] = &[
    "National",
    "International",
    "Central",
    "New",
    "Great",
    "Greater",
    "Federal",
    "Royal",
    "United",
    "Upper",
    "Lower",
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Global",
    "World",
    "Public",
    "Old",
    "Middle",
    "High",
    "Supreme",
];

const SUFFIXES: u32 = gz::ORG_HEAD | gz::ORG_SUFFIX | gz::PLACE_HEAD | gz::PLACE_SUFFIX;

/// The last token of a known place or organization name that runs from token
/// `first` past the possessive at token `at`, through at most five
/// capitalized words and connectors.
fn known_past_possessive(
    p: &Prepared,
    g: &Gazetteer,
    first: usize,
    at: usize,
    end: usize,
) -> Option<usize> {
    let mut best = None;
    for k in at + 1..end.min(at + 6) {
        let t = &p.toks[k];
        let word = t.kind() == TokKind::Word && t.cap();
        if !t.gap() || !(word || is_connector(p, t)) {
            break;
        }
        if word && g.flags(&surface(p, &[first, k])) & (gz::PLACE | gz::ORG) != 0 {
            best = Some(k);
        }
        if t.possessive() {
            break;
        }
    }
    best
}

/// Gazetteer flags of a run's surface ("New York", "Ministry of Defence").
/// A capitalized word's own flags were looked up in `prepare`, and a run of
/// several words can only be a key when its first word begins one.
fn run_flags(p: &Prepared, g: &Gazetteer, words: &[usize]) -> u32 {
    let Some(&first) = words.first() else {
        return 0;
    };
    let t = &p.toks[first];
    // A curly apostrophe (E2 80 99), straightened in the surface, changes the key.
    if t.kind() == TokKind::Word && t.cap() && !t.text(p.text).as_bytes().contains(&0xE2) {
        let f = p.flags(first);
        if words.len() == 1 {
            return f & !(gz::COMMON | gz::FUNCTION);
        }
        // (A possessive first word, "People's", was cut off its key's first word.)
        if f & gz::MULTI_FIRST == 0 && !t.possessive() {
            return 0;
        }
    }
    g.flags(&surface(p, words))
}

/// Splits a run at "and"/"&"/"of"/"for" unless the whole run is a known name
/// or the connector sits inside an organization or place pattern
/// ("Ministry of Defence", "Gulf of Aden", "Aviation & Space Museum").
fn split_run(p: &Prepared, g: &Gazetteer, words: &[usize]) -> Vec<Vec<usize>> {
    // Nothing to split at (most runs): no need to look the run up.
    // An ampersand glued to its neighbours ("AT&T") joins no two names.
    let joins = |k: usize| match word_text(p, k) {
        "and" | "of" | "for" => true,
        "&" => p.toks[k].gap(),
        _ => false,
    };
    if !words.iter().any(|&k| joins(k)) {
        return vec![words.to_vec()];
    }
    let whole = run_flags(p, g, words);
    if whole & (gz::PLACE | gz::ORG) != 0 {
        return vec![words.to_vec()];
    }
    let last = p.flags(*words.last().unwrap_or(&words[0]));
    // "Faculty of Diplomatic Sciences and International Relations", "Joint
    // Council for the Welfare of Immigrants": a connector inside the
    // of-phrase of an organization or place word stays in the name, unless
    // what follows it is a name of its own (known, or ending in a suffix such
    // as "Inc.").
    let head_of = |ws: &[usize]| {
        ws.windows(3)
            .any(|x| p.flags(x[0]) & SUFFIXES != 0 && matches!(word_text(p, x[1]), "of" | "for"))
    };
    let of_phrase = |cur: &[usize], rest: &[usize]| {
        head_of(cur)
            && rest
                .last()
                .is_some_and(|&l| p.flags(l) & (SUFFIXES | gz::PLACE | gz::ORG) == 0)
            && run_flags(p, g, rest) & (gz::PLACE | gz::ORG) == 0
    };
    let mut parts: Vec<Vec<usize>> = vec![Vec::new()];
    // Index of a word that completes a title ("Secretary of State"): dropped.
    let mut title_complement = None;
    for (at, &k) in words.iter().enumerate() {
        if title_complement == Some(at) {
            continue;
        }
        let w = word_text(p, k);
        let cur = parts.last().map(Vec::as_slice).unwrap_or(&[]);
        let rest = &words[at + 1..];
        let split = match w {
            "&" if !p.toks[k].gap() => false,
            "and" | "&" => {
                let before_last = cur.last().map(|&b| p.flags(b)).unwrap_or(0);
                let before_first = cur.first().map(|&b| p.flags(b)).unwrap_or(0);
                // The head of what follows: its last word, or the word
                // before its "of" ("Aviation & Space Museum of McMinnville").
                let head = rest
                    .iter()
                    .position(|&x| matches!(word_text(p, x), "of" | "for"))
                    // Two words at least: "Evercore and Bank of America"
                    // are two names.
                    .filter(|&i| i > 1)
                    .map_or(last, |i| p.flags(rest[i - 1]));
                let pattern = head & (gz::ORG_SUFFIX | gz::PLACE_SUFFIX) != 0
                    && !cur.iter().any(|&b| p.flags(b) & SUFFIXES != 0)
                    && !cur.is_empty()
                    && run_flags(p, g, cur) & (gz::PLACE | gz::ORG) == 0
                    && rest.first().is_none_or(|&x| word_text(p, x) != "the")
                    && before_first & gz::GIVEN == 0
                    && before_last & SUFFIXES == 0;
                // "and the" before an of-phrase of its own begins a second
                // name: "the Institute of Physics and the Church of England".
                let second =
                    head_of(rest) || rest.first().is_some_and(|&x| word_text(p, x) == "the");
                !(pattern || (of_phrase(cur, rest) && !second))
            }
            "of" | "for" => {
                let before = cur.last().map(|&b| p.flags(b)).unwrap_or(0);
                let lone_title = before & gz::TITLE != 0 && cur.len() == 1;
                // "Secretary of State Condoleezza Rice", "Governor of Texas
                // Greg Abbott": one word completes the title, a name follows.
                if lone_title && rest.len() >= 3 && rest[..3].iter().all(|&x| p.toks[x].cap()) {
                    title_complement = Some(at + 1);
                }
                (before & (SUFFIXES | gz::TITLE) == 0 && !of_phrase(cur, rest)) || lone_title
            }
            _ => false,
        };
        if split {
            parts.push(Vec::new());
        } else if let Some(cur) = parts.last_mut() {
            cur.push(k);
        }
    }
    parts.retain(|w| !w.is_empty());
    parts
}

fn trim_connectors(p: &Prepared, words: &mut Vec<usize>) {
    while words
        .last()
        .is_some_and(|&k| is_connector(p, &p.toks[k]) || p.toks[k].kind() == TokKind::Punct)
    {
        words.pop();
    }
    while words
        .first()
        .is_some_and(|&k| is_connector(p, &p.toks[k]) || p.toks[k].kind() == TokKind::Punct)
    {
        words.remove(0);
    }
}

/// A known place or organization starts the run ("New York" in "New York City").
fn known_prefix(p: &Prepared, g: &Gazetteer, words: &[usize]) -> bool {
    (1..=words.len().min(5))
        .rev()
        .any(|n| run_flags(p, g, &words[..n]) & (gz::PLACE | gz::ORG) != 0)
}

/// A given name that is not also an everyday word ("Mark", not "Will").
fn plain_given(p: &Prepared, k: usize) -> bool {
    p.flags(k) & gz::GIVEN != 0 && p.flags(k) & gz::COMMON == 0
}

fn is_title(p: &Prepared, _g: &Gazetteer, k: usize) -> bool {
    p.flags(k) & gz::TITLE != 0
        // "General George Washington", not "General Motors": the rank is an
        // everyday word, a title only before a given name.
        || (p.toks[k].text(p.text) == "General"
            && p.toks.get(k + 1).is_some_and(|t| t.kind() == TokKind::Word && t.cap())
            && plain_given(p, k + 1))
}

/// Trims a run and pushes the mention(s) it holds.
fn push_mention(
    p: &Prepared,
    sent: &Sent,
    g: &Gazetteer,
    stats: &WordStats,
    part: &[usize],
    sr: Range<usize>,
    out: &mut Vec<Mention>,
) {
    let mut words = part.to_vec();
    trim_connectors(p, &mut words);
    let mut title: Option<usize> = None;
    // A title inside the run: what follows it is the name
    // ("National Security Advisor Steve Hadley", "Museum of Flight CEO").
    if let Some(t) = words.iter().rposition(|&k| is_title(p, g, k)) {
        let rest = words.len() - t - 1;
        let rest_given = words
            .get(t + 1)
            .is_some_and(|&k| p.flags(k) & gz::GIVEN != 0);
        if rest == 0 && t > 0 {
            words.truncate(t);
        } else if rest > 0
            && (t == 0
                || rest_given
                || words[..t]
                    .iter()
                    .all(|&k| is_title(p, g, k) || !p.toks[k].cap()))
        {
            let mut from = t;
            while from > 0 && (is_title(p, g, words[from - 1]) || !p.toks[words[from - 1]].cap()) {
                from -= 1;
            }
            while from < t && !p.toks[words[from]].cap() {
                from += 1;
            }
            title = Some(words[from]);
            words.drain(..=t);
            if words.first().is_some_and(|&d| word_text(p, d) == ".") {
                words.remove(0);
            }
        }
        trim_connectors(p, &mut words);
    }
    // The pronoun "I" and the vocative "O" before a name ("I Jesus",
    // "O Jerusalem"): not initials (those take a dot: "F.") but words.
    while words.len() > 1
        && matches!(word_text(p, words[0]), "I" | "O")
        && words
            .get(1)
            .is_some_and(|&n| p.toks[n].kind() == TokKind::Word)
    {
        words.remove(0);
    }
    // Leading titles, nationality words and everyday words.
    loop {
        let Some(&k) = words.first() else { return };
        let w = word_text(p, k);
        let fw = gz::Hit {
            flags: p.flags(k),
            canon: None,
        };
        // "Currently Shalev is", "'Hey Frank": a word mostly written in small
        // letters, capitalized only because a sentence or a quotation begins.
        let head_after = words[1..].iter().any(|&l| p.flags(l) & SUFFIXES != 0);
        let lower_initial = words.len() > 1
            && fw.has(gz::LOWER)
            && !fw.has(gz::GIVEN)
            && !p.toks[k].allcaps()
            && !stats.cap_mid(p, k)
            && (sent.starts_at(k) || after_opening(&p.toks, k, p.text))
            && !head_after
            // "Ninth Legion", "Three Sinners": a number word begins names.
            && !p.figure_word(k);
        let maybe_strip = fw.has(gz::DEMONYM | gz::COMMON)
            || lower_initial
            || (words.len() > 1 && !p.toks[k].allcaps() && p.lower_seen(k));
        if !maybe_strip {
            break;
        }
        let known = known_prefix(p, g, &words);
        let demonym = fw.has(gz::DEMONYM) && !head_after;
        if (demonym || lower_initial) && !known {
            words.remove(0);
        } else if words.len() > 1
            && !known
            && !p.toks[k].allcaps()
            && p.lower_seen(k)
            && !stats.cap_mid(p, k)
            && p.flags(k) & (SUFFIXES | gz::PLACE | gz::ORG) == 0
        {
            // "Mathematician Hermann Weyl": a common noun capitalized at the start.
            words.remove(0);
        } else if fw.has(gz::COMMON)
            && !known
            && ((fw.has(gz::FUNCTION)
                && !p.toks[k].allcaps()
                && !(words.len() > 1 && fw.has(gz::GIVEN)))
                || sent.title_case
                || sent.starts_at(k)
                || after_opening(&p.toks, k, p.text))
            && !(words.len() > 1 && (NAME_ADJECTIVES.contains(&w) || fw.has(SUFFIXES)))
        {
            words.remove(0);
        } else {
            break;
        }
        trim_connectors(p, &mut words);
    }
    // "protests in Lisbon Tuesday", "a crash near Kendal, Cumbria Sunday":
    // a weekday after a known place named after a preposition or a comma
    // is the date of what happened there. Not "Sheffield Wednesday" as a
    // subject, nor "Ruby Tuesday" (no place).
    if words.len() > 1
        && words.last().is_some_and(|&k| weekday(word_text(p, k)))
        && words[0] > sr.start
        && matches!(
            p.toks[words[0] - 1].text(p.text),
            "in" | "at" | "near" | "from" | "to" | ","
        )
        && !is_connector(p, &p.toks[words[words.len() - 2]])
        && run_flags(p, g, &words[..words.len() - 1]) & gz::PLACE != 0
    {
        words.pop();
    }
    while let Some(&k) = words.last() {
        let tail_known = words.len() >= 2
            && run_flags(p, g, &words[words.len() - 2..]) & (gz::PLACE | gz::ORG) != 0;
        if words.len() > 1
            && !tail_known
            && p.flags(k) & gz::COMMON != 0
            && p.flags(k) & (gz::ORG_SUFFIX | gz::PLACE_SUFFIX) == 0
            && !known_prefix(p, g, &words)
        {
            words.pop();
            trim_connectors(p, &mut words);
        } else {
            break;
        }
    }
    // Post-nominal letters after a personal name ("Zaha Hadid DBE RA").
    while words.len() > 2
        && words
            .last()
            .is_some_and(|&k| p.toks[k].allcaps() && p.toks[k].end() - p.toks[k].start() <= 4)
        && words[words.len() - 2..].first().is_some_and(|&k| {
            // Letters after a name, not the object of "of" ("University of NSW").
            p.toks[k].cap() && (!p.toks[k].allcaps() || p.toks[k].end() - p.toks[k].start() <= 4)
        })
        && words.first().is_some_and(|&k| !p.toks[k].allcaps())
    {
        words.pop();
    }
    // "Holland Lodge No. 8": the abbreviation of a number ends the name
    // before it.
    if words.len() > 1
        && words.last().is_some_and(|&k| {
            matches!(word_text(p, k), "No" | "Nos")
                && p.toks.get(k + 1).is_some_and(|t| t.text(p.text) == ".")
                && p.toks.get(k + 2).is_some_and(|t| t.kind() == TokKind::Num)
        })
    {
        words.pop();
    }
    // "Washington Chris Gregoire", "Washington State University Simon Ličen",
    // "Refugee Council Enver Solomon": a place or an organization right
    // before a person's name. Not when the run ends in the head of one name
    // ("Woodrow Wilson Center", "San Francisco Bay").
    let ends_in_head = words.last().is_some_and(|&k| p.flags(k) & SUFFIXES != 0);
    if title.is_none() && words.len() >= 3 && !ends_in_head {
        let person_words = |r: &[usize]| {
            (2..=3).contains(&r.len())
                && r.iter().all(|&k| {
                    p.toks[k].cap() && p.flags(k) & (gz::COMMON | SUFFIXES | gz::TITLE) == 0
                })
                && r.last()
                    .is_some_and(|&k| p.flags(k) & (gz::SURNAME | gz::GIVEN) != 0)
        };
        let at = (1..words.len().saturating_sub(1)).find(|&n| {
            let (prev, cur) = (words[n - 1], words[n]);
            let given = p.toks[cur].cap()
                && p.flags(cur) & gz::GIVEN != 0
                && p.flags(cur) & gz::COMMON == 0
                && p.toks[words[n + 1]].cap();
            let org_before = p.flags(prev) & (gz::ORG_SUFFIX | gz::PLACE_SUFFIX) != 0;
            (given && (org_before || run_flags(p, g, &words[..n]) & (gz::PLACE | gz::ORG) != 0))
                || (org_before && person_words(&words[n..]))
        });
        if let Some(at) = at {
            push_one(p, sent, g, &words[..at], None, sr.clone(), out);
            words.drain(..at);
        }
    }
    push_one(p, sent, g, &words, title, sr, out);
}

#[allow(clippy::too_many_arguments)]
fn push_one(
    p: &Prepared,
    sent: &Sent,
    g: &Gazetteer,
    words: &[usize],
    title: Option<usize>,
    sr: Range<usize>,
    out: &mut Vec<Mention>,
) {
    let Some(&first) = words.first() else { return };
    let last = *words.last().unwrap_or(&first);
    let key = surface(p, words);
    // A single known title word, month or nationality left over is no name.
    // One capitalized word: its hit and flags were looked up with the vocabulary.
    let word = words.len() == 1 && p.toks[first].cap() && key == word_text(p, first);
    let hit = if word { p.hit(first) } else { g.lookup(&key) };
    let common = if word {
        p.flags(first) & gz::COMMON != 0
    } else {
        g.is_common(&key)
    };
    // "the Senate", "the Army": an institution named by its head noun alone.
    let institution = words.len() == 1
        && hit.has(gz::ORG_SUFFIX | gz::ORG_HEAD)
        && !sent.title_case
        && first > sr.start
        && word_text(p, first - 1) == "the";
    if words.len() == 1
        && (hit.has(gz::DEMONYM | gz::TITLE) || common)
        && !hit.has(gz::PLACE | gz::ORG)
        && !institution
    {
        return;
    }
    if key.chars().filter(|c| c.is_alphabetic()).count() < 2 || contraction(&key) {
        return;
    }
    // "Anglo-American", "South-Eastern European": a nationality adjective,
    // however compounded, is no name.
    // The words before the last one (empty for one word), and the last;
    // no list is built: this runs for every mention.
    let (init, last_word) = key.rsplit_once(' ').unwrap_or(("", &key));
    let one_word = init.is_empty();
    let last_part = last_word.rsplit('-').next().unwrap_or(last_word);
    let hyphenated = last_part.len() < last_word.len();
    if hyphenated || !one_word {
        let direction = |w: &str| {
            w.split('-')
                .all(|x| super::classify::DIRECTIONS.contains(&x))
        };
        // "Anglo-American" (one word), or directions before a nationality.
        let compound = (one_word && hyphenated) || (!hyphenated && init.split(' ').all(direction));
        let lh = g.lookup(last_part);
        if compound
            && lh.has(gz::DEMONYM)
            && !lh.has(gz::PLACE | gz::ORG)
            && !hit.has(gz::PLACE | gz::ORG)
        {
            return;
        }
    }
    // "the US-India deal", "China-Russia ties": places paired by a hyphen
    // qualify a noun; the pair is no name ("Guinea-Bissau" is known whole).
    if one_word
        && hyphenated
        && !hit.has(gz::PLACE | gz::ORG)
        && p.toks
            .get(last + 1)
            .is_some_and(|t| t.kind() == TokKind::Word && !t.cap())
        && last_word.split('-').all(|x| {
            g.lookup(x)
                .has(gz::COUNTRY | gz::PLACE_WELL_KNOWN | gz::REGION)
        })
    {
        return;
    }
    // "The Hegelian definition", "an Aristotelian structure": an adjective
    // made from a name, after a small-letter word or a determiner and
    // before the noun it qualifies, is no name itself (not "the Guardian
    // reported", an organization word, nor "But Ohanian said"). A word a
    // name list knows is left to the model ("Victorian" is a surname).
    if words.len() == 1
        && (key.ends_with("ian") || key.ends_with("ean"))
        && !hit.has(gz::GIVEN | gz::SURNAME | gz::PLACE | gz::ORG | SUFFIXES)
        && first > sr.start
        && p.toks[first - 1].kind() == TokKind::Word
        && (!p.toks[first - 1].cap() || p.flags(first - 1) & gz::FUNCTION != 0)
        && p.toks.get(first + 1).is_some_and(|t| {
            t.kind() == TokKind::Word
                && !t.cap()
                && p.flags(first + 1) & gz::FUNCTION == 0
                && !cues::SAYING.contains(&t.text(p.text))
        })
    {
        return;
    }
    // "Mark Tedeschi, QC, said": letters after a personal name, set off by
    // a comma and followed by punctuation, are a rank, not a place
    // ("Columbia, SC" and "Virginia Beach, VA" keep their state).
    if words.len() == 1
        && p.toks[first].allcaps()
        && key.len() <= 3
        && first >= 3
        && word_text(p, first - 1) == ","
        && [first - 2, first - 3]
            .iter()
            .all(|&k| p.toks[k].kind() == TokKind::Word && p.toks[k].cap())
        && plain_given(p, first - 3)
        && run_flags(p, g, &[first - 3, first - 2]) & gz::PLACE == 0
        && p.flags(first - 3) & gz::PLACE == 0
        && p.flags(first - 2) & (gz::PLACE | gz::PLACE_SUFFIX) == 0
        && p.toks
            .get(first + 1)
            .is_some_and(|t| matches!(t.text(p.text), "," | "." | ";" | ")"))
    {
        return;
    }
    // "AU$": a currency, not the African Union.
    if p.toks
        .get(last + 1)
        .is_some_and(|t| !t.gap() && t.text(p.text) == "$")
    {
        return;
    }
    let seen_lower = words.len() == 1 && p.lower_seen(first);
    // A lone word the text also uses in lower case is an everyday word ("our Nation").
    if seen_lower
        && !hit.has(gz::COUNTRY | gz::REGION | gz::PLACE_WELL_KNOWN | gz::ORG | gz::MAJOR_CITY)
        && title.is_none()
    {
        return;
    }
    let initial = sent.starts_at(first) || after_opening(&p.toks, first, p.text);
    let ctx = |first: usize, last: usize, title: Option<usize>, bracketed: bool| Ctx {
        p,
        block: sent.block,
        first,
        last,
        title,
        sr: sr.clone(),
        initial,
        bracketed,
        citation: Default::default(),
    };
    let around = |first: usize, last: usize, title: Option<usize>| {
        let start = title.unwrap_or(first);
        let mut bits = 0;
        if start > sr.start {
            bits |= HAS_PREV;
        }
        if last + 1 < sr.end {
            bits |= HAS_NEXT;
        }
        bits
    };
    let range = p.toks[title.unwrap_or(first)].start()..p.toks[last].end();
    let idx = out.len();
    let bracket = expansion_acronym(p, last, sr.end);
    out.push(Mention {
        range,
        key,
        hit,
        evidence: Evidence::default(),
        expands: None,
        first: first as u32,
        last: last as u32,
        title: title.map_or(NO_TITLE, |t| t as u32),
        cues: cues::eval(&ctx(first, last, title, false)) | around(first, last, title),
    });
    if let Some(k) = bracket
        && words.len() > 1
    {
        let t = &p.toks[k];
        let key = t.text(p.text).to_string();
        out.push(Mention {
            range: t.start()..t.end(),
            hit: p.hit(k),
            key,
            evidence: Evidence::default(),
            expands: Some(idx),
            first: k as u32,
            last: k as u32,
            title: NO_TITLE,
            cues: cues::eval(&ctx(k, k, None, true)) | around(k, k, None),
        });
    }
}

/// "I'm", "You'd", "It'll": a pronoun or verb with a clitic, not a name
/// ("O'Keefe" and "D'Angelo" are names).
fn contraction(key: &str) -> bool {
    let Some((_, tail)) = key.rsplit_once(['\'', '\u{2019}']) else {
        return false;
    };
    ["ll", "m", "d", "ve", "re", "t"]
        .iter()
        .any(|c| tail.eq_ignore_ascii_case(c))
}

/// "Shanghai Cooperation Organization (SCO)": the token index of "SCO".
fn expansion_acronym(p: &Prepared, last: usize, end: usize) -> Option<usize> {
    if last + 3 >= end || last + 3 >= p.toks.len() {
        return None;
    }
    let (o, a, c) = (&p.toks[last + 1], &p.toks[last + 2], &p.toks[last + 3]);
    (o.text(p.text) == "(" && a.kind() == TokKind::Word && a.allcaps() && c.text(p.text) == ")")
        .then_some(last + 2)
}
