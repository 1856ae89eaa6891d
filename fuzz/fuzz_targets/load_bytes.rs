#![no_main]
//! The plain-text loader on arbitrary bytes: errors are fine, panics are
//! not; kept ASCII letters map back to the same letter of the input.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = factlens::document::load_bytes(data) {
        factlens_fuzz::check_doc(&doc);
        factlens_fuzz::check_source_map(&doc, data);
    }
});
