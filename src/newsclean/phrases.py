"""Phrase data: the per-language and per-site lists that rules match, kept apart from the engine.

Phrase files are TOML (``data/lang/*.toml``, ``data/sites/*.toml``, or a user's own file).
Each top-level table is a *family* named after the rule that uses it; inside, each key is a
*kind* of match:

``lines``
    regular expressions that must match a whole piece of text (a line, or what is left of
    it), case-insensitively unless the entry says ``case = true``;
``starts``
    expressions that, matching at the start of a piece, remove the whole piece;
``inline``
    expressions cut out wherever they occur, even inside a sentence run;
``lead``
    (captions) a caption glued to the start of the first paragraph, ending where the story
    begins;
``labels``
    literal words (related-link labels such as ``Baca juga``, credit labels, ...).

An entry is a string, or a table ``{ pattern = "...", id = "...", case = true }``; the
removal reason is ``"<family>:<id>"`` (the id defaults to a slug of the pattern). Files are
validated when loaded: an unknown family or kind, or a pattern that does not compile, raises
:class:`~newsclean.errors.ConfigError` naming the file and entry.
"""

from __future__ import annotations

import re as std_re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from newsclean.errors import ConfigError

FAMILIES: dict[str, frozenset[str]] = {
    "scripts": frozenset({"lines"}),
    "ads": frozenset({"lines", "starts", "inline"}),
    "related_links": frozenset({"labels", "lines", "starts", "inline"}),
    "prompts": frozenset({"lines", "starts", "inline"}),
    "promos": frozenset({"lines", "starts", "inline"}),
    "navigation": frozenset({"lines", "starts"}),
    "credits": frozenset({"lines", "starts", "inline", "labels"}),
    "captions": frozenset({"lines", "inline", "lead", "labels"}),
    "headline_words": frozenset({"labels"}),
}
"""Every family a phrase file may fill, with the kinds of match it takes."""

META_KEYS = frozenset({"language", "site", "domains", "description"})


@dataclass(frozen=True, slots=True)
class Phrase:
    pattern: str
    id: str
    case: bool = False


@dataclass(frozen=True)
class Phrasebook:
    """Phrases merged from one or more files: ``entries[family][kind] -> phrases``."""

    entries: Mapping[str, Mapping[str, tuple[Phrase, ...]]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    def get(self, family: str, kind: str) -> tuple[Phrase, ...]:
        return self.entries.get(family, {}).get(kind, ())

    def labels(self, family: str, kind: str = "labels") -> tuple[str, ...]:
        return tuple(p.pattern for p in self.get(family, kind))

    def merged(self, other: Phrasebook) -> Phrasebook:
        entries: dict[str, dict[str, tuple[Phrase, ...]]] = {f: dict(k) for f, k in self.entries.items()}
        for fam, kinds in other.entries.items():
            slot = entries.setdefault(fam, {})
            for kind, phrases in kinds.items():
                have = {p.pattern for p in slot.get(kind, ())}
                slot[kind] = slot.get(kind, ()) + tuple(p for p in phrases if p.pattern not in have)
        return Phrasebook(entries, self.sources + other.sources)


_SLUG = std_re.compile(r"[^0-9a-z]+")


def slug(text: str) -> str:
    """A short stable id for a phrase: ``'Baca juga\\s*:'`` -> ``'baca_juga_s'``."""
    return _SLUG.sub("_", text.lower()).strip("_")[:40] or "phrase"


def _entry(raw: Any, where: str, kind: str) -> Phrase:
    if isinstance(raw, str):
        phrase = Phrase(raw, slug(raw))
    elif isinstance(raw, dict):
        unknown = set(raw) - {"pattern", "id", "case"}
        if unknown or not isinstance(raw.get("pattern"), str):
            raise ConfigError(f"{where}: an entry needs 'pattern' (and optional 'id', 'case'), got {raw!r}")
        phrase = Phrase(raw["pattern"], str(raw.get("id") or slug(raw["pattern"])), bool(raw.get("case", False)))
    else:
        raise ConfigError(f"{where}: an entry must be a string or a table, got {raw!r}")
    if kind != "labels":
        try:
            regex.compile(phrase.pattern)
        except regex.error as exc:
            raise ConfigError(f"{where}: pattern {phrase.pattern!r} does not compile: {exc}") from None
    return phrase


def parse_phrases(data: Mapping[str, Any], source: str) -> Phrasebook:
    """Validate one phrase file's content and build a :class:`Phrasebook` from it."""
    entries: dict[str, dict[str, tuple[Phrase, ...]]] = {}
    for family, kinds in data.items():
        if family in META_KEYS:
            continue
        if family not in FAMILIES:
            raise ConfigError(f"{source}: unknown family [{family}]; known: {', '.join(sorted(FAMILIES))}")
        if not isinstance(kinds, dict):
            raise ConfigError(f"{source}: [{family}] must be a table")
        for kind, items in kinds.items():
            if kind not in FAMILIES[family]:
                raise ConfigError(
                    f"{source}: [{family}] has no kind {kind!r}; it takes {', '.join(sorted(FAMILIES[family]))}"
                )
            if not isinstance(items, list):
                raise ConfigError(f"{source}: [{family}].{kind} must be a list")
            where = f"{source}: [{family}].{kind}"
            entries.setdefault(family, {})[kind] = tuple(_entry(item, where, kind) for item in items)
    return Phrasebook(entries, (source,))


def load_phrase_file(path: str | Path) -> Phrasebook:
    """Load and validate a user's phrase file."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    return parse_phrases(data, str(path))


@cache
def builtin_phrases() -> Phrasebook:
    """Every bundled language and site file, merged (loaded once)."""
    book = Phrasebook()
    root = resources.files("newsclean") / "data"
    for folder in ("lang", "sites"):
        for item in sorted((root / folder).iterdir(), key=lambda t: t.name):
            if item.name.endswith(".toml"):
                data = tomllib.loads(item.read_text(encoding="utf-8"))
                book = book.merged(parse_phrases(data, f"newsclean/data/{folder}/{item.name}"))
    return book


def phrasebook_from(extra: Iterable[str | Path | Mapping[str, Any]] = ()) -> Phrasebook:
    """The built-in phrases plus the user's files or dicts (same schema as the TOML files)."""
    book = builtin_phrases()
    for item in extra:
        if isinstance(item, Mapping):
            book = book.merged(parse_phrases(item, "<dict>"))
        else:
            book = book.merged(load_phrase_file(item))
    return book


@dataclass(frozen=True)
class Matcher:
    """Several phrases compiled into one pattern; a match says which phrase it was."""

    pattern: Any  # a compiled regex.Pattern
    ids: tuple[str, ...]

    def reason_of(self, m: Any) -> str:
        return self.ids[int(m.lastgroup[1:])]


def compile_matcher(phrases: Iterable[Phrase], *, anchor: str = "", suffix: str = "") -> Matcher | None:
    """One alternation of ``phrases`` with a named group per phrase (``None`` if no phrase)."""
    parts = []
    ids = []
    for i, p in enumerate(phrases):
        flags = "" if p.case else "(?i)"
        parts.append(f"(?P<g{i}>{flags and '(?i:'}{p.pattern}{flags and ')'})")
        ids.append(p.id)
    if not parts:
        return None
    return Matcher(regex.compile(anchor + "(?:" + "|".join(parts) + ")" + suffix, regex.V0), tuple(ids))
