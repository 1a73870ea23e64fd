//! Yearly average exchange rates bundled from `data/rates.csv` (see its header for sources).

use std::collections::HashMap;
use std::sync::OnceLock;

const RATES: &str = include_str!("../../data/rates.csv");

/// How far from the asked year a rate may come.
const MAX_YEAR_GAP: i32 = 2;

fn table() -> &'static HashMap<String, Vec<(i32, f64)>> {
    static TABLE: OnceLock<HashMap<String, Vec<(i32, f64)>>> = OnceLock::new();
    TABLE.get_or_init(|| parse(RATES))
}

fn parse(src: &str) -> HashMap<String, Vec<(i32, f64)>> {
    let mut out: HashMap<String, Vec<(i32, f64)>> = HashMap::new();
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .has_headers(true)
        .from_reader(src.as_bytes());
    for rec in reader.records().flatten() {
        let (Some(cur), Some(year), Some(rate)) = (rec.get(0), rec.get(1), rec.get(2)) else {
            continue;
        };
        let (Ok(year), Ok(rate)) = (year.trim().parse::<i32>(), rate.trim().parse::<f64>()) else {
            continue;
        };
        if rate.is_finite() && rate > 0.0 {
            out.entry(cur.trim().to_ascii_uppercase())
                .or_default()
                .push((year, rate));
        }
    }
    out
}

/// US dollars per unit of `currency` in `year`, or in the nearest year within two years
/// (the earlier one on a tie).
pub(super) fn usd_per_unit(currency: &str, year: i32) -> Option<f64> {
    let code = currency.trim().to_ascii_uppercase();
    if code == "USD" {
        return Some(1.0);
    }
    table()
        .get(&code)?
        .iter()
        .filter(|(y, _)| (y - year).abs() <= MAX_YEAR_GAP)
        .min_by_key(|(y, _)| ((y - year).abs(), *y))
        .map(|&(_, r)| r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_table_parses() {
        let t = table();
        for code in [
            "KZT", "UZS", "KGS", "TJS", "RUB", "CNY", "EUR", "GBP", "JPY", "KRW", "INR", "TRY",
        ] {
            for year in 2010..=2025 {
                assert!(usd_per_unit(code, year).is_some(), "{code} {year}");
            }
            assert!(t.contains_key(code));
        }
    }

    #[test]
    fn nearest_year_within_two() {
        let eur = usd_per_unit("EUR", 2025).unwrap_or(0.0);
        assert!(eur > 0.9 && eur < 1.4);
        assert_eq!(usd_per_unit("EUR", 2027), Some(eur));
        assert_eq!(usd_per_unit("EUR", 2031), None);
        assert_eq!(usd_per_unit("USD", 1800), Some(1.0));
        assert_eq!(usd_per_unit("XXX", 2020), None);
        assert_eq!(usd_per_unit("", 2020), None);
    }

    #[test]
    fn kzt_magnitude() {
        // about 460 tenge to the dollar in 2022
        let r = usd_per_unit("kzt", 2022).unwrap_or(0.0);
        assert!((1.0 / r - 460.0).abs() < 10.0);
    }

    #[test]
    fn bad_rows_are_skipped() {
        let t = parse("# c\ncurrency,year,usd_per_unit\nAAA,x,1\nBBB,2020,-1\nCCC,2020,0.5\n,,\n");
        assert_eq!(t.len(), 1);
        assert_eq!(t.get("CCC"), Some(&vec![(2020, 0.5)]));
    }
}
