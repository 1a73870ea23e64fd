"""Type stubs for the compiled extension (``src/python.rs``)."""

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
) -> tuple[ArrowTable, ArrowTable, ArrowTable, ArrowTable, ArrowTable]:
    """Extract from a documents table (``doc_id``, ``text`` and optional columns).

    Returns the documents, mentions, actors, events and commitments tables. ``dictionaries``
    holds ``(name, TOML contents)`` pairs of user dictionary files.
    """

def sample_files() -> list[tuple[str, str]]:
    """``(file name, contents)`` of the bundled sample corpus: five ``.txt`` and metadata.csv."""
