//! `factlens --explain NAME FILE`: why the recognizer decided what it did.

use std::io::{self, Write};

use crate::document::Document;
use crate::extract::{self, model::CLASSES};

/// How many features to list per candidate.
const TOP: usize = 12;

pub fn write(out: &mut impl Write, doc: &Document, name: &str) -> io::Result<()> {
    let rows = extract::explain(doc, name);
    if rows.is_empty() {
        writeln!(out, "no candidate name \"{name}\" in this article")?;
        return Ok(());
    }
    for r in rows {
        let kind = match &r.entity {
            Some((k, n)) => format!("{} (entity \"{n}\")", format!("{k:?}").to_lowercase()),
            None => "not an entity".to_string(),
        };
        writeln!(
            out,
            "\"{}\": {} mention{} -> {kind}",
            r.candidate,
            r.mentions.len(),
            if r.mentions.len() == 1 { "" } else { "s" }
        )?;
        let at: Vec<String> = r
            .mentions
            .iter()
            .take(8)
            .map(|m| format!("{}..{}", m.start, m.end))
            .collect();
        writeln!(out, "  at bytes {}", at.join(", "))?;
        let scores: Vec<String> = CLASSES
            .iter()
            .zip(r.probabilities)
            .map(|(c, p)| format!("{c} {p:.3}"))
            .collect();
        writeln!(out, "  scores: {}", scores.join("  "))?;
        if r.first_pass != r.probabilities {
            let first: Vec<String> = CLASSES
                .iter()
                .zip(r.first_pass)
                .map(|(c, p)| format!("{c} {p:.3}"))
                .collect();
            writeln!(
                out,
                "  from the name alone (first pass): {}",
                first.join("  ")
            )?;
        }
        writeln!(
            out,
            "  {:<40} {:>6} {:>8} {:>8} {:>8} {:>8}",
            "feature", "value", CLASSES[0], CLASSES[1], "org", CLASSES[3]
        )?;
        for (f, v, w) in r.features.iter().take(TOP) {
            writeln!(
                out,
                "  {:<40} {:>6.2} {:>8.3} {:>8.3} {:>8.3} {:>8.3}",
                f, v, w[0], w[1], w[2], w[3]
            )?;
        }
    }
    Ok(())
}
