//! The document model: one text string, its metadata and its blocks, all as
//! byte ranges into that string.
//!
//! Every loader produces this one model. Sanitizing happens here, once, so
//! nothing downstream (extraction, layout, drawing) ever sees a control
//! character. Sanitizing may change lengths (an ESC becomes the visible `␛`),
//! so a [`SourceMap`] keeps the way back to byte offsets of the input as
//! given, which is what `--json` reports.

mod builder;
mod format;
mod html;
mod markdown;
mod plain;
mod sanitize;

use std::ops::Range;

pub use builder::Builder;
pub use format::{Format, UnknownFormat, load_as, mime_type};
pub use html::{NO_ARTICLE_NOTE, load_html};
pub use markdown::load_markdown;
pub use plain::{load_plain, load_plain_owned};
pub use sanitize::{SourceMap, is_unsafe, sanitize, sanitize_owned};

/// What a block of the article is, as far as reading is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Title,
    Byline,
    Date,
    ReadingTime,
    /// The name of the site or publication ("The Daily").
    Site,
    /// A section heading (or a subtitle in the header).
    Heading,
    Paragraph,
    ListItem,
    /// A block quotation.
    Quote,
    /// Preformatted text (code): drawn line by line, never scanned for facts.
    Code,
    /// Page furniture such as "Share This Article" or a repeated title.
    Chrome,
    /// The header row of a table: its cells, separated by ` │ `.
    TableHeader,
    /// A body row of a table. Layout draws rows by their cells (see
    /// [`Table`]), never as one run of text.
    TableRow,
}

impl BlockKind {
    /// Metadata blocks belong to the header above the article body.
    pub fn is_meta(self) -> bool {
        matches!(
            self,
            BlockKind::Title
                | BlockKind::Byline
                | BlockKind::Date
                | BlockKind::ReadingTime
                | BlockKind::Site
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// Byte range into [`Document::text`]. May contain `\n` where a paragraph
    /// was hard-wrapped in the source; layout treats them as spaces.
    pub range: Range<usize>,
}

/// A hyperlink: the linked text and where it points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub range: Range<usize>,
    pub url: String,
}

/// How a table column's cells sit in their column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
}

/// One row of a [`Table`]: its block and its cells' text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableRow {
    /// Index of the row's block (a `TableHeader` or `TableRow`) in
    /// [`Document::blocks`].
    pub block: usize,
    /// Each cell's text, trimmed: byte ranges inside the row's block, in
    /// column order. An empty cell is an empty range. A row may have fewer
    /// cells than the table has columns.
    pub cells: Vec<Range<usize>>,
}

/// A table's structure over its row blocks, so layout can line the
/// columns up for the width at hand. The rows' text (cells joined by
/// ` │ `) stays ordinary block text for search and extraction.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// One per column, as the source asked (left when it did not say).
    pub aligns: Vec<Align>,
    /// The rows in order, consecutive blocks; the first is the header when
    /// its block is a `TableHeader` (a header of empty cells has no block).
    pub rows: Vec<TableRow>,
}

impl Table {
    /// Number of columns: the widest row or the alignments, whichever has more.
    pub fn columns(&self) -> usize {
        self.rows
            .iter()
            .map(|r| r.cells.len())
            .max()
            .unwrap_or(0)
            .max(self.aligns.len())
    }

    pub fn align(&self, column: usize) -> Align {
        self.aligns.get(column).copied().unwrap_or_default()
    }
}

/// What `--json` offsets refer to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Offsets {
    /// Byte offsets into the input as given (plain text, Markdown).
    #[default]
    Source,
    /// Byte offsets into the extracted text (HTML reader mode), which
    /// `--json --with-text` prints.
    Text,
    /// Byte offsets into the input decoded to UTF-8 (a UTF-16 file, a
    /// windows-1252 page), which `--json --with-text` prints.
    Decoded,
}

#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The sanitized text; every position in the program indexes this.
    pub text: String,
    pub blocks: Vec<Block>,
    pub links: Vec<Link>,
    /// Inline code spans (`` `code` `` in Markdown, `<code>` in HTML), in
    /// order: drawn in their own style.
    pub code: Vec<Range<usize>>,
    /// Tables, in order; their rows are blocks of the table kinds.
    pub tables: Vec<Table>,
    pub source_map: SourceMap,
    pub offsets: Offsets,
    /// What the loader wants the reader to know ("no article found: showing
    /// the whole page").
    pub notes: Vec<String>,
}

impl Document {
    pub fn slice(&self, range: &Range<usize>) -> &str {
        &self.text[range.clone()]
    }

    fn first_of(&self, kind: BlockKind) -> Option<&str> {
        self.blocks
            .iter()
            .find(|b| b.kind == kind)
            .map(|b| self.slice(&b.range))
    }

    pub fn title(&self) -> Option<&str> {
        self.first_of(BlockKind::Title)
    }

    pub fn byline(&self) -> Option<&str> {
        self.first_of(BlockKind::Byline)
    }

    pub fn date(&self) -> Option<&str> {
        self.first_of(BlockKind::Date)
    }

    /// The site's or publication's name, when the page gives it.
    pub fn site(&self) -> Option<&str> {
        self.first_of(BlockKind::Site)
    }

    pub fn reading_time(&self) -> Option<&str> {
        self.first_of(BlockKind::ReadingTime)
    }

    /// Indexes of the section headings of the body, in reading order.
    pub fn headings(&self) -> impl Iterator<Item = usize> + '_ {
        self.blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind == BlockKind::Heading)
            .map(|(i, _)| i)
    }

    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

/// Why an input cannot be read as an article. Each message names the problem;
/// the caller adds the path.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum LoadError {
    #[error("the file is empty")]
    Empty,
    #[error("this looks like binary data, not text (NUL byte at offset {0})")]
    Binary(usize),
    #[error(
        "not valid UTF-8 (invalid byte at offset {0}); convert it first, e.g. `iconv -f latin1 -t utf-8`"
    )]
    InvalidUtf8(usize),
}

/// Checks raw bytes and turns them into a sanitized document.
///
/// Invalid UTF-8 is an error rather than a lossy decode: a reader that
/// silently shows replacement characters hides the real problem (a Latin-1
/// file), and `--json` offsets must refer to the bytes as given.
pub fn load_bytes(bytes: &[u8]) -> Result<Document, LoadError> {
    check_text(bytes)?;
    Ok(load_plain(std::str::from_utf8(bytes).expect("checked")))
}

/// Like [`load_bytes`], taking ownership so the text is never copied.
pub fn load_vec(bytes: Vec<u8>) -> Result<Document, LoadError> {
    check_text(&bytes)?;
    Ok(load_plain_owned(String::from_utf8(bytes).expect("checked")))
}

/// The checks every loader makes before reading bytes as text: not binary,
/// valid UTF-8, not empty.
pub fn check_text(bytes: &[u8]) -> Result<&str, LoadError> {
    // NUL never occurs in text; look at the head only so huge files stay fast.
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if let Some(pos) = head.iter().position(|&b| b == 0) {
        return Err(LoadError::Binary(pos));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| LoadError::InvalidUtf8(e.valid_up_to()))?;
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_specific() {
        assert_eq!(load_bytes(b"").unwrap_err(), LoadError::Empty);
        assert_eq!(load_bytes(b"  \n\n \t").unwrap_err(), LoadError::Empty);
        assert_eq!(load_bytes(b"ab\0cd").unwrap_err(), LoadError::Binary(2));
        assert_eq!(
            load_bytes(b"caf\xe9 au lait").unwrap_err(),
            LoadError::InvalidUtf8(3)
        );
    }
}
