"""Clean a stream of records, in order, on one or more processes: ``newsclean batch``.

Every record gives exactly one output row, in input order: a record that cannot be read or
cleaned (bad JSON, invalid UTF-8, a worker that died on it, a page over the time limit) gives
a row with ``error`` set, and the batch goes on. The output is written beside its final name
and moved there only when complete (see :mod:`newsclean.writers`); Ctrl-C or SIGTERM stop the
batch cleanly, keeping the rows written so far in ``OUT.partial``.
"""

from __future__ import annotations

import functools
import json
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import IO, Any

import newsclean
from newsclean.errors import NewscleanError
from newsclean.pool import ordered_chunks
from newsclean.progress import Progress
from newsclean.readers import Fields, JsonLine, Record, Source, check_fields, open_source, writable
from newsclean.writers import (
    Output,
    Row,
    check_output_safe,
    ignore_file_size_signal,
    open_output,
    output_format,
)

DEFAULT_CHUNKSIZE = 128
"""Records sent to a worker at a time: fewer, larger messages leave the parent (which reads,
sends, receives and writes every record) less work per record."""
DEFAULT_TIMEOUT = 60.0
"""Seconds one record may take before it becomes an error row (a page takes milliseconds)."""
COMPACT: dict[str, Any] = {"ensure_ascii": False, "separators": (",", ":")}
"""JSON like pydantic's ``model_dump_json``: UTF-8 as is, no spaces."""


@dataclass(frozen=True, slots=True)
class Options:
    """How each record is turned into a row."""

    removals: bool = True
    """Keep ``Article.removals`` in the row (the trace; off shrinks the output)."""
    as_json: bool = True
    """Return the row as a JSON line (UTF-8 bytes, for JSONL output) rather than a dict."""
    timeout: float | None = DEFAULT_TIMEOUT
    """Seconds a record may take (``None``: no limit)."""
    phrases: tuple[str, ...] = ()
    """The user's phrase files (``Cleaner(phrases=...)``)."""
    disable: tuple[str, ...] = ()
    """Rules switched off (``Cleaner(disable=...)``)."""

    def clean(self, record: Record) -> newsclean.Article:
        """The record cleaned by the configured cleaner (built once per process)."""
        if not self.phrases and not self.disable:
            return newsclean.clean(record.text or "", url=record.url, site=record.site)
        return _cleaner(self.phrases, self.disable).clean(record.text or "", url=record.url, site=record.site)


@functools.cache
def _cleaner(phrases: tuple[str, ...], disable: tuple[str, ...]) -> newsclean.Cleaner:
    return newsclean.Cleaner(phrases=list(phrases), disable=set(disable))


@dataclass(frozen=True, slots=True)
class Outcome:
    """A cleaned record: its row, whether it failed, and the removals per rule and reason."""

    id: str
    position: int
    row: Row
    error: str | None
    reasons: dict[tuple[str, str], int]


class RecordTimeout(Exception):
    """A record took longer than ``--timeout-per-record``."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise RecordTimeout


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`RecordTimeout` in the block after ``seconds`` (main thread only: elsewhere
    there is no limit)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def clean_record(record: Record | JsonLine, options: Options) -> Outcome:
    """Clean one record (or a JSONL line, parsed here) into an output row; never raises."""
    if isinstance(record, JsonLine):
        record = record.record()
    error = record.error
    if error is None and record.text is not None:
        try:
            with time_limit(options.timeout):
                article = options.clean(record)
            reasons = dict(Counter((r.rule, r.reason) for r in article.removals))
            return Outcome(record.id, record.position, _article_row(record, article, options), None, reasons)
        except RecordTimeout:
            error = f"timeout: cleaning took over {options.timeout:g} s (--timeout-per-record)"
        except Exception as exc:  # a bad record must not stop the batch
            error = f"{type(exc).__name__}: {exc}"
    return error_outcome(record.id, record.position, error or "no text", options)


def error_outcome(rid: str, position: int, message: str, options: Options) -> Outcome:
    """The row of a record that gives no article."""
    rid, message = writable(rid), writable(message)
    head: dict[str, Any] = {"id": rid, "position": position, "error": message}
    row: Row = json.dumps(head, **COMPACT).encode("utf-8") if options.as_json else head
    return Outcome(rid, position, row, message, {})


def _article_row(record: Record, article: newsclean.Article, options: Options) -> Row:
    exclude = None if options.removals else {"removals"}
    if options.as_json:
        # Splice the article's own (fast) JSON between the record's keys and ``text``, as the
        # UTF-8 bytes pydantic writes: the process that writes the rows then neither decodes
        # nor encodes them
        body = type(article).__pydantic_serializer__.to_json(article, exclude=exclude)
        head = json.dumps({"id": record.id, "position": record.position}, **COMPACT).encode("utf-8")
        text = json.dumps(article.text, **COMPACT).encode("utf-8")
        return head[:-1] + b"," + body[1:-1] + b',"text":' + text + b',"error":null}'
    row: dict[str, Any] = {"id": record.id, "position": record.position}
    row.update(article.model_dump(mode="json", exclude=exclude))
    row["text"] = article.text
    row["error"] = None
    return row


def clean_chunk(chunk: list[Record | JsonLine], options: Options) -> list[Outcome]:
    """A worker's job: a chunk of records, cleaned in order."""
    return [clean_record(record, options) for record in chunk]


def _lost(chunk: list[Record | JsonLine], reason: str, options: Options) -> list[Outcome]:
    return [error_outcome(_id_of(item), item.position, reason, options) for item in chunk]


def _id_of(item: Record | JsonLine) -> str:
    return item.record().id if isinstance(item, JsonLine) else item.id


@dataclass
class Summary:
    """What a batch did: documents, errors, removals per rule and reason, speed, what was skipped."""

    documents: int = 0
    errors: int = 0
    reasons: Counter[tuple[str, str]] = field(default_factory=Counter)
    seconds: float = 0.0
    workers: int = 1
    first_errors: list[dict[str, Any]] = field(default_factory=list)
    """The first few failed records (id, position, error), to find them again."""
    skipped: dict[str, int] = field(default_factory=dict)
    """Input files not read, by why (a folder's other extensions, subfolders)."""
    incidents: list[str] = field(default_factory=list)
    """Things that went wrong around the records (a worker that died)."""
    output: str | None = None

    MAX_LISTED_ERRORS = 20

    @property
    def removals(self) -> Counter[str]:
        """Removals per rule."""
        out: Counter[str] = Counter()
        for (rule, _), count in self.reasons.items():
            out[rule] += count
        return out

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def add(self, outcome: Outcome) -> None:
        self.documents += 1
        self.reasons.update(outcome.reasons)
        if outcome.error is not None:
            self.errors += 1
            if len(self.first_errors) < self.MAX_LISTED_ERRORS:
                self.first_errors.append({"id": outcome.id, "position": outcome.position, "error": outcome.error})

    def to_dict(self) -> dict[str, Any]:
        by_reason: dict[str, dict[str, int]] = {}
        for (rule, reason), count in self.reasons.most_common():
            by_reason.setdefault(rule, {})[reason] = count
        return {
            "documents": self.documents,
            "errors": self.errors,
            "removals": dict(self.removals.most_common()),
            "removals_by_reason": by_reason,
            "seconds": round(self.seconds, 3),
            "docs_per_second": round(self.docs_per_second, 1),
            "workers": self.workers,
            "first_errors": self.first_errors,
            "skipped": self.skipped,
            "incidents": self.incidents,
        }

    def format(self, reasons: int = 3) -> str:
        lines = [
            f"{self.documents} documents, {self.errors} errors, "
            f"{self.seconds:.2f} s, {self.docs_per_second:.0f} docs/s ({self.workers} workers)"
        ]
        lines.extend(f"skipped {count} {why}" for why, count in self.skipped.items())
        lines.extend(f"note: {incident}" for incident in self.incidents)
        if self.reasons:
            lines.append("removals per rule (top reasons):")
            for rule, count in self.removals.most_common():
                top = [(reason, n) for (r, reason), n in self.reasons.most_common() if r == rule][:reasons]
                detail = ", ".join(f"{reason} {n}" for reason, n in top)
                lines.append(f"  {count:>8}  {rule:<14} {detail}")
        lines.extend(f"  error at {e['position']} (id {e['id']}): {e['error']}" for e in self.first_errors)
        return "\n".join(lines)


class Interrupted(BaseException):
    """The batch was stopped by a signal (Ctrl-C, SIGTERM). Like ``KeyboardInterrupt``, not an
    ``Exception``: no ``except Exception`` around one record's cleaning takes it for a bad record."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_status(self) -> int:
        return 128 + self.signum


class StopSignals:
    """SIGINT and SIGTERM raise :class:`Interrupted`, but never while a row is half written:
    then the signal waits for the end of the write (:meth:`held`)."""

    def __init__(self) -> None:
        self._holding = 0
        self._pending: int | None = None
        self._previous: dict[int, Any] = {}

    def _handler(self, signum: int, frame: FrameType | None) -> None:
        if self._holding:
            self._pending = signum
            return
        raise Interrupted(signum)

    @contextmanager
    def held(self) -> Iterator[None]:
        self._holding += 1
        try:
            yield
        finally:
            self._holding -= 1
            if not self._holding and self._pending is not None:
                signum, self._pending = self._pending, None
                raise Interrupted(signum)

    def __enter__(self) -> StopSignals:
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                self._previous[signum] = signal.signal(signum, self._handler)
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, previous in self._previous.items():
            signal.signal(signum, previous)


def _rows(
    source: Source, options: Options, workers: int, chunksize: int, summary: Summary
) -> Iterator[Outcome]:
    if workers <= 1:
        for item in source.records:
            yield clean_record(item, options)
        return
    yield from ordered_chunks(
        functools.partial(clean_chunk, options=options),
        source.records,
        workers,
        chunksize,
        on_lost=functools.partial(_lost, options=options),
        on_death=summary.incidents.append,
    )


def run_batch(
    source_path: str,
    output: str,
    *,
    fields: Fields | None = None,
    workers: int = 1,
    chunksize: int = DEFAULT_CHUNKSIZE,
    limit: int | None = None,
    removals: bool = True,
    progress: IO[str] | None = None,
    progress_tty: bool = False,
    fmt: str | None = None,
    encoding: str = "utf-8",
    recursive: bool = False,
    pattern: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    phrases: tuple[str, ...] = (),
    disable: tuple[str, ...] = (),
) -> Summary:
    """Clean every record of ``source_path`` into ``output``, in order; return the summary.

    Raises :class:`~newsclean.errors.UsageError` before cleaning anything when the output is
    unsafe or its format unknown, or a field asked for is in none of the first records;
    :class:`Interrupted` when stopped by a signal (``OUT.partial`` keeps the rows written);
    :class:`~newsclean.errors.OutputError` when the output cannot be written.
    """
    fields = fields or Fields()
    kind = output_format(output, fmt)
    check_output_safe(source_path, output, kind)
    source = open_source(source_path, fields, encoding=encoding, recursive=recursive, pattern=pattern)
    check_fields(source.keys_seen, fields)
    if limit is not None:
        source.records = _take(source.records, limit)
        source.total = min(source.total, limit) if source.total is not None else None
    options = Options(removals=removals, as_json=kind in ("jsonl", "json"), timeout=timeout, phrases=phrases,
                      disable=disable)
    summary = Summary(workers=workers, skipped=dict(source.skipped), output=output)
    meter = Progress(progress, tty=progress_tty, total=source.total, fraction=source.fraction)
    ignore_file_size_signal()
    started = time.perf_counter()
    with StopSignals() as stops:
        out = open_output(output, kind, removals=removals, holds=stops)
        try:
            for outcome in _rows(source, options, workers, chunksize, summary):
                out.writer.write(outcome.row)
                summary.add(outcome)
                meter.update(summary.documents, summary.errors)
            with stops.held():
                out.commit()
        except BaseException as exc:
            partial = out.abandon()
            summary.seconds = time.perf_counter() - started
            if isinstance(exc, Interrupted | NewscleanError | OSError | KeyboardInterrupt):
                exc.add_note(_partial_note(summary, partial))
            raise
        finally:
            summary.seconds = time.perf_counter() - started
            meter.finish(summary.documents, summary.errors)
    return summary


def _partial_note(summary: Summary, partial: str | None) -> str:
    where = f"the rows written so far are kept in {partial}" if partial else "rows went to stdout"
    return f"{summary.documents} records were cleaned before the stop; {where}"


def _take(items: Iterator[Any], limit: int) -> Iterator[Any]:
    for n, item in enumerate(items):
        if n >= limit:
            return
        yield item


def write_summary(summary: Summary, path: str) -> None:
    """Write the summary as JSON to ``path``."""
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(summary.to_dict(), handle, ensure_ascii=False, indent=2)
        handle.write("\n")


def progress_stream(quiet: bool = False) -> tuple[IO[str] | None, bool]:
    """Where progress goes, and whether it is a terminal: stderr, unless ``quiet``."""
    if quiet:
        return None, False
    return sys.stderr, sys.stderr.isatty()


__all__ = ["DEFAULT_CHUNKSIZE", "Interrupted", "Options", "Output", "Summary", "run_batch"]
