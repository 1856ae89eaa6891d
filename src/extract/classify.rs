//! Evidence for the kind of a candidate name: gazetteer hits plus context
//! cues (titles, organization and place suffixes, verbs of saying,
//! prepositions of place). Evidence is summed over all mentions of an entity.

use std::ops::{AddAssign, Range};

use super::gazetteer::{self as gz, Hit};
use super::tokenize::TokKind;
use super::{Prepared, Sent};
use crate::document::BlockKind;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Evidence {
    pub person: f32,
    pub org: f32,
    pub place: f32,
}

impl AddAssign for Evidence {
    fn add_assign(&mut self, o: Evidence) {
        self.person += o.person;
        self.org += o.org;
        self.place += o.place;
    }
}

impl Evidence {
    pub fn total(&self) -> f32 {
        self.person + self.org + self.place
    }
}

const SAYING: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "explained",
    "wrote",
    "argued",
    "noted",
    "claimed",
    "announced",
    "asked",
    "replied",
    "insisted",
    "warned",
    "believes",
    "thinks",
    "recalled",
    "testified",
    "tweeted",
    "admitted",
    "suggested",
    "urged",
    "declared",
    "commented",
];
const PLACE_PREPS: &[&str] = &[
    "in",
    "from",
    "near",
    "at",
    "across",
    "throughout",
    "outside",
    "inside",
    "towards",
    "toward",
    "into",
    "visited",
    "via",
    "around",
];

/// Could `w` be part of a personal name? Rejects words shaped like English
/// content words ("Learning", "Relativism", "Objectives") and country or
/// region names, unless a name list knows the word.
fn name_like(h: Hit, w: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "tion", "sion", "ment", "ness", "ity", "ism", "ive", "ives", "ary", "ory", "ance", "ence",
        "ics", "ure", "ship", "ogy", "ical", "ful", "less", "ous", "ists", "ies",
    ];
    if h.has(gz::GIVEN | gz::SURNAME) {
        return true;
    }
    if h.has(gz::COUNTRY | gz::REGION | gz::PLACE_WELL_KNOWN) {
        return false;
    }
    let ends = |suf: &str| w.len() > suf.len() + 2 && w.ends_with(suf);
    // "-ing" only on long words: "Processing" is a noun, "Jinping" a name.
    let gerund = w.len() >= 9 && w.ends_with("ing");
    !(gerund
        || SUFFIXES.iter().any(|s| ends(s))
        || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")))
}

/// "in X", "from X": a place, unless something says otherwise.
const PREP_CUE: f32 = 1.0;

const DIRECTIONS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northwest",
    "Northeast",
    "Southwest",
    "Southeast",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Upper",
    "Lower",
    "Greater",
];
const PERSON_CONNECTORS: &[&str] = &[
    "bin", "ibn", "van", "von", "de", "da", "del", "der", "al", "el", "dos",
];

#[allow(clippy::too_many_arguments)]
pub fn evidence(
    p: &Prepared,
    sent: &Sent,
    words: &[usize],
    key: &str,
    hit: Hit,
    title: bool,
    plain: bool,
    seen_lower: bool,
    sr: Range<usize>,
) -> Evidence {
    let mut e = Evidence::default();
    let w = |k: usize| p.toks[k].text(p.text);
    let first = words[0];
    let last = *words.last().unwrap_or(&first);
    let name_toks: Vec<usize> = words
        .iter()
        .copied()
        .filter(|&k| p.toks[k].kind() == TokKind::Word && p.toks[k].cap())
        .collect();
    let name_words: Vec<&str> = name_toks.iter().map(|&k| w(k)).collect();
    let multi = name_words.len() > 1;
    // A whole-name hit in the curated lists outweighs any single cue.
    if hit.has(gz::ORG) {
        e.org += 8.0;
    }
    if hit.has(gz::COUNTRY | gz::PLACE_WELL_KNOWN) {
        e.place += 8.0;
    } else if hit.has(gz::REGION | gz::MAJOR_CITY) {
        e.place += 3.0;
    } else if hit.has(gz::CITY) && !seen_lower {
        // A town that is also a personal name ("Martin", "Navarro") is weak evidence.
        e.place += if hit.has(gz::GIVEN | gz::SURNAME) {
            0.5
        } else {
            3.0
        };
    }
    if title {
        e.person += 6.0;
    }
    let lf = p.hit(last).flags;
    let ff = p.hit(first).flags;
    if multi && lf & gz::ORG_SUFFIX != 0 {
        // The head noun of a name decides over a place word before it
        // ("St. Andrews University", "British Library").
        e.org += 5.5;
    }
    let has_of = words.iter().any(|&k| w(k) == "of");
    // "Linguistic Society of America": an organization word before "of".
    if words
        .windows(2)
        .any(|p2| w(p2[1]) == "of" && p.hit(p2[0]).has(gz::ORG_SUFFIX))
        && ff & gz::ORG_HEAD == 0
    {
        e.org += 4.0;
    }
    if multi && ff & (gz::ORG_HEAD | gz::ORG_SUFFIX) != 0 && has_of {
        e.org += 4.0;
    }
    if multi && ff & gz::PLACE_SUFFIX != 0 && has_of {
        e.place += 4.0;
    }
    // "Kowloon West", "Pacific Northwest": a place and a compass direction.
    if multi
        && name_words.iter().any(|n| DIRECTIONS.contains(n))
        && name_toks
            .iter()
            .any(|&k| !DIRECTIONS.contains(&w(k)) && p.hit(k).has(gz::PLACE))
    {
        e.place += 3.0;
    }
    if multi && (lf & gz::PLACE_SUFFIX != 0 || ff & gz::PLACE_HEAD != 0) {
        e.place += 4.0;
    }
    if sent.block == BlockKind::Byline {
        e.person += 4.0;
    }
    // Right context: a verb of saying, ", who".
    let after = |n: usize| {
        p.toks
            .get(last + n)
            .filter(|_| last + n < sr.end)
            .map(|t| t.text(p.text))
    };
    if after(1).is_some_and(|s| SAYING.contains(&s)) {
        e.person += 2.0;
    }
    if after(1) == Some(",") && after(2) == Some("who") {
        e.person += 2.0;
    }
    // Citations: "Navarro (2010)", "Navarro, 2010", "Navarro 2010", "Navarro et al."
    let year_at =
        |n: usize| after(n).is_some_and(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()));
    if (after(1) == Some("(") && year_at(2))
        || (after(1) == Some(",") && year_at(2))
        || year_at(1)
        || (after(1) == Some("et") && after(2) == Some("al"))
    {
        e.person += 4.0;
    }
    // Left context: a preposition of place, "according to", a verb of saying.
    let before = |n: usize| first.checked_sub(n).filter(|&k| k >= sr.start).map(&w);
    let according =
        before(1) == Some("to") && before(2).is_some_and(|s| s.eq_ignore_ascii_case("according"));
    if before(1).is_some_and(|s| PLACE_PREPS.contains(&s)) && !according {
        e.place += PREP_CUE;
    }
    if according || before(1).is_some_and(|s| SAYING.contains(&s)) {
        e.person += 1.0;
    }
    // "Linguistic Society of America": an organization word before "of".
    if ff & gz::ORG_HEAD == 0
        && words
            .windows(2)
            .any(|p2| w(p2[1]) == "of" && p.hit(p2[0]).has(gz::ORG_SUFFIX))
    {
        e.org += 4.0;
    }
    // Name shapes.
    if multi {
        let f = p.hit(name_toks[0]);
        let given = f.has(gz::GIVEN) && p.flags(name_toks[0]) & gz::COMMON == 0;
        if given {
            e.person += 3.0;
            if p.hit(name_toks[name_toks.len() - 1]).has(gz::SURNAME) {
                e.person += 1.0;
            }
        }
        if words.iter().any(|&k| PERSON_CONNECTORS.contains(&w(k))) && given {
            e.person += 1.0;
        }
        // "Pittsburgh Pirates", "Kenya Law": a place name qualifying something else.
        if f.has(gz::COUNTRY | gz::REGION | gz::MAJOR_CITY | gz::PLACE_WELL_KNOWN)
            && !hit.has(gz::PLACE)
            && name_words.len() >= 2
            && name_words[name_words.len() - 1].ends_with('s')
            && p.hit(name_toks[1]).flags & (gz::PLACE | gz::PLACE_SUFFIX | gz::GIVEN | gz::SURNAME)
                == 0
        {
            e.org += 1.5;
        }
        // East Asian names: family name first, hyphenated given name ("Lee Cheuk-yan").
        if name_words.len() == 2
            && f.has(gz::SURNAME)
            && name_words[1]
                .split_once('-')
                .is_some_and(|(_, b)| b.chars().next().is_some_and(char::is_lowercase))
        {
            e.person += 2.0;
        }
        // Unknown capitalized words, none of them an everyday word: most often a name.
        if plain
            && e.total() == 0.0
            && name_words.len() <= 4
            && name_toks.iter().all(|&k| name_like(p.hit(k), w(k)))
        {
            e.person += 1.0;
        }
    } else if p.toks[first].allcaps() && key.len() <= 7 {
        // An unexplained acronym is an organization when used like one.
        if e.total() == 0.0
            && (before(1).is_some_and(|s| s.eq_ignore_ascii_case("the"))
                || after(1).is_some_and(|s| SAYING.contains(&s)))
        {
            e.org += 1.5;
        } else if e.total() == 0.0 {
            e.org += 0.5;
        }
    } else if hit.has(gz::GIVEN | gz::SURNAME) {
        e.person += 0.5;
    }
    e
}
