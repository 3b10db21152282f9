"""What rules look at (:class:`Document`, :class:`Piece`) and what they answer (:class:`Decision`).

A rule never edits text. It reads the pieces of the document that are still alive and
returns decisions: *remove characters start..end, because*. The pipeline applies the
decisions, so the trace of every removal comes for free and replays exactly.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from newsclean.model import Kind
from newsclean.phrases import Matcher
from newsclean.segment import normalize_space


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


class Piece:
    """A stretch of one line that no rule has removed yet (read-only)."""

    __slots__ = ("_clean", "end", "line", "start", "text")

    def __init__(self, line: int, start: int, end: int, text: str) -> None:
        self.line = line
        self.start = start
        self.end = end
        self.text = text
        self._clean: str | None = None

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
    def words(self) -> int:
        return self.clean.count(" ") + 1 if self.clean else 0

    def cut(self, rel_start: int, rel_end: int, rule: str, reason: str, **kw: object) -> Decision:
        """A decision removing ``self.text[rel_start:rel_end]``."""
        return Decision(self.start + rel_start, self.start + rel_end, rule, reason, **kw)  # type: ignore[arg-type]

    def drop(self, rule: str, reason: str, **kw: object) -> Decision:
        """A decision removing the whole piece (leading/trailing whitespace excluded)."""
        text = self.text
        lead = len(text) - len(text.lstrip())
        trail = len(text.rstrip())
        return self.cut(lead, max(lead, trail), rule, reason, **kw)


@dataclass(slots=True)
class Document:
    """The input text and what is still alive of it, as the pipeline goes."""

    source: str
    lines: tuple[tuple[int, int], ...]
    removed: list[tuple[int, int]] = field(default_factory=list)
    """Removed character spans, sorted and non-overlapping."""
    meta: dict[str, object] = field(default_factory=dict)
    """Metadata found so far (title, authors, ...), for rules that need it."""
    found_literals: frozenset[str] | None = None
    """Phrase literals present anywhere in the text (``None``: not scanned)."""
    vocabulary: frozenset[str] = frozenset()
    """The literals the scan looked for."""
    _pieces: list[Piece] | None = None

    def narrow(self, matcher: Matcher | None) -> Matcher | None:
        """``matcher`` cut down to the phrases that can match somewhere in this document."""
        if matcher is None:
            return None
        return matcher.for_text(self.found_literals, self.vocabulary)

    @property
    def pieces(self) -> list[Piece]:
        """Non-blank pieces still alive, in order."""
        if self._pieces is None:
            self._pieces = [p for p in iter_pieces(self.source, self.lines, self.removed) if p.text.strip()]
        return self._pieces

    def remove(self, start: int, end: int) -> None:
        """Mark ``source[start:end]`` removed (merging with what is already removed)."""
        if end <= start:
            return
        spans = self.removed
        # insert keeping order (spans are disjoint, so their ends are sorted too), then merge
        # neighbours: a binary search, so a document with many removals stays linear
        i = bisect_left(spans, start, key=_end)
        n = len(spans)
        j = i
        while j < n and spans[j][0] <= end:
            start = min(start, spans[j][0])
            end = max(end, spans[j][1])
            j += 1
        spans[i:j] = [(start, end)]
        self._pieces = None

    def is_removed(self, start: int, end: int) -> bool:
        """True when any character of ``start..end`` is already removed."""
        i = bisect_right(self.removed, start, key=_end)
        return i < len(self.removed) and self.removed[i][0] < end

    def covers(self, start: int, end: int) -> bool:
        """True when every character of ``start..end`` is already removed."""
        i = bisect_right(self.removed, start, key=_start) - 1
        return i >= 0 and end <= self.removed[i][1]


def _start(span: tuple[int, int]) -> int:
    return span[0]


def _end(span: tuple[int, int]) -> int:
    return span[1]


def iter_pieces(
    source: str, lines: tuple[tuple[int, int], ...], removed: list[tuple[int, int]]
) -> Iterator[Piece]:
    """The alive stretches of each line, in order (blank ones included)."""
    k = 0
    nrem = len(removed)
    for index, (lstart, lend) in enumerate(lines):
        pos = lstart
        while k < nrem and removed[k][1] <= lstart:
            k += 1
        j = k
        while j < nrem and removed[j][0] < lend:
            rs, re_ = removed[j]
            if rs > pos:
                yield Piece(index, pos, rs, source[pos:rs])
            pos = max(pos, re_)
            j += 1
        if pos < lend:
            yield Piece(index, pos, lend, source[pos:lend])


def paragraphs_of(source: str, lines: tuple[tuple[int, int], ...], removed: list[tuple[int, int]]) -> list[str]:
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
