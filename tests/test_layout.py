"""PageLayout on whole pages (fixtures/pages/*.json) and on ordinary article text (untouched)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsclean import Cleaner, replay
from newsclean.document import Document, paragraphs_of
from newsclean.rules.layout import PageLayout
from newsclean.segment import normalize_space, split_lines

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def page_params() -> list[Any]:
    return [pytest.param(load(p), id=p.stem) for p in sorted(PAGES.glob("*.json"))]


def after_layout(text: str) -> tuple[list[str], list[str]]:
    """The paragraphs left by the layout rule alone, and its reasons."""
    doc = Document(text, split_lines(text))
    decisions = list(PageLayout().decide(doc))
    for d in decisions:
        doc.remove(d.start, d.end)
    return paragraphs_of(doc.source, doc.lines, doc.removed), [d.reason for d in decisions]


@pytest.mark.parametrize("page", page_params())
def test_first_and_last_gold_paragraph_kept(page: dict[str, Any]) -> None:
    kept, _ = after_layout(page["raw"])
    body = " ".join(kept)
    gold = page["gold"]["paragraphs"]
    assert normalize_space(gold[0]) in body
    assert normalize_space(gold[-1]) in body


@pytest.mark.parametrize("page", page_params())
def test_every_gold_paragraph_kept(page: dict[str, Any]) -> None:
    kept, _ = after_layout(page["raw"])
    body = " ".join(kept)
    missing = [p for p in page["gold"]["paragraphs"] if normalize_space(p) not in body]
    assert missing == []


@pytest.mark.parametrize("page", page_params())
def test_title_line_kept_for_the_header_rule(page: dict[str, Any]) -> None:
    kept, _ = after_layout(page["raw"])
    assert page["gold"]["title"] in kept
    # and it opens the article block, so the header rule sees it first
    assert kept[0] == page["gold"]["title"]


@pytest.mark.parametrize("page", page_params())
def test_menu_and_footer_lines_dropped(page: dict[str, Any]) -> None:
    kept, reasons = after_layout(page["raw"])
    lines = [normalize_space(x) for x in page["raw"].split("\n") if x.strip()]
    gold = " ".join(page["gold"]["paragraphs"])
    menu = [x for x in lines[:8] if x not in gold]
    footer = [x for x in lines[-8:] if x not in gold]
    assert not set(menu) & set(kept)
    assert not set(footer) & set(kept)
    assert "outside_article:before" in reasons
    assert "outside_article:after" in reasons
    assert len(kept) < len(lines) / 3


def test_teaser_list_between_headline_and_story() -> None:
    page = load(PAGES / "kompas__anpandu-sp1.json")
    kept, reasons = after_layout(page["raw"])
    assert "teaser_list" in reasons
    assert "Polisi Baku Tembak dengan Kelompok Din Minimi di Aceh Timur" not in kept


@pytest.mark.parametrize("page", page_params())
def test_whole_pipeline_keeps_the_story_and_replays(page: dict[str, Any]) -> None:
    article = Cleaner().clean(page["raw"])
    assert any(r.rule == "layout" for r in article.removals)
    # later rules clean inside the block (dateline prefix, captions): most of the story stays
    body = " ".join(article.paragraphs).lower().split()
    gold = " ".join(page["gold"]["paragraphs"]).lower().split()
    assert len(set(gold) & set(body)) >= 0.8 * len(set(gold))
    assert len(body) < 2 * len(gold)
    assert replay(page["raw"], article.removals) == article.paragraphs


ARTICLE = "\n".join(
    [
        "JAKARTA, KOMPAS.com - Pemerintah menaikkan harga beras medium mulai pekan depan, kata menteri.",
        "Kenaikan itu diumumkan setelah rapat terbatas di Istana Negara pada Senin pagi.",
        "Menurut dia, harga gabah di tingkat petani sudah naik sejak awal tahun ini.",
        "Pedagang di Pasar Induk Cipinang mengaku pasokan berkurang dalam dua pekan terakhir.",
        "Baca juga: Harga Cabai Turun",
        "Harga Beras",
        "Pemerintah juga akan menambah operasi pasar di 30 kota besar mulai bulan depan.",
        "Bulog menyiapkan 200.000 ton beras untuk operasi pasar tersebut, katanya.",
        "Daftar kota",
        "Jakarta",
        "Bandung",
        "Surabaya",
        "Medan",
        "Makassar",
        "Ekonom menilai langkah itu belum cukup untuk menahan inflasi pangan tahun ini.",
    ]
)


def test_ordinary_article_is_untouched() -> None:
    assert len(ARTICLE.split("\n")) == 15
    doc = Document(ARTICLE, split_lines(ARTICLE))
    assert list(PageLayout().decide(doc)) == []


def test_ordinary_article_with_blank_lines_is_untouched() -> None:
    text = ARTICLE.replace("\n", "\n\n")
    doc = Document(text, split_lines(text))
    assert list(PageLayout().decide(doc)) == []


def test_short_article_is_untouched() -> None:
    text = "Judul Berita Pendek\nJakarta - Harga beras naik lagi pekan ini, kata pedagang di pasar.\n(ant)"
    doc = Document(text, split_lines(text))
    assert list(PageLayout().decide(doc)) == []


def test_long_list_article_is_untouched() -> None:
    # an article that is mostly a list (a quiz, election results) is not a page
    lines = ["Berikut hasil survei elektabilitas di sejumlah provinsi menurut lembaga itu pekan ini:"]
    for n in range(40):
        lines.append(f"- provinsi nomor {n}: {n % 50},{n % 10} persen")
    lines.append("Survei digelar pada 23-24 Desember 2023 melalui wawancara telepon, katanya.")
    text = "\n".join(lines)
    doc = Document(text, split_lines(text))
    assert list(PageLayout().decide(doc)) == []


def test_last_paragraph_with_a_credit_line_under_it_stays_in_the_story() -> None:
    from newsclean.document import Document
    from newsclean.rules.layout import Line, _is_prose
    from newsclean.segment import split_lines

    text = (
        '"Total ada 3.016 orang penumpang domestik dan 348 orang penumpang internasional yang harus '
        'tertunda di BIL," katanya.\nEditor: Ade Marboen'
    )
    doc = Document(text, split_lines(text))
    assert _is_prose([Line.of(p) for p in doc.pieces])


# ------------------------------------------------ header and dateline on whole-page leftovers

SHARED_RAW = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "html" / "raw.jsonl"


def test_name_above_role_kompas() -> None:
    """kompas prints the name above its role: the author is the name over ``Penulis``."""
    raw = ("Menhub Bocorkan Penyebab Harga Tiket Pesawat Masih Mahal\n\nIsna Rifka Sri Rahayu\n\nPenulis\n\n"
           "Yoga Sukmana\n\nEditor\n\nJAKARTA, KOMPAS.com - Menteri Perhubungan Budi Karya Sumadi menyebut ada "
           "sejumlah faktor yang menyebabkan harga tiket pesawat masih mahal hingga saat ini.")
    art = Cleaner().clean(raw)
    assert art.authors == ["Isna Rifka Sri Rahayu"]
    assert art.editors == ["Yoga Sukmana"]
    assert art.dateline == "JAKARTA"


def test_headline_wrapped_on_two_lines() -> None:
    raw = ("Polisi soal Pistol di Kasus Cekcok Pemobil vs Pemotor: Cuma\nDiperlihatkan\n\n"
           "Mulia Budi - detikNews\n\nSabtu, 10 Des 2022 13:19 WIB\n\n"
           "Jakarta - Polisi masih mendalami kasus cekcok antara pemobil dan pemotor yang viral di media sosial.")
    art = Cleaner().clean(raw)
    assert art.title == "Polisi soal Pistol di Kasus Cekcok Pemobil vs Pemotor: Cuma Diperlihatkan"
    assert art.authors == ["Mulia Budi"]


def test_tagged_dateline_under_header_leftovers() -> None:
    """Captions and related headlines the header left above a tagged dateline are no body."""
    raw = ("Samsul Arif Tak Beban Lawan Arema\n\nSelasa, 23 Februari 2016 | 16:37 WIB\n\nShares\n\n"
           "Twitter @Persib Samsul Arif dan Purwaka Yudi gabung dengan skuad Persib Bandung untuk Bali Island Cup.\n\n"
           "Dua Mantan Pemain Arema Sudah Ditaksir Persib sejak Tahun Lalu\n\n"
           "Dua Pemain Persib Tak Dapat Jaminan Starter\n\nBaru Pulih\n\n"
           "KUTA, KOMPAS.com — Penyerang anyar Persib Bandung, Samsul Arif, bertekad memberikan penampilan "
           "terbaiknya saat melawan Arema Cronus pada pertandingan terakhir.")
    art = Cleaner().clean(raw)
    assert art.dateline == "KUTA"
    assert art.paragraphs[0].startswith("Penyerang anyar")


def test_bare_name_between_headline_and_date() -> None:
    raw = ("KPK tak Temukan Surat Pencabutan IUP Nikel Raja Ampat: Apa Iya Betul Dicabut?\n\n"
           "Andhika Prasetyo\n\n22/10/2025 06:59\n\n"
           "Komisi Pemberantasan Korupsi (KPK) mengaku hingga saat ini belum menemukan surat keputusan resmi "
           "terkait pencabutan empat izin usaha pertambangan nikel di Raja Ampat.")
    art = Cleaner().clean(raw)
    assert art.title == "KPK tak Temukan Surat Pencabutan IUP Nikel Raja Ampat: Apa Iya Betul Dicabut?"
    assert art.authors == ["Andhika Prasetyo"]


def test_hyphenated_capitals_in_a_paragraph_are_no_glued_dateline() -> None:
    """``… SpPD-KEMD mengungkap`` reads like ``…WASHINGTON —``: the paragraph is no pull quote."""
    raw = ("Sering Depresi Berat, Hati-Hati Diabetes!\n\n"
           "Staf Divisi Metabolik Endokrin dr Wismandari Wisnu SpPD-KEMD mengungkap, seorang yang mengalami "
           "depresi berat akan berisiko mengidap diabetes.\n\nParagraf kedua cerita ini cukup panjang untuk "
           "menjadi paragraf biasa di dalam berita.")
    art = Cleaner().clean(raw)
    assert art.dateline is None
    assert art.paragraphs[0].startswith("Staf Divisi Metabolik")
    assert all(r.reason != "pull_quote_before_dateline" for r in art.removals)


def test_glued_pull_quote_with_agency_is_cut() -> None:
    raw = ("Gunanya untuk mendukung kegiatan termasuk Motogp, sudah tersedia pendanaannya melalui tourism "
           "fundJakarta (ANTARA) - Menteri Pariwisata dan Ekonomi Kreatif Sandiaga Uno mengatakan kucuran dana "
           "dari Bank Dunia dapat dimanfaatkan untuk perhelatan besar.")
    art = Cleaner().clean(raw)
    assert art.dateline == "Jakarta"
    assert art.paragraphs[0].startswith("Menteri Pariwisata")


@pytest.mark.skipif(not SHARED_RAW.exists(), reason="the shared corpus is absent")
def test_photo_gallery_page_has_metadata_and_no_body() -> None:
    docs = {d["id"]: d for d in map(json.loads, SHARED_RAW.read_text(encoding="utf-8").splitlines())}
    art = Cleaner().clean(docs["liputan6__anpandu-sp3"]["raw"])
    assert art.paragraphs == []
    assert art.empty_reason is not None
    assert art.title == "Hadiri Grammy Awards 2016, Taylor Swift dan Selena Gomez Peluk-pelukan"
    assert art.authors == ["Arny Christika Putri"]
    assert len(art.captions) >= 5


# ---------------------------------------------------------------- debris runs

STORY = (
    "Harga beras di pasar induk naik untuk pekan ketiga berturut-turut, kata para pedagang kepada wartawan.\n"
    "Pemerintah menyatakan akan menggelar operasi pasar mulai Senin untuk menahan kenaikan harga tersebut.\n"
)
MORE = (
    "Di Surabaya, harga cabai rawit justru turun setelah panen raya di sejumlah daerah penghasil.\n"
    "Para petani berharap harga tetap stabil hingga akhir bulan, ujar ketua kelompok tani setempat.\n"
)


def test_a_run_of_letterless_crumbs_goes_as_one_debris_run() -> None:
    raw = STORY + "•\n" * 60 + "0\n)\n" * 20 + MORE
    art = Cleaner().clean(raw)
    debris = [r for r in art.removals if r.reason == "debris_run"]
    assert len(debris) == 1 and debris[0].rule == "layout"
    assert debris[0].text.split() == ["•"] * 60 + ["0", ")"] * 20
    assert art.paragraphs == [line for line in (STORY + MORE).split("\n") if line]


def test_repeated_short_lines_keep_their_first_saying() -> None:
    raw = STORY + "Foto: Antara\nJakarta\n" * 40 + MORE
    art = Cleaner().clean(raw)
    debris = [r for r in art.removals if r.reason == "debris_run"]
    assert len(debris) == 1
    # the first "Foto: Antara" and "Jakarta" are not debris (the other rules read them); the 78 repeats are
    assert debris[0].text.split("\n")[0] == "Foto: Antara"
    assert len(debris[0].text.split("\n")) == 78
    assert art.paragraphs[-2:] == MORE.split("\n")[:2]


def test_a_run_of_tiny_lines_goes_as_one_debris_run() -> None:
    """Fifty or more lines of at most three characters, letters or not (a text split into
    letters, an alphabet index): no sentence is written that way."""
    letters = "".join(chr(ord("a") + i % 26) + ("x" * (i % 3)) + "\n" for i in range(60))
    art = Cleaner().clean(STORY + letters + MORE)
    debris = [r for r in art.removals if r.reason == "debris_run"]
    assert len(debris) == 1 and debris[0].text.split() == letters.split()
    assert art.paragraphs == [line for line in (STORY + MORE).split("\n") if line]


def test_forty_nine_tiny_lines_and_four_letter_lines_are_no_debris() -> None:
    tiny = "".join(f"{chr(97 + i % 26)}{i}\n" for i in range(49))  # distinct, one short of a run
    assert not any(r.reason == "debris_run" for r in Cleaner().clean(STORY + tiny + MORE).removals)
    words = "".join(f"{chr(97 + i % 26)}{chr(97 + i // 26)}cd\n" for i in range(60))  # four letters: words
    assert not any(r.reason == "debris_run" for r in Cleaner().clean(STORY + words + MORE).removals)


def test_fewer_than_fifty_crumbs_are_left_to_the_other_rules() -> None:
    art = Cleaner().clean(STORY + "•\n" * 49 + MORE)
    assert not any(r.reason == "debris_run" for r in art.removals)
    assert sum(r.reason.startswith("leftovers") or r.rule == "leftovers" for r in art.removals) >= 1


def test_a_list_of_short_distinct_items_is_no_debris() -> None:
    """An answer key (tribunnews-49, real) is content: its items differ from each other."""
    fixture = json.loads((PAGES.parent / "text" / "tribunnews-49.json").read_text(encoding="utf-8"))
    art = Cleaner().clean(fixture["raw"])
    assert not any(r.reason == "debris_run" for r in art.removals)
    for item in ("1. B", "2. A", "51. C", "52. B"):
        assert item in art.paragraphs


STORY_LINES = [
    "Pemerintah kota mulai memperbaiki ratusan ruas jalan yang rusak akibat banjir pekan lalu, kata kepala dinas "
    "pekerjaan umum kepada wartawan di balai kota pada Senin pagi.",
    "Perbaikan ditargetkan rampung sebelum musim hujan berikutnya, dengan anggaran yang diambil dari dana darurat "
    "daerah tahun ini, menurut dia.",
    "Warga di sejumlah kelurahan menyambut baik langkah itu karena jalan yang berlubang selama ini membuat "
    "perjalanan ke pasar dan sekolah jauh lebih lama dari biasanya.",
]
MENU = [f"Rubrik {name}" for name in ("Nasional", "Daerah", "Ekonomi", "Olahraga", "Hiburan", "Teknologi",
                                      "Otomotif", "Kesehatan", "Gaya Hidup", "Wisata", "Kuliner", "Pendidikan")]


def test_a_notice_over_the_page_does_not_make_it_an_ordinary_article() -> None:
    # a consent banner's sentences open the page text, the menus follow: still a whole page
    banner = ("Situs ini memakai cookie untuk meningkatkan pengalaman Anda. Dengan terus menjelajah, Anda "
              "menyetujui penggunaan cookie sesuai kebijakan privasi kami.")
    lines = [banner, "Setuju", "Pengaturan", *MENU, *MENU, "Jalan Rusak Akibat Banjir Mulai Diperbaiki",
             "Oleh: Rina Wulandari", "Senin, 12 Februari 2024 10:15 WIB", *STORY_LINES,
             *(f"Berita Lain Nomor {n} Hari Ini" for n in range(12)), "Tentang Kami", "Kontak", "Karier"]
    text = "\n".join(lines)
    kept, reasons = after_layout(text)
    assert "outside_article:before" in reasons
    assert banner not in kept and "Rubrik Nasional" not in kept
    assert kept[0] == "Jalan Rusak Akibat Banjir Mulai Diperbaiki"
    assert all(line in kept for line in STORY_LINES)
    art = Cleaner().clean(text)
    assert art.title == "Jalan Rusak Akibat Banjir Mulai Diperbaiki"
    assert art.authors == ["Rina Wulandari"]


def test_an_article_opening_on_a_list_of_names_is_untouched() -> None:
    # a squad list under the first paragraph is link-like lines too, but the story goes on
    squad = [f"{first} {last}" for first in ("Ahmad", "Budi", "Candra", "Dedi", "Eko", "Fajar")
             for last in ("Saputra", "Wijaya", "Pratama", "Santoso", "Hidayat", "Nugroho")]
    text = "\n".join([STORY_LINES[0], *squad, *STORY_LINES[1:]])
    doc = Document(text, split_lines(text))
    assert list(PageLayout().decide(doc)) == []


# A blog post or an article that opens the page, with the page's furniture under it (archive,
# feeds, share and comment widgets), written by hand in the shape of the trafilatura evaluation
# pages read as text.
_POST = [
    "Der Verein hat am Wochenende sein neues Vereinsheim am Stadtrand eröffnet, nach zwei Jahren Bauzeit.",
    "Viele Mitglieder halfen beim Bau mit, und die Stadt gab einen Zuschuss für das Dach und die Heizung.",
    "Zur Eröffnung kamen mehr als zweihundert Gäste, darunter der Bürgermeister und die Nachbarvereine.",
    "Im Sommer soll auf dem Gelände noch ein Spielplatz für die Kinder der Mitglieder entstehen.",
]
_FURNITURE = [
    "Kommentare", "« Vorheriger Beitrag", "Nachfolgender Beitrag »", "Archiv", "RSS-Feed", "Facebook",
    "Twitter", "Impressum", "Datenschutz", "Kontakt", "Startseite", "Über uns", "Termine", "Mannschaften",
    "Jugend", "Galerie", "Sponsoren", "Mitglied werden", "Downloads", "Presse", "Links", "Suche",
]


def test_furniture_under_a_post_that_opens_the_page_is_dropped() -> None:
    kept, reasons = after_layout("\n".join(_POST + _FURNITURE))
    assert kept == _POST
    assert reasons == ["outside_article:after"]


def test_a_list_closing_the_story_is_kept() -> None:
    results = [f"- Kandidat {chr(65 + i)} {30 + i},{i}%" for i in range(22)]
    text = "\n".join(_POST + results)
    kept, reasons = after_layout(text)
    assert reasons == []
    assert kept == _POST + results


def test_a_short_tail_under_a_post_is_left_to_the_other_rules() -> None:
    longer = _POST + [p.replace("Verein", "Chor") for p in _POST[:2]]
    text = "\n".join(longer + _FURNITURE[:19])  # 25 lines, 19 of them under the post
    assert len(text.splitlines()) == 25
    assert after_layout(text)[1] == []
    assert after_layout("\n".join(longer + _FURNITURE[:20]))[1] == ["outside_article:after"]
