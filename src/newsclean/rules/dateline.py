"""The dateline that opens the story (``Washington:``, ``JAKARTA, KOMPAS.com -``,
``Jakarta (ANTARA) -``): the place goes to ``Article.dateline`` and the whole opening prefix
is cut from the first paragraph. A pull quote glued before it (``…fundJakarta (ANTARA) -``)
is cut too."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.document import Decision, Document, Meta
from newsclean.metadata.dateline import match_dateline, opens_story
from newsclean.model import Kind

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
                yield piece.cut(0, m.start, self.name, "pull_quote_before_dateline")
            yield piece.cut(m.start, m.end, self.name, "dateline", kind=Kind.METADATA, meta=Meta(dateline=m.place))
            return
