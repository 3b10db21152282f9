"""newsclean: turn raw scraped news pages into clean, typed, explainable articles.

>>> import newsclean
>>> a = newsclean.clean("JAKARTA, KABARI.com - Harga beras naik lagi pekan ini, kata pedagang di pasar.\\n"
...                     "Baca juga: Harga Cabai Turun")
>>> a.dateline, a.paragraphs
('JAKARTA', ['Harga beras naik lagi pekan ini, kata pedagang di pasar.'])
>>> [(r.rule, r.reason) for r in newsclean.explain("Isi berita.\\nBaca juga: Judul Lain")]
[('related_links', 'related_link:baca juga')]
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from newsclean.errors import ConfigError, InputError, NewscleanError
from newsclean.model import Article, Kind, Provenance, Removal
from newsclean.pipeline import MAX_CHARS, Cleaner, replay
from newsclean.rules import RULE_NAMES, Rule

__version__ = "0.1.0"


@cache
def _default_cleaner() -> Cleaner:
    return Cleaner()


def clean(
    raw: str | bytes,
    *,
    url: str | None = None,
    site: str | None = None,
    published: dt.datetime | dt.date | str | None = None,
) -> Article:
    """Clean raw scraped text (or an HTML page) into an :class:`Article`.

    ``url``, ``site`` and ``published`` are optional facts the caller already knows; a value
    passed in wins over what the page says, and ``Article.provenance`` tells which is which.
    Raises :class:`InputError` for input that is not text (``None``, numbers, undecodable
    bytes); empty or all-boilerplate input gives an article with no paragraphs and an
    ``empty_reason``.
    """
    return _default_cleaner().clean(raw, url=url, site=site, published=published)


def explain(
    raw: str | bytes,
    *,
    url: str | None = None,
    site: str | None = None,
) -> list[Removal]:
    """What :func:`clean` removes from ``raw``: each piece of text, the rule, and the reason."""
    return list(clean(raw, url=url, site=site).removals)


__all__ = [
    "MAX_CHARS",
    "RULE_NAMES",
    "Article",
    "Cleaner",
    "ConfigError",
    "InputError",
    "Kind",
    "NewscleanError",
    "Provenance",
    "Removal",
    "Rule",
    "__version__",
    "clean",
    "explain",
    "replay",
]
