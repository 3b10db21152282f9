"""The shape tests in one place (newsclean.shapes), as the header and layout rules call them."""

from __future__ import annotations

import datetime as dt

import pytest

from newsclean.shapes import BREADCRUMB_ENDS, is_meta, title_block_shaped, title_shaped

WIB = dt.timezone(dt.timedelta(hours=7))


@pytest.mark.parametrize(
    "text",
    [
        "Penulis: Fajar Nugraha",  # a byline label
        "Oleh Fajar Nugraha",  # a byline
        "Kamis, 5 November 2015 14:56 WIB",  # a date line
    ],
)
def test_header_material_is_meta(text: str) -> None:
    assert is_meta(text, len(text.split()), max_words=16, tz=WIB)


@pytest.mark.parametrize(
    "text",
    [
        "Harga beras naik lagi pekan ini, kata pedagang di pasar.",
        "Baca juga: Harga Cabai Turun",
    ],
)
def test_story_text_is_not_meta(text: str) -> None:
    assert not is_meta(text, len(text.split()), max_words=16)


def test_a_long_line_is_never_meta() -> None:
    text = "Kamis, 5 November 2015 14:56 WIB"
    assert is_meta(text, 6, max_words=6)
    assert not is_meta(text, 7, max_words=6), "more words than max_words"


def test_a_date_inside_a_headline_is_a_date_line_only_without_a_share() -> None:
    teaser = "Banjir Besar Melanda Pesisir Utara Jawa Tengah, Ribuan Warga Mengungsi Sejak 5 November 2015"
    words = len(teaser.split())
    assert is_meta(teaser, words, max_words=20)  # any date: the header rule's question
    assert not is_meta(teaser, words, max_words=20, date_share=0.25)  # the layout rule's


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gibran Dapat Pesan soal Pemerataan Pembangunan", True),
        ("“Kami Tidak Akan Mundur” Kata Warga", True),
        ("29 penerbangan dari Bandara Ngurah Rai dibatalkan", True),
        ("759 SHARES", False),
        ("Harga beras naik lagi pekan ini.", False),
        ("Baca juga:", False),
        ("Jakarta", False),  # one word
        ("harga beras naik lagi", False),  # lower case
        *((f"Berita Terkini {end}", False) for end in BREADCRUMB_ENDS),
    ],
)
def test_title_shaped_line(text: str, expected: bool) -> None:
    assert title_shaped(text, len(text.split()), max_words=30) is expected


def test_title_shaped_line_has_a_word_limit() -> None:
    text = "Gibran Dapat Pesan soal Pemerataan Pembangunan"
    assert title_shaped(text, 6, max_words=6) and not title_shaped(text, 6, max_words=5)


SIZES = {"min_words": 3, "max_words": 20, "max_lines": 3}


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Banjir Rendam Ribuan Rumah", "di Pesisir Utara"], True),
        (["12 Desa Terendam Banjir"], True),
        (["“Kami Tidak Akan Mundur”"], True),
        (["New to Versa? It's an app for news and more."], False),  # two sentences: a blurb
        (["Harga beras naik lagi pekan ini;"], False),
        (["harga beras naik lagi"], False),
        (["Satu Baris", "Dua Baris", "Tiga Baris", "Empat Baris"], False),  # too many lines
    ],
)
def test_title_shaped_block(lines: list[str], expected: bool) -> None:
    words = sum(len(line.split()) for line in lines)
    assert title_block_shaped(lines, words, **SIZES) is expected


def test_title_shaped_block_has_word_limits() -> None:
    assert not title_block_shaped(["Banjir Rendam"], 2, **SIZES)
    assert not title_block_shaped(["Banjir Rendam Ribuan Rumah"], 21, **SIZES)
