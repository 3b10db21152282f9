"""Text that must survive untouched: prose that merely looks like boilerplate."""

from __future__ import annotations

from typing import Any

import pytest

import newsclean
from _fixtures import FIXTURES, folded, load_json

CASES: list[dict[str, Any]] = load_json(FIXTURES / "negative" / "untouched.json")


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_untouched(case: dict[str, Any]) -> None:
    text = case["text"]
    article = newsclean.clean(text)
    assert folded(article.paragraphs) == folded(text.split("\n")), case["comment"]
    assert article.removals == []
    assert article.dateline is None
