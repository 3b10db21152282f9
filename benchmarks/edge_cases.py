#!/usr/bin/env python3
"""The inputs of issue #16 as a table: time, peak memory and outcome of each, at the issue's sizes.

    python benchmarks/edge_cases.py [--scale 1] [--only NAME ...]

Each case (``tests/_edge_cases.py``, where it is also a regression test at CI's size) runs in a
fresh process: the time is the case's own (after import), the peak memory is that process's
peak RSS less its RSS after ``import newsclean`` (the cost of the input and its cleaning).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = """
import json, resource, sys, time
sys.path.insert(0, {tests!r})
import newsclean
from _edge_cases import CASES
case = next(c for c in CASES if c.name == sys.argv[1])
scale = int(sys.argv[2])
newsclean.clean("warm up")
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
try:
    outcome = case.run(case.size * scale)
    ok = bool(case.check(outcome))
    error = None
except Exception as exc:  # a foreign exception is the failure this table looks for
    ok, error = False, f"{{type(exc).__name__}}: {{exc}}"[:80]
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"seconds": elapsed, "peak_mb": max(peak - base, 0) / 1024, "ok": ok, "error": error}}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=1, help="multiply every size by this")
    parser.add_argument("--only", nargs="*", help="case names to run")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tests"))
    from _edge_cases import CASES

    print("| case | input | seconds | peak MB over import | outcome |")
    print("| --- | --- | ---: | ---: | --- |")
    worst = 0.0
    for case in CASES:
        if args.only and case.name not in args.only:
            continue
        done = subprocess.run(
            [sys.executable, "-c", CHILD.format(tests=str(ROOT / "tests")), case.name, str(args.scale)],
            capture_output=True, text=True, check=False, timeout=600,
        )
        try:
            row = json.loads(done.stdout.strip().splitlines()[-1])
        except (IndexError, json.JSONDecodeError):
            print(f"| {case.name} | {case.what} | – | – | crashed: {done.stderr.strip().splitlines()[-1:]} |")
            continue
        worst = max(worst, row["seconds"])
        outcome = "ok" if row["ok"] else f"WRONG {row['error'] or ''}"
        print(f"| {case.name} | {case.what} | {row['seconds']:.3f} | {row['peak_mb']:.1f} | {outcome} |")
    print(f"\nslowest case: {worst:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
