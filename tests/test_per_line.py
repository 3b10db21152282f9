"""Issue #16: what a document of many short lines costs per line (memory as tracemalloc counts
it, work as calls counted), so a million lines stay within the issue's bounds."""

from __future__ import annotations

import tracemalloc

from newsclean.document import Document
from newsclean.segment import split_lines

N = 50_000


def test_lines_and_removed_spans_hold_no_object_per_line() -> None:
    text = "\n".join(f"baris {i}" for i in range(N))
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        doc = Document(text, split_lines(text))
        for index, (start, end) in enumerate(doc.lines):  # every other line removed: a span each
            if index % 2:
                doc.remove(start, end)
        after, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(doc.lines) == N and len(doc.removed) == N // 2
    # two arrays of 8-byte offsets for the lines, two for the spans (with their growth room):
    # a tuple per line was 120 bytes, one per span 64 more
    assert (after - before) / N < 64
    assert (peak - before) / N < 96  # no string made per line on the way


def test_split_lines_splits_as_splitlines() -> None:
    text = "a\r\nb\rc\n\nd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l\n"
    offsets, pos = [], 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        offsets.append((pos, pos + len(content)))
        pos += len(line)
    assert tuple(split_lines(text)) == tuple(offsets)
    assert tuple(split_lines("")) == () and tuple(split_lines("x")) == ((0, 1),)
