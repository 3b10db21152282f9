"""Whole pages: find the article block in everything a browser shows, and drop the rest.

Some inputs are not an article but a whole page as text (``document.body.innerText``):
mega-menus, tickers, teaser lists, share widgets and footers, with the story somewhere in
the middle. This rule runs first and, from the text alone:

1. groups the lines into *blocks* (runs of lines between blank lines; one line per block
   when the text has hardly any blank lines), so a hard-wrapped paragraph is one block;
2. calls a block *prose* when it reads as story text (enough words, a sentence end or a
   long run, and not a list of link-like lines);
3. takes the densest run of prose as the story core: the maximum-sum run of blocks where a
   prose block weighs its word count and any other block a penalty per line and word
   (short in-story lines between paragraphs are bridged, a footer or teaser list is not);
4. acts only when the text looks like a whole page: enough furniture before the core and
   around it, most of it short lines; an ordinary article (which opens with its title or
   its first paragraph) is never touched;
5. extends the core upward to the headline: the nearest title-shaped line above it that
   has a date or byline line next to it, so the header rule still sees title, byline and
   date; teaser lists between the headline and the story go as ``teaser_list``;
6. decides to drop every line before the block (``outside_article:before``) and after it
   (``outside_article:after``).

Before all that, on any text, a run of fifty or more lines that are letterless crumbs (at most
six characters: bullets, counters, stray brackets), tiny (at most three characters, letters or
not: an alphabet index, a text split into letters) or repeat a short line just above goes
as one ``debris_run``: no story is written that way, and the rest of the pipeline then never
handles those lines one by one.

Everything is one pass over the pieces plus a bounded look at the header window: linear.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

import regex

from newsclean.document import Decision, Document, Meta, Piece
from newsclean.metadata.byline import is_byline_label, looks_like_name, parse_byline
from newsclean.metadata.dates import find_timestamp
from newsclean.model import Kind
from newsclean.shapes import is_meta, title_block_shaped

MIN_PIECES = 25
"""A text with fewer non-blank lines is never treated as a whole page."""
MIN_BEFORE = 5
"""Lines of page furniture the page must show before the story core."""
LEAD = 8
"""A page opens with furniture: no prose block starts among its first this many lines."""
MIN_OUTSIDE = 20
"""Lines outside the story core (before and after) the page must show."""
MIN_LINK_SHARE = 0.45
"""Share of the lines before the core that must be link-like (:func:`is_link_like`)."""
MIN_LINK_SHARE_OUTSIDE = 0.3
"""Share of all lines outside the core that must be link-like."""
TAIL_LINK_SHARE = 0.6
"""Share of the lines under an article that opens the page that must be link-like for them to
be dropped as the page's furniture."""
SHORT_WORDS = 6
"""A line of at most this many words is short."""
MIN_CORE_WORDS = 40
"""A story core with fewer words is no story: the rule then does nothing."""
BLANK_SHARE = 0.15
"""Blocks are blank-line separated only when at least this share of lines is blank."""

DEBRIS_RUN = 50
"""This many tiny letterless or repeated lines in a row are debris (see :func:`_debris_runs`)."""
DEBRIS_CHARS = 6
TINY_CHARS = 3
"""A line this short says no sentence, letters or not (``a``, ``ok``, ``Rp``)."""
REPEAT_CHARS = 200
REPEAT_WINDOW = 64

PROSE_MIN_WORDS = 10
PROSE_LONG_WORDS = 30
LINE_PENALTY = 4
WORD_PENALTY_CAP = 8
SENTENCE_WEIGHT = 0.5
MAX_GAP = 6
"""This many blocks in a row that are neither prose nor a sentence end a story."""
HEADLINE_PREFERENCE = 0.25
"""A run with a headline above it wins over a heavier one without, down to this ratio."""

HEADER_WINDOW = 24
"""How many pieces above the core the headline is looked for."""
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 20
"""Longer lines above a story are captions, promos or standfirsts, not its headline."""
TITLE_MAX_LINES = 3
NEAR = 4
"""A date or byline within this many pieces below (or 2 above) marks a headline."""
DATE_SHARE = 0.25
"""A date line is mostly date: a date inside a teaser headline does not make one."""
META_MAX_WORDS = 20
"""A byline or date line has at most this many words."""
DATED_TITLE_MIN_WORDS = 5
"""A headline printed on the line right under its date line (one block) has this many words
at least (a shorter line there is a tag or a name)."""
TEASER_RUN = 3
"""This many headline-shaped lines in a row, between headline and story, are a teaser list."""

_SENTENCE_END = regex.compile(r"(?<!\.\.)[.!?][\"”’')\]]*\Z|[\"”’]\Z")
"""A sentence ends here (a truncated teaser's ``…`` or ``...`` does not count)."""
_LINK_START = regex.compile(r"\A\W*(?:\p{Lu}|\p{N}+\W*\Z)")
_LOWER_START = regex.compile(r"\A[\"“'‘(]?[\p{Ll}\p{N}]")
_OPENING_MARKS = "\"“'‘("
_LIST_MARKERS = ("-", "–", "—", "•", "*", "·", "▪", "►", "○", "◦")
"""What a list item written in the text opens with."""
"""The marks ``_LOWER_START`` allows before the first letter (``_LINK_START``'s ``\\W`` too)."""


@dataclass(slots=True)
class Line:
    """A piece with the features the rule reads, computed once."""

    piece: Piece
    text: str
    """The piece's text, stripped."""
    words: int
    link: bool
    """Link-like: a menu entry, link or widget label (short, no sentence end, opening with a
    capital or a bare number, as share counters are)."""
    lower: bool
    """Opens in lower case (or with a digit): a wrapped sentence going on."""

    @classmethod
    def of(cls, piece: Piece) -> Line:
        text = piece.text.strip()
        words = len(text.split())
        # an ASCII letter first (after one opening mark, which both allow) answers both start
        # patterns: a capital opens a link, a small letter a wrapped sentence (the patterns'
        # set-up cost more than the rest)
        first = text[:1]
        if first in _OPENING_MARKS:
            first = text[1:2]
        if "a" <= first <= "z":
            return cls(piece, text, words, False, True)
        if "A" <= first <= "Z":
            return cls(piece, text, words, words <= SHORT_WORDS and _SENTENCE_END.search(text) is None, False)
        link = (words <= SHORT_WORDS and _LINK_START.match(text) is not None
                and _SENTENCE_END.search(text) is None)
        return cls(piece, text, words, link, _LOWER_START.match(text) is not None)


@dataclass(slots=True)
class Block:
    """Consecutive pieces not separated by a blank line."""

    first: int
    """Index of the first line (into the document's pieces)."""
    last: int
    """Index of the last piece, inclusive."""
    words: int
    prose: bool
    sentence: bool
    """Not prose but a short sentence (``Salah satunya adalah depresi.``): in-story."""

    @property
    def lines(self) -> int:
        return self.last - self.first + 1


def _is_prose(lines: Sequence[Line]) -> bool:
    words = sum(ln.words for ln in lines)
    if words < PROSE_MIN_WORDS:
        return False
    # a sentence ends the block, or a line of it (a credit line glued under the last paragraph)
    if words < PROSE_LONG_WORDS and not any(_SENTENCE_END.search(ln.text) for ln in reversed(lines)):
        return False
    if len(lines) == 1 or any(ln.words >= PROSE_LONG_WORDS for ln in lines):
        return True
    # several lines: hard-wrapped prose, not a list of link-like lines each opening a new
    # unit (a headline with its blurb, a menu entry)
    breaks = sum(1 for a, b in itertools.pairwise(lines) if a.link and not b.lower)
    if breaks * 2 >= len(lines) - 1:
        return False
    if words / len(lines) >= 8:
        return True
    flowing = sum(1 for ln in lines[1:] if ln.lower)
    return flowing * 3 >= len(lines) - 1


def _is_sentence(line: Line) -> bool:
    return line.words >= 3 and _SENTENCE_END.search(line.text) is not None and ":" not in line.text


def _by_blank(doc: Document, pieces: Iterable[Piece]) -> bool:
    """Whether blank lines separate the blocks of ``doc`` (enough of its lines are blank)."""
    # the lines the pieces are on, counted: pieces are in text order, so a line's pieces are
    # next to each other (no set of a million line numbers)
    alive, previous = 0, -1
    for p in pieces:
        if p.line != previous:
            alive += 1
            previous = p.line
    blank = len(doc.lines) - alive
    return blank >= BLANK_SHARE * len(doc.lines)


def _prose_in_lead(doc: Document, pieces: Sequence[Piece]) -> bool:
    """Whether a block starting among the first :data:`LEAD` pieces is prose and the story
    goes on under it, as :func:`blocks_of` would find, reading only those blocks (an ordinary
    article opens with prose, so the rule leaves it after a look at its top). A prose block
    with a run of page furniture under it (:func:`_furniture_under`) is a notice over the page
    (a cookie or browser banner, the site's self-description), not the story's opening."""
    by_blank = _by_blank(doc, pieces)
    n = len(pieces)
    start = 0
    while start < min(n, LEAD):
        i = start + 1
        while i < n and by_blank and pieces[i].line <= pieces[i - 1].line + 1:
            i += 1
        if _is_prose([Line.of(p) for p in pieces[start:i]]) and not _furniture_under(pieces, i):
            return True
        start = i
    return False


FURNITURE_WINDOW = 30
"""How many lines under a lead prose block :func:`_furniture_under` reads."""
FURNITURE_SHARE = 0.7
"""Share of those lines that must be link-like for them to be page furniture."""


def _furniture_under(pieces: Sequence[Piece], at: int) -> bool:
    """Whether the :data:`FURNITURE_WINDOW` lines from ``at`` on are page furniture: nearly all
    link-like (menus, section names, share buttons), as no story's second screen is."""
    window = pieces[at : at + FURNITURE_WINDOW]
    if len(window) < FURNITURE_WINDOW:
        return False
    return sum(1 for p in window if Line.of(p).link) >= FURNITURE_SHARE * len(window)


def blocks_of(doc: Document, lines: Sequence[Line]) -> list[Block]:
    """The lines of ``doc`` grouped into blocks, each classified prose or not."""
    by_blank = _by_blank(doc, (ln.piece for ln in lines))
    out: list[Block] = []
    start = 0
    n = len(lines)
    for i in range(1, n + 1):
        if i < n and by_blank and lines[i].piece.line <= lines[i - 1].piece.line + 1:
            continue
        group = lines[start:i]
        prose = _is_prose(group)
        sentence = not prose and len(group) == 1 and _is_sentence(group[0])
        out.append(Block(start, i - 1, sum(ln.words for ln in group), prose, sentence))
        start = i
    return out


def _weight(block: Block) -> float:
    if block.prose:
        return block.words
    if block.sentence:
        return SENTENCE_WEIGHT * block.words
    return -(LINE_PENALTY * block.lines + min(block.words, WORD_PENALTY_CAP))


def prose_runs(blocks: Sequence[Block]) -> list[tuple[int, int, float]]:
    """The densest run of blocks of each stretch, heaviest first: ``(first, last, weight)``.

    Kadane's maximum-sum run, where a stretch also ends at :data:`MAX_GAP` blocks in a row
    that are neither prose nor a sentence (a footer, a teaser list), so a story and a
    teaser feed below it are never one run.
    """
    runs: list[tuple[int, int, float]] = []
    best = (0, -1, 0.0)
    start, total, gap = 0, 0.0, 0
    for i, block in enumerate(blocks):
        gap = 0 if block.prose or block.sentence else gap + 1
        if total <= 0 or gap >= MAX_GAP:
            if best[1] >= best[0]:
                runs.append(best)
            best = (i + 1, i, 0.0) if gap >= MAX_GAP else (i, i - 1, 0.0)
            start, total = i, 0.0
            if gap >= MAX_GAP:
                continue
        total += _weight(block)
        if total > best[2]:
            best = (start, i, total)
    if best[1] >= best[0]:
        runs.append(best)
    runs.sort(key=lambda r: -r[2])
    return runs


def _is_meta_line(line: Line) -> bool:
    """A byline or date line (what sits next to a headline)."""
    return is_meta(line.piece.clean, line.words, max_words=META_MAX_WORDS, date_share=DATE_SHARE)


def _title_shaped(block: Block, lines: Sequence[Line]) -> bool:
    # (a block longer than a title can be is passed as its first TITLE_MAX_LINES + 1 lines)
    texts = [lines[i].text for i in range(block.first, min(block.last, block.first + TITLE_MAX_LINES) + 1)]
    return title_block_shaped(
        texts, block.words, min_words=TITLE_MIN_WORDS, max_words=TITLE_MAX_WORDS, max_lines=TITLE_MAX_LINES
    )


def _name_above_role(lines: Sequence[Line], block: Block) -> bool:
    """A one-line name with its role label under it (``Isna Rifka Sri Rahayu`` / ``Penulis``)."""
    below = block.last + 1
    return (block.lines == 1 and below < len(lines) and looks_like_name(lines[block.first].text)
            and is_byline_label(lines[below].text) is not None)


class _Pick(NamedTuple):
    """A headline candidate: how near its date or byline line is, and on which side."""

    distance: int
    """Lines between the candidate and its date or byline line (1 for a date glued on top)."""
    above: int
    """0 when that line is below the headline, 1 when above (a line below wins a tie)."""
    block: int
    """The headline block."""
    start: int
    """The block the article starts with: the headline, or the date line's block above it."""


class _HeadlineSearch:
    """The search for the headline block above the core block ``core``.

    The walk asks about each block several times (as itself and as a neighbour): each answer
    (a line is a date or byline line; a block is title-shaped; a block is a date line glued
    over a title) is worked out once and kept.
    """

    __slots__ = ("_dated", "_meta", "_titled", "blocks", "core", "firsts", "lines", "lowest")

    def __init__(self, blocks: Sequence[Block], core: int, lines: Sequence[Line]) -> None:
        self.blocks, self.core, self.lines = blocks, core, lines
        self.lowest = blocks[core].first
        """The core's first line."""
        self.firsts = [b.first for b in blocks]
        self._meta: dict[int, bool] = {}
        self._titled: dict[int, bool] = {}
        self._dated: dict[int, bool] = {}

    def find(self) -> tuple[int, int] | None:
        """Walk up from the core (at most :data:`HEADER_WINDOW` lines) and keep the best pick:
        ``(headline block, start block)``, or None."""
        best: _Pick | None = None
        b = self.core - 1
        while b >= 0 and self.lowest - self.blocks[b].first <= HEADER_WINDOW:
            best = self._consider(b, best)
            b -= 1
        return None if best is None else (best.block, best.start)

    def _consider(self, b: int, best: _Pick | None) -> _Pick | None:
        """The better of ``best`` and block ``b`` as the headline: a date glued on top of its
        headline; else a title-shaped block, outside a run of them, with its date or byline
        line below it, or else above it."""
        if self.dated(b) and not self.dated(b - 1) and not self.dated(b + 1):
            # "April 25, 2023 2:26 PM" glued on the line above the headline: one block (not
            # one of a list of dated teasers)
            return _Pick(1, 1, b, b) if best is None or best[:2] > (1, 1) else best
        if not self.titled(b) or self._in_run(b):
            return best
        block = self.blocks[b]
        below = next((k for k in range(1, NEAR + 1) if self.meta_below(block.last + k)), None)
        if below is not None and (best is None or (below, 0) < best[:2]):
            return _Pick(below, 0, b, b)
        above = next((k for k in (1, 2) if self.is_meta(block.first - k)), None)
        if above is not None and (best is None or (above, 1) < best[:2]):
            start = next(i for i in range(b, -1, -1) if self.blocks[i].first <= block.first - above)
            return _Pick(above, 1, b, start)
        return best

    def _in_run(self, b: int) -> bool:
        """Block ``b`` is one of a run of three or more title-shaped blocks (a teaser list,
        share buttons)."""
        titled = self.titled
        return (titled(b - 1) and (titled(b + 1) or titled(b - 2))) or (titled(b + 1) and titled(b + 2))

    def is_meta(self, i: int) -> bool:
        """Line ``i`` is a byline or date line."""
        if i not in self._meta:
            self._meta[i] = 0 <= i < len(self.lines) and _is_meta_line(self.lines[i])
        return self._meta[i]

    def meta_below(self, i: int) -> bool:
        """Line ``i``, under a candidate, is its byline or date line: one above the core, or a
        line of its own among the core's first pieces (a prompt may sit between headline and
        byline); never a teaser's date line."""
        if i >= self.lowest + NEAR or not self.is_meta(i):
            return False
        at = bisect.bisect_right(self.firsts, i) - 1
        if i < self.lowest:
            return not (self.firsts[at] == i and self.dated(at))  # that date line tops its own headline
        return not self.blocks[at].prose and self.blocks[at].lines == 1

    def titled(self, i: int) -> bool:
        """Block ``i``, above the core, is title-shaped: no date or byline line first, no name
        above its role label."""
        if i not in self._titled:
            blocks, lines = self.blocks, self.lines
            self._titled[i] = (0 <= i < self.core and _title_shaped(blocks[i], lines)
                               and not self.is_meta(blocks[i].first)
                               and not _name_above_role(lines, blocks[i]))
        return self._titled[i]

    def dated(self, i: int) -> bool:
        """Block ``i``, above the core, is a date or byline line glued over a title."""
        if i not in self._dated:
            self._dated[i] = self._read_dated(i)
        return self._dated[i]

    def _read_dated(self, i: int) -> bool:
        if not 0 <= i < self.core:
            return False
        block, lines = self.blocks[i], self.lines
        if block.lines < 2 or not self.is_meta(block.first):
            return False
        rest = Block(block.first + 1, block.last, block.words - lines[block.first].words, False, False)
        return (rest.words >= DATED_TITLE_MIN_WORDS and _title_shaped(rest, lines)
                and not looks_like_name(lines[rest.first].text)
                and not any(self.is_meta(k) for k in range(rest.first, rest.last + 1)))


def _headline(blocks: Sequence[Block], core: int, lines: Sequence[Line]) -> tuple[int, int] | None:
    """The headline block above the core block, and the block the article starts with (the
    headline, or the date line just above it when none is below it).

    A headline is a title-shaped block not in a run of three or more (as teaser lists and
    share buttons are) with a date or byline line near it; the
    one nearest to such a line wins, a line below it before one above it.
    """
    return _HeadlineSearch(blocks, core, lines).find()


def _headline_like(line: Line) -> bool:
    """A teaser headline: three words or more, no sentence end, mostly capitalised words."""
    text = line.text
    words = text.split()
    capitals = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return (len(words) >= 3 and capitals * 2 >= len(words) and not _SENTENCE_END.search(text)
            and not text.endswith(":"))


FEED_DATES = 3
"""A story core with this many date lines of their own is a feed of dated teasers."""
GALLERY_CAPTION_WORDS = 8
"""A gallery's captions are lines of at least this many words."""
GALLERY_SKIP = 10
"""Share buttons between a gallery's header and its first caption, at most."""


def _dated_lines(lines: Sequence[Line]) -> int:
    return sum(1 for ln in lines if ln.words <= SHORT_WORDS and _is_meta_line(ln)
               and find_timestamp(ln.piece.clean, default_tz=None) is not None)


def _gallery(lines: Sequence[Line]) -> tuple[int, int, int] | None:
    """``(headline, first caption, last caption)`` lines of a photo gallery: a headline with
    a labelled byline and a date line right under it, then (past share buttons) two captions
    or more."""
    for i, line in enumerate(lines[:-3]):
        if not TITLE_MIN_WORDS <= line.words <= TITLE_MAX_WORDS or _SENTENCE_END.search(line.text):
            continue
        byline = parse_byline(lines[i + 1].piece.clean, default_tz=None)
        if byline is None or not byline.labelled or not byline.authors:
            continue
        if not _is_meta_line(lines[i + 2]):
            continue
        j = i + 3
        while j < min(len(lines), i + 3 + GALLERY_SKIP) and lines[j].words < GALLERY_CAPTION_WORDS:
            j += 1
        k = j
        while k < len(lines) and lines[k].words >= GALLERY_CAPTION_WORDS:
            k += 1
        if k - j >= 2:
            return i, j, k - 1
    return None


def _debris_runs(pieces: Sequence[Piece]) -> list[tuple[int, int]]:
    """``(first, last)`` index of each run of :data:`DEBRIS_RUN` or more pieces in a row that
    are each a letterless crumb of at most :data:`DEBRIS_CHARS` characters (bullets, counters,
    stray brackets), a line of at most :data:`TINY_CHARS` characters (an alphabet index, a
    text split into letters), or a short line (at most :data:`REPEAT_CHARS`) that one of the
    :data:`REPEAT_WINDOW` pieces before it already said. A list's items differ from each other
    (``1. B``, ``2. A``), so they are never debris; fifty crumbs or repeats in a row are no
    story, and one decision per run keeps such a text cheap to clean (the first time a line is
    said it is not debris: it stays for the other rules)."""
    runs: list[tuple[int, int]] = []
    start = -1
    seen: dict[str, int] = {}
    for i, piece in enumerate(pieces):
        text = piece.text
        if len(text) <= REPEAT_CHARS or len(text.strip()) <= REPEAT_CHARS:
            short = text.strip()
            said = seen.get(short, -REPEAT_WINDOW - 1) >= i - REPEAT_WINDOW
            seen[short] = i
            if (
                said
                or len(short) <= TINY_CHARS
                or (len(short) <= DEBRIS_CHARS and not any(c.isalpha() for c in short))
            ):
                if start < 0:
                    start = i
                continue
        if start >= 0 and i - start >= DEBRIS_RUN:
            runs.append((start, i - 1))
        start = -1
    if start >= 0 and len(pieces) - start >= DEBRIS_RUN:
        runs.append((start, len(pieces) - 1))
    return runs


def _between(runs: Sequence[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """The index ranges ``[a, b)`` of ``range(n)`` outside the ``runs``."""
    out = []
    pos = 0
    for first, last in runs:
        out.append((pos, first))
        pos = last + 1
    out.append((pos, n))
    return out


class PageLayout:
    """Finds the article block of a whole page and drops the lines around it."""

    name = "layout"

    def decide(self, doc: Document) -> Iterator[Decision]:
        pieces = doc.pieces
        debris = _debris_runs(pieces)
        for first, last in debris:
            yield self._span(Line.of(pieces[first]), Line.of(pieces[last]), "debris_run")
        if debris:  # the page is read without them
            pieces = [p for a, b in _between(debris, len(pieces)) for p in pieces[a:b]]
        if doc.meta.get("from_html"):
            return  # a page's text is its chosen body already: the DOM reader found the article
        if len(pieces) < MIN_PIECES:
            return
        if _prose_in_lead(doc, pieces):
            # an ordinary article opens with prose: the rule keeps its top, and drops only a
            # page's furniture under its last paragraph
            yield from self._tail_furniture(doc, pieces)
            return
        lines = [Line.of(p) for p in pieces]
        blocks = blocks_of(doc, lines)
        lead = [b for b in blocks[:LEAD] if b.prose and b.first < LEAD]
        if any(not _furniture_under(pieces, b.last + 1) for b in lead):
            return
        # prose over furniture at the top: a notice over the page, or a story's first paragraph
        # over a list; only a headline with its byline or date above the core tells a page
        notice = bool(lead)
        runs = [r for r in prose_runs(blocks) if r[2] >= MIN_CORE_WORDS]
        if not runs:
            return
        first, last, weight = runs[0]
        head = _headline(blocks, first, lines)
        if head is None:
            for other in runs[1:3]:
                if other[2] < HEADLINE_PREFERENCE * weight:
                    break
                head = _headline(blocks, other[0], lines)
                if head is not None:
                    first, last, weight = other
                    break
        if notice and head is None:
            return
        start = blocks[first].first
        end = blocks[last].last
        outside = len(lines) - (end + 1 - start)
        if start < MIN_BEFORE or outside < MIN_OUTSIDE:
            return
        links_before = sum(1 for ln in lines[:start] if ln.link)
        if links_before < MIN_LINK_SHARE * start:
            return
        if links_before + sum(1 for ln in lines[end + 1 :] if ln.link) < MIN_LINK_SHARE_OUTSIDE * outside:
            return
        if _dated_lines(lines[start : end + 1]) >= FEED_DATES:
            # the densest text is a feed of dated teasers; a photo gallery's headline, with
            # its byline and date, over captions only, is the page's article (no body)
            gallery = _gallery(lines)
            if gallery is not None:
                head, start, end = None, gallery[0], gallery[2]
                if gallery[1] > start + 3:  # share buttons between its header and captions
                    yield self._span(lines[start + 3], lines[gallery[1] - 1], "gallery_furniture")
        top = blocks[head[1]].first if head is not None else start
        if top > 0:
            yield self._span(lines[0], lines[top - 1], "outside_article:before")
        if head is not None:
            yield from self._teasers(lines[blocks[head[0]].last + 1 : start])
        if end + 1 < len(lines):
            yield self._span(lines[end + 1], lines[-1], "outside_article:after")

    def _tail_furniture(self, doc: Document, pieces: Sequence[Piece]) -> Iterator[Decision]:
        """The lines under the story's last prose block, when they are page furniture: at least
        :data:`MIN_OUTSIDE` of them, no prose among them, and :data:`TAIL_LINK_SHARE` of them
        link-like (menus, archives, share and comment widgets)."""
        if any(p.words >= PROSE_LONG_WORDS for p in pieces[-MIN_OUTSIDE:]):
            return  # a piece that long makes its block prose: fewer lines than that under it
        lines = [Line.of(p) for p in pieces]
        blocks = blocks_of(doc, lines)
        last = max((i for i, b in enumerate(blocks) if b.prose), default=None)
        if last is None:
            return
        end = blocks[last].last
        tail = lines[end + 1 :]
        # a list the story closes with (``- Party A 45,5%``) is written with its markers, which
        # a page's menus and widgets are not
        furniture = sum(1 for ln in tail if ln.link and not ln.text.startswith(_LIST_MARKERS))
        if len(tail) < MIN_OUTSIDE or furniture < TAIL_LINK_SHARE * len(tail):
            return
        yield self._span(tail[0], tail[-1], "outside_article:after")

    def _span(self, first: Line, last: Line, reason: str) -> Decision:
        """One decision for the lines ``first`` to ``last``: a region, not one per line."""
        a = first.piece.drop(self.name, reason)
        b = last.piece.drop(self.name, reason)
        return replace(a, end=b.end)

    def _teasers(self, zone: Sequence[Line]) -> Iterator[Decision]:
        """Runs of headline-shaped lines between the headline and the story."""
        run: list[Line] = []
        for line in [*zone, None]:
            if line is not None and _headline_like(line) and not _is_meta_line(line):
                run.append(line)
                continue
            if len(run) >= TEASER_RUN:
                for ln in run:
                    yield ln.piece.drop(self.name, "teaser_list")
            run = []


class HtmlHeadline:
    """HTML input: the headline the page marked (its ``<h1>``), when it still opens the text.

    Runs after every other rule (the header rule reads the headline to place the byline and
    date), and only for HTML input, where the pipeline puts the headline in
    ``doc.meta["headline"]``: the header rule keeps a headline written in sentence case
    (``Volkswagen's Skoda Auto 2019 deliveries dip ...``), the page's markup does not leave
    the doubt.
    """

    name = "html_headline"

    def decide(self, doc: Document) -> Iterator[Decision]:
        headline = doc.meta.get("headline")
        pieces = doc.pieces
        if isinstance(headline, str) and pieces and pieces[0].clean == headline:
            yield pieces[0].drop(self.name, "title:h1", kind=Kind.METADATA, meta=Meta(title=headline))
