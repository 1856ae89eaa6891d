//! Builds a [`Document`] piece by piece, for loaders whose text is not the
//! input itself (Markdown, HTML): each piece is sanitized as it is added,
//! blocks are separated by a blank line, and, when the loader knows where a
//! piece came from, the source map keeps the way back to input offsets.
//!
//! [`Blocks`] adds the block structure both tree walkers need on top of
//! that (which block is open, quote and list nesting, list markers), so an
//! HTML page and a Markdown file with the same structure read the same.

use std::ops::Range;

use super::{
    Align, Block, BlockKind, Document, Link, Offsets, SourceMap, Table, TableRow, sanitize,
};

#[derive(Default)]
pub struct Builder {
    text: String,
    blocks: Vec<Block>,
    links: Vec<Link>,
    code: Vec<Range<usize>>,
    tables: Vec<Table>,
    map: SourceMap,
    mapped: bool,
    block_start: Option<usize>,
    /// How many links there were when the open block started: its own
    /// links come after.
    block_links: usize,
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
            self.block_links = self.links.len();
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
    /// the block's range; an empty block is dropped. Returns the block's
    /// index, unless it was dropped.
    pub fn end_block(&mut self, kind: BlockKind) -> Option<usize> {
        let start = self.block_start.take()?;
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
            self.map.truncate(self.text.len());
            return None;
        }
        let range = start + lead..start + lead + trimmed.len();
        self.blocks.push(Block { kind, range });
        Some(self.blocks.len() - 1)
    }

    /// The open block's text so far and how many of its bytes lie inside
    /// links; `None` when no block is open.
    pub fn open_block(&self) -> Option<(&str, usize)> {
        let start = self.block_start?;
        let linked = self.links[self.block_links..]
            .iter()
            .filter(|l| l.range.start >= start)
            .map(|l| l.range.len())
            .sum();
        Some((&self.text[start..], linked))
    }

    /// Drops the open block, its links and code spans: a filter found it is
    /// not part of the article.
    pub fn discard_block(&mut self) {
        let Some(start) = self.block_start.take() else {
            return;
        };
        let cut = start.saturating_sub(2);
        self.text.truncate(cut);
        self.map.truncate(cut);
        // A link that began before the block and closed inside it ends
        // where the text now ends. Code spans lie inside their block
        // (`code`): the block's go with it.
        self.links.retain_mut(|l| {
            l.range.end = l.range.end.min(cut);
            l.range.start < l.range.end
        });
        self.code.retain(|c| c.start < cut);
    }

    fn block(&self, index: usize) -> &Block {
        &self.blocks[index]
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

    /// Marks `range` of the text as inline code; whitespace at its edges is
    /// left out, so the span lies inside its block. A span that does not
    /// lie in the open block (an element that spread over blocks) is not
    /// marked.
    pub fn code(&mut self, range: Range<usize>) {
        if self.block_start.is_none_or(|b| range.start < b) {
            return;
        }
        let Some(s) = self.text.get(range.clone()) else {
            return;
        };
        let start = range.start + (s.len() - s.trim_start().len());
        let end = start + s.trim().len();
        if start < end {
            self.code.push(start..end);
        }
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
        self.code.sort_by_key(|r| r.start);
        Document {
            text: self.text,
            blocks: self.blocks,
            links: self.links,
            code: self.code,
            tables: self.tables,
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

/// A [`Builder`] plus the block nesting of a tree walk: the open block,
/// the quotes, lists and items around it. Text outside any block element
/// (a bare text node, a tight list item) still needs a block, and which one
/// depends on what surrounds it.
pub struct Blocks {
    b: Builder,
    /// Kind of the open block, if any: given when the block ends.
    open: Option<BlockKind>,
    /// Whether the open block holds more than a list marker.
    has_content: bool,
    quote_depth: usize,
    item_depth: usize,
    /// Next number of each open list (`None` for bullet lists).
    lists: Vec<Option<u64>>,
    /// The table being read, if any.
    table: Option<TableDraft>,
}

/// A table while its rows are read: the finished rows, the open row's
/// cells and where the open cell started.
struct TableDraft {
    table: Table,
    cells: Vec<Range<usize>>,
    cell_start: Option<usize>,
}

impl Blocks {
    pub fn new() -> Blocks {
        Blocks {
            b: Builder::new(),
            open: None,
            has_content: false,
            quote_depth: 0,
            item_depth: 0,
            lists: Vec::new(),
            table: None,
        }
    }

    /// Current end of the text: where the next piece will go.
    pub fn len(&self) -> usize {
        self.b.len()
    }

    /// Appends a piece to the open block; see [`Builder::push`]. A piece
    /// pushed with no block open starts an untyped one, ended as a
    /// Paragraph at the latest by [`Blocks::finish`].
    pub fn push(&mut self, piece: &str, source: Option<usize>) -> Range<usize> {
        self.b.push(piece, source)
    }

    /// A whole block on its own (metadata), after the open one.
    pub fn push_block(&mut self, piece: &str, source: Option<usize>, kind: BlockKind) {
        self.close();
        self.b.push(piece, source);
        self.b.end_block(kind);
    }

    pub fn link(&mut self, range: Range<usize>, url: &str) {
        self.b.link(range, url);
    }

    pub fn note(&mut self, note: impl Into<String>) {
        self.b.note(note);
    }

    /// Marks `range` of the text as inline code; see [`Builder::code`].
    pub fn code(&mut self, range: Range<usize>) {
        self.b.code(range);
    }

    pub fn open_kind(&self) -> Option<BlockKind> {
        self.open
    }

    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    pub fn has_content(&self) -> bool {
        self.open.is_some() && self.has_content
    }

    /// Notes that the open block holds text, not just a list marker: a
    /// paragraph right after the marker continues the item rather than
    /// starting a new block.
    pub fn mark_content(&mut self) {
        self.has_content = true;
    }

    /// Closes the open block, if any, and opens one of `kind`.
    pub fn open(&mut self, kind: BlockKind) {
        self.close();
        self.b.start_block();
        self.open = Some(kind);
    }

    /// Ends the open block, if any; returns whether it held content (HTML
    /// counts those to know how far into the body it is).
    pub fn close(&mut self) -> bool {
        let had = match self.open.take() {
            Some(kind) => {
                self.b.end_block(kind);
                self.has_content
            }
            None => false,
        };
        self.has_content = false;
        had
    }

    /// The open block's text and its linked bytes; see [`Builder::open_block`].
    pub fn open_block(&self) -> Option<(&str, usize)> {
        self.open?;
        self.b.open_block()
    }

    /// Drops the open block, if any; see [`Builder::discard_block`].
    pub fn discard(&mut self) {
        if self.open.take().is_some() {
            self.b.discard_block();
        }
        self.has_content = false;
    }

    /// Gives the open block another kind (a heading that turned out to be
    /// furniture); does nothing when no block is open.
    pub fn retag(&mut self, kind: BlockKind) {
        if self.open.is_some() {
            self.open = Some(kind);
        }
    }

    /// The kind a paragraph opened here would have. Code wins over quote and
    /// quote over list item whatever their nesting: text in a list inside a
    /// quotation still reads as quoted.
    pub fn context_kind(&self, in_code: bool) -> BlockKind {
        if in_code {
            BlockKind::Code
        } else if self.quote_depth > 0 {
            BlockKind::Quote
        } else if self.item_depth > 0 {
            BlockKind::ListItem
        } else {
            BlockKind::Paragraph
        }
    }

    /// Opens a block of the context's kind unless one is open, so text
    /// outside any block element is not lost.
    pub fn ensure_open(&mut self, in_code: bool) {
        if self.open.is_none() {
            let kind = self.context_kind(in_code);
            self.open(kind);
        }
    }

    pub fn enter_quote(&mut self) {
        self.quote_depth += 1;
    }

    pub fn leave_quote(&mut self) {
        self.quote_depth = self.quote_depth.saturating_sub(1);
    }

    pub fn enter_item(&mut self) {
        self.item_depth += 1;
    }

    pub fn leave_item(&mut self) {
        self.item_depth = self.item_depth.saturating_sub(1);
    }

    /// Starts a list: numbered from `first`, or bulleted when `None`.
    pub fn push_list(&mut self, first: Option<u64>) {
        self.lists.push(first);
    }

    pub fn pop_list(&mut self) {
        self.lists.pop();
    }

    /// The marker of the next item of the innermost list ("3. ", counting
    /// up, or "• "). An item outside any list gets a bullet.
    pub fn item_marker(&mut self) -> String {
        match self.lists.last_mut() {
            Some(Some(n)) => {
                let m = format!("{n}. ");
                *n += 1;
                m
            }
            _ => "• ".to_owned(),
        }
    }

    /// Starts a table with these column alignments; rows follow with
    /// [`Blocks::start_row`].
    pub fn start_table(&mut self, aligns: Vec<Align>) {
        self.end_table();
        self.close();
        self.table = Some(TableDraft {
            table: Table {
                aligns,
                rows: Vec::new(),
            },
            cells: Vec::new(),
            cell_start: None,
        });
    }

    /// Opens a row: a block of its own. Outside a table it is still a
    /// block, so no text is lost.
    pub fn start_row(&mut self, header: bool) {
        self.open(if header {
            BlockKind::TableHeader
        } else {
            BlockKind::TableRow
        });
        if let Some(t) = &mut self.table {
            t.cells.clear();
            t.cell_start = None;
        }
    }

    /// Opens a cell of the open row; cells after the first are set off by
    /// ` │ ` in the text (mapped to `source`, the cell's own start), so the
    /// row still reads as a row when searched or extracted.
    pub fn start_cell(&mut self, source: Option<usize>) {
        self.end_cell();
        let Some(t) = &self.table else { return };
        if !t.cells.is_empty() {
            self.b.push(" │ ", source);
        }
        self.b.start_block();
        let at = self.b.len();
        if let Some(t) = &mut self.table {
            t.cell_start = Some(at);
        }
    }

    /// Closes the open cell: its text, trimmed, becomes the cell's range.
    pub fn end_cell(&mut self) {
        let end = self.b.len();
        let Some(t) = &mut self.table else { return };
        let Some(start) = t.cell_start.take() else {
            return;
        };
        let body = &self.b.text[start..end];
        let lead = body.len() - body.trim_start().len();
        let range = start + lead..start + lead + body.trim().len();
        t.cells.push(range);
    }

    /// Closes the open row. A row whose block came out empty (one empty
    /// cell) is left out of the table along with its block.
    pub fn end_row(&mut self) {
        self.end_cell();
        let Some(kind) = self.open.take() else { return };
        self.has_content = false;
        let index = self.b.end_block(kind);
        let Some(t) = &mut self.table else { return };
        let cells = std::mem::take(&mut t.cells);
        let Some(index) = index else { return };
        let block = self.b.block(index).range.clone();
        // An empty cell at the row's edge lies in the whitespace trimmed
        // off the block: pin it to the block's edge.
        let cells = cells
            .into_iter()
            .map(|c| {
                let s = c.start.clamp(block.start, block.end);
                s..c.end.clamp(s, block.end)
            })
            .collect();
        t.table.rows.push(TableRow {
            block: index,
            cells,
        });
    }

    /// Closes the table (and its open row); a table without rows is dropped.
    pub fn end_table(&mut self) {
        if self.table.is_none() {
            return;
        }
        if matches!(
            self.open,
            Some(BlockKind::TableHeader | BlockKind::TableRow)
        ) {
            self.end_row();
        }
        if let Some(t) = self.table.take()
            && !t.table.rows.is_empty()
        {
            self.b.tables.push(t.table);
        }
    }

    /// The finished document, the open block closed.
    pub fn finish(mut self, offsets: Offsets) -> Document {
        self.end_table();
        self.close();
        self.b.finish(offsets)
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

    #[test]
    fn blocks_take_the_kind_of_their_context() {
        let mut b = Blocks::new();
        b.ensure_open(false);
        b.push("plain", None);
        b.enter_quote();
        b.close();
        b.ensure_open(false);
        b.push("quoted", None);
        b.close();
        b.enter_item();
        b.ensure_open(false);
        // An item inside a quote still reads as quoted.
        assert_eq!(b.open_kind(), Some(BlockKind::Quote));
        b.close();
        b.leave_quote();
        b.ensure_open(false);
        assert_eq!(b.open_kind(), Some(BlockKind::ListItem));
        b.close();
        b.leave_item();
        // Leaving more than was entered does not underflow.
        b.leave_item();
        b.leave_quote();
        b.ensure_open(true);
        assert_eq!(b.open_kind(), Some(BlockKind::Code));
        b.push("    code();", None);
        let doc = b.finish(Offsets::Text);
        let kinds: Vec<_> = doc.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [BlockKind::Paragraph, BlockKind::Quote, BlockKind::Code]
        );
        assert_eq!(doc.text, "plain\n\nquoted\n\n    code();");
    }

    #[test]
    fn ensure_open_keeps_the_open_block() {
        let mut b = Blocks::new();
        b.open(BlockKind::Heading);
        b.ensure_open(false);
        assert_eq!(b.open_kind(), Some(BlockKind::Heading));
        b.push("Head", None);
        b.retag(BlockKind::Chrome);
        assert!(b.is_open());
        b.close();
        assert!(!b.is_open());
        // Nothing open: nothing to retag.
        b.retag(BlockKind::Heading);
        assert_eq!(b.open_kind(), None);
        let doc = b.finish(Offsets::Text);
        assert_eq!(doc.blocks[0].kind, BlockKind::Chrome);
    }

    #[test]
    fn close_tells_whether_the_block_had_content() {
        let mut b = Blocks::new();
        assert!(!b.close());
        b.open(BlockKind::ListItem);
        let marker = b.item_marker();
        b.push(&marker, None);
        assert!(!b.has_content());
        assert!(!b.close());
        b.open(BlockKind::Paragraph);
        b.push("text", None);
        b.mark_content();
        assert!(b.has_content());
        assert!(b.close());
        assert!(!b.has_content());
    }

    #[test]
    fn list_markers_count_per_list() {
        let mut b = Blocks::new();
        assert_eq!(b.item_marker(), "• ");
        b.push_list(Some(3));
        assert_eq!(b.item_marker(), "3. ");
        b.push_list(None);
        assert_eq!(b.item_marker(), "• ");
        b.pop_list();
        assert_eq!(b.item_marker(), "4. ");
        b.pop_list();
        assert_eq!(b.item_marker(), "• ");
    }

    #[test]
    fn pushed_blocks_and_links_reach_the_document() {
        let mut b = Blocks::new();
        b.open(BlockKind::Paragraph);
        b.push("open", Some(0));
        b.push_block("Title", Some(10), BlockKind::Title);
        assert!(!b.is_open());
        b.open(BlockKind::Paragraph);
        let at = b.len();
        b.push("a link", Some(20));
        b.link(at..b.len(), "https://example.org");
        b.note("a note");
        let doc = b.finish(Offsets::Source);
        assert_eq!(doc.text, "open\n\nTitle\n\na link");
        assert_eq!(doc.title(), Some("Title"));
        assert_eq!(doc.slice(&doc.links[0].range), "a link");
        assert_eq!(doc.notes, ["a note"]);
        assert_eq!(doc.offsets, Offsets::Source);
        assert_eq!(doc.source_map.to_source(doc.text.find("link").unwrap()), 22);
    }
}
