"""Outlet files apply only to their outlet, the site is resolved from site=, url= or the text's
own outlet tag, and adding an outlet is one file (issue #13). Texts are hand-written in the
shapes of the outlets' real datelines and credits (see fixtures/outlets)."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsclean
from newsclean import ConfigError, Provenance
from newsclean.html import parse_html
from newsclean.html.meta import clean_author
from newsclean.metadata.margins import read_margins
from newsclean.outlets import builtin_outlets

STORY = "Pemerintah daerah menyiapkan anggaran baru untuk memperbaiki jalan desa yang rusak parah tahun ini."
SLOGAN = "Kalau bukan sekarang, KapanLagi?"
"""The outlet's slogan alone: only its file knows it (the pointer to its site before it, in the
pages, is a family the language file removes on every outlet's page)."""
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


def _page(url: str, meta: str) -> str:
    body = "".join(f"<p>{STORY} Kalimat ke-{i} menambah isi berita ini.</p>" for i in range(6))
    return (f'<html><head><title>Jalan Desa Diperbaiki</title><link rel="canonical" href="{url}">{meta}</head>'
            f"<body><article><h1>Jalan Desa Diperbaiki</h1>{body}</article></body></html>")


def test_an_outlets_meta_keys_are_read_on_its_pages_only() -> None:
    """``[html] author_keys``/``published_keys`` of detik.com's file: its own ``dtk:`` keys."""
    meta = '<meta name="dtk:author" content="Budi Santoso"><meta name="dtk:publishdate" content="2024/01/02 10:00:00">'
    ours = parse_html(_page("https://news.detik.com/berita/d-1/jalan", meta)).meta
    assert ours.authors == ("Budi Santoso",) and ours.published == "2024/01/02 10:00:00"
    theirs = parse_html(_page("https://www.kabarkita.id/jalan", meta)).meta
    assert theirs.authors == () and theirs.published is None


def test_the_outlets_body_classes_come_from_their_files() -> None:
    from newsclean.html._data import BODY_CLASS_HINT_SET, BODY_CLASS_PREFIXES, NOISE_CLASSES

    for outlet in builtin_outlets():
        assert set(outlet.html.body_classes) <= BODY_CLASS_HINT_SET
        assert set(outlet.html.body_class_prefixes) <= set(BODY_CLASS_PREFIXES)
        assert set(outlet.html.noise_classes) <= NOISE_CLASSES
    assert any(o.html.body_classes for o in builtin_outlets())


def test_every_outlet_name_is_no_author() -> None:
    """Built from the outlet files: a name any file gives is never a person (``Tim X`` neither)."""
    names = [n for o in builtin_outlets() for n in o.table.names if 3 <= len(n) <= 50]
    assert len(names) > 50
    assert [n for n in names if clean_author(n, set()) is not None] == []
    assert clean_author("Tim Malaysiakini", set()) is None and clean_author("detikSport", set()) is None
    assert clean_author("Budi Santoso", set()) == "Budi Santoso"


MENU = "Home\nNasional\nMetro\nBisnis\nDunia\nBola\nSport\n"
SIGNED_PAGE = (
    MENU + "Jalan Desa Rusak Parah Diperbaiki\nSenin, 1 Januari 2024 10:00 WIB\n"
    + "\n".join(f"Pemerintah daerah menyiapkan anggaran ke-{i} untuk memperbaiki jalan desa yang rusak parah, "
                "kata kepala dinas kepada wartawan di kantornya pada hari Senin pagi." for i in range(5))
    + "\nDINI TEJA\n"
    + "\n".join(f"Berita Terkait {i}: Jalan Desa Lain Juga Rusak di Wilayah {i}\n12 Januari 2024" for i in range(6))
    + "\n" + MENU
)


def test_a_capitals_signature_is_the_habit_of_an_outlet() -> None:
    """tempo.co's ``[layout] capitals_signature``: the name in capitals under the story (in the
    furniture the layout rule removes) is its author; elsewhere a line in capitals is no author."""
    assert newsclean.clean(SIGNED_PAGE, url="https://nasional.tempo.co/read/1/jalan").authors == ["DINI TEJA"]
    assert newsclean.clean(SIGNED_PAGE, url="https://news.detik.com/berita/d-1/jalan").authors == []
    text = "Story text that is long enough.\nDINI TEJA\nOther news here"
    assert read_margins(text, first=0, last=31, default_tz=None, capitals_signature=True).authors == ("DINI TEJA",)
    assert read_margins(text, first=0, last=31, default_tz=None).authors == ()


BYLINE_BLOCK = "Jalan Desa Diperbaiki Tahun Ini\n\nIsna Rifka Sri Rahayu\n\nPenulis\n\nYoga Sukmana\n\nEditor\n\n"


def test_names_above_their_roles_on_any_outlet() -> None:
    """Name / role / name / role with no name after the last role: the names sit above."""
    for opening in ("JAKARTA, KOMPAS.com - ", "MAKASSAR, KABARKITA - "):
        art = newsclean.clean(BYLINE_BLOCK + opening + STORY)
        assert (art.authors, art.editors) == (["Isna Rifka Sri Rahayu"], ["Yoga Sukmana"])
    # a name after the last role too: each role's name is the one under it
    art = newsclean.clean(BYLINE_BLOCK + "Dewi Lestari\n\nMAKASSAR - " + STORY)
    assert (art.authors, art.editors) == (["Yoga Sukmana"], ["Dewi Lestari"])


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('[html]\nbody_class = ["x"]\n', r"bad.toml: \[html\] body_class: Extra inputs"),
        ('[html]\nbody_classes = ["x-body"]\n', r"bad.toml: an \[html\] table is read from the bundled"),
        ('[html]\nbody_classes = ["Read Content"]\n', r"bad.toml: \[html\] body_classes.*lower-case class"),
        ("[layout]\ncapitals = true\n", r"bad.toml: \[layout\] capitals: Extra inputs"),
        ('[layout]\ncapitals_signature = "yes"\n', r"bad.toml: \[layout\] capitals_signature"),
        ('html = "x"\n', r"bad.toml: \[html\] must be a table"),
    ],
)
def test_a_bad_html_or_layout_table_fails_loudly_with_the_file(tmp_path: Path, table: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    top, _, rest = table.partition("\n") if not table.startswith("[") else ("", "", table)
    path.write_text(f'{top}\n[outlet]\ndomains = ["kabarkita.id"]\n\n{rest}', encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        newsclean.Cleaner(phrases=[path])
