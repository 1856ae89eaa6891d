//! Reads a Markdown article (CommonMark plus tables and strikethrough).
//!
//! Every piece of text is pushed with its byte offset in the Markdown input,
//! so `--json` offsets stay offsets into the file as given
//! ([`Offsets::Source`]). Pieces the input does not contain verbatim (list
//! markers, table cell separators) are mapped to the source syntax they
//! stand for (the `-` or `1.` of the item, the start of the cell): a piece
//! pushed without an offset would silently inherit the previous piece's
//! mapping and point at unrelated source bytes.
//!
//! A YAML front matter block (`---` … `---` at the very top) gives the
//! Title, Byline (`author:`) and Date (`date:`); an H1 repeating that
//! title is Chrome. Without a `title:`, the first level-1 heading is the
//! title.

use std::ops::Range;

use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::builder::Blocks;
use super::{Align, BlockKind, Document, Offsets};

/// Parses `src` as Markdown into a sanitized document whose offsets refer
/// to `src`.
pub fn load_markdown(src: &str) -> Document {
    let mut w = Writer::new(src);
    let body_start = w.front_matter();
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let body = &src[body_start..];
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = range.start + body_start..range.end + body_start;
        w.event(event, range);
    }
    w.finish()
}

struct Writer<'s> {
    src: &'s str,
    blocks: Blocks,
    have_title: bool,
    in_code: bool,
    /// Link destinations and where their text starts.
    links: Vec<(usize, String)>,
    /// Inside `<script>`/`<style>` of raw HTML.
    in_raw_script: bool,
    /// The front matter's title, if any.
    front_title: Option<String>,
    /// Text of the open level-1 heading.
    h1_text: Option<String>,
}

impl<'s> Writer<'s> {
    fn new(src: &'s str) -> Writer<'s> {
        Writer {
            src,
            blocks: Blocks::new(),
            have_title: false,
            in_code: false,
            links: Vec::new(),
            in_raw_script: false,
            front_title: None,
            h1_text: None,
        }
    }

    /// Reads a YAML front matter block, if any; returns where the Markdown
    /// body starts.
    fn front_matter(&mut self) -> usize {
        let src = self.src;
        let first = src.split_inclusive('\n').next().unwrap_or("");
        if first.trim_end() != "---" {
            return 0;
        }
        let mut at = first.len();
        let mut fields: Vec<(&str, Range<usize>)> = Vec::new();
        let mut closed = None;
        for line in src[at..].split_inclusive('\n') {
            let body = line.trim_end();
            if body == "---" || body == "..." {
                closed = Some(at + line.len());
                break;
            }
            if let Some((raw_key, value)) = body.split_once(':') {
                let key = raw_key.trim();
                // From the raw key's length: trimming it (a key followed by
                // spaces or carriage returns) must not shift the value.
                let vstart = at + raw_key.len() + 1 + (value.len() - value.trim_start().len());
                let v = value.trim();
                // Strip one pair of YAML quotes.
                let (vs, vl) = match v.as_bytes() {
                    [b'"', .., b'"'] | [b'\'', .., b'\''] if v.len() >= 2 => {
                        (vstart + 1, v.len() - 2)
                    }
                    _ => (vstart, v.len()),
                };
                if !key.starts_with(char::is_whitespace) && line.starts_with(key) {
                    fields.push((key, vs..vs + vl));
                }
            }
            at += line.len();
        }
        let Some(end) = closed else {
            return 0;
        };
        for (want, kind) in [
            ("title", BlockKind::Title),
            ("author", BlockKind::Byline),
            ("date", BlockKind::Date),
        ] {
            if let Some((_, r)) = fields
                .iter()
                .find(|(k, r)| k.eq_ignore_ascii_case(want) && !r.is_empty())
            {
                self.blocks.push_block(&src[r.clone()], Some(r.start), kind);
                if kind == BlockKind::Title {
                    self.have_title = true;
                    self.front_title = Some(src[r.clone()].trim().to_owned());
                }
            }
        }
        end
    }

    /// Pushes a piece found at `at` in the source, opening a block if none is.
    fn text(&mut self, piece: &str, at: usize) {
        if self.in_raw_script {
            return;
        }
        self.blocks.ensure_open(self.in_code);
        if !piece.trim().is_empty() {
            self.blocks.mark_content();
        }
        if let Some(h1) = self.h1_text.as_mut() {
            h1.push_str(piece);
        }
        self.blocks.push(piece, Some(at));
    }

    /// Pushes a piece of text found in `range` of the source. When the
    /// source spells it differently (an escape, an entity, a code span
    /// whose newlines became spaces, a `\|` in a table cell), each word is
    /// placed on its own spelling in the source, so the words after the
    /// difference still map to themselves.
    fn text_in(&mut self, piece: &str, range: &Range<usize>) {
        let s = self.src.get(range.clone()).unwrap_or("");
        if let Some(i) = s.find(piece) {
            self.text(piece, range.start + i);
            return;
        }
        let mut from = 0;
        let mut rest = piece;
        while !rest.is_empty() {
            let space = rest.starts_with(char::is_whitespace);
            let end = rest
                .find(|c: char| c.is_whitespace() != space)
                .unwrap_or(rest.len());
            let part = &rest[..end];
            if !space && let Some(j) = s[from..].find(part) {
                from += j;
                self.text(part, range.start + from);
                from += part.len();
            } else {
                self.text(part, range.start + from);
            }
            rest = &rest[end..];
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Code(t) if !self.in_raw_script => {
                self.blocks.ensure_open(self.in_code);
                let start = self.blocks.len();
                self.text_in(&t, &range);
                self.blocks.code(start..self.blocks.len());
            }
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.text_in(&t, &range);
            }
            Event::SoftBreak | Event::HardBreak => {
                if self.blocks.is_open() {
                    self.blocks.push("\n", Some(range.start));
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => self.raw_html(&html, range.start),
            Event::FootnoteReference(_) | Event::Rule | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph => {
                // A paragraph right after a list marker continues the item.
                if !self.blocks.is_open() || self.blocks.has_content() {
                    let kind = self.blocks.context_kind(self.in_code);
                    self.blocks.open(kind);
                }
            }
            Tag::Heading { level, .. } => {
                let kind = if level == HeadingLevel::H1 && !self.have_title {
                    self.have_title = true;
                    BlockKind::Title
                } else {
                    BlockKind::Heading
                };
                self.blocks.open(kind);
                if level == HeadingLevel::H1 {
                    self.h1_text = Some(String::new());
                }
            }
            Tag::BlockQuote(_) => {
                self.blocks.close();
                self.blocks.enter_quote();
            }
            Tag::CodeBlock(_) => {
                self.in_code = true;
                self.blocks.open(BlockKind::Code);
            }
            Tag::HtmlBlock => {
                let kind = self.blocks.context_kind(self.in_code);
                self.blocks.open(kind);
            }
            Tag::List(first) => {
                self.blocks.close();
                self.blocks.push_list(first);
            }
            Tag::Item => {
                self.blocks.enter_item();
                self.blocks.open(BlockKind::ListItem);
                let marker = self.blocks.item_marker();
                // Mapped to the item's own marker in the source.
                self.blocks.push(&marker, Some(range.start));
            }
            Tag::Table(aligns) => {
                let aligns = aligns
                    .iter()
                    .map(|a| match a {
                        Alignment::Center => Align::Center,
                        Alignment::Right => Align::Right,
                        Alignment::None | Alignment::Left => Align::Left,
                    })
                    .collect();
                self.blocks.start_table(aligns);
            }
            Tag::TableHead => self.blocks.start_row(true),
            Tag::TableRow => self.blocks.start_row(false),
            Tag::TableCell => self.blocks.start_cell(Some(range.start)),
            Tag::Link { dest_url, .. } => {
                self.blocks.ensure_open(self.in_code);
                self.links.push((self.blocks.len(), dest_url.to_string()));
            }
            Tag::Image { .. }
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::HtmlBlock => {
                self.blocks.close();
            }
            TagEnd::Heading(_) => {
                // An H1 that repeats the front matter's title is furniture.
                if let Some(h1) = self.h1_text.take()
                    && self.front_title.as_deref() == Some(h1.trim())
                    && self.blocks.open_kind() == Some(BlockKind::Heading)
                {
                    self.blocks.retag(BlockKind::Chrome);
                }
                self.blocks.close();
            }
            TagEnd::CodeBlock => {
                self.blocks.close();
                self.in_code = false;
            }
            TagEnd::BlockQuote(_) => {
                self.blocks.close();
                self.blocks.leave_quote();
            }
            TagEnd::List(_) => {
                self.blocks.close();
                self.blocks.pop_list();
            }
            TagEnd::Item => {
                self.blocks.close();
                self.blocks.leave_item();
            }
            TagEnd::TableCell => self.blocks.end_cell(),
            TagEnd::TableHead | TagEnd::TableRow => self.blocks.end_row(),
            TagEnd::Table => self.blocks.end_table(),
            TagEnd::Link => {
                if let Some((start, url)) = self.links.pop() {
                    self.blocks.link(start..self.blocks.len(), &url);
                }
            }
            _ => {}
        }
    }

    /// Raw HTML inside Markdown: keeps the text between tags, drops the
    /// tags, comments, scripts and styles.
    fn raw_html(&mut self, html: &str, at: usize) {
        let mut i = 0;
        let bytes = html.as_bytes();
        while i < html.len() {
            if bytes[i] == b'<' {
                let end = html[i..].find('>').map_or(html.len(), |e| i + e + 1);
                let tag = html[i + 1..end]
                    .trim_start_matches('/')
                    .to_ascii_lowercase();
                let closing = html[i + 1..].starts_with('/');
                if tag.starts_with("script") || tag.starts_with("style") {
                    self.in_raw_script = !closing;
                }
                i = end;
            } else {
                let end = html[i..].find('<').map_or(html.len(), |e| i + e);
                let piece = &html[i..end];
                let only_blank = piece.trim().is_empty();
                if !only_blank || self.blocks.is_open() {
                    self.text(piece, at + i);
                }
                i = end;
            }
        }
    }

    fn finish(self) -> Document {
        self.blocks.finish(Offsets::Source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_left_empty_by_sanitizing_leaves_the_source_map_exact() {
        // The third row holds only bidi overrides: its block is dropped, and
        // the map must not keep its offsets for the row written after it.
        let src = "| Paris |\n|---|\n|  |\n| \u{202e} \u{202e} |\n| lyon |\n";
        let doc = load_markdown(src);
        let at = doc.text.find("lyon").expect("the last row");
        assert_eq!(&src[doc.source_map.to_source(at)..][..4], "lyon");
    }

    #[test]
    fn structure_and_offsets() {
        let src = "# Title\n\nSome *em* and [a link](https://x.org).\n\n- one\n- two\n\n```\ncode  here\n```\n";
        let doc = load_markdown(src);
        assert_eq!(doc.title(), Some("Title"));
        let kinds: Vec<_> = doc.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Title,
                BlockKind::Paragraph,
                BlockKind::ListItem,
                BlockKind::ListItem,
                BlockKind::Code
            ]
        );
        assert_eq!(doc.slice(&doc.blocks[2].range), "• one");
        assert_eq!(doc.slice(&doc.blocks[4].range), "code  here");
        assert_eq!(doc.links[0].url, "https://x.org");
        assert_eq!(doc.slice(&doc.links[0].range), "a link");
        assert_eq!(doc.offsets, Offsets::Source);
        for w in ["Some", "em", "link", "two", "here"] {
            let t = doc.text.find(w).unwrap();
            let s = doc.source_map.to_source(t);
            assert_eq!(&src[s..s + w.len()], w);
        }
    }

    #[test]
    fn front_matter_keys_with_trailing_space_keep_values_whole() {
        // Found by fuzzing: a key followed by carriage returns, a value with
        // a multi-byte character, once cut inside it.
        let src = include_str!("../../tests/fixtures/fuzz-front-matter-cr.md");
        let doc = load_markdown(src);
        let title = doc.title().expect("a title");
        assert!(
            title.starts_with("H<") && title.ends_with("e."),
            "{title:?}"
        );
        let doc = load_markdown("---\ntitle   : Spaced Key\nauthor\t: Ann Lee\n---\n\nBody.\n");
        assert_eq!(doc.title(), Some("Spaced Key"));
        assert_eq!(doc.byline(), Some("Ann Lee"));
    }

    #[test]
    fn front_matter_gives_metadata() {
        let src =
            "---\ntitle: \"Hello\"\nauthor: Ann Lee\ndate: 2024-01-02\n---\n# Hello\n\nBody.\n";
        let doc = load_markdown(src);
        assert_eq!(doc.title(), Some("Hello"));
        assert_eq!(doc.byline(), Some("Ann Lee"));
        assert_eq!(doc.date(), Some("2024-01-02"));
        assert_eq!(doc.blocks[3].kind, BlockKind::Chrome);
        let t = doc.text.find("Ann").unwrap();
        let s = doc.source_map.to_source(t);
        assert_eq!(&src[s..s + 3], "Ann");
    }

    #[test]
    fn tables_keep_their_rows_cells_and_alignments() {
        let src = "Intro.\n\n| City | Pop. | Note |\n|:--|--:|:-:|\n| Paris | 2.1 |  |\n|  | 8.9 | `a \\| b` |\n\nAfter.\n";
        let doc = load_markdown(src);
        assert_eq!(doc.tables.len(), 1);
        let t = &doc.tables[0];
        assert_eq!(t.aligns, [Align::Left, Align::Right, Align::Center]);
        let kinds: Vec<_> = t.rows.iter().map(|r| doc.blocks[r.block].kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::TableHeader,
                BlockKind::TableRow,
                BlockKind::TableRow
            ]
        );
        let cells: Vec<Vec<&str>> = t
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| doc.slice(c)).collect())
            .collect();
        assert_eq!(
            cells,
            [
                vec!["City", "Pop.", "Note"],
                vec!["Paris", "2.1", ""],
                vec!["", "8.9", "a | b"],
            ]
        );
        // The row's text still reads as a row, for search and extraction.
        assert_eq!(
            doc.slice(&doc.blocks[t.rows[1].block].range),
            "Paris │ 2.1 │"
        );
        // Empty cells at a row's edge stay inside the row's block.
        for row in &t.rows {
            let block = &doc.blocks[row.block].range;
            for c in &row.cells {
                assert!(
                    block.start <= c.start && c.end <= block.end,
                    "{c:?} {block:?}"
                );
            }
        }
        // Cell text maps back to the source, also after an escaped pipe.
        for w in ["Paris", "2.1", "8.9", "b"] {
            let at = doc.text.find(w).unwrap();
            let s = doc.source_map.to_source(at);
            assert_eq!(&src[s..s + w.len()], w);
        }
        assert_eq!(
            doc.blocks.last().map(|b| doc.slice(&b.range)),
            Some("After.")
        );
    }

    #[test]
    fn inline_code_spans_are_kept() {
        let src = "Run `cargo build` now.\n\n| a | `b` |\n|---|---|\n| `c d` | e |\n\n<script>`no`</script>\n";
        let doc = load_markdown(src);
        let spans: Vec<&str> = doc.code.iter().map(|c| doc.slice(c)).collect();
        assert_eq!(spans, ["cargo build", "b", "c d"]);
        // Inside their blocks, and mapped to the source.
        let at = doc.code[0].start;
        let s = doc.source_map.to_source(at);
        assert_eq!(&src[s..s + 5], "cargo");
        assert!(doc.blocks[0].range.contains(&doc.code[0].start));
    }
}
