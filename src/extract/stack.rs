//! The recognizer's second pass: what the rest of the document says about a
//! name. The first pass (`classify`) scores every distinct name from its own
//! words and contexts; this pass scores it again from that first opinion
//! (its log-probabilities) and the first opinions of the names related to
//! it in the document:
//!
//! - `shape`: names the first pass is sure of written with the same shape
//!   ("Lam Wing-kei" and "Tse Ka-ho" are both `Xx Xx-x`);
//! - `word`: names that share a word ("Chan Siu-ming", "Peter Chan");
//! - `coord`: names listed with it ("A, B and C");
//! - a name right before or after it across "of", "'s", or a preposition
//!   ("Tse Ka-ho of the Harbour Union", "GMB's Ann Price", "Omar Haddad
//!   from the Green Party"), or with only a space between them (`near`).
//!
//! Each relation gives the mean first-pass probabilities of the related
//! names, shrunk towards zero when there are few. The weights live in the
//! same model table under the prefix `s2:` and are learned by stacking:
//! `train-ner` trains the first pass on part of the data and the second on
//! the first pass's opinions of documents it did not see.

use super::candidates::Mention;
use super::classify::{Keys, Sink, shape as shape_of};
use super::model::Model;
use super::{FxMap, Prepared};

/// The relations, in the order of `Context`'s arrays.
const RELS: [&str; 11] = [
    "shape", "word", "coord", "of>", "<of", "poss>", "<poss", "prep>", "<prep", "near>", "<near",
];
const SHAPE: usize = 0;
const WORD: usize = 1;
const COORD: usize = 2;
/// Directed relations: the entry after each is its reverse.
const OF: usize = 3;
const POSS: usize = 5;
const PREP: usize = 7;
const NEAR: usize = 9;

const CLASS: [&str; 4] = ["none", "person", "org", "place"];

/// Has the model a second pass?
pub fn enabled(model: &Model) -> bool {
    model
        .weight(super::model::hash_parts(&["s2:bias"]))
        .is_some()
}

/// Per distinct name: the summed first-pass probabilities of its related
/// names, and how many, per relation.
pub struct Context {
    own: Vec<[f32; 4]>,
    sums: Vec<[[f32; 4]; RELS.len()]>,
    counts: Vec<[u32; RELS.len()]>,
    /// (acronym, related name): see `affiliations`.
    affiliations: Vec<(usize, usize)>,
}

/// A name written as an acronym of 2 to 5 capital letters ("GMB", "UCLA").
fn acronym(key: &str) -> bool {
    (2..=5).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_uppercase())
}

/// How a gap of text between two names relates them: the relation from
/// the left name to the right one.
fn gap_relation(gap: &str) -> Option<usize> {
    let g = gap.trim();
    let g = g.strip_suffix(" the").unwrap_or(g);
    Some(match g {
        "" => NEAR,
        "," | "and" | ", and" | "or" | ", or" | "/" => COORD,
        "of" => OF,
        "'s" | "\u{2019}s" | "'" | "\u{2019}" => POSS,
        "from" | "at" | "in" | "for" | "with" | "to" | "by" | "on" => PREP,
        _ => return None,
    })
}

/// Connectors that do not make two names related by a shared word.
fn linking(w: &str) -> bool {
    matches!(
        w,
        "of" | "the" | "and" | "for" | "&" | "de" | "la" | "du" | "on" | "in" | "at"
    )
}

fn plus(acc: &mut [f32; 4], q: &[f32; 4]) {
    for (a, q) in acc.iter_mut().zip(q) {
        *a += q;
    }
}

impl Context {
    pub fn new(p: &Prepared, keys: &Keys, ms: &[Mention], own: &[[f32; 4]]) -> Context {
        let n = keys.len();
        let mut sums = vec![[[0f32; 4]; RELS.len()]; n];
        let mut counts = vec![[0u32; RELS.len()]; n];
        let mut affiliations = Vec::new();
        let mut add = |i: usize, rel: usize, q: [f32; 4]| {
            plus(&mut sums[i][rel], &q);
            counts[i][rel] += 1;
        };
        // Neighbouring mentions within a few bytes of each other.
        let mut order: Vec<usize> = (0..ms.len()).collect();
        order.sort_by_key(|&m| (ms[m].range.start, ms[m].range.end));
        for w in order.windows(2) {
            let (a, b) = (&ms[w[0]], &ms[w[1]]);
            if a.range.end > b.range.start || b.range.start - a.range.end > 12 {
                continue;
            }
            let Some(gap) = p.text.get(a.range.end..b.range.start) else {
                continue;
            };
            let (ka, kb) = (keys.of_mention(w[0]), keys.of_mention(w[1]));
            if ka == kb || gap.contains('\n') {
                continue;
            }
            if let Some(rel) = gap_relation(gap) {
                match rel {
                    OF if acronym(keys.key(kb)) => affiliations.push((kb, ka)),
                    POSS if acronym(keys.key(ka)) => affiliations.push((ka, kb)),
                    _ => {}
                }
                let back = if rel == COORD { COORD } else { rel + 1 };
                add(ka, rel, own[kb]);
                add(kb, back, own[ka]);
            }
        }
        // Names of the same shape, and names sharing a word.
        let mut shapes: FxMap<String, ([f32; 4], u32)> = FxMap::default();
        let mut words: FxMap<&str, ([f32; 4], u32)> = FxMap::default();
        let shape_keys: Vec<String> = (0..n).map(|i| shape_of(keys.key(i))).collect();
        let word_lists: Vec<Vec<&str>> = (0..n)
            .map(|i| {
                let mut v: Vec<&str> = keys
                    .key(i)
                    .split([' ', '-'])
                    .filter(|w| w.len() > 1 && !linking(w))
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            })
            .collect();
        // Only names the first pass is sure are entities say what kind
        // names of their shape are here.
        let sure = |i: usize| own[i][0] < 0.2;
        for i in 0..n {
            if sure(i) {
                let e = shapes.entry(shape_keys[i].clone()).or_default();
                plus(&mut e.0, &own[i]);
                e.1 += 1;
            }
            for w in &word_lists[i] {
                let e = words.entry(w).or_default();
                plus(&mut e.0, &own[i]);
                e.1 += 1;
            }
        }
        for i in 0..n {
            let (mut s, mut k) = shapes.get(&shape_keys[i]).copied().unwrap_or_default();
            if sure(i) {
                s = std::array::from_fn(|c| s[c] - own[i][c]);
                k -= 1;
            }
            if k > 0 {
                sums[i][SHAPE] = s;
                counts[i][SHAPE] = k;
            }
            for w in &word_lists[i] {
                let (s, k) = words[w];
                if k > 1 {
                    plus(&mut sums[i][WORD], &s);
                    plus(&mut sums[i][WORD], &own[i].map(|x| -x));
                    counts[i][WORD] += k - 1;
                }
            }
        }
        Context {
            own: own.to_vec(),
            sums,
            counts,
            affiliations,
        }
    }

    /// The names in a person's affiliation slot whose spelling is an
    /// acronym, each with the name that may be that person: right after
    /// "<person> of" ("Alan Briggs of the RMT") or right before "'s
    /// <person>" ("GMB's Ann Price"). Such an acronym is a body or a place,
    /// never a person, and a name: news writes parties, unions and
    /// agencies this way. The training text has almost no such slots (a
    /// person before "of" is rare outside news), so the model cannot learn
    /// it (`classify::scores` reads these with the final opinions). Only
    /// acronyms: a word in that slot may be anything ("Jane Austen's
    /// Emma"). An acronym for a person ("FDR's Eleanor") is read wrongly.
    pub fn affiliations(&self) -> &[(usize, usize)] {
        &self.affiliations
    }

    /// The second-pass features of name `i`.
    pub fn features(&self, i: usize, out: &mut impl Sink) {
        out.emit(&["s2:bias"], 1.0);
        for (class, p) in CLASS.iter().zip(self.own[i]) {
            out.emit(&["s2:own=", class], p.max(1e-4).ln());
        }
        for (r, rel) in RELS.iter().enumerate() {
            let k = self.counts[i][r];
            if k == 0 {
                continue;
            }
            let kf = k as f32;
            // Shrunk towards nothing when few names say it.
            let trust = kf / (kf + 1.0) / kf;
            out.emit(&["s2:", rel], 1.0);
            for (class, sum) in CLASS.iter().zip(self.sums[i][r]) {
                out.emit(&["s2:", rel, "=", class], sum * trust);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features_of(text: &str, name: &str) -> Vec<String> {
        let doc = crate::document::load_plain(text);
        let model = Model::embedded();
        let all = super::super::stacked_features(&doc, model);
        let n = all.iter().find(|n| n.name == name).expect(name);
        n.features.iter().map(|(f, _)| f.clone()).collect()
    }

    #[test]
    fn related_names_are_found_in_the_text() {
        let text = "Results\n\nElected were Lam Wing-kei, Tse Ka-ho and Chan Siu-ming of Harbour Voice, and Wong Chan-fai of the Green Party's list, with Peter Mok from the Green Party.\n";
        let f = features_of(text, "Tse Ka-ho");
        assert!(f.contains(&"s2:coord".to_string()), "{f:?}");
        assert!(f.contains(&"s2:own=person".to_string()), "{f:?}");
        let f = features_of(text, "Chan Siu-ming");
        assert!(f.contains(&"s2:of>".to_string()), "{f:?}");
        let f = features_of(text, "Harbour Voice");
        assert!(f.contains(&"s2:<of".to_string()), "{f:?}");
        // "Chan" is also in "Chan Siu-ming"; "Green" in both parties.
        let f = features_of(text, "Wong Chan-fai");
        assert!(f.contains(&"s2:word".to_string()), "{f:?}");
        let f = features_of(text, "Peter Mok");
        assert!(f.contains(&"s2:prep>".to_string()), "{f:?}");
    }

    #[test]
    fn the_shipped_model_has_a_second_pass() {
        assert!(enabled(Model::embedded()));
        assert!(!enabled(&Model::parse("bias\t0\t0\t0\t0\n").unwrap()));
    }

    #[test]
    fn gaps_name_their_relation() {
        assert_eq!(gap_relation(" of "), Some(OF));
        assert_eq!(gap_relation(" of the "), Some(OF));
        assert_eq!(gap_relation("'s "), Some(POSS));
        assert_eq!(gap_relation(", "), Some(COORD));
        assert_eq!(gap_relation(" and "), Some(COORD));
        assert_eq!(gap_relation(" from the "), Some(PREP));
        assert_eq!(gap_relation(" said "), None);
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape_of("Tse Ka-ho"), "Xx Xx-x");
        assert_eq!(shape_of("Lam Wing-kei"), "Xx Xx-x");
        assert_eq!(shape_of("DAB"), "X");
    }
}
