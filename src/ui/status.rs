//! The status line: the prompt while typing; otherwise a notice, the
//! selection (`PERSON Vladimir Putin — mention 3/11`) or the title, then
//! position and the help hint.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use unicode_width::UnicodeWidthStr;

use ratatui::widgets::StatefulWidget;

use super::text::{put_collapsed, truncate};
use crate::app::{App, Overlay, Prompt, PromptKind, Reader, View};
use crate::theme;

/// The status line; its state is where the prompt's cursor is drawn.
pub struct StatusLine<'a> {
    pub prompt: Option<&'a Prompt>,
    pub notice: Option<&'a str>,
    /// Work under way that the user may cancel ("opening b.txt…").
    pub busy: Option<String>,
    /// `None` in the library list.
    pub reader: Option<&'a Reader>,
}

impl<'a> StatusLine<'a> {
    pub fn of(app: &'a App) -> StatusLine<'a> {
        StatusLine {
            prompt: match app.overlay() {
                Overlay::Prompt(p) => Some(p),
                _ => None,
            },
            notice: app.notice(),
            busy: app.busy(),
            reader: (app.view() == View::Reader).then(|| app.reader()),
        }
    }
}

impl StatefulWidget for StatusLine<'_> {
    type State = Option<Position>;

    fn render(self, area: Rect, buf: &mut Buffer, cursor: &mut Option<Position>) {
        *cursor = draw(buf, area, &self);
    }
}

/// Draws the line; returns the prompt's cursor position when typing.
fn draw(buf: &mut Buffer, area: Rect, status: &StatusLine) -> Option<Position> {
    if area.height == 0 || area.width == 0 {
        return None;
    }
    let style = theme::status_bar();
    buf.set_style(area, style);
    if let Some(p) = status.prompt {
        let lead = match p.kind {
            PromptKind::Search => "/",
            PromptKind::Filter => "filter: ",
        };
        let hint = "  Enter accept · Esc cancel";
        let text = format!("{lead}{}", p.input);
        // Keep the end of a long query visible.
        let room = (area.width as usize).saturating_sub(1);
        let shown = if text.width() > room {
            let skip = text.width() - room;
            text.chars().skip(skip).collect::<String>()
        } else {
            text
        };
        let (x, _) = put_collapsed(buf, area.x, area.y, area.right(), &shown, style, false);
        if (x as usize) + hint.width() < area.right() as usize {
            put_collapsed(
                buf,
                x,
                area.y,
                area.right(),
                hint,
                style.patch(theme::dim()),
                false,
            );
        }
        return Some(Position::new(x.min(area.right() - 1), area.y));
    }
    // A notice says what just happened; work under way shows otherwise.
    let notice = status.notice.or(status.busy.as_deref());
    let Some(reader) = status.reader else {
        let left = notice.unwrap_or("Library");
        put_collapsed(
            buf,
            area.x + 1,
            area.y,
            area.right(),
            &truncate(left, area.width.saturating_sub(10) as usize),
            style,
            false,
        );
        let hint = " ? help ";
        if area.width as usize > hint.len() + 10 {
            put_collapsed(
                buf,
                area.right() - hint.len() as u16,
                area.y,
                area.right(),
                hint,
                style,
                false,
            );
        }
        return None;
    };
    let total = reader.layout().lines.len();
    let right = format!(
        " {}% {}/{}  ? help ",
        reader.percent(),
        (reader.top() + 1).min(total),
        total
    );
    let short_right = format!(" {}% ", reader.percent());
    let right = if right.width() + 10 <= area.width as usize {
        right
    } else {
        short_right
    };
    let right_w = (right.width() as u16).min(area.width);
    let selection = reader.selection_status();
    let left = match (notice, &selection) {
        (Some(n), Some(s)) => format!("{s} · {n}"),
        (Some(n), None) => n.to_string(),
        (None, Some(s)) => s.clone(),
        (None, None) => reader
            .doc()
            .title()
            .or(reader.name())
            .unwrap_or("factlens")
            .to_string(),
    };
    let left_max = area.right().saturating_sub(right_w).saturating_sub(1);
    let room = left_max.saturating_sub(area.x + 1) as usize;
    put_collapsed(
        buf,
        area.x + 1,
        area.y,
        left_max.max(area.x),
        &truncate(&left, room),
        style,
        false,
    );
    put_collapsed(
        buf,
        area.right() - right_w,
        area.y,
        area.right(),
        &right,
        style,
        false,
    );
    None
}
