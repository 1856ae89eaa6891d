//! Compiles the gazetteer lists under `assets/gazetteer/` into one `fst::Map`
//! (key -> flags | canonical index << 32) and a canonical-name table, both in
//! OUT_DIR, so that start-up embeds them instead of building anything.

use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::path::Path;

/// (file, flag bit, lower-case keys). Order sets canonical-name priority;
/// only place, organization and nationality lists name a canonical entry.
const LISTS: &[(&str, u32, bool)] = &[
    ("countries.txt", 0, false),
    ("vocab_places.txt", 11, false),
    ("vocab_orgs.txt", 12, false),
    ("regions.txt", 1, false),
    ("cities.txt", 2, false),
    ("cities_major.txt", 14, false),
    ("given.txt", 3, false),
    ("given_world.txt", 18, false),
    ("surnames.txt", 4, false),
    ("vocab_titles.txt", 5, false),
    ("vocab_org_suffixes.txt", 6, false),
    ("vocab_org_heads.txt", 7, false),
    ("vocab_place_suffixes.txt", 8, false),
    ("vocab_place_heads.txt", 9, false),
    ("vocab_demonyms.txt", 10, false),
    ("vocab_common.txt", 13, true),
    ("vocab_function.txt", 13, true),
    ("vocab_function.txt", 15, true),
    ("vocab_lower.txt", 17, true),
];

mod model_table {
    #![allow(dead_code)]
    include!("src/extract/model_table.rs");
}

/// The entity model as a sorted table of (hash, weights) records.
fn model() {
    println!("cargo::rerun-if-changed=assets/ner/model.tsv");
    println!("cargo::rerun-if-changed=src/extract/model_table.rs");
    let text = fs::read_to_string("assets/ner/model.tsv").expect("assets/ner/model.tsv");
    let table = model_table::table_from_tsv(&text).expect("a valid model.tsv");
    let out = env::var("OUT_DIR").expect("OUT_DIR");
    fs::write(Path::new(&out).join("model.bin"), table).expect("write model table");
}

fn main() {
    model();
    let dir = Path::new("assets/gazetteer");
    println!("cargo::rerun-if-changed=assets/gazetteer");
    let mut map: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    let mut canon: Vec<String> = Vec::new();
    let mut canon_idx: BTreeMap<String, u32> = BTreeMap::new();
    for &(file, bit, lower) in LISTS {
        println!("cargo::rerun-if-changed=assets/gazetteer/{file}");
        let text = fs::read_to_string(dir.join(file)).expect("gazetteer list");
        for line in text.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split('\t');
            let key = parts.next().unwrap_or("").trim();
            let key = if lower {
                key.to_lowercase()
            } else {
                key.to_string()
            };
            let target = parts.next().map(str::trim).unwrap_or(&key).to_string();
            let entry = map.entry(key).or_insert((0, 0));
            entry.0 |= 1 << bit;
            let names_canon = matches!(bit, 0 | 1 | 2 | 10 | 11 | 12 | 14);
            if entry.1 == 0 && !target.is_empty() && names_canon {
                let next = canon.len() as u32 + 1;
                let idx = *canon_idx.entry(target.clone()).or_insert_with(|| {
                    canon.push(target.clone());
                    next
                });
                entry.1 = idx;
            }
        }
    }
    // Bit 16: the first word of a multi-word key ("New" of "New York"), so
    // that a run of words is only looked up whole when it can be a key.
    let firsts: Vec<String> = map
        .keys()
        .filter_map(|k| k.split_once(' ').map(|(a, _)| a.to_string()))
        .collect();
    for f in firsts {
        map.entry(f).or_insert((0, 0)).0 |= 1 << 16;
    }
    let mut builder = fst::MapBuilder::memory();
    for (k, (flags, idx)) in &map {
        builder
            .insert(k, u64::from(*flags) | (u64::from(*idx) << 32))
            .expect("sorted keys");
    }
    let out = env::var("OUT_DIR").expect("OUT_DIR");
    let bytes = builder.into_inner().expect("fst");
    fs::write(Path::new(&out).join("gazetteer.fst"), bytes).expect("write fst");
    // Canonical names as one string plus little-endian u32 offsets, so that
    // start-up indexes them instead of splitting 40000 strings.
    let mut text = String::new();
    let mut offsets: Vec<u8> = Vec::new();
    for c in &canon {
        offsets.extend_from_slice(&(text.len() as u32).to_le_bytes());
        text.push_str(c);
    }
    offsets.extend_from_slice(&(text.len() as u32).to_le_bytes());
    fs::write(Path::new(&out).join("canon.txt"), text).expect("write canon");
    fs::write(Path::new(&out).join("canon.idx"), offsets).expect("write canon index");
}
