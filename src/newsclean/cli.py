"""The ``newsclean`` command: ``clean`` one page, or ``batch`` a corpus.

newsclean clean PAGE.txt                  the article as text (stdin when no file is named)
newsclean clean PAGE --format json        the Article as JSON (or markdown)
newsclean clean PAGE --explain            what was removed, by which rule, and why
newsclean batch IN -o OUT.jsonl           a corpus (JSONL, CSV, Parquet, a folder) to JSONL,
                                          JSON, CSV, Parquet or a folder, by OUT's extension

Exit status: 0 done (a batch's failed records are error rows, not a failure), 1 an error, 2 bad
usage (nothing was cleaned or written), 128 + N stopped by signal N (130 Ctrl-C, 143 SIGTERM).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import newsclean
from newsclean.batch import DEFAULT_CHUNKSIZE, DEFAULT_TIMEOUT, Interrupted, progress_stream, run_batch, write_summary
from newsclean.errors import ConfigError, NewscleanError, UsageError
from newsclean.readers import TEXT_FIELDS, Fields
from newsclean.writers import FORMATS

SHORTEN_AT = 80
CLEAN_FORMATS = ("text", "json", "markdown")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean", description="Clean scraped news pages into typed, explainable articles."
    )
    parser.add_argument("--version", action="version", version=f"newsclean {newsclean.__version__} ({build_kind()})")
    commands = parser.add_subparsers(dest="command", required=True)

    one = commands.add_parser("clean", help="clean one page and print the article")
    one.add_argument("file", nargs="?", default="-", help="a text or HTML file (default: - , stdin)")
    one.add_argument("-o", "--output", help="write to this file instead of stdout")
    one.add_argument("--format", choices=CLEAN_FORMATS, default="text", help="text (default), json or markdown")
    shown = one.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help="the same as --format json")
    shown.add_argument("--explain", action="store_true", help="print each removal and its reason instead")
    one.add_argument("--url", help="the page's URL")
    one.add_argument("--site", help="the outlet, when known")
    _cleaner_options(one)

    many = commands.add_parser("batch", help="clean a corpus into JSONL, JSON, CSV, Parquet or a folder")
    many.add_argument("input", help="JSONL (- for stdin), CSV, Parquet, or a folder of .txt/.html files")
    many.add_argument("-o", "--output", required=True,
                      help="OUT.jsonl (- for stdout), OUT.json, OUT.csv, OUT.parquet, or FOLDER/")
    many.add_argument("--format", choices=FORMATS, help="the output format, when OUT's extension does not say it")
    many.add_argument("--field", help=f"the text field (default: the first of {', '.join(TEXT_FIELDS)})")
    many.add_argument("--id-field", help="the id field (default: id when present, else the line number)")
    many.add_argument("--url-field", help="a field holding each page's URL, passed to clean()")
    many.add_argument("--site-field", help="a field holding each page's outlet, passed to clean()")
    many.add_argument("--encoding", default="utf-8", help="the encoding of a CSV input (default: utf-8)")
    many.add_argument("--recursive", action="store_true", help="read a folder's subfolders too")
    many.add_argument("--glob", help="which files of a folder to read (default: *.txt, *.html, *.htm)")
    many.add_argument("--workers", type=_positive, default=1, help="processes (default: 1)")
    many.add_argument("--chunksize", type=_positive, default=DEFAULT_CHUNKSIZE, help=argparse.SUPPRESS)
    many.add_argument("--timeout-per-record", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                      help=f"a record taking longer is an error row (default: {DEFAULT_TIMEOUT:g}; 0: no limit)")
    many.add_argument("--limit", type=_positive, help="stop after this many records")
    many.add_argument("--no-removals", action="store_true", help="leave out the removal trace")
    many.add_argument("--quiet", "-q", action="store_true", help="no progress and no summary on stderr")
    many.add_argument("--progress", action="store_true", help=argparse.SUPPRESS)  # progress is always on now
    many.add_argument("--summary", metavar="FILE.json", help="also write the summary as JSON")
    _cleaner_options(many)
    return parser


def _cleaner_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--phrases", action="append", default=[], metavar="FILE.toml",
                        help="your own phrase file (repeatable), as Cleaner(phrases=...)")
    parser.add_argument("--disable", action="append", default=[], metavar="RULE",
                        help="switch a rule off (repeatable), as Cleaner(disable=...)")


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return number


def _seconds(value: str) -> float:
    number = float(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {value}")
    return number


def build_kind() -> str:
    """``compiled`` when the mypyc build is installed, else ``pure Python``."""
    import newsclean.document as document

    return "compiled" if not document.__file__.endswith(".py") else "pure Python"


def shorten(text: str, width: int = SHORTEN_AT) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def _facts(article: newsclean.Article) -> list[str]:
    facts = []
    if article.authors:
        facts.append("By " + ", ".join(article.authors))
    if article.timestamp is not None:
        facts.append(article.timestamp.isoformat())
    if article.dateline:
        facts.append(article.dateline)
    return facts


def format_article(article: newsclean.Article) -> str:
    """The article as readable text: title, a byline/time/dateline header, the paragraphs."""
    head: list[str] = []
    if article.title:
        head.append(article.title)
    if facts := _facts(article):
        head.append(" · ".join(facts))
    blocks = ["\n".join(head)] if head else []
    blocks.extend(article.paragraphs)
    if not article.paragraphs and article.empty_reason:
        blocks.append(f"(no article text: {article.empty_reason})")
    return "\n\n".join(blocks)


def format_markdown(article: newsclean.Article) -> str:
    """The article as Markdown: the title as a heading, the facts in italics, the paragraphs."""
    blocks = []
    if article.title:
        blocks.append("# " + article.title)
    if facts := _facts(article):
        blocks.append("*" + " · ".join(facts) + "*")
    blocks.extend(article.paragraphs)
    blocks.extend("> " + caption for caption in article.captions)
    if not article.paragraphs and article.empty_reason:
        blocks.append(f"*(no article text: {article.empty_reason})*")
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


def _cleaner(args: argparse.Namespace) -> newsclean.Cleaner:
    return newsclean.Cleaner(phrases=args.phrases, disable=args.disable)


def run_clean(args: argparse.Namespace) -> int:
    cleaner = _cleaner(args) if args.phrases or args.disable else None
    raw = _read(args.file)
    article = (cleaner.clean if cleaner else newsclean.clean)(raw, url=args.url, site=args.site)
    shown: Callable[[newsclean.Article], str]
    if args.explain:
        shown = format_removals
    elif args.json or args.format == "json":
        shown = lambda a: a.model_dump_json(indent=2)  # noqa: E731
    elif args.format == "markdown":
        shown = format_markdown
    else:
        shown = format_article
    text = shown(article) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return 0


def run_batch_command(args: argparse.Namespace) -> int:
    if args.phrases or args.disable:
        _cleaner(args)  # a bad phrase file or rule name fails here, before anything is read
    fields = Fields(text=args.field, id=args.id_field, url=args.url_field, site=args.site_field)
    progress, tty = progress_stream(args.quiet)
    summary = run_batch(
        args.input,
        args.output,
        fields=fields,
        workers=args.workers,
        chunksize=args.chunksize,
        limit=args.limit,
        removals=not args.no_removals,
        progress=progress,
        progress_tty=tty,
        fmt=args.format,
        encoding=args.encoding,
        recursive=args.recursive,
        pattern=args.glob,
        timeout=args.timeout_per_record or None,
        phrases=tuple(args.phrases),
        disable=tuple(args.disable),
    )
    if not args.quiet:
        print(summary.format(), file=sys.stderr)
    if args.summary:
        write_summary(summary, args.summary)
    return 0


def _error(message: str) -> None:
    with contextlib.suppress(OSError):
        print(f"newsclean: error: {message}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (see the module docstring)."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "clean":
            return run_clean(args)
        return run_batch_command(args)
    except BrokenPipeError:
        # the reader went away (``| head``): not an error; stdout is pointed at /dev/null so
        # the interpreter's own flush at exit does not complain either
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Interrupted as exc:
        _error(f"stopped by {exc}; " + "; ".join(getattr(exc, "__notes__", [])))
        return exc.exit_status
    except KeyboardInterrupt as exc:
        _error("stopped by Ctrl-C; " + "; ".join(getattr(exc, "__notes__", [])))
        return 130
    except (UsageError, ConfigError) as exc:
        _error(str(exc))
        return 2
    except (NewscleanError, OSError) as exc:
        notes = getattr(exc, "__notes__", [])
        _error("; ".join([str(exc), *notes]))
        return 1
