"""Locating the main article region of a cleaned DOM and rendering it, one block per line.

One bottom-up pass measures every element (text, link text, links, prose); the container
is chosen by evidence (``itemprop=articleBody``, JSON-LD ``articleBody``, class/id hints,
``<article>``), checked against a readability-like paragraph score; one top-down walk
renders it, dropping structural non-content and moving captions aside. Every drop is an
:class:`~newsclean.html.model.HtmlDecision`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import TypeAlias

from lxml import html as lxml_html

from newsclean.html._data import (
    CAPTION_SUBSTRINGS,
    CAPTION_TOKENS,
    DROP_TAGS,
    INLINE_TAGS,
    LINK_DENSE_TAGS,
    NOISE_CLASSES,
    NOISE_TOKENS,
    PARAGRAPH_TAGS,
    TOKEN_SPLIT_RE,
    WEAK_NOISE_TOKENS,
)
from newsclean.html.evidence import NEGATIVE_WEIGHT, negative_regions
from newsclean.html.hints import hint_rank
from newsclean.html.meta import fold, has_title_key, text_head, title_key
from newsclean.html.model import HtmlDecision

Element: TypeAlias = lxml_html.HtmlElement

RULE_MAIN = "html_main_content"
RULE_CAPTION = "html_caption"
RULE_HEADER = "html_header"

_MIN_PARAGRAPH = 25  # characters of own text for a block to count as a paragraph
_MAX_LINK_RATIO = 0.5  # a paragraph with more link text than this is not prose
_EVIDENCE_SHARE = 0.7  # an evidence container must hold this share of the best-scored prose
_INNER_SHARE = 0.9  # prefer the innermost candidate holding this share of its group's prose
_GUARD_SHARE = 0.5  # never drop a sub-block holding this share of the region's prose
_PROSE_SHARE = 0.6
"""A block reads as prose when paragraphs hold this share of its text ..."""
_PROSE_MAX_LINKS = 0.2
"""... and links less than this share of it."""
_MAX_CAPTION = 600  # characters: a caption-like block longer than this is not a caption
_HEADER_MAX_LINES = 12
_HEADER_MAX_CHARS = 1500
_HEADER_KEEP_TAIL = 6
_SAMPLE = 80
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SOFT_HYPHEN = "\u00ad"


@dataclass
class Stats:
    """Per-element measures of one subtree, filled bottom-up in one pass."""

    order: list[Element]
    pos: dict[Element, int] = field(default_factory=dict)
    text: dict[Element, int] = field(default_factory=dict)
    link: dict[Element, int] = field(default_factory=dict)
    links: dict[Element, int] = field(default_factory=dict)
    prose: dict[Element, int] = field(default_factory=dict)
    paras: dict[Element, int] = field(default_factory=dict)
    score: dict[Element, float] = field(default_factory=dict)
    owners: list[Element] = field(default_factory=list)

    def position(self, el: Element) -> int:
        """``el``'s place in document order; an element outside the measured subtree (the
        ``<html>`` root above ``<body>``, which a broken page may offer as its container)
        comes before all of it."""
        return self.pos.get(el, -1)

    def link_ratio(self, el: Element) -> float:
        total = self.text.get(el, 0)
        return self.link.get(el, 0) / total if total else 0.0


def _slen(text: str | None) -> int:
    return len(text.strip()) if text else 0


def measure(body: Element) -> Stats:
    """Measure every element under ``body`` in one reverse pre-order pass (no recursion)."""
    order = [el for el in body.iter() if isinstance(el.tag, str)]
    st = Stats(order=order, pos={el: i for i, el in enumerate(order)})
    acc_text: dict[Element, int] = {}
    acc_link: dict[Element, int] = {}
    acc_links: dict[Element, int] = {}
    acc_inline: dict[Element, int] = {}
    acc_inline_link: dict[Element, int] = {}
    acc_prose: dict[Element, int] = {}
    acc_paras: dict[Element, int] = {}
    score = st.score
    for el in order[::-1]:
        tag = el.tag
        own = _slen(el.text)
        text = own + acc_text.pop(el, 0)
        # a named anchor without href (``<a name="q1">``) marks a place and links nowhere
        is_link = tag == "a" and (el.get("href") is not None or el.get("name") is None)
        link = text if is_link else acc_link.pop(el, 0)
        links = acc_links.pop(el, 0) + (1 if is_link else 0)
        inline = tag in INLINE_TAGS
        direct = own + acc_inline.pop(el, 0)
        direct_link = acc_inline_link.pop(el, 0)
        prose = acc_prose.pop(el, 0)
        paras = acc_paras.pop(el, 0)
        if is_link:
            acc_link.pop(el, None)
        parent = el.getparent()
        if not inline and direct >= _MIN_PARAGRAPH:
            ratio = direct_link / direct
            if ratio < _MAX_LINK_RATIO:
                prose += direct
                paras += 1
                st.owners.append(el)
                gain = (1.0 + min(direct / 100.0, 3.0)) * (1.0 - ratio)
                target = parent if tag in PARAGRAPH_TAGS and parent is not None else el
                score[target] = score.get(target, 0.0) + gain
                up = target.getparent()
                if up is not None:
                    score[up] = score.get(up, 0.0) + gain / 2
        st.text[el] = text
        st.link[el] = link
        st.links[el] = links
        st.prose[el] = prose
        st.paras[el] = paras
        if parent is not None:
            tail = _slen(el.tail)
            acc_text[parent] = acc_text.get(parent, 0) + text + tail
            acc_link[parent] = acc_link.get(parent, 0) + link
            acc_links[parent] = acc_links.get(parent, 0) + links
            acc_inline[parent] = acc_inline.get(parent, 0) + (direct if inline else 0) + tail
            if inline:
                acc_inline_link[parent] = acc_inline_link.get(parent, 0) + (text if is_link else direct_link)
            acc_prose[parent] = acc_prose.get(parent, 0) + prose
            acc_paras[parent] = acc_paras.get(parent, 0) + paras
    st.owners.reverse()
    return st


def element_path(el: Element) -> str:
    """A short path such as ``body/div[2]/nav`` (index among same-tag siblings, 1-based)."""
    parts: list[str] = []
    node: Element | None = el
    while node is not None and node.tag not in ("body", "html"):
        parent = node.getparent()
        step = str(node.tag)
        if parent is not None:
            same = [s for s in parent if s.tag == node.tag]
            if len(same) > 1:
                step += f"[{same.index(node) + 1}]"
        parts.append(step)
        node = parent
    parts.append("body" if node is None or node.tag == "body" else "html")
    return "/".join(reversed(parts))


def tidy_line(text: str) -> str:
    """One rendered line: whitespace runs as one space, soft hyphens (U+00AD, invisible
    break hints that split a word for search and matching) dropped, and the text in NFC
    (a page may write ``ä`` as ``a`` and a combining diaeresis).

    >>> tidy_line("Mit\u00adtel\u00adalter  und  Ba\u0308r")
    'Mittelalter und Bär'
    """
    if SOFT_HYPHEN in text:
        text = text.replace(SOFT_HYPHEN, "")
    line = " ".join(text.split())
    return line if line.isascii() else unicodedata.normalize("NFC", line)


def sample(el: Element) -> str:
    text = text_head(el, _SAMPLE + 1)
    return text if len(text) <= _SAMPLE else text[: _SAMPLE - 1] + "…"


def _names(el: Element) -> list[str]:
    raw = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return raw.split()




@dataclass
class Choice:
    container: Element
    reason: str
    decisions: list[HtmlDecision]
    negative: dict[Element, str] = field(default_factory=dict)
    """Every element inside a region that is not the story (see :mod:`newsclean.html.evidence`)."""


def _innermost(group: list[Element], st: Stats) -> Element:
    top = max(st.prose.get(el, 0) for el in group)
    good = [el for el in group if st.prose.get(el, 0) >= _INNER_SHARE * top]
    return max(good, key=lambda el: st.position(el))  # the deepest/latest of the nested ones


def choose_container(body: Element, st: Stats, ld_body: str | None) -> Choice:
    """Pick the element holding the article's paragraphs, with the evidence used."""
    decisions: list[HtmlDecision] = []
    negative = negative_regions(st, body)
    best: Element | None = None
    best_score = 0.0
    plain: Element | None = None  # the density winner had no region been negative
    plain_score = 0.0
    for el, raw in st.score.items():
        value = raw * (1.0 - st.link_ratio(el))
        if value > plain_score:
            plain, plain_score = el, value
        if el in negative:
            value *= NEGATIVE_WEIGHT
        if value > best_score:
            best, best_score = el, value
    if plain is not None and plain is not best and plain in negative:
        decisions.append(
            HtmlDecision(RULE_MAIN, f"rejected:text_density:{negative[plain]}", sample(plain), element_path(plain))
        )
    best_prose = st.prose.get(best, 0) if best is not None else 0

    groups: list[tuple[str, list[Element]]] = []
    itemprop = [el for el in st.order if "articleBody" in (el.get("itemprop") or "").split()]
    groups.append(("itemprop=articleBody", itemprop))
    if ld_body:
        groups.append(("jsonld=articleBody", _ld_body_containers(st, ld_body)))
    hinted: list[tuple[int, Element]] = []
    for el in st.order:
        if el.get("class") is None and el.get("id") is None:
            continue
        rank = hint_rank(_names(el))
        if rank is not None:
            hinted.append((rank, el))
    if hinted:
        groups.append(("class", [el for _, el in hinted]))
    groups.append(("article", [el for el in st.order if el.tag == "article"]))

    for label, group in groups:
        group = [el for el in group if st.prose.get(el, 0) > 0 and el not in negative]
        if not group:
            continue
        cand = _innermost(group, st)
        prose = st.prose.get(cand, 0)
        if prose >= _EVIDENCE_SHARE * best_prose:
            reason = f"chosen:{label}"
            if label == "class":
                reason += "=" + " ".join(_names(cand))[:60]
            return Choice(cand, reason, decisions, negative)
        decisions.append(
            HtmlDecision(RULE_MAIN, f"rejected:{label}:too_little_text", sample(cand), element_path(cand))
        )
    if best is not None:
        return Choice(best, "chosen:text_density", decisions, negative)
    return Choice(body, "chosen:body", decisions, negative)


_LD_HEAD = 60
"""A paragraph is found in the JSON-LD ``articleBody`` by its first this many characters."""
_LOWER_SLACK = 32
"""Characters read past a head before lower-casing it (a final sigma lower-cases by what follows)."""
HEADLINE_CHARS = 1000
"""An ``<h1>`` is compared to the title by its first this many characters (no headline is longer)."""


def _ld_body_containers(st: Stats, ld_body: str) -> list[Element]:
    folded = fold(ld_body)
    counts: dict[Element, int] = {}
    for el in st.owners:
        head = text_head(el, _LD_HEAD + _LOWER_SLACK).lower()[:_LD_HEAD]
        if len(head) >= 20 and head in folded:
            target = el.getparent() if el.tag in PARAGRAPH_TAGS else el
            if target is not None:
                counts[target] = counts.get(target, 0) + 1
    if not counts:
        return []
    top = max(counts.values())
    return [el for el, n in counts.items() if n == top]


def _caption_like(el: Element, names: list[str]) -> bool:
    if el.tag == "figcaption":
        return True
    return any(name in CAPTION_TOKENS or any(s in name for s in CAPTION_SUBSTRINGS) for name in names)


class Renderer:
    """Render regions as lines, dropping non-content and collecting captions."""

    def __init__(self, st: Stats, negative: dict[Element, str] | None = None, core: Element | None = None) -> None:
        self.st = st
        self.negative = negative or {}
        # the chosen container and its ancestors: a negative region around it is never dropped
        self._around_core = {core, *core.iterancestors()} if core is not None else set()
        self._core = core
        self.decisions: list[HtmlDecision] = []
        self.captions: list[str] = []
        self._seen_captions: set[str] = set()

    def _judge(self, el: Element, region_prose: int, header: bool) -> str | None:
        st = self.st
        tag = str(el.tag)
        guarded = region_prose > 0 and st.prose.get(el, 0) >= _GUARD_SHARE * region_prose
        if tag in DROP_TAGS and not guarded:
            return f"dropped:{tag}"
        names = _names(el)
        text = st.text.get(el, 0)
        if names:
            if _caption_like(el, names) and text <= _MAX_CAPTION and not guarded:
                return "caption"
            if not guarded and tag not in INLINE_TAGS:  # links and spans inside a paragraph stay
                prose = self._reads_as_prose(el)
                for name in names:
                    if name in NOISE_CLASSES:
                        return f"dropped:class={name}"
                    for token in TOKEN_SPLIT_RE.split(name):
                        if token in NOISE_TOKENS and not (prose and token in WEAK_NOISE_TOKENS):
                            return f"dropped:class={token}"
        elif tag == "figcaption" and text <= _MAX_CAPTION:
            return "caption"
        if tag in LINK_DENSE_TAGS and tag not in INLINE_TAGS and text and not guarded:
            links = st.links.get(el, 0)
            if st.link_ratio(el) > _MAX_LINK_RATIO and (links >= 3 or (text >= 80 and not header)):
                return "dropped:link_dense"
        # a negative region goes; inside the chosen container only under the guard (a ``share``
        # class on the story's own wrapper), beside it in the widened region however long it is
        opens = el in self.negative and el.getparent() not in self.negative and el not in self._around_core
        if opens and (not guarded or not self._inside_core(el)):
            return f"dropped:negative:{self.negative[el]}"
        return None

    def _inside_core(self, el: Element) -> bool:
        return self._core is not None and any(a is self._core for a in el.iterancestors())

    def _reads_as_prose(self, el: Element) -> bool:
        """Whether ``el`` is mostly paragraphs of running text with few links (what a weak
        noise token such as ``widget`` may mark without the block being page furniture)."""
        st = self.st
        text = st.text.get(el, 0)
        return bool(text) and st.prose.get(el, 0) >= _PROSE_SHARE * text and st.link_ratio(el) < _PROSE_MAX_LINKS

    def _caption(self, el: Element) -> None:
        text = tidy_line(el.text_content())
        if text and text not in self._seen_captions:
            self._seen_captions.add(text)
            self.captions.append(text)
        if text:
            self.decisions.append(
                HtmlDecision(RULE_CAPTION, "moved:caption", text[:_SAMPLE], element_path(el))
            )

    def render(self, root: Element, *, header: bool = False, with_tail: bool = False) -> list[str]:
        """Lines of ``root``'s subtree: one per block, ``<br>`` breaking lines."""
        st = self.st
        region_prose = st.prose.get(root, 0)
        lines: list[str] = []
        buf: list[str] = []

        def flush() -> None:
            if buf:
                line = tidy_line("".join(buf))
                buf.clear()
                if line:
                    lines.append(line)

        stack: list[tuple[Element, bool]] = [(root, False)]
        while stack:
            el, closing = stack.pop()
            tag = el.tag
            if closing:
                if tag not in INLINE_TAGS:
                    flush()
                if el.tail and (el is not root or with_tail):
                    buf.append(el.tail)
                continue
            if not isinstance(tag, str):
                if el.tail:
                    buf.append(el.tail)
                continue
            verdict = None if el is root and not header else self._judge(el, region_prose, header)
            if verdict is not None:
                if verdict == "caption":
                    self._caption(el)
                elif st.text.get(el, 0):
                    self.decisions.append(HtmlDecision(RULE_MAIN, verdict, sample(el), element_path(el)))
                if tag not in INLINE_TAGS:
                    flush()
                if el.tail and (el is not root or with_tail):
                    buf.append(el.tail)
                continue
            if tag == "br":
                if any(a.tag in HEADING_TAGS for a in el.iterancestors()):
                    buf.append(" ")  # a headline is one line, even broken with <br>
                else:
                    flush()
                if el.tail:
                    buf.append(el.tail)
                continue
            if tag not in INLINE_TAGS:
                flush()
            if el.text:
                buf.append(el.text)
            stack.append((el, True))
            stack.extend((child, False) for child in reversed(el))
        flush()
        return lines


def _next_after(el: Element) -> Element | None:
    node: Element | None = el
    while node is not None:
        nxt = node.getnext()
        if nxt is not None:
            return nxt
        node = node.getparent()
    return None


def between(start: Element, end: Element, limit: int = 200) -> list[Element]:
    """The maximal subtrees after ``start`` and before ``end`` in document order."""
    out: list[Element] = []
    ancestors = set(end.iterancestors())
    node = _next_after(start)
    while node is not None and len(out) < limit:
        if node is end:
            break
        if node in ancestors:
            node = node[0] if len(node) else _next_after(node)
            continue
        if isinstance(node.tag, str):
            out.append(node)
        node = _next_after(node)
    return out


def _folds_to(el: Element, folded: str) -> bool:
    """``fold(el.text_content()) == folded``, reading no more text than ``folded`` is long
    (lower-casing never shortens a text, so a longer head cannot fold to it)."""
    head = text_head(el, len(folded) + 1)
    return len(head) <= len(folded) and head.lower() == folded


def find_headline(body: Element, st: Stats, title: str | None, container: Element) -> Element | None:
    """The ``<h1>`` of the story: the one matching the title, else the last one before the body."""
    h1s = [el for el in st.order if el.tag == "h1"]
    if not h1s and title:
        folded = fold(title)
        h1s = [el for el in st.order if el.tag == "h2" and _folds_to(el, folded)]
    want = title_key(title)
    keyed = [(el, title_key(text_head(el, HEADLINE_CHARS))) for el in h1s]
    exact = [el for el, key in keyed if want and key == want]
    if exact:
        return exact[0]
    if want and title:
        low, high = 0.8 * len(title), 1.3 * len(title) + 5
        start = max(st.position(container), 0)
        for el in st.order[:start][::-1]:
            if low <= st.text.get(el, 0) <= high and has_title_key(el.text_content(), want):
                return el
    matching = [el for el, key in keyed if want and key and (key in want or want in key)]
    if matching:
        return min(matching, key=lambda el: abs(st.position(el) - st.position(container)))
    before = [el for el in h1s if st.position(el) < st.position(container) and st.text.get(el, 0) >= 10]
    return before[-1] if before else None
