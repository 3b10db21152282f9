"""``Cleaner`` arguments: validated with clear errors, and switching a rule off hands none of its
lines to another rule as metadata (issue #12). The seed page is the real medcom.id scrape and
its hand-made gold (fixtures/seed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsclean
from newsclean import ConfigError, Kind

SEED = Path(__file__).parent.parent / "fixtures" / "seed"
RAW = (SEED / "medcom-blinken-nato.txt").read_text(encoding="utf-8")
GOLD = json.loads((SEED / "medcom-blinken-nato.gold.json").read_text(encoding="utf-8"))
HTML = Path(__file__).parent.parent / "fixtures" / "html"


def test_a_string_where_rule_names_are_meant_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match=r"not a string: write disable=\{'captions'\}"):
        newsclean.Cleaner(disable="captions")
    with pytest.raises(ConfigError, match="rule names"):
        newsclean.Cleaner(disable=[3])  # type: ignore[list-item]
    with pytest.raises(ConfigError, match="max_chars"):
        newsclean.Cleaner(max_chars=0)


def test_phrases_take_one_file_one_dict_or_a_list_of_them(tmp_path: Path) -> None:
    line = "Dukung jurnalisme kami lewat donasi bulanan ke rekening redaksi"
    raw = RAW + "\n" + line
    assert line in newsclean.clean(raw).paragraphs, "no built-in phrase takes it"
    table = {"prompts": {"lines": [{"id": "donation", "pattern": r"Dukung\s+jurnalisme\s+kami.{0,80}"}]}}
    path = tmp_path / "mine.toml"
    path.write_text('[prompts]\nlines = [ { id = "donation", pattern = \'Dukung\\s+jurnalisme\\s+kami.{0,80}\' } ]\n',
                    encoding="utf-8")
    for phrases in (str(path), path, table, [path], [table, str(path)]):
        article = newsclean.Cleaner(phrases=phrases).clean(raw)
        assert line not in article.paragraphs, phrases
        assert ("prompts", "prompts:donation") in {(r.rule, r.reason) for r in article.removals}
    with pytest.raises(ConfigError, match="TOML file paths or dicts"):
        newsclean.Cleaner(phrases=[42])  # type: ignore[list-item]
    with pytest.raises(ConfigError):
        newsclean.Cleaner(phrases=42)  # type: ignore[arg-type]


@pytest.mark.parametrize("rule", ["captions", "related_links", "prompts", "credits", "duplicates", "layout"])
def test_switching_a_rule_off_keeps_its_lines_in_the_body_and_changes_no_metadata(rule: str) -> None:
    on = newsclean.clean(RAW)
    off = newsclean.Cleaner(disable={rule}).clean(RAW)
    assert (off.title, off.authors, off.timestamp, off.dateline) == (
        on.title, on.authors, on.timestamp, on.dateline)
    assert off.title == GOLD["title"]
    assert not off.removed_by(rule)
    went = {r.text.strip() for r in on.removed_by(rule) if r.kind is not Kind.METADATA}
    body = "\n".join(off.paragraphs)
    assert all(" ".join(text.split()) in body for text in went)
    assert newsclean.replay(RAW, off.removals) == off.paragraphs


def test_html_captions_hold_no_boilerplate_and_the_marked_headline_is_the_title() -> None:
    page = (HTML / "detik__htmldate-2023-health.html").read_bytes()
    article = newsclean.clean(page)
    assert article.captions and not any("ADVERTISEMENT" in c or "SCROLL TO" in c for c in article.captions)
    assert any(r.rule == "ads" and r.path == "figcaption" for r in article.removals)
    assert article.title not in article.captions


def test_a_screenshot_caption_never_takes_the_title_of_the_page() -> None:
    gold = {g["id"]: g for g in map(json.loads, (HTML / "gold.jsonl").read_text(encoding="utf-8").splitlines())}
    article = newsclean.clean((HTML / "tribunnews__htmldate-2020.html").read_bytes())
    assert article.title == gold["tribunnews__htmldate-2020"]["title"]
    assert article.title not in article.captions


_HEADLINE = "Volkswagen's Skoda Auto 2019 deliveries dip on weaker sales in China"
_HEADLINE_PAGE = (
    f"<html><head><meta property='og:title' content=\"{_HEADLINE}\"></head><body>"
    f"<div class='article-body'><h1>{_HEADLINE}</h1><p>1 Min Read</p>"
    "<p>PRAGUE (Reuters) - Deliveries of Volkswagen's Skoda Auto dropped slightly in 2019 to 1.24 "
    "million vehicles, mainly due to weaker sales in China, the company said on Monday.</p>"
    "<p>Skoda said deliveries in China dropped by 17.3% while shipping to other markets were up.</p>"
    "</div></body></html>"
)


def test_html_headline_is_a_rule_like_the_others() -> None:
    assert newsclean.RULE_NAMES[-1] == "html_headline"
    assert newsclean.Cleaner().rule_names[-1] == "html_headline"
    assert "html_headline" not in newsclean.Cleaner(disable={"html_headline"}).rule_names
    with pytest.raises(ConfigError, match="html_headline"):  # the error lists it among the rules
        newsclean.Cleaner(disable={"html_headlines"})


def test_switching_html_headline_off_keeps_the_marked_headline_in_the_body() -> None:
    on = newsclean.Cleaner().clean(_HEADLINE_PAGE)
    assert [r.text for r in on.removals if r.rule == "html_headline"] == [_HEADLINE]
    assert _HEADLINE not in on.paragraphs
    off = newsclean.Cleaner(disable={"html_headline"}).clean(_HEADLINE_PAGE)
    assert not any(r.rule == "html_headline" for r in off.removals)
    assert off.paragraphs[0] == _HEADLINE
    assert off.paragraphs[1:] == on.paragraphs, "nothing else changes"


def test_html_headline_never_acts_on_text() -> None:
    text = _HEADLINE + "\n\nPRAGUE (Reuters) - Deliveries of Skoda Auto dropped slightly in 2019, the company said."
    assert not any(r.rule == "html_headline" for r in newsclean.clean(text).removals)
    assert newsclean.clean(text) == newsclean.Cleaner(disable={"html_headline"}).clean(text)
