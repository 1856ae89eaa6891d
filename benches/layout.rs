//! Load + structure and wrapping, on the seed and on a ~4 MB text built
//! deterministically from the seed (or the King James Bible when Debian's
//! `bible-kjv-text` is installed).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factlens::document::load_plain;
use factlens::layout::layout;

mod common;

use common::{SEED, big_text};

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
