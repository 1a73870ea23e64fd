"""Events across documents: rows that describe the same happening.

Several articles report the same summit or the same signing; counting a corpus needs each
happening once. :func:`cluster_events` groups event rows of the same ``event_type`` that share a
named participant (a person or an organisation) and whose dates lie within ``max_days`` of each
other. An event without a date of its own is placed at its document's publication date when
``documents`` is given (a report is at most a few days after what it reports); two rows with no
date at all must share two named participants. Countries alone are too common to tell
happenings apart: rows naming only countries need two countries in common and close dates.
Groups are the connected components of that relation; each is named after its smallest
``event_id``, so the result does not depend on the order of the rows.
"""

from __future__ import annotations

import polars as pl

__all__ = ["cluster_events"]


def _is_country(actor: pl.Expr) -> pl.Expr:
    return actor.str.contains(r"^[A-Z]{3}$")


def cluster_events(
    events: pl.DataFrame, documents: pl.DataFrame | None = None, *, max_days: int = 3
) -> pl.DataFrame:
    """Add an ``event_group`` column: the same value on rows describing the same happening.

    ``documents`` (the documents table) lends its ``published`` dates to undated events.

    >>> import communique as cq
    >>> x = cq.extract(cq.sample_corpus())
    >>> grouped = cq.cluster_events(x.events, x.documents)
    >>> grouped["event_group"].n_unique() <= grouped.height
    True
    """
    if not isinstance(events, pl.DataFrame):
        raise TypeError(f"events must be a polars DataFrame, not {type(events).__name__}")
    missing = {"event_id", "event_type", "actors", "date"} - set(events.columns)
    if missing:
        raise ValueError(f"events lacks the column(s) {sorted(missing)}")
    if events.is_empty():
        return events.with_columns(pl.lit(None, dtype=pl.String).alias("event_group"))

    dated = events.select("event_id", "doc_id", "event_type", "date", "actors")
    if documents is not None:
        published = documents.select("doc_id", pl.col("published").alias("_published"))
        dated = dated.join(published, on="doc_id", how="left").with_columns(
            pl.col("date").fill_null(pl.col("_published"))
        )
    participants = (
        dated.select("event_id", "doc_id", "event_type", "date", "actors")
        .explode("actors")
        .drop_nulls("actors")
        .with_columns(_is_country(pl.col("actors")).alias("is_country"))
        .with_columns((~pl.col("is_country")).sum().over("event_id").alias("n_named"))
    )
    # Within a document, repeated mentions are already merged by the extractor.
    pairs = participants.join(participants, on=["event_type", "actors"], suffix="_other").filter(
        (pl.col("event_id") < pl.col("event_id_other"))
        & (pl.col("doc_id") != pl.col("doc_id_other"))
    )
    undated = pl.col("date").is_null() | pl.col("date_other").is_null()
    close_in_time = (pl.col("date") - pl.col("date_other")).dt.total_days().abs() <= max_days
    linked = (
        pairs.filter(undated | close_in_time)
        .group_by("event_id", "event_id_other")
        .agg(
            (~pl.col("is_country")).sum().alias("named"),
            pl.col("is_country").sum().alias("countries"),
            undated.first().alias("undated"),
            pl.min_horizontal("n_named", "n_named_other").first().alias("fewest_named"),
        )
        .filter(
            # Two meetings with one person in common but different counterparts are different.
            pl.when(pl.col("undated"))
            .then(pl.col("named") >= 2)
            .when(pl.col("fewest_named") >= 2)
            .then(pl.col("named") >= 2)
            .otherwise((pl.col("named") >= 1) | (pl.col("countries") >= 2))
        )
        .select("event_id", "event_id_other")
    )

    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    for a, b in linked.iter_rows():
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups = pl.DataFrame(
        {"event_id": list(parent), "event_group": [root(x) for x in parent]},
        schema={"event_id": pl.String, "event_group": pl.String},
    )
    return events.join(groups, on="event_id", how="left").with_columns(
        pl.col("event_group").fill_null(pl.col("event_id"))
    )
