"""What rules look at (:class:`Document`, :class:`Piece`) and what they answer (:class:`Decision`).

A rule never edits text. It reads the pieces of the document that are still alive and
returns decisions: *remove characters start..end, because*. The pipeline applies the
decisions, so the trace of every removal comes for free and replays exactly.
"""

from __future__ import annotations

import datetime as dt
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from newsclean.model import Kind
from newsclean.phrases import Matcher
from newsclean.segment import Lines, Spans, normalize_space


@dataclass(frozen=True, slots=True)
class Meta:
    """Metadata a decision found in the text it removed."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()
    timestamp: dt.datetime | dt.date | None = None
    updated: dt.datetime | dt.date | None = None
    dateline: str | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    """Remove ``source[start:end]``: what a rule answers."""

    start: int
    end: int
    rule: str
    reason: str
    kind: Kind = Kind.BOILERPLATE
    meta: Meta | None = None


SHORT_PIECE = 32
"""A piece this short slices its lower case from :attr:`Document.lowered` each time it is
asked (a cheap copy), not keeping it: a page of a million short lines keeps no second
million strings."""


class Piece:
    """A stretch of one line that no rule has removed yet (read-only)."""

    __slots__ = ("_clean", "_lower", "_lowered", "_words", "end", "line", "mask", "start", "text")

    def __init__(self, line: int, start: int, end: int, text: str, mask: int = -1, lowered: str | None = None) -> None:
        self.line = line
        self.start = start
        self.end = end
        self.text = text
        self.mask = mask
        """The phrase literals the document scan found on this piece's line, as a
        :func:`~newsclean.phrases.literal_mask` (``-1``: not known); matchers take it to skip
        probing the text for each literal."""
        self._clean: str | None = None
        self._lower: str | None = None
        self._lowered = lowered
        """The whole source lower-cased, when a slice of it is the lower case of the same
        slice of the source (see :attr:`Document.lowered`): ``lower`` is then a slice."""
        self._words = -1

    def __repr__(self) -> str:
        return f"Piece(line={self.line}, start={self.start}, end={self.end}, text={self.text!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Piece) and (self.line, self.start, self.end, self.text) == (
            other.line,
            other.start,
            other.end,
            other.text,
        )

    def __hash__(self) -> int:
        return hash((self.line, self.start, self.end))

    @property
    def clean(self) -> str:
        """The text with whitespace normalised (computed once)."""
        if self._clean is None:
            self._clean = normalize_space(self.text)
        return self._clean

    @property
    def lower(self) -> str:
        """The text lower-cased (computed once): what phrase prefilters look in."""
        if self._lower is None:
            lowered = self._lowered
            if lowered is None:
                self._lower = self.text.lower()
            elif self.end - self.start <= SHORT_PIECE:
                return lowered[self.start : self.end]  # sliced again when asked: not kept
            else:
                self._lower = lowered[self.start : self.end]
        return self._lower

    @property
    def words(self) -> int:
        """How many words the text has (computed once)."""
        if self._words < 0:
            clean = self.clean
            self._words = clean.count(" ") + 1 if clean else 0
        return self._words

    def cut(
        self, rel_start: int, rel_end: int, rule: str, reason: str, *, kind: Kind = Kind.BOILERPLATE,
        meta: Meta | None = None,
    ) -> Decision:
        """A decision removing ``self.text[rel_start:rel_end]``."""
        return Decision(self.start + rel_start, self.start + rel_end, rule, reason, kind, meta)

    def drop(self, rule: str, reason: str, *, kind: Kind = Kind.BOILERPLATE, meta: Meta | None = None) -> Decision:
        """A decision removing the whole piece (leading/trailing whitespace excluded)."""
        text = self.text
        lead = len(text) - len(text.lstrip())
        trail = len(text.rstrip())
        return Decision(self.start + lead, self.start + max(lead, trail), rule, reason, kind, meta)


@dataclass(slots=True)
class Document:
    """The input text and what is still alive of it, as the pipeline goes."""

    source: str
    lines: Lines
    removed: Spans = field(default_factory=Spans)
    """Removed character spans, sorted and non-overlapping (two arrays: no tuple per span)."""
    meta: dict[str, object] = field(default_factory=dict)
    """Metadata found so far (title, authors, ...), for rules that need it."""
    found_literals: frozenset[str] | None = None
    """Phrase literals present anywhere in the text (``None``: not scanned)."""
    found_mask: int = 0
    """``found_literals`` as a :func:`~newsclean.phrases.literal_mask`."""
    vocabulary_mask: int = 0
    """The literals the scan looked for, as a :func:`~newsclean.phrases.literal_mask`."""
    line_masks: list[int] | None = None
    """Per line, the mask of the literals the scan found on it (see :attr:`Piece.mask`)."""
    lowered: str | None = None
    """``source.lower()`` when every slice of it is the lower case of the same slice of the
    source (no character lower-cases to two, and no capital sigma, whose lower case depends on
    its neighbours): pieces then slice their lower case from it (see :func:`sliceable_lower`)."""
    _pieces: list[Piece] | None = None
    _cut: bool = False
    """Whether text was removed since ``_pieces`` was built (it is patched in when next read)."""

    def narrow(self, matcher: Matcher | None) -> Matcher | None:
        """``matcher`` cut down to the phrases that can match somewhere in this document."""
        if matcher is None:
            return None
        if self.found_literals is None:
            return matcher
        return matcher.for_mask(self.found_mask, self.vocabulary_mask, self.line_masks is not None)

    @property
    def pieces(self) -> list[Piece]:
        """Non-blank pieces still alive, in order."""
        if self._pieces is None:
            self._pieces = list(_alive_pieces(self.source, self.lines, self.removed, self.line_masks, self.lowered))
        elif self._cut:
            self._pieces = self._patched(self._pieces)
        self._cut = False
        return self._pieces

    def _patched(self, pieces: list[Piece]) -> list[Piece]:
        """``pieces`` after the removals made since they were built: only the pieces those
        removals touch are split again (the others, with their cached text, are kept). A
        piece was alive when built, so a removed span that overlaps it is a new removal: the
        spans tell which pieces to split, with no list of the removals made since."""
        source = self.source
        rstarts, rends = self.removed.starts, self.removed.ends
        out: list[Piece] = []
        j, nspans = 0, len(rstarts)
        for piece in pieces:  # pieces and removed spans are both in order: one walk
            start, end = piece.start, piece.end
            if j < nspans and rends[j] <= start:
                j = bisect_right(rends, start, j)  # the first span ending past the start
            if j == nspans or rstarts[j] >= end:
                out.append(piece)
                continue
            pos, i = start, j
            while i < nspans and rstarts[i] < end:
                rs, re_ = rstarts[i], rends[i]
                if rs > pos and not source[pos:rs].isspace():
                    out.append(Piece(piece.line, pos, rs, source[pos:rs], piece.mask, self.lowered))
                pos = max(pos, re_)
                i += 1
            if pos < end and not source[pos:end].isspace():
                out.append(Piece(piece.line, pos, end, source[pos:end], piece.mask, self.lowered))
        return out

    def remove(self, start: int, end: int) -> None:
        """Mark ``source[start:end]`` removed (merging with what is already removed)."""
        if end <= start:
            return
        starts, ends = self.removed.starts, self.removed.ends
        if self._pieces is not None:
            self._cut = True
        if not starts or ends[-1] < start:
            starts.append(start)  # past everything removed so far: the common case
            ends.append(end)
            return
        # insert keeping order (spans are disjoint, so their ends are sorted too), then merge
        # neighbours: a binary search, so a document with many removals stays linear
        i = bisect_left(ends, start)
        n = len(starts)
        j = i
        while j < n and starts[j] <= end:
            start = min(start, starts[j])
            end = max(end, ends[j])
            j += 1
        starts[i:j] = array("q", [start])
        ends[i:j] = array("q", [end])

    def reset_removed(self, spans: list[tuple[int, int]]) -> None:
        """Make exactly ``spans`` the removed text (what is not in them is alive again)."""
        self.removed = Spans()
        self._pieces = None
        self._cut = False
        for start, end in sorted(spans):
            self.remove(start, end)

    def is_removed(self, start: int, end: int) -> bool:
        """True when any character of ``start..end`` is already removed."""
        starts, ends = self.removed.starts, self.removed.ends
        i = bisect_right(ends, start)
        return i < len(starts) and starts[i] < end

    def covers(self, start: int, end: int) -> bool:
        """True when every character of ``start..end`` is already removed."""
        starts, ends = self.removed.starts, self.removed.ends
        if starts and starts[-1] <= start:
            return end <= ends[-1]  # at or past the last span: the common case
        i = bisect_right(starts, start) - 1
        return i >= 0 and end <= ends[i]


def iter_pieces(
    source: str,
    lines: Lines,
    removed: Spans,
    line_masks: list[int] | None = None,
    lowered: str | None = None,
) -> Iterator[Piece]:
    """The alive stretches of each line, in order (blank ones included)."""
    k = 0
    rstarts, rends = removed.starts, removed.ends
    nrem = len(rstarts)
    starts, ends = lines.starts, lines.ends
    for index in range(len(starts)):
        lstart, lend = starts[index], ends[index]
        pos = lstart
        mask = -1 if line_masks is None else line_masks[index]
        while k < nrem and rends[k] <= lstart:
            k += 1
        j = k
        while j < nrem and rstarts[j] < lend:
            rs, re_ = rstarts[j], rends[j]
            if rs > pos:
                yield Piece(index, pos, rs, source[pos:rs], mask, lowered)
            pos = max(pos, re_)
            j += 1
        if pos < lend:
            yield Piece(index, pos, lend, source[pos:lend], mask, lowered)


def _alive_pieces(
    source: str,
    lines: Lines,
    removed: Spans,
    line_masks: list[int] | None = None,
    lowered: str | None = None,
) -> Iterator[Piece]:
    """:func:`iter_pieces` without the blank ones, which are never made into pieces."""
    if not removed:  # nothing removed yet: a piece per non-blank line
        starts, ends = lines.starts, lines.ends
        for index in range(len(starts)):
            lstart, lend = starts[index], ends[index]
            if lend > lstart and not (text := source[lstart:lend]).isspace():
                yield Piece(index, lstart, lend, text, -1 if line_masks is None else line_masks[index], lowered)
        return
    for piece in iter_pieces(source, lines, removed, line_masks, lowered):
        if not piece.text.isspace():
            yield piece


def paragraphs_of(source: str, lines: Lines, removed: Spans) -> list[str]:
    """The output paragraphs: every alive piece, whitespace-normalised, blank ones dropped.

    This is the only place output text is made, so applying a trace's removals to the input
    (:func:`newsclean.replay`) gives exactly the paragraphs the pipeline returned.
    """
    out = []
    for piece in iter_pieces(source, lines, removed):
        text = normalize_space(piece.text)
        if text:
            out.append(text)
    return out


def sliceable_lower(text: str) -> str | None:
    """``text.lower()`` when each of its slices is the lower case of the same slice of ``text``
    (what :attr:`Document.lowered` holds), else ``None``. Two characters break that: ``İ``,
    whose lower case is two characters (offsets would shift), and the capital sigma, which
    lower-cases by its neighbours (``ς`` at a word's end)."""
    lower = text.lower()
    return lower if len(lower) == len(text) and "\u03a3" not in text else None
