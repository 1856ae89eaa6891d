// The entity model's weights as a table of fixed-size records, sorted by
// feature hash: 8 bytes of FNV-1a hash, then four little-endian f32 weights
// (none, person, organization, place). `build.rs` includes this file to turn
// `assets/ner/model.tsv` into the table compiled into the binary, so start-up
// parses nothing; `Model::parse` uses it for a model read at run time.

/// Bytes per record.
pub const RECORD: usize = 24;

/// FNV-1a over the pieces of a feature name: the same as over the name.
pub fn hash_parts(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for &b in p.as_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Reads `model.tsv` text (`name<TAB>w_none<TAB>w_person<TAB>w_org<TAB>w_place`
/// per line; `#` lines are comments) into the sorted record table.
pub fn table_from_tsv(text: &str) -> Result<Vec<u8>, String> {
    let mut rows: Vec<(u64, [f32; 4])> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut it = line.split('\t');
        let name = it.next().unwrap_or_default();
        let mut w = [0f32; 4];
        for x in &mut w {
            *x = it
                .next()
                .and_then(|s| s.parse().ok())
                .ok_or_else(|| format!("model line {}: bad weights", n + 1))?;
        }
        rows.push((hash_parts(&[name]), w));
    }
    rows.sort_by_key(|r| r.0);
    if rows.windows(2).any(|p| p[0].0 == p[1].0) {
        return Err("two features of the model share a hash".to_string());
    }
    let mut out = Vec::with_capacity(rows.len() * RECORD);
    for (h, w) in rows {
        out.extend_from_slice(&h.to_le_bytes());
        for x in w {
            out.extend_from_slice(&x.to_le_bytes());
        }
    }
    Ok(out)
}
