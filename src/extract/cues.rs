//! Context cues of one mention, as a table of named tests. Each cue is a bit
//! of `Mention::cues`; the classifier sees, per candidate name, whether any
//! mention has the cue and in what share of its mentions. What a cue is worth
//! is learned (`model.rs`), not set here.

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
}

impl Ctx<'_, '_> {
    fn after(&self, n: usize) -> Option<&str> {
        let k = self.last + n;
        (k < self.sr.end).then(|| self.p.toks[k].text(self.p.text))
    }

    fn before(&self, n: usize) -> Option<&str> {
        let start = self.title.unwrap_or(self.first);
        start
            .checked_sub(n)
            .filter(|&k| k >= self.sr.start)
            .map(|k| self.p.toks[k].text(self.p.text))
    }

    fn year_at(&self, n: usize) -> bool {
        self.after(n)
            .is_some_and(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
    }

    fn according(&self) -> bool {
        self.before(1) == Some("to")
            && self
                .before(2)
                .is_some_and(|s| s.eq_ignore_ascii_case("according"))
    }

    fn single(&self) -> bool {
        self.first == self.last
    }
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
        name: "in_quote",
        test: |c| matches!(c.before(1), Some("\"" | "“" | "‘")),
    },
];

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
