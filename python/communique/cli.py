"""The ``communique`` command line."""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

import polars as pl

from communique import __version__
from communique.display import readable_amounts
from communique.extraction import Extraction, extract, extract_chunked
from communique.io import read_texts, sample_corpus, to_documents
from communique.stream import extract_files, extract_parquet

FORMATS = ("parquet", "csv", "ndjson")
CHUNK_SIZE = 500
#: The columns printed by default, the most telling first: as many as fit the width.
SHOWN = {
    "documents": ("doc_id", "title", "lang", "published", "n_sentences", "error"),
    "mentions": ("doc_id", "sentence", "text", "actor_id", "kind", "role"),
    "actors": ("actor_id", "name", "kind", "country", "role", "n_mentions", "n_docs"),
    "events": ("doc_id", "trigger", "event_type", "actors", "date", "location", "event_id"),
    "commitments": (
        "doc_id",
        "text",
        "amount",
        "currency",
        "donor",
        "recipient",
        "status",
        "amount_usd",
        "year",
    ),
    "quotes": ("doc_id", "text", "speaker", "cue", "kind", "sentence"),
}
#: The longest string printed in a cell, in characters.
CELL = 24
INPUTS = (
    "a folder (its .txt files, with its metadata.csv), a .txt file, a glob pattern "
    "or a .parquet file"
)

EPILOG = """\
examples:
  communique extract
      run on the bundled sample corpus (five French articles) and print the tables
  communique extract articles/ -o out/
      read articles/*.txt (and articles/metadata.csv) and write out/documents.parquet,
      out/mentions.parquet, out/actors.parquet, out/events.parquet, out/commitments.parquet,
      out/quotes.parquet
  communique extract "news/**/*.txt" --lang en --format csv -o out/
      every .txt file under news/, as English, written as CSV
  communique extract corpus.parquet --threads 2 -o out/
      a Parquet file with doc_id and text columns, on two threads
  communique extract articles/ --dictionary my_actors.toml
      add the actors of a user dictionary to the bundled ones
  communique extract --columns doc_id,trigger,event_type,actors,date
      print these columns of each table that has them (--all-columns: every column)

A folder's metadata.csv (doc_id plus any of title, lang, published, source, url) is applied,
so that publication dates resolve relative dates ("jeudi", "hier"). In CSV output, list
columns are joined with "|".
"""


class UserError(Exception):
    """A problem with the command line or its inputs: reported without a traceback."""


class ProgressBar:
    """A one-line progress bar, redrawn in place."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream = stream
        self.width = width

    def __call__(self, done: int, total: int) -> None:
        filled = self.width * done // total if total else self.width
        bar = "#" * filled + "-" * (self.width - filled)
        end = "\n" if done >= total else ""
        self.stream.write(f"\rextracting [{bar}] {done}/{total} documents{end}")
        self.stream.flush()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="communique",
        description="Events, actors and financial commitments from diplomatic news articles.",
    )
    parser.add_argument("--version", action="version", version=f"communique {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    extract = commands.add_parser(
        "extract",
        help="extract the tables from articles (the bundled sample corpus by default)",
        description=(
            "Extract the documents, mentions, actors, events, commitments and quotes tables from\n"
            "news articles. Without PATH, runs on the bundled sample corpus. Without -o,\n"
            "prints the tables."
        ),
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help=(
            "a folder (its .txt files, with its metadata.csv), a .txt file, a glob pattern "
            "(quote it) or a .parquet file with doc_id and text columns; default: the bundled "
            "sample corpus"
        ),
    )
    extract.add_argument(
        "-o",
        "--output",
        metavar="OUTDIR",
        help="write one file per table into OUTDIR (created if needed) instead of printing",
    )
    extract.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="parquet",
        help="file format with -o (default: parquet); CSV joins list columns with '|'",
    )
    extract.add_argument(
        "--lang",
        choices=("fr", "en"),
        help="language of the documents whose metadata gives none (default: detected)",
    )
    extract.add_argument(
        "--threads",
        type=int,
        metavar="N",
        help="number of worker threads (default: all cores)",
    )
    extract.add_argument(
        "-d",
        "--dictionary",
        action="append",
        metavar="FILE",
        help="a user dictionary (TOML, same format as the bundled ones); may be repeated",
    )
    shown = extract.add_mutually_exclusive_group()
    shown.add_argument(
        "--columns",
        metavar="A,B,...",
        help=(
            "when printing, show these columns of each table that has them (default: a few "
            "telling columns per table, as many as fit the terminal)"
        ),
    )
    shown.add_argument(
        "--all-columns",
        action="store_true",
        help="when printing, show every column (lines as long as they need)",
    )
    extract.add_argument(
        "--max-rows",
        type=int,
        default=50,
        metavar="N",
        help="when printing, show at most N rows per table (default: 50)",
    )
    return parser


def check_inputs(paths: Sequence[str]) -> None:
    """Refuse, before any work, a file the command would read as an article by mistake."""
    for name in paths:
        path = Path(name)
        if path.is_file() and path.suffix.lower() not in (".txt", ".parquet"):
            hint = (
                f"; give its folder ({path.parent}) to read the articles with their metadata"
                if path.name.lower() == "metadata.csv"
                else ""
            )
            raise UserError(f"{name} is not a .txt or .parquet file: PATH is {INPUTS}{hint}")


@contextlib.contextmanager
def staged_output(target: str) -> Iterator[Path]:
    """A temporary folder beside ``target``, put in its place only when everything is written:
    a run that fails leaves ``target`` as it was."""
    out = Path(target)
    if out.exists() and not out.is_dir():
        raise UserError(f"-o {target}: a file of that name exists; -o names a folder")
    # The nearest existing folder holds the temporary one: same file system, so it can be
    # renamed into place.
    anchor = out.absolute().parent
    while not anchor.is_dir():
        anchor = anchor.parent
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.partial-", dir=anchor))
    try:
        yield tmp
    except (UserError, OSError, ValueError, pl.exceptions.PolarsError) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise UserError(f"{exc} (nothing was written to {target})") from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if out.is_dir():
        # Other files of an existing folder stay; the tables replace their namesakes.
        for path in tmp.iterdir():
            os.replace(path, out / path.name)
        tmp.rmdir()
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        os.rename(tmp, out)


def read_inputs(paths: Sequence[str]) -> pl.DataFrame:
    """The documents named on the command line; the sample corpus when there are none."""
    if not paths:
        return sample_corpus()
    parquet = [p for p in paths if p.lower().endswith(".parquet")]
    texts = [p for p in paths if not p.lower().endswith(".parquet")]
    frames = [to_documents(pl.read_parquet(p), argname=p) for p in parquet]
    if texts:
        frames.insert(0, read_texts(texts))
    return to_documents(pl.concat(frames, how="vertical"), argname="the inputs")


def print_tables(
    result: Extraction,
    max_rows: int,
    out: TextIO,
    columns: Sequence[str] | None = None,
    all_columns: bool = False,
) -> None:
    """Each table's first ``max_rows`` rows, readable in a terminal or a file.

    By default, the columns of :data:`SHOWN` that fit the terminal's width (100 characters
    when output is piped); ``columns`` picks the columns instead, ``all_columns`` shows every
    one. Long strings are cut at :data:`CELL` characters, amounts read ``600,000,000,000``.
    """
    width = max(shutil.get_terminal_size((100, 24)).columns, 40)
    for name, frame in result.tables().items():
        shown = f", showing {max_rows}" if frame.height > max_rows else ""
        out.write(f"== {name} ({frame.height} rows{shown}) ==\n")
        if all_columns:
            chosen = frame.columns
        elif columns:
            chosen = [c for c in columns if c in frame.columns]
        else:
            chosen = [c for c in SHOWN[name] if c in frame.columns]
        if frame.height and chosen:
            head = readable_amounts(frame.head(max_rows).select(chosen))
            text = _render(head)
            # Only the default view is fitted: chosen columns are shown whatever the width.
            while not (all_columns or columns) and head.width > 1 and _widest(text) > width:
                head = head.drop(head.columns[-1])
                text = _render(head)
            out.write(f"{text}\n")
            hidden = frame.width - head.width
            if hidden and not (all_columns or columns):
                out.write(f"({hidden} more columns: --columns NAME,... or --all-columns)\n")
        out.write("\n")


def _render(frame: pl.DataFrame) -> str:
    with pl.Config(
        tbl_rows=-1,
        tbl_cols=-1,
        fmt_str_lengths=CELL,
        fmt_table_cell_list_len=3,
        # Columns are never squeezed: the default view drops columns to fit instead.
        tbl_width_chars=65_535,
        tbl_hide_dataframe_shape=True,
        tbl_hide_column_data_types=True,
    ):
        return str(frame)


def _widest(text: str) -> int:
    return max(len(line) for line in text.splitlines())


def _column_list(value: str) -> list[str]:
    names = [c.strip() for c in value.split(",") if c.strip()]
    # Every table has all its columns even when empty: checked before any work.
    known = {c for frame in extract([]).tables().values() for c in frame.columns}
    unknown = [c for c in names if c not in known]
    if unknown or not names:
        raise UserError(
            f"--columns: no column {', '.join(unknown) or '(empty list)'}; the tables have "
            + ", ".join(sorted(known))
        )
    return names


def _all_parquet(paths: Sequence[str]) -> bool:
    return bool(paths) and all(p.lower().endswith(".parquet") for p in paths)


def _all_text(paths: Sequence[str]) -> bool:
    return bool(paths) and not any(p.lower().endswith(".parquet") for p in paths)


def run_stream(args: argparse.Namespace, extract_batches: Callable[..., dict[str, Path]]) -> int:
    """Parquet or text files in, Parquet out: streamed in batches, reading and writing beside
    the extraction, so memory stays bounded."""

    def progress(done: int) -> None:
        sys.stderr.write(f"\rextracted {done} documents")
        sys.stderr.flush()

    show = sys.stderr.isatty()
    with staged_output(args.output) as tmp:
        written = extract_batches(
            args.paths,
            tmp,
            batch_size=CHUNK_SIZE,
            threads=args.threads,
            dictionaries=args.dictionary,
            lang=args.lang,
            on_progress=progress if show else None,
        )
        if show:
            sys.stderr.write("\n")
        rows = {
            name: pl.scan_parquet(path).select(pl.len()).collect().item()
            for name, path in written.items()
        }
    for name, path in written.items():
        print(f"{Path(args.output) / path.name}  ({rows[name]} rows)")
    return 0


def run_extract(args: argparse.Namespace) -> int:
    if args.threads is not None and args.threads < 1:
        raise UserError("--threads must be at least 1")
    if args.max_rows < 0:
        raise UserError("--max-rows must not be negative")
    if args.output and (args.columns is not None or args.all_columns):
        raise UserError(
            "--columns and --all-columns choose what is printed; -o writes every column"
        )
    columns = _column_list(args.columns) if args.columns is not None else None
    check_inputs(args.paths)
    if args.output and args.format == "parquet" and _all_parquet(args.paths):
        missing = [p for p in args.paths if not os.path.isfile(p)]
        if missing:
            raise UserError(f"no such file: {missing[0]}")
        return run_stream(args, extract_parquet)
    if args.output and args.format == "parquet" and _all_text(args.paths):
        return run_stream(args, extract_files)
    docs = read_inputs(args.paths)
    if args.lang:
        docs = docs.with_columns(pl.col("lang").fill_null(args.lang))
    progress = ProgressBar(sys.stderr) if docs.height > CHUNK_SIZE and sys.stderr.isatty() else None
    result = extract_chunked(
        docs,
        dictionaries=args.dictionary,
        threads=args.threads,
        chunk_size=CHUNK_SIZE,
        on_progress=progress,
    )
    if args.output is None:
        print_tables(result, args.max_rows, sys.stdout, columns, args.all_columns)
        return 0
    writers = {
        "parquet": result.write_parquet,
        "csv": result.write_csv,
        "ndjson": result.write_ndjson,
    }
    with staged_output(args.output) as tmp:
        written = writers[args.format](tmp)
    for name, path in written.items():
        rows = result.tables()[name].height
        print(f"{Path(args.output) / path.name}  ({rows} rows)")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (2 for errors in the user's input)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):
        # Table borders and accented text must not crash a terminal that is not UTF-8.
        sys.stdout.reconfigure(errors="replace")
    try:
        return run_extract(args)
    except BrokenPipeError:
        # Output piped into `head`: stop quietly, without a second error when Python exits.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130
    except (UserError, OSError, ValueError, pl.exceptions.PolarsError) as exc:
        print(f"communique: error: {exc}", file=sys.stderr)
        return 2
