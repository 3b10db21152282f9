"""One validated loader for every data file newsclean reads, bundled or the user's own.

Each kind of file has a pydantic model here; :func:`load_toml` reads a file and checks it
against one, and :func:`validate` checks an already-parsed table (a user's dict). Whatever is
wrong (a TOML syntax error, a binary file, an unknown key or rule family, a mistyped value, a
pattern that does not compile) raises :class:`~newsclean.errors.ConfigError`, whose message
names the file and the entry::

    my_outlet.toml: [prompts] lines[3]: pattern 'Gabung\\s+(kanal' does not compile: ...

The files and their models:

- ``data/lang/*.toml`` and a user's phrase file: :class:`PhraseFile`;
- ``data/sites/*.toml`` and a user's outlet file: :class:`OutletFile`;
- ``data/languages.toml``: :class:`LanguagesFile`;
- ``data/metadata/dates.toml``, ``byline.toml``, ``dateline.toml``, ``outlets.toml``:
  :class:`DatesFile`, :class:`BylineFile`, :class:`DatelineFile`, :class:`OutletNamesFile`.

A model's validator is built when it is first used (``defer_build``), not when newsclean is
imported, and each file is read once (its reader caches the result). The modules that read
the files (:mod:`newsclean.phrases`, :mod:`newsclean.outlets`, :mod:`newsclean.language`,
:mod:`newsclean.metadata._data`) turn the validated models into their own structures.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import regex
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from newsclean.errors import ConfigError

__all__ = [
    "BylineFile", "DatelineFile", "DatesFile", "HtmlHints", "LanguagesFile", "Layout", "OutletFile",
    "OutletNamesFile", "OutletTable", "PhraseFile", "bundled", "load_bundled", "load_toml", "read_toml", "validate",
]  # fmt: skip

_CONFIG = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


def _fail(message: str) -> PydanticCustomError:
    """A validation error whose message is ``message`` as written (no ``Value error,`` prefix)."""
    return PydanticCustomError("newsclean", "{message}", {"message": message})


class Table(BaseModel):
    """A TOML table: every key known, every value of its type (no coercion)."""

    model_config = _CONFIG

    @classmethod
    def unknown_key(cls, key: str) -> str:
        """The message for a key this table does not have."""
        return f"{key}: Extra inputs are not permitted; known keys: {', '.join(cls.model_fields)}"

    @model_validator(mode="before")
    @classmethod
    def _known_keys(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for key in data:
                if key not in cls.model_fields:
                    raise _fail(cls.unknown_key(str(key)))
        return data


def _non_empty(text: str) -> str:
    if not text.strip():
        raise _fail("must not be empty")
    return text


def _std_pattern(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise _fail(f"bad pattern {pattern!r}: {exc}") from None
    return pattern


def _lower_domain(domain: str) -> str:
    if not regex.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", domain):
        raise _fail(f"{domain!r} is not a lower-case domain like 'kabarkita.id'")
    return domain


def _markup_name(name: str) -> str:
    if not regex.fullmatch(r"[a-z0-9][a-z0-9_.:-]*", name):
        raise _fail(f"{name!r} is not a lower-case class name or meta key (no spaces)")
    return name


def _offset(value: str) -> str:
    if not re.fullmatch(r"[+-](?:0\d|1[0-4]):[0-5]\d", value):
        raise _fail(f"{value!r} is not a UTC offset like '+07:00'")
    return value


def _domain_suffix(suffix: str) -> str:
    if not re.fullmatch(r"[a-z]+(?:\.[a-z]+)*", suffix):
        raise _fail(f"{suffix!r} is not like 'com' or 'co.id'")
    return suffix


Word = Annotated[str, AfterValidator(_non_empty)]
"""A non-empty string (a spelling, a label, a name)."""
StdPattern = Annotated[str, AfterValidator(_non_empty), AfterValidator(_std_pattern)]
"""A regular expression for the standard library's ``re`` (the metadata readers' engine)."""
Offset = Annotated[str, AfterValidator(_offset)]
"""A UTC offset written ``+07:00``."""
MarkupName = Annotated[str, AfterValidator(_markup_name)]


# --- phrase files (data/lang/*.toml, the phrase families of data/sites/*.toml, users' files) ---


class Entry(Table):
    """A phrase entry: a string, or ``{ pattern = "...", id = "...", case = true }``.

    The pattern of a ``labels`` entry is a literal word, not compiled."""

    pattern: str
    id: str | None = None
    case: bool = False

    @classmethod
    def unknown_key(cls, key: str) -> str:
        return f"an entry needs 'pattern' (and optional 'id', 'case'), got unknown key {key!r}"

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"pattern": data}
        if not isinstance(data, dict):
            raise _fail(f"an entry must be a string or a table, got {data!r}")
        if not isinstance(data.get("pattern"), str) or set(data) - {"pattern", "id", "case"}:
            raise _fail(f"an entry needs 'pattern' (and optional 'id', 'case'), got {data!r}")
        return data


class Pattern(Entry):
    """A phrase entry whose pattern is a regular expression (for the ``regex`` module)."""

    @model_validator(mode="after")
    def _compiles(self) -> Pattern:
        try:
            regex.compile(self.pattern)
        except regex.error as exc:
            raise _fail(f"pattern {self.pattern!r} does not compile: {exc}") from None
        return self


class Family(Table):
    """A rule family's table: its keys are the kinds of match it takes."""

    @classmethod
    def unknown_key(cls, key: str) -> str:
        return f"has no kind {key!r}; it takes {', '.join(sorted(cls.model_fields))}"


class Scripts(Family):
    lines: list[Pattern] = Field(default_factory=list)


class _LineFamily(Family):
    """A family matched on lines, line starts and inline runs."""

    lines: list[Pattern] = Field(default_factory=list)
    starts: list[Pattern] = Field(default_factory=list)
    inline: list[Pattern] = Field(default_factory=list)


class Ads(_LineFamily):
    pass


class RelatedLinks(_LineFamily):
    labels: list[Entry] = Field(default_factory=list)


class Prompts(_LineFamily):
    pass


class Promos(_LineFamily):
    pass


class Navigation(Family):
    lines: list[Pattern] = Field(default_factory=list)
    starts: list[Pattern] = Field(default_factory=list)


class Credits(_LineFamily):
    labels: list[Entry] = Field(default_factory=list)


class Captions(Family):
    lines: list[Pattern] = Field(default_factory=list)
    inline: list[Pattern] = Field(default_factory=list)
    lead: list[Pattern] = Field(default_factory=list)
    labels: list[Entry] = Field(default_factory=list)


class HeadlineWords(Family):
    labels: list[Entry] = Field(default_factory=list)


FAMILY_MODELS: dict[str, type[Family]] = {
    "scripts": Scripts,
    "ads": Ads,
    "related_links": RelatedLinks,
    "prompts": Prompts,
    "promos": Promos,
    "navigation": Navigation,
    "credits": Credits,
    "captions": Captions,
    "headline_words": HeadlineWords,
}
"""Every rule family a phrase file may fill, by name (the order rules are listed in)."""

PHRASE_KINDS: dict[str, frozenset[str]] = {name: frozenset(model.model_fields) for name, model in FAMILY_MODELS.items()}
"""Every family with the kinds of match it takes."""


def _family() -> Any:
    return Field(default=None)


class PhraseFile(Table):
    """A phrase file: ``language`` and ``description``, and one table per rule family."""

    language: str | None = None
    description: str | None = None
    scripts: Scripts | None = _family()
    ads: Ads | None = _family()
    related_links: RelatedLinks | None = _family()
    prompts: Prompts | None = _family()
    promos: Promos | None = _family()
    navigation: Navigation | None = _family()
    credits: Credits | None = _family()
    captions: Captions | None = _family()
    headline_words: HeadlineWords | None = _family()

    @classmethod
    def unknown_key(cls, key: str) -> str:
        return f"unknown family [{key}]; known: {', '.join(sorted(FAMILY_MODELS))}"

    def families(self) -> dict[str, dict[str, list[Entry]]]:
        """The families and kinds the file fills (those written in it, empty ones included),
        each kind with its entries in file order."""
        out: dict[str, dict[str, list[Entry]]] = {}
        for name in FAMILY_MODELS:
            family = getattr(self, name)
            if name in self.model_fields_set and family is not None:
                written = family.model_fields_set
                out[name] = {kind: getattr(family, kind) for kind in type(family).model_fields if kind in written}
        return out


class OutletTable(Table):
    """The ``[outlet]`` table of an outlet file (see :mod:`newsclean.outlets`)."""

    domains: Annotated[list[Annotated[str, AfterValidator(_lower_domain)]], Field(min_length=1)]
    names: list[str] = Field(default_factory=list)
    zone: Offset | None = None
    travels: bool = False


class HtmlHints(Table):
    """The ``[html]`` table of an outlet file: the outlet's own markup (lower case), read
    beside the generic names of :mod:`newsclean.html`."""

    body_classes: list[MarkupName] = Field(default_factory=list)
    """Whole class/id names of the element holding the article body."""
    body_class_prefixes: list[MarkupName] = Field(default_factory=list)
    """Prefixes of generated body class names (a name followed by a build hash)."""
    noise_classes: list[MarkupName] = Field(default_factory=list)
    """Whole class/id names of non-content blocks inside the body (related boxes, tag lists)."""
    author_keys: list[MarkupName] = Field(default_factory=list)
    """``<meta>`` names holding the author, tried after the generic ones."""
    published_keys: list[MarkupName] = Field(default_factory=list)
    """``<meta>`` names holding the publication time, tried after the generic ones."""


class Layout(Table):
    """The ``[layout]`` table of an outlet file: habits of the outlet's page layout, where they
    are its own (not a family every outlet shares)."""

    capitals_signature: bool = False
    """The reporter signs the story with a name in capitals on the line right under it
    (``DINI TEJA``), read as the author when no labelled credit names one."""


class OutletFile(PhraseFile):
    """An outlet file: a phrase file with an ``[outlet]`` table, and optional ``[html]`` and
    ``[layout]`` tables."""

    outlet: OutletTable
    html: HtmlHints = Field(default_factory=HtmlHints)
    layout: Layout = Field(default_factory=Layout)

    @model_validator(mode="before")
    @classmethod
    def _has_outlet(cls, data: Any) -> Any:
        if isinstance(data, dict) and "outlet" not in data:
            raise _fail("an outlet file needs an [outlet] table")
        return data


# --- data/languages.toml ---


class LanguageEntry(Table):
    """One language of ``languages.toml``: its name, marker words and default zone."""

    name: str | None = None
    markers: list[Word] = Field(default_factory=list)
    timezone: Offset | None = None
    everywhere: bool = False
    """Its phrase file applies to every document, whatever its language (the pages of the
    outlets newsclean reads most mix these languages: English labels on Indonesian pages)."""


class LanguagesFile(BaseModel):
    """``languages.toml``: one table per language code (its keys are the codes)."""

    model_config = ConfigDict(extra="allow", frozen=True, strict=True, defer_build=True)
    __pydantic_extra__: dict[str, LanguageEntry] = Field(init=False)

    @property
    def languages(self) -> dict[str, LanguageEntry]:
        """Each language code with its entry, in file order."""
        return dict(self.__pydantic_extra__ or {})


# --- data/metadata/*.toml ---


class DateLanguage(Table):
    months: Annotated[list[list[Word]], Field(min_length=12, max_length=12)]
    """The 12 months, January first, each a list of spellings."""
    weekdays: Annotated[list[list[Word]], Field(min_length=7, max_length=7)]
    """The 7 weekdays, Monday first, each a list of spellings."""


class DateMarkers(Table):
    updated: list[Word]
    published: list[Word]
    fillers: list[Word]
    time_words: list[StdPattern]
    """Patterns of the words between a date and its time (``pukul``, ``um``, ``a las``)."""


def _zone_name(name: str) -> str:
    if not name.isalpha():
        raise _fail(f"{name!r} is not a zone abbreviation (letters only)")
    return name


class DatesFile(Table):
    """``dates.toml``: months and weekdays per language, zone abbreviations, marker words."""

    languages: dict[str, DateLanguage]
    zones: dict[Annotated[str, AfterValidator(_zone_name)], Offset]
    markers: DateMarkers

    @model_validator(mode="after")
    def _one_meaning(self) -> DatesFile:
        """A spelling shared by several languages means the same month (weekday) in each."""
        for kind in ("months", "weekdays"):
            seen: dict[str, int] = {}
            for lang, spec in self.languages.items():
                for number, spellings in enumerate(getattr(spec, kind), 1):
                    for spelling in spellings:
                        first = seen.setdefault(spelling.casefold(), number)
                        if first != number:
                            raise _fail(f"languages.{lang}.{kind}: {spelling!r} means both {first} and {number}")
        return self


class OutletNamesFile(Table):
    """``metadata/outlets.toml``: how outlet and agency names look in a byline or dateline."""

    domain_suffixes: list[Annotated[str, AfterValidator(_domain_suffix)]]
    outlets: list[Word]
    outlet_prefixes: list[Word]
    agencies: list[Word]


class Role(Table):
    labels: list[Word]
    prefixes: list[Word]


class Roles(Table):
    author: Role
    editor: Role


class BylineFile(Table):
    """``byline.toml``: labels and prefixes per role, and the words a name is not made of."""

    roles: Roles
    collective: list[Word]
    not_name_words: list[Word]
    name_particles: list[Word]
    job_titles: list[Word]


class DatelineFile(Table):
    """``dateline.toml``: words that never open a dateline; acronyms that are regions."""

    not_place_words: list[Word]
    region_acronyms: list[Word]


# --- loading ---

M = TypeVar("M", bound=BaseModel)


def load_toml(path: str | Path | Traversable, model: type[M], source: str | None = None) -> M:
    """The file at ``path`` read as TOML and validated as ``model``.

    ``source`` is how messages name the file (default: the path). Any problem raises a
    :class:`~newsclean.errors.ConfigError` naming the file and the entry."""
    source = str(path) if source is None else source
    return validate(read_toml(path, source), model, source)


def read_toml(path: str | Path | Traversable, source: str | None = None) -> dict[str, Any]:
    """The content of a TOML file, unvalidated, or a :class:`~newsclean.errors.ConfigError`
    naming it (``source``, default the path): a syntax error, a binary file, no such file."""
    source = str(path) if source is None else source
    if isinstance(path, str):
        path = Path(path)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{source}: not a UTF-8 text file (byte {exc.start}): a data file is TOML") from exc
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{source}: {exc}") from exc


def validate(data: Mapping[str, Any], model: type[M], source: str) -> M:
    """``data`` (a parsed TOML file, or a user's dict) validated as ``model``, or a
    :class:`~newsclean.errors.ConfigError` naming ``source`` and the entry."""
    plain = dict(data) if isinstance(data, Mapping) else data
    try:
        return model.model_validate(plain)
    except ValidationError as exc:
        problems = "; ".join(_problem(error, plain) for error in exc.errors(include_url=False))
        raise ConfigError(f"{source}: {problems}") from None


def bundled(*parts: str) -> Traversable:
    """A file or folder of the bundled data (``bundled("metadata", "dates.toml")``)."""
    return _data_root().joinpath(*parts)


@functools.cache
def _data_root() -> Traversable:
    """The package's ``data`` folder (looked up once: each lookup costs an import-system query)."""
    return resources.files("newsclean").joinpath("data")


def load_bundled(model: type[M], *parts: str) -> M:
    """A bundled data file, validated (its messages name it ``newsclean/data/...``)."""
    return load_toml(bundled(*parts), model, "/".join(("newsclean", "data", *parts)))


_TYPE_WORDS: dict[str, str] = {
    "model_type": "a table",
    "model_attributes_type": "a table",
    "dict_type": "a table",
    "list_type": "a list",
    "string_type": "a string",
    "bool_type": "true or false",
    "int_type": "a whole number",
}
"""Pydantic's type errors, said in the words of a TOML file."""


def _problem(error: Mapping[str, Any], data: object) -> str:
    """One validation error as ``[table] key[3]: what is wrong``."""
    loc = tuple(part for part in error["loc"] if part != "[key]")
    kind = error["type"]
    if kind in _TYPE_WORDS:
        message = f"must be {_TYPE_WORDS[kind]}, got {_short(error.get('input'))}"
    elif kind == "missing":
        message = "is missing"
    else:
        message = str(error["msg"])
    if not loc:
        return message
    head = str(loc[0])
    first = data.get(head) if isinstance(data, dict) else None
    is_table = isinstance(first, dict) or (len(loc) == 1 and kind in ("model_type", "dict_type"))
    rest = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc[1:])
    if is_table:
        return f"[{head}] {rest.removeprefix('.')}: {message}" if rest else f"[{head}] {message}"
    return f"{head}{rest}: {message}"


def _short(value: object) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text if len(text) <= 60 else text[:57] + '...'}"

