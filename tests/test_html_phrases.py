"""Phrase data that whole pages and HTML input bring to light: each case is a family of
lines seen on real pages (wire credits, standards footers, graphic links, photo credits),
and each has its negative twin that must stay in the story."""

from __future__ import annotations

import pytest

from newsclean import clean

_STORY = [
    "PRAGUE (Reuters) - Skoda Auto, the Czech unit of Volkswagen, said on Monday its deliveries fell "
    "last year as sales in China weakened, the carmaker said in a statement.",
    "The company delivered 1.24 million cars, it said, adding that demand in Europe stayed strong "
    "while its Chinese joint venture struggled through the whole year.",
    "Sales in its home market rose by almost a tenth, the company said.",
]


def _body(*tail: str) -> list[str]:
    return clean("\n\n".join([*_STORY, *tail])).paragraphs


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by Jason Hovet",
        "Reporting by Colin Packham; Editing by Michael Perry",
        "Reporting by Jason Hovet in Prague; additional reporting by Lisa Barrington, writing by Shilpa "
        "Jamkhandikar, Editing by Alex Richardson",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "Our Standards:The Thomson Reuters Trust Principles.",
        "(Graphic: Global assets in 2019 - here)",
    ],
)
def test_wire_footer_lines_leave_the_body(line: str) -> None:
    body = _body(line)
    assert line not in body
    assert body[-1] == _STORY[-1]


def test_wire_credit_names_go_to_authors() -> None:
    art = clean("\n\n".join([*_STORY, "Reporting by Colin Packham; Editing by Michael Perry"]))
    assert "Colin Packham" in art.authors


def test_sentence_about_reporting_stays() -> None:
    line = "Reporting by The Associated Press showed that the numbers were wrong."
    assert line in _body(line)


@pytest.mark.parametrize(
    "line",
    [
        # an editor's initials closing a liputan6 story: not a photo credit
        "Pada tahap pertama tahun ini, pemerintah akan merealisasikan pembangunan 331 ribu unit rumah "
        "di 14 provinsi di Tanah Air. (Mvi/Ali)",
        # a malaymail story closing with the wire it came from
        "The European Athletics Championships are due to take place in Munich on August 11-21. — AFP",
    ],
)
def test_closing_paragraph_with_a_source_is_not_a_caption(line: str) -> None:
    art = clean("\n\n".join([*_STORY, line]))
    assert any(p.startswith(line[:40]) for p in art.paragraphs)
    assert not any(c.startswith(line[:40]) for c in art.captions)


@pytest.mark.parametrize(
    "line",
    [
        "Selena Gomez berpose di karpet merah Grammy Awards ke-58 di Los Angeles. (REUTERS/Danny Moloshok)",
        "Presiden Joko Widodo di Istana Merdeka, Jakarta, Senin (15/2). (Anggi/detikcom)",
        "President Joe Biden speaks at the White House in Washington. (Samuel Corum/Getty Images)",
        "Members of the church gather for a vigil in Charleston. REUTERS/Jonathan Drake",
    ],
)
def test_photo_credits_still_make_captions(line: str) -> None:
    art = clean("\n\n".join([_STORY[0], line, *_STORY[1:]]))
    assert line not in art.paragraphs
    assert line in art.captions


@pytest.mark.parametrize(
    "line",
    ["Lihat Foto", "Tim Redaksi", "Halaman selanjutnya", "Kumpulan Berita Terkait:", "A- A+", "+ Share", "Tweet",
     "1.2K SHARES", "Share on Facebook", "Comment (12)", "Follow Us", "Advertisement · Scroll to continue",
     "MANDATORY CREDIT. NO RESALES. NO ARCHIVES."],
)
def test_page_furniture_lines_leave_the_body(line: str) -> None:
    body = _body(line)
    assert line not in body


@pytest.mark.parametrize(
    "line",
    ["Share prices fell sharply on Monday after the results were published.",
     "Follow us, the protesters shouted, as they marched toward the square."],
)
def test_sentences_with_widget_words_stay(line: str) -> None:
    assert line in _body(line)
