"""Outlets as data: one file per outlet (``data/sites/<domain>.toml``), applied only to it.

An outlet file is a phrase file (the same rule families, see :mod:`newsclean.phrases`) with an
``[outlet]`` table saying whose it is::

    [outlet]
    domains = ["kabarkita.id", "kabarkita.tv"]     # its hosts (subdomains included)
    names = ["KABARKITA", "KabarKita TV"]          # how the text names it (dateline tags, credits)
    zone = "+07:00"                                # its local time, for a time printed with no zone
    travels = false                                # true: its phrases travel with syndicated copy

    [prompts]
    starts = [ { id = "telegram", pattern = 'Dapatkan\\s+update\\s+berita\\s+pilihan' } ]

Its phrases apply only to a document of that outlet (unless it ``travels``); which outlet a
document is of is resolved once (:func:`resolve_site`): from ``site=``, else ``url=``, else the
outlet tag the text opens or closes with. A user adds an outlet with one such file:
``Cleaner(phrases=["my_outlet.toml"])``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import regex

from newsclean.datafiles import HtmlHints, Layout, OutletFile, OutletTable, bundled, load_bundled, load_toml, validate
from newsclean.phrases import Phrasebook, build_automaton, phrasebook_of

__all__ = [
    "HtmlHints", "Layout", "Outlet", "OutletIndex", "builtin_index", "builtin_outlets", "load_outlet",
    "outlet_from_mapping", "outlet_markup", "resolve_site",
]  # fmt: skip

Provenance = Literal["given", "found"]


@dataclass(frozen=True)
class Outlet:
    """One outlet: its id (its first domain), what its file says, and its phrases."""

    id: str
    table: OutletTable
    book: Phrasebook
    source: str
    html: HtmlHints
    layout: Layout

    @property
    def timezone(self) -> dt.tzinfo | None:
        zone = self.table.zone
        if zone is None:
            return None
        sign = -1 if zone[0] == "-" else 1
        return dt.timezone(sign * dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6])))


def outlet_from_mapping(data: Mapping[str, Any], source: str) -> Outlet:
    """Validate an outlet file's content (``[outlet]`` and its phrase families)."""
    return outlet_of(validate(data, OutletFile, source), source)


def outlet_of(file: OutletFile, source: str) -> Outlet:
    """The outlet of a validated outlet file."""
    return Outlet(file.outlet.domains[0], file.outlet, phrasebook_of(file, source), source, file.html, file.layout)


def load_outlet(path: str | Path) -> Outlet:
    """Load a user's outlet file."""
    return outlet_of(load_toml(path, OutletFile), str(path))


@functools.cache
def builtin_outlets() -> tuple[Outlet, ...]:
    """Every bundled outlet file (``data/sites/*.toml``), loaded and validated once."""
    out = []
    for item in sorted(bundled("sites").iterdir(), key=lambda t: t.name):
        if item.name.endswith(".toml"):
            file = load_bundled(OutletFile, "sites", item.name)
            out.append(outlet_of(file, f"newsclean/data/sites/{item.name}"))
    return tuple(out)


MarkupKind = Literal["body_classes", "body_class_prefixes", "noise_classes", "author_keys", "published_keys"]


def outlet_markup(kind: MarkupKind) -> tuple[str, ...]:
    """One list of every bundled outlet's ``[html]`` table, joined (each name once, in file order)."""
    names: dict[str, None] = {}
    for outlet in builtin_outlets():
        names.update(dict.fromkeys(getattr(outlet.html, kind)))
    return tuple(names)


HEAD_CHARS = 300
"""An outlet tag opening a story (its dateline) lies within this many characters."""
TAIL_CHARS = 1500
"""A copyright or syndication line naming the outlet lies within this many closing characters."""


class OutletIndex:
    """Finds the outlet of a document among ``outlets``: by domain, by name, by the tag in its text."""

    def __init__(self, outlets: Iterable[Outlet]) -> None:
        self.outlets: dict[str, Outlet] = {}
        self._domains: dict[str, str] = {}
        self._names: dict[str, str] = {}
        for outlet in outlets:
            self.outlets[outlet.id] = outlet  # a later file (the user's) wins over a bundled one
            for domain in outlet.table.domains:
                self._domains[domain] = outlet.id
            for name in (*outlet.table.names, *outlet.table.domains):
                self._names[name.casefold()] = outlet.id
        names = sorted(self._names, key=len, reverse=True)
        alternation = "|".join(regex.escape(n).replace(r"\ ", r"\s+") for n in names)
        # a tag is a whole word: not inside another word or domain ("Kabar" in "KabarKita.com")
        tag = rf"(?<![\p{{L}}\p{{N}}.])(?i:{alternation})(?![\p{{L}}\p{{N}}]|\.[\p{{L}}])"
        self._tag = regex.compile(tag) if names else None
        # the names' occurrences found in one pass (when ``ahocorasick_rs`` is there); the tag
        # pattern then only checks a word's edges at each: a search with the alternation of
        # every name tries each name at each position, 20 times the cost
        self._automaton = build_automaton(names)
        self._ordered_names: tuple[str, ...] = tuple(names)

    def by_host(self, host: str) -> str | None:
        host = host.lower().removeprefix("www.")
        parts = host.split(".")
        for i in range(len(parts) - 1):  # news.kabarkita.id, then kabarkita.id
            found = self._domains.get(".".join(parts[i:]))
            if found is not None:
                return found
        return None

    def by_name(self, name: str) -> str | None:
        name = name.strip()
        return self._names.get(name.casefold()) or self.by_host(name) if name else None

    def in_text(self, text: str) -> str | None:
        """The outlet whose tag opens the text (a dateline) or closes it (copyright, syndication)."""
        if self._tag is None:
            return None
        for window in (text[:HEAD_CHARS], text[-TAIL_CHARS:]):
            name = self._find_tag(" ".join(window.split()))
            if name is not None:
                return self._names[name]
        return None

    def _find_tag(self, window: str) -> str | None:
        """The first outlet tag in ``window`` (its spaces single), as the key of :attr:`_names`:
        the leftmost whole-word name, the longest at that place (what :attr:`_tag` finds)."""
        assert self._tag is not None
        lower = window.lower()
        if self._automaton is None or len(lower) != len(window):  # (a lower-casing that moves offsets)
            m = self._tag.search(window)
            return " ".join(m.group().split()).casefold() if m is not None else None
        hits = sorted(
            (start, start - end, index)
            for index, start, end in self._automaton.find_matches_as_indexes(lower, overlapping=True)
        )
        for start, minus_length, index in hits:
            end = start - minus_length
            if start > 0 and (window[start - 1].isalnum() or window[start - 1] == "."):
                continue  # inside a word or a domain ("Kabar" in "KabarKita.com")
            after = window[end : end + 2]
            if after[:1].isalnum() or (after[:1] == "." and after[1:].isalpha()):
                continue
            found: str = self._ordered_names[index]
            return found
        return None


@functools.cache
def builtin_index() -> OutletIndex:
    """The bundled outlets' index (built once)."""
    return OutletIndex(builtin_outlets())


def host_of(url: str) -> str | None:
    try:
        return urlsplit(url if "//" in url else "//" + url).hostname or None
    except ValueError:  # "http://[x": no host to read
        return None


def resolve_site(
    index: OutletIndex, *, site: str | None, url: str | None, text: str
) -> tuple[str | None, Provenance | None, Outlet | None]:
    """The site of a document, resolved once: ``site=`` (an outlet's name or domain becomes its
    id), else ``url=`` (its host's outlet, else the host), else the outlet tag in the text.
    Returns the site, where it came from (``given``: from what the caller passed, ``site=`` or
    ``url=``; ``found``: read in the text), and the outlet when one of the files is it."""
    if site:
        found = index.by_name(site)
        return (found or site), "given", index.outlets.get(found) if found else None
    if url:
        host = host_of(url)
        if host:
            found = index.by_host(host)
            return (found or host.removeprefix("www.")), "given", index.outlets.get(found) if found else None
    found = index.in_text(text)
    if found is not None:
        return found, "found", index.outlets[found]
    return None, None, None
