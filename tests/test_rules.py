"""Rule by rule: each family removes what it is for, says why, and leaves prose alone.

Inputs are short, hand-written in the shape of real pages (the golden tests cover the real
pages themselves); each test names the family of pages it stands for.
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Kind
from newsclean.rules.related import RelatedLinks

BODY = "Harga beras di pasar induk naik tajam sepanjang pekan ini, kata para pedagang kepada wartawan."
BODY2 = "Pedagang mengaku pasokan dari daerah sentra produksi berkurang karena musim hujan datang lebih awal."


def removed(raw: str, rule: str) -> list[tuple[str, str]]:
    """(reason, text) of what ``rule`` removed from ``raw``."""
    return [(r.reason, " ".join(r.text.split())) for r in newsclean.explain(raw) if r.rule == rule]


# --- related links -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Baca juga: Harga Cabai Turun Jelang Lebaran",
        "Baca Juga : Harga Cabai Turun Jelang Lebaran",
        "BACA JUGA: Harga Cabai Turun Jelang Lebaran",
        "Baca: Harga Cabai Turun Jelang Lebaran",
        "Lihat juga: Harga Cabai Turun Jelang Lebaran",
        "Simak juga: Harga Cabai Turun Jelang Lebaran",
        "Berita terkait: Harga Cabai Turun Jelang Lebaran",
        "Read also: Chili prices fall before Eid",
        "(Baca: Harga Cabai Turun Jelang Lebaran)",
    ],
)
def test_related_link_line(line: str) -> None:
    article = newsclean.clean(f"{BODY}\n{line}\n{BODY2}")
    assert article.paragraphs == [BODY, BODY2]
    assert removed(f"{BODY}\n{line}\n{BODY2}", "related_links")[0][0].startswith("related_link:")


def test_label_alone_takes_the_headlines_under_it() -> None:
    raw = f"{BODY}\nBaca Juga\nHarga Cabai Turun Jelang Lebaran\nPasokan Bawang Aman Kata Menteri\n{BODY2}"
    assert newsclean.clean(raw).paragraphs == [BODY, BODY2]


def test_glued_related_headlines_inside_a_run() -> None:
    """sindonews: related headlines glued to each other and to the next sentence."""
    raw = (
        "Warga mengeluh harga naik.Baca Juga:Harga Cabai Turun Jelang LebaranPasokan Bawang Aman Kata Menteri"
        "Dia menambahkan bahwa pasokan dari petani sudah mulai berkurang sejak awal bulan ini karena hujan."
    )
    article = newsclean.clean(raw)
    assert article.paragraphs == [
        "Warga mengeluh harga naik.",
        "Dia menambahkan bahwa pasokan dari petani sudah mulai berkurang sejak awal bulan ini karena hujan.",
    ]


def test_space_joined_related_link_ends_where_prose_starts() -> None:
    """kompas (space-joined scrape): the headline is title case, the story resumes in sentence case."""
    words = " ".join(["kata"] * 30)
    raw = (
        f"Harga naik lagi, ujar dia. Baca juga: Garuda Akui Jadi Inisiator Kenaikan Harga Tiket Pesawat "
        f"Adapun untuk saat ini pihaknya telah memanggil para pihak {words}."
    )
    article = newsclean.clean(raw)
    assert "Garuda Akui" not in article.text
    assert "Adapun untuk saat ini pihaknya telah memanggil para pihak" in article.text


def test_trailing_headline_without_label() -> None:
    """detik: a related headline closes the scraped text."""
    raw = f"{BODY}\n{BODY2}\n{BODY}\nGanjar Ingatkan Bahaya Hoaks Saat Hadiri Haul Ulama"
    assert removed(raw, "related_links") == [
        ("related_link:trailing_headline", "Ganjar Ingatkan Bahaya Hoaks Saat Hadiri Haul Ulama")
    ]


@pytest.mark.parametrize(
    "last",
    [
        "20. Chandra Hamzah (mantan Komisioner KPK)",
        "51. Perkumpulan Persatuan Alumni Gerakan Mahasiswa Nasional Indonesia",
        "Ganda putra 2: Mathias Christiansen/Frederik Sogaard vs M R Arjun/Dhruv Kapila (21-16, 21-9)",
    ],
)
def test_a_numbered_list_item_closing_the_text_is_no_trailing_headline(last: str) -> None:
    """kompas: the last item of a numbered list, cleaned again, must stay."""
    raw = f"{BODY}\n{BODY2}\n{BODY}\n{last}"
    assert removed(raw, "related_links") == []


def test_a_label_with_exclamation_marks_announces_teaser_headlines() -> None:
    """kapanlagi: 'JANGAN LEWATKAN!!!' alone over its teaser headlines."""
    teasers = [
        "Armand Maulana & Rambut Gondrong Ikoniknya Dari Tahun ke Tahun",
        "Pinang Dibelah Dua, Wajah Alia Bhatt 'Kembar' Dengan Aktor Ini",
    ]
    raw = "\n".join([BODY, BODY2, BODY, "JANGAN LEWATKAN!!!", *teasers])
    article = newsclean.clean(raw)
    assert not {"JANGAN LEWATKAN!!!", *teasers} & set(article.paragraphs)
    assert removed(raw, "related_links")[0] == ("related_link:jangan lewatkan", "JANGAN LEWATKAN!!!")


# --- ads, prompts, promos, navigation ---------------------------------------------------


@pytest.mark.parametrize(
    "line, rule",
    [
        ("ADVERTISEMENT", "ads"),
        ("SCROLL TO CONTINUE WITH CONTENT", "ads"),
        ("[Gambas:Video 20detik]", "ads"),
        ("Cek Berita dan Artikel yang lain di Google News", "prompts"),
        ("Ikuti Whatsapp Channel Republika", "prompts"),
        ("Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com.", "prompts"),
        ("Viral! 18 Kampus ternama memberikan beasiswa. Info lebih lengkap klik : osc.medcom.id", "promos"),
        ("TERKAIT", "navigation"),
        ("BERITA LAINNYA", "navigation"),
    ],
)
def test_boilerplate_line(line: str, rule: str) -> None:
    raw = f"{BODY}\n{line}\n{BODY2}"
    assert newsclean.clean(raw).paragraphs == [BODY, BODY2]
    assert [text for _, text in removed(raw, rule)] == [line]


def test_glued_scroll_marker_splits_the_paragraph() -> None:
    """detik/cnbc: the ad slot glued into a sentence run; the text continues around the cut."""
    raw = "Indonesia menang atas Malaysia. SCROLL TO CONTINUE WITH CONTENT Juara bertahan tersingkir."
    assert newsclean.clean(raw).paragraphs == ["Indonesia menang atas Malaysia.", "Juara bertahan tersingkir."]


# --- credits ---------------------------------------------------------------------------


@pytest.mark.parametrize("initials", ["(FJR)", "(krs/pur)", "(put)", "(*)"])
def test_editor_initials(initials: str) -> None:
    raw = f"{BODY}\n{BODY2} {initials}"
    article = newsclean.clean(raw)
    assert article.paragraphs == [BODY, BODY2]
    assert removed(raw, "credits")[0][0] == "editor_initials"


def test_abbreviation_mid_sentence_is_not_initials() -> None:
    raw = f"{BODY}\nPemerintah Amerika Serikat (AS) menyatakan siap berunding dengan semua pihak."
    assert newsclean.clean(raw).removals == []


def test_tail_credit_gives_authors_and_editors() -> None:
    """antaranews: Pewarta/Editor glued to the last sentence, then the copyright."""
    raw = f"{BODY}\n{BODY2}Pewarta: Sinta AmbarwatiEditor: Faisal Yunianto\t\t\t\tCOPYRIGHT © ANTARA 2023"
    article = newsclean.clean(raw)
    assert article.paragraphs == [BODY, BODY2]
    assert article.authors == ["Sinta Ambarwati"]
    assert article.editors == ["Faisal Yunianto"]


def test_syndication_line() -> None:
    raw = f"{BODY}\n{BODY2}\nArtikel ini telah tayang di Kontan.co.id dengan judul Harga Beras Naik"
    assert newsclean.clean(raw).paragraphs == [BODY, BODY2]


# --- captions and duplicates -----------------------------------------------------------


def test_caption_with_credit_moves_to_captions_once() -> None:
    caption = "Presiden meninjau pasar induk di Jakarta, Senin (7/1/2019). Foto: ANTARA"
    raw = f"{caption}\n{caption}\n{BODY}\n{BODY2}"
    article = newsclean.clean(raw)
    assert article.captions == [caption]
    assert article.paragraphs == [BODY, BODY2]
    assert {r.kind for r in article.removals} == {Kind.CAPTION}


def test_quote_starting_with_foto_is_not_a_caption() -> None:
    raw = f'{BODY}\n"Foto itu diambil sebelum banjir datang, jadi rumah masih utuh," kata Andi.'
    assert newsclean.clean(raw).captions == []


def test_repeated_body_line_kept_once() -> None:
    raw = f"{BODY}\n{BODY2}\n{BODY2}"
    article = newsclean.clean(raw)
    assert article.paragraphs == [BODY, BODY2]
    assert removed(raw, "duplicates") == [("duplicate:repeated_line", BODY2)]


def test_container_rollup_line_removed() -> None:
    """republika: a line holding its paragraph plus the rest of the article, then that paragraph alone."""
    p1 = "Kepolisian memastikan aktivitas penambangan di area galian itu ilegal dan berbahaya bagi warga."
    p2 = "Kapolres mengatakan penambangan di lokasi tersebut telah lama ditutup oleh pemerintah kota."
    raw = f"{p1}{p2}\n{p1}\n{p2}"
    assert newsclean.clean(raw).paragraphs == [p1, p2]


# --- header and dateline ---------------------------------------------------------------


def test_header_lines_become_fields() -> None:
    raw = (
        "AS Tolak Permintaan Rusia untuk Larang Ukraina Gabung NATO\n"
        "Fajar Nugraha • 27 Januari 2022 12:06\n"
        f"Washington: {BODY}\n{BODY2}"
    )
    article = newsclean.clean(raw)
    assert article.title == "AS Tolak Permintaan Rusia untuk Larang Ukraina Gabung NATO"
    assert article.authors == ["Fajar Nugraha"]
    assert article.dateline == "Washington"
    assert article.paragraphs == [BODY, BODY2]


@pytest.mark.parametrize(
    "prefix, place",
    [
        ("JAKARTA, KOMPAS.com - ", "JAKARTA"),
        ("Jakarta (ANTARA) - ", "Jakarta"),
        ("Liputan6.com, Jakarta - ", "Jakarta"),
        ("TRIBUNNEWS.COM, JAKARTA -- ", "JAKARTA"),
        ("KOMPAS.com - ", None),
    ],
)
def test_dateline_prefix_is_cut(prefix: str, place: str | None) -> None:
    article = newsclean.clean(f"{prefix}{BODY}\n{BODY2}")
    assert article.dateline == place
    assert article.paragraphs == [BODY, BODY2]


def test_caption_above_the_opening_dateline_goes_on_the_first_pass() -> None:
    # a photo caption shaped like a title, above the dateline that opens the story
    caption = "Gibran tertawa saat mic Cak Imin jatuh dari podium (2)"
    raw = f"{caption}\nTRIBUNNEWS.COM, JAKARTA - {BODY}\n{BODY2}"
    article = newsclean.clean(raw)
    assert article.paragraphs == [BODY, BODY2]
    assert article.captions == [caption]
    assert newsclean.clean("\n".join(article.paragraphs)).paragraphs == article.paragraphs


def test_short_first_paragraph_is_not_a_title() -> None:
    raw = f"Ia membantah.\n{BODY}\n{BODY2}"
    article = newsclean.clean(raw)
    assert article.title is None
    assert article.paragraphs[0] == "Ia membantah."


# --- leftovers -------------------------------------------------------------------------


def test_punctuation_left_by_cuts_goes() -> None:
    raw = f"{BODY}\n•\n{BODY2}"
    assert newsclean.clean(raw).paragraphs == [BODY, BODY2]
    assert removed(raw, "leftovers") == [("no_text", "•")]


# ---------------------------------------------------------------- related links: one pass per text

_GLUED_REF = regex.compile(r"(?<=[\p{Ll}%)\]”\"'’.?!])(?=[\p{Lu}“\"])")


def _segments_in_slice(text: str, at: int, limit: int) -> list[tuple[int, int]]:
    """What the headline search read before: the glued boundaries of the slice ``text[at:]``."""
    rest = text[at:]
    out, start = [], 0
    for m in _GLUED_REF.finditer(rest, 1, limit):
        out.append((start, m.start()))
        start = m.start()
    return [*out, (start, limit)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"aB .”\"'’)“%!? \t\n\u00a0", "Baca", "juga:"]), max_size=60).map("".join))
def test_glued_boundaries_found_once_match_the_slice_search(text: str) -> None:
    from newsclean.rules.related import _GluedBoundaries

    wide_gap = regex.compile(r"\s{2,}")
    for chunk in (256, 3, 1):  # chunks smaller than the text: what a long paragraph gets
        landmarks = _GluedBoundaries(text, chunk)
        for at in range(len(text) + 1):
            for length in {len(text) - at, (len(text) - at) // 2, min(3, len(text) - at)}:
                assert list(landmarks.segments(at, length)) == _segments_in_slice(text, at, length), (at, length)
                gap = wide_gap.search(text[at : at + length], 1)
                assert landmarks.first_gap(at, length) == (gap.start() if gap else length), (at, length)
        backwards = _GluedBoundaries(text, chunk)  # a later label asked first
        for at in range(len(text), -1, -1):
            length = len(text) - at
            assert list(backwards.segments(at, length)) == _segments_in_slice(text, at, length), (at, length)
            gap = wide_gap.search(text[at : at + length], 1)
            assert backwards.first_gap(at, length) == (gap.start() if gap else length), (at, length)


_LABELISH = st.lists(
    st.sampled_from(
        [
            *"aB .:(”’)\t\n\u00a0\u017f\u212a\u0130",
            *("Baca", "baca", "BACA", "juga", "Lihat", "Read", "also", "(", ":", "\u017fimak", "Simak"),
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=100, deadline=None)
@given(_LABELISH)
def test_label_search_from_the_first_label_word_finds_what_the_window_search_finds(text: str) -> None:
    """The inline label search starts at the first label word of its window (``_search_start``):
    it finds the match the search from the window's start finds, at every window."""
    rule = next(r for r in newsclean.Cleaner().rules if isinstance(r, RelatedLinks))
    for colon in (i for i, ch in enumerate(text) if ch in ":："):
        for start in range(colon + 1):
            full = rule._inline_matcher.search(text, start, colon + 1)
            at = rule._search_start(text, start, colon)
            fast = rule._inline_matcher.search(text, at, colon + 1) if at >= 0 else None
            assert (fast and fast.span()) == (full and full.span()), (start, colon)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "bb", " ", "  ", "\n", "\u3000", "\u00a0", "\x1c", "."]), max_size=80).map("".join)
)
def test_more_than_headline_words_is_one_match(text: str) -> None:
    from newsclean.rules.related import _OVER_HEADLINE_WORDS, _WORD, MAX_HEADLINE_WORDS

    for at in range(len(text) + 1):
        words = sum(1 for _ in _WORD.finditer(text, at))
        assert (words > MAX_HEADLINE_WORDS) == bool(_OVER_HEADLINE_WORDS.match(text, at)), at


@settings(max_examples=300, deadline=None)
@given(_LABELISH)
def test_label_start_test_never_says_no_where_the_pattern_matches(text: str) -> None:
    rule = next(r for r in newsclean.Cleaner().rules if isinstance(r, RelatedLinks))
    if rule._start.match(text):
        assert rule._may_start(text, text.lower())


@settings(max_examples=500, derandomize=True)
@given(
    st.lists(st.sampled_from(["a", "bb", " ", "  ", "\n", "\u3000", "\u00a0", "\x1c", ".", "x" * 40]),
             max_size=120).map("".join)
)
@example("a " * 31)
@example("a " * 30 + "a")
@example("a " * 30)
@example(" " + "a " * 29 + "x" * 700 + " b")
def test_more_than_headline_words_is_answered_as_the_pattern_answers(text: str) -> None:
    """``more_than_headline_words`` splits a bounded chunk instead of running the pattern: the
    same answer at every offset (long words past the chunk, ``\\x1c``, which ``str.split``
    breaks at and the pattern's ``\\s`` does not, and the chunk's end included)."""
    from newsclean.rules import related

    for at in range(len(text) + 1):
        expected = related._OVER_HEADLINE_WORDS.match(text, at) is not None
        for chunk in (related.WORDS_CHUNK, 7, 1):  # (a small chunk reaches its fallbacks often)
            assert related.more_than_headline_words(text, at, chunk) == expected, (chunk, at)
