"""Split text into lines (blocks): the one place that decides where a block starts and ends.

A block is a line of the input, addressed by character offsets into the input, so every
later decision can point back at the exact text it removed. Line breaks are the separators
``str.splitlines`` knows (``\\n``, ``\\r\\n``, ``\\r``, ...); the separators themselves are never
content.
"""

from __future__ import annotations


def split_lines(text: str) -> tuple[tuple[int, int], ...]:
    """Return ``(start, end)`` offsets of each line of ``text``, separators excluded.

    >>> split_lines("a\\r\\nbc\\n\\nd")
    ((0, 1), (3, 5), (6, 6), (7, 8))
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        spans.append((pos, pos + len(content)))
        pos += len(line)
    return tuple(spans)


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
