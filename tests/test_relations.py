"""The relations of events and commitments (date, place, status, donor) on articles written for
them (`tests/data/relations/`: French and English, wire and machine-translated styles, with gold
in the evaluation's format), scored by the evaluation's `score.py`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import communique as cq

RELATIONS = Path(__file__).parent / "data" / "relations"
SCORER = Path(
    os.environ.get(
        "COMMUNIQUE_SCORER",
        Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py",
    )
)

# What the rules reach on these articles. Articles 01-06 were the ones the rules were written on
# (1.0 for every relation but the English event date, 0.89: the reception of en06 is scored
# against the visit of the day before, which shares more participants with it). Articles 07-10
# were written with their gold before the extractors ran on them; measured then, French gave
# date 0.87, location 0.93, status 0.72, donor 0.80, English date 0.81, location 0.53, status
# 0.90, donor 0.63. Articles 11-12 likewise, measured blind: French date 1.0, location 0.67,
# status 0.83, donor 0.83, events F1 0.80, commitments F1 0.75; English date 0.86, location
# 0.83, status 0.91, donor 0.64, events F1 0.88, commitments F1 0.96. Fixed since with general
# rules, on all twenty-four the lowest relation is the English donor (0.91: "financed by the
# Export-Import Bank of Korea" is read as the US bank), events F1 0.82 (fr) and 0.84 (en),
# commitments F1 0.98 (fr; the parts of fr12 written without their currency, "dont 1,2
# milliard pour…", now take the sum's) and 0.99; one miss costs about 0.03.
RELATION_FLOOR = 0.90
EVENTS_F1_FLOOR = 0.80
COMMITMENTS_F1_FLOOR = 0.98


@pytest.fixture(scope="module")
def predicted(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("relations")
    cq.extract(cq.read_texts(RELATIONS / "corpus")).write_parquet(out)
    return out


def score(predicted: Path, lang: str, tmp_path: Path) -> dict:
    if not SCORER.exists():
        pytest.skip(f"the evaluation scorer is not at {SCORER} (set COMMUNIQUE_SCORER)")
    gold = tmp_path / f"gold_{lang}"
    gold.mkdir()
    for path in (RELATIONS / "gold").glob(f"{lang}*.json"):
        shutil.copy(path, gold)
    done = subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(predicted), "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout)


def test_every_article_has_its_gold():
    texts = {p.stem for p in (RELATIONS / "corpus").glob("*.txt")}
    golds = {p.stem for p in (RELATIONS / "gold").glob("*.json")}
    assert texts == golds
    assert len(texts) >= 24
    assert {t[:2] for t in texts} == {"fr", "en"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_relations_hold_on_the_written_articles(predicted, lang, tmp_path):
    result = score(predicted, lang, tmp_path)
    for relation in ("event_date", "event_location", "commitment_status", "commitment_donor"):
        assert result[relation]["n"] >= 8, relation
        assert result[relation]["accuracy"] >= RELATION_FLOOR, (relation, result[relation])
    assert result["events"]["f1"] >= EVENTS_F1_FLOOR, result["events"]
    assert result["commitments"]["f1"] >= COMMITMENTS_F1_FLOOR, result["commitments"]
