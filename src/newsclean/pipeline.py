"""The cleaner: runs the ordered rules over a document, applies their decisions, and builds
the :class:`~newsclean.model.Article` with the full trace of what went and why."""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsclean.document import Document, Meta, paragraphs_of, sliceable_lower
from newsclean.errors import ConfigError, InputError, NewscleanError
from newsclean.html import HtmlPage, looks_like_html, parse_html
from newsclean.html.decode import wide_encoding
from newsclean.language import default_timezone, guess_language
from newsclean.metadata.dates import parse_datetime, zone_hint
from newsclean.metadata.margins import Margins, merged
from newsclean.metadata.urls import date_from_url
from newsclean.model import Article, Kind, Provenance, Removal, Removals
from newsclean.outlets import HtmlHints, Outlet, OutletIndex, builtin_outlets, outlet_from_mapping, resolve_site
from newsclean.phrases import (
    LiteralScanner,
    Phrasebook,
    builtin_phrases,
    language_phrases,
    literal_mask,
    parse_phrases,
    phrasebook_literals,
    read_phrase_data,
)
from newsclean.rules import RULE_NAMES, Rule, default_rules
from newsclean.rules.margins import MarginCredits
from newsclean.runner import run_rules
from newsclean.segment import normalize_space, split_lines

MAX_CHARS = 20_000_000
"""Inputs longer than this many characters are cut at the last line break before it, and the
article says ``truncated=True``."""

_UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
"""Control characters (NUL included) and lone surrogates (which cannot be written as UTF-8)."""


def _readable_char(m: re.Match[str]) -> str:
    return "\ufffd" if m.group() >= "\ud800" else " "


def readable(text: str) -> str:
    """``text`` with control characters read as spaces and lone surrogates as U+FFFD: one
    character for one, so every offset into the input stays true."""
    return _UNREADABLE.sub(_readable_char, text) if _has_unreadable(text) else text


_CONTROLS = tuple(chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F))


def _has_unreadable(text: str) -> bool:
    """``_UNREADABLE.search(text) is not None``, a few times cheaper: one substring test per
    control character (memchr-fast), and a lone surrogate is what makes UTF-8 encoding fail."""
    for c in _CONTROLS:
        if c in text:
            return True
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


_LINE_BREAKS = ("\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
"""Control characters (NUL included) read as spaces: same length, so offsets stay true."""


@dataclass(frozen=True)
class _RuleSet:
    """The rules compiled against one phrasebook, and the scan for their literals."""

    rules: tuple[Rule, ...]
    scanner: LiteralScanner


def _build_ruleset(book: Phrasebook, disabled: frozenset[str], extra_rules: Sequence[Rule]) -> _RuleSet:
    rules = default_rules(book)
    # the phrases' literals, and any a rule asks for (its ``literals``), found in one scan
    wanted = {s for r in rules for s in getattr(r, "literals", ())}
    scanner = LiteralScanner(phrasebook_literals(book) | wanted)
    # user rules run before the header and dateline rules, so those see a clean top
    at = next((i for i, r in enumerate(rules) if r.name in ("header", "dateline", "leftovers")), len(rules))
    rules[at:at] = [r for r in extra_rules if r.name not in disabled]
    return _RuleSet(tuple(rules), scanner)


def _split_sources(sources: Sequence[str | Path | Mapping[str, Any]]) -> tuple[list[Phrasebook], list[Outlet]]:
    """The user's phrase files and dicts, as phrasebooks for every document and outlets (a file
    or dict with an ``[outlet]`` table applies to that outlet's documents only)."""
    books: list[Phrasebook] = []
    outlets: list[Outlet] = []
    for item in sources:
        data = item if isinstance(item, Mapping) else read_phrase_data(item)
        where = "<dict>" if isinstance(item, Mapping) else str(item)
        if "outlet" in data:
            outlet = outlet_from_mapping(data, where)
            if outlet.html != HtmlHints():
                # the DOM reader runs before the outlet is known, on the bundled tables only:
                # a user's markup would be silently ignored
                raise ConfigError(f"{where}: an [html] table is read from the bundled outlet files only")
            outlets.append(outlet)
        else:
            books.append(parse_phrases(data, where))
    return books, outlets


class Cleaner:
    """A configured pipeline; build once, call :meth:`clean` many times (thread-safe).

    >>> Cleaner(disable={"promos"}).rule_names[:3]
    ('scripts', 'ads', 'prompts')
    """

    def __init__(
        self,
        *,
        disable: Iterable[str] = (),
        phrases: PhraseSources = (),
        extra_rules: Sequence[Rule] = (),
        max_chars: int = MAX_CHARS,
    ) -> None:
        disabled = rule_names_of(disable)
        known = set(RULE_NAMES) | {r.name for r in extra_rules}
        unknown = disabled - known
        if unknown:
            raise ConfigError(f"unknown rule(s) {sorted(unknown)}; rules are {', '.join(RULE_NAMES)}")
        if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
            raise ConfigError(f"max_chars must be a positive whole number, got {max_chars!r}")
        sources = phrase_sources_of(phrases)
        user_books, user_outlets = _split_sources(sources)
        self._index = OutletIndex((*builtin_outlets(), *user_outlets))
        # phrases for every document: the languages', the user's own, and those of outlets
        # whose copy travels (syndicated); an outlet's other phrases apply to its documents only
        generic = builtin_phrases()
        for outlet in self._index.outlets.values():
            if outlet.table.travels:
                generic = generic.merged(outlet.book)
        for book in user_books:
            generic = generic.merged(book)
        self._generic = generic
        self._disabled = frozenset(disabled)
        self._extra_rules = tuple(extra_rules)
        self._rulesets: dict[tuple[str | None, tuple[str, ...]], _RuleSet] = {}
        self._lock = threading.Lock()
        # a switched-off built-in rule still reads the text, as a shadow: what it would remove
        # stays in the body, but no later rule sees it, so switching one rule off never hands
        # its lines to another as metadata (a caption does not become the title)
        self._shadows = frozenset(name for name in RULE_NAMES if name in disabled)
        self.rules: tuple[Rule, ...] = self._ruleset(None).rules
        self.max_chars = max_chars
        self._arguments: dict[str, Any] = {
            "disable": frozenset(disabled), "phrases": phrase_sources_of(phrases), "extra_rules": tuple(extra_rules),
            "max_chars": max_chars,
        }

    @property
    def rule_names(self) -> tuple[str, ...]:
        """The rules that remove text, in running order (switched-off ones left out)."""
        return tuple(r.name for r in self.rules if r.name not in self._shadows)

    @property
    def outlets(self) -> OutletIndex:
        """The outlets this cleaner knows (bundled, and the user's outlet files)."""
        return self._index

    def _ruleset(self, outlet: Outlet | None, *languages: str | None) -> _RuleSet:
        """The rules for documents of ``outlet`` (None: of no known outlet) in ``languages``
        (the text's, the page's declared one: each one's own phrase file joins them), built
        once each."""
        own = outlet.id if outlet is not None and outlet.book.entries and not outlet.table.travels else None
        spoken = tuple(sorted({code for code in languages if code is not None and language_phrases(code) is not None}))
        key = (own, spoken)
        found = self._rulesets.get(key)
        if found is not None:
            return found
        with self._lock:
            if key not in self._rulesets:
                book = self._generic
                for code in spoken:
                    more = language_phrases(code)
                    if more is not None:
                        book = book.merged(more)
                if own is not None and outlet is not None:
                    book = book.merged(outlet.book)
                self._rulesets[key] = _build_ruleset(book, self._disabled, self._extra_rules)
            return self._rulesets[key]

    def clean(
        self,
        raw: str | bytes,
        *,
        url: str | None = None,
        site: str | None = None,
        published: dt.datetime | dt.date | str | None = None,
    ) -> Article:
        """Clean one raw scraped text (or HTML page) into an :class:`Article`.

        Every error raised is a :class:`~newsclean.errors.NewscleanError`: a wrong argument or
        input is an :class:`InputError`, and anything else that goes wrong on a page is one too,
        with the cause chained, so a caller has one exception to catch."""
        url, site = given_text(url, "url"), given_text(site, "site")
        if published is not None and (
            isinstance(published, bool) or not isinstance(published, dt.datetime | dt.date | str)
        ):
            raise InputError(f"published must be a datetime, a date or an ISO string, got {type(published).__name__}")
        try:
            if is_html(raw):
                return self._clean_html(raw, url=url, site=site, published=published)
            return self._clean_text(as_text(raw), url=url, site=site, published=published)
        except NewscleanError:
            raise
        except RecursionError as exc:
            raise InputError("the input is nested too deeply to read") from exc
        except Exception as exc:  # a page that trips something inside: one exception type for callers
            raise InputError(f"cannot clean this input: {type(exc).__name__}: {exc}") from exc

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """A cleaner pickles as the arguments it was built from (Spark, multiprocessing)."""
        return (_rebuilt, (self._arguments,))

    def _clean_text(
        self,
        text: str,
        *,
        url: str | None,
        site: str | None,
        published: dt.datetime | dt.date | str | None,
        page: HtmlPage | None = None,
    ) -> Article:
        truncated_at: int | None = None
        if len(text) > self.max_chars:
            cut = max(text.rfind(b, 0, self.max_chars) for b in _LINE_BREAKS)
            truncated_at = cut if cut > 0 else self.max_chars
            text = text[:truncated_at]
        truncated = truncated_at is not None
        text = readable(text)
        site, site_from, outlet = resolve_site(self._index, site=site, url=url, text=text)
        dom_removals = html_removals(page) if page is not None else []
        if not text.strip():
            return Article(url=url, site=site, empty_reason="empty_input", truncated=truncated,
                           truncated_at=truncated_at, removals=dom_removals,
                           provenance={"site": Provenance(site_from)} if site and site_from else {})
        lowered = sliceable_lower(text)  # lower-cased once: the language guess, scan and pieces slice it
        language = guess_language(text, lowered)
        declared = page.meta.language[:2].lower() if page is not None and page.meta.language else None
        if language is None:
            language = declared
        ruleset = self._ruleset(outlet, language, declared)
        doc = Document(text, split_lines(text), lowered=lowered)
        scanner = ruleset.scanner
        doc.found_literals, doc.line_masks = scanner.scan_lines(text, doc.lines.starts, lowered)
        doc.found_mask = literal_mask(doc.found_literals)
        doc.vocabulary_mask = scanner.vocabulary_mask
        tz = outlet.timezone if outlet is not None and outlet.timezone is not None else default_timezone(language)
        if tz is None:
            tz = zone_hint(text, lowered)  # a short header: Indonesian date words name the outlet's zone
        doc.meta["default_tz"] = tz
        if page is not None and page.headline:
            doc.meta["headline"] = page.headline
        doc.meta["from_html"] = page is not None  # rules told they read the DOM rendering (header, duplicates)
        capitals_signature = outlet is not None and outlet.layout.capitals_signature
        removals, meta = self._run(doc, ruleset.rules, capitals_signature)
        page_captions: list[str] = []
        if page is not None:
            page_captions, caption_removals = self.page_captions(page)
            dom_removals.extend(caption_removals)
        return build_article(
            doc,
            removals.prepended(dom_removals),
            meta,
            url=url,
            site=site,
            site_from=site_from,
            language=language,
            published=published,
            truncated=truncated,
            truncated_at=truncated_at,
            found=page_meta(page, tz) if page is not None else None,
            extra_captions=page_captions,
            headline=page.headline if page is not None else None,
        )

    def _clean_html(
        self,
        raw: str | bytes,
        *,
        url: str | None,
        site: str | None,
        published: dt.datetime | dt.date | str | None,
    ) -> Article:
        # text read as the text path reads it (lone surrogates, control characters), so no
        # field taken from the page (a title, a caption, a trace entry) holds what JSON cannot
        data = readable(raw) if isinstance(raw, str) else bytes(raw)
        if len(data) > self.max_chars * HTML_SIZE_FACTOR:
            raise InputError(
                f"HTML input of {len(data):,} characters is over the limit of "
                f"{self.max_chars * HTML_SIZE_FACTOR:,}; cut it or raise Cleaner(max_chars=...)"
            )
        page = parse_html(data)
        url = url or page.meta.url
        if not page.is_article:
            return self._not_an_article(page, url=url, site=site, published=published)
        return self._clean_text(page.text, url=url, site=site, published=published, page=page)

    def _not_an_article(
        self,
        page: HtmlPage,
        *,
        url: str | None,
        site: str | None,
        published: dt.datetime | dt.date | str | None,
    ) -> Article:
        """An empty body with the reason; the page's own metadata and captions still told."""
        sample = " ".join([page.meta.title or "", *page.captions])
        language = guess_language(sample) if sample.strip() else None
        if language is None and page.meta.language:
            language = page.meta.language[:2].lower()
        found = page_meta(page, default_timezone(language))
        fields: dict[str, Any] = {
            name: value
            for name in ("title", "timestamp", "updated")
            if (value := getattr(found, name)) is not None
        }
        if found.authors:
            fields["authors"] = list(dict.fromkeys(found.authors))
        provenance = {name: Provenance.FOUND for name in fields}
        site, site_from, _ = resolve_site(self._index, site=site, url=url, text=page.meta.title or "")
        if site is not None and site_from is not None:
            provenance["site"] = Provenance(site_from)
        if published is not None:
            fields["timestamp"] = given_timestamp(published)
            provenance["timestamp"] = Provenance.GIVEN
        return Article(
            **fields,
            captions=self.page_captions(page)[0],
            url=url,
            site=site,
            language=language,
            removals=[*html_removals(page), *self.page_captions(page)[1]],
            provenance=provenance,
            empty_reason=page.reason or "not_an_article",
        )

    def page_captions(self, page: HtmlPage) -> tuple[list[str], list[Removal]]:
        """The page's captions, less the boilerplate the page put in caption markup (an
        ``ADVERTISEMENT`` figcaption): the phrase rules that judge a whole line read each caption."""
        if not page.captions:
            return [], []
        text = "\n".join(page.captions)
        doc = Document(text, split_lines(text))
        judges = [r for r in self.rules if r.name in _CAPTION_JUDGES and r.name not in self._shadows]
        removed: list[Removal] = []
        for rule in judges:
            for d in list(rule.decide(doc)):
                if d.end > d.start and not doc.covers(d.start, d.end):
                    doc.remove(d.start, d.end)
                    removed.append(Removal(text=text[d.start : d.end], rule=d.rule, reason=d.reason,
                                           start=0, end=0, line=-1, path="figcaption"))
        kept = [piece.clean for piece in doc.pieces if piece.clean]
        return kept, removed

    def _run(
        self, doc: Document, rules: Sequence[Rule], capitals_signature: bool = False
    ) -> tuple[Removals, list[tuple[str, Meta]]]:
        """Run ``rules``, then the margins' reader (see :mod:`newsclean.rules.margins`)."""
        return run_rules(doc, rules, self._shadows, (_MARGIN_READERS[capitals_signature],))


PhraseSources = str | Path | Mapping[str, Any] | Iterable[str | Path | Mapping[str, Any]]
"""What ``Cleaner(phrases=...)`` takes: one TOML file or dict, or a list of them."""


def rule_names_of(disable: object) -> set[str]:
    """``Cleaner(disable=...)`` as a set of names; a lone string is an error, not its letters."""
    if isinstance(disable, str):
        raise ConfigError(f"disable takes a collection of rule names, not a string: write disable={{{disable!r}}}")
    try:
        names: set[str] = set(disable)  # type: ignore[call-overload]
    except TypeError:
        raise ConfigError(f"disable takes a collection of rule names, got {type(disable).__name__}") from None
    wrong = [n for n in names if not isinstance(n, str)]
    if wrong:
        raise ConfigError(f"disable takes rule names (strings), got {wrong[0]!r}")
    return names


def phrase_sources_of(phrases: object) -> list[str | Path | Mapping[str, Any]]:
    """``Cleaner(phrases=...)`` as a list of files and dicts: one path or one dict is a list of one."""
    if isinstance(phrases, str | Path | Mapping):
        return [phrases]
    if isinstance(phrases, bytes) or not isinstance(phrases, Iterable):
        raise ConfigError(
            f"phrases takes a TOML file path, a dict, or a list of them, got {type(phrases).__name__}"
        )
    items = list(phrases)
    for item in items:
        if not isinstance(item, str | Path | Mapping):
            raise ConfigError(f"phrases takes TOML file paths or dicts, got {type(item).__name__}: {item!r}")
    return items


_CAPTION_JUDGES = frozenset({"ads", "prompts", "promos", "navigation"})
"""The rules whose phrases tell boilerplate in a page's caption markup."""

HTML_SIZE_FACTOR = 5
"""HTML may be this many times longer than ``max_chars`` (markup is most of a page)."""


def is_html(raw: object) -> bool:
    """Whether ``raw`` (text or bytes) is an HTML page rather than plain scraped text; bytes
    with a UTF-16 or UTF-32 byte-order mark, or UTF-16 without one, are read in their encoding."""
    if isinstance(raw, str):
        return looks_like_html(raw)
    if isinstance(raw, bytes | bytearray | memoryview):
        head = bytes(raw[:4096])
        for bom, codec in _WIDE_BOMS:
            if head.startswith(bom):
                return looks_like_html(head[len(bom) :].decode(codec, "replace"))
        wide = wide_encoding(head)
        return looks_like_html(head.decode(wide or "latin-1", "replace"))
    return False


_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)


def given_text(value: object, name: str) -> str | None:
    """A ``url=`` or ``site=`` argument: text (lone surrogates read as U+FFFD, so the article
    serialises) or None; anything else is an :class:`InputError`."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{name} must be a string or None, got {type(value).__name__}")
    return readable(value).strip() or None


def _rebuilt(arguments: dict[str, Any]) -> Cleaner:
    return Cleaner(**arguments)


def html_removals(page: HtmlPage) -> list[Removal]:
    """The page-level decisions as trace entries: they have a DOM ``path`` and no offsets in
    the text (``start == end == 0``, ``line == -1``), since their text never reached it."""
    return [
        Removal(
            text=d.text, rule=d.rule, reason=d.reason, kind=Kind.BOILERPLATE, start=0, end=0, line=-1, path=d.path
        )
        for d in page.decisions
    ]


def page_meta(page: HtmlPage, tz: dt.tzinfo | None) -> Meta:
    """What the page's own metadata (JSON-LD, Open Graph, meta tags) says."""
    meta = page.meta
    return Meta(
        title=meta.title,
        authors=meta.authors,
        timestamp=parse_datetime(meta.published, default_tz=tz) if meta.published else None,
        updated=parse_datetime(meta.modified, default_tz=tz) if meta.modified else None,
    )


def margin_meta(metas: Iterable[Meta]) -> Meta:
    """What the margins' reader found, as one :class:`Meta`: its lines' names, each once and in
    order, and the first timestamp and update time (see
    :func:`newsclean.metadata.margins.merged`)."""
    found = merged(Margins(m.authors, m.editors, m.timestamp, m.updated) for m in metas)
    return Meta(authors=found.authors, editors=found.editors, timestamp=found.timestamp, updated=found.updated)


_MARGIN_READERS = {flag: MarginCredits(capitals_signature=flag) for flag in (False, True)}
"""The margins' reader, for outlets that sign with the reporter's name in capitals and others."""


def as_text(raw: object) -> str:
    """The input as ``str``: bytes are UTF-8 (BOM allowed); anything else is an error."""
    if isinstance(raw, str):
        return raw
    if isinstance(raw, bytes | bytearray | memoryview):
        data = bytes(raw)
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"bytes input is not UTF-8 ({exc.reason} at byte {exc.start}); decode it first, "
                "or pass HTML bytes, whose declared charset is honoured"
            ) from None
    if raw is None:
        raise InputError("clean() needs text or bytes, got None")
    raise InputError(f"clean() needs text or bytes, got {type(raw).__name__}")


def given_timestamp(published: dt.datetime | dt.date | str) -> dt.datetime | dt.date:
    """The caller's ``published=`` value as a date or time (an ISO or printed date string is parsed)."""
    given = parse_datetime(published, default_tz=None) if isinstance(published, str) else published
    if given is None:
        raise InputError(f"published={published!r} is not a date")
    return given


def build_article(
    doc: Document,
    removals: Removals,
    metas: list[tuple[str, Meta]],
    *,
    url: str | None,
    site: str | None,
    language: str | None,
    published: dt.datetime | dt.date | str | None,
    truncated: bool,
    truncated_at: int | None = None,
    site_from: str | None = None,
    found: Meta | None = None,
    extra_captions: Sequence[str] = (),
    headline: str | None = None,
) -> Article:
    """Assemble the article from the alive text, the trace and the metadata found."""
    fields: dict[str, Any] = {}
    provenance: dict[str, Provenance] = {}
    # the visible header wins, then credit lines, then the margins, then page metadata (HTML)
    margins = MarginCredits.name
    ordered = [m for r, m in metas if r == "header"] + [m for r, m in metas if r not in ("header", margins)]
    ordered.append(margin_meta(m for r, m in metas if r == margins))
    if found is not None:
        ordered.append(found)
    for meta in ordered:
        for name in ("title", "timestamp", "updated", "dateline"):
            value = getattr(meta, name)
            if value is not None and name not in fields:
                fields[name] = value
        for name in ("authors", "editors"):
            value = getattr(meta, name)
            if value and name not in fields:
                fields[name] = list(dict.fromkeys(value))
    if headline:
        fields["title"] = headline  # the headline the page marks (its <h1>) wins over a line that looks like one
    if "timestamp" not in fields and (day := date_from_url(url)) is not None:
        fields["timestamp"] = day  # the date the URL prints: a fallback, never over the page
    for name in fields:
        provenance[name] = Provenance.FOUND
    if site is not None and site_from is not None:
        provenance["site"] = Provenance(site_from)
    if published is not None:
        fields["timestamp"] = given_timestamp(published)
        provenance["timestamp"] = Provenance.GIVEN
    title = fields.get("title")
    captions = [c for c in dict.fromkeys([*extra_captions, *_caption_texts(removals)]) if c != title]
    paragraphs = [piece.clean for piece in doc.pieces]  # == paragraphs_of(...), text already normalised
    fields.update(
        paragraphs=paragraphs,
        captions=captions,
        url=url,
        site=site,
        language=language,
        removals=removals,
        provenance=provenance,
        empty_reason=None if paragraphs else "all_boilerplate",
        truncated=truncated,
        truncated_at=truncated_at,
    )
    return Article.model_validate(fields)


def _caption_texts(removals: Removals) -> Iterator[str]:
    for text in removals.texts_of_kind(Kind.CAPTION):
        yield normalize_space(text)


def replay(source: str, removals: Iterable[Removal] | Article, *, truncated_at: int | None = None) -> list[str]:
    """Apply a trace to its input: the paragraphs the pipeline returned for it.

    ``replay(raw, clean(raw).removals) == clean(raw).paragraphs`` for text input; for input cut
    at the size limit pass the article (``replay(raw, article)``) or its ``truncated_at``.
    """
    if isinstance(removals, Article):
        truncated_at = removals.truncated_at if truncated_at is None else truncated_at
        removals = removals.removals
    if truncated_at is not None:
        source = source[:truncated_at]
    text = readable(source)
    doc = Document(text, split_lines(text))
    spans = removals.spans() if isinstance(removals, Removals) else ((r.start, r.end) for r in removals)
    for start, end in spans:
        doc.remove(start, end)
    return paragraphs_of(doc.source, doc.lines, doc.removed)
