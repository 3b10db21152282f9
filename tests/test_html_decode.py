"""Decoding bytes and recognising HTML."""

from __future__ import annotations

import codecs

import pytest

from newsclean.errors import InputError
from newsclean.html import decode_html, looks_like_html, parse_html


def test_utf8_bom_wins_over_declaration() -> None:
    data = codecs.BOM_UTF8 + '<meta charset="iso-8859-1"><p>Café</p>'.encode()
    assert decode_html(data) == '<meta charset="iso-8859-1"><p>Café</p>'


def test_utf16_bom() -> None:
    data = codecs.BOM_UTF16_LE + "<p>Berita é</p>".encode("utf-16-le")
    assert decode_html(data) == "<p>Berita é</p>"


def test_meta_charset_latin1() -> None:
    data = b'<html><head><meta charset="iso-8859-1"></head><body><p>caf\xe9</p></body></html>'
    assert "café" in decode_html(data)


def test_http_equiv_windows_1252_quotes() -> None:
    data = b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>\x93kutip\x94</p>'
    assert "\u201ckutip\u201d" in decode_html(data)


def test_mislabelled_utf8_declared_latin1() -> None:
    data = '<meta charset="iso-8859-1"><p>Anwar’s café</p>'.encode()
    assert "Anwar’s café" in decode_html(data)


def test_declared_other_charset() -> None:
    data = '<meta charset="koi8-r"><p>Привет</p>'.encode("koi8-r")
    assert "Привет" in decode_html(data)


def test_wrong_declared_charset_falls_back() -> None:
    data = b'<meta charset="utf-8"><p>caf\xe9 au lait</p>'
    assert "café au lait" in decode_html(data)


def test_undeclared_utf8_then_cp1252() -> None:
    assert decode_html("<p>naïve</p>".encode()) == "<p>naïve</p>"
    assert decode_html(b"<p>na\xefve</p>") == "<p>naïve</p>"


def test_binary_raises_input_error() -> None:
    with pytest.raises(InputError):
        decode_html(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x00\x00\x00\x01\x00")


def test_stray_nul_byte_tolerated() -> None:
    assert decode_html(b"<p>a\x00b</p>") == "<p>a\x00b</p>"


def test_wrong_type_raises_input_error() -> None:
    with pytest.raises(InputError):
        decode_html("text")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        parse_html(42)  # type: ignore[arg-type]


def test_parse_html_accepts_bytes_with_wrong_charset() -> None:
    data = (
        b'<html><head><meta charset="utf-8"></head><body><article>'
        b"<p>Harga caf\xe9 naik lagi di Jakarta hari ini.</p></article></body></html>"
    )
    assert "café" in parse_html(data).text


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body><p>x</p></body></html>",
        "<html lang='id'><head><title>t</title></head></html>",
        "<div><p>Satu</p><p>Dua</p></div>",
        "<p>hi</p>",
        "  \n<body>\n<p>x</p>",
    ],
)
def test_looks_like_html_true(text: str) -> None:
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "JAKARTA, KOMPAS.com - Harga <b>naik</b> lagi.\nBaca juga: Harga turun",
        "Plain text only, no tags at all.",
        "a < b and c > d in maths",
        "",
    ],
)
def test_looks_like_html_false(text: str) -> None:
    assert not looks_like_html(text)
