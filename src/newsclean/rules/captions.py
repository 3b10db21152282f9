"""Photo and video captions: lines that carry a photo credit, and lines the page repeats.

A caption is moved to ``Article.captions`` (once, however often the page repeats it); a
repeated body line is kept once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from newsclean.document import Decision, Document
from newsclean.model import Kind
from newsclean.phrases import Phrasebook, compile_matcher

MAX_CAPTION_WORDS = 90


class Captions:
    name = "captions"

    def __init__(self, book: Phrasebook) -> None:
        self._credit = compile_matcher(book.get("captions", "inline"))
        self._whole = compile_matcher(book.get("captions", "lines"), anchor=r"\A\s*", suffix=r"\s*\Z")

    def _credited(self, text: str) -> str | None:
        if self._whole is not None:
            m = self._whole.pattern.match(text)
            if m:
                return self._whole.reason_of(m)
        if self._credit is not None:
            m = self._credit.pattern.search(text)
            if m:
                return self._credit.reason_of(m)
        return None

    def decide(self, doc: Document) -> Iterator[Decision]:
        pieces = doc.pieces
        counts = Counter(p.clean for p in pieces if p.words >= 3)
        seen: set[str] = set()
        for piece in pieces:
            text = piece.clean
            if piece.words > MAX_CAPTION_WORDS:
                continue
            credit = self._credited(piece.text)
            repeated = counts.get(text, 0) > 1
            if text in seen:
                kind = Kind.CAPTION if credit else Kind.BOILERPLATE
                yield piece.drop(self.name, "caption:repeated" if credit else "duplicate:repeated_line", kind=kind)
                continue
            if repeated:
                seen.add(text)
            if credit:
                yield piece.drop(self.name, f"caption:{credit}", kind=Kind.CAPTION)
