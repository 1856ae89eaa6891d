//! The outline overlay: open, move, jump, close.

use super::*;

fn outline_app(w: u16, h: u16) -> App {
    let doc = crate::document::load_markdown(include_str!("../../../tests/fixtures/outline.md"));
    let facts = extract(&doc);
    App::new(doc, facts, Keymap::default_keys(), DEFAULT_MEASURE, w, h)
}

const HEADINGS: [&str; 6] = [
    "Where the idea came from",
    "The route",
    "Money",
    "The politics",
    "What travellers would see",
    "What comes next",
];

fn cursor(app: &App) -> usize {
    match app.overlay {
        Overlay::Outline { cursor } => cursor,
        ref other => panic!("the outline is not open: {other:?}"),
    }
}

#[test]
fn the_outline_lists_the_headings_and_enter_jumps_to_one() {
    let mut app = outline_app(60, 20);
    let names: Vec<&str> = app
        .reader
        .headings()
        .into_iter()
        .map(|b| app.reader.doc.slice(&app.reader.doc.blocks[b].range))
        .collect();
    assert_eq!(names, HEADINGS);
    press(&mut app, "t");
    // Above the first heading no section is being read: the cursor starts on the first.
    assert_eq!(cursor(&app), 0);
    assert_eq!(app.reader.current_heading(&app.reader.headings()), None);
    press(&mut app, "jj");
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Up);
    press(&mut app, "k");
    assert_eq!(cursor(&app), 1);
    // It stops at either end.
    press(&mut app, "G");
    press(&mut app, "j");
    assert_eq!(cursor(&app), HEADINGS.len() - 1);
    press(&mut app, "g");
    press(&mut app, "k");
    assert_eq!(cursor(&app), 0);
    assert_eq!(
        app.reader.top, 0,
        "moving in the outline does not scroll the text"
    );
    press(&mut app, "jjj");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(top_text(&app), "The politics");
    // The section being read is marked, and the outline opens on it.
    press(&mut app, "t");
    assert_eq!(cursor(&app), 3);
    key(&mut app, KeyCode::Esc);
    // The jump is in the jump list like any other.
    app.update(Action::Key(Key::ctrl('o')));
    assert_eq!(app.reader.top, 0);
    press(&mut app, "L");
    assert_eq!(top_text(&app), "The politics");
}

#[test]
fn a_heading_on_the_last_page_is_the_section_being_read() {
    let mut app = outline_app(120, 40);
    press(&mut app, "tG");
    key(&mut app, KeyCode::Enter);
    // The view cannot put it at the top; it stops at the end and says so.
    assert_eq!(app.reader.top, app.max_top());
    assert_eq!(app.notice.as_deref(), Some("§ What comes next"));
    press(&mut app, "t");
    assert_eq!(cursor(&app), HEADINGS.len() - 1);
    key(&mut app, KeyCode::Esc);
    // Once the view moves, the top of the view decides again.
    press(&mut app, "g");
    press(&mut app, "t");
    assert_eq!(cursor(&app), 0);
}

#[test]
fn esc_q_and_t_close_the_outline_without_moving_or_quitting() {
    let mut app = outline_app(60, 20);
    press(&mut app, "}");
    let top = app.reader.top;
    for close in [Key::plain(KeyCode::Esc), Key::ch('q'), Key::ch('t')] {
        press(&mut app, "tjj");
        app.update(Action::Key(close));
        assert_eq!(app.overlay, Overlay::None, "{close}");
        assert_eq!(app.reader.top, top, "{close}");
        assert!(!app.should_quit, "{close}");
    }
    // The help opens over it and gives it back, cursor and all (the view
    // is at the first heading, where the outline opens).
    press(&mut app, "tj?");
    assert!(matches!(app.overlay, Overlay::Help { .. }));
    key(&mut app, KeyCode::Esc);
    assert_eq!(cursor(&app), 1);
}

#[test]
fn an_article_without_headings_says_so() {
    let mut app = seed_app(60, 20);
    let text = "A title\n\nOne paragraph and nothing else.\n";
    app.show(Article::new(load_plain(text), &Facts::default()));
    press(&mut app, "t");
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(
        app.notice.as_deref(),
        Some("no section headings in this article")
    );
}

#[test]
fn the_outline_key_is_a_command_like_any_other() {
    assert_eq!(Command::from_name("outline"), Some(Command::Outline));
    let overrides = [(Command::Outline, vec!["T".to_string()])]
        .into_iter()
        .collect();
    let keymap = Keymap::with_overrides(&overrides).unwrap();
    assert_eq!(keymap.command(Key::ch('T')), Some(Command::Outline));
    assert_eq!(keymap.command(Key::ch('t')), None);
}
