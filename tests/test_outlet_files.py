"""Outlet files apply only to their outlet, the site is resolved from site=, url= or the text's
own outlet tag, and adding an outlet is one file (issue #13). Texts are hand-written in the
shapes of the outlets' real datelines and credits (see fixtures/outlets)."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsclean
from newsclean import ConfigError, Provenance

STORY = "Pemerintah daerah menyiapkan anggaran baru untuk memperbaiki jalan desa yang rusak parah tahun ini."
SLOGAN = ("Temukan berbagai ulasan menarik dan kabar terbaru dunia hiburan lainnya di kapanlagi.com. "
          "Kalau bukan sekarang, KapanLagi?")
FOOTER = "Our Standards: The Thomson Reuters Trust Principles."


def test_an_outlets_phrase_fires_on_its_own_pages_only() -> None:
    raw = STORY + "\n" + SLOGAN
    assert SLOGAN not in newsclean.clean(raw, url="https://www.kapanlagi.com/showbiz/x.html").paragraphs
    assert SLOGAN in newsclean.clean(raw, url="https://news.detik.com/berita/d-1/x").paragraphs


def test_a_travelling_phrase_fires_on_syndicated_copy() -> None:
    raw = STORY + "\n" + FOOTER
    assert FOOTER not in newsclean.clean(raw, url="https://news.detik.com/berita/d-1/x").paragraphs


@pytest.mark.parametrize(
    ("opening", "site"),
    [
        ("JAKARTA, KOMPAS.com - ", "kompas.com"),
        ("Liputan6.com, Jakarta - ", "liputan6.com"),
        ("Jakarta (ANTARA) - ", "antaranews.com"),
        ("TRIBUNNEWS.COM, JAKARTA - ", "tribunnews.com"),
        ("REPUBLIKA.CO.ID, JAKARTA -- ", "republika.co.id"),
        ("Bisnis.com, JAKARTA - ", "bisnis.com"),
        ("KONTAN.CO.ID - JAKARTA. ", "kontan.co.id"),
        ("Jakarta, CNN Indonesia -- ", "cnnindonesia.com"),
        ("TEMPO.CO, Jakarta - ", "tempo.co"),
        ("Merdeka.com - ", "merdeka.com"),
        ("PIKIRAN RAKYAT - ", "pikiran-rakyat.com"),
        ("Gaza, MINA – ", "minanews.net"),
        ("LONDON (Reuters) - ", "reuters.com"),
    ],
)
def test_a_page_with_no_url_gets_its_site_from_its_outlet_tag(opening: str, site: str) -> None:
    article = newsclean.clean(opening + STORY)
    assert article.site == site and article.provenance["site"] is Provenance.FOUND


def test_given_site_and_url_resolve_to_the_outlet() -> None:
    assert newsclean.clean(STORY, site="Kompas").site == "kompas.com"
    assert newsclean.clean(STORY, url="https://regional.kompas.com/read/x").site == "kompas.com"
    assert newsclean.clean(STORY, url="https://unknown.example.org/a").site == "unknown.example.org"
    assert newsclean.clean(STORY).site is None


def test_adding_an_outlet_is_one_file(tmp_path: Path) -> None:
    path = tmp_path / "kabarkita.id.toml"
    path.write_text(
        '[outlet]\ndomains = ["kabarkita.id"]\nnames = ["KABARKITA"]\nzone = "+08:00"\n\n'
        '[prompts]\nlines = [ { id = "channel", pattern = \'Gabung\\s+kanal\\s+KabarKita.{0,60}\' } ]\n',
        encoding="utf-8",
    )
    cleaner = newsclean.Cleaner(phrases=[path])
    prompt = "Gabung kanal KabarKita di aplikasi pesan untuk berita terbaru"
    ours = cleaner.clean("MAKASSAR, KABARKITA - " + STORY + "\n" + prompt)
    assert ours.site == "kabarkita.id" and prompt not in ours.paragraphs
    theirs = cleaner.clean("JAKARTA, KOMPAS.com - " + STORY + "\n" + prompt)
    assert prompt in theirs.paragraphs, "another outlet's page keeps it"


def test_a_mistyped_outlet_key_fails_loudly_with_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[outlet]\ndomain = ["x.id"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad.toml.*domain"):
        newsclean.Cleaner(phrases=[path])
    path.write_text('[outlet]\ndomains = ["X.ID"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="lower-case domain"):
        newsclean.Cleaner(phrases=[path])


def test_the_bundled_outlets_are_many() -> None:
    assert len(newsclean.Cleaner().outlets.outlets) >= 25


def test_the_html_headline_rule_can_be_switched_off_by_name() -> None:
    assert "html_headline" not in newsclean.Cleaner(disable={"html_headline"}).rule_names
