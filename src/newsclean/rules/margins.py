"""The credit and date lines in the margins of the kept story, read after the rules.

On a whole page the byline often sits apart from the story, and the rule that removes the
page furniture removes it too (see :mod:`newsclean.metadata.margins`). :class:`MarginCredits`
is a *reader*: the pipeline runs it once the rules are done (and text of switched-off rules
is given back), and it decides which of the removed lines just around the kept story give
names and dates. The article takes them when the header and the credit rule found none for
that field (see :func:`~newsclean.pipeline.build_article`). Its decisions remove nothing (the
text is removed already); they are the trace of what was read there, each with its metadata
and a stable reason: ``margin:byline``, ``margin:byline_label``, ``margin:signature``,
``margin:timestamp``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from newsclean.document import Decision, Document, Meta
from newsclean.metadata.margins import margin_lines
from newsclean.model import Kind

__all__ = ["MarginCredits"]


class MarginCredits:
    """Reads the labelled credits and the date line around the kept story
    (``capitals_signature``: see :func:`~newsclean.metadata.margins.margin_lines`)."""

    name = "margins"

    def __init__(self, capitals_signature: bool = False) -> None:
        self.capitals_signature = capitals_signature

    def decide(self, doc: Document) -> Iterator[Decision]:
        alive = doc.pieces
        if not alive:
            return
        tz = doc.meta.get("default_tz")
        for line in margin_lines(
            doc.source,
            first=alive[0].start,
            last=alive[-1].end,
            default_tz=tz if isinstance(tz, dt.tzinfo) else None,
            capitals_signature=self.capitals_signature,
        ):
            found = line.found
            meta = None if line.reason == "margin:byline_label" else Meta(
                authors=found.authors, editors=found.editors, timestamp=found.timestamp, updated=found.updated
            )
            yield Decision(line.start, line.end, self.name, line.reason, Kind.METADATA, meta)
