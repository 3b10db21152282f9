"""The shortcuts the pipeline takes for speed give exactly what the plain way gives: pieces
patched after removals, and phrase matchers cut down to the literals a document holds."""

from __future__ import annotations

import functools
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.document import Document, Piece, iter_pieces, sliceable_lower
from newsclean.language import guess_language
from newsclean.phrases import (
    MAX_NEEDS,
    LiteralScanner,
    Matcher,
    builtin_phrases,
    literal_mask,
    phrasebook_literals,
    required_literals,
)
from newsclean.rules.layout import _LINK_START, _LOWER_START, _SENTENCE_END, SHORT_WORDS, Line
from newsclean.rules.leftovers import _HAS_TEXT, has_text
from newsclean.segment import normalize_space, split_lines
from test_phrases import LINES


def fresh_pieces(doc: Document) -> list[tuple[int, int, int, str]]:
    return [(p.line, p.start, p.end, p.text) for p in iter_pieces(doc.source, doc.lines, doc.removed) if p.text.strip()]


TEXT = st.text(alphabet="ab \t\n\r\u2028.", max_size=60)
SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=6)


@settings(max_examples=300, derandomize=True)
@given(TEXT, st.lists(SPANS, max_size=4))
def test_patched_pieces_are_the_fresh_pieces(text: str, batches: list[list[tuple[int, int]]]) -> None:
    """Removals made in batches (as rules make them), pieces read between batches."""
    doc = Document(text, split_lines(text))
    for batch in batches:
        _ = doc.pieces  # built (or patched) before the batch, patched after it
        for start, length in batch:
            doc.remove(start, min(start + length, len(text)))
        assert [(p.line, p.start, p.end, p.text) for p in doc.pieces] == fresh_pieces(doc)


CASED_TEXT = st.text(alphabet="aB \nΣσς\u0130iİΑ.", max_size=40)


@settings(max_examples=300, derandomize=True)
@given(CASED_TEXT, SPANS)
def test_pieces_slice_their_lower_case_only_where_it_is_theirs(text: str, spans: list[tuple[int, int]]) -> None:
    """Pieces take their lower case from the document's (``sliceable_lower``) only when that
    gives each piece its own ``text.lower()``: never around an ``İ`` or a capital sigma."""
    sliced = Document(text, split_lines(text), lowered=sliceable_lower(text))
    own = Document(text, split_lines(text))  # each piece lower-cases its own text
    for doc in (sliced, own):
        _ = doc.pieces
        for start, length in spans:
            doc.remove(start, min(start + length, len(text)))
    # (compared with the pieces' own lower case, not str.lower here: the compiled build's
    # str.lower does not apply the final-sigma rule, which no phrase literal needs)
    assert [p.lower for p in sliced.pieces] == [p.lower for p in own.pieces]


def test_the_language_guess_reads_the_document_lower_case_as_its_own() -> None:
    text = "MENURUT DIA, PEMERINTAH TIDAK AKAN MENAIKKAN HARGA TERSEBUT KARENA BISA BERDAMPAK."
    assert guess_language(text, sliceable_lower(text)) == guess_language(text) == "id"


def _rule_matchers() -> list[Matcher]:
    """Every phrase matcher the default rules hold (a rule's own, or its PhraseRule's)."""
    return [
        m
        for rule in newsclean.Cleaner().rules
        for owner in (rule, getattr(rule, "_phrases", None))
        if owner is not None
        for m in (getattr(owner, name) for name in dir(owner))
        if isinstance(m, Matcher)
    ]


def test_cut_down_matchers_match_like_the_full_ones() -> None:
    """Every phrase matcher of the default rules, cut down to each fixture line's literals,
    finds what the full matcher finds on that line."""
    scanner = LiteralScanner(phrasebook_literals(builtin_phrases()))
    matchers = _rule_matchers()
    assert len(matchers) > 10
    for line in LINES:
        found = scanner.scan(line)
        for full in matchers:
            cut = full.for_text(found, scanner.vocabulary)
            for method in ("match", "search", "finditer"):
                expected = getattr(full, method)(line)
                if cut is None:
                    assert not expected, (method, line)
                else:
                    assert getattr(cut, method)(line, line.lower()) == expected, (method, line)


def test_line_masks_pick_the_phrases_the_full_matchers_find() -> None:
    """With the per-line literal masks of the document scan (the ``fast`` extra), every cut-down
    matcher finds on each fixture line what the full matcher finds."""
    pytest.importorskip("ahocorasick_rs")
    scanner = LiteralScanner(phrasebook_literals(builtin_phrases()))
    matchers = _rule_matchers()
    text = "\n".join(LINES)
    starts = [0]
    for line in LINES[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    found, masks = scanner.scan_lines(text, starts)
    assert masks is not None and any(masks)
    vocabulary = literal_mask(scanner.vocabulary)
    for full in matchers:
        cut = full.for_mask(literal_mask(found), vocabulary)
        for line, mask in zip(LINES, masks, strict=True):
            for method in ("match", "search", "finditer"):
                expected = getattr(full, method)(line)
                if cut is None:
                    assert not expected, (method, line)
                else:
                    assert getattr(cut, method)(line, line.lower(), mask) == expected, (method, line)


def test_prefilter_prefers_a_short_list_of_literals() -> None:
    # up to MAX_NEEDS alternatives are tested one by one: rarer than the colon every match has
    assert required_literals(r"(?:Foto|FOTO|Photo|Gambar|Image|Ilustrasi|Dok|Sumber\s+foto)\s*:\s*\S") == (
        "foto", "photo", "gambar", "image", "ilustrasi", "dok", "sumber"
    )
    # more alternatives than that are too many to test: the colon is the one literal
    many = "|".join(f"{chr(97 + i % 26)}{chr(97 + i // 26)}word" for i in range(MAX_NEEDS + 1))
    assert required_literals(rf"(?:{many})\s*:\s*\S") == (":",)
    # the same literal listed once
    assert required_literals(r"(?:FOTO|Foto|Photo|PHOTO)") == ("foto", "photo")


_ENDED = [c for m in _rule_matchers() for c in m._compiled if c.last]


def test_some_phrases_are_known_to_end_with_a_bracket() -> None:
    assert any(c.last == ")" for c in _ENDED)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(LINES), st.text(alphabet=" \t\n\x1c\x85\u00a0\u3000)(.x", max_size=4), st.sampled_from(_ENDED))
def test_a_phrase_is_skipped_only_where_it_cannot_match(line: str, tail: str, phrase: object) -> None:
    """A phrase anchored at the end is skipped on a text whose last character (trailing
    whitespace aside, as ``str.rstrip`` reads it) is not the one it ends with: it never
    matches such a text, whatever the whitespace."""
    from newsclean.phrases import _Compiled

    assert isinstance(phrase, _Compiled)
    text = line + tail
    if phrase.pattern.search(text):
        assert text.rstrip()[-1:] == phrase.last


@settings(max_examples=500, derandomize=True)
@given(st.text(alphabet=" ab\t\n\x1c\x85\u00a0\u2003\u3000\u200b“é", max_size=12))
def test_normal_text_is_returned_as_it_is_and_any_other_normalised(text: str) -> None:
    """``normalize_space``'s shortcuts (ASCII substring tests; ``isprintable`` for the rest)
    give what splitting and joining gives."""
    assert normalize_space(text) == " ".join(text.split())


_OPENED = [c for m in _rule_matchers() for c in m._compiled if c.first]


def test_some_anchored_phrases_know_their_first_characters() -> None:
    assert any(set("0123456789") <= set(c.first) for c in _OPENED)  # pagination: 1 2 3 Next


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from([*LINES, "1 2 3 Next", "A- A+", "(Baca juga: x)", "Share", "Kompas TV", "\u212aomentar"]),
    st.text(alphabet=" \t\u00a0\x1c([", max_size=3),
    st.sampled_from(_OPENED),
)
def test_an_anchored_phrase_is_skipped_only_where_it_cannot_match(line: str, lead: str, phrase: object) -> None:
    """A phrase anchored at the start is skipped on a text whose first character past the
    anchor's leading characters is ASCII and not one it can open with: it never matches such
    a text (a non-ASCII first character, NBSP or the Kelvin sign, is always tried)."""
    from newsclean.phrases import _Compiled

    assert isinstance(phrase, _Compiled)
    text = lead + line
    if phrase.pattern.match(text):
        head = text.lstrip(phrase.lead)[:1]
        assert not head.isascii() or head in phrase.first


@settings(max_examples=500, derandomize=True)
@given(st.text(alphabet=" \t\u00a0aZ09é٣•)-\u3000", max_size=6))
def test_the_leftovers_shortcut_answers_as_the_pattern_does(text: str) -> None:
    """``has_text`` answers from an ASCII first character without the pattern: the same answer."""
    assert has_text(text) == (_HAS_TEXT.search(text) is not None)


@settings(max_examples=500, derandomize=True)
@given(
    st.tuples(
        st.sampled_from(["", "(", "“", "'", "-", "[", "((", "\u00a0", "\u00ab"]),
        st.text(alphabet="aZ9 .!?(“”'\u00e9\u00c9-", min_size=1, max_size=10),
    ).map("".join).filter(str.strip)
)
def test_a_layout_line_opening_with_an_ascii_letter_reads_as_the_patterns_read_it(text: str) -> None:
    """``Line.of`` answers a line opening with an ASCII letter without its two start patterns."""
    line = Line.of(Piece(0, 0, len(text), text))
    stripped = text.strip()
    assert line.link == (
        line.words <= SHORT_WORDS
        and _LINK_START.match(stripped) is not None
        and _SENTENCE_END.search(stripped) is None
    )
    assert line.lower == (_LOWER_START.match(stripped) is not None)


@settings(max_examples=500, derandomize=True)
@given(st.text(alphabet=" \t\n([xObBlLſ\u212aeEy:", max_size=8))
def test_a_line_is_spared_the_prefix_pattern_only_where_it_cannot_match(line: str) -> None:
    """The byline prefix pattern (``Oleh``, ``By``, ...) is skipped only for a line opening
    with an ASCII letter that no prefix opens with."""
    from newsclean.metadata.byline import _may_open_with_prefix, _patterns

    patterns = _patterns()
    for tail in ("leh: X", "y X", "diting by X"):
        text = line + tail
        if patterns.prefix.match(text):
            assert _may_open_with_prefix(text, patterns.prefix_letters)


@settings(max_examples=500, derandomize=True)
@given(st.lists(st.sampled_from(["Kata dia.", " ", "(", ")", "abc", "FJR", "/", "\n", "*", "Lita Febriani", "”", "x"]),
                max_size=10).map("".join))
def test_a_closing_bracket_is_searched_for_from_the_last_opening_one(text: str) -> None:
    """The credits rule's closing-bracket patterns, searched from the text's last ``(``, find
    what a search from the start finds."""
    from newsclean.rules.credits import _INITIALS, _NAME_CREDIT, _search_last_bracket

    for pattern in (_INITIALS, _NAME_CREDIT):
        found, expected = _search_last_bracket(pattern, text), pattern.search(text)
        assert (found and found.span()) == (expected and expected.span())


@functools.cache
def _credits_rule() -> Any:
    from newsclean.rules.credits import Credits

    return next(r for r in newsclean.Cleaner().rules if isinstance(r, Credits))


@settings(max_examples=500, derandomize=True)
@given(st.lists(st.sampled_from(["Kata dia.", " ", "(", "\n", "\x1c", "Editor", "Red", ":", "Reporting by", "x", "”"]),
                max_size=10).map("".join))
@example("Kata dia. (Editor: Ani)")
@example("x (\n Red: Budi")
def test_a_credit_label_is_searched_for_from_where_one_may_start(text: str) -> None:
    """The credit-line pattern, searched from before the first label, finds what a search
    from the start finds."""
    from newsclean.rules.credits import _label_search_start

    credits = _credits_rule()
    start = _label_search_start(text, credits._labels)
    expected = credits._credit.search(text)
    found = credits._credit.search(text, start) if start >= 0 else None
    assert (found and found.span()) == (expected and expected.span())


def _reference_guess(text: str) -> str | None:
    """The language guess as its docstring states it: every word, or the word without the
    marks at its ends, that is a marker counts for the languages it marks."""
    from newsclean.language import _PUNCT, MIN_HITS, SAMPLE_CHARS, _marker_table

    table, codes = _marker_table()
    tally = [0] * len(codes)
    for word in text[:SAMPLE_CHARS].lower().split():
        for i in table.get(word) or table.get(word.strip(_PUNCT)) or ():
            tally[i] += 1
    best = max(tally)
    return codes[tally.index(best)] if best >= MIN_HITS else None


@settings(max_examples=300, derandomize=True)
@given(st.lists(st.sampled_from(["the", "(The)", "said,", "“was", "yang", "Yang.", "dan”", "kerana", "(beliau)",
                                 "x", "-", "…", "di-", "ke-2", "Ini—"]), max_size=14).map(" ".join))
def test_the_language_guess_counts_a_marker_with_marks_at_its_ends(text: str) -> None:
    assert guess_language(text) == _reference_guess(text)


def test_a_piece_is_skipped_only_where_no_phrase_of_the_family_can_match() -> None:
    """A phrase rule skips a piece whose line holds none of the literals its three matchers
    gate on (``line_gate``, ``Matcher.idle_on``): on every fixture line so skipped, no phrase
    of the family matches."""
    pytest.importorskip("ahocorasick_rs")
    from newsclean.phrases import line_gate
    from newsclean.rules.base import PhraseRule

    scanner = LiteralScanner(phrasebook_literals(builtin_phrases()))
    text = "\n".join(LINES)
    starts = [0]
    for line in LINES[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    found, masks = scanner.scan_lines(text, starts)
    assert masks is not None
    vocabulary = literal_mask(scanner.vocabulary)
    rules = [r for r in newsclean.Cleaner().rules if isinstance(r, PhraseRule)]
    rules += [r._phrases for r in newsclean.Cleaner().rules if isinstance(getattr(r, "_phrases", None), PhraseRule)]
    skipped = 0
    for rule in rules:
        full = (rule._lines, rule._starts, rule._inline_matcher)
        views = [m.for_mask(literal_mask(found), vocabulary, True) if m is not None else None for m in full]
        gate, is_open = line_gate(*views)
        for line, mask in zip(LINES, masks, strict=True):
            if is_open or mask & gate:
                continue
            skipped += 1
            assert all(view is None or view.idle_on(mask) for view in views)
            for m in full:
                if m is not None:
                    assert not m.match(line) and not m.search(line) and not m.finditer(line), (rule.name, line)
    assert skipped > len(LINES)  # (most lines hold no literal of most families)


def test_remembered_dates_and_bylines_answer_for_their_own_zone() -> None:
    """``find_timestamp`` and ``parse_byline`` keep recent answers by line *and* zone: the same
    line read with another default zone is read again."""
    import datetime as dt

    from newsclean.metadata.byline import parse_byline
    from newsclean.metadata.dates import find_timestamp

    wib, utc = dt.timezone(dt.timedelta(hours=7)), dt.UTC
    line = "Senin, 21 Januari 2019 22:05"
    first = find_timestamp(line, default_tz=wib)
    second = find_timestamp(line, default_tz=utc)
    assert first is not None and second is not None
    assert first.value.utcoffset() == dt.timedelta(hours=7) and second.value.utcoffset() == dt.timedelta(0)
    byline = "Ardito Ramadhan • 21 Januari 2019 22:05"
    a, b = parse_byline(byline, default_tz=wib), parse_byline(byline, default_tz=utc)
    assert a is not None and b is not None and a.timestamp is not None and b.timestamp is not None
    assert a.authors == b.authors == ("Ardito Ramadhan",)
    assert a.timestamp.value.utcoffset() == dt.timedelta(hours=7) and b.timestamp.value.utcoffset() == dt.timedelta(0)
