"""Clean a stream of records, in order, on one or more processes: ``newsclean batch``.

The input is read lazily and at most a bounded window of records is in flight, so memory
stays flat however long the input is. Every record gives exactly one output row, in input
order: a record that cannot be read or cleaned gives a row with ``error`` set.
"""

from __future__ import annotations

import functools
import itertools
import json
import multiprocessing
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any, TypeVar

import newsclean
from newsclean.io_formats import (
    Fields,
    JsonLine,
    JsonlWriter,
    ParquetWriter,
    Record,
    Row,
    RowWriter,
    batch_row_schema,
    is_parquet_path,
    read_records,
)

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_CHUNKSIZE = 128
"""Records sent to a worker at a time: fewer, larger messages leave the parent (which reads,
sends, receives and writes every record) less work per record now that a record takes
under half a millisecond to clean."""
COMPACT: dict[str, Any] = {"ensure_ascii": False, "separators": (",", ":")}
"""JSON like pydantic's ``model_dump_json``: UTF-8 as is, no spaces."""
WINDOW_CHUNKS_PER_WORKER = 4
"""How many chunks per worker may be read ahead of the writer (bounds memory)."""


@dataclass(frozen=True, slots=True)
class Options:
    """How each record is turned into a row."""

    removals: bool = True
    """Keep ``Article.removals`` in the row (the trace; off shrinks the output)."""
    as_json: bool = True
    """Return the row as a JSON line (UTF-8 bytes, for JSONL output) rather than a dict."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """A cleaned record: its row, whether it failed, and the removals per rule."""

    id: str
    position: int
    row: Row
    error: str | None
    rules: dict[str, int]


def clean_record(record: Record | JsonLine, options: Options) -> Outcome:
    """Clean one record (or a JSONL line, parsed here) into an output row; never raises for a
    bad record."""
    if isinstance(record, JsonLine):
        record = record.record()
    error = record.error
    if error is None and record.text is not None:
        try:
            article = newsclean.clean(record.text, url=record.url, site=record.site)
        except Exception as exc:  # a bad record must not stop the batch
            error = f"{type(exc).__name__}: {exc}"
        else:
            rules = dict(Counter(removal.rule for removal in article.removals))
            return Outcome(record.id, record.position, _article_row(record, article, options), None, rules)
    message = error or "no text"
    head = {"id": record.id, "position": record.position, "error": message}
    row: Row = json.dumps(head, **COMPACT).encode("utf-8") if options.as_json else head
    return Outcome(record.id, record.position, row, message, {})


def _article_row(record: Record, article: newsclean.Article, options: Options) -> Row:
    exclude = None if options.removals else {"removals"}
    if options.as_json:
        # Splice the article's own (fast) JSON between the record's keys and ``error``, as the
        # UTF-8 bytes pydantic writes (``model_dump_json`` is them, decoded): the process that
        # writes the rows then neither decodes nor encodes them
        body = type(article).__pydantic_serializer__.to_json(article, exclude=exclude)
        head = json.dumps({"id": record.id, "position": record.position}, **COMPACT).encode("utf-8")
        return head[:-1] + b"," + body[1:-1] + b',"error":null}'
    row: dict[str, Any] = {"id": record.id, "position": record.position}
    row.update(article.model_dump(mode="json", exclude=exclude))
    row["error"] = None
    return row


def ordered_map(
    fn: Callable[[T], R], items: Iterable[T], workers: int = 1, chunksize: int = DEFAULT_CHUNKSIZE
) -> Iterator[R]:
    """``map(fn, items)`` on ``workers`` processes, in input order, reading ahead a bounded window.

    ``Pool.imap`` alone would pull the whole input into its task queue while the workers lag
    behind; a semaphore released per result keeps at most ``window`` items in flight.
    """
    if workers <= 1:
        yield from map(fn, items)
        return
    window = max(chunksize, 1) * workers * WINDOW_CHUNKS_PER_WORKER
    slots = threading.Semaphore(window)
    stop = threading.Event()

    def gated() -> Iterator[T]:
        for item in items:
            while not slots.acquire(timeout=0.1):
                if stop.is_set():
                    return
            yield item

    with multiprocessing.Pool(workers) as pool:
        try:
            for result in pool.imap(fn, gated(), chunksize):
                slots.release()
                yield result
        finally:
            stop.set()


@dataclass
class Summary:
    """What a batch did: documents, errors, removals per rule, speed."""

    documents: int = 0
    errors: int = 0
    removals: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    workers: int = 1
    first_errors: list[dict[str, Any]] = field(default_factory=list)
    """The first few failed records (id, position, error), to find them again."""

    MAX_LISTED_ERRORS = 20

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def add(self, outcome: Outcome) -> None:
        self.documents += 1
        self.removals.update(outcome.rules)
        if outcome.error is not None:
            self.errors += 1
            if len(self.first_errors) < self.MAX_LISTED_ERRORS:
                self.first_errors.append(
                    {"id": outcome.id, "position": outcome.position, "error": outcome.error}
                )

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "errors": self.errors,
            "removals": dict(self.removals.most_common()),
            "seconds": round(self.seconds, 3),
            "docs_per_second": round(self.docs_per_second, 1),
            "workers": self.workers,
            "first_errors": self.first_errors,
        }

    def format(self) -> str:
        lines = [
            f"{self.documents} documents, {self.errors} errors, "
            f"{self.seconds:.2f} s, {self.docs_per_second:.0f} docs/s ({self.workers} workers)"
        ]
        if self.removals:
            lines.append("removals per rule:")
            lines.extend(f"  {count:>8}  {rule}" for rule, count in self.removals.most_common())
        lines.extend(f"  error at {e['position']} (id {e['id']}): {e['error']}" for e in self.first_errors)
        return "\n".join(lines)


class Progress:
    """A one-line progress report on a stream, redrawn at most every ``interval`` seconds."""

    def __init__(self, stream: IO[str] | None, interval: float = 0.25) -> None:
        self._stream = stream
        self._interval = interval
        self._started = time.perf_counter()
        self._last = self._started

    def update(self, summary: Summary, force: bool = False) -> None:
        if self._stream is None:
            return
        now = time.perf_counter()
        if not force and now - self._last < self._interval:
            return
        self._last = now
        rate = summary.documents / (now - self._started) if now > self._started else 0.0
        self._stream.write(f"\r{summary.documents} docs  {rate:,.0f} docs/s  {summary.errors} errors ")
        self._stream.flush()

    def finish(self, summary: Summary) -> None:
        if self._stream is not None:
            self.update(summary, force=True)
            self._stream.write("\n")
            self._stream.flush()


def open_writer(path: str, removals: bool) -> RowWriter:
    """A Parquet writer for ``.parquet``/``.pq`` paths, else a JSONL writer."""
    if is_parquet_path(path):
        return ParquetWriter(path, batch_row_schema(include_removals=removals))
    return JsonlWriter(path)


def run_batch(
    source: str,
    output: str,
    *,
    fields: Fields | None = None,
    workers: int = 1,
    chunksize: int = DEFAULT_CHUNKSIZE,
    limit: int | None = None,
    removals: bool = True,
    progress: IO[str] | None = None,
) -> Summary:
    """Clean every record of ``source`` into ``output``, in order; return the summary.

    ``progress`` is the stream for the live progress line (``None``: no progress line).
    """
    # a JSONL line is parsed where it is cleaned: with workers, in them, not in this process,
    # which reads, sends, receives and writes every record
    records: Iterator[Record | JsonLine] = read_records(source, fields or Fields(), defer_json=True)
    if limit is not None:
        records = itertools.islice(records, limit)
    options = Options(removals=removals, as_json=not is_parquet_path(output))
    summary = Summary(workers=workers)
    meter = Progress(progress)
    started = time.perf_counter()
    writer = open_writer(output, removals)
    try:
        clean_one = functools.partial(clean_record, options=options)
        for outcome in ordered_map(clean_one, records, workers, chunksize):
            writer.write(outcome.row)
            summary.add(outcome)
            meter.update(summary)
    finally:
        writer.close()
        summary.seconds = time.perf_counter() - started
        meter.finish(summary)
    return summary


def write_summary(summary: Summary, path: str) -> None:
    """Write the summary as JSON to ``path``."""
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(summary.to_dict(), handle, ensure_ascii=False, indent=2)
        handle.write("\n")


def progress_stream(force: bool) -> IO[str] | None:
    """stderr when it is a terminal or ``force`` is set, else ``None``."""
    return sys.stderr if force or sys.stderr.isatty() else None
