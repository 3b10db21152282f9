"""Shared helpers for the test suite: where the fixtures are and how to load them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def folded(paragraphs: list[str]) -> list[str]:
    """Paragraphs with whitespace folded, as the gold files compare them."""
    return [" ".join(p.split()) for p in paragraphs]
