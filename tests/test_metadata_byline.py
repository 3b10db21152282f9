"""parse_byline / is_byline_label against real credit lines (fixtures/headers/headers.json)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from newsclean.metadata.byline import Byline, author_name, is_byline_label, looks_like_name, parse_byline

HEADERS = Path(__file__).resolve().parent.parent / "fixtures" / "headers" / "headers.json"
WIB = dt.timezone(dt.timedelta(hours=7))


def rows(kind: str) -> list[Any]:
    data = json.loads(HEADERS.read_text(encoding="utf-8"))
    return [pytest.param(r, id=r["source"]) for r in data if r["kind"] == kind]


def as_dict(byline: Byline | None) -> dict[str, Any] | None:
    if byline is None:
        return None
    stamp = byline.timestamp
    return {
        "authors": list(byline.authors),
        "editors": list(byline.editors),
        "timestamp": stamp.value.isoformat() if stamp else None,
    }


@pytest.mark.parametrize("row", rows("byline"))
def test_corpus_byline(row: dict[str, Any]) -> None:
    tz = WIB if row["default_tz"] == "+07:00" else None
    assert as_dict(parse_byline(row["input"], default_tz=tz)) == row["expected"]


@pytest.mark.parametrize("row", rows("label"))
def test_corpus_label_then_name(row: dict[str, Any]) -> None:
    role = is_byline_label(row["input"])
    assert role == row["expected"]
    if "next" in row:
        assert as_dict(parse_byline(f"{role}: {row['next']}", default_tz=WIB)) == row["next_expected"]


@pytest.mark.parametrize(
    ("line", "authors", "editors"),
    [
        ("Fajar Nugraha • 27 Januari 2022 12:06", ["Fajar Nugraha"], []),
        ("Vania Ika Aldida | Jum'at, 17 Februari 2017 - 13:30 wib", ["Vania Ika Aldida"], []),
        ("Penulis: Glery Lazuardi", ["Glery Lazuardi"], []),
        ("Reporter: Dewi Kania | Editor: Yudha Pratama", ["Dewi Kania"], ["Yudha Pratama"]),
        ("Pewarta: Nur Imansyah", ["Nur Imansyah"], []),
        ("Penyunting: Budi Santoso", [], ["Budi Santoso"]),
        ("Redaktur: Agus Yulianto", [], ["Agus Yulianto"]),
        ("Red: Yudha Manggala P Putra", [], ["Yudha Manggala P Putra"]),
        ("Oleh Budi Santoso", ["Budi Santoso"], []),
        ("Oleh: Budi Santoso", ["Budi Santoso"], []),
        ("By John Smith and Jane Doe", ["John Smith", "Jane Doe"], []),
        ("By Colin Packham, Reuters", ["Colin Packham"], []),
        ("By Colin Packham, AP", ["Colin Packham"], []),
        ("Laporan Wartawan Tribunnews.com, Glery Lazuardi", ["Glery Lazuardi"], []),
        ("Reporter: Pipit Ika Ramadhani/Merdeka.com", ["Pipit Ika Ramadhani"], []),
        ("(Penulis: Ardito Ramadhan | Editor: Sabrina Asril)", ["Ardito Ramadhan"], ["Sabrina Asril"]),
        ("Penulis: Ayu Lestari, Bima Putra dan Citra Dewi", ["Ayu Lestari", "Bima Putra", "Citra Dewi"], []),
        ("Pewarta: Aprillio Abdullah AkbarEditor: D.Dj. Kliwantoro\t\t\t\tCOPYRIGHT © ANTARA 2023",
         ["Aprillio Abdullah Akbar"], ["D.Dj. Kliwantoro"]),
        ("Mulia Budi - detikNews", ["Mulia Budi"], []),
        ("Penulis: Habib Syech bin Abdul Qodir", ["Habib Syech bin Abdul Qodir"], []),
        # the same grammar on the pages of other languages
        ("Von Julia Schmidt", ["Julia Schmidt"], []),
        ("Von: Klaus Meier", ["Klaus Meier"], []),
        ("Par Marie Dupont", ["Marie Dupont"], []),
        ("Por Ana García", ["Ana García"], []),
        ("Autorin: Lena Vogel", ["Lena Vogel"], []),
        ("Texto: João Silva", ["João Silva"], []),
        ("Geschrieben von Peter Braun", ["Peter Braun"], []),
    ],
)
def test_shapes(line: str, authors: list[str], editors: list[str]) -> None:
    byline = parse_byline(line, default_tz=WIB)
    assert byline is not None
    assert (list(byline.authors), list(byline.editors)) == (authors, editors)


def test_glued_credit_start() -> None:
    line = "Tema debat merujuk pada RPJPN.Pewarta: Aprillio Abdullah AkbarEditor: D.Dj. Kliwantoro"
    byline = parse_byline(line, default_tz=None)
    assert byline is not None and line[byline.start :].startswith("Pewarta:")


def test_outlet_and_time_only() -> None:
    byline = parse_byline("Kompas.com - 21/01/2019, 22:05 WIB", default_tz=WIB)
    assert byline is not None and not byline.authors
    assert byline.timestamp is not None
    assert byline.timestamp.value == dt.datetime(2019, 1, 21, 22, 5, tzinfo=WIB)


def test_newsroom_credit_has_no_author() -> None:
    assert parse_byline("Tim Redaksi", default_tz=None) == Byline((), (), None)


@pytest.mark.parametrize(
    "line",
    [
        "Oleh karena itu, KPU memberikan tanggung jawab kepada peserta Pemilu.",
        "By Reuters",
        "Reuters",
        "Sumber: Reuters",
        "Editor:",
        "Oleh :",
        "Penulis: Tim Redaksi",
        "Penulis: www.example.com",
        "Reporter: 12345",
        "Baca juga: Prabowo ajak rakyat tak golput",
        "Kamis, 5 November 2015 14:56 WIB",
        "Jakarta, kota terbesar di Indonesia, kembali banjir",
        "Presiden Joko Widodo mengatakan hal itu kepada wartawan di Istana, Senin (7/1/2019).",
        "",
        "Von der Leyen sagte am Montag in Brüssel",
        "Von Berlin nach Paris",
        "Par ailleurs, le gouvernement a annoncé",
        "Por eso",
    ],
)
def test_not_a_byline(line: str) -> None:
    byline = parse_byline(line, default_tz=WIB)
    assert byline is None or not (byline.authors or byline.editors)


@pytest.mark.parametrize(
    ("line", "role"),
    [("Penulis", "author"), ("Editor :", "editor"), ("Pewarta", "author"), ("Penyunting:", "editor"),
     ("Oleh :", "author"), ("Redaktur", "editor"), ("Penulis Australia", None), ("Berita", None), ("", None)],
)
def test_is_byline_label(line: str, role: str | None) -> None:
    assert is_byline_label(line) == role


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Budi Santoso", True), ("D.Dj. Kliwantoro", True), ("Agus S", True), ("DINI TEJA", True),
     ("budi santoso", False), ("Satu Dua Tiga Empat Lima Enam", False), ("Reuters", False),
     ("Budi 2023", False), ("Tim Redaksi", False), ("CNN Indonesia", False), ("ini adalah kalimat", False)],
)
def test_looks_like_name(text: str, expected: bool) -> None:
    assert looks_like_name(text) is expected


# An author slot's value as pages print it (meta author, JSON-LD, a byline element):
# written by hand in the shapes of the trafilatura evaluation pages' author metadata.
@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("Written by: Jane Doe", "Jane Doe"),
        ("ByAlex Carter", "Alex Carter"),  # the label glued to the name
        ("Veröffentlicht vonChris Jung", "Chris Jung"),
        ("von Mark Becker", "Mark Becker"),
        ("Eine Analyse von Caspar Weber", "Caspar Weber"),
        ("Publicado por Ana García", "Ana García"),
        ("Julia Hitz (eg)", "Julia Hitz"),  # the desk's initials after the name
        ("Oleh: Nur Imansyah", "Nur Imansyah"),
        ("Byron Smith", "Byron Smith"),  # a name that opens with a label's letters
        ("孔德明", "孔德明"),  # a script without case
        ("Publicado", None),  # a date's label where the name should be
        ("Erscheinungsdatum", None),
        ("Donnerstag", None),  # a weekday
        ("Article by", None),  # the label alone
        ("Redacción", None),  # the newsroom
        ("Super User", None),  # the site's account
        ("wordpressadmin", None),  # a handle
        ("Name *", None),  # a comment form's field
        ("Please enter your name here", None),
    ],
)
def test_author_slot_value(value: str, name: str | None) -> None:
    assert author_name(value) == name


# A page's text glues an inline label to the linked name after it (<span>By</span><a>…</a>);
# a word that only opens with a label's letters stays a word.
@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("ByAlex Carter", ("Alex Carter",)),
        ("PorRodolfo Costa", ("Rodolfo Costa",)),
        ("OlehBudi Santoso", ("Budi Santoso",)),
        ("ByteDance Ltd", None),
        ("Byron Smith", None),
        ("Bystander effect is real", None),
    ],
)
def test_label_glued_to_the_name(line: str, authors: tuple[str, ...] | None) -> None:
    found = parse_byline(line, default_tz=None)
    assert (found.authors if found is not None else None) == authors
