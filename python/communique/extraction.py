"""Extraction: documents in, six tables out (documents, mentions, actors, events, commitments,
quotes)."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Union

import polars as pl

from communique import _core, display
from communique.io import to_documents

__all__ = ["TABLES", "Extraction", "extract", "extract_text", "sentences"]

PathLike = Union[str, "os.PathLike[str]"]

#: The tables of an extraction, in the order the extension returns them.
TABLES = ("documents", "mentions", "actors", "events", "commitments", "quotes")


class Extraction:
    """The result of :func:`extract`: six Polars DataFrames.

    ``documents`` has one row per input document (always, even for failed or empty ones);
    ``mentions``, ``events``, ``commitments`` and ``quotes`` have one row per span found, with
    code-point ``start``/``end`` offsets into the document's text; ``actors`` has one row per
    distinct actor. Without ``quotes`` (an extraction from an older release), it is empty.
    """

    documents: pl.DataFrame
    mentions: pl.DataFrame
    actors: pl.DataFrame
    events: pl.DataFrame
    commitments: pl.DataFrame
    quotes: pl.DataFrame

    def __init__(
        self,
        documents: pl.DataFrame,
        mentions: pl.DataFrame,
        actors: pl.DataFrame,
        events: pl.DataFrame,
        commitments: pl.DataFrame,
        quotes: pl.DataFrame | None = None,
    ) -> None:
        self.documents = documents
        self.mentions = mentions
        self.actors = actors
        self.events = events
        #: ``doc_id`` and ``text`` of the input documents, when the extraction keeps them.
        self.texts: pl.DataFrame | None = None
        self.commitments = commitments
        self.quotes = _empty_quotes() if quotes is None else quotes

    def tables(self) -> dict[str, pl.DataFrame]:
        """The tables by name: documents, mentions, actors, events, commitments, quotes."""
        return {name: getattr(self, name) for name in TABLES}

    def _write(self, directory: PathLike, suffix: str, write: Callable) -> dict[str, Path]:
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        paths = {}
        for name, frame in self.tables().items():
            path = out / f"{name}.{suffix}"
            write(frame, path)
            paths[name] = path
        return paths

    def write_parquet(self, directory: PathLike) -> dict[str, Path]:
        """Write ``<table>.parquet`` for each table into ``directory`` (created if needed).

        Returns the paths written, by table name.
        """
        return self._write(directory, "parquet", lambda frame, path: frame.write_parquet(path))

    def write_csv(self, directory: PathLike) -> dict[str, Path]:
        """Write ``<table>.csv`` for each table into ``directory`` (created if needed).

        CSV has no lists: list columns (``actors.aliases``, ``events.actors``) are written as
        their items joined with ``"|"``. Dates are ISO ``YYYY-MM-DD``. Returns the paths
        written, by table name.
        """
        return self._write(directory, "csv", lambda frame, path: _flat(frame).write_csv(path))

    def write_ndjson(self, directory: PathLike) -> dict[str, Path]:
        """Write ``<table>.ndjson`` (one JSON object per line) for each table into ``directory``.

        Lists stay JSON arrays. Returns the paths written, by table name.
        """
        return self._write(directory, "ndjson", lambda frame, path: frame.write_ndjson(path))

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={frame.height}" for name, frame in self.tables().items())
        return f"Extraction({counts})"

    def _repr_html_(self) -> str:
        parts = ["<div><strong>communique extraction</strong>"]
        for name, frame in self.tables().items():
            rows = "row" if frame.height == 1 else "rows"
            parts.append(f"<h4>{html.escape(name)} ({frame.height} {rows})</h4>")
            parts.append(display.readable_amounts(frame.head(5))._repr_html_())
        parts.append("</div>")
        return "\n".join(parts)

    def show(self, doc_id: str, docs: object = None) -> object:
        """The document ``doc_id`` as HTML with its actor, place, event and money spans
        highlighted and labelled (Jupyter). ``docs`` is the documents frame given to
        :func:`extract`, or the document's text; see :func:`communique.display.show`."""
        return display.show(self, doc_id, docs)


def _empty_quotes() -> pl.DataFrame:
    empty = pl.DataFrame(
        {"doc_id": [], "text": []}, schema={"doc_id": pl.String, "text": pl.String}
    )
    return pl.DataFrame(_core.extract_tables(empty)[TABLES.index("quotes")])


def _flat(frame: pl.DataFrame) -> pl.DataFrame:
    lists = [name for name, dtype in frame.schema.items() if isinstance(dtype, pl.List)]
    if not lists:
        return frame
    return frame.with_columns(pl.col(c).cast(pl.List(pl.String)).list.join("|") for c in lists)


def _read_dictionaries(dictionaries: object) -> list[tuple[str, str]]:
    if isinstance(dictionaries, (str, os.PathLike)):
        dictionaries = [dictionaries]
    if not isinstance(dictionaries, (list, tuple)):
        raise TypeError(
            f"dictionaries must be a list of paths to TOML files, not {type(dictionaries).__name__}"
        )
    out = []
    for i, item in enumerate(dictionaries):
        if not isinstance(item, (str, os.PathLike)):
            raise TypeError(f"dictionaries[{i}] must be a str or a path, not {type(item).__name__}")
        path = Path(item)
        if not path.is_file():
            raise FileNotFoundError(f"dictionary file not found: {path}")
        try:
            contents = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValueError(f"dictionary {path} is not valid UTF-8 (byte {exc.start})") from None
        out.append((str(path), contents))
    return out


def _check_lang(lang: object) -> None:
    """A ``lang`` argument: the message is the extension's own (``parse_lang``)."""
    if lang is None:
        return
    if not isinstance(lang, str):
        raise TypeError(f"lang must be a str or None, not {type(lang).__name__}")
    if lang not in ("fr", "en"):
        raise ValueError(f'lang must be "fr", "en" or None, not {json.dumps(lang)}')


def _check_threads(threads: object) -> None:
    if threads is None:
        return
    if isinstance(threads, bool) or not isinstance(threads, int):
        raise TypeError(f"threads must be an int or None, not {type(threads).__name__}")
    if threads < 1:
        raise ValueError(f"threads must be at least 1, not {threads}")


def _run(
    frame: pl.DataFrame,
    dictionaries: list[tuple[str, str]] | None,
    threads: int | None,
) -> Extraction:
    options: dict[str, object] = {"threads": threads}
    # Only passed when given, so that extensions built without dictionary support still work.
    if dictionaries is not None:
        options["dictionaries"] = dictionaries
    tables = _core.extract_tables(frame, **options)
    result = Extraction(*(pl.DataFrame(table) for table in tables))
    # Kept (by reference, no copy) so that ``show(doc_id)`` can render a document's text.
    result.texts = frame.select("doc_id", "text")
    return result


def _merge_actors(parts: list[pl.DataFrame]) -> pl.DataFrame:
    """One row per actor across chunks, merged by the Rust core (counts summed, aliases united,
    the office with a role, then of the most documents), so that the result does not depend on
    how the corpus was split or ordered."""
    return pl.DataFrame(_core.merge_actors(pl.concat(parts)))


def extract_chunked(
    docs: object,
    *,
    dictionaries: Sequence[PathLike] | None = None,
    threads: int | None = None,
    chunk_size: int = 500,
    on_progress: Callable[[int, int], None] | None = None,
) -> Extraction:
    """Like :func:`extract`, run ``chunk_size`` documents at a time.

    ``on_progress(done, total)`` is called after each chunk. Per-document tables are
    concatenated; actors are merged across chunks (counts summed, aliases united).
    """
    frame = to_documents(docs)
    _check_threads(threads)
    files = None if dictionaries is None else _read_dictionaries(dictionaries)
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, not {chunk_size}")
    if frame.height <= chunk_size:
        result = _run(frame, files, threads)
        if on_progress is not None:
            on_progress(frame.height, frame.height)
        return result
    parts = []
    for offset in range(0, frame.height, chunk_size):
        parts.append(_run(frame.slice(offset, chunk_size), files, threads))
        if on_progress is not None:
            on_progress(min(offset + chunk_size, frame.height), frame.height)
    return Extraction(
        **{
            name: _merge_actors([p.actors for p in parts])
            if name == "actors"
            else pl.concat([getattr(p, name) for p in parts])
            for name in TABLES
        }
    )


def extract(
    docs: object,
    *,
    dictionaries: Sequence[PathLike] | None = None,
    threads: int | None = None,
) -> Extraction:
    """Extract events, actors and financial commitments from documents.

    ``docs`` is a Polars DataFrame with a ``text`` column (and optionally ``doc_id``,
    ``title``, ``lang``, ``published``, ``source``, ``url``), a ``list`` of ``str`` (``None``
    allowed), a string ``pl.Series``, or any Arrow table (an object with
    ``__arrow_c_stream__``, e.g. a pyarrow Table). Without ``doc_id``, documents are named
    ``doc0``, ``doc1``, ... ``published`` may be dates, datetimes or ``YYYY-MM-DD`` strings.

    ``dictionaries`` are paths of user dictionary files (TOML, same format as the bundled
    ones). ``threads`` bounds the worker threads (default: all cores).

    Raises ``TypeError`` for arguments of the wrong type, ``ValueError`` for a frame without
    ``text``, duplicate ``doc_id`` values or unreadable dates, and ``FileNotFoundError`` for a
    missing dictionary file. Problems inside a document never raise: they are recorded in
    ``documents.error``.
    """
    frame = to_documents(docs)
    _check_threads(threads)
    files = None if dictionaries is None else _read_dictionaries(dictionaries)
    return _run(frame, files, threads)


def extract_text(
    text: str,
    lang: str | None = None,
    published: str | dt.date | None = None,
    doc_id: str = "text",
    *,
    dictionaries: Sequence[PathLike] | None = None,
) -> Extraction:
    """Extract from one text. ``lang`` is ``"fr"`` or ``"en"`` (detected when None; another
    code raises ``ValueError``); ``published`` is a ``datetime.date`` or a ``YYYY-MM-DD``
    string used to resolve relative dates ("jeudi", "hier")."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    _check_lang(lang)
    if not isinstance(doc_id, str):
        raise TypeError(f"doc_id must be a str, not {type(doc_id).__name__}")
    date: dt.date | None
    if published is None or isinstance(published, dt.date):
        date = published.date() if isinstance(published, dt.datetime) else published
    elif isinstance(published, str):
        try:
            date = dt.date.fromisoformat(published.strip())
        except ValueError:
            raise ValueError(f"published must be YYYY-MM-DD, not {published!r}") from None
    else:
        raise TypeError(
            f"published must be a datetime.date, a 'YYYY-MM-DD' str or None, "
            f"not {type(published).__name__}"
        )
    frame = pl.DataFrame(
        {"doc_id": [doc_id], "text": [text], "lang": [lang], "published": [date]},
        schema={"doc_id": pl.String, "text": pl.String, "lang": pl.String, "published": pl.Date},
    )
    return extract(frame, dictionaries=dictionaries)


def sentences(text: str) -> pl.DataFrame:
    """The sentences of ``text`` as the extractors see them: ``sentence`` (the index used in
    every table), ``start``/``end`` (code-point offsets: ``text[start:end]`` is the sentence),
    ``text`` and ``boilerplate`` (site furniture that the extractors skip).

    >>> sentences("M. Burns est arrivé. Il a vu 1,5 million d’habitants.")["text"].to_list()
    ['M. Burns est arrivé.', 'Il a vu 1,5 million d’habitants.']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    spans = _core.sentences(text)
    return pl.DataFrame(
        {
            "sentence": list(range(len(spans))),
            "start": [s for s, _, _ in spans],
            "end": [e for _, e, _ in spans],
            "text": [text[s:e] for s, e, _ in spans],
            "boilerplate": [b for _, _, b in spans],
        },
        schema={
            "sentence": pl.UInt32,
            "start": pl.UInt32,
            "end": pl.UInt32,
            "text": pl.String,
            "boilerplate": pl.Boolean,
        },
    )
