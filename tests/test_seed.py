"""The page the project started from must come out exactly as its hand-made gold says."""

from __future__ import annotations

import datetime as dt

import pytest

import newsclean
from _fixtures import FIXTURES, folded, load_json
from newsclean import Article, Kind

RAW = (FIXTURES / "seed" / "medcom-blinken-nato.txt").read_text(encoding="utf-8")
GOLD = load_json(FIXTURES / "seed" / "medcom-blinken-nato.gold.json")


@pytest.fixture(scope="module")
def article() -> Article:
    return newsclean.clean(RAW)


def test_title(article: Article) -> None:
    assert article.title == GOLD["title"] == "AS Tolak Permintaan Rusia untuk Larang Ukraina Gabung NATO"


def test_authors(article: Article) -> None:
    assert article.authors == GOLD["authors"] == ["Fajar Nugraha"]
    assert article.author == "Fajar Nugraha"
    assert article.editors == GOLD["editors"]


def test_timestamp_is_wib(article: Article) -> None:
    assert article.timestamp == dt.datetime(2022, 1, 27, 12, 6, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert article.timestamp == dt.datetime.fromisoformat(GOLD["timestamp"])


def test_dateline(article: Article) -> None:
    assert article.dateline == GOLD["dateline"] == "Washington"


def test_paragraphs(article: Article) -> None:
    assert folded(article.paragraphs) == folded(GOLD["paragraphs"])
    assert len(article.paragraphs) == 12
    assert article.paragraphs[0].startswith("Amerika Serikat (AS) pada Rabu")


def test_caption_once(article: Article) -> None:
    assert article.captions == GOLD["captions"]


def test_json_round_trip(article: Article) -> None:
    again = Article.model_validate_json(article.model_dump_json())
    assert again == article
    assert again.timestamp is not None and again.timestamp.utcoffset() == dt.timedelta(hours=7)


def test_json_schema_names_the_fields() -> None:
    schema = Article.model_json_schema()
    for field in ("title", "authors", "timestamp", "dateline", "paragraphs", "captions", "removals"):
        assert field in schema["properties"]


def test_explain_says_why_each_boilerplate_line_went() -> None:
    removals = newsclean.explain(RAW)
    by_text = {" ".join(r.text.split()): r for r in removals}
    assert by_text["Baca: Ancaman Rusia Invasi Ukraina, Ini Respons Petinggi Amerika Serikat."].rule == "related_links"
    assert by_text["(FJR)"].reason == "editor_initials"
    assert by_text["FOLLOW US"].kind is Kind.BOILERPLATE
    promo = next(r for r in removals if r.text.startswith("Viral! 18 Kampus"))
    assert promo.rule == "promos"
    byline = next(r for r in removals if r.text.startswith("Fajar Nugraha"))
    assert byline.kind is Kind.METADATA
    # every gold boilerplate line is accounted for by some removal
    removed = " ".join(" ".join(r.text.split()) for r in removals)
    for line in GOLD["boilerplate"]:
        assert " ".join(line.split()) in removed


def test_trace_replays(article: Article) -> None:
    assert newsclean.replay(RAW, article.removals) == article.paragraphs


def test_provenance_says_found(article: Article) -> None:
    assert article.provenance["title"] == "found"
    assert article.provenance["timestamp"] == "found"
