"""Validate the geographic and organisational lexicons and print their counts.

Checks data/countries.csv, data/organisations.toml and data/places.csv: identifiers well formed
and unique, country codes known, every country named, and no surface form claimed by two entries
of the same language once folded the way the matcher folds text. With --scan FILE..., also lists
the capitalised words of those texts that no alias covers, most frequent first, to show which
kinds of entries are missing.

Run from the repository root with Python 3.11 or later (no third-party package):

    python3 scripts/check_lexicons.py
    python3 scripts/check_lexicons.py --scan seeds/*.txt
"""

import argparse
import csv
import re
import sys
import tomllib
import unicodedata
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
APOSTROPHES = "\u2019\u2018\u02bc\u00b4`\u2032"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
LIGATURES = {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"}


def fold(text):
    """Lowercase, accents stripped, apostrophes, dashes and spaces unified (as the matcher)."""
    out = []
    for c in text:
        if c in APOSTROPHES:
            out.append("'")
        elif c in DASHES:
            out.append("-")
        elif c in LIGATURES:
            out.append(LIGATURES[c])
        elif c.isspace():
            out.append(" ")
        else:
            decomposed = unicodedata.normalize("NFD", c.lower())
            out.append("".join(d for d in decomposed if not unicodedata.combining(d)))
    return re.sub(" +", " ", "".join(out)).strip()


def is_acronym(alias):
    """Matched case-sensitively by the loader: all capitals, at most 6 letters."""
    letters = [c for c in alias if c.isalpha()]
    return 0 < len(letters) <= 6 and all(c.isupper() for c in letters)


def match_key(alias):
    return ("exact", alias) if is_acronym(alias) else ("folded", fold(alias))


def read_csv(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def split(field):
    return [x for x in (field or "").split("|") if x]


def load():
    """Entries as (file, id, {lang: [aliases]}) plus the raw tables for the structural checks."""
    countries = read_csv(DATA / "countries.csv")
    places = read_csv(DATA / "places.csv")
    with open(DATA / "organisations.toml", "rb") as f:
        orgs = tomllib.load(f)["organization"]
    entries = []
    for c in countries:
        entries.append(
            (
                "countries",
                c["iso3"],
                {
                    "fr": split(c["names_fr"]) + split(c["demonyms_fr"]),
                    "en": split(c["names_en"]) + split(c["demonyms_en"]),
                },
            )
        )
    for o in orgs:
        entries.append(("organisations", o["id"], {"fr": o.get("fr", []), "en": o.get("en", [])}))
    for p in places:
        entries.append(
            (
                "places",
                p["id"],
                {"fr": split(p["names_fr"]), "en": split(p["names_en"])},
            )
        )
    return countries, orgs, places, entries


def check(countries, orgs, places, entries):
    errors = []
    iso3 = [c["iso3"] for c in countries]
    known = set(iso3)
    for code, n in Counter(iso3).items():
        if n > 1:
            errors.append(f"countries: {code} listed {n} times")
    for c in countries:
        if not re.fullmatch(r"[A-Z]{3}", c["iso3"]):
            errors.append(f"countries: bad code {c['iso3']!r}")
        if not (c["name"] and c["names_fr"] and c["names_en"] and c["cameo"]):
            errors.append(f"countries: {c['iso3']} lacks a name or CAMEO code")
    ids = [o["id"] for o in orgs] + [p["id"] for p in places]
    for i, n in Counter(ids).items():
        if n > 1:
            errors.append(f"organisations/places: id {i!r} used {n} times")
    for i in ids:
        if not re.fullmatch(r"[a-z0-9_]+", i):
            errors.append(f"organisations/places: bad id {i!r}")
    for o in orgs:
        for field in ("name", "cameo"):
            if not o.get(field):
                errors.append(f"organisations: {o['id']} lacks {field}")
        for code in [o.get("country")] + o.get("members", []):
            if code and code not in known:
                errors.append(f"organisations: {o['id']} names unknown country {code}")
    for p in places:
        if p["country"] and p["country"] not in known:
            errors.append(f"places: {p['id']} names unknown country {p['country']}")
        if not p["kind"] or not (p["names_fr"] or p["names_en"]):
            errors.append(f"places: {p['id']} lacks a kind or a name")
    for lang in ("fr", "en"):
        owners = {}
        for file, ident, aliases in entries:
            for alias in aliases[lang]:
                if alias != alias.strip() or not fold(alias):
                    errors.append(f"{file}: {ident} has a blank or padded alias {alias!r}")
                owner = owners.setdefault(match_key(alias), (file, ident))
                if owner != (file, ident):
                    errors.append(
                        f"{lang}: {alias!r} claimed by {owner[0]}:{owner[1]} and {file}:{ident}"
                    )
    return errors


def scan(paths, entries):
    """Capitalised words that no alias covers, with their counts."""
    keys = {fold(a) for _, _, al in entries for lang in ("fr", "en") for a in al[lang]}
    longest = max(len(k.split()) for k in keys)
    missed = Counter()
    for path in paths:
        words = re.findall(r"[\w'’.+-]+", Path(path).read_text(encoding="utf-8", errors="replace"))
        covered = set()
        for i in range(len(words)):
            for n in range(longest, 0, -1):
                if fold(" ".join(words[i : i + n])).rstrip(".") in keys:
                    covered.update(range(i, i + n))
                    break
        for i, w in enumerate(words):
            if i not in covered and w[:1].isupper() and len(w) > 2:
                missed[w.rstrip(".")] += 1
    return missed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scan", nargs="*", default=[], help="texts to scan for uncovered names")
    parser.add_argument("--top", type=int, default=80)
    args = parser.parse_args()
    countries, orgs, places, entries = load()
    errors = check(countries, orgs, places, entries)
    for e in errors:
        print("ERROR", e)
    n_alias = {lang: sum(len(al[lang]) for _, _, al in entries) for lang in ("fr", "en")}
    print(
        f"countries {len(countries)}, organisations {len(orgs)}, places {len(places)}; "
        f"aliases fr {n_alias['fr']}, en {n_alias['en']}"
    )
    print("places by kind:", dict(Counter(p["kind"] for p in places)))
    if args.scan:
        for word, n in scan(args.scan, entries).most_common(args.top):
            print(f"{n:4d}  {word}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
