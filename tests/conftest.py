"""Shared fixtures and checks for the test suite."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import communique as cq

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"

# SPEC.md's required columns and dtypes; extra columns are allowed.
SPEC_SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    "documents": {
        "doc_id": pl.String(),
        "title": pl.String(),
        "lang": pl.String(),
        "published": pl.Date(),
        "n_chars": pl.UInt32(),
        "n_sentences": pl.UInt32(),
        "source": pl.String(),
        "error": pl.String(),
    },
    "mentions": {
        "doc_id": pl.String(),
        "sentence": pl.UInt32(),
        "start": pl.UInt32(),
        "end": pl.UInt32(),
        "text": pl.String(),
        "actor_id": pl.String(),
        "kind": pl.String(),
        "role": pl.String(),
    },
    "actors": {
        "actor_id": pl.String(),
        "name": pl.String(),
        "kind": pl.String(),
        "country": pl.String(),
        "role": pl.String(),
        "cameo": pl.String(),
        "aliases": pl.List(pl.String()),
        "n_mentions": pl.UInt32(),
        "n_docs": pl.UInt32(),
        "source": pl.String(),
        "lat": pl.Float64(),
        "lon": pl.Float64(),
        "feature": pl.String(),
    },
    "events": {
        "event_id": pl.String(),
        "doc_id": pl.String(),
        "sentence": pl.UInt32(),
        "start": pl.UInt32(),
        "end": pl.UInt32(),
        "trigger": pl.String(),
        "event_type": pl.String(),
        "subtype": pl.String(),
        "cameo": pl.String(),
        "actors": pl.List(pl.String()),
        "source_actor": pl.String(),
        "target_actor": pl.String(),
        "date": pl.Date(),
        "date_text": pl.String(),
        "location": pl.String(),
        "n_mentions": pl.UInt32(),
        "evidence": pl.String(),
        "goldstein": pl.Float32(),
        "quad_class": pl.UInt8(),
        "lat": pl.Float64(),
        "lon": pl.Float64(),
    },
    "commitments": {
        "commitment_id": pl.String(),
        "doc_id": pl.String(),
        "sentence": pl.UInt32(),
        "start": pl.UInt32(),
        "end": pl.UInt32(),
        "text": pl.String(),
        "amount": pl.Float64(),
        "currency": pl.String(),
        "amount_usd": pl.Float64(),
        "donor": pl.String(),
        "recipient": pl.String(),
        "purpose": pl.String(),
        "status": pl.String(),
        "year": pl.Int32(),
        "event_id": pl.String(),
        "evidence": pl.String(),
    },
}

# The column holding each table's span text, for tables with start/end offsets.
SPAN_COLUMNS = {"mentions": "text", "events": "trigger", "commitments": "text"}


def assert_spec_schemas(result: cq.Extraction) -> None:
    for name, required in SPEC_SCHEMAS.items():
        schema = getattr(result, name).schema
        for column, dtype in required.items():
            assert column in schema, f"{name}.{column} is missing"
            assert schema[column] == dtype, f"{name}.{column} is {schema[column]}, not {dtype}"


def assert_spans(docs: pl.DataFrame, result: cq.Extraction) -> int:
    """Every span row's offsets select its text in the document (code points, end exclusive).

    Also checks that `sentence` is a valid index. Returns the number of rows checked.
    """
    texts = dict(zip(docs["doc_id"].to_list(), docs["text"].to_list()))
    n_sentences = dict(result.documents.select("doc_id", "n_sentences").iter_rows())
    checked = 0
    for name, span_column in SPAN_COLUMNS.items():
        table = getattr(result, name)
        for row in table.iter_rows(named=True):
            text = texts[row["doc_id"]]
            assert text is not None, f"{name} row for a document without text: {row}"
            assert 0 <= row["start"] <= row["end"] <= len(text), f"{name}: bad offsets {row}"
            assert text[row["start"] : row["end"]] == row[span_column], f"{name}: {row}"
            assert row["sentence"] < n_sentences[row["doc_id"]], f"{name}: bad sentence {row}"
            checked += 1
    return checked


@pytest.fixture(scope="session")
def sample() -> pl.DataFrame:
    return cq.sample_corpus()


@pytest.fixture(scope="session")
def sample_result(sample: pl.DataFrame) -> cq.Extraction:
    return cq.extract(sample)
