"""Metadata in the margins of the story: credit lines that page furniture hid.

On a whole page the byline often sits apart from the story (``Penulis`` / ``: Name`` /
``Editor`` / ``: Name`` after the last paragraph, ``Reporting by X`` under a wire story,
``Penulis: X`` above a teaser list), so the layout rule removes it
with the furniture around it. :func:`margin_lines` reads the lines just before the first
kept paragraph and just after the last one (whatever removed them) and returns those whose
labelled credits and date lines the article may take, with what each says (the reader
:class:`~newsclean.rules.margins.MarginCredits` turns them into trace entries);
:func:`read_margins` is what they say together. Only *labelled* credits count in the margins (a bare
name there could be a teaser's author), glued ones included (``…2023Pewarta: A``); only
the lines above the story give a timestamp (dates below it belong to teasers).

>>> text = "Story text that is long enough.\\nPenulis\\n: Nabilla Tashandra\\nEditor\\n: Sabrina"
>>> read_margins(text, first=0, last=31, default_tz=None).authors
('Nabilla Tashandra',)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from newsclean.metadata.byline import is_byline_label, looks_like_name, parse_labelled_byline
from newsclean.metadata.dates import find_timestamp

__all__ = ["ABOVE_LINES", "BELOW_LINES", "MarginLine", "Margins", "margin_lines", "merged", "read_margins"]

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


@dataclass(frozen=True, slots=True)
class MarginLine:
    """A line in the margins whose credit or date the article takes: ``text[start:end]`` (the
    line, whitespace stripped), the reason it is read for, and what it gives."""

    start: int
    end: int
    reason: str
    """``margin:byline_label`` (its name on the next line), ``margin:byline``,
    ``margin:signature`` or ``margin:timestamp``."""
    found: Margins = Margins()


class _Line(NamedTuple):
    text: str
    """The line, whitespace folded."""
    start: int
    end: int
    """``text[start:end]``: the line with its surrounding whitespace left out."""


def _line(text: str, start: int, end: int) -> _Line | None:
    """The line ``text[start:end]`` when it holds a letter: share counters and pagination
    digits (``0``, ``746``) are no credit and must not use up the window."""
    line = text[start:end]
    if not any(c.isalpha() for c in line):
        return None
    lead = len(line) - len(line.lstrip())
    return _Line(" ".join(line.split()), start + lead, start + len(line.rstrip()))


def _lines_above(text: str, first: int, count: int) -> list[_Line]:
    """The last ``count`` lines holding a letter above ``first``, read upward from it (only as
    far as needed)."""
    out: list[_Line] = []
    end = first
    while len(out) < count:
        start = text.rfind("\n", 0, end) + 1
        line = _line(text, start, end)
        if line is not None:
            out.append(line)
        if start == 0:
            break
        end = start - 1
    out.reverse()
    return out


def _lines_below(text: str, last: int, count: int) -> list[_Line]:
    """The first ``count`` lines holding a letter below ``last``, read downward from it (only
    as far as needed)."""
    out: list[_Line] = []
    start = last
    while len(out) < count:
        end = text.find("\n", start)
        line = _line(text, start, len(text) if end == -1 else end)
        if line is not None:
            out.append(line)
        if end == -1:
            break
        start = end + 1
    return out


class _Credit(NamedTuple):
    lines: tuple[_Line, ...]
    """The credit's line, or a byline label's line and the line with its name."""
    authors: tuple[str, ...]
    editors: tuple[str, ...]


def _credits(lines: list[_Line], default_tz: dt.tzinfo | None) -> list[_Credit]:
    """The labelled credits among ``lines``, in order."""
    found: list[_Credit] = []
    i = 0
    while i < len(lines):
        used: tuple[_Line, ...] = (lines[i],)
        line = lines[i].text
        i += 1
        label = is_byline_label(line)
        if label is not None and i < len(lines):
            line = f"{label}: {lines[i].text.lstrip(' :')}"
            used += (lines[i],)
            i += 1
        elif label is not None:
            continue
        byline = parse_labelled_byline(line, default_tz=default_tz)
        if byline is None:
            continue
        found.append(_Credit(used, byline.authors, byline.editors))
    return found


def _capitals_name(line: str) -> bool:
    """A reporter's name in capitals, two words or more: ``DINI TEJA``."""
    return len(line.split()) >= 2 and line.isupper() and looks_like_name(line)


def margin_lines(
    text: str, *, first: int, last: int, default_tz: dt.tzinfo | None, capitals_signature: bool = False
) -> list[MarginLine]:
    """The credit and date lines around ``text[first:last]`` (the kept story) whose names and
    dates the article takes, each with what it gives: the labelled credits above the story,
    then those below it (their authors only when none above names one), the capitals
    signature, then the date lines. ``capitals_signature``: the outlet signs its stories with
    the reporter's name in capitals on the line right under them (its file's ``[layout]``),
    read when no credit names one."""
    above = _lines_above(text, first, ABOVE_LINES)
    below = _lines_below(text, last, BELOW_LINES)
    above_credits, below_credits = _credits(above, default_tz), _credits(below, default_tz)
    named_above = any(c.authors for c in above_credits)
    out: list[MarginLine] = []
    for credit, authors in [
        *((c, c.authors) for c in above_credits),
        *((c, () if named_above else c.authors) for c in below_credits),
    ]:
        if not (authors or credit.editors):
            continue
        *labels, named_line = credit.lines
        out.extend(MarginLine(ln.start, ln.end, "margin:byline_label") for ln in labels)
        out.append(MarginLine(named_line.start, named_line.end, "margin:byline", Margins(authors, credit.editors)))
    named = named_above or any(c.authors for c in below_credits)
    if capitals_signature and not named and below and _capitals_name(below[0].text):
        # "DINI TEJA" right under the last paragraph
        out.append(MarginLine(below[0].start, below[0].end, "margin:signature", Margins((below[0].text,))))
    seen_updated = False
    for line in reversed(above):  # the date line nearest the story
        if len(line.text.split()) > MAX_WORDS:
            continue
        stamp = find_timestamp(line.text, default_tz=default_tz)
        if stamp is None:
            continue
        if stamp.updated:
            if not seen_updated:
                out.append(MarginLine(line.start, line.end, "margin:timestamp", Margins(updated=stamp.value)))
            seen_updated = True
            continue
        out.append(MarginLine(line.start, line.end, "margin:timestamp", Margins(timestamp=stamp.value)))
        break
    return out


def merged(found: Iterable[Margins]) -> Margins:
    """What margin lines give together: their names (each once, in order) and the first
    timestamp and update time."""
    authors: list[str] = []
    editors: list[str] = []
    timestamp = updated = None
    for m in found:
        authors.extend(a for a in m.authors if a not in authors)
        editors.extend(e for e in m.editors if e not in editors)
        timestamp = timestamp or m.timestamp
        updated = updated or m.updated
    return Margins(tuple(authors), tuple(editors), timestamp, updated)


def read_margins(
    text: str, *, first: int, last: int, default_tz: dt.tzinfo | None, capitals_signature: bool = False
) -> Margins:
    """What the credit and date lines around ``text[first:last]`` (the kept story) say (see
    :func:`margin_lines`)."""
    lines = margin_lines(text, first=first, last=last, default_tz=default_tz, capitals_signature=capitals_signature)
    return merged(line.found for line in lines)
