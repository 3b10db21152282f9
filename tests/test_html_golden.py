"""Golden tests: real pages in fixtures/html/ against their hand-made gold records."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from newsclean.html import HtmlPage, parse_html

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "html"
GOLD = {
    rec["id"]: rec
    for rec in map(json.loads, (FIXTURES / "gold.jsonl").read_text(encoding="utf-8").splitlines())
}
IDS = sorted(GOLD)

# Menu, footer and teaser lines of each page that must not reach the text.
NOT_IN_TEXT = {
    "antaranews__anpandu-sp1": ["REGISTER | SIGN IN", "Ketentuan Penggunaan", "Wagub sidak ke Ngurah Rai"],
    "detik__htmldate-2023-health": ["Trans Snow World", "Influencer Kebugaran Meninggal Usia 29"],
    "malaymail__htmldate-2020": ["Advertise with Us", "Terms of Use", "Huawei App Gallery"],
    "republika__anpandu-sp3-ihram": ["Ini Rincian Besaran Komponen BPIH 2017", "Penetapan BPIH Sepenuhnya"],
    "tribunnews__htmldate-2020": ["Belum punya akun? Mendaftar", "Lupa kata sandi", "12 jam lalu"],
}


def fold(text: str) -> str:
    return " ".join(text.split()).lower()


@pytest.fixture(scope="module")
def pages() -> dict[str, HtmlPage]:
    return {pid: parse_html((FIXTURES / f"{pid}.html").read_bytes()) for pid in IDS}


@pytest.mark.parametrize("pid", IDS)
def test_first_and_last_paragraph_in_text(pages: dict[str, HtmlPage], pid: str) -> None:
    text = fold(pages[pid].text)
    paragraphs = GOLD[pid]["paragraphs"]
    assert fold(paragraphs[0]) in text
    assert fold(paragraphs[-1]) in text


@pytest.mark.parametrize("pid", IDS)
def test_every_gold_paragraph_in_text(pages: dict[str, HtmlPage], pid: str) -> None:
    text = fold(pages[pid].text)
    missing = [p for p in GOLD[pid]["paragraphs"] if fold(p) not in text]
    assert missing == []


@pytest.mark.parametrize("pid", IDS)
def test_menus_and_footers_not_in_text(pages: dict[str, HtmlPage], pid: str) -> None:
    text = pages[pid].text
    for line in NOT_IN_TEXT[pid]:
        assert line not in text


@pytest.mark.parametrize("pid", IDS)
def test_title_is_gold_and_first_line(pages: dict[str, HtmlPage], pid: str) -> None:
    page = pages[pid]
    assert page.meta.title == GOLD[pid]["title"]
    assert page.text.splitlines()[0] == GOLD[pid]["title"]


@pytest.mark.parametrize("pid", [p for p in IDS if GOLD[p]["authors"]])
def test_authors_from_metadata(pages: dict[str, HtmlPage], pid: str) -> None:
    assert set(GOLD[pid]["authors"]) <= set(pages[pid].meta.authors)


def test_organisation_is_not_an_author(pages: dict[str, HtmlPage]) -> None:
    # malaymail's JSON-LD author is {"@type": "Organization", "name": "Malay Mail"}
    assert pages["malaymail__htmldate-2020"].meta.authors == ()


@pytest.mark.parametrize(
    "pid", ["antaranews__anpandu-sp1", "detik__htmldate-2023-health", "malaymail__htmldate-2020"]
)
def test_published_from_metadata(pages: dict[str, HtmlPage], pid: str) -> None:
    raw = pages[pid].meta.published
    assert raw is not None
    got = dt.datetime.fromisoformat(raw)
    want = dt.datetime.fromisoformat(GOLD[pid]["timestamp"])
    assert abs((got - want).total_seconds()) < 60


def test_visible_date_when_metadata_has_none(pages: dict[str, HtmlPage]) -> None:
    assert pages["republika__anpandu-sp3-ihram"].meta.published == "Jumat , 17 February 2017, 13:16 WIB"


@pytest.mark.parametrize("pid", IDS)
def test_captions_not_in_text(pages: dict[str, HtmlPage], pid: str) -> None:
    page = pages[pid]
    lines = set(page.text.splitlines())
    assert not lines & set(page.captions)


def test_gold_caption_found(pages: dict[str, HtmlPage]) -> None:
    page = pages["antaranews__anpandu-sp1"]
    assert GOLD["antaranews__anpandu-sp1"]["captions"][0] in page.captions


def test_trace_names_the_chosen_container(pages: dict[str, HtmlPage]) -> None:
    first = pages["detik__htmldate-2023-health"].decisions[0]
    assert first.rule == "html_main_content"
    assert first.reason.startswith("chosen:class=detail__body-text")
    assert re.fullmatch(r"body(/\w+(\[\d+\])?)+", first.path)
    assert first.path.endswith(("div", "]"))


@pytest.mark.parametrize("pid", IDS)
def test_every_fixture_is_an_article(pages: dict[str, HtmlPage], pid: str) -> None:
    assert pages[pid].is_article
    assert pages[pid].reason is None


def test_byline_and_date_lines_kept_for_the_pipeline(pages: dict[str, HtmlPage]) -> None:
    lines = pages["detik__htmldate-2023-health"].text.splitlines()
    assert "Vidya Pinandhita - detikHealth" in lines[:4]
    assert "Kamis, 02 Nov 2023 20:59 WIB" in lines[:4]
