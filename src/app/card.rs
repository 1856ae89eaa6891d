//! The fact card: what factlens read about the selected fact, shown at the
//! foot of the sidebar: its name and kind, where the reader is among its
//! mentions, an entity's other names, and what a figure was read as
//! (value and unit, range, metric conversion, what it counts).
//!
//! Built here, not in `ui`, because the sidebar's list must know how many
//! rows the card takes to keep its cursor in view.

use super::{App, Reader, Section};

/// Rows of the marks' legend at the foot of the sidebar.
pub const LEGEND_ROWS: usize = 1;

/// The selected fact, as the card shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    pub section: Section,
    pub name: String,
    /// "person", "quantity", "date", ...
    pub kind: String,
    /// Labelled lines under the name: ("mention", "3 of 15"), ("aliases",
    /// "Putin"), ("value", "36,000 ft"), ...
    pub lines: Vec<(&'static str, String)>,
}

impl Card {
    /// Rows it takes when drawn whole: the name's row and one per line.
    pub fn rows(&self) -> usize {
        1 + self.lines.len()
    }
}

impl Reader {
    /// The card of the selected fact; `None` when nothing is selected.
    pub fn card(&self) -> Option<Card> {
        let target = self.index.targets.get(self.selected?)?;
        let n = target.mentions.len();
        let which = self
            .current
            .as_ref()
            .and_then(|c| target.mentions.iter().position(|m| m == c));
        let mut lines = vec![match which {
            Some(i) => ("mention", format!("{} of {n}", i + 1)),
            None => ("mentions", n.to_string()),
        }];
        let mut kind = target.section.label().to_lowercase();
        match target.section {
            Section::Figures | Section::Dates => {
                for (label, text) in &target.details {
                    if *label == "kind" {
                        kind = text.clone();
                    } else {
                        lines.push((label, text.clone()));
                    }
                }
            }
            _ => lines.push((
                "aliases",
                if target.aliases.is_empty() {
                    "none".to_string()
                } else {
                    target.aliases.join(", ")
                },
            )),
        }
        Some(Card {
            section: target.section,
            name: target.name.clone(),
            kind,
            lines,
        })
    }
}

/// How the sidebar's rows below its title are shared out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SidebarRows {
    pub list: usize,
    pub card: usize,
    pub legend: usize,
}

impl SidebarRows {
    /// The list keeps at least half of `body` rows; the legend shows when
    /// there are a few rows to spare.
    pub fn split(body: usize, card: Option<&Card>) -> SidebarRows {
        let legend = if body >= 6 { LEGEND_ROWS } else { 0 };
        let card = card.map_or(0, Card::rows).min((body - legend) / 2);
        SidebarRows {
            list: body - legend - card,
            card,
            legend,
        }
    }
}

impl App {
    /// The sidebar's rows below its title: list, card, legend.
    pub fn sidebar_rows(&self) -> SidebarRows {
        let body = usize::from(
            self.screen
                .sidebar(self.sidebar_docked())
                .height
                .saturating_sub(1),
        );
        SidebarRows::split(body, self.reader.card().as_ref())
    }
}
