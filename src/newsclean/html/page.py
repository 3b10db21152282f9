""":func:`parse_html`: one parse, metadata, main region, header lines, captions, verdict."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from newsclean.errors import InputError
from newsclean.html._data import (
    KILL_TAGS,
    LISTING_MIN_TEASERS,
    XML_DECL_RE,
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
from newsclean.html.meta import norm_space, read_meta
from newsclean.html.model import HtmlDecision, HtmlPage, PageMeta

Element = lxml_html.HtmlElement

RULE_ARTICLE = "html_article"
_OUTSIDE_MIN_TEXT = 50
_LISTING_MAX_PARAS = 3
_LISTING_MAX_PROSE = 600


def _parser() -> lxml_html.HTMLParser:
    # A new parser per call: lxml parsers must not be shared between threads.
    return lxml_html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True, default_doctype=False)


def _to_text(html: str | bytes) -> str:
    if isinstance(html, bytes | bytearray | memoryview):
        return decode_html(bytes(html))
    if isinstance(html, str):
        return html
    raise InputError(f"parse_html expects str or bytes, got {type(html).__name__}")


def _parse(text: str) -> Element | None:
    text = XML_DECL_RE.sub("", text.lstrip("\ufeff"), count=1)
    if "\x00" in text:
        text = text.replace("\x00", "")
    if not text.strip():
        return None
    try:
        return lxml_html.document_fromstring(text, parser=_parser())
    except (etree.ParserError, ValueError):
        return None


def _outside_decisions(container: Element, st: Stats) -> list[HtmlDecision]:
    """Name the sizeable regions left out because they sit outside the chosen container."""
    out: list[HtmlDecision] = []
    node = container
    parent = node.getparent()
    while parent is not None and node.tag != "body":
        for sib in parent:
            if sib is not node and isinstance(sib.tag, str) and st.text.get(sib, 0) >= _OUTSIDE_MIN_TEXT:
                out.append(HtmlDecision(RULE_MAIN, "dropped:outside_container", sample(sib), element_path(sib)))
        node, parent = parent, parent.getparent()
    return out


def _header_lines(
    body: Element, st: Stats, renderer: Renderer, meta: PageMeta, container: Element
) -> tuple[list[str], list[HtmlDecision]]:
    """The headline and the short lines between it and the container (byline, date)."""
    h1 = find_headline(body, st, meta.title, container)
    if h1 is None or any(a is container for a in h1.iterancestors()) or h1 is container:
        return [], []
    title_lines = renderer.render(h1, header=True)
    if st.pos[h1] > st.pos[container]:
        return title_lines, [HtmlDecision(RULE_HEADER, "kept:headline_after_body", " ".join(title_lines), element_path(h1))]
    lines: list[str] = []
    for el in between(h1, container):
        lines += renderer.render(el, header=True, with_tail=True)
    if len(lines) > _HEADER_MAX_LINES or sum(map(len, lines)) > _HEADER_MAX_CHARS:
        dropped = lines[:-_HEADER_KEEP_TAIL]
        lines = lines[-_HEADER_KEEP_TAIL:]
        note = HtmlDecision(RULE_HEADER, "dropped:header_too_long", " ".join(dropped)[:80], element_path(h1))
        return title_lines + lines, [note]
    return title_lines + lines, [HtmlDecision(RULE_HEADER, "kept:headline", " ".join(title_lines)[:80], element_path(h1))]


def _verdict(meta: PageMeta, st: Stats, container: Element, text: str) -> str | None:
    """Why the page is not an article, or None. Conservative: article metadata always wins."""
    if not text.strip():
        return "not_an_article:empty"
    if meta.is_article_type:
        return None
    paras = st.paras.get(container, 0)
    prose = st.prose.get(container, 0)
    if paras >= _LISTING_MAX_PARAS or prose >= _LISTING_MAX_PROSE:
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
    ...                   "<p>Paragraf pertama yang cukup panjang untuk dihitung.</p></article></body></html>")
    >>> page.text.splitlines()
    ['Judul', 'Paragraf pertama yang cukup panjang untuk dihitung.']
    """
    root = _parse(_to_text(html))
    if root is None:
        return HtmlPage(text="", is_article=False, reason="not_an_article:empty")
    meta, ld_body = read_meta(root)
    etree.strip_elements(root, *KILL_TAGS, with_tail=False)
    body = root.find("body")
    if body is None:
        body = root
    st = measure(body)
    choice = choose_container(body, st, ld_body)
    container = choice.container
    renderer = Renderer(st)
    decisions: list[HtmlDecision] = [
        HtmlDecision(RULE_MAIN, choice.reason, sample(container), element_path(container)),
        *choice.decisions,
    ]
    header, header_notes = _header_lines(body, st, renderer, meta, container)
    lines = header + renderer.render(container)
    caption_set = set(renderer.captions)
    lines = [line for line in lines if line not in caption_set]
    text = "\n".join(lines)
    decisions += header_notes
    decisions += renderer.decisions
    decisions += _outside_decisions(container, st)
    reason = _verdict(meta, st, container, text)
    if reason is not None:
        decisions.append(HtmlDecision(RULE_ARTICLE, reason, norm_space(text)[:80], element_path(container)))
        return HtmlPage(text="", meta=meta, captions=(), decisions=tuple(decisions), is_article=False, reason=reason)
    return HtmlPage(
        text=text,
        meta=meta,
        captions=tuple(renderer.captions),
        decisions=tuple(decisions),
        is_article=True,
        reason=None,
    )
