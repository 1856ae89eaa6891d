//! Runs the shared scorer (`../shared/eval/score_all.py`) on the built binary
//! and fails below a floor a little under the scores reached, and checks that
//! the Rust port of the scorer (`tests/eval/mod.rs`, used by `cargo test` in
//! `tests/eval_vendored.rs`) gives exactly its counts. These need `../shared`
//! and python3, which a fresh clone does not have, so they are ignored by
//! `cargo test` and run by `.ci/run` with `--ignored`; there a missing python3
//! or `../shared` is a failure, never a silent pass.

mod eval;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn shared() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    assert!(
        dir.join("score_all.py").is_file(),
        "the evaluation set is missing: expected {} (check out the shared data \
         beside the repository; these ignored tests cannot run without it)",
        dir.display()
    );
    dir
}

/// Runs `score_all.py` on the built binary and returns what it prints.
fn score_all(extra: &[&str]) -> String {
    let dir = shared();
    let system = format!("{} --json", env!("CARGO_BIN_EXE_factlens"));
    let out = Command::new("python3")
        .arg(dir.join("score_all.py"))
        .arg(&system)
        .args(extra)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("python3 must be installed to run the evaluation");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "scorer failed: {}\n{}",
        text,
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

/// Runs the scorer and returns (entity strict F1, figure F1, duplicates,
/// what it printed).
fn score(extra: &[&str]) -> (f64, f64, u64, String) {
    let text = score_all(extra);
    let f1 = |label: &str| -> f64 {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("no `{label}` line in scorer output:\n{text}"));
        let pct = line.split_whitespace().last().unwrap_or("");
        pct.trim_end_matches('%')
            .parse()
            .unwrap_or_else(|_| panic!("bad line: {line}"))
    };
    let dups = text
        .lines()
        .find_map(|l| l.strip_prefix("duplicates: strict "))
        .and_then(|l| l.split(',').next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no duplicates line:\n{text}"));
    let figures = if extra.is_empty() {
        f1("figures ")
    } else {
        0.0
    };
    (f1("entities (strict)"), figures, dups, text)
}

#[test]
#[ignore = "needs ../shared and python3: run by .ci/run"]
fn reader_mode_meets_the_floor() {
    let dir = shared().join("html");
    let system = format!("{} {{}}", env!("CARGO_BIN_EXE_factlens"));
    let out = Command::new("python3")
        .arg(dir.join("score_snippets.py"))
        .arg("--json")
        .arg(&system)
        .output()
        .expect("python3 must be installed to run the evaluation");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("scorer JSON");
    let t = &v["totals"];
    let (f1, p) = (t["f1"].as_f64().unwrap(), t["precision"].as_f64().unwrap());
    // Reached 0.943 / 0.933 (issue 13 asks for 0.94 / 0.92).
    assert!(f1 >= 0.935, "reader-mode snippet F1 {f1} is below 0.935");
    assert!(p >= 0.92, "reader-mode snippet precision {p} is below 0.92");
    assert_eq!(t["failures"], 0, "{v}");
}

#[test]
#[ignore = "needs ../shared and python3: run by .ci/run"]
fn news_articles_meet_the_floor() {
    let (ent, fig, dups, text) = score(&[]);
    eprintln!("news: entities strict F1 {ent}%, figures F1 {fig}%, duplicates {dups}");
    assert!(ent >= 91.0, "entity strict F1 {ent}% is below 91%");
    // Organizations are the hardest kind: their recall has a floor of its own.
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("organization "))
        .unwrap_or_else(|| panic!("no organization line in scorer output:\n{text}"));
    let cols: Vec<&str> = line.split_whitespace().collect();
    let recall: f64 = cols[cols.len() - 2]
        .trim_end_matches('%')
        .parse()
        .unwrap_or_else(|_| panic!("bad line: {line}"));
    eprintln!("news: organization recall {recall}%");
    assert!(recall >= 80.0, "organization recall {recall}% is below 80%");
    assert!(fig >= 97.0, "figure F1 {fig}% is below 97%");
    assert!(dups <= 2, "{dups} duplicates on 5 articles");
}

#[test]
#[ignore = "needs ../shared and python3: run by .ci/run"]
fn gum_meets_the_floor() {
    let gum = shared().join("gum");
    let gold = gum.join("gold");
    let texts = gum.join("articles");
    let (ent, _, _, _) = score(&[
        "--gold-dir",
        gold.to_str().unwrap_or(""),
        "--texts",
        texts.to_str().unwrap_or(""),
    ]);
    eprintln!("GUM: entities strict F1 {ent}%");
    assert!(
        ent >= GUM_FLOOR,
        "GUM entity strict F1 {ent}% is below {GUM_FLOOR}%"
    );
}

const GUM_FLOOR: f64 = 77.5;

/// The counts of one `score.py` result (`score_all.py --json`) in the Rust
/// scorer's terms.
fn python_score(result: &Value) -> eval::Score {
    let n = |v: &Value, key: &str| -> usize {
        v.get(key).map_or(0, |x| {
            x.as_u64()
                .unwrap_or_else(|| panic!("{key} is not a count: {x}")) as usize
        })
    };
    let counts = |v: &Value| eval::Counts {
        tp: n(v, "tp"),
        fp: n(v, "fp"),
        fn_: n(v, "fn"),
    };
    let entities = |v: &Value| eval::EntityScore {
        counts: counts(v),
        per_kind: eval::SCORED_KINDS.map(|k| {
            v.get("per_kind")
                .map_or_else(eval::Counts::default, |p| counts(&p[k]))
        }),
        duplicates: n(v, "duplicates"),
        wrong_kind: n(v, "wrong_kind"),
        ignored: n(v, "ignored"),
    };
    let figures = &result["figures"];
    eval::Score {
        strict: entities(&result["entities_strict"]),
        lenient: entities(&result["entities_lenient"]),
        figures: eval::FigureScore {
            counts: counts(figures),
            kind_correct: n(figures, "kind_correct"),
            ignored: n(figures, "ignored"),
        },
    }
}

#[test]
#[ignore = "needs ../shared and python3: run by .ci/run"]
fn rust_scorer_agrees_with_python_on_the_vendored_set() {
    let eval_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval");
    let (gold, texts) = (eval_dir.join("gold"), eval_dir.join("articles"));
    let text = score_all(&[
        "--json",
        "--gold-dir",
        gold.to_str().unwrap_or(""),
        "--texts",
        texts.to_str().unwrap_or(""),
    ]);
    let python: Value = serde_json::from_str(&text).expect("score_all.py --json prints JSON");
    let rows = python["articles"].as_array().expect("an article list");
    let set = eval::vendored();
    assert_eq!(
        rows.len(),
        set.len(),
        "Python scored other articles:\n{text}"
    );
    let (mut strict, mut figures) = (eval::Counts::default(), eval::Counts::default());
    for (row, (name, gold, article)) in rows.iter().zip(&set) {
        assert_eq!(row["gold"], name.as_str());
        assert_eq!(row["error"], Value::Null, "{name}: {}", row["error"]);
        assert_eq!(
            Path::new(row["path"].as_str().unwrap_or("")),
            article,
            "{name}: Python read another copy of the article"
        );
        let ours = eval::score(gold, &eval::extract_json(article));
        assert_eq!(
            ours,
            python_score(&row["result"]),
            "{name}: Rust (left) and Python (right) differ"
        );
        strict.add(ours.strict.counts);
        figures.add(ours.figures.counts);
    }
    let totals = &python["totals"];
    for (label, ours, theirs) in [
        ("entities (strict)", strict, &totals["entities_strict"]),
        ("figures", figures, &totals["figures"]),
    ] {
        let f1 = theirs["f1"].as_f64().expect("an F1");
        eprintln!(
            "{label}: {ours:?} F1 {:.1}% (Python {:.1}%)",
            100.0 * ours.f1(),
            100.0 * f1
        );
        assert!(
            (ours.f1() - f1).abs() < 1e-12,
            "{label}: F1 {} vs Python {f1}",
            ours.f1()
        );
    }
}

#[test]
#[ignore = "needs ../shared: run by .ci/run"]
fn vendored_set_is_a_copy_of_the_shared_one() {
    let (shared, ours) = (
        shared(),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval"),
    );
    let read = |p: &Path| std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    for (name, gold, _) in eval::vendored() {
        let article = gold["article"].as_str().unwrap_or("");
        for file in [format!("articles/{article}"), format!("gold/{name}")] {
            assert!(
                read(&ours.join(&file)) == read(&shared.join(&file)),
                "tests/eval/{file} differs from ../shared/eval/{file}: copy it again \
                 (and check tests/eval/SOURCES.md)"
            );
        }
        let license = gold["license"].as_str().unwrap_or("");
        assert!(license.starts_with("CC BY"), "{name}: license {license:?}");
    }
}
