"""communique: events, actors and financial commitments from diplomatic news.

Read French and English news articles about diplomacy and get Polars DataFrames of
documents, mentions, actors, events and financial commitments, each row traceable to the span
of text it came from::

    import communique as cq

    x = cq.extract(cq.sample_corpus())
    x.events
    x.write_parquet("out/")
"""

from typing import TYPE_CHECKING

import communique.expr  # noqa: F401  (registers the pl.col(...).communique namespace)
from communique._core import __version__
from communique.cluster import cluster_events
from communique.extraction import Extraction, extract, extract_text, sentences
from communique.io import read_texts, sample_corpus
from communique.stream import extract_files, extract_parquet

if TYPE_CHECKING:
    from communique import plot

__all__ = [
    "Extraction",
    "__version__",
    "cluster_events",
    "extract",
    "extract_files",
    "extract_parquet",
    "extract_text",
    "plot",
    "read_texts",
    "sample_corpus",
    "sentences",
]


def __getattr__(name: str) -> object:
    # `cq.plot` is imported on first use: matplotlib (the notebook extra) stays optional.
    if name == "plot":
        import importlib

        return importlib.import_module("communique.plot")
    raise AttributeError(f"module 'communique' has no attribute {name!r}")
