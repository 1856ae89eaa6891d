//! What the reader navigates: facts grouped into targets (an entity with all
//! its mentions, or a figure with all occurrences of the same text), the
//! sidebar's sections, and one sorted list of highlights for drawing and for
//! stepping through facts in reading order.
//!
//! Built once per document; every lookup during drawing or jumping is a
//! binary search, never a scan of the text.

use std::collections::HashMap;
use std::ops::Range;

use crate::document::Document;
use crate::extract::{EntityKind, Facts, Figure, FigureKind};

/// A sidebar section, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    People,
    Organizations,
    Places,
    Figures,
    Dates,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::People,
        Section::Organizations,
        Section::Places,
        Section::Figures,
        Section::Dates,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Section::People => "People",
            Section::Organizations => "Organizations",
            Section::Places => "Places",
            Section::Figures => "Figures",
            Section::Dates => "Dates",
        }
    }

    /// The word the status line uses for a target of this section.
    pub fn label(self) -> &'static str {
        match self {
            Section::People => "PERSON",
            Section::Organizations => "ORGANIZATION",
            Section::Places => "PLACE",
            Section::Figures => "FIGURE",
            Section::Dates => "DATE",
        }
    }
}

/// One thing the reader can select: an entity, or a figure text.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    pub section: Section,
    pub name: String,
    /// Other names of an entity ("Putin" for "Vladimir Putin").
    pub aliases: Vec<String>,
    /// Byte ranges of every occurrence, sorted.
    pub mentions: Vec<Range<usize>>,
    /// For figures: a short piece of the sentence around the first occurrence.
    pub context: Option<String>,
    /// For figures: what the figure counts or measures ("uranium" of "30% of
    /// its uranium"), when its text does not say it.
    pub about: Option<String>,
    /// For figures: what the text was read as, in labelled lines for the
    /// fact card: kind, value and unit, range, metric conversion, what it
    /// counts, date.
    pub details: Vec<(&'static str, String)>,
}

/// A highlight in the text: which target it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Highlight {
    pub range: Range<usize>,
    pub target: usize,
}

#[derive(Clone, Debug, Default)]
pub struct FactIndex {
    pub targets: Vec<Target>,
    /// Every mention of every target, sorted by start, non-overlapping.
    pub highlights: Vec<Highlight>,
}

fn section_of_entity(k: EntityKind) -> Section {
    match k {
        EntityKind::Person => Section::People,
        EntityKind::Organization => Section::Organizations,
        EntityKind::Place => Section::Places,
    }
}

/// Characters of sentence kept on each side of a figure in the sidebar.
const CONTEXT_CHARS: usize = 34;

/// "…oil imports going to China…": the words after the figure, or before it
/// when the figure ends its sentence.
fn context(text: &str, fig: &Range<usize>, sentence: &Range<usize>) -> String {
    // Table cells are joined by " │ " in the text: the bars are not words.
    let squash = |s: &str| {
        s.split_whitespace()
            .filter(|w| *w != "│")
            .collect::<Vec<_>>()
            .join(" ")
    };
    let after = squash(&text[fig.end..sentence.end.max(fig.end)]);
    let after = after.trim_start_matches(|c: char| c.is_ascii_punctuation() && c != '$');
    let take = |s: &str, from_end: bool| -> String {
        let chars: Vec<char> = s.chars().collect();
        if chars.len() <= CONTEXT_CHARS {
            return s.trim().to_string();
        }
        if from_end {
            let t: String = chars[chars.len() - CONTEXT_CHARS..].iter().collect();
            let t = t.split_once(' ').map(|x| x.1).unwrap_or(&t);
            format!("…{t}")
        } else {
            let t: String = chars[..CONTEXT_CHARS].iter().collect();
            let t = t.rsplit_once(' ').map(|x| x.0).unwrap_or(&t);
            format!(
                "{}…",
                t.trim_end_matches(|c: char| c.is_ascii_punctuation())
            )
        }
    };
    if after.chars().filter(|c| c.is_alphanumeric()).count() >= 8 {
        format!("…{}", take(after.trim(), false).trim_start())
    } else {
        let before = squash(&text[sentence.start.min(fig.start)..fig.start]);
        format!("{}…", take(before.trim(), true))
    }
}

/// Is the figure worth a row and a highlight? Spelled-out ordinals ("the
/// first trip", "a second round") are mostly discourse, not facts a reader
/// looks up; they stay in `--json`.
fn shown(text: &str, f: &Figure) -> bool {
    !(f.kind == FigureKind::Ordinal && text[f.range.clone()].starts_with(char::is_alphabetic))
}

/// "11 km", "10–12 m": a converted value with three significant digits and
/// the unit scaled to suit it (11,000 m is 11 km).
fn metric_text(value: f64, high: Option<f64>, unit: &str) -> String {
    let (factor, unit) = match unit {
        "m" if value.abs() >= 1000.0 => (1e-3, "km"),
        "kg" if value.abs() >= 1000.0 => (1e-3, "t"),
        "g" if value.abs() >= 1000.0 => (1e-3, "kg"),
        "l" if value.abs() >= 1e6 => (1e-6, "ML"),
        _ => (1.0, unit),
    };
    let round = |v: f64| {
        let v = v * factor;
        let digits = (3 - v.abs().max(1e-9).log10().floor() as i32 - 1).max(0) as usize;
        let s = format!("{v:.digits$}");
        let s = if s.contains('.') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        };
        group_thousands(&s)
    };
    match high {
        Some(h) => format!("{}–{} {unit}", round(value), round(h)),
        None => format!("{} {unit}", round(value)),
    }
}

/// "12345.6" as "12,345.6".
fn group_thousands(s: &str) -> String {
    let (sign, s) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = s.split_once('.').map_or((s, None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// "2,100,000,000": a parsed value without float noise, digits grouped.
fn number_text(v: f64) -> String {
    group_thousands(&crate::extract::numbers::tidy(v).to_string())
}

/// The card's lines for a figure: what it was read as.
fn figure_details(text: &str, f: &Figure) -> Vec<(&'static str, String)> {
    let mut lines = vec![("kind", f.kind.name().to_string())];
    let with_unit = |v: f64| match (f.kind, f.unit) {
        (FigureKind::Percent, _) => format!("{} ({}%)", number_text(v), number_text(v * 100.0)),
        (_, Some(unit)) => format!("{} {unit}", number_text(v)),
        (_, None) => number_text(v),
    };
    if let Some(v) = f.value {
        lines.push(("value", with_unit(v)));
        if let Some(h) = f.high {
            let unit = f.unit.map(|u| format!(" {u}")).unwrap_or_default();
            lines.push((
                "range",
                format!("{}–{}{unit}", number_text(v), number_text(h)),
            ));
        }
    }
    if let Some((value, high, unit)) = f.metric() {
        lines.push(("metric", metric_text(value, high, unit)));
    }
    if let Some(counted) = &f.counted {
        lines.push(("counts", text[counted.clone()].to_lowercase()));
    }
    if let Some(date) = &f.date {
        lines.push(("date", date.clone()));
    }
    lines
}

impl FactIndex {
    pub fn new(doc: &Document, facts: &Facts) -> FactIndex {
        let mut targets: Vec<Target> = facts
            .entities
            .iter()
            .map(|e| Target {
                section: section_of_entity(e.kind),
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                mentions: e.mentions.clone(),
                context: None,
                about: None,
                details: Vec::new(),
            })
            .collect();
        // Figures with the same text and meaning ("2022" three times) are
        // one target; "20%" of oil and "20%" of trade are two.
        let mut by_text: HashMap<(Section, String, Option<String>), usize> = HashMap::new();
        for f in facts.figures.iter().filter(|f| shown(&doc.text, f)) {
            let section = if f.kind == FigureKind::Date {
                Section::Dates
            } else {
                Section::Figures
            };
            let text = &doc.text[f.range.clone()];
            let mut name = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if let Some((value, high, unit)) = f.metric() {
                name = format!("{name} ({})", metric_text(value, high, unit));
            }
            let about = f
                .counted
                .clone()
                .filter(|r| !f.range.contains(&r.start))
                .map(|r| doc.text[r].to_lowercase());
            let key = (section, name.to_lowercase(), about.clone());
            let i = *by_text.entry(key).or_insert_with(|| {
                targets.push(Target {
                    section,
                    name,
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                    context: Some(context(&doc.text, &f.range, &f.sentence)),
                    about,
                    details: figure_details(&doc.text, f),
                });
                targets.len() - 1
            });
            targets[i].mentions.push(f.range.clone());
        }
        let mut highlights: Vec<Highlight> = targets
            .iter()
            .enumerate()
            .flat_map(|(t, target)| {
                target.mentions.iter().map(move |r| Highlight {
                    range: r.clone(),
                    target: t,
                })
            })
            .filter(|h| !h.range.is_empty())
            .collect();
        highlights.sort_by_key(|h| (h.range.start, std::cmp::Reverse(h.range.end)));
        // Keep the first of any overlapping pair so drawing never doubles up.
        let mut end = 0;
        highlights.retain(|h| {
            let keep = h.range.start >= end;
            if keep {
                end = h.range.end;
            }
            keep
        });
        FactIndex {
            targets,
            highlights,
        }
    }

    /// Highlights intersecting `range`, in order.
    pub fn highlights_in(&self, range: Range<usize>) -> &[Highlight] {
        let from = self
            .highlights
            .partition_point(|h| h.range.end <= range.start);
        let to = from + self.highlights[from..].partition_point(|h| h.range.start < range.end);
        &self.highlights[from..to]
    }

    /// The highlight containing byte `offset`.
    pub fn highlight_at(&self, offset: usize) -> Option<&Highlight> {
        self.highlights_in(offset..offset + 1).first()
    }

    /// Does `target` have a mention inside `range`?
    pub fn mentioned_in(&self, target: usize, range: Range<usize>) -> bool {
        let m = &self.targets[target].mentions;
        let i = m.partition_point(|r| r.end <= range.start);
        i < m.len() && m[i].start < range.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_prefers_words_after_the_figure() {
        let t = "Today, with nearly 20% of oil imports going to China, Moscow has surpassed Saudi Arabia.";
        let f = t.find("20%").unwrap();
        let c = context(t, &(f..f + 3), &(0..t.len()));
        assert_eq!(c, "…of oil imports going to China…");
        let t = "Paris │ France │ 2,102,650 │ The capital of France";
        let f = t.find("2,102,650").unwrap();
        assert_eq!(
            context(t, &(f..f + 9), &(0..t.len())),
            "…The capital of France",
            "table bars are not words"
        );
        let t = "Trade grew by 26%.";
        let f = t.find("26%").unwrap();
        assert_eq!(context(t, &(f..f + 3), &(0..t.len())), "Trade grew by…");
    }

    fn figure_rows(text: &str) -> Vec<(String, Option<String>, usize)> {
        let doc = crate::document::load_plain(text);
        let facts = crate::extract::extract(&doc);
        FactIndex::new(&doc, &facts)
            .targets
            .into_iter()
            .filter(|t| matches!(t.section, Section::Figures | Section::Dates))
            .map(|t| (t.name, t.about, t.mentions.len()))
            .collect()
    }

    #[test]
    fn the_seed_has_no_bare_two_and_no_first() {
        let rows = figure_rows(include_str!("../assets/seed.txt"));
        assert!(
            !rows
                .iter()
                .any(|(name, _, _)| name == "two" || name == "first"),
            "{rows:?}"
        );
        assert!(rows.iter().any(|(name, _, _)| name == "43rd"), "{rows:?}");
    }

    #[test]
    fn a_figure_row_says_what_it_measures_and_converts_units() {
        let rows = figure_rows(
            "Oil rose 20% of its output. Trade rose 20% of its value. Oil rose 20% of its output. \
             They flew at 36,000ft over 1,000km.\n",
        );
        let find = |name: &str| rows.iter().filter(|r| r.0 == name).collect::<Vec<_>>();
        let pct = find("20%");
        assert_eq!(pct.len(), 2, "{rows:?}");
        assert!(
            pct.contains(&&("20%".into(), Some("output".into()), 2)),
            "{rows:?}"
        );
        assert!(
            pct.contains(&&("20%".into(), Some("value".into()), 1)),
            "{rows:?}"
        );
        assert_eq!(find("36,000ft (11 km)").len(), 1, "{rows:?}");
        assert_eq!(find("1,000km").len(), 1, "{rows:?}");
    }

    #[test]
    fn a_figure_target_says_what_it_was_read_as() {
        let text = "They flew 8–10 miles with 162 passengers. Oil rose 20%.\n";
        let doc = crate::document::load_plain(text);
        let facts = crate::extract::extract(&doc);
        let index = FactIndex::new(&doc, &facts);
        let details = |name: &str| {
            index
                .targets
                .iter()
                .find(|t| t.name.starts_with(name))
                .unwrap_or_else(|| panic!("no {name} in {:?}", index.targets))
                .details
                .clone()
        };
        let miles = details("8–10 miles");
        assert_eq!(miles[0], ("kind", "quantity".to_string()), "{miles:?}");
        assert!(miles.contains(&("value", "8 mi".into())), "{miles:?}");
        assert!(miles.contains(&("range", "8–10 mi".into())), "{miles:?}");
        assert!(
            miles.contains(&("metric", "12.9–16.1 km".into())),
            "{miles:?}"
        );
        let people = details("162 passengers");
        assert!(
            people.contains(&("counts", "passengers".into())),
            "{people:?}"
        );
        assert!(people.contains(&("value", "162".into())), "{people:?}");
        let pct = details("20%");
        assert!(pct.contains(&("value", "0.2 (20%)".into())), "{pct:?}");
        let entities_only = FactIndex::new(
            &doc,
            &crate::extract::Facts {
                entities: facts.entities.clone(),
                ..Default::default()
            },
        );
        assert!(entities_only.targets.iter().all(|t| t.details.is_empty()));
    }

    #[test]
    fn converted_values_are_rounded_and_scaled() {
        assert_eq!(metric_text(10972.8, None, "m"), "11 km");
        assert_eq!(metric_text(653.756, None, "km/h"), "654 km/h");
        assert_eq!(metric_text(0.5, Some(1.25), "kg"), "0.5–1.25 kg");
        assert_eq!(metric_text(123456.0, None, "km"), "123,456 km");
    }
}
