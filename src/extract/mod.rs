//! Facts: the people, organizations, places and figures an article names.
//!
//! (Being implemented: see issue 3.)

use std::ops::Range;

use crate::document::Document;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Organization,
    Place,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub kind: EntityKind,
    /// The fullest form, e.g. "Vladimir Putin".
    pub name: String,
    /// Other surface forms seen ("Putin", "President Putin").
    pub aliases: Vec<String>,
    /// Every mention, as byte ranges into `Document::text`, sorted.
    pub mentions: Vec<Range<usize>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FigureKind {
    Percent,
    Money,
    Quantity,
    Date,
    Count,
    Ordinal,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub kind: FigureKind,
    pub range: Range<usize>,
    /// The sentence the figure belongs to (byte range into the text).
    pub sentence: Range<usize>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    /// Sorted by first mention.
    pub entities: Vec<Entity>,
    /// Sorted by position.
    pub figures: Vec<Figure>,
}

pub fn extract(_doc: &Document) -> Facts {
    Facts::default()
}
