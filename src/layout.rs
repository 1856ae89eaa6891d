//! Wraps a document to a width and keeps the map between display lines and
//! byte ranges of the text.
//!
//! Wrapping works on grapheme clusters and their display width
//! (`unicode-width`, the same measure ratatui's buffer uses), so wide CJK
//! characters, emoji and combining marks are never split or mis-measured.
//! Lines break at whitespace, and also between wide characters, since CJK
//! text has no spaces. A word longer than the width is cut between
//! graphemes. Runs of whitespace (including the newlines of hard-wrapped
//! paragraphs) count, and are drawn, as one space.
//!
//! Tables are laid out by their cells, in columns (see [`table`]).
//!
//! We do not use `textwrap` here: it returns strings, not byte ranges, and
//! its `break_words` cuts between chars, which can split a grapheme.

mod table;

use std::ops::Range;

pub use table::{Deco, MIN_COLUMN, Piece, TableLine, column_widths};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::document::{BlockKind, Document};

/// One display line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Index of the block in `Document::blocks`; `None` for a blank separator.
    pub block: Option<usize>,
    /// Byte range into the document text. Empty for blank lines, placed at
    /// the end of the previous block so ranges stay sorted. On a table
    /// line it spans the line's pieces, and the pieces say what is drawn.
    pub range: Range<usize>,
    /// A line of a table: its text as pieces at columns, and the bars and
    /// rules between them.
    pub table: Option<Box<TableLine>>,
}

#[derive(Clone, Debug, Default)]
pub struct Layout {
    pub width: usize,
    pub lines: Vec<Line>,
}

impl Layout {
    /// The display line holding byte `offset` (or the nearest text line
    /// before it).
    pub fn line_of(&self, offset: usize) -> usize {
        let i = self.lines.partition_point(|l| l.range.start <= offset);
        let mut i = i.saturating_sub(1);
        while i > 0 && self.lines[i].block.is_none() {
            i -= 1;
        }
        self.table_line_of(i, offset).unwrap_or(i)
    }

    /// On a wrapped table row the lines' ranges overlap (the first line
    /// spans from the first cell's start to the last cell's first piece):
    /// the line whose piece holds `offset`, among the lines of line `i`'s
    /// row.
    fn table_line_of(&self, i: usize, offset: usize) -> Option<usize> {
        let line = self.lines.get(i)?;
        line.table.as_ref()?;
        let block = line.block;
        let first = (0..=i)
            .rev()
            .take_while(|&j| self.lines[j].block == block)
            .last()?;
        (first..self.lines.len())
            .take_while(|&j| self.lines[j].block == block)
            .find(|&j| {
                self.lines[j]
                    .table
                    .as_ref()
                    .is_some_and(|t| t.piece_at(offset).is_some())
            })
    }

    /// The first display line of block `block`.
    pub fn first_line_of_block(&self, block: usize) -> Option<usize> {
        let i = self
            .lines
            .partition_point(|l| l.block.is_none_or(|b| b < block));
        (i < self.lines.len() && self.lines[i].block == Some(block)).then_some(i)
    }
}

/// Is there a blank line between two consecutive blocks of these kinds?
fn gap_between(a: BlockKind, b: BlockKind) -> bool {
    let meta_line = |k: BlockKind| {
        matches!(
            k,
            BlockKind::Byline | BlockKind::Date | BlockKind::ReadingTime | BlockKind::Site
        )
    };
    !(meta_line(a) && meta_line(b) || a == BlockKind::ListItem && b == BlockKind::ListItem)
}

/// Columns a block is indented by (quotes get a bar, code a margin).
pub fn indent(kind: BlockKind) -> usize {
    match kind {
        BlockKind::Quote | BlockKind::Code => 2,
        _ => 0,
    }
}

/// Preformatted blocks keep their spaces and line breaks.
pub fn verbatim(kind: BlockKind) -> bool {
    kind == BlockKind::Code
}

/// Lays out the whole document at `width` columns (at least 1).
pub fn layout(doc: &Document, width: usize) -> Layout {
    let width = width.max(1);
    let mut lines = Vec::with_capacity(doc.text.len() / width.max(20) + doc.blocks.len() * 2);
    let mut tables = doc.tables.iter().peekable();
    let mut skip_to = 0;
    for (i, block) in doc.blocks.iter().enumerate() {
        if i < skip_to {
            continue;
        }
        while tables
            .peek()
            .is_some_and(|t| t.rows.first().is_some_and(|r| r.block < i))
        {
            tables.next();
        }
        let table = tables.next_if(|t| t.rows.first().is_some_and(|r| r.block == i));
        if let Some(prev) = i.checked_sub(1).map(|p| &doc.blocks[p])
            && (table.is_some() || gap_between(prev.kind, block.kind))
        {
            let end = prev.range.end;
            lines.push(Line {
                block: None,
                range: end..end,
                table: None,
            });
        }
        if let Some(t) = table {
            table::layout_table(doc, t, width, &mut lines);
            skip_to = t.rows.last().map_or(i, |r| r.block) + 1;
            continue;
        }
        let base = block.range.start;
        let cols = width.saturating_sub(indent(block.kind)).max(1);
        let text = &doc.text[block.range.clone()];
        let wrapped = if verbatim(block.kind) {
            wrap_verbatim(text, cols)
        } else {
            wrap(text, cols)
        };
        for r in wrapped {
            lines.push(Line {
                block: Some(i),
                range: r.start + base..r.end + base,
                table: None,
            });
        }
    }
    Layout { width, lines }
}

fn is_wide(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        let mut b = [0u8; 4];
        UnicodeWidthStr::width(&*c.encode_utf8(&mut b)) >= 2
    })
}

fn ends_wide(s: &str) -> bool {
    s.graphemes(true)
        .next_back()
        .is_some_and(|g| g.width() >= 2)
}

/// An unbreakable piece of text: its byte range and display width, and
/// whether whitespace came before it.
struct Atom {
    range: Range<usize>,
    width: usize,
    spaced: bool,
}

/// ASCII text (most English prose) needs no segmentation tables: words are
/// runs between whitespace, breakable after a hyphen or slash, and every
/// byte is one column. Same result as the general path, several times faster,
/// and streamed so no list of atoms is built.
struct AsciiAtoms<'a> {
    bytes: &'a [u8],
    i: usize,
    first: bool,
}

impl Iterator for AsciiAtoms<'_> {
    type Item = Atom;

    fn next(&mut self) -> Option<Atom> {
        let bytes = self.bytes;
        let mut i = self.i;
        let mut spaced = false;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            spaced = true;
            i += 1;
        }
        if i >= bytes.len() {
            self.i = i;
            return None;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
            if matches!(bytes[i - 1], b'-' | b'/')
                && i < bytes.len()
                && !bytes[i].is_ascii_whitespace()
            {
                break;
            }
        }
        self.i = i;
        let spaced = spaced && !self.first;
        self.first = false;
        Some(Atom {
            range: start..i,
            width: i - start,
            spaced,
        })
    }
}

/// Text whose every character is one column and its own grapheme (ASCII
/// plus curly quotes, dashes, accented letters…: most European prose) is
/// wrapped like ASCII, by characters instead of bytes, without segmentation
/// tables. Wide (CJK, emoji), zero-width and combining characters, and
/// regional indicators (flags pair up) send text to the general path.
fn narrow(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_ascii()
            || (unicode_width::UnicodeWidthChar::width(c) == Some(1)
                && !('\u{1f1e6}'..='\u{1f1ff}').contains(&c)
                && !c.is_whitespace())
    })
}

struct NarrowAtoms<'a> {
    text: &'a str,
    i: usize,
    first: bool,
}

impl Iterator for NarrowAtoms<'_> {
    type Item = Atom;

    fn next(&mut self) -> Option<Atom> {
        let rest = &self.text[self.i..];
        let lead = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_whitespace())
                .len();
        let spaced = lead > 0;
        let start = self.i + lead;
        if start >= self.text.len() {
            self.i = start;
            return None;
        }
        let (mut end, mut width) = (start, 0);
        let mut chars = self.text[start..].chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_ascii_whitespace() {
                break;
            }
            end += c.len_utf8();
            width += 1;
            if matches!(c, '-' | '/' | '—' | '–')
                && chars.peek().is_some_and(|n| !n.is_ascii_whitespace())
            {
                break;
            }
        }
        self.i = end;
        let spaced = spaced && !self.first;
        self.first = false;
        Some(Atom {
            range: start..end,
            width,
            spaced,
        })
    }
}

#[cfg(test)]
fn atoms_ascii(text: &str) -> Vec<Atom> {
    AsciiAtoms {
        bytes: text.as_bytes(),
        i: 0,
        first: true,
    }
    .collect()
}

fn atoms_general(text: &str) -> Vec<Atom> {
    let mut out: Vec<Atom> = Vec::new();
    let mut spaced = false;
    let mut prev_piece: Option<&str> = None;
    for (i, piece) in text.split_word_bound_indices() {
        // A combining mark after spaces makes a piece like "  \u{301}": its
        // pure-whitespace graphemes still separate words.
        let lead: usize = piece
            .graphemes(true)
            .take_while(|g| g.chars().all(char::is_whitespace))
            .map(str::len)
            .sum();
        if lead > 0 {
            spaced = true;
            prev_piece = None;
        }
        let (i, piece) = (i + lead, &piece[lead..]);
        if piece.is_empty() {
            continue;
        }
        let w = piece.width();
        let breakable =
            |prev: &str| ends_wide(prev) || is_wide(piece) || prev.ends_with(['-', '—', '–', '/']);
        match (prev_piece, out.last_mut()) {
            (Some(prev), Some(last)) if !breakable(prev) => {
                last.range.end = i + piece.len();
                last.width += w;
            }
            _ => {
                let spaced = spaced && !out.is_empty();
                out.push(Atom {
                    range: i..i + piece.len(),
                    width: w,
                    spaced,
                });
            }
        }
        spaced = false;
        prev_piece = Some(piece);
    }
    out
}

/// Wraps one block's text to `width` columns; returns byte ranges into
/// `text`, without leading or trailing whitespace.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    if !text.is_ascii() && narrow(text) {
        return greedy(
            text,
            width,
            NarrowAtoms {
                text,
                i: 0,
                first: true,
            },
        );
    }
    if text.is_ascii() {
        greedy(
            text,
            width,
            AsciiAtoms {
                bytes: text.as_bytes(),
                i: 0,
                first: true,
            },
        )
    } else {
        greedy(text, width, atoms_general(text).into_iter())
    }
}

/// Display width of the widest piece of `text` that [`wrap`] never breaks
/// (unless it is wider than the line).
fn widest_atom(text: &str) -> usize {
    if text.is_ascii() {
        let atoms = AsciiAtoms {
            bytes: text.as_bytes(),
            i: 0,
            first: true,
        };
        atoms.map(|a| a.width).max().unwrap_or(0)
    } else if narrow(text) {
        let atoms = NarrowAtoms {
            text,
            i: 0,
            first: true,
        };
        atoms.map(|a| a.width).max().unwrap_or(0)
    } else {
        atoms_general(text)
            .into_iter()
            .map(|a| a.width)
            .max()
            .unwrap_or(0)
    }
}

fn greedy(text: &str, width: usize, atoms: impl Iterator<Item = Atom>) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut cur: Option<(Range<usize>, usize)> = None;
    for atom in atoms {
        if let Some((range, used)) = &mut cur {
            let need = atom.width + usize::from(atom.spaced);
            if *used + need <= width {
                range.end = atom.range.end;
                *used += need;
                continue;
            }
            lines.push(range.clone());
        }
        if atom.width <= width {
            cur = Some((atom.range, atom.width));
            continue;
        }
        // Too long for any line: cut between graphemes.
        let mut start = atom.range.start;
        let mut used = 0;
        for (gi, g) in text[atom.range.clone()].grapheme_indices(true) {
            let at = atom.range.start + gi;
            let gw = g.width();
            if used + gw > width && at > start {
                lines.push(start..at);
                start = at;
                used = 0;
            }
            used += gw;
        }
        cur = Some((start..atom.range.end, used));
    }
    if let Some((range, _)) = cur {
        lines.push(range);
    }
    lines
}

/// Cuts preformatted text at its newlines, and lines longer than `width`
/// between graphemes. Empty lines stay (as empty ranges).
pub fn wrap_verbatim(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        let (mut from, mut used) = (start, 0);
        for (i, g) in line.grapheme_indices(true) {
            let gw = if g.chars().all(char::is_whitespace) {
                1
            } else {
                g.width()
            };
            if used + gw > width && start + i > from {
                out.push(from..start + i);
                from = start + i;
                used = 0;
            }
            used += gw;
        }
        out.push(from..end);
        start = end + 1;
    }
    out
}

/// Columns `text` takes when drawn: whitespace runs count one column, or
/// each whitespace character one column in verbatim blocks.
pub fn columns(text: &str, verbatim: bool) -> usize {
    if verbatim {
        text.graphemes(true)
            .map(|g| {
                if g.chars().all(char::is_whitespace) {
                    1
                } else {
                    g.width()
                }
            })
            .sum()
    } else {
        display_width(text)
    }
}

/// Shortens `s` to at most `cols` display columns, ending in "…" when cut.
pub fn truncate(s: &str, cols: usize) -> String {
    if s.width() <= cols {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for g in s.graphemes(true) {
        let gw = g.width();
        if w + gw + 1 > cols {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    if cols > 0 {
        out.push('…');
    }
    out
}

/// Display width of a laid-out line's text, with whitespace runs as one column.
pub fn display_width(text: &str) -> usize {
    let mut w = 0;
    let mut in_space = false;
    for g in text.graphemes(true) {
        if g.chars().all(char::is_whitespace) {
            if !in_space {
                w += 1;
            }
            in_space = true;
        } else {
            w += g.width();
            in_space = false;
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::load_plain;
    use proptest::prelude::*;

    fn wrapped(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn greedy_words() {
        assert_eq!(
            wrapped("the quick brown fox jumps", 10),
            ["the quick", "brown fox", "jumps"]
        );
        assert_eq!(
            wrapped("a\nhard-wrapped\n  line", 40),
            ["a\nhard-wrapped\n  line"]
        );
    }

    #[test]
    fn punctuation_stays_with_its_word() {
        assert_eq!(
            wrapped("in the U.S., said Mr. Smith.", 6),
            ["in the", "U.S.,", "said", "Mr.", "Smith."]
        );
    }

    #[test]
    fn cjk_breaks_between_ideographs() {
        let lines = wrapped("漢字仮名交じり文", 6);
        assert_eq!(lines, ["漢字仮", "名交じ", "り文"]);
        for l in lines {
            assert!(l.width() <= 6);
        }
    }

    #[test]
    fn long_words_cut_between_graphemes() {
        // "e" + combining acute, five times: never split inside a cluster.
        let s = "e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}";
        let lines = wrapped(s, 2);
        assert_eq!(lines, ["e\u{301}e\u{301}", "e\u{301}e\u{301}", "e\u{301}"]);
    }

    #[test]
    fn wide_grapheme_alone_when_width_is_one() {
        assert_eq!(wrapped("字字", 1), ["字", "字"]);
        assert_eq!(wrapped("👩‍🔬 ok", 1), ["👩‍🔬", "o", "k"]);
    }

    #[test]
    fn verbatim_keeps_lines_and_spaces() {
        let t = "fn main() {\n    println!(\"hi\");\n\n}";
        let lines: Vec<&str> = wrap_verbatim(t, 10).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            lines,
            ["fn main() ", "{", "    printl", "n!(\"hi\");", "", "}"]
        );
        assert_eq!(columns("  a  b", true), 6);
        assert_eq!(columns("  a  b", false), 4);
    }

    #[test]
    fn seed_lines_fit_and_map_back() {
        let doc = load_plain(include_str!("../assets/seed.txt"));
        let l = layout(&doc, 60);
        assert!(l.lines.len() > 100);
        for line in &l.lines {
            assert!(display_width(&doc.text[line.range.clone()]) <= 60);
        }
        let tit = doc.text.find("Tit for tat.").unwrap();
        let li = l.line_of(tit + 3);
        assert_eq!(&doc.text[l.lines[li].range.clone()], "Tit for tat.");
        let b = l.lines[li].block.unwrap();
        assert_eq!(l.first_line_of_block(b), Some(li));
    }

    proptest! {
        #[test]
        fn narrow_fast_path_matches_the_general_one(text in "[a-zA-Z .,/'\n’“”—–éüñ-]{0,120}") {
            prop_assume!(narrow(&text));
            let key = |atoms: Vec<Atom>| atoms.into_iter().map(|a| (a.range, a.width, a.spaced)).collect::<Vec<_>>();
            let fast: Vec<Atom> = NarrowAtoms { text: &text, i: 0, first: true }.collect();
            prop_assert_eq!(key(atoms_general(&text)), key(fast));
        }

        #[test]
        fn ascii_fast_path_matches_the_general_one(text in "[a-zA-Z .,/'\n-]{0,120}") {
            let key = |atoms: Vec<Atom>| atoms.into_iter().map(|a| (a.range, a.width, a.spaced)).collect::<Vec<_>>();
            prop_assert_eq!(key(atoms_general(&text)), key(atoms_ascii(&text)));
        }

        #[test]
        fn wrap_invariants(text in "\\PC{0,200}|[a-z \\n漢字é\u{301}👍-]{0,200}", width in 1usize..50) {
            let lines = wrap(&text, width);
            let mut last_end = 0;
            for r in &lines {
                prop_assert!(r.start >= last_end && r.start < r.end);
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                let s = &text[r.clone()];
                let blank = |g: Option<&str>| g.is_some_and(|g| g.chars().all(char::is_whitespace));
                prop_assert!(!blank(s.graphemes(true).next()) && !blank(s.graphemes(true).next_back()));
                let w = display_width(s);
                prop_assert!(w <= width || s.graphemes(true).count() == 1, "{s:?} {w} > {width}");
                // Never split a grapheme cluster.
                prop_assert!(text[..r.start].graphemes(true).map(str::len).sum::<usize>() == r.start);
                last_end = r.end;
            }
            // Every non-whitespace character appears on exactly one line.
            let covered: String = lines.iter().map(|r| &text[r.clone()]).collect::<String>();
            let a: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            let b: String = covered.chars().filter(|c| !c.is_whitespace()).collect();
            prop_assert_eq!(a, b);
        }
    }
}
