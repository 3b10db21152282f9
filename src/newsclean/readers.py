"""Reading records for ``newsclean batch``, one at a time, without ever losing one.

Every reader yields :class:`Record` (or, for JSONL, a :class:`JsonLine` parsed where it is
cleaned), so an input of any size is read in constant memory. A record that cannot be read
(a line that is not JSON or not UTF-8, a CSV row broken by an open quote, a missing text
field, a file that cannot be opened) is still yielded, with ``error`` set, so the batch writes
an error row in its place: records in = rows out.

Inputs: JSONL (``.jsonl``, ``.ndjson``, ``.json``, ``-`` for stdin, optionally ``.gz``), CSV
(``.csv``, ``.csv.gz``), Parquet (``.parquet``, ``.pq``; needs pyarrow), a folder of
``.txt``/``.html`` files (``recursive``, ``pattern`` choose which). A UTF-8 byte order mark
before the first line is read past.
"""

from __future__ import annotations

import codecs
import csv
import fnmatch
import gzip
import importlib
import json
import os
import re
import sys
import typing
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from newsclean.errors import InputError, UsageError

TEXT_FIELDS = ("text", "raw", "content", "html")
"""The fields tried, in order, for a record's text when no ``--field`` is given."""

FOLDER_SUFFIXES = (".txt", ".html", ".htm")
PARQUET_SUFFIXES = (".parquet", ".pq")
PARQUET_BATCH_ROWS = 1024
PYARROW_HINT = "Parquet needs pyarrow: pip install '.[parquet]' in newsclean's clone"
PEEK_RECORDS = 20
"""How many records are read ahead to check the fields asked for before cleaning starts."""
BOM = codecs.BOM_UTF8

_SURROGATES = re.compile("[\ud800-\udfff]")


def writable(text: str) -> str:
    """``text`` with lone surrogates (which UTF-8 cannot hold) as U+FFFD, as the text path reads them."""
    return _SURROGATES.sub("\ufffd", text) if not text.isascii() and _SURROGATES.search(text) else text


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
    id: str | None = None
    """The id field; ``None`` reads ``id`` when a record has one, else numbers the record."""
    url: str | None = None
    site: str | None = None


def pick_text_field(keys: Sequence[str] | dict[str, Any], fields: Fields) -> str | None:
    """The field a record's text is read from, or ``None`` when it has none of them."""
    if fields.text is not None:
        return fields.text if fields.text in keys else None
    return next((name for name in TEXT_FIELDS if name in keys), None)


def record_from_mapping(position: int, fallback_id: str, row: dict[str, Any], fields: Fields) -> Record:
    """Build a :class:`Record` from a JSON object or CSV row, reporting a missing text field."""
    raw_id = row.get(fields.id or "id")
    rid = fallback_id if raw_id is None or raw_id == "" else writable(str(raw_id))
    name = pick_text_field(row, fields)
    if name is None:
        wanted = fields.text or " or ".join(TEXT_FIELDS)
        return Record(position, rid, error=f"missing text field: {wanted}")
    text = row[name]
    if text is None:
        text = ""
    if not isinstance(text, str | bytes):
        return Record(position, rid, error=f"field {name!r} is {type(text).__name__}, not text")
    return Record(position, rid, text, url=_optional_str(row, fields.url), site=_optional_str(row, fields.site))


def _optional_str(row: dict[str, Any], name: str | None) -> str | None:
    if name is None:
        return None
    value = row.get(name)
    return None if value is None or value == "" else writable(str(value))


def check_fields(keys_seen: list[set[str]], fields: Fields) -> None:
    """Raise :class:`UsageError` when a field asked for is in none of the first records read
    (``keys_seen``: their field names), naming the fields they do have."""
    if not keys_seen:
        return  # no record could be read: each becomes an error row
    every = sorted(set().union(*keys_seen))
    have = ", ".join(every) if every else "(none)"
    n = len(keys_seen)
    asked = [("--field", fields.text), ("--id-field", fields.id), ("--url-field", fields.url),
             ("--site-field", fields.site)]
    for option, name in asked:
        if name is not None and not any(name in keys for keys in keys_seen):
            raise UsageError(f"{option} {name!r}: no such field in the first {n} records; they have: {have}")
    if fields.text is None and not any(pick_text_field(list(keys), fields) for keys in keys_seen):
        raise UsageError(
            f"none of the first {n} records has a text field ({', '.join(TEXT_FIELDS)}); "
            f"name it with --field; they have: {have}"
        )


@dataclass(frozen=True, slots=True)
class JsonLine:
    """A JSONL line read but not parsed yet: a batch parses it where it cleans it (in a
    worker), so the process that reads the input and writes the output does not."""

    position: int
    lineno: int
    line: bytes
    fields: Fields

    def record(self) -> Record:
        """The line as a :class:`Record`; the fallback id is its 1-based line number. Never raises."""
        rid = str(self.lineno)
        try:
            text = self.line.decode("utf-8")
        except UnicodeDecodeError as exc:
            return Record(self.position, rid, error=f"not UTF-8 ({exc.reason} at byte {exc.start} of line {rid})")
        try:
            row = json.loads(text)
        except RecursionError:
            return Record(self.position, rid, error="not JSON: nested too deeply")
        except ValueError as exc:  # JSONDecodeError, and an integer too long to read
            return Record(self.position, rid, error=f"not JSON: {exc}")
        if isinstance(row, dict):
            try:
                return record_from_mapping(self.position, rid, row, self.fields)
            except (ValueError, RecursionError) as exc:  # an id too long or deep to print
                return Record(self.position, rid, error=f"unreadable field: {type(exc).__name__}: {exc}")
        return Record(self.position, rid, error=f"not a JSON object: {type(row).__name__}")

    def keys(self) -> set[str] | None:
        """The record's field names, or ``None`` when the line is not a JSON object."""
        try:
            row = json.loads(self.line.decode("utf-8"))
        except (ValueError, RecursionError):
            return None
        return set(row) if isinstance(row, dict) else None


class ByteCounter:
    """How far through its input a reader is, for the progress bar (``fraction``)."""

    def __init__(self, handle: IO[bytes] | None, size: int | None) -> None:
        self._handle = handle
        self._size = size

    def fraction(self) -> float | None:
        if self._handle is None or not self._size:
            return None
        try:
            return min(self._handle.tell() / self._size, 1.0)
        except (OSError, ValueError):
            return None


@dataclass
class Source:
    """An opened input: its records, and what a progress bar and a summary want to know."""

    records: Iterator[Any]
    """:class:`Record` or :class:`JsonLine` items, in input order."""
    total: int | None = None
    """How many records there are, when known without reading them all (Parquet, a folder)."""
    fraction: Callable[[], float | None] = lambda: None
    """How much of the input has been read (0..1), when it can tell."""
    skipped: dict[str, int] = field(default_factory=dict)
    """Files of a folder that were not read, by why (``other extensions``, ``in subfolders``)."""
    keys_seen: list[set[str]] = field(default_factory=list)
    """The field names of the first records (see :func:`check_fields`)."""


def _open_binary(path: str) -> tuple[IO[bytes], IO[bytes] | None, int | None]:
    """``path`` opened for reading bytes (``-`` is stdin; ``.gz`` decompressed), the raw file
    under it (for progress) and its size."""
    if path == "-":
        return sys.stdin.buffer, None, None
    raw = open(path, "rb")  # noqa: SIM115  closed with the reader
    size = os.fstat(raw.fileno()).st_size
    if path.lower().endswith(".gz"):
        return typing.cast(IO[bytes], gzip.GzipFile(fileobj=raw, mode="rb")), raw, size
    return raw, raw, size


def _close(handle: IO[bytes], raw: IO[bytes] | None) -> None:
    """Close what :func:`_open_binary` opened (never stdin)."""
    if handle is not sys.stdin.buffer:
        handle.close()
        if raw is not None:
            raw.close()


_TRUNCATED = (EOFError, gzip.BadGzipFile, zlib.error, OSError)
"""What reading a cut or corrupt input raises part way (a truncated ``.gz``)."""


def _lines(handle: IO[bytes], path: str) -> Iterator[tuple[int, bytes] | str]:
    """The byte lines of ``handle``, split at ``\\n`` only (a ``\\r`` is not a line break in
    JSONL), numbered from 1, the first without a BOM; a read that fails part way ends the
    lines with a message (a ``str``) saying so."""
    lineno = 0
    while True:
        try:
            line = handle.readline()
        except _TRUNCATED as exc:
            yield f"input ends early after line {lineno} of {path}: {type(exc).__name__}: {exc}"
            return
        if not line:
            return
        lineno += 1
        if lineno == 1 and line.startswith(BOM):
            line = line[len(BOM) :]
        yield lineno, line


def open_jsonl(path: str, fields: Fields) -> Source:
    """A JSONL input: lines not parsed yet (:class:`JsonLine`), blank lines skipped."""
    handle, raw, size = _open_binary(path)
    lines = _lines(handle, path)
    ahead: list[JsonLine | Record] = []
    position = 0

    def next_item() -> JsonLine | Record | None:
        nonlocal position
        for item in lines:
            if isinstance(item, str):
                record = Record(position, f"line-after-{position}", error=item)
                position += 1
                return record
            lineno, line = item
            if not line.strip():
                continue
            out = JsonLine(position, lineno, line.rstrip(b"\r\n"), fields)
            position += 1
            return out
        return None

    keys_seen: list[set[str]] = []
    while len(ahead) < PEEK_RECORDS and (got := next_item()) is not None:
        ahead.append(got)
        if isinstance(got, JsonLine) and (keys := got.keys()) is not None:
            keys_seen.append(keys)

    def records() -> Iterator[JsonLine | Record]:
        try:
            yield from ahead
            while (got := next_item()) is not None:
                yield got
        finally:
            _close(handle, raw)

    return Source(records(), fraction=ByteCounter(raw, size).fraction, keys_seen=keys_seen)


def open_csv(path: str, fields: Fields, encoding: str = "utf-8") -> Source:
    """A CSV input with a header row; the fallback id is the line its row starts on.

    Each line is decoded on its own, so a line in another encoding makes an error row for its
    record (``--encoding`` names the right one) instead of silently mangled text; a row with
    more or fewer fields than the header (what a quote left open does to the rows after it)
    is an error row too."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise UsageError(f"unknown encoding {encoding!r}") from None
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    handle, raw, size = _open_binary(path)
    bad_lines: set[int] = set()
    ended: list[str] = []

    def text_lines() -> Iterator[str]:
        for item in _lines(handle, path):
            if isinstance(item, str):
                ended.append(item)
                return
            lineno, line = item
            try:
                yield line.decode(encoding)
            except UnicodeDecodeError:
                bad_lines.add(lineno)
                yield line.decode(encoding, errors="replace")

    reader = csv.reader(text_lines(), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        header = []
    except csv.Error as exc:
        raise InputError(f"{path}: the CSV header cannot be read: {exc}") from None
    names = [writable(name) for name in header]
    keys_seen = [set(names)] if names else []

    def records() -> Iterator[Record]:
        position = 0
        line_before = reader.line_num
        try:
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    span = f"lines {line_before + 1}-{reader.line_num}"
                    yield Record(position, str(line_before + 1), error=f"malformed CSV at {span}: {exc}")
                    position += 1
                    line_before = reader.line_num
                    continue
                first, last = line_before + 1, reader.line_num
                line_before = last
                if not row:
                    continue  # a blank line
                fallback = str(first)
                broken = [n for n in range(first, last + 1) if n in bad_lines]
                if broken:
                    error = (
                        f"not {encoding} (line {broken[0]}): pass --encoding with the file's encoding"
                    )
                    yield Record(position, fallback, error=error)
                elif len(row) != len(names):
                    error = (
                        f"malformed CSV row at lines {first}-{last}: {len(row)} fields, the header has "
                        f"{len(names)} (a quote left open merges the rows after it)"
                    )
                    yield Record(position, fallback, error=error)
                else:
                    yield record_from_mapping(position, fallback, dict(zip(names, row, strict=True)), fields)
                position += 1
            for message in ended:
                yield Record(position, f"line-after-{line_before}", error=message)
        finally:
            _close(handle, raw)

    return Source(records(), fraction=ByteCounter(raw, size).fraction, keys_seen=keys_seen)


def _file_id(relative: str) -> str:
    """A file's id: its path in the folder, as text (a name that is not UTF-8 gets U+FFFD)."""
    return os.fsencode(relative).decode("utf-8", errors="replace")


def open_folder(path: str, recursive: bool = False, pattern: str | None = None) -> Source:
    """The files of a folder, sorted by path: ``.txt``/``.html``/``.htm`` ones, or those whose
    path in the folder matches ``pattern`` (a glob); subfolders only when ``recursive``.
    What is left out is counted in :attr:`Source.skipped`."""
    skipped: dict[str, int] = {}
    chosen: list[str] = []
    root = Path(path)
    for folder, subfolders, files in os.walk(path):
        subfolders.sort()
        here = os.path.relpath(folder, path)
        if here != "." and not recursive:
            continue
        if not recursive and subfolders:
            skipped["files in subfolders (use --recursive)"] = skipped.get(
                "files in subfolders (use --recursive)", 0
            ) + sum(_count_files(Path(folder, s)) for s in subfolders)
            subfolders.clear()
        for name in files:
            relative = name if here == "." else os.path.join(here, name)
            wanted = fnmatch.fnmatch(relative, pattern) if pattern else name.lower().endswith(FOLDER_SUFFIXES)
            if wanted:
                chosen.append(relative)
            else:
                why = "files not matching --glob" if pattern else "files of other extensions (use --glob)"
                skipped[why] = skipped.get(why, 0) + 1
    chosen.sort()

    def records() -> Iterator[Record]:
        for position, relative in enumerate(chosen):
            rid = _file_id(relative)
            try:
                data = (root / relative).read_bytes()
            except OSError as exc:
                yield Record(position, rid, error=f"cannot read: {exc.strerror or exc}")
            else:
                yield Record(position, rid, data)

    return Source(records(), total=len(chosen), skipped=skipped)


def _count_files(folder: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(folder))


def open_parquet(path: str, fields: Fields) -> Source:
    """A Parquet input, read a batch of rows at a time; the fallback id is the row number."""
    pq = import_optional("pyarrow.parquet")
    try:
        parquet = pq.ParquetFile(path)
        names = list(parquet.schema_arrow.names)
        total = parquet.metadata.num_rows
    except Exception as exc:  # pyarrow's ArrowInvalid and OSError alike
        raise InputError(f"{path} is not a readable Parquet file: {exc}") from None
    wanted = [name for name in (pick_text_field(names, fields), fields.id or "id", fields.url, fields.site)
              if name is not None and name in names]
    columns = list(dict.fromkeys(wanted))

    def records() -> Iterator[Record]:
        position = 0
        try:
            for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=columns):
                for row in batch.to_pylist():
                    yield record_from_mapping(position, str(position + 1), row, fields)
                    position += 1
        except Exception as exc:  # a corrupt row group part way
            yield Record(position, str(position + 1), error=f"{path} cannot be read past row {position}: {exc}")

    return Source(records(), total=total, keys_seen=[set(names)])


def open_source(
    path: str, fields: Fields, *, encoding: str = "utf-8", recursive: bool = False, pattern: str | None = None
) -> Source:
    """The records of ``path``, its format chosen by extension (a folder is read as files)."""
    if path != "-" and not os.path.exists(path):
        raise InputError(f"no such file or folder: {path}")
    if os.path.isdir(path):
        return open_folder(path, recursive, pattern)
    lower = path.lower().removesuffix(".gz")
    if lower.endswith(".csv"):
        return open_csv(path, fields, encoding)
    if lower.endswith(PARQUET_SUFFIXES):
        return open_parquet(path, fields)
    return open_jsonl(path, fields)


def read_records(path: str, fields: Fields | None = None) -> Iterable[Record]:
    """Every record of ``path`` as a :class:`Record` (JSONL lines parsed): for callers outside
    a batch, such as tests and notebooks."""
    for item in open_source(path, fields or Fields()).records:
        yield item.record() if isinstance(item, JsonLine) else item


def import_optional(name: str) -> Any:
    """An optional module (pyarrow), or an :class:`InputError` naming the extra to install."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise InputError(PYARROW_HINT) from exc
