//! The fact card at the foot of the sidebar and the room it takes.

use super::*;

fn outline_app(w: u16, h: u16) -> App {
    let doc = crate::document::load_markdown(include_str!("../../../tests/fixtures/outline.md"));
    let facts = extract(&doc);
    App::new(doc, facts, Keymap::default_keys(), DEFAULT_MEASURE, w, h)
}

fn line<'a>(card: &'a Card, label: &str) -> Option<&'a str> {
    card.lines
        .iter()
        .find(|(l, _)| *l == label)
        .map(|(_, t)| t.as_str())
}

#[test]
fn an_entity_card_gives_kind_aliases_and_the_mention_reached() {
    let mut app = seed_app(120, 40);
    assert_eq!(app.reader.card(), None, "nothing selected, no card");
    select_in_sidebar(&mut app, "Vladimir Putin");
    let n = app.reader.index.targets[target_id(&app, "Vladimir Putin")]
        .mentions
        .len();
    let card = app.reader.card().unwrap();
    assert_eq!(
        (card.name.as_str(), card.kind.as_str()),
        ("Vladimir Putin", "person")
    );
    assert_eq!(line(&card, "mentions"), Some(n.to_string().as_str()));
    assert_eq!(line(&card, "aliases"), Some("Putin"));
    key(&mut app, KeyCode::Enter);
    press(&mut app, "n");
    let card = app.reader.card().unwrap();
    assert_eq!(line(&card, "mention"), Some(format!("2 of {n}").as_str()));
    // An entity with no other name says so rather than leaving a gap.
    select_in_sidebar(&mut app, "Philipp Ivanov");
    let card = app.reader.card().unwrap();
    assert_eq!(line(&card, "aliases"), Some("none"));
    // Esc lets go of the selection, and the card goes with it.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.reader.selected, None);
    assert_eq!(app.reader.card(), None);
}

#[test]
fn a_figure_card_gives_value_range_conversion_and_what_it_counts() {
    let mut app = outline_app(120, 40);
    select_in_sidebar(&mut app, "European Union");
    let card = app.reader.card().unwrap();
    assert_eq!(card.kind, "organization");
    assert_eq!(line(&card, "aliases"), Some("EU"));
    let name = |app: &App, start: &str| {
        app.reader
            .index
            .targets
            .iter()
            .find(|t| t.name.starts_with(start))
            .unwrap()
            .name
            .clone()
    };
    let journeys = name(&app, "8–10 million");
    select_in_sidebar(&mut app, &journeys);
    let card = app.reader.card().unwrap();
    assert_eq!(card.kind, "count");
    assert_eq!(line(&card, "value"), Some("8,000,000"));
    assert_eq!(line(&card, "range"), Some("8,000,000–10,000,000"));
    assert_eq!(line(&card, "counts"), Some("journeys"));
    let miles = name(&app, "12 miles");
    select_in_sidebar(&mut app, &miles);
    let card = app.reader.card().unwrap();
    assert_eq!(card.kind, "quantity");
    assert_eq!(line(&card, "value"), Some("12 mi"));
    assert_eq!(line(&card, "metric"), Some("19.3 km"));
    select_in_sidebar(&mut app, "2017");
    let card = app.reader.card().unwrap();
    assert_eq!(
        (card.kind.as_str(), line(&card, "date")),
        ("date", Some("2017"))
    );
}

#[test]
fn the_card_takes_rows_from_the_list_and_the_cursor_stays_in_view() {
    let mut app = seed_app(60, 20);
    key(&mut app, KeyCode::Tab);
    let body = usize::from(app.screen.sidebar(false).height) - 1;
    // Before anything is selected: the list and the legend.
    app.reader.selected = None;
    assert_eq!(
        app.sidebar_rows(),
        SidebarRows {
            list: body - LEGEND_ROWS,
            card: 0,
            legend: LEGEND_ROWS
        }
    );
    select_in_sidebar(&mut app, "Xi Jinping");
    let rows = app.sidebar_rows();
    assert_eq!(rows.card, app.reader.card().unwrap().rows());
    assert_eq!(rows.list + rows.card + rows.legend, body);
    // All the way down, the last row is above the card, not under it.
    press(&mut app, "G");
    let last = app.sidebar.rows.len() - 1;
    assert_eq!(app.sidebar.cursor, last);
    assert!(last < app.sidebar.top + app.sidebar_list_rows());
    // The card never takes more than half of a short sidebar.
    let rows = SidebarRows::split(5, app.reader.card().as_ref());
    assert_eq!((rows.list, rows.card, rows.legend), (3, 2, 0));
}

#[test]
fn a_click_on_the_card_selects_nothing_new() {
    let mut app = seed_app(120, 40);
    select_in_sidebar(&mut app, "Xi Jinping");
    let xi = app.reader.selected;
    let area = app.screen.sidebar(true);
    let card_y = area.y + 1 + app.sidebar_list_rows() as u16;
    // Without the card this row would hold a fact of the list.
    assert!(app.sidebar.top + app.sidebar_list_rows() < app.sidebar.rows.len());
    for dy in 0..app.sidebar_rows().card as u16 {
        app.update(Action::Click {
            x: area.x + 3,
            y: card_y + dy,
        });
        assert_eq!(app.reader.selected, xi, "card row {dy}");
    }
}
