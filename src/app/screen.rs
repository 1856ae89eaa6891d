//! Where things go on a screen of a given size. Pure arithmetic shared by
//! `update` (scrolling, mouse hits) and `ui` (drawing), so they never disagree.

use ratatui::layout::Rect;

/// Rows taken by the status line.
pub const STATUS_ROWS: u16 = 1;
/// Columns kept free left and right of the text (the right one holds the scrollbar).
pub const MARGIN_COLS: u16 = 1;
/// Below this width the sidebar cannot sit beside the text: it becomes an overlay.
pub const DOCK_MIN_WIDTH: u16 = 70;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Screen {
    pub width: u16,
    pub height: u16,
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
        (self.width / 3).clamp(26, 44)
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
            Rect {
                width: body.width - self.sidebar_cols(),
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
            let w = self.sidebar_cols();
            Rect {
                x: body.width - w,
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
        let usable = pane.width.saturating_sub(2 * MARGIN_COLS).max(1);
        let text_cols = usize::from(usable).min(measure.max(1));
        let spare = usable - text_cols as u16;
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
        assert_eq!(s.geometry(true, 80).text_cols, 78);
        let s = Screen {
            width: 40,
            height: 12,
        };
        assert_eq!(s.geometry(false, 80).text_cols, 38);
        assert!(!s.can_dock());
        let s = Screen {
            width: 1,
            height: 1,
        };
        let g = s.geometry(false, 80);
        assert_eq!((g.view_rows, g.text_cols), (1, 1));
    }
}
