//! The big text the benchmarks share: `$FACTLENS_BIG_TEXT` when set (e.g.
//! the King James Bible: `bible -f Gen1:1-Rev22:21 > kjv.txt` with Debian's
//! `bible-kjv`), else a deterministic 4.4 MB text built from the seed: its
//! body repeated under numbered part headings.

#![allow(dead_code)]

pub const SEED: &str = include_str!("../../assets/seed.txt");

pub fn big_text() -> String {
    if let Some(t) =
        std::env::var_os("FACTLENS_BIG_TEXT").and_then(|p| std::fs::read_to_string(p).ok())
    {
        return t;
    }
    let body = SEED.split_once("\n\n").map_or(SEED, |x| x.1);
    let mut s = String::from("In the beginning: a long article\n\n");
    let mut i = 0;
    while s.len() < 4_400_000 {
        i += 1;
        s.push_str(&format!("Part {i}\n\n{body}\n\n"));
    }
    s
}
