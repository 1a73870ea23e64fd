"""x.show(doc_id): the document as HTML with its spans highlighted, matching the tables."""

from __future__ import annotations

import html
import sys
from html.parser import HTMLParser

import polars as pl
import pytest

import communique as cq
from communique import display
from communique.extraction import TABLES


class _Marks(HTMLParser):
    """The plain text of the rendered document and its highlighted pieces.

    Labels (``span.cq-label``) are left out of the text, so that it can be compared with the
    document's text character for character.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.marks: list[dict] = []
        self.labels: list[str] = []
        self._in_text = 0
        self._in_label = False
        self._open: dict | None = None

    def _pos(self) -> int:
        return sum(len(t) for t in self.text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if self._in_text:
            self._in_text += tag == "div"
        elif tag == "div" and "cq-text" in classes:
            self._in_text = 1
        if not self._in_text:
            return
        if tag == "mark":
            self._open = {**values, "from": self._pos(), "label_text": ""}
        elif tag == "span" and "cq-label" in classes:
            self._in_label = True

    def handle_endtag(self, tag: str) -> None:
        if not self._in_text:
            return
        if tag == "span" and self._in_label:
            self._in_label = False
        elif tag == "mark" and self._open is not None:
            self._open["to"] = self._pos()
            self.marks.append(self._open)
            self._open = None
        elif tag == "div":
            self._in_text -= 1

    def handle_data(self, data: str) -> None:
        if not self._in_text:
            return
        if self._in_label:
            if self._open is not None:
                self._open["label_text"] += data
        else:
            self.text.append(data)


def _parse(markup: str) -> _Marks:
    parser = _Marks()
    parser.feed(markup)
    parser.close()
    return parser


def _table_spans(x: cq.Extraction, doc_id: str) -> set[tuple[str, int, int]]:
    out = set()
    for table in ("mentions", "events", "commitments"):
        rows = getattr(x, table).filter(pl.col("doc_id") == doc_id).select("start", "end")
        out.update((table, start, end) for start, end in rows.iter_rows())
    # A quotation, and the span naming its speaker.
    quotes = x.quotes.filter(pl.col("doc_id") == doc_id)
    out.update(("quotes", start, end) for start, end in quotes.select("start", "end").iter_rows())
    speakers = quotes.select("speaker_start", "speaker_end").drop_nulls()
    out.update(("quotes", start, end) for start, end in speakers.iter_rows())
    return out


def _check(x: cq.Extraction, doc_id: str, text: str, markup: str) -> _Marks:
    parsed = _parse(markup)
    assert "".join(parsed.text) == text, "the rendered text is not the document's text"
    spans = _table_spans(x, doc_id)
    covered: set[int] = set()
    for mark in parsed.marks:
        key = (mark["data-table"], int(mark["data-start"]), int(mark["data-end"]))
        assert key in spans, f"highlight without a table row: {mark}"
        # Each piece lies inside the span whose offsets it carries.
        assert key[1] <= mark["from"] < mark["to"] <= key[2], mark
        assert mark["label_text"] in ("", mark["data-label"])
        covered.update(range(mark["from"], mark["to"]))
    for table, start, end in spans:
        if 0 <= start < end <= len(text):
            assert covered >= set(range(start, end)), f"{table} span {start}:{end} not highlighted"
            own = [
                m
                for m in parsed.marks
                if (m["data-start"], m["data-end"]) == (f"{start}", f"{end}")
            ]
            # A span no other span overlaps is drawn whole, with one label.
            overlapping = [
                s for s in spans if s[1] < end and start < s[2] and s[1:] != (start, end)
            ]
            if not overlapping:
                assert "".join(text[m["from"] : m["to"]] for m in own) == text[start:end]
                assert sum(1 for m in own if m["label_text"]) == 1
    return parsed


def test_show_matches_table_offsets(sample: pl.DataFrame, sample_result: cq.Extraction) -> None:
    texts = dict(sample.select("doc_id", "text").iter_rows())
    n_marks = 0
    for doc_id, text in texts.items():
        shown = sample_result.show(doc_id, sample)
        assert hasattr(shown, "_repr_html_")
        n_marks += len(_check(sample_result, doc_id, text, shown.data).marks)
    assert n_marks > 0


def test_show_labels_every_kind_of_span(sample: pl.DataFrame, sample_result: cq.Extraction) -> None:
    with_money = sample_result.commitments["doc_id"][0]
    markup = sample_result.show(with_money, sample).data
    labels = {m["data-label"] for m in _parse(markup).marks}
    assert "MONEY" in labels
    assert {"PERSON", "COUNTRY"} & labels
    assert any(m["data-table"] == "events" for m in _parse(markup).marks)


def test_show_escapes_hostile_text() -> None:
    text = (
        'Le Kazakhstan & les États-Unis <script>alert("x")</script> ont signé '
        'l\'accord "A&B" à Astana; Washington versera 25 millions de dollars.'
    )
    x = cq.extract_text(text, lang="fr", doc_id='<b id="x">&')
    shown = display.show(x, '<b id="x">&', text)
    assert "<script>" not in shown.data
    assert "&lt;script&gt;" in shown.data
    assert "&amp;" in shown.data and "&quot;" in shown.data
    assert '<b id="x">' not in shown.data
    marks = _check(x, '<b id="x">&', text, shown.data).marks
    assert "MONEY" in {m["data-label"] for m in marks}


def test_render_nested_and_overlapping_spans() -> None:
    text = "👋🏽 Le Conseil d'Astana s'est réuni."
    start = text.index("Conseil")
    inner = text.index("Astana")
    spans = [
        display.Span(start, inner + len("Astana"), "mentions", "organization", "ORG", "c"),
        display.Span(inner, inner + len("Astana"), "mentions", "place", "PLACE", "astana"),
        display.Span(inner + 2, inner + 12, "events", "event", "MEETING", "e"),
        display.Span(5, 2, "events", "event", "BAD", "ignored"),
        display.Span(0, 10_000, "events", "event", "BAD", "ignored"),
    ]
    parsed = _parse(f'<div class="cq-text">{display.render(text, spans)}</div>')
    assert "".join(parsed.text) == text
    pieces = [
        (text[m["from"] : m["to"]], m["data-label"], bool(m["label_text"])) for m in parsed.marks
    ]
    # The shortest span covering a piece wins; each span is labelled once, after its last piece.
    assert pieces == [
        ("Conseil d'", "ORG", True),
        ("Astana", "PLACE", True),
        (" s'est", "MEETING", True),
    ]
    assert "BAD" not in {m["data-label"] for m in parsed.marks}


@pytest.mark.parametrize("text", ["", "\u0301\u0301", "🇰🇿" * 1000, "a\x00b"])
def test_render_never_fails(text: str) -> None:
    spans = [display.Span(0, 1, "mentions", "place", "PLACE", "")]
    assert isinstance(display.render(text, spans), str)


def test_show_needs_a_known_document_and_its_text(sample_result: cq.Extraction) -> None:
    with pytest.raises(ValueError, match="unknown doc_id"):
        sample_result.show("no such document", "")
    with pytest.raises(TypeError):
        sample_result.show(3)  # type: ignore[arg-type]
    # The extraction keeps its input texts: the document renders without passing them again.
    doc_id = sample_result.documents["doc_id"][0]
    first = sample_result.mentions.filter(pl.col("doc_id") == doc_id)["text"][0]
    assert html.escape(first) in str(sample_result.show(doc_id).data)
    bare = cq.Extraction(*(getattr(sample_result, name) for name in TABLES))
    with pytest.raises(ValueError, match="documents frame"):
        bare.show(doc_id)


def test_show_without_ipython(
    monkeypatch: pytest.MonkeyPatch, sample: pl.DataFrame, sample_result: cq.Extraction
) -> None:
    monkeypatch.setitem(sys.modules, "IPython.display", None)
    doc_id = sample["doc_id"][0]
    shown = sample_result.show(doc_id, sample)
    assert isinstance(shown, display.HTML)
    assert shown._repr_html_() == shown.data
    assert "cq-span" in shown.data


def test_amounts_display_as_readable_numbers(sample_result: cq.Extraction) -> None:
    page = sample_result._repr_html_()
    assert "600,000,000,000" in page and "25,000,000" in page
    assert "6.0000e11" not in page and "2.5e7" not in page
    # Only the display changes: the table keeps its floats.
    assert sample_result.commitments.schema["amount"] == pl.Float64
    assert 6e11 in sample_result.commitments["amount"].to_list()
    shown = display.readable_amounts(sample_result.commitments)
    assert shown.schema["amount_usd"] == pl.String and shown.schema["year"] == pl.Int32
    assert [display.amount_text(v) for v in (6e11, 2.5e7, 1234.5, 0.0)] == [
        "600,000,000,000",
        "25,000,000",
        "1,234.50",
        "0",
    ]


def test_show_labels_amounts_readably(sample: pl.DataFrame, sample_result: cq.Extraction) -> None:
    doc_id = sample_result.commitments.sort("amount", descending=True)["doc_id"][0]
    markup = sample_result.show(doc_id, sample).data
    assert 'title="600,000,000,000 USD' in markup
