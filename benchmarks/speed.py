#!/usr/bin/env python3
"""newsclean vs trafilatura vs jusText on the same raw texts, and newsclean's cost per KB.

    python benchmarks/speed.py [CORPUS.jsonl] [--min-seconds S]

CORPUS defaults to ``../shared/corpus/text/dev.jsonl`` beside the repository. Each
extractor runs alone in a fresh process on one core, on every document of the corpus:
newsclean gets the raw text (``newsclean.clean(raw)``); trafilatura and jusText get the same
text with every line wrapped as ``<p>`` (as ``shared/tools/score.py`` feeds them), wrapped
before the clock starts. A competitor that is not installed is skipped with a note.

Columns: docs/s and MB/s over all passes (MB of raw UTF-8 text, the same bytes for every
extractor, so the numbers compare), the rate of the median and of the fastest pass over the
corpus (a virtual machine's host can stall a pass: the median moves little when it does),
set-up (import and first call, excluded from the rates), and peak memory:
the growth of the process's peak RSS (``resource.getrusage().ru_maxrss``) from after set-up
to the end of the run, so it counts C allocations (libxml2) that tracemalloc would miss.

The second table cleans one input of growing size (1 KB to 1 MB, built by concatenating
corpus documents) and prints microseconds per KB: flat means linear.
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "text" / "dev.jsonl"
EXTRACTORS = ("newsclean", "trafilatura", "justext")
REQUIRES = {"newsclean": "newsclean", "trafilatura": "trafilatura", "justext": "justext"}
SIZES_KB = (1, 4, 16, 64, 256, 1024)


def load_raws(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["raw"] for line in handle if line.strip()]


def wrap(raw: str) -> str:
    """The raw lines as ``<p>`` paragraphs of an article page, as score.py feeds competitors."""
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in raw.split("\n") if line.strip())
    return f"<html><body><article>{body}</article></body></html>"


def prepare(name: str, raws: list[str]) -> tuple[Callable[[Any], object], list[Any]]:
    """The function that extracts one input, and the inputs, for extractor ``name``."""
    if name == "newsclean":
        import newsclean

        return newsclean.clean, raws
    if name == "trafilatura":
        import trafilatura

        def run_trafilatura(page: str) -> object:
            return trafilatura.bare_extraction(page, with_metadata=True, favor_precision=False)

        return run_trafilatura, [wrap(raw) for raw in raws]
    if name == "justext":
        import justext

        stoplist = justext.get_stoplist("Indonesian")

        def run_justext(page: bytes) -> object:
            return [p.text for p in justext.justext(page, stoplist) if not p.is_boilerplate]

        return run_justext, [wrap(raw).encode("utf-8") for raw in raws]
    raise ValueError(f"unknown extractor {name}")


def peak_rss_kb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform == "darwin" else float(peak)  # bytes on macOS, KiB on Linux


def measure(name: str, corpus: Path, min_seconds: float) -> dict[str, Any]:
    """Run in a child process: time ``name`` over the corpus, repeating passes up to ``min_seconds``."""
    raws = load_raws(corpus)
    mb = sum(len(raw.encode("utf-8")) for raw in raws) / 1e6
    started = time.perf_counter()
    run, inputs = prepare(name, raws)
    run(inputs[0])
    setup = time.perf_counter() - started
    rss_before = peak_rss_kb()
    passes, elapsed = 0, 0.0
    took: list[float] = []
    while passes == 0 or elapsed < min_seconds:
        started = time.perf_counter()
        for item in inputs:
            run(item)
        took.append(time.perf_counter() - started)
        elapsed += took[-1]
        passes += 1
    return {
        "name": name,
        "docs": len(inputs) * passes,
        "passes": passes,
        "seconds": elapsed,
        "best_pass_rate": len(inputs) / min(took),
        "median_pass_rate": len(inputs) / statistics.median(took),
        "mb": mb * passes,
        "setup": setup,
        "peak_mb": (peak_rss_kb() - rss_before) / 1024,
    }


def run_child(name: str, corpus: Path, min_seconds: float) -> dict[str, Any] | str:
    """``measure`` in a fresh process; the result, or why it failed."""
    cmd = [sys.executable, __file__, str(corpus), "--child", name, "--min-seconds", str(min_seconds)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return f"failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}"
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def scaling(raws: list[str], min_seconds: float) -> list[dict[str, Any]]:
    """newsclean's time per KB on one input of each size in :data:`SIZES_KB`."""
    import newsclean

    joined = "\n".join(raws)
    newsclean.clean(raws[0])
    rows = []
    for kb in SIZES_KB:
        if len(joined) < kb * 1024:
            joined = "\n".join([joined] * (kb * 1024 // len(joined) + 2))
        cut = joined.rfind("\n", 0, kb * 1024)
        text = joined[: cut if cut > 0 else kb * 1024]
        size_kb = len(text.encode("utf-8")) / 1024
        calls, elapsed = 0, 0.0
        article = None
        while calls < 3 or elapsed < min_seconds:
            started = time.perf_counter()
            article = newsclean.clean(text)
            elapsed += time.perf_counter() - started
            calls += 1
        per_call = elapsed / calls
        rows.append(
            {
                "kb": kb,
                "size_kb": size_kb,
                "ms": per_call * 1000,
                "us_per_kb": per_call * 1e6 / size_kb,
                "truncated": bool(getattr(article, "truncated", False)),
            }
        )
    return rows


def print_comparison(results: list[dict[str, Any] | str], names: list[str]) -> None:
    print(
        "| extractor | docs/s | MB/s | set-up (s) | peak RSS growth (MB) | passes | median pass (docs/s) "
        "| fastest pass (docs/s) |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, result in zip(names, results, strict=True):
        if isinstance(result, str):
            print(f"| {name} | – | – | – | – | {result} | – | – |")
            continue
        rate = result["docs"] / result["seconds"]
        print(
            f"| {name} | {rate:,.0f} | {result['mb'] / result['seconds']:.2f} | {result['setup']:.2f} "
            f"| {result['peak_mb']:.1f} | {result['passes']} | {result['median_pass_rate']:,.0f} "
            f"| {result['best_pass_rate']:,.0f} |"
        )
    rates = {
        name: r["docs"] / r["seconds"]
        for name, r in zip(names, results, strict=True)
        if not isinstance(r, str)
    }
    if "newsclean" in rates:
        ratios = [
            f"{rates['newsclean'] / rates[other]:.1f}x {other}"
            for other in ("trafilatura", "justext")
            if other in rates
        ]
        if ratios:
            print(f"\nnewsclean docs/s: {', '.join(ratios)}")


def print_scaling(rows: list[dict[str, Any]]) -> None:
    base = rows[0]["us_per_kb"]
    print("| input | size (KB) | ms per call | µs per KB | vs 1 KB | truncated |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for row in rows:
        label = f"{row['kb']} KB" if row["kb"] < 1024 else f"{row['kb'] // 1024} MB"
        print(
            f"| {label} | {row['size_kb']:.1f} | {row['ms']:.2f} | {row['us_per_kb']:.1f} "
            f"| {row['us_per_kb'] / base:.2f}x | {'yes' if row['truncated'] else 'no'} |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument(
        "--min-seconds", type=float, default=2.0, help="time each extractor at least this long"
    )
    parser.add_argument("--child", choices=EXTRACTORS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        parser.error(f"no corpus at {args.corpus}")
    if args.child:
        print(json.dumps(measure(args.child, args.corpus, args.min_seconds)))
        return 0

    raws = load_raws(args.corpus)
    mb = sum(len(r.encode("utf-8")) for r in raws) / 1e6
    print(f"# newsclean speed: {len(raws)} documents, {mb:.2f} MB of raw text ({args.corpus})\n")
    print(f"Python {sys.version.split()[0]}, one process per extractor, one core.\n")
    names, results = [], []
    for name in EXTRACTORS:
        names.append(name)
        if importlib.util.find_spec(REQUIRES[name]) is None:
            results.append(f"not installed (pip install {name})")
            continue
        results.append(run_child(name, args.corpus, args.min_seconds))
    print_comparison(results, names)
    print(
        "\ndocs/s: all passes together (the first, with every cache cold, included); median pass: "
        "the middle one (a pass the host stalls moves it little); fastest pass: the least disturbed "
        "one (this machine's speed drifts by 10-30 % in a session).\n"
        "Peak memory: growth of peak RSS (getrusage ru_maxrss) during the timed run, after "
        "import and first call; competitors' input is the raw text wrapped as <p> lines.\n"
    )
    print("## newsclean cost per KB as input grows\n")
    print_scaling(scaling(raws, min_seconds=max(args.min_seconds / 10, 0.1)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
