"""The typed result of cleaning: :class:`Article` and the trace of what was removed.

Every model is frozen and rejects unknown fields, so an ``Article`` read back from JSON is
exactly the one that was written (``Article.model_validate_json(a.model_dump_json()) == a``).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Kind(StrEnum):
    """What a removed piece of text was."""

    BOILERPLATE = "boilerplate"
    """Text that is not part of the story (ads, related links, menus, prompts, ...)."""
    METADATA = "metadata"
    """Header or credit text whose content went to a field (title, byline, dateline)."""
    CAPTION = "caption"
    """A photo or video caption, moved to ``Article.captions``."""


class Removal(BaseModel):
    """One piece of the input that is not in ``Article.paragraphs``, and why.

    ``start``/``end`` are character offsets into the text the pipeline read (the raw text
    for text input; the page text rendered from the DOM for HTML input), so applying every
    removal to that text gives the paragraphs back (see :func:`newsclean.replay`).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    rule: str
    """The rule that decided, e.g. ``related_links``."""
    reason: str
    """A stable machine-readable reason, e.g. ``related_link:baca juga``."""
    kind: Kind = Kind.BOILERPLATE
    start: int
    end: int
    line: int
    """0-based index of the line (block) the text was in; -1 for a page-level (HTML) removal."""
    path: str | None = None
    """For a page-level removal of HTML input: where in the page (``body/div[2]/nav``). Such a
    removal's text never reached the text pipeline, so it has ``start == end == 0``."""


class Provenance(StrEnum):
    """Where a metadata field's value came from."""

    FOUND = "found"
    """Read from the page (text, byline, dateline, HTML metadata)."""
    GIVEN = "given"
    """Passed in by the caller (``clean(raw, published=...)``)."""


class Article(BaseModel):
    """A clean news article."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # list and dict fields default through a factory: a literal ``[]`` default is deep-copied
    # for every article that leaves the field out
    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    editors: list[str] = Field(default_factory=list)
    timestamp: dt.datetime | dt.date | None = None
    """Publication time; timezone-aware whenever the page or outlet tells the zone; a plain
    date when the page prints no time."""
    updated: dt.datetime | dt.date | None = None
    """Last update time, when the page prints one (``Diperbarui``, ``Updated``)."""
    dateline: str | None = None
    paragraphs: list[str] = Field(default_factory=list)
    captions: list[str] = Field(default_factory=list)
    site: str | None = None
    """The outlet, when known (from ``site=``, the URL, or an outlet tag in the text)."""
    url: str | None = None
    language: str | None = None
    removals: list[Removal] = Field(default_factory=list)
    provenance: dict[str, Provenance] = Field(default_factory=dict)
    """For each metadata field that has a value: found in the page, or given by the caller."""
    empty_reason: str | None = None
    """Why ``paragraphs`` is empty, when it is (``empty_input``, ``not_an_article``, ...)."""
    truncated: bool = False
    """True when the input was longer than the size limit and only its head was read."""
    truncated_at: int | None = None
    """Where the input was cut when ``truncated`` (an offset into it): what lies past it was not
    read, so ``replay(raw, article)`` reads no further either."""

    @property
    def author(self) -> str | None:
        """The first author, or ``None``."""
        return self.authors[0] if self.authors else None

    @property
    def text(self) -> str:
        """The body as plain text, paragraphs separated by a blank line."""
        return "\n\n".join(self.paragraphs)

    def removed_by(self, rule: str) -> list[Removal]:
        """The removals one rule made."""
        return [r for r in self.removals if r.rule == rule]
