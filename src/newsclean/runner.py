"""Run the rules over a document: apply each rule's decisions before the next rule reads it,
and turn the decisions applied into trace entries.

The pipeline's innermost loop (once per decision), kept apart so the compiled build compiles
it (see ``setup.py``); :class:`~newsclean.pipeline.Cleaner` calls :func:`run_rules`.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Set

from newsclean.document import Document, Meta
from newsclean.model import Kind, Removals
from newsclean.rules.protocol import Rule


def run_rules(
    doc: Document, rules: Iterable[Rule], shadows: Set[str] = frozenset(), readers: Iterable[Rule] = ()
) -> tuple[Removals, list[tuple[str, Meta]]]:
    """Apply ``rules`` in order; the trace of what they removed, in text order (as offsets
    into the document's text: see :class:`~newsclean.model.Removals`), and the metadata their
    decisions found, in the order found.

    The rules named in ``shadows`` (switched off by the user) still run, and what they remove
    is hidden from the rules after them, but it is given back to the body at the end: the
    other rules decide exactly as they would with it on, and it is in no trace entry.

    ``readers`` run last, on the document as the rules left it (shadows given back): they
    read text already removed (the margins around the kept story), so a decision of theirs
    is taken only over text removed already, removes nothing, and is in the trace (after the
    entry that removed its text) with the metadata it found."""
    # what is applied is kept as three numbers each (offsets and a label's index), not as the
    # decisions: a document of a million removals holds no million objects
    starts, ends, codes = array("q"), array("q"), array("l")
    labels: dict[tuple[str, str, Kind], int] = {}
    metas: list[tuple[str, Meta]] = []
    shadowed = False
    ordered = True
    # each rule's decisions, read to the end before any is applied (the rule sees the document
    # as it was), kept as numbers: a rule's million decisions are no million objects (the
    # arrays are emptied for each rule, not made again: a rule usually decides nothing)
    wanted_starts, wanted_ends, wanted_codes = array("q"), array("q"), array("l")
    found: dict[int, tuple[str, Meta]] = {}
    for rule in rules:
        shadow = rule.name in shadows
        if wanted_starts:
            del wanted_starts[:], wanted_ends[:], wanted_codes[:]
            found.clear()
        for d in rule.decide(doc):
            if d.meta is not None:
                found[len(wanted_starts)] = (d.rule, d.meta)
            wanted_starts.append(d.start)
            wanted_ends.append(d.end)
            label = (d.rule, d.reason, d.kind)
            code = labels.get(label)
            if code is None:
                code = labels[label] = len(labels)
            wanted_codes.append(code)
        for k in range(len(wanted_starts)):
            start, end = wanted_starts[k], wanted_ends[k]
            if end <= start or doc.covers(start, end):
                continue  # empty, or already removed by an earlier decision
            doc.remove(start, end)
            if shadow:
                shadowed = True
                continue
            if starts and start < starts[-1]:
                ordered = False
            starts.append(start)
            ends.append(end)
            codes.append(wanted_codes[k])
            meta = found.get(k)
            if meta is not None:
                metas.append(meta)
    if shadowed:
        doc.reset_removed(list(zip(starts, ends, strict=True)))
    for reader in readers:
        for d in reader.decide(doc):
            start, end = d.start, d.end
            if end <= start or not doc.covers(start, end):
                continue  # a reader removes nothing: it reads what is removed already
            if starts and start < starts[-1]:
                ordered = False
            label = (d.rule, d.reason, d.kind)
            code = labels.get(label)
            if code is None:
                code = labels[label] = len(labels)
            starts.append(start)
            ends.append(end)
            codes.append(code)
            if d.meta is not None:
                metas.append((d.rule, d.meta))
    if not ordered:  # in text order; removals at the same offset in the order applied (a stable sort)
        order = sorted(range(len(starts)), key=starts.__getitem__)
        starts = array("q", [starts[i] for i in order])
        ends = array("q", [ends[i] for i in order])
        codes = array("l", [codes[i] for i in order])
    line_starts = doc.lines.starts
    lines = array("q")
    line = 0
    for start in starts:  # in text order: a line's search starts at the line before
        line = max(bisect_right(line_starts, start, line) - 1, 0)
        lines.append(line)
    return Removals.from_offsets(doc.source, starts, ends, lines, codes, list(labels)), metas


