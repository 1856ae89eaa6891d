use super::*;

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
fn clicking_a_table_cell_selects_the_fact_drawn_there() {
    let doc = crate::document::load_markdown(include_str!("../../../tests/fixtures/table.md"));
    let facts = extract(&doc);
    let mut app = App::new(doc, facts, Keymap::default_keys(), DEFAULT_MEASURE, 120, 40);
    let text = app.reader.doc.text.clone();
    let h = app
        .reader
        .index
        .highlights
        .iter()
        .find(|h| &text[h.range.clone()] == "3,755,251")
        .cloned()
        .expect("the population is highlighted in the table");
    let line = app.reader.layout.line_of(h.range.start);
    let table = app.reader.layout.lines[line]
        .table
        .clone()
        .expect("a table line");
    let piece = table
        .pieces
        .iter()
        .find(|p| p.range.contains(&h.range.start))
        .unwrap();
    let col = piece.col + crate::layout::display_width(&text[piece.range.start..h.range.start]);
    let g = app.geometry();
    app.update(Action::Click {
        x: g.text_x + col as u16 + 1,
        y: (line - app.reader.top) as u16,
    });
    assert_eq!(app.reader.selected, Some(h.target));
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
    let mut app = App::for_article(article, Options::default(), 100, 30);
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
