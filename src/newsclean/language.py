"""Guess the language of a text from its commonest words, to pick the outlet's default zone.

The word lists live in ``data/languages.toml``; a guess needs a clear margin, otherwise the
language stays unknown (and no time zone is assumed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from newsclean.datafiles import LanguagesFile, load_bundled

_PUNCT = "\"'“”‘’()[]{}.,;:!?-—–…/|*"
_PUNCT_SET = frozenset(_PUNCT)
SAMPLE_CHARS = 1500
MIN_HITS = 3


@dataclass(frozen=True)
class LanguageProfile:
    code: str
    markers: frozenset[str]
    timezone: dt.tzinfo | None


def _offset(value: str | None) -> dt.tzinfo | None:
    """``+07:00`` as a zone (the file's offsets are validated: see :mod:`newsclean.datafiles`)."""
    if not value:
        return None
    delta = dt.timedelta(hours=int(value[1:3]), minutes=int(value[4:6]))
    return dt.timezone(-delta if value[0] == "-" else delta)


@cache
def profiles() -> tuple[LanguageProfile, ...]:
    languages = load_bundled(LanguagesFile, "languages.toml").languages
    return tuple(
        LanguageProfile(code, frozenset(entry.markers), _offset(entry.timezone)) for code, entry in languages.items()
    )


@cache
def _marker_table() -> tuple[dict[str, tuple[int, ...]], tuple[str, ...]]:
    """Each marker word with the languages it marks, and the language codes in order."""
    table: dict[str, list[int]] = {}
    for i, profile in enumerate(profiles()):
        for word in profile.markers:
            table.setdefault(word, []).append(i)
    return {w: tuple(ix) for w, ix in table.items()}, tuple(p.code for p in profiles())


def guess_language(text: str, lowered: str | None = None) -> str | None:
    """The language code whose marker words occur most in ``text`` (``None`` if unclear).

    ``lowered`` is ``text.lower()`` when the caller has it, and each of its slices is the lower
    case of the same slice of ``text`` (:func:`~newsclean.document.sliceable_lower`).

    >>> guess_language("Menurut dia, pemerintah tidak akan menaikkan harga tersebut karena bisa berdampak.")
    'id'
    """
    table, codes = _marker_table()
    tally = [0] * len(codes)
    sample = text[:SAMPLE_CHARS].lower() if lowered is None else lowered[:SAMPLE_CHARS]
    marks = _PUNCT_SET  # (a local: the compiled build looks a global up on each use)
    for word in sample.split():  # one lookup a word (counting the words first cost more)
        owners = table.get(word)
        if owners is None:
            # "dia," "(AS)": the word without its marks, looked up when it has one at an end
            # (two set tests cost less than a method call such as isalpha)
            if word[-1] not in marks and word[0] not in marks:
                continue
            owners = table.get(word.strip(_PUNCT))
            if owners is None:
                continue
        for i in owners:
            tally[i] += 1
    best: tuple[int, str] | None = None
    for hits, code in zip(tally, codes, strict=True):
        if best is None or hits > best[0]:
            best = (hits, code)
    if best is None or best[0] < MIN_HITS:
        return None
    return best[1]


@cache
def everywhere_languages() -> frozenset[str]:
    """The languages whose phrase files apply to every document (``everywhere = true``)."""
    languages = load_bundled(LanguagesFile, "languages.toml").languages
    return frozenset(code for code, entry in languages.items() if entry.everywhere)


def default_timezone(language: str | None) -> dt.tzinfo | None:
    """The zone to assume for an outlet writing in ``language`` when the page names none."""
    for profile in profiles():
        if profile.code == language:
            return profile.timezone
    return None
