"""Photo and video captions: lines that carry a photo credit, and lines the page repeats.

A caption is moved to ``Article.captions`` (once, however often the page repeats it); a
repeated body line is kept once.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from newsclean.document import Decision, Document, Piece
from newsclean.model import Kind
from newsclean.phrases import Matcher, Phrasebook, compile_matcher
from newsclean.shapes import ends_sentence

MAX_CAPTION_WORDS = 90
MAX_CAPTION_SENTENCES = 3
"""A caption says one to three sentences (193 hand-made gold captions of 60 outlets: none
more); a line of more sentences that ends with a photo credit is story text with its
reporter's credit (``… kata dia.Warga … (Outlet.com/Name)``), not a caption."""
_SENTENCE_BREAK = regex.compile(r"\p{Ll}[.!?][\"”’]?\s*[\"“]?\p{Lu}")
MEMO_CHARS = 64
"""A piece's credit is a function of its text (and its line's literals): a text this short,
which a page may repeat down its length, is read once per document."""
MEMO_SIZE = 4096
"""At most this many texts are remembered per document."""
HEADER_PIECES = 3
PROSE_WORDS = 25
"""A line repeated within the first pieces (above the story) is a caption."""


class Captions:
    name = "captions"

    def __init__(self, book: Phrasebook) -> None:
        self._credit = compile_matcher(book.get("captions", "inline"))
        self._whole = compile_matcher(book.get("captions", "lines"), anchor=r"\A\s*", suffix=r"\s*\Z")
        self._lead = compile_matcher(book.get("captions", "lead"), anchor=r"\A\s*")

    def _credited(self, piece: Piece, whole: Matcher | None, credit: Matcher | None) -> str | None:
        if whole is not None:
            hit = whole.match(piece.text, piece.lower, piece.mask)
            if hit:
                return hit.id
        if credit is not None:
            hit = credit.search(piece.text, piece.lower, piece.mask)
            if hit:
                return hit.id
        return None

    def decide(self, doc: Document) -> Iterator[Decision]:
        pieces = doc.pieces
        lead, whole, credit_matcher = doc.narrow(self._lead), doc.narrow(self._whole), doc.narrow(self._credit)
        if pieces and lead is not None:
            hit = lead.match(pieces[0].text, pieces[0].lower, pieces[0].mask)
            if hit:
                yield pieces[0].cut(hit.start, hit.end, self.name, f"caption:lead:{hit.id}", kind=Kind.CAPTION)
        counts: dict[str, int] = {}
        for p in pieces:
            if p.words >= 3:
                counts[p.clean] = counts.get(p.clean, 0) + 1
        # the story starts at the first prose piece the page does not repeat
        story = next((i for i, p in enumerate(pieces) if counts.get(p.clean, 0) == 1 and _prose(p)), len(pieces))
        above_story = min(HEADER_PIECES, story)
        seen: set[str] = set()
        credits: dict[str, tuple[int, str | None]] = {}  # a short text's line literals and credit
        for index, piece in enumerate(pieces):
            text = piece.clean
            if piece.words > MAX_CAPTION_WORDS:
                continue
            repeated = counts.get(text, 0) > 1
            known = credits.get(piece.text) if len(piece.text) <= MEMO_CHARS else None
            if known is not None and known[0] == piece.mask:
                credit = known[1]
            else:
                credit = self._credited(piece, whole, credit_matcher)
                if len(piece.text) <= MEMO_CHARS and len(credits) < MEMO_SIZE:
                    credits[piece.text] = (piece.mask, credit)
            if credit is not None and _sentences(text) > MAX_CAPTION_SENTENCES:
                credit = None
            if credit is None and repeated and index < above_story:
                credit = "repeated_above_story"
            if credit is None and _says_it_twice(text):
                credit = "repeated_within_line"
            if credit is None:
                continue
            if text in seen:
                yield piece.drop(self.name, "caption:repeated", kind=Kind.CAPTION)
                continue
            seen.add(text)
            yield piece.drop(self.name, f"caption:{credit}", kind=Kind.CAPTION)


def _sentences(text: str) -> int:
    """How many sentences ``text`` says (breaks between them, glued or not, plus one)."""
    return 1 + sum(1 for _ in _SENTENCE_BREAK.finditer(text))


def _prose(piece: Piece) -> bool:
    return piece.words >= PROSE_WORDS or (piece.words >= 8 and ends_sentence(piece.clean))


def _says_it_twice(text: str) -> bool:
    """True for a line that ends with the same sentence twice (a caption the page renders
    twice, as in ``OUTLET.com/X Menteri A di B. Menteri A di B.``)."""
    # ``text`` is whitespace-normalised: words are split by single spaces; the last four words
    # are read from the end, so a paragraph is split into words only when they repeat
    if text.count(" ") < 7 or not text.endswith((".", ")")):  # under eight words, or open
        return False
    if text.count(" ".join(text.rsplit(" ", 4)[-4:])) < 2:
        return False
    words = text.split()
    n = len(words)
    return any(words[n - k :] == words[n - 2 * k : n - k] for k in range(4, n // 2 + 1))
