//! Candidate names: runs of capitalized words (with connectors such as "of"
//! or "bin" and initials such as "F."), trimmed of titles, nationality words
//! and everyday words, plus acronyms. Sentence-initial capitals and Title Case
//! headings only count when the word is known to be a name.

use std::collections::HashSet;
use std::ops::Range;

use super::classify::{self, Evidence};
use super::gazetteer::{self as gz, Gazetteer};
use super::tokenize::{Tok, TokKind};
use super::{Prepared, Sent};
use crate::document::BlockKind;

/// One mention of a candidate name.
#[derive(Clone, Debug)]
pub struct Mention {
    pub range: Range<usize>,
    /// Surface with spacing collapsed and curly apostrophes straightened.
    pub key: String,
    pub evidence: Evidence,
    /// The mention is an acronym in brackets right after this mention index.
    pub expands: Option<usize>,
}

const CONNECTORS: &[&str] = &[
    "of", "the", "de", "da", "del", "della", "der", "den", "van", "von", "bin", "ibn", "al", "el",
    "la", "le", "du", "dos", "das", "y", "and", "&", "for",
];

/// Words seen across the document, for deciding about ambiguous capitals.
pub struct WordStats<'a> {
    /// Capitalized somewhere other than the start of a sentence, outside headings.
    pub cap_mid: HashSet<&'a str>,
    /// Seen in lower case.
    pub lower: HashSet<&'a str>,
}

pub fn word_stats<'a>(p: &Prepared<'a>) -> WordStats<'a> {
    let mut s = WordStats {
        cap_mid: HashSet::new(),
        lower: HashSet::new(),
    };
    for sent in &p.sents {
        let toks = &p.toks[sent.toks.clone()];
        for (i, t) in toks.iter().enumerate() {
            if t.kind != TokKind::Word {
                continue;
            }
            let w = t.text(p.text);
            if t.cap {
                if i > 0 && !sent.title_case && !after_opening(toks, i, p.text) {
                    s.cap_mid.insert(w);
                }
            } else {
                s.lower.insert(w);
            }
        }
    }
    s
}

/// The token follows an opening quote or bracket (so a capital is expected).
fn after_opening(toks: &[Tok], i: usize, text: &str) -> bool {
    i > 0
        && toks[i - 1].kind == TokKind::Punct
        && matches!(
            toks[i - 1].text(text),
            "\"" | "“" | "‘" | "(" | ":" | "—" | "-"
        )
}

fn lower_seen(stats: &WordStats, w: &str) -> bool {
    let l = w.to_lowercase();
    stats.lower.contains(l.as_str())
}

/// Is token `i` of the sentence a name word (before trimming)?
fn is_name_word(p: &Prepared, sent: &Sent, stats: &WordStats, g: &Gazetteer, i: usize) -> bool {
    let t = &p.toks[i];
    if t.kind != TokKind::Word || !t.cap {
        return false;
    }
    let w = t.text(p.text);
    let initial = i == sent.toks.start || after_opening(&p.toks[..], i, p.text);
    if sent.title_case {
        let f = g.flags(w);
        return (t.allcaps && w.len() <= 6)
            || (stats.cap_mid.contains(w) && !g.is_common(w))
            || (f & (gz::PLACE | gz::ORG) != 0 && !g.is_common(w));
    }
    if initial && !t.allcaps {
        if g.is_common(w) {
            return false;
        }
        if lower_seen(stats, w) && !stats.cap_mid.contains(w) {
            return g.flags(w) & (gz::PLACE | gz::ORG) != 0;
        }
    }
    true
}

fn is_connector(p: &Prepared, t: &Tok) -> bool {
    t.kind == TokKind::Word && !t.cap && CONNECTORS.contains(&t.text(p.text))
        || (t.kind == TokKind::Punct && t.text(p.text) == "&")
}

/// Collects mentions from one sentence into `out`.
pub fn collect(p: &Prepared, sent: &Sent, stats: &WordStats, out: &mut Vec<Mention>) {
    let g = gz::get();
    let r = sent.toks.clone();
    let mut i = r.start;
    while i < r.end {
        if !is_name_word(p, sent, stats, g, i) {
            i += 1;
            continue;
        }
        // Grow the run: token indices of words (connectors, hyphens and dots included).
        let mut words = vec![i];
        let mut j = i;
        while !p.toks[j].possessive && j + 1 < r.end {
            let n = &p.toks[j + 1];
            if n.gap && is_name_word(p, sent, stats, g, j + 1) {
                words.push(j + 1);
                j += 1;
            } else if !n.gap
                && n.kind == TokKind::Punct
                && (matches!(n.text(p.text), "-" | "‐")
                    || (n.text(p.text) == "." && p.toks[j].end - p.toks[j].start == 1))
                && j + 2 < r.end
                && p.toks[j + 2].cap
                && p.toks[j + 2].kind == TokKind::Word
                && (n.text(p.text) == "." || !p.toks[j + 2].gap)
            {
                words.push(j + 1);
                words.push(j + 2);
                j += 2;
            } else if n.gap && is_connector(p, n) && !p.toks[j].allcaps {
                // Up to two connectors ("of the") before another name word.
                let mut k = j + 1;
                while k < r.end && k < j + 3 && is_connector(p, &p.toks[k]) {
                    k += 1;
                }
                if k < r.end && p.toks[k].gap && is_name_word(p, sent, stats, g, k) {
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
        for part in split_run(p, g, &words) {
            push_mention(p, sent, g, &part, r.clone(), out);
        }
        i = next;
    }
}

fn word_text<'a>(p: &Prepared<'a>, k: usize) -> &'a str {
    p.toks[k].text(p.text)
}

fn surface(p: &Prepared, words: &[usize]) -> String {
    let raw = &p.text[p.toks[words[0]].start..p.toks[*words.last().unwrap_or(&words[0])].end];
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

/// Splits a run at "and"/"of" unless the whole run is a known name or an
/// organization/place pattern, then trims titles, nationality and everyday
/// words from both ends. Title words are kept (as the leading part) so that
/// the caller can use them as a cue.
fn split_run(p: &Prepared, g: &Gazetteer, words: &[usize]) -> Vec<Vec<usize>> {
    let whole = g.flags(&surface(p, words));
    let last = g.flags(word_text(p, *words.last().unwrap_or(&words[0])));
    let mut parts: Vec<Vec<usize>> = vec![Vec::new()];
    for (n, &k) in words.iter().enumerate() {
        let w = word_text(p, k);
        let split = match w {
            "and" | "&" => whole & (gz::PLACE | gz::ORG) == 0 && last & gz::ORG_SUFFIX == 0,
            "of" | "for" => {
                let before = n
                    .checked_sub(1)
                    .map(|b| g.flags(word_text(p, words[b])))
                    .unwrap_or(0);
                let first = g.flags(word_text(p, words[0]));
                whole & (gz::PLACE | gz::ORG) == 0
                    && before & (gz::ORG_HEAD | gz::ORG_SUFFIX | gz::PLACE_HEAD | gz::PLACE_SUFFIX)
                        == 0
                    && first & gz::ORG_HEAD == 0
                    && last & gz::ORG_SUFFIX == 0
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
        .is_some_and(|&k| is_connector(p, &p.toks[k]) || p.toks[k].kind == TokKind::Punct)
    {
        words.pop();
    }
    while words
        .first()
        .is_some_and(|&k| is_connector(p, &p.toks[k]) || p.toks[k].kind == TokKind::Punct)
    {
        words.remove(0);
    }
}

fn push_mention(
    p: &Prepared,
    sent: &Sent,
    g: &Gazetteer,
    part: &[usize],
    sr: Range<usize>,
    out: &mut Vec<Mention>,
) {
    let mut words = part.to_vec();
    trim_connectors(p, &mut words);
    let mut title = false;
    // Leading titles, nationality words and everyday words.
    loop {
        let Some(&k) = words.first() else { return };
        let w = word_text(p, k);
        let two = if words.len() >= 2 {
            Some(surface(p, &words[..2]))
        } else {
            None
        };
        if let Some(two) = two.filter(|t| g.lookup(t).has(gz::TITLE)) {
            let _ = two;
            title = true;
            words.drain(..2);
        } else if g.lookup(w).has(gz::TITLE) && (words.len() > 1 || next_is_dot(p, k)) {
            title = true;
            words.remove(0);
            if words.first().is_some_and(|&d| word_text(p, d) == ".") {
                words.remove(0);
            }
        } else if g.lookup(w).has(gz::DEMONYM)
            && g.flags(&surface(p, &words)) & (gz::PLACE | gz::ORG) == 0
            && !words
                .last()
                .is_some_and(|&l| g.lookup(word_text(p, l)).has(gz::ORG_SUFFIX) && words.len() > 1)
        {
            words.remove(0);
        } else if g.is_common(w) && g.flags(&surface(p, &words)) & (gz::PLACE | gz::ORG) == 0 {
            words.remove(0);
        } else {
            break;
        }
        trim_connectors(p, &mut words);
    }
    while let Some(&k) = words.last() {
        let w = word_text(p, k);
        if words.len() > 1 && g.is_common(w) && !g.lookup(w).has(gz::ORG_SUFFIX | gz::PLACE_SUFFIX)
        {
            words.pop();
            trim_connectors(p, &mut words);
        } else {
            break;
        }
    }
    let Some(&first) = words.first() else { return };
    let last = *words.last().unwrap_or(&first);
    let key = surface(p, &words);
    // A single known title word, month or nationality left over is no name.
    let hit = g.lookup(&key);
    if words.len() == 1
        && (hit.has(gz::DEMONYM | gz::TITLE) || g.is_common(&key))
        && !hit.has(gz::PLACE | gz::ORG)
    {
        return;
    }
    if key.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return;
    }
    let evidence = classify::evidence(p, sent, g, &words, &key, hit, title, sr.clone());
    let range = p.toks[first].start..p.toks[last].end;
    let idx = out.len();
    let bracket = expansion_acronym(p, last, sr.end);
    out.push(Mention {
        range,
        key,
        evidence,
        expands: None,
    });
    if let Some(k) = bracket
        && words.len() > 1
    {
        let t = &p.toks[k];
        let key = t.text(p.text).to_string();
        let evidence = Evidence::default();
        out.push(Mention {
            range: t.start..t.end,
            key,
            evidence,
            expands: Some(idx),
        });
    }
    let _ = sent.block == BlockKind::Byline;
}

fn next_is_dot(p: &Prepared, k: usize) -> bool {
    p.toks
        .get(k + 1)
        .is_some_and(|t| !t.gap && t.text(p.text) == ".")
}

/// "Shanghai Cooperation Organization (SCO)": the token index of "SCO".
fn expansion_acronym(p: &Prepared, last: usize, end: usize) -> Option<usize> {
    if last + 3 >= end + 1 || last + 3 > p.toks.len() {
        return None;
    }
    let (o, a, c) = (&p.toks[last + 1], &p.toks[last + 2], &p.toks[last + 3]);
    (o.text(p.text) == "(" && a.kind == TokKind::Word && a.allcaps && c.text(p.text) == ")")
        .then_some(last + 2)
}
