//! Byte decoding on arbitrary bytes: never panics, and valid UTF-8 without a BOM comes back
//! unchanged.
#![no_main]

use communique::text::encoding::decode;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let d = decode(data);
    if let Ok(text) = std::str::from_utf8(data) {
        if !d.bom {
            assert_eq!(d.text, text);
            assert!(!d.replaced);
        }
    }
});
