"""Metadata in the margins of the story: credit lines that page furniture hid.

On a whole page the byline often sits apart from the story (``Penulis`` / ``: Name`` /
``Editor`` / ``: Name`` after the last paragraph, ``Reporting by X`` under a wire story,
``Penulis: X`` above a teaser list), so the layout rule removes it
with the furniture around it. :func:`read_margins` reads the lines just before the first
kept paragraph and just after the last one (whatever removed them) and returns what their
labelled credits and date lines say. Only *labelled* credits count in the margins (a bare
name there could be a teaser's author), glued ones included (``…2023Pewarta: A``); only
the lines above the story give a timestamp (dates below it belong to teasers).

>>> text = "Story text that is long enough.\\nPenulis\\n: Nabilla Tashandra\\nEditor\\n: Sabrina"
>>> read_margins(text, first=0, last=31, default_tz=None).authors
('Nabilla Tashandra',)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from newsclean.metadata.byline import is_byline_label, looks_like_name, parse_labelled_byline
from newsclean.metadata.dates import find_timestamp

__all__ = ["ABOVE_LINES", "BELOW_LINES", "Margins", "read_margins"]

ABOVE_LINES = 8
"""Non-blank lines read above the first kept paragraph."""
BELOW_LINES = 12
"""Non-blank lines read below the last kept paragraph."""
MAX_WORDS = 16
"""A longer line is prose, not a credit or a date line."""


@dataclass(frozen=True, slots=True)
class Margins:
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    timestamp: dt.datetime | dt.date | None = None
    updated: dt.datetime | dt.date | None = None


def _lines(text: str) -> list[str]:
    """The lines of ``text`` that hold a letter: share counters and pagination digits (``0``,
    ``746``) are no credit and must not use up the window."""
    return [" ".join(line.split()) for line in text.split("\n") if any(c.isalpha() for c in line)]


def _lines_above(text: str, first: int, count: int) -> list[str]:
    """``_lines(text[:first])[-count:]``, read upward from ``first`` (only as far as needed)."""
    out: list[str] = []
    end = first
    while len(out) < count:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if any(c.isalpha() for c in line):
            out.append(" ".join(line.split()))
        if start == 0:
            break
        end = start - 1
    out.reverse()
    return out


def _lines_below(text: str, last: int, count: int) -> list[str]:
    """``_lines(text[last:])[:count]``, read downward from ``last`` (only as far as needed)."""
    out: list[str] = []
    start = last
    while len(out) < count:
        end = text.find("\n", start)
        line = text[start:] if end == -1 else text[start:end]
        if any(c.isalpha() for c in line):
            out.append(" ".join(line.split()))
        if end == -1:
            break
        start = end + 1
    return out


def _credits(lines: list[str], default_tz: dt.tzinfo | None) -> tuple[list[str], list[str]]:
    authors: list[str] = []
    editors: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        label = is_byline_label(line)
        if label is not None and i < len(lines):
            line = f"{label}: {lines[i].lstrip(' :')}"
            i += 1
        elif label is not None:
            continue
        byline = parse_labelled_byline(line, default_tz=default_tz)
        if byline is None:
            continue
        authors.extend(a for a in byline.authors if a not in authors)
        editors.extend(e for e in byline.editors if e not in editors)
    return authors, editors


def _capitals_name(line: str) -> bool:
    """A reporter's name in capitals, two words or more: ``DINI TEJA``."""
    return len(line.split()) >= 2 and line.isupper() and looks_like_name(line)


def read_margins(
    text: str, *, first: int, last: int, default_tz: dt.tzinfo | None, capitals_signature: bool = False
) -> Margins:
    """What the credit and date lines around ``text[first:last]`` (the kept story) say;
    ``capitals_signature``: the outlet signs its stories with the reporter's name in capitals
    on the line right under them (its file's ``[layout]``), read when no credit names one."""
    above = _lines_above(text, first, ABOVE_LINES)
    below = _lines_below(text, last, BELOW_LINES)
    authors, editors = _credits(above, default_tz)
    more_authors, more_editors = _credits(below, default_tz)
    if not authors:
        authors = more_authors
    if capitals_signature and not authors and below and _capitals_name(below[0]):
        authors = [below[0]]  # "DINI TEJA" right under the last paragraph
    editors.extend(e for e in more_editors if e not in editors)
    timestamp = updated = None
    for line in reversed(above):  # the date line nearest the story
        if len(line.split()) > MAX_WORDS:
            continue
        stamp = find_timestamp(line, default_tz=default_tz)
        if stamp is None:
            continue
        if stamp.updated:
            updated = updated or stamp.value
            continue
        timestamp = stamp.value
        break
    return Margins(tuple(authors), tuple(editors), timestamp, updated)
