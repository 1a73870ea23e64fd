"""Offsets are code points into the document text: `text[start:end]` is the span."""

from __future__ import annotations

import polars as pl
import pytest

import communique as cq
from conftest import assert_spans

NNBSP = "\u202f"

# Written for these tests: accents, emoji, curly quotes, guillemets, narrow no-break spaces,
# abbreviations and decimals that must not end a sentence.
TEXTS = {
    "accents": (
        "Le secrétaire d’État américain Antony Blinken a rencontré à Astana le ministre kazakh "
        "des Affaires étrangères. Les deux hommes ont évoqué l’énergie et la sécurité régionale."
    ),
    "emoji": (
        "🇰🇿🇺🇸 Washington versera 25" + NNBSP + "millions de dollars au Kazakhstan 🎉. "
        "Le président Tokaïev a salué cette aide 👏."
    ),
    "quotes": (
        "« Nous soutenons la souveraineté de l’Asie centrale », a déclaré M. Blinken jeudi. "
        "“We will provide $1.5" + NNBSP + "million,” he said. Dr. Smith, of St. Louis, agreed."
    ),
    "mixed": (
        "Le G7 prévoit 1,5" + NNBSP + "milliard d’euros… J. Borrell s’est entretenu avec "
        "M. Vassilenko à Bruxelles. L’UE et le Kazakhstan ont signé un protocole d’accord."
    ),
}


@pytest.fixture(scope="module")
def docs() -> pl.DataFrame:
    return pl.DataFrame({"doc_id": list(TEXTS), "text": list(TEXTS.values())})


@pytest.fixture(scope="module")
def result(docs) -> cq.Extraction:
    return cq.extract(docs)


def test_n_chars_counts_code_points(result):
    got = dict(result.documents.select("doc_id", "n_chars").iter_rows())
    assert got == {doc_id: len(text) for doc_id, text in TEXTS.items()}
    assert cq.extract_text("é😀").documents["n_chars"][0] == 2


def test_combining_marks_are_code_points():
    text = "Ame\u0301lie est arrive\u0301e."
    assert cq.extract_text(text).documents["n_chars"][0] == len(text)


def test_sentence_counts(result):
    got = dict(result.documents.select("doc_id", "n_sentences").iter_rows())
    # "M.", "Dr.", "St.", "J.", "1,5", "1.5" and a closing quote do not end sentences.
    assert got == {"accents": 2, "emoji": 2, "quotes": 3, "mixed": 3}


def test_spans_select_their_text(docs, result):
    assert_spans(docs, result)


def test_sample_spans_select_their_text(sample, sample_result):
    assert_spans(sample, sample_result)


def test_spans_after_emoji_and_nnbsp_in_one_text():
    text = "😀😀😀 " + TEXTS["accents"] + " " + TEXTS["emoji"]
    docs = pl.DataFrame({"doc_id": ["d"], "text": [text]})
    assert_spans(docs, cq.extract(docs))


def test_every_sentence_slices_its_text():
    expected = {
        "accents": [
            "Le secrétaire d’État américain Antony Blinken a rencontré à Astana le ministre kazakh "
            "des Affaires étrangères.",
            "Les deux hommes ont évoqué l’énergie et la sécurité régionale.",
        ],
        "emoji": [
            "🇰🇿🇺🇸 Washington versera 25" + NNBSP + "millions de dollars au Kazakhstan 🎉.",
            "Le président Tokaïev a salué cette aide 👏.",
        ],
        "quotes": [
            "« Nous soutenons la souveraineté de l’Asie centrale », a déclaré M. Blinken jeudi.",
            "“We will provide $1.5" + NNBSP + "million,” he said.",
            "Dr. Smith, of St. Louis, agreed.",
        ],
        "mixed": [
            "Le G7 prévoit 1,5" + NNBSP + "milliard d’euros…",
            "J. Borrell s’est entretenu avec M. Vassilenko à Bruxelles.",
            "L’UE et le Kazakhstan ont signé un protocole d’accord.",
        ],
    }
    for doc_id, text in TEXTS.items():
        found = cq.sentences(text)
        assert found["text"].to_list() == expected[doc_id], doc_id
        for start, end, sentence in found.select("start", "end", "text").iter_rows():
            assert text[start:end] == sentence
    # Events quote the sentence they come from, with the same index.
    x = cq.extract_text(TEXTS["mixed"], lang="fr")
    for row in x.events.iter_rows(named=True):
        assert cq.sentences(TEXTS["mixed"])["text"][row["sentence"]] == row["evidence"]
