"""Choosing the container, dropping non-content, the trace, and the article verdict."""

from __future__ import annotations

import newsclean
from newsclean.html import parse_html

BODY = "".join(
    f"<p>Paragraf {i} dari berita ini, dengan kalimat yang cukup panjang untuk dihitung.</p>"
    for i in range(6)
)
PAGE = f"""<html lang="id"><head><title>Judul Berita Hari Ini - Contoh.com</title>
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-01-02T03:04:05+07:00">
<meta name="author" content="Redaksi Contoh">
<script type="application/ld+json">{{"@graph": [{{"@type": "NewsArticle", "headline": "Judul Berita Hari Ini",
  "author": [{{"@type": "Person", "name": "Budi Santoso"}}, {{"@type": "Organization", "name": "Contoh"}}],
  "datePublished": "2024-01-02T03:04:05+07:00", "dateModified": "2024-01-03T00:00:00+07:00"}}]}}</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<div class="wrap"><h1>Judul Berita Hari Ini</h1>
<div class="byline">Penulis: Budi Santoso</div>
<div class="detail__body-text">{BODY}
<figure><img src="a.jpg"><figcaption>Foto keterangan. (Foto: Ani)</figcaption></figure>
<div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
<ul class="list"><li><a href="/1">Berita lain yang sangat menarik satu</a></li>
<li><a href="/2">Berita lain yang sangat menarik dua</a></li>
<li><a href="/3">Berita lain yang sangat menarik tiga</a></li></ul>
</div></div>
<aside>Terpopuler: banyak hal lain di sini</aside>
<footer>Copyright Contoh 2024. Hak cipta dilindungi undang-undang.</footer>
</body></html>"""


def test_container_text_header_and_drops() -> None:
    page = parse_html(PAGE)
    lines = page.text.splitlines()
    assert lines[0] == "Judul Berita Hari Ini"
    assert lines[1] == "Penulis: Budi Santoso"
    assert lines[2].startswith("Paragraf 0")
    assert lines[-1].startswith("Paragraf 5")
    for gone in ("Home", "Facebook", "Berita lain", "Terpopuler", "Copyright", "Foto keterangan"):
        assert gone not in page.text


def test_captions_moved() -> None:
    assert parse_html(PAGE).captions == ("Foto keterangan. (Foto: Ani)",)


def test_meta() -> None:
    meta = parse_html(PAGE).meta
    assert meta.title == "Judul Berita Hari Ini"
    assert meta.authors == ("Budi Santoso",)
    assert meta.published == "2024-01-02T03:04:05+07:00"
    assert meta.modified == "2024-01-03T00:00:00+07:00"
    assert meta.language == "id"
    assert meta.is_article_type is True


def test_trace() -> None:
    page = parse_html(PAGE)
    first = page.decisions[0]
    assert (first.rule, first.reason) == ("html_main_content", "chosen:class=detail__body-text")
    assert first.path == "body/div/div[2]"  # div[1] is the byline
    reasons = {d.reason for d in page.decisions}
    assert {"dropped:class=share", "dropped:link_dense", "moved:caption"} <= reasons
    assert "dropped:outside_container" in reasons


def test_title_suffix_stripped_without_headline() -> None:
    html = (
        "<html><head><title>Gempa Guncang Palu | Contoh News</title></head><body><p>Teks.</p></body></html>"
    )
    assert parse_html(html).meta.title == "Gempa Guncang Palu"


def test_broken_json_ld_still_read() -> None:
    html = """<html><head><script type="application/ld+json">{"@type": "NewsArticle",
    "headline": "Oil falls", "datePublished": "2019-11-19T21:57:01+0000",
    "author": {"@type": "Person", "name": "Rodrigo Campos"}, "description": 'single quotes',}
    </script></head><body><p>Body text.</p></body></html>"""
    meta = parse_html(html).meta
    assert meta.title == "Oil falls"
    assert meta.published == "2019-11-19T21:57:01+0000"
    assert meta.authors == ("Rodrigo Campos",)
    assert meta.is_article_type is True


# Synthetic listing page (written for this test, not a real page): a section index.
LISTING = (
    '<html><head><meta property="og:type" content="website"><title>Indeks Berita | Contoh</title></head>'
    "<body><nav><a href='/'>Home</a></nav><h1>Indeks Berita</h1><div class='index'>"
    + "".join(
        f"<div class='item'><a href='/berita/{i}'>Judul berita nomor {i} yang ditautkan dari indeks</a>"
        f"<span>2 jam lalu</span></div>"
        for i in range(30)
    )
    + "</div></body></html>"
)


def test_listing_page_is_not_an_article() -> None:
    page = parse_html(LISTING)
    assert not page.is_article
    assert page.reason == "not_an_article:listing"
    assert page.text == ""
    assert page.decisions[-1].reason == "not_an_article:listing"


def test_short_article_with_article_metadata_is_kept() -> None:
    html = (
        '<html><head><meta property="og:type" content="article"></head><body>'
        + "".join(f"<a href='/{i}'>Judul tautan lain nomor {i} di halaman</a>" for i in range(30))
        + "<article><p>Satu paragraf pendek.</p></article></body></html>"
    )
    page = parse_html(html)
    assert page.is_article
    assert "Satu paragraf pendek." in page.text


def test_author_metadata_holding_a_label_or_a_date_word_gives_the_visible_name() -> None:
    page = """<html lang="es"><head><title>Lluvias en la costa</title>
<meta name="author" content="Publicado"></head><body><article><h1>Lluvias en la costa</h1>
<p class="author">Por Ana García</p>
<p>Las lluvias de la semana pasada dejaron calles inundadas en varios barrios de la ciudad.</p>
<p>Los vecinos pidieron a las autoridades una respuesta rápida antes de la próxima tormenta.</p>
</article></body></html>"""
    assert newsclean.clean(page).authors == ["Ana García"]
