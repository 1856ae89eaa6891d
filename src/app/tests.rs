use super::*;
use crate::summary::Summary;
use crate::document::load_plain;
use crate::extract::extract;
use crate::keymap::KeyCode;

fn seed_app(w: u16, h: u16) -> App {
    let doc = load_plain(include_str!("../../assets/seed.txt"));
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
    app.reader.index
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
    key(&mut app, KeyCode::Esc);
    assert!(app.should_quit);
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
    assert_eq!(app.reader.current, Some(app.reader.index.highlights[1].range.clone()));
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
    assert_eq!(matches.len(), app.reader.doc.text.matches("Beijing").count());
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
fn filter_narrows_the_sidebar_and_sort_toggles() {
    let mut app = seed_app(120, 40);
    let all = app.sidebar.rows.len();
    press(&mut app, "Fput");
    assert!(matches!(app.overlay, Overlay::Prompt(_)));
    let names: Vec<&str> = app
        .sidebar
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Target(t) => Some(app.reader.index.targets[*t].name.as_str()),
            Row::Header(..) => None,
        })
        .collect();
    assert!(names.contains(&"Vladimir Putin"), "{names:?}");
    assert!(names.iter().all(|n| n.to_lowercase().contains("put")));
    assert!(app.sidebar.rows.len() < all);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.sidebar.filter, "put");
    assert_eq!(app.focus, Focus::Sidebar);
    press(&mut app, "F");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.sidebar.filter, "");
    assert_eq!(app.sidebar.rows.len(), all);
    // Frequency sort puts the most mentioned person first.
    press(&mut app, "S");
    let Row::Target(first) = app.sidebar.rows[1] else {
        panic!("a header then a target")
    };
    let people: Vec<usize> = app
        .reader
        .index
        .targets
        .iter()
        .filter(|t| t.section == Section::People)
        .map(|t| t.mentions.len())
        .collect();
    assert_eq!(
        app.reader.index.targets[first].mentions.len(),
        *people.iter().max().unwrap()
    );
}

#[test]
fn narrow_screen_uses_an_overlay() {
    let mut app = seed_app(60, 20);
    assert!(!app.sidebar_visible());
    key(&mut app, KeyCode::Tab);
    assert!(app.sidebar_visible() && app.focus == Focus::Sidebar);
    select_in_sidebar(&mut app, "Xi Jinping");
    key(&mut app, KeyCode::Enter);
    // Jumping closes the overlay so the text is visible.
    assert!(!app.sidebar_visible());
    assert_eq!(app.focus, Focus::Article);
    assert!(app.reader.current.is_some());
    press(&mut app, "s");
    assert!(app.sidebar_visible());
    key(&mut app, KeyCode::Esc);
    assert!(!app.sidebar_visible() && !app.should_quit);
}

#[test]
fn mouse_clicks_select() {
    let mut app = seed_app(120, 40);
    // Click the first target row of the sidebar.
    let area = app.screen.sidebar(true);
    let row = app
        .sidebar
        .rows
        .iter()
        .position(|r| matches!(r, Row::Target(_)))
        .unwrap();
    app.update(Action::Click {
        x: area.x + 3,
        y: area.y + 1 + row as u16,
    });
    let Row::Target(t) = app.sidebar.rows[row] else {
        unreachable!()
    };
    assert_eq!(app.reader.selected, Some(t));
    assert!(app.reader.current.is_some());
    // Click on a highlighted word in the article selects its entity.
    let mut app = seed_app(120, 40);
    let h = app.reader.index.highlights[0].clone();
    let line = app.reader.layout.line_of(h.range.start);
    let l = app.reader.layout.lines[line].range.clone();
    let col = crate::layout::display_width(&app.reader.doc.text[l.start..h.range.start]);
    let g = app.geometry();
    app.update(Action::Click {
        x: g.text_x + col as u16,
        y: (line - app.reader.top) as u16,
    });
    assert_eq!(app.reader.selected, Some(h.target));
    // The wheel over the sidebar scrolls the sidebar, not the text.
    let mut app = seed_app(120, 12);
    app.update(Action::Wheel {
        x: area.x + 2,
        y: 3,
        delta: 1,
    });
    assert_eq!(app.reader.top, 0);
    assert_eq!(app.sidebar.top, 3);
}

#[test]
fn copy_gives_the_fact_and_its_sentence() {
    let mut app = seed_app(120, 40);
    assert_eq!(app.update(Action::Key(Key::ch('y'))), []);
    select_in_sidebar(&mut app, "Philipp Ivanov");
    key(&mut app, KeyCode::Enter);
    let effects = app.update(Action::Key(Key::ch('y')));
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("no copy")
    };
    assert!(text.starts_with("Philipp Ivanov (person): "), "{text}");
    assert!(text.contains("Ivanov") && text.ends_with('.'), "{text}");
}

#[test]
fn sidebar_marks_what_is_on_screen() {
    let app = seed_app(120, 40);
    let putin = target_id(&app, "Vladimir Putin");
    assert!(app.reader.on_screen(putin));
}

#[test]
fn loading_the_whole_text_keeps_the_view() {
    let text = "Title\n\n".to_string()
        + &"A paragraph of the long text goes here and on.\n\n".repeat(2000);
    let cut = text.len() / 4;
    let cut = text[..cut].rfind("\n\n").unwrap() + 2;
    let prefix = load_plain(&text[..cut]);
    let article = Article::pending(std::sync::Arc::new(prefix), true);
    let mut app = App::reader(article, Options::default(), 100, 30);
    assert!(app.reader.loading && app.reader.analyzing);
    press(&mut app, "jjjjj");
    let before = app.anchor();
    let whole = std::sync::Arc::new(load_plain(&text));
    let lines = crate::layout::layout(&whole, app.geometry().text_cols);
    app.update(Action::Loaded(whole, lines));
    assert!(!app.reader.loading);
    assert_eq!(app.anchor(), before);
    press(&mut app, "G");
    assert_eq!(app.reader.top, app.max_top());
    assert!(app.reader.layout.lines.len() > 1000);
    app.update(Action::Analyzed(FactIndex::default()));
    assert!(!app.reader.analyzing);
}

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
    let paths = ["a.txt", "b.txt", "c.txt", "d.bin"].map(Into::into).to_vec();
    let mut app = App::library(paths, Options::default(), 100, 30);
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
    let [Effect::OpenArticle {
        entry: 0, at: None, ..
    }] = app.update(Action::Key(Key::plain(KeyCode::Enter))).as_slice()
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
    let [Effect::OpenArticle {
        entry: 1,
        at: Some(names),
        ..
    }] = effects.as_slice()
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
