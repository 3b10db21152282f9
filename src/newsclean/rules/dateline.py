"""The dateline that opens the story (``Washington:``, ``JAKARTA, OUTLET.com -``,
``Jakarta (AGENCY) -``): the place goes to ``Article.dateline`` and the whole opening prefix
is cut from the first paragraph. A pull quote glued before it (``…fundJakarta (AGENCY) -``)
is cut too."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newsclean.document import Decision, Document, Meta, Piece
from newsclean.metadata.dateline import match_dateline, opens_story
from newsclean.model import Kind

_QUOTE_END = regex.compile(r"[.!?…\"”’')\]]\s*\Z")
REPEAT_CHARS = 40
"""A pull quote is repeated in the story: this many of its first characters are looked for."""

LOOK_AT = 2
"""How many of the first pieces may hold the dateline (a stray short line may come first)."""


class Dateline:
    name = "dateline"

    def decide(self, doc: Document) -> Iterator[Decision]:
        for piece in doc.pieces[:LOOK_AT]:
            m = match_dateline(piece.text)
            if m is None or not opens_story(piece.text, m):
                continue
            if m.start > 0:
                if not _pull_quote(doc, piece, piece.text[: m.start], piece.text[m.start : m.end]):
                    return  # "... SpPD-KEMD mengungkap": a story paragraph, not a quote
                yield piece.cut(0, m.start, self.name, "pull_quote_before_dateline")
            yield piece.cut(m.start, m.end, self.name, "dateline", kind=Kind.METADATA, meta=Meta(dateline=m.place))
            return


def _pull_quote(doc: Document, piece: Piece, before: str, dateline: str) -> bool:
    """Whether ``before`` (the text glued before a dateline) is a pull quote or caption: the
    dateline is glued to it with its agency or outlet tag (``…tourism fundJakarta (AGENCY) -``),
    it closes like a sentence or a quote right before the dateline, or the story repeats it.
    A capitals word and a hyphen inside a sentence (``… SpPD-KEMD mengungkap``) is none."""
    if _QUOTE_END.search(before) or "(" in dateline or "," in dateline:
        return True
    head = " ".join(before.split())[:REPEAT_CHARS]
    later = " ".join(doc.source[piece.end :].split())
    return len(head) >= REPEAT_CHARS // 2 and head in later
