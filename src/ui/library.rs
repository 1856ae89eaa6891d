//! The library list, and the "also in" popup of cross-article facts.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::text::{centered, list_row, put_collapsed, title_bar, truncate};
use crate::app::{EntryState, Library};
use crate::theme;

/// One row per article: title, byline or file, words, reading time, top entities.
pub fn draw(buf: &mut Buffer, area: Rect, lib: &Library) {
    if area.height == 0 || area.width < 4 {
        return;
    }
    let done = lib
        .entries
        .iter()
        .filter(|e| e.state != EntryState::Pending)
        .count();
    let head = if done < lib.entries.len() {
        format!(
            " Library · {} articles · reading {done}/{}…",
            lib.entries.len(),
            lib.entries.len()
        )
    } else {
        format!(
            " Library · {} articles · Enter opens, Backspace returns",
            lib.entries.len()
        )
    };
    title_bar(buf, area, &head, theme::sidebar_title(true));
    let rows = area.height.saturating_sub(1) as usize;
    if rows == 0 {
        return;
    }
    let first = lib.cursor.saturating_sub(rows.saturating_sub(1));
    let w = area.width as usize;
    for (i, entry) in lib.entries.iter().enumerate().skip(first).take(rows) {
        let y = area.y + 1 + (i - first) as u16;
        let style = list_row(buf, area, y, i == lib.cursor, true);
        let (title, detail) = match &entry.state {
            EntryState::Pending => (entry.name(), "reading…".to_string()),
            EntryState::Failed(why) => (entry.name(), format!("✗ {why}")),
            EntryState::Ready(s) => {
                let source = s.byline.clone().unwrap_or_else(|| entry.name());
                let top = if s.top.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", s.top.join(", "))
                };
                (
                    s.title.clone().unwrap_or_else(|| entry.name()),
                    format!(
                        "{source} · {} words · {} min{top}",
                        s.words,
                        s.reading_minutes()
                    ),
                )
            }
        };
        let title_w = (w * 2 / 5).max(12).min(w.saturating_sub(2));
        let (x, _) = put_collapsed(
            buf,
            area.x + 1,
            y,
            area.right(),
            &truncate(&title, title_w),
            style.patch(theme::sidebar_header()),
            false,
        );
        let detail_style = match entry.state {
            EntryState::Failed(_) | EntryState::Pending => style.patch(theme::dim()),
            EntryState::Ready(_) => style,
        };
        let dx = (area.x + 2 + title_w as u16).max(x + 2);
        if dx < area.right() {
            let room = (area.right() - dx) as usize;
            put_collapsed(
                buf,
                dx,
                y,
                area.right(),
                &truncate(&detail, room),
                detail_style,
                false,
            );
        }
    }
}

/// Other articles naming the selected entity.
pub fn draw_also(buf: &mut Buffer, area: Rect, lib: &Library) {
    let Some(also) = &lib.also else { return };
    let width = area.width.saturating_sub(4).clamp(1, 80).min(area.width);
    let height = (also.entries.len() as u16 + 2).min(area.height);
    let popup = centered(area, width, height);
    Clear.render(popup, buf);
    Block::new()
        .borders(Borders::ALL)
        .title(format!(" {} is also in · Enter opens there ", also.entity))
        .render(popup, buf);
    let inner = popup.inner(Margin::new(1, 1));
    for (row, &i) in also.entries.iter().enumerate().take(inner.height as usize) {
        let y = inner.y + row as u16;
        let style = list_row(buf, inner, y, row == also.cursor, true);
        let entry = &lib.entries[i];
        let title = match &entry.state {
            EntryState::Ready(s) => s.title.clone().unwrap_or_else(|| entry.name()),
            _ => entry.name(),
        };
        put_collapsed(
            buf,
            inner.x,
            y,
            inner.right(),
            &truncate(&title, inner.width as usize),
            style,
            false,
        );
    }
}
