//! The fact sidebar: sections of people, organizations, places, figures
//! and dates, each row with its mention count (figures with a piece of
//! their sentence), a mark on facts mentioned on the visible screen, and
//! the cursor.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};
use unicode_width::UnicodeWidthStr;

use super::text::{list_row, put_collapsed, title_bar, truncate};
use crate::app::{App, Focus, Row, SortOrder};
use crate::theme;

/// Marks a fact that is mentioned on the visible screen.
const ON_SCREEN: &str = "•";

pub fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    if area.width < 2 || area.height == 0 {
        return;
    }
    Clear.render(area, buf);
    let focused = app.focus == Focus::Sidebar;
    // A blank column separates the list from the article's scrollbar.
    let left_docked = app.screen.sidebar_left && app.sidebar_docked();
    let inner = Rect {
        x: if left_docked { area.x } else { area.x + 1 },
        width: area.width - 1,
        ..area
    };
    let sort = match app.sort {
        SortOrder::FirstAppearance => "in order",
        SortOrder::Frequency => "by count",
    };
    let title = match (&app.prompt, app.filter.is_empty()) {
        (Some(p), _) if p.kind == crate::app::PromptKind::Filter => {
            format!(" Facts · filter: {}", p.input)
        }
        (_, false) => format!(" Facts · filter: {}", app.filter),
        _ => format!(" Facts · {sort}"),
    };
    title_bar(buf, inner, &title, theme::sidebar_title(focused));
    if app.rows.is_empty() {
        let msg = if app.analyzing {
            " analyzing…"
        } else if app.filter.is_empty() {
            " no facts found"
        } else {
            " nothing matches"
        };
        if inner.height > 1 {
            put_collapsed(
                buf,
                inner.x,
                inner.y + 1,
                inner.right(),
                msg,
                theme::dim(),
                false,
            );
        }
        return;
    }
    let width = inner.width as usize;
    for (i, row) in app
        .rows
        .iter()
        .enumerate()
        .skip(app.sidebar_top)
        .take(inner.height.saturating_sub(1) as usize)
    {
        let y = inner.y + 1 + (i - app.sidebar_top) as u16;
        match *row {
            Row::Header(section, n) => {
                let text = truncate(&format!(" {} {n}", section.title()), width);
                put_collapsed(
                    buf,
                    inner.x,
                    y,
                    inner.right(),
                    &text,
                    theme::sidebar_header(),
                    false,
                );
            }
            Row::Target(t) => {
                let target = &app.index.targets[t];
                let is_cursor = i == app.cursor;
                let style = list_row(buf, inner, y, is_cursor, focused);
                let mark = if app.on_screen(t) { ON_SCREEN } else { " " };
                put_collapsed(
                    buf,
                    inner.x,
                    y,
                    inner.right(),
                    mark,
                    style.patch(app.palette.fact(target.section)),
                    false,
                );
                let count = target.mentions.len().to_string();
                let left = match &target.context {
                    Some(ctx) => format!("{}  {ctx}", target.name),
                    None => target.name.clone(),
                };
                let name_cols = width.saturating_sub(count.width() + 3);
                let name_style = if app.selected == Some(t) {
                    style.patch(app.palette.fact(target.section))
                } else {
                    style
                };
                put_collapsed(
                    buf,
                    inner.x + 1,
                    y,
                    inner.right(),
                    &truncate(&left, name_cols),
                    name_style,
                    false,
                );
                let cx = inner.right().saturating_sub(count.width() as u16 + 1);
                put_collapsed(
                    buf,
                    cx,
                    y,
                    inner.right(),
                    &count,
                    style.patch(theme::dim()),
                    false,
                );
            }
        }
    }
}
