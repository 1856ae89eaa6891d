//! Facts: the people, organizations, places and figures an article names.
//!
//! Pipeline: tokenize -> sentences -> candidates (capitalized runs, acronyms,
//! numbers) -> classify (a model learned from annotated text, over gazetteer,
//! shape, context and document-level features) -> resolve aliases -> facts.
//! Everything is a byte range into `Document::text`.

mod aliases;
mod candidates;
mod classify;
mod cues;
mod figures;
pub mod gazetteer;
pub mod model;
mod model_table;
pub mod numbers;
mod sentences;
mod stack;
mod tokenize;
mod union_find;

use std::ops::Range;

use crate::document::{BlockKind, Document};
use tokenize::{Tok, TokKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Organization,
    Place,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub kind: EntityKind,
    /// The fullest form, e.g. "Vladimir Putin".
    pub name: String,
    /// Other surface forms seen ("Putin", "President Putin").
    pub aliases: Vec<String>,
    /// Every mention, as byte ranges into `Document::text`, sorted.
    pub mentions: Vec<Range<usize>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FigureKind {
    Percent,
    Money,
    Quantity,
    Date,
    Count,
    Ordinal,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub kind: FigureKind,
    pub range: Range<usize>,
    /// The sentence the figure belongs to (byte range into the text).
    pub sentence: Range<usize>,
    /// Parsed value: 0.20 for "20%", 4000 for "4,000 km", 3.5e9 for "$3.5
    /// billion"; the low end of a range ("8" of "8–10 years").
    pub value: Option<f64>,
    /// The high end of a range: 10 for "8–10 years".
    pub high: Option<f64>,
    /// Normalized unit as stated: "km", "ft", "USD", "day", ...
    /// (`numbers::to_metric` converts the units that are not metric).
    pub unit: Option<&'static str>,
    /// What the figure counts or measures: the noun "passengers" of "162
    /// passengers", "uranium" of "30% of its uranium" (byte range).
    pub counted: Option<Range<usize>>,
    /// Normalized date: "2023", "2023-03", "2006-03-03", "--04-29", "22:30".
    pub date: Option<String>,
}

impl FigureKind {
    /// The kind's name in `--json` and on screen.
    pub fn name(self) -> &'static str {
        match self {
            FigureKind::Percent => "percent",
            FigureKind::Money => "money",
            FigureKind::Quantity => "quantity",
            FigureKind::Date => "date",
            FigureKind::Count => "count",
            FigureKind::Ordinal => "ordinal",
        }
    }
}

impl Figure {
    /// The value (and the high end of a range) converted to metric, for
    /// figures in a unit that is not metric: "36,000 ft" is (10972.8, None,
    /// "m").
    pub fn metric(&self) -> Option<(f64, Option<f64>, &'static str)> {
        let unit = self.unit?;
        let (value, to) = numbers::to_metric(self.value?, unit)?;
        let high = self
            .high
            .and_then(|h| numbers::to_metric(h, unit))
            .map(|(h, _)| numbers::tidy(h));
        Some((numbers::tidy(value), high, to))
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    /// Sorted by first mention.
    pub entities: Vec<Entity>,
    /// Sorted by position.
    pub figures: Vec<Figure>,
}

/// Maps and sets keyed by short words and small integers: FxHash (rustc's
/// hasher), SipHash is overkill. Nothing persisted depends on its values.
pub(crate) type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;
pub(crate) type FxSet<K> = rustc_hash::FxHashSet<K>;

/// A sentence: its tokens (indices into `Prepared::toks`) and byte range.
pub(crate) struct Sent {
    /// Token indices (u32: one sentence per ~100 bytes of a big text).
    start: u32,
    end: u32,
    /// The first word after a leading label ("Ge27:7", "3.", "12)"): where
    /// the sentence's own words begin.
    lead: u32,
    pub block: BlockKind,
    /// Title Case heading (or shouting): capitals say little here.
    pub title_case: bool,
}

impl Sent {
    /// Its tokens: indices into `Prepared::toks`.
    pub fn toks(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Token `k` begins the sentence's words: the first token, or the first
    /// word after a leading label or number.
    pub fn starts_at(&self, k: usize) -> bool {
        k == self.start as usize || k == self.lead as usize
    }
}

pub(crate) struct Prepared<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    /// Per vocabulary id: gazetteer flags of a capitalized word (with
    /// `COMMON`, `FUNCTION`, `LOWER` of its lower-case form), else 0.
    pub word_flags: Vec<u32>,
    /// Per vocabulary id: the exact gazetteer hit of a capitalized word.
    pub word_hits: Vec<gazetteer::Hit>,
    /// Per vocabulary id: the word's lower-case form occurs in lower case.
    pub lower_seen: Vec<bool>,
    /// Per vocabulary id: the word can begin a figure (a number, ordinal,
    /// month or weekday word, or a currency prefix such as "AU").
    pub figure_word: Vec<bool>,
    pub sents: Vec<Sent>,
}

impl Prepared<'_> {
    /// Vocabulary id of token `k`, for word tokens.
    pub fn id(&self, k: usize) -> Option<usize> {
        self.toks.get(k).and_then(Tok::id)
    }

    /// Gazetteer flags of token `k` when it is a capitalized word (with
    /// `COMMON`, `FUNCTION`, `LOWER` of its lower-case form); else 0.
    pub fn flags(&self, k: usize) -> u32 {
        let t = &self.toks[k];
        match t.id() {
            Some(i) if t.cap() => self.word_flags[i],
            _ => 0,
        }
    }

    /// The gazetteer hit of token `k`'s text (as `Gazetteer::lookup`), from
    /// the vocabulary for capitalized words.
    pub fn hit(&self, k: usize) -> gazetteer::Hit {
        let t = &self.toks[k];
        match t.id() {
            Some(i) if t.cap() => self.word_hits[i],
            _ => gazetteer::get().lookup(t.text(self.text)),
        }
    }

    /// Word token `k` can begin a figure.
    pub fn figure_word(&self, k: usize) -> bool {
        self.id(k).is_some_and(|i| self.figure_word[i])
    }

    /// The lower-case form of word token `k` is used in lower case somewhere
    /// ("Nation" and "our nation").
    pub fn lower_seen(&self, k: usize) -> bool {
        self.id(k).is_some_and(|i| self.lower_seen[i])
    }
}

/// Short words Title Case leaves in lower case (articles, conjunctions,
/// prepositions). Any other word in small letters ("is", "met") means
/// sentence case.
const TITLE_CASE_LOWER: [&str; 31] = [
    "the", "and", "for", "nor", "but", "yet", "from", "with", "into", "onto", "over", "upon",
    "than", "via", "per", "out", "a", "an", "of", "in", "on", "at", "to", "by", "as", "or", "vs",
    "up", "off", "v", "so",
];

fn title_case(text: &str, toks: &[Tok], block: BlockKind) -> bool {
    let (mut long, mut caps) = (0usize, 0usize);
    for t in toks.iter().filter(|t| t.kind() == TokKind::Word) {
        if t.end() - t.start() >= 4 {
            long += 1;
            caps += usize::from(t.cap());
        }
    }
    match block {
        BlockKind::Title | BlockKind::Heading => long > 0 && caps * 10 >= long * 7,
        // In running text a single lower-case content word ("met", "said")
        // means sentence case, however many names the sentence holds. Only
        // checked for the rare sentence whose long words are all capitalized.
        _ => {
            long >= 4
                && caps == long
                && !toks.iter().any(|t| {
                    t.kind() == TokKind::Word
                        && !t.cap()
                        && !TITLE_CASE_LOWER
                            .iter()
                            .any(|w| t.text(text).eq_ignore_ascii_case(w))
                })
        }
    }
}

fn prepare(doc: &Document, max_bytes: usize) -> Prepared<'_> {
    let text = doc.text.as_str();
    let mut p = Prepared {
        text,
        // English averages one token per 4.4 bytes; reserving for 4 avoids
        // a doubling (and its copy) on big texts.
        toks: Vec::with_capacity(text.len().min(max_bytes) / 4 + 16),
        word_flags: Vec::new(),
        word_hits: Vec::new(),
        lower_seen: Vec::new(),
        figure_word: Vec::new(),
        sents: Vec::new(),
    };
    for b in doc.blocks.iter().take_while(|b| b.range.start < max_bytes) {
        // Code is never scanned for facts; reading time is furniture. Page
        // chrome is scanned for names only ("content related to Saudi
        // Arabia and Mohammed bin Salman"), not for figures, and a repeat of
        // the title not at all.
        let repeated_title =
            b.kind == BlockKind::Chrome && doc.title() == Some(&text[b.range.clone()]);
        if matches!(b.kind, BlockKind::ReadingTime | BlockKind::Code) || repeated_title {
            continue;
        }
        // A block that runs past the limit (one enormous paragraph) is
        // analyzed up to the last space before it, not skipped.
        let end = if b.range.end <= max_bytes {
            b.range.end
        } else {
            text[b.range.start..text.floor_char_boundary(max_bytes)]
                .rfind(char::is_whitespace)
                .map_or(b.range.start, |i| b.range.start + i)
        };
        let first = p.toks.len();
        tokenize::tokenize_into(text, b.range.start, end, &mut p.toks);
        for r in sentences::split(text, &p.toks, first..p.toks.len()) {
            if r.is_empty() {
                continue;
            }
            let title_case = title_case(text, &p.toks[r.clone()], b.kind);
            let label = |t: &Tok| {
                t.kind() != TokKind::Word || t.text(text).bytes().any(|c| c.is_ascii_digit())
            };
            let lead = r.start + p.toks[r.clone()].iter().take_while(|t| label(t)).count();
            p.sents.push(Sent {
                start: r.start as u32,
                end: r.end as u32,
                lead: lead as u32,
                block: b.kind,
                title_case,
            });
        }
    }
    vocabulary(&mut p);
    p
}

/// A word of 1 to 7 bytes as one integer: its bytes and its length
/// (injective: the two loads overlap, and the length says by how much).
fn pack(w: &[u8]) -> Option<u64> {
    let n = w.len();
    let v = match n {
        1..=3 => u64::from(w[0]) | (u64::from(w[n / 2]) << 8) | (u64::from(w[n - 1]) << 16),
        4..=7 => {
            let lo = u32::from_le_bytes([w[0], w[1], w[2], w[3]]);
            let hi = u32::from_le_bytes([w[n - 4], w[n - 3], w[n - 2], w[n - 1]]);
            // The last n - 4 bytes of `hi` are bytes 4.. of the word.
            u64::from(lo) | ((u64::from(hi) >> (8 * (8 - n))) << 32)
        }
        _ => return None,
    };
    Some(v | ((n as u64) << 56))
}

/// Interns the word tokens and looks each distinct word up once: its
/// gazetteer flags (capitalized words) and whether its lower-case form is
/// used in lower case.
fn vocabulary<'a>(p: &mut Prepared<'a>) {
    let text = p.text;
    // Words of up to 7 bytes (most of them) are keyed by their bytes packed
    // in a u64: hashing and comparing one integer, not a string.
    let mut short: FxMap<u64, u32> = FxMap::default();
    let mut long: FxMap<&str, u32> = FxMap::default();
    short.reserve(4096);
    let mut words: Vec<&str> = Vec::new();
    let mut intern = |w: &'a str| -> u32 {
        let add = || {
            words.push(w);
            (words.len() - 1) as u32
        };
        match pack(w.as_bytes()) {
            Some(k) => *short.entry(k).or_insert_with(add),
            None => *long.entry(w).or_insert_with(add),
        }
    };
    for t in p.toks.iter_mut().filter(|t| t.kind() == TokKind::Word) {
        let id = intern(t.text(text));
        t.set_id(id as usize);
    }
    // Words used on their own, not only as the small-letter tail of a
    // hyphenated name ("chung" in "Leung Yiu-chung" does not show that
    // "Chung" is an everyday word).
    let mut free = vec![false; words.len()];
    for (j, t) in p.toks.iter().enumerate() {
        let Some(id) = t.id() else { continue };
        let tail = j >= 2
            && !t.gap()
            && !p.toks[j - 1].gap()
            && p.toks[j - 1].text(text) == "-"
            && p.toks[j - 2].cap();
        free[id] |= !tail;
    }
    let find = |w: &str| match pack(w.as_bytes()) {
        Some(k) => short.get(&k).copied(),
        None => long.get(w).copied(),
    };
    let g = gazetteer::get();
    let starts_upper = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    p.word_flags = vec![0u32; words.len()];
    p.word_hits = vec![gazetteer::Hit::default(); words.len()];
    p.lower_seen = vec![false; words.len()];
    p.figure_word = words.iter().map(|w| figures::may_begin(w)).collect();
    let mut buf = String::new();
    for (i, w) in words.iter().enumerate() {
        if starts_upper(w) {
            let hit = g.lookup_uncached(w);
            p.word_hits[i] = hit;
            p.word_flags[i] = hit.flags
                | (g.lower_flags(w) & (gazetteer::COMMON | gazetteer::FUNCTION | gazetteer::LOWER));
        }
        buf.clear();
        if w.is_ascii() {
            buf.push_str(w);
            buf.make_ascii_lowercase();
        } else {
            buf.extend(w.chars().flat_map(char::to_lowercase));
        }
        p.lower_seen[i] =
            find(&buf).is_some_and(|l| !starts_upper(words[l as usize]) && free[l as usize]);
    }
}

/// Finds the entities and figures of a document.
/// Facts are found in at most this much text: memory grows with the text
/// (about 4 bytes per byte of text while extracting), so a 100 MB file gets facts
/// for its first part and says so, rather than eating a gigabyte.
pub const MAX_ANALYZED_BYTES: usize = 16 * 1024 * 1024;

/// True when [`extract`] leaves part of `doc` unanalyzed.
pub fn is_truncated(doc: &Document) -> bool {
    doc.blocks
        .last()
        .is_some_and(|b| b.range.end > MAX_ANALYZED_BYTES)
}

pub fn extract(doc: &Document) -> Facts {
    extract_within(doc, MAX_ANALYZED_BYTES)
}

/// Like [`extract`], over the first `max_bytes` of the text (a block that
/// runs past them up to its last space before them).
pub fn extract_within(doc: &Document, max_bytes: usize) -> Facts {
    extract_with(doc, max_bytes, model::Model::embedded())
}

/// Candidate mentions and figures of a document, before classification.
fn candidates_of<'d>(
    doc: &'d Document,
    max_bytes: usize,
) -> (
    Prepared<'d>,
    candidates::WordStats,
    Vec<candidates::Mention>,
    Vec<Figure>,
) {
    let p = prepare(doc, max_bytes);
    let stats = candidates::word_stats(&p);
    let mut mentions = Vec::new();
    let mut figures = figures::Collector::default();
    for s in &p.sents {
        // The site's name alone on its header line says nothing of its
        // kind; the article's own mentions of it do.
        if !matches!(s.block, BlockKind::Date | BlockKind::Site) {
            candidates::collect(&p, s, &stats, &mut mentions);
        }
        if !matches!(s.block, BlockKind::Chrome | BlockKind::Site) {
            figures.sentence(&p, s);
        }
    }
    let figures = figures.finish(p.text);
    (p, stats, mentions, figures)
}

/// [`extract_within`] with a given entity model (training measures models
/// that are not the embedded one).
pub fn extract_with(doc: &Document, max_bytes: usize, model: &model::Model) -> Facts {
    let (p, stats, mut mentions, figures) = candidates_of(doc, max_bytes);
    classify::classify(&p, &stats, &mut mentions, model);
    // The tokens (the biggest allocation) are not needed to resolve aliases.
    let text = p.text;
    drop(p);
    aliases::split_joined(text, &mut mentions);
    aliases::drop_craft(text, &mut mentions);
    let entities = aliases::resolve(text, &mentions);
    Facts { entities, figures }
}

/// A distinct candidate name of a document with its named features: what
/// the model is trained on.
pub struct NameFeatures {
    pub name: String,
    pub features: Vec<(String, f32)>,
}

/// The candidate names of `doc` with their features.
pub fn name_features(doc: &Document) -> Vec<NameFeatures> {
    let (p, stats, mentions, _) = candidates_of(doc, usize::MAX);
    let keys = classify::Keys::new(&p, &mentions);
    (0..keys.len())
        .map(|i| {
            let mut f = classify::Named::default();
            keys.features(&p, &stats, i, &mut f);
            NameFeatures {
                name: keys.key(i).to_string(),
                features: f.0,
            }
        })
        .collect()
}

/// The second-pass features of the candidate names of `doc`, given the
/// first pass of `model` (which may have no second pass): what the second
/// pass is trained on.
pub fn stacked_features(doc: &Document, model: &model::Model) -> Vec<NameFeatures> {
    let (p, stats, mentions, _) = candidates_of(doc, usize::MAX);
    let keys = classify::Keys::new(&p, &mentions);
    let first = classify::first_pass(&p, &stats, &keys, model);
    let ctx = stack::Context::new(&p, &keys, &mentions, &first);
    (0..keys.len())
        .map(|i| {
            let mut f = classify::Named::default();
            ctx.features(i, &mut f);
            NameFeatures {
                name: keys.key(i).to_string(),
                features: f.0,
            }
        })
        .collect()
}

/// Why the recognizer decided what it did about a name: one row per
/// distinct candidate whose text equals `name` (case-insensitive) or that
/// belongs to an entity with that name or alias.
pub struct Explanation {
    pub candidate: String,
    pub mentions: Vec<Range<usize>>,
    /// The entity the candidate ended in, if any: its kind and name.
    pub entity: Option<(EntityKind, String)>,
    /// Probability of none, person, organization, place: from the name
    /// alone (first pass) and with the rest of the document (final).
    pub first_pass: [f32; 4],
    pub probabilities: [f32; 4],
    /// Features with their value and weight per class, strongest first.
    pub features: Vec<(String, f32, [f32; 4])>,
}

pub fn explain(doc: &Document, name: &str) -> Vec<Explanation> {
    let model = model::Model::embedded();
    let facts = extract(doc);
    let (p, stats, mentions, _) = candidates_of(doc, MAX_ANALYZED_BYTES);
    let keys = classify::Keys::new(&p, &mentions);
    let (first, last, ctx) = classify::scores(&p, &stats, &keys, &mentions, model);
    let wanted = |s: &str| s.eq_ignore_ascii_case(name);
    let named = |e: &&Entity| wanted(&e.name) || e.aliases.iter().any(|a| wanted(a));
    // Does one of `ranges` overlap a mention of `e` (sorted, disjoint)?
    let overlaps = |e: &Entity, ranges: &[Range<usize>]| {
        ranges.iter().any(|r| {
            let i = e.mentions.partition_point(|m| m.end <= r.start);
            e.mentions.get(i).is_some_and(|m| m.start < r.end)
        })
    };
    let wanted_entities: Vec<&Entity> = facts.entities.iter().filter(named).collect();
    // The mentions of each candidate, gathered once.
    let mut ranges_of: Vec<Vec<Range<usize>>> = vec![Vec::new(); keys.len()];
    for (m, mention) in mentions.iter().enumerate() {
        let r = &mut ranges_of[keys.of_mention(m)];
        // An acronym in brackets is also a mention of its own run.
        if r.last() != Some(&mention.range) {
            r.push(mention.range.clone());
        }
    }
    let mut out = Vec::new();
    for (i, ranges) in ranges_of.into_iter().enumerate() {
        let in_wanted = wanted_entities
            .iter()
            .copied()
            .find(|e| overlaps(e, &ranges));
        if in_wanted.is_none() && !wanted(keys.key(i)) {
            continue;
        }
        let entity = in_wanted.or_else(|| facts.entities.iter().find(|e| overlaps(e, &ranges)));
        let mut named = classify::Named::default();
        keys.features(&p, &stats, i, &mut named);
        if let Some(ctx) = &ctx {
            ctx.features(i, &mut named);
        }
        let probabilities = last[i];
        let mut features: Vec<(String, f32, [f32; 4])> = named
            .0
            .into_iter()
            .filter_map(|(n, v)| model.weight(model::hash_parts(&[&n])).map(|w| (n, v, w)))
            .collect();
        let best = (0..4)
            .max_by(|&a, &b| probabilities[a].total_cmp(&probabilities[b]))
            .unwrap_or(0);
        // Strongest for the chosen class against the mean of the others.
        let pull = |(_, v, w): &(String, f32, [f32; 4])| {
            let others = (w.iter().sum::<f32>() - w[best]) / 3.0;
            ((w[best] - others) * v).abs()
        };
        features.sort_by(|a, b| pull(b).total_cmp(&pull(a)));
        out.push(Explanation {
            candidate: keys.key(i).to_string(),
            mentions: ranges,
            entity: entity.map(|e| (e.kind, e.name.clone())),
            first_pass: first[i],
            probabilities,
            features,
        });
    }
    out
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod limit_tests {
    #[test]
    fn only_blocks_within_the_limit_are_analyzed() {
        let doc = crate::document::load_plain(
            "Title\n\nPresident Emmanuel Macron spoke in Paris.\n\nChancellor Olaf Scholz answered from Berlin.\n",
        );
        let cut = doc.text.find("Chancellor").unwrap();
        let names = |f: super::Facts| f.entities.into_iter().map(|e| e.name).collect::<Vec<_>>();
        let all = names(super::extract_within(&doc, usize::MAX));
        let part = names(super::extract_within(&doc, cut));
        assert!(all.iter().any(|n| n.contains("Scholz")), "{all:?}");
        assert!(
            part.iter().any(|n| n.contains("Macron")) && !part.iter().any(|n| n.contains("Scholz")),
            "{part:?}"
        );
    }
}
