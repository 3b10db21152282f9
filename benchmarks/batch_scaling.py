#!/usr/bin/env python3
"""``newsclean batch`` speed-up from 1 to 2 workers, and its memory as the input grows.

    python benchmarks/batch_scaling.py [CORPUS.jsonl] [--records 20000] [--workers 1,2]
                                       [--memory-sizes 10000,100000] [--memory-workers 1]

Builds JSONL inputs by repeating the corpus records (default
``../shared/corpus/text/dev.jsonl`` beside the repository) with unique ids, in a temporary
folder that is removed afterwards. Then:

1. times ``python -m newsclean batch IN -o OUT --workers W`` on ``--records`` records for each
   W and prints the speed-up over the first;
2. times an in-process batch with the terminal progress bar drawn and with none, alternating
   ``--progress-runs`` times each, and prints the bar's cost;
3. runs the batch on each of ``--memory-sizes`` records and prints its peak RSS, to show
   memory is flat (the issue asks for within 20% from 10,000 to 100,000).

Peak RSS is the largest ``ru_maxrss`` among the batch process and its pool workers, read
with ``getrusage(RUSAGE_CHILDREN)`` in a fresh helper process that only runs the batch.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "text" / "dev.jsonl"

# Runs its arguments as a child and prints the children's peak RSS in KiB (bytes on macOS).
PEAK_RSS_HELPER = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(peak // 1024 if sys.platform == 'darwin' else peak)\n"
    "sys.exit(done.returncode)\n"
)


def make_input(corpus: Path, records: int, folder: Path) -> Path:
    """A JSONL of ``records`` corpus records repeated round-robin, ids ``<id>~<copy>``."""
    with corpus.open(encoding="utf-8") as handle:
        base = [json.loads(line) for line in handle if line.strip()]
    path = folder / f"in-{records}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n, record in enumerate(itertools.islice(itertools.cycle(base), records)):
            row = {"id": f"{record['id']}~{n // len(base)}", "raw": record["raw"]}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def batch_command(source: Path, output: str, workers: int) -> list[str]:
    return [sys.executable, "-m", "newsclean", "batch", str(source), "-o", output, "--workers", str(workers)]


def time_batch(source: Path, workers: int, folder: Path) -> float:
    """Wall seconds of one batch run writing JSONL to a temporary file."""
    output = folder / f"out-{workers}.jsonl"
    started = time.perf_counter()
    subprocess.run(batch_command(source, str(output), workers), check=True, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    output.unlink()
    return elapsed


def peak_rss_mb(source: Path, workers: int) -> float:
    """Peak RSS (MB) of one batch run writing to stdout (discarded)."""
    helper = [sys.executable, "-c", PEAK_RSS_HELPER, *batch_command(source, "-", workers)]
    done = subprocess.run(helper, check=True, capture_output=True, text=True)
    return int(done.stdout.strip().splitlines()[-1]) / 1024


PROGRESS_HELPER = (
    "import io, sys, time\n"
    "from newsclean.batch import run_batch\n"
    "bar = sys.argv[3] == 'bar'\n"
    "started = time.perf_counter()\n"
    "run_batch(sys.argv[1], sys.argv[2], progress=io.StringIO() if bar else None, progress_tty=bar)\n"
    "print(time.perf_counter() - started)\n"
)


def progress_seconds(source: Path, folder: Path, mode: str) -> float:
    """Seconds of one in-process batch (one worker) with the terminal bar drawn, or with none."""
    output = folder / "out-progress.jsonl"
    done = subprocess.run([sys.executable, "-c", PROGRESS_HELPER, str(source), str(output), mode],
                          check=True, capture_output=True, text=True)
    output.unlink()
    return float(done.stdout.strip())


def progress_cost_per_row(rows: int = 200_000) -> float:
    """Seconds the terminal bar costs per row: ``rows`` updates (drawn at its usual pace)."""
    import io

    from newsclean.progress import Progress

    meter = Progress(io.StringIO(), tty=True, fraction=lambda: 0.5)
    started = time.perf_counter()
    for done in range(rows):
        meter.update(done, 0)
    meter.finish(rows, 0)
    return (time.perf_counter() - started) / rows


def int_list(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--records", type=int, default=20_000, help="records for the speed-up run")
    parser.add_argument("--workers", type=int_list, default=[1, 2], help="worker counts to time (1,2)")
    parser.add_argument("--memory-sizes", type=int_list, default=[10_000, 100_000], help="record counts")
    parser.add_argument("--memory-workers", type=int, default=1, help="workers for the memory runs")
    parser.add_argument("--skip-memory", action="store_true", help="only time the speed-up")
    parser.add_argument("--progress-runs", type=int, default=3, help="runs with and without the bar (0: skip)")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        parser.error(f"no corpus at {args.corpus}")

    print(f"# newsclean batch scaling ({args.corpus}, {os.cpu_count()} CPUs)\n")
    with tempfile.TemporaryDirectory(prefix="newsclean-bench-") as tmp:
        folder = Path(tmp)
        source = make_input(args.corpus, args.records, folder)
        mb = source.stat().st_size / 1e6
        print(f"## Speed-up on {args.records:,} records ({mb:.0f} MB of JSONL)\n")
        print("| workers | seconds | docs/s | speed-up |")
        print("| ---: | ---: | ---: | ---: |")
        first = None
        for workers in args.workers:
            seconds = time_batch(source, workers, folder)
            first = first or seconds
            print(f"| {workers} | {seconds:.2f} | {args.records / seconds:,.0f} | {first / seconds:.2f}x |")
        if args.progress_runs:
            print(f"\n## Cost of the progress bar ({args.progress_runs} alternating runs each, 1 worker)\n")
            timings: dict[str, list[float]] = {"none": [], "bar": []}
            for _ in range(args.progress_runs):
                for mode in timings:
                    timings[mode].append(progress_seconds(source, folder, mode))
            best = {mode: min(values) for mode, values in timings.items()}
            print("| progress | best seconds | all runs |")
            print("| --- | ---: | --- |")
            for mode, values in timings.items():
                print(f"| {mode} | {best[mode]:.2f} | {', '.join(f'{v:.2f}' for v in values)} |")
            print(f"\nbar vs none (best of each): {100 * (best['bar'] / best['none'] - 1):+.1f} % (wall time: noisy)")
            per_row = progress_cost_per_row()
            per_record = best["none"] / args.records
            print(f"the bar's own cost, timed alone: {per_row * 1e6:.2f} µs per row = "
                  f"{100 * per_row / per_record:.2f} % of a record's {per_record * 1e3:.2f} ms")
        source.unlink()
        if args.skip_memory:
            return 0

        print(f"\n## Peak RSS by input size (--workers {args.memory_workers})\n")
        print("| records | input MB | peak RSS (MB) | vs first |")
        print("| ---: | ---: | ---: | ---: |")
        base = None
        for size in args.memory_sizes:
            source = make_input(args.corpus, size, folder)
            mb = source.stat().st_size / 1e6
            peak = peak_rss_mb(source, args.memory_workers)
            base = base or peak
            print(f"| {size:,} | {mb:.0f} | {peak:.1f} | {peak / base:.2f}x |")
            source.unlink()
    print("\nPeak RSS: the largest ru_maxrss among the batch process and its workers (RUSAGE_CHILDREN).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
