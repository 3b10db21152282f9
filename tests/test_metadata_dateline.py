"""match_dateline against real story openings (fixtures/headers/headers.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsclean.metadata.dateline import match_dateline

HEADERS = Path(__file__).resolve().parent.parent / "fixtures" / "headers" / "headers.json"


def rows(kind: str) -> list[Any]:
    data = json.loads(HEADERS.read_text(encoding="utf-8"))
    return [pytest.param(r, id=r["source"]) for r in data if r["kind"] == kind]


@pytest.mark.parametrize("row", rows("dateline"))
def test_corpus_dateline(row: dict[str, Any]) -> None:
    found = match_dateline(row["input"])
    expected = row["expected"]
    if expected is None:
        assert found is None
        return
    assert found is not None
    assert found.place == expected["place"]
    assert found.start == expected["start"]
    assert row["input"][found.start : found.end] == expected["prefix"]


@pytest.mark.parametrize(
    ("paragraph", "place", "prefix"),
    [
        ("JAKARTA, KOMPAS.com - Presiden Joko Widodo", "JAKARTA", "JAKARTA, KOMPAS.com - "),
        ("KOMPAS.com - Marcus Gideon menang", None, "KOMPAS.com - "),
        ("Liputan6.com, Jakarta - Indonesia memasuki", "Jakarta", "Liputan6.com, Jakarta - "),
        ("Liputan6.com, Jakarta Presiden Joko Widodo mengatakan", "Jakarta", "Liputan6.com, Jakarta "),
        ("TRIBUNNEWS.COM, JAKARTA -- Kepala Dinas", "JAKARTA", "TRIBUNNEWS.COM, JAKARTA -- "),
        ("Jakarta, CNN Indonesia -- Presiden", "Jakarta", "Jakarta, CNN Indonesia -- "),
        ("Washington: Amerika Serikat", "Washington", "Washington: "),
        ("KUALA LUMPUR 29 Ogos – Polis menahan", "KUALA LUMPUR", "KUALA LUMPUR 29 Ogos – "),
        ("SHAH ALAM – Gara-gara panik", "SHAH ALAM", "SHAH ALAM – "),
        ("WASHINGTON — President Joe Biden", "WASHINGTON", "WASHINGTON — "),
        ("LONDON (Reuters) - Oil prices", "LONDON", "LONDON (Reuters) - "),
        ("Doha - Qatar menyatakan", "Doha", "Doha - "),
        ("VIVA – Pianis cilik", None, "VIVA – "),
        ("Okezone.com - Ada banyak", None, "Okezone.com - "),
        ("merdeka.com - Banyak jalan", None, "merdeka.com - "),
        ("detikNews - Polisi masih", None, "detikNews - "),
        ("Jakarta - Lima mahasiswa", "Jakarta", "Jakarta - "),
        ("Jakarta\u00a0(ANTARA)\u00a0‒\u00a0Menteri", "Jakarta", "Jakarta\u00a0(ANTARA)\u00a0‒\u00a0"),
        ("TEMPO.CO,Jakarta-Ginjal adalah organ", "Jakarta", "TEMPO.CO,Jakarta-"),
        ("Doha- Qatar menyatakan", "Doha", "Doha- "),
        ("JAKARTA--Presiden Joko Widodo", "JAKARTA", "JAKARTA--"),
        ("ST. PAUL, Minn. - The man", "ST. PAUL, Minn.", "ST. PAUL, Minn. - "),
        ("JAKARTA: KPK menetapkan tersangka", "JAKARTA", "JAKARTA: "),
    ],
)
def test_shapes(paragraph: str, place: str | None, prefix: str) -> None:
    found = match_dateline(paragraph)
    assert found is not None and found.place == place and found.start == 0
    assert paragraph[: found.end] == prefix


@pytest.mark.parametrize(
    "paragraph",
    [
        "Liputan6.com, menemui Presiden di Istana",
        "Kompas.com mencatat ada lima hal penting",
        "Jakarta, kota terbesar di Indonesia, kembali dilanda banjir.",
        '"Jakarta itu kota besar," kata dia.',
        "“Jakarta - Bandung bisa ditempuh dua jam,” kata Budi.",
        "Baca juga: Prabowo ajak rakyat tak golput",
        "Baca Juga: Prabowo ajak rakyat",
        "Gibran Rakabuming Raka - putra presiden - datang ke Solo.",
        "Kompas.com - 21/01/2019, 22:05 WIB",
        "Presiden Joko Widodo Dan Menteri Keuangan Sri Mulyani Indrawati - Kami",
        "Editor: Faisal Yunianto",
        "",
        # a hyphen glued on both sides is inside a word, not the dateline's dash
        "Jelang Debat Capres-Cawapres 2024, KPU menyiapkan",
        "Revisi Undang-Undang Nomor 41 Tahun 2004 tentang Wakaf",
        "Tampak Ketua Umum PDI-Perjuangan Megawati Soekarnoputri",
        "Rep. Alexandria Ocasio-Cortez (D-N.Y.) gave a speech",
        # a bare place is short and in one case; an ALL-CAPS run after a colon is a title
        "Kapten Timnas Anies Baswedan - Muhaimin Iskandar (AMIN), Muhammad Syaugi, mengatakan",
        "Film GOWOK: KAMASUTRA JAWA menjadi perbincangan hangat sejak diumumkan",
        "GOWOK: KAMASUTRA JAWA memadukan drama dengan pendekatan sinematik",
    ],
)
def test_not_a_dateline(paragraph: str) -> None:
    assert match_dateline(paragraph) is None


_HEADISH = st.lists(
    st.sampled_from(
        ["KOMPAS.com", "kompas", "Tribunnews.com", "detikNews", "CNN", " Indonesia", "ANTARA", "Reuters", "VIVA",
         " ", "\u00a0", "\t", "\x1c", ",", " - ", " -- ", "—", "JAKARTA", "Jakarta", ".", "ſ", "\u212a", "\u0130",
         "co.id", "123", "Pemerintah", " akan", "The", " Star", "\u212aompas", "\u017fuara"]
    ),
    max_size=10,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_HEADISH)
@example("\u017fuara - Harga naik")
@example("KOMPAS.com - Harga naik")
def test_outlet_start_test_never_says_no_where_an_outlet_form_matches(head: str) -> None:
    from newsclean.metadata.dateline import _OUTLET_FORMS, _forms, _may_open_with_outlet

    forms = _forms()
    if any(name in _OUTLET_FORMS and pattern.match(head) for name, pattern in forms.anchored):
        assert _may_open_with_outlet(head, forms)
