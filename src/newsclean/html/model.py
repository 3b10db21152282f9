"""The result types of :func:`newsclean.html.parse_html` (frozen dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class HtmlDecision:
    """One HTML-level decision: which rule, why, on what text, where in the page.

    ``rule`` is the family (``html_main_content``, ``html_caption``, ``html_header``,
    ``html_article``); ``reason`` is stable and machine-readable, e.g. ``chosen:itemprop=articleBody``,
    ``dropped:nav``, ``dropped:link_dense``, ``dropped:class=share``, ``rejected:text_density:class=comments``
    (the density winner sat in a comment thread), ``dropped:negative:tag=footer``,
    ``widened:story_blocks`` (the container grown to the story's sibling blocks),
    ``fallback:paragraphs:12`` (the paragraph reading replaced the container's); ``text`` is a short
    sample of the region; ``path`` a simple element path such as ``body/div[2]/nav``.
    """

    rule: str
    reason: str
    text: str
    path: str


@dataclass(frozen=True)
class PageMeta:
    """Page-level metadata found in JSON-LD, Open Graph, ``<meta>`` tags and microdata.

    Dates are the raw strings as found (parsing them is :mod:`newsclean.metadata`'s job).
    """

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    site_name: str | None = None
    url: str | None = None
    language: str | None = None
    section: str | None = None
    description: str | None = None
    is_article_type: bool | None = None
    """True when JSON-LD or ``og:type`` call the page an article, False when they call it
    something else (``website``, ``CollectionPage`` ...), None when the page says nothing."""


@dataclass(frozen=True)
class HtmlPage:
    """A parsed page: the main article region as text, one block per line, plus metadata."""

    text: str
    meta: PageMeta = field(default_factory=PageMeta)
    captions: tuple[str, ...] = ()
    decisions: tuple[HtmlDecision, ...] = ()
    is_article: bool = True
    reason: str | None = None
    """Why the page is not an article (``not_an_article:listing``), None when it is."""
    headline: str | None = None
    """The first line of ``text`` when the page shows it is the headline (its ``<h1>``, or the
    line equal to the page's title); None when the text does not open with it."""
