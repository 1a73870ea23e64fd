"""The quotes table: who said what, on articles written for these tests (French and English)."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import communique as cq
from quote_articles import ARTICLES, HELD_OUT, HELD_OUT_2, Article

ALL = ARTICLES + HELD_OUT + HELD_OUT_2
QUOTE_COLUMNS = {
    "quote_id": pl.String,
    "doc_id": pl.String,
    "sentence": pl.UInt32,
    "start": pl.UInt32,
    "end": pl.UInt32,
    "text": pl.String,
    "speaker": pl.String,
    "speaker_start": pl.UInt32,
    "speaker_end": pl.UInt32,
    "cue": pl.String,
    "kind": pl.String,
}


@pytest.fixture(scope="module")
def extracted() -> dict[str, cq.Extraction]:
    return {a.doc_id: cq.extract_text(a.text, lang=a.lang, doc_id=a.doc_id) for a in ALL}


def _scores(articles: list[Article], extracted: dict[str, cq.Extraction]) -> tuple[float, float]:
    """(speaker right, span exact) over the expected quotations; a missed one counts as wrong
    for both."""
    total = speaker_right = span_exact = 0
    for article in articles:
        rows = extracted[article.doc_id].quotes.to_dicts()
        for expected in article.quotes:
            total += 1
            match = next(
                (r for r in rows if expected.text in r["text"] or r["text"] in expected.text),
                None,
            )
            if match is None:
                continue
            span_exact += match["text"] == expected.text and match["kind"] == expected.kind
            speaker_right += match["speaker"] == expected.speaker
    return speaker_right / total, span_exact / total


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_speaker_and_span_reach_the_targets(lang: str, extracted: dict[str, cq.Extraction]) -> None:
    articles = [a for a in ALL if a.lang == lang]
    assert sum(len(a.quotes) for a in articles) >= 30
    speaker, span = _scores(articles, extracted)
    assert speaker >= 0.90, f"speaker right {speaker:.3f}"
    assert span >= 0.90, f"span exact {span:.3f}"


def test_no_quotation_beyond_those_a_reader_marks(extracted: dict[str, cq.Extraction]) -> None:
    found = sum(x.quotes.height for x in extracted.values())
    expected = sum(len(a.quotes) for a in ALL)
    assert found <= expected * 1.05


def test_offsets_select_the_words_and_the_speaker(extracted: dict[str, cq.Extraction]) -> None:
    for article in ALL:
        x = extracted[article.doc_id]
        mentions = x.mentions.select("start", "end", "actor_id").rows()
        for row in x.quotes.to_dicts():
            assert article.text[row["start"] : row["end"]] == row["text"]
            assert not row["text"].startswith(("«", "“", '"', " "))
            assert not row["text"].endswith(("»", "”", '"', " "))
            if row["speaker_start"] is None:
                continue
            named = article.text[row["speaker_start"] : row["speaker_end"]]
            assert row["speaker_start"] < row["speaker_end"] and named.strip() == named
            # The span is a mention of the speaker, or the word standing for them.
            mention = (row["speaker_start"], row["speaker_end"], row["speaker"])
            assert mention in mentions or " " not in named, (named, row)


def test_the_table_keeps_its_columns_when_empty() -> None:
    for x in (cq.extract_text("", lang="fr"), cq.extract([])):
        assert dict(x.quotes.schema) == QUOTE_COLUMNS
        assert x.quotes.height == 0
    x = cq.extract_text("Le ministre est arrivé.", lang="fr")
    assert dict(x.quotes.schema) == QUOTE_COLUMNS


def test_ids_depend_on_the_document_and_the_span() -> None:
    text = ALL[0].text
    first = cq.extract_text(text, lang="fr", doc_id="a").quotes
    again = cq.extract_text(text, lang="fr", doc_id="a").quotes
    other = cq.extract_text(text, lang="fr", doc_id="b").quotes
    assert first["quote_id"].to_list() == again["quote_id"].to_list()
    assert first["quote_id"].n_unique() == first.height
    assert set(first["quote_id"]).isdisjoint(other["quote_id"])


def test_namespace_gives_each_texts_quotes() -> None:
    texts = [ALL[0].text, None, HELD_OUT[2].text]
    frame = pl.DataFrame({"text": texts}).with_columns(q=pl.col("text").communique.quotes())
    assert frame["q"][1] is None
    for text, quotes in zip(texts, frame["q"].to_list()):
        if text is None:
            continue
        expected = cq.extract_text(text).quotes.drop("doc_id", "quote_id")
        got = pl.DataFrame(quotes).drop("quote_id")
        assert got.to_dicts() == expected.to_dicts()
    lazy = pl.LazyFrame({"text": texts}).select(pl.col("text").communique.quotes(lang="en"))
    assert lazy.collect(engine="streaming").height == 3


def test_show_highlights_quotes_with_their_speaker(extracted: dict[str, cq.Extraction]) -> None:
    article = ARTICLES[0]
    markup = extracted[article.doc_id].show(article.doc_id, article.text).data
    assert 'data-table="quotes"' in markup
    assert "QUOTE · mukhtar_tileuberdi" in markup
    # The pronoun of "a-t-il ajouté" is marked as the speaker.
    assert "SPEAKER · mukhtar_tileuberdi" in markup


@pytest.mark.parametrize("fmt", ["parquet", "csv", "ndjson"])
def test_written_with_the_other_tables(fmt: str, tmp_path: Path) -> None:
    x = cq.extract_text(ARTICLES[0].text, lang="fr", doc_id="astana")
    paths = getattr(x, f"write_{fmt}")(tmp_path)
    read = getattr(pl, f"read_{fmt}")(paths["quotes"])
    assert read.height == x.quotes.height > 0
    assert read["text"].to_list() == x.quotes["text"].to_list()
