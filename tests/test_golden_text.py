"""Golden fixtures: real scraped texts from many outlets against their hand-annotated gold.

Each fixture is checked on its own (one test per fixture and field), so one failure hides
nothing else. Known failures are listed with the reason, as strict xfails: when one starts
passing, the test says so and the entry must go.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import newsclean
from _fixtures import FIXTURES, folded, load_json

CASES = sorted((FIXTURES / "text").glob("*.json"))
SITES = {load_json(p)["site"] for p in CASES}

KNOWN_FAILURES = {
    "kapanlagi-8": "a glued run of related headlines ends inside a headline ('… Punya Warisan Perusahaan Baja')",
    "republika-16": "link text glued to the next word hides where a related headline ends",
    "tribunnews-49": "a quiz page: answer options are short lines the header reads as header material",
    "us-news-en-4": "an unlabelled 'In other news' teaser paragraph is kept",
}


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = load_json(path)
    return data


def test_fixtures_cover_at_least_eight_outlets() -> None:
    assert len(SITES) >= 8


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_paragraphs(path: Path) -> None:
    case = _load(path)
    if case["id"] in KNOWN_FAILURES:
        pytest.xfail(KNOWN_FAILURES[case["id"]])
    article = newsclean.clean(case["raw"])
    assert folded(article.paragraphs) == folded(case["gold"]["paragraphs"])


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_captions(path: Path) -> None:
    case = _load(path)
    article = newsclean.clean(case["raw"])
    assert folded(article.captions) == folded(case["gold"]["captions"])


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_dateline(path: Path) -> None:
    case = _load(path)
    article = newsclean.clean(case["raw"])
    want = case["gold"]["dateline"]
    assert (article.dateline or "").lower() == (want or "").lower()


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_no_gold_boilerplate_line_leaks(path: Path) -> None:
    case = _load(path)
    if case["id"] in KNOWN_FAILURES:
        pytest.xfail(KNOWN_FAILURES[case["id"]])
    body = " ".join(" ".join(newsclean.clean(case["raw"]).paragraphs).split()).lower()
    gold_body = " ".join(" ".join(case["gold"]["paragraphs"]).split()).lower()
    for line in case["gold"]["boilerplate"]:
        text = " ".join(line.split()).lower()
        if len(text.split()) >= 3 and text not in gold_body:
            assert text not in body, line
