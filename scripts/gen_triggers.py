"""Expand the hand-kept event cue lemmas into the lexicons the Rust matcher loads.

Reads scripts/trigger_lemmas.toml and writes data/triggers/fr.toml and data/triggers/en.toml, with
every inflected form written out. French verbs are conjugated with the regular paradigms (first and
second groups, with their spelling changes) and a small table of irregular verbs; English verbs get
base, -s, past, participle and -ing forms.

Forms are sorted into `forms` (tenses that report), `future`, `conditional` and `infinitive`, so
that the matcher can read the mood of a cue from its own tense.

Re-run from the project root (standard library only, Python 3.11+):
    python3 scripts/gen_triggers.py
"""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEMMAS = ROOT / "scripts" / "trigger_lemmas.toml"
OUT = ROOT / "data" / "triggers"

VOWELS = "aeiouyhâàéèêëîïôûœ"

# Irregular French verbs: present (6), imperfect stem, simple past (6), future stem,
# subjunctive (6), past participle, present participle.
IRREGULAR = {
    "tenir": (
        "tiens tiens tient tenons tenez tiennent",
        "ten",
        "tins tins tint tînmes tîntes tinrent",
        "tiendr",
        "tienne tiennes tienne tenions teniez tiennent",
        "tenu",
        "tenant",
    ),
    "recevoir": (
        "reçois reçois reçoit recevons recevez reçoivent",
        "recev",
        "reçus reçus reçut reçûmes reçûtes reçurent",
        "recevr",
        "reçoive reçoives reçoive recevions receviez reçoivent",
        "reçu",
        "recevant",
    ),
    "rendre": (
        "rends rends rend rendons rendez rendent",
        "rend",
        "rendis rendis rendit rendîmes rendîtes rendirent",
        "rendr",
        "rende rendes rende rendions rendiez rendent",
        "rendu",
        "rendant",
    ),
    "conclure": (
        "conclus conclus conclut concluons concluez concluent",
        "conclu",
        "conclus conclus conclut conclûmes conclûtes conclurent",
        "conclur",
        "conclue conclues conclue concluions concluiez concluent",
        "conclu",
        "concluant",
    ),
    "mettre": (
        "mets mets met mettons mettez mettent",
        "mett",
        "mis mis mit mîmes mîtes mirent",
        "mettr",
        "mette mettes mette mettions mettiez mettent",
        "mis",
        "mettant",
    ),
    "offrir": (
        "offre offres offre offrons offrez offrent",
        "offr",
        "offris offris offrit offrîmes offrîtes offrirent",
        "offrir",
        "offre offres offre offrions offriez offrent",
        "offert",
        "offrant",
    ),
    "accueillir": (
        "accueille accueilles accueille accueillons accueillez accueillent",
        "accueill",
        "accueillis accueillis accueillit accueillîmes accueillîtes accueillirent",
        "accueiller",
        "accueille accueilles accueille accueillions accueilliez accueillent",
        "accueilli",
        "accueillant",
    ),
    "prendre": (
        "prends prends prend prenons prenez prennent",
        "pren",
        "pris pris prit prîmes prîtes prirent",
        "prendr",
        "prenne prennes prenne prenions preniez prennent",
        "pris",
        "prenant",
    ),
    "convenir": (
        "conviens conviens convient convenons convenez conviennent",
        "conven",
        "convins convins convint convînmes convîntes convinrent",
        "conviendr",
        "convienne conviennes convienne convenions conveniez conviennent",
        "convenu",
        "convenant",
    ),
    "entreprendre": (
        "entreprends entreprends entreprend entreprenons entreprenez entreprennent",
        "entrepren",
        "entrepris entrepris entreprit entreprîmes entreprîtes entreprirent",
        "entreprendr",
        "entreprenne entreprennes entreprenne entreprenions entrepreniez entreprennent",
        "entrepris",
        "entreprenant",
    ),
    "enjoindre": (
        "enjoins enjoins enjoint enjoignons enjoignez enjoignent",
        "enjoign",
        "enjoignis enjoignis enjoignit enjoignîmes enjoignîtes enjoignirent",
        "enjoindr",
        "enjoigne enjoignes enjoigne enjoignions enjoigniez enjoignent",
        "enjoint",
        "enjoignant",
    ),
}
# Verbs built on an irregular base.
PREFIXED = {
    "soutenir": ("sou", "tenir"),
    "entretenir": ("entre", "tenir"),
    "promettre": ("pro", "mettre"),
}
SECOND_GROUP = {"fournir", "réunir", "investir", "applaudir"}
IMPERFECT = ["ais", "ais", "ait", "ions", "iez", "aient"]
FUTURE = ["ai", "as", "a", "ons", "ez", "ont"]
PERSONS_REFLEXIVE = ["me", "te", "se", "nous", "vous", "se"]
# The être forms a reflexive verb takes in compound tenses, with the participle agreement used.
BE_PAST = [("est", ["", "e"]), ("sont", ["s", "es"]), ("sommes", ["s", "es"])]
BE_PLUPERFECT = [("était", ["", "e"]), ("étaient", ["s", "es"])]
BE_CONDITIONAL = [("serait", ["", "e"]), ("seraient", ["s", "es"])]
BE_FUTURE_PERFECT = [("sera", ["", "e"]), ("seront", ["s", "es"])]
ADVERBS = [
    "",
    "également ",
    "ensuite ",
    "aussi ",
    "longuement ",
    "déjà ",
    "notamment ",
    "brièvement ",
    "alors ",
    "enfin ",
    "d'abord ",
]


def expand(text: str) -> list[str]:
    """All spellings of a string with {a|b|} alternatives."""
    m = re.search(r"\{([^{}]*)\}", text)
    if not m:
        return [" ".join(text.split())]
    out = []
    for alt in m.group(1).split("|"):
        out += expand(text[: m.start()] + alt + text[m.end() :])
    return out


def er_forms(inf: str) -> dict[str, list[str]]:
    """First-group verb, with the -cer, -ger, -yer, -eler and e/è stem changes."""
    stem = inf[:-2]
    soft = stem  # before endings starting with a or o
    if stem.endswith("c"):
        soft = stem[:-1] + "ç"
    elif stem.endswith("g"):
        soft = stem + "e"
    mute = stem  # before a silent e
    fut = inf
    if inf.endswith("envoyer"):
        mute = stem[:-1] + "i"
        fut = inf[:-5] + "verr"
    elif stem.endswith(("oy", "uy")):
        mute = stem[:-1] + "i"
        fut = mute + "er"
    elif stem.endswith("el") and inf in {"appeler", "rappeler"}:
        mute = stem + "l"
        fut = mute + "er"
    elif re.search(r"e[nv]$", stem) and inf in {
        "mener",
        "emmener",
        "amener",
        "soulever",
        "lever",
        "achever",
    }:
        mute = stem[:-2] + "è" + stem[-1]
        fut = mute + "er"

    def vowel_ending(e: str) -> str:
        return (soft if e[0] in "ao" else stem) + e

    present = [mute + "e", mute + "es", mute + "e", soft + "ons", stem + "ez", mute + "ent"]
    return {
        "present": present,
        "imperfect": [vowel_ending(e) for e in IMPERFECT],
        "simple_past": [vowel_ending(e) for e in ["ai", "as", "a", "âmes", "âtes"]]
        + [stem + "èrent"],
        "subjunctive": [
            mute + "e",
            mute + "es",
            mute + "e",
            stem + "ions",
            stem + "iez",
            mute + "ent",
        ],
        "future": [fut + e for e in FUTURE],
        "conditional": [fut + e for e in IMPERFECT],
        "participle": participle(stem + "é"),
        "present_participle": [soft + "ant"],
        "infinitive": [inf],
    }


def participle(base: str) -> list[str]:
    if base.endswith("s"):
        return [base, base + "e", base + "es"]
    if base.endswith("t") and not base.endswith("nt"):
        return [base, base + "e", base + "s", base + "es"]
    return [base, base + "e", base + "s", base + "es"]


def ir_forms(inf: str) -> dict[str, list[str]]:
    """Second-group verb (finir)."""
    stem = inf[:-2]
    return {
        "present": [stem + e for e in ["is", "is", "it", "issons", "issez", "issent"]],
        "imperfect": [stem + "iss" + e for e in IMPERFECT],
        "simple_past": [stem + e for e in ["is", "is", "it", "îmes", "îtes", "irent"]],
        "subjunctive": [stem + e for e in ["isse", "isses", "isse", "issions", "issiez", "issent"]],
        "future": [inf + e for e in FUTURE],
        "conditional": [inf + e for e in IMPERFECT],
        "participle": participle(stem + "i"),
        "present_participle": [stem + "issant"],
        "infinitive": [inf],
    }


def irregular_forms(inf: str) -> dict[str, list[str]]:
    prefix, base = PREFIXED.get(inf, ("", inf))
    pres, imp, past, fut, subj, part, ppr = IRREGULAR[base]
    p = prefix
    return {
        "present": [p + w for w in pres.split()],
        "imperfect": [p + imp + e for e in IMPERFECT],
        "simple_past": [p + w for w in past.split()],
        "subjunctive": [p + w for w in subj.split()],
        "future": [p + fut + e for e in FUTURE],
        "conditional": [p + fut + e for e in IMPERFECT],
        "participle": participle(p + part),
        "present_participle": [p + ppr],
        "infinitive": [inf],
    }


def conjugate_fr(inf: str) -> dict[str, list[str]]:
    if inf in IRREGULAR or inf in PREFIXED:
        return irregular_forms(inf)
    if inf in SECOND_GROUP:
        return ir_forms(inf)
    if inf.endswith("er"):
        return er_forms(inf)
    raise ValueError(f"no paradigm for French verb {inf!r}")


def elide(pronoun: str, word: str) -> str:
    if pronoun in {"me", "te", "se"} and word[0] in VOWELS:
        return pronoun[0] + "'" + word
    return pronoun + " " + word


def fr_entry(entry: str) -> dict[str, list[str]]:
    """Forms of one French verb entry, sorted by the mood they carry."""
    reflexive = False
    words = entry.split(" ", 1)
    if words[0] == "se" or words[0].startswith("s'"):
        reflexive = True
        entry = entry[3:] if words[0] == "se" else entry[2:]
    head, _, tail = entry.partition(" ")
    tails = expand(tail) if tail else [""]
    c = conjugate_fr(head)
    out = {"forms": [], "future": [], "conditional": [], "infinitive": []}

    def add(kind: str, form: str) -> None:
        for t in tails:
            out[kind].append(f"{form} {t}".strip())

    simple = {
        "forms": c["present"] + c["imperfect"] + c["simple_past"] + c["subjunctive"],
        "future": c["future"],
        "conditional": c["conditional"],
    }
    if not reflexive:
        for kind, forms in simple.items():
            for f in forms:
                add(kind, f)
        for f in c["participle"] + c["present_participle"]:
            add("forms", f)
        add("infinitive", c["infinitive"][0])
        return out
    for kind, forms in simple.items():
        for i, f in enumerate(forms):
            add(kind, elide(PERSONS_REFLEXIVE[i % 6], f))
            if PERSONS_REFLEXIVE[i % 6] == "nous":
                add(kind, "nous " + elide("nous", f))
    part = c["participle"][0]
    for aux_set, kind in (
        (BE_PAST, "forms"),
        (BE_PLUPERFECT, "forms"),
        (BE_CONDITIONAL, "conditional"),
        (BE_FUTURE_PERFECT, "future"),
    ):
        for aux, agreements in aux_set:
            pron = "nous nous " if aux == "sommes" else ("s'" if aux[0] in VOWELS else "se ")
            for agr in agreements:
                agreed = part if agr == "s" and part.endswith("s") else part + agr
                for adv in ADVERBS:
                    add(kind, f"{pron}{aux} {adv}{agreed}")
                if kind == "forms":
                    for neg in ("pas", "jamais"):
                        add(kind, f"ne {pron}{aux} {neg} {agreed}")
    add("forms", elide("se", c["present_participle"][0]))
    add("infinitive", elide("se", c["infinitive"][0]))
    add("infinitive", elide("nous", c["infinitive"][0]))
    return out


def en_entry(entry: str) -> dict[str, list[str]]:
    head, _, tail = entry.partition(" ")
    parts = head.split("/")
    base = parts[0]
    tails = expand(tail) if tail else [""]
    if len(parts) == 3:
        past, pp = parts[1], parts[2]
    else:
        past = pp = en_past(base)
    forms = {base, en_third(base), past, pp, en_ing(base)}
    out = {"forms": [], "future": [], "conditional": [], "infinitive": []}
    for f in sorted(forms):
        for t in tails:
            out["forms"].append(f"{f} {t}".strip())
    return out


def en_third(v: str) -> str:
    if v.endswith(("s", "sh", "ch", "x", "z", "o")):
        return v + "es"
    if v.endswith("y") and v[-2] not in "aeiou":
        return v[:-1] + "ies"
    return v + "s"


DOUBLING = {"stop", "plan", "ship", "chat", "commit", "refer", "ban", "slam", "sit", "put", "rebut"}


def en_past(v: str) -> str:
    if v.endswith("e"):
        return v + "d"
    if v.endswith("y") and v[-2] not in "aeiou":
        return v[:-1] + "ied"
    if v in DOUBLING:
        return v + v[-1] + "ed"
    return v + "ed"


def en_ing(v: str) -> str:
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")):
        return v[:-1] + "ing"
    if v in DOUBLING:
        return v + v[-1] + "ing"
    return v + "ing"


def toml_list(values: list[str]) -> str:
    if not values:
        return "[]"
    quoted = [toml_str(v) for v in values]
    lines, line = [], ""
    for q in quoted:
        if len(line) + len(q) > 100:
            lines.append(line.rstrip())
            line = ""
        line += q + ", "
    lines.append(line.rstrip().rstrip(","))
    return "[\n    " + "\n    ".join(lines) + ",\n]"


def toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def unique(values: list[str]) -> list[str]:
    seen, out = set(), []
    for v in values:
        if v not in seen:
            seen.add(v)
            out.append(v)
    return out


HEADER = """\
# Event cue lexicon ({lang}) for communique: every inflected form of the trigger verbs and nouns.
# GENERATED by scripts/gen_triggers.py from scripts/trigger_lemmas.toml: edit the lemmas instead.
# Event classes and codes: CAMEO event codebook (Schrodt, 2012) mapped to PLOVER types per
# openeventdata/PLOVER CAMEO2PLOVER-2021 (CC BY-SA 4.0); see data/cameo_plover.csv.
# Kinds of form: `forms` report (present, past, participles), `future` and `conditional` carry
# their mood, `infinitive` takes the mood of the word that governs it, `nouns` are nominal cues.
"""


def generate(lang: str, spec: dict) -> tuple[str, int]:
    conj = fr_entry if lang == "fr" else en_entry
    owner: dict[str, int] = {}
    parts = [HEADER.format(lang=lang)]
    parts.append("exclude = " + toml_list(unique([e for x in spec["exclude"] for e in expand(x)])))
    parts.append("lowercase_only = " + toml_list(spec.get("lowercase_only", [])))
    parts.append("referring_only = " + toml_list(spec.get("referring_only", [])) + "\n")
    parts.append("[context]")
    for key, words in spec["context"].items():
        parts.append(f"{key} = " + toml_list(words))
    total = 0
    for idx, cue in enumerate(spec["cue"]):
        kinds = {"forms": [], "future": [], "conditional": [], "infinitive": []}
        for verb in cue.get("verbs", []):
            for k, v in conj(verb).items():
                kinds[k] += v
        for phrase in cue.get("phrases", []):
            kinds["forms"] += expand(phrase)
        nouns = unique([n for x in cue.get("nouns", []) for n in expand(x)])
        seen_here = set()
        for k in kinds:
            kept = []
            for f in unique(kinds[k]):
                if f in seen_here or owner.get(f, idx) != idx:
                    continue
                seen_here.add(f)
                owner[f] = idx
                kept.append(f)
            kinds[k] = kept
        # A noun spelled like one of the cue's own verb forms ("visite") stays in both lists: the
        # matcher tells them apart by the word before.
        nouns = [n for n in nouns if owner.setdefault(n, idx) == idx]
        total += sum(len(v) for v in kinds.values()) + len(nouns)
        parts.append("\n[[cue]]")
        for key in ("subtype", "event_type", "cameo", "subject_role"):
            parts.append(f"{key} = {toml_str(cue[key])}")
        for k, v in kinds.items():
            parts.append(f"{k} = " + toml_list(v))
        parts.append("nouns = " + toml_list(nouns))
        parts.append("not_followed_by = " + toml_list(cue.get("not_followed_by", [])))
        parts.append("not_preceded_by = " + toml_list(cue.get("not_preceded_by", [])))
        parts.append(f"void_in_protest = {str(cue.get('void_in_protest', False)).lower()}")
        parts.append(f"needs_person = {str(cue.get('needs_person', False)).lower()}")
    return "\n".join(parts) + "\n", total


def main() -> None:
    spec = tomllib.loads(LEMMAS.read_text(encoding="utf-8"))
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in ("fr", "en"):
        text, total = generate(lang, spec[lang])
        (OUT / f"{lang}.toml").write_text(text, encoding="utf-8")
        print(f"{lang}: {total} forms")


if __name__ == "__main__":
    main()
