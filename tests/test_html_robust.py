"""Malformed, empty, fragmentary and huge inputs: never crash, never hang."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import clean
from newsclean.html import parse_html


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   \n ",
        "<!-- only a comment -->",
        "<html></html>",
        "<html><body></body></html>",
        "<html><body><script>var x = '<p>not text</p>';</script></body></html>",
        "<<<>>><p <p>>",
        "<div><p>unclosed <b>bold <i>italic</div>",
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>xml declared</p></body></html>',
        "\ufeff<p>bom in a str</p>",
        "<p>nul\x00byte</p>",
        "<table><tr><td>cell<td>cell</table>",
        "</p></div></body></html>",
    ],
)
def test_never_crashes(html: str) -> None:
    page = parse_html(html)
    assert isinstance(page.text, str)


def test_empty_is_not_an_article() -> None:
    page = parse_html("<html><body></body></html>")
    assert page.text == ""
    assert not page.is_article
    assert page.reason == "not_an_article:empty"


def test_fragment() -> None:
    page = parse_html("<p>hi</p>")
    assert page.text == "hi"
    assert page.is_article


def test_unclosed_markup_keeps_words() -> None:
    page = parse_html("<div><p>Satu <b>dua <i>tiga</div><p>Empat lima enam")
    assert page.text.split() == ["Satu", "dua", "tiga", "Empat", "lima", "enam"]


def test_inline_spacing_and_blocks() -> None:
    html = (
        "<article><p>Harga <b>naik</b>, kata <a href='/x'>Menteri</a>.</p>"
        "<p>Satu<br>Dua<br/>Tiga</p><ul><li>a satu</li><li>b dua</li></ul>"
        "<blockquote>Kutipan panjang.</blockquote><h2>Subjudul</h2></article>"
    )
    assert parse_html(html).text.splitlines() == [
        "Harga naik, kata Menteri.",
        "Satu",
        "Dua",
        "Tiga",
        "a satu",
        "b dua",
        "Kutipan panjang.",
        "Subjudul",
    ]


def test_nbsp_and_whitespace_normalised() -> None:
    page = parse_html("<p>Satu&nbsp;&nbsp;dua\n\t  tiga</p>")
    assert page.text == "Satu dua tiga"


def test_deep_nesting_does_not_recurse() -> None:
    html = "<div>" * 1500 + "<p>Paragraf di dasar yang dalam sekali.</p>" + "</div>" * 1500
    page = parse_html(html)
    assert "Paragraf di dasar" in page.text


def test_pathological_depth_does_not_crash() -> None:
    # libxml2 stops nesting past its depth limit; the page is still returned, never an exception.
    html = "<div>" * 20000 + "<p>x</p>" + "</div>" * 20000
    assert isinstance(parse_html(html).text, str)


@pytest.mark.parametrize("tag, depth", [("b", 50_000), ("div", 5_000), ("span", 300)])
def test_text_below_libxml2s_depth_limit_is_not_lost(tag: str, depth: int) -> None:
    # libxml2 drops what lies deeper than its limit; the page is then read with its tags
    # stripped, and the trace says so (html_fallback:flattened)
    story = [
        "Harga beras di pasar induk naik tajam sepanjang pekan ini, kata para pedagang kepada wartawan. "
        "Kenaikan paling besar terjadi pada beras medium yang kini dijual dua belas ribu rupiah per kilogram.",
        "Pedagang mengaku pasokan dari daerah sentra produksi berkurang karena musim hujan datang lebih awal. "
        "Mereka berharap pemerintah segera menggelar operasi pasar agar harga kembali turun sebelum Lebaran.",
        "Dinas perdagangan kota menyatakan akan memantau harga di seluruh pasar tradisional setiap hari.",
    ]
    inner = "".join(f"<p>{p}</p>" for p in story)
    html = "<html><head><title>Harga Beras Naik</title><script>var x = '<p>no</p>';</script></head><body>"
    html += f"<{tag}>" * depth + inner + f"</{tag}>" * depth + "</body></html>"
    article = clean(html)
    assert article.empty_reason is None
    assert article.paragraphs == story
    if depth > 1000:
        assert any(r.rule == "html_fallback" and r.reason == "flattened" for r in article.removals)


def test_a_short_page_nested_past_the_limit_reads_as_it_would_unnested() -> None:
    # (was: a page with little text does not fall back; issue #16 wants no text lost to the
    # parser's limit, however short the page: it is read flattened, and the trace says so)
    article = clean("<html><body>" + "<b>" * 50_000 + "<p>Terlalu pendek.</p></body></html>")
    assert article.paragraphs == clean("<html><body><p>Terlalu pendek.</p></body></html>").paragraphs
    assert any(r.rule == "html_fallback" and r.reason == "flattened" for r in article.removals)


def test_huge_page_is_fast() -> None:
    para = "<p>Kalimat berita yang cukup panjang, dengan koma, untuk dihitung sebagai paragraf.</p>"
    menu = "<nav>" + "".join(f"<a href='/{i}'>Menu {i}</a>" for i in range(200)) + "</nav>"
    html = f"<html><body>{menu}<article>{para * 20000}</article>{menu}</body></html>"
    started = time.perf_counter()
    page = parse_html(html)
    assert time.perf_counter() - started < 10
    assert page.text.count("\n") == 19999
    assert "Menu 1" not in page.text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_title_key_keeps_exactly_letters_and_digits(text: str) -> None:
    from newsclean.html.meta import fold, title_key

    assert title_key(text) == "".join(ch for ch in fold(text) if ch.isalnum())


_HTML_PIECES = st.sampled_from(
    ["<p>", "</p>", "<h2>", "<div>", "</div>", "<b>", "</b>", "<!-- c -->", "<br>", "<script>x=1</script>"]
)
_TEXT_PIECES = st.text(alphabet=" \n\t\xa0abcΣσ .", max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_HTML_PIECES, _TEXT_PIECES), max_size=30), st.integers(0, 40))
def test_text_head_is_the_head_of_the_whole_text(parts: list[str], limit: int) -> None:
    """``text_head`` reads only a bounded head of an element's text, and it is exactly the
    head of ``norm_space(text_content())``: comments, scripts and nesting included."""
    from lxml import html as lxml_html

    from newsclean.html.meta import norm_space, text_head

    root = lxml_html.document_fromstring("<html><body><div id='x'>" + "".join(parts) + "</div></body></html>")
    for el in root.iter():
        if isinstance(el.tag, str):
            assert text_head(el, limit) == norm_space(el.text_content())[:limit]


def test_unclosed_headings_nest_and_the_title_heading_is_still_found() -> None:
    """A page whose ``<h2>`` tags are never closed nests them, each inside the one before (the
    headline search reads a bounded head of each, see ``text_head``): the heading that says the
    title is still found, and every line stays in the body."""
    lines = [f"Baris nomor {i} dari halaman yang rusak ini" for i in range(200)]
    page = (
        "<html><head><title>Judul Berita Yang Dicari</title></head><body><article>"
        "<h2>Judul Berita Yang Dicari</h2>" + "".join(f"<h2>{line}" for line in lines) + "</article></body></html>"
    )
    article = clean(page)
    assert article.title == "Judul Berita Yang Dicari"
    assert [(r.rule, r.text) for r in article.removals if r.rule == "html_headline"] == [
        ("html_headline", "Judul Berita Yang Dicari")
    ]
    assert article.paragraphs[0] == "Baris nomor 0 dari halaman yang rusak ini"
    assert "Baris nomor 199 dari halaman yang rusak ini" in article.paragraphs


_KEY_TEXT = st.lists(st.sampled_from(["ΟΔΟΣ", "Σ", "σ", "ς", "İ", "a", "B", "9", " ", ".", "-", "\xa0", "_", "ǅ"]),
                     max_size=400).map("".join)


@settings(max_examples=400, derandomize=True)
@given(_KEY_TEXT, _KEY_TEXT)
def test_a_title_key_is_compared_from_a_head_as_in_full(text: str, other: str) -> None:
    """``has_title_key`` reads a long text's head first: it answers as comparing whole keys
    does, whatever sits at the cut (a capital sigma, whose lower case depends on what follows,
    an ``İ``, which lower-cases to two characters)."""
    from newsclean.html.meta import has_title_key, title_key

    for key in (title_key(text), title_key(text[: len(text) // 2]), title_key(other), title_key(text + "x")):
        assert has_title_key(text, key) == (title_key(text) == key)


def test_a_title_left_open_is_no_title() -> None:
    """A ``<title>`` or ``<h1>`` left open holds the rest of the page: such a candidate is too
    long to be a title (``MAX_TITLE_CHARS``), and the page's real headline, when it has one,
    is still read."""
    from newsclean.html._data import MAX_TITLE_CHARS

    story = "<p>" + "Kalimat berita yang cukup panjang untuk dibaca sebagai paragraf cerita. " * 30 + "</p>"
    open_title = f"<html><head><title>Judul yang tak ditutup <body><article>{story}</article></body></html>"
    page = parse_html(open_title)
    assert page.meta.title is None or len(page.meta.title) <= MAX_TITLE_CHARS
    open_h1 = f"<html><body><h1>Judul berita <article>{story}</article></body></html>"
    assert parse_html(open_h1).meta.title is None
    long_title = "Menteri " + "dan pejabat " * 20  # ~250 characters: long, still a title
    closed = (
        f"<html><head><title>{long_title}</title></head>"
        f"<body><article><h1>{long_title}</h1>{story}</article></body></html>"
    )
    assert parse_html(closed).meta.title == long_title.strip()
