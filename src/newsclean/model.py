"""The typed result of cleaning: :class:`Article` and the trace of what was removed.

Every model is frozen and rejects unknown fields, so an ``Article`` read back from JSON is
exactly the one that was written (``Article.model_validate_json(a.model_dump_json()) == a``).
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import StrEnum
from typing import Annotated, Any, overload

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler, GetJsonSchemaHandler, SerializationInfo
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema


class Kind(StrEnum):
    """What a removed piece of text was."""

    BOILERPLATE = "boilerplate"
    """Text that is not part of the story (ads, related links, menus, prompts, ...)."""
    METADATA = "metadata"
    """Header or credit text whose content went to a field (title, byline, dateline)."""
    CAPTION = "caption"
    """A photo or video caption, moved to ``Article.captions``."""


class Removal(BaseModel):
    """One piece of the input that is not in ``Article.paragraphs``, and why.

    ``start``/``end`` are character offsets into the text the pipeline read (the raw text
    for text input; the page text rendered from the DOM for HTML input), so applying every
    removal to that text gives the paragraphs back (see :func:`newsclean.replay`).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    rule: str
    """The rule that decided, e.g. ``related_links``."""
    reason: str
    """A stable machine-readable reason, e.g. ``related_link:baca juga``."""
    kind: Kind = Kind.BOILERPLATE
    start: int
    end: int
    line: int
    """0-based index of the line (block) the text was in; -1 for a page-level (HTML) removal."""
    path: str | None = None
    """For a page-level removal of HTML input: where in the page (``body/div[2]/nav``). Such a
    removal's text never reached the text pipeline, so it has ``start == end == 0``."""


_FIELDS = ("text", "rule", "reason", "kind", "start", "end", "line")
"""The fields every trace entry sets (``path`` only a page-level one)."""
_SET = frozenset(_FIELDS)
_SET_WITH_PATH = frozenset((*_FIELDS, "path"))


class Removals(Sequence[Removal]):
    """``Article.removals``: a read-only sequence of :class:`Removal`, stored compactly.

    A trace of a million removals as a million models would take about a kilobyte each; here
    each is three offsets and an index into a table of its (rule, reason, kind) labels, and its
    text is a slice of the text the pipeline read, which the sequence keeps once. A
    :class:`Removal` is made when one is read (indexing, iterating); it equals the one that
    would have been stored, and the sequence equals a list of them.

    >>> r = Removals.of([Removal(text="Baca juga", rule="related_links", reason="related_link:baca juga",
    ...                          start=4, end=13, line=1)], source="Isi\nBaca juga")
    >>> len(r), r[0].text, r == [r[0]]
    (1, 'Baca juga', True)
    """

    __slots__ = ("_codes", "_ends", "_labels", "_lines", "_paths", "_source", "_starts", "_texts")

    def __init__(self) -> None:
        self._source = ""
        """The text the offsets point into (the text the pipeline read)."""
        self._starts = array("q")
        self._ends = array("q")
        self._lines = array("q")
        self._codes = array("l")
        """Per removal, its index in ``_labels``."""
        self._labels: list[tuple[str, str, Kind]] = []
        """The distinct (rule, reason, kind) of the removals."""
        self._texts: dict[int, str] = {}
        """The text of the removals whose text is not ``source[start:end]`` (a page-level
        removal of HTML input, a caption's, a trace read back from JSON), by position."""
        self._paths: dict[int, str] = {}
        """The ``path`` of the removals that have one, by position."""

    @classmethod
    def from_offsets(
        cls,
        source: str,
        starts: Iterable[int],
        ends: Iterable[int],
        lines: Iterable[int],
        codes: Iterable[int],
        labels: Sequence[tuple[str, str, Kind]],
    ) -> Removals:
        """Removals whose text is ``source[start:end]``: the ``i``-th is ``source[starts[i]:ends[i]]``
        on line ``lines[i]``, with the rule, reason and kind ``labels[codes[i]]``."""
        out = cls()
        out._source = source
        out._starts = _owned(starts, "q")
        out._ends = _owned(ends, "q")
        out._lines = _owned(lines, "q")
        out._codes = _owned(codes, "l")
        for rule, reason, kind in labels:
            if not isinstance(rule, str) or not isinstance(reason, str) or not isinstance(kind, Kind):
                raise TypeError(f"a removal's rule and reason are strings, its kind a Kind: {(rule, reason, kind)!r}")
        out._labels = list(labels)
        if not len(out._starts) == len(out._ends) == len(out._lines) == len(out._codes):
            raise ValueError("starts, ends, lines and codes must be as long as each other")
        return out

    @classmethod
    def of(cls, items: Iterable[Removal], source: str = "") -> Removals:
        """``items`` stored compactly: a text that is ``source[start:end]`` is kept as its offsets."""
        out = cls()
        out._source = source
        out._extend(items)
        return out

    def prepended(self, items: Sequence[Removal]) -> Removals:
        """``items`` then these removals, as one sequence (the page-level ones of an HTML page
        before those of its text)."""
        if not items:
            return self
        out = Removals.of(items, self._source)
        n = len(out)
        out._starts.extend(self._starts)
        out._ends.extend(self._ends)
        out._lines.extend(self._lines)
        index = {label: i for i, label in enumerate(out._labels)}
        remap = array("l", (index.setdefault(label, len(index)) for label in self._labels))
        out._labels = list(index)
        out._codes.extend(remap[c] for c in self._codes)
        out._texts.update((n + i, text) for i, text in self._texts.items())
        out._paths.update((n + i, path) for i, path in self._paths.items())
        return out

    def _extend(self, items: Iterable[Removal]) -> None:
        index = {label: i for i, label in enumerate(self._labels)}
        source = self._source
        for r in items:
            i = len(self._starts)
            self._starts.append(r.start)
            self._ends.append(r.end)
            self._lines.append(r.line)
            label = (r.rule, r.reason, r.kind)
            code = index.get(label)
            if code is None:
                code = index[label] = len(index)
                self._labels.append(label)
            self._codes.append(code)
            if source[r.start : r.end] != r.text or r.start < 0 or r.end < 0:
                self._texts[i] = r.text
            if r.path is not None:
                self._paths[i] = r.path

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> Removal: ...
    @overload
    def __getitem__(self, index: slice) -> list[Removal]: ...
    def __getitem__(self, index: int | slice) -> Removal | list[Removal]:
        if isinstance(index, slice):
            return [self._removal(i) for i in range(*index.indices(len(self)))]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("removal index out of range")
        return self._removal(index)

    def __iter__(self) -> Iterator[Removal]:
        for i in range(len(self)):
            yield self._removal(i)

    def spans(self) -> Iterator[tuple[int, int]]:
        """The ``(start, end)`` of each removal in order, without making the removals."""
        return zip(self._starts, self._ends, strict=True)

    def text_at(self, i: int) -> str:
        """The text of the ``i``-th removal, without making the :class:`Removal`."""
        text = self._texts.get(i)
        return self._source[self._starts[i] : self._ends[i]] if text is None else text

    def _values(self, i: int) -> dict[str, Any]:
        rule, reason, kind = self._labels[self._codes[i]]
        return {"text": self.text_at(i), "rule": rule, "reason": reason, "kind": kind, "start": self._starts[i],
                "end": self._ends[i], "line": self._lines[i], "path": self._paths.get(i)}

    def _removal(self, i: int) -> Removal:
        values = self._values(i)
        return Removal.model_construct(set(_SET if values["path"] is None else _SET_WITH_PATH), **values)

    def labels(self) -> Iterator[tuple[str, str, Kind]]:
        """The (rule, reason, kind) of each removal in order, without making the removals."""
        labels = self._labels
        return (labels[c] for c in self._codes)

    def texts_of_kind(self, kind: Kind) -> Iterator[str]:
        """The text of each removal of ``kind``, in order."""
        wanted = {c for c, label in enumerate(self._labels) if label[2] is kind}
        return (self.text_at(i) for i, c in enumerate(self._codes) if c in wanted)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Removals):
            if other is self:
                return True
            return (
                self._starts == other._starts and self._ends == other._ends and self._lines == other._lines
                and list(self.labels()) == list(other.labels()) and self._paths == other._paths
                and all(self.text_at(i) == other.text_at(i) for i in range(len(self)))
            )
        if isinstance(other, list | tuple):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # a list's equality, so unhashable like one

    def __repr__(self) -> str:
        return repr(list(self))

    def __reduce__(self) -> tuple[Callable[..., Removals], tuple[Any, ...]]:
        return (_unpickled, (self._source, self._starts, self._ends, self._lines, self._codes, self._labels,
                             self._texts, self._paths))

    def _dumped(self, i: int, json: bool, skip_none: bool, skip_defaults: bool) -> dict[str, Any]:
        values = self._values(i)
        if json:
            values["kind"] = values["kind"].value
        if values["path"] is None and (skip_none or skip_defaults):
            del values["path"]
        if skip_defaults and values["kind"] == Kind.BOILERPLATE:
            del values["kind"]
        return values

    def _serialize(self, info: SerializationInfo) -> Any:
        """``model_dump`` / ``model_dump_json``: a list of the removals as dicts (in JSON, made
        one at a time as they are written)."""
        json = info.mode_is_json()
        skip_none, skip_defaults = info.exclude_none or info.exclude_unset, info.exclude_defaults
        made = (self._dumped(i, json, skip_none, skip_defaults) for i in range(len(self)))
        return made if json else list(made)



class _AsRemovals:
    """How ``Article.removals`` is validated and written: read as a list of :class:`Removal`
    (the same JSON schema), kept as :class:`Removals`, written as the list."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        items = handler.generate_schema(list[Removal])

        def validate(value: Any, inner: core_schema.ValidatorFunctionWrapHandler) -> Removals:
            if isinstance(value, Removals):
                return value
            return Removals.of(inner(value))

        return core_schema.no_info_wrap_validator_function(
            validate, items,
            serialization=core_schema.plain_serializer_function_ser_schema(
                _serialize_removals, info_arg=True, return_schema=core_schema.any_schema()
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """The list of :class:`Removal` it reads and writes, in either mode."""
        return handler(schema["schema"])  # the wrapped list's schema


def _owned(values: Iterable[int], typecode: str) -> array[int]:
    """``values`` as an array of ``typecode``: an array of that type is taken as it is (the
    caller hands it over), anything else copied into one."""
    return values if isinstance(values, array) and values.typecode == typecode else array(typecode, values)


def _serialize_removals(value: Any, info: SerializationInfo) -> Any:
    if isinstance(value, Removals):
        return value._serialize(info)
    return value  # a list put in by model_construct(): serialised as it is


def _unpickled(source: str, starts: array[int], ends: array[int], lines: array[int], codes: array[int],
               labels: list[tuple[str, str, Kind]], texts: dict[int, str], paths: dict[int, str]) -> Removals:
    out = Removals.from_offsets(source, starts, ends, lines, codes, labels)
    out._texts = dict(texts)
    out._paths = dict(paths)
    return out


class Provenance(StrEnum):
    """Where a metadata field's value came from."""

    FOUND = "found"
    """Read from the page (text, byline, dateline, HTML metadata)."""
    GIVEN = "given"
    """Passed in by the caller (``clean(raw, published=...)``)."""


class Article(BaseModel):
    """A clean news article."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # list and dict fields default through a factory: a literal ``[]`` default is deep-copied
    # for every article that leaves the field out
    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    editors: list[str] = Field(default_factory=list)
    timestamp: dt.datetime | dt.date | None = None
    """Publication time; timezone-aware whenever the page or outlet tells the zone; a plain
    date when the page prints no time."""
    updated: dt.datetime | dt.date | None = None
    """Last update time, when the page prints one (``Diperbarui``, ``Updated``)."""
    dateline: str | None = None
    paragraphs: list[str] = Field(default_factory=list)
    captions: list[str] = Field(default_factory=list)
    site: str | None = None
    """The outlet, when known (from ``site=``, the URL, or an outlet tag in the text)."""
    url: str | None = None
    language: str | None = None
    removals: Annotated[Sequence[Removal], _AsRemovals] = Field(default_factory=Removals)
    """What went, and why, in text order: a sequence of :class:`Removal` (a :class:`Removals`,
    which keeps each as offsets into the text read, and equals the list of them)."""
    provenance: dict[str, Provenance] = Field(default_factory=dict)
    """For each metadata field that has a value: found in the page, or given by the caller."""
    empty_reason: str | None = None
    """Why ``paragraphs`` is empty, when it is (``empty_input``, ``not_an_article``, ...)."""
    truncated: bool = False
    """True when the input was longer than the size limit and only its head was read."""
    truncated_at: int | None = None
    """Where the input was cut when ``truncated`` (an offset into it): what lies past it was not
    read, so ``replay(raw, article)`` reads no further either."""

    @property
    def author(self) -> str | None:
        """The first author, or ``None``."""
        return self.authors[0] if self.authors else None

    @property
    def text(self) -> str:
        """The body as plain text, paragraphs separated by a blank line."""
        return "\n\n".join(self.paragraphs)

    def removed_by(self, rule: str) -> list[Removal]:
        """The removals one rule made."""
        return [r for r in self.removals if r.rule == rule]
