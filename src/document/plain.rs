//! Recognizes the structure of a plain-text article.
//!
//! Articles saved as text share a shape: a title on the first line, a few
//! short header lines (byline, date, "10 Min Read", sometimes the title
//! again or a subtitle), then blank-line separated paragraphs with a short
//! standalone line now and then for a section heading, and page furniture
//! ("Share This Article") at the end. Hard-wrapped paragraphs are one block;
//! their inner newlines stay in the text and layout treats them as spaces,
//! so byte offsets never move.

use std::ops::Range;

use super::{Block, BlockKind, Document, sanitize, sanitize_owned};

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const CHROME_STARTS: [&str; 14] = [
    "share this",
    "share on",
    "share:",
    "subscribe",
    "sign up for",
    "follow us",
    "advertisement",
    "related articles",
    "related stories",
    "read more",
    "click here",
    "tags:",
    "all rights reserved",
    "©",
];

/// Line groups separated by blank lines, each line as a trimmed byte range.
fn groups(text: &str) -> Vec<Vec<Range<usize>>> {
    let mut groups = Vec::new();
    let mut current: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        if trimmed.is_empty() {
            if !current.is_empty() {
                groups.push(std::mem::take(&mut current));
            }
        } else {
            let s = start + lead;
            current.push(s..s + trimmed.len());
        }
        start += line.len();
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(['.', '!', '?', ':', ';', ','])
}

fn is_reading_time(s: &str) -> bool {
    let l = s.to_lowercase();
    let mut it = l.split_whitespace();
    let n = it.next().unwrap_or("");
    let rest: Vec<&str> = it.collect();
    let n_ok = n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty();
    let (n_ok, rest) = if !n_ok && n.trim_end_matches(|c: char| c.is_alphabetic()) != n {
        // "10min read"
        let digits = n.trim_end_matches(|c: char| c.is_alphabetic());
        (
            !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()),
            std::iter::once(&n[digits.len()..])
                .chain(rest.iter().copied())
                .collect(),
        )
    } else {
        (n_ok, rest)
    };
    n_ok && matches!(
        rest.as_slice(),
        [u, "read"] | [u, "read."] | [u] if matches!(*u, "min" | "mins" | "min." | "minute" | "minutes" | "minute read" | "min read")
    )
}

fn is_date_line(s: &str) -> bool {
    if s.len() > 48 || !s.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let l = s.to_lowercase();
    let has_name = l.split(|c: char| !c.is_alphabetic()).any(|w| {
        MONTHS.contains(&w)
            || WEEKDAYS.contains(&w)
            || (w.len() == 3 && MONTHS.iter().any(|m| m.starts_with(w)))
    });
    let numeric = s
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | ' ' | ':' | 'T' | 'Z'));
    has_name && words(s) <= 7 || numeric
}

fn is_byline(s: &str) -> bool {
    let l = s.to_lowercase();
    if l.starts_with("by ") && words(s) <= 8 {
        return true;
    }
    let n = words(s);
    (2..=5).contains(&n)
        && !ends_sentence(s)
        && !s.chars().any(|c| c.is_ascii_digit())
        && s.split_whitespace().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                || matches!(w, "bin" | "van" | "von" | "de" | "da" | "al" | "and" | "le")
        })
}

/// ASCII case-insensitive prefix test, without allocating.
fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

fn is_chrome(s: &str) -> bool {
    const LINK_BELOW: &str = "click on the link below:";
    s.len() <= 200
        && (CHROME_STARTS.iter().any(|p| starts_with_ci(s, p))
            || s.len() >= LINK_BELOW.len()
                && s.as_bytes()[s.len() - LINK_BELOW.len()..]
                    .eq_ignore_ascii_case(LINK_BELOW.as_bytes()))
}

fn list_marker(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some('-' | '*' | '•' | '–' | '·') => chars.next() == Some(' '),
        Some(c) if c.is_ascii_digit() => {
            let rest = s.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

/// A short standalone line between paragraphs reads as a section heading:
/// few words, and usually no closing punctuation ("Tit for tat." is the
/// exception a very short line may have).
fn is_heading(s: &str) -> bool {
    let n = words(s);
    if s.chars().count() > 90 || n == 0 || n > 12 || s.ends_with([',', ';', ':']) {
        return false;
    }
    if ends_sentence(s) {
        return n <= 4 && s.ends_with('.') && !s.ends_with("..");
    }
    s.chars().next().is_some_and(|c| !c.is_lowercase())
}

/// Builds a document from plain text.
pub fn load_plain(input: &str) -> Document {
    let (text, source_map) = sanitize(input);
    structure(text, source_map)
}

/// Like [`load_plain`], taking ownership so a clean text is not copied.
pub fn load_plain_owned(input: String) -> Document {
    let (text, source_map) = sanitize_owned(input);
    structure(text, source_map)
}

/// Lines longer than this are not hard-wrapped prose: a group of lines with
/// one this long holds one paragraph per line (verses, logs, subtitles).
const HARD_WRAP_MAX_CHARS: usize = 110;

fn structure(text: String, source_map: super::SourceMap) -> Document {
    let mut blocks = Vec::new();
    let groups = groups(&text);
    let title_text = groups
        .first()
        .and_then(|g| g.first())
        .map(|r| text[r.clone()].to_lowercase());
    let mut in_header = true;
    let n_groups = groups.len();
    for (gi, group) in groups.iter().enumerate() {
        let mut group = group.as_slice();
        if gi == 0 {
            // The first line is the title unless it is plainly body text:
            // a sentence running straight into more lines is not a title.
            let first = &text[group[0].clone()];
            let standalone = group.len() == 1 || !ends_sentence(first);
            if standalone && words(first) <= 25 && first.chars().count() <= 200 {
                blocks.push(Block {
                    kind: BlockKind::Title,
                    range: group[0].clone(),
                });
                group = &group[1..];
                if group.is_empty() {
                    continue;
                }
            } else {
                in_header = false;
            }
        }
        if in_header {
            let all_short = group.iter().all(|r| {
                words(&text[r.clone()]) <= 10 && !ends_sentence(&text[r.clone()])
                    || is_reading_time(&text[r.clone()])
            });
            let looks_like_body = !all_short || group.iter().any(|r| words(&text[r.clone()]) > 12);
            if looks_like_body {
                in_header = false;
            } else {
                for r in group {
                    let s = &text[r.clone()];
                    let kind = if is_reading_time(s) {
                        BlockKind::ReadingTime
                    } else if is_date_line(s) {
                        BlockKind::Date
                    } else if Some(s.to_lowercase()) == title_text {
                        BlockKind::Chrome
                    } else if is_byline(s)
                        && !blocks.iter().any(|b: &Block| b.kind == BlockKind::Byline)
                    {
                        BlockKind::Byline
                    } else {
                        BlockKind::Heading
                    };
                    blocks.push(Block {
                        kind,
                        range: r.clone(),
                    });
                }
                continue;
            }
        }
        // Body.
        if group.iter().all(|r| list_marker(&text[r.clone()])) {
            for r in group {
                blocks.push(Block {
                    kind: BlockKind::ListItem,
                    range: r.clone(),
                });
            }
            continue;
        }
        // Page furniture glued to a paragraph ("Share This Article" right
        // above an author bio) is split off line by line.
        let near_end = gi + 3 >= n_groups;
        let chrome_line = |r: &Range<usize>| {
            let s = &text[r.clone()];
            is_chrome(s) && (near_end || words(s) <= 4)
        };
        while let Some(r) = group.first().filter(|r| group.len() > 1 && chrome_line(r)) {
            blocks.push(Block {
                kind: BlockKind::Chrome,
                range: r.clone(),
            });
            group = &group[1..];
        }
        let long_lines = group.len() > 1
            && group.iter().any(|r| {
                r.len() > HARD_WRAP_MAX_CHARS
                    && text[r.clone()].chars().count() > HARD_WRAP_MAX_CHARS
            });
        if long_lines {
            for r in group {
                let kind = if chrome_line(r) {
                    BlockKind::Chrome
                } else {
                    BlockKind::Paragraph
                };
                blocks.push(Block {
                    kind,
                    range: r.clone(),
                });
            }
            continue;
        }
        let one_line = group.len() == 1;
        let range = group[0].start..group[group.len() - 1].end;
        let s = &text[range.clone()];
        let kind = if one_line && chrome_line(&range) {
            BlockKind::Chrome
        } else if one_line && is_heading(s) && gi + 1 < n_groups {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        };
        blocks.push(Block { kind, range });
    }
    // A text with no blank lines at all is one group; treat its first line as
    // the title only when it is short, otherwise it is all body.
    Document {
        text,
        blocks,
        source_map,
        ..Document::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(doc: &Document) -> Vec<(BlockKind, &str)> {
        doc.blocks
            .iter()
            .map(|b| (b.kind, doc.slice(&b.range)))
            .collect()
    }

    #[test]
    fn seed_structure() {
        let doc = load_plain(include_str!("../../assets/seed.txt"));
        assert_eq!(doc.title(), Some("Red Carpet from China for Putin"));
        assert_eq!(doc.byline(), Some("Parisa Pasandepour"));
        assert_eq!(doc.reading_time(), Some("10 Min Read"));
        let headings: Vec<&str> = doc
            .headings()
            .map(|i| doc.slice(&doc.blocks[i].range))
            .collect();
        assert_eq!(
            headings,
            [
                "Red carpet for Putin",
                "Tit for tat.",
                "An imbalanced relationship",
                "Heralds of a new order"
            ]
        );
        let k = kinds(&doc);
        assert!(k.contains(&(BlockKind::Chrome, "Share This Article")));
        assert_eq!(k[3], (BlockKind::Chrome, "Red Carpet from China for Putin"));
        assert!(k.last().unwrap().1.starts_with("Master's Degree"));
    }

    #[test]
    fn wikinews_structure() {
        for (src, title, date) in [
            (
                include_str!("../../tests/eval/articles/c-hk-election.txt"),
                "New faces emerge as veteran politicians step down in Hong Kong legislative election",
                "Friday, September 9, 2016",
            ),
            (
                include_str!("../../tests/eval/articles/c-uranium-india.txt"),
                "Australia will not export uranium to India",
                "Friday, March 3, 2006",
            ),
        ] {
            let doc = load_plain(src);
            assert_eq!(doc.title(), Some(title));
            assert_eq!(doc.date(), Some(date));
            assert!(
                doc.blocks
                    .iter()
                    .filter(|b| b.kind == BlockKind::Paragraph)
                    .count()
                    >= 4
            );
            assert_eq!(doc.byline(), None);
        }
    }

    #[test]
    fn hard_wrapped_paragraph_is_one_block() {
        let doc = load_plain(
            "Title\n\nThis paragraph was wrapped\nby an editor at a narrow\nwidth, and continues.\n\nSecond one here, which is a full sentence too.\n",
        );
        let k = kinds(&doc);
        assert_eq!(k[0], (BlockKind::Title, "Title"));
        assert_eq!(k[1].0, BlockKind::Paragraph);
        assert!(k[1].1.contains("wrapped\nby an editor"));
        assert_eq!(k.len(), 3);
    }

    #[test]
    fn lists_and_crlf() {
        let doc = load_plain(
            "Title\r\n\r\nA first paragraph that is long enough to be body text, really.\r\n\r\n- one\r\n- two\r\n",
        );
        let k = kinds(&doc);
        assert_eq!(k[2], (BlockKind::ListItem, "- one"));
        assert_eq!(k[3], (BlockKind::ListItem, "- two"));
        assert!(!doc.text.contains('\r'));
    }

    #[test]
    fn lines_too_long_to_be_hard_wrapped_are_paragraphs() {
        let long = "word ".repeat(30);
        let src = format!("Ge1:1 {long}.\nGe1:2 Short.\nGe1:3 {long}.\n");
        let doc = load_plain(&src);
        assert_eq!(
            doc.title(),
            None,
            "a sentence running into more lines is no title"
        );
        let k = kinds(&doc);
        assert_eq!(k.len(), 3);
        assert!(k.iter().all(|(kind, _)| *kind == BlockKind::Paragraph));
        assert_eq!(k[1].1, "Ge1:2 Short.");
    }

    #[test]
    fn reading_time_variants() {
        for s in [
            "10 Min Read",
            "5 min read",
            "3 minutes",
            "12 minute read",
            "7min read",
        ] {
            assert!(is_reading_time(s), "{s}");
        }
        for s in ["Read more", "10 people", "min read"] {
            assert!(!is_reading_time(s), "{s}");
        }
    }
}
