"""Documents in: reading text files, the bundled sample corpus, and coercing user input.

Every function here returns the *documents input frame*: one row per document with the
columns of :data:`DOCUMENT_SCHEMA` (``doc_id``, ``text``, ``title``, ``lang``, ``published``,
``source``, ``url``, ``error``, ``encoding``). ``error`` records a reading problem (for example
bytes that could not be decoded); the document is never dropped. ``encoding`` is the encoding a
file was read with (WHATWG name: ``UTF-8``, ``windows-1252``, ``UTF-16LE``, ...), null for texts
that arrived as strings.
"""

from __future__ import annotations

import csv
import datetime as dt
import glob
import io
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Union

import polars as pl

from communique import _core

__all__ = ["DOCUMENT_SCHEMA", "read_texts", "sample_corpus", "to_documents"]

PathLike = Union[str, "os.PathLike[str]"]

DOCUMENT_SCHEMA: dict[str, Any] = {
    "doc_id": pl.String,
    "text": pl.String,
    "title": pl.String,
    "lang": pl.String,
    "published": pl.Date,
    "source": pl.String,
    "url": pl.String,
    "error": pl.String,
    "encoding": pl.String,
}

METADATA_FILE = "metadata.csv"
_METADATA_COLUMNS = ("title", "lang", "published", "source", "url")
_GLOB_CHARS = frozenset("*?[")


def _type_name(value: object) -> str:
    return type(value).__name__


# Encoding detection lives in the extension; an extension built without it reads UTF-8 only.
_decode_bytes = getattr(_core, "decode_bytes", None)


def _decode(data: bytes) -> tuple[str, str, str | None]:
    """Text of ``data``, the encoding it was read with, and the reading problem, if any.

    A byte-order mark decides and is stripped; otherwise UTF-8, or the legacy encoding the
    bytes look like (Windows-1252 for most older French pages). Undecodable bytes become
    U+FFFD and are reported; so is binary content (mostly control characters).
    """
    if _decode_bytes is not None:
        return _decode_bytes(data)
    try:
        return data.decode("utf-8-sig"), "UTF-8", None
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8-sig", errors="replace")
        error = f"invalid UTF-8 at byte {exc.start}; decoded with replacement characters"
        return text, "UTF-8", error


def _join_errors(*errors: str | None) -> str | None:
    present = [e for e in errors if e]
    return "; ".join(present) if present else None


def _parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def _read_metadata(text: str, label: str) -> dict[str, dict[str, Any]]:
    """``doc_id`` -> metadata values from the contents of a ``metadata.csv``.

    Empty cells become null. A ``published`` value that is not ``YYYY-MM-DD`` becomes null and
    the problem is recorded under the ``error`` key, so that the document still gets read.
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    fields = [f.strip() for f in reader.fieldnames or []]
    if "doc_id" not in fields:
        raise ValueError(f"{label} has no `doc_id` column (columns: {', '.join(fields)})")
    rows: dict[str, dict[str, Any]] = {}
    for line_no, raw in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in raw.items() if k is not None}
        doc_id = row.get("doc_id", "")
        if not doc_id:
            continue
        values: dict[str, Any] = {c: row.get(c) or None for c in _METADATA_COLUMNS}
        published = values["published"]
        if published is not None:
            values["published"] = _parse_date(published)
            if values["published"] is None:
                values["error"] = (
                    f"{label} line {line_no}: published {published!r} is not a date "
                    "(YYYY-MM-DD); left empty"
                )
        rows[doc_id] = values
    return rows


def _frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=DOCUMENT_SCHEMA, orient="row") if rows else _empty()


def _empty() -> pl.DataFrame:
    return pl.DataFrame(schema=DOCUMENT_SCHEMA)


def _apply_metadata(row: dict[str, Any], metadata: dict[str, dict[str, Any]]) -> dict[str, Any]:
    values = metadata.get(row["doc_id"])
    if values is None:
        return row
    merged = dict(row)
    for column in _METADATA_COLUMNS:
        if values.get(column) is not None:
            merged[column] = values[column]
    merged["error"] = _join_errors(row.get("error"), values.get("error"))
    return merged


def _is_txt(path: Path) -> bool:
    return path.suffix.lower() == ".txt" and path.is_file()


def _expand(item: PathLike) -> list[Path]:
    """Files named by one argument: a directory's or a glob's ``.txt`` files, or a file."""
    text = os.fspath(item)
    path = Path(text)
    if path.is_dir():
        # Sorted by name (strings compare faster than paths; one folder, the same order).
        with os.scandir(path) as entries:
            names = sorted(
                e.name for e in entries if e.name.lower().endswith(".txt") and e.is_file()
            )
        files = [path / name for name in names]
        if not files:
            raise ValueError(f"no .txt files in {text}")
        return files
    if path.exists():
        return [path]
    if _GLOB_CHARS & set(text):
        matches = sorted(Path(m) for m in glob.glob(text, recursive=True))
        files = [p for p in matches if _is_txt(p)]
        if not files:
            raise FileNotFoundError(f"no .txt files match {text}")
        return files
    raise FileNotFoundError(f"no such file or directory: {text}")


def _as_path_list(paths: object) -> list[PathLike]:
    if isinstance(paths, (str, os.PathLike)):
        return [paths]
    if isinstance(paths, (list, tuple)):
        for i, item in enumerate(paths):
            if not isinstance(item, (str, os.PathLike)):
                raise TypeError(f"paths[{i}] must be a str or a path, not {_type_name(item)}")
        return list(paths)
    raise TypeError(
        f"paths must be a directory, a glob pattern, a file or a list of them, "
        f"not {_type_name(paths)}"
    )


def read_texts(paths: PathLike | Sequence[PathLike]) -> pl.DataFrame:
    """Read text files into a documents frame.

    ``paths`` is a directory (all its ``*.txt`` files, sorted; other files are ignored), a glob
    pattern (``"corpus/**/*.txt"``), a file, or a list of these. ``doc_id`` is the file name
    without its extension. A ``metadata.csv`` next to the files (``doc_id`` plus any of
    ``title``, ``lang``, ``published``, ``source``, ``url``) is applied.

    Files are decoded whatever their encoding: a byte-order mark (UTF-8, UTF-16) decides,
    then UTF-8, then the legacy encoding the bytes look like (Windows-1252 / ISO-8859-1 for
    older French pages). The ``encoding`` column records the decision per file. Bytes that
    cannot be decoded become U+FFFD and the problem is recorded in ``error``; a bad
    ``published`` date in ``metadata.csv`` is left null and recorded in ``error`` as well. No
    document is ever dropped.

    Raises ``FileNotFoundError`` for a path that does not exist, ``ValueError`` for a directory
    without ``.txt`` files or two files with the same ``doc_id``, and ``TypeError`` for an
    argument of the wrong type.
    """
    return _read_files(_text_files(paths), {})


def _text_files(paths: object) -> list[Path]:
    """The text files ``paths`` name, each once (see :func:`read_texts`)."""
    files: list[Path] = []
    for item in _as_path_list(paths):
        files.extend(_expand(item))
    return _distinct_ids(files)


Metadata = dict[str, dict[str, dict[str, Any]]]


def _read_files(files: list[Path], metadata: Metadata) -> pl.DataFrame:
    """The documents frame of ``files``; ``metadata`` caches each folder's ``metadata.csv``
    across calls."""
    ids = [path.stem for path in files]
    # Reading and decoding, the costly part, run in parallel without the GIL.
    read = pl.DataFrame(_core.read_files([os.fspath(path) for path in files]))
    frame = read.with_columns(doc_id=pl.Series(ids, dtype=pl.String))
    return _with_metadata(frame, _metadata_rows(files, ids, metadata))


def _distinct_ids(files: list[Path]) -> list[Path]:
    """``files`` without repeats of one file; two different files with one ``doc_id`` raise."""
    seen: dict[str, Path] = {}
    kept = []
    for path in files:
        doc_id = path.stem
        if doc_id in seen:
            if seen[doc_id].resolve() == path.resolve():
                continue
            raise ValueError(f"duplicate doc_id {doc_id!r}: {seen[doc_id]} and {path}")
        seen[doc_id] = path
        kept.append(path)
    return kept


def _metadata_rows(files: list[Path], ids: list[str], by_folder: Metadata) -> pl.DataFrame | None:
    """The ``metadata.csv`` values of the files that have some, by row number (``_row``)."""
    rows = []
    for row, (path, doc_id) in enumerate(zip(files, ids)):
        folder = os.path.dirname(path)
        if folder not in by_folder:
            meta_path = Path(folder) / METADATA_FILE
            by_folder[folder] = (
                _read_metadata(_decode(meta_path.read_bytes())[0], str(meta_path))
                if meta_path.is_file()
                else {}
            )
        values = by_folder[folder].get(doc_id)
        if values is not None:
            rows.append({"_row": row, **values})
    if not rows:
        return None
    schema = {"_row": pl.UInt32, **{c: DOCUMENT_SCHEMA[c] for c in _METADATA_COLUMNS}}
    return pl.DataFrame(rows, schema={**schema, "error": pl.String}, orient="row")


def _with_metadata(frame: pl.DataFrame, metadata: pl.DataFrame | None) -> pl.DataFrame:
    """The documents frame of files read, with their metadata values and errors joined."""
    if metadata is None:
        return frame.select(
            pl.col(c) if c in frame.columns else pl.lit(None, dtype=t).alias(c)
            for c, t in DOCUMENT_SCHEMA.items()
        )
    joined = frame.with_row_index("_row").join(
        metadata.rename({"error": "_metadata_error"}), on="_row", how="left"
    )
    both = pl.col("error").is_not_null() & pl.col("_metadata_error").is_not_null()
    error = (
        pl.when(both)
        .then(pl.concat_str(["error", "_metadata_error"], separator="; "))
        .otherwise(pl.coalesce("error", "_metadata_error"))
    )
    return joined.with_columns(error=error).select(
        pl.col(c).cast(t) if c in joined.columns else pl.lit(None, dtype=t).alias(c)
        for c, t in DOCUMENT_SCHEMA.items()
    )


def sample_corpus() -> pl.DataFrame:
    """The bundled sample corpus: five French articles, with their ``metadata.csv`` applied."""
    files = dict(_core.sample_files())
    metadata_text = files.pop(METADATA_FILE, "")
    metadata = _read_metadata(metadata_text, METADATA_FILE) if metadata_text else {}
    rows = [
        _apply_metadata({"doc_id": Path(name).stem, "text": text, "encoding": "UTF-8"}, metadata)
        for name, text in sorted(files.items())
        if name.endswith(".txt")
    ]
    return _frame(rows)


def _string_column(frame: pl.DataFrame, name: str, argname: str) -> pl.Expr:
    dtype = frame.schema[name]
    if dtype in (pl.String, pl.Null, pl.Categorical, pl.Enum):
        return pl.col(name).cast(pl.String)
    if name == "text":
        raise TypeError(f"{argname} column `text` must hold strings, not {dtype}")
    return pl.col(name).cast(pl.String)


def _date_column(frame: pl.DataFrame, argname: str) -> pl.Expr:
    dtype = frame.schema["published"]
    if dtype == pl.Date:
        return pl.col("published")
    if isinstance(dtype, pl.Datetime):
        return pl.col("published").dt.date()
    if dtype == pl.Null:
        return pl.col("published").cast(pl.Date)
    if dtype != pl.String:
        raise TypeError(
            f"{argname} column `published` must hold dates or 'YYYY-MM-DD' strings, not {dtype}"
        )
    values = frame.get_column("published")
    parsed = values.str.strip_chars().replace("", None).str.to_date("%Y-%m-%d", strict=False)
    bad = values.is_not_null() & (values.str.strip_chars() != "") & parsed.is_null()
    if bad.any():
        row = int(bad.arg_true()[0])
        raise ValueError(
            f"{argname} column `published`, row {row}: {values[row]!r} is not a date (YYYY-MM-DD)"
        )
    return pl.lit(parsed).alias("published")


def _generated_ids(n: int) -> list[str]:
    width = len(str(max(n - 1, 0)))
    return [f"doc{i:0{width}d}" for i in range(n)]


def _from_texts(texts: Iterable[object], argname: str) -> pl.DataFrame:
    values: list[str | None] = []
    for i, text in enumerate(texts):
        if text is not None and not isinstance(text, str):
            raise TypeError(f"{argname}[{i}] must be a str or None, not {_type_name(text)}")
        values.append(text)
    return pl.DataFrame({"text": values}, schema={"text": pl.String})


def _looks_like_a_path(text: str) -> bool:
    """Whether a str given as documents names files rather than being a text itself."""
    if "\n" in text or len(text) > 4096:
        return False
    name = text.strip()
    if name.endswith(("/", os.sep)) or Path(name).suffix.lower() in (".txt", ".parquet"):
        return True
    if _GLOB_CHARS & set(name) and " " not in name:
        return True
    try:
        return Path(name).exists()
    except (OSError, ValueError):  # a name too long or with a NUL byte
        return False


def to_documents(docs: object, argname: str = "docs") -> pl.DataFrame:
    """Coerce ``docs`` to the documents input frame (see :data:`DOCUMENT_SCHEMA`).

    Accepts a Polars DataFrame or LazyFrame with a ``text`` column, a ``list``/``tuple`` of
    ``str`` (``None`` allowed), a string ``pl.Series``, or any object with
    ``__arrow_c_stream__`` (a pyarrow Table, ...). A missing ``doc_id`` column is generated as
    ``doc0``, ``doc1``, ... (zero-padded so that they sort). Columns other than those of the
    documents frame are dropped.
    """
    if isinstance(docs, pl.LazyFrame):
        docs = docs.collect()
    if isinstance(docs, os.PathLike) or (isinstance(docs, str) and _looks_like_a_path(docs)):
        raise TypeError(
            f"{argname} must be documents, not a path ({os.fspath(docs)!r}): read the files "
            f"first with read_texts, e.g. extract(read_texts({os.fspath(docs)!r})) for a "
            "folder, a glob pattern or .txt files (extract_parquet for Parquet files)"
        )
    if isinstance(docs, str):
        raise TypeError(
            f"{argname} must be a polars DataFrame, a Series or a list of str, not str "
            "(use extract_text for a single text, read_texts for a folder or files)"
        )
    if isinstance(docs, pl.Series):
        if docs.dtype not in (pl.String, pl.Null):
            raise TypeError(f"{argname} must be a Series of strings, not of {docs.dtype}")
        frame = pl.DataFrame({"text": docs.cast(pl.String)})
    elif isinstance(docs, (list, tuple)):
        frame = _from_texts(docs, argname)
    elif isinstance(docs, pl.DataFrame):
        frame = docs
    elif hasattr(docs, "__arrow_c_stream__"):
        frame = pl.DataFrame(docs)
    else:
        raise TypeError(
            f"{argname} must be a polars DataFrame, a Series or a list of str, "
            f"not {_type_name(docs)}"
        )

    if "text" not in frame.columns:
        raise ValueError(
            f"{argname} has no `text` column (columns: {', '.join(frame.columns) or 'none'})"
        )
    if "doc_id" not in frame.columns:
        frame = frame.with_columns(pl.Series("doc_id", _generated_ids(frame.height), pl.String))

    columns = []
    for name, dtype in DOCUMENT_SCHEMA.items():
        if name not in frame.columns:
            columns.append(pl.lit(None, dtype=dtype).alias(name))
        elif name == "published":
            columns.append(_date_column(frame, argname))
        else:
            columns.append(_string_column(frame, name, argname))
    out = frame.select(columns)

    ids = out.get_column("doc_id")
    if ids.null_count():
        row = int(ids.is_null().arg_true()[0])
        raise ValueError(f"{argname} column `doc_id` is null at row {row}")
    duplicated = ids.filter(ids.is_duplicated())
    if len(duplicated):
        raise ValueError(f"duplicate doc_id {duplicated[0]!r} in {argname}")
    return out
