"""Photo galleries are no article; the page date is found wherever the page shows it.

The pages here are synthetic (written for these tests), shaped like the real ones of the
shared corpus: a liputan6 photo gallery marked up as ``NewsArticle``, okezone's
``<time class="tgl">`` above teaser lists with their own dates, tribunnews' bare
``<h3>`` date line, The Jakarta Post's headline broken with ``<br>``.
"""

from __future__ import annotations

import datetime as dt

from newsclean import clean
from newsclean.html import parse_html

_CAPTION = "Penyanyi {n} berpose di karpet merah Grammy Awards ke-58 di Los Angeles, Senin (15/2). (REUTERS / Foto)"
_STORY = (
    "<p>JAKARTA - Pemerintah provinsi membuka posko pengaduan bagi warga yang terdampak "
    "penertiban kawasan itu sejak Senin pagi, kata seorang pejabat.</p>"
    "<p>Posko itu melayani warga yang ingin mendaftar ke rumah susun dan meminta bantuan "
    "pindah, menurut keterangan resmi yang diterima wartawan.</p>"
)


def _gallery(story: str = "") -> str:
    figures = "".join(
        f"<figure><img src='/{n}.jpg'><figcaption>{_CAPTION.format(n=n)}</figcaption></figure>" for n in range(5)
    )
    return (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": "Taylor Swift dan Selena Gomez Peluk-pelukan", "author": {"@type": "Person", '
        '"name": "Arny Putri"}, "datePublished": "2016-02-16T02:09:27Z"}</script></head><body>'
        "<nav><a href='/'>Home</a><a href='/news'>News</a></nav>"
        "<article><h1>Taylor Swift dan Selena Gomez Peluk-pelukan</h1>"
        f"<div class='gallery'>{figures}</div><div><span>5</span><span>4</span></div>{story}"
        "</article></body></html>"
    )


def test_photo_gallery_is_not_an_article_even_with_article_metadata() -> None:
    page = parse_html(_gallery())
    assert not page.is_article
    assert page.reason == "not_an_article:gallery"
    assert page.text == ""
    assert len(page.captions) == 5
    assert page.decisions[-1].reason == "not_an_article:gallery"


def test_gallery_article_keeps_metadata_and_captions_with_an_empty_body() -> None:
    art = clean(_gallery())
    assert art.paragraphs == []
    assert art.empty_reason == "not_an_article:gallery"
    assert art.title == "Taylor Swift dan Selena Gomez Peluk-pelukan"
    assert art.authors == ["Arny Putri"]
    assert art.timestamp == dt.datetime(2016, 2, 16, 2, 9, 27, tzinfo=dt.UTC)
    assert len(art.captions) == 5


def test_captioned_article_with_a_story_is_kept() -> None:
    page = parse_html(_gallery(_STORY))
    assert page.is_article
    assert "Posko itu melayani warga" in page.text


def _dated(date_block: str, teaser_dates: bool = True) -> str:
    teasers = "".join(
        f"<li><span class='dates'>Jumat, 19 Juni 2015 13:0{n} WIB</span><a href='/{n}'>Judul berita lain {n}</a></li>"
        for n in range(6)
    )
    return (
        "<html><body><ul class='menu'>" + (teasers if teaser_dates else "") + "</ul>"
        f"<h1>Ahok Dukung Jokowi Diberi Pangkat</h1>{date_block}"
        f"<div class='detail-text'>{_STORY}</div><ul class='terkait'>{teasers}</ul></body></html>"
    )


def test_time_element_nearest_the_headline_is_the_date() -> None:
    page = parse_html(_dated("<div class='meta-post'><time class='tgl'>Jum'at, 19 Juni 2015 - 11:58 wib</time></div>"))
    assert page.meta.published is not None
    assert "11:58" in page.meta.published


def test_bare_date_line_near_the_headline_is_the_date() -> None:
    page = parse_html(_dated("<div class='grey'><h3>Jumat, 19 Juni 2015 12:58 WIB</h3></div>"))
    assert page.meta.published == "Jumat, 19 Juni 2015 12:58 WIB"
    art = clean(_dated("<div class='grey'><h3>Jumat, 19 Juni 2015 12:58 WIB</h3></div>"))
    assert art.timestamp is not None
    assert art.timestamp.isoformat().startswith("2015-06-19T12:58")


def test_teaser_dates_far_from_the_headline_are_not_taken_when_a_date_line_is_near() -> None:
    page = parse_html(_dated("<p class='date'>Jumat, 19 Juni 2015 12:58 WIB</p>"))
    assert page.meta.published == "Jumat, 19 Juni 2015 12:58 WIB"


def test_headline_broken_with_br_is_one_line() -> None:
    html = (
        "<html><body><div class='content'><h1>Suspect caught in US black <br>church rampage <br></h1>"
        "<p>Police captured the white suspect Thursday in a gun massacre at one of the oldest black "
        "churches in the United States.</p><p>He was caught at a traffic stop in North Carolina and "
        "brought back to Charleston, the scene of the slaughter.</p></div></body></html>"
    )
    page = parse_html(html)
    assert page.text.splitlines()[0] == "Suspect caught in US black church rampage"


def test_sentence_case_headline_leaves_the_body_and_is_the_title() -> None:
    title = "Volkswagen's Skoda Auto 2019 deliveries dip to 1.24 million cars due to weaker sales in China"
    html = (
        f"<html><head><meta property='og:title' content=\"{title}\"></head><body>"
        f"<div class='article-body'><h1>{title}</h1><p>1 Min Read</p>"
        "<p>PRAGUE (Reuters) - Deliveries of Volkswagen's Skoda Auto dropped slightly in 2019 to 1.24 "
        "million vehicles, mainly due to weaker sales in China, the company said on Monday.</p>"
        "<p>Skoda said deliveries in China dropped by 17.3% while shipping to other markets were up.</p>"
        "</div></body></html>"
    )
    page = parse_html(html)
    assert page.headline == title
    art = clean(html)
    assert art.title == title
    assert title not in art.paragraphs
    assert any(r.rule == "html_headline" and r.reason == "title:h1" for r in art.removals)
