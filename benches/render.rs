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

mod common;

use common::{SEED, big_text};

fn app_for(text: &str, w: u16, h: u16) -> App {
    let doc = load_plain(text);
    let facts = extract(&doc);
    App::new(doc, facts, Keymap::default_keys(), DEFAULT_MEASURE, w, h)
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
