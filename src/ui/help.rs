//! The help overlay, generated from the live keymap: commands under their
//! groups and a legend of the marks, scrollable when taller than the
//! screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::MARKS;
use super::text::{centered, truncate, wrap_words};
use crate::keymap::{Command, Keymap};
use crate::theme::{self, Palette};

pub struct HelpView<'a> {
    pub keymap: &'a Keymap,
    pub palette: &'a Palette,
    /// First row shown when the help is taller than the screen.
    pub scroll: usize,
}

impl Widget for HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        draw(buf, area, &self);
    }
}

fn draw(buf: &mut Buffer, area: Rect, help: &HelpView) {
    let groups = help.keymap.help_groups();
    let rows: Vec<&(String, &str)> = groups.iter().flat_map(|(_, r)| r).collect();
    let key_w = rows.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let desc_w = rows.iter().map(|(_, d)| d.width()).max().unwrap_or(0);
    let width = ((key_w + desc_w + 4) as u16).min(area.width);
    let inner_w = usize::from(width.saturating_sub(2));
    let mut lines: Vec<Line> = wrap_words(&closing(help.keymap), inner_w)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, Style::new().italic())))
        .collect();
    for (group, rows) in &groups {
        lines.push(Line::raw(""));
        lines.push(Line::from(Span::styled(*group, theme::sidebar_header())));
        for (keys, desc) in rows {
            lines.extend(row(keys, desc, key_w, inner_w, help.palette));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(Span::styled("Marks", theme::sidebar_header())));
    for (mark, means) in MARKS {
        lines.extend(row(mark, means, key_w, inner_w, help.palette));
    }
    let height = (lines.len() as u16 + 3).min(area.height);
    let inner_rows = height.saturating_sub(3) as usize;
    let max_scroll = lines.len().saturating_sub(inner_rows);
    let scroll = help.scroll.min(max_scroll);
    let footer = footer(
        help.keymap,
        (max_scroll > 0).then(|| (scroll + inner_rows, lines.len())),
        inner_w,
    );
    let mut shown: Vec<Line> = lines.into_iter().skip(scroll).take(inner_rows).collect();
    shown.push(Line::from(Span::styled(footer, Style::new().italic())).centered());
    let popup = centered(area, width, height);
    Clear.render(popup, buf);
    Paragraph::new(shown)
        .block(Block::new().borders(Borders::ALL).title(" factlens keys "))
        .render(popup, buf);
}

/// Narrowest room for a description beside its keys; below it the keys'
/// column gives way.
const MIN_DESC_COLS: usize = 20;

/// One command's lines: its keys right-aligned in a column of `key_w`
/// (narrowed when the popup is), two spaces, its description; on a narrow
/// screen both wrap at spaces onto further lines instead of being cut.
fn row<'a>(keys: &str, desc: &str, key_w: usize, cols: usize, palette: &Palette) -> Vec<Line<'a>> {
    let key_col = key_w.min(cols.saturating_sub(MIN_DESC_COLS + 2)).max(1);
    let desc_col = cols.saturating_sub(key_col + 2).max(1);
    let keys = wrap_words(keys, key_col);
    let desc = wrap_words(desc, desc_col);
    (0..keys.len().max(desc.len()))
        .map(|i| {
            let k = keys.get(i).map_or("", String::as_str);
            let d = desc.get(i).cloned().unwrap_or_default();
            Line::from(vec![
                Span::styled(format!("{k:>key_col$}"), palette.help_key()),
                Span::raw("  "),
                Span::raw(d),
            ])
        })
        .collect()
}

/// The closing and quitting model in the user's keys: "Esc closes what is
/// open and never quits · q quits (or closes a popup) · …".
pub fn closing(keymap: &Keymap) -> String {
    let key = |c| keymap.keys_for(c).first().map(ToString::to_string);
    [
        (Command::Back, "closes what is open and never quits"),
        (Command::Quit, "quits (or closes a popup)"),
        (Command::QuitNow, "quits from anywhere"),
        (Command::Cancel, "cancels a prompt, else quits"),
    ]
    .into_iter()
    .filter_map(|(c, does)| key(c).map(|k| format!("{k} {does}")))
    .collect::<Vec<_>>()
    .join(" · ")
}

/// The help's last row in the user's keys: how to scroll when it does not
/// fit (`shown` is the last row in view and the number of rows), and how
/// to close it. Parts are dropped from the least needed when it is too
/// wide for `cols`.
fn footer(keymap: &Keymap, shown: Option<(usize, usize)>, cols: usize) -> String {
    let key = |c| keymap.keys_for(c).first().map(ToString::to_string);
    let closers: Vec<String> = [Command::Help, Command::Back, Command::Quit]
        .into_iter()
        .filter_map(key)
        .collect();
    let close = match closers.as_slice() {
        [] => "any other key closes this help".to_string(),
        [one] => format!("{one} closes this help"),
        [init @ .., last] => format!("{} or {last} close this help", init.join(", ")),
    };
    let scroll = match (key(Command::LineDown), key(Command::LineUp)) {
        (Some(d), Some(u)) => Some(format!("{d}/{u} scroll")),
        (Some(k), None) | (None, Some(k)) => Some(format!("{k} scrolls")),
        (None, None) => None,
    };
    let position = shown.map(|(at, of)| format!("{at}/{of}"));
    let candidates = match shown {
        None => vec![vec![Some(close.clone())]],
        Some(_) => vec![
            vec![scroll.clone(), position.clone(), Some(close.clone())],
            vec![scroll, Some(close.clone())],
            vec![Some(close.clone())],
        ],
    };
    for parts in candidates {
        let line = parts.into_iter().flatten().collect::<Vec<_>>().join(" · ");
        if line.width() <= cols {
            return line;
        }
    }
    truncate(&close, cols)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_footer_names_the_keys_in_use() {
        let km = Keymap::default_keys();
        assert_eq!(
            footer(&km, Some((20, 55)), 80),
            "j/k scroll · 20/55 · ?, Esc or q close this help"
        );
        assert_eq!(footer(&km, None, 80), "?, Esc or q close this help");
        // Narrow: the position goes first, then the scrolling keys.
        assert_eq!(
            footer(&km, Some((20, 55)), 40),
            "j/k scroll · ?, Esc or q close this help"
        );
        let overrides = [
            (Command::LineDown, vec!["C-j".to_string()]),
            (Command::LineUp, vec!["C-k".to_string()]),
            (Command::Help, vec!["F1".to_string()]),
            (Command::Quit, vec!["x".to_string()]),
        ]
        .into_iter()
        .collect();
        let km = Keymap::with_overrides(&overrides).unwrap();
        assert_eq!(
            footer(&km, Some((20, 55)), 80),
            "Ctrl-j/Ctrl-k scroll · 20/55 · F1, Esc or x close this help"
        );
    }
}
