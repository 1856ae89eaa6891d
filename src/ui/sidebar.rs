//! The fact sidebar: sections of people, organizations, places, figures
//! and dates, each row with its mention count (figures with a piece of
//! their sentence), a mark on facts mentioned on the visible screen, and
//! the cursor; below the list, the selected fact's card and a legend of
//! the marks.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, ListItem, Widget};
use unicode_width::UnicodeWidthStr;

use super::card::CardView;
use super::text::{clean, list, put_collapsed, title_bar, truncate};
use super::{MENTION_MARK, ON_SCREEN};
use crate::app::{App, Focus, Overlay, PromptKind, Reader, Row, Sidebar, SidebarRows, SortOrder};
use crate::theme::{self, Palette};

pub struct SidebarView<'a> {
    pub sidebar: &'a Sidebar,
    pub reader: &'a Reader,
    pub palette: &'a Palette,
    pub focused: bool,
    /// Docked on the left (the blank column is then on the right).
    pub left: bool,
    /// The filter being typed, if the filter prompt is open.
    pub typing: Option<&'a str>,
    /// How the rows under the title are shared by the list, the card and
    /// the legend (as the app counts them, to keep the cursor in view).
    pub rows: SidebarRows,
}

/// The legend of the marks, the longest that fits in `cols`.
fn legend(cols: usize) -> String {
    [
        format!(
            "{ON_SCREEN} mentioned on this screen · {MENTION_MARK} the selection, on the scrollbar"
        ),
        format!("{ON_SCREEN} on this screen · {MENTION_MARK} the selection, on the scrollbar"),
        format!("{ON_SCREEN} on screen · {MENTION_MARK} selection on scrollbar"),
        format!("{ON_SCREEN} on screen · {MENTION_MARK} selected"),
    ]
    .into_iter()
    .find(|l| l.width() <= cols)
    .unwrap_or_else(|| truncate(&format!("{ON_SCREEN} on screen"), cols))
}

impl<'a> SidebarView<'a> {
    pub fn of(app: &'a App) -> SidebarView<'a> {
        SidebarView {
            sidebar: app.sidebar(),
            reader: app.reader(),
            palette: &app.options().palette,
            focused: app.focus() == Focus::Sidebar,
            left: app.screen().sidebar_left && app.sidebar_docked(),
            rows: app.sidebar_rows(),
            typing: match app.overlay() {
                Overlay::Prompt(p) if p.kind == PromptKind::Filter => Some(&p.input),
                _ => None,
            },
        }
    }

    fn title(&self) -> String {
        let sort = match self.sidebar.sort() {
            SortOrder::FirstAppearance => "in order",
            SortOrder::Frequency => "by count",
        };
        match (self.typing, self.sidebar.filter()) {
            (Some(input), _) => format!(" Facts · filter: {input}"),
            (None, "") => format!(" Facts · {sort}"),
            (None, filter) => format!(" Facts · filter: {filter}"),
        }
    }

    fn row(&self, row: Row, width: usize) -> ListItem<'static> {
        let t = match row {
            Row::Header(section, n) => {
                let text = truncate(&format!(" {} {n}", section.title()), width);
                return ListItem::new(Line::from(Span::styled(
                    clean(&text),
                    theme::sidebar_header(),
                )));
            }
            Row::Target(t) => t,
        };
        let target = &self.reader.targets()[t];
        let fact = self.palette.fact(target.section);
        let mark = if self.reader.on_screen(t) {
            ON_SCREEN
        } else {
            " "
        };
        let count = target.mentions.len().to_string();
        let left = match (&target.about, &target.context) {
            (Some(about), _) => format!("{} · {about}", target.name),
            (None, Some(ctx)) => format!("{}  {ctx}", target.name),
            (None, None) => target.name.clone(),
        };
        let name_cols = width.saturating_sub(count.width() + 3);
        let name = clean(&truncate(&left, name_cols));
        let name_style = if self.reader.selected() == Some(t) {
            fact
        } else {
            Style::new()
        };
        // The count sits one column from the right edge.
        let pad = width.saturating_sub(1 + name.width() + count.width() + 1);
        ListItem::new(Line::from(vec![
            Span::styled(mark, fact),
            Span::styled(name, name_style),
            Span::raw(" ".repeat(pad)),
            Span::styled(count, theme::dim()),
        ]))
    }
}

impl Widget for SidebarView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < 2 || area.height == 0 {
            return;
        }
        Clear.render(area, buf);
        // A blank column separates the list from the article's scrollbar.
        let inner = Rect {
            x: if self.left { area.x } else { area.x + 1 },
            width: area.width - 1,
            ..area
        };
        title_bar(
            buf,
            inner,
            &self.title(),
            theme::sidebar_title(self.focused),
        );
        let below_title = inner.height - 1;
        let split = self.rows;
        let list_rows = (split.list as u16).min(below_title);
        let body = Rect {
            y: inner.y + 1,
            height: list_rows,
            ..inner
        };
        let card_area = Rect {
            y: body.bottom(),
            height: (split.card as u16).min(below_title - list_rows),
            ..inner
        };
        if let Some(card) = self.reader.card()
            && card_area.height > 0
        {
            CardView {
                card: &card,
                palette: self.palette,
            }
            .render(card_area, buf);
        }
        if split.legend > 0 && card_area.bottom() < inner.bottom() {
            let text = legend(usize::from(inner.width.saturating_sub(1)));
            put_collapsed(
                buf,
                inner.x + 1,
                inner.bottom() - 1,
                inner.right(),
                &text,
                theme::dim(),
                false,
            );
        }
        let rows = self.sidebar.rows();
        if rows.is_empty() {
            let msg = if self.reader.analyzing() {
                " analyzing…"
            } else if self.sidebar.filter().is_empty() {
                " no facts found"
            } else {
                " nothing matches"
            };
            if body.height > 0 {
                put_collapsed(buf, body.x, body.y, body.right(), msg, theme::dim(), false);
            }
            return;
        }
        let width = body.width as usize;
        let (top, cursor) = (self.sidebar.top(), self.sidebar.cursor());
        let shown = top..top + body.height as usize;
        let items = rows
            .iter()
            .skip(top)
            .take(body.height as usize)
            .map(|&row| self.row(row, width))
            .collect();
        // The list starts at the scroll position; the cursor is marked only
        // while it is in view (the wheel scrolls away from it).
        let cursor = shown.contains(&cursor).then(|| cursor - top);
        list(buf, body, items, cursor, 0, self.focused);
    }
}
