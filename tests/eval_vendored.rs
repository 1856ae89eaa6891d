//! Scores the extraction on the vendored evaluation set (`tests/eval`: four
//! CC BY 2.5 Wikinews articles and their gold files) with a port of the shared
//! scorer, and fails below a floor a little under the scores reached. Needs
//! nothing beside the repository; `tests/eval_scores.rs` checks the port
//! against `../shared/eval/score_all.py`.

mod eval;

use eval::Counts;

/// Micro totals over the vendored set when the floors were set: strict
/// entities 119 tp / 22 fp / 31 fn (F1 81.8%), figures 59 / 1 / 0 (F1 99.2%),
/// no duplicates. Three entities of the wrong kind, or three more figure
/// errors, fail.
const ENTITY_FLOOR: f64 = 80.0;
const FIGURE_FLOOR: f64 = 97.0;
const MAX_DUPLICATES: usize = 1;

#[test]
fn vendored_articles_meet_the_floor() {
    let (mut entities, mut figures, mut duplicates) = (Counts::default(), Counts::default(), 0);
    let set = eval::vendored();
    assert_eq!(set.len(), 4, "tests/eval/gold should hold four gold files");
    for (name, gold, article) in set {
        let s = eval::score(&gold, &eval::extract_json(&article));
        eprintln!(
            "{name:<24} entities strict {:?} F1 {:.1}%, figures {:?} F1 {:.1}%, duplicates {}",
            s.strict.counts,
            100.0 * s.strict.counts.f1(),
            s.figures.counts,
            100.0 * s.figures.counts.f1(),
            s.strict.duplicates
        );
        entities.add(s.strict.counts);
        figures.add(s.figures.counts);
        duplicates += s.strict.duplicates;
    }
    let (ent, fig) = (100.0 * entities.f1(), 100.0 * figures.f1());
    eprintln!("total: entities strict {entities:?} F1 {ent:.1}%, figures {figures:?} F1 {fig:.1}%");
    assert!(
        ent >= ENTITY_FLOOR,
        "entity strict F1 {ent:.1}% is below {ENTITY_FLOOR}%"
    );
    assert!(
        fig >= FIGURE_FLOOR,
        "figure F1 {fig:.1}% is below {FIGURE_FLOOR}%"
    );
    assert!(
        duplicates <= MAX_DUPLICATES,
        "{duplicates} duplicates on the vendored articles (at most {MAX_DUPLICATES})"
    );
}

#[test]
fn scorer_rules() {
    use eval::{figure_texts_match, normalize};
    assert_eq!(normalize("  The  Kremlin’s "), "kremlin");
    assert_eq!(normalize("\"NASA.\""), "nasa");
    assert_eq!(normalize("Hong\nKong"), "hong kong");
    assert!(figure_texts_match("nearly 20%", "20%"));
    assert!(!figure_texts_match("2", "2022"));
    assert!(!figure_texts_match("", ""));
}
