//! Builds a [`Document`] piece by piece, for loaders whose text is not the
//! input itself (Markdown, HTML): each piece is sanitized as it is added,
//! blocks are separated by a blank line, and, when the loader knows where a
//! piece came from, the source map keeps the way back to input offsets.

use std::ops::Range;

use super::{Block, BlockKind, Document, Link, Offsets, SourceMap, sanitize};

#[derive(Default)]
pub struct Builder {
    text: String,
    blocks: Vec<Block>,
    links: Vec<Link>,
    map: SourceMap,
    mapped: bool,
    block_start: Option<usize>,
    notes: Vec<String>,
}

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }

    /// Current end of the text: where the next piece will go.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Starts a block (closing none: call [`Builder::end_block`] for that).
    pub fn start_block(&mut self) {
        if self.block_start.is_none() {
            if !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            self.block_start = Some(self.text.len());
        }
    }

    /// Appends a piece of text to the open block (opening one if needed).
    /// `source` is the byte offset of the piece in the input, when known.
    pub fn push(&mut self, piece: &str, source: Option<usize>) -> Range<usize> {
        self.start_block();
        let (clean, map) = sanitize(piece);
        let at = self.text.len();
        if let Some(src) = source {
            self.mapped = true;
            self.map.extend_shifted(&map, at, src);
        }
        self.text.push_str(&clean);
        at..self.text.len()
    }

    /// Ends the open block as `kind`. Surrounding whitespace is trimmed off
    /// the block's range; an empty block is dropped.
    pub fn end_block(&mut self, kind: BlockKind) {
        let Some(start) = self.block_start.take() else {
            return;
        };
        let body = &self.text[start..];
        // Code keeps its indentation: only blank lines around it go.
        let (lead, trimmed) = if kind == BlockKind::Code {
            let t = body.trim_start_matches('\n').trim_end();
            (body.len() - body.trim_start_matches('\n').len(), t)
        } else {
            (body.len() - body.trim_start().len(), body.trim())
        };
        if trimmed.is_empty() {
            self.text
                .truncate(start.saturating_sub(2).min(self.text.len()));
            if start < 2 {
                self.text.truncate(0);
            }
            return;
        }
        let range = start + lead..start + lead + trimmed.len();
        self.blocks.push(Block { kind, range });
    }

    pub fn link(&mut self, range: Range<usize>, url: &str) {
        if !range.is_empty() && !url.is_empty() {
            let (url, _) = sanitize(url);
            self.links.push(Link { range, url });
        }
    }

    pub fn note(&mut self, note: impl Into<String>) {
        self.notes.push(note.into());
    }

    /// The finished document. Offsets refer to the input when every piece
    /// said where it came from, else to the text.
    pub fn finish(mut self, offsets: Offsets) -> Document {
        if self.block_start.is_some() {
            self.end_block(BlockKind::Paragraph);
        }
        let offsets = if offsets == Offsets::Source && self.mapped {
            Offsets::Source
        } else {
            Offsets::Text
        };
        // Drawing looks links up by position.
        self.links.sort_by_key(|l| (l.range.start, l.range.end));
        Document {
            text: self.text,
            blocks: self.blocks,
            links: self.links,
            source_map: if offsets == Offsets::Source {
                self.map
            } else {
                SourceMap::default()
            },
            offsets,
            notes: self.notes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_separated_and_mapped() {
        let src = "# Title\n\nSome *em* text.";
        let mut b = Builder::new();
        b.push("Title", Some(2));
        b.end_block(BlockKind::Title);
        b.push("Some ", Some(9));
        let em = b.push("em", Some(15));
        b.push(" text.", Some(18));
        b.end_block(BlockKind::Paragraph);
        b.link(em.clone(), "https://example.org");
        let doc = b.finish(Offsets::Source);
        assert_eq!(doc.text, "Title\n\nSome em text.");
        assert_eq!(doc.blocks.len(), 2);
        assert_eq!(doc.slice(&doc.blocks[1].range), "Some em text.");
        // "em" maps back to the input's "em" inside the asterisks.
        let m = doc.source_map.to_source(em.start);
        assert_eq!(&src[m..m + 2], "em");
        let t = doc.source_map.to_source(doc.text.find("text").unwrap());
        assert_eq!(&src[t..t + 4], "text");
        assert_eq!(doc.links[0].url, "https://example.org");
    }

    #[test]
    fn code_keeps_its_indentation() {
        let mut b = Builder::new();
        b.push("\n    indented();\n", None);
        b.end_block(BlockKind::Code);
        let doc = b.finish(Offsets::Text);
        assert_eq!(doc.slice(&doc.blocks[0].range), "    indented();");
    }

    #[test]
    fn empty_blocks_vanish_and_pieces_are_sanitized() {
        let mut b = Builder::new();
        b.push("  ", None);
        b.end_block(BlockKind::Paragraph);
        b.push("a\u{1b}[2Jb", None);
        b.end_block(BlockKind::Paragraph);
        let doc = b.finish(Offsets::Text);
        assert_eq!(doc.text, "a\u{241b}[2Jb");
        assert_eq!(doc.blocks.len(), 1);
        assert_eq!(doc.offsets, Offsets::Text);
    }
}
