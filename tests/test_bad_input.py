"""Bad input never crashes and never loses a document."""

from __future__ import annotations

import polars as pl
import pytest

import communique as cq
from conftest import assert_spans

GOOD = "Le ministre kazakh des Affaires étrangères a rencontré son homologue américain à Astana."


def test_every_document_keeps_its_row(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Réunion à Astana.".encode("latin-1"))
    (tmp_path / "broken.txt").write_bytes("Réunion à Astana, très".encode() + b"\xff" + b" bien.")
    (tmp_path / "nul.txt").write_bytes(b"Avant\x00apr\xc3\xa8s. " + GOOD.encode())
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\u00a0\u202f\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    files = cq.read_texts(tmp_path)
    assert files["doc_id"].to_list() == ["blank", "broken", "empty", "good", "latin1", "nul"]

    extra = pl.DataFrame(
        {"doc_id": ["null"], "text": [None]}, schema={"doc_id": pl.String, "text": pl.String}
    )
    docs = pl.concat([files, extra], how="diagonal")
    result = cq.extract(docs)
    out = {row["doc_id"]: row for row in result.documents.iter_rows(named=True)}
    assert sorted(out) == sorted(docs["doc_id"])

    # A Latin-1 file is recognised and decoded; a UTF-8 file with a broken byte keeps its row,
    # the byte replaced and the replacement recorded.
    assert out["latin1"]["error"] is None
    assert out["latin1"]["encoding"] == "windows-1252"
    assert out["latin1"]["n_chars"] == len("Réunion à Astana.")
    assert out["broken"]["encoding"] == "UTF-8"
    assert "replaced" in out["broken"]["error"]
    assert out["broken"]["n_chars"] == len("Réunion à Astana, très\ufffd bien.")
    assert out["nul"]["n_chars"] == len(files.filter(pl.col("doc_id") == "nul")["text"][0])
    for doc_id in ("empty", "blank", "null"):
        assert out[doc_id]["error"], doc_id
        assert out[doc_id]["n_sentences"] == 0, doc_id
    assert out["null"]["n_chars"] == 0
    assert out["good"]["error"] is None
    assert out["good"]["lang"] == "fr"

    alone = cq.extract(files.filter(pl.col("doc_id") == "good"))
    for name in ("documents", "mentions", "events", "commitments"):
        assert alone.tables()[name].equals(
            result.tables()[name].filter(pl.col("doc_id") == "good")
        ), name
    assert_spans(docs, result)


def test_ten_megabyte_text():
    sentence = "Le président a reçu à Astana le secrétaire d’État américain, 😀 « bienvenue ». "
    text = sentence * (10_000_000 // len(sentence.encode()) + 1)
    assert len(text.encode()) > 10_000_000
    result = cq.extract([text, GOOD])
    docs = result.documents
    assert docs.height == 2
    assert docs["n_chars"][0] == len(text)
    assert docs["n_sentences"][0] > 1000
    assert docs["error"][1] is None


def test_control_characters_and_lone_marks():
    texts = ["\u0301\u0301\u0301", "\x00\x00", "a\u200b\u200cb", "\ufffd" * 10, "🏳️‍🌈" * 50, "."]
    result = cq.extract(texts)
    assert result.documents["n_chars"].to_list() == [len(t) for t in texts]
    docs = pl.DataFrame({"doc_id": result.documents["doc_id"], "text": texts})
    assert_spans(docs, result)


def test_unknown_language_is_und():
    result = cq.extract(["Ниже приводится текст на русском языке без перевода."])
    row = result.documents.row(0, named=True)
    assert row["lang"] == "und"
    assert row["n_chars"] > 0


ACCEPTED = 'lang must be "fr", "en" or None, not "xx"'


@pytest.mark.parametrize(
    "call",
    [
        lambda: cq.extract_text(GOOD, lang="xx"),
        lambda: pl.select(pl.lit(GOOD).communique.money(lang="xx")),
        lambda: pl.select(pl.lit(GOOD).communique.mentions(lang="xx")),
        lambda: pl.select(pl.lit(GOOD).communique.events(lang="xx")),
    ],
)
def test_an_unknown_lang_argument_names_the_accepted_codes(call):
    with pytest.raises(ValueError) as info:
        call()
    assert str(info.value) == ACCEPTED


def test_an_unknown_lang_argument_of_extract_parquet(tmp_path):
    pl.DataFrame({"text": [GOOD]}).write_parquet(tmp_path / "c.parquet")
    with pytest.raises(ValueError) as info:
        cq.extract_parquet(tmp_path / "c.parquet", tmp_path / "out", lang="xx")
    assert str(info.value) == ACCEPTED
    assert not (tmp_path / "out").exists()


def test_the_extension_words_an_unknown_lang_the_same():
    with pytest.raises(ValueError) as info:
        cq._core.money_column(pl.Series([GOOD]), lang="xx")
    assert str(info.value) == ACCEPTED


@pytest.mark.parametrize("path", ["articles/", "news/**/*.txt", "article.txt", "corpus.parquet"])
def test_a_path_given_to_extract_points_to_read_texts(path):
    with pytest.raises(TypeError) as info:
        cq.extract(path)
    assert "read_texts" in str(info.value) and repr(path) in str(info.value)
    assert "extract_text" not in str(info.value)


def test_an_existing_folder_given_to_extract_points_to_read_texts(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    for docs in (tmp_path, str(tmp_path)):
        with pytest.raises(TypeError, match="read_texts"):
            cq.extract(docs)
    # What the message suggests works.
    assert cq.extract(cq.read_texts(tmp_path)).documents.height == 1


def test_a_single_text_given_to_extract_points_to_extract_text():
    with pytest.raises(TypeError, match="use extract_text for a single text"):
        cq.extract(GOOD)
