"""The ``newsclean`` command: ``clean`` one page, or ``batch`` a corpus.

newsclean clean PAGE.txt            the article as text
newsclean clean - --json < PAGE     the Article as JSON
newsclean clean PAGE --explain      what was removed, by which rule, and why
newsclean batch IN -o OUT.jsonl     a corpus (JSONL, CSV, folder, Parquet) to JSONL/Parquet
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import newsclean
from newsclean.batch import DEFAULT_CHUNKSIZE, progress_stream, run_batch, write_summary
from newsclean.errors import NewscleanError
from newsclean.io_formats import TEXT_FIELDS, Fields

SHORTEN_AT = 80


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean", description="Clean scraped news pages into typed, explainable articles."
    )
    parser.add_argument("--version", action="version", version=f"newsclean {newsclean.__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    one = commands.add_parser("clean", help="clean one page and print the article")
    one.add_argument("file", help="a text or HTML file, or - for stdin")
    shown = one.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help="print the Article as JSON")
    shown.add_argument("--explain", action="store_true", help="print each removal and its reason")
    one.add_argument("--url", help="the page's URL")
    one.add_argument("--site", help="the outlet, when known")

    many = commands.add_parser("batch", help="clean a corpus into JSONL or Parquet")
    many.add_argument("input", help="JSONL (- for stdin), CSV, Parquet, or a folder of .txt/.html files")
    many.add_argument("-o", "--output", required=True, help="OUT.jsonl (- for stdout) or OUT.parquet")
    many.add_argument("--field", help=f"the text field (default: the first of {', '.join(TEXT_FIELDS)})")
    many.add_argument("--id-field", default="id", help="the id field (default: id, else the line number)")
    many.add_argument("--url-field", help="a field holding each page's URL, passed to clean()")
    many.add_argument("--site-field", help="a field holding each page's outlet, passed to clean()")
    many.add_argument("--workers", type=_positive, default=1, help="processes (default: 1)")
    many.add_argument("--chunksize", type=_positive, default=DEFAULT_CHUNKSIZE, help=argparse.SUPPRESS)
    many.add_argument("--limit", type=_positive, help="stop after this many records")
    many.add_argument("--no-removals", action="store_true", help="leave out the removal trace")
    many.add_argument("--progress", action="store_true", help="show progress even when stderr is no terminal")
    many.add_argument("--summary", metavar="FILE.json", help="also write the summary as JSON")
    return parser


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return number


def shorten(text: str, width: int = SHORTEN_AT) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def format_article(article: newsclean.Article) -> str:
    """The article as readable text: title, a byline/time/dateline header, the paragraphs."""
    head: list[str] = []
    if article.title:
        head.append(article.title)
    facts = []
    if article.authors:
        facts.append("By " + ", ".join(article.authors))
    if article.timestamp is not None:
        facts.append(article.timestamp.isoformat())
    if article.dateline:
        facts.append(article.dateline)
    if facts:
        head.append(" · ".join(facts))
    blocks = ["\n".join(head)] if head else []
    blocks.extend(article.paragraphs)
    if not article.paragraphs and article.empty_reason:
        blocks.append(f"(no article text: {article.empty_reason})")
    return "\n\n".join(blocks)


def format_removals(article: newsclean.Article) -> str:
    """One line per removal: rule, reason, and the removed text, shortened."""
    if not article.removals:
        return "nothing removed"
    rule_width = max(len(r.rule) for r in article.removals)
    reason_width = max(len(r.reason) for r in article.removals)
    return "\n".join(
        f"{r.rule:<{rule_width}}  {r.reason:<{reason_width}}  {shorten(r.text)!r}" for r in article.removals
    )


def _read(path: str) -> bytes:
    return sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()


def run_clean(args: argparse.Namespace) -> int:
    article = newsclean.clean(_read(args.file), url=args.url, site=args.site)
    if args.json:
        print(article.model_dump_json(indent=2))
    elif args.explain:
        print(format_removals(article))
    else:
        print(format_article(article))
    return 0


def run_batch_command(args: argparse.Namespace) -> int:
    fields = Fields(text=args.field, id=args.id_field, url=args.url_field, site=args.site_field)
    summary = run_batch(
        args.input,
        args.output,
        fields=fields,
        workers=args.workers,
        chunksize=args.chunksize,
        limit=args.limit,
        removals=not args.no_removals,
        progress=progress_stream(args.progress),
    )
    print(summary.format(), file=sys.stderr)
    if args.summary:
        write_summary(summary, args.summary)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 failed, 2 bad usage)."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "clean":
            return run_clean(args)
        return run_batch_command(args)
    except (NewscleanError, OSError) as exc:
        print(f"newsclean: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
