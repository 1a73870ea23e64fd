"""Reading documents: folders, globs, lists of files, metadata.csv, encodings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest

import communique as cq
from communique.io import DOCUMENT_SCHEMA
from conftest import SEEDS


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    write(folder / "b.txt", "Deuxième article.\n")
    write(folder / "a.txt", "Premier article, à Astana.\n")
    write(folder / "notes.md", "pas un article")
    write(
        folder / "metadata.csv",
        "doc_id,title,published,source,unknown\n"
        "a,Titre A,2023-11-14,exemple.kz,x\n"
        "b,,,,\n"
        "zzz,Absent,2020-01-01,,\n",
    )
    return folder


def test_directory(corpus):
    docs = cq.read_texts(corpus)
    assert docs.schema == pl.Schema(DOCUMENT_SCHEMA)
    assert docs["doc_id"].to_list() == ["a", "b"]
    a, b = docs.rows(named=True)
    assert a["text"] == "Premier article, à Astana.\n"
    assert a["title"] == "Titre A"
    assert a["published"] == dt.date(2023, 11, 14)
    assert a["source"] == "exemple.kz"
    assert (b["title"], b["published"], b["source"]) == (None, None, None)
    assert a["error"] is None and b["error"] is None


def test_directory_as_str_glob_and_list(corpus):
    expected = cq.read_texts(corpus)
    assert cq.read_texts(str(corpus)).equals(expected)
    assert cq.read_texts(str(corpus / "*.txt")).equals(expected)
    assert cq.read_texts(str(corpus / "*")).equals(expected)
    files = [corpus / "a.txt", str(corpus / "b.txt")]
    assert cq.read_texts(files).equals(expected)
    assert cq.read_texts(corpus / "a.txt").equals(expected[:1])


def test_recursive_glob(tmp_path):
    write(tmp_path / "x" / "one.txt", "Un.")
    write(tmp_path / "y" / "z" / "two.txt", "Deux.")
    docs = cq.read_texts(str(tmp_path / "**" / "*.txt"))
    assert sorted(docs["doc_id"]) == ["one", "two"]


def test_bad_published_in_metadata_is_recorded(tmp_path):
    write(tmp_path / "a.txt", "Texte.")
    write(tmp_path / "metadata.csv", "doc_id,published\na,14/11/2023\n")
    row = cq.read_texts(tmp_path).row(0, named=True)
    assert row["published"] is None
    assert "metadata.csv line 2" in row["error"] and "14/11/2023" in row["error"]


def test_metadata_without_doc_id_is_an_error(tmp_path):
    write(tmp_path / "a.txt", "Texte.")
    write(tmp_path / "metadata.csv", "id,published\na,2023-01-01\n")
    with pytest.raises(ValueError, match="doc_id"):
        cq.read_texts(tmp_path)


def test_bom_is_stripped(tmp_path):
    write(tmp_path / "a.txt", "\ufeffBonjour".encode())
    row = cq.read_texts(tmp_path).row(0, named=True)
    assert row["text"] == "Bonjour" and row["error"] is None


def test_legacy_encodings_are_detected_and_broken_bytes_flagged(tmp_path):
    write(tmp_path / "latin1.txt", "Café à Astana, près de la frontière".encode("latin-1"))
    write(tmp_path / "utf8.txt", "Café à Astana, ".encode() + b"\xff" + "très bien".encode())
    rows = {r["doc_id"]: r for r in cq.read_texts(tmp_path).iter_rows(named=True)}
    assert rows["latin1"]["text"] == "Café à Astana, près de la frontière"
    assert (rows["latin1"]["encoding"], rows["latin1"]["error"]) == ("windows-1252", None)
    assert rows["utf8"]["text"] == "Café à Astana, \ufffdtrès bien"
    assert rows["utf8"]["encoding"] == "UTF-8"
    assert "replaced" in rows["utf8"]["error"]


def test_non_text_files_in_a_directory_are_ignored(tmp_path):
    write(tmp_path / "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(tmp_path / "a.txt", "Texte.")
    assert cq.read_texts(tmp_path)["doc_id"].to_list() == ["a"]


def test_a_listed_file_is_read_whatever_its_extension(tmp_path):
    path = write(tmp_path / "article.text", "Texte.")
    assert cq.read_texts([path])["doc_id"].to_list() == ["article"]


def test_errors_name_the_path(tmp_path):
    with pytest.raises(FileNotFoundError, match="missing-folder"):
        cq.read_texts(tmp_path / "missing-folder")
    with pytest.raises(FileNotFoundError, match="nothing"):
        cq.read_texts(str(tmp_path / "nothing*.txt"))
    write(tmp_path / "only.png", b"\x89PNG")
    with pytest.raises(ValueError, match="no .txt files in"):
        cq.read_texts(tmp_path)


def test_wrong_types_name_the_argument():
    with pytest.raises(TypeError, match="paths must be"):
        cq.read_texts(3)
    with pytest.raises(TypeError, match=r"paths\[1\]"):
        cq.read_texts(["a.txt", 2])


def test_duplicate_doc_ids_across_folders(tmp_path):
    write(tmp_path / "x" / "same.txt", "Un.")
    write(tmp_path / "y" / "same.txt", "Deux.")
    with pytest.raises(ValueError, match="same"):
        cq.read_texts([tmp_path / "x", tmp_path / "y"])
    # The same file named twice is read once.
    assert cq.read_texts([tmp_path / "x", tmp_path / "x" / "same.txt"]).height == 1


def test_sample_corpus_matches_the_seeds_folder(sample):
    assert sample.schema == pl.Schema(DOCUMENT_SCHEMA)
    assert sample.height == 5
    if SEEDS.is_dir():
        assert cq.read_texts(SEEDS).equals(sample)


def test_sample_corpus_metadata(sample):
    rows = {row["doc_id"]: row for row in sample.iter_rows(named=True)}
    assert rows["002_23f5b63505be1cca"]["published"] == dt.date(2023, 11, 14)
    assert rows["003_6f91cb43fabafc58"]["published"] == dt.date(2014, 5, 8)
    assert rows["000_0e7e979936c3d084"]["published"] is None
    assert rows["004_d6ec6840f44f2112"]["source"] == "trt.global"
    assert all(row["url"].startswith("http") for row in rows.values())
    assert all(row["text"] and row["error"] is None for row in rows.values())
