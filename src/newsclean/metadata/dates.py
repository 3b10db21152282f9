"""Find the publication time in a header line, and parse metadata date strings.

Month, weekday and zone names come from ``data/metadata/dates.toml`` (Indonesian, Malay,
English); the patterns are compiled once, on first use.

>>> import datetime as dt
>>> wib = dt.timezone(dt.timedelta(hours=7))
>>> find_timestamp("Senin, 21 Januari 2019 / 22:05 WIB", default_tz=None).value.isoformat()
'2019-01-21T22:05:00+07:00'
>>> find_timestamp("Fajar Nugraha • 27 Januari 2022 12:06", default_tz=wib).value.isoformat()
'2022-01-27T12:06:00+07:00'
>>> find_timestamp('"Kami siap," kata dia, Senin (7/1/2019).', default_tz=wib) is None
True
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from newsclean.metadata._data import alternation, date_tables
from newsclean.segment import FOLDED_BY_RE, contains_any

__all__ = ["MAX_LINE", "DateMatch", "find_timestamp", "parse_datetime"]

MAX_LINE = 200
"""Lines longer than this are body text, not a header: :func:`find_timestamp` gives None."""

_PROSE_WORDS = 3
"""This many lowercase words besides the date (fillers such as ``pukul`` aside) make prose."""


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date or date-time found in a line: ``text[start:end]`` is the expression."""

    value: dt.datetime | dt.date
    """A ``datetime`` when a time was printed (aware when a zone or ``default_tz`` is known),
    else a ``date``."""
    start: int
    end: int
    updated: bool = False
    """True when the line marks this time as an update (``Diperbarui``, ``Updated``)."""


@dataclass(frozen=True, slots=True)
class _Patterns:
    date: re.Pattern[str]
    updated: re.Pattern[str]
    published: re.Pattern[str]
    word: re.Pattern[str]
    range_before: re.Pattern[str]
    bad_time: re.Pattern[str]
    """A time-like text right after a date whose time was not accepted (``25:61``)."""
    core: re.Pattern[str]
    """The ``core`` group of ``date`` alone: where a date's day, month and year start."""
    time_before: re.Pattern[str]
    """A time printed before its date (``14:35 WIB - Senin, 12 Februari 2024``, ``2:35 PM ET, Mon
    February 12, 2024``), closing the text before the date."""


_LETTER = r"[^\W\d_]"


@functools.cache
def _patterns() -> _Patterns:
    tables = date_tables()
    zones = alternation(set(tables.zones))
    time_words = "|".join(tables.time_words)  # "… 2022 um 10:15", "… 2019 à 18:30"
    not_letter = rf"(?<!{_LETTER})"
    # Month and weekday names are matched as plain words and looked up in the tables
    # afterwards (a dict lookup is much faster than a 100-way regex alternation). A word
    # may be glued to a lowercase word before it ("readApril").
    word_start = rf"(?:{not_letter}|(?<=[a-z])(?=[A-Z]))"
    month = rf"{_LETTER}{{3,12}}(?!{_LETTER})\.?"
    # "6. November 2023", "1er mars", "12 de marzo de 2021", "3 de março del 2020"
    day_end = r"(?:\.|er|º|°)?"
    of = r"(?:(?i:de|del)\s{1,3})?"
    year_end = r"(?:(?!\d)|(?=\d{1,2}:\d\d))"  # "2023" or the glued "20232:26 PM"
    weekday = rf"""
        (?:{word_start}(?P<wd>{_LETTER}{{3,12}}(?:['’]{_LETTER}{{2}})?)\.?[\s,]{{0,4}})?"""
    core = rf"""
        (?P<core>
            (?<![\d/.-])(?P<d1>[0-3]?\d){day_end}[\s-]{{1,3}}{of}(?P<m1>{month}),?[\s-]{{1,3}}{of}
                (?P<y1>(?:19|20)\d\d){year_end}
          | {word_start}(?P<m2>{month})\s{{1,3}}(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?
                ,?\s{{1,3}}(?P<y2>(?:19|20)\d\d){year_end}
          | (?<![\d/.-])(?P<y4>(?:19|20)\d\d)-(?P<m4>[01]\d)-(?P<d4>[0-3]\d)(?!\d)
          | (?<![\d/.-])(?P<d3>[0-3]?\d)(?P<s3>[/.-])(?P<m3>[01]?\d)(?P=s3)(?P<y3>(?:19|20)\d\d)(?![\d/.-])
        )"""
    date = weekday + core + rf"""
        (?:
            (?:[\s,|/•·–—-]{{0,5}}(?:(?i:{time_words})\.?\s{{1,3}})?|T)
            (?P<h>[0-2]?\d)[:.](?P<mi>[0-5]\d)(?:[:.](?P<s>[0-5]\d)(?:[.,]\d{{1,6}})?)?(?![\d.:])
            (?:\s{{0,2}}(?P<ap>(?i:[ap])\.?(?i:m)\.?)(?!{_LETTER}))?
            (?:
                \s{{0,3}}(?P<zn>(?i:{zones}))(?!{_LETTER})(?:\s?(?P<zo>[+-][01]?\d(?::?[0-5]\d)?)(?!\d))?
              | \s?(?P<off>Z|[+-][01]\d:?[0-5]\d)(?!\d)
            )?
        )?
    """
    marker_updated = rf"(?i:{not_letter}(?:{alternation(tables.updated)})(?!{_LETTER}))"
    marker_published = rf"(?i:{not_letter}(?:{alternation(tables.published)})(?!{_LETTER}))"
    return _Patterns(
        date=re.compile(date, re.VERBOSE),
        updated=re.compile(marker_updated),
        published=re.compile(marker_published),
        word=re.compile(rf"{_LETTER}+"),
        range_before=re.compile(r"\d\s{0,2}[-–]\s{0,2}$"),
        bad_time=re.compile(rf"[\s,|/•·–—-]{{0,5}}(?:(?i:{time_words})\.?\s{{1,3}})?\d{{1,2}}[:.]\d"),
        core=re.compile(core, re.VERBOSE),
        time_before=re.compile(
            rf"(?<![\d:.])(?P<h>[0-2]?\d)[:.](?P<mi>[0-5]\d)(?:\s{{0,2}}(?P<ap>(?i:[ap])\.?(?i:m)\.?))?"
            rf"(?:\s{{0,3}}(?P<zn>(?i:{zones}))(?!{_LETTER}))?[\s,|/•·–—-]{{1,6}}(?:(?i:on)\s+)?\Z"
        ),
    )


WEEKDAY_REACH = 20
"""The longest a weekday before a date's core can be: a word of up to 12 letters
(``poniedziałek``), an apostrophe and 2 more (``Jum'at``), a dot and 4 spaces or commas
(the ``weekday`` part)."""


def _date_search(patterns: _Patterns, text: str, pos: int) -> re.Match[str] | None:
    """``patterns.date.search(text, pos)``, several times cheaper on a line holding a year but
    no date: the core (day, month, year) is looked for first, which is cheap at every
    position, and the whole pattern, whose weekday part is tried at every word, only from
    :data:`WEEKDAY_REACH` characters before it. The same match: any match has a core at least
    as far on, and starts at most that far before its own core."""
    core = patterns.core.search(text, pos)
    if core is None:
        return None
    return patterns.date.search(text, max(pos, core.start() - WEEKDAY_REACH))


def _offset(minutes: int) -> dt.timezone:
    return dt.timezone(dt.timedelta(minutes=minutes))


def _zone(m: re.Match[str]) -> dt.tzinfo | None:
    """The zone written after the time, or None when no zone is written."""
    if m["off"]:
        text = m["off"]
        if text == "Z":
            return dt.UTC
        sign = -1 if text[0] == "-" else 1
        digits = text[1:].replace(":", "")
        return _offset(sign * (int(digits[:2]) * 60 + int(digits[2:])))
    if not m["zn"]:
        return None
    minutes = date_tables().zones[m["zn"].upper()]
    if m["zo"]:
        sign = -1 if m["zo"][0] == "-" else 1
        hours, _, mins = m["zo"][1:].partition(":")
        if len(hours) > 2:  # "+0700"
            hours, mins = hours[:-2], hours[-2:]
        minutes += sign * (int(hours) * 60 + int(mins or 0))
    if not -14 * 60 <= minutes <= 14 * 60:
        raise ValueError("offset out of range")
    return _offset(minutes)


def _value(m: re.Match[str], default_tz: dt.tzinfo | None) -> dt.datetime | dt.date:
    """Build the value; raises ValueError for out-of-range fields."""
    months = date_tables().months
    if m["d1"]:
        day, month, year = int(m["d1"]), months[m["m1"].rstrip(".").casefold()], int(m["y1"])
    elif m["m2"]:
        day, month, year = int(m["d2"]), months[m["m2"].rstrip(".").casefold()], int(m["y2"])
    elif m["y4"]:
        day, month, year = int(m["d4"]), int(m["m4"]), int(m["y4"])
    else:
        day, month, year = int(m["d3"]), int(m["m3"]), int(m["y3"])
        if month > 12 and day <= 12:  # month-first (US) numeric date
            day, month = month, day
    date = dt.date(year, month, day)
    if m["h"] is None:
        return date
    hour, minute, second = int(m["h"]), int(m["mi"]), int(m["s"] or 0)
    if m["ap"]:
        if not 1 <= hour <= 12:
            raise ValueError("12-hour clock out of range")
        hour = hour % 12 + (12 if m["ap"][0] in "pP" else 0)
    tz = _zone(m) or default_tz
    return dt.datetime.combine(date, dt.time(hour, minute, second), tzinfo=tz)


def _is_prose(text: str, start: int, end: int) -> bool:
    """True when the words around ``text[start:end]`` read as a sentence, not a header.

    Counts the lowercase words outside the date that are not header fillers (``pukul``,
    ``on``, ``at``, ``views``, ``ago`` ... from ``dates.toml``). Three or more make prose; two
    make prose when the line ends like a sentence (``.``, ``!``, ``?``, a closing quote).
    """
    fillers = date_tables().fillers
    word = _patterns().word
    count = 0
    for part in (text[:start], text[end:]):
        for w in word.findall(part):
            if len(w) > 1 and w.islower() and w not in fillers:
                count += 1
    if count >= _PROSE_WORDS:
        return True
    return count >= 2 and text.rstrip().endswith((".", "!", "?", '"', "”", "’"))


def _is_story_date(text: str, m: re.Match[str]) -> bool:
    """Dates in parentheses (``Senin (7/1/2019)``) or ranges (``13-18 Desember``) are in-story."""
    before = text[: m.start()].rstrip()
    if before.endswith("("):
        return True
    return bool(_patterns().range_before.search(text[: m.start()]))


def find_timestamp(text: str, *, default_tz: dt.tzinfo | None) -> DateMatch | None:
    """The publication date or time printed in one header or byline line, or None.

    Reads the forms outlets print: ``Senin, 21 Januari 2019 / 22:05 WIB``,
    ``Jum'at, 17 Februari 2017 - 13:30 wib``, ``on 16 Feb 2016 at 09:20 WIB``,
    ``16/02/2016 09:20`` (day first), ``2019-01-21 22:05``, ``Jan. 5, 2023 3:04 PM EST``,
    ``Tuesday, May 16, 2023 2:34 AM GMT+7``, ISO 8601. A written zone wins; otherwise the
    time gets ``default_tz`` (None: naive). A date without a time gives a ``dt.date``; a time
    without a date gives None.

    Conservative by design, since a wrong date is worse than none. None for:

    - lines longer than :data:`MAX_LINE` characters (body text, not a header);
    - prose: three or more ordinary lowercase words besides the date (two when the line ends
      like a sentence), e.g. ``kata dia, Kamis 27 Januari 2022.``;
    - story-internal dates in brackets (``Senin (7/1/2019)``) and date ranges (``13-18 Des``);
    - impossible values (month 13, 31 Februari, 25:00): never an exception.

    When a line prints several times, the first not marked as an update wins (publication
    beats update); when all are updates, the first is returned with ``updated=True``.
    """
    if len(text) > MAX_LINE:
        return None
    # every date form holds a year (19xx or 20xx), at most YEAR_REACH characters after the
    # start of the match: no year, no date; and no match starts long before the first year
    year = _YEAR.search(text)
    if year is None:
        return None
    return _recent_timestamps(text, default_tz, max(0, year.start() - YEAR_REACH))


def _find_timestamp(text: str, default_tz: dt.tzinfo | None, pos: int) -> DateMatch | None:
    """:func:`find_timestamp`, its date pattern searched for from ``pos`` on."""
    patterns = _patterns()
    found: list[DateMatch] = []
    previous_end = 0
    weekdays = date_tables().weekdays
    while (m := _date_search(patterns, text, pos)) is not None:
        if _is_story_date(text, m) or (m["h"] is None and patterns.bad_time.match(text, m.end())):
            pos = m.end()  # in-story date, or "21 Januari 2019 25:61" (an impossible time)
            continue
        try:
            value = _value(m, default_tz)
        except (ValueError, KeyError, OverflowError):
            pos = m.start() + 1  # not a month name ("readApril" -> "April"), or out of range
            continue
        pos = m.end()
        wd = m["wd"]
        start = m.start() if wd and wd.casefold() in weekdays else m.start("core")
        between = text[previous_end:start]
        updated = (
            len(between) > 2
            and bool(patterns.updated.search(between))
            and not patterns.published.search(between[_last_end(patterns.updated, between) :])
        )
        previous_end = m.end()
        found.append(DateMatch(value, start, m.end(), updated))
        if not updated:
            break  # the first time not marked as an update is the publication time
    if not found:
        return None
    best = next((d for d in found if not d.updated), found[0])
    if _is_prose(text, best.start, best.end):
        return None
    if not isinstance(best.value, dt.datetime) and best.start > 0:
        best = _with_time_before(text, best, default_tz)
    return best


def _with_time_before(text: str, found: DateMatch, default_tz: dt.tzinfo | None) -> DateMatch:
    """``found`` (a date alone) with the time printed right before it, if there is one."""
    m = _patterns().time_before.search(text, max(0, found.start - 24), found.start)
    if m is None:
        return found
    hour, minute = int(m["h"]), int(m["mi"])
    if m["ap"]:
        if not 1 <= hour <= 12:
            return found
        hour = hour % 12 + (12 if m["ap"][0] in "pP" else 0)
    if hour > 23:
        return found
    tz = _offset(date_tables().zones[m["zn"].upper()]) if m["zn"] else default_tz
    assert isinstance(found.value, dt.date)
    value = dt.datetime.combine(found.value, dt.time(hour, minute), tzinfo=tz)
    return DateMatch(value, m.start(), found.end, found.updated)


RECENT = 256
"""Answers of :func:`find_timestamp` kept (its lines are at most :data:`MAX_LINE` characters):
the layout, header and margin readers ask about the same header lines, each in its turn."""
_recent_timestamps = functools.lru_cache(maxsize=RECENT)(_find_timestamp)


_YEAR = re.compile(r"(?:19|20)\d\d")
YEAR_REACH = 56
"""How far a date match may start before its year: a weekday (up to 20 characters with its
comma and spaces) and a day and month before the year (up to 31: ``12er de października del``):
51, rounded up."""


def _last_end(pattern: re.Pattern[str], text: str) -> int:
    end = 0
    for m in pattern.finditer(text):
        end = m.end()
    return end


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_datetime(value: str, *, default_tz: dt.tzinfo | None) -> dt.datetime | dt.date | None:
    """Parse a metadata date string (HTML ``<meta>``, JSON-LD ``datePublished``, feeds).

    Accepts ISO 8601 (``2015-11-05T14:56:00+07:00``, ``2023-11-02T21:34:00.000Z``,
    ``2015-11-05 14:56:00``), a bare ISO date (gives a ``dt.date``), RFC 2822
    (``Thu, 05 Nov 2015 14:56:00 +0700``) and anything :func:`find_timestamp` reads.
    Naive results get ``default_tz``. Garbage gives None, never an exception.

    >>> parse_datetime("2015-11-05 14:56:00", default_tz=dt.timezone(dt.timedelta(hours=7)))
    datetime.datetime(2015, 11, 5, 14, 56, tzinfo=datetime.timezone(datetime.timedelta(seconds=25200)))
    """
    text = value.strip()
    if not text or len(text) > MAX_LINE:
        return None
    if _ISO_DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return None
    parsed: dt.datetime | None = None
    if text[:4].isdigit():
        try:
            parsed = dt.datetime.fromisoformat(text)
        except ValueError:
            parsed = None
    if parsed is None and "," in text[:5]:
        try:
            parsed = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            parsed = None
    if parsed is not None:
        if parsed.tzinfo is None and default_tz is not None:
            parsed = parsed.replace(tzinfo=default_tz)
        return parsed
    found = find_timestamp(text, default_tz=default_tz)
    return found.value if found else None


# Indonesian zone and date words; two patterns, shared prefixes factored out (one long
# case-insensitive alternation tried at every position cost more)
_ID_WORD = re.compile(r"(?i)\b(?:WI(?:B|TA|T)|senin|kamis|jum(?:at|'at)|minggu)\b")
_ID_DATE = re.compile(r"(?i)\d\s+(?:maret|ju(?:ni|li)|agustus|oktober|desember|nopember|pebruari)\s+(?:19|20)\d\d")
HINT_CHARS = 3000
# In a text without the letters re folds to ASCII (FOLDED_BY_RE), the two patterns above match
# where their lower-case, case-sensitive forms below match the lower-cased text (same offsets:
# İ is the only letter whose lower case is longer), and those are searched for far more cheaply.
_ID_WORD_LOWER = re.compile(r"\b(?:wi(?:b|ta|t)|senin|kamis|jum(?:at|'at)|minggu)\b")
_ID_WORD_STARTS = ("wib", "wit", "senin", "kamis", "jum", "minggu")
r"""Where ``_ID_WORD_LOWER`` may match (the leading ``\b`` makes ``re`` try every position)."""
_ID_DATE_LOWER = re.compile(r"\d\s+(?:maret|ju(?:ni|li)|agustus|oktober|desember|nopember|pebruari)\s+(?:19|20)\d\d")
_ID_MONTHS = ("maret", "juni", "juli", "agustus", "oktober", "desember", "nopember", "pebruari")
r"""Where ``_ID_DATE_LOWER``'s month may be (its leading ``\d`` makes ``re`` try every position)."""


def _occurrences(text: str, words: tuple[str, ...]) -> Iterator[int]:
    """Every position where one of ``words`` occurs in ``text`` (a ``str.find`` loop a word:
    a pattern alternating them tried every position)."""
    for word in words:
        at = text.find(word)
        while at != -1:
            yield at
            at = text.find(word, at + 1)


def _says_indonesian(head: str, low: str | None) -> bool:
    """Whether ``_ID_WORD`` or ``_ID_DATE`` matches in ``head`` (``low``: its lower case, when
    the caller has it)."""
    if contains_any(FOLDED_BY_RE, head):
        return _ID_WORD.search(head) is not None or _ID_DATE.search(head) is not None
    if low is None:
        low = head.lower()
    # a match starts where a word of the pattern does
    if any(_ID_WORD_LOWER.match(low, start) for start in _occurrences(low, _ID_WORD_STARTS)):
        return True
    for month in _occurrences(low, _ID_MONTHS):  # a date match is a digit, spaces, then the month
        at = month
        while at > 0 and low[at - 1].isspace():
            at -= 1
        if 0 < at < month and _ID_DATE_LOWER.match(low, at - 1):
            return True
    return False


def zone_hint(text: str, lowered: str | None = None) -> dt.tzinfo | None:
    """The outlet zone a short text shows when its language cannot be guessed: Indonesian
    date words or an Indonesian zone near the top mean an Indonesian outlet (+07:00).

    >>> zone_hint("Fajar Nugraha • 27 Januari 2022 12:06\\nKamis, 27 Januari 2022")
    datetime.timezone(datetime.timedelta(seconds=25200))
    >>> zone_hint("Floods force thousands from their homes") is None
    True
    """
    # (``lowered``: the text lower-cased, each slice the lower case of the same slice, see
    # newsclean.document.sliceable_lower)
    if not _says_indonesian(text[:HINT_CHARS], None if lowered is None else lowered[:HINT_CHARS]):
        return None
    return dt.timezone(dt.timedelta(hours=7))
