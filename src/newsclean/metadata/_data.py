"""The metadata tables in ``newsclean/data/metadata/*.toml``, as the readers use them.

The tables are plain data, kept apart from the parsing logic; each file is validated when it
is loaded (:mod:`newsclean.datafiles`: unknown keys, wrong types, bad values raise
:class:`~newsclean.errors.ConfigError` naming the file and the entry), once per process.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from newsclean.datafiles import BylineFile, DatelineFile, DatesFile, OutletNamesFile, load_bundled


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


@functools.cache
def date_tables() -> DateTables:
    """The validated ``dates.toml``."""
    file = load_bundled(DatesFile, "metadata", "dates.toml")
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for spec in file.languages.values():  # (a spelling means one number: checked on loading)
        for number, spellings in enumerate(spec.months, 1):
            months.update(dict.fromkeys((s.casefold() for s in spellings), number))
        for number, spellings in enumerate(spec.weekdays, 1):
            weekdays.update(dict.fromkeys((s.casefold() for s in spellings), number))
    zones: dict[str, int] = {}
    for name, offset in file.zones.items():
        sign = -1 if offset[0] == "-" else 1
        zones[name.upper()] = sign * (int(offset[1:3]) * 60 + int(offset[4:6]))
    markers = file.markers
    return DateTables(
        months=months,
        weekdays=weekdays,
        zones=zones,
        updated=tuple(markers.updated),
        published=tuple(markers.published),
        fillers=frozenset(w.casefold() for w in markers.fillers),
        time_words=tuple(markers.time_words),
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
    file = load_bundled(OutletNamesFile, "metadata", "outlets.toml")
    return OutletTables(
        domain_suffixes=tuple(file.domain_suffixes),
        outlets=tuple(file.outlets),
        outlet_prefixes=tuple(file.outlet_prefixes),
        agencies=tuple(file.agencies),
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
    file = load_bundled(BylineFile, "metadata", "byline.toml")
    roles = {role: getattr(file.roles, role) for role in ROLES}
    return BylineTables(
        labels={role: tuple(spec.labels) for role, spec in roles.items()},
        prefixes={role: tuple(spec.prefixes) for role, spec in roles.items()},
        collective=tuple(file.collective),
        not_name_words=frozenset(w.casefold() for w in file.not_name_words),
        name_particles=frozenset(w.casefold() for w in file.name_particles),
        job_titles=frozenset(w.casefold() for w in file.job_titles),
    )


@functools.cache
def _dateline_file() -> DatelineFile:
    return load_bundled(DatelineFile, "metadata", "dateline.toml")


@functools.cache
def not_place_words() -> frozenset[str]:
    """The validated ``dateline.toml``: words that never open a dateline."""
    return frozenset(w.casefold() for w in _dateline_file().not_place_words)


@functools.cache
def region_acronyms() -> frozenset[str]:
    """The validated ``dateline.toml``: acronyms that are regions after a place and a comma."""
    return frozenset(w.upper() for w in _dateline_file().region_acronyms)


def alternation(words: tuple[str, ...] | list[str] | set[str] | frozenset[str]) -> str:
    """A regex alternation of literal words, longest first (so ``Agustus`` beats ``Agu``).

    A space inside a word matches any run of whitespace (tabs, non-breaking spaces).
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
