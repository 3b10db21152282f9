"""``newsclean clean``: text, JSON and explain output, stdin, pass-through options, errors.

Fixtures in tests/data are synthetic (see tests/data/README.md).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean import Article, Kind, Removal
from newsclean.cli import format_article, format_removals, main, shorten

DATA = Path(__file__).parent / "data"
PAGE = DATA / "page.txt"

LONG = "Baca juga: " + "Cuaca ekstrem diprediksi melanda Jakarta sepekan ke depan, kata BMKG " * 3
FAKE_REMOVALS = [
    Removal(text=LONG, rule="related_links", reason="related_link:baca juga", start=0, end=len(LONG), line=2),
    Removal(text="ADVERTISEMENT", rule="ads", reason="ad:advertisement", start=0, end=13, line=4),
    Removal(
        text="Kompas.com", rule="header", reason="outlet_tag", kind=Kind.METADATA, start=0, end=10, line=1
    ),
]


def run_module(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsclean", *args], input=stdin, capture_output=True, timeout=60, check=False
    )


def test_clean_prints_the_paragraphs_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(PAGE)]) == 0
    out = capsys.readouterr().out
    article = newsclean.clean(PAGE.read_bytes())
    assert out == format_article(article) + "\n"
    for paragraph in article.paragraphs:
        assert paragraph in out


def test_format_article_puts_title_and_header_before_the_paragraphs() -> None:
    article = Article(
        title="Banjir Rendam Jakarta",
        authors=["Ani", "Budi"],
        timestamp=dt.datetime(2024, 1, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7))),
        dateline="JAKARTA",
        paragraphs=["Satu.", "Dua."],
    )
    assert format_article(article) == (
        "Banjir Rendam Jakarta\nBy Ani, Budi · 2024-01-01T09:30:00+07:00 · JAKARTA\n\nSatu.\n\nDua."
    )
    assert format_article(Article(paragraphs=["Hanya isi."])) == "Hanya isi."
    assert format_article(Article(empty_reason="empty_input")) == "(no article text: empty_input)"


def test_json_round_trips_through_the_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(PAGE), "--json"]) == 0
    article = Article.model_validate_json(capsys.readouterr().out)
    assert article == newsclean.clean(PAGE.read_bytes())
    assert article.paragraphs


def test_explain_lists_rule_reason_and_shortened_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        newsclean, "clean", lambda raw, **kw: Article(paragraphs=["x"], removals=FAKE_REMOVALS)
    )
    assert main(["clean", str(PAGE), "--explain"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("related_links  related_link:baca juga  'Baca juga: Cuaca")
    assert lines[0].endswith("…'")
    assert len(lines[0]) < 140, "the removed text is shortened"
    assert lines[1].split() == ["ads", "ad:advertisement", "'ADVERTISEMENT'"]
    assert lines[2].split()[:2] == ["header", "outlet_tag"]


def test_explain_with_the_real_pipeline_names_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(PAGE), "--explain"]) == 0
    out = capsys.readouterr().out
    removals = newsclean.clean(PAGE.read_bytes()).removals
    if not removals:
        assert out == "nothing removed\n"
    for removal in removals:
        assert removal.rule in out and removal.reason in out


def test_format_removals_without_removals() -> None:
    assert format_removals(Article(paragraphs=["x"])) == "nothing removed"


def test_shorten_keeps_short_text_and_flattens_whitespace() -> None:
    assert shorten("a\n  b") == "a b"
    assert shorten("x" * 100, width=10) == "x" * 9 + "…"


def test_url_and_site_are_passed_to_clean(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: dict[str, Any] = {}

    def fake(raw: str | bytes, **kwargs: Any) -> Article:
        seen.update(kwargs, raw=raw)
        return Article(paragraphs=["x"])

    monkeypatch.setattr(newsclean, "clean", fake)
    assert main(["clean", str(PAGE), "--url", "https://example.com/a", "--site", "kompas.com"]) == 0
    assert seen == {"raw": PAGE.read_bytes(), "url": "https://example.com/a", "site": "kompas.com"}


def test_reads_stdin_through_python_dash_m() -> None:
    raw = PAGE.read_bytes()
    done = run_module("clean", "-", "--json", stdin=raw)
    assert done.returncode == 0, done.stderr
    assert Article.model_validate_json(done.stdout) == newsclean.clean(raw)


def test_missing_file_is_an_error_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(DATA / "no-such-page.txt")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsclean: error:") and "no-such-page.txt" in err


def test_bad_usage_exits_2() -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["clean", str(PAGE), "--json", "--explain"])
    assert exit_info.value.code == 2
