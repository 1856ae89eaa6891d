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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Whitespace precedes the token.
    pub gap: bool,
    /// First letter upper-case.
    pub cap: bool,
    /// At least two letters, all upper-case ("NATO", "U.S.").
    pub allcaps: bool,
    /// A possessive "'s" followed the word and was cut off.
    pub possessive: bool,
}

impl Tok {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
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
pub fn tokenize_into(text: &str, start: usize, end: usize, out: &mut Vec<Tok>) {
    let slice = &text[start..end];
    let mut gap = true;
    let mut iter = slice.split_word_bound_indices().peekable();
    while let Some((off, seg)) = iter.next() {
        let first = seg.chars().next().unwrap_or(' ');
        if first.is_whitespace() {
            gap = true;
            continue;
        }
        let abs = start + off;
        let mut tok = Tok {
            start: abs,
            end: abs + seg.len(),
            kind: TokKind::Punct,
            gap,
            cap: false,
            allcaps: false,
            possessive: false,
        };
        gap = false;
        if first.is_numeric() {
            tok.kind = TokKind::Num;
        } else if first.is_alphabetic() {
            tok.kind = TokKind::Word;
            if let Some(n) = strip_possessive(seg) {
                tok.end -= n;
                tok.possessive = true;
            }
            let w = &text[tok.start..tok.end];
            if is_dotted(w) && iter.peek().is_some_and(|(_, s)| *s == ".") {
                iter.next();
                tok.end += 1;
            }
            let w = &text[tok.start..tok.end];
            tok.cap = first.is_uppercase();
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
            tok.allcaps = upper && letters >= 2;
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
