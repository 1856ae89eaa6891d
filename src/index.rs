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
use crate::extract::{EntityKind, Facts, FigureKind};

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
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
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
            })
            .collect();
        // Figures with the same text ("2022" three times) are one target.
        let mut by_text: HashMap<(Section, String), usize> = HashMap::new();
        for f in &facts.figures {
            let section = if f.kind == FigureKind::Date {
                Section::Dates
            } else {
                Section::Figures
            };
            let name = doc.text[f.range.clone()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let i = *by_text.entry((section, name.clone())).or_insert_with(|| {
                targets.push(Target {
                    section,
                    name,
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                    context: Some(context(&doc.text, &f.range, &f.sentence)),
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
        let t = "Trade grew by 26%.";
        let f = t.find("26%").unwrap();
        assert_eq!(context(t, &(f..f + 3), &(0..t.len())), "Trade grew by…");
    }
}
