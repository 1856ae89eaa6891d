//! Context cues of one mention, as a table of named tests. Each cue is a bit
//! of `Mention::cues`; the classifier sees, per candidate name, whether any
//! mention has the cue and in what share of its mentions. What a cue is worth
//! is learned (`model.rs`), not set here, except for the few that say a name
//! is one by the document's structure (`classify::Keys::structure`).

use std::cell::OnceCell;
use std::ops::Range;

use super::Prepared;
use super::gazetteer as gz;
use super::tokenize::TokKind;
use crate::document::BlockKind;

pub const SAYING: &[&str] = &[
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

/// Place, organization and person nouns (`noun_kind`).
const PLACE_NOUN: u8 = 1;
const ORG_NOUN: u8 = 2;
const PERSON_NOUN: u8 = 4;

/// What kind of thing a common noun names when it stands right before a
/// name, or before "of" and a name; 0 for any other word. A `match`, not a
/// list scan: it runs for every mention.
fn noun_kind(w: &str) -> u8 {
    match w {
        // "the village of Eyam", "the town of Banbury", "the river Severn"
        "village" | "villages" | "town" | "towns" | "city" | "cities" | "island" | "islands"
        | "river" | "rivers" | "lake" | "mount" | "mountain" | "mountains" | "province"
        | "provinces" | "region" | "district" | "districts" | "county" | "counties" | "country"
        | "capital" | "port" | "valley" | "desert" | "sea" | "bay" | "peninsula" | "suburb"
        | "suburbs" | "neighbourhood" | "neighborhood" | "municipality" | "commune" | "hamlet"
        | "settlement" | "borough" | "parish" | "prefecture" | "archipelago" | "coast"
        | "kingdom" | "emirate" | "oblast" | "canton" => PLACE_NOUN,
        // "the company Infosys", "the party Podemos", "the band Blur"
        "company" | "companies" | "firm" | "firms" | "corporation" | "party" | "parties"
        | "group" | "groups" | "band" | "team" | "teams" | "club" | "clubs" | "agency" | "bank"
        | "banks" | "newspaper" | "magazine" | "charity" | "network" | "union" | "ministry"
        | "brand" | "label" | "startup" | "retailer" | "airline" | "carrier" | "manufacturer"
        | "channel" | "website" | "platform" | "organization" | "organisation" | "foundation"
        | "association" | "federation" | "league" | "giant" | "conglomerate" | "insurer"
        | "automaker" | "carmaker" | "studio" | "outlet" | "tabloid" | "coalition" | "alliance"
        | "movement" | "faction" | "broadsheet" | "supermarket" | "chain" | "regulator"
        | "watchdog" => ORG_NOUN,
        // a role or relation: "rapper Drake", "his wife Mary", "striker Harry Kane"
        "actor" | "actress" | "singer" | "rapper" | "songwriter" | "writer" | "author"
        | "novelist" | "poet" | "artist" | "painter" | "sculptor" | "player" | "striker"
        | "midfielder" | "defender" | "goalkeeper" | "coach" | "spokesman" | "spokeswoman"
        | "spokesperson" | "lawyer" | "attorney" | "scientist" | "researcher" | "economist"
        | "analyst" | "journalist" | "reporter" | "photographer" | "businessman"
        | "businesswoman" | "entrepreneur" | "billionaire" | "politician" | "lawmaker"
        | "activist" | "student" | "teacher" | "son" | "daughter" | "wife" | "husband"
        | "brother" | "sister" | "mother" | "father" | "friend" | "colleague" | "victim"
        | "suspect" | "resident" | "founder" | "composer" | "musician" | "comedian"
        | "footballer" | "cyclist" | "boxer" | "athlete" | "veteran" | "director" | "filmmaker"
        | "architect" | "historian" | "philosopher" | "priest" | "monk" | "nun" | "pastor"
        | "rabbi" | "imam" | "uncle" | "aunt" | "cousin" | "grandson" | "granddaughter"
        | "nephew" | "niece" | "boyfriend" | "girlfriend" | "candidate" | "opponent"
        | "teammate" => PERSON_NOUN,
        _ => 0,
    }
}

/// What a cue test sees: the name's tokens and its sentence.
pub struct Ctx<'p, 'a> {
    pub p: &'p Prepared<'a>,
    pub block: BlockKind,
    /// First and last token of the name (without a title before it).
    pub first: usize,
    pub last: usize,
    pub title: Option<usize>,
    /// Token range of the sentence.
    pub sr: Range<usize>,
    /// Starts the sentence (or follows an opening quote or bracket).
    pub initial: bool,
    /// An acronym in brackets after a longer name ("(SCO)").
    pub bracketed: bool,
    /// [`Ctx::citation`], worked out once for the two cues that ask.
    pub citation: OnceCell<Citation>,
}

impl Ctx<'_, '_> {
    fn after(&self, n: usize) -> Option<&str> {
        self.tok(self.last + n)
    }

    fn before(&self, n: usize) -> Option<&str> {
        let start = self.title.unwrap_or(self.first);
        start
            .checked_sub(n)
            .filter(|&k| k >= self.sr.start)
            .map(|k| self.p.toks[k].text(self.p.text))
    }

    /// Is the word right before the name a noun of `kind` (`noun_kind`)?
    /// Or, for a place, the word before "of" and the name ("the town of
    /// X"; not "the party of Lincoln"). Not a capitalized word: "Bank X" or
    /// "Party X" is part of a name or a heading. Not before a title: in
    /// "county Sheriff X" the noun qualifies the title.
    fn noun_before(&self, kind: u8) -> bool {
        if self.title.is_some() {
            return false;
        }
        let is = |n: usize| self.before(n).is_some_and(|w| noun_kind(w) & kind != 0);
        is(1) || (kind == PLACE_NOUN && self.before(1) == Some("of") && is(2))
    }

    fn year_at(&self, n: usize) -> bool {
        self.after(n)
            .is_some_and(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
    }

    /// "according to X", "according to the X".
    fn according(&self) -> bool {
        let n = 1 + usize::from(
            self.before(1)
                .is_some_and(|s| s.eq_ignore_ascii_case("the")),
        );
        self.before(n) == Some("to")
            && self
                .before(n + 1)
                .is_some_and(|s| s.eq_ignore_ascii_case("according"))
    }

    fn single(&self) -> bool {
        self.first == self.last
    }

    fn tok(&self, k: usize) -> Option<&str> {
        (k < self.sr.end).then(|| self.p.toks[k].text(self.p.text))
    }

    /// Is the name inside brackets opened earlier in its sentence (within
    /// the 64 tokens before it: a citation is short, and a long sentence
    /// of names must not make this quadratic)?
    fn in_brackets(&self) -> bool {
        let start = self.title.unwrap_or(self.first);
        let mut depth = 0u32;
        for k in self.sr.start.max(start.saturating_sub(64))..start {
            match self.p.toks[k].text(self.p.text) {
                "(" | "[" => depth += 1,
                ")" | "]" => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        depth > 0
    }

    /// The name as an author of a citation, walking the list of authors
    /// after it to the year: "(Boot, Kramer, & Gratton, 2008)",
    /// "(Heidenreich & Turano 2011; …)", "Klingberg et al.", "Quilis
    /// (1964)".
    fn citation(&self) -> Citation {
        *self.citation.get_or_init(|| self.walk_citation())
    }

    fn walk_citation(&self) -> Citation {
        let year = |k: usize| self.tok(k).is_some_and(citation_year);
        let mut k = self.last + 1;
        for _ in 0..12 {
            match self.tok(k) {
                Some("et") if self.tok(k + 1) == Some("al") => return Citation::InBrackets,
                // Outside brackets ", 2010" is a date more often ("in
                // Paris, 2010 was ...").
                Some(",") if year(k + 1) => {
                    return if self.in_brackets() {
                        Citation::InBrackets
                    } else {
                        Citation::No
                    };
                }
                Some("(" | "[") if year(k + 1) => return Citation::Narrative,
                // "(Heidenreich & Turano 2011)": no comma, but brackets
                // and more than one author (from the first, or the last).
                Some(_)
                    if year(k)
                        && (k > self.last + 1 || self.after_author())
                        && self.in_brackets() =>
                {
                    return Citation::InBrackets;
                }
                Some("," | "&" | "and") => {
                    while matches!(self.tok(k), Some("," | "&" | "and")) {
                        k += 1;
                    }
                    // The next author: capitalized words, initials,
                    // hyphens and particles ("van der Berg").
                    let start = k;
                    while let Some(t) = self.tok(k).filter(|_| k - start <= 8) {
                        let tok = &self.p.toks[k];
                        let joins = match t {
                            "-" | "'" | "\u{2019}" => !tok.gap(),
                            "." => {
                                k > start
                                    && self.p.toks[k - 1].text(self.p.text).chars().count() == 1
                            }
                            _ => PARTICLES.contains(&t),
                        };
                        if !(joins || tok.kind() == TokKind::Word && tok.cap()) {
                            break;
                        }
                        k += 1;
                    }
                    if k == start || k - start > 8 {
                        return Citation::No;
                    }
                }
                _ => return Citation::No,
            }
        }
        Citation::No
    }

    /// Does an author list's separator come right before the name?
    fn after_author(&self) -> bool {
        matches!(self.before(1), Some("&" | "and" | ","))
    }

    /// An e-mail address right after the name that spells part of it
    /// ("Lotte Wilms lotte.wilms@kb.nl"): an author line.
    fn own_email(&self) -> bool {
        let end = self.p.toks[self.last].end();
        let rest = self.p.text[end..].trim_start_matches([' ', '\t', ',', '(', '<']);
        // An address is short: a long run without spaces is read no further.
        let addr_end = rest
            .char_indices()
            .find(|&(i, c)| c.is_whitespace() || i >= 128)
            .map_or(rest.len(), |(i, _)| i);
        let addr = &rest[..addr_end];
        let Some((local, _)) = addr.split_once('@') else {
            return false;
        };
        let local = local.to_lowercase();
        let name = &self.p.text[self.p.toks[self.first].start()..end];
        name.split([' ', '-'])
            .map(str::to_lowercase)
            .any(|w| w.len() >= 3 && local.contains(&w))
    }
}

/// Lower-case words inside a personal name ("van der Berg").
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "del", "dos",
];

#[derive(Clone, Copy, PartialEq)]
pub enum Citation {
    No,
    /// "Quilis (1964)": a name in running text.
    Narrative,
    /// Inside a bracketed citation, or "et al.".
    InBrackets,
}

/// A year as citations write it: "2010", "2010a".
fn citation_year(s: &str) -> bool {
    let d = s.trim_end_matches(|c: char| c.is_ascii_lowercase());
    s.len() - d.len() <= 1
        && d.len() == 4
        && d.bytes().all(|b| b.is_ascii_digit())
        && ("1500"..="2099").contains(&d)
}

pub struct Cue {
    pub name: &'static str,
    pub test: fn(&Ctx) -> bool,
}

/// The cues. Order fixes the bits (at most 30: `Mention` keeps two for
/// itself); names are what the model file uses.
pub const CUES: &[Cue] = &[
    Cue {
        name: "title",
        test: |c| c.title.is_some(),
    },
    Cue {
        name: "byline",
        test: |c| c.block == BlockKind::Byline,
    },
    Cue {
        // A byline that says it is one ("By Jane Doe", "Photos by Jane
        // Doe"), not a short line of capitalized words after the title
        // ("Learning Objectives").
        name: "byline_by",
        test: |c| {
            c.block == BlockKind::Byline
                && (c.sr.start..c.title.unwrap_or(c.first))
                    .any(|k| c.p.toks[k].text(c.p.text).eq_ignore_ascii_case("by"))
        },
    },
    Cue {
        name: "heading",
        test: |c| matches!(c.block, BlockKind::Title | BlockKind::Heading),
    },
    Cue {
        name: "sentence_start",
        test: |c| c.initial,
    },
    Cue {
        name: "saying_after",
        test: |c| c.after(1).is_some_and(|s| SAYING.contains(&s)),
    },
    Cue {
        name: "who_after",
        test: |c| c.after(1) == Some(",") && c.after(2) == Some("who"),
    },
    Cue {
        // "Navarro (2010)", "Navarro, 2010", "Navarro et al."
        name: "citation",
        test: |c| {
            (c.after(1) == Some("(") && c.year_at(2))
                || (c.after(1) == Some(",") && c.year_at(2))
                || (c.after(1) == Some("et") && c.after(2) == Some("al"))
        },
    },
    Cue {
        // An author in a bracketed citation or before "et al.".
        name: "cited",
        test: |c| c.citation() == Citation::InBrackets,
    },
    Cue {
        name: "cited_in_text",
        test: |c| c.citation() == Citation::Narrative,
    },
    Cue {
        name: "own_email",
        test: |c| c.own_email(),
    },
    Cue {
        name: "place_preposition",
        test: |c| c.before(1).is_some_and(|s| PLACE_PREPS.contains(&s)) && !c.according(),
    },
    Cue {
        name: "according_to",
        test: |c| c.according(),
    },
    Cue {
        name: "saying_before",
        test: |c| c.before(1).is_some_and(|s| SAYING.contains(&s)),
    },
    Cue {
        name: "the_before",
        test: |c| c.before(1).is_some_and(|s| s.eq_ignore_ascii_case("the")),
    },
    Cue {
        name: "possessive",
        test: |c| c.p.toks[c.last].possessive(),
    },
    Cue {
        // "Shanghai Cooperation Organization (SCO)"
        name: "defines_acronym",
        test: |c| {
            c.after(1) == Some("(")
                && c.after(3) == Some(")")
                && c.p.toks[c.last + 2].kind() == TokKind::Word
                && c.p.toks[c.last + 2].allcaps()
        },
    },
    Cue {
        name: "bracketed_acronym",
        test: |c| c.bracketed,
    },
    Cue {
        // "the Senate", "the Army": an institution named by its head noun.
        name: "institution",
        test: |c| {
            c.single()
                && c.p.hit(c.first).has(gz::ORG_SUFFIX | gz::ORG_HEAD)
                && c.before(1) == Some("the")
        },
    },
    Cue {
        name: "year_after",
        test: |c| c.year_at(1),
    },
    Cue {
        name: "number_after",
        test: |c| c.last + 1 < c.sr.end && c.p.toks[c.last + 1].kind() == TokKind::Num,
    },
    Cue {
        name: "comma_after",
        test: |c| c.after(1) == Some(","),
    },
    Cue {
        name: "and_between_names",
        test: |c| {
            (c.after(1) == Some("and") && c.last + 2 < c.sr.end && c.p.toks[c.last + 2].cap())
                || (c.before(1) == Some("and")
                    && c.first >= c.sr.start + 2
                    && c.p.toks[c.first - 2].cap())
        },
    },
    Cue {
        name: "place_noun_before",
        test: |c| c.noun_before(PLACE_NOUN),
    },
    Cue {
        name: "org_noun_before",
        test: |c| c.noun_before(ORG_NOUN),
    },
    Cue {
        name: "person_noun_before",
        test: |c| c.noun_before(PERSON_NOUN),
    },
    Cue {
        // "a degree in International Relations", "studied Political
        // Science": a field of study, capitalized as a subject.
        name: "field_of_study",
        test: |c| {
            const STUDY: &[&str] = &[
                "degree",
                "degrees",
                "phd",
                "doctorate",
                "diploma",
                "major",
                "masters",
                "bachelors",
                "ba",
                "bsc",
                "msc",
                "ma",
                "certificate",
                "majored",
                "majoring",
                "studied",
                "studying",
                "graduated",
            ];
            // No allocation: this runs for every mention after "in".
            let study = |w: &str| STUDY.iter().any(|s| s.eq_ignore_ascii_case(w));
            c.before(1)
                .is_some_and(|w| matches!(w, "studied" | "studying"))
                || (c.before(1) == Some("in") && c.before(2).is_some_and(study))
        },
    },
    Cue {
        name: "in_quote",
        test: |c| matches!(c.before(1), Some("\"" | "“" | "‘")),
    },
];

const _: () = assert!(CUES.len() <= 30, "Mention keeps two of its 32 bits");

/// The cue bits of one mention.
pub fn eval(c: &Ctx) -> u32 {
    let mut bits = 0;
    for (i, cue) in CUES.iter().enumerate() {
        if (cue.test)(c) {
            bits |= 1 << i;
        }
    }
    bits
}
