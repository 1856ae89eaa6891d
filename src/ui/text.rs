//! Writing article text into the buffer: whitespace runs as one space,
//! wide graphemes as whole cells.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Writes `text` at (x, y), drawing each whitespace run as one space and
/// stopping at `max_x`. `in_space` carries a run across calls. Returns the
/// column after the last cell written and the run state.
pub fn put_collapsed(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    max_x: u16,
    text: &str,
    style: Style,
    in_space: bool,
) -> (u16, bool) {
    put_text(buf, x, y, max_x, text, style, in_space, false)
}

/// A pane's title bar: the first row of `area` filled with `style`, with
/// `title` cut to fit.
pub fn title_bar(buf: &mut Buffer, area: Rect, title: &str, style: Style) {
    buf.set_style(Rect { height: 1, ..area }, style);
    put_collapsed(
        buf,
        area.x,
        area.y,
        area.right(),
        &truncate(title, area.width as usize),
        style,
        false,
    );
}

/// Like [`put_collapsed`], or with every whitespace character drawn as a
/// space when `verbatim` (preformatted text).
#[allow(clippy::too_many_arguments)]
pub fn put_text(
    buf: &mut Buffer,
    mut x: u16,
    y: u16,
    max_x: u16,
    text: &str,
    style: Style,
    mut in_space: bool,
    verbatim: bool,
) -> (u16, bool) {
    for g in text.graphemes(true) {
        let (sym, w) = if g.chars().all(char::is_whitespace) {
            if in_space && !verbatim {
                continue;
            }
            in_space = true;
            (" ", 1)
        } else if g.chars().any(crate::document::is_unsafe) {
            // Documents are sanitized when built; this guards everything
            // else drawn (notices, names, prompts) the same way.
            in_space = false;
            ("\u{fffd}", 1)
        } else {
            in_space = false;
            (g, g.width() as u16)
        };
        if w == 0 {
            continue;
        }
        if x + w > max_x {
            break;
        }
        buf[(x, y)].set_symbol(sym).set_style(style);
        // A wide grapheme covers the next cell too; clear it so no stale
        // symbol shows through.
        for dx in 1..w {
            buf[(x + dx, y)].set_symbol("").set_style(style);
        }
        x += w;
    }
    (x, in_space)
}

/// `s` made safe for one row of a list: whitespace runs as one space,
/// anything that could act on the terminal as U+FFFD (file names and
/// messages come from strangers too).
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
            continue;
        }
        in_space = false;
        out.push(if crate::document::is_unsafe(c) {
            '\u{fffd}'
        } else {
            c
        });
    }
    out
}

/// Draws `items` as a list in `area` with the row `cursor` highlighted
/// (reversed when `focused`), scrolled to show it, or from row `offset`.
pub fn list(
    buf: &mut Buffer,
    area: Rect,
    items: Vec<ratatui::widgets::ListItem>,
    cursor: Option<usize>,
    offset: usize,
    focused: bool,
) {
    let list =
        ratatui::widgets::List::new(items).highlight_style(crate::theme::sidebar_cursor(focused));
    let mut state = ratatui::widgets::ListState::default()
        .with_offset(offset)
        .with_selected(cursor);
    ratatui::widgets::StatefulWidget::render(list, area, buf, &mut state);
}

pub use crate::layout::truncate;

/// A bordered, titled popup `width` wide with room for `rows` list rows
/// (as many as fit), centred in `area` and cleared: its inner area, or
/// `None` when nothing fits inside the border.
pub fn popup(area: Rect, buf: &mut Buffer, width: u16, rows: usize, title: &str) -> Option<Rect> {
    let height = (rows.min(usize::from(u16::MAX - 2)) as u16 + 2)
        .min(area.height.saturating_sub(2).max(3))
        .min(area.height);
    let popup = centered(area, width, height);
    Clear.render(popup, buf);
    Block::new()
        .borders(Borders::ALL)
        .title(truncate(title, usize::from(popup.width.saturating_sub(2))))
        .render(popup, buf);
    let inner = popup.inner(Margin::new(1, 1));
    (inner.height > 0 && inner.width > 0).then_some(inner)
}

/// A `width` x `height` box centred in `area` (both clipped to it), for popups.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// Breaks `s` into lines of at most `cols` display columns at spaces (the
/// article's own wrapping, `layout::wrap`); a word longer than a line is
/// cut. Always at least one line.
pub fn wrap_words(s: &str, cols: usize) -> Vec<String> {
    let lines: Vec<String> = crate::layout::wrap(s, cols.max(1))
        .into_iter()
        .map(|r| s[r].split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    if lines.is_empty() {
        vec![String::new()]
    } else {
        lines
    }
}

/// Shortens `s` to `cols` at a word boundary, ending in "…" when cut; a
/// single word too long for the room is cut where it must be.
pub fn fit_words(s: &str, cols: usize) -> String {
    if s.width() <= cols {
        return s.to_string();
    }
    let mut out = String::new();
    for (i, _) in s.match_indices(' ') {
        let head = s[..i].trim_end_matches([' ', '·', ',', ';', ':']);
        if head.width() + 1 > cols {
            break;
        }
        out = head.to_string();
    }
    if out.is_empty() {
        return truncate(s, cols);
    }
    out.push('…');
    out
}

/// Joins `parts` with `sep`, dropping parts from the end (the least
/// needed last) until it fits `cols`; the first part alone is shortened
/// at a word boundary.
pub fn fit_parts(parts: &[&str], sep: &str, cols: usize) -> String {
    for n in (1..=parts.len()).rev() {
        let line = parts[..n].join(sep);
        if line.width() <= cols {
            return line;
        }
    }
    parts
        .first()
        .map_or_else(String::new, |p| fit_words(p, cols))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_words_breaks_at_spaces_and_cuts_only_overlong_words() {
        assert_eq!(
            wrap_words("close what is open, never quits", 12),
            ["close what", "is open,", "never quits"]
        );
        assert_eq!(wrap_words("abcdefgh ij", 3), ["abc", "def", "gh", "ij"]);
        assert_eq!(wrap_words("", 5), [""]);
        for line in wrap_words("漢字の タイトル です", 4) {
            assert!(line.width() <= 4, "{line}");
        }
    }

    #[test]
    fn fitting_cuts_at_words_and_drops_the_least_needed_parts() {
        assert_eq!(
            fit_words("no more headings below", 30),
            "no more headings below"
        );
        assert_eq!(fit_words("no more headings below", 18), "no more headings…");
        assert_eq!(fit_words("no more headings below", 16), "no more…");
        assert_eq!(fit_words("unbreakable", 6), "unbre…");
        let parts = ["restored your place (line 40 of 148)", "g to go to top"];
        assert_eq!(
            fit_parts(&parts, " · ", 60),
            "restored your place (line 40 of 148) · g to go to top"
        );
        assert_eq!(
            fit_parts(&parts, " · ", 40),
            "restored your place (line 40 of 148)"
        );
        assert_eq!(fit_parts(&parts, " · ", 25), "restored your place…");
    }
}
