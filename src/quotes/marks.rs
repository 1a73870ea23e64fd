//! Quotation marks: the spans of text between « », “ ” and straight double quotes, within one
//! paragraph. Quotes nested inside a quotation are part of its words.

/// One quotation, byte offsets: the opening mark, the quoted words (without the marks, inner
/// spaces and a trailing comma), and the end of the closing mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Marks {
    pub open: usize,
    pub start: usize,
    pub end: usize,
    pub close_end: usize,
}

/// The longest quotation looked for: a quoted paragraph of news is far shorter.
const MAX_QUOTATION: usize = 4_000;

/// A straight quote opens after a space, a bracket, a dash or a colon, before a non-space.
fn opens_straight(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    before.is_none_or(|c| c.is_whitespace() || "([{—–-:".contains(c))
        && after.is_some_and(|c| !c.is_whitespace())
}

/// Every pair of matching marks within a paragraph, (opening byte, closing byte), found in one
/// pass: « » and “ ” nest, a straight quote closes the one before it.
fn pairs(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let (mut guillemets, mut curly): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
    let mut straight: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '\n' => {
                guillemets.clear();
                curly.clear();
                straight = None;
            }
            '«' => guillemets.push(i),
            '“' => curly.push(i),
            '»' => found.extend(guillemets.pop().map(|o| (o, i))),
            '”' => found.extend(curly.pop().map(|o| (o, i))),
            '"' => match straight.take() {
                Some(o) => found.push((o, i)),
                None => straight = opens_straight(text, i).then_some(i),
            },
            _ => {}
        }
    }
    found.sort_unstable();
    found
}

/// Every quotation of `text`, in order, none inside another.
pub(super) fn quotations(text: &str) -> Vec<Marks> {
    let mut found = Vec::new();
    let mut covered_to = 0;
    for (open, close) in pairs(text) {
        if open < covered_to || close - open > MAX_QUOTATION {
            continue;
        }
        let mark_len = |at: usize| text[at..].chars().next().map_or(1, char::len_utf8);
        let close_end = close + mark_len(close);
        found.extend(trimmed(text, open, open + mark_len(open), close, close_end));
        covered_to = close_end;
    }
    found
}

fn trimmed(text: &str, open: usize, from: usize, to: usize, close_end: usize) -> Option<Marks> {
    let inner = &text[from..to];
    let lead = inner.len() - inner.trim_start().len();
    let words = inner.trim();
    let words = words.strip_suffix(',').unwrap_or(words).trim_end();
    (!words.is_empty()).then(|| Marks {
        open,
        start: from + lead,
        end: from + lead + words.len(),
        close_end,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        quotations(text)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect()
    }

    #[test]
    fn guillemets_lose_their_inner_spaces() {
        let text = "Il a dit : «\u{a0}Nous avançons\u{a0}» puis « encore\u{202f}».";
        assert_eq!(words(text), ["Nous avançons", "encore"]);
    }

    #[test]
    fn nested_quotes_stay_inside_the_quotation() {
        let text = "« Il m'a répondu « jamais » hier », a-t-il dit. “She said “no” twice.”";
        assert_eq!(
            words(text),
            ["Il m'a répondu « jamais » hier", "She said “no” twice."]
        );
    }

    #[test]
    fn straight_quotes_pair_up_and_keep_to_their_paragraph() {
        let text = "\"We agree,\" he said. The pipe is 5\" wide.\n\"Unclosed here.\nNext \"one\".";
        assert_eq!(words(text), ["We agree", "one"]);
    }

    #[test]
    fn an_unclosed_mark_is_no_quotation() {
        assert!(quotations("« jamais fermé\n» trop tard").is_empty());
        assert!(quotations("“ ”").is_empty());
    }
}
