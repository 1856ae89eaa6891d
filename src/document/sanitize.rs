//! Makes untrusted text safe to show in a terminal.
//!
//! C0 controls (other than newline) become their visible Control Pictures
//! (`␛` for ESC), C1 controls become `�`, tabs become a space, CR LF becomes
//! LF, and bidi embedding/override/isolate controls, BOMs and invisible
//! word joiners are dropped. ZWJ/ZWNJ stay: emoji sequences and several
//! scripts need them and they move no cursor.

/// Maps byte offsets of the sanitized text back to the input as given.
///
/// Stored as checkpoints `(text_offset, source_offset)` wherever the two
/// start to differ by a new amount; between checkpoints the offset delta is
/// constant. Identity for clean input (no checkpoints at all).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMap {
    checkpoints: Vec<(usize, usize)>,
}

impl SourceMap {
    pub fn to_source(&self, offset: usize) -> usize {
        let i = self.checkpoints.partition_point(|&(t, _)| t <= offset);
        if i == 0 {
            offset
        } else {
            let (t, s) = self.checkpoints[i - 1];
            s + (offset - t)
        }
    }

    pub fn is_identity(&self) -> bool {
        self.checkpoints.is_empty()
    }

    /// Records that text offset `text` corresponds to source offset `source`
    /// from here on. Offsets must be pushed in increasing text order.
    pub(crate) fn push(&mut self, text: usize, source: usize) {
        if self.to_source(text) == source {
            return;
        }
        match self.checkpoints.last_mut() {
            Some(last) if last.0 == text => last.1 = source,
            _ => self.checkpoints.push((text, source)),
        }
    }

    /// Forgets what it knew of text from offset `len` on: that text was cut
    /// off, and new text written there comes from elsewhere in the source.
    pub(crate) fn truncate(&mut self, len: usize) {
        let keep = self.checkpoints.partition_point(|&(t, _)| t < len);
        self.checkpoints.truncate(keep);
    }

    /// Appends `other` (a map of a piece placed at `text`/`source`).
    pub(crate) fn extend_shifted(&mut self, other: &SourceMap, text: usize, source: usize) {
        self.push(text, source);
        for &(t, s) in &other.checkpoints {
            self.push(text + t, source + s);
        }
    }
}

enum Fix {
    Keep,
    Drop,
    Replace(char),
}

fn fix(c: char, next: Option<char>) -> Fix {
    match c {
        '\n' => Fix::Keep,
        '\r' if next == Some('\n') => Fix::Drop,
        '\r' => Fix::Replace('\n'),
        '\t' => Fix::Replace(' '),
        '\u{0}'..='\u{1f}' => Fix::Replace(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
        '\u{7f}' => Fix::Replace('\u{2421}'),
        '\u{80}'..='\u{9f}' => Fix::Replace('\u{fffd}'),
        // Bidi embeddings, overrides, isolates and marks: they can reorder
        // what the reader sees (the "Trojan Source" trick).
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => Fix::Drop,
        '\u{061c}' | '\u{feff}' | '\u{200b}' | '\u{2060}' | '\u{00ad}' => Fix::Drop,
        // Invisible: operators (function application, invisible times…),
        // interlinear annotation marks, Hangul fillers, the Mongolian vowel
        // separator and tag characters. They can hide text between what the
        // reader sees (a name that looks the same but is not).
        '\u{2061}'..='\u{2064}' | '\u{fff9}'..='\u{fffb}' | '\u{180e}' => Fix::Drop,
        '\u{115f}' | '\u{1160}' | '\u{3164}' | '\u{ffa0}' => Fix::Drop,
        '\u{e0000}'..='\u{e007f}' => Fix::Drop,
        // Line/paragraph separators would break lines behind layout's back.
        '\u{2028}' | '\u{2029}' => Fix::Replace('\n'),
        _ => Fix::Keep,
    }
}

/// Could the char starting with this byte need fixing? Only ASCII controls
/// and the lead bytes of the few multi-byte characters `fix` touches
/// (U+0080–U+00AD: C2, U+061C: D8, U+115F–U+180E: E1, U+200B–U+2069: E2,
/// U+3164: E3, U+FEFF–U+FFFB: EF, tags U+E0000–U+E007F: F3).
#[inline]
fn suspicious(b: u8) -> bool {
    (b < 0x20 && b != b'\n') || matches!(b, 0x7f | 0xc2 | 0xd8 | 0xe1 | 0xe2 | 0xe3 | 0xef | 0xf3)
}

/// The first byte offset whose char needs a fix, if any.
fn first_fix(input: &str, from: usize) -> Option<usize> {
    let bytes = input.as_bytes();
    let mut i = from;
    loop {
        // `position` over a slice compiles to a tight loop with no bounds checks.
        i += bytes.get(i..)?.iter().position(|&b| suspicious(b))?;
        let c = input[i..]
            .chars()
            .next()
            .expect("suspicious bytes start chars");
        let next = input[i + c.len_utf8()..].chars().next();
        if !matches!(fix(c, next), Fix::Keep) {
            return Some(i);
        }
        i += c.len_utf8();
    }
}

/// Returns the sanitized text and the map back to `input` offsets.
pub fn sanitize(input: &str) -> (String, SourceMap) {
    match first_fix(input, 0) {
        None => (input.to_owned(), SourceMap::default()),
        Some(at) => sanitize_from(input, at),
    }
}

/// Like [`sanitize`], reusing the string when nothing needs fixing (the
/// common case), so a big file is not copied.
pub fn sanitize_owned(input: String) -> (String, SourceMap) {
    match first_fix(&input, 0) {
        None => (input, SourceMap::default()),
        Some(at) => sanitize_from(&input, at),
    }
}

fn sanitize_from(input: &str, first: usize) -> (String, SourceMap) {
    let mut out = String::with_capacity(input.len() + 16);
    let mut map = SourceMap::default();
    let mut copied_to = 0;
    let mut at = Some(first);
    while let Some(i) = at {
        let c = input[i..].chars().next().expect("a char at a fix position");
        let next = input[i + c.len_utf8()..].chars().next();
        let replacement = match fix(c, next) {
            Fix::Keep => None,
            Fix::Drop => Some(None),
            Fix::Replace(r) => Some(Some(r)),
        };
        if let Some(replacement) = replacement {
            out.push_str(&input[copied_to..i]);
            let mut buf = [0u8; 4];
            let rep = replacement.map(|r| &*r.encode_utf8(&mut buf)).unwrap_or("");
            out.push_str(rep);
            copied_to = i + c.len_utf8();
            if rep.len() != c.len_utf8() {
                map.checkpoints.push((out.len(), copied_to));
            }
        }
        at = first_fix(input, i + c.len_utf8());
    }
    out.push_str(&input[copied_to..]);
    (out, map)
}

/// True when `c` could change terminal state or reorder text if printed.
pub fn is_unsafe(c: char) -> bool {
    !matches!(fix(c, None), Fix::Keep) && c != '\r'
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escapes_become_visible() {
        let (t, _) = sanitize("a\u{1b}[31mred\u{1b}]52;c;aGk=\u{7}b");
        assert_eq!(t, "a\u{241b}[31mred\u{241b}]52;c;aGk=\u{2407}b");
    }

    #[test]
    fn invisible_characters_are_dropped() {
        let hidden =
            "Pu\u{2062}tin\u{e0041}\u{e007f} met\u{fffa} Xi\u{3164}\u{115f}\u{ffa0}\u{180e}.";
        let (t, m) = sanitize(hidden);
        assert_eq!(t, "Putin met Xi.");
        assert!(hidden[m.to_source(6)..].starts_with("met"));
        // Kana and Hangul syllables, whose lead bytes are looked at, stay.
        assert_eq!(sanitize("かな 한글").0, "かな 한글");
    }

    #[test]
    fn bidi_and_crlf() {
        let (t, m) = sanitize("ab\u{202e}cd\r\nef");
        assert_eq!(t, "abcd\nef");
        // "e" is at 5 in the text and at 9 in the source (3 bidi + 1 CR).
        assert_eq!(m.to_source(5), 9);
        assert_eq!(m.to_source(1), 1);
        assert_eq!(m.to_source(2), 5);
    }

    #[test]
    fn clean_text_is_identity() {
        let (t, m) = sanitize("Plain “quoted” text — 漢字\n");
        assert_eq!(t, "Plain “quoted” text — 漢字\n");
        assert!(m.is_identity());
    }

    proptest! {
        #[test]
        fn nothing_unsafe_survives_and_map_is_exact(s in "\\PC*|[\\x00-\\x20\\u{80}-\\u{9f}\\u{202a}-\\u{202e}a-z\\r\\n]*") {
            let (t, m) = sanitize(&s);
            prop_assert!(!t.chars().any(is_unsafe));
            prop_assert!(!t.contains('\r'));
            // Every kept ASCII letter maps back to the same letter.
            for (i, c) in t.char_indices() {
                if c.is_ascii_alphabetic() {
                    let j = m.to_source(i);
                    prop_assert_eq!(&s[j..j + 1], &t[i..i + 1]);
                }
            }
        }
    }
}
