//! The article pane: visible lines with facts and search matches
//! highlighted, and a scrollbar that marks where the selected fact's
//! mentions are in the whole article.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use ratatui::widgets::StatefulWidget;

use super::text::put_text;
use crate::app::{Follow, Geometry, Reader};
use crate::document::BlockKind;
use crate::layout::{Deco, TableLine, columns, indent, verbatim};
use crate::theme::{self, Palette};

/// The article pane of a reader; its state is where the current
/// highlight is drawn (for the terminal cursor).
pub struct ArticleView<'a> {
    pub reader: &'a Reader,
    pub geometry: Geometry,
    pub palette: &'a Palette,
}

/// A style change inside a line: from byte `at` on, use `style`.
struct Run {
    range: Range<usize>,
    style: Style,
}

fn runs(app: &ArticleView, line: Range<usize>, base: Style) -> Vec<Run> {
    let (r, palette) = (app.reader, app.palette);
    let mut marks: Vec<Run> = r
        .index()
        .highlights_in(line.clone())
        .iter()
        .map(|h| {
            let style = palette.fact(r.targets()[h.target].section);
            let style = if r.selected() == Some(h.target) {
                theme::selected(style)
            } else {
                style
            };
            Run {
                range: h.range.clone(),
                style,
            }
        })
        .collect();
    // Code and links lie under the facts: drawn first, so a fact inside a
    // link keeps its style; a link in code is drawn as a link.
    let doc = r.doc();
    let from = doc.code.partition_point(|c| c.end <= line.start);
    let code = doc.code[from..]
        .iter()
        .take_while(|c| c.start < line.end)
        .map(|c| Run {
            range: c.clone(),
            style: theme::code(),
        });
    let from = doc.links.partition_point(|l| l.range.end <= line.start);
    let links = doc.links[from..]
        .iter()
        .take_while(|l| l.range.start < line.end)
        .map(|l| Run {
            range: l.range.clone(),
            style: theme::link(),
        });
    marks.splice(0..0, code.chain(links));
    if let Some(s) = r.search() {
        let from = s.matches.partition_point(|m| m.end <= line.start);
        let n = s.matches[from..].partition_point(|m| m.start < line.end);
        marks.extend(s.matches[from..from + n].iter().map(|m| Run {
            range: m.clone(),
            style: palette.search_match(),
        }));
    }
    if let Some(c) = r.current()
        && c.start < line.end
        && c.end > line.start
    {
        marks.push(Run {
            range: c.clone(),
            style: palette.current(),
        });
    }
    // Later marks win: paint base, then each mark over it, as cut points.
    let mut cuts: Vec<usize> = vec![line.start, line.end];
    for m in &marks {
        cuts.push(m.range.start.clamp(line.start, line.end));
        cuts.push(m.range.end.clamp(line.start, line.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let style = marks
                .iter()
                .rev()
                .find(|m| m.range.start <= w[0] && w[1] <= m.range.end)
                .map_or(base, |m| base.patch(m.style));
            Run {
                range: w[0]..w[1],
                style,
            }
        })
        .collect()
}

impl StatefulWidget for ArticleView<'_> {
    type State = Option<Position>;

    /// Draws the pane; `cursor` becomes where the current highlight is.
    fn render(self, area: Rect, buf: &mut Buffer, cursor: &mut Option<Position>) {
        if area.height == 0 || area.width == 0 {
            return;
        }
        *cursor = draw(&self, area, buf);
    }
}

fn draw(app: &ArticleView, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let (r, g) = (app.reader, app.geometry);
    let x0 = area.x + g.text_x.min(area.width - 1);
    let max_x = (x0 + g.text_cols as u16).min(area.right());
    let lines = &r.layout().lines;
    let mut cursor = None;
    for (row, line) in lines
        .iter()
        .skip(r.top())
        .take(area.height as usize)
        .enumerate()
    {
        let Some(b) = line.block else { continue };
        let kind = r.doc().blocks[b].kind;
        let base = app.palette.block(kind);
        let y = area.y + row as u16;
        let verbatim = verbatim(kind);
        let x_text = (x0 + indent(kind) as u16).min(max_x);
        if kind == BlockKind::Quote && x0 < max_x {
            buf[(x0, y)].set_symbol("▎").set_style(theme::dim());
        }
        if let Some(t) = &line.table {
            let found = draw_table_line(app, t, x_text, y, max_x, base, buf);
            cursor = cursor.or(found);
            continue;
        }
        let (mut x, mut in_space) = (x_text, false);
        for run in runs(app, line.range.clone(), base) {
            (x, in_space) = put_text(
                buf,
                x,
                y,
                max_x,
                &r.doc().text[run.range],
                run.style,
                in_space,
                verbatim,
            );
        }
        if let Some(c) = r.current()
            && line.range.start <= c.start
            && c.start < line.range.end.max(line.range.start + 1)
        {
            let col = columns(&r.doc().text[line.range.start..c.start], verbatim) as u16;
            cursor = Some(Position::new(
                (x_text + col).min(max_x.saturating_sub(1)),
                y,
            ));
        }
    }
    scrollbar(buf, area, app);
    cursor
}

/// Draws a table line: its decorations, then its pieces of text at their
/// columns, highlighted like any text. Returns where the current
/// highlight starts, when it starts on this line.
fn draw_table_line(
    app: &ArticleView,
    t: &TableLine,
    x_text: u16,
    y: u16,
    max_x: u16,
    base: Style,
    buf: &mut Buffer,
) -> Option<Position> {
    let text = &app.reader.doc().text;
    let at = |col: usize| x_text.saturating_add(u16::try_from(col).unwrap_or(u16::MAX));
    let sym = |buf: &mut Buffer, col: usize, s: &str| {
        if at(col) < max_x {
            buf[(at(col), y)].set_symbol(s).set_style(theme::dim());
        }
    };
    for (col, d) in &t.decos {
        match d {
            Deco::Bar => sym(buf, *col, "│"),
            Deco::Colon => sym(buf, *col, ":"),
            Deco::Rule(n) => (*col..col + n).for_each(|c| sym(buf, c, "─")),
            Deco::Cross | Deco::Label(_) => {}
        }
    }
    // Crosses go over the rule, whatever the order they came in.
    for (col, d) in &t.decos {
        match d {
            Deco::Cross => sym(buf, *col, "┼"),
            Deco::Label(r) if at(*col) < max_x => {
                put_text(
                    buf,
                    at(*col),
                    y,
                    max_x,
                    &text[r.clone()],
                    theme::table_label(),
                    false,
                    false,
                );
            }
            _ => {}
        }
    }
    let mut cursor = None;
    for p in &t.pieces {
        let x = at(p.col);
        if x >= max_x {
            continue;
        }
        let mut in_space = false;
        let mut cx = x;
        for run in runs(app, p.range.clone(), base) {
            (cx, in_space) = put_text(
                buf,
                cx,
                y,
                max_x,
                &text[run.range],
                run.style,
                in_space,
                false,
            );
        }
        if let Some(c) = app.reader.current()
            && p.range.contains(&c.start)
        {
            let col = columns(&text[p.range.start..c.start], false) as u16;
            cursor = Some(Position::new((x + col).min(max_x.saturating_sub(1)), y));
        }
    }
    cursor
}

/// A one-column scrollbar on the right edge: track, thumb, and a mark on
/// each row that holds a mention of the selected fact (a minimap).
fn scrollbar(buf: &mut Buffer, area: Rect, app: &ArticleView) {
    let r = app.reader;
    let total = r.layout().lines.len();
    let rows = area.height as usize;
    if area.width < 3 || total == 0 {
        return;
    }
    let x = area.right() - 1;
    let (thumb_from, thumb_to) = if total > rows {
        let len = (rows * rows / total).max(1);
        let from = r.top() * (rows - len) / r.max_top().max(1);
        (from, from + len)
    } else {
        (0, rows)
    };
    for r in 0..rows {
        let (sym, style) = if (thumb_from..thumb_to).contains(&r) {
            ("█", theme::scrollbar_thumb())
        } else {
            ("│", theme::dim())
        };
        buf[(x, area.y + r as u16)].set_symbol(sym).set_style(style);
    }
    let mark_from = match r.follow() {
        Follow::Search => r.search().map(|s| (&s.matches, app.palette.search_match())),
        Follow::Selection => r.selected().map(|t| {
            let target = &r.targets()[t];
            (&target.mentions, app.palette.scrollbar_mark(target.section))
        }),
    };
    // Per row, not per mention: a search for "the" in a big text has tens
    // of thousands of matches but the bar only has `rows` cells.
    if let Some((ranges, style)) = mark_from {
        let lines = &r.layout().lines;
        for r in 0..rows {
            let (first, last) = (
                r * total / rows,
                ((r + 1) * total / rows)
                    .max(r * total / rows + 1)
                    .min(total),
            );
            let bytes = lines[first].range.start..lines[last - 1].range.end;
            let i = ranges.partition_point(|m| m.end <= bytes.start);
            if i < ranges.len() && ranges[i].start < bytes.end.max(bytes.start + 1) {
                buf[(x, area.y + r as u16)]
                    .set_symbol(super::MENTION_MARK)
                    .set_style(style);
            }
        }
    }
}
