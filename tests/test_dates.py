"""`pl.col("text").communique.dates(published=..., lang=...)`: date expressions of each text."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

import communique  # noqa: F401  (registers the namespace)

DATE_FIELDS = {
    "start": pl.UInt32,
    "end": pl.UInt32,
    "text": pl.String,
    "date": pl.Date,
    "granularity": pl.String,
}

TEXTS = [
    "Élu en mai 2019, le président a reçu jeudi l'envoyé ; il repart le lendemain.",
    None,
    "The talks opened last Tuesday and resume in 5 weeks, two years after the 2022 truce.",
    "",
]


def dates_of(frame: pl.DataFrame, **options) -> list:
    return frame.select(pl.col("text").communique.dates(**options))["text"].to_list()


@pytest.fixture(scope="module")
def frame() -> pl.DataFrame:
    return pl.DataFrame({"text": TEXTS})


def test_fields_offsets_and_resolution(frame):
    # 2024-05-16 is a Thursday.
    out = frame.with_columns(found=pl.col("text").communique.dates(published="2024-05-16"))
    assert out.schema["found"] == pl.List(pl.Struct(DATE_FIELDS))
    found = out["found"].to_list()
    assert found[1] is None
    assert found[3] == []
    for text, dates in zip(TEXTS, found):
        for d in dates or []:
            assert text[d["start"] : d["end"]] == d["text"]
    assert [(d["text"], d["date"], d["granularity"]) for d in found[0]] == [
        ("en mai 2019", dt.date(2019, 5, 1), "month"),
        ("jeudi", dt.date(2024, 5, 16), "day"),
        ("le lendemain", dt.date(2024, 5, 17), "day"),
    ]
    assert [(d["text"], d["date"]) for d in found[2]] == [
        ("last Tuesday", dt.date(2024, 5, 7)),
        ("in 5 weeks", dt.date(2024, 6, 20)),
    ]


def test_published_as_date_string_or_expression():
    frame = pl.DataFrame(
        {
            "text": ["Il a parlé hier.", "He spoke yesterday.", "Il a parlé hier."],
            "day": [dt.date(2024, 3, 1), dt.date(2023, 1, 1), None],
            "iso": ["2024-03-01T08:00:00", "2023-01-01", "not a date"],
        }
    )
    by_column = dates_of(frame, published=pl.col("day"))
    by_string = dates_of(frame, published=pl.col("iso"))
    by_datetime = dates_of(frame, published=pl.col("iso").str.to_datetime(strict=False))
    days = [[d["date"] for d in found] for found in by_column]
    assert days == [[dt.date(2024, 2, 29)], [dt.date(2022, 12, 31)], [None]]
    assert by_string == by_column
    assert by_datetime == by_column
    one_day = dates_of(frame, published=dt.date(2024, 3, 1))
    assert [found[0]["date"] for found in one_day] == [dt.date(2024, 2, 29)] * 3
    assert dates_of(frame, published=dt.datetime(2024, 3, 1, 23, 59)) == one_day


def test_without_publication_a_day_takes_the_year_of_a_full_date():
    frame = pl.DataFrame({"text": ["Après l'accord du 3 mai 2021, ils se revoient le 27 mai."]})
    found = dates_of(frame)[0]
    assert [(d["text"], d["date"]) for d in found] == [
        ("du 3 mai 2021", dt.date(2021, 5, 3)),
        ("le 27 mai", dt.date(2021, 5, 27)),
    ]


def test_lang_forces_the_grammar():
    frame = pl.DataFrame({"text": ["Réunion le 20 mai."]})
    assert [d["text"] for d in dates_of(frame, lang="fr")[0]] == ["le 20 mai"]
    assert dates_of(frame, lang="en")[0] == []


def test_lazy_and_streaming_give_the_eager_result():
    frame = pl.DataFrame({"text": TEXTS * 300, "day": [dt.date(2024, 5, 16)] * 1200})
    query = pl.col("text").communique.dates(published=pl.col("day"), threads=1)
    eager = frame.select(query)
    lazy = frame.lazy().select(query)
    assert lazy.collect().equals(eager)
    assert lazy.collect(engine="streaming").equals(eager)


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"published": "3 mai"}, ValueError),
        ({"published": 20240516}, TypeError),
        ({"lang": "de"}, ValueError),
        ({"threads": 0}, ValueError),
    ],
)
def test_bad_arguments_are_refused(options, error):
    with pytest.raises(error):
        pl.col("text").communique.dates(**options)


def test_bad_columns_are_refused():
    numbers = pl.DataFrame({"text": [1, 2]})
    with pytest.raises(TypeError, match="strings"):
        numbers.select(pl.col("text").communique.dates())
    texts = pl.DataFrame({"text": ["jeudi"], "day": [3.5]})
    with pytest.raises(TypeError, match="published"):
        texts.select(pl.col("text").communique.dates(published=pl.col("day")))


def test_days_months_and_years_placed_from_each_publication():
    frame = pl.DataFrame(
        {
            "text": ["L'an dernier, il avait fixé l'échéance au 1er janvier prochain."] * 2,
            "published": [dt.date(2024, 5, 16), dt.date(2023, 12, 20)],
        }
    )
    found = dates_of(frame, published=pl.col("published"), lang="fr")
    assert [[(d["text"], d["date"], d["granularity"]) for d in row] for row in found] == [
        [
            ("L'an dernier", dt.date(2023, 1, 1), "year"),
            ("1er janvier prochain", dt.date(2025, 1, 1), "day"),
        ],
        [
            ("L'an dernier", dt.date(2022, 1, 1), "year"),
            ("1er janvier prochain", dt.date(2024, 1, 1), "day"),
        ],
    ]
