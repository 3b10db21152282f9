"""The margins' reader: credit and date lines around the kept story, removed with the page
furniture, are read after the rules, and the lines read are in the trace."""

from __future__ import annotations

import newsclean
from newsclean import Kind
from newsclean.document import Document
from newsclean.rules.margins import MarginCredits
from newsclean.segment import split_lines

MENU = "Home\nNasional\nMetro\nBisnis\nDunia\nBola\nSport\n"
STORY = "\n".join(
    f"Pemerintah daerah menyiapkan anggaran ke-{i} untuk memperbaiki jalan desa yang rusak parah, "
    "kata kepala dinas kepada wartawan di kantornya pada hari Senin pagi." for i in range(5)
)
TEASERS = "\n".join(f"Berita Terkait {i}: Jalan Desa Lain Juga Rusak di Wilayah {i}\n12 Januari 2024" for i in range(6))


def _page(credits: str) -> str:
    return (MENU + "Jalan Desa Rusak Parah Diperbaiki\nSenin, 1 Januari 2024 10:00 WIB\n" + STORY + "\n"
            + credits + TEASERS + "\n" + MENU)


def _margins(article: newsclean.Article) -> list[tuple[str, str]]:
    return [(r.reason, r.text) for r in article.removals if r.rule == "margins"]


def test_credits_under_the_story_are_read_and_traced() -> None:
    """``Penulis`` / ``: Name`` / ``Editor`` / ``: Name`` in the furniture under the story: the
    labels and the names are each a trace entry of the reader, and the names are the fields."""
    article = newsclean.clean(_page("Penulis\n: Nabilla Tashandra\nEditor\n: Sabrina Asril\n"))
    assert article.authors == ["Nabilla Tashandra"] and article.editors == ["Sabrina Asril"]
    found = _margins(article)
    assert ("margin:byline_label", "Penulis") in found and ("margin:byline", ": Nabilla Tashandra") in found
    assert ("margin:byline_label", "Editor") in found and ("margin:byline", ": Sabrina Asril") in found
    assert all(r.kind is Kind.METADATA for r in article.removals if r.rule == "margins")


def test_the_reader_removes_nothing() -> None:
    """Its entries lie in text another rule removed: the trace without them replays the same
    paragraphs, and every entry is inside another rule's removal."""
    raw = _page("Penulis\n: Nabilla Tashandra\nEditor\n: Sabrina Asril\n")
    article = newsclean.clean(raw)
    others = [r for r in article.removals if r.rule != "margins"]
    assert len(others) < len(article.removals)
    assert newsclean.replay(raw, others) == article.paragraphs
    for r in article.removals:
        if r.rule == "margins":
            assert any(o.start <= r.start and r.end <= o.end for o in others), r


def test_an_unlabelled_name_under_the_story_is_read_only_as_an_outlets_signature() -> None:
    """A name in capitals under the story is an author on an outlet that signs so (tempo.co),
    traced as ``margin:signature``; elsewhere it is no author and no entry."""
    raw = _page("DINI TEJA\n")
    signed = newsclean.clean(raw, url="https://nasional.tempo.co/read/1/jalan")
    assert signed.authors == ["DINI TEJA"] and ("margin:signature", "DINI TEJA") in _margins(signed)
    other = newsclean.clean(raw, url="https://news.detik.com/berita/d-1/jalan")
    assert other.authors == [] and all(reason != "margin:signature" for reason, _ in _margins(other))


def test_a_credit_in_the_story_is_no_margin() -> None:
    """A credit line the body keeps is story text: the reader reads only around it."""
    text = STORY + "\nPenulis: Nabilla Tashandra"
    doc = Document(text, split_lines(text))
    assert list(MarginCredits().decide(doc)) == []
