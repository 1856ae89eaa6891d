//! Load + structure and wrapping, on the seed and on a ~4 MB text built
//! deterministically from the seed (or the King James Bible when Debian's
//! `bible-kjv-text` is installed).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factlens::document::load_plain;
use factlens::layout::layout;

const SEED: &str = include_str!("../assets/seed.txt");

/// A multi-megabyte article: the Bible if present, else the seed's body
/// repeated with numbered section headings between copies.
pub fn big_text() -> String {
    if let Ok(t) = std::fs::read_to_string("/usr/share/bible-kjv/kjv.txt") {
        return t;
    }
    let mut s = String::from("A Long Article\n\n");
    let mut i = 0;
    while s.len() < 4_200_000 {
        i += 1;
        s.push_str(&format!("Part {i}\n\n"));
        s.push_str(SEED.split_once("\n\n").map(|x| x.1).unwrap_or(SEED));
        s.push_str("\n\n");
    }
    s
}

fn bench(c: &mut Criterion) {
    let big = big_text();
    let mut g = c.benchmark_group("load");
    for (name, text) in [("seed", SEED), ("big", big.as_str())] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name, |b| b.iter(|| load_plain(black_box(text))));
    }
    g.finish();
    let mut g = c.benchmark_group("load+wrap");
    for (name, text) in [("seed", SEED), ("big", big.as_str())] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.sample_size(if text.len() > 1_000_000 { 10 } else { 50 });
        g.bench_function(format!("{name}@80"), |b| {
            b.iter(|| layout(&load_plain(black_box(text)), 80))
        });
    }
    g.finish();
    let doc = load_plain(&big);
    let mut g = c.benchmark_group("wrap-big");
    g.sample_size(10);
    for w in [40, 80, 200] {
        g.bench_function(format!("{w}"), |b| b.iter(|| layout(black_box(&doc), w)));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
