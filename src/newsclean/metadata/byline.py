"""Read a byline or credit line: who wrote the story, who edited it, and when.

Role labels, newsroom credits and non-name words come from ``data/metadata/byline.toml``;
outlet and agency names from ``outlets.toml``. The rule throughout is *fewer right is better
than more wrong*: a candidate that does not look like a person's name is dropped, and the
names after it in the same clause are not read.

>>> b = parse_byline("Penulis: Ardito Ramadhan | Editor: Sabrina Asril", default_tz=None)
>>> b.authors, b.editors
(('Ardito Ramadhan',), ('Sabrina Asril',))
>>> parse_byline("Oleh karena itu, KPU memberikan tanggung jawab", default_tz=None) is None
True
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, Literal

import regex

from newsclean.metadata._data import alternation, byline_tables, date_tables
from newsclean.metadata._outlets import is_outlet as _is_outlet
from newsclean.metadata.dates import DateMatch, find_timestamp

__all__ = [
    "MAX_BYLINE", "MAX_NAME_WORDS", "Byline", "Role", "author_name", "is_agency_credit", "is_byline_label",
    "parse_byline", "parse_labelled_byline", "reads_as_name", "signature_name",
]

Role = Literal["author", "editor"]

MAX_BYLINE = 400
"""Longer lines are not read as bylines."""
MAX_NAME_WORDS = 5
"""A candidate with more words than this is not a person's name."""


@dataclass(frozen=True, slots=True)
class Byline:
    """What a credit line says. ``authors``/``editors`` are names only (no role, no outlet)."""

    authors: tuple[str, ...]
    editors: tuple[str, ...]
    timestamp: DateMatch | None
    """The time printed on the line (offsets into the line), when there is one."""
    start: int = 0
    """Where the credit starts in the line: > 0 when it is glued after story text
    (``...(RPJPN).Pewarta: A``), so ``line[:start]`` is not part of it."""
    labelled: bool = True
    """False when no role label or prefix says it is a credit (``Name • date``,
    ``Name - outletNews``): trust it only right under a headline."""


@functools.lru_cache(maxsize=4096)
def is_outlet(text: str) -> bool:
    """Cached :func:`newsclean.metadata._outlets.is_outlet` (credit parts repeat a lot)."""
    return _is_outlet(text)


_ROLES: tuple[Role, ...] = ("author", "editor")
_S = r"[ \t\u00a0]"
_NAME_TOKEN = r"\p{Lu}[\p{L}\p{M}'’.\-]*|\p{Lo}[\p{Lo}\p{M}]*"
"""A word of a name: capitalised, or in a script without case (孔德明)."""


@dataclass(frozen=True, slots=True)
class _Patterns:
    prefix: Any
    """A line-opening role prefix: ``Oleh``, ``By``, ``Laporan Wartawan``; also glued to the
    capitalised name after it, as a page's text gives ``<span>By</span><a>Alex Doe</a>``
    (``ByAlex Doe``, ``PorRodolfo Costa``)."""
    prefix_letters: str
    """The letters a prefix opens with, in both cases (see :func:`_may_open_with_prefix`)."""
    colon_word: Any
    """A word before a colon; a label when it (or its capitalised tail: ``AkbarEditor``) is one.
    Matched backwards from a colon (see :func:`_colon_words`)."""
    by: Any
    """An English credit clause after a separator: ``; Editing by``, ``, additional reporting by``."""
    colon_labels: dict[str, Role]
    """Colon labels, folded, to role."""
    glued_labels: dict[str, Role]
    """Colon labels as written (capitalised), for labels glued to the word before."""
    roles: dict[str, Role]
    """Regex group name to role."""
    terminator: Any
    splitter: Any
    name_token: Any
    role_word: Any
    labels: dict[str, Role]
    collective: frozenset[str]
    slot_label: Any
    """What opens an author slot's value before the name: a prefix or a label, its colon
    optional, or glued to a capitalised name (``ByAlex Doe``, ``Veröffentlicht vonChris``)."""
    date_words: frozenset[str]
    """Weekdays, months and the words that label a date (``Publicado``, ``Stand``): an author
    slot holding one of these alone holds no name."""


@functools.cache
def _patterns() -> _Patterns:
    t = byline_tables()
    pa, pe = alternation(t.prefixes["author"]), alternation(t.prefixes["editor"])
    ba = alternation(tuple(p for p in t.prefixes["author"] if p.casefold().endswith(" by")))
    be = alternation(tuple(p for p in t.prefixes["editor"] if p.casefold().endswith(" by")))
    by = rf"[;,|]{_S}*(?i:(?P<ba>{ba})|(?P<be>{be}))(?!\p{{L}})(?:{_S}*:)?"
    labels: dict[str, Role] = {}
    for role in ("author", "editor"):
        for word in (*t.labels[role], *t.prefixes[role], role):
            labels[word.casefold()] = "author" if role == "author" else "editor"
    return _Patterns(
        prefix=regex.compile(rf"[\s(\[]*(?i:(?P<pa>{pa})|(?P<pe>{pe}))(?:(?!\p{{L}})|(?=\p{{Lu}}\p{{Ll}}))(?:{_S}*:)?"),
        prefix_letters="".join(sorted({c for w in (*t.prefixes["author"], *t.prefixes["editor"])
                                       for c in (w[0].lower(), w[0].upper())})),
        colon_word=regex.compile(rf"(?r)([\p{{L}}\p{{N}}/]+){_S}*:\G"),
        by=regex.compile(by),
        colon_labels={w.casefold(): r for r in _ROLES for w in (*t.labels[r], r)},
        glued_labels={w: r for r in _ROLES for w in t.labels[r]},
        roles={"pa": "author", "pe": "editor", "ba": "author", "be": "editor"},
        terminator=regex.compile(r"[|•·\t\n\r]|©|(?i:copyright)|\s{3,}"),
        splitter=regex.compile(r"\s*(?:[,;&]|(?<!\S)(?:and|dan|serta)(?!\S))\s*"),
        name_token=regex.compile(_NAME_TOKEN),
        role_word=regex.compile(rf"(?i:{alternation((*t.labels['author'], *t.labels['editor']))})\b"),
        labels=labels,
        collective=frozenset(c.casefold() for c in t.collective),
        slot_label=regex.compile(
            rf"(?i:{alternation((*t.prefixes['author'], *t.labels['author']))})"
            rf"(?:(?!\p{{L}}){_S}*:?{_S}*|(?=\p{{Lu}}))"
        ),
        date_words=_date_words(),
    )


def _date_words() -> frozenset[str]:
    d = date_tables()
    return frozenset((*d.months, *d.weekdays, *(w.casefold() for w in (*d.published, *d.updated))))


def is_byline_label(line: str) -> Role | None:
    """The role of a bare label line (``Penulis``, ``Editor :``, ``Oleh :``), else None.

    For layouts that print the label on one line and the name on the next; the caller can
    then read the next line with ``parse_byline(f"{role}: {next_line}", ...)``.
    """
    key = " ".join(line.strip(" \t\u00a0()[]:").split()).casefold()
    if not key or len(key) > 40:
        return None
    return _patterns().labels.get(key)


def looks_like_name(text: str) -> bool:
    """True when ``text`` reads as a person's name: 1-5 capitalised words (lowercase
    particles such as ``bin`` inside), no digits, URLs, outlets or newsroom words."""
    t = byline_tables()
    tokens = text.split()
    if not 1 <= len(tokens) <= MAX_NAME_WORDS or len(text) > 60:
        return False
    if any(c.isdigit() or c in "@/:()[]" for c in text) or "www." in text.casefold():
        return False
    token = _patterns().name_token
    for i, tok in enumerate(tokens):
        folded = tok.strip(".").casefold()
        if folded in t.not_name_words:
            return False
        if tok in t.name_particles and 0 < i < len(tokens) - 1:
            continue
        if not token.fullmatch(tok):
            return False
    if not any(sum(ch.isalpha() for ch in tok) >= 3 for tok in tokens):
        return False
    return not is_outlet(text)


_TRAILING_INITIALS = regex.compile(r"\s*\(\p{Ll}{1,4}\)\Z")
"""A desk's initials closing an author value: ``Julia Hitz (eg)``."""


def author_name(value: str) -> str | None:
    """The person's name in one value of an author slot (a page's ``author`` metadata, its
    byline element), else None: the slot's label comes off (``By``, ``Von``, ``Written by:``,
    glued ``ByAlex Doe``), then what is left must read as a name (:func:`looks_like_name`), so
    a label alone (``Article by``), a date word (``Publicado``, ``Donnerstag``), a handle
    (``wordpressadmin``) or a form's prompt (``Name *``) gives None.

    >>> author_name("Veröffentlicht vonChris Jung"), author_name("Written by: Jane Doe")
    ('Chris Jung', 'Jane Doe')
    >>> author_name("Publicado"), author_name("Article by"), author_name("karstenruppert")
    (None, None, None)
    """
    p = _patterns()
    text = " ".join(value.split())
    m = p.slot_label.match(text)
    if m is not None:
        text = text[m.end() :]
    text = _TRAILING_INITIALS.sub("", text).strip(" ,;:-|")
    if not text or text.casefold() in p.date_words or text.split()[0].casefold() in p.date_words:
        return None
    part = _clean_part(text)
    return part if part and looks_like_name(part) else None


def reads_as_name(text: str) -> bool:
    """:func:`looks_like_name`, a name printed in capitals (``RINA WULANDARI``) read as written
    in title case."""
    return looks_like_name(text.title() if text.isupper() else text)


_SIGNATURE = regex.compile(r"\A[ \t\u00a0]*[-–—*][ \t\u00a0]*(?P<name>[^\n]{3,60}?)[ \t\u00a0.]*\Z")
"""A signature closing a column or letter: ``- Rina Wulandari``, ``* TOK PERAK``."""


def signature_name(text: str) -> str | None:
    """The name of a signature line (a dash or a star, then a name only), else None."""
    m = _SIGNATURE.match(text)
    return m["name"] if m is not None and reads_as_name(m["name"]) else None


_OUTLET_WORDS = regex.compile(r"(?:The\s+)?(?:\p{Lu}[\p{L}&.'’-]*\s*){1,4}")


def _without_outlet_bracket(part: str) -> str:
    """``part`` without a closing ``(Outlet)`` (an outlet, an agency, or 1-4 capitalised words)
    and without the stray ``)*`` that opinion pages close a signature with."""
    stripped = part.strip()
    opening = stripped.rfind("(")
    closing = stripped.find(")", opening + 1) if opening > 0 else -1
    if closing != -1 and not stripped[closing:].strip(" \t)*"):
        outlet = stripped[opening + 1 : closing].strip()
        if 0 < len(outlet) <= 50 and (is_outlet(outlet) or _OUTLET_WORDS.fullmatch(outlet)):
            return stripped[:opening].rstrip()
    if "(" not in part:
        return part.rstrip(" )*")
    return part


_REPORT_PREFIX = "laporan"
"""The prefixes of a desk report (``Laporan Wartawan``, ``Laporan Reporter``): the outlet comes
first, before a comma, then the reporter's names."""
_CAPS_DOMAIN_TAIL = regex.compile(r"\s+\p{Lu}[\p{Lu}\p{N}-]+(?:\.\p{Lu}{2,4}){1,2}\Z")
"""An outlet's domain in capitals after a name: the dateline tag that follows a desk credit."""
_DOMAIN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}-]*(?:\.[\p{L}]{2,4}){1,2}")
"""An outlet written as its domain (``Kabari.com``)."""


DESK_OUTLET_WORDS = 3
"""A desk report's outlet (``Kabari Jogja``) has at most this many words."""


def _desk_outlet(text: str) -> bool:
    """Whether ``text`` (between ``Laporan Wartawan`` and a comma) names only the desk's outlet:
    an outlet, a domain, or a few words with no domain among them (``Kabari.com Rina
    Wulandari KABARI.COM`` is the outlet, the name and the dateline's tag, not an outlet)."""
    text = text.strip()
    if not text:
        return False
    if is_outlet(text) or _DOMAIN.fullmatch(text):
        return True
    words = text.split()
    return len(words) <= DESK_OUTLET_WORDS and not any("." in w for w in words)


def _clean_part(part: str) -> str | None:
    """One comma/``dan`` part, without a ``/Outlet``, `` - outlet`` or ``(Outlet)`` credit: the
    name candidate, or None when the part is only an outlet or agency."""
    part = " ".join(_without_outlet_bracket(part).split()).strip(" .,:;()[]'\"")
    if not part or is_outlet(part):
        return None
    if "." in part:  # "Rina Wulandari KABARI.COM": the dateline's tag glued after the name
        part = _CAPS_DOMAIN_TAIL.sub("", part)
    for dash in (" - ", " – ", " — "):
        left, sep, right = part.partition(dash)
        if sep and is_outlet(right):
            part = left.strip()
    if "/" in part:
        pieces = [p.strip() for p in part.split("/") if p.strip() and not is_outlet(p)]
        if len(pieces) != 1:
            return part
        part = pieces[0]
    return part


def _names(segment: str, *, strict: bool) -> tuple[str, ...] | None:
    """The names in a credit clause. Leading outlets and role descriptions
    (``Outlet.com``, ``Kontributor Lhokseumawe``) and trailing agencies are skipped;
    reading stops at the first part that is not a name (the rest is a description). With
    ``strict`` every part must be a name or an outlet, else None."""
    p = _patterns()
    names: list[str] = []
    for raw in p.splitter.split(segment):
        part = _clean_part(raw)
        if part is None:
            continue
        if looks_like_name(part):
            if part not in names:
                names.append(part)
            continue
        if strict:
            return None
        if not names and p.role_word.match(part):
            continue  # "Kontributor Lhokseumawe, Masriadi"
        break
    return tuple(names)


def _shift(stamp: DateMatch | None, offset: int) -> DateMatch | None:
    if stamp is None or offset == 0:
        return stamp
    return replace(stamp, start=stamp.start + offset, end=stamp.end + offset)


def _may_have_by(line: str) -> bool:
    """Whether ``line`` holds what :attr:`_Patterns.by` needs: a separator and ``by`` in any
    case (every one of its credit clauses ends in `` by``)."""
    return ("," in line or ";" in line or "|" in line) and (
        "by" in line or "By" in line or "BY" in line or "bY" in line
    )


def _colon_words(backwards: Any, line: str, pos: int) -> Iterator[Any]:
    """What a forward ``finditer`` of a word (letters, digits, ``/``), spaces and a colon
    from ``pos`` finds, read backwards from each colon: the forward scan tries every letter of every word (slow on
    prose), while a word before a colon is found in one step from the colon."""
    colon = line.find(":", pos)
    while colon != -1:
        m = backwards.search(line, pos, colon + 1)
        if m is not None:
            yield m
            pos = colon + 1
        colon = line.find(":", colon + 1)


_PREFIX_LEAD = " \t\n\r\x0b\x0c(["
"""ASCII characters the prefix pattern's ``[\\s(\\[]*`` skips."""


def _may_open_with_prefix(line: str, letters: str) -> bool:
    """False when ``line`` opens (past ``_PREFIX_LEAD``) with an ASCII letter no prefix opens
    with: the prefix pattern cannot match there. Any other character is left to the pattern
    (an ignore-case ``regex`` pattern folds some non-ASCII letters to ASCII ones)."""
    first = line.lstrip(_PREFIX_LEAD)[:1]
    return not (("a" <= first <= "z" or "A" <= first <= "Z") and first not in letters)


def _labelled(line: str, default_tz: dt.tzinfo | None) -> Byline | None:
    p = _patterns()
    hits: list[tuple[int, int, Role]] = []
    m = p.prefix.match(line) if _may_open_with_prefix(line, p.prefix_letters) else None
    pos = 0
    if m is not None:
        role = p.roles[m.lastgroup or "pa"]
        end = m.end()
        if m.group(m.lastgroup or "pa").casefold().startswith(_REPORT_PREFIX):
            # "Laporan Wartawan Kabari Jogja, Rina Wulandari" (or "… Kabari Medan / Rina …"): the
            # desk's outlet, then the names
            cut = [i for i in (line.find(",", end, end + 60), line.find(" / ", end, end + 60)) if i != -1]
            if cut and _desk_outlet(line[end : min(cut)]):
                end = min(cut) + (1 if line[min(cut)] == "," else 3)
        hits.append((m.start(m.lastgroup), end, role))
        pos = end
    opening = len(line) - len(line.lstrip(" \t\u00a0([\u200b"))
    found: list[tuple[int, int, Role]] = []
    for m in _colon_words(p.colon_word, line, pos):
        word, start = m.group(1), m.start(1)
        label_role = p.colon_labels.get(word.casefold())
        if label_role is None:  # a label glued to the word before: "AkbarEditor:", "2023Pewarta:"
            for i in range(1, len(word)):
                if word[i].isupper() and (label_role := p.glued_labels.get(word[i:])) is not None:
                    start += i
                    break
        if label_role is not None:
            found.append((start, m.end(), label_role))
    for m in p.by.finditer(line, pos) if _may_have_by(line) else ():
        group = m.lastgroup or "ba"
        found.append((m.start(group), m.end(), p.roles[group]))
    for start, end, role in sorted(found):
        if not hits:
            before = line[:start].rstrip(" \t\u00a0")
            glued = start > 0 and not line[start - 1].isspace()
            if not (start <= opening or glued or before.endswith(("|", ";", "•", "("))):
                return None
        hits.append((start, end, role))
    if not hits:
        return None
    authors: list[str] = []
    editors: list[str] = []
    rest_at = len(line)
    for i, (_, end, role) in enumerate(hits):
        stop = hits[i + 1][0] if i + 1 < len(hits) else len(line)
        segment = line[end:stop]
        t = p.terminator.search(segment)
        if t is not None:
            if i + 1 == len(hits):
                rest_at = end + t.start()
            segment = segment[: t.start()]
        dated = _date_in(segment, default_tz) if any(c.isdigit() for c in segment) else None
        if dated is not None:  # "Oleh X pada 12 Februari 2024", "By X Updated 10:12 AM EST, …"
            if i + 1 == len(hits):
                rest_at = min(rest_at, end + dated)
            segment = segment[:dated]
            joint = _CONNECTOR_END.search(segment)  # (read backwards from the end: linear)
            if joint is not None:
                segment = segment[: joint.start()]
        names = _names(segment.lstrip(" \t\u00a0:"), strict=False) or ()
        target = authors if role == "author" else editors
        target.extend(n for n in names if n not in target)
    stamp = _shift(find_timestamp(line[rest_at:], default_tz=default_tz), rest_at)
    if not (authors or editors or stamp):
        return None
    return Byline(tuple(authors), tuple(editors), stamp, start=hits[0][0])


_CONNECTOR_END = regex.compile(
    r"(?r)(?i:[\s,|•·–—-]+(?:(?:pada|on|at|updated|published|posted|diperbarui|diterbitkan|dipublikasikan)\b[\s:,]*"
    r"|\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?\b[\s,]*)*)\Z"
)
"""What joins a credit's names to the date after them (``pada``, ``Updated``, a dash, a time
the date search left before the date: ``Updated 10:12 AM EST, Mon March 4, 2024``)."""
_CONNECTOR_START = regex.compile(
    r"\A[\s(\[]*(?i:(?:published|posted|updated|diterbitkan|dipublikasikan|diperbarui|on|pada)\b[\s:,]*)*\Z"
)
"""What may precede a date that opens a credit line (``Published March 4, 2024 By X``)."""


def _date_in(segment: str, default_tz: dt.tzinfo | None) -> int | None:
    """Where a date starts in a credit clause after its names (None: no date, or no name before it)."""
    stamp = find_timestamp(segment, default_tz=default_tz)
    if stamp is None or not segment[: stamp.start].strip(" \t\u00a0:"):
        return None
    return stamp.start


_LEFT_STRIP = " \t\u00a0|•·:,-–—/"


def _unlabelled(line: str, default_tz: dt.tzinfo | None) -> Byline | None:
    p = _patterns()
    stripped = " ".join(line.split()).strip(" .")
    if stripped.casefold() in p.collective:
        return Byline((), (), None)
    stamp = find_timestamp(line, default_tz=default_tz)
    if stamp is not None:
        if stamp.start > 0 and line[stamp.start - 1].isalnum():
            return None  # "Showbiz15 Feb 2016": a label glued to a date, not a byline
        left = line[: stamp.start].strip(_LEFT_STRIP)
        words = left.split()
        while words and words[0].casefold().strip(":") in ("on", "published", "posted", "diperbarui",
                                                            "updated", "diterbitkan"):
            words.pop(0)
        left = " ".join(words).strip(_LEFT_STRIP)
        if not left or any(c in left for c in "|•·"):
            return None
        if is_outlet(left):
            return Byline((), (), stamp, labelled=False)
        names = _names(left, strict=True)
        if not names:  # "Rina Wulandari, Jurnalis · Senin …": the name, then its role
            names = _name_and_title(left)
        return Byline(names, (), stamp, labelled=False) if names else None
    if "," in stripped and (names := _name_and_title(stripped)):
        return Byline(names, (), None, labelled=False)  # "Jane Doe, Staff Writer"
    for dash in (" - ", " – ", " — ", " | "):
        left, sep, right = stripped.partition(dash)
        if sep and is_outlet(right) and not is_outlet(left):
            names = _names(left, strict=True)
            return Byline(names, (), None, labelled=False) if names else None
    return None


def _name_and_title(text: str) -> tuple[str, ...]:
    """The name of ``Name, Job Title`` (``Rina Wulandari, Jurnalis``), else ``()``."""
    head, comma, title = text.rpartition(",")
    title = " ".join(title.split()).strip(" .").casefold()
    if not comma or (title not in byline_tables().job_titles and is_byline_label(title) is None):
        return ()
    return _names(head, strict=True) or ()


_AGENCY_SPLIT = regex.compile(r"[/,;&]|(?<!\S)(?:and|dan|serta)(?!\S)")
"""Between the agencies of a credit (the parts are stripped after the split)."""


def is_agency_credit(line: str) -> bool:
    """True when ``line`` is a role label or prefix followed by agencies and outlets only, no
    person (``Oleh: MAGAZINE/AGENCY``, ``Penulis: AGENCY``): the credit of a wire story,
    whose names are not authors. A person among them (``Oleh: Budi Santoso/AGENCY``) makes it
    a byline (:func:`parse_byline`), not this.
    """
    if not line.strip() or len(line) > MAX_BYLINE:
        return False
    p = _patterns()
    m = p.prefix.match(line) if _may_open_with_prefix(line, p.prefix_letters) else None
    if m is None:
        label, colon, _ = line.partition(":")
        if not colon or is_byline_label(label) is None:
            return False
        rest = line[len(label) + 1 :]
    else:
        rest = line[m.end() :]
    parts = [q.strip(" .()[]") for q in _AGENCY_SPLIT.split(rest.strip(" .:"))]
    parts = [q.removeprefix("The ") for q in parts if q]
    return bool(parts) and all(is_outlet(q) for q in parts)


def parse_labelled_byline(line: str, *, default_tz: dt.tzinfo | None, slashed: bool = False) -> Byline | None:
    """:func:`parse_byline` when its answer is a labelled credit with a name, else None
    (``slashed``: the blog-theme form ``… / By X / date`` counts as one, as there).

    The unlabelled forms (``Name • date``) are never read, so callers that trust only a
    labelled credit (the page margins, a byline line among the closing pieces) skip their
    cost: a date looked for in every short line."""
    if not line.strip() or len(line) > MAX_BYLINE:
        return None
    found = (_slashed(line, default_tz) if slashed else None) or _labelled(line, default_tz)
    if found is None or not (found.authors or found.editors):
        return None
    return found


def parse_byline(line: str, *, default_tz: dt.tzinfo | None) -> Byline | None:
    """Read one byline or credit line; None when the line is not one.

    Labelled credits, the label opening the line or glued to the text before it:
    ``Penulis: X``, ``Reporter : X | Editor: Y``, ``Pewarta: AEditor: B COPYRIGHT © AGENCY``,
    ``(Penulis: A | Editor: B)``, ``Oleh X``, ``By X and Y``, ``By X, Agency``,
    ``Laporan Wartawan Outlet.com, X``, ``Reporter: X/Outlet.com``, ``Red: Y``,
    ``Reporting by A; Editing by B``. Unlabelled: ``Name • 27 Januari 2022 12:06``,
    ``Name | Jum'at, 17 Februari 2017 - 13:30 wib``, ``Name - outletNews``,
    ``Outlet.com - 21/01/2019, 22:05 WIB`` (timestamp only), ``Tim Redaksi`` (a credit
    without a person: empty authors). A line that is only a date is not a byline (use
    :func:`~newsclean.metadata.dates.find_timestamp`).

    Roles, outlets, agencies and separators are stripped; ``A, B dan C`` gives three names;
    a part that is not a person's name (see :func:`looks_like_name`) ends the clause. A
    labelled line whose clauses hold no name and no time is not a byline (``Oleh karena
    itu, ...``).
    """
    if not line.strip() or len(line) > MAX_BYLINE:
        return None
    return _recent_bylines(line, default_tz)


_SLASHED = regex.compile(r"(?:\A|\s/\s)(?P<by>(?i:by|oleh)\s[^/\n]{2,80}?)\s/\s(?P<rest>.*)\Z")
"""A blog-theme byline, its parts between slashes: ``In Cars, Local News / By Mick Chan /
7 March 2018 10:53 am / 42 comments``."""


def _slashed(line: str, default_tz: dt.tzinfo | None) -> Byline | None:
    m = _SLASHED.search(line) if " / " in line else None
    if m is None:
        return None
    found = _labelled(m.group("by"), default_tz)
    if found is None or not found.authors:
        return None
    stamp = _shift(find_timestamp(m.group("rest"), default_tz=default_tz), m.start("rest"))
    return Byline(found.authors, found.editors, stamp)


def _parse_byline(line: str, default_tz: dt.tzinfo | None) -> Byline | None:
    found = _slashed(line, default_tz) or _labelled(line, default_tz) or _dated_first(line, default_tz)
    if found is not None:
        return found
    return _unlabelled(line, default_tz)


def _dated_first(line: str, default_tz: dt.tzinfo | None) -> Byline | None:
    """A date, then the labelled credit: ``Published March 4, 2024 By Jane Doe``."""
    if not any(c.isdigit() for c in line):
        return None
    stamp = find_timestamp(line, default_tz=default_tz)
    if stamp is None or not _CONNECTOR_START.match(line[: stamp.start]):
        return None
    rest = line[stamp.end :]
    found = _labelled(rest, default_tz)
    if found is None or not found.authors or found.start > len(rest) - len(rest.lstrip(" \t\u00a0|•·,-–—")):
        return None
    return Byline(found.authors, found.editors, stamp, start=stamp.start)


RECENT = 256
"""Answers of :func:`parse_byline` kept (its lines are at most :data:`MAX_BYLINE` characters):
the layout and header rules ask about the same header lines, each in its turn."""
_recent_bylines = functools.lru_cache(maxsize=RECENT)(_parse_byline)
