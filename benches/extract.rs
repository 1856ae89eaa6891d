//! Extraction throughput: the seed article, a multi-megabyte text built
//! deterministically from the evaluation articles (news and GUM: dense in
//! names and figures), and the shared big text (`$FACTLENS_BIG_TEXT`).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factlens::document::load_plain;
use factlens::extract::extract;

mod common;

const SEED: &str = include_str!("../assets/seed.txt");

/// About `target` bytes: the evaluation texts (GUM and news) when present,
/// repeated with the paragraph order rotated so no two copies are identical.
fn big_text(target: usize) -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    let mut parts: Vec<String> = Vec::new();
    for dir in ["articles", "gum/articles"] {
        if let Ok(rd) = std::fs::read_dir(root.join(dir)) {
            let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for p in paths
                .iter()
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            {
                if let Ok(t) = std::fs::read_to_string(p) {
                    parts.push(t);
                }
            }
        }
    }
    if parts.is_empty() {
        parts.push(SEED.to_string());
    }
    let paras: Vec<&str> = parts.iter().flat_map(|p| p.split("\n\n")).collect();
    let mut out = String::with_capacity(target + 4096);
    let mut round = 0;
    while out.len() < target {
        for i in 0..paras.len() {
            out.push_str(paras[(i * 7 + round) % paras.len()]);
            out.push_str("\n\n");
        }
        round += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("extract");
    let seed = load_plain(SEED);
    g.throughput(Throughput::Bytes(seed.text.len() as u64));
    g.bench_function("seed", |b| b.iter(|| extract(black_box(&seed))));
    let big = load_plain(&big_text(4 << 20));
    g.throughput(Throughput::Bytes(big.text.len() as u64));
    g.sample_size(10);
    g.bench_function("4MB", |b| b.iter(|| extract(black_box(&big))));
    // The shared big text: $FACTLENS_BIG_TEXT (e.g. the King James Bible)
    // or the seed repeated.
    let big = load_plain(&common::big_text());
    g.throughput(Throughput::Bytes(big.text.len() as u64));
    g.bench_function("big", |b| b.iter(|| extract(black_box(&big))));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
