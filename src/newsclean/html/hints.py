"""Positive class/id evidence: names that mark an element as the article's body."""

from __future__ import annotations

from collections.abc import Iterable

from newsclean.html._data import BODY_CLASS_HINT_SET, BODY_CLASS_HINTS, BODY_CLASS_PREFIXES


def hint_rank(names: Iterable[str]) -> int | None:
    """How strongly ``names`` (an element's class and id, lower-cased) mark the article body:
    the place of the best of them in ``BODY_CLASS_HINTS`` (a generated-name prefix ranks after
    all of them), None when none does."""
    best: int | None = None
    for name in names:
        if name in BODY_CLASS_HINT_SET:
            rank = BODY_CLASS_HINTS.index(name)
        elif name.startswith(BODY_CLASS_PREFIXES):
            rank = len(BODY_CLASS_HINTS)
        else:
            continue
        best = rank if best is None else min(best, rank)
    return best
