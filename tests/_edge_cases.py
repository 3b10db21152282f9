"""The inputs of issue #16, each with the outcome it must have: a correct Article or a
:class:`~newsclean.errors.NewscleanError`. Shared by ``tests/test_edge_cases.py`` (each case a
regression test, at a size CI can afford) and ``benchmarks/edge_cases.py`` (the table of time
and peak memory, at the issue's sizes). Every input is written here by hand."""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import newsclean
from newsclean import ConfigError, InputError

S1 = "Pemerintah daerah menyiapkan anggaran baru untuk memperbaiki jalan desa yang rusak."
S2 = "Warga berharap perbaikan selesai sebelum musim hujan tiba, kata kepala desa."
S3 = "Anggaran itu berasal dari dana provinsi dan pusat yang cair bulan ini."
BODY = f"<p>{S1}</p><p>{S2}</p><p>{S3}</p>"


def page(head: str = "", body: str = BODY) -> str:
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


@dataclass(frozen=True)
class Case:
    name: str
    what: str
    run: Callable[[int], Any]
    """Runs the case at a size (1: CI's; the benchmark passes the issue's); returns its outcome."""
    check: Callable[[Any], bool]
    """Whether the outcome is the contract's: a correct Article, or the right error."""
    size: int = 1
    """The issue's size, as a multiple of CI's."""


def _raises(error: type[Exception], call: Callable[[], Any]) -> Any:
    try:
        call()
    except error as exc:
        return exc
    return None


def _story_kept(article: Any) -> bool:
    return isinstance(article, newsclean.Article) and article.paragraphs == [S1, S2, S3]


def _binary_phrases(_: int) -> Any:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "phrases.toml")
        path.write_bytes(b"\xff\xfe\x00\x01binary\x00")
        return _raises(ConfigError, lambda: newsclean.Cleaner(phrases=[path]))


def _deep(n: int, open_tag: str) -> Any:
    sentences = [f"Kalimat nomor {i} dari berita panjang ini." for i in range(n)]
    return newsclean.clean("<html><body>" + "".join(open_tag + s for s in sentences) + "</body></html>"), n


def _all_sentences(outcome: Any) -> bool:
    article, n = outcome
    return article.text.count("Kalimat nomor") == n and any(r.rule == "html_fallback" for r in article.removals)


def _truncated(n: int) -> Any:
    raw = "\n".join(f"Paragraf nomor {i} dari berita yang panjang ini." for i in range(200 * n))
    article = newsclean.Cleaner(max_chars=len(raw) // 3).clean(raw)
    return article, newsclean.replay(raw, article)


def _pickled(_: int) -> Any:
    cleaner = newsclean.Cleaner(disable={"captions"})
    again = pickle.loads(pickle.dumps(cleaner))
    return again.rule_names == cleaner.rule_names and again.clean(page()) == cleaner.clean(page())


CASES: list[Case] = [
    Case("jsonld_nested", "JSON-LD nested 1,000 deep",
         lambda n: newsclean.clean(page('<script type="application/ld+json">' + "[" * 1000 + "</script>")),
         _story_kept),
    Case("url_ipv6", "a canonical URL 'http://[x'", lambda n: newsclean.clean(page('<link rel="canonical" href="http://[x">')),
         _story_kept),
    Case("url_template", "og:url 'http://[DOMAIN]/a'",
         lambda n: newsclean.clean(page('<meta property="og:url" content="http://[DOMAIN]/a">')), _story_kept),
    Case("charset_undefined", '<meta charset="undefined">',
         lambda n: newsclean.clean(page('<meta charset="undefined">').encode()), _story_kept),
    Case("charset_punycode", '<meta charset="punycode">',
         lambda n: newsclean.clean(page('<meta charset="punycode">').encode()), _story_kept),
    Case("url_int", "url=123", lambda n: _raises(InputError, lambda: newsclean.clean("x", url=123)),  # type: ignore[arg-type]
         lambda e: e is not None),
    Case("published_object", "published=object()",
         lambda n: _raises(InputError, lambda: newsclean.clean("x", published=object())),  # type: ignore[arg-type]
         lambda e: e is not None),
    Case("published_int", "published=123 (was 1970-01-01)",
         lambda n: _raises(InputError, lambda: newsclean.clean("x", published=123)),  # type: ignore[arg-type]
         lambda e: e is not None),
    Case("phrases_binary", "a binary phrases file", _binary_phrases, lambda e: e is not None),
    Case("url_surrogate", "url='http://a/\\ud800' serialises",
         lambda n: newsclean.clean(S1, url="http://a/\ud800").model_dump_json(),
         lambda j: "\\ufffd" in j or "\ufffd" in j),
    Case("site_surrogate", "site='\\udc80' serialises",
         lambda n: newsclean.clean(S1, site="\udc80").model_dump_json(), lambda j: '"site":"\ufffd"' in j),
    Case("utf16_declared_on_utf8", "a declared UTF-16 on UTF-8 bytes",
         lambda n: newsclean.clean(page('<meta charset="utf-16">', f"<p>Café {S1}</p><p>{S2}</p>").encode()),
         lambda a: a.paragraphs == [f"Café {S1}", S2]),
    Case("utf16le_without_bom", "ASCII UTF-16LE without a BOM", lambda n: newsclean.clean(page().encode("utf-16-le")),
         _story_kept),
    Case("utf16_with_bom", "UTF-16 with a BOM", lambda n: newsclean.clean(page().encode("utf-16")), _story_kept),
    Case("nul_in_html_bytes", "a NUL byte between two words",
         lambda n: newsclean.clean(page("", f"<p>Jakarta\x00Selasa {S1}</p><p>{S2}</p>").encode()),
         lambda a: a.paragraphs == [f"Jakarta Selasa {S1}", S2]),
    Case("commented_markup", "<!-- <p>…</p> --> in the article",
         lambda n: newsclean.clean(page("", BODY + "<!-- <p>Catatan redaksi yang tidak untuk dimuat.</p> -->")),
         _story_kept),
    Case("deep_blockquote", "3,000 unclosed <blockquote> sentences", lambda n: _deep(3000, "<blockquote>"),
         _all_sentences),
    Case("deep_font", "3,000 unclosed <p><font> sentences", lambda n: _deep(3000, "<p><font>"), _all_sentences),
    Case("deep_div", "'<div>' * 2100 then the story",
         lambda n: newsclean.clean("<html><body>" + "<div>" * 2100 + BODY + "</body></html>"), _story_kept),
    Case("many_attributes", "one element with 20,000 (issue: 100,000) attributes",
         lambda n: newsclean.clean("<html><body><div " + " ".join(f'a{i}="x"' for i in range(20_000 * n)) + ">"
                                   + BODY + "</div></body></html>"),
         lambda a: a.paragraphs == [S1, S2, S3], size=5),
    Case("many_br", "200,000 (issue: 1,000,000) <br> between two paragraphs",
         lambda n: newsclean.clean(f"<html><body><p>{S1}</p>" + "<br>" * (200_000 * n) + f"<p>{S2}</p></body></html>"),
         lambda a: a.paragraphs == [S1, S2], size=5),
    Case("many_removals", "20,000 (issue: 1,000,000) lines of '(abc)'",
         lambda n: newsclean.clean(S1 + "\n" + "\n".join(f"({chr(97 + i % 26)}{chr(97 + i // 26 % 26)}c)"
                                                         for i in range(20_000 * n))),
         lambda a: a.paragraphs == [S1], size=50),
    Case("many_digit_lines", "60,000 (issue: 3,000,000) lines of one digit",
         lambda n: newsclean.clean(S1 + "\n" + "\n".join(str(i % 10) for i in range(60_000 * n))),
         lambda a: a.paragraphs == [S1], size=50),
    Case("truncated_replay", "replay of an input cut at max_chars", _truncated,
         lambda out: out[0].truncated and out[0].truncated_at is not None and out[1] == out[0].paragraphs),
    Case("cleaner_pickles", "pickle a Cleaner", _pickled, lambda same: same is True),
]
