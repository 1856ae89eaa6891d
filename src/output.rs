//! The modes that print instead of opening the reader: `--json`, and the
//! formatted text when standard output is not a terminal (like bat).

use std::io::{self, Write};

use crate::document::Document;
use crate::extract::{MAX_ANALYZED_BYTES, extract, is_truncated};
use crate::layout::{indent, layout, verbatim};

/// The facts as JSON (see `json.rs` for the contract); with `source` (the
/// input as given), `--with-text` prints the text its offsets index.
pub fn json(
    out: &mut impl Write,
    doc: &Document,
    with_text: bool,
    source: Option<&str>,
) -> anyhow::Result<()> {
    let facts = extract(doc);
    let mut notes = doc.notes.clone();
    if is_truncated(doc) {
        notes.push(format!(
            "facts from the first {} MB only",
            MAX_ANALYZED_BYTES >> 20
        ));
    }
    let opts = crate::json::Options {
        with_text,
        source,
        notes,
    };
    crate::json::write(out, doc, &facts, &opts)?;
    out.flush()?;
    Ok(())
}

/// The article wrapped to `measure` columns, as plain text.
pub fn plain(out: &mut impl Write, doc: &Document, measure: usize) -> io::Result<()> {
    let l = layout(doc, measure);
    for line in &l.lines {
        let text = &doc.text[line.range.clone()];
        if let Some(t) = &line.table {
            writeln!(out, "{}", t.to_text(&doc.text))?;
            continue;
        }
        let kind = line.block.map(|b| doc.blocks[b].kind);
        let indent = kind.map_or(0, indent);
        if !text.is_empty() {
            write!(out, "{:indent$}", "")?;
        }
        if kind.is_some_and(verbatim) {
            out.write_all(text.as_bytes())?;
        } else {
            let mut first = true;
            for word in text.split_whitespace() {
                if !first {
                    out.write_all(b" ")?;
                }
                out.write_all(word.as_bytes())?;
                first = false;
            }
        }
        out.write_all(b"\n")?;
    }
    out.flush()
}
