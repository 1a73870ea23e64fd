//! Where an event sits between conflict and cooperation: the Goldstein score of its CAMEO code
//! (`data/goldstein.csv`, GDELT's published table) and GDELT's QuadClass from the code's root.

use std::collections::HashMap;
use std::sync::LazyLock;

const TABLE: &str = include_str!("../data/goldstein.csv");

static SCORES: LazyLock<HashMap<&'static str, f32>> = LazyLock::new(|| {
    TABLE
        .lines()
        .filter(|line| !line.starts_with('#'))
        .skip(1)
        .filter_map(|line| {
            let (code, score) = line.split_once(',')?;
            Some((code, score.trim().parse().ok()?))
        })
        .collect()
});

/// The Goldstein score (−10 … +10) of a CAMEO event code. A code the table lacks (CAMEO
/// revisions added a few four-digit codes) takes the score of its nearest parent code.
pub fn goldstein(cameo: &str) -> Option<f32> {
    let mut code = cameo;
    while code.len() >= 2 {
        if let Some(&score) = SCORES.get(code) {
            return Some(score);
        }
        code = &code[..code.len() - 1];
    }
    None
}

/// GDELT's QuadClass of a CAMEO event code, from its two-digit root: 1 verbal cooperation
/// (01–05), 2 material cooperation (06–08), 3 verbal conflict (09–13), 4 material conflict
/// (14–20).
pub fn quad_class(cameo: &str) -> Option<u8> {
    let root: u8 = cameo.get(..2)?.parse().ok()?;
    match root {
        1..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 => Some(3),
        14..=20 => Some(4),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_follow_the_published_table() {
        assert_eq!(goldstein("040"), Some(1.0));
        assert_eq!(goldstein("057"), Some(8.0));
        assert_eq!(goldstein("0331"), Some(5.2));
        assert_eq!(goldstein("111"), Some(-2.0));
        assert_eq!(goldstein("190"), Some(-10.0));
    }

    #[test]
    fn a_code_missing_from_the_table_takes_its_parent_score() {
        assert_eq!(goldstein("1213"), goldstein("121"));
        assert_eq!(goldstein("1213"), Some(-4.0));
        assert_eq!(goldstein("99"), None);
        assert_eq!(goldstein(""), None);
    }

    #[test]
    fn quad_class_comes_from_the_root() {
        assert_eq!(quad_class("040"), Some(1));
        assert_eq!(quad_class("057"), Some(1));
        assert_eq!(quad_class("071"), Some(2));
        assert_eq!(quad_class("111"), Some(3));
        assert_eq!(quad_class("150"), Some(4));
        assert_eq!(quad_class("2042"), Some(4));
        assert_eq!(quad_class("00"), None);
        assert_eq!(quad_class("x1"), None);
    }

    #[test]
    fn every_event_code_of_the_plover_mapping_has_a_score() {
        let codes = include_str!("../data/cameo_plover.csv")
            .lines()
            .filter(|line| !line.starts_with('#'))
            .skip(1)
            .filter_map(|line| line.split(',').next());
        for code in codes {
            let score = goldstein(code).unwrap_or_else(|| panic!("{code} has no score"));
            assert!((-10.0..=10.0).contains(&score), "{code}: {score}");
            assert!(quad_class(code).is_some(), "{code} has no quad class");
        }
    }
}
