"""Issue #16: what a document of many short lines costs per line (memory as tracemalloc counts
it, work as calls counted), so a million lines stay within the issue's bounds."""

from __future__ import annotations

import tracemalloc

import newsclean
from newsclean.document import Document, sliceable_lower
from newsclean.phrases import Matcher
from newsclean.rules import captions, credits
from newsclean.segment import split_lines

S1 = "Pemerintah daerah menyiapkan anggaran baru untuk memperbaiki jalan desa yang rusak."
N = 50_000


def _markers(n: int) -> str:
    return S1 + "\n" + "\n".join(f"({chr(97 + i % 26)}{chr(97 + i // 26 % 26)}c)" for i in range(n))


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
    assert (peak - before) / N < 96  # the lines' strings, made to split them, are not kept


def test_split_lines_splits_as_splitlines() -> None:
    text = "a\r\nb\rc\n\nd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l\n"
    offsets, pos = [], 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        offsets.append((pos, pos + len(content)))
        pos += len(line)
    assert tuple(split_lines(text)) == tuple(offsets)
    assert tuple(split_lines("")) == () and tuple(split_lines("x")) == ((0, 1),)


def test_a_repeated_short_text_is_read_once_per_rule(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    calls = {"initials": 0, "credited": 0, "match": 0}
    search_last = credits._search_last_bracket
    credited = captions.Captions._credited
    match = Matcher.match

    def counted_search(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["initials"] += 1
        return search_last(*args, **kwargs)

    def counted_credited(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["credited"] += 1
        return credited(*args, **kwargs)

    def counted_match(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["match"] += 1
        return match(*args, **kwargs)

    monkeypatch.setattr(credits, "_search_last_bracket", counted_search)
    monkeypatch.setattr(captions.Captions, "_credited", counted_credited)
    monkeypatch.setattr(Matcher, "match", counted_match)
    n = 26 * 26 * 4  # each of the 676 texts four times
    article = newsclean.clean(_markers(n))
    assert article.paragraphs == [S1]
    assert len(article.removals) == n  # each marker still removed, at its own offsets
    assert [r.text for r in article.removals][:2] == ["(aac)", "(bac)"]
    assert calls["initials"] < 26 * 26 + 20
    assert calls["credited"] < 26 * 26 + 20
    assert calls["match"] < 20 * (26 * 26 + 20)  # a few matchers of a few rules, once per text


def test_a_short_piece_keeps_no_lower_case_copy() -> None:
    text = "\n".join(f"(B{i % 97}c)" for i in range(N))
    doc = Document(text, split_lines(text), lowered=sliceable_lower(text))
    pieces = doc.pieces
    tracemalloc.start()
    try:
        before, _ = tracemalloc.get_traced_memory()
        assert all(p.lower == p.text.lower() for p in pieces)
        after, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (after - before) / N < 8  # a kept copy was a string (50 bytes and more) a piece
