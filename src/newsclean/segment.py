"""Split text into lines (blocks): the one place that decides where a block starts and ends.

A block is a line of the input, addressed by character offsets into the input, so every
later decision can point back at the exact text it removed. Line breaks are the separators
``str.splitlines`` knows (``\\n``, ``\\r\\n``, ``\\r``, ...); the separators themselves are never
content.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from itertools import accumulate
from operator import add


class Spans:
    """``(start, end)`` offset pairs, as two arrays of numbers: a sequence of pairs that holds
    no tuple per pair (a text of a million lines is 16 bytes a line here). A document's lines
    are these (:data:`Lines`), and so is what is removed of it."""

    __slots__ = ("ends", "starts")

    def __init__(self, starts: array[int] | None = None, ends: array[int] | None = None) -> None:
        self.starts: array[int] = array("q") if starts is None else starts
        """Where each span starts (sorted): what a span's number is found by bisecting."""
        self.ends: array[int] = array("q") if ends is None else ends
        """Where each span ends (a line's separator excluded)."""

    def __bool__(self) -> bool:
        return len(self.starts) > 0

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: int) -> tuple[int, int]:
        return self.starts[index], self.ends[index]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.starts, self.ends, strict=True)

    def __eq__(self, other: object) -> bool:
        return tuple(self) == (tuple(other) if isinstance(other, (Spans, tuple, list)) else other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Spans({tuple(self)!r})"


Lines = Spans
"""A document's lines: where each starts and ends."""


def split_lines(text: str) -> Spans:
    """Return ``(start, end)`` offsets of each line of ``text``, separators excluded (as
    ``str.splitlines`` splits it, with no string kept per line).

    >>> tuple(split_lines("a\\r\\nbc\\n\\nd"))
    ((0, 1), (3, 5), (6, 6), (7, 8))
    """
    # where each line starts: the running sum of the lengths with their separators; where it
    # ends: its start plus its length without (C loops, and the lines' strings are let go)
    starts = array("q", [0])
    starts.extend(accumulate(map(len, text.splitlines(keepends=True))))
    starts.pop()  # (the end of the text, where no line starts)
    ends = array("q", map(add, starts, map(len, text.splitlines())))
    return Spans(starts, ends)


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace (NBSP and tabs included) to one space, trimmed."""
    if text[:1] != " " and text[-1:] != " ":
        if text.isascii():
            if not contains_any(_ASCII_SPACE_RUNS, text):
                return text  # already normal (a few substring tests, much cheaper than splitting)
        elif "  " not in text and text.isprintable():
            return text  # every whitespace character but the space is unprintable: none here
    # trimmed, and with no-break spaces read as spaces (the commonest other whitespace), a
    # text is often normal already: cheaper to test than to split into words and join
    trimmed = text.strip().replace("\u00a0", " ")
    if "  " not in trimmed and trimmed.isprintable():
        return trimmed
    return " ".join(text.split())


_ASCII_SPACE_RUNS = ("  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")
"""What makes an ASCII text not normal: a double space or any ASCII whitespace but the space."""


def contains_any(needles: tuple[str, ...], text: str) -> bool:
    """Whether any of ``needles`` is a substring of ``text`` (a cheap test before a pattern)."""
    for needle in needles:  # noqa: SIM110  (a loop: cheaper than any(<generator>))
        if needle in text:
            return True
    return False


FOLDED_BY_RE = ("\u0130", "\u0131", "\u017f", "\u212a")
"""The non-ASCII letters an ignore-case ``re`` pattern matches as ASCII ones (İ, ı, ſ and the
Kelvin sign, as the ``re`` documentation lists them): a text holding none of them can be
tested with lower-cased substrings instead."""
FOLDED_BY_REGEX = ("\u0130", "\u017f", "\u212a")
"""The same for the ``regex`` module, which does not fold ı."""
