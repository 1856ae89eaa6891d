//! Whole screens rendered into ratatui's TestBackend: text snapshots plus
//! per-cell style checks (snapshots do not show styles).

use factlens::app::{Action, App, Article, DEFAULT_MEASURE, Options, Overlay, Row};
use factlens::document::load_plain;
use factlens::extract::extract;
use factlens::keymap::{Key, KeyCode, Keymap};
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
fn help_overlay_lists_the_keymap_and_scrolls() {
    let mut a = app(SEED, 100, 50);
    a.update(Action::Key(Key::ch('?')));
    let buf = render(&a, 100, 50);
    insta::assert_snapshot!("help_100x50", screen(&buf));
    let text = screen(&buf);
    for (keys, desc) in a.options().keymap.help_rows() {
        assert!(text.contains(&keys) && text.contains(desc), "{keys} {desc}");
    }
    // At 80x24 it does not fit: j scrolls it down to the last rows.
    let mut a = app(SEED, 80, 24);
    a.update(Action::Key(Key::ch('?')));
    let text = screen(&render(&a, 80, 24));
    assert!(text.contains("scroll down") || text.contains("down one line"));
    assert!(!text.contains("close or cancel the innermost"));
    for _ in 0..30 {
        a.update(Action::Key(Key::ch('j')));
    }
    assert!(matches!(a.overlay(), Overlay::Help { .. }));
    let text = screen(&render(&a, 80, 24));
    assert!(text.contains("close or cancel the innermost"), "{text}");
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
    let mut table = String::new();
    for (group, rows) in Keymap::default_keys().help_groups() {
        table.push_str(&format!("\n**{group}**\n\n| keys | does |\n|---|---|\n"));
        for (keys, desc) in rows {
            let keys = keys.replace('|', "\\|");
            table.push_str(&format!("| {keys} | {desc} |\n"));
        }
    }
    assert!(
        readme.contains(&table),
        "README's key table is out of date; it should read:\n{table}"
    );
}

/// Width of the article pane at 120 columns with the sidebar docked.
const ARTICLE_COLS_120: usize = 80;

fn seed_with_facts(w: u16, h: u16) -> App {
    app(SEED, w, h)
}

fn select(a: &mut App, name: &str) {
    a.update(Action::Key(Key::plain(KeyCode::Tab)));
    a.update(Action::Key(Key::ch('g')));
    for _ in 0..a.sidebar().rows().len() {
        if a.reader()
            .selected()
            .is_some_and(|t| a.reader().index().targets[t].name == name)
        {
            return;
        }
        a.update(Action::Key(Key::ch('j')));
    }
    panic!("{name} not in the sidebar");
}

#[test]
fn sidebar_lists_the_facts_of_the_seed_at_120x40() {
    let a = seed_with_facts(120, 40);
    let buf = render(&a, 120, 40);
    let text = screen(&buf);
    insta::assert_snapshot!("seed_sidebar_120x40", text);
    for (section, entries) in [
        ("People", vec!["Vladimir Putin", "Xi Jinping"]),
        ("Places", vec!["China", "Russia"]),
        ("Organizations", vec!["NATO"]),
    ] {
        assert!(text.contains(section), "{section}");
        for e in entries {
            assert!(text.contains(e), "{e} missing from the sidebar:\n{text}");
        }
    }
    // Counts are right-aligned after the name.
    let putin = a
        .reader()
        .index()
        .targets
        .iter()
        .find(|t| t.name == "Vladimir Putin")
        .unwrap();
    let row = text
        .lines()
        .find(|l| l.contains("Vladimir Putin") && l.contains("•"))
        .expect("Putin row, marked as on screen");
    assert!(
        row.trim_end().ends_with(&putin.mentions.len().to_string()),
        "{row}"
    );
    // Figures with what they measure, or their context: scroll the
    // sidebar to them.
    let mut a = seed_with_facts(120, 40);
    a.update(Action::Key(Key::plain(KeyCode::Tab)));
    a.update(Action::Key(Key::ch('G')));
    let text = screen(&render(&a, 120, 40));
    for fig in [
        "20% · oil",
        "26% …between 2022 and 2023",
        "4,000 kilometers",
    ] {
        assert!(text.contains(fig), "{fig} missing:\n{text}");
    }
}

#[test]
fn narrow_screen_sidebar_is_an_overlay_at_60x20() {
    let mut a = seed_with_facts(60, 20);
    let text = screen(&render(&a, 60, 20));
    assert!(!text.contains("Facts ·"), "no sidebar until asked for");
    a.update(Action::Key(Key::plain(KeyCode::Tab)));
    let buf = render(&a, 60, 20);
    insta::assert_snapshot!("seed_overlay_60x20", screen(&buf));
    let text = screen(&buf);
    assert!(text.contains("Facts ·") && text.contains("Vladimir Putin"));
    // Everything stays reachable: the cursor goes all the way down the list.
    a.update(Action::Key(Key::ch('G')));
    let text = screen(&render(&a, 60, 20));
    let last = a.sidebar().rows().last().unwrap();
    let Row::Target(t) = last else {
        panic!("last row is a target")
    };
    let name = &a.reader().index().targets[*t].name;
    assert!(text.contains(name.as_str()), "{name}:\n{text}");
    a.update(Action::Key(Key::plain(KeyCode::Enter)));
    let text = screen(&render(&a, 60, 20));
    assert!(!text.contains("Facts ·"), "the overlay closes on a jump");
    assert!(text.contains("— mention 1/"), "{text}");
}

/// The cell where the `nth` occurrence of `needle` starts in the article
/// pane (left of the sidebar).
fn style_at(buf: &Buffer, needle: &str, nth: usize) -> ratatui::buffer::Cell {
    let text = screen(buf);
    let mut seen = 0;
    for (y, line) in text.lines().enumerate() {
        let pane: String = line.chars().take(ARTICLE_COLS_120).collect();
        for (x, _) in pane.match_indices(needle) {
            let line = &pane;
            if seen == nth {
                return buf[(line[..x].chars().count() as u16, y as u16)].clone();
            }
            seen += 1;
        }
    }
    panic!("{needle:?} #{nth} not on screen")
}

#[test]
fn highlights_have_kind_styles_and_selection_stands_out() {
    let mut a = seed_with_facts(120, 40);
    assert_eq!(
        usize::from(a.screen().article(true).width),
        ARTICLE_COLS_120
    );
    let buf = render(&a, 120, 40);
    // "Putin" in the title line, first occurrence on screen: a person.
    let putin = style_at(&buf, "Vladimir Putin", 0);
    assert_eq!(putin.fg, Color::LightCyan);
    assert!(
        putin
            .modifier
            .contains(Modifier::UNDERLINED | Modifier::BOLD),
        "not colour alone"
    );
    let china = style_at(&buf, "China", 0);
    assert_eq!(china.fg, Color::LightGreen);
    assert!(china.modifier.contains(Modifier::UNDERLINED));
    let fig = style_at(&buf, "43rd", 0);
    assert!(fig.modifier.contains(Modifier::BOLD));
    // Plain words are plain.
    let plain = style_at(&buf, "reiterated", 0);
    assert!(plain.modifier.is_empty() && plain.fg == Color::Reset);
    // Selecting Putin reverses his mentions; jumping makes one the current.
    select(&mut a, "Vladimir Putin");
    let buf = render(&a, 120, 40);
    assert!(
        style_at(&buf, "Vladimir Putin", 0)
            .modifier
            .contains(Modifier::REVERSED)
    );
    assert!(
        !style_at(&buf, "Xi Jinping", 0)
            .modifier
            .contains(Modifier::REVERSED)
    );
    a.update(Action::Key(Key::plain(KeyCode::Enter)));
    a.update(Action::Key(Key::ch('n')));
    let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
    t.draw(|f| factlens::ui::draw(f, &a)).unwrap();
    let buf = t.backend().buffer().clone();
    let cur = a.reader().current().cloned().unwrap();
    let line = a.reader().layout().line_of(cur.start);
    let l = a.reader().layout().lines[line].range.clone();
    let col = factlens::layout::display_width(&a.reader().doc().text[l.start..cur.start]) as u16;
    let g = a.geometry();
    let (x, y) = (g.text_x + col, (line - a.reader().top()) as u16);
    let cell = &buf[(x, y)];
    assert_eq!(cell.bg, Color::LightYellow);
    assert!(
        cell.modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED | Modifier::REVERSED)
    );
    // The terminal cursor sits on it, for screen readers and magnifiers.
    let pos = t.get_cursor_position().unwrap();
    assert_eq!((pos.x, pos.y), (x, y));
    // And the status line says where we are.
    let status = screen(&buf).lines().last().unwrap().to_string();
    assert!(
        status.contains("PERSON Vladimir Putin — mention 2/"),
        "{status}"
    );
}

#[test]
fn search_matches_are_highlighted_and_counted() {
    let mut a = seed_with_facts(120, 40);
    for c in "/Beijing".chars() {
        a.update(Action::Key(Key::ch(c)));
    }
    let buf = render(&a, 120, 40);
    let status = screen(&buf).lines().last().unwrap().to_string();
    assert!(status.starts_with("/Beijing"), "prompt shown: {status}");
    a.update(Action::Key(Key::plain(KeyCode::Enter)));
    a.update(Action::Key(Key::ch('n')));
    let buf = render(&a, 120, 40);
    let status = screen(&buf).lines().last().unwrap().to_string();
    let total = a.reader().doc().text.matches("Beijing").count();
    assert!(status.contains(&format!("match 2/{total}")), "{status}");
    let m = style_at(&buf, "Beijing", 0);
    assert!(m.modifier.contains(Modifier::REVERSED));
}

#[test]
fn scrollbar_marks_the_selected_mentions() {
    let mut a = seed_with_facts(120, 40);
    select(&mut a, "Philipp Ivanov");
    let buf = render(&a, 120, 40);
    let x = a.screen().article(true).right() - 1;
    let marks = (0..39u16).filter(|&y| buf[(x, y)].symbol() == "◆").count();
    let mentions = a.reader().index().targets[a.reader().selected().unwrap()]
        .mentions
        .len();
    assert!(
        marks >= 1 && marks <= mentions,
        "{marks} marks for {mentions} mentions"
    );
}

#[test]
fn no_color_keeps_facts_distinguishable() {
    let doc = load_plain(SEED);
    let facts = extract(&doc);
    let options = Options {
        color: false,
        ..Options::default()
    };
    let mut a = App::for_article(Article::new(doc, &facts), options, 120, 40);
    select(&mut a, "Xi Jinping");
    let buf = render(&a, 120, 40);
    assert!(
        buf.content
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    let putin = style_at(&buf, "Vladimir Putin", 0);
    assert!(putin.modifier.contains(Modifier::UNDERLINED));
    let xi = style_at(&buf, "Xi Jinping", 0);
    assert!(
        xi.modifier.contains(Modifier::REVERSED),
        "the selection shows without colour"
    );
    // The third "China" on screen is in body text (the first two are in titles).
    let china = style_at(&buf, "China", 2);
    assert_ne!(
        china.modifier, putin.modifier,
        "places and people differ without colour"
    );
}

#[test]
fn links_are_underlined_and_listed() {
    let doc = factlens::document::load_markdown(
        "# Links\n\nRead [the quarterly report](https://example.org/report) today.\n",
    );
    let facts = extract(&doc);
    let mut a = App::new(doc, facts, Keymap::default_keys(), DEFAULT_MEASURE, 100, 20);
    let buf = render(&a, 100, 20);
    let cell = style_at(&buf, "quarterly", 0);
    assert!(cell.modifier.contains(Modifier::UNDERLINED));
    assert_eq!(cell.fg, Color::Blue);
    a.update(Action::Key(Key::ch('o')));
    let text = screen(&render(&a, 100, 20));
    assert!(
        text.contains("Links 1") && text.contains("https://example.org/report"),
        "{text}"
    );
}

#[test]
fn help_scrolled_to_the_end_shows_each_row_once() {
    let mut a = app(SEED, 80, 24);
    a.update(Action::Key(Key::ch('?')));
    for _ in 0..80 {
        a.update(Action::Key(Key::ch('j')));
    }
    let text = screen(&render(&a, 80, 24));
    assert_eq!(text.matches("show or hide this help").count(), 1, "{text}");
    assert!(
        text.contains("quit from anywhere"),
        "the last row is reachable:\n{text}"
    );
    // Under the keys, what the marks drawn beside the text mean.
    assert!(text.contains("Marks"), "{text}");
    assert!(
        text.contains("•  beside a fact: it is mentioned on this screen"),
        "{text}"
    );
    assert!(
        text.contains("◆  on the scrollbar: where the selected fact (or"),
        "{text}"
    );
}

const OUTLINE_MD: &str = include_str!("fixtures/outline.md");

fn markdown_app(text: &str, w: u16, h: u16) -> App {
    let doc = factlens::document::load_markdown(text);
    let facts = extract(&doc);
    App::new(doc, facts, Keymap::default_keys(), DEFAULT_MEASURE, w, h)
}

#[test]
fn the_card_shows_the_selected_entity_at_120x40() {
    let mut a = seed_with_facts(120, 40);
    let text = screen(&render(&a, 120, 40));
    assert!(
        text.contains("• on screen · ◆ selection on scrollbar"),
        "the legend is at the foot of the sidebar:\n{text}"
    );
    select(&mut a, "Vladimir Putin");
    a.update(Action::Key(Key::plain(KeyCode::Enter)));
    a.update(Action::Key(Key::ch('n')));
    let buf = render(&a, 120, 40);
    let text = screen(&buf);
    insta::assert_snapshot!("card_entity_120x40", text);
    let n = a.reader().index().targets[a.reader().selected().unwrap()]
        .mentions
        .len();
    assert!(text.contains("─ Vladimir Putin · person ─"), "{text}");
    assert!(text.contains(&format!("mention  2 of {n}")), "{text}");
    assert!(text.contains("aliases  Putin"), "{text}");
    // The name is drawn in its kind's style, as in the text.
    let (x, y) = find(&buf, "─ Vladimir Putin · person");
    let name = &buf[(x + 2, y)];
    assert_eq!(name.fg, Color::LightCyan);
    assert!(name.modifier.contains(Modifier::BOLD));
}

#[test]
fn the_card_shows_what_a_figure_was_read_as_at_60x20() {
    let mut a = markdown_app(OUTLINE_MD, 60, 20);
    let miles = a
        .reader()
        .index()
        .targets
        .iter()
        .find(|t| t.name.starts_with("12 miles"))
        .unwrap()
        .name
        .clone();
    select(&mut a, &miles);
    let text = screen(&render(&a, 60, 20));
    insta::assert_snapshot!("card_figure_60x20", text);
    for line in [
        "─ 12 miles (19.3 km) · quantity ─",
        "mentions  1",
        "value     12 mi",
        "metric    19.3 km",
        "• on this screen · ◆ the selection, on the scrollbar",
    ] {
        assert!(text.contains(line), "{line}:\n{text}");
    }
    // The list above the card still shows the cursor's row.
    assert!(text.contains(&miles), "{text}");
}

#[test]
fn the_outline_lists_the_headings_over_the_text() {
    for (w, h) in [(120, 40), (60, 20)] {
        let mut a = markdown_app(OUTLINE_MD, w, h);
        // Read into the second section, then open the outline.
        a.update(Action::Key(Key::ch('}')));
        a.update(Action::Key(Key::ch('}')));
        a.update(Action::Key(Key::ch('t')));
        a.update(Action::Key(Key::ch('j')));
        let buf = render(&a, w, h);
        let text = screen(&buf);
        insta::assert_snapshot!(format!("outline_{w}x{h}"), text);
        assert!(
            text.contains("Outline 6 · Enter jumps · Esc closes"),
            "{text}"
        );
        assert!(
            text.contains("▸ The route"),
            "the section read is marked:\n{text}"
        );
        // The cursor is on the heading Enter would jump to.
        let (x, y) = find(&buf, "│  Money");
        assert!(
            buf[(x + 3, y)].modifier.contains(Modifier::REVERSED),
            "{text}"
        );
        for heading in ["Where the idea came from", "What comes next"] {
            assert!(text.contains(heading), "{heading}:\n{text}");
        }
    }
}

#[test]
fn an_article_being_opened_shows_how_to_cancel_it() {
    let mut a = App::for_library(vec!["a.txt".into()], Options::default(), 80, 10);
    a.update(Action::Key(Key::plain(KeyCode::Enter)));
    let text = screen(&render(&a, 80, 10));
    let last = text.lines().last().unwrap();
    assert!(last.contains("opening a.txt… · Ctrl-c cancels"), "{text}");
    a.update(Action::Key(Key::ctrl('c')));
    let text = screen(&render(&a, 80, 10));
    assert!(text.contains("a.txt not opened (cancelled)"), "{text}");
    assert!(!a.should_quit());
}

#[test]
fn text_never_touches_the_scrollbar() {
    // (width, height, sidebar shown): full panes, with and without the sidebar.
    for (w, h, sidebar) in [
        (80, 24, true),
        (40, 12, false),
        (120, 40, true),
        (60, 20, false),
    ] {
        let mut a = app(SEED, w, h);
        if !sidebar && a.sidebar_docked() {
            a.update(Action::Key(Key::ch('s')));
        }
        let pane = a.screen().article(a.sidebar_docked());
        let bar = pane.right() - 1;
        for _ in 0..8 {
            let buf = render(&a, w, h);
            for y in pane.top()..pane.bottom() {
                assert!(
                    ["│", "█", "◆"].contains(&buf[(bar, y)].symbol()),
                    "{w}x{h}: no scrollbar at row {y}"
                );
                assert_eq!(
                    buf[(bar - 1, y)].symbol(),
                    " ",
                    "{w}x{h}: text touches the scrollbar at row {y}:\n{}",
                    screen(&buf)
                );
            }
            a.update(Action::Key(Key::ch(' ')));
        }
    }
}

#[test]
fn help_first_screen_at_100x30_says_how_to_quit_and_how_to_close_it() {
    let mut a = app(SEED, 100, 30);
    a.update(Action::Key(Key::ch('?')));
    let text = screen(&render(&a, 100, 30));
    assert!(text.contains("q quits"), "{text}");
    assert!(
        text.contains("Esc closes what is open and never quits"),
        "{text}"
    );
    assert!(text.contains("?, Esc or q close this help"), "{text}");
    // In the user's keys, the footer too.
    let overrides = [
        (factlens::keymap::Command::LineDown, vec!["J".to_string()]),
        (factlens::keymap::Command::Quit, vec!["x".to_string()]),
    ]
    .into_iter()
    .collect();
    let options = Options {
        keymap: Keymap::with_overrides(&overrides).unwrap(),
        ..Options::default()
    };
    let doc = load_plain(SEED);
    let facts = extract(&doc);
    let mut a = App::for_article(Article::new(doc, &facts), options, 100, 30);
    a.update(Action::Key(Key::ch('?')));
    let text = screen(&render(&a, 100, 30));
    assert!(text.contains("J/k scroll"), "{text}");
    assert!(
        text.contains("x quits") && text.contains("?, Esc or x close this help"),
        "{text}"
    );
    assert!(!text.contains("j/k"), "{text}");
}

fn status_row(buf: &Buffer) -> String {
    screen(buf).lines().last().unwrap_or("").to_string()
}

#[test]
fn narrow_reader_at_60x20_says_how_to_open_the_facts() {
    let a = app(SEED, 60, 20);
    let buf = render(&a, 60, 20);
    insta::assert_snapshot!("seed_reader_60x20", screen(&buf));
    let last = status_row(&buf);
    assert!(last.contains("s facts"), "{last}");
    // Wide enough to dock the sidebar: no hint, the sidebar is there.
    let a = app(SEED, 120, 40);
    let buf = render(&a, 120, 40);
    assert!(!status_row(&buf).contains("facts"));
    // The hint is in the user's key.
    let overrides = [(
        factlens::keymap::Command::ToggleSidebar,
        vec!["F2".to_string()],
    )]
    .into_iter()
    .collect();
    let options = Options {
        keymap: Keymap::with_overrides(&overrides).unwrap(),
        ..Options::default()
    };
    let doc = load_plain(SEED);
    let facts = extract(&doc);
    let a = App::for_article(Article::new(doc, &facts), options, 60, 20);
    assert!(status_row(&render(&a, 60, 20)).contains("F2 facts"));
}

#[test]
fn status_messages_are_shortened_by_priority_not_mid_word() {
    let mut a = app(SEED, 60, 20);
    // A notice takes the room of the line count and the help hint.
    a.update(Action::Notice(
        "restored your place (line 40 of 181) · g to go to top".into(),
    ));
    let last = status_row(&render(&a, 60, 20));
    assert!(
        last.contains("restored your place (line 40 of 181)") && last.contains("s facts"),
        "{last}"
    );
    // Narrower: the hint part of the notice goes, whole.
    let mut a = app(SEED, 50, 20);
    a.update(Action::Notice(
        "restored your place (line 40 of 181) · g to go to top".into(),
    ));
    let last = status_row(&render(&a, 50, 20));
    assert!(
        last.contains("restored your place (line 40 of 181)"),
        "{last}"
    );
    assert!(!last.contains("g to"), "{last}");
    // A title too long for the line ends at a word, with an ellipsis.
    let a = app(SEED, 40, 12);
    let last = status_row(&render(&a, 40, 12));
    assert!(last.starts_with(" Red Carpet from China…"), "{last}");
    for (w, h) in [(30, 10), (40, 12), (60, 20)] {
        let mut a = app(SEED, w, h);
        a.update(Action::Notice("no more headings below".into()));
        let last = status_row(&render(&a, w, h));
        let words: Vec<&str> = "no more headings below".split(' ').collect();
        let left = last
            .trim_start()
            .split("  ")
            .next()
            .unwrap()
            .trim_end_matches('…');
        for word in left.split(' ') {
            assert!(words.contains(&word), "{w}: {word:?} cut in {last:?}");
        }
    }
}

/// Every word of every help description, on some row of the help while
/// it scrolls through.
fn help_words_are_whole(w: u16, h: u16) -> String {
    let mut a = app(SEED, w, h);
    a.update(Action::Key(Key::ch('?')));
    let first = screen(&render(&a, w, h));
    let mut seen = first.clone();
    for _ in 0..80 {
        a.update(Action::Key(Key::ch('j')));
        seen.push('\n');
        seen.push_str(&screen(&render(&a, w, h)));
    }
    let rows: Vec<Vec<&str>> = seen
        .lines()
        .map(|l| l.split(['│', ' ']).filter(|w| !w.is_empty()).collect())
        .collect();
    for (_, desc) in a.options().keymap.help_rows() {
        for word in desc.split(' ') {
            assert!(
                rows.iter().any(|r| r.contains(&word)),
                "{w}x{h}: {word:?} of {desc:?} is cut:\n{seen}"
            );
        }
    }
    first
}

#[test]
fn help_descriptions_wrap_on_narrow_screens() {
    let first = help_words_are_whole(60, 20);
    insta::assert_snapshot!("help_60x20", first);
    let first = help_words_are_whole(120, 40);
    insta::assert_snapshot!("help_120x40", first);
    help_words_are_whole(40, 12);
}

fn library(w: u16, h: u16) -> App {
    use factlens::app::EntryState;
    use factlens::summary::Summary;
    let articles = [
        (
            "trade.txt",
            "Trade Talks Between Australia and India Resume After a Long Pause\n\nBy Jane Reporter\n\nThe minister of Australia met officials from India in Canberra on Monday to discuss uranium exports.\n",
        ),
        (
            "monsoon.txt",
            "Monsoon Season\n\nFarmers across India expect the monsoon to arrive early this year, officials in Delhi said.\n",
        ),
        (
            "sports.txt",
            "Local Sports\n\nThe football club of Leeds won again on Saturday, its fans said.\n",
        ),
    ];
    let mut paths: Vec<std::path::PathBuf> = articles.iter().map(|(p, _)| p.into()).collect();
    paths.push("broken.bin".into());
    paths.push("later.txt".into());
    let mut a = App::for_library(paths, Options::default(), w, h);
    for (i, (_, src)) in articles.iter().enumerate() {
        let doc = load_plain(src);
        let s = Summary::new(&doc, &extract(&doc));
        a.update(Action::LibraryEntry(i, EntryState::Ready(s)));
    }
    a.update(Action::LibraryEntry(
        3,
        EntryState::Failed("binary data at byte 4, not an article".into()),
    ));
    a
}

#[test]
fn the_library_filter_lists_matching_rows() {
    for (w, h) in [(120, 40), (60, 20)] {
        let mut a = library(w, h);
        for c in "/india".chars() {
            a.update(Action::Key(Key::ch(c)));
        }
        let text = screen(&render(&a, w, h));
        insta::assert_snapshot!(format!("library_filter_{w}x{h}"), text);
        assert!(
            text.contains("Library · 2 of 5 articles · filter: india"),
            "{text}"
        );
        assert!(text.contains("Monsoon Season"), "by an entity:\n{text}");
        assert!(text.contains("Trade Talks"), "by its title:\n{text}");
        assert!(!text.contains("Local Sports"), "{text}");
        assert!(
            text.lines().last().unwrap().starts_with("filter: india"),
            "{text}"
        );
        for c in "zz".chars() {
            a.update(Action::Key(Key::ch(c)));
        }
        let text = screen(&render(&a, w, h));
        assert!(
            text.contains("no article's title, file name or entities match"),
            "{text}"
        );
    }
}

#[test]
fn library_rows_put_the_title_first_and_drop_details_when_narrow() {
    let buf = render(&library(60, 20), 60, 20);
    insta::assert_snapshot!("library_60x20", screen(&buf));
    let text = screen(&buf);
    assert!(
        text.contains("Trade Talks Between Australia and India"),
        "{text}"
    );
    assert!(
        text.contains("Monsoon Season  monsoon.txt · 17 words"),
        "{text}"
    );
    let buf = render(&library(120, 40), 120, 40);
    insta::assert_snapshot!("library_120x40", screen(&buf));
    let text = screen(&buf);
    assert!(
        text.contains("Jane Reporter") && text.contains("Australia"),
        "{text}"
    );
    // Nothing is cut mid-word at any width: every row is whole words.
    for w in [30u16, 45, 60, 80, 120] {
        let text = screen(&render(&library(w, 12), w, 12));
        for line in text.lines().skip(1).take(5) {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= w as usize,
                "{line}"
            );
            for word in line.split([' ', ',']).filter(|s| !s.is_empty()) {
                let word = word.trim_end_matches('…');
                assert!(
                    word.is_empty()
                        || [
                            "Trade Talks Between Australia and India Resume After a Long Pause",
                            "By Jane Reporter",
                            "Jane Reporter",
                            "Monsoon Season",
                            "Local Sports",
                            "words",
                            "min",
                            "reading…",
                            "reading",
                            "✗",
                            "binary data at byte 4 not an article",
                            "trade.txt",
                            "monsoon.txt",
                            "sports.txt",
                            "broken.bin",
                            "later.txt",
                            "India",
                            "Australia",
                            "Canberra",
                            "Delhi",
                            "Leeds",
                            "·"
                        ]
                        .iter()
                        .any(|w| w.split(' ').any(|x| x == word)
                            || word.chars().all(|c| c.is_ascii_digit())),
                    "{w}: {word:?} cut in {line:?}"
                );
            }
        }
    }
}

const TABLE_MD: &str = include_str!("fixtures/table.md");

#[test]
fn markdown_table_columns_line_up_at_120x40() {
    let a = markdown_app(TABLE_MD, 120, 40);
    let buf = render(&a, 120, 40);
    insta::assert_snapshot!("table_120x40", screen(&buf));
    let text = screen(&buf);
    // Every row's bars in the same columns, CJK row included.
    let bars = |line: &str| -> Vec<usize> {
        line.chars()
            .flat_map(|c| {
                std::iter::repeat_n(c, unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
            })
            .enumerate()
            .filter(|&(_, c)| c == '│' || c == '┼')
            .map(|(i, _)| i)
            .take(3)
            .collect()
    };
    // The article pane: left of its scrollbar.
    let rows: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split('█').next())
        .filter(|l| l.contains(" │ ") || l.contains('┼'))
        .collect();
    assert_eq!(rows.len(), 8, "{text}");
    for row in &rows {
        assert_eq!(bars(row), bars(rows[0]), "{row}");
    }
    // The header is bold, the bars dim, the right-aligned figure a figure.
    let (x, y) = find(&buf, "City");
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    let (x, y) = find(&buf, "│ Population");
    assert!(buf[(x, y)].modifier.contains(Modifier::DIM));
    let (x, y) = find(&buf, "2,102,650");
    assert_eq!(
        buf[(x, y)].fg,
        Color::LightYellow,
        "a figure in a cell is highlighted"
    );
    let (x, y) = find(&buf, "Paris  │");
    assert_eq!(
        buf[(x, y)].fg,
        Color::LightGreen,
        "a place in a cell is highlighted"
    );
}

#[test]
fn markdown_table_wraps_in_its_column_at_60x20() {
    let mut a = markdown_app(TABLE_MD, 60, 20);
    let buf = render(&a, 60, 20);
    insta::assert_snapshot!("table_60x20", screen(&buf));
    // A search match on a wrapped cell line is drawn in the cell, with the
    // terminal cursor on it.
    for c in "/famous".chars() {
        a.update(Action::Key(Key::ch(c)));
    }
    a.update(Action::Key(Key::plain(KeyCode::Enter)));
    let mut t = Terminal::new(TestBackend::new(60, 20)).unwrap();
    t.draw(|f| factlens::ui::draw(f, &a)).unwrap();
    let buf = t.backend().buffer().clone();
    let (x, y) = find(&buf, "famous");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    let line = screen(&buf).lines().nth(y as usize).unwrap().to_string();
    assert!(
        line.trim_start().starts_with('│'),
        "in the Note column: {line}"
    );
    t.backend_mut().assert_cursor_position((x, y));
}

#[test]
fn inline_code_has_its_own_style() {
    let a = markdown_app(
        "Build it with `cargo build --release` and run it.\n",
        80,
        10,
    );
    let buf = render(&a, 80, 10);
    let text = screen(&buf);
    assert!(
        text.contains("Build it with cargo build --release and run it."),
        "{text}"
    );
    let (x, y) = find(&buf, "cargo build --release");
    for dx in 0.."cargo build --release".len() as u16 {
        let cell = &buf[(x + dx, y)];
        assert_eq!(cell.fg, Color::LightRed, "{:?} at {dx}", cell.symbol());
    }
    // The text around it keeps the paragraph's style.
    assert_eq!(buf[(x - 2, y)].fg, Color::Reset);
    assert_eq!(buf[(x + 22, y)].fg, Color::Reset);
}
