//! The help overlay, generated from the live keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::theme;

pub fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    let rows = app.keymap.help_rows();
    let key_w = rows.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let desc_w = rows.iter().map(|(_, d)| d.width()).max().unwrap_or(0);
    let width = ((key_w + desc_w + 6) as u16).min(area.width);
    let height = (rows.len() as u16 + 4).min(area.height);
    let popup = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let mut lines: Vec<Line> = rows
        .iter()
        .map(|(keys, desc)| {
            Line::from(vec![
                Span::styled(format!("{keys:>key_w$}"), theme::help_key()),
                Span::raw("  "),
                Span::raw(*desc),
            ])
        })
        .collect();
    lines.push(
        Line::from(Span::styled(
            "any key closes this help",
            Style::new().italic(),
        ))
        .centered(),
    );
    Clear.render(popup, buf);
    Paragraph::new(lines)
        .block(Block::new().borders(Borders::ALL).title(" factlens keys "))
        .render(popup, buf);
}
