"""Guess the language of a text from its commonest words, to pick the outlet's default zone.

The word lists live in ``data/languages.toml``; a guess needs a clear margin, otherwise the
language stays unknown (and no time zone is assumed).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

from newsclean.errors import ConfigError

_WORD = regex.compile(r"\p{L}+")
SAMPLE_CHARS = 3000
MIN_HITS = 3


@dataclass(frozen=True)
class LanguageProfile:
    code: str
    markers: frozenset[str]
    timezone: dt.tzinfo | None


def _offset(value: str | None, where: str) -> dt.tzinfo | None:
    if not value:
        return None
    m = regex.fullmatch(r"([+-])(\d\d):(\d\d)", value)
    if not m:
        raise ConfigError(f"{where}: timezone must look like +07:00, got {value!r}")
    delta = dt.timedelta(hours=int(m[2]), minutes=int(m[3]))
    return dt.timezone(-delta if m[1] == "-" else delta)


@cache
def profiles() -> tuple[LanguageProfile, ...]:
    data = tomllib.loads((resources.files("newsclean") / "data" / "languages.toml").read_text("utf-8"))
    out = []
    for code, table in data.items():
        where = f"newsclean/data/languages.toml [{code}]"
        unknown = set(table) - {"markers", "timezone", "name"}
        if unknown:
            raise ConfigError(f"{where}: unknown keys {sorted(unknown)}")
        out.append(LanguageProfile(code, frozenset(table.get("markers", ())), _offset(table.get("timezone"), where)))
    return tuple(out)


def guess_language(text: str) -> str | None:
    """The language code whose marker words occur most in ``text`` (``None`` if unclear).

    >>> guess_language("Menurut dia, pemerintah tidak akan menaikkan harga tersebut karena bisa berdampak.")
    'id'
    """
    counts = Counter(_WORD.findall(text[:SAMPLE_CHARS].lower()))
    best: tuple[int, str] | None = None
    second = 0
    for profile in profiles():
        hits = sum(counts[m] for m in profile.markers if m in counts)
        if best is None or hits > best[0]:
            second = best[0] if best else 0
            best = (hits, profile.code)
        elif hits > second:
            second = hits
    if best is None or best[0] < MIN_HITS or best[0] < 1.5 * second:
        return None
    return best[1]


def default_timezone(language: str | None) -> dt.tzinfo | None:
    """The zone to assume for an outlet writing in ``language`` when the page names none."""
    for profile in profiles():
        if profile.code == language:
            return profile.timezone
    return None
