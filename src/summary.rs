//! What a library shows of an article before it is opened: title, byline,
//! length, the most mentioned entities and every entity's names (for facts
//! across articles). Pure; reading the files is the runner's job.

use crate::document::Document;
use crate::extract::{Entity, Facts};

/// Words per minute for the reading-time estimate.
const WORDS_PER_MINUTE: usize = 230;

#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub words: usize,
    /// The most mentioned people, organizations and places.
    pub top: Vec<String>,
    /// Every entity: canonical name and aliases, lower-cased, for matching
    /// across articles.
    pub names: Vec<Vec<String>>,
}

impl Summary {
    pub fn new(doc: &Document, facts: &Facts) -> Summary {
        let mut ranked: Vec<&Entity> = facts.entities.iter().collect();
        ranked.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
        Summary {
            title: doc.title().map(str::to_string),
            byline: doc.byline().map(str::to_string),
            words: doc.word_count(),
            top: ranked.iter().take(3).map(|e| e.name.clone()).collect(),
            names: facts
                .entities
                .iter()
                .map(|e| names_of(&e.name, &e.aliases))
                .collect(),
        }
    }

    pub fn reading_minutes(&self) -> usize {
        self.words.div_ceil(WORDS_PER_MINUTE).max(1)
    }

    /// Does the article name an entity going by any of `names`?
    pub fn mentions(&self, names: &[String]) -> bool {
        self.names
            .iter()
            .any(|n| n.iter().any(|a| names.contains(a)))
    }
}

/// The names an entity goes by, lower-cased.
pub fn names_of(name: &str, aliases: &[String]) -> Vec<String> {
    let mut v: Vec<String> = std::iter::once(name)
        .chain(aliases.iter().map(String::as_str))
        .map(str::to_lowercase)
        .collect();
    v.sort();
    v.dedup();
    v
}
