"""The generic rule that removes what a phrase family lists."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.document import Decision, Document
from newsclean.phrases import Phrasebook, compile_matcher, line_gate
from newsclean.rules.protocol import Rule

__all__ = ["LONG_PIECE", "PhraseRule", "Rule"]

MEMO_CHARS = 64
"""Pieces this short are read once per text and document (see :meth:`PhraseRule.decide`)."""
MEMO_SIZE = 4096
"""At most this many texts are remembered per document."""
LONG_PIECE = 400
"""Whole-piece (``lines``) patterns are not tried on pieces longer than this: boilerplate
lines are short, and skipping long paragraphs keeps the per-document cost low."""


class PhraseRule:
    """Removes what one phrase family lists: whole lines, line starts, and inline runs."""

    def __init__(self, name: str, book: Phrasebook, family: str | None = None) -> None:
        self.name = name
        family = family or name
        self.family = family
        self._lines = compile_matcher(book.get(family, "lines"), anchor=r"\A\s*", suffix=r"[\s.,;:!|]*\Z")
        self._starts = compile_matcher(book.get(family, "starts"), anchor=r"\A[\s(\[]*")
        self._inline_matcher = compile_matcher(book.get(family, "inline"))

    def decide(self, doc: Document) -> Iterator[Decision]:
        family = self.family
        lines, starts, inline = doc.narrow(self._lines), doc.narrow(self._starts), doc.narrow(self._inline_matcher)
        if lines is None and starts is None and inline is None:
            return
        gate, is_open = line_gate(lines, starts, inline)
        # a piece's decisions are its text's alone (and its line's literals): a short text the
        # document repeats, found to hold nothing, is not read again (text -> line literals)
        idle: dict[str, int] = {}
        for piece in doc.pieces:
            mask = piece.mask
            if mask >= 0 and not is_open and not mask & gate:
                continue  # no literal of the family on its line: none of its phrases can match
            text = piece.text
            short = len(text) <= MEMO_CHARS
            if short and idle.get(text, -2) == mask:
                continue
            if lines is not None and len(text) <= LONG_PIECE:
                hit = lines.match(text, piece.lower, piece.mask)
                if hit:
                    yield piece.drop(self.name, f"{family}:{hit.id}")
                    continue
            if starts is not None:
                hit = starts.match(text, piece.lower, piece.mask)
                if hit:
                    yield piece.drop(self.name, f"{family}:{hit.id}")
                    continue
            found = False
            if inline is not None:
                for hit in inline.finditer(text, piece.lower, piece.mask):
                    found = True
                    yield piece.cut(hit.start, hit.end, self.name, f"{family}:{hit.id}")
            if short and not found and len(idle) < MEMO_SIZE:
                idle[text] = mask
