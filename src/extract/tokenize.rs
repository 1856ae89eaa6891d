//! Word tokens (UAX #29 word boundaries) with the few flags extraction needs.
//! Whitespace is not kept as tokens; each token records whether whitespace
//! (or a line break) precedes it.

use unicode_segmentation::UnicodeSegmentation;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Num,
    Punct,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    /// Byte offsets as u32: a token list is the biggest thing extraction
    /// holds (one per ~4 bytes of text), so a token is 12 bytes. Extraction
    /// reads at most `MAX_ANALYZED_BYTES`, far below 4 GB.
    s: u32,
    e: u32,
    /// Low 24 bits: the word's vocabulary id (`NO_ID` until interned, and
    /// for numbers and punctuation); high 8 bits: kind and flags.
    meta: u32,
}

const NO_ID: u32 = (1 << 24) - 1;
const KIND_MASK: u32 = 3 << 24;
const WORD: u32 = 1 << 24;
const NUM: u32 = 2 << 24;
/// Whitespace precedes the token.
const GAP: u32 = 1 << 26;
/// First letter upper-case.
const CAP: u32 = 1 << 27;
/// At least two letters, all upper-case ("NATO", "U.S.").
const ALLCAPS: u32 = 1 << 28;
/// A possessive "'s" followed the word and was cut off.
const POSSESSIVE: u32 = 1 << 29;

impl std::fmt::Debug for Tok {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tok")
            .field("range", &(self.s..self.e))
            .field("kind", &self.kind())
            .field("gap", &self.gap())
            .field("cap", &self.cap())
            .field("allcaps", &self.allcaps())
            .field("possessive", &self.possessive())
            .field("id", &self.id())
            .finish()
    }
}

impl Tok {
    pub fn new(start: usize, end: usize, kind: TokKind, gap: bool) -> Tok {
        let mut t = Tok {
            s: start as u32,
            e: end as u32,
            meta: NO_ID,
        };
        t.set_kind(kind);
        t.set(GAP, gap);
        t
    }

    fn set(&mut self, bit: u32, on: bool) {
        if on {
            self.meta |= bit;
        } else {
            self.meta &= !bit;
        }
    }

    pub fn kind(&self) -> TokKind {
        match self.meta & KIND_MASK {
            WORD => TokKind::Word,
            NUM => TokKind::Num,
            _ => TokKind::Punct,
        }
    }

    pub fn set_kind(&mut self, kind: TokKind) {
        self.meta &= !KIND_MASK;
        self.meta |= match kind {
            TokKind::Word => WORD,
            TokKind::Num => NUM,
            TokKind::Punct => 0,
        };
    }

    pub fn gap(&self) -> bool {
        self.meta & GAP != 0
    }

    pub fn cap(&self) -> bool {
        self.meta & CAP != 0
    }

    pub fn allcaps(&self) -> bool {
        self.meta & ALLCAPS != 0
    }

    pub fn possessive(&self) -> bool {
        self.meta & POSSESSIVE != 0
    }

    fn set_cap(&mut self, on: bool) {
        self.set(CAP, on);
    }

    fn set_allcaps(&mut self, on: bool) {
        self.set(ALLCAPS, on);
    }

    fn set_possessive(&mut self) {
        self.set(POSSESSIVE, true);
    }

    /// The vocabulary id of a word token, once interned.
    pub fn id(&self) -> Option<usize> {
        let id = self.meta & NO_ID;
        (id != NO_ID).then_some(id as usize)
    }

    /// Sets the vocabulary id (below 2^24 - 1: distinct words in 16 MB of
    /// text are far fewer).
    pub fn set_id(&mut self, id: usize) {
        debug_assert!(id < NO_ID as usize);
        self.meta = (self.meta & !NO_ID) | (id as u32).min(NO_ID - 1);
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }
    pub fn start(&self) -> usize {
        self.s as usize
    }

    pub fn end(&self) -> usize {
        self.e as usize
    }

    pub fn set_end(&mut self, end: usize) {
        self.e = end as u32;
    }

    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start()..self.end()]
    }
}

fn strip_possessive(w: &str) -> Option<usize> {
    for suf in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if w.len() > suf.len() && w.ends_with(suf) {
            return Some(suf.len());
        }
    }
    None
}

/// "U.S", "e.g": letters separated by dots (the final dot is a separate token).
fn is_dotted(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 3
        && b.iter().enumerate().all(|(i, &c)| {
            if i % 2 == 1 {
                c == b'.'
            } else {
                c.is_ascii_alphabetic()
            }
        })
}

/// Tokenizes `text[range]`, appending to `out` with absolute byte offsets.
/// Whitespace always separates words, so each whitespace-delimited chunk
/// takes the ASCII fast path unless it holds non-ASCII characters.
pub fn tokenize_into(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    let b = text.as_bytes();
    let mut i = start;
    let mut gap = true;
    while i < end {
        if b[i].is_ascii_whitespace() {
            gap = true;
            i += 1;
            continue;
        }
        let mut j = i;
        let mut high = 0u8;
        while j < end && !b[j].is_ascii_whitespace() {
            high |= b[j];
            j += 1;
        }
        let ascii = high < 0x80;
        let chunk = &text[i..j];
        if ascii {
            push_ascii(text, i, j, gap, out);
        } else {
            push_segments(
                text,
                i,
                gap,
                chunk.split_word_bound_indices().peekable(),
                out,
            );
        }
        gap = false;
        i = j;
    }
}

/// `push_segments` over `ascii_segments` of the whitespace-free ASCII chunk
/// `text[start..end]`, done on bytes in one pass (the hottest loop of
/// extraction).
fn push_ascii(text: &str, start: usize, end: usize, gap: bool, out: &mut Vec<Tok>) {
    let b = text.as_bytes();
    let word_byte = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut gap = gap;
    let mut i = start;
    while i < end {
        let s = i;
        let c = b[i];
        if !word_byte(c) {
            // U+000B is whitespace to `char::is_whitespace`, not to ASCII.
            if c == 0x0b {
                gap = true;
                i += 1;
                continue;
            }
            out.push(Tok::new(s, s + 1, TokKind::Punct, gap));
            gap = false;
            i += 1;
            continue;
        }
        // The segment: letters and digits, joined by "." and "'" (between
        // two letters or two digits), ":" (letters), "," and ";" (digits).
        i += 1;
        while i < end {
            let c = b[i];
            if word_byte(c) {
                i += 1;
                continue;
            }
            let (prev, next) = (b[i - 1], if i + 1 < end { b[i + 1] } else { 0 });
            let letters = prev.is_ascii_alphabetic() && next.is_ascii_alphabetic();
            let digits = prev.is_ascii_digit() && next.is_ascii_digit();
            let joins = match c {
                b'.' | b'\'' => letters || digits,
                b':' => letters,
                b',' | b';' => digits,
                _ => false,
            };
            if !joins {
                break;
            }
            i += 2;
        }
        let mut tok = Tok::new(s, i, TokKind::Punct, gap);
        gap = false;
        if c.is_ascii_digit() {
            tok.set_kind(TokKind::Num);
        } else if c.is_ascii_alphabetic() {
            tok.set_kind(TokKind::Word);
            let mut e = i;
            if e - s > 2 && b[e - 2] == b'\'' && (b[e - 1] | 0x20) == b's' {
                e -= 2;
                tok.set_possessive();
            }
            // "U.S": a dotted abbreviation takes the final dot.
            if e - s >= 3
                && b[s + 1] == b'.'
                && !tok.possessive()
                && i < end
                && b[i] == b'.'
                && is_dotted(&text[s..e])
            {
                i += 1;
                e = i;
            }
            tok.set_end(e);
            // Most words begin in lower case: neither flag to compute.
            if c.is_ascii_uppercase() {
                tok.set_cap(true);
                let w = &b[s..e];
                tok.set_allcaps(
                    !w.iter().any(u8::is_ascii_lowercase)
                        && w.iter()
                            .filter(|c| c.is_ascii_alphabetic())
                            .nth(1)
                            .is_some(),
                );
            }
        }
        out.push(tok);
    }
}

fn push_segments<'s, I: Iterator<Item = (usize, &'s str)>>(
    text: &str,
    start: usize,
    mut gap: bool,
    mut iter: std::iter::Peekable<I>,
    out: &mut Vec<Tok>,
) {
    while let Some((off, seg)) = iter.next() {
        let first = seg.chars().next().unwrap_or(' ');
        if first.is_whitespace() {
            gap = true;
            continue;
        }
        let abs = start + off;
        let mut tok = Tok::new(abs, abs + seg.len(), TokKind::Punct, gap);
        gap = false;
        if first.is_numeric() {
            tok.set_kind(TokKind::Num);
        } else if first.is_alphabetic() {
            tok.set_kind(TokKind::Word);
            if let Some(n) = strip_possessive(seg) {
                tok.set_end(tok.end() - n);
                tok.set_possessive();
            }
            let w = &text[tok.start()..tok.end()];
            // "U.S.": a dotted abbreviation takes its final dot (not after
            // a possessive: "U.S's.").
            if !tok.possessive() && is_dotted(w) && iter.peek().is_some_and(|(_, s)| *s == ".") {
                iter.next();
                tok.set_end(tok.end() + 1);
            }
            let w = &text[tok.start()..tok.end()];
            tok.set_cap(first.is_uppercase());
            let mut letters = 0;
            let mut upper = true;
            for c in w.chars() {
                if c.is_alphabetic() {
                    letters += 1;
                    if !c.is_uppercase() {
                        upper = false;
                        break;
                    }
                }
            }
            tok.set_allcaps(upper && letters >= 2);
        }
        out.push(tok);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        tokenize_into(s, 0, s.len(), &mut v);
        v.iter().map(|t| t.text(s).to_string()).collect()
    }

    /// The general path: UAX #29 segments.
    fn uax29(s: &str) -> Vec<Tok> {
        let mut v = Vec::new();
        push_segments(s, 0, true, s.split_word_bound_indices().peekable(), &mut v);
        v
    }

    fn ascii(s: &str) -> Vec<Tok> {
        let mut v = Vec::new();
        push_ascii(s, 0, s.len(), true, &mut v);
        v
    }

    #[test]
    fn ascii_fast_path_agrees_with_uax29() {
        for s in [
            "The", "U.S.", "Putin's", "4,000", "20%.", "Mr.", "O'Neil", "22:30", "e.g.",
            "3.5-fold", "x_y", "_x", "\"q\"", "(SCO)", "AU$2.1bn", "NATO's", "a.b.c.d", "1.2.3",
            "Smith's.", "A.B's.", "it's", "a:b:c", "1;2", "'s", "\u{b}x",
        ] {
            assert_eq!(ascii(s), uax29(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn ascii_fast_path_agrees_on_any_chunk(s in "[A-Za-z0-9.,;:'_$%()\\-\u{b}]{1,24}") {
            proptest::prop_assert_eq!(ascii(&s), uax29(&s));
        }
    }

    #[test]
    fn words_numbers_abbreviations() {
        assert_eq!(
            toks("The U.S. and Putin’s 4,000 km, 20%."),
            [
                "The", "U.S.", "and", "Putin", "4,000", "km", ",", "20", "%", "."
            ]
        );
        assert_eq!(toks("Mr. Smith"), ["Mr", ".", "Smith"]);
        assert_eq!(toks("two-day 43rd"), ["two", "-", "day", "43rd"]);
    }
}
