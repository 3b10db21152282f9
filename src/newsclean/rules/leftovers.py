"""What cutting leaves behind: pieces with no letter or digit (a stray ``)``, ``-``, ``•``)."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newsclean.document import Decision, Document

_HAS_TEXT = regex.compile(r"[\p{L}\p{N}]")


class Leftovers:
    name = "leftovers"

    def decide(self, doc: Document) -> Iterator[Decision]:
        for piece in doc.pieces:
            if not _HAS_TEXT.search(piece.text):
                yield piece.drop(self.name, "no_text")
