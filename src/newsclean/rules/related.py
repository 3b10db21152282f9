"""Related-article links: ``Baca juga: …``, ``(Baca: …)``, ``Lihat juga``, ``Read also``, … and
the headline(s) that follow the label, on the same line, glued into a sentence run, or on the
lines after a label that stands alone."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

import regex

from newsclean.document import Decision, Document, Piece
from newsclean.metadata.byline import signature_name
from newsclean.phrases import MIN_SCANNED, Phrasebook, literal_mask
from newsclean.rules.base import PhraseRule
from newsclean.segment import FOLDED_BY_REGEX, contains_any
from newsclean.shapes import ends_sentence, headline_case

MAX_HEADLINE_WORDS = 30
"""A label's headline run longer than this must have body text glued after it."""
MAX_FOLLOWING_HEADLINES = 6
LABEL_WINDOW = 48
"""How far before a colon a related-link label may start."""
SCAN_CHUNK = 256
"""Characters a label's glued boundaries and wide gaps are looked for in at a time."""
HEADLINE_WINDOW = 1000
"""How far past a label (in characters) its headline(s) are looked for, so a line of thousands
of labels costs a bounded amount per label, not the whole rest of the line."""
MIN_PIECES_FOR_TRAILING = 4
MIN_TRAILING_WORDS = 4
MAX_TRAILING_WORDS = 20

# a glued boundary: a word or a closing mark immediately followed by a capital (no space)
_GLUED = regex.compile(r"(?<=[\p{Ll}%)\]”\"'’.?!])(?=[\p{Lu}“\"])")
_TWO_SPACES = regex.compile(r"(?=\s\s)")
"""Every position where two whitespace characters follow each other: a wide gap starts there."""
_WORD = regex.compile(r"\S+")
_OVER_HEADLINE_WORDS = regex.compile(rf"\s*+(?:\S++\s++){{{MAX_HEADLINE_WORDS}}}\S")
"""Matches where more than :data:`MAX_HEADLINE_WORDS` words follow (one match, not a loop)."""
WORDS_CHUNK = 600
"""Characters :func:`more_than_headline_words` splits before it asks the pattern."""
_NOT_PATTERN_SPACE = ("\x1c", "\x1d", "\x1e", "\x1f")
r"""What ``str.split`` breaks words at and the pattern's ``\s`` does not (they agree on the rest)."""
_LIST_NUMBER = regex.compile(r"\d{1,2}\.\Z")
_LIST_ITEM = regex.compile(r"\d{1,3}[.)]\s|[^:\n]{1,40}\s\d{1,3}:\s")
"""A numbered list item (``19. Prof. Dr. …``, ``Tunggal putra 2: …``): no trailing headline."""


def more_than_headline_words(text: str, at: int, chunk_size: int = WORDS_CHUNK) -> bool:
    """``_OVER_HEADLINE_WORDS.match(text, at)``: more than :data:`MAX_HEADLINE_WORDS` words
    follow ``at``, answered by splitting a bounded chunk into that many words at most (the
    pattern's possessive groups cost ~50,000 instructions a call: a line of a thousand labels
    asked it once a label); the pattern decides only when the chunk holds fewer words and is
    not all the rest (words hundreds of characters long), or a character the two read apart."""
    chunk = text[at : at + chunk_size]
    if not contains_any(_NOT_PATTERN_SPACE, chunk):
        # 30 splits at most: a 31st part is the 31st word, so 30 words each followed by space
        if len(chunk.split(None, MAX_HEADLINE_WORDS)) > MAX_HEADLINE_WORDS:
            return True
        if at + len(chunk) >= len(text):
            return False  # the chunk is the whole rest, and holds 30 words at most
    return _OVER_HEADLINE_WORDS.match(text, at) is not None


class RelatedLinks:
    name = "related_links"

    def __init__(self, book: Phrasebook) -> None:
        labels = sorted(book.labels("related_links"), key=len, reverse=True)
        alt = "|".join(regex.escape(label).replace(r"\ ", r"\s+") for label in labels)
        self._phrases = PhraseRule(self.name, book, "related_links")
        self._small = frozenset(w.lower() for w in book.labels("headline_words"))
        # every label starts with one of these words: a piece holding none has no label (the
        # pipeline's literal scan looks for them too, so a document is tested only for its own)
        self._first_words = tuple(sorted({label.split()[0].lower() for label in labels}))
        self.literals = frozenset(self._first_words)
        self._ascii_words = all(w.isascii() for w in self._first_words)
        # a label opening a piece: with a colon, or standing alone
        self._start = regex.compile(rf"(?i)\A\s*(?P<open>\(\s*)?(?P<label>{alt})\s*(?P<colon>[:：]|!*\s*\Z)")
        # a label inside a run of text: capitalised, after a sentence end or glued, with a colon
        self._inline_matcher = regex.compile(
            rf"(?<=[.!?\"”’)\]\p{{Ll}}]\s*|\A\s*)(?P<open>\(\s*)?(?P<label>(?i:{alt}))\s*[:：]"
        )

    def decide(self, doc: Document) -> Iterator[Decision]:
        yield from self._phrases.decide(doc)
        pieces = doc.pieces
        skip_until = -1
        touched = -1
        found = doc.found_literals
        words = self._first_words if found is None else tuple(w for w in self._first_words if w in found)
        words_mask = literal_mask(words) if all(len(w) >= MIN_SCANNED for w in words) else -1
        for i, piece in enumerate(pieces):
            if i <= skip_until:
                continue
            if piece.mask >= 0 and words_mask >= 0:
                if not piece.mask & words_mask:  # the scan found no label word on this line
                    continue
            elif not contains_any(words, piece.lower):
                continue
            m = self._start.match(piece.text) if self._may_start(piece.text, piece.lower) else None
            if m:
                touched = i
            if m and m.group("label")[0].isupper():
                reason = "related_link:" + " ".join(m.group("label").lower().split())
                rest_at = m.end()
                if not piece.text[rest_at:].strip():
                    # the label alone: drop it and the headlines listed after it
                    yield piece.drop(self.name, reason)
                    j = i + 1
                    while j < len(pieces) and j - i <= MAX_FOLLOWING_HEADLINES and self._is_headline(pieces[j]):
                        yield pieces[j].drop(self.name, reason + ":headline")
                        j += 1
                    skip_until = j - 1
                    continue
                glued = _GluedBoundaries(piece.text)
                end = self._headline_end(piece.text, rest_at, bool(m.group("open")), glued)
                yield piece.cut(m.start("label") - (len(m.group("open") or "")), end, self.name, reason)
                rest = piece.text[end:]
                if rest.strip():
                    yield from self._inline_links(piece, end, words, glued)
                continue
            yield from self._inline_links(piece, 0, words)
        # a headline closing the text, with no label: a related link (a teaser left at the end)
        if len(pieces) >= MIN_PIECES_FOR_TRAILING and touched < len(pieces) - 1 and skip_until < len(pieces) - 1:
            last = pieces[-1]
            text = last.clean
            if (
                MIN_TRAILING_WORDS <= last.words <= MAX_TRAILING_WORDS
                and not ends_sentence(text)
                and not text.endswith(":")
                and not _LIST_ITEM.match(text)  # "19. Prof. Dr. …", "Tunggal putra 2: Anders …"
                and signature_name(text) is None  # "- Rina Wulandari": the writer signs off (credits)
                and headline_case(text, self._small, min_words=MIN_TRAILING_WORDS)
            ):
                yield last.drop(self.name, "related_link:trailing_headline")

    def _inline_links(
        self, piece: Piece, pos: int, words: tuple[str, ...], glued: _GluedBoundaries | None = None
    ) -> Iterator[Decision]:
        """Labels inside the piece's text from ``pos`` on; ``words`` are the labels' first
        words the document holds (the literal scan found them; the others are in no window)."""
        text = piece.text
        if ":" not in text and "：" not in text:
            return  # a label always ends in a colon
        colons = _Colons(text)
        if glued is None:
            glued = _GluedBoundaries(text)
        while True:
            # a label always ends in a colon: look for labels just before each colon only
            colon = colons.next(pos)
            if colon == -1:
                return
            start = self._search_start(text, max(pos, colon - LABEL_WINDOW), colon, words)
            m = self._inline_matcher.search(text, start, colon + 1) if start >= 0 else None
            if not m:
                pos = colon + 1
                continue
            if not m.group("label")[0].isupper():
                pos = m.end()
                continue
            start = m.start("open") if m.group("open") else m.start("label")
            end = self._headline_end(text, m.end(), bool(m.group("open")), glued)
            reason = "related_link:" + " ".join(m.group("label").lower().split())
            yield piece.cut(start, end, self.name, reason)
            pos = max(end, m.end())

    def _may_start(self, text: str, lower: str) -> bool:
        """Whether ``self._start`` may match ``text`` (``lower``: its lower case): only when,
        past the spaces and the bracket it allows, the text opens with a label's first word.
        A cheap test before the pattern; it never says no where the pattern matches (Python's
        spaces include the pattern's, and ``ſ`` and ``İ``, which the pattern's ignore-case
        reads as ``s`` and ``i``, turn it off)."""
        if not self._ascii_words or contains_any(FOLDED_BY_REGEX, text):
            return True
        head = lower.lstrip()
        if head.startswith("("):
            head = head[1:].lstrip()
        return head.startswith(self._first_words)

    def _search_start(self, text: str, start: int, colon: int, words: tuple[str, ...] | None = None) -> int:
        """Where, in ``text[start:colon]``, a label ending at ``colon`` can start at the earliest
        (``-1``: nowhere): at the first of the labels' first words, moved back over the
        bracket and spaces that may open it. Searching from there finds what a search from
        ``start`` finds (nothing can match before a label's first word), at a fraction of the
        cost: the label pattern is tried at a few places instead of at each of
        :data:`LABEL_WINDOW`. Exact for ASCII words on a window whose lower case keeps its
        offsets and holds none of the non-ASCII letters the pattern's ignore-case matches as
        ASCII (``ſ``, the Kelvin sign; ``İ`` changes the length). ``words``: the first words
        to look for (those the document holds; default all)."""
        window = text[start:colon]
        low = window.lower()
        if not self._ascii_words or len(low) != len(window) or contains_any(FOLDED_BY_REGEX, window):
            return start
        first = -1
        for word in self._first_words if words is None else words:
            at = low.find(word)
            if at >= 0 and (first < 0 or at < first):
                first = at
        if first < 0:
            return -1
        at = start + first
        while at > start and text[at - 1].isspace():
            at -= 1
        if at > start and text[at - 1] == "(":
            at -= 1
        return at

    def _headline_end(self, text: str, at: int, parenthesised: bool, glued: _GluedBoundaries) -> int:
        """Where the headline(s) after a label end, in ``text`` from offset ``at``."""
        if parenthesised:
            close = text.find(")", at, at + 400)
            if close != -1:
                return close + 1
        if not more_than_headline_words(text, at):
            # a short rest is headline(s), unless prose is glued on after them
            return self._glued_prose_start(text, at, glued)
        rest = text[at : at + HEADLINE_WINDOW]
        limit = glued.first_gap(at, len(rest))
        # glued headlines: take segments while they read as headlines
        end = 0
        for seg_start, seg_end in glued.segments(at, limit):
            seg = rest[seg_start:seg_end]
            if seg_start == 0 or self._title_case(seg):
                cut = self._title_run_end(seg)
                end = seg_start + cut
                if cut < len(seg):
                    break
            else:
                break
        if end == 0:
            end = limit
        return at + end

    def _glued_prose_start(self, text: str, at: int, glued: _GluedBoundaries) -> int:
        """Where prose glued to a short run of headlines starts (``len(text)`` if none)."""
        rest = text[at:]
        for seg_start, seg_end in glued.segments(at, len(rest)):
            if seg_start > 0 and not self._title_case(rest[seg_start:seg_end]):
                return at + seg_start
        return len(text)

    def _title_case(self, seg: str) -> bool:
        # (splits bounded by the words they need: a segment may be a thousand characters long)
        words = seg.split(None, 8)[:8]
        if not words:
            return False
        lower = sum(1 for w in words if w[:1].islower() and w.lower().strip(",.:;") not in self._small)
        return lower <= 1 and len(seg.split(None, MAX_HEADLINE_WORDS)) <= MAX_HEADLINE_WORDS

    def _title_run_end(self, seg: str) -> int:
        """End of the title-case run in ``seg``: before the capitalised word that starts prose."""
        last_cap = None  # where the last capitalised word after the first starts
        for k, w in enumerate(_WORD.finditer(seg)):
            token = w.group()
            first = token.lstrip("\"“'‘(")[:1]
            if k > 0 and (token.startswith(("“", '"')) or (
                token[:1].isdigit() and token.endswith(".") and _LIST_NUMBER.match(token)  # ("19.")
            )):
                return int(w.start())
            if first.islower() and token.lower().strip(",.:;!?") not in self._small:
                if last_cap is not None:
                    return last_cap
                return len(seg)
            if first.isupper() or first.isdigit():
                last_cap = int(w.start()) if k > 0 else None
        return len(seg)

    def _is_headline(self, piece: Piece) -> bool:
        text = piece.clean
        words = text.split()
        return 2 <= len(words) <= 25 and not text.endswith((".", ":")) and not text.startswith(("“", '"'))


class _Colons:
    """The next colon (``:`` or ``：``) at or after a position that only moves forward: each
    kind is searched for again only once passed, so walking a line is linear."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._found = {":": -2, "：": -2}

    def next(self, pos: int) -> int:
        for colon, at in self._found.items():
            if at != -1 and at < pos:
                self._found[colon] = self._text.find(colon, pos)
        hits = [at for at in self._found.values() if at != -1]
        return min(hits) if hits else -1


class _GluedBoundaries:
    """Where words meet with no space in one text (``…naikHarga``, ``…”Baca``), and where wide
    gaps start: found a chunk at a time, as far as a label's headline window needs, and never
    twice (a line of hundreds of labels stays linear, and one label early in a long paragraph
    reads only the chunks around it)."""

    def __init__(self, text: str, chunk: int = SCAN_CHUNK) -> None:
        self._text = text
        self._chunk = chunk
        self._at: list[int] = []
        self._at_done = 0
        """Every boundary at a position before this one is in ``_at``."""
        self._gaps: list[int] = []
        self._gaps_done = 0
        """Every gap starting before this position is in ``_gaps``."""

    def _bounds_before(self, end: int) -> None:
        text = self._text
        while self._at_done < min(end, len(text)):
            stop = min(len(text), max(end, self._at_done + self._chunk))
            # (a boundary is read at its own character: none is lost at a chunk's end)
            self._at.extend(m.start() for m in _GLUED.finditer(text, self._at_done, stop))
            self._at_done = stop

    def _gaps_before(self, end: int) -> None:
        text = self._text
        n = len(text)
        while self._gaps_done < min(end, n):
            stop = min(n, max(end + 1, self._gaps_done + self._chunk))
            self._gaps.extend(m.start() for m in _TWO_SPACES.finditer(text, self._gaps_done, stop))
            # a gap at the chunk's last character needs the next one: it is read with the next chunk
            self._gaps_done = n if stop == n else stop - 1

    def first_gap(self, at: int, length: int) -> int:
        """Where two whitespace characters first follow each other in ``text[at : at + length]``,
        from its offset 1 on (``length`` if nowhere): the end of a label's headline window."""
        self._gaps_before(at + length)
        i = bisect_left(self._gaps, at + 1)
        if i < len(self._gaps) and self._gaps[i] + 1 < at + length:
            return self._gaps[i] - at
        return length

    def segments(self, at: int, limit: int) -> Iterator[tuple[int, int]]:
        """The runs of ``text[at : at + limit]`` between boundaries, as offsets from ``at``."""
        self._bounds_before(at + 1)
        bounds = self._at
        start = 0
        i = bisect_left(bounds, at + 1)
        end = at + limit
        while True:
            if i == len(bounds) and self._at_done < min(end, len(self._text)):
                self._bounds_before(self._at_done + 1)  # the next chunk
                continue
            if i < len(bounds) and bounds[i] < end:
                yield start, bounds[i] - at
                start = bounds[i] - at
                i += 1
                continue
            break
        yield start, limit
