#![no_main]
//! Extraction on arbitrary plain text.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|src: &str| {
    let doc = factlens::document::load_plain(src);
    factlens_fuzz::check_doc(&doc);
    let facts = factlens::extract::extract(&doc);
    factlens_fuzz::check_facts(&doc, &facts);
});
