//! Where places and countries are: coordinates and feature class from the bundled gazetteer
//! (`data/gazetteer.csv`: GeoNames cities, Natural Earth country centres, hand-kept sites),
//! looked up by actor id.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

const GAZETTEER: &str = include_str!("../data/gazetteer.csv");

/// A point and what lies there: `country`, `admin1`, `city` or `site`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Location {
    pub lat: f64,
    pub lon: f64,
    pub feature: &'static str,
}

#[derive(Deserialize)]
struct Row {
    id: String,
    country: String,
    feature: String,
    lat: f64,
    lon: f64,
}

const FEATURES: [&str; 4] = ["country", "admin1", "city", "site"];

/// Rows by id, the most populous first (the file's order).
static ROWS: LazyLock<HashMap<String, Vec<(String, Location)>>> = LazyLock::new(|| {
    let mut rows: HashMap<String, Vec<(String, Location)>> = HashMap::new();
    let reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(GAZETTEER.as_bytes());
    for row in reader.into_deserialize::<Row>() {
        let row = row.expect("data/gazetteer.csv: valid rows");
        let feature = FEATURES
            .into_iter()
            .find(|f| *f == row.feature)
            .expect("data/gazetteer.csv: a known feature");
        let location = Location {
            lat: row.lat,
            lon: row.lon,
            feature,
        };
        rows.entry(row.id)
            .or_default()
            .push((row.country, location));
    }
    rows
});

/// The cities of the gazetteer: `(id, name, country)`, the most populous first.
pub fn cities() -> Vec<(String, String, String)> {
    #[derive(Deserialize)]
    struct City {
        id: String,
        name: String,
        country: String,
        feature: String,
    }
    csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(GAZETTEER.as_bytes())
        .into_deserialize::<City>()
        .map(|row| row.expect("data/gazetteer.csv: valid rows"))
        .filter(|c| c.feature == "city")
        .map(|c| (c.id, c.name, c.country))
        .collect()
}

/// The location of an actor: a country by its ISO code, a place by its id (in its country
/// when it has one: a place of the same name elsewhere is not it). Persons and organisations
/// have none.
pub fn locate(actor_id: &str, kind: &str, country: Option<&str>) -> Option<Location> {
    let rows = ROWS.get(actor_id)?;
    let is_country = |l: &Location| l.feature == "country";
    match kind {
        "country" => rows.iter().map(|(_, l)| *l).find(is_country),
        "place" => rows
            .iter()
            .filter(|(c, l)| !is_country(l) && country.is_none_or(|want| c == want))
            .map(|(_, l)| *l)
            .next(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_and_capitals_have_their_coordinates() {
        let kaz = locate("KAZ", "country", Some("KAZ")).expect("Kazakhstan");
        assert_eq!(kaz.feature, "country");
        assert!((40.0..56.0).contains(&kaz.lat) && (46.0..88.0).contains(&kaz.lon));
        let astana = locate("astana", "place", Some("KAZ")).expect("Astana");
        assert_eq!(astana.feature, "city");
        assert!((astana.lat - 51.18).abs() < 0.1 && (astana.lon - 71.45).abs() < 0.1);
    }

    #[test]
    fn a_place_is_found_in_its_own_country_only() {
        let paris = locate("paris", "place", Some("FRA")).expect("Paris, France");
        assert!((paris.lat - 48.85).abs() < 0.1);
        assert_eq!(locate("paris", "place", Some("KAZ")), None);
        // Without a country, the most populous of the name.
        assert_eq!(locate("paris", "place", None), Some(paris));
    }

    #[test]
    fn sites_regions_and_other_kinds() {
        assert_eq!(
            locate("tengiz", "place", Some("KAZ")).unwrap().feature,
            "site"
        );
        assert_eq!(
            locate("xinjiang", "place", Some("CHN")).unwrap().feature,
            "admin1"
        );
        assert_eq!(locate("central_asia", "place", None), None);
        assert_eq!(locate("astana", "person", None), None);
        assert_eq!(locate("KAZ", "place", Some("KAZ")), None);
        assert_eq!(locate("", "country", None), None);
    }

    #[test]
    fn every_capital_of_the_dictionary_is_located() {
        let places = include_str!("../data/places.csv");
        let mut reader = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .from_reader(places.as_bytes());
        let mut capitals = 0;
        for row in reader.records() {
            let row = row.unwrap();
            let (id, country, kind) = (&row[0], &row[2], &row[3]);
            if kind == "capital" {
                capitals += 1;
                let country = Some(country).filter(|c| !c.is_empty());
                assert!(
                    locate(id, "place", country).is_some(),
                    "{id} has no coordinates"
                );
            }
        }
        assert!(capitals > 150);
    }
}
