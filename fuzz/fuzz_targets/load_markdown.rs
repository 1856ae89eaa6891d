#![no_main]
//! The Markdown loader on arbitrary text; kept ASCII letters map back to
//! the same letter of the input; its layout (tables too) keeps the layout
//! invariants at a width taken from the input.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|src: &str| {
    let doc = factlens::document::load_markdown(src);
    factlens_fuzz::check_doc(&doc);
    let width = src.len() % 97;
    factlens_fuzz::check_layout(&doc, &factlens::layout::layout(&doc, width), width);
});
