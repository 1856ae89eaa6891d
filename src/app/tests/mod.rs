//! Interactions as sequences of actions, with no terminal: reading and
//! navigation here, the sidebar and the mouse in `facts.rs`, links and
//! the library in `library.rs`, closing and quitting in `escape.rs`.

mod card;
mod escape;
mod facts;
mod library;
mod outline;

use super::*;
use crate::document::load_plain;
use crate::extract::extract;
use crate::keymap::KeyCode;

fn seed_app(w: u16, h: u16) -> App {
    let doc = load_plain(include_str!("../../../assets/seed.txt"));
    let facts = extract(&doc);
    App::new(doc, facts, Keymap::default_keys(), DEFAULT_MEASURE, w, h)
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        app.update(Action::Key(Key::ch(c)));
    }
}

fn key(app: &mut App, code: KeyCode) {
    app.update(Action::Key(Key::plain(code)));
}

fn top_text(app: &App) -> &str {
    &app.reader.doc.text[app.reader.layout.lines[app.reader.top].range.clone()]
}

fn target_id(app: &App, name: &str) -> usize {
    app.reader
        .index
        .targets
        .iter()
        .position(|t| t.name == name)
        .unwrap_or_else(|| panic!("no target {name}"))
}

fn current_text(app: &App) -> &str {
    &app.reader.doc.text[app.reader.current.clone().expect("a current highlight")]
}

/// Moves the sidebar cursor onto `name` the way a user would (Tab, j...).
fn select_in_sidebar(app: &mut App, name: &str) {
    if app.focus != Focus::Sidebar {
        key(app, KeyCode::Tab);
    }
    press(app, "g");
    let want = target_id(app, name);
    for _ in 0..app.sidebar.rows.len() {
        if app.reader.selected == Some(want) {
            return;
        }
        press(app, "j");
    }
    panic!("{name} not reachable in the sidebar");
}

#[test]
fn scrolling_keys() {
    let mut app = seed_app(80, 24);
    press(&mut app, "j");
    assert_eq!(app.reader.top, 1);
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Up);
    assert_eq!(app.reader.top, 0);
    press(&mut app, " ");
    assert_eq!(app.reader.top, 22);
    app.update(Action::Key(Key::ctrl('u')));
    assert_eq!(app.reader.top, 22 - 11);
    press(&mut app, "G");
    assert_eq!(app.reader.top, app.max_top());
    assert_eq!(app.percent(), 100);
    app.update(Action::Wheel {
        x: 5,
        y: 5,
        delta: -1,
    });
    assert_eq!(app.reader.top, app.max_top() - 3);
    press(&mut app, "g");
    assert_eq!(app.reader.top, 0);
}

#[test]
fn headings_in_order_then_notice() {
    let mut app = seed_app(100, 30);
    app.update(Action::Command(Command::ToggleSidebar));
    let mut seen = Vec::new();
    for _ in 0..4 {
        press(&mut app, "}");
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
    let at = app.reader.top;
    press(&mut app, "}");
    assert_eq!(app.reader.top, at);
    assert_eq!(app.notice.as_deref(), Some("no more headings below"));
    press(&mut app, "{");
    assert_eq!(top_text(&app), "An imbalanced relationship");
    // In a tall window the last heading sits on the final page: the view
    // stops at the end and the notice names the heading reached.
    let mut app = seed_app(100, 60);
    app.update(Action::Command(Command::ToggleSidebar));
    press(&mut app, "}}}}");
    assert_eq!(app.reader.top, app.max_top());
    assert_eq!(app.notice.as_deref(), Some("§ Heralds of a new order"));
}

#[test]
fn resize_keeps_the_first_visible_text() {
    let mut app = seed_app(100, 30);
    for _ in 0..40 {
        press(&mut app, "j");
    }
    let anchor = app.anchor();
    app.update(Action::Resize {
        width: 40,
        height: 12,
    });
    let r = app.reader.layout.lines[app.reader.top].range.clone();
    assert!(r.start <= anchor && anchor < r.end, "{r:?} vs {anchor}");
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    let r = app.reader.layout.lines[app.reader.top].range.clone();
    assert!(r.start <= anchor && anchor < r.end);
}

#[test]
fn help_and_quit() {
    let mut app = seed_app(80, 24);
    press(&mut app, "?");
    assert!(matches!(app.overlay, Overlay::Help { .. }));
    key(&mut app, KeyCode::Esc);
    assert!(app.overlay == Overlay::None && !app.should_quit);
    let mut app = seed_app(80, 24);
    press(&mut app, "?q");
    assert!(app.overlay == Overlay::None && !app.should_quit);
    press(&mut app, "?");
    app.update(Action::Key(Key::ctrl('c')));
    assert!(app.should_quit);
}

#[test]
fn tiny_terminal_does_not_panic() {
    let mut app = seed_app(1, 1);
    press(&mut app, "jG}{g b]n[N/x");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Tab);
    press(&mut app, "jjF");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.focus, Focus::Article);
    app.update(Action::Resize {
        width: 20,
        height: 5,
    });
    press(&mut app, "G");
    assert_eq!(app.reader.top, app.max_top());
}

#[test]
fn select_then_n_visits_every_mention_in_order_and_wraps() {
    let mut app = seed_app(120, 40);
    select_in_sidebar(&mut app, "Vladimir Putin");
    let mentions = app.reader.index.targets[target_id(&app, "Vladimir Putin")]
        .mentions
        .clone();
    assert!(mentions.len() >= 10, "{}", mentions.len());
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.reader.current, Some(mentions[0].clone()));
    assert_eq!(
        app.reader.selection_status().unwrap(),
        format!("PERSON Vladimir Putin — mention 1/{}", mentions.len())
    );
    for (i, m) in mentions.iter().enumerate().skip(1).take(3) {
        press(&mut app, "n");
        assert_eq!(app.reader.current.as_ref(), Some(m));
        assert_eq!(
            app.reader.selection_status().unwrap(),
            format!(
                "PERSON Vladimir Putin — mention {}/{}",
                i + 1,
                mentions.len()
            )
        );
        // The mention is on screen, with context above it.
        let line = app.reader.layout.line_of(m.start);
        assert!(line >= app.reader.top && line < app.reader.top + app.geometry().view_rows);
    }
    press(&mut app, "N");
    assert_eq!(app.reader.current.as_ref(), Some(&mentions[2]));
    for _ in 3..mentions.len() {
        press(&mut app, "n");
    }
    assert_eq!(app.reader.current.as_ref(), Some(mentions.last().unwrap()));
    press(&mut app, "n");
    assert_eq!(app.reader.current.as_ref(), Some(&mentions[0]));
    assert_eq!(app.notice.as_deref(), Some("wrapped to the top"));
    press(&mut app, "N");
    assert_eq!(app.reader.current.as_ref(), mentions.last());
    assert_eq!(app.notice.as_deref(), Some("wrapped to the bottom"));
}

#[test]
fn next_fact_in_reading_order_and_same_kind() {
    let mut app = seed_app(120, 40);
    press(&mut app, "]");
    let first = app.reader.index.highlights[0].clone();
    assert_eq!(app.reader.current, Some(first.range.clone()));
    assert_eq!(app.reader.selected, Some(first.target));
    press(&mut app, "]");
    assert_eq!(
        app.reader.current,
        Some(app.reader.index.highlights[1].range.clone())
    );
    press(&mut app, "[");
    assert_eq!(app.reader.current, Some(first.range.clone()));
    // > steps through facts of the selected kind only.
    let kind = app.reader.index.targets[first.target].section;
    for _ in 0..5 {
        press(&mut app, ">");
        let t = app.reader.selected.unwrap();
        assert_eq!(app.reader.index.targets[t].section, kind);
    }
}

#[test]
fn search_is_incremental_smart_case_and_esc_returns() {
    let mut app = seed_app(120, 40);
    press(&mut app, "jjj");
    let before = app.reader.top;
    press(&mut app, "/beij");
    let s = app.reader.search.as_ref().unwrap();
    let n = s.matches.len();
    assert!(n >= 10, "{n}");
    assert!(
        s.matches
            .iter()
            .all(|m| app.reader.doc.text[m.clone()].eq_ignore_ascii_case("beij"))
    );
    key(&mut app, KeyCode::Esc);
    assert!(app.reader.search.is_none() && app.overlay == Overlay::None);
    assert_eq!(app.reader.top, before);
    // Upper case makes it case-sensitive.
    press(&mut app, "/Russia");
    let exact = app.reader.search.as_ref().unwrap().matches.len();
    key(&mut app, KeyCode::Esc);
    press(&mut app, "/russia");
    let loose = app.reader.search.as_ref().unwrap().matches.len();
    assert!(loose >= exact && exact > 0);
    key(&mut app, KeyCode::Esc);
}

#[test]
fn search_then_n_visits_every_match_and_ctrl_o_returns() {
    let mut app = seed_app(120, 40);
    let start = app.reader.top;
    press(&mut app, "/Beijing");
    key(&mut app, KeyCode::Enter);
    let matches = app.reader.search.as_ref().unwrap().matches.clone();
    assert_eq!(
        matches.len(),
        app.reader.doc.text.matches("Beijing").count()
    );
    assert_eq!(current_text(&app), "Beijing");
    assert_eq!(
        app.reader.selection_status().unwrap(),
        format!("match 1/{}  /Beijing", matches.len())
    );
    for (i, m) in matches.iter().enumerate().skip(1) {
        press(&mut app, "n");
        assert_eq!(app.reader.current.as_ref(), Some(m), "match {i}");
        assert_eq!(
            app.reader.selection_status().unwrap(),
            format!("match {}/{}  /Beijing", i + 1, matches.len())
        );
    }
    assert!(app.reader.top > start);
    // Ctrl-o walks back through the jumps to where we started.
    for _ in 0..=matches.len() {
        app.update(Action::Key(Key::ctrl('o')));
    }
    assert_eq!(app.reader.top, start);
    // ... and Ctrl-i (or L) forward again.
    press(&mut app, "L");
    assert!(app.reader.top >= start);
}

#[test]
fn ctrl_o_returns_after_a_sidebar_jump() {
    let mut app = seed_app(120, 40);
    press(&mut app, "jj");
    let start = app.reader.top;
    select_in_sidebar(&mut app, "Philipp Ivanov");
    key(&mut app, KeyCode::Enter);
    assert_ne!(app.reader.top, start);
    app.update(Action::Key(Key::ctrl('o')));
    assert_eq!(app.reader.top, start);
}

#[test]
fn n_follows_what_was_chosen_last() {
    let mut app = seed_app(120, 40);
    select_in_sidebar(&mut app, "China");
    key(&mut app, KeyCode::Enter);
    assert_eq!(current_text(&app), "China");
    key(&mut app, KeyCode::Tab);
    press(&mut app, "/trade");
    key(&mut app, KeyCode::Enter);
    press(&mut app, "n");
    assert!(current_text(&app).eq_ignore_ascii_case("trade"));
    press(&mut app, "]");
    assert_eq!(app.reader.follow, Follow::Selection);
}

#[test]
fn a_restored_position_says_so_with_the_way_back_to_the_top() {
    let doc = load_plain(include_str!("../../../assets/seed.txt"));
    let facts = extract(&doc);
    let offset = doc.text.find("Tit for tat.").unwrap();
    let mut article = Article::new(doc, &facts);
    article.restore = Some(offset);
    let mut app = App::for_article(article, Options::default(), 100, 30);
    assert_eq!(top_text(&app), "Tit for tat.");
    let total = app.reader.layout.lines.len();
    assert_eq!(
        app.notice.as_deref(),
        Some(
            format!(
                "restored your place (line {} of {total}) · g to go to top",
                app.reader.top + 1
            )
            .as_str()
        )
    );
    press(&mut app, "g");
    assert_eq!(app.reader.top, 0);
    // A place at the very top is no news.
    let doc = load_plain(include_str!("../../../assets/seed.txt"));
    let mut article = Article::new(doc, &Facts::default());
    article.restore = Some(0);
    let app = App::for_article(article, Options::default(), 100, 30);
    assert_eq!(app.notice, None);
}

#[test]
fn a_place_restored_while_loading_is_told_once_the_whole_text_is_in() {
    let text = "Title\n\n".to_string()
        + &"A paragraph of the long text goes here and on.\n\n".repeat(2000);
    let cut = text[..text.len() / 4].rfind("\n\n").unwrap() + 2;
    let offset = text.len() / 2;
    let mut article = Article::pending(std::sync::Arc::new(load_plain(&text[..cut])), true);
    article.restore = Some(offset);
    let mut app = App::for_article(article, Options::default(), 100, 30);
    assert_eq!(app.notice, None, "the line count is not known yet");
    let whole = std::sync::Arc::new(load_plain(&text));
    let lines = crate::layout::layout(&whole, app.geometry().text_cols);
    app.update(Action::Loaded(whole, lines));
    let (top, total) = (app.reader.top, app.reader.layout.lines.len());
    assert!(top > 0 && total > 1000);
    assert_eq!(
        app.notice.as_deref(),
        Some(
            format!(
                "restored your place (line {} of {total}) · g to go to top",
                top + 1
            )
            .as_str()
        )
    );
}
