//! The status line: the prompt while typing; otherwise a notice, the
//! selection (`PERSON Vladimir Putin — mention 3/11`) or the title, then
//! position and the help hint.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use unicode_width::UnicodeWidthStr;

use ratatui::widgets::StatefulWidget;

use super::text::{fit_words, put_collapsed};
use crate::app::{App, Overlay, Prompt, PromptKind, Reader, View};
use crate::keymap::Command;
use crate::theme;

/// Columns of the title kept ahead of the hints on the right.
const TITLE_MIN_COLS: usize = 20;

/// The status line; its state is where the prompt's cursor is drawn.
pub struct StatusLine<'a> {
    pub prompt: Option<&'a Prompt>,
    pub notice: Option<&'a str>,
    /// Work under way that the user may cancel ("opening b.txt…").
    pub busy: Option<String>,
    /// `None` in the library list.
    pub reader: Option<&'a Reader>,
    /// "s facts" when the screen is too narrow for the sidebar beside the
    /// text and it is not open: else nothing says the facts are there.
    pub facts_hint: Option<String>,
    /// "? help", in the key bound.
    pub help_hint: Option<String>,
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
            facts_hint: (app.view() == View::Reader
                && !app.screen().can_dock()
                && !app.sidebar_visible())
            .then(|| hint(app, &[Command::ToggleSidebar, Command::Focus], "facts"))
            .flatten(),
            help_hint: hint(app, &[Command::Help], "help"),
        }
    }
}

/// "s facts": the first key bound to the first of `commands` that has one.
fn hint(app: &App, commands: &[Command], what: &str) -> Option<String> {
    let keymap = &app.options().keymap;
    commands
        .iter()
        .find_map(|&c| keymap.keys_for(c).first())
        .map(|k| format!("{k} {what}"))
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
            PromptKind::Filter | PromptKind::Library => "filter: ",
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
    let mut pieces: Vec<Piece> = Vec::new();
    let mut left = |text: &str, priority: u8, order: u8, reserve: Option<usize>| {
        pieces.push(Piece {
            text: text.to_string(),
            left: true,
            priority,
            order,
            reserve: reserve.unwrap_or(text.width()),
            glued: false,
        })
    };
    // What the user just did or caused comes first; the title only
    // keeps its first columns ahead of the hints, and takes what is left.
    let selection = status.reader.and_then(Reader::selection_status);
    match (notice, &selection) {
        (Some(n), s) => {
            for (i, part) in n.split(" · ").enumerate() {
                let priority = if i == 0 { 0 } else { 3 };
                left(part, priority, 10 + i as u8, None);
            }
            if let Some(s) = s {
                left(s, 6, 0, None);
            }
        }
        (None, Some(s)) => left(s, 0, 0, None),
        (None, None) => {
            let title = match status.reader {
                Some(r) => r.doc().title().or(r.name()).unwrap_or("factlens"),
                None => "Library",
            };
            left(title, 2, 0, Some(title.width().min(TITLE_MIN_COLS)));
        }
    }
    let mut right = |text: &str, priority: u8, order: u8, glued: bool| {
        pieces.push(Piece {
            text: text.to_string(),
            left: false,
            priority,
            order,
            reserve: text.width(),
            glued,
        })
    };
    if let Some(reader) = status.reader {
        let total = reader.layout().lines.len();
        right(&format!("{}%", reader.percent()), 1, 0, false);
        // "12% 40/181": the line joins the percentage with a space.
        let line = format!("{}/{}", (reader.top() + 1).min(total), total);
        right(&line, 4, 1, true);
    }
    if let Some(facts) = &status.facts_hint {
        right(facts, 1, 2, false);
    }
    if let Some(help) = &status.help_hint {
        right(help, 5, 3, false);
    }
    let (left, right) = pack(pieces, area.width as usize);
    let right_w = (right.width() as u16).min(area.width);
    let left_max = area.right().saturating_sub(right_w).saturating_sub(1);
    let room = left_max.saturating_sub(area.x + 1) as usize;
    put_collapsed(
        buf,
        area.x + 1,
        area.y,
        left_max.max(area.x),
        &fit_words(&left, room),
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

/// A part of the status line: shown if there is room for it once every
/// part of a lower `priority` number is in, at its `order` on its side.
struct Piece {
    text: String,
    left: bool,
    priority: u8,
    order: u8,
    /// Columns it needs to be shown (the title can make do with fewer).
    reserve: usize,
    /// Joined to the piece before it with a space, not " · ".
    glued: bool,
}

/// The left and right texts for a line of `width`: pieces go in by
/// priority while they fit, so a status message is shortened by leaving
/// out its least needed parts, never by cutting one mid-word (but the
/// first, which is shortened at a word when even it does not fit).
fn pack(mut pieces: Vec<Piece>, width: usize) -> (String, String) {
    const SEP: &str = " · ";
    // A column of margin at each end, one between the sides, and the
    // right side's own space before it.
    let budget = width.saturating_sub(4);
    pieces.sort_by_key(|p| p.priority);
    let mut used = 0;
    let (mut on_left, mut on_right) = (false, false);
    let mut kept: Vec<Piece> = Vec::new();
    for (i, p) in pieces.into_iter().enumerate() {
        let side = if p.left { on_left } else { on_right };
        let sep = match (side, p.glued) {
            (false, _) => 0,
            (true, true) => 1,
            (true, false) => SEP.width(),
        };
        let cost = p.reserve + sep;
        if used + cost > budget && i > 0 {
            continue;
        }
        used += cost;
        if p.left {
            on_left = true;
        } else {
            on_right = true;
        }
        kept.push(p);
    }
    let join = |left: bool| {
        let mut side: Vec<&Piece> = kept.iter().filter(|p| p.left == left).collect();
        side.sort_by_key(|p| p.order);
        let mut text = String::new();
        for (i, p) in side.iter().enumerate() {
            if i > 0 {
                text.push_str(if p.glued { " " } else { SEP });
            }
            text.push_str(&p.text);
        }
        text
    };
    let right = join(false);
    let right = if right.is_empty() {
        right
    } else {
        format!(" {right} ")
    };
    (join(true), right)
}
