"""The `pl.col(...).communique` expression namespace: eager, lazy and streaming queries."""

from __future__ import annotations

import polars as pl
import pytest

import communique as cq

TEXTS = [
    "Washington versera 12,5 millions de dollars à l’Ouzbékistan d’ici 2026, a annoncé jeudi "
    "le secrétaire d’État à Tachkent.",
    None,
    "",
    "😀 Kazakhstan’s foreign minister met the U.S. Secretary of State in Astana; the bank "
    "lent $1.2 billion and €300 million more.",
    "Le prix du pain a augmenté de 5 % et la route mesure 7 500 kilomètres.",
]

MONEY_FIELDS = {
    "start": pl.UInt32,
    "end": pl.UInt32,
    "text": pl.String,
    "amount": pl.Float64,
    "currency": pl.String,
    "qualifier": pl.String,
}


@pytest.fixture(scope="module")
def frame() -> pl.DataFrame:
    return pl.DataFrame({"id": range(len(TEXTS)), "text": TEXTS})


def all_columns() -> list[pl.Expr]:
    text = pl.col("text").communique
    return [
        text.money().alias("money"),
        text.mentions().alias("mentions"),
        text.events().alias("events"),
    ]


def test_money_fields_and_code_point_offsets(frame):
    out = frame.with_columns(money=pl.col("text").communique.money())
    assert out.schema["money"] == pl.List(pl.Struct(MONEY_FIELDS))
    money = out["money"].to_list()
    assert money[1] is None
    assert money[2] == []
    assert money[4] == []  # a percentage and a distance are not money
    for text, found in zip(TEXTS, money):
        for m in found or []:
            assert text[m["start"] : m["end"]] == m["text"]
    assert [(m["amount"], m["currency"]) for m in money[0]] == [(12.5e6, "USD")]
    assert [(m["amount"], m["currency"]) for m in money[3]] == [
        (1.2e9, "USD"),
        (300e6, "EUR"),
    ]


def test_mentions_and_events_match_the_tables(frame, sample):
    out = sample.select("doc_id", *all_columns()[1:])
    x = cq.extract(sample.select("doc_id", "text"))
    for name in ("mentions", "events"):
        table = getattr(x, name)
        exploded = out.select("doc_id", name).explode(name).drop_nulls(name).unnest(name)
        columns = [c for c in table.columns if c != "event_id"]
        assert set(exploded.columns) == set(table.columns)
        key = ["doc_id", "start", "end"]
        assert exploded.select(columns).sort(key).equals(table.select(columns).sort(key)), name


def test_lazy_and_streaming_give_the_eager_result(frame):
    eager = frame.with_columns(all_columns())
    lazy = frame.lazy().with_columns(all_columns())
    assert lazy.collect().equals(eager)
    assert lazy.collect(engine="streaming").equals(eager)
    # Many small chunks through the streaming engine: one list per row, in row order.
    big = pl.concat([frame] * 200).with_row_index("row")
    streamed = (
        big.lazy()
        .select("row", pl.col("text").communique.money().list.len().alias("n"))
        .collect(engine="streaming")
        .sort("row")
    )
    per_text = eager.select(pl.col("money").list.len())["money"].to_list()
    assert streamed["n"].to_list() == per_text * 200


def test_filters_and_aggregations_compose():
    texts = pl.DataFrame({"text": TEXTS}).lazy()
    amounts = (
        texts.select(pl.col("text").communique.money().alias("m"))
        .explode("m")
        .drop_nulls()
        .unnest("m")
        .group_by("currency")
        .agg(pl.col("amount").sum())
        .sort("currency")
        .collect()
    )
    assert amounts.rows() == [("EUR", 300e6), ("USD", 12.5e6 + 1.2e9)]


def test_forced_language_and_threads(frame):
    out = frame.select(
        pl.col("text").communique.money(lang="fr", threads=1).alias("fr"),
        pl.col("text").communique.money().alias("auto"),
    )
    assert out["fr"].to_list()[0] == out["auto"].to_list()[0]


def test_text_columns_of_other_string_types():
    texts = pl.Series("t", ["Il a reçu 3 millions d’euros.", None])
    for column in (texts.cast(pl.Categorical), pl.Series("t", [None, None])):
        out = column.to_frame().select(pl.col("t").communique.money())
        assert out["t"].list.len().to_list()[1] is None
        assert out.height == 2


def test_wrong_arguments_raise_clear_errors():
    with pytest.raises(ValueError, match="lang"):
        pl.col("text").communique.money(lang="de")
    with pytest.raises(ValueError, match="threads"):
        pl.col("text").communique.events(threads=0)
    with pytest.raises(FileNotFoundError):
        pl.col("text").communique.mentions(dictionaries=["no_such_file.toml"])
    with pytest.raises(Exception, match="strings"):
        pl.DataFrame({"n": [1, 2]}).select(pl.col("n").communique.money())


def test_hostile_texts_never_crash():
    texts = ["\0" * 10, "\u0301" * 50, "é" * 100_000 + " 5 millions de dollars", "$" * 1000]
    out = pl.DataFrame({"text": texts}).select(all_columns())
    assert out.height == len(texts)
    found = out["money"].to_list()[2]
    assert [m["amount"] for m in found] == [5e6]
    assert found[0]["start"] == 100_001
