"""Peak memory of ``extract_parquet`` on Parquet files of one row group, at two sizes.

A Parquet file written by Polars with its default settings holds a single row group of up to
about 250,000 rows, so a reader that decodes a row group at a time holds the whole file. This
builds one such file per ``--sizes-mb`` value (articles recombined from the sample corpus, as
``run.py`` builds them), runs ``cq.extract_parquet`` on each in a fresh process, and reports
the seconds, the peak RSS, the row groups, and rows in and out. Memory is flat when the
largest peak is within 1.2 times the smallest::

    python benchmarks/parquet_memory.py --sizes-mb 40 160

``--json`` prints one JSON object instead of the Markdown table, for ``run.py`` to record:
``{"runs": [{"mb", "docs", "row_groups", "seconds", "rss_mb", "rows_in", "rows_out"}, ...],
"ratio": largest peak / smallest peak}``.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
FLAT = 1.2  # the largest peak RSS over the smallest, at most


def build_file(size_mb: float, path: Path) -> dict:
    """A corpus of ~``size_mb`` MB of text written as one Parquet file with Polars' defaults."""
    # run.py holds the corpus builder; imported here so that run.py may import this module.
    sys.path.insert(0, str(HERE))
    from run import build_corpus

    rng = random.Random(size_mb)

    def shuffle(text: str) -> str:
        lines = [line.split(" ") for line in text.split("\n")]
        for words in lines:
            rng.shuffle(words)
        return "\n".join(" ".join(words) for words in lines)

    # Recombined sentences compress to 3 % and would make a small file; with each paragraph's
    # words shuffled it compresses to about 30 %, as news does.
    corpus = build_corpus(size_mb, seed=7, prefix="rg").with_columns(
        pl.col("text").map_elements(shuffle, return_dtype=pl.String)
    )
    corpus.write_parquet(path)
    return {
        "mb": round(corpus["text"].str.len_bytes().sum() / 1e6, 1),
        "docs": corpus.height,
        "row_groups": pq.ParquetFile(path).metadata.num_row_groups,
        "file_mb": round(path.stat().st_size / 1e6, 1),
    }


def _peak_rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        return int(next(line.split()[1] for line in status if line.startswith("VmHWM:")))


def measure(corpus: str, out: str) -> dict:
    """One run of ``extract_parquet``, in this (fresh) process."""
    import communique as cq

    start = time.perf_counter()
    written = cq.extract_parquet(corpus, out)
    seconds = time.perf_counter() - start
    rows_out = pl.scan_parquet(written["documents"]).select(pl.len()).collect().item()
    return {"seconds": round(seconds, 2), "rss_mb": _peak_rss_kb() // 1024, "rows_out": rows_out}


def run(sizes_mb: list[float], work: Path) -> dict:
    runs = []
    for size in sizes_mb:
        corpus = work / f"corpus-{size:g}mb.parquet"
        info = build_file(size, corpus)
        done = subprocess.run(
            [sys.executable, __file__, "--measure", str(corpus), "--work", str(work / "out")],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"extract_parquet failed on {corpus.name}:\n{done.stderr}")
        result = json.loads(done.stdout.strip().splitlines()[-1])
        runs.append({**info, "rows_in": info["docs"], **result})
        corpus.unlink()
    peaks = [r["rss_mb"] for r in runs]
    return {"runs": runs, "ratio": round(max(peaks) / min(peaks), 2)}


def markdown(results: dict) -> str:
    lines = [
        "| text MB | file MB | docs | row groups | seconds | peak RSS (MB) | rows in | rows out |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results["runs"]:
        lines.append(
            f"| {r['mb']} | {r['file_mb']} | {r['docs']} | {r['row_groups']} | {r['seconds']} "
            f"| {r['rss_mb']} | {r['rows_in']} | {r['rows_out']} |"
        )
    flat = "flat" if results["ratio"] <= FLAT else "NOT flat"
    lines.append(f"\nlargest / smallest peak RSS: {results['ratio']}× ({flat}, limit {FLAT}×)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes-mb", type=float, nargs="+", default=[40.0, 160.0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--work", help="scratch folder (default: a temporary one)")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.work)))
        return
    with tempfile.TemporaryDirectory(prefix="cq-parquet-memory-", dir=args.work) as tmp:
        results = run(args.sizes_mb, Path(tmp))
    print(json.dumps(results) if args.json else markdown(results))


if __name__ == "__main__":
    main()
