//! Where things go on a screen of a given size. Pure arithmetic shared by
//! `update` (scrolling, mouse hits) and `ui` (drawing), so they never disagree.

use ratatui::layout::Rect;

/// Rows taken by the status line.
pub const STATUS_ROWS: u16 = 1;
/// Columns kept free left and right of the text (the right one holds the scrollbar).
pub const MARGIN_COLS: u16 = 1;
/// Columns kept blank between the text and the scrollbar, so that a word
/// at the end of a full line does not touch the bar ("Let’s│").
pub const SCROLLBAR_GAP_COLS: u16 = 1;
/// Below this width the sidebar cannot sit beside the text: it becomes an overlay.
pub const DOCK_MIN_WIDTH: u16 = 70;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Screen {
    pub width: u16,
    pub height: u16,
    /// Docked sidebar width chosen by the user (else about a third).
    pub sidebar_width: Option<u16>,
    /// Dock the sidebar on the left instead of the right.
    pub sidebar_left: bool,
}

/// The article pane's text column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Geometry {
    /// Height of the article pane in rows.
    pub view_rows: usize,
    /// Width of the text column.
    pub text_cols: usize,
    /// Left edge of the text column inside the pane (centres the column).
    pub text_x: u16,
}

impl Screen {
    pub fn can_dock(&self) -> bool {
        self.width >= DOCK_MIN_WIDTH
    }

    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.width, self.height)
    }

    /// Width of the docked sidebar: about a third, within readable bounds.
    pub fn sidebar_cols(&self) -> u16 {
        // Whatever is asked for, the text keeps at least 40 columns.
        self.sidebar_width
            .unwrap_or((self.width / 3).clamp(26, 44))
            .min(self.width.saturating_sub(40))
            .max(16)
    }

    pub fn status(&self) -> Rect {
        let rows = STATUS_ROWS.min(self.height);
        Rect::new(0, self.height - rows, self.width, rows)
    }

    fn body(&self) -> Rect {
        Rect::new(0, 0, self.width, self.height - STATUS_ROWS.min(self.height))
    }

    /// The article pane.
    pub fn article(&self, docked: bool) -> Rect {
        let body = self.body();
        if docked {
            let w = self.sidebar_cols().min(body.width);
            let x = if self.sidebar_left {
                body.x + w
            } else {
                body.x
            };
            Rect {
                x,
                width: body.width - w,
                ..body
            }
        } else {
            body
        }
    }

    /// The sidebar when docked, or its overlay when open on a narrow screen.
    pub fn sidebar(&self, docked: bool) -> Rect {
        let body = self.body();
        if docked {
            let w = self.sidebar_cols().min(body.width);
            let x = if self.sidebar_left {
                body.x
            } else {
                body.width - w
            };
            Rect {
                x,
                width: w,
                ..body
            }
        } else {
            body
        }
    }

    pub fn geometry(&self, docked: bool, measure: usize) -> Geometry {
        let pane = self.article(docked);
        let view_rows = usize::from(pane.height).max(1);
        // Between the margins; the text also leaves the gap before the bar.
        let room = pane.width.saturating_sub(2 * MARGIN_COLS).max(1);
        let usable = room.saturating_sub(SCROLLBAR_GAP_COLS).max(1);
        let text_cols = usize::from(usable).min(measure.max(1));
        // Centred in the room between the margins: a full line keeps the
        // gap on its right, a shorter measure is centred as before.
        let spare = room - text_cols as u16;
        Geometry {
            view_rows,
            text_cols,
            text_x: MARGIN_COLS.min(pane.width.saturating_sub(1)) + spare / 2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centres_a_measure_and_docks_the_sidebar() {
        let s = Screen {
            width: 120,
            height: 40,
            ..Screen::default()
        };
        assert_eq!(
            s.geometry(false, 80),
            Geometry {
                view_rows: 39,
                text_cols: 80,
                text_x: 1 + 19
            }
        );
        assert_eq!(s.sidebar(true), Rect::new(80, 0, 40, 39));
        // A full pane: margin, 77 columns of text, the gap, the scrollbar.
        let g = s.geometry(true, 80);
        assert_eq!((g.text_cols, g.text_x), (77, 1));
        assert_eq!(usize::from(g.text_x) + g.text_cols + 2, 80);
        let s = Screen {
            width: 40,
            height: 12,
            ..Screen::default()
        };
        assert_eq!(s.geometry(false, 80).text_cols, 37);
        assert!(!s.can_dock());
        let s = Screen {
            width: 1,
            height: 1,
            ..Screen::default()
        };
        let g = s.geometry(false, 80);
        assert_eq!((g.view_rows, g.text_cols), (1, 1));
    }

    #[test]
    fn sidebar_side_and_width_follow_the_config() {
        let s = Screen {
            width: 120,
            height: 40,
            sidebar_width: Some(30),
            sidebar_left: true,
        };
        assert_eq!(s.sidebar(true), Rect::new(0, 0, 30, 39));
        assert_eq!(s.article(true), Rect::new(30, 0, 90, 39));
        // The text keeps 40 columns however wide the sidebar is asked to be.
        let s = Screen {
            width: 80,
            height: 24,
            sidebar_width: Some(70),
            sidebar_left: false,
        };
        assert_eq!(s.article(true).width, 40);
    }
}
