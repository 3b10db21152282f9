"""HTML pages side by side: newsclean, trafilatura, jusText and readability-lxml on the shared pages.

    python benchmarks/html_pages.py [--shared ../shared] [--extractors newsclean,trafilatura,justext,readability]
                              [--by-site] [--worst N] [--no-warmup]

Every extractor reads the same 41 pages (``shared/corpus/html/ID.html``) and is scored by the
shared ``tools/score.py`` against ``corpus/html/raw.gold.jsonl`` (body precision/recall/F1
over word tokens, boilerplate leak, title/author/date accuracy), so the numbers are the ones
``score.py --html-dir`` prints. Each extractor gets one warm-up page first (imports, phrase
compilation), then the timed run; the last column is documents per second. An extractor that
is not installed is skipped with a note (``pip install trafilatura justext readability-lxml``).
readability-lxml has no adapter in ``score.py``: this script adds one (its ``summary()`` HTML,
one paragraph per block, the ``short_title()`` as title; it finds no author or date).
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named like the standard library's ``html`` module, which trafilatura, jusText
# and score.py import: keep its own folder off the import path so they get the real one.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]

import argparse  # noqa: E402
import importlib  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from types import ModuleType  # noqa: E402
from typing import Any  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXTRACTORS = ("newsclean", "trafilatura", "justext", "readability")
MODULES = {name: name for name in EXTRACTORS}
"""The module each extractor imports ..."""
PACKAGES = {**MODULES, "readability": "readability-lxml"}
"""... and the package that installs it."""


def load_score(shared: Path) -> ModuleType:
    """The shared ``tools/score.py`` as a module (it is a script, not a package)."""
    path = shared / "tools" / "score.py"
    spec = importlib.util.spec_from_file_location("score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"no score tool at {path}: pass --shared")
    module = importlib.util.module_from_spec(spec)
    sys.modules["score"] = module
    spec.loader.exec_module(module)
    return module


def readability_runner(score: ModuleType) -> Callable[[dict[str, Any], str | None], Any]:
    """A ``score.py``-style runner for readability-lxml on the original page."""
    from lxml import html as lxml_html
    from readability import Document

    blocks = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "dd", "div")

    def run(doc: dict[str, Any], html_dir: str | None) -> Any:
        page = score._wrapped(doc, html_dir)
        document = Document(page)
        summary = lxml_html.fromstring(document.summary(html_partial=True))
        paragraphs = []
        for el in summary.iter(*blocks):
            if el.tag == "div" and any(child.tag in blocks for child in el):
                continue  # a wrapper: its blocks are read one by one
            text = " ".join(el.text_content().split())
            if text:
                paragraphs.append(text)
        return score.Output(paragraphs, document.short_title())

    return run


def available(name: str) -> bool:
    try:
        importlib.import_module(MODULES[name])
    except ImportError:
        return False
    return True


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--extractors", default=",".join(EXTRACTORS))
    ap.add_argument("--by-site", action="store_true")
    ap.add_argument("--worst", type=int, default=0, help="list each extractor's N documents with the lowest F1")
    ap.add_argument("--no-warmup", action="store_true", help="time the first page too (imports, compilation)")
    args = ap.parse_args()

    score = load_score(args.shared)
    html_dir = args.shared / "corpus" / "html"
    corpus_path, gold_path = html_dir / "raw.jsonl", html_dir / "raw.gold.jsonl"
    corpus = {d["id"]: d for d in map(json.loads, corpus_path.read_text(encoding="utf-8").splitlines())}
    golds = [g for g in map(json.loads, gold_path.read_text(encoding="utf-8").splitlines()) if g["id"] in corpus]
    print(f"# HTML pages: {len(golds)} documents from {html_dir}\n")

    results: list[tuple[str, dict[str, Any], list[dict[str, Any]], float]] = []
    for name in [e.strip() for e in args.extractors.split(",") if e.strip()]:
        if name not in EXTRACTORS:
            print(f"  {name:12s} skipped: unknown extractor (known: {', '.join(EXTRACTORS)})")
            continue
        if not available(name):
            print(f"  {name:12s} skipped: not installed (pip install {PACKAGES[name]})")
            continue
        if name == "readability":
            score.EXTRACTORS["readability"] = readability_runner(score)
        if not args.no_warmup:
            score.score(corpus, golds[:1], name, str(html_dir))
        started = time.perf_counter()
        rows, _ = score.score(corpus, golds, name, str(html_dir))
        elapsed = time.perf_counter() - started
        results.append((name, score.summarize(rows), rows, elapsed))

    for name, summary, rows, elapsed in results:
        rate = len(rows) / elapsed if elapsed else 0.0
        print(f"{name}: {len(rows)} docs in {elapsed:.2f}s ({rate:.1f} docs/s)")
        if args.by_site:
            for site in sorted({r["site"] for r in rows}):
                print(f"  {site:22s}" + score.fmt(score.summarize([r for r in rows if r["site"] == site])))
        print(f"  {'ALL':22s}" + score.fmt(summary))
        for r in sorted(rows, key=lambda r: r["f"])[: args.worst]:
            print(f"    worst {r['id']}: F1 {r['f']:.3f} P {r['p']:.3f} R {r['r']:.3f} {r['error'] or ''}")

    if results:
        print("\n| extractor | P | R | F1 | leak | title | author | date | docs/s | errors |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for name, s, rows, elapsed in results:
            cells = [f"{s[k]:.3f}" for k in ("p", "r", "f", "leak")]
            cells += ["-" if s[k] is None else f"{s[k][0]:.3f}" for k in ("title", "authors", "date")]
            cells += [f"{len(rows) / elapsed:.1f}" if elapsed else "-", str(s["errors"])]
            print(f"| {name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
