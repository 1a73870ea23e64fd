"""The ``communique`` expression namespace: extraction inside Polars queries.

After ``import communique``, every string expression has a ``.communique`` namespace::

    df.with_columns(
        money=pl.col("text").communique.money(),
        mentions=pl.col("text").communique.mentions(),
        events=pl.col("text").communique.events(),
        quotes=pl.col("text").communique.quotes(),
    )

Each method gives, per text, a list of structs (a null text gives a null list):

- ``money()``: every money expression, commitment or not: ``start``, ``end`` (code-point
  offsets), ``text``, ``amount``, ``currency`` (ISO 4217), ``qualifier``;
- ``mentions()``: the rows of the ``mentions`` table for that text, without ``doc_id``;
- ``events()``: the rows of the ``events`` table for that text, without ``doc_id``;
- ``quotes()``: the rows of the ``quotes`` table for that text, without ``doc_id``.

The language is detected per text unless ``lang`` is given. Each text is a document of its
own: identifiers such as ``event_id`` depend on the text only, and relative dates ("jeudi")
stay unresolved (``date`` null, ``date_text`` kept) since a column of texts carries no
publication date; use :func:`communique.extract` with a ``published`` column for those.

The expressions are elementwise, so they work in eager, lazy and streaming queries
(``collect(engine="streaming")``); the work runs in Rust with the GIL released.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

import polars as pl

from communique import _core
from communique.extraction import PathLike, _check_lang, _check_threads, _read_dictionaries

__all__ = ["CommuniqueExpr"]

_TEXT_TYPES = (pl.String, pl.Null, pl.Categorical, pl.Enum)

_COLUMNS: dict[str, Callable[..., object]] = {
    "money": _core.money_column,
    "mentions": _core.mentions_column,
    "events": _core.events_column,
    "quotes": _core.quotes_column,
}


@cache
def _dtype(kind: str) -> pl.DataType:
    """The column type the extension builds, read from its answer for no texts."""
    return pl.Series(_COLUMNS[kind](pl.Series([], dtype=pl.String))).dtype


@pl.api.register_expr_namespace("communique")
class CommuniqueExpr:
    """``pl.col("text").communique``: money, mentions, events and quotes of each text."""

    def __init__(self, expr: pl.Expr) -> None:
        self._expr = expr

    def _column(self, kind: str, **options: object) -> pl.Expr:
        call = _COLUMNS[kind]

        def run(texts: pl.Series) -> pl.Series:
            if not isinstance(texts.dtype, _TEXT_TYPES):
                raise TypeError(
                    f"communique.{kind}() needs a column of strings, "
                    f"not {texts.name!r} of type {texts.dtype}"
                )
            if texts.dtype != pl.String:
                texts = texts.cast(pl.String)
            return pl.Series(call(texts, **options)).alias(texts.name)

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
