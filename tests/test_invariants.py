"""Invariants of every cleaning, as property tests on generated text and on every document of
the shared corpus: nothing invented, nothing silently lost, the trace replays, the output is
deterministic (across calls and processes) and, where it can be, idempotent.

Hypothesis runs derandomized with a modest number of examples so CI stays fast;
``NEWSCLEAN_FUZZ_EXAMPLES=N`` raises it. Inputs that once broke newsclean live in
``tests/regressions/`` and are replayed here.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import newsclean
from _textgen import (
    FUZZ_EXAMPLES,
    REGRESSIONS,
    ROOT,
    SECONDS_PER_MB,
    SHARED,
    corpus_docs,
    is_text_input,
    news_text,
    time_budget,
    violations,
)

PROFILE = settings(
    max_examples=FUZZ_EXAMPLES or 150,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

DOCS = corpus_docs()
needs_corpus = pytest.mark.skipif(not DOCS, reason=f"the shared corpus is absent ({SHARED / 'corpus'})")


@functools.cache
def cleaned(doc_id: str) -> tuple[str, newsclean.Article]:
    raw = dict(DOCS)[doc_id]
    return raw, newsclean.clean(raw)


# ---------------------------------------------------------------- generated text


@PROFILE
@given(news_text())
def test_generated_text_keeps_every_invariant(raw: str) -> None:
    article = newsclean.clean(raw)
    if is_text_input(raw):
        assert violations(raw, article) == []


GENERATED_REFIRING = {
    # (rule, reason) -> why it may fire again on generated text cleaned once. Generated text is
    # junk lines, labels and credits shuffled at random; on it (about 5% of 4,000 random
    # examples) these position-reading rules fire again once the first pass removed what
    # stood above or below a line. Every corpus document is idempotent (see below); a rule
    # not listed here firing again fails the test.
    ("header", "caption:above_dateline"): "lines above a dateline that became the first paragraph",
    ("header", "header:above_dateline"): "lines above a dateline that became the first paragraph",
    ("header", "title"): "a line that became the first once the junk above it went",
    ("header", "byline"): "a byline that became part of the header once the junk above it went",
    ("header", "header:deck"): "a line under a new title",
    ("header", "timestamp"): "a date line that became part of the header once the lines above it went",
    ("dateline", "dateline"): "a dateline under lines the first pass removed",
    ("credits", "credit:byline"): "a credit line that became the last once the lines after it went",
    ("credits", "credit:syndication"): "a credit line that became the last once the lines after it went",
    ("related_links", "related_link:trailing_headline"): "a headline-shaped line that became the last",
    ("captions", "caption:repeated"): "a repeated line whose twin the first pass cut as a duplicate",
    ("captions", "caption:repeated_above_story"): "a repeated line whose twin the first pass cut",
    ("captions", "caption:repeated_within_line"): "a repeated sentence left by a cut",
    ("promos", "promos:hashtags"): "a hashtag run that became a line of its own after a cut",
    ("navigation", "navigation:section_label"): "a label left alone on its line by a cut ('Terpopuler')",
}


@settings(PROFILE, max_examples=FUZZ_EXAMPLES or 40)
@given(news_text())
def test_generated_text_is_idempotent_but_for_known_families(raw: str) -> None:
    if not is_text_input(raw):
        return
    article = newsclean.clean(raw)
    if not article.paragraphs:
        return
    again = newsclean.clean("\n".join(article.paragraphs))
    if again.paragraphs == article.paragraphs:
        return
    unknown = [(r.rule, r.reason, r.text[:80]) for r in again.removals if (r.rule, r.reason) not in GENERATED_REFIRING]
    assert unknown == []


# ---------------------------------------------------------------- the corpus

CORPUS_IDS = [doc_id for doc_id, raw in DOCS if is_text_input(raw)]


@needs_corpus
def test_the_corpus_is_text() -> None:
    assert len(CORPUS_IDS) == len(DOCS)


@needs_corpus
@pytest.mark.parametrize("doc_id", CORPUS_IDS)
def test_corpus_document_keeps_every_invariant(doc_id: str) -> None:
    raw, article = cleaned(doc_id)
    assert violations(raw, article) == []


KNOWN_NOT_IDEMPOTENT: dict[str, str] = {
    # doc_id -> why cleaning its output again removes more. Empty: the families found so far
    # (a hyphen read as the dateline dash, 'Film GOWOK:' or a name pair as a bare dateline,
    # captions left above the opening dateline, numbered list items and labelled teaser
    # headlines read one by one as trailing headlines) are fixed at their root.
}


def _idempotence_case(doc_id: str) -> object:
    reason = KNOWN_NOT_IDEMPOTENT.get(doc_id)
    if reason is None:
        return doc_id
    return pytest.param(doc_id, marks=pytest.mark.xfail(strict=False, reason=reason))


@needs_corpus
@pytest.mark.parametrize("doc_id", [_idempotence_case(d) for d in CORPUS_IDS])
def test_corpus_document_is_idempotent(doc_id: str) -> None:
    _, article = cleaned(doc_id)
    again = newsclean.clean("\n".join(article.paragraphs))
    assert again.paragraphs == article.paragraphs, [(r.rule, r.reason, r.text[:80]) for r in again.removals]


# ---------------------------------------------------------------- determinism

_DIGEST = """
import hashlib, json, sys
sys.path.insert(0, sys.argv[1])
import newsclean
from _textgen import corpus_docs
h = hashlib.sha256()
for doc_id, raw in corpus_docs():
    h.update(newsclean.clean(raw).model_dump_json().encode())
print(h.hexdigest())
"""


def corpus_digest() -> str:
    h = hashlib.sha256()
    for _, raw in DOCS:
        h.update(newsclean.clean(raw).model_dump_json().encode())
    return h.hexdigest()


@needs_corpus
def test_same_input_same_output_in_any_order() -> None:
    forward = {doc_id: newsclean.clean(raw) for doc_id, raw in DOCS}
    backward = {doc_id: newsclean.clean(raw) for doc_id, raw in reversed(DOCS)}
    assert forward == backward
    assert all(forward[doc_id] == cleaned(doc_id)[1] for doc_id in CORPUS_IDS)


@needs_corpus
def test_same_output_in_other_processes_with_other_hash_seeds() -> None:
    seeds = ("1", "4242")
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _DIGEST, str(ROOT / "tests")],
            env={**os.environ, "PYTHONHASHSEED": seed},
            stdout=subprocess.PIPE,
            text=True,
        )
        for seed in seeds
    ]
    here = corpus_digest()
    for seed, run in zip(seeds, runs, strict=True):
        out, _ = run.communicate(timeout=120)
        assert run.returncode == 0
        assert out.strip() == here, f"PYTHONHASHSEED={seed} gives other articles"


# ---------------------------------------------------------------- regressions and the fuzz run


def regression_files() -> list[Path]:
    return sorted(REGRESSIONS.glob("*.json"))


@pytest.mark.parametrize("path", regression_files(), ids=lambda p: p.stem)
def test_regression_input_is_handled(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    raw: str | bytes
    if "input_latin1_bytes" in case:
        raw = case["input_latin1_bytes"].encode("latin-1")
    elif "repeat" in case:
        raw = case["repeat"] * case["times"]
    else:
        raw = case["input"]
    start = time.perf_counter()
    try:
        article = newsclean.clean(raw)
    except newsclean.NewscleanError:
        return  # a clear error is an answer
    elapsed = time.perf_counter() - start
    bound = time_budget(len(raw), case.get("seconds_per_mb", SECONDS_PER_MB)) * 2
    assert elapsed < bound, f"{elapsed:.2f} s on {len(raw)} characters"
    article.model_dump_json()  # every article serialises (no lone surrogate left in any field)
    if isinstance(raw, str) and is_text_input(raw):
        assert violations(raw, article) == []


def _fuzz_module() -> object:
    spec = importlib.util.spec_from_file_location("newsclean_fuzz", ROOT / "benchmarks" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_a_bounded_fuzz_run_finds_nothing(tmp_path: Path) -> None:
    fuzz = _fuzz_module()
    report = fuzz.run(examples=300, seconds=10, save_to=tmp_path, seed=0)  # type: ignore[attr-defined]
    assert report.inputs >= 50
    assert report.failures == [], "\n".join(report.failures[:5])
