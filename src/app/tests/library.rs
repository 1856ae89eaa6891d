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
            at: Some(names),
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
        at: Some(names.clone()),
    });
    assert_eq!(app.reader.doc.title(), Some("Monsoon Season"));
    assert_eq!(current_text(&app), "India", "opened at the first mention");
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
