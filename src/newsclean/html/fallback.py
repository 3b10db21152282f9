"""A second reading of the page, paragraph by paragraph, for when the chosen body looks wrong.

The container reading bets on one region. When that region holds little text beside what the
page's paragraphs hold elsewhere (a forum whose posts sit in many boxes, a recipe split into
widgets, a body chosen inside a consent notice), :func:`paragraph_reading` classifies every
paragraph of the page on its own, as jusText does: a long one with few links outside the
negative regions is story, a short one is story between two story paragraphs, a subheading
is story when story follows it. :func:`prefer_paragraphs` says when that reading wins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsclean.html._data import DROP_TAGS, HEADING_TAGS

if TYPE_CHECKING:
    from newsclean.html.content import Element, Stats

GOOD_CHARS = 70
"""A paragraph this long (own text, links aside) with few links is story wherever it sits ..."""
GOOD_MAX_LINKS = 0.2
"""... when links hold less than this share of it."""
NEAR_CHARS = 25
"""A shorter paragraph (down to this many characters) is story between two story paragraphs."""
IMPLAUSIBLE_SHARE = 0.35
"""The container reading gives way when its text is less than this share of the paragraph
reading's (checked on the pages it was not tuned on: see the commit)."""
MIN_READING_CHARS = 400
"""... and the paragraph reading holds at least this many characters (a short page's container
is not second-guessed)."""
_APART = frozenset({"figure", "figcaption"})


def paragraph_reading(st: Stats, negative: dict[Element, str]) -> list[Element]:
    """The page's story paragraphs by their own measures, in document order (none nested)."""
    marks: list[tuple[Element, str]] = []  # (element, "good" | "near" | "heading")
    for el in st.order:
        if el in negative:
            continue
        tag = el.tag
        if tag in HEADING_TAGS and tag != "h1" and 0 < st.text.get(el, 0) <= 200:
            marks.append((el, "heading"))
    owners = set(st.owners)
    for el in st.owners:
        if el in negative or el.tag in _APART or any(a.tag in DROP_TAGS or a.tag in _APART for a in el.iterancestors()):
            continue  # structural non-content, and captions (read apart)
        if el.tag in HEADING_TAGS:
            continue
        own = st.text.get(el, 0) - sum(st.text.get(k, 0) for k in el if k in owners)
        links = st.link_ratio(el)
        if own >= GOOD_CHARS and links < GOOD_MAX_LINKS:
            marks.append((el, "good"))
        elif own >= NEAR_CHARS and links < GOOD_MAX_LINKS:
            marks.append((el, "near"))
    marks.sort(key=lambda m: st.position(m[0]))
    # the nearest paragraph kind before and after each mark (headings skipped): two linear passes
    before: list[str | None] = []
    last: str | None = None
    for _, kind in marks:
        before.append(last)
        last = kind if kind != "heading" else last
    after: list[str | None] = [None] * len(marks)
    last = None
    for i in range(len(marks) - 1, -1, -1):
        after[i] = last
        last = marks[i][1] if marks[i][1] != "heading" else last
    kept: list[Element] = []
    for i, (el, kind) in enumerate(marks):
        between_good = before[i] == "good" and after[i] == "good"
        if kind == "good" or (kind == "near" and between_good) or (kind == "heading" and after[i] == "good"):
            kept.append(el)
    chosen = set(kept)
    return [el for el in kept if not any(a in chosen for a in el.iterancestors())]


def prefer_paragraphs(container_chars: int, reading_chars: int) -> bool:
    """Whether the paragraph reading replaces the container reading."""
    return reading_chars >= MIN_READING_CHARS and container_chars < IMPLAUSIBLE_SHARE * reading_chars
