"""Validate data/persons.toml and data/titles.toml, print counts, answer quick queries.

    python3 scripts/check_persons.py                       # validate and count
    python3 scripts/check_persons.py --who "Secretary of State" USA 2022-05-20
    python3 scripts/check_persons.py --office tokayev 2014-05-08

Exits 1 when a check fails. Needs Python 3.11+ (tomllib), nothing else.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tomllib
import unicodedata
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
ID_RE = re.compile(r"^[a-z0-9_]+$")
ISO3_RE = re.compile(r"^[A-Z]{3}$")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def valid_date(value: object) -> bool:
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def check_persons(people: list[dict]) -> list[str]:
    errors = []
    ids = Counter(p.get("id") for p in people)
    errors += [f"duplicate id {i}" for i, n in ids.items() if n > 1]
    for person in people:
        pid = person.get("id", "?")
        if not ID_RE.match(str(pid)):
            errors.append(f"{pid}: bad id")
        if not person.get("name"):
            errors.append(f"{pid}: no name")
        if "country" in person and not ISO3_RE.match(person["country"]):
            errors.append(f"{pid}: bad country {person['country']}")
        for alias in person.get("aliases", []):
            if " " not in alias.strip():
                errors.append(f"{pid}: one-word alias {alias!r}")
        offices = person.get("office", [])
        for office in offices:
            start, end = office.get("start"), office.get("end")
            if not valid_date(start):
                errors.append(f"{pid}: bad start {start}")
            elif end is not None and (not valid_date(end) or end < start):
                errors.append(f"{pid}: bad end {end} (start {start})")
            if not office.get("cameo"):
                errors.append(f"{pid}: office without cameo")
        roled = [o for o in offices if o.get("role")]
        for i, a in enumerate(roled):
            for b in roled[i + 1 :]:
                same = (a["role"], a.get("country"), a.get("org")) == (
                    b["role"],
                    b.get("country"),
                    b.get("org"),
                )
                if same and a["start"] < b.get("end", "9999") and b["start"] < a.get("end", "9999"):
                    errors.append(f"{pid}: overlapping {a['role']} {a['start']} / {b['start']}")
    return errors


def check_titles(data: dict) -> list[str]:
    errors = []
    seen: dict[str, str] = {}
    for title in data.get("title", []):
        role = title.get("role")
        if not role or not title.get("sector"):
            errors.append(f"title without role or sector: {title}")
        for form in title.get("fr", []) + title.get("en", []):
            key = (fold(form), title.get("lang", ""))
            if key[0] in seen and seen[key[0]] != role:
                errors.append(f"title form {form!r} maps to {seen[key[0]]} and {role}")
            seen[key[0]] = role
    return errors


def holders(people: list[dict], role: str, country: str, day: str):
    for person in people:
        for office in person.get("office", []):
            if (
                office.get("role", "").lower() == role.lower()
                and country in (office.get("country"), office.get("org"))
                and office["start"] <= day <= office.get("end", "9999")
            ):
                yield person["name"], office


def offices_of(people: list[dict], name: str, day: str):
    key = fold(name)
    for person in people:
        if any(key in fold(a) for a in person.get("aliases", [])):
            for office in person.get("office", []):
                if office["start"] <= day <= office.get("end", "9999"):
                    yield person["name"], office


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--who", nargs=3, metavar=("ROLE", "COUNTRY_OR_ORG", "DATE"))
    parser.add_argument("--office", nargs=2, metavar=("NAME", "DATE"))
    args = parser.parse_args()

    people = tomllib.loads((DATA / "persons.toml").read_text(encoding="utf-8"))["person"]
    titles = tomllib.loads((DATA / "titles.toml").read_text(encoding="utf-8"))
    errors = check_persons(people) + check_titles(titles)

    offices = [o for p in people for o in p.get("office", [])]
    print(
        f"persons {len(people)}, offices {len(offices)}, "
        f"with role {sum(1 for o in offices if o.get('role'))}, "
        f"aliases {sum(len(p.get('aliases', [])) for p in people)}"
    )
    print(
        f"titles {len(titles.get('title', []))}, "
        f"forms {sum(len(t.get('fr', [])) + len(t.get('en', [])) for t in titles['title'])}"
    )
    for path in ("persons.toml", "titles.toml"):
        print(f"{path}: {(DATA / path).stat().st_size / 1e6:.2f} MB")

    if args.who:
        role, country, day = args.who
        for name, office in holders(people, role, country, day):
            print(f"{role} {country} on {day}: {name} ({office['start']}..{office.get('end', '')})")
    if args.office:
        name, day = args.office
        for holder, office in offices_of(people, name, day):
            where = office.get("country") or office.get("org")
            print(
                f"{holder} on {day}: {office.get('role', '(no role)')} {where} "
                f"[{office['cameo']}] {office['start']}..{office.get('end', '')}"
            )
    for error in errors:
        print("ERROR", error)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
