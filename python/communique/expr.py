"""The ``communique`` expression namespace: extraction inside Polars queries.

After ``import communique``, every string expression has a ``.communique`` namespace::

    df.with_columns(
        money=pl.col("text").communique.money(),
        dates=pl.col("text").communique.dates(published=pl.col("published")),
        mentions=pl.col("text").communique.mentions(),
        events=pl.col("text").communique.events(),
        quotes=pl.col("text").communique.quotes(),
    )

Each method gives, per text, a list of structs (a null text gives a null list):

- ``money()``: every money expression, commitment or not: ``start``, ``end`` (code-point
  offsets), ``text``, ``amount``, ``currency`` (ISO 4217), ``qualifier``;
- ``dates(published=...)``: every date expression: ``start``, ``end``, ``text``, ``date``
  (the day it denotes, the first day of a month or a year; null when it cannot be resolved),
  ``granularity`` (``"day"``, ``"month"`` or ``"year"``), resolved against ``published``;
- ``mentions()``: the rows of the ``mentions`` table for that text, without ``doc_id``;
- ``events()``: the rows of the ``events`` table for that text, without ``doc_id``;
- ``quotes()``: the rows of the ``quotes`` table for that text, without ``doc_id``.

The language is detected per text unless ``lang`` is given. Each text is a document of its
own: identifiers such as ``event_id`` depend on the text only, and in ``events()`` relative
dates ("jeudi") stay unresolved (``date`` null, ``date_text`` kept) since a column of texts
carries no publication date; use :func:`communique.extract` with a ``published`` column for
those, or ``dates(published=...)`` for the date expressions alone.

The expressions are elementwise, so they work in eager, lazy and streaming queries
(``collect(engine="streaming")``); the work runs in Rust with the GIL released.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import cache

import polars as pl

from communique import _core
from communique.extraction import PathLike, _check_lang, _check_threads, _read_dictionaries

__all__ = ["CommuniqueExpr"]

_TEXT_TYPES = (pl.String, pl.Null, pl.Categorical, pl.Enum)

_COLUMNS: dict[str, Callable[..., object]] = {
    "money": _core.money_column,
    "dates": _core.dates_column,
    "mentions": _core.mentions_column,
    "events": _core.events_column,
    "quotes": _core.quotes_column,
}


@cache
def _dtype(kind: str) -> pl.DataType:
    """The column type the extension builds, read from its answer for no texts."""
    return pl.Series(_COLUMNS[kind](pl.Series([], dtype=pl.String))).dtype


def _texts(texts: pl.Series, kind: str) -> pl.Series:
    """The texts as a String series, or a TypeError naming the expression."""
    if not isinstance(texts.dtype, _TEXT_TYPES):
        raise TypeError(
            f"communique.{kind}() needs a column of strings, "
            f"not {texts.name!r} of type {texts.dtype}"
        )
    return texts if texts.dtype == pl.String else texts.cast(pl.String)


def _published_expr(published: object) -> pl.Expr:
    """The ``published`` argument of ``dates()`` as an expression."""
    if isinstance(published, dt.datetime):
        published = published.date()
    if published is None or isinstance(published, dt.date):
        return pl.lit(published, dtype=pl.Date)
    if isinstance(published, str):
        try:
            return pl.lit(dt.date.fromisoformat(published.strip()[:10]))
        except ValueError:
            raise ValueError(f"published must be an ISO date, not {published!r}") from None
    if isinstance(published, pl.Expr):
        return published
    raise TypeError(
        f"published must be a date, an ISO string, an expression or None, "
        f"not {type(published).__name__}"
    )


def _days(days: pl.Series) -> pl.Series:
    """Publication dates as a Date series: datetimes lose their time, ISO strings are parsed
    (a string that is no date gives no date)."""
    if days.dtype == pl.Date or days.dtype == pl.Null:
        return days.cast(pl.Date)
    if isinstance(days.dtype, pl.Datetime):
        return days.dt.date()
    if isinstance(days.dtype, (pl.String, pl.Categorical, pl.Enum)):
        head = days.cast(pl.String).str.strip_chars().str.slice(0, 10)
        return head.str.to_date("%Y-%m-%d", strict=False)
    raise TypeError(f"published must be dates or ISO strings, not {days.dtype}")


@pl.api.register_expr_namespace("communique")
class CommuniqueExpr:
    """``pl.col("text").communique``: money, dates, mentions, events and quotes of each text."""

    def __init__(self, expr: pl.Expr) -> None:
        self._expr = expr

    def _column(self, kind: str, **options: object) -> pl.Expr:
        call = _COLUMNS[kind]

        def run(texts: pl.Series) -> pl.Series:
            return pl.Series(call(_texts(texts, kind), **options)).alias(texts.name)

        return self._expr.map_batches(run, return_dtype=_dtype(kind), is_elementwise=True)

    def money(self, *, lang: str | None = None, threads: int | None = None) -> pl.Expr:
        """Every money expression of each text: a list of ``{start, end, text, amount,
        currency, qualifier}`` structs, offsets in code points.

        ``lang`` (``"fr"`` or ``"en"``) forces the language; by default it is detected per
        text. ``threads`` bounds the worker threads (default: all cores).
        """
        _check_lang(lang)
        _check_threads(threads)
        return self._column("money", lang=lang, threads=threads)

    def dates(
        self,
        *,
        published: dt.date | str | pl.Expr | None = None,
        lang: str | None = None,
        threads: int | None = None,
    ) -> pl.Expr:
        """Every date expression of each text: a list of ``{start, end, text, date,
        granularity}`` structs, offsets in code points, ``granularity`` one of ``"day"``,
        ``"month"``, ``"year"`` and ``date`` the first day of what it denotes.

        ``published`` is the publication date relative dates ("jeudi", "yesterday", "le 20
        mai") are resolved against: a date, an ISO string, or an expression (of dates,
        datetimes or ISO strings) giving one per text. Without it, a day or month written
        without a year takes its year from the nearest full date of the same text, and
        expressions relative to the publication day have a null ``date``. ``lang`` and
        ``threads`` are as in :meth:`money`.
        """
        _check_lang(lang)
        _check_threads(threads)
        options = {"lang": lang, "threads": threads}
        when = _published_expr(published)

        def run(pair: pl.Series) -> pl.Series:
            texts, days = pair.struct.unnest().get_columns()
            texts = _texts(texts, "dates")
            days = _days(days)
            return pl.Series(_core.dates_column(texts, days, **options)).alias(pair.name)

        both = pl.struct(self._expr, when.alias("__communique_published"))
        return both.map_batches(run, return_dtype=_dtype("dates"), is_elementwise=True)

    def mentions(
        self,
        *,
        lang: str | None = None,
        threads: int | None = None,
        dictionaries: Sequence[PathLike] | None = None,
    ) -> pl.Expr:
        """The mentions of each text: a list of structs with the columns of the ``mentions``
        table except ``doc_id``. ``dictionaries`` adds user dictionary files (TOML)."""
        return self._pipeline("mentions", lang, threads, dictionaries)

    def events(
        self,
        *,
        lang: str | None = None,
        threads: int | None = None,
        dictionaries: Sequence[PathLike] | None = None,
    ) -> pl.Expr:
        """The events of each text: a list of structs with the columns of the ``events``
        table except ``doc_id``. ``dictionaries`` adds user dictionary files (TOML)."""
        return self._pipeline("events", lang, threads, dictionaries)

    def quotes(
        self,
        *,
        lang: str | None = None,
        threads: int | None = None,
        dictionaries: Sequence[PathLike] | None = None,
    ) -> pl.Expr:
        """The quotations of each text: a list of structs with the columns of the ``quotes``
        table except ``doc_id`` (who said what, with the speaker's span and the cue).
        ``dictionaries`` adds user dictionary files (TOML)."""
        return self._pipeline("quotes", lang, threads, dictionaries)

    def _pipeline(
        self,
        kind: str,
        lang: str | None,
        threads: int | None,
        dictionaries: Sequence[PathLike] | None,
    ) -> pl.Expr:
        _check_lang(lang)
        _check_threads(threads)
        options: dict[str, object] = {"lang": lang, "threads": threads}
        if dictionaries is not None:
            options["dictionaries"] = _read_dictionaries(dictionaries)
        return self._column(kind, **options)
