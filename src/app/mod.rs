//! The application state machine: `Action` in, new state out. No I/O, no
//! terminal: every interaction is testable as a sequence of actions.

use crate::document::{BlockKind, Document};
use crate::extract::Facts;
use crate::keymap::{Command, Key, Keymap};
use crate::layout::{Layout, layout};

/// Default reading measure: comfortable line length in columns.
pub const DEFAULT_MEASURE: usize = 80;
/// Rows taken by the status line.
pub const STATUS_ROWS: u16 = 1;
/// Columns kept free left and right of the text (the right one holds the scrollbar).
pub const MARGIN_COLS: u16 = 1;

/// Where things go on a screen of a given size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Geometry {
    /// Height of the article pane in rows.
    pub view_rows: usize,
    /// Width of the text column.
    pub text_cols: usize,
    /// Left edge of the text column inside the pane (centres the column).
    pub text_x: u16,
}

impl Geometry {
    pub fn new(width: u16, height: u16, measure: usize) -> Geometry {
        let view_rows = usize::from(height.saturating_sub(STATUS_ROWS)).max(1);
        let usable = width.saturating_sub(2 * MARGIN_COLS).max(1);
        let text_cols = usize::from(usable).min(measure.max(1));
        let spare = usable - text_cols as u16;
        Geometry {
            view_rows,
            text_cols,
            text_x: MARGIN_COLS.min(width.saturating_sub(1)) + spare / 2,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Key(Key),
    Command(Command),
    Resize {
        width: u16,
        height: u16,
    },
    /// Mouse wheel: positive scrolls down.
    Wheel(i32),
}

/// Lines moved by one notch of the mouse wheel.
pub const WHEEL_LINES: i32 = 3;

pub struct App {
    pub doc: Document,
    pub facts: Facts,
    pub keymap: Keymap,
    pub measure: usize,
    pub layout: Layout,
    pub geometry: Geometry,
    /// First visible display line.
    pub top: usize,
    pub help_open: bool,
    pub should_quit: bool,
    /// A short message for the status line, cleared by the next key.
    pub notice: Option<String>,
}

impl App {
    pub fn new(
        doc: Document,
        facts: Facts,
        keymap: Keymap,
        measure: usize,
        width: u16,
        height: u16,
    ) -> App {
        let geometry = Geometry::new(width, height, measure);
        let layout = layout(&doc, geometry.text_cols);
        App {
            doc,
            facts,
            keymap,
            measure,
            layout,
            geometry,
            top: 0,
            help_open: false,
            should_quit: false,
            notice: None,
        }
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Key(key) if key == Key::ctrl('c') => self.should_quit = true,
            Action::Key(key) => {
                self.notice = None;
                match self.keymap.command(key) {
                    Some(c) => self.run(c),
                    None if self.help_open => self.help_open = false,
                    None => self.notice = Some(format!("{key} is not bound (? for help)")),
                }
            }
            Action::Command(c) => self.run(c),
            Action::Resize { width, height } => self.resize(width, height),
            Action::Wheel(n) => self.scroll_by(n as isize * WHEEL_LINES as isize),
        }
    }

    fn run(&mut self, command: Command) {
        let page = self.geometry.view_rows as isize;
        // Keep one line of overlap on page moves, as less does with -z-1.
        let page_step = (page - 1).max(1);
        match command {
            // q closes an overlay first, as it does in less's help; Ctrl-c
            // (handled before the keymap) always quits.
            Command::Quit | Command::Back if self.help_open => self.help_open = false,
            Command::Quit => self.should_quit = true,
            Command::Back => self.should_quit = true,
            Command::Help => self.help_open = !self.help_open,
            _ if self.help_open => self.help_open = false,
            Command::LineDown => self.scroll_by(1),
            Command::LineUp => self.scroll_by(-1),
            Command::PageDown => self.scroll_by(page_step),
            Command::PageUp => self.scroll_by(-page_step),
            Command::HalfPageDown => self.scroll_by((page / 2).max(1)),
            Command::HalfPageUp => self.scroll_by(-(page / 2).max(1)),
            Command::Top => self.top = 0,
            Command::Bottom => self.top = self.max_top(),
            Command::NextHeading => self.jump_heading(true),
            Command::PrevHeading => self.jump_heading(false),
        }
    }

    pub fn max_top(&self) -> usize {
        self.layout
            .lines
            .len()
            .saturating_sub(self.geometry.view_rows)
    }

    pub fn scroll_by(&mut self, delta: isize) {
        self.top = self.top.saturating_add_signed(delta).min(self.max_top());
    }

    /// Re-wraps for a new screen size, keeping the first visible line's text
    /// on screen.
    pub fn resize(&mut self, width: u16, height: u16) {
        // Blank separator lines have no text of their own: anchor on the
        // first line with text.
        let anchor = self.layout.lines[self.top.min(self.layout.lines.len())..]
            .iter()
            .find(|l| l.block.is_some())
            .map(|l| l.range.start);
        self.geometry = Geometry::new(width, height, self.measure);
        if self.geometry.text_cols != self.layout.width {
            self.layout = layout(&self.doc, self.geometry.text_cols);
        }
        self.top = match anchor {
            Some(a) if self.top > 0 => self.layout.line_of(a),
            _ => 0,
        };
        self.top = self.top.min(self.max_top());
    }

    fn jump_heading(&mut self, forward: bool) {
        let lines = &self.layout.lines;
        let is_heading = |i: usize| {
            let l = &lines[i];
            l.block
                .is_some_and(|b| self.doc.blocks[b].kind == BlockKind::Heading)
                && (i == 0 || lines[i - 1].block != l.block)
        };
        let target = if forward {
            (self.top + 1..lines.len()).find(|&i| is_heading(i))
        } else {
            (0..self.top).rev().find(|&i| is_heading(i))
        };
        match target {
            Some(t) => {
                self.top = t.min(self.max_top());
                if self.top < t {
                    // The heading is on the last page: say which one we reached.
                    self.notice = Some(format!("§ {}", self.heading_text(t)));
                }
            }
            None if forward => self.notice = Some("no more headings below".into()),
            None => self.notice = Some("no headings above".into()),
        }
    }

    fn heading_text(&self, line: usize) -> &str {
        let b = self.layout.lines[line]
            .block
            .expect("heading lines belong to a block");
        self.doc.slice(&self.doc.blocks[b].range)
    }

    /// Percent of the document above the bottom of the view (as less shows it).
    pub fn percent(&self) -> usize {
        let total = self.layout.lines.len().max(1);
        let bottom = (self.top + self.geometry.view_rows).min(total);
        bottom * 100 / total
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::load_plain;
    use crate::keymap::KeyCode;

    fn seed_app(w: u16, h: u16) -> App {
        let doc = load_plain(include_str!("../assets/seed.txt"));
        App::new(
            doc,
            Facts::default(),
            Keymap::default_keys(),
            DEFAULT_MEASURE,
            w,
            h,
        )
    }

    fn top_text(app: &App) -> &str {
        &app.doc.text[app.layout.lines[app.top].range.clone()]
    }

    #[test]
    fn geometry_centres_a_measure() {
        let g = Geometry::new(120, 40, 80);
        assert_eq!(
            g,
            Geometry {
                view_rows: 39,
                text_cols: 80,
                text_x: 1 + 19
            }
        );
        let g = Geometry::new(40, 12, 80);
        assert_eq!(g.text_cols, 38);
        let g = Geometry::new(1, 1, 80);
        assert_eq!((g.view_rows, g.text_cols), (1, 1));
    }

    #[test]
    fn scrolling_keys() {
        let mut app = seed_app(80, 24);
        app.update(Action::Key(Key::ch('j')));
        assert_eq!(app.top, 1);
        app.update(Action::Key(Key::plain(KeyCode::Up)));
        app.update(Action::Key(Key::plain(KeyCode::Up)));
        assert_eq!(app.top, 0);
        app.update(Action::Key(Key::ch(' ')));
        assert_eq!(app.top, 22);
        app.update(Action::Key(Key::ctrl('u')));
        assert_eq!(app.top, 22 - 11);
        app.update(Action::Key(Key::ch('G')));
        assert_eq!(app.top, app.max_top());
        assert_eq!(app.percent(), 100);
        app.update(Action::Wheel(-1));
        assert_eq!(app.top, app.max_top() - 3);
        app.update(Action::Key(Key::ch('g')));
        assert_eq!(app.top, 0);
    }

    #[test]
    fn headings_in_order_then_notice() {
        let mut app = seed_app(100, 30);
        let mut seen = Vec::new();
        for _ in 0..4 {
            app.update(Action::Key(Key::ch('}')));
            seen.push(top_text(&app).to_string());
        }
        assert_eq!(
            seen,
            [
                "Red carpet for Putin",
                "Tit for tat.",
                "An imbalanced relationship",
                "Heralds of a new order"
            ]
        );
        let at = app.top;
        app.update(Action::Key(Key::ch('}')));
        assert_eq!(app.top, at);
        assert_eq!(app.notice.as_deref(), Some("no more headings below"));
        app.update(Action::Key(Key::ch('{')));
        assert_eq!(top_text(&app), "An imbalanced relationship");
        // In a tall window the last heading sits on the final page: the view
        // stops at the end and the notice names the heading reached.
        let mut app = seed_app(100, 60);
        for _ in 0..4 {
            app.update(Action::Key(Key::ch('}')));
        }
        assert_eq!(app.top, app.max_top());
        assert_eq!(app.notice.as_deref(), Some("§ Heralds of a new order"));
    }

    fn anchor(app: &App) -> usize {
        app.layout.lines[app.top..]
            .iter()
            .find(|l| l.block.is_some())
            .unwrap()
            .range
            .start
    }

    #[test]
    fn resize_keeps_the_first_visible_text() {
        let mut app = seed_app(100, 30);
        for _ in 0..40 {
            app.update(Action::Key(Key::ch('j')));
        }
        let anchor = anchor(&app);
        app.update(Action::Resize {
            width: 40,
            height: 12,
        });
        let r = app.layout.lines[app.top].range.clone();
        assert!(
            r.start <= anchor && anchor < r.end.max(r.start + 1),
            "{r:?} vs {anchor}"
        );
        app.update(Action::Resize {
            width: 100,
            height: 30,
        });
        let r = app.layout.lines[app.top].range.clone();
        assert!(r.start <= anchor && anchor <= r.end);
    }

    #[test]
    fn help_and_quit() {
        let mut app = seed_app(80, 24);
        app.update(Action::Key(Key::ch('?')));
        assert!(app.help_open);
        app.update(Action::Key(Key::plain(KeyCode::Esc)));
        assert!(!app.help_open && !app.should_quit);
        app.update(Action::Key(Key::plain(KeyCode::Esc)));
        assert!(app.should_quit);
        let mut app = seed_app(80, 24);
        app.update(Action::Key(Key::ch('?')));
        app.update(Action::Key(Key::ch('q')));
        assert!(!app.help_open && !app.should_quit);
        app.update(Action::Key(Key::ch('?')));
        app.update(Action::Key(Key::ctrl('c')));
        assert!(app.should_quit);
    }

    #[test]
    fn tiny_terminal_does_not_panic() {
        let mut app = seed_app(1, 1);
        for k in ['j', 'G', '}', '{', 'g', ' ', 'b'] {
            app.update(Action::Key(Key::ch(k)));
        }
        app.update(Action::Resize {
            width: 20,
            height: 5,
        });
        app.update(Action::Key(Key::ch('G')));
        assert_eq!(app.top, app.max_top());
    }
}
