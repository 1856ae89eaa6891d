//! One frame of the reader with the sidebar, on the seed at 200x60 and on a
//! ~4 MB text, drawn into ratatui's TestBackend.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use factlens::app::{Action, App, DEFAULT_MEASURE};
use factlens::document::load_plain;
use factlens::extract::extract;
use factlens::keymap::{Key, Keymap};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SEED: &str = include_str!("../assets/seed.txt");

fn app_for(text: &str, w: u16, h: u16) -> App {
    let doc = load_plain(text);
    let facts = extract(&doc);
    App::new(doc, facts, Keymap::default_keys(), DEFAULT_MEASURE, w, h)
}

fn big_text() -> String {
    let body = SEED.split_once("\n\n").map(|x| x.1).unwrap_or(SEED);
    let mut s = String::from("A Long Article\n\n");
    let mut i = 0;
    while s.len() < 4_200_000 {
        i += 1;
        s.push_str(&format!("Part {i}\n\n{body}\n\n"));
    }
    s
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("frame");
    let (w, h) = (200, 60);
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    let mut app = app_for(SEED, w, h);
    g.bench_function("seed 200x60", |b| {
        b.iter(|| {
            term.draw(|f| factlens::ui::draw(f, black_box(&app)))
                .map(|_| ())
        })
    });
    // With a selection and a search: highlights, marks and the minimap.
    for c in "/the".chars() {
        app.update(Action::Key(Key::ch(c)));
    }
    g.bench_function("seed 200x60 searching 'the'", |b| {
        b.iter(|| {
            term.draw(|f| factlens::ui::draw(f, black_box(&app)))
                .map(|_| ())
        })
    });
    let mut big = app_for(&big_text(), w, h);
    big.update(Action::Key(Key::ch('G')));
    g.bench_function("4MB 200x60 at the end", |b| {
        b.iter(|| {
            term.draw(|f| factlens::ui::draw(f, black_box(&big)))
                .map(|_| ())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
