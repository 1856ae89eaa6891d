//! Lays a table out for a width: columns lined up, cell text wrapped
//! inside its column when the table is wider than the width, and, when
//! even that leaves columns too narrow to read, one "header: value" line
//! per cell instead.
//!
//! Widths are display widths (`unicode-width`, whitespace runs as one
//! column, as drawn), so CJK and emoji cells line up. Cell text is placed
//! as [`Piece`]s, byte ranges of the document text at a column, so facts
//! and search matches inside cells are highlighted like any other text.
//! What is not text (column bars, the header rule, repeated header labels)
//! is [`Deco`]ration.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::{Line, display_width, widest_atom, wrap};
use crate::document::{Align, Document, Table};

/// Columns between two columns: ` │ `.
const GAP: usize = 3;
/// Below this many columns a column's text is cut too often to read; a
/// table that would need narrower columns is shown one cell per line.
pub const MIN_COLUMN: usize = 6;
/// A column is not made narrower than its longest word (so numbers and
/// names stay whole), up to this many columns: a long URL may be cut.
const MAX_WORD: usize = 16;

/// Text of the document drawn from a column of the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub col: usize,
    pub range: Range<usize>,
}

/// What a table line draws besides its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Deco {
    /// The bar between two columns, `│`.
    Bar,
    /// Where a column bar meets the header rule, `┼`.
    Cross,
    /// The rule under the header: `─` over this many columns.
    Rule(usize),
    /// A header cell's text repeated as the label of a value (the
    /// one-cell-per-line form). It belongs to the header row, not to this
    /// line.
    Label(Range<usize>),
    /// The `:` after a label.
    Colon,
}

/// A display line of a table: pieces of text and decorations, each at a
/// column from the left of the text area.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableLine {
    pub pieces: Vec<Piece>,
    pub decos: Vec<(usize, Deco)>,
}

impl TableLine {
    /// Columns the line takes when drawn.
    pub fn columns(&self, text: &str) -> usize {
        let pieces = self
            .pieces
            .iter()
            .map(|p| p.col + display_width(&text[p.range.clone()]));
        let decos = self.decos.iter().map(|(col, d)| {
            col + match d {
                Deco::Rule(n) => *n,
                Deco::Label(r) => display_width(&text[r.clone()]),
                Deco::Bar | Deco::Cross | Deco::Colon => 1,
            }
        });
        pieces.chain(decos).max().unwrap_or(0)
    }

    /// A table line as text: every piece and decoration at its column,
    /// whitespace runs in the text as one space, trailing spaces dropped.
    pub fn to_text(&self, text: &str) -> String {
        // One entry per column; a wide grapheme's second column is empty.
        let mut cells: Vec<&str> = vec![" "; self.columns(text)];
        let mut put = |col: usize, s: &'static str| {
            if let Some(c) = cells.get_mut(col) {
                *c = s;
            }
        };
        for (col, d) in &self.decos {
            match d {
                Deco::Rule(n) => (*col..col + n).for_each(|c| put(c, "─")),
                Deco::Bar => put(*col, "│"),
                Deco::Colon => put(*col, ":"),
                Deco::Cross | Deco::Label(_) => {}
            }
        }
        for (col, d) in &self.decos {
            if let Deco::Cross = d {
                put(*col, "┼");
            }
        }
        let labels = self.decos.iter().filter_map(|(col, d)| match d {
            Deco::Label(r) => Some((*col, r.clone())),
            _ => None,
        });
        let pieces = self.pieces.iter().map(|p| (p.col, p.range.clone()));
        for (col, range) in labels.chain(pieces) {
            let mut x = col;
            let mut in_space = false;
            for g in text[range].graphemes(true) {
                if g.chars().all(char::is_whitespace) {
                    if !in_space && let Some(c) = cells.get_mut(x) {
                        *c = " ";
                        x += 1;
                    }
                    in_space = true;
                    continue;
                }
                in_space = false;
                let w = g.width();
                if w == 0 || x + w > cells.len() {
                    continue;
                }
                cells[x] = g;
                for c in &mut cells[x + 1..x + w] {
                    *c = "";
                }
                x += w;
            }
        }
        cells.concat().trim_end().to_string()
    }

    /// The byte offset drawn at display column `col` of the line (from the
    /// left of the text area), if text is drawn there: what a click on a
    /// table cell points at. Decorations and padding point at nothing.
    pub fn offset_at_column(&self, text: &str, col: usize) -> Option<usize> {
        self.pieces.iter().find_map(|p| {
            let mut x = p.col;
            let mut in_space = false;
            for (i, g) in text[p.range.clone()].grapheme_indices(true) {
                let w = if g.chars().all(char::is_whitespace) {
                    if in_space {
                        continue;
                    }
                    in_space = true;
                    1
                } else {
                    in_space = false;
                    g.width()
                };
                if (x..x + w).contains(&col) {
                    return Some(p.range.start + i);
                }
                x += w;
            }
            None
        })
    }

    /// The piece holding byte `offset`, if any.
    pub fn piece_at(&self, offset: usize) -> Option<&Piece> {
        self.pieces.iter().find(|p| p.range.contains(&offset))
    }
}

/// Per column, the width its text needs on one line and the width it can
/// be shrunk to: its longest word, at least [`MIN_COLUMN`] and at most
/// [`MAX_WORD`], never more than it needs.
fn needs(doc: &Document, table: &Table) -> Vec<(usize, usize)> {
    let mut needs = vec![(1, 0); table.columns()];
    for row in &table.rows {
        for (c, cell) in row.cells.iter().enumerate() {
            let text = &doc.text[cell.clone()];
            needs[c].0 = needs[c].0.max(display_width(text));
            needs[c].1 = needs[c].1.max(widest_atom(text));
        }
    }
    needs
        .into_iter()
        .map(|(w, word)| (w, word.clamp(MIN_COLUMN, MAX_WORD).min(w)))
        .collect()
}

/// Column widths that fit `width`, given each column's (natural, least)
/// width: the natural ones when they fit, else the widest columns shrunk
/// first (every column wider than some cap is cut to it, but not below
/// its least width), the room left over going back to them from the
/// left. `None` when even the least widths do not fit.
pub fn column_widths(needs: &[(usize, usize)], width: usize) -> Option<Vec<usize>> {
    let n = needs.len();
    if n == 0 {
        return Some(Vec::new());
    }
    let room = width.checked_sub(GAP * (n - 1))?;
    let shrunk = |cap: usize| -> Vec<usize> {
        needs
            .iter()
            .map(|&(nat, least)| nat.min(cap).max(least))
            .collect()
    };
    let fits = |cap: usize| shrunk(cap).iter().sum::<usize>() <= room;
    let widest = needs.iter().map(|n| n.0).max().expect("n > 0");
    if fits(widest) {
        return Some(shrunk(widest));
    }
    if !fits(0) {
        return None;
    }
    // The largest cap that fits: fits(lo) holds, fits(hi) does not.
    let (mut lo, mut hi) = (0, widest);
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let mut widths = shrunk(lo);
    let mut spare = room - widths.iter().sum::<usize>();
    for (w, &(nat, _)) in widths.iter_mut().zip(needs) {
        let more = nat.saturating_sub(*w).min(spare);
        *w += more;
        spare -= more;
    }
    Some(widths)
}

/// Appends the lines of `table` at `width` columns to `out`.
pub fn layout_table(doc: &Document, table: &Table, width: usize, out: &mut Vec<Line>) {
    match column_widths(&needs(doc, table), width) {
        Some(widths) => grid(doc, table, &widths, out),
        None => records(doc, table, width, out),
    }
}

fn header_of(doc: &Document, table: &Table) -> Option<usize> {
    table.rows.first().and_then(|r| {
        (doc.blocks[r.block].kind == crate::document::BlockKind::TableHeader).then_some(0)
    })
}

/// A line of block `block` from its table line: its range spans its
/// pieces (or is empty at `at` when it has none).
fn push(out: &mut Vec<Line>, block: usize, t: TableLine, at: usize) {
    let range = match (
        t.pieces.iter().map(|p| p.range.start).min(),
        t.pieces.iter().map(|p| p.range.end).max(),
    ) {
        (Some(s), Some(e)) => s..e,
        _ => at..at,
    };
    out.push(Line {
        block: Some(block),
        range,
        table: Some(Box::new(t)),
    });
}

/// Where a piece of `w` columns starts in a column of `cw` columns.
fn aligned(align: Align, cw: usize, w: usize) -> usize {
    let room = cw.saturating_sub(w);
    match align {
        Align::Left => 0,
        Align::Center => room / 2,
        Align::Right => room,
    }
}

/// Columns lined up: each row as tall as its tallest wrapped cell, a bar
/// between columns, a rule under the header.
fn grid(doc: &Document, table: &Table, widths: &[usize], out: &mut Vec<Line>) {
    let mut x = Vec::with_capacity(widths.len());
    let mut at = 0;
    for w in widths {
        x.push(at);
        at += w + GAP;
    }
    let total = at.saturating_sub(GAP);
    let bars: Vec<(usize, Deco)> = x.iter().skip(1).map(|&c| (c - 2, Deco::Bar)).collect();
    let header = header_of(doc, table);
    for (r, row) in table.rows.iter().enumerate() {
        let wrapped: Vec<Vec<Range<usize>>> = row
            .cells
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                wrap(&doc.text[cell.clone()], widths[c])
                    .into_iter()
                    .map(|p| p.start + cell.start..p.end + cell.start)
                    .collect()
            })
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let block_range = &doc.blocks[row.block].range;
        for k in 0..height {
            let pieces = wrapped
                .iter()
                .enumerate()
                .filter_map(|(c, parts)| {
                    let range = parts.get(k)?.clone();
                    let w = display_width(&doc.text[range.clone()]);
                    Some(Piece {
                        col: x[c] + aligned(table.align(c), widths[c], w),
                        range,
                    })
                })
                .collect();
            let line = TableLine {
                pieces,
                decos: bars.clone(),
            };
            push(out, row.block, line, block_range.start);
        }
        if Some(r) == header {
            let mut decos = vec![(0, Deco::Rule(total))];
            decos.extend(x.iter().skip(1).map(|&c| (c - 2, Deco::Cross)));
            push(
                out,
                row.block,
                TableLine {
                    pieces: Vec::new(),
                    decos,
                },
                block_range.end,
            );
        }
    }
}

/// The width of the value after a label, below which the label gets a
/// line of its own.
const MIN_VALUE: usize = 8;

/// Too narrow for columns: the header's cells flow on as few lines as they
/// fit, under them a rule, then each row as a record of "header: value"
/// lines, records separated by a blank line.
fn records(doc: &Document, table: &Table, width: usize, out: &mut Vec<Line>) {
    let header = header_of(doc, table);
    let labels: &[Range<usize>] = header.map_or(&[], |h| &table.rows[h].cells);
    for (r, row) in table.rows.iter().enumerate() {
        let block_end = doc.blocks[row.block].range.end;
        if Some(r) == header {
            flow(doc, row.block, &row.cells, width, out);
            let rule = TableLine {
                pieces: Vec::new(),
                decos: vec![(0, Deco::Rule(width))],
            };
            push(out, row.block, rule, block_end);
            continue;
        }
        if r > header.map_or(0, |h| h + 1) {
            let prev_end = out.last().map_or(0, |l| l.range.end);
            out.push(Line {
                block: None,
                range: prev_end..prev_end,
                table: None,
            });
        }
        let before = out.len();
        for (c, cell) in row.cells.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let label = labels
                .get(c)
                .filter(|l| !l.is_empty())
                .map(|l| (l.clone(), display_width(&doc.text[l.clone()])));
            record_cell(doc, row.block, label, cell, width, out);
        }
        if out.len() == before {
            // A row of empty cells still takes its line.
            push(out, row.block, TableLine::default(), block_end);
        }
    }
}

/// One cell as `label: value`, the value wrapped under itself; or, when
/// the label leaves the value too little room, the label on lines of its
/// own and the value under it, indented.
fn record_cell(
    doc: &Document,
    block: usize,
    label: Option<(Range<usize>, usize)>,
    cell: &Range<usize>,
    width: usize,
    out: &mut Vec<Line>,
) {
    let (col, mut first_decos) = match &label {
        None => (0, Vec::new()),
        Some((range, lw)) if lw + 2 + MIN_VALUE.min(width) <= width => (
            lw + 2,
            vec![(0, Deco::Label(range.clone())), (*lw, Deco::Colon)],
        ),
        Some((range, _)) => {
            // The label alone, wrapped, its last line ending in the colon.
            let parts = wrap(&doc.text[range.clone()], width.saturating_sub(1).max(1));
            let n = parts.len();
            for (i, p) in parts.into_iter().enumerate() {
                let p = p.start + range.start..p.end + range.start;
                let w = display_width(&doc.text[p.clone()]);
                let mut decos = vec![(0, Deco::Label(p))];
                if i + 1 == n && w < width {
                    decos.push((w, Deco::Colon));
                }
                let line = TableLine {
                    pieces: Vec::new(),
                    decos,
                };
                push(out, block, line, cell.start);
            }
            // Indented when that still leaves room for a wide character.
            (if width >= 4 { 2 } else { 0 }, Vec::new())
        }
    };
    let text = &doc.text[cell.clone()];
    for p in wrap(text, width - col) {
        let range = p.start + cell.start..p.end + cell.start;
        let line = TableLine {
            pieces: vec![Piece { col, range }],
            decos: std::mem::take(&mut first_decos),
        };
        push(out, block, line, cell.start);
    }
}

/// Cells one after another, ` │ ` between them, on as few lines as fit;
/// a cell too long for a line is wrapped.
fn flow(doc: &Document, block: usize, cells: &[Range<usize>], width: usize, out: &mut Vec<Line>) {
    let mut line = TableLine::default();
    let mut x = 0;
    let at = doc.blocks[block].range.start;
    for cell in cells.iter().filter(|c| !c.is_empty()) {
        let parts = wrap(&doc.text[cell.clone()], width);
        for (i, p) in parts.into_iter().enumerate() {
            let range = p.start + cell.start..p.end + cell.start;
            let w = display_width(&doc.text[range.clone()]);
            if i == 0 && x > 0 && x + GAP + w <= width {
                line.decos.push((x + 1, Deco::Bar));
                x += GAP;
            } else if x > 0 {
                push(out, block, std::mem::take(&mut line), at);
                x = 0;
            }
            line.pieces.push(Piece { col: x, range });
            x += w;
        }
    }
    push(out, block, line, at);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::load_markdown;
    use crate::layout::layout;

    /// The lines of `src`'s tables at `width`, as drawn.
    fn shown(src: &str, width: usize) -> Vec<String> {
        let doc = load_markdown(src);
        layout(&doc, width)
            .lines
            .iter()
            .filter_map(|l| l.table.as_ref().map(|t| t.to_text(&doc.text)))
            .collect()
    }

    const CITIES: &str = "\
| City | Country | Population | Note |
|:-----|:-------:|-----------:|------|
| Paris | France | 2,102,650 | The capital, on the Seine |
| London | United Kingdom | 8,945,309 | |
";

    #[test]
    fn columns_line_up_with_their_alignment() {
        assert_eq!(
            shown(CITIES, 80),
            [
                "City   │    Country     │ Population │ Note",
                "───────┼────────────────┼────────────┼──────────────────────────",
                "Paris  │     France     │  2,102,650 │ The capital, on the Seine",
                "London │ United Kingdom │  8,945,309 │",
            ]
        );
    }

    #[test]
    fn the_widest_column_shrinks_first_and_its_text_wraps() {
        // 50 columns: the two widest (14 and 25) are cut to the same width,
        // the one spare column going to the first.
        assert_eq!(
            shown(CITIES, 50),
            [
                "City   │    Country    │ Population │ Note",
                "───────┼───────────────┼────────────┼─────────────",
                "Paris  │    France     │  2,102,650 │ The capital,",
                "       │               │            │ on the Seine",
                "London │    United     │  8,945,309 │",
                "       │    Kingdom    │            │",
            ]
        );
        // 40: cut to their longest words, no further: no word is broken.
        assert_eq!(
            shown(CITIES, 40),
            [
                "City   │ Country │ Population │ Note",
                "───────┼─────────┼────────────┼─────────",
                "Paris  │ France  │  2,102,650 │ The",
                "       │         │            │ capital,",
                "       │         │            │ on the",
                "       │         │            │ Seine",
                "London │ United  │  8,945,309 │",
                "       │ Kingdom │            │",
            ]
        );
    }

    #[test]
    fn too_narrow_for_columns_each_cell_is_a_labelled_line() {
        assert_eq!(
            shown(CITIES, 24),
            [
                "City │ Country",
                "Population │ Note",
                "────────────────────────",
                "City: Paris",
                "Country: France",
                "Population: 2,102,650",
                "Note: The capital, on",
                "      the Seine",
                "City: London",
                "Country: United Kingdom",
                "Population: 8,945,309",
            ]
        );
        // Narrower still: labels on lines of their own, values under them.
        let lines = shown(CITIES, 10);
        assert_eq!(
            lines[..6],
            [
                "City",
                "Country",
                "Population",
                "Note",
                "──────────",
                "City:"
            ]
        );
        assert_eq!(lines[6], "  Paris");
        assert!(lines.iter().all(|l| l.chars().count() <= 10), "{lines:?}");
    }

    #[test]
    fn records_are_separated_by_a_blank_line() {
        let doc = load_markdown(CITIES);
        let l = layout(&doc, 24);
        let blank = l.lines.iter().position(|l| l.block.is_none()).unwrap();
        let before = l.lines[blank - 1].table.as_ref().unwrap();
        assert_eq!(before.to_text(&doc.text), "      the Seine");
        let after = l.lines[blank + 1].table.as_ref().unwrap();
        assert_eq!(after.to_text(&doc.text), "City: London");
    }

    #[test]
    fn wide_characters_line_up_by_display_width() {
        let src = "| 都市 | n |\n|---|--:|\n| 東京 | 1 |\n| Paris | 22 |\n";
        let lines = shown(src, 40);
        assert_eq!(
            lines,
            ["都市  │  n", "──────┼───", "東京  │  1", "Paris │ 22"]
        );
        for l in &lines {
            assert_eq!(l.width(), 10, "{l}");
        }
    }

    #[test]
    fn widths_shrink_the_widest_first_down_to_the_longest_word() {
        // (natural, least): fits as is.
        assert_eq!(column_widths(&[(5, 5), (10, 6)], 20), Some(vec![5, 10]));
        // The widest gives way first; the spare column goes back to it.
        assert_eq!(
            column_widths(&[(8, 6), (30, 6), (20, 6)], 40),
            Some(vec![8, 13, 13])
        );
        // Never below a column's least width (its longest word).
        assert_eq!(column_widths(&[(12, 12), (30, 6)], 30), Some(vec![12, 15]));
        assert_eq!(column_widths(&[(12, 12), (30, 6)], 20), None);
        assert_eq!(column_widths(&[], 5), Some(vec![]));
        assert_eq!(column_widths(&[(3, 3), (3, 3)], 4), None);
    }

    #[test]
    fn offsets_in_a_wrapped_row_find_their_line() {
        let doc = load_markdown(CITIES);
        let l = layout(&doc, 40);
        let seine = doc.text.find("Seine").unwrap();
        let i = l.line_of(seine);
        let t = l.lines[i].table.as_ref().unwrap();
        assert_eq!(
            t.to_text(&doc.text).trim(),
            "│         │            │ Seine"
        );
        let paris = doc.text.find("Paris").unwrap();
        assert_eq!(l.line_of(paris), i - 3);
        assert_eq!(l.line_of(doc.text.find("2,102").unwrap()), i - 3);
        // "Kingdom" is on the London row's second line, though the first
        // line's range spans it (from "London" to "8,945,309"); and the
        // second line starts before "8,945,309", which is on the first.
        let kingdom = doc.text.find("Kingdom").unwrap();
        let london = l.line_of(doc.text.find("London").unwrap());
        assert!(l.lines[london].range.contains(&kingdom));
        assert_eq!(l.line_of(kingdom), london + 1);
        assert_eq!(l.line_of(doc.text.find("8,945").unwrap()), london);
    }

    #[test]
    fn columns_of_a_table_line_point_at_its_cells() {
        let doc = load_markdown(CITIES);
        let l = layout(&doc, 80);
        let t = l.lines[3].table.as_ref().unwrap();
        assert_eq!(
            t.to_text(&doc.text),
            "London │ United Kingdom │  8,945,309 │"
        );
        let at = |col| {
            t.offset_at_column(&doc.text, col)
                .map(|o| &doc.text[o..o + 1])
        };
        assert_eq!(at(0), Some("L"));
        assert_eq!(at(9), Some("U"));
        assert_eq!(at(15), Some(" "));
        assert_eq!(at(16), Some("K"));
        assert_eq!(at(27), Some("8"));
        assert_eq!(at(28), Some(","));
        // Padding and bars are not text.
        assert_eq!(at(6), None);
        assert_eq!(at(7), None);
        assert_eq!(at(24), None);
        assert_eq!(at(26), None);
        assert_eq!(at(60), None);
    }

    #[test]
    fn a_rule_line_belongs_to_the_header_and_holds_no_text() {
        let doc = load_markdown(CITIES);
        let l = layout(&doc, 80);
        let rule = &l.lines[1];
        assert_eq!(rule.block, l.lines[0].block);
        assert!(rule.range.is_empty());
        assert!(rule.table.as_ref().unwrap().pieces.is_empty());
    }
}
