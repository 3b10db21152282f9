"""What cutting leaves behind: pieces with no letter or digit (a stray ``)``, ``-``, ``•``)."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newsclean.document import Decision, Document

_HAS_TEXT = regex.compile(r"[\p{L}\p{N}]")


def has_text(text: str) -> bool:
    """Whether ``text`` holds a letter or a digit (``_HAS_TEXT``). A text whose first visible
    character is an ASCII letter or digit, nearly every piece, is answered without the
    pattern, whose set-up costs more than the rest of this rule."""
    first = text.lstrip()[:1]
    if "a" <= first <= "z" or "A" <= first <= "Z" or "0" <= first <= "9":
        return True
    return _HAS_TEXT.search(text) is not None


class Leftovers:
    name = "leftovers"

    def decide(self, doc: Document) -> Iterator[Decision]:
        for piece in doc.pieces:
            if not has_text(piece.text):
                yield piece.drop(self.name, "no_text")
