//! HTML extraction on any text: no panic, and a page either yields text or is refused.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|html: &str| {
    let _ = claimdiff::corpus::page::extract(html);
});
