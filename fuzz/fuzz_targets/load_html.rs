#![no_main]
//! The HTML loader (reader mode, then whole page) on arbitrary text.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|src: &str| {
    let doc = factlens::document::load_html(src, Some("https://example.org/a/b.html"));
    factlens_fuzz::check_doc(&doc);
});
