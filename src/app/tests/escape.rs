//! The closing and quitting model (see `escape.rs`): Esc never quits,
//! Ctrl-c cancels before it quits, q closes a popup or quits, Q quits.

use super::*;
use crate::summary::Summary;

fn ctrl(app: &mut App, c: char) {
    app.update(Action::Key(Key::ctrl(c)));
}

fn library_app() -> App {
    let paths = ["a.txt", "b.txt"].map(Into::into).to_vec();
    let mut app = App::for_library(paths, Options::default(), 100, 30);
    for (i, src) in [ARTICLE_A, ARTICLE_B].iter().enumerate() {
        let doc = load_plain(src);
        let s = Summary::new(&doc, &extract(&doc));
        app.update(Action::LibraryEntry(i, EntryState::Ready(s)));
    }
    app
}

const ARTICLE_A: &str = "Trade Talks\n\nThe minister of Australia met officials from India in Canberra on Monday to discuss uranium exports.\n";
const ARTICLE_B: &str =
    "Monsoon Season\n\nFarmers across India expect the monsoon to arrive early this year.\n";

fn article(src: &str) -> Box<Article> {
    let doc = load_plain(src);
    let facts = extract(&doc);
    Box::new(Article::new(doc, &facts))
}

#[test]
fn esc_after_an_accepted_search_clears_it_and_never_quits() {
    let mut app = seed_app(100, 30);
    press(&mut app, "/Putin");
    key(&mut app, KeyCode::Enter);
    assert!(app.reader.search.is_some() && app.reader.current.is_some());
    key(&mut app, KeyCode::Esc);
    assert!(!app.should_quit);
    assert!(app.reader.search.is_none() && app.reader.current.is_none());
    // Nothing is left to close: Esc says how to quit instead of quitting.
    key(&mut app, KeyCode::Esc);
    assert!(!app.should_quit);
    assert_eq!(app.notice.as_deref(), Some("nothing to close · q quits"));
    key(&mut app, KeyCode::Esc);
    assert!(!app.should_quit);
    press(&mut app, "q");
    assert!(app.should_quit);
}

#[test]
fn esc_after_a_notice_does_not_quit() {
    let mut app = seed_app(100, 30);
    press(&mut app, "x");
    assert_eq!(app.notice.as_deref(), Some("x is not bound (? for help)"));
    key(&mut app, KeyCode::Esc);
    assert!(!app.should_quit);
}

#[test]
fn esc_closes_the_innermost_thing_first() {
    let mut app = seed_app(120, 40);
    // A filter kept, a fact selected from the filtered sidebar, then a search.
    press(&mut app, "Fput");
    key(&mut app, KeyCode::Enter);
    select_in_sidebar(&mut app, "Vladimir Putin");
    key(&mut app, KeyCode::Enter);
    press(&mut app, "/Beijing");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Focus::Sidebar);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.focus, Focus::Article, "first the sidebar's focus");
    assert!(app.reader.search.is_some());
    key(&mut app, KeyCode::Esc);
    assert!(app.reader.search.is_none(), "then the search");
    assert!(app.reader.selected.is_some());
    key(&mut app, KeyCode::Esc);
    assert!(app.reader.selected.is_none() && app.reader.current.is_none());
    assert_eq!(app.sidebar.filter, "put", "then the selection");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.sidebar.filter, "", "then the filter");
    key(&mut app, KeyCode::Esc);
    assert!(!app.should_quit);
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .starts_with("nothing to close")
    );
}

#[test]
fn esc_in_an_article_from_a_library_goes_back_to_the_list() {
    let mut app = library_app();
    let effects = app.update(Action::Key(Key::plain(KeyCode::Enter)));
    assert!(matches!(
        effects.as_slice(),
        [Effect::OpenArticle { entry: 0, .. }]
    ));
    app.update(Action::Opened {
        entry: 0,
        article: article(ARTICLE_A),
        at: None,
    });
    assert_eq!(app.view, View::Reader);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.view, View::Library);
    assert!(!app.should_quit);
    // The list is the top: Esc stays, q quits.
    key(&mut app, KeyCode::Esc);
    assert!(!app.should_quit);
    assert_eq!(app.notice.as_deref(), Some("nothing to close · q quits"));
    press(&mut app, "q");
    assert!(app.should_quit);
}

#[test]
fn ctrl_c_cancels_a_prompt_and_quits_only_when_nothing_is_left() {
    let mut app = seed_app(100, 30);
    press(&mut app, "jjj");
    let top = app.reader.top;
    press(&mut app, "/Put");
    assert!(app.reader.search.is_some());
    ctrl(&mut app, 'c');
    assert!(
        !app.should_quit,
        "Ctrl-c cancels the prompt, as in less and vim"
    );
    assert_eq!(app.overlay, Overlay::None);
    assert!(app.reader.search.is_none());
    assert_eq!(app.reader.top, top, "the view goes back where it was");
    // The filter prompt too, which it clears.
    press(&mut app, "Fput");
    ctrl(&mut app, 'c');
    assert!(!app.should_quit);
    assert_eq!(app.sidebar.filter, "");
    ctrl(&mut app, 'c');
    assert!(app.should_quit);
}

#[test]
fn ctrl_c_cancels_an_article_being_opened() {
    let mut app = library_app();
    app.update(Action::Key(Key::plain(KeyCode::Enter)));
    assert_eq!(app.library().unwrap().opening(), Some(0));
    assert_eq!(
        app.busy().as_deref(),
        Some("opening a.txt… · Ctrl-c cancels")
    );
    ctrl(&mut app, 'c');
    assert!(!app.should_quit);
    assert_eq!(app.library().unwrap().opening(), None);
    assert_eq!(app.busy(), None);
    assert_eq!(app.notice.as_deref(), Some("a.txt not opened (cancelled)"));
    // When the article arrives after all, it is dropped.
    app.update(Action::Opened {
        entry: 0,
        article: article(ARTICLE_A),
        at: None,
    });
    assert_eq!(app.view, View::Library);
    // Esc cancels an opening too; a failure that comes late says nothing.
    app.update(Action::Key(Key::plain(KeyCode::Enter)));
    key(&mut app, KeyCode::Esc);
    app.update(Action::OpenFailed {
        entry: 0,
        why: "gone".into(),
    });
    assert_eq!(app.notice.as_deref(), Some("a.txt not opened (cancelled)"));
    // With nothing to cancel, Ctrl-c quits.
    ctrl(&mut app, 'c');
    assert!(app.should_quit);
}

#[test]
fn a_second_article_asked_for_replaces_the_first() {
    let mut app = library_app();
    app.update(Action::Key(Key::plain(KeyCode::Enter)));
    press(&mut app, "j");
    app.update(Action::Key(Key::plain(KeyCode::Enter)));
    app.update(Action::Opened {
        entry: 0,
        article: article(ARTICLE_A),
        at: None,
    });
    assert_eq!(app.view, View::Library, "no longer wanted");
    app.update(Action::Opened {
        entry: 1,
        article: article(ARTICLE_B),
        at: None,
    });
    assert_eq!(app.view, View::Reader);
    assert_eq!(app.reader.doc.title(), Some("Monsoon Season"));
}

#[test]
fn q_closes_a_popup_then_quits() {
    let mut app = seed_app(100, 30);
    press(&mut app, "?q");
    assert!(app.overlay == Overlay::None && !app.should_quit);
    // On a narrow screen the sidebar is drawn over the text: a popup too.
    let mut app = seed_app(60, 20);
    press(&mut app, "s");
    assert!(app.sidebar_visible());
    press(&mut app, "q");
    assert!(!app.sidebar_visible() && !app.should_quit);
    press(&mut app, "q");
    assert!(app.should_quit);
}

#[test]
fn shift_q_quits_from_anywhere_but_is_typed_in_a_prompt() {
    let open: [&dyn Fn(&mut App); 4] = [
        &|a| press(a, "?"),
        &|a| press(a, "s"),
        &|a| key(a, KeyCode::Tab),
        &|a| press(a, "]"),
    ];
    for (i, open) in open.iter().enumerate() {
        let mut app = seed_app(60, 20);
        open(&mut app);
        press(&mut app, "Q");
        assert!(app.should_quit, "case {i}");
    }
    let mut app = library_app();
    press(&mut app, "Q");
    assert!(app.should_quit);
    let mut app = seed_app(100, 30);
    press(&mut app, "/Q");
    assert!(!app.should_quit);
    let Overlay::Prompt(p) = &app.overlay else {
        panic!("still typing")
    };
    assert_eq!(p.input, "Q");
}

#[test]
fn closing_and_quitting_keys_are_rebindable() {
    let overrides = [
        (Command::Cancel, vec!["C-g".to_string()]),
        (Command::QuitNow, vec!["C-q".to_string()]),
        (Command::Quit, vec!["x".to_string()]),
    ]
    .into_iter()
    .collect();
    let options = Options {
        keymap: Keymap::with_overrides(&overrides).unwrap(),
        ..Options::default()
    };
    let doc = load_plain(include_str!("../../../assets/seed.txt"));
    let facts = extract(&doc);
    let mut app = App::for_article(Article::new(doc, &facts), options, 100, 30);
    press(&mut app, "/Put");
    ctrl(&mut app, 'g');
    assert_eq!(
        app.overlay,
        Overlay::None,
        "the rebound cancel closes a prompt"
    );
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.notice.as_deref(), Some("nothing to close · x quits"));
    press(&mut app, "/Put");
    ctrl(&mut app, 'q');
    assert!(
        app.should_quit,
        "a control key bound to quit_now quits from a prompt"
    );
}
