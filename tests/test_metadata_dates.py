"""find_timestamp / parse_datetime against real header lines (fixtures/headers/headers.json)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsclean.metadata.dates import DateMatch, find_timestamp, parse_datetime

HEADERS = Path(__file__).resolve().parent.parent / "fixtures" / "headers" / "headers.json"
WIB = dt.timezone(dt.timedelta(hours=7))


def rows(kind: str) -> list[Any]:
    data = json.loads(HEADERS.read_text(encoding="utf-8"))
    return [pytest.param(r, id=f"{r['source']}") for r in data if r["kind"] == kind]


def tz_of(text: str | None) -> dt.tzinfo | None:
    if text is None:
        return None
    sign = -1 if text[0] == "-" else 1
    return dt.timezone(sign * dt.timedelta(hours=int(text[1:3]), minutes=int(text[4:6])))


def iso(value: dt.datetime | dt.date) -> str:
    return value.isoformat()


@pytest.mark.parametrize("row", rows("date"))
def test_corpus_date_line(row: dict[str, Any]) -> None:
    found = find_timestamp(row["input"], default_tz=tz_of(row["default_tz"]))
    if row["expected"] is None:
        assert found is None
        return
    assert found is not None
    assert iso(found.value) == row["expected"]["value"]
    assert found.updated is row["expected"]["updated"]
    assert 0 <= found.start < found.end <= len(row["input"])


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Senin, 21 Januari 2019 / 22:05 WIB", "2019-01-21T22:05:00+07:00"),
        ("27 Januari 2022 12:06", "2022-01-27T12:06:00+07:00"),
        ("Jum'at, 17 Februari 2017 - 13:30 wib", "2017-02-17T13:30:00+07:00"),
        ("Jum’at, 17 Februari 2017 - 13:30 WITA", "2017-02-17T13:30:00+08:00"),
        ("Minggu, 3 Mei 2020 08:00 WIT", "2020-05-03T08:00:00+09:00"),
        ("on 16 Feb 2016 at 09:20 WIB", "2016-02-16T09:20:00+07:00"),
        ("16/02/2016 09:20", "2016-02-16T09:20:00+07:00"),
        ("2019-01-21 22:05", "2019-01-21T22:05:00+07:00"),
        ("Kamis, 5 November 2015 pukul 14.30 WIB", "2015-11-05T14:30:00+07:00"),
        ("Kamis, 5 November 2015 14:56 WIB", "2015-11-05T14:56:00+07:00"),
        ("Jan. 5, 2023 3:04 PM EST", "2023-01-05T15:04:00-05:00"),
        ("Tuesday, May 16, 2023 2:34 AM GMT+7", "2023-05-16T02:34:00+07:00"),
        ("Published: 2019-01-21T22:05:00+07:00", "2019-01-21T22:05:00+07:00"),
        ("Published: Jan. 5, 2023 12:04 AM ET", "2023-01-05T00:04:00-05:00"),
        ("Rabu, 7 Agt 2019 10:00 WIB", "2019-08-07T10:00:00+07:00"),
        ("Rabu, 7 Agu 2019", "2019-08-07"),
        ("Sabtu, 2 Nop 2019 12:00", "2019-11-02T12:00:00+07:00"),
        ("Selasa, 31 Des 2019 23:59 WIB", "2019-12-31T23:59:00+07:00"),
        ("Jumat, 4 Okt 2019 07:00 WIB", "2019-10-04T07:00:00+07:00"),
        ("Isnin, 29 Ogos 2022 10:30 MYT", "2022-08-29T10:30:00+08:00"),
        ("Ahad, 1 Mac 2020", "2020-03-01"),
        ("2023-11-02T21:34:00.000Z", "2023-11-02T21:34:00+00:00"),
        ("Diperbarui 21 Jan 2019, 23:00 WIB", "2019-01-21T23:00:00+07:00"),
        # the languages of the pages read beside them: the day's dot, "de" between the parts
        ("Donnerstag, 14. März 2022, 10:15 Uhr", "2022-03-14T10:15:00+07:00"),
        ("6. November 2023", "2023-11-06"),
        ("7. Jänner 2022", "2022-01-07"),
        ("1er mars 2020", "2020-03-01"),
        ("mardi 3 décembre 2019 à 18:30", "2019-12-03T18:30:00+07:00"),
        ("sábado, 4 de mayo de 2019 15:30", "2019-05-04T15:30:00+07:00"),
        ("12 de setembro del 2021", "2021-09-12"),
        ("giovedì 5 maggio 2022", "2022-05-05"),
        ("12 października 2021, 08:40", "2021-10-12T08:40:00+07:00"),
        ("woensdag 3 maart 2021", "2021-03-03"),
    ],
)
def test_forms(line: str, expected: str) -> None:
    found = find_timestamp(line, default_tz=WIB)
    assert found is not None
    assert iso(found.value) == expected


def test_no_zone_and_no_default_is_naive() -> None:
    found = find_timestamp("27 Januari 2022 12:06", default_tz=None)
    assert found is not None and found.value == dt.datetime(2022, 1, 27, 12, 6)


def test_offsets_cover_the_expression() -> None:
    line = "Fajar Nugraha • 27 Januari 2022 12:06"
    found = find_timestamp(line, default_tz=WIB)
    assert found == DateMatch(dt.datetime(2022, 1, 27, 12, 6, tzinfo=WIB), 16, len(line), False)


def test_update_marker() -> None:
    found = find_timestamp("Diperbarui: Senin, 21 Januari 2019 23:00 WIB", default_tz=WIB)
    assert found is not None and found.updated
    line = "Published 21 Jan 2019 10:00 WIB | Updated 21 Jan 2019 12:00 WIB"
    first = find_timestamp(line, default_tz=WIB)
    assert first is not None and not first.updated and first.value.hour == 10
    line = "Updated 21 Jan 2019 12:00 WIB | Published 21 Jan 2019 10:00 WIB"
    second = find_timestamp(line, default_tz=WIB)
    assert second is not None and not second.updated and second.value.hour == 10


@pytest.mark.parametrize(
    "line",
    [
        "kata dia, Senin (7/1/2019).",
        "(22/1/2019)",
        "Hal itu disampaikan Menteri dalam rapat kerja di Jakarta, Kamis 27 Januari 2022, siang.",
        "14:56 WIB",
        "pukul 14.30",
        "Pemilu 2019",
        "November 2023: 23,0 persen",
        "32 Januari 2019 10:00",
        "31/02/2019",
        "Senin, 21 Januari 2019 25:61 WIB",
        "13/13/2019",
        "Jan. 5, 2023 13:04 PM EST",
        "x" * 190 + " 21 Januari 2019",
        "",
        "tanpa angka sama sekali",
        "Am 14. März 2022 sagte die Ministerin in Berlin, dass die Preise weiter steigen werden.",
        "El 4 de mayo de 2019 el gobierno anunció nuevas medidas para los trabajadores.",
    ],
)
def test_not_a_timestamp(line: str) -> None:
    assert find_timestamp(line, default_tz=WIB) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-11-05T14:56:00+07:00", "2015-11-05T14:56:00+07:00"),
        ("2015-11-05 14:56:00", "2015-11-05T14:56:00+07:00"),
        ("2023-11-02T21:34:00.000Z", "2023-11-02T21:34:00+00:00"),
        ("2015-11-05", "2015-11-05"),
        ("Thu, 05 Nov 2015 14:56:00 +0700", "2015-11-05T14:56:00+07:00"),
        ("Kamis, 5 November 2015 14:56 WIB", "2015-11-05T14:56:00+07:00"),
    ],
)
def test_parse_datetime(value: str, expected: str) -> None:
    parsed = parse_datetime(value, default_tz=WIB)
    assert parsed is not None and iso(parsed) == expected


@pytest.mark.parametrize("value", ["", "garbage", "2015-13-45", "2015-02-30T10:00", "Thu, 99 Foo 2015"])
def test_parse_datetime_garbage(value: str) -> None:
    assert parse_datetime(value, default_tz=WIB) is None


_DATEISH = [
    "Senin", "Jum'at", "Kamis,", "21", "5", "Januari", "Agt", "Nop.", "May", "16,", "2019", "2023", "1998",
    "22:05", "13.30", "WIB", "wita", "GMT+7", "/", "-", "—", "pukul", "at", "PM", "2019-01-21", "16/02/2016",
    "(7/1/2019)", "13-18", "Des", "kata", "dia", "Jakarta", "readApril", "20232:26", "x", ",", "·", "Updated",
    "14.", "März", "de", "del", "1er", "października", "Donnerstag,", "poniedziałek",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_DATEISH), max_size=14).map(" ".join), st.sampled_from(["", " ", "  "]))
def test_the_year_prefilter_finds_what_the_full_search_finds(text: str, pad: str) -> None:
    """find_timestamp starts its search near the first year: the same answer as searching the
    whole line (the prefilter only skips where no date can start)."""
    from newsclean.metadata import dates

    text = pad.join(text.split(" ")) if pad else text
    tz = dt.timezone(dt.timedelta(hours=7))
    full = dates._find_timestamp(text, tz, 0) if len(text) <= dates.MAX_LINE else None
    assert dates.find_timestamp(text, default_tz=tz) == full


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from([*_DATEISH, "Minggu,", "Jum'at,", "Wednesday.", "Thursday,", "Desember", "10,", ""]),
        max_size=14,
    ).map(" ".join),
    st.sampled_from(["", " ", "  ", ",", " , ,"]),
)
@example("Wednesday'at.,,,,10 Desember 2022", "")
@example("poniedziałek'at.,,,,10. października 2022", "")  # the longest weekday part: 20 characters
@example("Wednesday,    10/12/2022 13:19 WIB", " ")
def test_the_core_first_search_finds_what_the_date_pattern_finds(text: str, pad: str) -> None:
    """The date pattern is searched for from just before the first core (day, month, year):
    the same match, groups included, from every starting position."""
    from newsclean.metadata import dates

    text = pad.join(text.split(" ")) if pad else text
    patterns = dates._patterns()
    for pos in range(len(text) + 1):
        fast = dates._date_search(patterns, text, pos)
        slow = patterns.date.search(text, pos)
        assert (fast and (fast.span(), fast.groupdict())) == (slow and (slow.span(), slow.groupdict())), pos


_HINTISH = st.lists(
    st.sampled_from(["WIB", "wita", "Senin", "KAMIS", "Jum'at", "minggu", "12", " ", "\n", "Maret", "juli", "2019",
                     "AGUSTUS", "ſenin", "\u212aamis", "W\u0130B", "w\u0131t", "“", "x", "with", "5 ",
                     " 2020", "JUNI", "_"]),
    max_size=20,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_HINTISH)
@example("dibuka 5 Maret 2019 lalu")
@example("Jakarta, 17 AGUSTUS 2020")
@example("x12 \n JUNI  2020")
@example("with a witness")
@example("pukul 10.00 WIB.")
def test_zone_hint_word_test_answers_as_the_two_searches(text: str) -> None:
    """``zone_hint`` tests for its words before its two ignore-case searches; it answers what
    the searches alone answer, the letters ``re`` folds to ASCII (ſ, K, İ, ı) included."""
    from newsclean.metadata.dates import _ID_DATE, _ID_WORD, zone_hint

    searched = _ID_WORD.search(text) is not None or _ID_DATE.search(text) is not None
    assert (zone_hint(text) is not None) == searched
