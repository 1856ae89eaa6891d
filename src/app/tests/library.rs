use super::*;
use crate::summary::Summary;

fn md_app(src: &str) -> App {
    let doc = crate::document::load_markdown(src);
    let facts = extract(&doc);
    App::new(doc, facts, Keymap::default_keys(), DEFAULT_MEASURE, 100, 30)
}

#[test]
fn links_list_opens_copies_and_refuses_odd_schemes() {
    let mut app = md_app(
        "# Links\n\nRead [the report](https://example.org/report) and [the data](http://example.org/data.csv).\n\nAlso [a trick](javascript:alert(1)).\n",
    );
    assert_eq!(app.reader.doc.links.len(), 3);
    press(&mut app, "o");
    assert_eq!(app.overlay, Overlay::Links { cursor: 0 });
    press(&mut app, "j");
    assert_eq!(
        app.update(Action::Key(Key::ch('y'))),
        [Effect::Copy("http://example.org/data.csv".into())]
    );
    assert_eq!(
        app.update(Action::Key(Key::plain(KeyCode::Enter))),
        [Effect::Open("http://example.org/data.csv".into())]
    );
    assert_eq!(app.overlay, Overlay::None);
    press(&mut app, "o");
    press(&mut app, "G");
    assert_eq!(app.update(Action::Key(Key::plain(KeyCode::Enter))), []);
    assert!(
        app.notice
            .as_deref()
            .unwrap()
            .starts_with("not opening javascript:")
    );
    // Esc closes the list without quitting.
    press(&mut app, "o");
    key(&mut app, KeyCode::Esc);
    assert!(app.overlay == Overlay::None && !app.should_quit);
    // o on a search match inside a link opens that link directly.
    press(&mut app, "/report");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.update(Action::Key(Key::ch('o'))),
        [Effect::Open("https://example.org/report".into())]
    );
    let mut plain = seed_app(80, 24);
    press(&mut plain, "o");
    assert_eq!(plain.overlay, Overlay::None);
    assert_eq!(plain.notice.as_deref(), Some("no links in this article"));
}

fn summary_for(src: &str) -> (crate::document::Document, Facts, Summary) {
    let doc = load_plain(src);
    let facts = extract(&doc);
    let s = Summary::new(&doc, &facts);
    (doc, facts, s)
}

#[test]
fn library_lists_opens_returns_and_finds_facts_across_articles() {
    let a = "Trade Talks\n\nThe minister of Australia met officials from India in Canberra on Monday to discuss uranium exports.\n";
    let b = "Monsoon Season\n\nFarmers across India expect the monsoon to arrive early this year, officials in Delhi said.\n";
    let c = "Local Sports\n\nThe football club of Leeds won again on Saturday, its fans said.\n";
    let paths = ["a.txt", "b.txt", "c.txt", "d.bin"]
        .map(Into::into)
        .to_vec();
    let mut app = App::for_library(paths, Options::default(), 100, 30);
    for (i, src) in [a, b, c].iter().enumerate() {
        let (_, _, s) = summary_for(src);
        app.update(Action::LibraryEntry(i, EntryState::Ready(s)));
    }
    app.update(Action::LibraryEntry(3, EntryState::Failed("binary".into())));
    let lib = app.library.as_ref().unwrap();
    let EntryState::Ready(s) = &lib.entries[0].state else {
        panic!("ready")
    };
    assert_eq!(s.title.as_deref(), Some("Trade Talks"));
    assert!(s.words > 10 && s.reading_minutes() == 1);
    // A failed entry does not open; it says why.
    press(&mut app, "G");
    assert_eq!(app.update(Action::Key(Key::plain(KeyCode::Enter))), []);
    assert!(app.notice.as_deref().unwrap().contains("binary"));
    press(&mut app, "g");
    let [
        Effect::OpenArticle {
            entry: 0, at: None, ..
        },
    ] = app
        .update(Action::Key(Key::plain(KeyCode::Enter)))
        .as_slice()
    else {
        panic!("Enter asks the runner to open the first article")
    };
    let (doc, facts, _) = summary_for(a);
    app.update(Action::Opened {
        entry: 0,
        article: Box::new(Article::new(doc, &facts)),
        at: None,
    });
    assert_eq!(app.view, View::Reader);
    assert_eq!(app.reader.doc.title(), Some("Trade Talks"));
    // India is also in b.txt, not in c.txt.
    select_in_sidebar(&mut app, "India");
    press(&mut app, "A");
    let Overlay::AlsoIn(also) = &app.overlay else {
        panic!("also-in list")
    };
    assert_eq!(also.entries, vec![1]);
    let effects = app.update(Action::Key(Key::plain(KeyCode::Enter)));
    let [
        Effect::OpenArticle {
            entry: 1,
            at: Some(Arrival::Mention(names)),
            ..
        },
    ] = effects.as_slice()
    else {
        panic!("Enter opens the other article at the entity")
    };
    let (doc, facts, _) = summary_for(b);
    app.update(Action::Opened {
        entry: 1,
        article: Box::new(Article::new(doc, &facts)),
        at: Some(Arrival::Mention(names.clone())),
    });
    assert_eq!(app.reader.doc.title(), Some("Monsoon Season"));
    assert_eq!(current_text(&app), "India", "opened at the first mention");
    // Ctrl-o goes back through this article's jumps, then to the article
    // left for it, at the place it was left; Ctrl-i comes forward again.
    let ctrl = |c: char| Action::Key(Key::ctrl(c));
    let mut back = None;
    for _ in 0..3 {
        if let Some(Effect::OpenArticle { entry, at, .. }) = app.update(ctrl('o')).last() {
            back = Some((*entry, at.clone()));
            break;
        }
    }
    let Some((0, Some(Arrival::Offset(offset)))) = back else {
        panic!("Ctrl-o reopens the first article: {back:?}")
    };
    assert_eq!(
        app.reader.doc.title(),
        Some("Monsoon Season"),
        "until it arrives"
    );
    let (doc, facts, _) = summary_for(a);
    app.update(Action::Opened {
        entry: 0,
        article: Box::new(Article::new(doc, &facts)),
        at: Some(Arrival::Offset(offset)),
    });
    assert_eq!(app.reader.doc.title(), Some("Trade Talks"));
    assert_eq!(app.library.as_ref().unwrap().open, Some(0));
    let effects = app.update(ctrl('i'));
    assert!(
        matches!(
            effects.as_slice(),
            [
                ..,
                Effect::OpenArticle {
                    entry: 1,
                    at: Some(Arrival::Offset(_)),
                    ..
                }
            ]
        ),
        "{effects:?}"
    );
    let (doc, facts, _) = summary_for(b);
    app.update(Action::Opened {
        entry: 1,
        article: Box::new(Article::new(doc, &facts)),
        at: Some(Arrival::Offset(0)),
    });
    // Backspace returns to the list, where the cursor is still on the article opened from it.
    key(&mut app, KeyCode::Backspace);
    assert_eq!(app.view, View::Library);
    assert_eq!(app.library.as_ref().unwrap().open, Some(1));
    press(&mut app, "q");
    assert!(app.should_quit);
}

#[test]
fn also_in_needs_a_library_and_an_entity() {
    let mut app = seed_app(100, 30);
    press(&mut app, "A");
    assert!(app.notice.as_deref().unwrap().contains("library"));
    key(&mut app, KeyCode::Backspace);
    assert_eq!(app.notice.as_deref(), Some("not opened from a library"));
}

fn filtered_library() -> App {
    let paths = ["trade.txt", "monsoon.txt", "sports.txt", "later.txt"]
        .map(std::path::PathBuf::from)
        .to_vec();
    let mut app = App::for_library(paths, Options::default(), 100, 30);
    for (i, src) in [
        "Trade Talks Between Australia and India\n\nThe minister of Australia met officials from India in Canberra on Monday.\n",
        "Monsoon Season\n\nFarmers across India expect the monsoon to arrive early this year, officials in Delhi said.\n",
        "Local Sports\n\nThe football club of Leeds won again on Saturday, its fans said.\n",
    ]
    .into_iter()
    .enumerate()
    {
        let (_, _, s) = summary_for(src);
        app.update(Action::LibraryEntry(i, EntryState::Ready(s)));
    }
    app
}

fn shown(app: &App) -> Vec<usize> {
    app.library.as_ref().unwrap().shown()
}

#[test]
fn slash_filters_the_library_by_title_file_name_or_entity() {
    let mut app = filtered_library();
    let EntryState::Ready(monsoon) = &app.library.as_ref().unwrap().entries[1].state else {
        panic!("monsoon.txt was summarized")
    };
    assert!(
        monsoon.names.iter().flatten().any(|n| n == "delhi"),
        "{monsoon:?}"
    );
    press(&mut app, "G");
    press(&mut app, "/");
    assert!(matches!(&app.overlay, Overlay::Prompt(p) if p.kind == PromptKind::Library));
    // An entity's name: Delhi is only in the monsoon article's text.
    press(&mut app, "DELHI");
    assert_eq!(shown(&app), [1]);
    assert_eq!(app.library.as_ref().unwrap().cursor, 1, "onto a listed row");
    // A title (trade) or an entity (monsoon): both list.
    app.update(Action::Key(Key::ctrl('u')));
    press(&mut app, "india");
    assert_eq!(shown(&app), [0, 1]);
    // A file name, even of an entry still being read.
    app.update(Action::Key(Key::ctrl('u')));
    press(&mut app, "later");
    assert_eq!(shown(&app), [3]);
    // Esc in the prompt clears it.
    key(&mut app, KeyCode::Esc);
    assert_eq!(shown(&app), [0, 1, 2, 3]);
    assert_eq!(app.overlay, Overlay::None);
    // Enter keeps it; the cursor moves among the listed rows and Enter
    // opens the one under it.
    press(&mut app, "/india");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.library.as_ref().unwrap().filter, "india");
    press(&mut app, "gjjj");
    assert_eq!(app.library.as_ref().unwrap().cursor, 1);
    press(&mut app, "k");
    assert_eq!(app.library.as_ref().unwrap().cursor, 0);
    press(&mut app, "j");
    let effects = app.update(Action::Key(Key::plain(KeyCode::Enter)));
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::OpenArticle { entry: 1, .. })),
        "{effects:?}"
    );
    // Esc then clears the kept filter (once the opening is cancelled).
    app.update(Action::Key(Key::ctrl('c')));
    assert!(!app.should_quit, "Ctrl-c cancelled the opening");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.library.as_ref().unwrap().filter, "");
    assert!(!app.should_quit);
}

#[test]
fn a_filter_matching_nothing_says_so_and_opens_nothing() {
    let mut app = filtered_library();
    press(&mut app, "/zzz");
    key(&mut app, KeyCode::Enter);
    assert!(shown(&app).is_empty());
    let effects = app.update(Action::Key(Key::plain(KeyCode::Enter)));
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(
        app.notice.as_deref(),
        Some("no article matches the filter (Esc clears it)")
    );
    // F filters too, starting from what was kept.
    press(&mut app, "F");
    let Overlay::Prompt(p) = &app.overlay else {
        panic!("a prompt")
    };
    assert_eq!(p.input, "zzz");
}
