"""Generated and adversarial inputs, and the invariants every cleaned article must keep.

Shared by the robustness tests (``test_bad_input``, ``test_invariants``, ``test_redos``,
``test_threads``) and the long fuzz run (``benchmarks/fuzz.py``), so a failure found by one
is checked the same way by the other.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from hypothesis import strategies as st

import newsclean
from newsclean.pipeline import is_html

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS_FILES = (SHARED / "corpus" / "text" / "dev.jsonl", SHARED / "corpus" / "html" / "raw.jsonl")
REGRESSIONS = ROOT / "tests" / "regressions"

FUZZ_EXAMPLES = int(os.environ.get("NEWSCLEAN_FUZZ_EXAMPLES", "0") or 0)
"""``NEWSCLEAN_FUZZ_EXAMPLES=N`` raises every property test to ``N`` examples."""

SECONDS_PER_MB = 1.0
"""The time bound of the issue: cleaning costs at most this much per MB of input."""
MIN_BUDGET = 0.5
"""Every bound allows at least this many seconds, so a busy CI machine does not flake."""

# The characters newsclean reads as spaces (pipeline._CONTROL), spelled out again here so the
# invariants do not trust the code they check.
_CONTROL = {c: " " for c in [*range(0, 9), 11, 12, *range(14, 32), 127]}


def time_budget(chars: int, seconds_per_mb: float = SECONDS_PER_MB) -> float:
    """The time allowed for ``chars`` characters of input."""
    return max(MIN_BUDGET, seconds_per_mb * chars / 1_000_000)


# ---------------------------------------------------------------- corpus


def corpus_docs() -> list[tuple[str, str]]:
    """``(id, raw)`` of every document of the shared corpus (empty when it is absent)."""
    docs: list[tuple[str, str]] = []
    for path in CORPUS_FILES:
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                if line.strip():
                    record = json.loads(line)
                    docs.append((f"{path.parent.name}/{record.get('id', number)}", record["raw"]))
    return docs


# ---------------------------------------------------------------- invariants


def read_as(raw: str) -> str:
    """The text the pipeline reads for text input ``raw``: control characters as spaces."""
    return raw.translate(_CONTROL)


def fold(text: str) -> str:
    return " ".join(text.split())


def alive_paragraphs(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The paragraphs left when ``spans`` are cut out of ``text``: every line's unremoved
    runs, whitespace-folded, blank ones dropped. Written apart from ``newsclean.document`` so
    the trace is checked by a second implementation."""
    # NUL marks a removed character: read_as() turned every NUL of the input into a space
    parts: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if end > start:
            parts.append(text[pos:start])
            parts.append("\x00" * (end - start))
            pos = end
    parts.append(text[pos:])
    masked = "".join(parts)
    return [folded for line in masked.splitlines() for run in line.split("\x00") if (folded := fold(run))]


def violations(raw: str, article: newsclean.Article, *, idempotence: bool = False) -> list[str]:
    """Every invariant ``article`` (cleaned from text ``raw``) breaks, as readable lines.

    - nothing invented: each paragraph and caption is text of the input, whitespace folded;
    - nothing silently lost: each removal's text is the input at its offsets, and cutting
      the removals out of the input leaves exactly the paragraphs (so every other
      non-space character of the input is in a paragraph);
    - the trace replays: ``newsclean.replay(raw, removals) == paragraphs``;
    - idempotent (when asked): cleaning the paragraphs again removes nothing more.
    """
    problems: list[str] = []
    text = read_as(raw)
    flat = fold(text)
    for p in article.paragraphs:
        if p not in flat:
            problems.append(f"invented paragraph: {p[:120]!r}")
    for c in article.captions:
        if c not in flat:
            problems.append(f"invented caption: {c[:120]!r}")
    spans = []
    for r in article.removals:
        if not 0 <= r.start <= r.end <= len(text):
            problems.append(f"removal out of bounds: {r.rule} {r.start}..{r.end} of {len(text)}")
            continue
        if text[r.start : r.end] != r.text:
            problems.append(f"removal text is not the input at {r.start}..{r.end}: {r.text[:80]!r}")
        spans.append((r.start, r.end))
    if article.truncated:
        return problems  # the paragraphs are from the head only; checked by test_bad_input
    expected = alive_paragraphs(text, spans)
    if expected != article.paragraphs:
        problems.append(f"lost or changed text: {first_difference(expected, article.paragraphs)}")
    replayed = newsclean.replay(raw, article.removals)
    if replayed != article.paragraphs:
        problems.append(f"replay differs: {first_difference(replayed, article.paragraphs)}")
    if idempotence and article.paragraphs:
        again = newsclean.clean("\n".join(article.paragraphs))
        if again.paragraphs != article.paragraphs:
            problems.append(
                "not idempotent: " + "; ".join(f"{r.rule}/{r.reason}: {r.text[:80]!r}" for r in again.removals)
            )
    return problems


def first_difference(expected: list[str], got: list[str]) -> str:
    for i, (a, b) in enumerate(zip(expected, got, strict=False)):
        if a != b:
            return f"paragraph {i}: expected {a[:100]!r}, got {b[:100]!r}"
    return f"{len(expected)} paragraphs expected, {len(got)} returned"


def is_text_input(raw: str) -> bool:
    """True when ``clean(raw)`` reads ``raw`` as text (not as an HTML page)."""
    return not is_html(raw)


# ---------------------------------------------------------------- generated news text

_WORDS = [
    "harga",
    "beras",
    "naik",
    "lagi",
    "pekan",
    "ini",
    "kata",
    "pedagang",
    "di",
    "pasar",
    "pemerintah",
    "akan",
    "menaikkan",
    "subsidi",
    "menurut",
    "dia",
    "tidak",
    "bisa",
    "berdampak",
    "pada",
    "warga",
    "yang",
    "tinggal",
    "kota",
    "desa",
    "presiden",
    "menteri",
    "rapat",
    "hari",
    "selasa",
    "lalu",
    "sudah",
    "mulai",
    "jalan",
    "tol",
    "banjir",
    "hujan",
    "polisi",
    "kasus",
    "saksi",
]
_NAMES = ("Jakarta", "Bandung", "Joko Widodo", "Anies", "Sri Mulyani", "Surabaya", "KPK", "DPR", "Indonesia")
_OUTLETS = ("KOMPAS.com", "Liputan6.com", "ANTARA", "detikNews", "TEMPO.CO", "Reuters", "CNN Indonesia")
_UNICODE = st.characters(codec="utf-8")


@st.composite
def sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS + list(_NAMES)), min_size=3, max_size=30))
    words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words) + draw(st.sampled_from([".", ".", "?", "!", "", ","]))


@st.composite
def boilerplate(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(_NAMES))
    outlet = draw(st.sampled_from(_OUTLETS))
    title = draw(sentence()).rstrip(".?!,").title()
    return draw(
        st.sampled_from(
            [
                f"Baca juga: {title}",
                f"Baca Juga : {title}",
                f"(Baca: {title})",
                f"Lihat juga: {title}",
                "ADVERTISEMENT",
                "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT",
                "SCROLL TO RESUME CONTENT",
                "(FJR)",
                "(krs/pur)",
                "(*)",
                f"Foto: {outlet}",
                f"{title}. (Foto: AFP/{name})",
                f"Ilustrasi {title.lower()} (Foto: Getty Images)",
                f"Penulis: {name}",
                f"Editor: {name}",
                f"Pewarta: {name} Editor: {name}",
                f"Reporter: {name} | Editor: {name}",
                f"{name.upper()}, {outlet} - ",
                f"{name} ({outlet}) - ",
                "Senin, 12 Januari 2024 10:15 WIB",
                "Kamis, 5 November 2015 | 14:07 WIB",
                f"Oleh {name}",
                "Cek Berita dan Artikel yang lain di Google News",
                "Ikuti kami di Instagram dan Twitter",
                "Simak Video Pilihan Di Bawah Ini:",
                "[Gambas:Video 20detik]",
                "Komentar",
                "Bagikan",
                "Copyright © 2024 Kompas.com",
                f"Artikel ini telah tayang di {outlet} dengan judul {title}",
                "Terpopuler",
                "1 2 3 Selanjutnya",
                "#banjir #jakarta #hujan",
                "Yuk, simak juga" + title.replace(" ", ""),
                f"Sumber: {outlet}",
                "\u00a0",
                "",
                "   \t ",
            ]
        )
    )


@st.composite
def news_line(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 9))
    if kind <= 3:
        return " ".join(draw(st.lists(sentence(), min_size=1, max_size=5)))
    if kind <= 6:
        return draw(boilerplate())
    if kind == 7:
        # a boilerplate phrase glued into or after prose, as scrapers leave them
        glue = draw(st.sampled_from(["", " ", "  ", "\u00a0", "\t"]))
        parts = [draw(sentence()), draw(boilerplate()), draw(sentence())]
        return glue.join(parts[: draw(st.integers(2, 3))])
    if kind == 8:
        return draw(st.text(_UNICODE, max_size=60))
    return draw(st.sampled_from(["", " ", "\u00a0\u00a0", "\t", "\u3000", "\u200b", "-", "•", ")", "|"]))


@st.composite
def news_text(draw: st.DrawFn) -> str:
    """A scraped-looking text: story lines, boilerplate lines, blanks, odd unicode."""
    lines = draw(st.lists(news_line(), min_size=0, max_size=25))
    sep = draw(st.sampled_from(["\n", "\n", "\n\n", "\r\n", "\r", " ", "\u2028", "\x85"]))
    return sep.join(lines)


# ---------------------------------------------------------------- adversarial inputs


def adversarial(n: int) -> Iterator[tuple[str, str]]:
    """``(name, text)`` of about ``n`` characters: runs of what patterns love to backtrack on."""

    def fill(unit: str) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    yield "spaces_in_words", "x" + " " * (n - 2) + "y"
    yield "letters", fill("a")
    yield "capitals", fill("A")
    yield "open_parens", fill("(")
    yield "dots", fill(".")
    yield "digits", fill("1")
    yield "digits_spaced", fill("1 ")
    yield "baca_juga", fill("Baca juga: ")
    yield "related_glued", fill("Baca juga:Harga Naik")
    yield "words", fill("harga beras naik lagi kata pedagang ")
    yield "title_case", fill("Harga Beras Naik Lagi Kata Pedagang ")
    yield "alternating_case", fill("aA")
    yield "capital_words", fill("Ab ")
    yield "nbsp", fill("a\u00a0")
    yield "tabs_spaces", fill("\t ")
    yield "hashtags", fill("#a ")
    yield "photo_credit", fill("Foto: AFP ")
    yield "colons", fill("a: ")
    yield "slashes", fill("ab/")
    yield "dashes", fill("A - ")
    yield "dates", fill("12 Januari 2020 ")
    yield "commas", fill("A, ")
    yield "dot_words", fill("a.")
    yield "quotes", fill('"a')
    yield "braces", fill("a{")
    yield "tags", fill("<a ")
    yield "numbered", fill("1.")
    yield "paren_initials", fill("(ab/")
    yield "domains", fill("a.com.")
    yield "byline_names", fill("Editor: Ab Cd, ")
    yield "dateline_places", fill("JAKARTA KOMPAS ")
    yield "caption_credit", fill("Ilustrasi (Foto: AFP/Ab Cd) ")
    yield "mixed_scripts", fill("مرحبا 你好 🎉 ")
    yield "emoji", fill("🎉")


LABELS = ("", "Baca juga: ", "Foto: ", "Editor: ", "JAKARTA, KOMPAS.com - ", "Senin, 12 Januari 2020 ")


def adversarial_docs(n: int, labels: tuple[str, ...] = LABELS) -> Iterator[tuple[str, str]]:
    """Whole documents of about ``n`` characters: each adversarial run on one line, and cut
    into short lines (the ones whole-line patterns are tried on), behind a label."""
    for name, text in adversarial(n):
        yield f"{name}/one_line", text
        for label in labels:
            width = 120
            lines = [label + text[i : i + width] for i in range(0, len(text), width)]
            yield f"{name}/lines/{label.strip() or 'plain'}", "\n".join(lines)


def timed(fn: Callable[[], object]) -> float:
    import time

    start = time.perf_counter()
    fn()
    return time.perf_counter() - start
