"""Coordinates of places and countries (actors), of events' locations, and the map."""

from __future__ import annotations

import csv
from pathlib import Path

import polars as pl
import pytest

import communique as cq
from conftest import REPO

TEXT = (
    "Le président Kassym-Jomart Tokaïev a reçu mardi à Astana le secrétaire d'État américain "
    "Antony Blinken. Les deux hommes ont discuté de l'eau dans la région de la mer Caspienne "
    "et en Asie centrale."
)


@pytest.fixture(scope="module")
def x() -> cq.Extraction:
    return cq.extract_text(TEXT, lang="fr")


def _row(frame: pl.DataFrame, actor_id: str) -> dict:
    return frame.filter(pl.col("actor_id") == actor_id).row(0, named=True)


def test_places_and_countries_have_coordinates(x: cq.Extraction) -> None:
    assert x.actors.schema["lat"] == pl.Float64 and x.actors.schema["lon"] == pl.Float64
    assert x.actors.schema["feature"] == pl.String
    astana = _row(x.actors, "astana")
    assert astana["feature"] == "city"
    assert abs(astana["lat"] - 51.18) < 0.1 and abs(astana["lon"] - 71.45) < 0.1
    usa = _row(x.actors, "USA")
    assert usa["feature"] == "country" and 25 < usa["lat"] < 50 and -125 < usa["lon"] < -65
    sea = _row(x.actors, "caspian_sea")
    assert sea["feature"] == "site" and 36 < sea["lat"] < 48 and 46 < sea["lon"] < 55


def test_persons_and_broad_regions_have_none(x: cq.Extraction) -> None:
    for actor_id in ("kassym_jomart_tokayev", "antony_blinken", "central_asia"):
        row = _row(x.actors, actor_id)
        assert (row["lat"], row["lon"], row["feature"]) == (None, None, None), row


def test_events_take_the_coordinates_of_their_location(x: cq.Extraction) -> None:
    assert x.events.schema["lat"] == pl.Float64 and x.events.schema["lon"] == pl.Float64
    located = x.events.filter(pl.col("location").is_not_null())
    assert located.height > 0
    places = {r["actor_id"]: (r["lat"], r["lon"]) for r in x.actors.iter_rows(named=True)}
    for row in x.events.iter_rows(named=True):
        expected = places.get(row["location"], (None, None))
        assert (row["lat"], row["lon"]) == expected, row


def test_merged_actors_keep_their_coordinates(x: cq.Extraction) -> None:
    merged = cq.stream.merge_actors([x.actors, x.actors])
    assert merged.select("actor_id", "lat", "lon", "feature").equals(
        x.actors.sort("actor_id").select("actor_id", "lat", "lon", "feature")
    )


def test_every_gazetteer_row_is_a_point_on_earth() -> None:
    with open(REPO / "data" / "gazetteer.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    assert len(rows) > 1000
    assert {r["feature"] for r in rows} == {"country", "admin1", "city", "site"}
    for r in rows:
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r


matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")


def test_map_data_counts_located_events_by_place_and_class(x: cq.Extraction) -> None:
    from communique import plot

    data = plot.map_data(x)
    located = x.events.filter(pl.col("lat").is_not_null())
    assert int(data["events"].sum()) == located.height
    expected = located.group_by("location", "quad_class").len()
    got = dict(((r["location"], r["quad_class"]), r["events"]) for r in data.iter_rows(named=True))
    assert got == {
        (r["location"], r["quad_class"]): r["len"] for r in expected.iter_rows(named=True)
    }


def test_map_draws_outlines_and_events(x: cq.Extraction, tmp_path: Path) -> None:
    from communique import plot

    fig = plot.map(x)
    ax = fig.axes[0]
    # Country outlines, then one scatter per QuadClass present.
    assert len(ax.collections[0].get_paths()) > 150
    assert len(ax.collections) - 1 == plot.map_data(x)["quad_class"].n_unique()
    west, east = ax.get_xlim()
    assert west < 71.45 < east
    path = tmp_path / "map.png"
    fig.savefig(path, dpi=60)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    empty = plot.map(cq.extract_text("", lang="en"))
    assert len(empty.axes[0].collections) == 1
