//! The modes that print instead of opening the reader: `--json`, and the
//! formatted text when standard output is not a terminal (like bat), its
//! links kept as numbered references (like `lynx -dump`).

use std::io::{self, Write};
use std::ops::Range;

use crate::document::{Document, is_unsafe};
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

/// The article wrapped to `measure` columns, as plain text: each link's
/// text followed by the number of its address (`[1]`), and the addresses
/// listed under "References" at the end.
pub fn plain(out: &mut impl Write, doc: &Document, measure: usize) -> io::Result<()> {
    let (marked, urls) = with_references(doc);
    write_text(out, &marked, measure)?;
    if !urls.is_empty() {
        out.write_all(b"\nReferences\n\n")?;
        let digits = urls.len().to_string().len();
        for (i, url) in urls.iter().enumerate() {
            writeln!(out, "{:>digits$}. {url}", i + 1)?;
        }
    }
    out.flush()
}

/// Whether an address may be printed as a reference: a web or mail
/// address, or one relative to the article; nothing that runs code
/// (`javascript:`), embeds data or names a local file, and nothing with
/// whitespace, controls or what sanitizing put in place of them.
fn referable(url: &str) -> bool {
    let shown = |c: char| {
        !(c.is_whitespace()
            || c.is_control()
            || is_unsafe(c)
            || ('\u{2400}'..='\u{2426}').contains(&c)
            || c == '\u{fffd}')
    };
    if url.is_empty() || url.starts_with('#') || !url.chars().all(shown) {
        return false;
    }
    let scheme = url.find(':').map(|i| &url[..i]).filter(|s| {
        s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    match scheme {
        None => true,
        Some(s) => ["http", "https", "mailto"]
            .iter()
            .any(|ok| s.eq_ignore_ascii_case(ok)),
    }
}

/// The document with `[n]` after the text of each link worth listing, and
/// the addresses in the order of their numbers (one number per address).
/// A link whose text is its address (`<https://…>`) is not numbered: it is
/// already there to read.
fn with_references(doc: &Document) -> (Document, Vec<String>) {
    let mut urls: Vec<String> = Vec::new();
    // (where the marker goes, the marker), in text order.
    let mut marks: Vec<(usize, String)> = Vec::new();
    for link in &doc.links {
        let url = link.url.trim();
        let text = doc.slice(&link.range).trim();
        if !referable(url) || text == url || text == url.trim_start_matches("mailto:") {
            continue;
        }
        let n = match urls.iter().position(|u| u == url) {
            Some(i) => i + 1,
            None => {
                urls.push(url.to_string());
                urls.len()
            }
        };
        marks.push((link.range.end, format!("[{n}]")));
    }
    if marks.is_empty() {
        return (doc.clone(), urls);
    }
    marks.sort_by_key(|m| m.0);
    let mut text = String::with_capacity(doc.text.len() + marks.len() * 4);
    let mut from = 0;
    for (at, mark) in &marks {
        text.push_str(&doc.text[from..*at]);
        text.push_str(mark);
        from = *at;
    }
    text.push_str(&doc.text[from..]);
    // Everything at or after a marker's place moves past it: a block or a
    // cell ending with the link keeps the marker.
    let added: Vec<usize> = marks
        .iter()
        .scan(0, |sum, m| {
            *sum += m.1.len();
            Some(*sum)
        })
        .collect();
    let shift = |at: usize| match marks.partition_point(|m| m.0 <= at) {
        0 => at,
        n => at + added[n - 1],
    };
    let moved = |r: &Range<usize>| shift(r.start)..shift(r.end);
    let mut marked = doc.clone();
    marked.text = text;
    for b in &mut marked.blocks {
        b.range = moved(&b.range);
    }
    for l in &mut marked.links {
        l.range = moved(&l.range);
    }
    for c in &mut marked.code {
        *c = moved(c);
    }
    for t in &mut marked.tables {
        for row in &mut t.rows {
            for c in &mut row.cells {
                *c = moved(c);
            }
        }
    }
    (marked, urls)
}

fn write_text(out: &mut impl Write, doc: &Document, measure: usize) -> io::Result<()> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Link, load_markdown};

    fn piped(src: &str, measure: usize) -> String {
        let mut out = Vec::new();
        plain(&mut out, &load_markdown(src), measure).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn links_become_numbered_references() {
        let src = "See [the plan](https://example.org/plan), [mail us](mailto:a@b.org), \
                   [the plan again](https://example.org/plan) and [notes](notes.md).\n";
        assert_eq!(
            piped(src, 80),
            "See the plan[1], mail us[2], the plan again[1] and notes[3].\n\
             \nReferences\n\n\
             1. https://example.org/plan\n\
             2. mailto:a@b.org\n\
             3. notes.md\n"
        );
    }

    #[test]
    fn markers_are_wrapped_with_the_text() {
        let out = piped("A long line ending in [a link](https://x.org/) here.\n", 24);
        assert!(
            out.starts_with("A long line ending in a\nlink[1] here.\n"),
            "{out}"
        );
        for line in out.lines() {
            assert!(line.chars().count() <= 24, "{line:?}");
        }
        // In a table cell the marker widens the column.
        let out = piped("| a | b |\n|---|---|\n| [x](https://x.org) | y |\n", 80);
        assert!(out.contains("x[1] │ y"), "{out}");
    }

    #[test]
    fn only_safe_addresses_are_listed() {
        for (url, ok) in [
            ("https://example.org/a?b=c", true),
            ("HTTP://EXAMPLE.ORG", true),
            ("mailto:a@b.org", true),
            ("../notes/a.md", true),
            ("/abs/path", true),
            ("javascript:alert(1)", false),
            ("data:text/html,hi", false),
            ("file:///etc/passwd", false),
            ("#section", false),
            ("https://x.org/\u{241b}[2J", false),
            ("https://x.org/a b", false),
            ("https://x.org/\u{fffd}", false),
            ("", false),
        ] {
            assert_eq!(referable(url), ok, "{url:?}");
        }
        let mut doc = load_markdown("run and page\n");
        doc.links = vec![
            Link {
                range: 0..3,
                url: "javascript:alert(1)".into(),
            },
            Link {
                range: 8..12,
                url: crate::document::sanitize("https://x.org/\u{1b}[2J").0,
            },
        ];
        let mut out = Vec::new();
        plain(&mut out, &doc, 80).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "run and page\n");
    }

    #[test]
    fn a_link_showing_its_address_is_not_numbered() {
        let out = piped("Go to <https://x.org> or [here](https://y.org).\n", 80);
        assert!(
            out.starts_with("Go to https://x.org or here[1].\n"),
            "{out}"
        );
        assert!(out.ends_with("References\n\n1. https://y.org\n"), "{out}");
    }
}
