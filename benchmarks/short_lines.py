#!/usr/bin/env python3
"""Time per MB on documents made of many short lines: the costliest shape of input per MB.

    python benchmarks/short_lines.py [--mb 1.0]

newsclean's work is per line (each line is a piece every rule looks at), so a megabyte of
two-character lines is 500,000 pieces where a megabyte of news is a few thousand. Runs of
letterless crumbs, of lines of at most three characters and of repeated short lines go in one
``debris_run`` decision (see ``newsclean.rules.layout``); other distinct short lines are each
read by every rule. This prints,
for each family, the time per MB (best of two calls) and what came out, so the worst case
is measured, not guessed. The families are built here (seeded), not taken from the corpus.
"""

from __future__ import annotations

import argparse
import random
import string
import time
from collections.abc import Callable

import newsclean

WORDS = "Jakarta harga naik pasar beras cabai Senin pemerintah kata dia yang dan di ke".split()  # noqa: SIM905


def families(n_chars: int) -> list[tuple[str, str]]:
    """``(name, text)`` of about ``n_chars`` characters each."""
    rng = random.Random(1)

    def lines(make: Callable[[int], str]) -> str:
        out: list[str] = []
        size = 0
        i = 0
        while size < n_chars:
            line = make(i)
            out.append(line)
            size += len(line) + 1
            i += 1
        return "\n".join(out) + "\n"

    def letters(k: int) -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(k))

    return [
        ("one letter, repeated", lines(lambda i: "a")),
        ("letterless crumbs (•, ), 12)", lines(lambda i: rng.choice(["•", ")", "12", ".", "-"]))),
        ("a short text repeated (3 lines)", lines(lambda i: ["Foto: Antara", "Jakarta", "Baca juga: x"][i % 3])),
        ("distinct 1-3 letter lines", lines(lambda i: letters(rng.randint(1, 3)))),
        ("distinct two-word lines", lines(lambda i: f"{rng.choice(WORDS)} {rng.choice(WORDS)}")),
        ("numbered list items (1. B)", lines(lambda i: f"{i}. {rng.choice('ABCD')}")),
        ("distinct editor initials ((abc)), removed", lines(lambda i: f"({letters(3)})")),
        ("distinct photo credits (Foto: Antara/N), removed", lines(lambda i: f"Foto: Antara/{i}")),
        ("distinct related links (Baca juga: N), removed", lines(lambda i: f"Baca juga: Harga {i}")),
        ("short prose lines", lines(lambda i: f"Dia pergi ke pasar nomor {i}.")),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=1.0, help="size of each document in MB")
    args = parser.parse_args(argv)
    import newsclean.document as compiled_check

    build = "compiled" if not compiled_check.__file__.endswith(".py") else "pure Python"
    newsclean.clean("warm up: load the phrase data and patterns")
    print(f"# time per MB on short-line documents ({args.mb:g} MB each, newsclean {build})\n")
    print("| family | lines | s/MB | paragraphs | removals |")
    print("| --- | ---: | ---: | ---: | ---: |")
    worst = 0.0
    for name, text in families(int(args.mb * 1_000_000)):
        best = float("inf")
        article = None
        for _ in range(2):
            start = time.perf_counter()
            article = newsclean.clean(text)
            best = min(best, time.perf_counter() - start)
        assert article is not None
        rate = best / len(text) * 1e6
        worst = max(worst, rate)
        counts = f"{len(article.paragraphs):,} | {len(article.removals):,}"
        print(f"| {name} | {text.count(chr(10)):,} | {rate:.2f} | {counts} |")
    print(f"\nworst: {worst:.2f} s/MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
