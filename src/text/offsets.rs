//! Byte offsets (what Rust string handling uses) to code-point offsets (what Python's `str`
//! indexing and the tables use), with checkpoints so a conversion costs a short scan.

const STRIDE: usize = 256;

pub struct CodePoints<'a> {
    text: &'a str,
    /// Code-point count at every `STRIDE`-th byte boundary (rounded down to a char boundary).
    checkpoints: Vec<(usize, u32)>,
}

impl<'a> CodePoints<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut next = 0usize;
        for (count, (at, _)) in text.char_indices().enumerate() {
            if at >= next {
                checkpoints.push((at, count as u32));
                next = at + STRIDE;
            }
        }
        if checkpoints.is_empty() {
            checkpoints.push((0, 0));
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
}
