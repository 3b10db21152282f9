"""Boilerplate, byline and dateline families written for outlets nobody tuned to (issue #14).

Every case is written by hand in the shape of a family seen across several outlets of the pool
gold (``fixtures/pool``), with invented names and stories; each family also has a case that
must stay body, so a rule that eats story text fails here.
"""

from __future__ import annotations

import pytest

import newsclean
from newsclean.metadata.byline import parse_byline
from newsclean.metadata.dateline import match_dateline

STORY = "Pemerintah daerah menyiapkan anggaran baru untuk memperbaiki jalan desa yang rusak parah tahun ini."
MORE = "Warga berharap perbaikan selesai sebelum musim hujan tiba, kata kepala desa kepada wartawan."


def body_of(*lines: str) -> list[str]:
    return newsclean.clean("\n".join([STORY, *lines, MORE])).paragraphs


@pytest.mark.parametrize(
    "line",
    [
        "PERINGATAN: Portal ini tidak bertanggungjawab terhadap komentar yang diutarakan melalui laman sosial ini.",
        "Rencana ini adalah pandangan peribadi penulis dan tidak semestinya mencerminkan pendirian rasmi kami.",
        "Tulisan ini kiriman pembaca, isi dari tulisan ini adalah tanggungjawab penulis sepenuhnya.",
        "The views expressed here are the writer's own and do not necessarily reflect those of this paper.",
        "Saksikan cuplikan pertandingan Liga Inggris dengan kualitas HD di sini",
        "Simak kabar terkini tim nasional di sini!",
        "Tonton siaran langsung pertandingannya berikut ini:",
        "Pilih Reaksi Kamu Senang 33% Sedih 0% Marah 12%",
        "You can share this post!",
        "Share This Article",
        "Facebook Whatsapp Telegram",
        "🔊 Dengarkan Berita",
        "To: Cc: Subject: Sepuluh tempat wisata baru di Lombok",
        "Gol indah di menit akhir https://t.co/abcDEF123 — Bola Kita (@bolakita) April 1, 2018",
        "Senja di pantai A post shared by Rina Wulan (@rinawulan) on Jul 8, 2018 at 11:58pm PDT",
        "[Baca berita penuh]",
        "A- A+ (Ubah saiz teks)",
        "Hak atas foto Getty Images",
        "Sumber gambar: arsip pribadi",
        "loading...",
        "Media playback tidak ada di perangkat Anda",
    ],
)
def test_a_boilerplate_family_line_goes_whatever_the_outlet(line: str) -> None:
    paragraphs = body_of(line)
    assert paragraphs == [STORY, MORE], line


@pytest.mark.parametrize(
    "line",
    [
        "Ia menegaskan pemerintah tidak bertanggung jawab atas kerugian yang dialami investor bodong itu.",
        "Penonton bisa menyaksikan siaran langsung pertandingan itu di stasiun televisi nasional mulai pukul 19.00.",
        "Menurut survei, 33% responden merasa senang dengan kebijakan baru tersebut dan 12% marah.",
        "Ia lalu membagikan foto itu melalui akun media sosialnya dan meminta warga tetap tenang.",
    ],
)
def test_story_sentences_near_those_families_stay(line: str) -> None:
    assert line in body_of(line)


def test_a_bbc_style_caption_is_a_caption() -> None:
    line = "Hak atas foto Reuters Image caption Warga mengungsi setelah banjir melanda kota itu"
    article = newsclean.clean("\n".join([STORY, line, MORE]))
    assert article.paragraphs == [STORY, MORE]
    assert article.captions == [line]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Oleh: Rina Kusuma (The Guardian)", ("Rina Kusuma",)),
        ("Oleh: Andi Saputra, Budi Hartono, dan Citra Lestari (CNN)",
         ("Andi Saputra", "Budi Hartono", "Citra Lestari")),
        ("Oleh: Dimas Pratama)*", ("Dimas Pratama",)),
        ("In Cars, Local News / By Hana Lim / 7 March 2018 10:53 am / 42 comments", ("Hana Lim",)),
        ("Oleh: Time/Associated Press", ()),
    ],
)
def test_byline_shapes_give_names_only(line: str, authors: tuple[str, ...]) -> None:
    byline = parse_byline(line, default_tz=None)
    assert (byline.authors if byline is not None else ()) == authors


@pytest.mark.parametrize(
    ("line", "authors", "day"),
    [
        ("Oleh Rina Wulandari pada 12 Februari 2024, 14:35 WIB", ("Rina Wulandari",), "2024-02-12"),
        ("By Jane Doe Updated 10:12 AM EST, Mon March 4, 2024", ("Jane Doe",), "2024-03-04"),
        ("Published March 4, 2024 By Jane Doe", ("Jane Doe",), "2024-03-04"),
        ("Rina Wulandari, Jurnalis · Senin 12 Februari 2024 14:35 WIB", ("Rina Wulandari",), "2024-02-12"),
    ],
)
def test_a_byline_and_its_date_in_either_order_give_the_name_and_the_day(
    line: str, authors: tuple[str, ...], day: str
) -> None:
    byline = parse_byline(line, default_tz=None)
    assert byline is not None and byline.authors == authors and byline.timestamp is not None
    assert byline.timestamp.value.isoformat()[:10] == day


@pytest.mark.parametrize(
    ("line", "authors", "editors"),
    [
        ("Rina Wulandari, Jurnalis", ("Rina Wulandari",), ()),
        ("Jane Doe, Staff Writer", ("Jane Doe",), ()),
        ("Penulis Rina Wulandari", ("Rina Wulandari",), ()),
        ("Editor Budi Santoso", (), ("Budi Santoso",)),
    ],
)
def test_a_role_label_without_colon_or_a_job_title_after_the_name_reads_as_a_byline(
    line: str, authors: tuple[str, ...], editors: tuple[str, ...]
) -> None:
    byline = parse_byline(line, default_tz=None)
    assert byline is not None and byline.authors == authors and byline.editors == editors


@pytest.mark.parametrize("line", ["Penulis adalah peneliti pada lembaga kajian", "Reporter itu kemudian pergi"])
def test_a_sentence_opening_with_a_role_word_is_no_byline(line: str) -> None:
    assert parse_byline(line, default_tz=None) is None


def test_a_sentence_opening_with_oleh_and_a_date_is_no_byline() -> None:
    assert parse_byline("Oleh karena itu, pada 12 Februari 2024 KPU memutuskan", default_tz=None) is None
    assert parse_byline("March 4, 2024 by the committee", default_tz=None) is None


@pytest.mark.parametrize(
    ("credit", "authors"),
    [
        ("Laporan Wartawan Kabarkita.com, Rina Wulandari KABARKITA.COM, JAKARTA - ", ["Rina Wulandari"]),
        ("Laporan Reporter Kabar Jogja, Rina Wulandari KABARJOGJA.COM, YOGYA -- ", ["Rina Wulandari"]),
        ("Laporan Wartawan Kabar Medan / Rina Wulandari KABAR-MEDAN.COM, MEDAN - ", ["Rina Wulandari"]),
    ],
)
def test_a_desk_credit_glued_before_the_outlet_dateline_gives_the_reporter_and_the_place(
    credit: str, authors: list[str]
) -> None:
    # a scrape that glued the paragraphs: the credit line, the dateline and the story are one line
    article = newsclean.clean(credit + STORY + " " + MORE)
    assert article.authors == authors
    assert article.dateline is not None and article.dateline in credit and "." not in article.dateline
    assert article.paragraphs == [STORY + " " + MORE]


def test_an_outlet_tag_printed_twice_is_one_prefix() -> None:
    article = newsclean.clean("KABARKITA.COM, KABARKITA.COM -- " + STORY)
    assert article.dateline is None and article.paragraphs == [STORY]


def test_a_story_paragraph_closing_with_its_reporter_credit_is_no_caption() -> None:
    paragraph = (STORY + " " + MORE + ' "Kami siap bekerja," kata kepala dinas.Warga menyambut baik rencana itu. '
                 "(Kabarkita.com/Rina)")
    article = newsclean.clean(paragraph)
    assert article.paragraphs and article.paragraphs[0].startswith(STORY) and not article.captions


def test_a_slashed_blog_byline_gives_its_time() -> None:
    byline = parse_byline("In Cars / By Hana Lim / 7 March 2018 10:53 am / 42 comments", default_tz=None)
    assert byline is not None and byline.timestamp is not None
    assert (byline.timestamp.value.year, byline.timestamp.value.month, byline.timestamp.value.day) == (2018, 3, 7)


def test_a_byline_line_under_a_deck_is_the_author_and_is_removed() -> None:
    deck = ("Ribuan warga meninggalkan kota itu dalam sepekan terakhir, sementara pemerintah setempat "
            "belum mengumumkan langkah darurat apa pun untuk menampung mereka semua.")
    raw = "\n".join([deck, "Oleh: Rina Kusuma (Reuters)", STORY, MORE])
    article = newsclean.clean(raw)
    assert article.authors == ["Rina Kusuma"]
    assert "Oleh: Rina Kusuma (Reuters)" not in article.paragraphs


@pytest.mark.parametrize(
    ("closing", "authors"),
    [("(Hardi/kotapost)", ["Hardi"]), ("Oleh Rangga Wijaya", ["Rangga Wijaya"])],
)
def test_closing_credits_give_the_reporter(closing: str, authors: list[str]) -> None:
    article = newsclean.clean("\n".join([STORY, MORE, closing]))
    assert article.authors == authors and article.paragraphs == [STORY, MORE]


@pytest.mark.parametrize(
    ("opening", "place", "prefix"),
    [
        ("Gaza, MINA – ", "Gaza", "Gaza, MINA – "),
        ("BANDUNG, NNC - ", "BANDUNG", "BANDUNG, NNC - "),
        ("Mataram, NTB (ANTARA) - ", "Mataram, NTB", "Mataram, NTB (ANTARA) - "),
        ("Bandarlampung \u00a0 (ANTARA) - ", "Bandarlampung", "Bandarlampung \u00a0 (ANTARA) - "),
        ("INILAH, Bandung - ", "Bandung", "INILAH, Bandung - "),
        ("InfoSAWIT, BUENOS AIRES - ", "BUENOS AIRES", "InfoSAWIT, BUENOS AIRES - "),
        ("[JAKARTA]", "JAKARTA", "[JAKARTA]"),
        ("WowKeren - ", None, "WowKeren - "),
        ("Liputan6.com, Jakarta", "Jakarta", "Liputan6.com, Jakarta"),
        # a wire dateline with its date before the agency, known or not, and several places
        ("LONDON, Oct 9 (Reuters) - ", "LONDON", "LONDON, Oct 9 (Reuters) - "),
        ("KUALA LUMPUR, March 4 (Newswire) - ", "KUALA LUMPUR", "KUALA LUMPUR, March 4 (Newswire) - "),
        ("SURABAYA (Kabar Kota) - ", "SURABAYA", "SURABAYA (Kabar Kota) - "),
        ("NEW DELHI/ISLAMABAD, Oct 9 (Reuters) - ", "NEW DELHI/ISLAMABAD", "NEW DELHI/ISLAMABAD, Oct 9 (Reuters) - "),
        ("BEIJING/WASHINGTON - ", "BEIJING/WASHINGTON", "BEIJING/WASHINGTON - "),
    ],
)
def test_dateline_grammar_tells_the_place_from_the_outlet_tag(opening: str, place: str | None, prefix: str) -> None:
    paragraph = opening + "Warga berharap perbaikan jalan desa selesai sebelum musim hujan tiba."
    m = match_dateline(paragraph)
    assert m is not None and m.place == place and paragraph[: m.end] == prefix


def test_a_plain_sentence_opening_with_a_place_like_word_is_no_dateline() -> None:
    assert match_dateline("Gaza, kota yang terkepung, kembali diserang pada Senin malam.") is None
    assert match_dateline("Gaza - kota itu kembali diserang pada Senin malam oleh pasukan.") is None
    # a name with its short form in brackets is no place with an agency
    assert match_dateline("Joko Widodo (Jokowi) - Presiden meresmikan jembatan baru di Kalimantan.") is None


@pytest.mark.parametrize(
    "line",
    [
        "Also Read These 7 Young Athletes Are Going To The Olympics",
        "Baca Juga Perjalanan Kasus Korupsi Bupati Itu",
        "Baca juga artikel terkait PEMILU Nama Penulis",
        "Halaman selanjutnya →",
        "Halaman 1 2 3",
        "Perkantoran Blok A, Jl Merdeka, Kota Bekasi. Tlp: 021 888 999, Fax: 021 888 998 Email: redaksi@contoh.id",
        "Penulis adalah peneliti pada sebuah lembaga kajian ekonomi di Jakarta",
        "Rudi Hartono, penulis adalah pegiat literasi di Yogyakarta.",
        "Dengan berkas-berkas dari kantor berita.",
        "Sumber",
        "News",
    ],
)
def test_more_boilerplate_families_go(line: str) -> None:
    assert body_of(line) == [STORY, MORE], line


@pytest.mark.parametrize(
    ("tail", "rest"),
    [(" - UTUSAN ONLINE", ""), (" — Bernama", ""), ("\n- K! ONLINE", ""), ("\n- BERNAMA", "")],
)
def test_an_outlet_or_wire_tail_closing_the_story_goes(tail: str, rest: str) -> None:
    article = newsclean.clean(STORY + "\n" + MORE + tail)
    assert article.paragraphs == [STORY, MORE]


def test_a_date_tail_is_the_date_of_the_story() -> None:
    article = newsclean.clean(STORY + "\n" + MORE[:-1] + ".-11/4/2018")
    assert article.paragraphs == [STORY, MORE]
    assert article.timestamp is not None and article.timestamp.isoformat() == "2018-04-11"


@pytest.mark.parametrize(("signature", "name"), [("- Sandy Mariatna", "Sandy Mariatna"), ("* TOK PERAK", "TOK PERAK")])
def test_a_signature_closing_a_column_is_its_author(signature: str, name: str) -> None:
    article = newsclean.clean("\n".join([STORY, MORE, signature]))
    assert article.authors == [name] and article.paragraphs == [STORY, MORE]


def test_a_list_closing_the_story_is_no_signature() -> None:
    raw = "\n".join([STORY, "Bahan yang dibutuhkan:", "- Tepung Terigu", "- Gula Pasir"])
    article = newsclean.clean(raw)
    assert article.authors == [] and article.paragraphs[-2:] == ["- Tepung Terigu", "- Gula Pasir"]


def test_a_number_range_closing_a_sentence_is_no_tail() -> None:
    line = "Harga cabai naik dari Rp 40.000 menjadi Rp 55.000 - 60.000"
    assert body_of(line) == [STORY, line, MORE]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("14:35 WIB - Senin, 12 Februari 2024", "2024-02-12T14:35:00+07:00"),
        ("Updated 2:35 PM ET, Mon February 12, 2024", "2024-02-12T14:35:00-05:00"),
    ],
)
def test_a_time_printed_before_its_date_is_read_with_it(line: str, expected: str) -> None:
    from newsclean.metadata.dates import find_timestamp

    stamp = find_timestamp(line, default_tz=None)
    assert stamp is not None and stamp.value.isoformat() == expected


def test_a_count_before_a_date_is_no_time() -> None:
    from newsclean.metadata.dates import find_timestamp

    stamp = find_timestamp("Dilihat 1.234 kali 12 Feb 2024", default_tz=None)
    assert stamp is not None and stamp.value.isoformat() == "2024-02-12"


# A wire story's credit closing it: a role label, then agencies and outlets only (the pool's
# translated wire stories close with "Oleh: <magazine>/<agency>"); a person in it is an author.
@pytest.mark.parametrize(
    "line", ["Oleh: Reuters/AFP", "Penulis: AFP", "Oleh: The Associated Press/CBC News", "By Reuters and AFP"]
)
def test_agency_only_credit_at_the_end_is_removed(line: str) -> None:
    article = newsclean.clean("\n".join([STORY, MORE, line]))
    assert article.paragraphs == [STORY, MORE]
    assert article.authors == []


def test_a_credit_naming_a_person_beside_the_agency_keeps_the_person() -> None:
    article = newsclean.clean("\n".join([STORY, MORE, "Oleh: Budi Santoso/AFP"]))
    assert article.paragraphs == [STORY, MORE]
    assert article.authors == ["Budi Santoso"]


def test_a_sentence_naming_agencies_is_body() -> None:
    line = "Oleh karena itu, Reuters dan AFP melaporkan kejadian itu secara langsung."
    assert body_of(line) == [STORY, line, MORE]


# An opinion piece closes with its writer's bio, and a column with the writer's signature: the
# name is the author (the pool's Malaysian and Indonesian opinion pages, an English review).
@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("RINA WULANDARI adalah seorang peguam dan aktivis hak asasi di Selangor.", "RINA WULANDARI"),
        ("M. Fajar Pratama, penulis adalah pegiat di sebuah lembaga kajian di Yogyakarta.", "M. Fajar Pratama"),
        ("Jane Doe is a freelance arts and culture writer living in Boston.", "Jane Doe"),
        ("- Rina Dewi Wulandari", "Rina Dewi Wulandari"),
    ],
)
def test_the_writer_closing_the_story_is_its_author(line: str, author: str) -> None:
    article = newsclean.clean("\n".join([STORY, MORE, STORY.replace("tahun ini", "bulan depan"), line]))
    assert line not in article.paragraphs
    assert article.authors == [author]


def test_a_bio_without_a_name_gives_no_author() -> None:
    article = newsclean.clean("\n".join([STORY, MORE, "Penulis adalah peneliti pada sebuah lembaga kajian."]))
    assert article.paragraphs == [STORY, MORE]
    assert article.authors == []
