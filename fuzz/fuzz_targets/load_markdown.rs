#![no_main]
//! The Markdown loader on arbitrary text; kept ASCII letters map back to
//! the same letter of the input.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|src: &str| {
    let doc = factlens::document::load_markdown(src);
    factlens_fuzz::check_doc(&doc);
});
