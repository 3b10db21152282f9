"""Outlet and agency recognition, built once from ``data/metadata/outlets.toml``."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import regex

from newsclean.metadata._data import alternation, outlet_tables

_SPACE = r"[ \t\u00a0]"


@dataclass(frozen=True, slots=True)
class OutletPatterns:
    outlet: str
    """Regex source for one outlet tag (``OUTLET.com``, ``Outlet Indonesia``, ``outletNews``)."""
    agency: str
    """Regex source for one agency name (``AGENCY``, ``Agency``)."""
    outlet_only: Any
    """Compiled: the whole (stripped) string is an outlet or an agency."""


@functools.cache
def outlet_patterns() -> OutletPatterns:
    """The outlet and agency patterns (compiled once)."""
    tables = outlet_tables()
    suffixes = alternation(tables.domain_suffixes)
    domain = rf"(?:[\p{{L}}\p{{N}}][\p{{L}}\p{{N}}-]{{0,40}}\.){{1,2}}(?i:{suffixes})(?![\p{{L}}\p{{N}}])"
    names = alternation((*tables.outlets, *tables.agencies))
    prefixed = rf"(?i:{alternation(tables.outlet_prefixes)})\p{{L}}*"
    # a brand written in camel case, as outlets name themselves and places never are: KabarKita,
    # InfoKITA, GoAceh (a capital right after lower-case letters, inside one word)
    camel = r"(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+\p{Lu}[\p{L}]+(?![\p{L}\p{N}.])"
    outlet = rf"(?:{domain}|(?<![\p{{L}}\p{{N}}])(?i:{names})(?![\p{{L}}\p{{N}}])|{prefixed}|{camel})"
    agency = rf"(?<![\p{{L}}\p{{N}}])(?i:{alternation(tables.agencies)})(?![\p{{L}}\p{{N}}])"
    only = regex.compile(rf"(?:{outlet}|{agency})(?:{_SPACE}*[/,]{_SPACE}*(?:{outlet}|{agency}))*")
    return OutletPatterns(outlet=outlet, agency=agency, outlet_only=only)


def is_outlet(text: str) -> bool:
    """True when ``text`` names only outlets or agencies (``Outlet.com``, ``Agency``,
    ``OutletHealth.com/OutletSport.com``)."""
    stripped = text.strip(" \t\u00a0()[].,;:-–—|")
    return bool(stripped) and outlet_patterns().outlet_only.fullmatch(stripped) is not None
