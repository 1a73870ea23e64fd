"""English extraction on sentences written for these tests: actors, money, events, dates and
language identification, with the same pipeline and tables as French.

Each table lists what an analyst reads in a sentence; the test checks the tables say the same.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

import communique as cq


def en(text: str, published: str | None = "2024-05-23", doc_id: str = "t") -> cq.Extraction:
    return cq.extract_text(text, lang="en", published=published, doc_id=doc_id)


def mentioned(x: cq.Extraction) -> dict[str, str]:
    return dict(zip(x.mentions["text"], x.mentions["actor_id"]))


# --- actors ------------------------------------------------------------------------------------

COUNTRIES = [
    ("The Kazakh delegation arrived late.", "Kazakh", "KAZ"),
    ("Uzbek exporters welcomed the decision.", "Uzbek", "UZB"),
    ("A Kyrgyz official declined to comment.", "Kyrgyz", "KGZ"),
    ("The Tajik border guards were reinforced.", "Tajik", "TJK"),
    ("Turkmen gas flows resumed on Monday.", "Turkmen", "TKM"),
    ("U.S. officials declined to comment.", "U.S.", "USA"),
    ("The US ambassador left the room.", "US", "USA"),
    ("American diplomats are expected next week.", "American", "USA"),
    ("Chinese banks have expanded their lending.", "Chinese", "CHN"),
]


@pytest.mark.parametrize(("text", "span", "iso3"), COUNTRIES)
def test_countries_by_name_and_demonym(text: str, span: str, iso3: str) -> None:
    assert mentioned(en(text)).get(span) == iso3


ORGANISATIONS = [
    ("The EU imposed new restrictions.", "EU", "eu"),
    ("The UN called for restraint.", "UN", "un"),
    ("CSTO troops left the country.", "CSTO", "csto"),
    ("The SCO summit opened in the capital.", "SCO", "sco"),
    ("The EBRD lent the city money for buses.", "EBRD", "ebrd"),
    ("The ADB approved a new loan.", "ADB", "adb"),
    ("An IMF mission ended its review.", "IMF", "imf"),
    ("USAID announced a new programme.", "USAID", "usaid"),
    ("The C5+1 ministers met again.", "C5+1", "c5_plus_1"),
]


@pytest.mark.parametrize(("text", "span", "actor_id"), ORGANISATIONS)
def test_organisations_by_english_abbreviation(text: str, span: str, actor_id: str) -> None:
    x = en(text)
    assert mentioned(x).get(span) == actor_id
    assert x.actors.filter(pl.col("actor_id") == actor_id)["kind"].to_list() == ["organization"]


TITLES = [
    # title before the name
    (
        "Secretary of State Antony Blinken landed in the capital.",
        "2023-02-28",
        "antony_blinken",
        "USA",
        "Secretary of State",
    ),
    # nationality and title before a name the dictionary does not know
    (
        "Kazakh Foreign Minister Yerbol Tastanbekov met his counterpart.",
        "2024-05-23",
        "person:yerbol_tastanbekov",
        "KAZ",
        "Minister of Foreign Affairs",
    ),
    # title in apposition after the name
    (
        "Dilnoza Rakhimova, deputy foreign minister of Uzbekistan, opened the session.",
        None,
        "person:dilnoza_rakhimova",
        "UZB",
        "Deputy Minister of Foreign Affairs",
    ),
    # possessive country, then the title
    (
        "Tajikistan's Minister of Finance Farrukh Saidov signed the loan.",
        None,
        "person:farrukh_saidov",
        "TJK",
        "Minister of Finance",
    ),
]


@pytest.mark.parametrize(("text", "published", "actor_id", "country", "role"), TITLES)
def test_titles_before_and_after_names(
    text: str, published: str | None, actor_id: str, country: str, role: str
) -> None:
    person = en(text, published).actors.filter(pl.col("actor_id") == actor_id)
    assert person.height == 1, en(text, published).actors
    row = person.row(0, named=True)
    assert (row["kind"], row["country"], row["role"]) == ("person", country, role)


@pytest.mark.parametrize("honorific", ["Mr", "Mr.", "Ms", "Dr"])
def test_honorifics_introduce_unknown_persons(honorific: str) -> None:
    x = en(f"{honorific} Zhanbolat Ospanov chaired the board. Later, Ospanov left.")
    person = x.actors.filter(pl.col("actor_id") == "person:zhanbolat_ospanov")
    assert person["kind"].to_list() == ["person"]
    assert person["n_mentions"].to_list() == [2]


def test_a_counterpart_is_a_person_without_the_title_before_it() -> None:
    x = en("Uzbek Defence Minister Bakhodir Kurbanov met his Kazakh counterpart Ruslan Temirov.")
    person = x.actors.filter(pl.col("actor_id") == "person:ruslan_temirov")
    assert person.select("kind", "country", "role").rows() == [("person", "KAZ", None)]


def test_names_keep_their_particles() -> None:
    x = en("Emir Sheikh Hamad bin Khalifa Al Thani received the envoy.")
    assert "Hamad bin Khalifa Al Thani" in mentioned(x)


@pytest.mark.parametrize(
    "dateline", ["ASTANA, Kazakhstan —", "TASHKENT (Reuters) -", "BISHKEK, May 20 (AP) —"]
)
def test_datelines_are_places_not_participants(dateline: str) -> None:
    x = en(f"{dateline} Kazakhstan and Uzbekistan signed a memorandum on water sharing.")
    assert x.events["event_type"].to_list() == ["SUPPORT"]
    participants = set(x.events["actors"][0])
    assert participants == {"KAZ", "UZB"}


# --- money -------------------------------------------------------------------------------------

MONEY = [
    ("Washington will provide $25 million to Kyrgyzstan.", 25e6, "USD"),
    ("The bank lent US$1.4bn to the operator.", 1.4e9, "USD"),
    ("The EU pledged €12 billion for the corridor.", 12e9, "EUR"),
    ("Japan will give 25 million dollars to Tajikistan.", 25e6, "USD"),
    ("The government allocated KZT 7.5 trillion to the programme.", 7.5e12, "KZT"),
]


@pytest.mark.parametrize(("text", "amount", "currency"), MONEY)
def test_english_money_forms(text: str, amount: float, currency: str) -> None:
    rows = en(text).commitments
    assert rows.select("amount", "currency").rows() == [(amount, currency)]


def test_additional_and_previously_announced_amounts() -> None:
    x = en(
        "The United States will provide an additional $12 million to Uzbekistan, on top of the "
        "$30 million previously announced."
    )
    status = dict(zip(x.commitments["amount"], x.commitments["status"]))
    assert status == {12e6: "additional", 30e6: "previous"}
    assert set(x.commitments["donor"]) == {"USA"}


def test_ceiling_and_deadline() -> None:
    x = en("Brussels aims to mobilise up to €10 billion in Central Asia by 2030.")
    row = x.commitments.row(0, named=True)
    assert (row["amount"], row["qualifier"], row["status"], row["year"]) == (
        10e9,
        "up_to",
        "target",
        2030,
    )


def test_a_sum_whose_parts_follow_is_a_total() -> None:
    x = en(
        "Japan unveiled $20 million for Tajikistan. "
        "It includes $5 million for schools and $15 million for roads."
    )
    status = dict(zip(x.commitments["amount"], x.commitments["status"]))
    assert status == {20e6: "total", 5e6: "new", 15e6: "new"}


def test_donor_is_the_body_a_person_acts_for() -> None:
    x = en(
        "USAID Administrator Jane Doe met the minister. "
        "Doe also announced $5 million for Kyrgyzstan."
    )
    assert x.commitments["donor"].to_list() == ["usaid"]


# --- events ------------------------------------------------------------------------------------

EVENTS = [
    ("President Tokayev met with Chinese President Xi Jinping.", "CONSULT", "meeting"),
    ("Uzbekistan and Kazakhstan held talks on water sharing.", "CONSULT", "meeting"),
    ("Kazakhstan and China negotiated the new gas price.", "CONSULT", "talks"),
    ("Kazakhstan hosted the foreign ministers of Central Asia.", "CONSULT", "host"),
    ("The Kyrgyz president visited Moscow.", "CONSULT", "visit"),
    ("The Turkmen leader paid a visit to Ankara.", "CONSULT", "visit"),
    ("Leaders of the SCO gathered in Astana for the summit.", "CONSULT", "multilateral"),
    ("Tokayev had a phone call with Vladimir Putin.", "CONSULT", "phone"),
    ("Tajikistan and Iran signed a memorandum on energy.", "SUPPORT", "signing"),
    ("Japan pledged $10 million to Kyrgyzstan.", "AGREE", "pledge"),
    ("The United States will provide $5 million to Tajikistan.", "AGREE", "pledge"),
    ("Kazakhstan allocated $3 million to the flood victims in Kyrgyzstan.", "AID", "aid"),
    ("China granted a loan of $200 million to Kyrgyzstan.", "AID", "aid"),
    ("Kazakh and Uzbek troops held joint drills near the border.", "MOBILIZE", "exercise"),
    ("Russia deployed troops to Tajikistan.", "MOBILIZE", "deployment"),
    ("Kazakhstan agreed to lift the ban on Russian fuel.", "AGREE", "intent"),
    ("The Uzbek president plans to visit Washington.", "AGREE", "intent"),
    ("The UN urged Kyrgyzstan to release the journalists.", "REQUEST", "appeal"),
    ("Tashkent condemned the attack on the Uzbek consulate.", "ACCUSE", "criticism"),
    ("The Kazakh government welcomed the decision of the court.", "SUPPORT", "endorse"),
]


@pytest.mark.parametrize(("text", "event_type", "subtype"), EVENTS)
def test_english_event_cues(text: str, event_type: str, subtype: str) -> None:
    events = en(text).events
    assert events.select("event_type", "subtype").rows() == [(event_type, subtype)], events


@pytest.mark.parametrize(
    "text",
    [
        "Tokayev did not meet the Chinese envoy.",
        "Kazakhstan and Russia could sign the agreement.",
        "Did Mirziyoyev visit Moscow?",
        "Kyrgyzstan refused to host the summit.",
        "The two sides intend to cooperate on energy.",
        "The central bank supported the tenge with dollar sales.",
    ],
)
def test_negated_possible_questioned_and_vague_are_not_events(text: str) -> None:
    assert en(text).events.is_empty()


def test_a_price_is_no_aid() -> None:
    x = en("Kazakhstan supplied gas to Kyrgyzstan at a price of $120 per thousand cubic metres.")
    assert x.events.is_empty()
    assert x.commitments.is_empty()


def test_a_definite_noun_joins_the_happening_told() -> None:
    x = en(
        "Tokayev met Uzbek President Shavkat Mirziyoyev in Astana on Monday. "
        "The meeting focused on water and energy."
    )
    assert x.events.height == 1
    assert x.events["n_mentions"][0] == 2


def test_the_two_sides_are_the_parties_of_the_meeting() -> None:
    x = en(
        "Uzbek President Shavkat Mirziyoyev hosted Kyrgyz President Sadyr Japarov in Tashkent. "
        "The two sides signed a treaty on the border."
    )
    signing = x.events.filter(pl.col("event_type") == "SUPPORT").row(0, named=True)
    assert {"shavkat_mirziyoyev", "sadyr_japarov", "UZB", "KGZ"} <= set(signing["actors"])
    assert signing["location"] == "tashkent"


def test_items_of_a_digest_are_separate_stories() -> None:
    x = en(
        "1. Turkmen President Serdar Berdimuhamedov hosted the Chinese vice premier in Ashgabat.\n"
        "2. The Asian Development Bank approved a $250 million loan to Uzbekistan."
    )
    places = dict(zip(x.events["event_type"], x.events["location"]))
    assert places == {"CONSULT": "ashgabat", "AID": None}


def test_two_amounts_are_two_pledges() -> None:
    x = en(
        "Japan pledged $10 million to Kyrgyzstan. Japan also announced $4 million for Tajikistan."
    )
    assert x.events.filter(pl.col("event_type") == "AGREE").height == 2


DATES = [
    ("Tokayev met Putin on Tuesday.", "2024-05-23", dt.date(2024, 5, 21)),
    ("Tokayev met Putin last Thursday.", "2024-05-23", dt.date(2024, 5, 16)),
    ("Tokayev met Putin on May 20.", "2024-05-23", dt.date(2024, 5, 20)),
    ("Tokayev met Putin on 20 May 2025.", "2024-05-23", dt.date(2025, 5, 20)),
    ("Tokayev met Putin yesterday.", "2024-05-23", dt.date(2024, 5, 22)),
]


@pytest.mark.parametrize(("text", "published", "date"), DATES)
def test_english_dates_resolve_against_publication(
    text: str, published: str, date: dt.date
) -> None:
    assert en(text, published).events["date"].to_list() == [date]


def test_vague_date_keeps_its_text_but_no_day() -> None:
    row = en("Tokayev met Putin earlier this month.").events.row(0, named=True)
    assert row["date"] is None
    assert row["date_text"] == "earlier this month"


def test_date_of_the_words_reported_is_not_the_meeting_date() -> None:
    x = en("In a phone call with Putin, Tokayev said the delegation would return on Friday.")
    assert x.events["date"].to_list() == [None]


# --- languages ---------------------------------------------------------------------------------


def test_language_is_picked_per_document() -> None:
    docs = pl.DataFrame(
        {
            "doc_id": ["fr", "en", "de", "short"],
            "text": [
                "Le président kazakh a reçu mardi le ministre américain des Affaires étrangères.",
                "The Kazakh president received the American foreign minister on Tuesday.",
                "Der kasachische Präsident empfing am Dienstag den amerikanischen Außenminister.",
                "Astana.",
            ],
        }
    )
    x = cq.extract(docs)
    langs = dict(zip(x.documents["doc_id"], x.documents["lang"]))
    assert langs == {"fr": "fr", "en": "en", "de": "und", "short": "und"}
    # A language we have no rules for gets no extraction rather than a wrong one.
    assert x.mentions.filter(pl.col("doc_id") == "de").is_empty()
    assert x.events.filter(pl.col("doc_id") == "de").is_empty()


def test_language_of_a_page_mostly_made_of_site_furniture() -> None:
    page = (
        "Home > World > Asia\n"
        "Share on Facebook | Share on Twitter | Email | Print\n"
        "Subscribe to our newsletter\n"
        "Kazakhstan and Uzbekistan signed a water deal on Monday.\n"
        "Related articles\n"
        "Cookies policy | Terms of use"
    )
    x = cq.extract(pl.DataFrame({"doc_id": ["p"], "text": [page]}))
    assert x.documents.select("lang", "title").row(0) == ("en", None)
    assert x.events["event_type"].to_list() == ["SUPPORT"]
    assert set(x.mentions["text"]) == {"Kazakhstan", "Uzbekistan"}


def test_mixed_corpus_gives_each_document_its_language_rules() -> None:
    docs = pl.DataFrame(
        {
            "doc_id": ["fr", "en"],
            "text": [
                "Le président Kassym-Jomart Tokaïev a rencontré mardi le secrétaire d'État "
                "américain. Les États-Unis verseront 25 millions de dollars au Kazakhstan.",
                "President Kassym-Jomart Tokayev met the U.S. Secretary of State on Tuesday. "
                "The United States will provide $25 million to Kazakhstan.",
            ],
            "published": [dt.date(2024, 5, 23)] * 2,
        }
    )
    x = cq.extract(docs)
    assert dict(zip(x.documents["doc_id"], x.documents["lang"])) == {"fr": "fr", "en": "en"}
    for doc in ("fr", "en"):
        events = x.events.filter(pl.col("doc_id") == doc)
        assert set(events["event_type"]) == {"CONSULT", "AGREE"}, events
        assert events.filter(pl.col("event_type") == "CONSULT")["date"].to_list() == [
            dt.date(2024, 5, 21)
        ]
        commitments = x.commitments.filter(pl.col("doc_id") == doc)
        assert commitments.select("amount", "currency", "donor", "recipient").rows() == [
            (25e6, "USD", "USA", "KAZ")
        ]
    tokayev = x.actors.filter(pl.col("actor_id") == "kassym_jomart_tokayev")
    assert tokayev.height == 1
    assert tokayev["n_docs"][0] == 2
    assert set(tokayev["aliases"][0]) >= {"Kassym-Jomart Tokaïev", "Kassym-Jomart Tokayev"}
