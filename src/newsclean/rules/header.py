"""The header lines above the story: the headline, the byline and the timestamp line.

The header zone is what comes before the first body paragraph (at most ``MAX_HEADER``
pieces). In it, byline and date lines become authors and a timestamp; the headline is the
first title-shaped line, taken only when the header shows it is one (a byline or date line
is near, or the story opens with a dateline right after it): a short first paragraph is
never mistaken for a title.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import regex

from newsclean.document import Decision, Document, Meta, Piece
from newsclean.metadata.byline import is_byline_label, looks_like_name, parse_byline
from newsclean.metadata.dateline import match_opening_dateline, opens_story
from newsclean.metadata.dates import find_timestamp
from newsclean.model import Kind
from newsclean.phrases import Phrasebook
from newsclean.shapes import ends_sentence, headline_case, is_meta, title_shaped

MAX_HEADER = 12
MAX_TITLE_WORDS = 30
MAX_DATE_LINE_WORDS = 16
DATELINE_SEARCH = 6
"""How far down the story's dateline may open it (below captions, title and byline)."""
DEEP_DATELINE_SEARCH = 14
"""How far down a dateline may open the story on a page whose header left page furniture
(captions, share labels, related headlines) above it: only a tagged dateline
(``KUTA, OUTLET.com —``, ``(AGENCY News) -``), or any dateline under furniture alone."""
DEEP_MAX_WORDS = 50
"""A piece this long above a deep dateline is story text: the dateline is not the opening."""
ALONE_NEXT_WORDS = 5
"""A dateline alone on its line (``Jakarta -``) opens the story when a piece of at least
this many words follows it."""
CAPTION_MIN_WORDS = 8
HTML_STORY_ABOVE = 3
"""On an HTML page's text, this many sentence lines above the dateline are story, not captions."""
_SENTENCE_END = regex.compile(r"[.!?][\"”’')]*\s*\Z")
_PHOTO_CREDIT_END = regex.compile(r"\((?:[\p{Lu}][\p{L}.]*[ /]?){1,4}\)\Z")
"""A photo caption's credit closing the line: ``…Raja Ampat(Auriga Nusantara)``."""


def is_body(piece: Piece) -> bool:
    """A piece that reads as story text, not as a header line."""
    words = piece.words
    if words >= 25:
        return True
    text = piece.text.strip()
    if words >= 8 and _SENTENCE_END.search(text) and not _asks_like_headline(text, words):
        return True
    m = match_opening_dateline(text)
    return m is not None and words >= 6 and opens_story(text, m)


QUESTION_TITLE_MAX_WORDS = 16


def _asks_like_headline(text: str, words: int) -> bool:
    """A headline ending in ``?`` or ``!`` (``… Apa Iya Betul Dicabut?``): short, capitalised
    words throughout, unlike a question in the story."""
    if words > QUESTION_TITLE_MAX_WORDS or not text.endswith(("?", "!")) or not text[:1].isupper():
        return False
    tokens = text.split()
    return sum(1 for t in tokens if t[:1].isupper() or t[:1].isdigit()) >= 0.6 * len(tokens)


def _opens_here(pieces: list[Piece], i: int) -> tuple[bool, bool] | None:
    """Whether ``pieces[i]`` opens the story with a dateline: ``(tagged, alone)``, else None.

    A dateline alone on its line (``Jakarta -``) counts when a piece of some length follows.
    """
    piece = pieces[i]
    m = match_opening_dateline(piece.text)
    if m is None or not opens_story(piece.text, m):
        return None
    if piece.words >= 6:
        return m.tagged, False
    alone = not piece.text[m.end :].strip()
    if alone and i + 1 < len(pieces) and pieces[i + 1].words >= ALONE_NEXT_WORDS:
        return m.tagged, True
    return None


def _dateline_anchor(pieces: list[Piece], from_html: bool = False) -> int | None:
    """Index of the piece, among the first few, that opens the story with a dateline.

    Among the first :data:`DATELINE_SEARCH` pieces any dateline that opens a story counts;
    further down (to :data:`DEEP_DATELINE_SEARCH`), a tagged one, or one under pieces none
    of which reads as story text, and never one under a long paragraph. On a page's text
    (``from_html``), below the first line, an untagged ``Word:`` opening counts only when the
    place is in capitals (``JAKARTA:``): ``Kosten:``, ``Zum Vergleich:``, ``Hinweis:`` are the
    labels of a page's own paragraphs.
    """
    body_above = long_above = False
    for i, piece in enumerate(pieces[:DEEP_DATELINE_SEARCH]):
        found = _opens_here(pieces, i)
        if found is not None and from_html and i > 0 and not found[0]:
            m = match_opening_dateline(piece.text)
            colon = m is not None and piece.text[: m.end].rstrip().endswith(":")
            if m is not None and colon and not (m.place or "").isupper():
                found = None
        if found is not None and (i < DATELINE_SEARCH or (not long_above and (found[0] or not body_above))):
            return i
        long_above = long_above or piece.words >= DEEP_MAX_WORDS
        body_above = body_above or is_body(piece)
    return None


@dataclass(frozen=True, slots=True)
class _Zone:
    """The header zone of a document: the pieces above the story, and what sits around them."""

    pieces: list[Piece]
    """The header's pieces, from the top of the document."""
    anchor: int | None
    """Index of the piece whose dateline opens the story (the zone ends right above it), or None."""
    body_follows: bool
    """Whether story text follows the zone (a body piece or the dateline that opens the story)."""
    decks: list[Piece]
    """Standfirst sentences between the headline and the date or byline lines under them."""
    following: Piece | None
    """The first piece below the zone."""

    def at(self, i: int) -> Piece | None:
        """The zone's piece ``i``; the piece below the zone just past its end; else None."""
        if i < len(self.pieces):
            return self.pieces[i]
        return self.following if i == len(self.pieces) else None


def find_zone(pieces: list[Piece], from_html: bool, tz: dt.tzinfo | None) -> _Zone | None:
    """The header zone: everything above the dateline that opens the story; without one, the
    pieces up to the first body piece (at most :data:`MAX_HEADER`) and then any standfirst
    (deck) with the date or byline lines below it. None when the document opens with its story."""
    anchor = _dateline_anchor(pieces, from_html)
    decks: list[Piece] = []
    if anchor is not None:
        zone, body_follows = pieces[:anchor], True
    else:
        zone, body_follows = [], False
        for piece in pieces[:MAX_HEADER]:
            if is_body(piece):
                body_follows = True
                break
            zone.append(piece)
        if zone:
            end = _meta_below(pieces, len(zone), tz)
            decks = [p for p in pieces[len(zone) : end] if not _is_meta(p, tz)]
            zone = pieces[:end]
    if not zone:
        return None
    following = pieces[len(zone)] if len(zone) < len(pieces) else None
    return _Zone(zone, anchor, body_follows, decks, following)


@dataclass(slots=True)
class _Walk:
    """What the walk over the header zone gathers, piece by piece."""

    decisions: list[Decision] = field(default_factory=list)
    title: Piece | None = None
    """The first title-shaped line: the headline, once :meth:`Header._confirm_title` confirms it."""
    title_rest: Piece | None = None
    """The headline's wrapped end on the line below it."""
    found_byline: bool = False
    """Whether a byline or date line was read (a headline with one is confirmed)."""
    pending_label: str | None = None
    """A byline label (``Penulis``) whose name is read from the next line."""
    leftovers: list[Piece] = field(default_factory=list)
    """Pieces above the story's dateline that are no header line: captions or header material."""


class Header:
    name = "header"

    def __init__(self, book: Phrasebook, default_tz: dt.tzinfo | None = None) -> None:
        self.default_tz = default_tz
        self._small = frozenset(w.lower() for w in book.labels("headline_words"))

    def decide(self, doc: Document) -> Iterator[Decision]:
        tz = doc.meta.get("default_tz", self.default_tz)
        assert tz is None or isinstance(tz, dt.tzinfo)
        zone = find_zone(doc.pieces, bool(doc.meta.get("from_html")), tz)
        if zone is None:
            return
        walk = _Walk()
        self._read_zone(zone, walk, tz)
        self._bare_name(zone, walk)
        if walk.title is not None and not walk.found_byline and walk.title_rest is None:
            # a byline right under the headline that an earlier rule removed (``By X``)
            walk.found_byline = _byline_removed_after(doc, walk.title, tz)
        if zone.anchor is not None:
            self._place_above_dateline(zone, doc.pieces[zone.anchor], walk)
        self._confirm_title(doc, zone, walk)
        self._drop_leftovers(doc, walk)
        yield from walk.decisions

    def _read_zone(self, zone: _Zone, walk: _Walk, tz: dt.tzinfo | None) -> None:
        """Walk the zone's pieces top down: each is page furniture above the article block's
        headline, a byline (or its label), a date line, the title or its continuation, or is
        left over."""
        headline_at = _headline_above_byline(zone.pieces, self._title_shaped)
        for i, piece in enumerate(zone.pieces):
            if headline_at is not None and i < headline_at:
                # above the article block's headline: the page's menus, tickers, its date of
                # today and other stories' headlines, none of them this story's
                walk.decisions.append(piece.drop(self.name, "header:above_headline"))
                continue
            if (
                self._read_after_label(piece, walk, tz)
                or self._read_byline_label(zone, i, walk)
                or self._read_byline(piece, walk, tz)
                or self._read_date_line(piece, walk, tz)
            ):
                continue
            self._read_title_or_leftover(zone, i, walk, tz)

    def _read_after_label(self, piece: Piece, walk: _Walk, tz: dt.tzinfo | None) -> bool:
        """The line under a byline label (``Penulis`` / ``Isna Rifka``) read as that label's
        byline. The label is pending for this one line only."""
        if walk.pending_label is None:
            return False
        byline = parse_byline(f"{walk.pending_label}: {piece.clean}", default_tz=tz)
        walk.pending_label = None
        if byline is None or not (byline.authors or byline.editors):
            return False
        walk.decisions.append(self._byline(piece, byline.authors, byline.editors, None))
        walk.found_byline = True
        return True

    def _read_byline_label(self, zone: _Zone, i: int, walk: _Walk) -> bool:
        """A byline label alone on its line (``Penulis``, ``Editor``): dropped, and the name is
        the line above it (name above its role) or, pending, the line below it."""
        piece = zone.pieces[i]
        label = is_byline_label(piece.clean)
        if label is None:
            return False
        walk.decisions.append(piece.drop(self.name, "byline:label", kind=Kind.METADATA))
        prev = zone.pieces[i - 1] if i > 0 else None
        if _name_above_role(zone, i) and prev is not None and looks_like_name(prev.clean):
            if prev is walk.title and i > 1:
                walk.title = None  # "Dewi Kania" then "Jurnalis": the name sits above its role
            if prev is not walk.title and not _taken(walk.decisions, prev):
                walk.decisions.append(self._byline(prev, *_as_role(label, prev.clean), None))
                walk.found_byline = True
                walk.leftovers = [p for p in walk.leftovers if p is not prev]
                return True
        walk.pending_label = label
        return True

    def _read_byline(self, piece: Piece, walk: _Walk, tz: dt.tzinfo | None) -> bool:
        """A byline line (``Oleh Andi``, ``Reporter: …, Kamis 5/11/2015``): its authors, editors
        and timestamp."""
        byline = parse_byline(piece.clean, default_tz=tz)
        if byline is None or not (byline.authors or byline.editors or byline.timestamp):
            return False
        stamp = byline.timestamp
        walk.decisions.append(
            self._byline(piece, byline.authors, byline.editors, stamp.value if stamp else None,
                         updated=bool(stamp and stamp.updated))
        )
        walk.found_byline = True
        return True

    def _read_date_line(self, piece: Piece, walk: _Walk, tz: dt.tzinfo | None) -> bool:
        """A short line with the story's timestamp (or the time it was updated)."""
        if piece.words > MAX_DATE_LINE_WORDS:
            return False
        stamp = find_timestamp(piece.clean, default_tz=tz)
        if stamp is None:
            return False
        meta = Meta(updated=stamp.value) if stamp.updated else Meta(timestamp=stamp.value)
        walk.decisions.append(piece.drop(self.name, "timestamp", kind=Kind.METADATA, meta=meta))
        walk.found_byline = True
        return True

    def _read_title_or_leftover(self, zone: _Zone, i: int, walk: _Walk, tz: dt.tzinfo | None) -> None:
        """Any other piece: a standfirst (deck), the title, the title's wrapped end, a piece
        left over above the dateline, or a photo caption between the byline and the story."""
        piece = zone.pieces[i]
        text = piece.clean
        if any(piece is d for d in zone.decks):
            walk.decisions.append(piece.drop(self.name, "header:deck"))
        elif walk.title is None and self._title_shaped(piece):
            walk.title = piece
        elif walk.title is not None and walk.title_rest is None and zone.pieces[i - 1] is walk.title \
                and _continues_title(walk.title, piece, zone.at(i + 1), tz):
            walk.title_rest = piece
        elif zone.anchor is not None:
            walk.leftovers.append(piece)
        elif walk.found_byline and _PHOTO_CREDIT_END.search(text) and not ends_sentence(text):
            # "Kondisi Tambang di Raja Ampat(Auriga Nusantara)" between byline and story
            walk.decisions.append(piece.drop(self.name, "caption:above_story", kind=Kind.CAPTION))

    def _bare_name(self, zone: _Zone, walk: _Walk) -> None:
        """A name alone on its line by the headline's date line is the byline (see
        :func:`_bare_name_byline`)."""
        named = _bare_name_byline(zone.pieces, walk.title_rest or walk.title, walk.decisions)
        if named is None:
            return
        walk.leftovers = [p for p in walk.leftovers if p is not named]
        walk.decisions.append(self._byline(named, (named.clean,), (), None))
        walk.found_byline = True

    def _place_above_dateline(self, zone: _Zone, opening: Piece, walk: _Walk) -> None:
        """The zone's last line, left over, is the place of the dateline ``opening`` wrapped
        onto the line above it (``KATHMANDU,``): its metadata, not a leftover."""
        last = zone.pieces[-1]
        if not walk.leftovers or walk.leftovers[-1] is not last:
            return
        place = _place_above(last, opening)
        if place is not None:
            walk.leftovers.pop()
            walk.decisions.append(last.drop(self.name, "dateline:place_above", kind=Kind.METADATA,
                                            meta=Meta(dateline=place)))

    def _confirm_title(self, doc: Document, zone: _Zone, walk: _Walk) -> None:
        """Take the title as the headline when the header shows it is one (a byline or date
        line, or headline case right above the story); else, above the story's dateline, it
        is left over."""
        title, rest = walk.title, walk.title_rest
        if title is not None and (
            walk.found_byline
            or (
                zone.body_follows
                and (zone.pieces[-1] is title or zone.anchor is not None)
                and headline_case(title.clean, self._small)
            )
        ):
            headline = title.clean if rest is None else f"{title.clean} {rest.clean}"
            walk.decisions.append(title.drop(self.name, "title", kind=Kind.METADATA, meta=Meta(title=headline)))
            if rest is not None:
                walk.decisions.append(rest.drop(self.name, "title:continued", kind=Kind.METADATA))
        elif zone.anchor is not None:
            # above the dateline that opens the story, a line that is no confirmed headline is
            # header material all the same (a photo caption reads like a title), unless the
            # page marked it as its headline (html_headline takes it)
            marked = doc.meta.get("headline")
            walk.leftovers.extend(p for p in (title, rest) if p is not None and not (p is title and p.clean == marked))

    def _drop_leftovers(self, doc: Document, walk: _Walk) -> None:
        """Leftovers above the story's dateline: sentences are captions, the rest header
        material; on a page's text, enough sentences there are the story's opening and stay."""
        def sentence(p: Piece) -> bool:
            return ends_sentence(p.clean) or p.words >= CAPTION_MIN_WORDS

        # On a page's rendered text, captions sit apart (caption markup is moved aside) or are one
        # or two lines; this many sentences above a late "dateline" are the story's opening.
        story_above = bool(doc.meta.get("from_html")) \
            and sum(1 for p in walk.leftovers if sentence(p)) >= HTML_STORY_ABOVE
        for piece in walk.leftovers:
            if sentence(piece):
                if not story_above:
                    walk.decisions.append(piece.drop(self.name, "caption:above_dateline", kind=Kind.CAPTION))
            else:
                walk.decisions.append(piece.drop(self.name, "header:above_dateline"))

    def _byline(
        self,
        piece: Piece,
        authors: tuple[str, ...],
        editors: tuple[str, ...],
        stamp: dt.datetime | dt.date | None,
        *,
        updated: bool = False,
    ) -> Decision:
        meta = (
            Meta(authors=authors, editors=editors, updated=stamp)
            if updated
            else Meta(authors=authors, editors=editors, timestamp=stamp)
        )
        return piece.drop(self.name, "byline", kind=Kind.METADATA, meta=meta)

    @staticmethod
    def _title_shaped(piece: Piece) -> bool:
        return title_shaped(piece.text.strip(), piece.words, max_words=MAX_TITLE_WORDS)


_PLACE_LINE = regex.compile(r"\A(\p{Lu}[\p{Lu}'’.\-]+(?:[ \u00a0]\p{Lu}[\p{Lu}'’.\-]+){0,3}),\Z")


def _place_above(piece: Piece, opening: Piece) -> str | None:
    """``KATHMANDU,`` alone on the line above ``April 25 (Agency) - …``: the dateline's place,
    wrapped away from the rest of it."""
    m = _PLACE_LINE.match(piece.clean)
    if m is None or opening.line != piece.line + 1:
        return None
    found = match_opening_dateline(opening.text)  # (a glued dateline always names its place)
    return m.group(1) if found is not None and found.place is None else None


HEADLINE_MIN_WORDS = 4
"""A headline found by its byline has this many words at least (menu entries have fewer)."""
HEADLINE_META_NEAR = 2
"""A date or byline line this close under the first title-shaped line makes it the headline."""
HEADLINE_ABOVE_BYLINE = 3
"""The headline of the article block sits at most this many pieces above its byline."""


def _headline_above_byline(zone: list[Piece], title_shaped: Callable[[Piece], bool]) -> int | None:
    """Index of the headline of the article block when the first title-shaped line of the
    header is not it (no date or byline line under it): the title-shaped line nearest above the
    first byline (the block is the
    headline, its byline and date, then the story), with a line that is no headline (a menu
    entry, a date, a section label) between it and the first title-shaped line, so a headline
    over its standfirst keeps the headline. None when the first title-shaped line is the one.
    """
    first = next((i for i, p in enumerate(zone) if title_shaped(p)), None)
    if first is None or any(_is_meta(p, None) for p in zone[first + 1 : first + 1 + HEADLINE_META_NEAR]):
        return None  # the first title-shaped line has its date or byline: it is the headline
    byline = next((i for i in range(first + 1, len(zone)) if _is_byline_line(zone[i])), None)
    if byline is None:
        return None
    for k in range(byline - 1, max(first + 1, byline - 1 - HEADLINE_ABOVE_BYLINE), -1):
        piece = zone[k]
        if title_shaped(piece) and piece.words >= HEADLINE_MIN_WORDS and not _is_byline_line(piece):
            between = zone[first + 1 : k]
            return k if any(not title_shaped(p) or p.words < HEADLINE_MIN_WORDS for p in between) else None
    return None


def _is_byline_line(piece: Piece) -> bool:
    """A byline label or a byline that names someone (not a bare date line)."""
    if piece.words > MAX_DATE_LINE_WORDS:
        return False
    text = piece.clean
    if is_byline_label(text) is not None:
        return True
    byline = parse_byline(text, default_tz=None)
    return byline is not None and bool(byline.authors or byline.editors)


def _byline_removed_after(doc: Document, title: Piece, tz: dt.tzinfo | None) -> bool:
    """A byline line sits right under ``title`` (or under its one-line standfirst) but an
    earlier rule removed it (the credit rule reads ``By Colin Packham``): the headline has its
    byline all the same."""
    gap = doc.source[title.end : title.end + 300]
    deck = False  # one standfirst line may sit between the headline and its byline
    for line in gap.split("\n")[1:5]:
        line = line.strip()
        if not line:
            continue
        if not doc.is_removed(title.end + gap.find(line), title.end + gap.find(line) + len(line)):
            if deck or len(line.split()) > DECK_MAX_WORDS:
                return False
            deck = True
            continue
        byline = parse_byline(line, default_tz=tz)
        return byline is not None and byline.labelled and bool(byline.authors)
    return False


def _bare_name_byline(zone: list[Piece], title: Piece | None, decisions: list[Decision]) -> Piece | None:
    """A name alone on its line between the headline and its date line (``Andhika Prasetyo``
    / ``22/10/2025 06:59``), or right under a date line under the headline: the author, when
    no other line of the header names one."""
    if title is None or any(d.meta is not None and d.meta.authors for d in decisions):
        return None
    stamps = {d.start for d in decisions if d.meta is not None and d.meta.timestamp is not None}
    at = next((i for i, p in enumerate(zone) if p is title), None)
    if at is None:
        return None
    window = zone[at + 1 : at + 3]
    for k, piece in enumerate(window):
        other = window[1 - k] if len(window) == 2 else None
        if other is not None and other.start in stamps and looks_like_name(piece.clean) \
                and piece.words >= 2 and not _taken(decisions, piece):
            return piece
    return None


TITLE_REST_MAX_WORDS = 8
"""A headline wrapped onto a second line leaves at most this many words there."""


def _continues_title(title: Piece, piece: Piece, after: Piece | None, tz: dt.tzinfo | None) -> bool:
    """``piece`` is the wrapped end of the headline ``title`` (``… Pemotor: Cuma`` /
    ``Diperlihatkan``): on the very next line of a page that separates its header lines by
    blank lines, short, no sentence, and a byline or date line right after it."""
    return (
        piece.line == title.line + 1
        and after is not None
        and after.line >= piece.line + 2
        and piece.words <= TITLE_REST_MAX_WORDS
        and title.words + piece.words <= MAX_TITLE_WORDS
        and not ends_sentence(title.clean)
        and not ends_sentence(piece.clean)
        and not _is_meta(piece, tz)
        and _is_meta(after, tz)
    )


DECK_LOOKAHEAD = 3
"""How many pieces past a short standfirst a date or byline line may still sit in the header."""
DECK_MAX_WORDS = 30


def _is_meta(piece: Piece, tz: dt.tzinfo | None) -> bool:
    """A byline label, a byline or a date line: header material wherever it sits."""
    return is_meta(piece.clean, piece.words, max_words=MAX_DATE_LINE_WORDS, tz=tz)


def _meta_below(pieces: list[Piece], end: int, tz: dt.tzinfo | None) -> int:
    """Where the header ends when a standfirst (deck) sentence sits between the headline and
    the date or byline lines: past the last such line a few pieces below ``end``."""
    last = end
    for j in range(end, min(end + DECK_LOOKAHEAD, len(pieces))):
        piece = pieces[j]
        if _is_meta(piece, tz):
            label = is_byline_label(piece.clean) is not None
            last = j + (2 if label else 1)
        elif piece.words > DECK_MAX_WORDS:
            break
    return min(last, len(pieces))


def _taken(decisions: list[Decision], piece: Piece) -> bool:
    return any(d.start <= piece.start < d.end for d in decisions)


def _as_role(role: str, name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return ((name,), ()) if role == "author" else ((), (name,))


def _name_above_role(zone: _Zone, i: int) -> bool:
    """Whether the byline label ``zone.pieces[i]`` has its name above it (``Isna Rifka`` /
    ``Penulis`` / ``Yoga Sukmana`` / ``Editor``): the next line is no name, or is itself the
    name above the next role label while no name follows that label (read names below, it
    would have none)."""
    nxt, beyond = zone.at(i + 1), zone.at(i + 3)
    after = zone.pieces[i + 2] if i + 2 < len(zone.pieces) else None
    prev = zone.pieces[i - 1] if i > 0 else None
    return nxt is None or not looks_like_name(nxt.clean) or (
        after is not None and is_byline_label(after.clean) is not None
        and prev is not None and looks_like_name(prev.clean)
        and (beyond is None or not looks_like_name(beyond.clean))
    )
