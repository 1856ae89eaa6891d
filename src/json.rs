//! The `--json` output contract (see `../shared/eval/README.md`).

use serde_json::{Value, json};

use crate::document::Document;
use crate::extract::{EntityKind, Facts, FigureKind};

fn entity_kind(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Place => "place",
    }
}

fn figure_kind(k: FigureKind) -> &'static str {
    match k {
        FigureKind::Percent => "percent",
        FigureKind::Money => "money",
        FigureKind::Quantity => "quantity",
        FigureKind::Date => "date",
        FigureKind::Count => "count",
        FigureKind::Ordinal => "ordinal",
    }
}

/// Offsets are mapped back to the input as given through the source map.
pub fn to_json(doc: &Document, facts: &Facts) -> Value {
    let src = |o: usize| doc.source_map.to_source(o);
    let entities: Vec<Value> = facts
        .entities
        .iter()
        .map(|e| {
            json!({
                "name": e.name,
                "kind": entity_kind(e.kind),
                "aliases": e.aliases,
                "mentions": e.mentions.iter().map(|m| json!({
                    "start": src(m.start), "end": src(m.end), "text": &doc.text[m.clone()],
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let figures: Vec<Value> = facts
        .figures
        .iter()
        .map(|f| {
            json!({
                "text": &doc.text[f.range.clone()],
                "kind": figure_kind(f.kind),
                "start": src(f.range.start),
                "end": src(f.range.end),
                "sentence": {"start": src(f.sentence.start), "end": src(f.sentence.end)},
                "value": f.value,
                "unit": f.unit,
                "date": f.date,
            })
        })
        .collect();
    json!({
        "title": doc.title(),
        "byline": doc.byline(),
        "date": doc.date(),
        "entities": entities,
        "figures": figures,
    })
}
