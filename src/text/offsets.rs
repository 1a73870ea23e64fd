//! Byte offsets (what Rust string handling uses) to code-point offsets (what Python's `str`
//! indexing and the tables use), with checkpoints so a conversion costs a short scan.

const STRIDE: usize = 256;

pub struct CodePoints<'a> {
    text: &'a str,
    /// Code-point count at byte 0 and then at the first char boundary at least `STRIDE` bytes
    /// after the previous checkpoint, up to the last char.
    checkpoints: Vec<(usize, u32)>,
}

impl<'a> CodePoints<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        checkpoints.push((0, 0));
        let (mut at, mut count) = (0usize, 0u32);
        loop {
            let mut next = at + STRIDE;
            while next < text.len() && !text.is_char_boundary(next) {
                next += 1;
            }
            if next >= text.len() {
                break;
            }
            // Counting a run of chars, not visiting each: a fast byte count.
            count += text[at..next].chars().count() as u32;
            checkpoints.push((next, count));
            at = next;
        }
        CodePoints { text, checkpoints }
    }

    /// Code-point offset of byte offset `byte` (which must be a char boundary; clamped to the text).
    pub fn at(&self, byte: usize) -> u32 {
        let byte = byte.min(self.text.len());
        let i = self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1;
        let (base, count) = self.checkpoints[i];
        count + self.text[base..byte].chars().count() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_code_points_not_bytes() {
        let text = "é😀 d’État\u{202f}x".repeat(100);
        let map = CodePoints::new(&text);
        for (at, _) in text.char_indices() {
            assert_eq!(map.at(at) as usize, text[..at].chars().count());
        }
        assert_eq!(map.at(text.len()) as usize, text.chars().count());
        assert_eq!(CodePoints::new("").at(0), 0);
    }

    #[test]
    fn checkpoints_at_char_boundaries_a_stride_apart() {
        for len in [0, 1, 255, 256, 257, 600] {
            let text: String = "é😀 x".chars().cycle().take(len).collect();
            let mut expected = Vec::new();
            let mut next = 0;
            for (count, (at, _)) in text.char_indices().enumerate() {
                if at >= next {
                    expected.push((at, count as u32));
                    next = at + STRIDE;
                }
            }
            if expected.is_empty() {
                expected.push((0, 0));
            }
            assert_eq!(CodePoints::new(&text).checkpoints, expected, "{len}");
        }
    }
}
