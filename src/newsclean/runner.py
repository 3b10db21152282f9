"""Run the rules over a document: apply each rule's decisions before the next rule reads it,
and turn the decisions applied into trace entries.

The pipeline's innermost loop (once per decision), kept apart so the compiled build compiles
it (see ``setup.py``); :class:`~newsclean.pipeline.Cleaner` calls :func:`run_rules`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Set

from newsclean.document import Decision, Document, Meta
from newsclean.model import Kind, Removals
from newsclean.rules.protocol import Rule


def run_rules(
    doc: Document, rules: Iterable[Rule], shadows: Set[str] = frozenset()
) -> tuple[Removals, list[tuple[str, Meta]]]:
    """Apply ``rules`` in order; the trace of what they removed, in text order (as offsets
    into the document's text: see :class:`~newsclean.model.Removals`), and the metadata their
    decisions found, in the order found.

    The rules named in ``shadows`` (switched off by the user) still run, and what they remove
    is hidden from the rules after them, but it is given back to the body at the end: the
    other rules decide exactly as they would with it on, and it is in no trace entry."""
    applied: list[Decision] = []
    metas: list[tuple[str, Meta]] = []
    shadowed = False
    for rule in rules:
        shadow = rule.name in shadows
        for d in list(rule.decide(doc)):
            if d.end <= d.start or doc.covers(d.start, d.end):
                continue  # empty, or already removed by an earlier decision
            doc.remove(d.start, d.end)
            if shadow:
                shadowed = True
                continue
            applied.append(d)
            if d.meta is not None:
                metas.append((d.rule, d.meta))
    if shadowed:
        doc.reset_removed([(d.start, d.end) for d in applied])
    applied.sort(key=_decision_start)
    line_starts = [start for start, _ in doc.lines]
    codes: dict[tuple[str, str, Kind], int] = {}
    starts: list[int] = []
    ends: list[int] = []
    lines: list[int] = []
    labels: list[int] = []
    line = 0
    for d in applied:  # in text order: a line's search starts at the line before
        start = d.start
        line = max(bisect_right(line_starts, start, line) - 1, 0)
        starts.append(start)
        ends.append(d.end)
        lines.append(line)
        label = (d.rule, d.reason, d.kind)
        code = codes.get(label)
        if code is None:
            code = codes[label] = len(codes)
        labels.append(code)
    return Removals.from_offsets(doc.source, starts, ends, lines, labels, list(codes)), metas


def _decision_start(d: Decision) -> int:
    return d.start
