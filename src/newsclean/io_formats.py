"""Reading records for ``newsclean batch`` and writing its rows, one record at a time.

Every reader is a generator of :class:`Record`, so an input of any size is read in constant
memory. A record that cannot be read (a line that is not JSON, a missing text field) is
still yielded, with ``error`` set, so the batch writes an error row in its place instead of
dropping it.

Inputs: JSONL (``.jsonl``, ``.ndjson``, ``.json``, ``-`` for stdin, optionally ``.gz``),
CSV (``.csv``, ``.csv.gz``), a folder of ``.txt``/``.html`` files, Parquet (``.parquet``,
needs ``pip install newsclean[parquet]``). Outputs: JSONL, or Parquet by extension.
"""

from __future__ import annotations

import csv
import gzip
import importlib
import io
import json
import os
import sys
import types
import typing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

from pydantic import BaseModel

from newsclean.errors import InputError
from newsclean.model import Article

TEXT_FIELDS = ("text", "raw", "content", "html")
"""The fields tried, in order, for a record's text when no ``--field`` is given."""

FOLDER_SUFFIXES = (".txt", ".html", ".htm")
PARQUET_SUFFIXES = (".parquet", ".pq")
PARQUET_BATCH_ROWS = 1024
PARQUET_EXTRA_HINT = "Parquet needs pyarrow: pip install newsclean[parquet]"


@dataclass(frozen=True, slots=True)
class Record:
    """One input record: its position, its id, and its text or why it has none."""

    position: int
    """0-based index of the record in the input."""
    id: str
    text: str | bytes | None = None
    url: str | None = None
    site: str | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Fields:
    """Which fields of a record hold what."""

    text: str | None = None
    """The text field; ``None`` picks the first of :data:`TEXT_FIELDS` present."""
    id: str = "id"
    url: str | None = None
    site: str | None = None


def pick_text_field(keys: Sequence[str] | dict[str, Any], fields: Fields) -> str | None:
    """The field a record's text is read from, or ``None`` when it has none of them."""
    if fields.text is not None:
        return fields.text if fields.text in keys else None
    return next((name for name in TEXT_FIELDS if name in keys), None)


def record_from_mapping(position: int, fallback_id: str, row: dict[str, Any], fields: Fields) -> Record:
    """Build a :class:`Record` from a JSON object or CSV row, reporting a missing text field."""
    raw_id = row.get(fields.id)
    rid = fallback_id if raw_id is None or raw_id == "" else str(raw_id)
    name = pick_text_field(row, fields)
    if name is None:
        wanted = fields.text or " or ".join(TEXT_FIELDS)
        return Record(position, rid, error=f"missing text field: {wanted}")
    text = row[name]
    if text is None:
        text = ""
    if not isinstance(text, str | bytes):
        return Record(position, rid, error=f"field {name!r} is {type(text).__name__}, not text")
    return Record(
        position,
        rid,
        text,
        url=_optional_str(row, fields.url),
        site=_optional_str(row, fields.site),
    )


def _optional_str(row: dict[str, Any], name: str | None) -> str | None:
    if name is None:
        return None
    value = row.get(name)
    return None if value is None or value == "" else str(value)


def _open_text(path: str) -> IO[str]:
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace", newline="")
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace", newline="")
    return open(path, encoding="utf-8", errors="replace", newline="")


@dataclass(frozen=True, slots=True)
class JsonLine:
    """A JSONL line read but not parsed yet: a batch parses it where it cleans it (in a
    worker), so the process that reads the input and writes the output does not."""

    position: int
    lineno: int
    line: str
    fields: Fields

    def record(self) -> Record:
        """The line as a :class:`Record`; the fallback id is its 1-based line number."""
        rid = str(self.lineno)
        try:
            row = json.loads(self.line)
        except json.JSONDecodeError as exc:
            return Record(self.position, rid, error=f"not JSON: {exc}")
        if isinstance(row, dict):
            return record_from_mapping(self.position, rid, row, self.fields)
        return Record(self.position, rid, error=f"not a JSON object: {type(row).__name__}")


def jsonl_lines(path: str, fields: Fields) -> Iterator[JsonLine]:
    """The non-blank lines of a JSONL file, not parsed yet (see :class:`JsonLine`)."""
    with _open_text(path) as handle:
        position = 0
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            yield JsonLine(position, lineno, line, fields)
            position += 1


def read_jsonl(path: str, fields: Fields) -> Iterator[Record]:
    """Records of a JSONL file; the fallback id is the 1-based line number. Blank lines are skipped."""
    for line in jsonl_lines(path, fields):
        yield line.record()


def read_csv(path: str, fields: Fields) -> Iterator[Record]:
    """Records of a CSV file with a header row; the fallback id is the row's first line number."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with _open_text(path) as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None:
            return
        line_before = reader.line_num
        for position, row in enumerate(reader):
            yield record_from_mapping(position, str(line_before + 1), dict(row), fields)
            line_before = reader.line_num


def read_folder(path: str) -> Iterator[Record]:
    """The ``.txt``/``.html`` files of a folder, sorted by name; the id is the file name."""
    names = sorted(
        entry.name
        for entry in os.scandir(path)
        if entry.is_file() and entry.name.lower().endswith(FOLDER_SUFFIXES)
    )
    for position, name in enumerate(names):
        try:
            data = Path(path, name).read_bytes()
        except OSError as exc:
            yield Record(position, name, error=f"cannot read: {exc}")
        else:
            yield Record(position, name, data)


def read_parquet(path: str, fields: Fields) -> Iterator[Record]:
    """Records of a Parquet file, read a batch of rows at a time; the fallback id is the row number."""
    pq = import_pyarrow_parquet()
    parquet = pq.ParquetFile(path)
    names = list(parquet.schema_arrow.names)
    wanted = [
        name
        for name in (pick_text_field(names, fields), fields.id, fields.url, fields.site)
        if name is not None and name in names
    ]
    columns = list(dict.fromkeys(wanted))
    position = 0
    for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=columns):
        for row in batch.to_pylist():
            yield record_from_mapping(position, str(position + 1), row, fields)
            position += 1


def read_records(path: str, fields: Fields, *, defer_json: bool = False) -> Iterator[Record | JsonLine]:
    """Records of ``path``, its format chosen by extension (a folder is read as files); with
    ``defer_json``, a JSONL file's lines come unparsed (:class:`JsonLine`)."""
    if path != "-" and not os.path.exists(path):
        raise InputError(f"no such file or folder: {path}")
    if os.path.isdir(path):
        return read_folder(path)
    lower = path.lower().removesuffix(".gz")
    if lower.endswith(".csv"):
        return read_csv(path, fields)
    if lower.endswith(PARQUET_SUFFIXES):
        return read_parquet(path, fields)
    return jsonl_lines(path, fields) if defer_json else read_jsonl(path, fields)


def import_pyarrow_parquet() -> Any:
    """``pyarrow.parquet``, or an :class:`InputError` naming the extra to install."""
    return _import_optional("pyarrow.parquet")


def _import_optional(name: str) -> Any:
    # pyarrow ships no type information; imported by name so mypy needs no override for it.
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise InputError(PARQUET_EXTRA_HINT) from exc


Row = bytes | str | dict[str, Any]
"""A batch row: a ready JSON object (UTF-8 bytes, or text), or a dict."""


class RowWriter(Protocol):
    """Where batch rows go."""

    def write(self, row: Row) -> None:
        """Write one row: a dict, or a ready JSON object as UTF-8 bytes or text."""

    def close(self) -> None: ...


class _TextSink:
    """A text stream taking UTF-8 bytes: a ``sys.stdout`` replaced by one with no byte buffer."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, data: bytes) -> int:
        return self._stream.write(data.decode("utf-8"))

    def flush(self) -> None:
        self._stream.flush()

    def close(self) -> None:
        self._stream.close()


class JsonlWriter:
    """Rows as JSON lines, UTF-8 (``-`` is stdout, ``.gz`` is compressed)."""

    def __init__(self, path: str) -> None:
        self._owned = path != "-"
        if not self._owned:
            sys.stdout.flush()  # (rows go to its byte stream, after whatever was printed)
            buffer: IO[bytes] | None = getattr(sys.stdout, "buffer", None)
            self._handle: IO[bytes] | gzip.GzipFile | _TextSink = (
                buffer if buffer is not None else _TextSink(sys.stdout)
            )
        elif path.endswith(".gz"):
            self._handle = gzip.open(path, "wb")  # noqa: SIM115  closed by close()
        else:
            self._handle = open(path, "wb")  # noqa: SIM115  closed by close()

    def write(self, row: Row) -> None:
        if isinstance(row, dict):
            row = json.dumps(row, ensure_ascii=False, default=str)
        self._handle.write(row.encode("utf-8") if isinstance(row, str) else row)
        self._handle.write(b"\n")

    def close(self) -> None:
        if self._owned:
            self._handle.close()
        else:
            self._handle.flush()


def _arrow_type(pa: Any, annotation: Any) -> Any:
    """The Arrow type of a model field's annotation, as its ``model_dump(mode="json")`` value.

    Datetimes stay ISO 8601 strings so their UTC offset is kept; enums are their values.
    """
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin in (typing.Union, types.UnionType):
        return _arrow_type(pa, args[0]) if len(args) == 1 else pa.string()
    if origin is list:
        return pa.list_(_arrow_type(pa, args[0]))
    if origin is dict:
        return pa.map_(pa.string(), _arrow_type(pa, args[1]))
    if annotation is bool:
        return pa.bool_()
    if annotation is int:
        return pa.int64()
    if annotation is float:
        return pa.float64()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(
            [(name, _arrow_type(pa, info.annotation)) for name, info in annotation.model_fields.items()]
        )
    return pa.string()  # str, enums, and anything without a closer Arrow type


def batch_row_schema(include_removals: bool = True) -> Any:
    """The Arrow schema of a batch row: ``id``, ``position``, the Article fields, ``error``."""
    pa = _import_optional("pyarrow")

    columns = [("id", pa.string()), ("position", pa.int64())]
    for name, info in Article.model_fields.items():
        if name == "removals" and not include_removals:
            continue
        columns.append((name, _arrow_type(pa, info.annotation)))
    columns.append(("error", pa.string()))
    return pa.schema(columns)


class ParquetWriter:
    """Rows as Parquet, a row group per ``batch_rows`` rows, with a fixed schema."""

    def __init__(self, path: str, schema: Any, batch_rows: int = PARQUET_BATCH_ROWS) -> None:
        pq = import_pyarrow_parquet()
        self._pa = _import_optional("pyarrow")
        self._schema = schema
        self._writer = pq.ParquetWriter(path, schema)
        self._rows: list[dict[str, Any]] = []
        self._batch_rows = batch_rows

    def write(self, row: Row) -> None:
        self._rows.append(row if isinstance(row, dict) else json.loads(row))
        if len(self._rows) >= self._batch_rows:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            table = self._pa.Table.from_pylist(self._rows, schema=self._schema)
            self._writer.write_table(table)
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()


def is_parquet_path(path: str) -> bool:
    """True when ``path`` names a Parquet file."""
    return path.lower().endswith(PARQUET_SUFFIXES)
