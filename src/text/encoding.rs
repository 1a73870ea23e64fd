//! Raw bytes to text: scraped pages arrive in whatever encoding their site used.
//!
//! The decision, in order: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) wins; then bytes that
//! are valid UTF-8, or UTF-8 damaged in a few places (a truncated last character, a stray
//! byte), are UTF-8; otherwise `chardetng` guesses the legacy encoding from the bytes
//! (Windows-1252 for most French pages of the 2000s). Encoding names are the WHATWG ones
//! (`UTF-8`, `windows-1252`, `UTF-16LE`, ...): ISO-8859-1 is read as its superset
//! `windows-1252`, as browsers do. Bytes the chosen encoding cannot decode become U+FFFD.
//!
//! Binary content (an image, an archive, a PDF renamed `.txt`) is recognised by its control
//! characters: among the first [`BINARY_SAMPLE`] characters of the decoded text, more than 5 %
//! when the bytes were neither valid UTF-8 nor marked by a BOM (legacy text has almost none,
//! while random bytes read as Windows-1252 give about 13 %), more than 30 % otherwise (UTF-8
//! text with stray NULs is still text). Tab, line feed, form feed and carriage return are not
//! counted; U+FFFD is.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};

/// Text decoded from bytes, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// WHATWG name of the encoding used.
    pub encoding: &'static str,
    /// Some bytes could not be decoded and were replaced by U+FFFD.
    pub replaced: bool,
    /// The bytes started with a byte-order mark (not part of `text`).
    pub bom: bool,
    /// The decoded text is mostly control characters: the bytes are no text.
    pub binary: bool,
}

impl Decoded {
    /// What went wrong in reading, for the document's `error`: binary content, replaced bytes.
    pub fn problem(&self) -> Option<String> {
        let binary = self
            .binary
            .then_some("binary content: mostly control characters, not text");
        let replaced = self.replaced.then(|| {
            format!(
                "undecodable bytes as {}; replaced with U+FFFD",
                self.encoding
            )
        });
        match (binary, replaced) {
            (Some(b), Some(r)) => Some(format!("{b}; {r}")),
            (b, r) => b.map(str::to_string).or(r),
        }
    }
}

/// How many decoded characters the binary test reads.
const BINARY_SAMPLE: usize = 1 << 16;

/// The detector reads at most this much: enough to settle the encoding of any page, and
/// detection cost stays flat on huge files.
const DETECTION_PREFIX: usize = 1 << 20;

/// Decodes `bytes`, never failing: see the module documentation for how the encoding is chosen.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return with(encoding, &bytes[bom_len..], true);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            binary: control_share(text) > 0.30,
            text: text.to_string(),
            encoding: UTF_8.name(),
            replaced: false,
            bom: false,
        };
    }
    if mostly_utf8(bytes) {
        return with(UTF_8, bytes, false);
    }
    let mut decoded = with(guess(bytes), bytes, false);
    decoded.binary = control_share(&decoded.text) > 0.05;
    decoded
}

fn with(encoding: &'static Encoding, bytes: &[u8], bom: bool) -> Decoded {
    let (text, replaced) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        binary: control_share(&text) > 0.30,
        text: text.into_owned(),
        encoding: encoding.name(),
        replaced,
        bom,
    }
}

/// The share of control characters (and U+FFFD) among the first [`BINARY_SAMPLE`] characters.
fn control_share(text: &str) -> f64 {
    let (mut seen, mut controls) = (0usize, 0usize);
    for c in text.chars().take(BINARY_SAMPLE) {
        seen += 1;
        if (c.is_control() && !matches!(c, '\t' | '\n' | '\u{c}' | '\r')) || c == '\u{fffd}' {
            controls += 1;
        }
    }
    if seen == 0 {
        0.0
    } else {
        controls as f64 / seen as f64
    }
}

/// UTF-8 with a few bad bytes: no more invalid sequences than well-formed multi-byte
/// characters, or the only one is a character cut at the end of the file. Legacy 8-bit text
/// and random bytes seldom form valid multi-byte sequences, so they fail this test.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut invalid, mut cut_at_end) = (0usize, 0usize, false);
    let mut chunks = bytes.utf8_chunks().peekable();
    while let Some(chunk) = chunks.next() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
            // An incomplete sequence ends the input: the last chunk has no valid text after it.
            cut_at_end = chunks.peek().is_none() && chunk.invalid().len() < 4;
        }
    }
    (invalid == 1 && cut_at_end) || (multibyte > 0 && invalid <= multibyte)
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    let prefix = &bytes[..bytes.len().min(DETECTION_PREFIX)];
    detector.feed(prefix, prefix.len() == bytes.len());
    detector.guess(None, Utf8Detection::Deny)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn windows_1252(text: &str) -> Vec<u8> {
        encoding_rs::WINDOWS_1252.encode(text).0.into_owned()
    }

    #[test]
    fn binary_content_is_told_from_text_with_stray_controls() {
        // A PNG header and pseudo-random bytes, as an image renamed `.txt` brings.
        let mut image = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        let mut state = 7u32;
        image.extend((0..4096).map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (state >> 16) as u8
        }));
        assert!(decode(&image).binary);
        assert!(decode(&[0u8; 512]).binary);
        let french = "Le ministre a signé l'accord à Astana.\n\tFin.\r\n";
        assert!(!decode(french.as_bytes()).binary);
        assert!(!decode(&windows_1252(french)).binary);
        assert!(!decode(french.replace(' ', "\0 ").as_bytes()).binary);
        assert!(!decode(b"").binary);
    }

    #[test]
    fn utf8_is_kept_as_is() {
        let d = decode("Le ministre a signé l'accord à Astana.".as_bytes());
        assert_eq!(d.text, "Le ministre a signé l'accord à Astana.");
        assert_eq!((d.encoding, d.replaced, d.bom), ("UTF-8", false, false));
    }

    #[test]
    fn empty_and_ascii_are_utf8() {
        assert_eq!(decode(b"").text, "");
        assert_eq!(decode(b"").encoding, "UTF-8");
        assert_eq!(decode(b"plain text").encoding, "UTF-8");
    }

    #[test]
    fn boms_are_honoured_and_stripped() {
        let d = decode("\u{feff}Bonjour".as_bytes());
        assert_eq!(
            (d.text.as_str(), d.encoding, d.bom),
            ("Bonjour", "UTF-8", true)
        );

        let mut le = vec![0xFF, 0xFE];
        le.extend("Aïe".encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(&le);
        assert_eq!(
            (d.text.as_str(), d.encoding, d.bom),
            ("Aïe", "UTF-16LE", true)
        );

        let mut be = vec![0xFE, 0xFF];
        be.extend("Aïe".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).text, "Aïe");
        assert_eq!(decode(&be).encoding, "UTF-16BE");
    }

    #[test]
    fn french_windows_1252_is_detected() {
        let text = "Le vice-ministre des Affaires étrangères a été reçu à Washington. \
                    Les deux délégations ont évoqué la coopération économique et la sécurité \
                    régionale, ainsi qu'un prêt de 25 millions d'euros.";
        let d = decode(&windows_1252(text));
        assert_eq!(d.text, text);
        assert_eq!(d.encoding, "windows-1252");
        assert!(!d.replaced && !d.bom);
    }

    #[test]
    fn iso_8859_1_reads_as_windows_1252() {
        // "Café à Astana, été 2023." in ISO-8859-1: identical bytes below 0x80 and for these letters.
        let bytes = b"Caf\xe9 \xe0 Astana, \xe9t\xe9 2023. Le d\xe9l\xe9gu\xe9 est arriv\xe9.";
        let d = decode(bytes);
        assert_eq!(d.text, "Café à Astana, été 2023. Le délégué est arrivé.");
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn utf8_cut_in_the_last_character_stays_utf8() {
        let mut bytes = "Réunion à Almaty, fin".as_bytes().to_vec();
        bytes.extend_from_slice(&"é".as_bytes()[..1]);
        let d = decode(&bytes);
        assert_eq!(d.text, "Réunion à Almaty, fin\u{fffd}");
        assert_eq!((d.encoding, d.replaced), ("UTF-8", true));
    }

    #[test]
    fn a_stray_byte_in_utf8_is_replaced_not_redecoded() {
        let mut bytes = "Délégation kazakhe à Genève, négociations prolongées "
            .as_bytes()
            .to_vec();
        bytes.push(0x9D);
        bytes.extend_from_slice("et accord signé.".as_bytes());
        let d = decode(&bytes);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.replaced);
        assert!(d.text.contains("Délégation") && d.text.contains('\u{fffd}'));
    }

    #[test]
    fn any_bytes_decode_without_panicking() {
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for len in [1usize, 2, 3, 7, 64, 1000, 5000] {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state as u8
                })
                .collect();
            let d = decode(&bytes);
            assert!(!d.encoding.is_empty());
            if len >= 1000 {
                assert_ne!(d.encoding, "UTF-8", "noise is not taken for damaged UTF-8");
            }
        }
        for bytes in [
            &b"\xff"[..],
            b"\xfe",
            b"\xff\xfe",
            b"\xfe\xff\x00",
            b"\xef\xbb",
            b"\0\0\0",
        ] {
            let _ = decode(bytes);
        }
    }
}
