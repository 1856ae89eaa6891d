//! The fact card at the foot of the sidebar: the selected fact's name and
//! kind on a rule, then labelled lines (where the reader is among its
//! mentions, aliases, what a figure was read as).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::text::{clean, put_collapsed, put_text, truncate};
use crate::app::Card;
use crate::theme::{self, Palette};

pub struct CardView<'a> {
    pub card: &'a Card,
    pub palette: &'a Palette,
}

impl Widget for CardView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < 4 || area.height == 0 {
            return;
        }
        let card = self.card;
        let (right, y) = (area.right(), area.y);
        // "─ Vladimir Putin · person ────": the rule parts the card from the list.
        let (x, _) = put_collapsed(buf, area.x, y, right, "─ ", theme::dim(), false);
        let kind = format!(" · {}", card.kind);
        let name_cols = usize::from(right - x).saturating_sub(kind.width() + 1);
        let (x, _) = put_collapsed(
            buf,
            x,
            y,
            right,
            &clean(&truncate(&card.name, name_cols.max(1))),
            self.palette.fact(card.section),
            false,
        );
        let (x, _) = put_collapsed(buf, x, y, right, &kind, theme::dim(), false);
        let rule = " ".to_string() + &"─".repeat(usize::from(right.saturating_sub(x)));
        put_collapsed(buf, x, y, right, &rule, theme::dim(), false);
        let label_w = card.lines.iter().map(|(l, _)| l.width()).max().unwrap_or(0);
        for (i, (label, text)) in card.lines.iter().enumerate() {
            let row = y + 1 + i as u16;
            if row >= area.bottom() {
                break;
            }
            // Padded labels line the texts up: drawn verbatim, spaces and all.
            let (x, _) = put_text(
                buf,
                area.x + 1,
                row,
                right,
                &format!("{label:<label_w$}  "),
                theme::dim(),
                false,
                true,
            );
            let room = usize::from(right.saturating_sub(x));
            put_collapsed(
                buf,
                x,
                row,
                right,
                &clean(&truncate(text, room)),
                Style::new(),
                false,
            );
        }
    }
}
