//! Which loader reads an input: by `--format`, by file extension, or by
//! sniffing the content.
//!
//! The rule: an explicit `--format` wins; else a known extension decides
//! (so HTML saved in a `.txt` file is shown as plain text, tags and all);
//! only an input with no known extension (stdin, a URL without a
//! Content-Type, `article` with no dot) is sniffed with [`Format::sniff`].

use std::path::Path;
use std::str::FromStr;

use super::{Document, LoadError, check_text, load_bytes, load_html, load_markdown};

/// The bare MIME type of a Content-Type header, lower-cased:
/// `text/html; charset=utf-8` -> `text/html`.
pub fn mime_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Plain,
    Markdown,
    Html,
}

impl Format {
    /// By extension, case-insensitively; `None` for an unknown one.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Plain),
            "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// From a MIME type such as `text/html; charset=utf-8`.
    pub fn from_content_type(content_type: &str) -> Option<Format> {
        let mime = mime_type(content_type);
        match mime.as_str() {
            "text/html" | "application/xhtml+xml" => Some(Format::Html),
            "text/markdown" | "text/x-markdown" => Some(Format::Markdown),
            "text/plain" => Some(Format::Plain),
            _ => None,
        }
    }

    /// Guesses from the content. HTML: a leading `<!doctype html`, `<html`,
    /// `<head` or `<body` (after whitespace, a BOM or comments), or many
    /// tags. Markdown: YAML front matter, or at least two Markdown cues
    /// (ATX headings, `](` links, code fences, `* `/`- `/`1. ` lists,
    /// `> ` quotes, table rows) in the first 200 lines. Else plain.
    pub fn sniff(text: &str) -> Format {
        let head = &text[..floor_char_boundary(text, 64 * 1024)];
        let mut start = head.trim_start_matches('\u{feff}').trim_start();
        while let Some(rest) = start.strip_prefix("<!--") {
            start = rest.find("-->").map_or("", |e| rest[e + 3..].trim_start());
        }
        let lower: String = start
            .chars()
            .take(16)
            .collect::<String>()
            .to_ascii_lowercase();
        if ["<!doctype html", "<html", "<head", "<body", "<?xml"]
            .iter()
            .any(|p| lower.starts_with(p))
        {
            return Format::Html;
        }
        if start.starts_with("---\n") || start.starts_with("---\r\n") {
            return Format::Markdown;
        }
        let tags = [
            "<p>", "<p ", "<div", "<a href", "<h1", "<h2", "<br", "<li", "<span", "</p>",
        ]
        .iter()
        .map(|t| head.matches(t).count())
        .sum::<usize>();
        let words = head.split_whitespace().count().max(1);
        if tags >= 5 && tags * 20 >= words {
            return Format::Html;
        }
        let mut cues = 0;
        let mut in_fence = false;
        for line in head.lines().take(200) {
            let t = line.trim_start();
            if t.starts_with("```") || t.starts_with("~~~") {
                cues += 1;
                in_fence = !in_fence;
                continue;
            }
            if in_fence {
                continue;
            }
            let heading = t.starts_with('#') && {
                let hashes = t.bytes().take_while(|&b| b == b'#').count();
                hashes <= 6 && t[hashes..].starts_with(' ')
            };
            let list = t.starts_with("* ") || t.starts_with("- ") || t.starts_with("+ ") || {
                let digits = t.bytes().take_while(u8::is_ascii_digit).count();
                digits > 0 && t[digits..].starts_with(". ")
            };
            let table = t.starts_with('|') && t.trim_end().ends_with('|');
            cues += usize::from(heading)
                + usize::from(list)
                + usize::from(table)
                + usize::from(t.starts_with("> "))
                + t.matches("](").count();
            if cues >= 2 {
                return Format::Markdown;
            }
        }
        Format::Plain
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unknown format `{0}` (expected plain, markdown or html)")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        match s.trim().to_ascii_lowercase().as_str() {
            "plain" | "text" | "txt" => Ok(Format::Plain),
            "markdown" | "md" => Ok(Format::Markdown),
            "html" | "htm" => Ok(Format::Html),
            _ => Err(UnknownFormat(s.to_owned())),
        }
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Format::Plain => "plain",
            Format::Markdown => "markdown",
            Format::Html => "html",
        })
    }
}

/// Checks raw bytes (the same checks as [`load_bytes`]: NUL in the head,
/// UTF-8, not blank) and reads them as `format`. `url` is the page's
/// address, used by HTML to resolve relative links.
pub fn load_as(bytes: &[u8], format: Format, url: Option<&str>) -> Result<Document, LoadError> {
    if format == Format::Plain {
        return load_bytes(bytes);
    }
    let text = check_text(bytes)?;
    Ok(match format {
        Format::Markdown => load_markdown(text),
        Format::Html => load_html(text, url),
        Format::Plain => unreachable!("handled above"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert_eq!(Format::from_path(Path::new("a.MD")), Some(Format::Markdown));
        assert_eq!(Format::from_path(Path::new("a/b.htm")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("x.txt")), Some(Format::Plain));
        assert_eq!(Format::from_path(Path::new("x")), None);
        assert_eq!(Format::from_path(Path::new("x.pdf")), None);
    }

    #[test]
    fn sniffing() {
        assert_eq!(Format::sniff("  <!DOCTYPE html><p>x"), Format::Html);
        assert_eq!(Format::sniff("<!-- saved --><html>"), Format::Html);
        assert_eq!(Format::sniff("# Title\n\nSee [x](y).\n"), Format::Markdown);
        assert_eq!(Format::sniff("---\ntitle: x\n---\nBody"), Format::Markdown);
        assert_eq!(
            Format::sniff("A plain article.\n\nWith #hashtags and - dashes."),
            Format::Plain
        );
        assert_eq!(
            Format::sniff("<div><p>a</p><p>b</p><p>c</p></div>"),
            Format::Html
        );
    }

    #[test]
    fn parse_names() {
        assert_eq!("HTML".parse::<Format>(), Ok(Format::Html));
        assert_eq!("markdown".parse::<Format>(), Ok(Format::Markdown));
        assert!("pdf".parse::<Format>().is_err());
    }
}
