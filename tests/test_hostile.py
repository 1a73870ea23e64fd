"""The hostile corpus (scripts/make_hostile_corpus.py): dirty input never crashes, never loses a
document, stays within bounded memory, and gives the same frames on a second run."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

import communique as cq
from communique import _core
from conftest import REPO, assert_spans

SCRIPT = REPO / "scripts" / "make_hostile_corpus.py"
EMPTY = 10_000
# Peak memory growth allowed for the whole corpus (25 MB of text): generous, but far below what
# a quadratic structure over the 20 MB document or the 10 000 empty ones would need.
MAX_RSS_GROWTH = 2 * 1024**3


def _peak_rss() -> int:
    """Peak resident set size of this process in bytes (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    subprocess.run(
        [sys.executable, str(SCRIPT), str(folder), "--empty", str(EMPTY)],
        check=True,
        capture_output=True,
    )
    return folder


@pytest.fixture(scope="module")
def docs(corpus: Path) -> pl.DataFrame:
    return cq.read_texts(corpus)


@pytest.fixture(scope="module")
def first_run(docs: pl.DataFrame) -> tuple[cq.Extraction, int]:
    before = _peak_rss()
    result = cq.extract(docs)
    return result, _peak_rss() - before


def test_every_file_is_one_document(corpus, docs):
    assert docs.height == len(list(corpus.glob("*.txt")))
    assert docs.height > EMPTY
    assert docs["text"].null_count() == 0
    assert docs["encoding"].null_count() == 0


def test_every_document_has_exactly_one_row(docs, first_run):
    result, _ = first_run
    assert result.documents["doc_id"].to_list() == docs["doc_id"].to_list()
    lengths = docs.select(pl.col("text").str.len_chars().cast(pl.UInt32))["text"]
    assert result.documents["n_chars"].to_list() == lengths.to_list()
    empty = result.documents.filter(pl.col("doc_id").str.starts_with("empty_"))
    assert empty.height == EMPTY
    assert (empty["error"] == "empty text").all()
    assert (empty["n_sentences"] == 0).all()


def test_spans_stay_inside_their_documents(docs, first_run):
    result, _ = first_run
    known = set(docs["doc_id"])
    for name in ("mentions", "events", "commitments"):
        assert set(result.tables()[name]["doc_id"]) <= known, name
    assert assert_spans(docs, result) > 0


def test_memory_stays_bounded(first_run):
    _, growth = first_run
    assert growth < MAX_RSS_GROWTH, f"peak RSS grew by {growth / 1024**2:.0f} MiB"


def test_a_second_run_gives_identical_frames(docs, first_run):
    result, _ = first_run
    again = cq.extract(docs, threads=1)
    for name, frame in result.tables().items():
        assert again.tables()[name].equals(frame), name


def test_repeated_triggers_grow_output_in_proportion(first_run):
    """Four times the repetitions give about four times the mentions, and no table explodes."""
    result, _ = first_run

    def count(table: str, doc_id: str) -> int:
        return result.tables()[table].filter(pl.col("doc_id") == doc_id).height

    x1, x4 = count("mentions", "repeated_x1"), count("mentions", "repeated_x4")
    assert x1 > 0
    assert 3.5 * x1 <= x4 <= 4.5 * x1
    for table in ("events", "commitments"):
        assert count(table, "repeated_x4") <= 4.5 * count(table, "repeated_x1") + 10, table


def test_unpunctuated_text_is_cut_into_bounded_sentences(first_run):
    """A line of cues repeated without a break: sentences of bounded length, rows in proportion."""
    result, _ = first_run
    docs = result.documents.filter(pl.col("doc_id").str.starts_with("unpunctuated_"))
    assert docs.height == 3 and docs["error"].is_null().all()
    sentences = dict(zip(docs["doc_id"], docs["n_sentences"]))
    assert sentences["unpunctuated_x2000"] > 10
    assert 9 <= sentences["unpunctuated_x20000"] / sentences["unpunctuated_x2000"] <= 11

    def count(table: str, doc_id: str) -> int:
        return result.tables()[table].filter(pl.col("doc_id") == doc_id).height

    assert count("mentions", "unpunctuated_x8000") == 4 * count("mentions", "unpunctuated_x2000")
    for table in ("events", "commitments"):
        assert 0 < count(table, "unpunctuated_x8000") <= 4 * count(table, "unpunctuated_x2000")
    evidence = pl.concat([result.events["evidence"], result.commitments["evidence"]])
    assert evidence.str.len_bytes().max() <= 2_000


def test_binary_content_is_flagged(docs, first_run):
    result, _ = first_run
    rows = {r["doc_id"]: r for r in result.documents.iter_rows(named=True)}
    for binary in ("random_bytes", "only_nul"):
        assert rows[binary]["error"].startswith("binary content"), binary
    for text in ("nul_bytes", "windows_1252", "utf16_bom", "mixed_scripts"):
        assert rows[text]["error"] is None, text


def test_null_texts_in_a_frame(docs):
    varied = docs.filter(
        ~pl.col("doc_id").str.starts_with("empty_") & (pl.col("text").str.len_bytes() < 1_000_000)
    )
    small = pl.concat([varied, docs.filter(pl.col("doc_id").str.starts_with("empty_")).head(20)])
    frame = small.with_row_index("i").with_columns(
        pl.when(pl.col("i") % 3 == 0).then(None).otherwise(pl.col("text")).alias("text")
    )
    result = cq.extract(frame.drop("i"))
    assert result.documents["doc_id"].to_list() == frame["doc_id"].to_list()
    null_ids = frame.filter(pl.col("text").is_null())["doc_id"]
    nulls = result.documents.filter(pl.col("doc_id").is_in(null_ids.implode()))
    assert nulls.height == len(null_ids) > 0
    assert nulls["error"].str.contains("text is null").all()
    assert (nulls["n_chars"] == 0).all()
    for name in ("mentions", "events", "commitments"):
        assert not set(result.tables()[name]["doc_id"]) & set(nulls["doc_id"]), name

    only_nulls = cq.extract(pl.DataFrame({"text": [None] * 5}))
    assert only_nulls.documents.height == 5
    assert only_nulls.documents["error"].str.contains("text is null").all()


@pytest.mark.skipif(
    not hasattr(_core, "decode_bytes"), reason="extension built without encoding detection"
)
def test_legacy_encodings_are_detected(docs):
    rows = {r["doc_id"]: r for r in docs.iter_rows(named=True)}
    assert rows["windows_1252"]["encoding"] == "windows-1252"
    assert "étrangères" in rows["windows_1252"]["text"]
    assert rows["windows_1252"]["error"] is None
    assert rows["utf16_bom"]["encoding"] == "UTF-16LE"
    assert rows["utf16_bom"]["text"].startswith("Le ministre kazakh")
    assert rows["utf8_bom"]["encoding"] == "UTF-8"
    assert not rows["utf8_bom"]["text"].startswith("\ufeff")
    assert rows["invalid_utf8"]["encoding"] == "UTF-8"
    assert "\ufffd" in rows["invalid_utf8"]["text"] and rows["invalid_utf8"]["error"]
    empty = docs.filter(pl.col("doc_id").str.starts_with("empty_"))
    assert (empty["encoding"] == "UTF-8").all()
