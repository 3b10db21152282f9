""":func:`parse_html`: one parse, metadata, main region, header lines, captions, verdict."""

from __future__ import annotations

import html as html_entities
import re
from dataclasses import dataclass, field, replace
from typing import TypeAlias

from lxml import etree
from lxml import html as lxml_html

from newsclean.errors import InputError
from newsclean.html._data import (
    BYLINE_TOKENS,
    DATE_TOKENS,
    INLINE_TAGS,
    KILL_TAGS,
    LISTING_MIN_TEASERS,
    TOKEN_SPLIT_RE,
    XML_DECL_RE,
    YEAR_RE,
)
from newsclean.html.content import (
    _HEADER_KEEP_TAIL,
    _HEADER_MAX_CHARS,
    _HEADER_MAX_LINES,
    RULE_HEADER,
    RULE_MAIN,
    Renderer,
    Stats,
    between,
    choose_container,
    element_path,
    find_headline,
    measure,
    sample,
)
from newsclean.html.decode import decode_html
from newsclean.html.extend import widen
from newsclean.html.fallback import paragraph_reading, prefer_paragraphs
from newsclean.html.meta import has_title_key, norm_space, read_meta, title_key, visible_authors, visible_date
from newsclean.html.model import HtmlDecision, HtmlPage, PageMeta
from newsclean.metadata.dates import find_timestamp

Element: TypeAlias = lxml_html.HtmlElement

RULE_ARTICLE = "html_article"
RULE_FALLBACK = "html_fallback"
FALLBACK_MIN_WORDS = 50
"""A page whose markup hides at least this many words of text from the parsed tree ..."""
FALLBACK_TREE_SHARE = 0.5
"""... and whose tree holds less than this share of them (nesting deeper than libxml2's limit
cuts the tree short) is read by stripping its tags instead (``html_fallback:flattened``)."""
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)?[^<>]*>")
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "article", "section"}
    | {"blockquote", "figcaption", "figure", "header", "footer", "main", "aside", "nav", "pre", "dd", "dt", "dl"}
    | {"hr", "td", "th"}
)
_HIDDEN_OPEN_RE = re.compile(r"<(script|style|noscript|template|head)(?=[\s>/])", re.IGNORECASE)
_OUTSIDE_MIN_TEXT = 50
_LISTING_MAX_PARAS = 3
_LISTING_MAX_PROSE = 600
_LISTING_MAX_STORY_WORDS = 40
"""A page whose body holds this many story words (sentences, not teaser titles) is no listing."""
_STORY_LINE_WORDS = 10
"""A body line of this many words or more is story text (a sentence, not a label or count)."""
_UNSPACED_CHARS_PER_WORD = 2
"""Letters of a script written without spaces that count as one word (a Japanese word is about two)."""
_GALLERY_MAX_STORY_WORDS = 40
"""A page with fewer story words than this under two or more captions is a photo gallery."""
_GALLERY_MIN_CAPTIONS = 2
_DATE_MAX_CHARS = 160
"""A date-hinted element (``<time>``, class ``date``/``byline`` ...) longer than this is no date line."""
_DATE_LINE_MAX_CHARS = 60
_DATE_LINE_SHARE = 0.6
"""A block with no date hint is a date line when it is short and mostly a date."""


def _parser() -> lxml_html.HTMLParser:
    # A new parser per call: lxml parsers must not be shared between threads.
    return lxml_html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)


def _to_text(html: str | bytes) -> str:
    if isinstance(html, bytes | bytearray | memoryview):
        return decode_html(bytes(html))
    if isinstance(html, str):
        return html
    raise InputError(f"parse_html expects str or bytes, got {type(html).__name__}")


PARSER_MAX_DEPTH = 2000
"""libxml2 nests elements no deeper than about 2,048 and drops what it cannot place: a page
that reaches this depth is parsed again flattened (see :func:`_flattened`)."""
_NESTING_TAG = re.compile(
    r"</?(?P<tag>div|span|font|blockquote|section|article|main|aside|center|b|i|u|em|strong|small|big|"
    r"ul|ol|li|dl|dd|dt|table|tbody|thead|tr|td|th|figure|a|header|footer|nav)\b[^<>]*>",
    re.IGNORECASE,
)
_INLINE = frozenset({"span", "font", "b", "i", "u", "em", "strong", "small", "big", "a"})


def _flattened(text: str) -> str:
    """``text`` without its nesting: block containers become paragraph breaks, inline ones go."""

    def swap(m: re.Match[str]) -> str:
        if m.group(0).startswith("</") or m.group("tag").lower() in _INLINE:
            return ""
        return "<p>"

    return _NESTING_TAG.sub(swap, text)


def _too_deep(root: Element) -> bool:
    depth = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth >= PARSER_MAX_DEPTH:
            return True
    return False


MAX_TAG_CHARS = 8000
"""Start tags longer than this are looked at for their attributes (long ones are common: data
URIs, inline styles, JSON in ``data-`` attributes)."""
MAX_ATTRIBUTES = 1000
"""An element with more attributes keeps its first ones: libxml2 spends time quadratic in an
element's attribute count (100,000 took 20 s), and no page needs a thousand."""
_ATTRIBUTE = re.compile(r"""\s*[^\s=/>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?""")
_LONG_TAG = re.compile(r"<([a-zA-Z][\w:-]*)([^<>]{" + str(MAX_TAG_CHARS) + r",})>")
_BR_RUN = re.compile(r"(?:<br\s*/?>\s*){64,}+", re.IGNORECASE)
"""Sixty-four line breaks or more in a row: one blank line's worth is kept. Possessive: a plain
``{64,}`` keeps a backtracking mark per repeat (220 MB for a million ``<br>``); this keeps none."""


def _capped(text: str) -> tuple[str, bool]:
    """``text`` with pathological markup capped before libxml2 sees it, and whether any was."""
    capped = False
    if len(text) > MAX_TAG_CHARS and "<" in text:
        shorter = _LONG_TAG.sub(_fewer_attributes, text)
        capped = len(shorter) != len(text)
        text = shorter
    if "<br" in text or "<BR" in text:
        fewer = _BR_RUN.sub("<br><br>", text)
        capped = capped or len(fewer) != len(text)
        text = fewer
    return text, capped


def _fewer_attributes(m: re.Match[str]) -> str:
    """A start tag with at most :data:`MAX_ATTRIBUTES` attributes (the tag as it was, if fewer)."""
    inside = m.group(2)
    if inside.count("=") <= MAX_ATTRIBUTES:
        return m.group(0)
    kept, at = [], 0
    for n, a in enumerate(_ATTRIBUTE.finditer(inside)):
        if n == MAX_ATTRIBUTES:
            break
        kept.append(a.group(0))
        at = a.end()
    return f"<{m.group(1)}{''.join(kept)}{'/' if inside[at:].rstrip().endswith('/') else ''}>"


def _parse(text: str) -> Element | None:
    root, _ = _parse_flat(text)
    return root


def _parse_flat(text: str) -> tuple[Element | None, bool]:
    """The parsed page, and whether it had to be flattened to keep all its text."""
    text = XML_DECL_RE.sub("", text.lstrip("\ufeff"), count=1)
    if "\x00" in text:
        text = text.replace("\x00", " ")  # as the text path reads a NUL: one space, no words glued
    if not text.strip():
        return None, False
    text, _ = _capped(text)
    try:
        root = lxml_html.document_fromstring(text, parser=_parser())
        if text.count("<") > PARSER_MAX_DEPTH and _too_deep(root):
            return lxml_html.document_fromstring(_flattened(text), parser=_parser()), True
        return root, False
    except (etree.ParserError, ValueError):
        return None, False


def _outside_decisions(container: Element, st: Stats, kept: list[Element]) -> list[HtmlDecision]:
    """Name the sizeable regions left out because they sit outside the chosen container."""
    out: list[HtmlDecision] = []
    holding = {id(a) for k in kept for a in (k, *k.iterancestors())}
    node = container
    parent = node.getparent()
    while parent is not None and node.tag != "body":
        for sib in parent:
            if sib is node or not isinstance(sib.tag, str) or st.text.get(sib, 0) < _OUTSIDE_MIN_TEXT:
                continue
            if id(sib) not in holding:
                out.append(
                    HtmlDecision(RULE_MAIN, "dropped:outside_container", sample(sib), element_path(sib))
                )
        node, parent = parent, parent.getparent()
    return out


@dataclass
class _Header:
    lines: list[str] = field(default_factory=list)
    elements: list[Element] = field(default_factory=list)
    decisions: list[HtmlDecision] = field(default_factory=list)


def _header(body: Element, st: Stats, renderer: Renderer, meta: PageMeta, container: Element) -> _Header:
    """The headline and the short lines between it and the container (byline, date).

    A line equal to the page description (the standfirst) is left out: it is a summary,
    not the story.
    """
    out = _Header()
    h1 = find_headline(body, st, meta.title, container)
    if h1 is None or h1 is container or any(a is container for a in h1.iterancestors()):
        return out
    out.elements.append(h1)
    title_lines = renderer.render(h1, header=True)
    path = element_path(h1)
    if st.position(h1) > st.position(container):
        out.lines = title_lines
        out.decisions.append(
            HtmlDecision(RULE_HEADER, "kept:headline_after_body", " ".join(title_lines), path)
        )
        return out
    lines: list[str] = []
    for el in between(h1, container):
        out.elements.append(el)
        lines += renderer.render(el, header=True, with_tail=True)
    standfirst = title_key(meta.description)
    if standfirst:
        kept = [line for line in lines if not has_title_key(line, standfirst)]
        if len(kept) < len(lines):
            sample_text = next(line for line in lines if has_title_key(line, standfirst))[:80]
            out.decisions.append(HtmlDecision(RULE_HEADER, "dropped:description", sample_text, path))
        lines = kept
    if len(lines) > _HEADER_MAX_LINES or sum(map(len, lines)) > _HEADER_MAX_CHARS:
        dropped = lines[:-_HEADER_KEEP_TAIL]
        lines = lines[-_HEADER_KEEP_TAIL:]
        out.decisions.append(
            HtmlDecision(RULE_HEADER, "dropped:header_too_long", " ".join(dropped)[:80], path)
        )
    out.decisions.insert(0, HtmlDecision(RULE_HEADER, "kept:headline", " ".join(title_lines)[:80], path))
    out.lines = title_lines + lines
    return out


def _tokens(el: Element) -> set[str]:
    raw = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return set(TOKEN_SPLIT_RE.split(raw)) if raw.strip() else set()


def _visible_meta(meta: PageMeta, scope: list[Element]) -> PageMeta:
    """Fill authors and published from the visible byline/date when the metadata lacks them."""
    if meta.authors and meta.published:
        return meta
    bylines: list[Element] = []
    dates: list[Element] = []
    for root in scope:
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            tokens = _tokens(el)
            if el.tag == "author" or tokens & BYLINE_TOKENS:
                bylines.append(el)
            if el.tag == "time" or tokens & DATE_TOKENS:
                dates.append(el)
    authors = meta.authors or visible_authors(bylines, meta.site_name, meta.url)
    published = meta.published or visible_date(dates)
    return replace(meta, authors=authors, published=published)


def story_words(lines: list[str]) -> int:
    """Words in the body lines that read as story text (long enough to be a sentence). A
    script written without spaces (Japanese, Chinese, Thai) counts a word per
    :data:`_UNSPACED_CHARS_PER_WORD` letters.

    >>> story_words(["子どもへの虐待をなくすための法律ができて、親が子どもを教育するために体罰を禁止する。"])
    20
    """
    total = 0
    for line in lines:
        n = len(line.split())
        if n < _STORY_LINE_WORDS and len(line) >= _STORY_LINE_WORDS * _UNSPACED_CHARS_PER_WORD:
            unspaced = sum(1 for ch in line if ch >= "\u0e00" and ch.isalpha())  # Thai and up: CJK, kana
            n = max(n, unspaced // _UNSPACED_CHARS_PER_WORD)
        if n >= _STORY_LINE_WORDS:
            total += n
    return total


def page_date(st: Stats, anchor: Element) -> str | None:
    """The publication date nearest the headline anywhere on the page (page order).

    The fallback when neither the metadata nor the header region names one: a ``<time>``
    or an element whose class/id says date or byline, or a short block that is mostly a
    date (``<h3>Jumat, 19 Juni 2015 12:58 WIB</h3>``). Teaser lists carry dates too; they
    sit farther from the headline than the story's own date line.
    """
    at = st.position(anchor)
    best: tuple[int, str] | None = None
    for el in st.order:
        size = st.text.get(el, 0)
        if el.tag == "a" or size > _DATE_MAX_CHARS:
            continue
        hinted = el.tag == "time" or bool(_tokens(el) & (DATE_TOKENS | BYLINE_TOKENS))
        if not hinted and (el.tag in INLINE_TAGS or not size or size > _DATE_LINE_MAX_CHARS):
            continue
        distance = abs(st.position(el) - at)
        if best is not None and distance >= best[0]:
            continue
        raw = el.get("datetime") or norm_space(el.text_content())
        if not raw or not YEAR_RE.search(raw):
            continue
        match = find_timestamp(raw, default_tz=None)
        if match is None or (not hinted and match.end - match.start < _DATE_LINE_SHARE * len(raw)):
            continue
        best = (distance, raw[match.start : match.end])
    return best[1] if best is not None else None


def _verdict(
    meta: PageMeta, st: Stats, container: Element, text: str, body_lines: list[str], captions: int
) -> str | None:
    """Why the page is not an article, or None.

    A photo gallery (captions, and no story under them) is no article whatever its
    metadata says: sites mark galleries up as ``NewsArticle``. Otherwise conservative:
    article metadata wins.
    """
    if not text.strip():
        return "not_an_article:empty"
    words = story_words(body_lines)
    if captions >= _GALLERY_MIN_CAPTIONS and words < _GALLERY_MAX_STORY_WORDS:
        return "not_an_article:gallery"
    if meta.is_article_type:
        return None
    paras = st.paras.get(container, 0)
    prose = st.prose.get(container, 0)
    if paras >= _LISTING_MAX_PARAS or prose >= _LISTING_MAX_PROSE or words >= _LISTING_MAX_STORY_WORDS:
        return None
    teasers = sum(1 for el in st.order if el.tag == "a" and st.text.get(el, 0) >= 25)
    if teasers >= LISTING_MIN_TEASERS:
        return "not_an_article:listing"
    return None


def parse_html(html: str | bytes) -> HtmlPage:
    """Parse a page into its main article text (one block per line), metadata and captions.

    Never raises on bad markup: an empty or unparsable page gives an empty text with
    ``is_article=False``. Only a wrong input type or binary bytes raise
    :class:`~newsclean.errors.InputError`.

    >>> page = parse_html("<html><body><nav><a href='/'>Home</a></nav><article><h1>Judul</h1>"
    ...                   "<p>Paragraf pertama yang cukup panjang.</p></article></body></html>")
    >>> page.text.splitlines()
    ['Judul', 'Paragraf pertama yang cukup panjang.']
    """
    source = _to_text(html)
    root, flattened = _parse_flat(source)
    if root is None:
        return _fallback(source, "", PageMeta(), ()) or HtmlPage(
            text="", is_article=False, reason="not_an_article:empty"
        )
    meta, ld_body = read_meta(root)
    etree.strip_elements(root, *KILL_TAGS, with_tail=False)
    body = root.find("body")
    if body is None:
        body = root
    st = measure(body)
    choice = choose_container(body, st, ld_body)
    headline = find_headline(body, st, meta.title, choice.container)
    container, widened = widen(choice.container, st, choice.negative, RULE_MAIN, headline)
    renderer = Renderer(st, choice.negative, choice.container)
    decisions: list[HtmlDecision] = [
        HtmlDecision(RULE_MAIN, choice.reason, sample(choice.container), element_path(choice.container)),
        *choice.decisions,
        *widened,
    ]
    header = _header(body, st, renderer, meta, container)
    meta = _visible_meta(meta, [*header.elements, container])
    if meta.published is None:
        meta = replace(meta, published=page_date(st, header.elements[0] if header.elements else container))
    rendered = renderer.render(container)
    if not choice.reason.startswith(EVIDENCE_REASONS):  # a page's own mark of its body is not second-guessed
        rendered = _second_reading(st, choice.negative, renderer, rendered, header, decisions)
    caption_set = set(renderer.captions)
    body_lines = [line for line in rendered if line not in caption_set]
    lines = [line for line in header.lines if line not in caption_set] + body_lines
    text = "\n".join(lines)
    if flattened:
        decisions.append(HtmlDecision(RULE_FALLBACK, "flattened", sample(body), "body"))
    decisions += header.decisions
    decisions += renderer.decisions
    decisions += _outside_decisions(container, st, header.elements)
    reason = _verdict(meta, st, container, text, body_lines, len(renderer.captions))
    if reason is not None:
        flat = _fallback(source, body.text_content(), meta, tuple(decisions))
        if flat is not None:
            return flat
        decisions.append(HtmlDecision(RULE_ARTICLE, reason, norm_space(text)[:80], element_path(container)))
        return HtmlPage(
            text="",
            meta=meta,
            captions=tuple(renderer.captions),
            decisions=tuple(decisions),
            is_article=False,
            reason=reason,
        )
    return HtmlPage(
        text=text,
        meta=meta,
        captions=tuple(renderer.captions),
        decisions=tuple(decisions),
        is_article=True,
        reason=None,
        headline=_headline_line(lines, header, meta),
    )


EVIDENCE_REASONS = ("chosen:itemprop", "chosen:jsonld", "chosen:class")
"""Containers chosen by the page's own mark of its body (microdata, JSON-LD, a body class)."""


def _second_reading(
    st: Stats,
    negative: dict[Element, str],
    renderer: Renderer,
    rendered: list[str],
    header: _Header,
    decisions: list[HtmlDecision],
) -> list[str]:
    """The body lines: the container's, or the paragraph reading's when the container's are
    implausibly few (see :mod:`newsclean.html.fallback`); the switch is in the trace."""
    chars = sum(map(len, rendered))
    body = st.order[0] if st.order else None
    if body is None or not prefer_paragraphs(chars, st.text.get(body, 0)):
        return rendered  # not even all the page's text would outweigh the container's
    in_header = {id(a) for el in header.elements for a in (el, *el.iter())}
    reading = [el for el in paragraph_reading(st, negative) if id(el) not in in_header]
    total = sum(st.text.get(el, 0) for el in reading)
    if not prefer_paragraphs(chars, total):
        return rendered
    probe = Renderer(st, negative)
    lines = [line for el in reading for line in probe.render(el, header=True)]  # each judged as a whole too
    if sum(map(len, lines)) <= sum(map(len, rendered)):
        return rendered
    renderer.captions.extend(c for c in probe.captions if c not in renderer.captions)
    first = reading[0]
    decisions.append(
        HtmlDecision(RULE_MAIN, f"fallback:paragraphs:{len(reading)}", sample(first), element_path(first))
    )
    return lines


def flatten_html(source: str) -> str:
    r"""The text of ``source`` with its tags stripped: block tags break lines, scripts, styles
    and the ``<head>`` go, entities are decoded. Linear in the input, whatever its nesting.

    >>> flatten_html("<head><title>T</title></head><b><b><p>Satu &amp; dua</p><p>Tiga</b></b>")
    'Satu & dua\nTiga'
    """
    kept: list[str] = []
    at = 0
    while (m := _HIDDEN_OPEN_RE.search(source, at)) is not None:
        kept.append(source[at : m.start()])
        close = re.compile(rf"</{m.group(1)}\s*>", re.IGNORECASE).search(source, m.end())
        if close is None:
            at = len(source)
            break
        at = close.end()
    kept.append(source[at:])
    parts: list[str] = []
    for chunk in kept:
        last = 0
        for m in _TAG_RE.finditer(chunk):
            parts.append(chunk[last : m.start()])
            parts.append("\n" if (m.group(2) or "").lower() in _BLOCK_TAGS else "")
            last = m.end()
        parts.append(chunk[last:])
    lines = (norm_space(html_entities.unescape(line)) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _fallback(source: str, tree_text: str, meta: PageMeta, decisions: tuple[HtmlDecision, ...]) -> HtmlPage | None:
    """The page read as flattened text when its tree lost most of its text, else None."""
    if len(source) < FALLBACK_MIN_WORDS * 2:
        return None
    text = flatten_html(source)
    words = len(text.split())
    if words < FALLBACK_MIN_WORDS or len(tree_text.split()) >= FALLBACK_TREE_SHARE * words:
        return None
    note = HtmlDecision(RULE_FALLBACK, "flattened", text[:80], "")
    return HtmlPage(text=text, meta=meta, decisions=(*decisions, note), is_article=True, reason=None)


def _headline_line(lines: list[str], header: _Header, meta: PageMeta) -> str | None:
    """The opening line of the text when it is the story's headline, else None."""
    if not lines:
        return None
    first = lines[0]
    marked = bool(header.decisions) and header.decisions[0].reason == "kept:headline"
    if marked and header.lines and header.lines[0] == first:
        return first
    want = title_key(meta.title)
    return first if want and has_title_key(first, want) else None
