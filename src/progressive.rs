//! Opening big texts without making the reader wait.
//!
//! A small text is loaded, laid out and analyzed at once (a few
//! milliseconds). A big one is shown from a prefix first: the first screen
//! needs only the first few kilobytes. A background thread then builds the
//! whole document and its layout (tens of milliseconds for 4 MB), sends it,
//! and goes on to find the facts (longer), which it sends when done. The
//! app swaps them in without moving the view (see `Action::Loaded` and
//! `Action::Analyzed`).

use std::sync::Arc;

use crate::document::{
    Document, Format, LoadError, check_text, load_as, load_plain, load_plain_owned, load_vec,
};
use crate::extract::{Facts, extract};
use crate::index::FactIndex;
use crate::layout::{Layout, layout};

/// Texts at least this big are opened progressively.
pub const PROGRESSIVE_MIN_BYTES: usize = 256 * 1024;
/// About how much of a big text the first screen is built from.
pub const PREFIX_BYTES: usize = 16 * 1024;

pub enum Opening {
    /// Everything is ready.
    Ready(Document, Facts),
    /// Show `prefix` now; call [`finish_in_background`] with `whole`.
    Progressive { prefix: Document, whole: Whole },
}

/// The whole text, checked, for the background loader.
pub struct Whole(String);

/// Checks the bytes and decides how to open them.
/// Only plain text is opened progressively; Markdown and HTML are
/// transformed whole.
pub fn open(bytes: Vec<u8>, format: Format, url: Option<&str>) -> Result<Opening, LoadError> {
    if format != Format::Plain {
        let doc = load_as(&bytes, format, url)?;
        let facts = extract(&doc);
        return Ok(Opening::Ready(doc, facts));
    }
    if bytes.len() < PROGRESSIVE_MIN_BYTES {
        let doc = load_vec(bytes)?;
        let facts = extract(&doc);
        return Ok(Opening::Ready(doc, facts));
    }
    let prefix = load_plain(prefix_of(check_text(&bytes)?));
    let whole = Whole(String::from_utf8(bytes).expect("checked"));
    Ok(Opening::Progressive { prefix, whole })
}

/// The start of `text` up to a line end near [`PREFIX_BYTES`], preferring a
/// paragraph break so the prefix's last block is whole.
fn prefix_of(text: &str) -> &str {
    let mut cut = PREFIX_BYTES.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    let end = head
        .rfind("\n\n")
        .filter(|&i| i > PREFIX_BYTES / 2)
        .map(|i| i + 2)
        .or_else(|| head.rfind('\n').map(|i| i + 1))
        .unwrap_or(cut);
    &text[..end]
}

/// What the background loader reports, in this order.
pub enum Progress {
    /// The whole document, laid out at the width asked for.
    Loaded(Arc<Document>, Layout),
    /// Its facts.
    Analyzed(FactIndex),
}

/// Builds the whole document (laid out at `width`) and then its facts on
/// a background thread, reporting each step to `report`, which returns
/// false when nobody listens any more.
pub fn finish_in_background(
    whole: Whole,
    width: usize,
    report: impl Fn(Progress) -> bool + Send + 'static,
) {
    std::thread::Builder::new()
        .name("factlens-load".into())
        .spawn(move || {
            let doc = Arc::new(load_plain_owned(whole.0));
            let lines = layout(&doc, width);
            if !report(Progress::Loaded(Arc::clone(&doc), lines)) {
                return;
            }
            let facts = extract(&doc);
            report(Progress::Analyzed(FactIndex::new(&doc, &facts)));
        })
        .expect("spawn the loading thread");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn channel(whole: Whole) -> std::sync::mpsc::Receiver<Progress> {
        let (tx, rx) = std::sync::mpsc::channel();
        finish_in_background(whole, 60, move |p| tx.send(p).is_ok());
        rx
    }

    #[test]
    fn prefix_ends_at_a_paragraph_or_line() {
        let para = "A sentence of a paragraph that goes on.\n".repeat(40);
        let text = format!("{para}\n").repeat(200);
        let p = prefix_of(&text);
        assert!(p.len() <= PREFIX_BYTES && p.len() > PREFIX_BYTES / 2);
        assert!(p.ends_with("\n\n"));
        assert!(text.starts_with(p));
    }

    #[test]
    fn big_text_opens_from_a_prefix_then_finishes() {
        let body =
            "Vladimir Putin met President Xi Jinping in Beijing on 16 May 2024.\n\n".repeat(8000);
        let text = format!("A Long Title\n\n{body}");
        let Ok(Opening::Progressive { prefix, whole }) =
            open(text.clone().into_bytes(), Format::Plain, None)
        else {
            panic!("a big text opens progressively")
        };
        assert!(prefix.text.len() < text.len() && text.starts_with(&prefix.text));
        assert_eq!(prefix.title(), Some("A Long Title"));
        let rx = channel(whole);
        let Ok(Progress::Loaded(doc, lines)) = rx.recv() else {
            panic!("loaded first")
        };
        assert_eq!(doc.text, text);
        assert_eq!(lines.width, 60);
        let Ok(Progress::Analyzed(index)) = rx.recv() else {
            panic!("then analyzed")
        };
        let names: Vec<&str> = index.targets.iter().map(|t| t.name.as_str()).collect();
        assert!(
            names.contains(&"Xi Jinping") && names.contains(&"Beijing"),
            "{names:?}"
        );
    }

    #[test]
    fn small_text_is_ready_at_once_and_errors_come_first() {
        assert!(matches!(
            open(b"Title\n\nBody text here.\n".to_vec(), Format::Plain, None),
            Ok(Opening::Ready(..))
        ));
        let mut big = vec![b'a'; PROGRESSIVE_MIN_BYTES + 10];
        big[5] = 0;
        assert_eq!(
            open(big, Format::Plain, None).err(),
            Some(LoadError::Binary(5))
        );
    }
}
