//! Whole screens rendered into ratatui's TestBackend: text snapshots plus
//! per-cell style checks (snapshots do not show styles).

use factlens::app::{Action, App, DEFAULT_MEASURE};
use factlens::document::load_plain;
use factlens::extract::extract;
use factlens::keymap::{Key, Keymap};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const SEED: &str = include_str!("../assets/seed.txt");

fn app(text: &str, w: u16, h: u16) -> App {
    let doc = load_plain(text);
    let facts = extract(&doc);
    App::new(doc, facts, Keymap::default_keys(), DEFAULT_MEASURE, w, h)
}

fn render(app: &App, w: u16, h: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| factlens::ui::draw(f, app)).unwrap();
    t.backend().buffer().clone()
}

fn screen(buf: &Buffer) -> String {
    let w = buf.area.width as usize;
    buf.content
        .chunks(w)
        .map(|row| {
            // A wide symbol covers the next cell: skip what lies under it.
            let mut line = String::new();
            let mut skip = 0;
            for c in row {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                line.push_str(c.symbol());
                skip = unicode_width::UnicodeWidthStr::width(c.symbol()).saturating_sub(1);
            }
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn find(buf: &Buffer, needle: &str) -> (u16, u16) {
    let text = screen(buf);
    for (y, line) in text.lines().enumerate() {
        if let Some(x) = line.find(needle) {
            // Screen text here is ASCII before the needle in these tests.
            return (line[..x].chars().count() as u16, y as u16);
        }
    }
    panic!("{needle:?} not on screen:\n{text}");
}

#[test]
fn seed_80x24() {
    let a = app(SEED, 80, 24);
    let buf = render(&a, 80, 24);
    insta::assert_snapshot!("seed_80x24", screen(&buf));
    let (x, y) = find(&buf, "Red Carpet from China for Putin");
    assert!(
        buf[(x, y)].modifier.contains(Modifier::BOLD),
        "title is bold"
    );
    let (x, y) = find(&buf, "Red carpet for Putin");
    assert_eq!(buf[(x, y)].fg, Color::Yellow);
    assert!(
        buf[(x, y)].modifier.contains(Modifier::BOLD),
        "headings are bold, not only coloured"
    );
    let (x, y) = find(&buf, "Parisa Pasandepour");
    assert!(buf[(x, y)].modifier.contains(Modifier::ITALIC));
    // Status line: reversed, title on the left, position and hint on the right.
    let last = screen(&buf).lines().last().unwrap().to_string();
    assert!(last.ends_with("? help"), "{last}");
    assert!(buf[(0, 23)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn seed_40x12_scrolled() {
    let mut a = app(SEED, 40, 12);
    for _ in 0..3 {
        a.update(Action::Key(Key::ch('}')));
    }
    let buf = render(&a, 40, 12);
    insta::assert_snapshot!("seed_40x12_third_heading", screen(&buf));
    assert_eq!(find(&buf, "An imbalanced").1, 0);
}

#[test]
fn end_shows_last_paragraph() {
    let mut a = app(SEED, 80, 24);
    a.update(Action::Key(Key::ch('G')));
    let text = screen(&render(&a, 80, 24));
    assert!(text.contains("Genoa, Italy."), "{text}");
    assert!(text.contains("100%"));
}

#[test]
fn help_overlay_lists_the_keymap() {
    let mut a = app(SEED, 80, 24);
    a.update(Action::Key(Key::ch('?')));
    let buf = render(&a, 80, 24);
    insta::assert_snapshot!("help_80x24", screen(&buf));
    let text = screen(&buf);
    for (keys, desc) in a.keymap.help_rows() {
        assert!(text.contains(&keys) && text.contains(desc), "{keys} {desc}");
    }
}

#[test]
fn wide_text_is_drawn_in_whole_cells() {
    let a = app(
        "漢字のタイトル\n\n日本語の本文です。これは長い段落で、幅の広い文字が正しく折り返されることを確かめます。\n",
        24,
        8,
    );
    let buf = render(&a, 24, 8);
    let text = screen(&buf);
    assert!(text.contains("漢字のタイトル"), "{text}");
    for y in 0..7u16 {
        let row = screen(&buf).lines().nth(y as usize).unwrap().to_string();
        assert!(
            unicode_width::UnicodeWidthStr::width(row.as_str()) <= 24,
            "row {y} overflows: {row}"
        );
    }
}

#[test]
fn tiny_and_huge_terminals_render() {
    for (w, h) in [(1, 1), (2, 2), (20, 5), (5, 20), (500, 200)] {
        let mut a = app(SEED, w, h);
        for k in ['G', '?', 'j'] {
            a.update(Action::Key(Key::ch(k)));
            render(&a, w, h);
        }
    }
    let a = app(SEED, 20, 5);
    let text = screen(&render(&a, 20, 5));
    assert!(text.starts_with(" Red Carpet from"), "{text}");
}

#[test]
fn readme_key_table_matches_the_keymap() {
    let readme = include_str!("../README.md");
    for (keys, desc) in Keymap::default_keys().help_rows() {
        let row = format!("| {keys} | {desc} |");
        assert!(readme.contains(&row), "README lacks the row {row}");
    }
}
