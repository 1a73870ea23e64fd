"""Goldstein score and QuadClass on every event, from its CAMEO code."""

from __future__ import annotations

import csv

import polars as pl

import communique as cq
from conftest import REPO


def _published_scores() -> dict[str, float]:
    with open(REPO / "data" / "goldstein.csv", encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return {row["cameo"]: float(row["goldstein"]) for row in rows}


def test_scores_and_classes_follow_the_cameo_code() -> None:
    x = cq.extract_text(
        "Le ministre russe a condamné l'attaque. Le président Tokaïev a rencontré "
        "Antony Blinken à Astana mardi. Les deux pays ont signé un accord sur l'eau.",
        lang="fr",
    )
    events = {row["cameo"]: row for row in x.events.iter_rows(named=True)}
    assert events["111"]["goldstein"] == -2.0 and events["111"]["quad_class"] == 3
    assert events["040"]["goldstein"] == 1.0 and events["040"]["quad_class"] == 1
    assert events["057"]["goldstein"] == 8.0 and events["057"]["quad_class"] == 1


def test_every_event_of_the_sample_has_its_published_score(
    sample_result: cq.Extraction,
) -> None:
    scores = _published_scores()
    events = sample_result.events
    assert events.schema["goldstein"] == pl.Float32
    assert events.schema["quad_class"] == pl.UInt8
    assert events.height > 0 and events["goldstein"].null_count() == 0
    for row in events.iter_rows(named=True):
        assert abs(row["goldstein"] - scores[row["cameo"]]) < 1e-6
        root = int(row["cameo"][:2])
        expected = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        assert row["quad_class"] == expected


def test_an_empty_extraction_keeps_the_columns() -> None:
    events = cq.extract_text("", lang="en").events
    assert events.height == 0
    assert events.schema["goldstein"] == pl.Float32
    assert events.schema["quad_class"] == pl.UInt8
