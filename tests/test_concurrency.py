"""extract called from several Python threads at once gives what serial calls give.

Extraction releases the GIL, so these calls really overlap in the extension's thread pools.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import polars as pl

import communique as cq

WORKERS = 6
EXTRA = [
    "Le secrétaire d'État américain a rencontré à Astana le ministre kazakh des Affaires "
    "étrangères ; Washington a promis 15 millions de dollars d'ici 2026.",
    "On Monday the Uzbek president received a US delegation in Tashkent and signed a trade deal.",
    "",
    None,
    "Ақорда 🇰🇿 \u200f réunion \u0301\u0301",
]


def _inputs(sample: pl.DataFrame) -> list[pl.DataFrame]:
    """Several different corpora: the sample, its halves, and odd extra texts."""
    extra = pl.DataFrame({"doc_id": [f"x{i}" for i in range(len(EXTRA))], "text": EXTRA})
    return [
        sample,
        sample.head(2),
        sample.tail(3),
        pl.concat([sample.head(1), extra], how="diagonal"),
        extra,
    ]


def _same(a: cq.Extraction, b: cq.Extraction) -> bool:
    return all(b.tables()[name].equals(frame) for name, frame in a.tables().items())


def test_concurrent_calls_equal_serial_calls(sample):
    inputs = _inputs(sample)
    serial = [cq.extract(frame) for frame in inputs]
    jobs = [(i, threads) for i in range(len(inputs)) for threads in (None, 1, 2)] * 2
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = list(pool.map(lambda job: cq.extract(inputs[job[0]], threads=job[1]), jobs))
    for (i, threads), result in zip(jobs, results):
        assert _same(serial[i], result), f"input {i}, threads={threads}"


def test_concurrent_single_texts(sample):
    texts = sample["text"].to_list() + [t for t in EXTRA if t]
    serial = [cq.extract_text(t) for t in texts]
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = list(pool.map(cq.extract_text, texts * 3))
    for k, result in enumerate(results):
        assert _same(serial[k % len(texts)], result), k
