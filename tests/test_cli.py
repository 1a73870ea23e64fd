"""The `communique` command line, run as `python -m communique`."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys

import polars as pl
import pytest

import communique as cq
from communique.cli import ProgressBar, build_parser
from communique.extraction import TABLES


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "communique", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=300,
    )


def test_version():
    done = run("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"communique {cq.__version__}"


def test_extract_prints_the_sample_tables():
    done = run("extract")
    assert done.returncode == 0, done.stderr
    assert "== documents (5 rows) ==" in done.stdout
    for name in TABLES:
        assert f"== {name} (" in done.stdout
    assert "002_23f5b6" in done.stdout
    assert "2023-11-14" in done.stdout
    assert done.stderr == ""


@pytest.mark.parametrize("fmt", ["parquet", "csv", "ndjson"])
def test_extract_writes_one_file_per_table(tmp_path, sample_result, fmt):
    out = tmp_path / "out"
    done = run("extract", "-o", str(out), "--format", fmt)
    assert done.returncode == 0, done.stderr
    read = {"parquet": pl.read_parquet, "csv": pl.read_csv, "ndjson": pl.read_ndjson}[fmt]
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{n}.{fmt}" for n in TABLES)
    for name in TABLES:
        path = out / f"{name}.{fmt}"
        assert str(path) in done.stdout
        expected = sample_result.tables()[name].height
        if expected or fmt == "parquet":
            assert read(path).height == expected, name
        else:
            assert path.stat().st_size >= 0
    if fmt == "parquet":
        docs = pl.read_parquet(out / "documents.parquet")
        assert docs.equals(sample_result.documents)


def test_extract_paths_globs_and_parquet(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Le ministre est arrivé à Astana.", encoding="utf-8")
    (folder / "b.txt").write_text("The minister arrived in Washington.", encoding="utf-8")
    (folder / "metadata.csv").write_text("doc_id,published\na,2023-11-14\n", encoding="utf-8")
    pl.DataFrame({"doc_id": ["p1"], "text": ["Un texte venu de Parquet."]}).write_parquet(
        tmp_path / "more.parquet"
    )
    out = tmp_path / "out"
    done = run(
        "extract",
        str(folder / "*.txt"),
        str(tmp_path / "more.parquet"),
        "-o",
        str(out),
        "--threads",
        "1",
    )
    assert done.returncode == 0, done.stderr
    docs = pl.read_parquet(out / "documents.parquet").sort("doc_id")
    assert docs["doc_id"].to_list() == ["a", "b", "p1"]
    assert docs["published"].cast(pl.String).to_list() == ["2023-11-14", None, None]
    assert docs["lang"].to_list() == ["fr", "en", "fr"]


def test_lang_fills_missing_languages(tmp_path):
    (tmp_path / "x.txt").write_text("Astana, Washington, C5+1.", encoding="utf-8")
    done = run("extract", str(tmp_path), "--lang", "en", "-o", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert pl.read_parquet(tmp_path / "out" / "documents.parquet")["lang"][0] == "en"


def test_help_mentions_every_option():
    done = run("extract", "--help")
    assert done.returncode == 0
    for option in ("PATH", "-o", "--format", "--lang", "--threads", "--dictionary", "--max-rows"):
        assert option in done.stdout, option
    assert "examples:" in done.stdout
    assert run("--help").returncode == 0


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("extract", "no/such/folder"), ["no/such/folder"]),
        (("extract", "--threads", "0"), ["--threads"]),
        (("extract", "--dictionary", "missing.toml"), ["missing.toml"]),
    ],
)
def test_user_errors_exit_2_without_traceback(args, words):
    done = run(*args)
    assert done.returncode == 2
    assert done.stderr.startswith("communique: error:")
    assert "Traceback" not in done.stderr
    for word in words:
        assert word in done.stderr


def test_bad_option_values_exit_2():
    for args in (("extract", "--format", "xlsx"), ("extract", "--lang", "de"), ("nothing",)):
        done = run(*args)
        assert done.returncode == 2, args
        assert "Traceback" not in done.stderr


def test_folder_without_text_files(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    done = run("extract", str(tmp_path))
    assert done.returncode == 2
    assert "no .txt files in" in done.stderr


def test_progress_bar():
    stream = io.StringIO()
    bar = ProgressBar(stream, width=10)
    bar(500, 1000)
    bar(1000, 1000)
    assert stream.getvalue() == (
        "\rextracting [#####-----] 500/1000 documents"
        "\rextracting [##########] 1000/1000 documents\n"
    )


def test_parser_defaults():
    args = build_parser().parse_args(["extract"])
    assert args.paths == [] and args.output is None and args.format == "parquet"


def test_a_file_that_is_not_an_article_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("Le ministre est arrivé à Astana.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("doc_id,published\na,2024-01-02\n", encoding="utf-8")
    done = run("extract", str(tmp_path / "metadata.csv"), "-o", str(tmp_path / "out"))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    message = done.stderr
    assert "metadata.csv is not a .txt or .parquet file" in message
    for accepted in ("a folder", ".txt file", "glob pattern", ".parquet file"):
        assert accepted in message
    assert f"give its folder ({tmp_path})" in message
    assert not (tmp_path / "out").exists()


def test_output_naming_a_file_is_refused(tmp_path):
    (tmp_path / "out").write_text("keep me", encoding="utf-8")
    done = run("extract", "-o", str(tmp_path / "out"))
    assert done.returncode == 2
    assert done.stderr == (
        f"communique: error: -o {tmp_path / 'out'}: a file of that name exists; -o names a folder\n"
    )
    assert "Errno" not in done.stderr
    assert (tmp_path / "out").read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("kind", ["parquet", "txt"])
def test_duplicate_ids_write_nothing(tmp_path, kind):
    if kind == "parquet":
        # The duplicate is in the second batch of the stream: the first is done by then.
        ids = [f"d{i}" for i in range(600)] + ["d599"]
        pl.DataFrame({"doc_id": ids, "text": ["Le ministre est arrivé."] * 601}).write_parquet(
            tmp_path / "corpus.parquet"
        )
        inputs = [str(tmp_path / "corpus.parquet")]
    else:
        for folder in ("a", "b"):
            (tmp_path / folder).mkdir()
            (tmp_path / folder / "same.txt").write_text("Un texte.", encoding="utf-8")
        inputs = [str(tmp_path / "a"), str(tmp_path / "b")]
    done = run("extract", *inputs, "-o", str(tmp_path / "out"))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    duplicate = "'d599'" if kind == "parquet" else "'same'"
    assert f"duplicate doc_id {duplicate}" in done.stderr
    assert not (tmp_path / "out").exists()
    # No temporary folder is left behind either.
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_an_existing_output_folder_keeps_its_other_files(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.md").write_text("mine", encoding="utf-8")
    (out / "events.parquet").write_text("stale", encoding="utf-8")
    done = run("extract", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert f"{out / 'events.parquet'}  (" in done.stdout
    assert (out / "notes.md").read_text(encoding="utf-8") == "mine"
    assert pl.read_parquet(out / "events.parquet").height > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def run_printing(*args: str, columns: int) -> str:
    # Piped, as in a test: the width comes from COLUMNS, as shutil.get_terminal_size reads it.
    env = {**os.environ, "COLUMNS": str(columns)}
    done = subprocess.run(
        [sys.executable, "-m", "communique", "extract", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("width", [80, 120])
def test_default_printing_fits_the_width(width):
    out = run_printing(columns=width)
    assert max(len(line) for line in out.splitlines()) <= width
    # Whole column names as headers (not squeezed into `eve/nt_/id`), one line per row.
    assert "│ doc_id " in out and "┆ trigger " in out
    events = out.split("== events (")[1].split("== commitments")[0]
    rows = [line for line in events.splitlines() if line.startswith("│")]
    n_events = cq.extract(cq.sample_corpus()).events.height
    assert len(rows) == 1 + n_events  # the header and one line per event
    assert "more columns: --columns NAME,... or --all-columns" in events


def test_piped_output_without_a_width_stays_readable():
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    done = subprocess.run(
        [sys.executable, "-m", "communique", "extract"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=300,
    )
    assert max(len(line) for line in done.stdout.splitlines()) <= 100


def test_amounts_print_as_readable_numbers():
    out = run_printing(columns=200)
    assert "600,000,000,000" in out and "25,000,000" in out
    assert not re.search(r"\d\.\d+e\d", out)  # no 6.0000e11, no 2.5e7


def test_long_strings_are_cut():
    out = run_printing("--columns", "evidence", columns=200)
    cells = [line.strip("│ ") for line in out.splitlines() if line.startswith("│ ")][1:]
    assert cells and all(len(cell) <= 24 + 1 for cell in cells)  # 24 characters and "…"
    assert any(cell.endswith("…") for cell in cells)


def test_columns_and_all_columns_choose_what_is_printed():
    out = run_printing("--columns", "doc_id,amount_usd", "--max-rows", "2", columns=80)
    commitments = out.split("== commitments")[1]
    assert "┆ amount_usd " in commitments and "currency" not in commitments
    assert "┆ trigger" not in out and "more columns" not in out
    everything = run_printing("--all-columns", "--max-rows", "2", columns=80)
    for column in ("evidence", "commitment_id", "qualifier", "encoding"):
        assert f" {column} " in everything


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--columns", "nope"), "--columns: no column nope; the tables have actor_id,"),
        (("--columns", "doc_id", "-o", "out"), "-o writes every column"),
        (("--columns", "doc_id", "--all-columns"), "not allowed with argument"),
    ],
)
def test_bad_column_choices_exit_2(tmp_path, args, message):
    done = run("extract", *args, cwd=tmp_path)
    assert done.returncode == 2 and message in done.stderr
    assert list(tmp_path.iterdir()) == []
