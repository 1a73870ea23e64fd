"""French extraction on sentences written for these tests: actors, money and commitments, events.

Each test states what an analyst reads in the sentence and checks the tables say the same.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl

import communique as cq
from communique.extraction import extract_chunked


def fr(text: str, published: str | None = None, doc_id: str = "t") -> cq.Extraction:
    return cq.extract_text(text, lang="fr", published=published, doc_id=doc_id)


def mentioned(x: cq.Extraction) -> dict[str, str]:
    return dict(zip(x.mentions["text"], x.mentions["actor_id"]))


# --- actors ------------------------------------------------------------------------------------


def test_demonyms_agree_in_gender_and_number() -> None:
    x = fr(
        "La délégation kazakhe, les diplomates américains, les entreprises ouzbèkes, "
        "le gouvernement kirghize et les autorités tadjikes se sont réunis."
    )
    assert mentioned(x) == {
        "kazakhe": "KAZ",
        "américains": "USA",
        "ouzbèkes": "UZB",
        "kirghize": "KGZ",
        "tadjikes": "TJK",
    }
    assert set(x.actors["kind"]) == {"country"}


def test_transliteration_variants_are_one_actor() -> None:
    docs = pl.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "text": [
                "Le président Kassym-Jomart Tokaïev a reçu le ministre.",
                "President Kassym-Jomart Tokayev met the minister.",
                "Moukhtar Tleouberdi et Mukhtar Tileuberdi sont la même personne.",
            ],
            "lang": ["fr", "en", "fr"],
        }
    )
    x = cq.extract(docs)
    tokayev = x.actors.filter(pl.col("actor_id") == "kassym_jomart_tokayev")
    assert tokayev.height == 1
    assert tokayev["n_docs"][0] == 2
    assert set(tokayev["aliases"][0]) >= {"Kassym-Jomart Tokaïev", "Kassym-Jomart Tokayev"}
    c = x.mentions.filter(pl.col("doc_id") == "c")
    assert set(c["actor_id"]) == {"mukhtar_tileuberdi"}


def test_person_unknown_to_the_dictionary_is_found_from_their_title() -> None:
    x = fr(
        "Le vice-ministre kazakh des Affaires étrangères Nurlan Zhaksybekov a rencontré "
        "M. Tokaïev. Plus tard, Zhaksybekov est reparti.",
        published="2023-05-04",
    )
    person = x.actors.filter(pl.col("actor_id") == "person:nurlan_zhaksybekov").row(0, named=True)
    assert person["kind"] == "person"
    assert person["country"] == "KAZ"
    assert person["role"] == "Deputy Minister of Foreign Affairs"
    assert person["n_mentions"] == 2
    role = x.mentions.filter(pl.col("text") == "Nurlan Zhaksybekov")["role"][0]
    assert role == "vice-ministre kazakh des Affaires étrangères"


def test_offices_follow_the_document_date() -> None:
    text = "Antony Blinken est arrivé à Kiev."
    in_2014 = fr(text, published="2014-05-08").actors.filter(pl.col("actor_id") == "antony_blinken")
    in_2024 = fr(text, published="2024-05-08").actors.filter(pl.col("actor_id") == "antony_blinken")
    assert in_2014["role"][0] == "Deputy National Security Advisor"
    assert in_2024["role"][0] == "Secretary of State"
    assert in_2024["country"][0] == "USA" and in_2024["cameo"][0] == "USAGOV"
    text = "Le secrétaire d'État américain a rencontré son homologue."
    assert fr(text, published="2025-05-20").actors.filter(pl.col("kind") == "person").is_empty()


def test_user_dictionary_loaded_at_run_time(tmp_path: Path) -> None:
    dictionary = tmp_path / "mine.toml"
    dictionary.write_text(
        """
[[person]]
id = "aigerim_serikbayeva"
name = "Aigerim Serikbayeva"
country = "KAZ"
aliases = ["Aigerim Serikbayeva", "Aïgerim Serikbaïeva"]
[[person.office]]
role = "Ambassador to France"
country = "KAZ"
cameo = "KAZGOV"
start = "2021-01-01"

[[organization]]
id = "steppe_fund"
name = "Steppe Development Fund"
country = "KAZ"
fr = ["Fonds de développement de la steppe"]
""",
        encoding="utf-8",
    )
    text = (
        "Aïgerim Serikbaïeva a présenté le Fonds de développement de la steppe. "
        "Serikbaïeva a salué le projet."
    )
    docs = pl.DataFrame({"doc_id": ["d"], "text": [text], "published": [dt.date(2024, 1, 5)]})
    x = cq.extract(docs, dictionaries=[dictionary])
    person = x.actors.filter(pl.col("actor_id") == "aigerim_serikbayeva").row(0, named=True)
    assert person["role"] == "Ambassador to France" and person["n_mentions"] == 2
    assert "steppe_fund" in x.actors["actor_id"].to_list()
    # Without the dictionary neither is known.
    assert "steppe_fund" not in cq.extract(docs).actors["actor_id"].to_list()


def test_no_actor_from_boilerplate_lines() -> None:
    text = (
        "Suivez-nous sur Facebook\n"
        "Partagez cet article\n"
        "Suivez également Business AM sur Google Actualités\n"
        "Lire aussi : Tokaïev à Moscou\n"
        "Le Kazakhstan a salué l'accord avec la Chine.\n"
    )
    x = fr(text)
    assert set(x.mentions["text"]) == {"Kazakhstan", "Chine"}


# --- money and commitments -----------------------------------------------------------------------


def test_additional_and_previously_announced_amounts() -> None:
    x = fr(
        "Blinken a annoncé que les États-Unis verseront 25 millions de dollars en plus des "
        "25 millions de dollars déjà annoncés pour l'Asie centrale."
    )
    rows = x.commitments.sort("start")
    assert rows["amount"].to_list() == [25e6, 25e6]
    assert rows["currency"].to_list() == ["USD", "USD"]
    assert rows["status"].to_list() == ["additional", "previous"]
    assert rows["donor"].to_list() == ["USA", "USA"]
    assert rows["amount_usd"].to_list() == [25e6, 25e6]
    assert (
        rows["event_id"].to_list()
        == x.events.filter(pl.col("subtype") == "pledge")["event_id"].to_list() * 2
    )


def test_statistics_are_not_commitments() -> None:
    x = fr(
        "Le commerce bilatéral a atteint 3 milliards de dollars en 2023. La frontière mesure "
        "7 500 kilomètres, le pays compte 19 millions d'habitants et l'inflation est de 8,5 %."
    )
    assert x.commitments.is_empty()


def test_package_and_its_parts() -> None:
    x = fr(
        "La Banque asiatique de développement a accordé au Kazakhstan un prêt total de "
        "100 millions de dollars, dont 60 millions de dollars pour les routes et 40 millions "
        "de dollars pour l'eau."
    )
    rows = x.commitments.sort("start")
    assert rows["amount"].to_list() == [100e6, 60e6, 40e6]
    assert rows["status"].to_list() == ["total", "new", "new"]
    assert set(rows["donor"]) == {"adb"}
    assert rows["event_id"].null_count() == 0


def test_target_with_its_deadline() -> None:
    x = fr("Le G7 prévoit l'attraction de 600 milliards de dollars jusqu'en 2027.")
    row = x.commitments.row(0, named=True)
    assert (row["amount"], row["status"], row["year"], row["donor"]) == (6e11, "target", 2027, "g7")


# --- events --------------------------------------------------------------------------------------


def events_of(text: str, published: str | None = None) -> pl.DataFrame:
    return fr(text, published).events


def test_meeting_cues_in_several_tenses() -> None:
    for text in (
        "Le ministre kazakh rencontre son homologue américain.",
        "Le ministre kazakh a rencontré son homologue américain.",
        "Le ministre kazakh s'est entretenu avec son homologue américain.",
        "Le ministre kazakh et son homologue américain se sont entretenus.",
        "Les ministres kazakh et américain ont tenu des pourparlers.",
    ):
        ev = events_of(text)
        assert ev["event_type"].to_list() == ["CONSULT"], text
        assert set(ev["actors"][0]) >= {"KAZ", "USA"}, text


def test_signing_exercise_and_future_intent() -> None:
    assert events_of("Le Kazakhstan et la Chine ont signé un accord.")["cameo"].to_list() == ["057"]
    drills = events_of("Les armées chinoise et kazakhe mènent des exercices militaires conjoints.")
    assert drills["event_type"].to_list() == ["MOBILIZE"]
    planned = events_of(
        "Le ministre kazakh rencontrera son homologue américain la semaine prochaine."
    )
    assert planned.select("event_type", "subtype").rows() == [("AGREE", "intent")]


def test_negation_and_conditional_are_not_events() -> None:
    assert events_of("Le ministre kazakh n'a pas rencontré son homologue américain.").is_empty()
    assert events_of("Le Kazakhstan pourrait signer un accord avec la Chine.").is_empty()


def test_host_and_visitor_codes() -> None:
    host = events_of(
        "Le président kazakh Kassym-Jomart Tokaïev a reçu jeudi à Astana le secrétaire d'État "
        "américain Antony Blinken.",
        published="2023-03-02",
    ).row(0, named=True)
    assert (host["subtype"], host["cameo"], host["location"]) == ("host", "043", "astana")
    assert host["source_actor"] in {"kassym_jomart_tokayev", "KAZ"}
    assert host["date"] == dt.date(2023, 3, 2)  # published on a Thursday: "jeudi" is that day
    visit = events_of("Antony Blinken s'est rendu à Astana mardi dernier.", published="2023-03-02")
    row = visit.row(0, named=True)
    assert (row["subtype"], row["cameo"], row["location"]) == ("visit", "042", "astana")
    assert row["date"] == dt.date(2023, 2, 28)


def test_weekday_resolution_against_publication_date() -> None:
    text = "Le ministre kazakh a rencontré {} son homologue américain."
    published = "2024-05-16"  # a Thursday
    dates = {
        when: events_of(text.format(when), published)["date"][0]
        for when in ("jeudi", "mardi", "jeudi dernier", "hier", "le 20 avril")
    }
    assert dates == {
        "jeudi": dt.date(2024, 5, 16),
        "mardi": dt.date(2024, 5, 14),
        "jeudi dernier": dt.date(2024, 5, 9),
        "hier": dt.date(2024, 5, 15),
        "le 20 avril": dt.date(2024, 4, 20),
    }
    assert events_of(text.format("jeudi"))["date"][0] is None  # no publication date: unresolved


def test_bullet_summary_and_body_are_one_event() -> None:
    text = (
        "Minerais : un accord\n\n"
        "  • Le Kazakhstan et les États-Unis ont signé un protocole d'accord sur les minerais.\n\n"
        "Le protocole d'accord a été signé à Washington par le ministre kazakh de l'Industrie "
        "et le secrétaire américain au Commerce."
    )
    ev = events_of(text)
    signing = ev.filter(pl.col("subtype") == "signing")
    assert signing.height == 1
    assert signing["n_mentions"][0] >= 2
    assert signing["location"][0] == "washington"


def test_cluster_events_across_documents() -> None:
    texts = {
        "a": ("Antony Blinken a rencontré mardi à Astana Moukhtar Tileuberdi.", "2022-03-03"),
        "b": ("Antony Blinken s'est entretenu avec Mukhtar Tileuberdi à Astana.", "2022-03-02"),
        "c": ("Antony Blinken a rencontré jeudi à Washington Moukhtar Tileuberdi.", "2022-09-15"),
    }
    docs = pl.DataFrame(
        {
            "doc_id": list(texts),
            "text": [t for t, _ in texts.values()],
            "published": [dt.date.fromisoformat(p) for _, p in texts.values()],
            "lang": ["fr"] * 3,
        }
    )
    x = cq.extract(docs)
    grouped = cq.cluster_events(x.events, x.documents)
    group = dict(zip(grouped["doc_id"], grouped["event_group"]))
    assert group["a"] == group["b"]  # the same talks, reported twice
    assert group["c"] != group["a"]  # the same pair, six months later


def test_actors_table_does_not_depend_on_document_order() -> None:
    text = "Antony Blinken a rencontré le ministre kazakh à Astana."
    docs = pl.DataFrame(
        {
            "doc_id": ["old", "new", "undated"],
            "text": [text, text, "M. Blinken est arrivé."],
            "published": [dt.date(2014, 5, 8), dt.date(2024, 5, 8), None],
            "lang": ["fr"] * 3,
        }
    )
    forward = cq.extract(docs).actors
    backward = cq.extract(docs.reverse()).actors
    assert forward.equals(backward)
    chunked = extract_chunked(docs.reverse(), chunk_size=1).actors
    assert chunked.equals(forward)
