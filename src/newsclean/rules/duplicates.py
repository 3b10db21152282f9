"""Text the scraper took twice: the same line repeated, and container roll-ups.

Some scrapers take the text of nested containers, so a line holds its own paragraph *plus
the rest of the article* and the next line repeats that paragraph alone
(``ABCD`` / ``A`` / ``BCD`` / ``B`` …). The roll-up line is removed and the single
paragraphs kept. A line repeated verbatim is kept once. (Repeated captions are the
caption rule's.) Off on the text of an HTML page: the DOM reader takes each block once, so
a line seen twice there (a list item, a table cell, a refrain) is the page's.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.document import Decision, Document

MIN_WORDS = 4
MIN_PREFIX_CHARS = 60


class Duplicates:
    name = "duplicates"

    def decide(self, doc: Document) -> Iterator[Decision]:
        if doc.meta.get("from_html"):
            return  # the DOM reader renders each block once: a repeated line is the page's own
        pieces = doc.pieces
        seen: set[str] = set()
        for i, piece in enumerate(pieces):
            text = piece.clean
            if piece.words >= MIN_WORDS:
                if text in seen:
                    yield piece.drop(self.name, "duplicate:repeated_line")
                    continue
                seen.add(text)
            nxt = pieces[i + 1].clean if i + 1 < len(pieces) else ""
            if len(nxt) >= MIN_PREFIX_CHARS and len(text) > len(nxt) and text.startswith(nxt):
                yield piece.drop(self.name, "duplicate:container_rollup")
