"""`extract_parquet` and `extract_files`: a corpus streamed in batches gives the one-shot tables."""

from __future__ import annotations

import subprocess
import sys

import polars as pl
import pyarrow.parquet as pq
import pytest

import communique as cq
from communique.extraction import TABLES


def read_tables(folder) -> dict[str, pl.DataFrame]:
    return {name: pl.read_parquet(folder / f"{name}.parquet") for name in TABLES}


def assert_same_tables(got: dict[str, pl.DataFrame], expected: cq.Extraction) -> None:
    for name, frame in expected.tables().items():
        assert got[name].schema == frame.schema, name
        assert got[name].equals(frame), name


@pytest.mark.parametrize("batch_size", [1, 2, 1000])
def test_batches_give_the_one_shot_tables(tmp_path, sample, sample_result, batch_size):
    sample.write_parquet(tmp_path / "corpus.parquet")
    written = cq.extract_parquet(
        tmp_path / "corpus.parquet", tmp_path / "out", batch_size=batch_size
    )
    assert set(written) == set(TABLES)
    assert_same_tables(read_tables(tmp_path / "out"), sample_result)
    # Only the five tables are left: the part files are gone.
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        f"{name}.parquet" for name in TABLES
    )


def test_folder_of_files_and_renamed_columns(tmp_path, sample, sample_result):
    corpus = tmp_path / "corpus"
    (corpus / "2023").mkdir(parents=True)
    renamed = sample.rename({"doc_id": "id", "text": "body"})
    renamed.slice(0, 2).write_parquet(corpus / "a.parquet")
    renamed.slice(2, 2).write_parquet(corpus / "2023" / "b.parquet")
    renamed.slice(4).write_parquet(corpus / "c.parquet")
    # Files are read in path order (2023/b.parquet, a.parquet, c.parquet).
    files = sorted(corpus.rglob("*.parquet"))
    order = pl.concat([pl.read_parquet(f) for f in files])["id"].to_list()
    cq.extract_parquet(corpus, tmp_path / "out", text_column="body", id_column="id", batch_size=2)
    got = read_tables(tmp_path / "out")
    assert got["documents"]["doc_id"].to_list() == order
    assert got["actors"].equals(sample_result.actors)
    for name in ("mentions", "events", "commitments"):
        key = [c for c in ("doc_id", "start", "end") if c in got[name].columns]
        assert got[name].sort(key).equals(getattr(sample_result, name).sort(key)), name


def test_missing_ids_are_numbered_across_batches(tmp_path):
    texts = ["Le ministre est arrivé à Astana.", None, "", "Blinken met Tokayev."] * 3
    pl.DataFrame({"text": texts}).write_parquet(tmp_path / "c.parquet")
    cq.extract_parquet(tmp_path / "c.parquet", tmp_path / "out", batch_size=5, lang="fr")
    docs = pl.read_parquet(tmp_path / "out" / "documents.parquet")
    assert docs["doc_id"].to_list() == [f"doc{i}" for i in range(len(texts))]
    assert docs["error"].is_not_null().sum() == 6  # null and empty texts keep their rows
    assert set(docs["lang"].to_list()) == {"fr"}


def test_empty_corpus_writes_empty_tables(tmp_path, sample_result):
    pl.DataFrame(schema={"doc_id": pl.String, "text": pl.String}).write_parquet(
        tmp_path / "c.parquet"
    )
    cq.extract_parquet(tmp_path / "c.parquet", tmp_path / "out")
    for name, frame in read_tables(tmp_path / "out").items():
        assert frame.height == 0
        assert frame.schema == sample_result.tables()[name].schema


def test_progress_and_wrong_arguments(tmp_path, sample):
    sample.write_parquet(tmp_path / "c.parquet")
    seen = []
    cq.extract_parquet(
        tmp_path / "c.parquet", tmp_path / "out", batch_size=2, on_progress=seen.append
    )
    assert seen == [2, 4, 5]
    with pytest.raises(ValueError, match="batch_size"):
        cq.extract_parquet(tmp_path / "c.parquet", tmp_path / "o", batch_size=0)
    with pytest.raises(ValueError, match="no `body` column"):
        cq.extract_parquet(tmp_path / "c.parquet", tmp_path / "o", text_column="body")
    with pytest.raises(FileNotFoundError):
        cq.extract_parquet(tmp_path / "missing.parquet", tmp_path / "o")
    with pytest.raises(ValueError, match="no .parquet files"):
        empty = tmp_path / "empty"
        empty.mkdir()
        cq.extract_parquet(empty, tmp_path / "o")
    with pytest.raises(TypeError):
        cq.extract_parquet(42, tmp_path / "o")


def test_cli_streams_parquet_inputs(tmp_path, sample, sample_result):
    sample.write_parquet(tmp_path / "corpus.parquet")
    done = subprocess.run(
        [sys.executable, "-m", "communique", "extract", str(tmp_path / "corpus.parquet")]
        + ["-o", str(tmp_path / "out"), "--threads", "1"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "events.parquet  (" in done.stdout
    assert_same_tables(read_tables(tmp_path / "out"), sample_result)


def test_one_row_group_is_read_in_batches(tmp_path, sample):
    # Polars writes a frame of this size as one row group: it must still come in batches.
    texts = sample["text"].to_list()
    corpus = pl.DataFrame(
        {"doc_id": [f"d{i:04d}" for i in range(600)], "text": [texts[i % 5] for i in range(600)]}
    )
    corpus.write_parquet(tmp_path / "c.parquet")
    assert pq.ParquetFile(tmp_path / "c.parquet").metadata.num_row_groups == 1
    seen = []
    cq.extract_parquet(
        tmp_path / "c.parquet", tmp_path / "out", batch_size=64, threads=1, on_progress=seen.append
    )
    assert seen == [*range(64, 600, 64), 600]
    docs = pl.read_parquet(tmp_path / "out" / "documents.parquet")
    assert docs["doc_id"].to_list() == corpus["doc_id"].to_list()
    # Each document's rows are those of its text: nothing lost or doubled across batches.
    events = pl.read_parquet(tmp_path / "out" / "events.parquet")
    per_doc = events.group_by("doc_id").len()
    assert per_doc.height == events["doc_id"].n_unique() and events.height > 0
    counts = dict(per_doc.iter_rows())
    for i in range(5, 600):
        assert counts.get(f"d{i:04d}", 0) == counts.get(f"d{i % 5:04d}", 0)


def test_a_failed_run_leaves_no_table(tmp_path, sample):
    # The duplicate id is in the second batch: the first batch's rows must not stay behind.
    corpus = sample.with_columns(doc_id=pl.Series(["a", "b", "c", "c", "d"]))
    corpus.write_parquet(tmp_path / "c.parquet")
    with pytest.raises(ValueError, match="duplicate doc_id 'c' in the Parquet rows 2-3"):
        cq.extract_parquet(tmp_path / "c.parquet", tmp_path / "out", batch_size=2)
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("batch_size", [1, 3, 500])
def test_text_files_in_batches_give_the_one_shot_tables(tmp_path, batch_size):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in cq._core.sample_files():
        (corpus / name).write_text(text, encoding="utf-8")
    latin1 = "Le président a reçu le ministre à Astana.".encode("latin-1")
    (corpus / "latin1.txt").write_bytes(latin1)
    expected = cq.extract(cq.read_texts(corpus))
    written = cq.extract_files(corpus, tmp_path / "out", batch_size=batch_size)
    assert set(written) == set(TABLES)
    assert_same_tables(read_tables(tmp_path / "out"), expected)
    assert expected.documents.height == 6


def test_the_cli_streams_text_files_into_parquet(tmp_path, sample_result):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in cq._core.sample_files():
        (corpus / name).write_text(text, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "communique", "extract", str(corpus), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert_same_tables(read_tables(tmp_path / "out"), sample_result)
