"""Small tests of what a piece of text looks like (a headline, a sentence, a byline or date
line), shared by rules: the one home of each shape test, so two rules asking the same question
get the same answer. The tests take the text and its word count (each caller counts words its
own way) and their thresholds as arguments, named by the caller."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence, Set

import regex

from newsclean.metadata.byline import is_byline_label, parse_byline
from newsclean.metadata.dates import find_timestamp

_OPENERS = "\"'“‘("
_STRIP = ",.:;!?\"'“”‘’()"


def headline_case(text: str, small_words: Set[str], *, min_words: int = 3) -> bool:
    """Most words capitalised, as headlines are: ``Gibran Dapat Pesan soal Pemerataan``.

    ``small_words`` are the words a headline leaves lowercase (``di``, ``dan``, ``of``, ...).

    >>> headline_case("Gibran Dapat Pesan soal Pemerataan Pembangunan", {"soal"})
    True
    >>> headline_case("Harga beras naik lagi pekan ini", set())
    False
    """
    words = [w for w in text.split() if w.lower().strip(_STRIP) not in small_words]
    if len(words) < min_words:
        return False
    capital = sum(1 for w in words if w.lstrip(_OPENERS)[:1].isupper() or w[:1].isdigit())
    return capital >= 0.75 * len(words)


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends like a sentence (``.``, ``!``, ``?``, maybe inside a quote)."""
    return text.rstrip().rstrip("\"'”’)»").endswith((".", "!", "?", "…"))


def is_meta(text: str, words: int, *, max_words: int, tz: dt.tzinfo | None = None, date_share: float = 0.0) -> bool:
    """A byline label, a byline (naming an author or a time) or a date line: header material,
    what sits next to a headline.

    ``text`` is the piece's clean text, ``words`` its word count; a line of more than
    ``max_words`` words is none. A date makes a date line when it takes at least
    ``date_share`` of the text (``0``: any date; a date inside a teaser headline is no date
    line). ``tz`` is the zone a time printed with none is read in.

    >>> is_meta("Penulis: Fajar Nugraha", 3, max_words=16)
    True
    >>> is_meta("Kamis, 5 November 2015 14:56 WIB", 6, max_words=16)
    True
    >>> is_meta("Harga beras naik lagi pekan ini", 6, max_words=16)
    False
    """
    if words > max_words:
        return False
    if is_byline_label(text) is not None:
        return True
    stamp = find_timestamp(text, default_tz=tz)
    if stamp is not None and stamp.end - stamp.start >= date_share * len(text):
        return True
    byline = parse_byline(text, default_tz=tz)
    return byline is not None and bool(byline.authors or byline.timestamp)


BREADCRUMB_ENDS = (">", "»", "›", "/", "|")
"""How a breadcrumb step ends (``News >``, ``Home /``)."""
_TITLE_QUOTES = "\"“'‘"


def title_shaped(text: str, words: int, *, max_words: int) -> bool:
    """A header line shaped like a title: 2 to ``max_words`` words, opening with a capital
    (or a quote, then not closing with a full stop), not closing as a sentence or a clause does
    (``.``, ``:``, ``,``) nor as a breadcrumb step; a line opening with a number is one when
    its next word is lower case (``29 penerbangan … dibatalkan``, not ``759 SHARES``).

    ``text`` is the line stripped.

    >>> title_shaped("Gibran Dapat Pesan soal Pemerataan", 5, max_words=30)
    True
    >>> title_shaped("Berita Terkini >", 3, max_words=30), title_shaped("1.229 Views", 2, max_words=30)
    (False, False)
    """
    if text.endswith(BREADCRUMB_ENDS):
        return False
    if text[:1].isdigit():
        tokens = text.split()
        return 3 <= words <= max_words and tokens[1][:1].islower() and not text.endswith((".", ":", ","))
    return (2 <= words <= max_words and not text.endswith((".", ":", ",")) and text[:1].isupper()) or (
        2 <= words <= max_words and text[:1] in _TITLE_QUOTES and not text.endswith(".")
    )


INNER_SENTENCE = regex.compile(r"\p{Ll}{2}[.!?]\s+\p{Lu}\p{Ll}")
"""A sentence ends and another starts inside the line."""


def title_block_shaped(lines: Sequence[str], words: int, *, min_words: int, max_words: int, max_lines: int) -> bool:
    """A block of lines (a headline wrapped on a page) shaped like a title: at most
    ``max_lines`` lines and ``min_words`` to ``max_words`` words, no line holding two sentences
    (a blurb), the last not closing as a sentence or clause does (``.``, ``:``, ``,``, ``;``),
    the first opening with a capital, a digit or a quote.

    >>> sizes = {"min_words": 3, "max_words": 20, "max_lines": 3}
    >>> title_block_shaped(["Banjir Rendam Ribuan Rumah", "di Pesisir Utara"], 7, **sizes)
    True
    >>> title_block_shaped(["New to Versa? It's an app for news."], 8, **sizes)
    False
    """
    if len(lines) > max_lines or not min_words <= words <= max_words:
        return False
    if any(INNER_SENTENCE.search(line) for line in lines):
        return False  # "New to Versa? It's an app ...": two sentences are a blurb
    first, last = lines[0], lines[-1]
    return not last.endswith((".", ":", ",", ";")) and (first[:1].isupper() or first[:1].isdigit()
                                                        or first[:1] in _TITLE_QUOTES)
