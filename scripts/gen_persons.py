"""Build data/persons.toml: who held which office when.

Two inputs are merged:

* the person entries of the Phoenix actor dictionaries (Open Event Data Alliance, MIT
  licence, see data/LICENSE-phoenix.txt): `Phoenix.Countries.actors.txt` and
  `Phoenix.International.actors.txt`. Dated government and IGO codes such as
  `[USAGOV 20090121-20130201]` become offices with their CAMEO code and dates;
* the hand-kept offices in scripts/offices_recent.toml (mostly after 2010, one source per
  office). They win on conflicts: their names, ids and offices replace Phoenix's.

Re-run from the repository root, pointing at the folder holding the Phoenix files:

    python3 scripts/gen_persons.py PHOENIX_DIR [-o data/persons.toml]

Needs Python 3.11+ and pycountry (`pip install pycountry`).
"""

from __future__ import annotations

import argparse
import json
import re
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

HERE = Path(__file__).resolve().parent
# Phoenix persons whose last office ended before these dates are left out, to keep the
# file under 4 MB: since independence for Central Asia, its neighbours and main partners
# (and the IGOs), since 2005 for the rest of the world.
RECENT_FOCUS = "1991-01-01"
RECENT_OTHER = "2005-01-01"
FOCUS = {
    "KAZ",
    "UZB",
    "KGZ",
    "TJK",
    "TKM",
    "AFG",
    "USA",
    "RUS",
    "CHN",
    "FRA",
    "DEU",
    "ITA",
    "GBR",
    "JPN",
    "KOR",
    "TUR",
    "IND",
    "SAU",
    "ARE",
    "QAT",
    "IRN",
    "PAK",
    "AZE",
    "MNG",
    "BLR",
    "UKR",
    "ARM",
    "GEO",
}
PHOENIX_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt")

CODE_RE = re.compile(r"\[([A-Z~]+)(?:\s+([<>]?\d{6,8}(?:-\d{6,8})?))?\s*\]")

# Phoenix codes naming one organisation exactly; their longer forms are other bodies.
IGO_EXACT = {"IGOEUR": "osce", "IGOCAS": "sco", "IGOCASCIS": "cis"}
# Longest prefix wins; only organisations the project knows by id.
IGO_ORGS = {
    "IGOUNODEVWBK": "world_bank",
    "IGOUNOHLHWHO": "who",
    "IGOUNOIAE": "iaea",
    "IGOUNOKID": "unicef",
    "IGOUNOLABILO": "ilo",
    "IGOUNOREFHCR": "unhcr",
    "IGOUNO": "un",
    "IGOEUREEC": "eu",
    "IGOWSTNAT": "nato",
    "IGOBUSIMF": "imf",
    "IGOEURDEVEBR": "ebrd",
    "IGOASADEVADB": "adb",
    "IGOBUSWTO": "wto",
    "IGOWSTBUS": "oecd",
    "IGOBUSOPC": "opec",
    "IGOSEAASN": "asean",
    "IGOAFRAFU": "african_union",
}

# Phoenix country codes that are not ISO 3166-1 alpha-3.
COUNTRY_FIXES = {"ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "KOS": "XKX"}

# Comments on a dated code line that name the office.
COMMENT_ROLES = [
    (
        re.compile(r"\b(dep\.?|deputy) (sec\.?|secretary) (of )?state\b", re.IGNORECASE),
        "Deputy Secretary of State",
    ),
    (
        re.compile(r"\bunder secretary of state\b", re.IGNORECASE),
        "Under Secretary of State",
    ),
    (
        re.compile(r"\b(dep\.?|deputy) (sec\.?|secretary) (of )?def", re.IGNORECASE),
        "Deputy Secretary of Defense",
    ),
    (
        re.compile(r"^\s*(sec\.?|secretary) (of )?state\s*$", re.IGNORECASE),
        "Secretary of State",
    ),
    (
        re.compile(r"^\s*(sec\.?|secretary) (of )?def(ense)?\s*$", re.IGNORECASE),
        "Secretary of Defense",
    ),
    (
        re.compile(r"^\s*foreign minister\s*$", re.IGNORECASE),
        "Minister of Foreign Affairs",
    ),
    (
        re.compile(r"^\s*(pm|prime minister)( pt\. \d)?\s*$", re.IGNORECASE),
        "Prime Minister",
    ),
    (re.compile(r"^\s*dep\. pm\s*$", re.IGNORECASE), "Deputy Prime Minister"),
    (re.compile(r"^\s*president of [a-z ]+$", re.IGNORECASE), "President"),
    (re.compile(r"^\s*chancellor of germany\s*$", re.IGNORECASE), "Chancellor"),
]

# An alias holding one of these words is a title or an organisation, not a name.
NOT_NAME_WORDS = {
    "president",
    "presidents",
    "prime",
    "minister",
    "ministers",
    "secretary",
    "secretary-general",
    "general",
    "chief",
    "king",
    "queen",
    "emir",
    "sultan",
    "sheikh",
    "prince",
    "crown",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "chairman",
    "chairwoman",
    "director",
    "head",
    "leader",
    "commander",
    "governor",
    "mayor",
    "senator",
    "congressman",
    "representative",
    "rep",
    "sen",
    "gov",
    "adm",
    "gen",
    "col",
    "lt",
    "maj",
    "capt",
    "sgt",
    "dr",
    "mr",
    "mrs",
    "ms",
    "sir",
    "lord",
    "lady",
    "the",
    "of",
    "and",
    "for",
    "party",
    "army",
    "ministry",
    "government",
    "council",
    "committee",
    "commission",
    "union",
    "bank",
    "fund",
    "agency",
    "office",
    "department",
    "court",
    "assembly",
    "parliament",
    "forces",
    "force",
    "police",
    "front",
    "movement",
    "organization",
    "organisation",
    "association",
    "group",
    "national",
    "republic",
    "federal",
    "united",
    "nations",
    "un",
    "nato",
    "eu",
    "cia",
    "fbi",
    "ngo",
    "company",
    "corporation",
    "inc",
    "ltd",
}

# Misspelt or foreign titles found in the synonyms ("Presient", "Bundeskanzler").
TITLE_STEMS = (
    "presi",
    "secret",
    "minist",
    "chancel",
    "kanzler",
    "bundes",
    "premier",
    "ambass",
    "spokes",
    "excellen",
)

PARTICLES = {
    "bin",
    "ibn",
    "al",
    "el",
    "de",
    "del",
    "della",
    "der",
    "van",
    "von",
    "la",
    "le",
    "du",
    "da",
    "di",
    "dos",
    "das",
    "y",
    "bint",
    "abu",
    "ben",
}


@dataclass
class Office:
    cameo: str
    start: str
    end: str | None = None
    role: str | None = None
    country: str | None = None
    org: str | None = None
    source: str = ""


@dataclass
class Person:
    id: str
    name: str
    country: str | None
    aliases: list[str]
    offices: list[Office] = field(default_factory=list)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("’", "'").replace("‐", "-").replace("–", "-")
    return " ".join(text.split())


def translit_key(name: str) -> str:
    """Spelling-insensitive key, close to the one the matcher applies."""
    key = fold(name).replace("-", " ").replace(".", " ")
    for a, b in (
        ("tch", "ch"),
        ("dj", "j"),
        ("zh", "j"),
        ("kh", "h"),
        ("ou", "u"),
        ("y", "i"),
        ("q", "k"),
    ):
        key = key.replace(a, b)
    key = re.sub(r"(iev|ev)\b", "ev", key)
    key = re.sub(r"(.)\1+", r"\1", key)
    return " ".join(key.split())


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")


def phoenix_date(raw: str) -> str | None:
    """YYMMDD (00-30 read as 20YY) or YYYYMMDD to ISO; None when not a real date."""
    if len(raw) == 6:
        yy = int(raw[:2])
        raw = ("20" if yy <= 30 else "19") + raw
    year, month, day = int(raw[:4]), int(raw[4:6]), int(raw[6:8])
    if not (1800 <= year <= 2030 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def nice_name(phrase: str) -> str:
    words = phrase.replace("_", " ").split()
    out = []
    for i, word in enumerate(words):
        low = word.lower()
        if i > 0 and low in PARTICLES:
            out.append(low)
            continue
        parts = re.split(r"([-'])", low)
        cased = "".join(p[:1].upper() + p[1:] if p not in "-'" else p for p in parts)
        if cased.startswith("Mc") and len(cased) > 2:
            cased = "Mc" + cased[2].upper() + cased[3:]
        out.append(cased)
    return " ".join(out)


def good_alias(name: str) -> bool:
    words = [w.strip(".,") for w in re.split(r"[\s\-]+", fold(name))]
    if len(fold(name).split()) < 2 or any(not re.search(r"[a-z]", w) for w in words):
        return False
    return not any(w in NOT_NAME_WORDS or w.startswith(TITLE_STEMS) for w in words)


def iso3(code: str) -> str | None:
    code = COUNTRY_FIXES.get(code, code)
    return code if pycountry.countries.get(alpha_3=code) else None


def org_of(cameo: str) -> str | None:
    if cameo in IGO_EXACT:
        return IGO_EXACT[cameo]
    for prefix in sorted(IGO_ORGS, key=len, reverse=True):
        if cameo.startswith(prefix):
            return IGO_ORGS[prefix]
    return None


def comment_role(comment: str) -> str | None:
    for pattern, role in COMMENT_ROLES:
        if pattern.search(comment):
            return role
    return None


def read_phoenix_entries(path: Path):
    """Yield (phrases, [(code, restriction, comment)], header_comment) per record."""
    phrases: list[str] = []
    codes: list[tuple[str, str | None, str]] = []
    header = ""
    for line in path.read_text(encoding="latin-1").splitlines():
        body, _, comment = line.partition("#")
        if not body.strip():
            continue
        if line[0] in " \t":
            for code, restriction in CODE_RE.findall(body):
                codes.append((code, restriction or None, comment.strip()))
            continue
        if line.startswith("+"):
            phrase = CODE_RE.sub("", body[1:]).strip()
            if phrase:
                phrases.append(phrase)
            for code, restriction in CODE_RE.findall(body):
                codes.append((code, restriction or None, comment.strip()))
            continue
        if phrases:
            yield phrases, codes, header
        phrase = CODE_RE.sub("", body).strip()
        phrases = [phrase] if phrase else []
        codes = [(c, r or None, comment.strip()) for c, r in CODE_RE.findall(body)]
        header = comment
    if phrases:
        yield phrases, codes, header


def office_from_code(code: str, restriction: str | None, comment: str) -> Office | None:
    if not restriction or restriction.startswith("<"):
        return None  # no start date
    is_igo = code.startswith("IGO")
    if not is_igo and code[3:6] != "GOV":
        return None
    if restriction.startswith(">"):
        start, end = phoenix_date(restriction[1:]), None
    elif "-" in restriction:
        raw_start, raw_end = restriction.split("-")
        start, end = phoenix_date(raw_start), phoenix_date(raw_end)
        if end is None:
            return None
    else:
        return None  # a bare date says nothing about the term
    if start is None or (end is not None and end < start):
        return None  # Phoenix has a few reversed ranges
    source = "Phoenix 2014" if end else "Phoenix 2014, open-ended"
    return Office(
        cameo=code,
        start=start,
        end=end,
        # "President of the Bundesrat" on a DEUGOVLEG line is not the head of state.
        role=comment_role(comment) if len(code) == 6 or code.endswith("GOVMIL") else None,
        country=None if is_igo else iso3(code[:3]),
        org=org_of(code) if is_igo else None,
        source=source,
    )


def phoenix_persons(phoenix_dir: Path) -> list[Person]:
    people: dict[str, Person] = {}
    for file_name in PHOENIX_FILES:
        for phrases, codes, _header in read_phoenix_entries(phoenix_dir / file_name):
            offices = [o for c in codes if (o := office_from_code(*c))]
            focus = any(o.country in FOCUS or o.org for o in offices)
            recent = RECENT_FOCUS if focus else RECENT_OTHER
            if not any((o.end or "9999") >= recent for o in offices):
                continue
            aliases = []
            for phrase in phrases:
                name = nice_name(phrase)
                if good_alias(name) and name not in aliases:
                    aliases.append(name)
            if not aliases:
                continue
            countries = Counter(o.country for o in offices if o.country)
            if not all(o.country or o.org for o in offices):
                continue  # a country code outside ISO 3166 (historical states)
            country = countries.most_common(1)[0][0] if countries else None
            pid = slug(aliases[0])
            if pid in people and people[pid].country != country:
                pid = f"{pid}_{(country or 'igo').lower()}"
            person = people.setdefault(pid, Person(pid, aliases[0], country, []))
            person.aliases += [a for a in aliases if a not in person.aliases]
            for office in offices:
                if not any(same_office(office, o) for o in person.offices):
                    person.offices.append(office)
    return list(people.values())


def same_office(a: Office, b: Office) -> bool:
    return a.cameo == b.cameo and a.start == b.start and a.end == b.end


def overlaps(a: Office, b: Office) -> bool:
    return a.start <= (b.end or "9999") and b.start <= (a.end or "9999")


def hand_kept(path: Path) -> list[Person]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    people = []
    for raw in data.get("person", []):
        offices = [Office(**o) for o in raw.get("office", [])]
        aliases = list(dict.fromkeys(raw.get("aliases", [])))
        if raw["name"] not in aliases:
            aliases.insert(0, raw["name"])
        people.append(Person(slug(raw["name"]), raw["name"], raw.get("country"), aliases, offices))
    return people


def merge(kept: list[Person], phoenix: list[Person]) -> list[Person]:
    by_key: dict[str, Person] = {}
    for person in kept:
        for alias in person.aliases:
            by_key.setdefault(translit_key(alias), person)
    rest = []
    for person in phoenix:
        target = next(
            (by_key[k] for a in person.aliases if (k := translit_key(a)) in by_key),
            None,
        )
        if target is None:
            rest.append(person)
            continue
        keys = {translit_key(a) for a in target.aliases}
        target.aliases += [a for a in person.aliases if translit_key(a) not in keys]
        for office in person.offices:
            # Hand-kept offices win over any Phoenix office of the same sector they overlap.
            if not any(
                o.cameo[:6] == office.cameo[:6] and overlaps(o, office) for o in target.offices
            ):
                target.offices.append(office)
    taken = {p.id for p in kept}
    for person in rest:
        if person.id in taken:
            person.id = f"{person.id}_{(person.country or 'igo').lower()}"
        taken.add(person.id)
    rest.sort(key=lambda p: p.id)
    return kept + rest


def dump(people: list[Person], kept_ids: set[str], header: str) -> str:
    def s(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)

    def fields(office: Office) -> list[str]:
        keys = ("role", "country", "org", "cameo", "start", "end", "source")
        return [f"{k} = {s(getattr(office, k))}" for k in keys if getattr(office, k)]

    out = [header]
    for person in people:
        out.append("[[person]]")
        out.append(f"id = {s(person.id)}")
        out.append(f"name = {s(person.name)}")
        if person.country:
            out.append(f"country = {s(person.country)}")
        out.append("aliases = [" + ", ".join(s(a) for a in person.aliases) + "]")
        offices = sorted(person.offices, key=lambda o: (o.start, o.cameo))
        if person.id in kept_ids:
            for office in offices:
                out.append("[[person.office]]")
                out.extend(fields(office))
        else:
            # One line per office keeps the converted part of the file small.
            out.append("office = [")
            out.extend("  { " + ", ".join(fields(o)) + " }," for o in offices)
            out.append("]")
        out.append("")
    return "\n".join(out)


HEADER = """\
# Persons and the offices they held, with dates: the actor dictionary of communique.
# Generated by scripts/gen_persons.py; edit scripts/offices_recent.toml, not this file.
#
# Offices whose source is "Phoenix 2014" are converted from the Phoenix actor dictionaries
# of the Open Event Data Alliance (CountryInfo.140130; MIT licence, see LICENSE-phoenix.txt).
# Phoenix gives CAMEO codes and dates but rarely an office title, so `role` is mostly absent
# there. "Phoenix 2014, open-ended" marks a term still running in that 2014 edition: its end,
# if any, is not recorded here. The other offices, mostly after 2010, are hand-kept in
# scripts/offices_recent.toml, each with its own source.
#
# Aliases are full-name forms; the loader derives surnames and spelling variants itself.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phoenix_dir", type=Path)
    parser.add_argument("-o", "--output", type=Path, default=HERE.parent / "data" / "persons.toml")
    parser.add_argument("--recent", type=Path, default=HERE / "offices_recent.toml")
    args = parser.parse_args()

    kept = hand_kept(args.recent)
    people = merge(kept, phoenix_persons(args.phoenix_dir))
    text = dump(people, {p.id for p in kept}, HEADER)
    args.output.write_text(text, encoding="utf-8")
    n_offices = sum(len(p.offices) for p in people)
    print(
        f"{len(people)} persons ({len(kept)} hand-kept), {n_offices} offices, "
        f"{len(text.encode()) / 1e6:.2f} MB -> {args.output}"
    )


if __name__ == "__main__":
    main()
