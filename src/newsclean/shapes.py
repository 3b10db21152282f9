"""Small tests of what a piece of text looks like (a headline, a sentence), shared by rules."""

from __future__ import annotations

from collections.abc import Set

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
