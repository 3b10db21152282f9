"""Widening the chosen container to the whole story when the page splits it into blocks.

Density picks the one element with the most paragraph text; a story set as several sibling
blocks (a section per subheading, a page builder's block per paragraph, the lead in its own
box) then loses all but one. :func:`widen` climbs from the container to the ancestor that
still reads as story: a parent is taken while what it adds beside the current region is
itself prose, few links, outside the negative regions (comments, footers, consent notices …).
Every step is a trace decision with its path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsclean.html.model import HtmlDecision

if TYPE_CHECKING:
    from newsclean.html.content import Element, Stats

WIDEN_PROSE_SHARE = 0.5
"""A parent is taken when paragraphs hold at least this share of the text it adds ..."""
WIDEN_MAX_LINKS = 0.3
"""... links less than this share of it ..."""
WIDEN_MIN_GAIN = 0.1
"""... and the paragraph text it adds is at least this share of the region's (a byline or a
date line beside the body is no reason to climb)."""
WIDEN_MAX_STEPS = 12
"""Ancestors looked at, at most (wrappers with nothing beside the region cost a step each)."""
_STOP = frozenset({"body", "html"})
SUBHEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def widen(
    container: Element, st: Stats, negative: dict[Element, str], rule: str, headline: Element | None = None
) -> tuple[Element, list[HtmlDecision]]:
    """The ancestor of ``container`` that holds the whole story, and the steps taken. It never
    takes in the ``headline`` (the header above the body is read apart: byline, date,
    standfirst), nor climbs past the page's own ``itemprop=articleBody``."""
    from newsclean.html.content import element_path, sample

    above = set(headline.iterancestors()) if headline is not None else set()
    best = container
    node = container
    decisions: list[HtmlDecision] = []
    for _ in range(WIDEN_MAX_STEPS):
        if "articleBody" in (node.get("itemprop") or ""):
            break  # the page's own bound of the story
        parent = node.getparent()
        if parent is None or parent.tag in _STOP or parent in negative or parent in above:
            break
        added_text = st.text.get(parent, 0) - st.text.get(node, 0)
        if added_text <= 0:
            node = parent  # a wrapper: nothing beside the region
            continue
        beside = [k for k in parent if k is not node and isinstance(k.tag, str)]
        # what the renderer drops there (a comment box, a footer) and a block's title weigh nothing
        left_out = [k for k in beside if k in negative or k.tag in SUBHEADINGS]
        added_text -= sum(st.text.get(k, 0) for k in left_out)
        if added_text <= 0:
            node = parent  # only a title beside the region: taken with the next step, if any
            continue
        added_prose = st.prose.get(parent, 0) - st.prose.get(node, 0) - sum(st.prose.get(k, 0) for k in left_out)
        added_links = st.link.get(parent, 0) - st.link.get(node, 0) - sum(st.link.get(k, 0) for k in left_out)
        if (
            added_prose < WIDEN_PROSE_SHARE * added_text
            or added_links >= WIDEN_MAX_LINKS * added_text
            or added_prose < WIDEN_MIN_GAIN * st.prose.get(best, 0)
        ):
            break
        node = best = parent
        decisions.append(HtmlDecision(rule, "widened:story_blocks", sample(parent), element_path(parent)))
    return best, decisions
