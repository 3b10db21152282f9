"""Load and validate the metadata tables in ``newsclean/data/metadata/*.toml``.

The tables are plain data, kept apart from the parsing logic. Each loader checks the shape of
its file (unknown keys, wrong types, bad values raise :class:`~newsclean.errors.ConfigError`)
and is cached, so a file is read and validated once per process.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from newsclean.errors import ConfigError

_PACKAGE = "newsclean"
_DIR = ("data", "metadata")
_OFFSET = re.compile(r"^[+-](?:0\d|1[0-4]):[0-5]\d$")


def read_table(name: str) -> dict[str, Any]:
    """Parse ``data/metadata/<name>.toml``; a syntax error becomes a ConfigError."""
    path = resources.files(_PACKAGE).joinpath(*_DIR, f"{name}.toml")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"metadata/{name}.toml: {exc}") from exc


def _keys(table: Mapping[str, Any], allowed: set[str], where: str, *, required: bool = True) -> None:
    unknown = set(table) - allowed
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {sorted(unknown)}; expected {sorted(allowed)}")
    missing = allowed - set(table)
    if required and missing:
        raise ConfigError(f"{where}: missing key(s) {sorted(missing)}")


def _table(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a table, got {type(value).__name__}")
    return value


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: expected a list of non-empty strings")
    return tuple(value)


def _patterns_of(value: object, where: str) -> tuple[str, ...]:
    """A list of regular expressions, each checked to compile."""
    patterns = _strings(value, where)
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(f"{where}: bad pattern {pattern!r}: {exc}") from exc
    return patterns


def _nested(value: object, size: int, where: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(value, list) or len(value) != size:
        raise ConfigError(f"{where}: expected a list of {size} lists of spellings")
    return tuple(_strings(item, f"{where}[{i}]") for i, item in enumerate(value))


@dataclass(frozen=True, slots=True)
class DateTables:
    """``dates.toml``: spellings folded to lower case, mapped to 1-based numbers."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    zones: Mapping[str, int]
    """Zone abbreviation (upper case) to UTC offset in minutes."""
    updated: tuple[str, ...]
    published: tuple[str, ...]
    fillers: frozenset[str]
    time_words: tuple[str, ...]
    """Patterns of the words between a date and its time (``pukul``, ``um``, ``a las``)."""


def _index(groups: tuple[tuple[str, ...], ...], into: dict[str, int], where: str) -> None:
    for number, spellings in enumerate(groups, 1):
        for spelling in spellings:
            key = spelling.casefold()
            if into.setdefault(key, number) != number:
                raise ConfigError(f"{where}: {spelling!r} means both {into[key]} and {number}")


@functools.cache
def date_tables() -> DateTables:
    """The validated ``dates.toml``."""
    raw = read_table("dates")
    _keys(raw, {"languages", "zones", "markers"}, "dates.toml")
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for lang, spec in _table(raw["languages"], "dates.toml [languages]").items():
        where = f"dates.toml [languages.{lang}]"
        spec = _table(spec, where)
        _keys(spec, {"months", "weekdays"}, where)
        _index(_nested(spec["months"], 12, f"{where} months"), months, f"{where} months")
        _index(_nested(spec["weekdays"], 7, f"{where} weekdays"), weekdays, f"{where} weekdays")
    zones: dict[str, int] = {}
    for name, offset in _table(raw["zones"], "dates.toml [zones]").items():
        if not isinstance(offset, str) or not _OFFSET.match(offset) or not name.isalpha():
            raise ConfigError(f"dates.toml [zones]: {name} = {offset!r} is not NAME = '+HH:MM'")
        sign = -1 if offset[0] == "-" else 1
        zones[name.upper()] = sign * (int(offset[1:3]) * 60 + int(offset[4:6]))
    markers = _table(raw["markers"], "dates.toml [markers]")
    _keys(markers, {"updated", "published", "fillers", "time_words"}, "dates.toml [markers]")
    return DateTables(
        months=months,
        weekdays=weekdays,
        zones=zones,
        updated=_strings(markers["updated"], "dates.toml [markers] updated"),
        published=_strings(markers["published"], "dates.toml [markers] published"),
        fillers=frozenset(w.casefold() for w in _strings(markers["fillers"], "dates.toml fillers")),
        time_words=_patterns_of(markers["time_words"], "dates.toml [markers] time_words"),
    )


@dataclass(frozen=True, slots=True)
class OutletTables:
    """``outlets.toml``."""

    domain_suffixes: tuple[str, ...]
    outlets: tuple[str, ...]
    outlet_prefixes: tuple[str, ...]
    agencies: tuple[str, ...]


@functools.cache
def outlet_tables() -> OutletTables:
    """The validated ``outlets.toml``."""
    raw = read_table("outlets")
    _keys(raw, {"domain_suffixes", "outlets", "outlet_prefixes", "agencies"}, "outlets.toml")
    suffixes = _strings(raw["domain_suffixes"], "outlets.toml domain_suffixes")
    for suffix in suffixes:
        if not re.fullmatch(r"[a-z]+(?:\.[a-z]+)*", suffix):
            raise ConfigError(f"outlets.toml domain_suffixes: {suffix!r} is not like 'com' or 'co.id'")
    return OutletTables(
        domain_suffixes=suffixes,
        outlets=_strings(raw["outlets"], "outlets.toml outlets"),
        outlet_prefixes=_strings(raw["outlet_prefixes"], "outlets.toml outlet_prefixes"),
        agencies=_strings(raw["agencies"], "outlets.toml agencies"),
    )


@dataclass(frozen=True, slots=True)
class BylineTables:
    """``byline.toml``: per role, its colon labels and its line prefixes."""

    labels: Mapping[str, tuple[str, ...]]
    prefixes: Mapping[str, tuple[str, ...]]
    collective: tuple[str, ...]
    not_name_words: frozenset[str]
    name_particles: frozenset[str]
    job_titles: frozenset[str]
    """Job titles a name may carry after a comma (``Jurnalis``, ``Staff Writer``), folded."""


ROLES = ("author", "editor")


@functools.cache
def byline_tables() -> BylineTables:
    """The validated ``byline.toml``."""
    raw = read_table("byline")
    _keys(raw, {"roles", "collective", "not_name_words", "name_particles", "job_titles"}, "byline.toml")
    roles = _table(raw["roles"], "byline.toml [roles]")
    _keys(roles, set(ROLES), "byline.toml [roles]")
    labels: dict[str, tuple[str, ...]] = {}
    prefixes: dict[str, tuple[str, ...]] = {}
    for role in ROLES:
        where = f"byline.toml [roles.{role}]"
        spec = _table(roles[role], where)
        _keys(spec, {"labels", "prefixes"}, where)
        labels[role] = _strings(spec["labels"], f"{where} labels")
        prefixes[role] = _strings(spec["prefixes"], f"{where} prefixes")
    return BylineTables(
        labels=labels,
        prefixes=prefixes,
        collective=_strings(raw["collective"], "byline.toml collective"),
        not_name_words=frozenset(
            w.casefold() for w in _strings(raw["not_name_words"], "byline.toml not_name_words")
        ),
        name_particles=frozenset(
            w.casefold() for w in _strings(raw["name_particles"], "byline.toml name_particles")
        ),
        job_titles=frozenset(w.casefold() for w in _strings(raw["job_titles"], "byline.toml job_titles")),
    )


@functools.cache
def not_place_words() -> frozenset[str]:
    """The validated ``dateline.toml``: words that never open a dateline."""
    raw = read_table("dateline")
    _keys(raw, {"not_place_words", "region_acronyms"}, "dateline.toml")
    return frozenset(w.casefold() for w in _strings(raw["not_place_words"], "dateline.toml not_place_words"))


@functools.cache
def region_acronyms() -> frozenset[str]:
    """The validated ``dateline.toml``: acronyms that are regions after a place and a comma."""
    raw = read_table("dateline")
    return frozenset(w.upper() for w in _strings(raw["region_acronyms"], "dateline.toml region_acronyms"))


def alternation(words: tuple[str, ...] | list[str] | set[str] | frozenset[str]) -> str:
    """A regex alternation of literal words, longest first (so ``Agustus`` beats ``Agu``).

    A space inside a word matches any run of whitespace (tabs, non-breaking spaces).
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
