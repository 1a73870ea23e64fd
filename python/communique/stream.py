"""Large corpora with bounded memory: Parquet in, Parquet out, one batch of documents at a time.

:func:`extract_parquet` reads a Parquet corpus (a file, a folder of files, or a list of
them) ``batch_size`` rows at a time, extracts each batch, and appends its rows to the output
tables. The output folder ends up with the same layout as :meth:`Extraction.write_parquet`:

    out_dir/documents.parquet    one row per input row, in input order
    out_dir/mentions.parquet
    out_dir/events.parquet
    out_dir/commitments.parquet
    out_dir/actors.parquet       merged across batches: one row per actor

While it runs, each batch's rows go to part files in a temporary folder inside ``out_dir``;
at the end they are concatenated into one file per table by Polars' streaming engine, so
neither step holds more than a batch (plus the actors seen so far) in memory.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Union

import polars as pl

from communique import _core
from communique.extraction import (
    TABLES,
    PathLike,
    _check_threads,
    _merge_actors,
    _read_dictionaries,
)
from communique.io import to_documents

__all__ = ["extract_parquet", "merge_actors"]

Source = Union[PathLike, Sequence[PathLike]]

#: Input columns copied, when present, besides the id and the text.
_OPTIONAL = ("title", "lang", "published", "source", "url", "error", "encoding")


def _files(source: Source) -> list[Path]:
    items = [source] if isinstance(source, (str, os.PathLike)) else list(source)
    files: list[Path] = []
    for item in items:
        if not isinstance(item, (str, os.PathLike)):
            raise TypeError(f"source must be a path or a list of paths, not {type(item).__name__}")
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.parquet") if p.is_file())
            if not found:
                raise ValueError(f"no .parquet files in {path}")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"no such file or directory: {path}")
    if not files:
        raise ValueError("no Parquet files given")
    return files


def _batches(
    files: list[Path], text_column: str, id_column: str, batch_size: int
) -> Callable[[], pl.DataFrame | None]:
    """A function returning the next batch of documents (renamed columns), None at the end."""

    def generate():
        counter = 0
        for path in files:
            schema = pl.read_parquet_schema(path)
            if text_column not in schema:
                raise ValueError(f"{path} has no `{text_column}` column")
            columns = [pl.col(text_column).alias("text")]
            if id_column in schema:
                columns.append(pl.col(id_column).cast(pl.String).alias("doc_id"))
            columns += [pl.col(c) for c in _OPTIONAL if c in schema and c != text_column]
            frame = pl.scan_parquet(path).select(columns)
            rows = frame.select(pl.len()).collect().item()
            for offset in range(0, rows, batch_size):
                batch = frame.slice(offset, batch_size).collect()
                if "doc_id" not in batch.columns:
                    # Numbered across the whole corpus, so that ids stay unique.
                    ids = pl.int_range(counter, counter + batch.height, eager=True)
                    batch = batch.with_columns(doc_id=pl.format("doc{}", ids))
                counter += batch.height
                yield batch

    iterator = generate()
    return lambda: next(iterator, None)


def extract_parquet(
    source: Source,
    out_dir: PathLike,
    *,
    text_column: str = "text",
    id_column: str = "doc_id",
    batch_size: int = 2000,
    threads: int | None = None,
    dictionaries: Sequence[PathLike] | None = None,
    lang: str | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> dict[str, Path]:
    """Extract from a Parquet corpus in batches and write the five tables to ``out_dir``.

    ``source`` is a Parquet file, a folder (every ``*.parquet`` file below it, in name order)
    or a list of them. Each row is a document: its text is ``text_column``, its id
    ``id_column`` (``doc0``, ``doc1``, ... when the column is absent); ``title``, ``lang``,
    ``published``, ``source``, ``url``, ``error`` and ``encoding`` columns are used when
    present. ``lang`` (``"fr"`` or ``"en"``) is the language of rows that give none (default:
    detected).

    Memory stays bounded by ``batch_size`` rows (plus the distinct actors): the input is read
    ``batch_size`` rows at a time while the previous batch is being extracted on ``threads``
    worker threads (default: all cores). ``on_progress(done)`` is called with the number of
    documents done after each batch.

    Writes ``documents``, ``mentions``, ``actors``, ``events`` and ``commitments`` as
    ``<table>.parquet`` in ``out_dir`` (created if needed), the same layout as
    :meth:`Extraction.write_parquet`; ``actors`` is merged across batches (counts summed,
    aliases united). Returns the paths written, by table name. ``doc_id`` values are checked
    for duplicates within a batch only.
    """
    if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, not {batch_size!r}")
    if lang is not None and lang not in ("fr", "en"):
        raise ValueError(f'lang must be "fr", "en" or None, not {lang!r}')
    _check_threads(threads)
    files = _files(source)
    options: dict[str, object] = {"threads": threads}
    if dictionaries is not None:
        options["dictionaries"] = _read_dictionaries(dictionaries)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    next_batch = _batches(files, text_column, id_column, batch_size)
    actors: pl.DataFrame | None = None
    done = 0
    with tempfile.TemporaryDirectory(prefix=".parts-", dir=out) as tmp:
        parts = Path(tmp)
        # One reader thread: the next batch is read while this one is extracted (both
        # release the GIL).
        with ThreadPoolExecutor(max_workers=1) as reader:
            pending = reader.submit(next_batch)
            part = 0
            while (batch := pending.result()) is not None:
                pending = reader.submit(next_batch)
                frame = to_documents(batch, argname=f"batch {part}")
                if lang is not None:
                    frame = frame.with_columns(pl.col("lang").fill_null(lang))
                tables = _core.extract_tables(frame, **options)
                for name, table in zip(TABLES, tables):
                    rows = pl.DataFrame(table)
                    if name == "actors":
                        actors = rows if actors is None else _merge_actors([actors, rows])
                    else:
                        rows.write_parquet(parts / f"{name}-{part:06d}.parquet")
                part += 1
                done += frame.height
                if on_progress is not None:
                    on_progress(done)
        written = {}
        for name in TABLES:
            path = out / f"{name}.parquet"
            if name == "actors":
                _final_actors(actors).write_parquet(path)
            elif part == 0:
                _empty(name).write_parquet(path)
            else:
                pl.scan_parquet(
                    [parts / f"{name}-{i:06d}.parquet" for i in range(part)]
                ).sink_parquet(path)
            written[name] = path
    return written


def _empty(name: str) -> pl.DataFrame:
    frame = pl.DataFrame(
        {"doc_id": [], "text": []}, schema={"doc_id": pl.String, "text": pl.String}
    )
    return pl.DataFrame(_core.extract_tables(frame)[TABLES.index(name)])


def _final_actors(actors: pl.DataFrame | None) -> pl.DataFrame:
    """The same order as one-shot extraction: by actor id, aliases sorted."""
    if actors is None:
        return _empty("actors")
    return actors.with_columns(pl.col("aliases").list.sort()).sort("actor_id")


def merge_actors(parts: Sequence[pl.DataFrame]) -> pl.DataFrame:
    """One ``actors`` table from the ``actors`` tables of separate runs (batches, workers):
    mention and document counts summed, aliases united, other fields from the first run
    that has them; sorted by ``actor_id`` as :func:`communique.extract` sorts it."""
    frames = [p for p in parts if p.height]
    return _final_actors(_merge_actors(frames) if frames else None)
