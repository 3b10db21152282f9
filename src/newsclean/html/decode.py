"""Recognising and decoding HTML input: :func:`looks_like_html` and :func:`decode_html`."""

from __future__ import annotations

import codecs

from newsclean.errors import InputError
from newsclean.html._data import DOC_MARKER_RE, META_CHARSET_RE, TAG_RE, WESTERN_SINGLE_BYTE

_SNIFF_CHARS = 2048
_DECLARATION_BYTES = 4096
_MAX_NULS = 8  # more NUL bytes than this in the first 4 KB (and no BOM): binary, not a page
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def looks_like_html(text: str) -> bool:
    """Say whether ``text`` is an HTML page or fragment rather than plain scraped text.

    Only the first 2 KB are read. A doctype, ``<html``, ``<head`` or ``<body`` is enough;
    otherwise at least four known tags are needed, or two when the text starts with ``<``,
    so plain text with a stray ``<b>`` is not taken for HTML.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("JAKARTA - Harga <b>naik</b> lagi hari ini.")
    False
    >>> looks_like_html("<p>Satu</p>")
    True
    """
    head = text[:_SNIFF_CHARS]
    if "<" not in head:
        return False  # every marker and tag opens with one (most scraped text has none)
    if DOC_MARKER_RE.search(head):
        return True
    tags = 0
    for _ in TAG_RE.finditer(head):
        tags += 1
        if tags >= 4:
            return True
    return tags >= 2 and head.lstrip().startswith("<")


def _codec(label: str) -> str | None:
    """The text codec a page's declared charset names, or None (unknown, or not a text
    encoding: ``undefined``, ``punycode``, ``rot13``). A declared UTF-16 or UTF-32 in a byte
    stream without a byte-order mark means UTF-8, as browsers read it (WHATWG)."""
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_CODECS:
        return None
    return "utf-8" if info.name.startswith(("utf-16", "utf-32")) else info.name


_NOT_PAGE_CODECS = frozenset({"undefined", "punycode", "idna", "raw-unicode-escape", "unicode-escape", "rot-13"})


def wide_encoding(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` for UTF-16 without a byte-order mark, told by its NUL
    bytes: every other byte of ASCII markup is NUL (``<\x00h\x00t\x00``), and which half
    holds them says the byte order; else None."""
    head = data[:512]
    if len(head) < 16:
        return None
    half = len(head) // 2
    if head[1::2].count(0) > 0.9 * half:
        return "utf-16-le"
    if head[0::2].count(0) > 0.9 * half:
        return "utf-16-be"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    encoding = wide_encoding(data)
    return data.decode(encoding, "replace") if encoding else None


def _declared_charset(data: bytes) -> str | None:
    match = META_CHARSET_RE.search(data[:_DECLARATION_BYTES])
    return _codec(match.group(1).decode("ascii", "replace")) if match else None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeError, LookupError):
        return None


def decode_html(data: bytes) -> str:
    """Decode the bytes of a page to text.

    The rule, in order:

    1. A byte-order mark wins (UTF-8, UTF-16, UTF-32); bad bytes after it become U+FFFD.
    2. More than 8 NUL bytes in the first 4 KB without a BOM mean binary data:
       :class:`InputError` (a stray NUL in a scraped page is tolerated and dropped later).
    3. A ``<meta charset>`` or ``http-equiv`` content type in the first 4 KB is used, except
       that a declared Western single-byte charset (ISO-8859-1, ASCII, windows-1252) is
       overridden by UTF-8 when the bytes are valid UTF-8 (mislabelled pages are common),
       and is otherwise read as windows-1252, as browsers do. A declaration the bytes do not
       fit is ignored.
    4. Undeclared: UTF-8, else windows-1252, else Latin-1 (which reads any byte).

    >>> decode_html("café".encode("utf-8"))
    'café'
    >>> decode_html(b'<meta charset="iso-8859-1"><p>caf\\xe9</p>')
    '<meta charset="iso-8859-1"><p>café</p>'
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise InputError(f"decode_html expects bytes, got {type(data).__name__}")
    data = bytes(data)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, "replace")
    if data[:_DECLARATION_BYTES].count(b"\x00") > _MAX_NULS:
        wide = _utf16_without_bom(data)
        if wide is not None:
            return wide
        raise InputError("the bytes look binary (NUL bytes without a UTF-16/32 byte-order mark)")
    declared = _declared_charset(data)
    if declared is not None:
        if declared in WESTERN_SINGLE_BYTE or declared.replace("_", "-") in WESTERN_SINGLE_BYTE:
            text = _try(data, "utf-8") or _try(data, "cp1252")
            return text if text is not None else data.decode("latin-1")
        text = _try(data, declared)
        if text is not None:
            return text
    for encoding in ("utf-8", "cp1252"):
        text = _try(data, encoding)
        if text is not None:
            return text
    return data.decode("latin-1")
