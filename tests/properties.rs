//! Property tests of the pure core on arbitrary text: layout, extraction,
//! the source map, and the app state machine under arbitrary keys and
//! resizes. The invariants are the ones the fuzz targets check
//! (`fuzz/src/lib.rs`, shared here), so a fuzz crash and a failing property
//! mean the same thing. Regression inputs from fuzzing are at the bottom.

#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod invariants;

use factlens::app::{Action, App};
use factlens::document::{is_unsafe, load_bytes, load_html, load_markdown, load_plain};
use factlens::extract::extract;
use factlens::keymap::{Key, KeyCode, Keymap};
use factlens::layout::layout;
use invariants::{check_doc, check_facts, check_layout, check_source_map};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Words that look like an article's: names, numbers, money, dates, wide
/// and combining characters, emoji, controls and bidi overrides.
const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "said",
    "in",
    "President",
    "Vladimir",
    "Putin",
    "Xi",
    "Jinping",
    "Beijing",
    "United",
    "Nations",
    "Mr.",
    "Dr.",
    "NATO",
    "U.S.",
    "$3.5",
    "billion",
    "20%",
    "4,000",
    "km",
    "3",
    "March",
    "2024",
    "1st",
    "twenty-two",
    "half",
    "10:30",
    "é",
    "漢字",
    "👍",
    "👨‍👩‍👧",
    "e\u{301}",
    "\u{301}",
    "\u{1b}[31m",
    "\u{9b}2J",
    "\u{202e}",
    "\u{200b}",
    "\t",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    "  ",
    "-",
    "*",
    "1.",
    "#",
    "\"",
    "“",
    "”",
    "’s",
    "(",
    ")",
    ".",
    ",",
    ";",
    ":",
    "?",
    "!",
    "—",
    "Share This Article",
    "`",
    "`code`",
    "10 Min Read",
];

fn article() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,200}",
        prop::collection::vec(prop::sample::select(WORDS), 0..120).prop_map(|ws| {
            let mut s = String::new();
            for (i, w) in ws.iter().enumerate() {
                if i > 0 && i % 3 != 0 {
                    s.push(' ');
                }
                s.push_str(w);
            }
            s
        }),
    ]
}

/// Values with what computed offsets could land inside: multi-byte
/// characters, quotes, carriage returns, controls.
const VALUE: &[&str] = &[
    " ", "\r", "\t", "\"", "'", "\u{9b}", "é", "漢字", "😀", "x", "e.", "\u{202e}", "\x1b[d", "C0",
];

/// A document opening with front matter: keys with spaces or carriage
/// returns before the colon, odd values, closed (or not), then a body.
fn front_matter() -> impl Strategy<Value = String> {
    use prop::collection::vec;
    use prop::sample::select;
    let pieces = |set: &'static [&'static str], n| vec(select(set), 0..n).prop_map(|v| v.concat());
    let line = (
        select(&["title", "author", "date", "x", " title"][..]),
        pieces(&[" ", "\r", "\t"], 4),
        pieces(VALUE, 8),
    )
        .prop_map(|(key, pad, value)| format!("{key}{pad}:{value}\n"));
    (
        vec(line, 0..5),
        select(&["---\n", "...\n", "---", ""][..]),
        pieces(VALUE, 12),
    )
        .prop_map(|(lines, close, body)| format!("---\n{}{close}{body}", lines.concat()))
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // Shrinking a failing app run can take very long; keep CI bounded.
        max_shrink_iters: 2000,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn layout_invariants(text in article(), width in prop_oneof![1usize..12, 1usize..200]) {
        let doc = load_plain(&text);
        check_doc(&doc);
        let l = layout(&doc, width);
        check_layout(&doc, &l, width);
    }

    #[test]
    fn extraction_ranges(text in article()) {
        let doc = load_plain(&text);
        let facts = extract(&doc);
        check_facts(&doc, &facts);
    }

    #[test]
    fn source_map_finds_the_letters(text in article()) {
        if let Ok(doc) = load_bytes(text.as_bytes()) {
            check_source_map(&doc, text.as_bytes());
        }
    }

    #[test]
    fn front_matter_and_line_ends_are_safe(text in front_matter()) {
        for doc in [load_markdown(&text), load_plain(&text), load_html(&text, None)] {
            check_doc(&doc);
            check_facts(&doc, &extract(&doc));
        }
    }

    #[test]
    fn html_and_markdown_are_safe(text in article()) {
        for doc in [load_markdown(&text), load_html(&text, None)] {
            check_doc(&doc);
            let facts = extract(&doc);
            check_facts(&doc, &facts);
            check_layout(&doc, &layout(&doc, 30), 30);
        }
    }
}

/// Words for table cells: wide and combining characters, emoji, numbers,
/// long words, escaped pipes, code, links and controls.
const CELL_WORDS: &[&str] = &[
    "Paris",
    "2,102,650",
    "€310m",
    "漢字",
    "東京都",
    "👨‍👩‍👧",
    "e\u{301}",
    "a",
    "of",
    "the",
    "Internationalization",
    "`x \\| y`",
    "\\|",
    "[link](https://x.org)",
    "**bold**",
    "\u{1b}[31m",
    "\u{202e}",
    "http://example.org/a/very/long/path",
    "—",
    "-",
];

/// A Markdown table (sometimes between paragraphs, sometimes two of them)
/// with random cells, column counts and alignments.
fn table_markdown() -> impl Strategy<Value = String> {
    use prop::collection::vec;
    use prop::sample::select;
    let cell = vec(select(CELL_WORDS), 0..6).prop_map(|ws| ws.join(" "));
    let table =
        (1usize..6, vec(vec(cell, 0..7), 1..6), vec(0u8..4, 0..6)).prop_map(|(n, rows, aligns)| {
            let row = |cells: &[String]| {
                let mut cells: Vec<&str> = cells.iter().map(String::as_str).take(n).collect();
                cells.resize(n, "");
                format!("| {} |\n", cells.join(" | "))
            };
            let mut s = row(&rows[0]);
            let delim: Vec<&str> = (0..n)
                .map(|c| match aligns.get(c).copied().unwrap_or(0) {
                    1 => ":--",
                    2 => ":-:",
                    3 => "--:",
                    _ => "---",
                })
                .collect();
            s.push_str(&format!("|{}|\n", delim.join("|")));
            for r in &rows[1..] {
                s.push_str(&row(r));
            }
            s
        });
    (table.clone(), proptest::option::of(table), any::<bool>()).prop_map(|(a, b, prose)| {
        let p = if prose { "Some text before.\n\n" } else { "" };
        match b {
            Some(b) => format!("{p}{a}\n{b}\n{p}"),
            None => format!("{p}{a}{p}"),
        }
    })
}

proptest! {
    #![proptest_config(config(300))]

    /// Tables never produce a line wider than the width (at widths where a
    /// wide character fits), and keep every layout invariant.
    #[test]
    fn tables_fit_the_width(src in table_markdown(), width in prop_oneof![1usize..30, 1usize..130]) {
        let doc = load_markdown(&src);
        check_doc(&doc);
        let l = layout(&doc, width);
        check_layout(&doc, &l, width);
        for line in &l.lines {
            if let Some(t) = &line.table {
                let w = t.columns(&doc.text);
                prop_assert!(width < 2 || w <= width, "{w} > {width}: {t:?}");
            }
        }
        check_source_map(&doc, src.as_bytes());
    }
}

/// A figure's text and the value it states: "1,234.5%" and 12.345,
/// computed on the decimal digits, not in floating point.
fn figure_text() -> impl Strategy<Value = (String, f64)> {
    let suffixes = prop_oneof![
        Just(("", "%", -2)),
        Just(("", " percent", -2)),
        Just(("$", " million", 6)),
        Just(("€", " billion", 9)),
        Just(("", " km", 0)),
        Just(("", "ft", 0)),
        Just(("£", "", 0)),
        Just(("", " tonnes", 0)),
    ];
    (
        1u32..1_000_000,
        proptest::option::of("[0-9]{1,3}"),
        any::<bool>(),
        suffixes,
    )
        .prop_map(|(int, frac, commas, (pre, post, exp))| {
            let digits = int.to_string();
            let grouped = if commas {
                let mut g = String::new();
                for (k, c) in digits.chars().enumerate() {
                    if k > 0 && (digits.len() - k) % 3 == 0 {
                        g.push(',');
                    }
                    g.push(c);
                }
                g
            } else {
                digits.clone()
            };
            let frac = frac.map(|f| format!(".{f}")).unwrap_or_default();
            let value: f64 = format!("{digits}{frac}e{exp}").parse().unwrap();
            (format!("{pre}{grouped}{frac}{post}"), value)
        })
}

proptest! {
    #![proptest_config(config(500))]

    /// The parsed value of any figure is the number its text states, to
    /// the last digit: printed, it reads back as the text's number.
    #[test]
    fn figure_values_round_trip((text, value) in figure_text()) {
        let doc = load_plain(&format!("They said it was {text} in all.\n"));
        let facts = extract(&doc);
        let fig = facts.figures.iter().find(|f| doc.text[f.range.clone()] == text);
        prop_assert!(fig.is_some(), "{text:?} not found: {:?}", facts.figures);
        let v = fig.unwrap().value.unwrap();
        prop_assert_eq!(v, value, "{}", text);
        prop_assert_eq!(v.to_string().parse::<f64>().unwrap(), value);
    }
}

#[derive(Clone, Debug)]
enum Step {
    Key(Key),
    Resize(u16, u16),
    Wheel(u16, u16, i32),
    Click(u16, u16),
}

fn key() -> impl Strategy<Value = Key> {
    let named = prop::sample::select(vec![
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Backspace,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::F(1),
    ]);
    prop_oneof![
        // Every bound character except `q`, whose quitting ends nothing
        // here but makes runs shorter in effect.
        4 => prop::sample::select("jkfbgG{}sSF&nN[]<>/HLy?aeP ".chars().collect::<Vec<_>>())
            .prop_map(Key::ch),
        1 => prop::sample::select("denpfbuoiy".chars().collect::<Vec<_>>()).prop_map(Key::ctrl),
        2 => named.prop_map(Key::plain),
        // Any char a terminal can deliver as a key: not C0 (those arrive as
        // Ctrl+letter) and not C1 (see `hostile_unbound_keys_are_drawn_safely`
        // in tests/injection.rs, a known bug).
        1 => any::<char>().prop_filter("not a control", |c| !c.is_control()).prop_map(Key::ch),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        8 => key().prop_map(Step::Key),
        1 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Step::Resize(w, h)),
        1 => (0u16..310, 0u16..110, -3i32..=3).prop_map(|(x, y, d)| Step::Wheel(x, y, d)),
        1 => (0u16..310, 0u16..110).prop_map(|(x, y)| Step::Click(x, y)),
    ]
}

/// Draws the app into a buffer the size of its screen; panics if a cell
/// holds an unsafe char.
fn draw(app: &App) {
    let (w, h) = (app.screen().width, app.screen().height);
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| factlens::ui::draw(f, app)).unwrap();
    for cell in term.backend().buffer().content.iter() {
        assert!(
            !cell.symbol().chars().any(is_unsafe),
            "unsafe symbol {:?} drawn",
            cell.symbol()
        );
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn app_survives_any_keys_and_resizes(
        text in article(),
        size in (1u16..=300, 1u16..=100),
        steps in prop::collection::vec(step(), 0..40),
    ) {
        let doc = load_plain(&text);
        let facts = extract(&doc);
        let mut app = App::new(doc, facts, Keymap::default_keys(), 80, size.0, size.1);
        draw(&app);
        for s in steps {
            let action = match s {
                Step::Key(k) => Action::Key(k),
                Step::Resize(width, height) => Action::Resize { width, height },
                Step::Wheel(x, y, delta) => Action::Wheel { x, y, delta },
                Step::Click(x, y) => Action::Click { x, y },
            };
            app.update(action);
            prop_assert!(app.reader().top() <= app.reader().layout().lines.len());
            draw(&app);
        }
    }
}

// Regression inputs found by fuzzing (fuzz/, see .ci/fuzz.sh) go below.

/// Found by `app_survives_any_keys_and_resizes` before control chars were
/// filtered from its keys: an unbound key is named raw in the status line,
/// and ratatui's debug assertion panics on the control char (a release
/// build writes it to the terminal).
#[test]
fn unbound_control_key_on_an_empty_text() {
    let doc = load_plain("");
    let facts = extract(&doc);
    let mut app = App::new(doc, facts, Keymap::default_keys(), 80, 1, 1);
    app.update(Action::Resize {
        width: 10,
        height: 1,
    });
    app.update(Action::Key(Key::ch('\0')));
    draw(&app);
}
