"""Metadata per outlet: title, authors, timestamp and dateline read from real header lines.

Each ``fixtures/outlets/<outlet>.json`` holds a few header + first-paragraph snippets (and the
tail credit lines, when the byline is there) copied from the shared corpora, the source of
each cited, with the expected metadata written from the corpus gold. Snippets marked
``"synthetic": true`` stand for outlets the corpora have no sample of: their header lines
follow the outlet's real format, their text is invented. ``"known_failure": true`` cases
are strict xfails: a fix must flip them.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean.model import Provenance

OUTLETS = Path(__file__).resolve().parent.parent / "fixtures" / "outlets"
REQUIRED = {
    "medcom", "detik", "kompas", "tribunnews", "liputan6", "antaranews", "okezone", "tempo",
    "republika", "viva", "suara", "merdeka", "kapanlagi", "mediaindonesia", "bisnis", "kontan",
    "cnnindonesia", "cnbcindonesia", "kumparan", "sindonews", "jpnn", "idntimes", "reuters", "ap", "afp",
}


def _cases() -> list[Any]:
    out = []
    for path in sorted(OUTLETS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            marks = (
                [pytest.mark.xfail(strict=True, reason=case.get("comment", "known gap"))]
                if case.get("known_failure")
                else []
            )
            out.append(pytest.param(case, id=f"{data['outlet']}:{case['label']}", marks=marks))
    return out


def _fold(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def test_every_outlet_has_a_fixture() -> None:
    assert {p.stem for p in OUTLETS.glob("*.json")} >= REQUIRED


def test_synthetic_cases_say_so() -> None:
    for path in OUTLETS.glob("*.json"):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            source = case.get("source", "")
            assert case.get("synthetic") or "shared corpus" in source or "seed" in source
            if case.get("synthetic"):
                assert "synthetic" in case["comment"]


@pytest.mark.parametrize("case", _cases())
def test_outlet_metadata(case: dict[str, Any]) -> None:
    art = newsclean.clean(case["raw"])
    want = case["expected"]
    if want.get("title"):
        assert _fold(art.title) == _fold(want["title"])
    if want.get("authors"):
        got = {_fold(a) for a in art.authors}
        assert any(_fold(a) in got for a in want["authors"]), art.authors
    if want.get("timestamp"):
        expected = dt.datetime.fromisoformat(want["timestamp"]) if len(want["timestamp"]) > 10 else None
        if expected is None:
            assert art.timestamp is not None and art.timestamp.isoformat()[:10] == want["timestamp"]
        else:
            assert isinstance(art.timestamp, dt.datetime)
            if expected.tzinfo is not None:
                assert art.timestamp.tzinfo is not None
                assert abs((art.timestamp - expected).total_seconds()) < 60
            else:
                assert art.timestamp.replace(tzinfo=None, second=0) == expected
    if want.get("dateline"):
        assert _fold(art.dateline) == _fold(want["dateline"])
    elif "dateline" in want:
        assert art.dateline is None, art.dateline
    for name in ("title", "authors", "timestamp", "dateline"):
        if getattr(art, name):
            assert art.provenance[name] is Provenance.FOUND


KOMPAS = (
    "Judul Berita Yang Cukup Panjang\n\nJAKARTA, KOMPAS.com - Presiden Joko Widodo mengatakan "
    "sesuatu yang penting hari ini kepada para wartawan di istana negara."
)


def test_url_date_is_a_fallback_and_provenance_is_found() -> None:
    art = newsclean.clean(KOMPAS, url="https://nasional.kompas.com/read/2019/01/21/22050011/judul")
    assert art.timestamp == dt.date(2019, 1, 21)
    assert art.provenance["timestamp"] is Provenance.FOUND
    assert art.site == "kompas.com", "the outlet, not the raw host (issue #13)"
    assert art.provenance["site"] is Provenance.GIVEN


def test_published_given_wins_over_url_and_page() -> None:
    given = dt.datetime(2019, 1, 22, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    art = newsclean.clean(
        "Judul\n\nSenin, 21 Januari 2019 22:05 WIB\n\n" + KOMPAS,
        url="https://nasional.kompas.com/read/2019/01/21/22050011/judul",
        published=given,
    )
    assert art.timestamp == given
    assert art.provenance["timestamp"] is Provenance.GIVEN
    assert art.provenance["dateline"] is Provenance.FOUND


def test_page_date_beats_url_date() -> None:
    art = newsclean.clean(
        "Judul Berita Yang Cukup Panjang\n\nSenin, 21 Januari 2019 22:05 WIB\n\n" + KOMPAS.split("\n\n", 1)[1],
        url="https://nasional.kompas.com/read/2019/01/20/22050011/judul",
    )
    assert isinstance(art.timestamp, dt.datetime) and art.timestamp.hour == 22
