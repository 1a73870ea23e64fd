"""Write the hostile corpus: the dirty input scraped news really brings, as ``.txt`` files.

Invalid UTF-8, NUL bytes, one 20 MB document, 10 000 empty documents, random bytes, very long
lines without spaces, deeply repeated trigger words and numbers (at two sizes, so that a test
can check that output grows in proportion), mixed scripts (Cyrillic, Kazakh Latin, Arabic),
right-to-left marks, CRLF line ends, French text in Windows-1252 and UTF-16, and a line of cues
and amounts repeated without a sentence break (at 2 000, 8 000 and 20 000 repetitions: the shape
of a transcript or a PDF page without punctuation). Every file is one document; the test suite
extracts them all and checks that none is lost.

The output is deterministic (fixed random seed). Re-run with:

    python3 scripts/make_hostile_corpus.py OUTDIR [--huge-mb 20] [--empty 10000]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

# Plain French news prose, written for this corpus.
FRENCH = (
    "Le ministre kazakh des Affaires étrangères a rencontré mardi à Astana le secrétaire "
    "d'État américain. Les deux délégations ont signé un accord sur les minerais critiques. "
    "Washington a annoncé une aide de 12 millions de dollars pour la gestion de l'eau. "
    "La prochaine réunion du format C5+1 se tiendra à New York en septembre 2024. "
)
TRIGGERS = "a rencontré signé accord visite aide promis entretien réunion sommet "
UNPUNCTUATED = "a rencontré a signé verseront 25 millions de dollars sommet C5+1 mardi "


def _write(folder: Path, name: str, data: str | bytes) -> None:
    path = folder / f"{name}.txt"
    path.write_bytes(data.encode() if isinstance(data, str) else data)


def _repeated(times: int) -> str:
    """Trigger words and amounts over and over, in one sentence and in many."""
    one_sentence = "Les États-Unis " + TRIGGERS * times + "."
    amounts = " ".join(f"{i % 97 + 1} millions de dollars" for i in range(times))
    many = "Le Kazakhstan a promis 5 millions de dollars au Tadjikistan. " * times
    return f"{one_sentence}\n\nLe Japon a promis {amounts}.\n\n{many}"


def documents(huge_mb: int = 20, seed: int = 9) -> dict[str, bytes]:
    """The hostile documents other than the empty ones, by name, as the bytes of their file."""
    rng = random.Random(seed)
    utf8 = FRENCH.encode()
    paragraph = FRENCH + "\n\n"
    docs: dict[str, str | bytes] = {
        "invalid_utf8": utf8[:40] + b"\xff\xfe\xc3(" + utf8[40:] + b"\xe2\x82",
        "truncated_utf8": utf8[: utf8.index("É".encode()) + 1],
        "nul_bytes": FRENCH.replace(" ", "\0 ").replace(".", ".\0\0\0"),
        "only_nul": b"\0" * 4096,
        "random_bytes": rng.randbytes(256 * 1024),
        "random_utf8": "".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(50_000)),
        "long_line_letters": "Kazakhstan" * 200_000,
        "long_line_digits": "1234567890" * 100_000 + " millions de dollars",
        "long_line_accents": "é" * 300_000 + "e\u0301" * 100_000,
        "repeated_x1": _repeated(1_000),
        "repeated_x4": _repeated(4_000),
        "unpunctuated_x2000": UNPUNCTUATED * 2_000,
        "unpunctuated_x8000": UNPUNCTUATED * 8_000,
        "unpunctuated_x20000": UNPUNCTUATED * 20_000,
        "repeated_punctuation": "." * 200_000 + "!?" * 50_000 + "« »" * 20_000,
        "mixed_scripts": (
            "Президент Казахстана встретился с госсекретарём США в Астане. "
            "Qazaqstan Respublikasynyń Prezidenti Vashingtonda kezdesý ótkizdi. "
            "التقى وزير خارجية كازاخستان بنظيره الأمريكي في أستانا. " + FRENCH + "Ақорда, Алматы."
        ),
        "rtl_marks": (
            FRENCH.replace(" ", " \u200f").replace("Astana", "\u202eAstana\u202c") + "\u2067\u2069"
        ),
        "crlf": FRENCH.replace(". ", ".\r\n\r\n") + "\r\r\n\r",
        "combining_and_emoji": "🇰🇿🤝🇺🇸 " * 1000 + "\u0301" * 1000 + FRENCH + "👨‍👩‍👧" * 500,
        "windows_1252": FRENCH.encode("cp1252") + "« 30 € »".encode("cp1252"),
        "utf16_bom": "\ufeff".encode("utf-16-le") + FRENCH.encode("utf-16-le"),
        "utf8_bom": "\ufeff" + FRENCH,
        "whitespace_only": " \t\n\u00a0\u202f\u2009\r\n" * 1000,
        "huge": paragraph * (huge_mb * 1_000_000 // len(paragraph.encode()) + 1),
    }
    return {name: d.encode() if isinstance(d, str) else d for name, d in docs.items()}


def make(folder: Path, huge_mb: int = 20, empty: int = 10_000, seed: int = 9) -> int:
    """Writes the corpus into ``folder``; returns the number of documents written."""
    folder.mkdir(parents=True, exist_ok=True)
    docs = documents(huge_mb, seed)
    width = len(str(max(empty - 1, 0)))
    docs.update({f"empty_{i:0{width}d}": b"" for i in range(empty)})
    for name, data in docs.items():
        (folder / f"{name}.txt").write_bytes(data)
    return len(docs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--huge-mb", type=int, default=20, help="size of the huge document")
    parser.add_argument("--empty", type=int, default=10_000, help="number of empty documents")
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    n = make(args.outdir, args.huge_mb, args.empty, args.seed)
    print(f"{n} documents written to {args.outdir}")


if __name__ == "__main__":
    main()
