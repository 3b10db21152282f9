#!/usr/bin/env python3
"""Fuzz newsclean: generated news-like and random inputs, checked for crashes, hangs and the
invariants (nothing invented, nothing lost, the trace replays).

    python benchmarks/fuzz.py --examples 1000000          # the long run, on demand
    python benchmarks/fuzz.py --seconds 600               # or for a time
    python benchmarks/fuzz.py --adversarial-kb 1000       # also time the adversarial set at 1 MB

Inputs come from the hypothesis strategies of ``tests/_textgen.py`` (generation only, no
shrinking, seeded), mixed with long documents, random unicode and bytes. Every input that
raises anything but ``NewscleanError``, breaks an invariant, or takes longer than the
per-MB bound (``--seconds-per-mb``, 1 s by default, at least ``MIN_BUDGET``) is written as
JSON to ``tests/regressions/`` (or ``--save-to``), where ``tests/test_invariants.py``
replays it. Prints the number of inputs, failures, and the max and p99 time per MB.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import hypothesis  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import _textgen  # noqa: E402
import newsclean  # noqa: E402

MIN_CHARS_FOR_RATE = 2000
"""Per-MB rates are taken over inputs at least this long (tiny inputs are all overhead)."""


@dataclass
class Report:
    inputs: int = 0
    failures: list[str] = field(default_factory=list)
    seconds_per_mb: list[float] = field(default_factory=list)
    slowest: float = 0.0
    chars: int = 0

    def summary(self) -> str:
        rates = sorted(self.seconds_per_mb)
        worst = rates[-1] if rates else 0.0
        p99 = rates[int(len(rates) * 0.99)] if rates else 0.0
        return (
            f"inputs {self.inputs:,}  ({self.chars / 1e6:.1f} MB)  failures {len(self.failures)}  "
            f"slowest call {self.slowest * 1000:.0f} ms  "
            f"time per MB (inputs >= {MIN_CHARS_FOR_RATE} chars, n={len(rates):,}): "
            f"max {worst:.2f} s  p99 {p99:.2f} s"
        )


def _long(text: str) -> str:
    """A long document from a short one: repeated to about 20,000 characters."""
    return (text + "\n") * (20_000 // (len(text) + 1) + 1)


def strategy() -> st.SearchStrategy[object]:
    """News-like text mostly; long documents (on lines and on one line); random unicode; bytes."""
    news = _textgen.news_text()
    return st.one_of(
        news,
        news,
        news,
        news,
        news.map(_long),
        news.map(_long).map(lambda t: t.replace("\n", " ")),
        st.text(st.characters(codec="utf-8"), max_size=400),
        st.binary(max_size=400),
    )


class _OutOfTime(Exception):
    pass


def check(raw: object, report: Report, seconds_per_mb: float) -> str | None:
    """Clean one input; a description of what went wrong, or None."""
    size = len(raw) if isinstance(raw, str | bytes) else 0
    start = time.perf_counter()
    try:
        article = newsclean.clean(raw)  # type: ignore[arg-type]
    except newsclean.NewscleanError:
        return None
    except Exception:
        return "crash: " + traceback.format_exc(limit=3)
    elapsed = time.perf_counter() - start
    if elapsed > _textgen.time_budget(size, seconds_per_mb):
        # a busy machine or a garbage collection can stall one call: time it again
        start = time.perf_counter()
        newsclean.clean(raw)  # type: ignore[arg-type]
        elapsed = min(elapsed, time.perf_counter() - start)
    report.slowest = max(report.slowest, elapsed)
    report.chars += size
    if size >= MIN_CHARS_FOR_RATE:
        report.seconds_per_mb.append(elapsed / size * 1e6)
    if elapsed > _textgen.time_budget(size, seconds_per_mb):
        return f"slow: {elapsed:.2f} s on {size:,} characters"
    try:
        article.model_dump_json()
    except Exception as exc:
        return f"crash: the article does not serialise: {exc}"
    if isinstance(raw, str) and _textgen.is_text_input(raw):
        problems = _textgen.violations(raw, article)
        if problems:
            return "invariant: " + "; ".join(problems)
    return None


def save(raw: object, problem: str, folder: Path) -> Path:
    if isinstance(raw, bytes):
        payload = {"input_latin1_bytes": raw.decode("latin-1")}
        key = raw
    else:
        payload = {"input": raw}
        key = str(raw).encode("utf-8", "surrogatepass")
    name = "fuzz-" + hashlib.sha256(key).hexdigest()[:12] + ".json"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps({"found_by": "benchmarks/fuzz.py", "problem": problem, **payload}, indent=1))
    return path


def run(
    *,
    examples: int,
    seconds: float,
    save_to: Path = _textgen.REGRESSIONS,
    seed: int = 0,
    seconds_per_mb: float = _textgen.SECONDS_PER_MB,
    progress: bool = False,
) -> Report:
    """Clean up to ``examples`` inputs, for at most ``seconds``."""
    report = Report()
    newsclean.clean("warm up: load the phrase data and patterns")
    deadline = time.monotonic() + seconds

    @hypothesis.seed(seed)
    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy())
    def one(raw: object) -> None:
        if time.monotonic() > deadline:
            raise _OutOfTime
        report.inputs += 1
        problem = check(raw, report, seconds_per_mb)
        if problem is not None:
            path = save(raw, problem, save_to)
            report.failures.append(f"{path.name}: {problem}")
        if progress and report.inputs % 10_000 == 0:
            print(report.summary(), flush=True)

    with contextlib.suppress(_OutOfTime):
        one()
    return report


def adversarial(kb: int) -> None:
    """Time the adversarial documents of ``tests/_textgen.py`` at ``kb`` KB each."""
    worst: list[tuple[float, str]] = []
    for name, text in _textgen.adversarial_docs(kb * 1000):
        start = time.perf_counter()
        newsclean.clean(text)
        worst.append(((time.perf_counter() - start) / len(text) * 1e6, name))
    worst.sort(reverse=True)
    print(f"adversarial documents at {kb} KB: {len(worst)}; slowest:")
    for rate, name in worst[:10]:
        print(f"  {rate:.2f} s/MB  {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=float("inf"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--seconds-per-mb", type=float, default=_textgen.SECONDS_PER_MB)
    parser.add_argument("--save-to", type=Path, default=_textgen.REGRESSIONS)
    parser.add_argument("--adversarial-kb", type=int, default=0, help="also time the adversarial set")
    args = parser.parse_args(argv)
    report = run(
        examples=args.examples,
        seconds=args.seconds,
        save_to=args.save_to,
        seed=args.seed,
        seconds_per_mb=args.seconds_per_mb,
        progress=True,
    )
    print(report.summary())
    for failure in report.failures[:20]:
        print("  " + failure.splitlines()[0])
    if args.adversarial_kb:
        adversarial(args.adversarial_kb)
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
