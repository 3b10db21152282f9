"""The headline of a page's article block, found by its byline (issue #14).

Two page texts written by hand in the shape of a scraped page (a ticker and menu above the
article block, the block being headline, byline, date, story): the first title-shaped line of
the page is a menu or ticker entry, the headline is the one right above the byline.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import newsclean

PAGES = Path(__file__).parent / "data" / "headlines"
TICKER_PAGE = (PAGES / "ticker-page.txt").read_text(encoding="utf-8")
MENU_PAGE = (PAGES / "menu-page.txt").read_text(encoding="utf-8")


def test_the_headline_above_the_byline_wins_over_a_ticker_entry() -> None:
    article = newsclean.clean(TICKER_PAGE)
    assert article.title == "Menteri Minta Sekolah Tambah Jam Pelajaran Olahraga bagi Siswa"
    assert article.authors == ["Andi Pratama"]
    assert article.timestamp == dt.datetime(2024, 2, 10, 9, 12, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert article.dateline == "JAKARTA"
    assert article.paragraphs[0].startswith("Menteri Pendidikan meminta sekolah")
    assert not any("Pemilu 2024" in p or "Gubernur Resmikan" in p for p in article.paragraphs)


def test_the_headline_above_the_byline_wins_over_a_menu_and_the_wire_dateline_is_read() -> None:
    article = newsclean.clean(MENU_PAGE)
    assert article.title == "Central bank raises rates for the third time this year as inflation stays high"
    assert article.authors == ["Jane Doe", "John Smith"]
    assert article.dateline == "LONDON"
    assert not any(p in ("World", "Markets", "Skip to main content") for p in article.paragraphs)


def test_a_headline_over_its_standfirst_and_byline_keeps_the_headline() -> None:
    text = "\n".join([
        "Jalan Desa di Kabupaten Lestari Akhirnya Diperbaiki",
        "Perbaikan Dimulai dari Ruas yang Paling Sering Dilalui Truk",
        "Oleh: Rina Wulandari",
        "Pemerintah daerah mulai memperbaiki jalan desa yang rusak parah selama lima tahun terakhir, kata pejabat.",
        "Warga menyambut baik perbaikan itu karena selama ini harus memutar jauh untuk sampai ke pasar.",
    ])
    assert newsclean.clean(text).title == "Jalan Desa di Kabupaten Lestari Akhirnya Diperbaiki"
