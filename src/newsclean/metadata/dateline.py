"""Recognise the dateline that opens a story: ``JAKARTA, OUTLET.com -``, ``Washington:``.

A dateline is a short capitalised place and/or an outlet tag, closed by a dash or a colon,
at the very start of the first paragraph. Outlet and agency names come from
``data/metadata/outlets.toml``; words that never open a dateline from ``dateline.toml``.

>>> m = match_dateline("JAKARTA, KABARI.com - Presiden Joko Widodo mengatakan ...")
>>> m.place, m.start, m.end
('JAKARTA', 0, 22)
>>> match_dateline("Jakarta, kota terbesar di Indonesia, kembali banjir.") is None
True
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from newsclean.metadata._data import alternation, date_tables, not_place_words, outlet_tables, region_acronyms
from newsclean.metadata._outlets import outlet_patterns
from newsclean.segment import FOLDED_BY_REGEX, contains_any

__all__ = ["BARE_PLACE_WORDS", "MAX_PLACE_WORDS", "DatelineMatch", "match_dateline", "opens_story"]

MAX_PLACE_WORDS = 4
"""A place longer than this is a sentence, not a dateline."""

_GLUED_WINDOW = 1500
"""How far into a paragraph a dateline glued after a pull quote is looked for."""


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    """``paragraph[start:end]`` is the dateline prefix (place, outlet tag, dash, spaces)."""

    place: str | None
    """The place as printed (``JAKARTA``, ``Mataram, NTB``), or None for a bare outlet tag."""
    start: int
    """0 unless the dateline is glued after a pull quote (``...tourism fundJakarta (AGENCY) -``);
    then ``paragraph[:start]`` is that quote."""
    end: int
    tagged: bool = False
    """True when an outlet tag or a bracketed agency closes the place (``JAKARTA, OUTLET.com -``,
    ``Jakarta (AGENCY) -``); False for a bare ``Place -`` or ``Place:``."""


@dataclass(frozen=True, slots=True)
class _Forms:
    anchored: tuple[tuple[str, Any], ...]
    glued: Any
    outlet_starts: tuple[str, ...] = ()
    """The first word, lower-cased, of every outlet and agency name, and the outlet prefixes:
    a text opening with an outlet name opens with one of these."""


_DOMAIN_START = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}-]{0,40}\.")
"""How an outlet written as a domain (``OUTLET.com``) opens."""
_OUTLET_FORMS = frozenset({"outlet_place", "outlet_glued_place", "outlet_dash_place", "outlet"})
"""The forms that open with the outlet tag."""


def _may_open_with_outlet(head: str, forms: _Forms) -> bool:
    """Whether ``head`` may open (past its spaces) with an outlet tag: a name's first word, an
    outlet prefix, or a domain-like token. A cheap test before the forms that open with one;
    it never says no where they match."""
    start = len(head) - len(head.lstrip())
    if contains_any(FOLDED_BY_REGEX, head):
        return True
    if head[start : start + 40].lower().startswith(forms.outlet_starts):
        return True
    return _DOMAIN_START.match(head, start) is not None or _CAMEL_START.match(head, start) is not None


_CAMEL_START = regex.compile(r"\p{Lu}\p{Ll}+\p{Lu}")
"""How an outlet written in camel case (``KabarKita``) opens."""

_DASHES = ("-", "–", "—", "‒", "―", "&#821", "&ndash;", "&mdash;")
_LONG_DASHES = ("–", "—", "‒", "―", "&")
"""Characters of :data:`_SEP` besides ``-`` (``&`` opens ``&ndash;`` and ``&#8211;``)."""
_HYPHEN_SEPS = ("--", " -", "- ", "\t-", "-\t", "\u00a0-", "-\u00a0")
"""How ``-`` closes a dateline in :data:`_SEP`: spaced on one side, or doubled (or last)."""


def _may_close(head: str) -> bool:
    """Whether ``head`` holds what :data:`_SEP` needs: a long dash or an entity, or a ``-``
    spaced on one side, doubled or ending the text (a hyphen glued on both sides never is)."""
    if any(c in head for c in _LONG_DASHES):
        return True
    return "-" in head and (head.endswith("-") or any(s in head for s in _HYPHEN_SEPS))


_HEAD = 300
"""An opening dateline lies within this many characters (bounds the anchored patterns)."""
_S = r"[ \t\u00a0]"
_DASH = r"(?:-{1,3}|[–—‒―]{1,2}|&#821[12];|&[nm]dash;)"
_SEP = rf"(?:{_S}+{_DASH}|-(?={_S}|\Z)|(?:-{{2,3}}|[–—‒―]{{1,2}}|&#821[12];|&[nm]dash;)){_S}*"
"""A dash closing a dateline: spaced before, or a single ``-`` with a space after, or a double
or long dash. A ``-`` glued on both sides is a hyphen (``Capres-Cawapres``, ``PDI-P``)."""
_WORD = r"\p{Lu}[\p{L}\p{M}'’]*+(?:-\p{Lu}[\p{L}\p{M}'’]*+)*\.?"
_PLACE = rf"{_WORD}(?:{_S}{_WORD}){{0,3}}(?:/{_WORD}(?:{_S}{_WORD}){{0,2}}){{0,2}}"
"""One to four capitalised words, or several places joined by slashes (``NEW DELHI/ISLAMABAD``)."""
_REGION = rf"(?:,{_S}?{_WORD}(?:{_S}{_WORD})?)?"


@functools.cache
def _forms() -> _Forms:
    outlets = outlet_patterns()
    outlet, agency = outlets.outlet, outlets.agency
    months = alternation(set(date_tables().months))
    date = (
        rf"(?:\d{{1,2}}{_S}+(?i:{months})\.?|(?i:{months})\.?{_S}+\d{{1,2}})(?![\p{{L}}\p{{N}}])"
        rf"(?:,?{_S}+(?:19|20)\d\d)?"
    )
    sep = _SEP
    colon = rf"{_S}*:{_S}*"
    lead = r"[\s\u00a0]*"
    bracket = rf"{_S}{{0,3}}\((?:{agency}|{outlet}){_S}*\)"
    wire = rf"{_S}{{0,3}}\(\p{{Lu}}[\p{{L}}\p{{N}}.&'’-]*(?:{_S}\p{{Lu}}[\p{{L}}\p{{N}}.&'’-]*){{0,2}}\)"
    caps = rf"\p{{Lu}}{{2,}}[\p{{Lu}}.'’-]*(?:{_S}\p{{Lu}}{{2,}}[\p{{Lu}}.'’-]*){{0,3}}"
    anchored = (
        # JAKARTA, OUTLET.com -   Jakarta, Outlet Indonesia --
        ("place_outlet", rf"{lead}(?P<place>{_PLACE}),{_S}*(?:{outlet}){sep}"),
        # Outlet.com, JakartaWakil Menteri ... (the dash lost, the place glued to the next word)
        ("outlet_glued_place", rf"{lead}(?:{outlet}){_S}*,{_S}*(?P<place>\p{{Lu}}\p{{Ll}}{{2,}})(?=\p{{Lu}}\p{{Ll}})"),
        # OUTLETNEWS.COM, JAKARTA --   OUTLET.CO,Jakarta-   Outlet.com, Jakarta Presiden ...
        # (after the outlet tag even a glued hyphen closes the place: OUTLET.CO,Jakarta-Ginjal)
        (
            "outlet_place",
            rf"{lead}(?:{outlet}){_S}*,{_S}*(?:(?P<place>{_PLACE}){_S}*{_DASH}{_S}*|(?P<place>{_WORD})(?={_S}+\p{{Lu}}){_S}+)",
        ),
        # [JAKARTA] Indonesia terus ...   [JAKARTA]Indonesia ... (a daily's bracketed style)
        ("bracketed_place", rf"{lead}\[(?P<place>{_PLACE})\]{_S}*(?=\p{{Lu}})"),
        # OUTLET.CO.ID - JAKARTA.
        ("outlet_dash_place", rf"{lead}(?:{outlet}){sep}(?P<place>{_PLACE})\.{_S}+"),
        # OUTLET.com -   OUTLET –   outletNews -
        # (the tag printed twice: OUTLET.CO.ID, OUTLET.CO.ID --)
        ("outlet", rf"{lead}(?:{outlet})(?:{_S}*,{_S}*(?:{outlet}))?{sep}(?!{_S}*[\d\p{{Ll}}])"),
        # Jakarta (AGENCY) -   Mataram, NTB (AGENCY News) -   ORANGE, Calif. (AGENCY) —
        # LONDON, Oct 9 (Agency) -   (a date may sit between the place and the agency)
        ("place_agency", rf"{lead}(?P<place>{_PLACE}{_REGION})(?:,?{_S}+{date})?{bracket}{sep}"),
        # LONDON, March 4 (Newswire) -   SURABAYA (Kabar Kota) -: an agency no table names, in
        # brackets, is a tag when a date sits before it or the place is in capitals (``Joko
        # Widodo (Jokowi) -`` opens no story)
        ("place_wire", rf"{lead}(?:(?P<place>{_PLACE}{_REGION}),?{_S}+{date}|(?P<place>{caps}{_REGION})){wire}{sep}"),
        # April 25 (Agency) -
        ("date_agency", rf"{lead}{date}{bracket}{sep}"),
        # Washington:   SHAH ALAM &#8211;   KUALA LUMPUR 29 Ogos –   PUTRAJAYA, Nov 22 —
        # NEW YORK, USA - Agency Newswire - 30 April 2024 -
        (
            "place",
            rf"{lead}(?P<place>{_PLACE}{_REGION})(?:,?{_S}+{date})?(?:{sep}|{colon})"
            rf"(?:(?:{outlet}){sep})?(?:{date}{sep})?(?!{_S}*\p{{Ll}})",
        ),
    )
    # a domain's tail is no place: "…Wulandari KABARI.COM, JAKARTA -" is glued after a credit
    tld = r"(?i:com|co(?:\.id)?|id|net|org|my|tv)"
    glued = regex.compile(
        rf"(?<=[\p{{Ll}}\p{{N}}.,;:!?”\"’)])(?!(?<=\.){tld}\b)(?:(?P<place>{_PLACE}{_REGION})"
        rf"(?:{bracket}{sep}|,{_S}*(?:{outlet}){sep})|(?P<place>{caps}{_REGION}){sep}(?=\p{{Lu}}))"
        # an outlet's domain and the place, glued after a credit line by a space
        rf"|(?<=\S{_S}{{1,3}})[\p{{L}}\p{{N}}][\p{{L}}\p{{N}}-]{{1,40}}\.{tld},{_S}*(?P<place>{_PLACE}{_REGION}){sep}(?=\p{{Lu}})"
    )
    tables = outlet_tables()
    starts = {name.split()[0].lower() for name in (*tables.outlets, *tables.agencies)}
    starts.update(prefix.lower() for prefix in tables.outlet_prefixes)
    return _Forms(
        anchored=tuple((name, regex.compile(source)) for name, source in anchored),
        glued=glued,
        outlet_starts=tuple(sorted(starts)),
    )


def _glued_hints(paragraph: str, window: int) -> Iterator[int]:
    """Positions where a glued dateline could close: a bracket, or a dash after two capitals.

    Plain ``str.find`` scans: running the full pattern over a long paragraph costs several
    times more than every other check together.
    """
    hints: list[int] = []
    i = paragraph.find("(", 0, window)
    while i != -1:
        close = paragraph.find(")", i, i + 30)  # "(AGENCY News) -": a short bracket, then a dash
        if close != -1 and paragraph[close + 1 : close + 12].lstrip(" \t\u00a0").startswith(_DASHES):
            hints.append(i)
        i = paragraph.find("(", i + 1, window)
    for dash in _DASHES:
        i = paragraph.find(dash, 0, window)
        while i != -1:
            if not "a" <= paragraph[i - 1 : i] <= "z":  # a lowercase letter before: no capitals
                before = paragraph[max(0, i - 4) : i].rstrip(" \t\u00a0")[-2:]
                if len(before) == 2 and before.isalpha() and before.isupper():
                    hints.append(i)
            i = paragraph.find(dash, i + 1, window)
    return iter(sorted(hints))


def _plausible(place: str) -> bool:
    words = place.replace(",", " ").split()
    if not words or len(words) > MAX_PLACE_WORDS:
        return False
    first = words[0].rstrip(".").casefold().replace("’", "'")
    if first in not_place_words():
        return False
    # a weekday or month opens a date line ("Kamis, 5 November 2015 - 15:56 wib"), not a place
    tables = date_tables()
    return first not in tables.weekdays and first not in tables.months


BARE_PLACE_WORDS = 3
"""A place with no outlet tag or agency has at most this many words before its ``, Region``
(``KUALA LUMPUR -``, ``Bangli, Bali:``); ``Kapten Timnas Anies Baswedan - …`` is a name."""


def _plausible_bare(place: str, closed_by_colon: bool, rest: str) -> bool:
    """A place closed only by a dash or a colon looks like one: short, one case throughout
    (``Film GOWOK:`` is a title), and a colon not followed by an ALL-CAPS run (``GOWOK: KAMASUTRA
    JAWA …`` is a film title).

    >>> _plausible_bare("Film GOWOK", True, " KAMASUTRA JAWA")
    False
    >>> _plausible_bare("Washington", True, " The president said")
    True
    """
    words = place.split(",")[0].split()
    if len(words) > BARE_PLACE_WORDS:
        return False
    letters = [w for w in words if sum(c.isalpha() for c in w) > 1]
    if len({w.isupper() for w in letters}) > 1:
        return False
    return not (closed_by_colon and _opens_caps_run(rest))


def _opens_caps_run(rest: str) -> bool:
    """Whether ``rest`` opens with two ALL-CAPS words of three letters or more (``KAMASUTRA JAWA``;
    not ``PT PLN``, an acronym pair a story may open with)."""
    head = rest[:80].split(None, 2)[:2]
    return len(head) == 2 and all(sum(c.isalpha() for c in w) >= 3 and w.isupper() for w in head)


def match_dateline(paragraph: str) -> DatelineMatch | None:
    """The dateline opening ``paragraph``, or None.

    Handles ``JAKARTA, OUTLET.com -``, ``OUTLET.com -`` (place None), ``Outlet.com,
    Jakarta`` (with or without a dash), ``Jakarta (AGENCY) -``, ``Mataram, NTB (AGENCY News) -``,
    ``OUTLETNEWS.COM, JAKARTA --``, ``OUTLET.CO.ID - JAKARTA.``, ``OUTLET.CO,Jakarta-``,
    ``Washington:``, ``KUALA LUMPUR 29 Ogos –``, ``SHAH ALAM &#8211;``, ``LONDON (Agency) -``,
    ``ORANGE, Calif. (AGENCY) —``, every kind of dash and non-breaking spaces.

    Never invents one. The place must be 1-4 capitalised words (an optional ``, Region``
    included) and be followed by an outlet tag, a bracketed agency, a dash or a colon. A
    place closed only by a dash or colon must not be followed by a lowercase word
    (``Gibran - putra ...`` is not a dateline), nor start with a label word from
    ``dateline.toml`` (``Baca juga:``). An outlet that is the subject of the sentence
    (``Outlet.com, menemui ...``, ``Outlet.com mencatat``) is not a dateline. A dateline
    glued after a pull quote or caption is recognised only with an outlet tag or bracketed
    agency, or as an ALL-CAPS place and a dash, right after a lowercase letter or punctuation
    (``...fundJakarta (AGENCY) -``, ``...Outlet Times)WASHINGTON —``).

    Known limit: ``Speaker: text`` opening a transcript reads like ``Washington: text``;
    call this on the story's first paragraph only.
    """
    if len(paragraph) > _CACHED_CHARS:
        return _match_dateline(paragraph)
    return _cached_match_dateline(paragraph)


_CACHED = 32
"""Recent answers kept: the header rule and the dateline rule ask about the same first pieces."""
_CACHED_CHARS = 10_000
"""Longer paragraphs are not kept (the cache holds its keys: its memory stays small)."""


def match_opening_dateline(paragraph: str) -> DatelineMatch | None:
    """The dateline :func:`match_dateline` finds at the very start of ``paragraph`` (``start ==
    0``), or None; a dateline glued further in is not looked for (cheaper, for callers that
    want an opening only)."""
    if len(paragraph) > _CACHED_CHARS:
        return _match_opening(paragraph)
    return _cached_match_opening(paragraph)


def _match_dateline(paragraph: str) -> DatelineMatch | None:
    found = match_opening_dateline(paragraph)
    if found is not None:
        return found
    forms = _forms()
    window = min(len(paragraph), _GLUED_WINDOW)
    if "-" not in paragraph[:window] and not _may_close(paragraph[:window]):
        return None  # every glued form closes with a dash
    for hint in _glued_hints(paragraph, window):
        m = forms.glued.search(paragraph, max(0, hint - 80), min(window, hint + 40))
        if m is not None and _plausible(m.group("place")):
            return DatelineMatch(place=m.group("place"), start=m.start(), end=m.end(), tagged=True)
    return None


def _match_opening(paragraph: str) -> DatelineMatch | None:
    forms = _forms()
    head = paragraph[:_HEAD]
    # characters every form needs (cheap ``in`` tests; a form whose needs are missing cannot match)
    dash = _may_close(head)
    lead = head.lstrip()[:1]
    capital = not (lead.isascii() and not ("A" <= lead <= "Z"))  # a place opens with \p{Lu}
    needs = {
        "place_outlet": capital and dash and "," in head,
        "outlet_place": "," in head,
        "outlet_glued_place": "," in head,
        "bracketed_place": head.lstrip()[:1] == "[",
        "outlet_dash_place": dash and "." in head,
        "outlet": dash,
        "place_agency": capital and dash and "(" in head,
        "place_wire": capital and dash and "(" in head,
        "date_agency": dash and "(" in head,
        "place": capital and (dash or ":" in head),
    }
    outlet_first: bool | None = None  # (tested once, and only when a form needs to know)
    for _name, pattern in forms.anchored:
        if not needs[_name]:
            continue
        if _name in _OUTLET_FORMS:
            if outlet_first is None:
                outlet_first = _may_open_with_outlet(head, forms)
            if not outlet_first:
                continue
        m = pattern.match(paragraph, 0, _HEAD)
        if m is None:
            continue
        place = m.group("place") if "place" in pattern.groupindex else None
        if place is not None and not _plausible(place):
            continue
        if _name == "place" and place is not None:
            closing = paragraph[m.end("place") : m.end()]
            if not _plausible_bare(place, ":" in closing and not regex.search(_DASH, closing), paragraph[m.end() :]):
                continue
        tagged = _name != "place"
        if place is not None and "," in place:
            place, tag = _region_or_tag(place)
            tagged = tagged or tag
        return DatelineMatch(place=place, start=0, end=m.end(), tagged=tagged)
    return None


def _region_or_tag(place: str) -> tuple[str, bool]:
    """``Mataram, NTB`` is a place and its region; in ``Gaza, ABCD`` and ``BANDUNG, XYZ`` the
    ALL-CAPS acronym after the comma is no region (``region_acronyms`` in ``dateline.toml``)
    but the outlet's tag: the place is what comes before it, and the dateline is tagged."""
    head, _, region = place.rpartition(",")
    word = region.strip()
    if word.isalpha() and word.isupper() and len(word) <= 6 and word not in region_acronyms():
        return head.strip(), True
    return place, False


_cached_match_dateline = functools.lru_cache(maxsize=_CACHED)(_match_dateline)
_cached_match_opening = functools.lru_cache(maxsize=_CACHED)(_match_opening)


_STORY_END = regex.compile(r"[.!?…][\"”’')\]]*\s*\Z")
STORY_MIN_WORDS = 15
"""A text after a bare ``Place:`` with fewer words, and no sentence end, is a headline."""


def opens_story(paragraph: str, m: DatelineMatch) -> bool:
    """Whether the dateline ``m`` really opens a story in ``paragraph``.

    A tagged dateline (outlet or agency) always does, and so does a dateline alone on its
    line (``Doha -``). A bare ``Place:`` or ``Place -`` must be followed by story text: a
    sentence, or a long run. ``Tri Indonesia: Broadband Dorong Ekosistem Digital`` is a
    headline with a colon, not ``Washington: The president said ...``.

    >>> text = "Tri Indonesia: Broadband Dorong Ekosistem Digital Dalam Negeri"
    >>> opens_story(text, match_dateline(text))
    False
    """
    rest = paragraph[m.end :].strip()
    if m.tagged or not rest:
        return True
    return len(rest.split()) >= STORY_MIN_WORDS or (
        len(rest.split()) >= 4 and _STORY_END.search(rest) is not None
    )
