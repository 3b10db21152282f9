"""Writing the rows of ``newsclean batch`` so that no user data is ever lost.

Rows go to ``OUT.partial`` beside the output, and it is renamed to ``OUT`` only when every row
is written: an existing output is replaced only by a complete new one, and a batch stopped
part way leaves ``OUT.partial`` holding whole rows only. An output that is the input (the same
path, the same file through a link, a file inside an input folder, or a folder that holds the
input) is refused before anything is opened.

Formats, from the output's extension or ``--format``: ``jsonl`` (``.jsonl``, ``.ndjson``,
optionally ``.gz``; ``-`` is stdout), ``json`` (one JSON array), ``csv``, ``parquet``, and two
folder formats, ``folder`` (one ``.json`` per record) and ``txt`` (one ``.txt`` per record,
the cleaned text; a failed record gives ``NAME.error.txt``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import shutil
import signal
import sys
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

from newsclean.errors import OutputError, UsageError
from newsclean.readers import import_optional

FORMATS = ("jsonl", "json", "csv", "parquet", "folder", "txt")
FOLDER_FORMATS = ("folder", "txt")
_BY_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".parquet": "parquet",
              ".pq": "parquet"}
PARTIAL = ".partial"
FOLDER_MARK = ".newsclean-batch"
"""A file in every folder output, so a later batch knows it may replace that folder."""
FLUSH_BYTES = 1 << 16
PARQUET_BATCH_ROWS = 1024

Row = bytes | dict[str, Any]
"""A batch row: a JSON object as UTF-8 bytes (JSONL output), or a dict (every other format)."""

LIST_COLUMNS = ("authors", "editors", "paragraphs", "captions", "removals", "provenance")
CSV_COLUMNS = ("id", "position", "error", "title", "authors", "editors", "timestamp", "updated", "dateline",
               "site", "url", "language", "text", "paragraphs", "captions", "empty_reason", "truncated", "truncated_at",
               "provenance", "removals")


def output_format(path: str, requested: str | None = None) -> str:
    """The format of ``path``: ``requested`` if given, else from its extension, else a
    :class:`UsageError` listing the choices (never a silent fallback)."""
    if requested is not None:
        if requested not in FORMATS:
            raise UsageError(f"unknown output format {requested!r}; formats are {', '.join(FORMATS)}")
        return requested
    if path == "-":
        return "jsonl"
    if path.endswith(("/", os.sep)) or os.path.isdir(path):
        return "folder"
    lower = path.lower().removesuffix(".gz")
    suffix = os.path.splitext(lower)[1]
    if suffix in _BY_SUFFIX:
        found = _BY_SUFFIX[suffix]
        if path.lower().endswith(".gz") and found == "parquet":
            raise UsageError(f"{path}: Parquet is compressed already; drop the .gz")
        return found
    raise UsageError(
        f"cannot tell the output format of {path!r}: end it with .jsonl, .json, .csv or .parquet, "
        "end a folder with /, or pass --format (" + ", ".join(FORMATS) + ")"
    )


def _inside(path: str, folder: str) -> bool:
    return os.path.commonpath([path, folder]) == folder


def check_output_safe(source: str, output: str, fmt: str) -> None:
    """Refuse an output that would overwrite, or be read back as, the input."""
    if output == "-":
        if fmt != "jsonl":
            raise UsageError(f"stdout takes JSONL only, not {fmt}")
        return
    out = os.path.realpath(output.rstrip("/" + os.sep) or output)
    targets = [out, out + PARTIAL]
    if source != "-":
        src = os.path.realpath(source)
        for target in targets:
            same = os.path.exists(target) and os.path.exists(src) and os.path.samefile(src, target)
            if target == src or same:
                raise UsageError(f"the output {output!r} is the input {source!r}: choose another output")
            if os.path.isdir(src) and _inside(target, src):
                raise UsageError(f"the output {output!r} is inside the input folder {source!r}, where it would "
                                 "be read back as a record: choose an output outside it")
            if fmt in FOLDER_FORMATS and _inside(src, target):
                raise UsageError(f"the input {source!r} is inside the output folder {output!r}, which the batch "
                                 "replaces: choose another output")
    if fmt in FOLDER_FORMATS:
        if os.path.exists(out) and not os.path.isdir(out):
            raise UsageError(f"{output!r} is a file, not a folder: choose a folder for --format {fmt}")
        if os.path.isdir(out) and os.listdir(out) and not os.path.exists(os.path.join(out, FOLDER_MARK)):
            raise UsageError(f"the folder {output!r} holds files that are not a newsclean batch output; "
                             "choose an empty or new folder")
    elif os.path.isdir(out):
        raise UsageError(f"{output!r} is a folder: name a file, or end it with / for one file per record")


class Holds(Protocol):
    """What writers ask of the stop handler: hold a signal while a row is half written."""

    def held(self) -> Any: ...


class _NoHold:
    @contextmanager
    def held(self) -> Iterator[None]:
        yield


class RowWriter(Protocol):
    """Where batch rows go."""

    def write(self, row: Row) -> None: ...

    def close(self) -> None:
        """Write what is buffered and close (the output is whole rows, but maybe not all of them)."""


class WholeLines:
    """A file written in whole rows: rows are buffered and written with ``os.write``, and when
    a write fails (disk full, ``RLIMIT_FSIZE``) the file is cut back to the last whole row."""

    def __init__(self, path: str, holds: Holds) -> None:
        self.path = path
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        self._buffer: list[bytes] = []
        self._buffered = 0
        self._written = 0
        self._holds = holds
        self.rows = 0
        self._pending_rows = 0

    def write(self, data: bytes) -> None:
        self._buffer.append(data)
        self._buffered += len(data)
        self._pending_rows += 1
        if self._buffered >= FLUSH_BYTES:
            self.flush()

    def flush(self) -> None:
        if not self._buffer:
            return
        data = b"".join(self._buffer)
        with self._holds.held():
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(self._fd, view) :]
            except OSError as exc:
                os.ftruncate(self._fd, self._written)
                self._buffer, self._buffered = [], 0
                raise OutputError(
                    f"cannot write {self.path}: {exc.strerror or exc}; its first {self.rows} rows are whole"
                ) from exc
            self._written += len(data)
            self.rows += self._pending_rows
            self._pending_rows = 0
            self._buffer, self._buffered = [], 0

    def close(self) -> None:
        try:
            self.flush()
        finally:
            os.close(self._fd)


class JsonlWriter:
    """Rows as JSON lines, UTF-8 (``.gz``: compressed as they go)."""

    def __init__(self, path: str, holds: Holds) -> None:
        self._file = WholeLines(path, holds)
        # a gzip stream flushed at each row's end, so a cut file still decompresses to whole rows
        self._gzip = zlib.compressobj(6, zlib.DEFLATED, 31) if path.endswith(".gz" + PARTIAL) else None

    def write(self, row: Row) -> None:
        line = (row if isinstance(row, bytes) else json_bytes(row)) + b"\n"
        if self._gzip is not None:
            line = self._gzip.compress(line) + self._gzip.flush(zlib.Z_SYNC_FLUSH)
        self._file.write(line)

    def close(self) -> None:
        if self._gzip is not None:
            self._file.write(self._gzip.flush())
        self._file.close()


class StdoutWriter:
    """JSONL rows to stdout's byte stream (or, when stdout is text only, to it as text)."""

    def __init__(self) -> None:
        sys.stdout.flush()
        self._buffer: IO[bytes] | None = getattr(sys.stdout, "buffer", None)

    def write(self, row: Row) -> None:
        line = (row if isinstance(row, bytes) else json_bytes(row)) + b"\n"
        if self._buffer is not None:
            self._buffer.write(line)
        else:
            sys.stdout.write(line.decode("utf-8"))

    def close(self) -> None:
        (self._buffer or sys.stdout).flush()


class JsonArrayWriter:
    """Rows as one JSON array, a row per line (closed even when the batch stops part way)."""

    def __init__(self, path: str, holds: Holds) -> None:
        self._file = WholeLines(path, holds)
        self._first = True

    def write(self, row: Row) -> None:
        data = row if isinstance(row, bytes) else json_bytes(row)
        self._file.write((b"[\n" if self._first else b",\n") + data)
        self._first = False

    def close(self) -> None:
        self._file.write(b"[]\n" if self._first else b"\n]\n")
        self._file.close()


class CsvWriter:
    """Rows as CSV with a header; list and object columns hold JSON."""

    def __init__(self, path: str, holds: Holds, removals: bool) -> None:
        self._file = WholeLines(path, holds)
        self._columns = [c for c in CSV_COLUMNS if removals or c != "removals"]
        self._file.write(self._line(self._columns))

    def _line(self, values: list[Any]) -> bytes:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerow(values)
        return out.getvalue().encode("utf-8")

    def write(self, row: Row) -> None:
        data = row if isinstance(row, dict) else json.loads(row)
        values = []
        for column in self._columns:
            value = data.get(column)
            if column in LIST_COLUMNS and value is not None:
                value = json.dumps(value, ensure_ascii=False)
            values.append("" if value is None else value)
        self._file.write(self._line(values))

    def close(self) -> None:
        self._file.close()


def parquet_schema(removals: bool) -> Any:
    """The Parquet schema of a row: real timestamp columns (UTC instants) beside the time as
    the page printed it (``timestamp_text``: its own offset, or a date alone)."""
    pa = import_optional("pyarrow")
    removal = pa.struct([("text", pa.string()), ("rule", pa.string()), ("reason", pa.string()),
                         ("kind", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                         ("line", pa.int64()), ("path", pa.string())])
    columns = [
        ("id", pa.string()), ("position", pa.int64()), ("error", pa.string()), ("title", pa.string()),
        ("authors", pa.list_(pa.string())), ("editors", pa.list_(pa.string())),
        ("timestamp", pa.timestamp("us", tz="UTC")), ("timestamp_text", pa.string()),
        ("updated", pa.timestamp("us", tz="UTC")), ("updated_text", pa.string()),
        ("dateline", pa.string()), ("site", pa.string()), ("url", pa.string()), ("language", pa.string()),
        ("text", pa.string()), ("paragraphs", pa.list_(pa.string())), ("captions", pa.list_(pa.string())),
        ("empty_reason", pa.string()), ("truncated", pa.bool_()), ("truncated_at", pa.int64()),
        ("provenance", pa.map_(pa.string(), pa.string())),
    ]
    if removals:
        columns.append(("removals", pa.list_(removal)))
    return pa.schema(columns)


def as_instant(value: str | None) -> dt.datetime | None:
    """An ISO time or date as a UTC instant; a time with no zone, and a date, are read as UTC."""
    if not value:
        return None
    parsed = dt.datetime.fromisoformat(value)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=dt.UTC)


class ParquetWriter:
    """Rows as Parquet, a row group per ``batch_rows`` rows."""

    def __init__(self, path: str, holds: Holds, removals: bool, batch_rows: int = PARQUET_BATCH_ROWS) -> None:
        pq = import_optional("pyarrow.parquet")
        self._pa = import_optional("pyarrow")
        self._schema = parquet_schema(removals)
        self._names = self._schema.names
        self._writer = pq.ParquetWriter(path, self._schema)
        self._rows: list[dict[str, Any]] = []
        self._batch_rows = batch_rows
        self._holds = holds
        self._path = path

    def write(self, row: Row) -> None:
        data = dict(row) if isinstance(row, dict) else json.loads(row)
        for name in ("timestamp", "updated"):
            text = data.get(name)
            data[name + "_text"] = text
            data[name] = as_instant(text)
        if isinstance(data.get("provenance"), dict):
            data["provenance"] = list(data["provenance"].items())
        self._rows.append({name: data.get(name) for name in self._names})
        if len(self._rows) >= self._batch_rows:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            table = self._pa.Table.from_pylist(self._rows, schema=self._schema)
            with self._holds.held():
                try:
                    self._writer.write_table(table)
                except OSError as exc:
                    raise OutputError(f"cannot write {self._path}: {exc}") from exc
            self._rows = []

    def close(self) -> None:
        try:
            self._flush()
        finally:
            self._writer.close()


_UNSAFE_NAME = re.compile(r"[^\w.@+-]+")


class FolderWriter:
    """One file per record in a folder: ``NAME.json`` (the row) or ``NAME.txt`` (the text)."""

    def __init__(self, path: str, holds: Holds, as_text: bool) -> None:
        os.makedirs(path, exist_ok=True)
        Path(path, FOLDER_MARK).write_text("written by newsclean batch\n", encoding="utf-8")
        self._path = path
        self._as_text = as_text
        self._used: set[str] = set()
        self._holds = holds

    def _name(self, rid: str, position: int) -> str:
        stem = _UNSAFE_NAME.sub("_", os.path.splitext(rid)[0] if rid.lower().endswith((".txt", ".html", ".htm"))
                                else rid).strip("._")[:150] or f"record-{position}"
        name = stem
        if name in self._used:
            name = f"{stem}-{position}"
        self._used.add(name)
        return name

    def write(self, row: Row) -> None:
        data = row if isinstance(row, dict) else json.loads(row)
        name = self._name(str(data.get("id")), int(data.get("position") or 0))
        if not self._as_text:
            target, body = name + ".json", json_bytes(data) + b"\n"
        elif data.get("error") is not None:
            target, body = name + ".error.txt", f"{data['error']}\n".encode()
        else:
            target, body = name + ".txt", (str(data.get("text") or "") + "\n").encode("utf-8")
        with self._holds.held():
            try:
                Path(self._path, target).write_bytes(body)
            except OSError as exc:
                Path(self._path, target).unlink(missing_ok=True)
                raise OutputError(f"cannot write {self._path}/{target}: {exc.strerror or exc}") from exc

    def close(self) -> None:
        pass


def json_bytes(row: dict[str, Any]) -> bytes:
    return json.dumps(row, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


@dataclass
class Output:
    """The output of a batch: written at ``partial`` and moved to ``final`` by :meth:`commit`."""

    final: str
    partial: str | None
    writer: RowWriter
    fmt: str

    def commit(self) -> None:
        """Close the writer and put the complete output in place."""
        self.writer.close()
        if self.partial is None:
            return
        if self.fmt in FOLDER_FORMATS and os.path.isdir(self.final):
            old = self.final + ".old-" + str(os.getpid())
            os.replace(self.final, old)
            os.replace(self.partial, self.final)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(self.partial, self.final)

    def abandon(self) -> str | None:
        """Close the writer, keep the partial output as it is, and say where it is."""
        with suppress(OSError):
            self.writer.close()
        return self.partial


def open_output(path: str, fmt: str, *, removals: bool, holds: Holds | None = None) -> Output:
    """The output, opened at its partial path (see the module docstring)."""
    hold: Holds = holds or _NoHold()
    if path == "-":
        return Output(path, None, StdoutWriter(), fmt)
    final = path.rstrip("/" + os.sep) or path
    partial = final + PARTIAL
    if os.path.isdir(partial):
        shutil.rmtree(partial)
    makers: dict[str, Callable[[], RowWriter]] = {
        "jsonl": lambda: JsonlWriter(partial, hold),
        "json": lambda: JsonArrayWriter(partial, hold),
        "csv": lambda: CsvWriter(partial, hold, removals),
        "parquet": lambda: ParquetWriter(partial, hold, removals),
        "folder": lambda: FolderWriter(partial, hold, as_text=False),
        "txt": lambda: FolderWriter(partial, hold, as_text=True),
    }
    try:
        writer = makers[fmt]()
    except OSError as exc:
        raise OutputError(f"cannot create {partial}: {exc.strerror or exc}") from exc
    return Output(final, partial, writer, fmt)


def ignore_file_size_signal() -> None:
    """Let a write past ``RLIMIT_FSIZE`` fail with ``EFBIG`` instead of killing the process."""
    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


