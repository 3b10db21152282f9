"""Split text into lines (blocks): the one place that decides where a block starts and ends.

A block is a line of the input, addressed by character offsets into the input, so every
later decision can point back at the exact text it removed. Line breaks are the separators
``str.splitlines`` knows (``\\n``, ``\\r\\n``, ``\\r``, ...); the separators themselves are never
content.
"""

from __future__ import annotations

from itertools import accumulate
from operator import add


def split_lines(text: str) -> tuple[tuple[int, int], ...]:
    """Return ``(start, end)`` offsets of each line of ``text``, separators excluded.

    >>> split_lines("a\\r\\nbc\\n\\nd")
    ((0, 1), (3, 5), (6, 6), (7, 8))
    """
    # each line's start is the sum of the lengths of the lines before it, separators
    # included; its end adds the length of its content (``splitlines`` drops exactly the
    # separator): counted in C, with no Python step per line
    starts = list(accumulate(map(len, text.splitlines(keepends=True)), initial=0))
    return tuple(zip(starts, map(add, starts, map(len, text.splitlines())), strict=False))


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace (NBSP and tabs included) to one space, trimmed."""
    return " ".join(text.split())
