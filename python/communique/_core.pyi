"""Type stubs for the compiled extension (``src/python/``)."""

from collections.abc import Sequence
from typing import Any, Protocol

__version__: str

class ArrowStreamExportable(Protocol):
    """Any object exporting an Arrow C stream (a Polars DataFrame, a pyarrow Table, ...)."""

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> Any: ...

class ArrowTable(ArrowStreamExportable, Protocol):
    """An Arrow table from the extension; wrap it with ``pl.DataFrame(table)``."""

def extract_tables(
    documents: ArrowStreamExportable,
    *,
    threads: int | None = None,
    dictionaries: Sequence[tuple[str, str]] | None = None,
) -> tuple[ArrowTable, ArrowTable, ArrowTable, ArrowTable, ArrowTable, ArrowTable]:
    """Extract from a documents table (``doc_id``, ``text`` and optional columns).

    Returns the documents, mentions, actors, events, commitments and quotes tables.
    ``dictionaries`` holds ``(name, TOML contents)`` pairs of user dictionary files. The actors
    table's ``source`` is ``dictionary``, or ``text`` for an actor found by its shape
    (provisional id ``person:…`` / ``org:…``).
    """

def merge_actors(actors: ArrowStreamExportable) -> ArrowTable:
    """One row per actor from actors tables of several runs concatenated: counts summed,
    aliases united, the office with a role (then of the most documents) kept; ``source``
    follows from the id."""

def sample_files() -> list[tuple[str, str]]:
    """``(file name, contents)`` of the bundled sample corpus: five ``.txt`` and metadata.csv."""

def decode_bytes(data: bytes) -> tuple[str, str, str | None]:
    """Decode a file's bytes: ``(text, encoding, error)``; BOM, then UTF-8, then the
    detected legacy encoding (WHATWG names such as ``windows-1252``). ``error`` tells of
    binary content or of undecodable bytes replaced with U+FFFD."""

def read_files(paths: list[str]) -> ArrowTable:
    """Read and decode the files in parallel: one row per path, in order, with ``text``
    (null when the file could not be read), ``encoding`` and ``error``."""

class ArrowColumn(Protocol):
    """A chunked Arrow array from the extension; wrap it with ``pl.Series(column)``."""

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> Any: ...

def money_column(
    texts: ArrowStreamExportable, *, lang: str | None = None, threads: int | None = None
) -> ArrowColumn:
    """Per text, the list of money expressions ``{start, end, text, amount, currency,
    qualifier}`` (code-point offsets)."""

def dates_column(
    texts: ArrowStreamExportable,
    published: ArrowStreamExportable | None = None,
    *,
    lang: str | None = None,
    threads: int | None = None,
) -> ArrowColumn:
    """Per text, the list of date expressions ``{start, end, text, date, granularity}``
    (code-point offsets), resolved against ``published``, a Date column as long as ``texts``."""

def mentions_column(
    texts: ArrowStreamExportable,
    *,
    lang: str | None = None,
    threads: int | None = None,
    dictionaries: Sequence[tuple[str, str]] | None = None,
) -> ArrowColumn:
    """Per text, the list of its mentions (the ``mentions`` table's columns but ``doc_id``)."""

def events_column(
    texts: ArrowStreamExportable,
    *,
    lang: str | None = None,
    threads: int | None = None,
    dictionaries: Sequence[tuple[str, str]] | None = None,
) -> ArrowColumn:
    """Per text, the list of its events (the ``events`` table's columns but ``doc_id``)."""

def quotes_column(
    texts: ArrowStreamExportable,
    *,
    lang: str | None = None,
    threads: int | None = None,
    dictionaries: Sequence[tuple[str, str]] | None = None,
) -> ArrowColumn:
    """Per text, the list of its quotations (the ``quotes`` table's columns but ``doc_id``)."""

def sentences(text: str) -> list[tuple[int, int, bool]]:
    """``(start, end, boilerplate)`` of each sentence, code-point offsets into ``text``."""
