#![no_main]
//! Layout of arbitrary plain text at a width taken from the input.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&w, rest)) = data.split_first() else {
        return;
    };
    let Ok(src) = std::str::from_utf8(rest) else {
        return;
    };
    // Mostly narrow widths, where wrapping is hardest; 0 must work too.
    let width = usize::from(w % 128);
    let doc = factlens::document::load_plain(src);
    let l = factlens::layout::layout(&doc, width);
    factlens_fuzz::check_layout(&doc, &l, width);
});
