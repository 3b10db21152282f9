"""Print the quality table: newsclean beside trafilatura and jusText on the shared gold.

    python benchmarks/quality.py [--shared ../shared] [--extractors newsclean,trafilatura,justext]

Runs ``shared/tools/score.py`` (body precision/recall/F1 over word tokens, boilerplate leak,
field accuracy) for each extractor on three inputs: the raw scraped texts
(``corpus/text/dev``), the pool gold of 75 outlets no rule was written for
(``fixtures/pool``, reported per outlet with ``--by-site``), whole-page texts (``corpus/html/raw``), and the HTML pages
themselves (``--html-dir``). An extractor that is not installed is skipped with a note
(``pip install '.[bench]'`` in the clone installs trafilatura and jusText).
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

RUNS = (
    ("raw scraped text (text/dev)", "corpus/text/dev.jsonl", "corpus/text/dev.gold.jsonl", False),
    # the pool gold is the project's own (fixtures/pool): outlets no rule was written for
    ("raw scraped text, 75 unseen outlets (fixtures/pool)", str(ROOT / "fixtures/pool/pool.jsonl"),
     str(ROOT / "fixtures/pool/pool.gold.jsonl"), False),
    ("whole-page text (html/raw)", "corpus/html/raw.jsonl", "corpus/html/raw.gold.jsonl", False),
    ("HTML pages (html/*.html)", "corpus/html/raw.jsonl", "corpus/html/raw.gold.jsonl", True),
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--extractors", default="newsclean,trafilatura,justext")
    ap.add_argument("--by-site", action="store_true")
    args = ap.parse_args()
    score = args.shared / "tools" / "score.py"
    if not score.exists():
        print(f"no score tool at {score}: pass --shared", file=sys.stderr)
        return 2
    for title, corpus, gold, html in RUNS:
        print(f"\n## {title}\n")
        for name in args.extractors.split(","):
            if name != "newsclean" and importlib.util.find_spec(name) is None:
                print(f"{name}: not installed (pip install '.[bench]' in the clone)")
                continue
            cmd = [sys.executable, str(score), str(args.shared / corpus), str(args.shared / gold),
                   "--extractor", name]
            if html:
                cmd += ["--html-dir", str(args.shared / "corpus" / "html")]
            if args.by_site:
                cmd.append("--by-site")
            out = subprocess.run(cmd, capture_output=True, text=True, check=False)
            print(out.stdout.rstrip() or out.stderr.strip().splitlines()[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
