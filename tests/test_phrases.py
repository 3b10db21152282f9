"""Phrase data: loading, validation, and the literal prefilter that makes matching fast."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

import newsclean
from _fixtures import FIXTURES, load_json
from newsclean.phrases import (
    LiteralScanner,
    Phrase,
    builtin_phrases,
    compile_matcher,
    parse_phrases,
    required_literals,
)

ALL_PHRASES = [
    (family, kind, p)
    for family, kinds in builtin_phrases().entries.items()
    for kind, phrases in kinds.items()
    if kind != "labels"
    for p in phrases
]


def _texts() -> list[str]:
    out = [(FIXTURES / "seed" / "medcom-blinken-nato.txt").read_text(encoding="utf-8")]
    out += [load_json(p)["raw"] for p in sorted((FIXTURES / "text").glob("*.json"))]
    return out


LINES = [line for text in _texts() for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize(
    "pattern, expected",
    [
        (r"Baca\s+selengkapnya\s+di\s+sini", ("selengkapnya",)),
        (r"(?:Getty\s+Images|AP\s+Photo)", ("images", "photo")),
        (r"[\p{Lu}][\p{L}]+\s+Foto", ("foto",)),
        (r"(?:Foto)?\s*Ilustrasi", ("ilustrasi",)),
        (r"[A-Z]+\d*", ()),
        (r"(?:ab|\d+)", ()),
    ],
)
def test_required_literals(pattern: str, expected: tuple[str, ...]) -> None:
    assert required_literals(pattern) == expected


@pytest.mark.parametrize("family, kind, phrase", ALL_PHRASES, ids=[f"{f}.{k}.{p.id}" for f, k, p in ALL_PHRASES])
def test_prefilter_never_hides_a_match(family: str, kind: str, phrase: Phrase) -> None:
    """Every line a phrase matches contains one of the literals its prefilter looks for."""
    needs = required_literals(phrase.pattern)
    if not needs:
        return
    pattern = regex.compile(("" if phrase.case else "(?i)") + phrase.pattern)
    for line in LINES:
        if pattern.search(line):
            assert any(n in line.lower() for n in needs), (phrase.pattern, line[:120])


def test_scanner_finds_overlapping_literals() -> None:
    scanner = LiteralScanner(["photo", "photo/", "oto/g", "getty"])
    assert scanner.scan("AP Photo/Getty") == {"photo", "photo/", "oto/g", "getty"}


def test_matcher_reports_which_phrase_matched() -> None:
    matcher = compile_matcher([Phrase("ADVERTISEMENT", "ad"), Phrase(r"SCROLL\s+TO\s+CONTINUE", "scroll")])
    assert matcher is not None
    hits = matcher.finditer("text ADVERTISEMENT more SCROLL TO CONTINUE end")
    assert [h.id for h in hits] == ["ad", "scroll"]


@pytest.mark.parametrize(
    "data, message",
    [
        ({"promo": {"lines": ["x"]}}, "unknown family"),
        ({"promos": {"line": ["x"]}}, "has no kind"),
        ({"promos": {"lines": ["(unclosed"]}}, "does not compile"),
        ({"promos": {"lines": [{"pattern": "x", "colour": "red"}]}}, "an entry needs"),
        ({"promos": {"lines": "x"}}, "must be a list"),
    ],
)
def test_bad_phrase_data_fails_loudly(data: dict[str, object], message: str) -> None:
    with pytest.raises(newsclean.ConfigError, match=message):
        parse_phrases(data, "test")


def test_user_phrase_file_adds_a_rule_match(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text("[prompts]\nlines = [ { id = \"poll\", pattern = 'Ikuti\\s+polling\\s+kami.*' } ]\n")
    raw = "Harga beras naik lagi pekan ini, kata pedagang di pasar induk.\nIkuti polling kami hari ini"
    assert newsclean.clean(raw).paragraphs[-1] == "Ikuti polling kami hari ini"
    article = newsclean.Cleaner(phrases=[path]).clean(raw)
    assert article.paragraphs == ["Harga beras naik lagi pekan ini, kata pedagang di pasar induk."]
    assert article.removals[-1].reason == "prompts:poll"


def test_disabling_a_rule_keeps_its_lines() -> None:
    raw = "Harga beras naik lagi pekan ini, kata pedagang di pasar induk.\nBaca juga: Harga Cabai Turun"
    assert len(newsclean.clean(raw).paragraphs) == 1
    assert len(newsclean.Cleaner(disable={"related_links"}).clean(raw).paragraphs) == 2


def test_unknown_rule_name_is_an_error() -> None:
    with pytest.raises(newsclean.ConfigError, match="unknown rule"):
        newsclean.Cleaner(disable={"no_such_rule"})


def test_scanner_with_and_without_automaton_agree() -> None:
    """The optional Aho-Corasick scanner (newsclean[fast]) finds exactly what the fallback finds."""
    pytest.importorskip("ahocorasick_rs")
    literals = ["photo", "photo/", "oto/g", "getty", "baca", "(", "©", "selengkapnya"]
    fast, plain = LiteralScanner(literals), LiteralScanner(literals, automaton=False)
    for text in [*LINES, "AP Photo/Getty", "", "©©©", "BACA juga (x)"]:
        assert fast.scan(text) == plain.scan(text)
