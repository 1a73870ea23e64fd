"""Persons and organisations that no dictionary knows, found by the shape of their names."""

import polars as pl

import communique as cq


def _ids(x: cq.Extraction) -> dict[str, str]:
    return dict(zip(x.actors["actor_id"], x.actors["source"]))


def test_unknown_persons_get_a_provisional_id_and_take_part() -> None:
    x = cq.extract_text("Jean Dupont a rencontré Marie Curie à Lyon.", lang="fr")
    ids = _ids(x)
    assert ids["person:jean_dupont"] == "text" and ids["person:marie_curie"] == "text"
    assert ids["lyon"] == "dictionary"
    assert set(x.events["actors"][0]) >= {"person:jean_dupont", "person:marie_curie"}


def test_a_company_is_found_from_its_sector_word_and_is_the_donor() -> None:
    x = cq.extract_text(
        "Acme Mining a signé un accord de 40 millions de dollars avec le gouvernement.", lang="fr"
    )
    assert x.commitments["donor"].to_list() == ["org:acme_mining"]


def test_apposition_gives_kind_and_country_and_short_forms_merge() -> None:
    x = cq.extract_text(
        "Acme, géant minier australien, a promis 5 millions de dollars. Plus tard, Acme a signé.",
        lang="fr",
    )
    acme = x.actors.filter(pl.col("actor_id") == "org:acme").row(0, named=True)
    assert (acme["kind"], acme["country"], acme["n_mentions"]) == ("organization", "AUS", 2)


def test_title_case_headlines_and_quoted_names_are_not_persons() -> None:
    x = cq.extract_text(
        "Kazakhstan Signs Deal With Acme Mining\n\nLe programme « Nourly Jol » avance.", lang="fr"
    )
    assert not any(i.startswith("person:") for i in x.actors["actor_id"])


def test_an_acronym_in_brackets_and_legal_forms_join_the_organisation() -> None:
    x = cq.extract_text(
        "La Banque de développement du Kazakhstan (BDK) a accordé un prêt. "
        "La BDK a aussi financé Acme Resources SA.",
        lang="fr",
    )
    bank = "org:banque_de_developpement_du_kazakhstan"
    assert x.mentions.filter(pl.col("actor_id") == bank)["text"].to_list().count("BDK") == 2
    assert "org:acme_resources_sa" in _ids(x)


def test_guards_keep_common_words_and_languages_out() -> None:
    x = cq.extract_text("La réunion s'est tenue en français à Astana.", lang="fr")
    assert set(x.actors["actor_id"]) == {"astana"}
    x = cq.extract_text("At Heathrow airport they spoke in Russian. Jane Doe left.", lang="en")
    assert "RUS" not in set(x.actors["actor_id"])
    assert "person:jane_doe" in _ids(x)
