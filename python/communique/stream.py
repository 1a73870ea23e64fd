"""Large corpora with bounded memory: Parquet in, Parquet out, one batch of documents at a time.

:func:`extract_parquet` reads a Parquet corpus (a file, a folder of files, or a list of
them) ``batch_size`` rows at a time, extracts each batch, and appends its rows to the output
tables. The output folder ends up with the same layout as :meth:`Extraction.write_parquet`:

    out_dir/documents.parquet    one row per input row, in input order
    out_dir/mentions.parquet
    out_dir/events.parquet
    out_dir/commitments.parquet
    out_dir/quotes.parquet
    out_dir/actors.parquet       merged across batches: one row per actor

The input is read with pyarrow in batches of at most ``batch_size`` rows whatever its row
groups (a file written by Polars with its defaults is one row group of up to ~250,000 rows),
and each batch's rows are appended to the output files as a row group of their own, so memory
holds about one batch (plus the actors seen so far) whatever the size of the corpus. The files
are written in a temporary folder inside ``out_dir`` and moved into place at the end: a run
that fails leaves no half-written table.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Union

import polars as pl

from communique import _core
from communique.extraction import (
    TABLES,
    PathLike,
    _check_lang,
    _check_threads,
    _merge_actors,
    _read_dictionaries,
)
from communique.io import Metadata, _read_files, _text_files, to_documents

if TYPE_CHECKING:
    import pyarrow.parquet as pq

__all__ = ["extract_files", "extract_parquet", "merge_actors"]

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


# Column chunks are read through a buffer of this many bytes, without pre-buffering: else
# pyarrow reads a row group's whole column chunks at once, and memory grows with the row group.
_READ_BUFFER = 1 << 20


def _documents(
    files: list[Path], text_column: str, id_column: str, batch_size: int
) -> Iterator[pl.DataFrame]:
    """Batches of ``batch_size`` documents (fewer at the end), columns renamed for
    :func:`to_documents`; small row groups and files are gathered into full batches."""
    # pyarrow is imported here, not with the package: it costs a tenth of a second.
    import pyarrow.parquet as pq

    counter = 0
    pieces: list[pl.DataFrame] = []
    rows = 0
    for path in files:
        reader = pq.ParquetFile(path, buffer_size=_READ_BUFFER, pre_buffer=False)
        names = reader.schema_arrow.names
        if text_column not in names:
            raise ValueError(f"{path} has no `{text_column}` column")
        has_id = id_column in names
        columns = [text_column] + ([id_column] if has_id else [])
        columns += [c for c in _OPTIONAL if c in names and c not in columns]
        for record in reader.iter_batches(
            batch_size=batch_size, columns=columns, use_threads=False
        ):
            piece = pl.from_arrow(record).rename({text_column: "text"})
            if has_id:
                piece = piece.rename({id_column: "doc_id"}).with_columns(
                    pl.col("doc_id").cast(pl.String)
                )
            else:
                # Numbered across the whole corpus, so that ids stay unique.
                ids = pl.int_range(counter, counter + piece.height, eager=True)
                piece = piece.with_columns(doc_id=pl.format("doc{}", ids))
            counter += piece.height
            pieces.append(piece)
            rows += piece.height
            if rows >= batch_size:
                yield _gather(pieces)
                pieces, rows = [], 0
    if pieces:
        yield _gather(pieces)


def _gather(pieces: list[pl.DataFrame]) -> pl.DataFrame:
    # Files may differ in their optional columns and in their types (a date as a string).
    return pieces[0] if len(pieces) == 1 else pl.concat(pieces, how="diagonal_relaxed")


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
    """Extract from a Parquet corpus in batches and write the six tables to ``out_dir``.

    ``source`` is a Parquet file, a folder (every ``*.parquet`` file below it, in name order)
    or a list of them. Each row is a document: its text is ``text_column``, its id
    ``id_column`` (``doc0``, ``doc1``, ... when the column is absent); ``title``, ``lang``,
    ``published``, ``source``, ``url``, ``error`` and ``encoding`` columns are used when
    present. ``lang`` (``"fr"`` or ``"en"``) is the language of rows that give none (default:
    detected).

    Memory stays bounded by ``batch_size`` rows (plus the distinct actors): the input is read
    ``batch_size`` rows at a time, whatever the row groups of the files, while the previous
    batch is being extracted on ``threads`` worker threads (default: all cores).
    ``on_progress(done)`` is called with the number of documents done after each batch.

    Writes ``documents``, ``mentions``, ``actors``, ``events``, ``commitments`` and ``quotes`` as
    ``<table>.parquet`` in ``out_dir`` (created if needed), the same layout as
    :meth:`Extraction.write_parquet`; ``actors`` is merged across batches (counts summed,
    aliases united). The files appear in ``out_dir`` only when the whole corpus is done.
    Returns the paths written, by table name. ``doc_id`` values are checked for duplicates
    within a batch only.
    """
    options = _options(batch_size, threads, dictionaries, lang)
    files = _files(source)
    batches = _documents(files, text_column, id_column, batch_size)
    return _extract_batches(batches, Path(out_dir), options, lang, "the Parquet rows", on_progress)


def extract_files(
    paths: Source,
    out_dir: PathLike,
    *,
    batch_size: int = 500,
    threads: int | None = None,
    dictionaries: Sequence[PathLike] | None = None,
    lang: str | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> dict[str, Path]:
    """Extract from text files in batches and write the five tables to ``out_dir``.

    ``paths`` names the files as :func:`communique.read_texts` takes them (a folder, a glob
    pattern, a file or a list of them, with each folder's ``metadata.csv``). The files are read
    ``batch_size`` at a time, the next batch while this one is extracted, and each batch's rows
    are written while the next one is extracted, so that reading and writing cost little time
    beside the extraction and memory stays bounded whatever the corpus size. The output is the
    one of :func:`extract_parquet`, documents in file order.
    """
    options = _options(batch_size, threads, dictionaries, lang)
    files = _text_files(paths)
    metadata: Metadata = {}
    batches = (
        _read_files(files[i : i + batch_size], metadata) for i in range(0, len(files), batch_size)
    )
    return _extract_batches(batches, Path(out_dir), options, lang, "the files", on_progress)


def _options(
    batch_size: int,
    threads: int | None,
    dictionaries: Sequence[PathLike] | None,
    lang: str | None,
) -> dict[str, object]:
    """The extension's options, the arguments checked."""
    if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, not {batch_size!r}")
    _check_lang(lang)
    _check_threads(threads)
    options: dict[str, object] = {"threads": threads}
    if dictionaries is not None:
        options["dictionaries"] = _read_dictionaries(dictionaries)
    return options


def _extract_batches(
    batches: Iterator[pl.DataFrame],
    out: Path,
    options: dict[str, object],
    lang: str | None,
    label: str,
    on_progress: Callable[[int], None] | None,
) -> dict[str, Path]:
    """Extracts each batch of documents and appends its rows to the tables in ``out``: the
    next batch is read, and the previous one written, while one is extracted (all three
    release the GIL). The files appear in ``out`` when every batch is done."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    actors: pl.DataFrame | None = None
    writers: dict[str, pq.ParquetWriter] = {}
    done = 0

    def write(partial: Path, tables: dict[str, object]) -> None:
        for name, table in tables.items():
            arrow = pa.table(table)
            if name not in writers:
                writers[name] = pq.ParquetWriter(
                    partial / f"{name}.parquet", arrow.schema, compression="zstd"
                )
            if arrow.num_rows:
                writers[name].write_table(arrow)

    with tempfile.TemporaryDirectory(prefix=".partial-", dir=out) as tmp:
        partial = Path(tmp)
        try:
            with (
                ThreadPoolExecutor(max_workers=1) as reader,
                ThreadPoolExecutor(max_workers=1) as writer,
            ):
                pending = reader.submit(next, batches, None)
                written: Future[None] | None = None
                while (batch := pending.result()) is not None:
                    pending = reader.submit(next, batches, None)
                    rows = f"{done}-{done + batch.height - 1}"
                    frame = to_documents(batch, argname=f"{label} {rows}")
                    if lang is not None:
                        frame = frame.with_columns(pl.col("lang").fill_null(lang))
                    tables = dict(zip(TABLES, _core.extract_tables(frame, **options)))
                    seen = pl.DataFrame(tables.pop("actors"))
                    actors = seen if actors is None else _merge_actors([actors, seen])
                    # One batch written at a time: memory holds at most two.
                    if written is not None:
                        written.result()
                    written = writer.submit(write, partial, tables)
                    done += frame.height
                    if on_progress is not None:
                        on_progress(done)
                if written is not None:
                    written.result()
        finally:
            for parquet_writer in writers.values():
                parquet_writer.close()
        for name in TABLES:
            if name == "actors":
                _final_actors(actors).write_parquet(partial / "actors.parquet")
            elif name not in writers:
                _empty(name).write_parquet(partial / f"{name}.parquet")
        paths = {}
        for name in TABLES:
            paths[name] = out / f"{name}.parquet"
            os.replace(partial / f"{name}.parquet", paths[name])
    return paths


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
