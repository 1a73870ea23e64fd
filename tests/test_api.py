"""The Python API: schemas, the sample corpus, input coercion, results and writers."""

from __future__ import annotations

import datetime as dt
import json

import polars as pl
import pyarrow as pa
import pytest

import communique as cq
from communique.extraction import TABLES, extract_chunked
from conftest import SPEC_SCHEMAS, assert_spec_schemas


def test_version_is_exported():
    assert isinstance(cq.__version__, str) and cq.__version__


def test_sample_schemas_follow_spec(sample_result):
    assert_spec_schemas(sample_result)


def test_empty_input_still_has_every_schema():
    result = cq.extract([])
    assert_spec_schemas(result)
    assert all(frame.height == 0 for frame in result.tables().values())


def test_sample_documents(sample_result):
    docs = sample_result.documents.sort("doc_id")
    assert docs.height == 5
    assert docs["lang"].to_list() == ["fr"] * 5
    assert docs["error"].null_count() == 5
    published = dict(zip(docs["doc_id"], docs["published"]))
    assert published == {
        "000_0e7e979936c3d084": None,
        "001_7cf346121d34070f": None,
        "002_23f5b63505be1cca": dt.date(2023, 11, 14),
        "003_6f91cb43fabafc58": dt.date(2014, 5, 8),
        "004_d6ec6840f44f2112": None,
    }
    titles = dict(zip(docs["doc_id"], docs["title"]))
    assert titles["000_0e7e979936c3d084"] == (
        "Les États-Unis et le Kazakhstan discutent de la sécurité régionale et de l’énergie propre"
    )
    assert titles["002_23f5b63505be1cca"] == (
        "Le Kazakhstan participe à la première réunion ministérielle « Asie centrale – G7 »"
    )
    # 004 opens directly with its first body sentence: it has no headline.
    assert titles["004_d6ec6840f44f2112"] is None
    assert docs["source"].to_list()[2] == "fr.eureporter.co"


def test_sample_counts_code_points(sample, sample_result):
    expected = {d: len(t) for d, t in zip(sample["doc_id"], sample["text"])}
    got = dict(sample_result.documents.select("doc_id", "n_chars").iter_rows())
    assert got == expected
    assert (sample_result.documents["n_sentences"] > 3).all()


def test_list_of_str_with_none():
    result = cq.extract(["Le ministre est arrivé à Astana.", None, "Deuxième texte."])
    docs = result.documents
    assert docs["doc_id"].to_list() == ["doc0", "doc1", "doc2"]
    assert docs.filter(pl.col("doc_id") == "doc1")["error"][0]


def test_generated_ids_are_zero_padded_so_they_sort():
    result = cq.extract([f"Texte numéro {i}." for i in range(12)])
    ids = result.documents["doc_id"].to_list()
    assert ids[0] == "doc00" and ids[-1] == "doc11"
    assert sorted(ids) == ids


def test_series_and_arrow_table_and_lazyframe():
    texts = ["Le président a reçu le ministre.", "Une autre phrase."]
    from_list = cq.extract(texts).documents
    from_series = cq.extract(pl.Series("whatever", texts)).documents
    arrow = pa.table({"doc_id": ["doc0", "doc1"], "text": texts})
    from_arrow = cq.extract(arrow).documents
    from_lazy = cq.extract(pl.LazyFrame({"text": texts})).documents
    assert from_series.equals(from_list)
    assert from_arrow.equals(from_list)
    assert from_lazy.equals(from_list)


def test_frame_columns_are_coerced():
    frame = pl.DataFrame(
        {
            "doc_id": [1, 2, 3],
            "text": ["Premier texte.", "Second texte.", "Troisième texte."],
            "published": ["2023-02-28", None, " "],
            "lang": ["fr", "en", None],
            "extra": [1.0, 2.0, 3.0],
        }
    )
    docs = cq.extract(frame).documents
    assert docs["doc_id"].to_list() == ["1", "2", "3"]
    assert docs["published"].to_list() == [dt.date(2023, 2, 28), None, None]
    assert docs["lang"].to_list()[:2] == ["fr", "en"]

    stamps = pl.DataFrame(
        {"text": ["Un texte."], "published": [dt.datetime(2024, 5, 6, 14, 30)]},
    )
    assert cq.extract(stamps).documents["published"][0] == dt.date(2024, 5, 6)


def test_metadata_reaches_documents_table():
    frame = pl.DataFrame(
        {
            "doc_id": ["a"],
            "text": ["Sans titre ici."],
            "title": ["Un titre donné"],
            "source": ["exemple.org"],
            "url": ["https://exemple.org/a"],
        }
    )
    row = cq.extract(frame).documents.row(0, named=True)
    assert row["title"] == "Un titre donné"
    assert row["source"] == "exemple.org"
    assert row["url"] == "https://exemple.org/a"


@pytest.mark.parametrize(
    ("docs", "exc", "words"),
    [
        (42, TypeError, ["docs", "int"]),
        ("un seul texte", TypeError, ["docs", "extract_text"]),
        ({"text": ["a"]}, TypeError, ["docs", "dict"]),
        (["ok", 3], TypeError, ["docs[1]", "int"]),
        (pl.Series([1, 2]), TypeError, ["docs", "Int64"]),
        (pl.DataFrame({"body": ["a"]}), ValueError, ["docs", "text", "body"]),
        (pl.DataFrame({"text": [1, 2]}), TypeError, ["docs", "text"]),
        (pl.DataFrame({"doc_id": ["a", "a"], "text": ["x", "y"]}), ValueError, ["'a'"]),
        (pl.DataFrame({"doc_id": ["a", None], "text": ["x", "y"]}), ValueError, ["doc_id"]),
        (pl.DataFrame({"text": ["x"], "published": ["28/02/2023"]}), ValueError, ["published"]),
        (pl.DataFrame({"text": ["x"], "published": [3]}), TypeError, ["published"]),
    ],
)
def test_bad_docs_raise_naming_the_argument(docs, exc, words):
    with pytest.raises(exc) as info:
        cq.extract(docs)
    for word in words:
        assert word in str(info.value)


def test_bad_options_raise():
    with pytest.raises(TypeError, match="threads"):
        cq.extract(["x"], threads="2")
    with pytest.raises(ValueError, match="threads"):
        cq.extract(["x"], threads=0)
    with pytest.raises(TypeError, match="dictionaries"):
        cq.extract(["x"], dictionaries=3)
    with pytest.raises(TypeError, match=r"dictionaries\[0\]"):
        cq.extract(["x"], dictionaries=[None])
    with pytest.raises(FileNotFoundError, match="nowhere.toml"):
        cq.extract(["x"], dictionaries=["nowhere.toml"])


def test_threads_do_not_change_results(sample, sample_result):
    one = cq.extract(sample, threads=1)
    for name in TABLES:
        assert one.tables()[name].equals(sample_result.tables()[name]), name


def test_results_do_not_depend_on_order_or_split(sample, sample_result):
    reordered = cq.extract(sample.reverse())
    halves = [cq.extract(sample[:2]), cq.extract(sample[2:])]
    for name, key in [
        ("documents", "doc_id"),
        ("mentions", None),
        ("events", "event_id"),
        ("commitments", "commitment_id"),
    ]:
        columns = sample_result.tables()[name].columns
        key_columns = [key] if key else ["doc_id", "start", "end", "actor_id"]
        expected = sample_result.tables()[name].sort(key_columns)
        assert reordered.tables()[name].sort(key_columns).equals(expected), name
        split = pl.concat([h.tables()[name] for h in halves]).select(columns)
        assert split.sort(key_columns).equals(expected), name


def test_chunked_extraction_matches_one_run(sample, sample_result):
    calls = []
    chunked = extract_chunked(sample, chunk_size=2, on_progress=lambda d, t: calls.append((d, t)))
    assert calls == [(2, 5), (4, 5), (5, 5)]
    for name in ("documents", "mentions", "events", "commitments"):
        assert chunked.tables()[name].equals(sample_result.tables()[name]), name
    merged = chunked.actors.sort("actor_id")
    expected = sample_result.actors.sort("actor_id")
    assert merged.select("actor_id", "n_mentions", "n_docs").equals(
        expected.select("actor_id", "n_mentions", "n_docs")
    )


def test_extract_text():
    result = cq.extract_text(
        "Le ministre a reçu jeudi son homologue.", lang="fr", published=dt.date(2023, 3, 2)
    )
    row = result.documents.row(0, named=True)
    assert row["doc_id"] == "text"
    assert row["lang"] == "fr"
    assert row["published"] == dt.date(2023, 3, 2)
    assert_spec_schemas(result)
    named = cq.extract_text("The minister arrived.", published="2024-01-31", doc_id="x")
    assert named.documents.row(0, named=True)["published"] == dt.date(2024, 1, 31)
    assert named.documents["doc_id"][0] == "x"
    stamped = cq.extract_text("Un texte.", published=dt.datetime(2024, 1, 31, 8, 0))
    assert stamped.documents["published"][0] == dt.date(2024, 1, 31)


def test_extract_text_bad_arguments():
    with pytest.raises(TypeError, match="text"):
        cq.extract_text(None)
    with pytest.raises(TypeError, match="lang"):
        cq.extract_text("x", lang=1)
    with pytest.raises(ValueError, match="published"):
        cq.extract_text("x", published="hier")
    with pytest.raises(TypeError, match="published"):
        cq.extract_text("x", published=20230228)
    with pytest.raises(TypeError, match="doc_id"):
        cq.extract_text("x", doc_id=7)


def test_unknown_lang_becomes_und():
    docs = cq.extract(pl.DataFrame({"text": ["Un texte."], "lang": ["xx"]})).documents
    assert docs["lang"][0] == "und"


def test_repr_and_html(sample_result):
    text = repr(sample_result)
    assert text.startswith("Extraction(documents=5, mentions=")
    for name in TABLES:
        assert f"{name}=" in text
    page = sample_result._repr_html_()
    for name in TABLES:
        assert f"<h4>{name} (" in page
    assert "000_0e7e979936c3d084" in page
    assert list(sample_result.tables()) == list(TABLES)


def _toy_result() -> cq.Extraction:
    frames = {name: pl.DataFrame(schema=schema) for name, schema in SPEC_SCHEMAS.items()}
    frames["actors"] = pl.DataFrame(
        {
            "actor_id": ["astana"],
            "name": ["Astana"],
            "kind": ["place"],
            "country": ["KAZ"],
            "role": [None],
            "cameo": [None],
            "aliases": [["Astana", "Nour-Soultan"]],
            "n_mentions": [2],
            "n_docs": [1],
            "source": ["dictionary"],
            "lat": [51.18],
            "lon": [71.45],
            "feature": ["city"],
        },
        schema=SPEC_SCHEMAS["actors"],
    )
    frames["documents"] = pl.DataFrame(
        {"doc_id": ["d"], "published": [dt.date(2023, 1, 2)]},
        schema={"doc_id": pl.String, "published": pl.Date},
    )
    return cq.Extraction(**frames)


def test_write_parquet_roundtrip(tmp_path, sample_result):
    paths = sample_result.write_parquet(tmp_path / "out")
    assert sorted(paths) == sorted(TABLES)
    for name, path in paths.items():
        assert path.name == f"{name}.parquet"
        assert pl.read_parquet(path).equals(sample_result.tables()[name])


def test_write_csv_joins_lists(tmp_path):
    paths = _toy_result().write_csv(tmp_path)
    actors = pl.read_csv(paths["actors"])
    assert actors["aliases"][0] == "Astana|Nour-Soultan"
    assert pl.read_csv(paths["documents"])["published"].cast(pl.String)[0] == "2023-01-02"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{n}.csv" for n in TABLES)


def test_write_ndjson_keeps_lists(tmp_path):
    paths = _toy_result().write_ndjson(tmp_path)
    line = paths["actors"].read_text(encoding="utf-8").splitlines()[0]
    assert json.loads(line)["aliases"] == ["Astana", "Nour-Soultan"]
