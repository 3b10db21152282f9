"""No outlet is named in newsclean's code (issue #13): what one outlet does belongs in its file,
``data/sites/<domain>.toml``, and what the code knows must hold for outlets nobody has seen.

Every name and domain of every outlet file is looked for, as a word and in any case, in every
``.py`` file under ``src/newsclean/``: in code, docstrings and comments alike (an example in a
docstring is written with a made-up outlet, or kept in the outlet file's comments).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "newsclean"
SITES = SRC / "data" / "sites"

ORDINARY_WORDS: dict[str, str] = {
    # name: why it is an ordinary word too. These are looked for only as the outlet writes
    # itself (its capitals, case-sensitive), so the ordinary word in lower case may stay.
    "AP": "'ap' is the a.m./p.m. marker of a printed time (the group of the time pattern)",
    "Merdeka": "'merdeka' is Indonesian and Malay for 'free', 'independent'",
    "Suara": "'suara' is Indonesian and Malay for 'voice'",
    "Bisnis": "'bisnis' is Indonesian for 'business'",
    "Tempo": "'tempo' is Indonesian for 'time, term' and an English word",
    "Kontan": "'kontan' is Indonesian for 'in cash'",
    "Utusan": "'utusan' is Malay for 'envoy'",
    "VIVA": "'viva' is an ordinary interjection",
    "The Star": "'the star' is ordinary English",
}


def outlet_words() -> dict[str, str]:
    """Every name and domain of every outlet file, each with the file that gives it."""
    words: dict[str, str] = {}
    for path in sorted(SITES.glob("*.toml")):
        table = tomllib.loads(path.read_text(encoding="utf-8"))["outlet"]
        for word in (*table.get("names", ()), *table["domains"]):
            words.setdefault(word, path.name)
    return words


def _pattern(word: str) -> re.Pattern[str]:
    body = re.escape(word).replace(r"\ ", r"\s+")
    flags = 0 if word in ORDINARY_WORDS else re.IGNORECASE
    # a word: not inside another word or domain (``kompas.com`` in ``regional.kompas.com`` counts)
    return re.compile(rf"(?<![A-Za-z0-9_]){body}(?![A-Za-z0-9_])", flags)


def outlets_named_in(paths: list[Path], words: dict[str, str]) -> list[str]:
    """``file:line: [name] (from its outlet file)`` for every outlet name found in ``paths``."""
    patterns = [(word, _pattern(word)) for word in words]
    found: list[str] = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for word, pattern in patterns:
                if pattern.search(line):
                    found.append(f"{path.name}:{number}: [{word}] ({words[word]}): {line.strip()[:100]}")
    return found


def test_the_outlet_files_give_many_names() -> None:
    words = outlet_words()
    assert len(words) > 100
    assert "kompas.com" in words and "KOMPAS.com" in words


def test_the_exempt_names_are_outlet_names() -> None:
    """An exemption is for a name some outlet file gives (a stale one would hide nothing)."""
    assert set(ORDINARY_WORDS) <= set(outlet_words())


def test_no_py_file_under_src_names_an_outlet() -> None:
    found = outlets_named_in(sorted(SRC.rglob("*.py")), outlet_words())
    assert found == [], "outlet names in the code (move them to the outlet's file):\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("line", "named"),
    [
        ('DOMAIN = "kompas.com"', True),
        ("# seen on NEWS.DETIK.COM pages", True),
        ('"""A dateline such as ``JAKARTA, KOMPAS.com -``."""', True),
        ("re.compile(r'tribunnews')", True),
        ("x = 'Jakarta  Globe'", True),
        ("VIVA = 1  # the brand, in its capitals", True),
        ("merdeka = 'free'  # an ordinary word in lower case", False),
        ("compass = 1; antarctic = 2", False),
        ('"""an outlet tag such as ``CITY, OUTLET.com -``."""', False),
    ],
)
def test_the_check_finds_a_name(tmp_path: Path, line: str, named: bool) -> None:
    """The check itself, on a temporary file: it fails on a name, and only on a name."""
    path = tmp_path / "module.py"
    path.write_text(f"from __future__ import annotations\n{line}\n", encoding="utf-8")
    assert bool(outlets_named_in([path], outlet_words())) is named
