//! The vendored evaluation set (`tests/eval/articles`, `tests/eval/gold`;
//! origins and licenses in `tests/eval/SOURCES.md`) and a port of the shared
//! scorer, `../shared/eval/score.py`, with the same rules:
//!
//! - Entities of kind person, organization and place are scored; strings are
//!   compared after [`normalize`] (case-folded, spacing collapsed, curly quotes
//!   straight, edge punctuation, a leading "the " and a trailing possessive
//!   dropped). A system entity hits a gold entity when its name or a mention
//!   text equals the gold name or an alias. Gold entities are matched one to
//!   one (maximum matching; strict also needs the kind). An unmatched system
//!   entity is not counted when one of its strings is in `ignore`, else it is
//!   a false positive: a duplicate if it hits an already matched gold entity,
//!   a wrong kind (strict) if it hits one only under another kind.
//! - Figures are reduced to distinct texts (the first of each kept) and
//!   matched one to one, equal texts first, then texts containing one another
//!   on word boundaries ("nearly 20%" ~ "20%", "2" !~ "2022"). Unmatched
//!   system figures in `ignore` are not counted.
//!
//! `tests/eval_scores.rs` checks that this gives exactly the Python counts.

#![allow(dead_code)]

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

pub const SCORED_KINDS: [&str; 3] = ["person", "organization", "place"];

/// The vendored set: (gold file name, gold, article path), sorted by name as
/// `score_all.py` sorts them.
pub fn vendored() -> Vec<(String, Value, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval");
    let mut golds: Vec<PathBuf> = std::fs::read_dir(dir.join("gold"))
        .expect("tests/eval/gold")
        .map(|e| e.expect("a gold file").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    golds.sort();
    golds
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a readable gold file");
            let gold: Value = serde_json::from_str(&text).expect("a JSON gold file");
            let article = dir.join("articles").join(str_of(&gold, "article"));
            let name = path.file_name().expect("a file").to_string_lossy().into();
            (name, gold, article)
        })
        .collect()
}

/// What `factlens --json FILE` prints for a text file, made by the library.
pub fn extract_json(article: &Path) -> Value {
    let bytes = std::fs::read(article).expect("a readable article");
    let doc = factlens::document::load_vec(bytes).expect("a text article");
    let facts = factlens::extract::extract(&doc);
    let json = factlens::json::to_string(&doc, &facts, &Default::default());
    serde_json::from_str(&json).expect("--json output is JSON")
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }

    /// Precision, recall and F1 as `score.py`'s `prf` gives them.
    pub fn prf(&self) -> (f64, f64, f64) {
        let (n_sys, n_gold) = (self.tp + self.fp, self.tp + self.fn_);
        let ratio = |n: usize, other: usize| match n {
            0 if other == 0 => 1.0,
            0 => 0.0,
            n => self.tp as f64 / n as f64,
        };
        let (p, r) = (ratio(n_sys, n_gold), ratio(n_gold, n_sys));
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    pub fn f1(&self) -> f64 {
        self.prf().2
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntityScore {
    pub counts: Counts,
    /// Strict only, in the order of [`SCORED_KINDS`].
    pub per_kind: [Counts; 3],
    pub duplicates: usize,
    pub wrong_kind: usize,
    pub ignored: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FigureScore {
    pub counts: Counts,
    pub kind_correct: usize,
    pub ignored: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub strict: EntityScore,
    pub lenient: EntityScore,
    pub figures: FigureScore,
}

pub fn score(gold: &Value, system: &Value) -> Score {
    Score {
        strict: score_entities(gold, system, true),
        lenient: score_entities(gold, system, false),
        figures: score_figures(gold, system),
    }
}

// Python's `d.get(key)`, with `[]` or `""` standing in for missing or null.
fn list_of<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// `str.isspace()` on the characters [`base`] lets through.
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn is_edge(c: char) -> bool {
    " \t\r\n\".,;:!?*_\u{ab}\u{bb}".contains(c)
}

/// `_base`: NFKC, quotes and dashes made plain, case-folded, spacing
/// collapsed. NFKC and casefold are the identity or plain lower-casing on
/// ASCII, Latin-1 letters but ß and the characters mapped here; any other
/// character fails loudly, to be checked in Python and added.
fn base(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => out.push('\''),
            '\u{2033}' => out.push_str("''"), // NFKC makes it two primes first
            '\u{201c}'..='\u{201f}' => out.push('"'),
            '\u{a0}' | '\u{2009}' | '\u{202f}' => out.push(' '),
            '\u{2010}'..='\u{2014}' => out.push('-'),
            'ß' => panic!("normalize: casefold makes ß \"ss\"; not ported ({s:?})"),
            c if c.is_ascii()
                || ('\u{c0}'..='\u{ff}').contains(&c)
                || "\u{ab}\u{bb}".contains(c) =>
            {
                out.extend(c.to_lowercase())
            }
            c => panic!("normalize: {c:?} in {s:?} is not ported from NFKC + casefold"),
        }
    }
    out.split(is_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// How entity names, aliases, mention texts and ignores are compared.
pub fn normalize(s: &str) -> String {
    let s = base(s);
    let s = s.trim_matches(is_edge);
    let s = s.strip_prefix("the ").unwrap_or(s);
    let s = s
        .strip_suffix("'s")
        .or_else(|| s.strip_suffix('\''))
        .unwrap_or(s);
    s.trim_matches(|c| is_edge(c) || c == '\'').to_string()
}

/// How figure texts are compared.
pub fn normalize_figure(s: &str) -> String {
    base(s)
        .trim_matches(|c| is_edge(c) || c == '\'')
        .to_string()
}

/// Equal, or one contains the other on word boundaries (both normalized).
pub fn figure_texts_match(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c.is_ascii_lowercase());
    long.char_indices().any(|(i, _)| {
        long[i..].starts_with(short)
            && !word(long[..i].chars().next_back())
            && !word(long[i + short.len()..].chars().next())
    })
}

/// Kuhn's augmenting paths, as `max_matching` in score.py: left vertices are
/// tried in `order` and stay matched once matched, so earlier ones have
/// priority. `matched[right]` is the left vertex matched to it; a given
/// `matched` is extended.
fn max_matching(edges: &[Vec<usize>], order: &[usize], matched: &mut [Option<usize>]) {
    fn augment(
        u: usize,
        edges: &[Vec<usize>],
        matched: &mut [Option<usize>],
        seen: &mut [bool],
    ) -> bool {
        for &v in &edges[u] {
            if seen[v] {
                continue;
            }
            seen[v] = true;
            if matched[v].is_none_or(|w| augment(w, edges, matched, seen)) {
                matched[v] = Some(u);
                return true;
            }
        }
        false
    }
    for &u in order {
        if edges[u].is_empty() || matched.contains(&Some(u)) {
            continue;
        }
        augment(u, edges, matched, &mut vec![false; matched.len()]);
    }
}

fn keys<'a>(strings: impl IntoIterator<Item = &'a str>) -> HashSet<String> {
    let mut keys: HashSet<String> = strings.into_iter().map(normalize).collect();
    keys.remove("");
    keys
}

fn kind_index(kind: &str) -> usize {
    SCORED_KINDS
        .iter()
        .position(|k| *k == kind)
        .expect("a scored kind")
}

pub fn score_entities(gold: &Value, system: &Value, strict: bool) -> EntityScore {
    let scored = |e: &&Value| SCORED_KINDS.contains(&str_of(e, "kind"));
    let golds: Vec<&Value> = list_of(gold, "entities").iter().filter(scored).collect();
    let gkeys: Vec<_> = golds
        .iter()
        .map(|g| {
            let aliases = list_of(g, "aliases").iter().filter_map(Value::as_str);
            keys([str_of(g, "name")].into_iter().chain(aliases))
        })
        .collect();
    let ignore = keys(list_of(gold, "ignore").iter().filter_map(Value::as_str));
    let sys: Vec<&Value> = list_of(system, "entities").iter().filter(scored).collect();
    let skeys: Vec<_> = sys
        .iter()
        .map(|e| {
            let mentions = list_of(e, "mentions").iter().map(|m| str_of(m, "text"));
            keys([str_of(e, "name")].into_iter().chain(mentions))
        })
        .collect();

    let hits = |i: usize, j: usize, same_kind_only: bool| {
        !skeys[i].is_disjoint(&gkeys[j])
            && (!same_kind_only || str_of(sys[i], "kind") == str_of(golds[j], "kind"))
    };
    let hit_list = |i: usize, same_kind_only: bool| -> Vec<usize> {
        (0..golds.len())
            .filter(|&j| hits(i, j, same_kind_only))
            .collect()
    };
    let edges: Vec<Vec<usize>> = (0..sys.len()).map(|i| hit_list(i, strict)).collect();
    let is_ign: Vec<bool> = skeys.iter().map(|k| !k.is_disjoint(&ignore)).collect();
    // Entities not hitting an ignore string first, then those with more
    // mentions (it only decides which of two is called the duplicate).
    let mut order: Vec<usize> = (0..sys.len()).collect();
    order.sort_by_key(|&i| {
        let mentions = list_of(sys[i], "mentions").len();
        (is_ign[i], std::cmp::Reverse(mentions), i)
    });
    let mut matched = vec![None; golds.len()];
    max_matching(&edges, &order, &mut matched);

    let mut out = EntityScore::default();
    for (j, m) in matched.iter().enumerate() {
        let kind = kind_index(str_of(golds[j], "kind"));
        match m {
            Some(_) => {
                out.counts.tp += 1;
                out.per_kind[kind].tp += 1;
            }
            None => {
                out.counts.fn_ += 1;
                out.per_kind[kind].fn_ += 1;
            }
        }
    }
    for i in 0..sys.len() {
        if matched.contains(&Some(i)) {
            continue;
        }
        if is_ign[i] {
            out.ignored += 1;
            continue;
        }
        out.counts.fp += 1;
        out.per_kind[kind_index(str_of(sys[i], "kind"))].fp += 1;
        if !hit_list(i, strict).is_empty() {
            out.duplicates += 1;
        } else if !hit_list(i, false).is_empty() {
            out.wrong_kind += 1;
        }
    }
    if !strict {
        out.per_kind = Default::default();
    }
    out
}

/// The first figure of each normalized text, with that text.
fn distinct(figures: &[Value]) -> Vec<(&Value, String)> {
    let mut seen = HashSet::new();
    figures
        .iter()
        .map(|f| (f, normalize_figure(str_of(f, "text"))))
        .filter(|(_, text)| seen.insert(text.clone()))
        .collect()
}

pub fn score_figures(gold: &Value, system: &Value) -> FigureScore {
    let golds = distinct(list_of(gold, "figures"));
    let sys = distinct(list_of(system, "figures"));
    let mut ignore: HashSet<String> = list_of(gold, "ignore")
        .iter()
        .filter_map(Value::as_str)
        .map(normalize_figure)
        .collect();
    ignore.remove("");

    let edges = |matches: &dyn Fn(&str, &str) -> bool| -> Vec<Vec<usize>> {
        sys.iter()
            .map(|(_, s)| {
                (0..golds.len())
                    .filter(|&j| matches(s, &golds[j].1))
                    .collect()
            })
            .collect()
    };
    let exact = edges(&|s, g| !s.is_empty() && s == g);
    let loose = edges(&figure_texts_match);
    let is_ign: Vec<bool> = sys.iter().map(|(_, s)| ignore.contains(s)).collect();
    let mut order: Vec<usize> = (0..sys.len()).collect();
    order.sort_by_key(|&i| is_ign[i]); // stable: list order otherwise
    let mut matched = vec![None; golds.len()];
    max_matching(&exact, &order, &mut matched);
    max_matching(&loose, &order, &mut matched);

    let mut out = FigureScore::default();
    for (j, m) in matched.iter().enumerate() {
        match m {
            Some(i) => {
                out.counts.tp += 1;
                // Python compares `.get("kind")`: two missing kinds are equal.
                out.kind_correct += usize::from(sys[*i].0.get("kind") == golds[j].0.get("kind"));
            }
            None => out.counts.fn_ += 1,
        }
    }
    for (i, &ign) in is_ign.iter().enumerate() {
        if matched.contains(&Some(i)) {
            continue;
        }
        if ign {
            out.ignored += 1;
        } else {
            out.counts.fp += 1;
        }
    }
    out
}
