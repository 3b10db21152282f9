"""The DOM front end: turn an HTML page into the text the cleaning pipeline reads.

>>> from newsclean.html import parse_html
>>> page = parse_html("<html><body><article><h1>Judul berita</h1>"
...                   "<p>JAKARTA - Isi berita yang cukup panjang di sini.</p></article></body></html>")
>>> page.text
'Judul berita\\nJAKARTA - Isi berita yang cukup panjang di sini.'
>>> page.decisions[0].reason
'chosen:article'
"""

from __future__ import annotations

from newsclean.html.decode import decode_html, looks_like_html
from newsclean.html.model import HtmlDecision, HtmlPage, PageMeta
from newsclean.html.page import parse_html

__all__ = ["HtmlDecision", "HtmlPage", "PageMeta", "decode_html", "looks_like_html", "parse_html"]
