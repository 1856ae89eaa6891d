//! The help overlay, generated from the live keymap: commands under their
//! groups, scrollable when taller than the screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::text::{centered, wrap_words};
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
            lines.push(Line::from(vec![
                Span::styled(format!("{keys:>key_w$}"), help.palette.help_key()),
                Span::raw("  "),
                Span::raw(*desc),
            ]));
        }
    }
    let height = (lines.len() as u16 + 3).min(area.height);
    let inner_rows = height.saturating_sub(3) as usize;
    let max_scroll = lines.len().saturating_sub(inner_rows);
    let scroll = help.scroll.min(max_scroll);
    let footer = if max_scroll > 0 {
        format!(
            "j/k scroll · {}/{} · other keys close",
            scroll + inner_rows,
            lines.len()
        )
    } else {
        "any other key closes this help".to_string()
    };
    let mut shown: Vec<Line> = lines.into_iter().skip(scroll).take(inner_rows).collect();
    shown.push(Line::from(Span::styled(footer, Style::new().italic())).centered());
    let popup = centered(area, width, height);
    Clear.render(popup, buf);
    Paragraph::new(shown)
        .block(Block::new().borders(Borders::ALL).title(" factlens keys "))
        .render(popup, buf);
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
