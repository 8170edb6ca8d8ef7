//! The JSON Lines reader on any bytes: one line parsed directly, and the bytes read as a whole
//! file (line splitting, CR handling, the size limit); neither may panic.
#![no_main]

use claimdiff::corpus::Options;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let opts = Options {
        lossy: bytes.first().is_some_and(|b| b & 1 == 1),
        max_doc_bytes: 4096,
    };
    let _ = claimdiff::corpus::jsonl::parse_line("fuzz.jsonl:1", bytes, opts);
    claimdiff::corpus::jsonl::read("fuzz.jsonl", bytes, opts, &mut |_| {});
});
