//! Retrains the entity classifier from the openly licensed annotated text in
//! `../shared/train` and writes `assets/ner/model.tsv`.
//!
//! ```text
//! cargo run --release --bin train-ner                 # retrain, write the model
//! cargo run --release --bin train-ner -- --cv 5       # cross-validation figures
//! cargo run --release --bin train-ner -- --check      # the shipped model is what training gives
//! ```
//!
//! Each corpus becomes documents (CoNLL sentences are detokenized into
//! paragraphs); factlens finds its candidate names as it would in any
//! article, and each distinct name is labeled with the kind the annotation
//! gives that surface (none when it is not annotated; names of other types,
//! such as MISC or products, are left out).

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::Parser;
use factlens::document::{Block, BlockKind, Document, load_plain};
use factlens::extract::model::{self, Example, TrainOptions};
use factlens::extract::{self, EntityKind, gazetteer};

#[derive(Parser)]
#[command(about = "Retrain factlens's entity classifier from ../shared/train")]
struct Args {
    /// The training folder (its README describes the corpora).
    #[arg(long, default_value = "../shared/train")]
    data: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "assets/ner/model.tsv")]
    out: PathBuf,
    /// Report k-fold cross-validation (by document) instead of writing.
    #[arg(long)]
    cv: Option<usize>,
    /// Check that the model at --out is the one training produces.
    #[arg(long)]
    check: bool,
    /// Weight of each source, e.g. "btc=0.5,wnut17=0.3".
    #[arg(long, default_value = DEFAULT_WEIGHTS)]
    weights: String,
    /// Measure candidate coverage on a folder laid out like `gum/`
    /// (gold/*.json, articles/*.txt): how many gold entities have a
    /// candidate spelled like one of their names. Reads no labels into
    /// training.
    #[arg(long, value_name = "DIR")]
    coverage: Option<PathBuf>,
    /// With --coverage, list every gold entity not found right.
    #[arg(long, requires = "coverage")]
    verbose: bool,
    /// Leave out features whose names begin with one of these
    /// (comma-separated), to measure what a group of features is worth.
    #[arg(long, default_value = "")]
    drop: String,
    /// Use this threshold factor instead of the one cross-validation
    /// picks (to compare changes at one threshold).
    #[arg(long)]
    factor: Option<f32>,
    /// Train the first pass only (no second pass over the document's
    /// other names), to measure what the second pass is worth.
    #[arg(long)]
    single: bool,
    /// Write the lower-case lexicon (`assets/gazetteer/vocab_lower.txt`)
    /// from the training text instead of the model; with --check, check it.
    /// Run before training: the model's features read it.
    #[arg(long)]
    lexicon: bool,
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    epochs: usize,
    #[arg(long, default_value_t = TrainOptions::default().l2)]
    l2: f64,
}

/// Per-source weights: tweets and filings are cased unlike news.
const DEFAULT_WEIGHTS: &str = "gum=1,wikigold=1,uner-ewt=1,btc=0.5,wnut17=0.3,sec-filings=0.5";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Label {
    Kind(EntityKind),
    /// A name of another type (MISC, product, work): neither way.
    Ignore,
}

struct GoldEntity {
    kind: EntityKind,
    surfaces: HashSet<String>,
}

struct TrainDoc {
    source: String,
    doc: Document,
    /// Normalized surface -> label.
    labels: HashMap<String, Label>,
    entities: Vec<GoldEntity>,
}

/// As the scorer compares names: case-insensitive, spacing collapsed,
/// leading "the" and trailing possessive dropped.
fn norm(s: &str) -> String {
    let s = s.replace('\u{2019}', "'").to_lowercase();
    let mut s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(r) = s.strip_prefix("the ") {
        s = r.to_string();
    }
    for suf in ["'s", "'"] {
        if let Some(r) = s.strip_suffix(suf) {
            s = r.to_string();
        }
    }
    s
}

fn kind_of_tag(tag: &str) -> Option<Label> {
    Some(match tag.to_ascii_lowercase().as_str() {
        "per" | "person" => Label::Kind(EntityKind::Person),
        "org" | "corporation" | "group" => Label::Kind(EntityKind::Organization),
        "loc" | "location" => Label::Kind(EntityKind::Place),
        "misc" | "product" | "creative-work" => Label::Ignore,
        _ => return None,
    })
}

fn by_convention(surface: &str, label: Label) -> Label {
    match label {
        Label::Kind(EntityKind::Organization) if gazetteer::names_a_facility(surface) => {
            Label::Kind(EntityKind::Place)
        }
        l => l,
    }
}

/// Joins tokens with spaces, except before closing punctuation and clitics.
fn detokenize(tokens: &[&str]) -> (String, Vec<std::ops::Range<usize>>) {
    let mut s = String::new();
    let mut ranges = Vec::with_capacity(tokens.len());
    let mut no_space_next = true;
    for t in tokens {
        let closing = matches!(
            *t,
            "," | "." | ";" | ":" | "!" | "?" | ")" | "]" | "%" | "n't"
        ) || (t.starts_with('\'') && t.len() <= 3);
        if !s.is_empty() && !closing && !no_space_next {
            s.push(' ');
        }
        let start = s.len();
        s.push_str(t);
        ranges.push(start..s.len());
        no_space_next = matches!(*t, "(" | "[" | "$" | "#" | "@");
    }
    (s, ranges)
}

/// A CoNLL document: sentences of (token, tag).
fn conll_doc(source: &str, sents: &[Vec<(String, String)>]) -> Option<TrainDoc> {
    let mut text = String::new();
    let mut blocks = Vec::new();
    let mut labels: HashMap<String, Label> = HashMap::new();
    let mut entities: HashMap<(String, u8), GoldEntity> = HashMap::new();
    for sent in sents {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let toks: Vec<&str> = sent.iter().map(|(t, _)| t.as_str()).collect();
        let (s, ranges) = detokenize(&toks);
        let base = text.len();
        text.push_str(&s);
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            range: base..text.len(),
        });
        // Spans: B- starts one; I- continues one of the same type (IO files
        // have only I-).
        let mut cur: Option<(usize, usize, String)> = None;
        let mut spans = Vec::new();
        for (i, (_, tag)) in sent.iter().enumerate() {
            let (bio, ty) = match tag.split_once('-') {
                Some((b, t)) => (b, t.to_string()),
                None => ("O", String::new()),
            };
            match (&mut cur, bio) {
                (Some((_, end, t)), "I") if *t == ty => *end = i,
                _ => {
                    if let Some(c) = cur.take() {
                        spans.push(c);
                    }
                    if bio != "O" {
                        cur = Some((i, i, ty));
                    }
                }
            }
        }
        spans.extend(cur);
        for (a, b, ty) in spans {
            let Some(label) = kind_of_tag(&ty) else {
                continue;
            };
            let surface = &s[ranges[a].start..ranges[b].end];
            let key = norm(surface);
            let label = by_convention(surface, label);
            labels.entry(key.clone()).or_insert(label);
            labels.entry(norm(untitled(surface))).or_insert(label);
            if let Label::Kind(kind) = label {
                entities
                    .entry((key.clone(), kind as u8))
                    .or_insert_with(|| GoldEntity {
                        kind,
                        surfaces: HashSet::from([key.clone()]),
                    });
            }
        }
    }
    if text.trim().is_empty() {
        return None;
    }
    let doc = Document {
        text,
        blocks,
        ..Default::default()
    };
    Some(TrainDoc {
        source: source.to_string(),
        doc,
        labels,
        entities: entities.into_values().collect(),
    })
}

/// Reads a CoNLL file into documents. `token_col`/`tag_col` pick the columns;
/// `per_sentence` makes each sentence a document (tweets).
fn read_conll(
    path: &Path,
    source: &str,
    token_col: usize,
    tag_col: usize,
    per_sentence: bool,
) -> Result<Vec<TrainDoc>> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut docs = Vec::new();
    let mut sents: Vec<Vec<(String, String)>> = Vec::new();
    let mut sent: Vec<(String, String)> = Vec::new();
    let flush_doc = |sents: &mut Vec<Vec<(String, String)>>, docs: &mut Vec<TrainDoc>| {
        if !sents.is_empty() {
            docs.extend(conll_doc(source, sents));
            sents.clear();
        }
    };
    for line in text.lines() {
        if line.starts_with("-DOCSTART-") || line.starts_with("# newdoc") {
            if !sent.is_empty() {
                sents.push(std::mem::take(&mut sent));
            }
            flush_doc(&mut sents, &mut docs);
            continue;
        }
        if line.starts_with('#') && source == "uner-ewt" {
            continue;
        }
        let cols: Vec<&str> = line.split(['\t', ' ']).collect();
        if line.trim().is_empty() || cols.len() <= token_col.max(tag_col) {
            if !sent.is_empty() {
                sents.push(std::mem::take(&mut sent));
                if per_sentence {
                    flush_doc(&mut sents, &mut docs);
                }
            }
            continue;
        }
        sent.push((cols[token_col].to_string(), cols[tag_col].to_string()));
    }
    if !sent.is_empty() {
        sents.push(sent);
    }
    flush_doc(&mut sents, &mut docs);
    Ok(docs)
}

#[derive(serde::Deserialize)]
struct GumGold {
    entities: Vec<GumEntity>,
    #[serde(default)]
    ignore: Vec<String>,
}

#[derive(serde::Deserialize)]
struct GumEntity {
    name: String,
    kind: String,
    #[serde(default)]
    aliases: Vec<String>,
}

fn read_gum(dir: &Path) -> Result<Vec<TrainDoc>> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir.join("gold"))
        .with_context(|| format!("reading {}", dir.join("gold").display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for f in files {
        let gold: GumGold = serde_json::from_str(&fs::read_to_string(&f)?)
            .with_context(|| format!("parsing {}", f.display()))?;
        let stem = f.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let text = fs::read_to_string(dir.join("articles").join(format!("{stem}.txt")))?;
        let mut labels = HashMap::new();
        let mut entities = Vec::new();
        for s in &gold.ignore {
            labels.insert(norm(s), Label::Ignore);
        }
        for e in &gold.entities {
            let kind = match e.kind.as_str() {
                "person" => EntityKind::Person,
                "organization" => EntityKind::Organization,
                "place" => EntityKind::Place,
                _ => continue,
            };
            let mut surfaces: HashSet<String> = e.aliases.iter().map(|a| norm(a)).collect();
            surfaces.insert(norm(&e.name));
            let plain: Vec<String> = e.aliases.iter().map(|a| norm(untitled(a))).collect();
            for s in &surfaces {
                labels.insert(s.clone(), Label::Kind(kind));
            }
            for s in plain {
                labels.entry(s).or_insert(Label::Kind(kind));
            }
            entities.push(GoldEntity { kind, surfaces });
        }
        docs.push(TrainDoc {
            source: "gum".into(),
            doc: load_plain(&text),
            labels,
            entities,
        });
    }
    Ok(docs)
}

/// The CoNLL corpora: folder (also the source name), files, token and tag
/// columns, and whether each sentence is a document of its own (tweets).
const CONLL: &[(&str, &[&str], usize, usize, bool)] = &[
    ("wikigold", &["wikigold.conll"], 0, 1, false),
    (
        "btc",
        &[
            "a.conll", "b.conll", "e.conll", "f.conll", "g.conll", "h.conll",
        ],
        0,
        1,
        true,
    ),
    (
        "wnut17",
        &["train.conll", "dev.conll", "test.conll"],
        0,
        1,
        true,
    ),
    (
        "uner-ewt",
        &["en_ewt-ud-dev.iob2", "en_ewt-ud-test.iob2"],
        1,
        2,
        false,
    ),
    ("sec-filings", &["FIN3.txt", "FIN5.txt"], 0, 3, false),
];

fn read_all(data: &Path) -> Result<Vec<TrainDoc>> {
    if !data.join("README.md").exists() {
        bail!(
            "{}: no training data here (pass --data DIR; see the README)",
            data.display()
        );
    }
    let mut docs = read_gum(&data.join("gum"))?;
    for &(folder, files, token_col, tag_col, per_sentence) in CONLL {
        for f in files {
            let path = data.join("conll").join(folder).join(f);
            docs.extend(read_conll(&path, folder, token_col, tag_col, per_sentence)?);
        }
    }
    Ok(docs)
}

/// "Sir Alex Ferguson", "General John Smith": a name with the titles before
/// it dropped (factlens keeps the title out of the name).
fn untitled(s: &str) -> &str {
    let g = extract::gazetteer::get();
    let mut s = s.trim();
    while let Some((w, rest)) = s.split_once(' ') {
        let mut cs = w.chars();
        let cap: String = cs
            .next()
            .map(|c| c.to_uppercase().chain(cs).collect())
            .unwrap_or_default();
        if g.flags(&cap) & extract::gazetteer::TITLE == 0 {
            break;
        }
        s = rest;
    }
    s
}

/// The annotation's label for a candidate name, comparing both without
/// leading titles.
fn label_of(labels: &HashMap<String, Label>, name: &str) -> Option<Label> {
    let n = norm(name);
    labels
        .get(&n)
        .or_else(|| labels.get(untitled(&n)))
        .or_else(|| labels.get(&norm(untitled(name))))
        .copied()
}

const LEXICON: &str = "assets/gazetteer/vocab_lower.txt";

/// Words the cased training text writes in small letters far more often
/// than capitalized mid-sentence: everyday words, whatever their
/// capital at a sentence's start says ("Knowledge is power"). As in
/// `WordStats::cap_mid`, a capital right after a comma, bracket or quote
/// (any character that is not a letter, apostrophe or dot, followed by a
/// space) does not count as mid-sentence.
fn lexicon(docs: &[TrainDoc]) -> String {
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for d in docs.iter().filter(|d| EDITED.contains(&d.source.as_str())) {
        let mut after_word = false;
        for tok in d
            .doc
            .text
            .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '.'))
        {
            let ends = tok.ends_with('.');
            let w = tok.trim_matches(|c: char| c == '\'' || c == '.');
            if w.is_empty() {
                after_word = false;
                continue;
            }
            let plain = w.chars().all(char::is_alphabetic) && w.chars().count() >= 3;
            let first = w.chars().next().unwrap_or(' ');
            if plain && first.is_lowercase() && w.chars().all(char::is_lowercase) {
                counts.entry(w.to_string()).or_default().0 += 1;
            } else if plain && first.is_uppercase() && after_word {
                counts.entry(w.to_lowercase()).or_default().1 += 1;
            }
            after_word = !ends && first.is_lowercase();
        }
    }
    let mut words: Vec<&String> = counts
        .iter()
        .filter(|(_, (lower, cap))| *lower >= 2 && *lower >= 4 * *cap)
        .map(|(w, _)| w)
        .collect();
    words.sort();
    let mut out = String::from(
        "# Words the cased part of ../shared/train (GUM, wikigold, UNER-EWT) writes in small\n\
         # letters at least twice and four times as often as capitalized mid-sentence.\n\
         # Generated by `cargo run --release --bin train-ner -- --lexicon`; do not edit.\n",
    );
    for w in words {
        out.push_str(w);
        out.push('\n');
    }
    out
}

fn write_lexicon(docs: &[TrainDoc], check: bool) -> Result<()> {
    let text = lexicon(docs);
    if check {
        let shipped = fs::read_to_string(LEXICON).with_context(|| format!("reading {LEXICON}"))?;
        if shipped != text {
            bail!("{LEXICON} is not what the training text gives: run train-ner --lexicon");
        }
        println!("{LEXICON}: matches the training text");
        return Ok(());
    }
    fs::write(LEXICON, &text).with_context(|| format!("writing {LEXICON}"))?;
    println!("wrote {LEXICON} ({} words)", text.lines().count() - 3);
    Ok(())
}

/// Does `name` share a run of whole words with an annotated name of a
/// kind (one inside the other)?
fn overlaps(labels: &HashMap<String, Label>, name: &str) -> bool {
    let n = format!(" {} ", norm(name));
    labels.iter().any(|(s, l)| {
        matches!(l, Label::Kind(_)) && {
            let s = format!(" {s} ");
            s.contains(&n) || n.contains(&s)
        }
    })
}

fn class_of(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => model::PERSON,
        EntityKind::Organization => model::ORG,
        EntityKind::Place => model::PLACE,
    }
}

fn examples(docs: &[&TrainDoc], weights: &HashMap<String, f32>, drop: &[&str]) -> Vec<Example> {
    examples_of(docs, weights, drop, extract::name_features)
}

/// Examples for the second pass: the features `first` (a first-pass
/// model that has not seen these documents) gives their names.
fn second_examples(
    docs: &[&TrainDoc],
    weights: &HashMap<String, f32>,
    drop: &[&str],
    first: &model::Model,
) -> Vec<Example> {
    examples_of(docs, weights, drop, |d| extract::stacked_features(d, first))
}

fn examples_of(
    docs: &[&TrainDoc],
    weights: &HashMap<String, f32>,
    drop: &[&str],
    features: impl Fn(&Document) -> Vec<extract::NameFeatures>,
) -> Vec<Example> {
    let mut out = Vec::new();
    for d in docs {
        let w = weights.get(&d.source).copied().unwrap_or(1.0);
        if w <= 0.0 {
            continue;
        }
        let names = features(&d.doc);
        for n in names {
            let label = match label_of(&d.labels, &n.name) {
                Some(Label::Ignore) => continue,
                Some(Label::Kind(k)) => class_of(k),
                // Part of an annotated name, or more than one: its
                // boundary is wrong, not its kind; teaching "none" here
                // taught the model that long names are not names.
                None if overlaps(&d.labels, &n.name) => continue,
                None => model::NONE,
            };
            let mut features = n.features;
            features.retain(|(f, _)| !drop.iter().any(|d| f.starts_with(d)));
            out.push(Example {
                features,
                label,
                weight: w,
            });
        }
    }
    out
}

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn f1(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        (p, r, 2.0 * p * r / (p + r).max(1e-9))
    }
}

/// Strict entity scoring of one document, as the shared scorer does it.
fn score(d: &TrainDoc, m: &model::Model, c: &mut Counts) {
    let facts = extract::extract_with(&d.doc, usize::MAX, m);
    let mut matched = vec![false; d.entities.len()];
    for e in &facts.entities {
        let mut forms: Vec<String> = vec![norm(&e.name)];
        forms.extend(e.aliases.iter().map(|a| norm(a)));
        let hit = d.entities.iter().enumerate().position(|(i, g)| {
            !matched[i] && g.kind == e.kind && forms.iter().any(|f| g.surfaces.contains(f))
        });
        match hit {
            Some(i) => {
                matched[i] = true;
                c.tp += 1;
            }
            None => {
                let ignored = forms
                    .iter()
                    .any(|f| d.labels.get(f) == Some(&Label::Ignore));
                let dup = d
                    .entities
                    .iter()
                    .any(|g| g.kind == e.kind && forms.iter().any(|f| g.surfaces.contains(f)));
                if !ignored || dup {
                    c.fp += 1;
                }
            }
        }
    }
    c.fn_ += matched.iter().filter(|m| !**m).count();
}

/// Thresholds tried: how much less likely "not an entity" is made.
const FACTORS: [f32; 7] = [1.0, 0.8, 0.6, 0.5, 0.4, 0.3, 0.2];

/// Sources whose casing and register are those of articles: the threshold
/// is chosen on them, and the lower-case lexicon counted in them.
const EDITED: &[&str] = &["gum", "wikigold", "uner-ewt"];

/// k-fold cross-validation by document: scores per source for each
/// threshold factor, the factor that scores best on edited text, and the
/// second-pass examples of every document (each made with a first pass
/// that did not see it).
fn cross_validate(
    docs: &[TrainDoc],
    k: usize,
    weights: &HashMap<String, f32>,
    drop: &[&str],
    opts: TrainOptions,
    stacked: bool,
) -> (f32, String, Vec<Example>) {
    let fold_of = |i: usize| i % k;
    let mut firsts = Vec::new();
    let mut second: Vec<Vec<Example>> = (0..k).map(|_| Vec::new()).collect();
    for (fold, held_out) in second.iter_mut().enumerate() {
        let train: Vec<&TrainDoc> = docs
            .iter()
            .enumerate()
            .filter(|(i, _)| fold_of(*i) != fold)
            .map(|(_, d)| d)
            .collect();
        let trained = model::train(&examples(&train, weights, drop), opts);
        if stacked {
            let held: Vec<&TrainDoc> = docs
                .iter()
                .enumerate()
                .filter(|(i, _)| fold_of(*i) == fold)
                .map(|(_, d)| d)
                .collect();
            *held_out = second_examples(&held, weights, drop, &trained.model());
        }
        firsts.push(trained);
    }
    let mut by: HashMap<(String, usize), Counts> = HashMap::new();
    for (fold, first) in firsts.into_iter().enumerate() {
        let trained = if stacked {
            let ex: Vec<Example> = (0..k)
                .filter(|&f| f != fold)
                .flat_map(|f| second[f].iter().cloned())
                .collect();
            first.with(model::train(&ex, opts))
        } else {
            first
        };
        for (fi, &f) in FACTORS.iter().enumerate() {
            let mut t = model::Trained {
                rows: trained.rows.clone(),
            };
            t.scale_none(f);
            let m = t.model();
            for (i, d) in docs.iter().enumerate() {
                if fold_of(i) == fold {
                    score(d, &m, by.entry((d.source.clone(), fi)).or_default());
                }
            }
        }
    }
    let mut sources: Vec<String> = by.keys().map(|(s, _)| s.clone()).collect();
    sources.sort();
    sources.dedup();
    let mut table = String::new();
    let mut best = (f64::MIN, 1.0);
    for (fi, &f) in FACTORS.iter().enumerate() {
        table.push_str(&format!("none factor {f}\n"));
        let mut edited = Counts::default();
        for s in &sources {
            let c = &by[&(s.clone(), fi)];
            let (p, r, f1) = c.f1();
            table.push_str(&format!(
                "  {s:<12} P {:5.1}  R {:5.1}  F1 {:5.1}   (tp {} fp {} fn {})\n",
                100.0 * p,
                100.0 * r,
                100.0 * f1,
                c.tp,
                c.fp,
                c.fn_
            ));
            if EDITED.contains(&s.as_str()) {
                edited.tp += c.tp;
                edited.fp += c.fp;
                edited.fn_ += c.fn_;
            }
        }
        let (p, r, f1) = edited.f1();
        table.push_str(&format!(
            "  {:<12} P {:5.1}  R {:5.1}  F1 {:5.1}\n",
            "EDITED",
            100.0 * p,
            100.0 * r,
            100.0 * f1
        ));
        if f1 > best.0 + 1e-9 {
            best = (f1, f);
        }
    }
    (best.1, table, second.into_iter().flatten().collect())
}

fn main() -> Result<()> {
    let args = Args::parse();
    let weights: HashMap<String, f32> = args
        .weights
        .split(',')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| Ok((k.trim().to_string(), v.trim().parse()?)))
        .collect::<Result<_>>()?;
    let opts = TrainOptions {
        epochs: args.epochs,
        l2: args.l2,
        ..TrainOptions::default()
    };
    if let Some(dir) = &args.coverage {
        let (mut found, mut total) = (0, 0);
        let mut outcome: HashMap<&str, usize> = HashMap::new();
        for d in read_gum(dir)? {
            let keys: HashSet<String> = extract::name_features(&d.doc)
                .iter()
                .map(|n| norm(&n.name))
                .collect();
            let facts = extract::extract(&d.doc);
            for g in &d.entities {
                total += 1;
                let has = g.surfaces.iter().any(|s| keys.contains(s));
                found += usize::from(has);
                let sys = facts.entities.iter().find(|e| {
                    std::iter::once(&e.name)
                        .chain(&e.aliases)
                        .any(|a| g.surfaces.contains(&norm(a)))
                });
                let what = match (has, sys) {
                    (_, Some(e)) if e.kind == g.kind => "right",
                    (_, Some(_)) => "wrong kind",
                    (true, None) => "candidate dropped",
                    (false, None) => "no candidate",
                };
                *outcome.entry(what).or_default() += 1;
                if args.verbose && what != "right" {
                    println!("{what}: {:?} {:?}", g.kind, g.surfaces);
                }
            }
        }
        println!("{outcome:?}");
        println!("{found} of {total} gold entities have a candidate");
        return Ok(());
    }
    let drop: Vec<&str> = args.drop.split(',').filter(|d| !d.is_empty()).collect();
    let docs = read_all(&args.data)?;
    eprintln!("{} training documents", docs.len());
    if args.lexicon {
        return write_lexicon(&docs, args.check);
    }
    let cv = args.cv.unwrap_or(5);
    let stacked = !args.single;
    let (factor, table, second) = cross_validate(&docs, cv, &weights, &drop, opts, stacked);
    let factor = args.factor.unwrap_or(factor);
    if args.cv.is_some() {
        println!("{cv}-fold cross-validation, strict entity scores on held-out documents");
        print!("{table}");
        return Ok(());
    }
    eprintln!("none threshold factor {factor} (by {cv}-fold cross-validation)");
    let all: Vec<&TrainDoc> = docs.iter().collect();
    let ex = examples(&all, &weights, &drop);
    let mut per = [0usize; 4];
    for e in &ex {
        per[e.label] += 1;
    }
    eprintln!("{} examples {:?}", ex.len(), per);
    let mut trained = model::train(&ex, opts);
    if stacked {
        trained = trained.with(model::train(&second, opts));
    }
    trained.scale_none(factor);
    let tsv = trained.to_tsv();
    if args.check {
        let shipped = fs::read_to_string(&args.out)
            .with_context(|| format!("reading {}", args.out.display()))?;
        if shipped != tsv {
            bail!(
                "{} is not what training produces: retrain with `cargo run --release --bin train-ner`",
                args.out.display()
            );
        }
        println!("{}: matches a fresh training run", args.out.display());
        return Ok(());
    }
    fs::write(&args.out, &tsv).with_context(|| format!("writing {}", args.out.display()))?;
    println!(
        "wrote {} ({} features)",
        args.out.display(),
        tsv.lines().count() - 2
    );
    Ok(())
}
