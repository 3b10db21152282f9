"""Negative evidence: the regions of a page that are not its story, found by structure.

A comment thread, a footer, a cookie or consent notice, a pop-up, a form, a newsletter or
"related" box can hold more running text than the story itself; text density alone then
picks it. :func:`negative_regions` names every element that sits in such a region, with
the reason, so the body is chosen elsewhere (the region is still rendered if it sits
inside the chosen body: the renderer judges it there, by its own rules).

A region is negative by its tag (``<footer>``, ``<aside>``, ``<nav>``, ``<form>``), its ARIA
role (``contentinfo``, ``dialog`` …) or a token of its class or id (``comment``, ``cookie``,
``consent``, ``modal`` …; not on an ``<article>``, whose classes describe the post, nor on the
story's own hinted container). Never on ``<body>``, ``<html>`` or ``<main>``, nor on a region
holding an ``<h1>`` (a thread or a footer does not hold the page's headline), nor, by its tag or role, on
one holding most of the page's prose (:data:`NEGATIVE_MAX_SHARE`: a ``<form>`` around a whole
page). A class says what a block is even when it outweighs the story (a long comment thread).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsclean.html._data import (
    MODIFIER_PREFIXES,
    NEGATIVE_ROLES,
    NEGATIVE_TAGS,
    NEGATIVE_TOKENS,
    TOKEN_SPLIT_RE,
)
from newsclean.html.hints import hint_rank

if TYPE_CHECKING:
    from newsclean.html.content import Element, Stats

NEGATIVE_MAX_SHARE = 0.8
"""A region holding this share of the page's prose or more is never negative by its tag or role
(it is the page: ASP.NET wraps every page in one ``<form>``)."""
NEGATIVE_WEIGHT = 0.05
"""A paragraph score inside a negative region counts this much when the body is chosen by density."""
_NEVER = frozenset({"html", "body", "main"})
_ANY_TOKEN = re.compile(
    r"(?<![a-z0-9])(?:" + "|".join(sorted(NEGATIVE_TOKENS, key=len, reverse=True)) + r")(?![a-z0-9])"
)
"""A negative token anywhere in a class/id string, on token boundaries (as ``TOKEN_SPLIT_RE`` cuts)."""


def own_negative(el: Element) -> str | None:
    """Why ``el`` itself opens a non-story region (``tag=footer``, ``role=dialog``,
    ``class=comment``), or None."""
    tag = el.tag
    if tag in _NEVER:
        return None
    if tag in NEGATIVE_TAGS:
        return f"tag={tag}"
    role = el.get("role")
    if role and role.strip().lower() in NEGATIVE_ROLES:
        return f"role={role.strip().lower()}"
    if tag == "article":  # its classes describe the post (``category-newsletter``, ``has-sharing``)
        return None
    raw = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    if _ANY_TOKEN.search(raw) is None:  # (one scan for most elements, the tokens below for the rest)
        return None
    names = raw.split()
    if not names or "articlebody" in (el.get("itemprop") or "").lower() or hint_rank(names) is not None:
        return None  # the story's own container (``entry-content no-share``)
    for name in names:
        if name.startswith(MODIFIER_PREFIXES):
            continue  # a state, not what the block is: ``no-share``, ``has-comments``
        for token in TOKEN_SPLIT_RE.split(name):
            if token in NEGATIVE_TOKENS:
                return f"class={token}"
    return None


def negative_regions(st: Stats, body: Element) -> dict[Element, str]:
    """Every element inside a non-story region, mapped to the reason of its outermost one."""
    page_prose = st.prose.get(body, 0)
    cap = NEGATIVE_MAX_SHARE * page_prose
    headed = {a for el in st.order if el.tag == "h1" for a in el.iterancestors()}
    out: dict[Element, str] = {}
    for el in st.order:  # document order: a parent comes before its children
        parent = el.getparent()
        inherited = out.get(parent) if parent is not None else None
        if inherited is not None:
            out[el] = inherited
            continue
        if el in headed:  # a comment box or a footer does not hold the page's headline
            continue
        reason = own_negative(el)
        if reason is None:
            continue
        if reason.startswith("class=") or not page_prose or st.prose.get(el, 0) < cap:
            out[el] = reason
    return out
