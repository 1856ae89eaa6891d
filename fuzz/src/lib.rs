//! Invariants every fuzz target checks: a crash (panic) in a loader,
//! extraction or layout is a bug, and so is a broken invariant.

use std::ops::Range;

use factlens::document::{BlockKind, Document, is_unsafe};
use factlens::extract::Facts;
use factlens::layout::{Deco, Layout, columns, indent, verbatim};
use unicode_segmentation::UnicodeSegmentation;

fn check_range(text: &str, r: &Range<usize>, what: &str) {
    assert!(
        r.start <= r.end && r.end <= text.len(),
        "{what} {r:?} outside the text ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
        "{what} {r:?} not on char boundaries"
    );
}

/// A document is safe to draw and its ranges index its text.
pub fn check_doc(doc: &Document) {
    if let Some((i, c)) = doc.text.char_indices().find(|&(_, c)| is_unsafe(c)) {
        panic!("unsafe char {c:?} at {i} in the document text");
    }
    let mut prev_end = 0;
    for b in &doc.blocks {
        check_range(&doc.text, &b.range, "block");
        assert!(
            b.range.start >= prev_end,
            "blocks overlap or are out of order"
        );
        prev_end = b.range.end;
    }
    let mut prev_block = None;
    for t in &doc.tables {
        for row in &t.rows {
            assert!(
                prev_block.is_none_or(|p| row.block > p),
                "table rows out of order"
            );
            prev_block = Some(row.block);
            let block = &doc.blocks[row.block];
            assert!(
                matches!(block.kind, BlockKind::TableHeader | BlockKind::TableRow),
                "a table row's block is a {:?}",
                block.kind
            );
            let mut prev_end = block.range.start;
            for c in &row.cells {
                check_range(&doc.text, c, "table cell");
                assert!(
                    c.start >= prev_end && c.end <= block.range.end,
                    "cell {c:?} out of order or outside its row {:?}",
                    block.range
                );
                prev_end = c.end;
            }
        }
    }
    let mut prev_end = 0;
    for c in &doc.code {
        check_range(&doc.text, c, "code span");
        assert!(
            c.start >= prev_end,
            "code spans overlap or are out of order"
        );
        prev_end = c.end;
        assert!(
            doc.blocks
                .iter()
                .any(|b| b.range.start <= c.start && c.end <= b.range.end),
            "code span {c:?} outside any block"
        );
    }
    for l in &doc.links {
        check_range(&doc.text, &l.range, "link");
        assert!(!l.url.chars().any(is_unsafe), "unsafe char in a link URL");
    }
    for n in &doc.notes {
        assert!(!n.chars().any(is_unsafe), "unsafe char in a note");
    }
}

/// Extraction ranges index the text, are sorted and do not overlap.
pub fn check_facts(doc: &Document, facts: &Facts) {
    let text = &doc.text;
    for e in &facts.entities {
        assert!(!e.name.trim().is_empty(), "empty entity name");
        assert!(
            !e.mentions.is_empty(),
            "entity {:?} without mentions",
            e.name
        );
        let mut prev: Option<&Range<usize>> = None;
        for m in &e.mentions {
            check_range(text, m, "mention");
            assert!(m.start < m.end, "empty mention");
            if let Some(p) = prev {
                assert!(
                    p.end <= m.start,
                    "mentions of {:?} overlap or unsorted: {p:?} {m:?}",
                    e.name
                );
            }
            prev = Some(m);
        }
    }
    let mut prev: Option<&Range<usize>> = None;
    for f in &facts.figures {
        check_range(text, &f.range, "figure");
        check_range(text, &f.sentence, "figure sentence");
        assert!(f.range.start < f.range.end, "empty figure");
        if let Some(p) = prev {
            assert!(
                p.end <= f.range.start,
                "figures overlap or unsorted: {p:?} {:?}",
                f.range
            );
        }
        prev = Some(&f.range);
    }
}

/// Lines fit the width (or hold one grapheme), are ordered, lie inside
/// their block, and together hold every non-whitespace char exactly once:
/// on a table line, the chars of its pieces (cell text), and of a table
/// row only the chars of its cells (the ` │ ` between cells is drawn as
/// decoration).
pub fn check_layout(doc: &Document, l: &Layout, width: usize) {
    let text = &doc.text;
    let mut prev_start = 0;
    for line in &l.lines {
        check_range(text, &line.range, "line");
        assert!(line.range.start >= prev_start, "lines out of order");
        prev_start = line.range.start;
        let Some(b) = line.block else {
            assert!(line.range.is_empty(), "blank line with text");
            assert!(line.table.is_none(), "blank line with a table line");
            continue;
        };
        let block = &doc.blocks[b];
        assert!(
            block.range.start <= line.range.start && line.range.end <= block.range.end,
            "line {:?} outside its block {:?}",
            line.range,
            block.range
        );
        let cols = width.max(1).saturating_sub(indent(block.kind)).max(1);
        if let Some(t) = &line.table {
            for p in &t.pieces {
                check_range(text, &p.range, "table piece");
                assert!(
                    line.range.start <= p.range.start && p.range.end <= line.range.end,
                    "piece {:?} outside its line {:?}",
                    p.range,
                    line.range
                );
            }
            for (_, d) in &t.decos {
                if let Deco::Label(r) = d {
                    check_range(text, r, "table label");
                }
            }
            let w = t.columns(text);
            // As on text lines, a line holding one grapheme may be wider.
            let one = |r: &Range<usize>| text[r.clone()].graphemes(true).count() <= 1;
            let alone = match (&t.pieces[..], &t.decos[..]) {
                ([p], []) => p.col == 0 && one(&p.range),
                ([], [(0, Deco::Label(r))]) => one(r),
                _ => false,
            };
            assert!(
                w <= cols || alone,
                "table line {t:?} is {w} columns wide, more than {cols}"
            );
            continue;
        }
        let s = &text[line.range.clone()];
        let w = columns(s, verbatim(block.kind));
        assert!(
            w <= cols || s.graphemes(true).count() <= 1,
            "line {s:?} is {w} columns wide, more than {cols}"
        );
    }
    for (b, block) in doc.blocks.iter().enumerate() {
        let mut ranges: Vec<&Range<usize>> = Vec::new();
        for x in l.lines.iter().filter(|x| x.block == Some(b)) {
            match &x.table {
                Some(t) => ranges.extend(t.pieces.iter().map(|p| &p.range)),
                None => ranges.push(&x.range),
            }
        }
        let cells = doc
            .tables
            .iter()
            .flat_map(|t| &t.rows)
            .find(|r| r.block == b)
            .map(|r| &r.cells);
        for (i, c) in text[block.range.clone()].char_indices() {
            if c.is_whitespace() {
                continue;
            }
            let at = block.range.start + i;
            let want = match cells {
                Some(cells) => usize::from(cells.iter().any(|r| r.contains(&at))),
                None => 1,
            };
            let n = ranges.iter().filter(|r| r.contains(&at)).count();
            assert_eq!(n, want, "char {c:?} at {at} is on {n} lines, not {want}");
        }
    }
}

/// Every ASCII letter of the text maps back to the same letter of `src`.
pub fn check_source_map(doc: &Document, src: &[u8]) {
    for (i, c) in doc.text.char_indices() {
        if c.is_ascii_alphabetic() {
            let j = doc.source_map.to_source(i);
            assert_eq!(
                src.get(j).copied(),
                Some(c as u8),
                "text offset {i} ({c:?}) maps to source offset {j}"
            );
        }
    }
}
