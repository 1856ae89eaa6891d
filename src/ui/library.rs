//! The library list, and the "also in" popup of cross-article facts.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{ListItem, Widget};
use unicode_width::UnicodeWidthStr;

use super::text::{clean, fit_parts, fit_words, list, popup, put_collapsed, title_bar, truncate};
use crate::app::{AlsoIn, Entry, EntryState, Library};
use crate::theme;

/// One row per article: title, byline or file, words, reading time, top entities.
pub struct LibraryView<'a> {
    pub library: &'a Library,
}

/// The title an entry is listed under.
fn title(entry: &Entry) -> String {
    match &entry.state {
        EntryState::Ready(s) => s.title.clone().unwrap_or_else(|| entry.name()),
        _ => entry.name(),
    }
}

/// Below this width titles are not kept in a column: each row is its
/// title first, then what details fit.
pub const COLUMN_MIN_WIDTH: usize = 70;
/// Details narrower than this are left out rather than shown as a stub.
const MIN_DETAIL_COLS: usize = 8;

/// An entry's details, most needed first: "byline · 1234 words · 5 min ·
/// top entities".
fn details(entry: &Entry) -> Vec<String> {
    match &entry.state {
        EntryState::Pending => vec!["reading…".to_string()],
        EntryState::Failed(why) => vec![format!("✗ {}", clean(why))],
        EntryState::Ready(s) => {
            let mut parts = vec![
                clean(&s.byline.clone().unwrap_or_else(|| entry.name())),
                format!("{} words", s.words),
                format!("{} min", s.reading_minutes()),
            ];
            if !s.top.is_empty() {
                parts.push(clean(&s.top.join(", ")));
            }
            parts
        }
    }
}

fn row(entry: &Entry, width: usize) -> ListItem<'static> {
    let detail_style = match entry.state {
        EntryState::Failed(_) | EntryState::Pending => theme::dim(),
        EntryState::Ready(_) => Style::new(),
    };
    let title = clean(&title(entry));
    let (title, gap) = if width >= COLUMN_MIN_WIDTH {
        // Titles in a column of two fifths of the width; details after it.
        let title_w = (width * 2 / 5).max(12).min(width.saturating_sub(2));
        let title = fit_words(&title, title_w);
        let gap = (title_w + 1).saturating_sub(title.width()).max(2);
        (title, gap)
    } else {
        // Narrow: the title first, as much of it as fits.
        (fit_words(&title, width.saturating_sub(2)), 2)
    };
    let room = width.saturating_sub(1 + title.width() + gap);
    let parts = details(entry);
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    let detail = if room >= MIN_DETAIL_COLS || width >= COLUMN_MIN_WIDTH {
        // Failures keep their reason; otherwise the least needed go first.
        fit_parts(&parts, " · ", room)
    } else {
        String::new()
    };
    ListItem::new(Line::from(vec![
        Span::raw(" "),
        Span::styled(title, theme::sidebar_header()),
        Span::raw(" ".repeat(if detail.is_empty() { 0 } else { gap })),
        Span::styled(detail, detail_style),
    ]))
}

impl Widget for LibraryView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let lib = self.library;
        if area.height == 0 || area.width < 4 {
            return;
        }
        let n = lib.entries().len();
        let done = lib
            .entries()
            .iter()
            .filter(|e| e.state != EntryState::Pending)
            .count();
        let shown = lib.shown();
        let head = if !lib.filter().is_empty() {
            format!(
                " Library · {} of {n} articles · filter: {}",
                shown.len(),
                clean(lib.filter())
            )
        } else if done < n {
            format!(" Library · {n} articles · reading {done}/{n}…")
        } else {
            format!(" Library · {n} articles · Enter opens, Backspace returns")
        };
        title_bar(buf, area, &head, theme::sidebar_title(true));
        let body = Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        };
        if body.height == 0 {
            return;
        }
        if shown.is_empty() {
            let msg = " no article's title, file name or entities match";
            put_collapsed(buf, body.x, body.y, body.right(), msg, theme::dim(), false);
            return;
        }
        let rows = body.height as usize;
        let at = shown.iter().position(|&i| i == lib.cursor()).unwrap_or(0);
        let first = at.saturating_sub(rows - 1);
        let items = shown
            .iter()
            .skip(first)
            .take(rows)
            .map(|&i| row(&lib.entries()[i], area.width as usize))
            .collect();
        list(buf, body, items, Some(at - first), 0, true);
    }
}

/// Other articles naming the selected entity.
pub struct AlsoInView<'a> {
    pub also: &'a AlsoIn,
    pub library: &'a Library,
}

impl Widget for AlsoInView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let also = self.also;
        let width = area.width.saturating_sub(4).clamp(1, 80).min(area.width);
        let heading = format!(" {} is also in · Enter opens there ", clean(&also.entity));
        let Some(inner) = popup(area, buf, width, also.entries.len(), &heading) else {
            return;
        };
        let items = also
            .entries
            .iter()
            .take(inner.height as usize)
            .map(|&i| {
                let title = title(&self.library.entries()[i]);
                ListItem::new(truncate(&clean(&title), inner.width as usize))
            })
            .collect();
        list(buf, inner, items, Some(also.cursor), 0, true);
    }
}
