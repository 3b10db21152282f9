"""The rule protocol: what the pipeline asks of a rule (built-in or the user's own)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from newsclean.document import Decision, Document


@runtime_checkable
class Rule(Protocol):
    """A rule looks at the alive pieces of a document and decides what to remove, and why.

    It must not change the document: the pipeline applies its decisions. A rule may also
    have a ``literals`` attribute: strings the pipeline's one scan of the document should look
    for, so the rule finds them in ``Document.found_literals`` and ``Piece.mask``.
    """

    name: str

    def decide(self, doc: Document) -> Iterable[Decision]: ...
