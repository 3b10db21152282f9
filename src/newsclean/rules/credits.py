"""Credits at the edges of a story: editor initials ``(FJR)`` ``(krs/pur)``, copyright lines,
syndication lines (``Artikel ini telah tayang di …``), trailing source lines (``Sumber: Agency``)
and the reporter/editor credit lines (``Pewarta: X``, ``Editor: Y``), whose names go to the
article's authors and editors."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import Any

import regex

from newsclean.document import Decision, Document, Meta, Piece
from newsclean.metadata._outlets import outlet_patterns
from newsclean.metadata.byline import (
    is_agency_credit,
    is_outlet,
    parse_byline,
    parse_labelled_byline,
    reads_as_name,
    signature_name,
)
from newsclean.model import Kind
from newsclean.phrases import Matcher, Phrasebook, compile_matcher

# editor initials at the very end of a piece, after a sentence end or alone
_INITIALS = regex.compile(
    r"(?:(?<=[.!?\"”’')\]]\s*)|\A\s*)\(\s*(?:\*|[\p{Ll}]{2,5}(?:\s*/\s*[\p{Ll}]{2,5}){0,3}"
    r"|[\p{Lu}]{2,5}(?:\s*/\s*[\p{Lu}]{2,5}){0,3})\s*\)\s*\Z"
)
MAX_CREDIT_WORDS = 30
_RULE = "credits"
TAIL_PIECES = 3
"""Credits sit in the last pieces of a story."""
BYLINE_PIECES = 6
"""A byline line alone (``Oleh: Name (Outlet)``) below a deck sits within the first pieces."""
BYLINE_WORDS = 25
DECK_WORDS = 25
"""A piece this long above a byline line is a deck or a first paragraph: the header rule,
which reads the lines above the first such piece, never reaches the byline under it."""
# a reporter credit in parentheses closing the story: (Lita Febriani), (Outlet.com/Nama Orang)
_NAME_CREDIT = regex.compile(r"(?:(?<=[.!?\"”’]\s{0,3})|\A\s*)\((?P<names>[^()\n]{3,160})\)\s*\Z")
_PERSON = regex.compile(r"\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}")
_OUTLET = regex.compile(r"(?i:[\w-]+\.(?:com|co\.id|id|net|org))\b|\A[\p{Lu}\s]{2,30}\Z")
"""An outlet part of a credit (``Outlet.com``) or an all-capitals tag (``AGENCY``); the
case flag covers the domain only (a global ``(?i)`` made every short part an outlet)."""


_OUTLET_CODE = regex.compile(r"\p{Ll}{5,20}")
"""An outlet's code in a credit, in lower case and longer than editor initials: ``kabarkita``."""
_ONE_NAME = regex.compile(r"\p{Lu}\p{Ll}{3,}")


@functools.cache
def _tail_patterns() -> tuple[Any, Any]:
    """The outlet or wire tail closing a story (``… kata dia. - OUTLET ONLINE``, ``— Agency``),
    and the date tail (``….-11/4/2018``, ``- OUTLET 6/11/2017``), built from ``outlets.toml``."""
    names = outlet_patterns()
    after = r"(?:(?<=[.!?\"”’)\]])[ \t\u00a0]*|\A[ \t\u00a0]*)"
    outlet = regex.compile(rf"{after}[-–—]{{1,2}}[ \t\u00a0]*(?:{names.outlet}|{names.agency})[ \t\u00a0.]*\Z")
    dated = regex.compile(
        rf"{after}[-–—][ \t\u00a0]*(?:(?:{names.outlet}|{names.agency})[ \t\u00a0]+)?"
        r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d\d)[ \t\u00a0]*\Z"
    )
    return outlet, dated




def _tail(piece: Piece, text: str, signed: bool) -> Decision | None:
    """An outlet, wire or date tail closing ``text``, or (``signed``: the last piece, not an
    item of a list) a signature line."""
    if "-" not in text and "–" not in text and "—" not in text and "*" not in text:
        return None
    outlet, dated = _tail_patterns()
    m = outlet.search(text, max(0, len(text) - 80))
    if m is not None:
        return piece.cut(m.start(), len(text.rstrip()), _RULE, "credit:outlet_tail")
    m = dated.search(text, max(0, len(text) - 80))
    if m is not None:
        try:
            day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        except ValueError:
            return None
        return piece.cut(m.start(), len(text.rstrip()), _RULE, "credit:date_tail", kind=Kind.METADATA,
                         meta=Meta(timestamp=day))
    name = signature_name(text) if signed else None
    if name is not None:
        return piece.drop(_RULE, "credit:signature", kind=Kind.METADATA, meta=Meta(authors=(name,)))
    return None


_BIO_REASONS = ("writer_bio", "freelance_bio")
"""The credit families whose line is a writer's bio."""
_BIO_NAME = regex.compile(
    r"\A[ \t\u00a0]*(\p{Lu}[\p{L}.'’-]*(?:[ \t\u00a0]+\p{Lu}[\p{L}.'’-]*){1,4})"
    r"(?=[ \t\u00a0]*,|[ \t\u00a0]+\p{Ll})"
)
"""The capitalised words a bio opens with, up to a comma or the first lower-case word."""


def _bio_name(text: str) -> str | None:
    """The writer a bio line opens with (``M. Rina Wulandari, penulis adalah …``, ``RINA
    WULANDARI adalah seorang peguam …``), when it reads as a name of two words or more."""
    m = _BIO_NAME.match(text)
    if m is None:
        return None
    name = m.group(1)
    return name if reads_as_name(name) else None


def _closes_bracket(text: str) -> bool:
    """Whether ``text`` ends with ``)`` (trailing spaces aside): a cheap test before the
    patterns anchored on a closing bracket at the end, which scan the whole piece."""
    return text.rstrip().endswith(")")


def _search_last_bracket(pattern: Any, text: str) -> Any:
    """``pattern.search(text)`` for ``_INITIALS`` and ``_NAME_CREDIT``: a bracket closing the
    text, with no bracket inside, opened after a sentence end (a lookbehind) or after nothing
    but spaces (``\\A\\s*``). Its ``(`` is the text's last one, so the search starts there (the
    lookbehind still reads what comes before), unless only spaces come before it."""
    k = text.rfind("(")
    if k == -1:
        return None
    return pattern.search(text, 0 if k == 0 or text[:k].isspace() else k)


MEMO_CHARS = 64
"""Pieces of the story's body this short are read once per text (see :meth:`Credits.decide`):
a text repeated down a page is short."""
MEMO_SIZE = 4096
"""At most this many texts are remembered per document."""


def _relative(d: Decision, by: int) -> Decision:
    """``d`` moved ``by`` characters to the left."""
    return Decision(d.start - by, d.end - by, d.rule, d.reason, d.kind, d.meta)


class Credits:
    name = "credits"

    def __init__(self, book: Phrasebook) -> None:
        labels = sorted(book.labels("credits"), key=len, reverse=True)
        self._labels = tuple(labels)
        alt = "|".join(regex.escape(label) for label in labels)
        # a credit label, at the start of a piece or glued to the end of the last sentence
        self._credit = regex.compile(rf"(?:(?<=[\p{{L}}\p{{N}}.,!?\"”’)\s])|\A)\(?\s*(?:{alt})\s*:")
        self._lines = compile_matcher(book.get("credits", "lines"), anchor=r"\A\s*", suffix=r"[\s.]*\Z")
        self._starts = compile_matcher(book.get("credits", "starts"), anchor=r"\A\s*")
        self._inline_matcher = compile_matcher(book.get("credits", "inline"))

    def decide(self, doc: Document) -> Iterator[Decision]:
        pieces = doc.pieces
        last = len(pieces) - 1
        lines, starts, inline = doc.narrow(self._lines), doc.narrow(self._starts), doc.narrow(self._inline_matcher)
        deck = next((i for i, p in enumerate(pieces[:BYLINE_PIECES]) if p.words >= DECK_WORDS), BYLINE_PIECES)
        memo: dict[str, tuple[int, list[Decision]]] = {}  # text -> its line literals, decisions
        for idx, piece in enumerate(pieces):
            tail = idx > last - TAIL_PIECES
            if deck < idx < BYLINE_PIECES or tail:
                if (found := _byline_line(piece)) is not None:
                    yield found
                    continue
                if piece.words <= BYLINE_WORDS and is_agency_credit(piece.clean):
                    yield piece.drop(self.name, "credit:agency_byline")
                    continue
            elif len(piece.text) <= MEMO_CHARS:
                # in the story's body a piece's decisions are its text's alone (and its line's
                # literals): a text the document repeats (a column of '(abc)' markers, of
                # digits) is read once, its decisions moved to each piece that says it again
                known = memo.get(piece.text)
                if known is not None and known[0] == piece.mask:
                    for d in known[1]:
                        yield _relative(d, -piece.start)
                    continue
                out: list[Decision] = []
                self._body_credits(piece, lines, starts, inline, out)
                if len(memo) < MEMO_SIZE:
                    memo[piece.text] = (piece.mask, [_relative(d, piece.start) for d in out])
                yield from out
                continue
            out = []
            rest = self._body_credits(piece, lines, starts, inline, out)
            yield from out
            if rest is None:
                continue
            text = rest
            # reporter / editor credit lines, in the last pieces of the story
            if tail:
                signed = idx == last and idx > 0 and pieces[idx - 1].text.lstrip()[:1] not in "-–—*•"
                if (found := _tail(piece, text, signed)) is not None:
                    yield found
                    continue
                names = _name_credit(text)
                if names is not None:
                    start, authors = names
                    meta = Meta(authors=authors) if authors else None
                    yield piece.cut(start, len(text.rstrip()), self.name, "credit:name_in_parentheses",
                                    kind=Kind.METADATA, meta=meta)
                    continue
                yield from self._credit_line(piece, text)

    def _body_credits(
        self, piece: Piece, lines: Matcher | None, starts: Matcher | None, inline: Matcher | None, out: list[Decision]
    ) -> str | None:
        """The credits a piece of the story's body holds (editor's initials, credit lines and
        labels), put in ``out``; the text left for the tail's tests, or ``None`` when the
        piece is done."""
        text = piece.text
        lower: str | None = piece.lower  # text.lower(), computed once per piece
        m = _search_last_bracket(_INITIALS, text) if _closes_bracket(text) else None
        if m:
            out.append(piece.cut(m.start(), m.end(), self.name, "editor_initials"))
            text = text[: m.start()]
            lower = None
            if not text.strip():
                return None
        if lines is not None and len(text) < 300:
            hit = lines.match(text, lower, piece.mask)
            if hit:
                out.append(self._credit_drop(piece, "credit:" + hit.id))
                return None
        if starts is not None:
            hit = starts.match(text, lower, piece.mask)
            if hit and len(text[hit.end:].split()) <= MAX_CREDIT_WORDS:
                out.append(piece.cut(hit.start, len(text.rstrip()), self.name, "credit:" + hit.id))
                return None
        if inline is not None:
            hit = inline.search(text, lower, piece.mask)
            if hit and len(text[hit.end:].split()) <= MAX_CREDIT_WORDS:
                out.append(piece.cut(hit.start, len(text.rstrip()), self.name, "credit:" + hit.id))
                text = text[: hit.start]
        return text

    def _credit_drop(self, piece: Piece, reason: str) -> Decision:
        """Drop a whole credit line; a byline among them (``By X``) keeps its names, and a
        writer's bio (``NAME is a lecturer at …``) the name it opens with."""
        byline = parse_byline(piece.clean, default_tz=None)
        if byline is not None and (byline.authors or byline.editors):
            meta = Meta(authors=byline.authors, editors=byline.editors)
            return piece.drop(self.name, reason, kind=Kind.METADATA, meta=meta)
        if reason.endswith(_BIO_REASONS) and (name := _bio_name(piece.clean)) is not None:
            return piece.drop(self.name, reason, kind=Kind.METADATA, meta=Meta(authors=(name,)))
        return piece.drop(self.name, reason)

    def _credit_line(self, piece: Piece, text: str) -> Iterator[Decision]:
        if ":" not in text:
            return  # a credit is a label from the list closed by a colon
        first = _label_search_start(text, self._labels)
        if first == -1:
            return
        m = self._credit.search(text, first)
        if not m:
            return
        tail = text[m.start():]
        if len(tail.split()) > MAX_CREDIT_WORDS:
            return
        byline = parse_byline(tail.strip(), default_tz=None)
        if byline is None or not (byline.authors or byline.editors):
            return
        meta = Meta(authors=tuple(byline.authors), editors=tuple(byline.editors))
        yield piece.cut(m.start(), len(text.rstrip()), self.name, "credit:byline", kind=Kind.METADATA, meta=meta)


def _byline_line(piece: Piece) -> Decision | None:
    """A piece that is a labelled byline and nothing else (``Oleh: A, B dan C (Outlet Name)``,
    ``Oleh Rangga Jingga``, ``By Jane Doe``): its names go to the authors."""
    if piece.words > BYLINE_WORDS:
        return None
    byline = parse_labelled_byline(piece.clean, default_tz=None, slashed=True)
    if byline is None or byline.start != 0 or not byline.authors:
        return None
    meta = Meta(authors=byline.authors, editors=byline.editors)
    return piece.drop(_RULE, "credit:byline_line", kind=Kind.METADATA, meta=meta)


def _label_search_start(text: str, labels: tuple[str, ...]) -> int:
    """Where a search for a credit label (``\\(?\\s*`` and a label, see ``Credits._credit``)
    may start: before the first label in ``text``, its spaces and the ``(`` it may open with
    (-1: no label). A long paragraph holding a label late is not searched from its start."""
    first = min((at for label in labels if (at := text.find(label)) != -1), default=-1)
    if first == -1:
        return -1
    while first > 0 and text[first - 1].isspace():
        first -= 1
    if first > 0 and text[first - 1] == "(":
        first -= 1
    return first


def _name_credit(text: str) -> tuple[int, tuple[str, ...]] | None:
    """``(start, person names)`` of a parenthesised credit closing ``text``, if it is one."""
    if not _closes_bracket(text):
        return None
    m = _search_last_bracket(_NAME_CREDIT, text)
    if not m:
        return None
    parts = [p.strip() for p in m.group("names").split("/")]
    outlets = [p for p in parts if _OUTLET.search(p) or is_outlet(p) or _OUTLET_CODE.fullmatch(p)]
    people = []
    for part in parts:
        if part in outlets:
            continue
        # with an outlet beside it, one capitalised word is a reporter's name: (Hardianto/kabarkita)
        if not (_PERSON.fullmatch(part) or (outlets and _ONE_NAME.fullmatch(part))):
            return None
        people.append(part)
    if not people and len(parts) < 2:
        return None
    return m.start(), tuple(people)
