"""Thread safety: ``clean()`` from many threads at once gives what it gives serially.

The rules keep no per-document state: a :class:`~newsclean.document.Document` is made per
call, and everything a rule holds is set in ``__init__`` (checked below).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

import newsclean
from _textgen import corpus_docs

THREADS = 8
DOCS = corpus_docs()


@pytest.mark.skipif(not DOCS, reason="the shared corpus is absent")
def test_eight_threads_give_the_serial_results() -> None:
    raws = [raw for _, raw in DOCS]
    serial = [newsclean.clean(raw) for raw in raws]
    with ThreadPoolExecutor(THREADS) as pool:
        parallel = list(pool.map(newsclean.clean, raws))
    assert parallel == serial


def test_a_fresh_process_warms_up_safely_from_many_threads() -> None:
    # first use loads phrase data and compiles patterns behind functools.cache
    raw = "JAKARTA, KOMPAS.com - Harga beras naik lagi pekan ini, kata pedagang.\nBaca juga: Harga Cabai Turun"
    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(lambda _: newsclean.Cleaner().clean(raw), range(THREADS * 4)))
    assert all(r == results[0] for r in results)


def _state(obj: object) -> dict[str, tuple[int, str]]:
    """Each attribute's identity and contents, to see a rule change between documents."""
    return {name: (id(value), repr(value)[:10_000]) for name, value in sorted(vars(obj).items())}


def test_rules_keep_no_state_between_documents() -> None:
    cleaner = newsclean.Cleaner()
    before = {rule.name: _state(rule) for rule in cleaner.rules if hasattr(rule, "__dict__")}
    for _, raw in DOCS[:50] or [("", "Isi berita.\nBaca juga: Judul Lain")]:
        cleaner.clean(raw)
    after = {rule.name: _state(rule) for rule in cleaner.rules if hasattr(rule, "__dict__")}
    assert after == before
