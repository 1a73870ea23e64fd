"""Rich display: a document with its actor, place, event, money and quote spans highlighted.

``show(x, doc_id, docs)`` renders the document as HTML, in the manner of spaCy's displaCy: every
mention (person, country, organisation, place), event trigger, money amount and quotation found
in the tables is highlighted and labelled; a quotation's label names its speaker, and a pronoun
standing for the speaker is marked too. Spans may nest or overlap (an event trigger inside a longer
phrase, a place inside an organisation's name): the text is cut at every span boundary and
each piece is drawn with the most specific span covering it, the shortest one.

Each highlighted piece is a ``<mark>`` carrying the offsets of its span (``data-start``,
``data-end``: code points, as in the tables), its table (``data-table``) and its label, so the
HTML can be checked against the tables. The text is escaped with :func:`html.escape`.
"""

from __future__ import annotations

import html
from typing import Any, NamedTuple, Protocol

import polars as pl


class Extraction(Protocol):
    """The tables a display reads (an :class:`communique.Extraction`)."""

    documents: pl.DataFrame
    mentions: pl.DataFrame
    events: pl.DataFrame
    commitments: pl.DataFrame


__all__ = ["HTML", "amount_text", "readable_amounts", "render", "show", "spans"]

# Background colours by category (colour-blind friendly pastels).
COLOURS = {
    "person": "#aec7e8",
    "country": "#ffbb78",
    "organization": "#98df8a",
    "place": "#c5b0d5",
    "event": "#ff9896",
    "money": "#f7e08a",
    "quote": "#dbe9f6",
    "speaker": "#9edae5",
}
# Between spans of equal length, the more specific table wins.
_PRIORITY = {"commitments": 0, "events": 1, "mentions": 2, "quotes": 3}


def amount_text(value: float) -> str:
    """An amount as people read it: ``600,000,000,000``, ``25,000,000``, ``1,234.50``."""
    return f"{value:,.0f}" if value == round(value) else f"{value:,.2f}"


def readable_amounts(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with its float columns (the amounts) as text such as ``600,000,000,000``
    instead of Polars' ``6.0000e11``: for display only, the tables keep the floats."""
    floats = [name for name, dtype in frame.schema.items() if dtype.is_float()]
    return frame.with_columns(
        pl.col(name).map_elements(amount_text, return_dtype=pl.String) for name in floats
    )


class Span(NamedTuple):
    """One highlighted span: code-point offsets into the document, with its label."""

    start: int
    end: int
    table: str
    category: str
    label: str
    tooltip: str


class HTML:
    """HTML shown by Jupyter; stands in for ``IPython.display.HTML`` when IPython is absent."""

    def __init__(self, data: str) -> None:
        self.data = data

    def _repr_html_(self) -> str:
        return self.data

    def __repr__(self) -> str:
        return f"<communique.display.HTML, {len(self.data)} characters>"


def _html(data: str) -> Any:
    try:
        from IPython.display import HTML as IPythonHTML
    except ImportError:
        return HTML(data)
    return IPythonHTML(data)


def _text_of(extraction: Extraction, doc_id: str, docs: object) -> str:
    """The document's text: from ``docs`` when given, else from the extraction if it keeps it."""
    if isinstance(docs, str):
        return docs
    frames = [docs] if isinstance(docs, pl.DataFrame) else []
    kept = getattr(extraction, "texts", None)
    if isinstance(kept, pl.DataFrame):
        frames.append(kept)
    frames.append(extraction.documents)
    for frame in frames:
        if {"doc_id", "text"} <= set(frame.columns):
            rows = frame.filter(pl.col("doc_id") == doc_id)["text"]
            if rows.len() and rows[0] is not None:
                return str(rows[0])
    if docs is not None and not isinstance(docs, pl.DataFrame):
        raise TypeError(
            f"docs must be the documents frame or the document's text, not {type(docs).__name__}"
        )
    raise ValueError(
        f"no text for document {doc_id!r}: pass the documents frame given to extract() "
        "(e.g. x.show(doc_id, docs)) or the text itself"
    )


def _rows(frame: pl.DataFrame, doc_id: str, columns: list[str]) -> list[dict[str, Any]]:
    present = [c for c in columns if c in frame.columns]
    if not {"doc_id", "start", "end"} <= set(frame.columns):
        return []
    return frame.filter(pl.col("doc_id") == doc_id).select(present).to_dicts()


def spans(extraction: Extraction, doc_id: str) -> list[Span]:
    """The spans of ``doc_id`` in the mentions, events, commitments and quotes tables."""
    out = []
    for row in _rows(extraction.mentions, doc_id, ["start", "end", "actor_id", "kind", "role"]):
        kind = row.get("kind") or "organization"
        label = {"organization": "ORG"}.get(kind, kind.upper())
        tip = " · ".join(str(v) for v in (row.get("actor_id"), row.get("role")) if v)
        out.append(Span(row["start"], row["end"], "mentions", kind, label, tip))
    columns = ["start", "end", "event_id", "event_type", "subtype", "cameo", "date"]
    for row in _rows(extraction.events, doc_id, columns):
        label = str(row.get("subtype") or row.get("event_type") or "event").upper()
        tip = " · ".join(
            str(row[k]) for k in ("event_type", "cameo", "date", "event_id") if row.get(k)
        )
        out.append(Span(row["start"], row["end"], "events", "event", label, tip))
    columns = ["start", "end", "amount", "currency", "amount_usd", "status", "year"]
    for row in _rows(extraction.commitments, doc_id, columns):
        amount = row.get("amount")
        tip = " · ".join(
            [f"{amount_text(amount)} {row.get('currency') or ''}".strip()]
            if amount is not None
            else []
        )
        extra = [str(row[k]) for k in ("status", "year") if row.get(k) is not None]
        tip = " · ".join([tip, *extra]) if tip else " · ".join(extra)
        out.append(Span(row["start"], row["end"], "commitments", "money", "MONEY", tip))
    out.extend(_quote_spans(extraction, doc_id))
    return out


def _quote_spans(extraction: Extraction, doc_id: str) -> list[Span]:
    """Each quotation labelled with its speaker, and the span naming the speaker."""
    quotes = getattr(extraction, "quotes", None)
    if not isinstance(quotes, pl.DataFrame):
        return []
    out = []
    columns = ["start", "end", "speaker", "speaker_start", "speaker_end", "cue", "kind"]
    for row in _rows(quotes, doc_id, columns):
        speaker = row.get("speaker") or "speaker unknown"
        tip = " · ".join(str(row[k]) for k in ("kind", "cue", "speaker") if row.get(k))
        out.append(Span(row["start"], row["end"], "quotes", "quote", f"QUOTE · {speaker}", tip))
        if row.get("speaker_start") is not None and row.get("speaker_end") is not None:
            out.append(
                Span(
                    row["speaker_start"],
                    row["speaker_end"],
                    "quotes",
                    "speaker",
                    f"SPEAKER · {speaker}",
                    tip,
                )
            )
    return out


def _attr(value: object) -> str:
    return html.escape(str(value), quote=True)


def _open_mark(span: Span) -> str:
    return (
        f'<mark class="cq-span cq-{_attr(span.category)}" data-table="{_attr(span.table)}" '
        f'data-start="{span.start}" data-end="{span.end}" data-label="{_attr(span.label)}" '
        f'title="{_attr(span.tooltip)}" style="background: {COLOURS.get(span.category, "#ddd")}; '
        'padding: 0.1em 0.25em; border-radius: 0.3em; line-height: 2">'
    )


def _label(span: Span) -> str:
    return (
        '<span class="cq-label" style="font-size: 0.65em; font-weight: bold; '
        f'margin-left: 0.4em; vertical-align: middle">{html.escape(span.label)}</span>'
    )


def render(text: str, found: list[Span]) -> str:
    """HTML of ``text`` with ``found`` spans highlighted; spans outside the text are ignored."""
    valid = [s for s in found if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    starting: dict[int, list[Span]] = {}
    for span in valid:
        starting.setdefault(span.start, []).append(span)
    # A sweep over the cuts keeps the spans open at each piece: linear in practice.
    covering: list[Span] = []
    runs: list[tuple[int, int, Span | None]] = []
    for left, right in zip(cuts, cuts[1:]):
        covering = [s for s in covering if s.end > left] + starting.get(left, [])
        best = min(
            covering,
            key=lambda s: (s.end - s.start, _PRIORITY.get(s.table, 9), s.start),
            default=None,
        )
        if runs and runs[-1][2] == best:
            runs[-1] = (runs[-1][0], right, best)
        else:
            runs.append((left, right, best))
    # Each span is labelled once, after the last piece it wins.
    last = {span: i for i, (_, _, span) in enumerate(runs) if span is not None}
    parts = []
    for i, (left, right, span) in enumerate(runs):
        piece = html.escape(text[left:right])
        if span is None:
            parts.append(piece)
        else:
            label = _label(span) if last[span] == i else ""
            parts.append(f"{_open_mark(span)}{piece}{label}</mark>")
    return "".join(parts)


def show(extraction: Extraction, doc_id: str, docs: object = None) -> Any:
    """The document ``doc_id`` as HTML, its actor, place, event, money and quote spans
    highlighted.

    ``docs`` is the documents frame given to :func:`communique.extract` (or the document's text
    as a ``str``); it may be left out when the extraction keeps the texts itself. Returns an
    ``IPython.display.HTML`` object when IPython is installed, else a :class:`HTML` object; both
    render in Jupyter and hold the markup in ``.data``.
    """
    if not isinstance(doc_id, str):
        raise TypeError(f"doc_id must be a str, not {type(doc_id).__name__}")
    known = extraction.documents.filter(pl.col("doc_id") == doc_id)
    if known.height == 0:
        raise ValueError(f"unknown doc_id {doc_id!r}")
    text = _text_of(extraction, doc_id, docs)
    title = known["title"][0] if "title" in known.columns else None
    legend = " ".join(
        f'<span style="background: {colour}; padding: 0 0.3em; border-radius: 0.3em">{name}</span>'
        for name, colour in COLOURS.items()
    )
    heading = html.escape(doc_id) + (f" — {html.escape(title)}" if title else "")
    body = render(text, spans(extraction, doc_id))
    markup = (
        f'<div class="cq-document" data-doc-id="{_attr(doc_id)}">'
        f"<div><strong>{heading}</strong></div>"
        f'<div style="font-size: 0.8em; margin: 0.3em 0">{legend}</div>'
        f'<div class="cq-text" style="white-space: pre-wrap; line-height: 1.9">{body}</div>'
        "</div>"
    )
    return _html(markup)
