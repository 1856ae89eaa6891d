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
    /// Byte offsets as u32: a token list is the biggest thing extraction
    /// holds (one per ~4 bytes of text), and u32 halves it. Extraction reads
    /// at most `MAX_ANALYZED_BYTES`, far below 4 GB.
    s: u32,
    e: u32,
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
    pub fn new(start: usize, end: usize, kind: TokKind, gap: bool) -> Tok {
        Tok {
            s: start as u32,
            e: end as u32,
            kind,
            gap,
            cap: false,
            allcaps: false,
            possessive: false,
        }
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

/// UAX #29 word segments of ASCII text: the rules that matter for ASCII
/// (letters and digits join; "." and "'" join letters; "," "." "'" ";" join
/// digits; ":" joins letters; "_" joins anything; spaces and tabs group).
/// Much faster than the general tables; non-ASCII blocks use those.
fn ascii_segments(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        if i >= b.len() {
            return None;
        }
        let start = i;
        let c = b[i];
        if c.is_ascii_alphanumeric() || c == b'_' {
            i += 1;
            while i < b.len() {
                let c = b[i];
                if c.is_ascii_alphanumeric() || c == b'_' {
                    i += 1;
                    continue;
                }
                let (prev, next) = (b[i - 1], b.get(i + 1).copied().unwrap_or(0));
                let letters = prev.is_ascii_alphabetic() && next.is_ascii_alphabetic();
                let digits = prev.is_ascii_digit() && next.is_ascii_digit();
                let joins = match c {
                    b'.' | b'\'' => letters || digits,
                    b':' => letters,
                    b',' | b';' => digits,
                    _ => false,
                };
                if joins {
                    i += 2;
                } else {
                    break;
                }
            }
        } else if c == b' ' || c == b'\t' {
            while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
                i += 1;
            }
        } else if c == b'\r' && b.get(i + 1) == Some(&b'\n') {
            i += 2;
        } else {
            i += 1;
        }
        Some((start, &s[start..i]))
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
        let mut ascii = true;
        while j < end && !b[j].is_ascii_whitespace() {
            ascii &= b[j].is_ascii();
            j += 1;
        }
        let chunk = &text[i..j];
        if ascii {
            push_segments(text, i, gap, ascii_segments(chunk).peekable(), out);
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
            tok.kind = TokKind::Num;
        } else if first.is_alphabetic() {
            tok.kind = TokKind::Word;
            if let Some(n) = strip_possessive(seg) {
                tok.set_end(tok.end() - n);
                tok.possessive = true;
            }
            let w = &text[tok.start()..tok.end()];
            if is_dotted(w) && iter.peek().is_some_and(|(_, s)| *s == ".") {
                iter.next();
                tok.set_end(tok.end() + 1);
            }
            let w = &text[tok.start()..tok.end()];
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
    fn ascii_fast_path_agrees_with_uax29() {
        let s = "The U.S. and Putin's 4,000 km, 20%. Mr. O'Neil at 22:30 on e.g. 3.5-fold x_y \"q\" (SCO) AU$2.1bn\r\n  tab\there";
        let fast: Vec<_> = ascii_segments(s).collect();
        let uax: Vec<_> = s.split_word_bound_indices().collect();
        assert_eq!(fast, uax);
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
