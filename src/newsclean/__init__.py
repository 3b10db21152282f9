"""newsclean: turn raw scraped news pages into clean, typed, explainable articles.

>>> import newsclean
>>> article = newsclean.clean("Judul\\n\\nJAKARTA, KOMPAS.com - Isi berita.\\nBaca juga: Lain")
"""

from __future__ import annotations

from newsclean.errors import ConfigError, InputError, NewscleanError
from newsclean.model import Article, Kind, Provenance, Removal

__version__ = "0.1.0"


def clean(raw: str | bytes, **kwargs: object) -> Article:
    """Placeholder while the pipeline lands: one paragraph per non-empty line."""
    text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    return Article(paragraphs=[" ".join(line.split()) for line in text.splitlines() if line.strip()])


__all__ = [
    "Article",
    "ConfigError",
    "InputError",
    "Kind",
    "NewscleanError",
    "Provenance",
    "Removal",
    "__version__",
    "clean",
]
