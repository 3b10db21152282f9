"""Phrase data: the per-language and per-site lists that rules match, kept apart from the engine.

Phrase files are TOML (``data/lang/*.toml``, ``data/sites/*.toml``, or a user's own file).
Each top-level table is a *family* named after the rule that uses it; inside, each key is a
*kind* of match:

``lines``
    regular expressions that must match a whole piece of text (a line, or what is left of
    it), case-insensitively unless the entry says ``case = true``;
``starts``
    expressions that, matching at the start of a piece, remove the whole piece;
``inline``
    expressions cut out wherever they occur, even inside a sentence run;
``lead``
    (captions) a caption glued to the start of the first paragraph, ending where the story
    begins;
``labels``
    literal words (related-link labels such as ``Baca juga``, credit labels, ...).

An entry is a string, or a table ``{ pattern = "...", id = "...", case = true }``; the
removal reason is ``"<family>:<id>"`` (the id defaults to a slug of the pattern). Files are
validated when loaded: an unknown family or kind, or a pattern that does not compile, raises
:class:`~newsclean.errors.ConfigError` naming the file and entry.
"""

from __future__ import annotations

import re as std_re
import threading
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import regex

from newsclean.datafiles import PHRASE_KINDS, PhraseFile, bundled, load_bundled, load_toml, read_toml, validate
from newsclean.language import everywhere_languages
from newsclean.segment import contains_any

FAMILIES: dict[str, frozenset[str]] = PHRASE_KINDS
"""Every family a phrase file may fill, with the kinds of match it takes (the models are in
:mod:`newsclean.datafiles`)."""


@dataclass(frozen=True, slots=True)
class Phrase:
    pattern: str
    id: str
    case: bool = False


@dataclass(frozen=True)
class Phrasebook:
    """Phrases merged from one or more files: ``entries[family][kind] -> phrases``."""

    entries: Mapping[str, Mapping[str, tuple[Phrase, ...]]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    def get(self, family: str, kind: str) -> tuple[Phrase, ...]:
        return self.entries.get(family, {}).get(kind, ())

    def labels(self, family: str, kind: str = "labels") -> tuple[str, ...]:
        return tuple(p.pattern for p in self.get(family, kind))

    def merged(self, other: Phrasebook) -> Phrasebook:
        entries: dict[str, dict[str, tuple[Phrase, ...]]] = {f: dict(k) for f, k in self.entries.items()}
        for fam, kinds in other.entries.items():
            slot = entries.setdefault(fam, {})
            for kind, phrases in kinds.items():
                have = {p.pattern for p in slot.get(kind, ())}
                slot[kind] = slot.get(kind, ()) + tuple(p for p in phrases if p.pattern not in have)
        return Phrasebook(entries, self.sources + other.sources)


_SLUG = std_re.compile(r"[^0-9a-z]+")


def slug(text: str) -> str:
    """A short stable id for a phrase: ``'Baca juga\\s*:'`` -> ``'baca_juga_s'``."""
    return _SLUG.sub("_", text.lower()).strip("_")[:40] or "phrase"


def parse_phrases(data: Mapping[str, Any], source: str) -> Phrasebook:
    """Validate one phrase file's content and build a :class:`Phrasebook` from it."""
    return phrasebook_of(validate(data, PhraseFile, source), source)


def phrasebook_of(file: PhraseFile, source: str) -> Phrasebook:
    """The phrases of a validated phrase (or outlet) file: an entry's id defaults to a slug of
    its pattern."""
    entries = {
        family: {
            kind: tuple(Phrase(e.pattern, e.id or slug(e.pattern), e.case) for e in items)
            for kind, items in kinds.items()
        }
        for family, kinds in file.families().items()
    }
    return Phrasebook(entries, (source,))


def load_phrase_file(path: str | Path) -> Phrasebook:
    """Load and validate a user's phrase file."""
    return phrasebook_of(load_toml(path, PhraseFile), str(path))


def read_phrase_data(path: str | Path) -> dict[str, Any]:
    """The content of a phrase or outlet file (TOML), or a :class:`ConfigError` naming it."""
    return read_toml(path)


@cache
def _language_files() -> tuple[tuple[str | None, Phrasebook], ...]:
    """Each bundled language file's language and phrases, in file-name order (loaded once)."""
    out: list[tuple[str | None, Phrasebook]] = []
    for item in sorted(bundled("lang").iterdir(), key=lambda t: t.name):
        if item.name.endswith(".toml"):
            file = load_bundled(PhraseFile, "lang", item.name)
            out.append((file.language, phrasebook_of(file, f"newsclean/data/lang/{item.name}")))
    return tuple(out)


@cache
def builtin_phrases() -> Phrasebook:
    """The bundled language files that apply to every document (``everywhere`` in
    ``languages.toml``, and a file naming no language), merged. The others apply to documents
    of their language (:func:`language_phrases`); outlet files (``data/sites``) are
    :mod:`newsclean.outlets`' and apply to their outlet only."""
    everywhere = everywhere_languages()
    book = Phrasebook()
    for language, phrases in _language_files():
        if language is None or language in everywhere:
            book = book.merged(phrases)
    return book


@cache
def language_phrases(language: str | None) -> Phrasebook | None:
    """The bundled phrases of ``language`` when they apply to its documents only (``de``,
    ``fr``, ...), else None (no file, or one :func:`builtin_phrases` holds already)."""
    if language is None or language in everywhere_languages():
        return None
    books = [phrases for code, phrases in _language_files() if code == language]
    if not books:
        return None
    book = books[0]
    for more in books[1:]:
        book = book.merged(more)
    return book


@dataclass(frozen=True, slots=True)
class Hit:
    """Where a phrase matched, and which phrase it was."""

    start: int
    end: int
    id: str


@dataclass(frozen=True)
class _Compiled:
    pattern: Any  # a compiled regex.Pattern
    id: str
    needs: tuple[str, ...]
    """Lower-case literals one of which any match must contain (empty: no prefilter)."""
    last: str = ""
    r"""The character every match ends with, trailing whitespace aside, when the pattern is
    anchored at the end of the text (``…\)\s*$``): a text whose last character is another
    cannot match (``""``: no such test, see :func:`required_last_char`)."""
    first: str = ""
    """The ASCII characters a match can open with, past what ``lead`` lets precede it, for a
    pattern anchored at the start (``""``: no such test, see :func:`required_first_chars`)."""
    lead: str = ""
    """What the anchor lets precede the phrase (whitespace; brackets for line starts)."""


_ANCHOR_LEADS = {r"\A\s*": " \t\n\r\x0b\x0c", r"\A[\s(\[]*": " \t\n\r\x0b\x0c(["}
"""The anchors whose leading characters the first-character test knows (their ASCII part:
any other character before a phrase turns the test off)."""


class Matcher:
    """Several phrases, each compiled once, tried only when its literals occur in the text.

    The prefilter makes a family of forty patterns cost a few substring tests on a piece
    that contains none of their words, which is nearly every piece.
    """

    def __init__(self, phrases: Iterable[Phrase], anchor: str = "", suffix: str = "") -> None:
        compiled = []
        for p in phrases:
            flags = "" if p.case else "(?i)"
            pattern = regex.compile(f"{flags}{anchor}(?:{p.pattern}){suffix}", regex.V0)
            literals = _literals_of(p.pattern)
            if len(literals) > MAX_NEEDS:
                literals = ()  # too many alternatives to be worth a prefilter: always tried
            lead = _ANCHOR_LEADS.get(anchor)
            first = required_first_chars(p.pattern, not p.case, lead) if lead is not None else ""
            compiled.append(
                _Compiled(pattern, p.id, literals, required_last_char(pattern.pattern), first, lead or "")
            )
        self._compiled = tuple(compiled)
        self._always = tuple(i for i, c in enumerate(compiled) if not c.needs)
        needs = sorted({n for c in compiled for n in c.needs}, key=len, reverse=True)
        # every literal found at a position implies the shorter literals it starts with
        users: dict[str, set[int]] = {n: {i for i, c in enumerate(compiled) if n in c.needs} for n in needs}
        self._users = {n: frozenset().union(*(users[m] for m in needs if n.startswith(m))) for n in needs}
        self._trigger = std_re.compile("(?=(" + "|".join(map(std_re.escape, needs)) + "))") if needs else None
        self.needs = frozenset(needs)
        self._needs_mask = literal_mask(needs)
        self._bits = tuple((n, literal_mask((n,))) for n in needs)
        self._gated: tuple[_Compiled, ...] | None = None
        """Set on a matcher cut down for one document: its phrases, each with the literals
        found in that document that it needs, tested per text before the phrase is tried."""
        self._probe: tuple[str, ...] = ()
        """The distinct literals of ``_gated``: each text is probed for them once."""
        self._by_present: dict[tuple[str, ...], tuple[_Compiled, ...]] = {}
        """The phrases to try, per set of probe literals a text holds (texts share them)."""
        self._short_probe: tuple[tuple[str, int], ...] = ()
        """The probe literals the document scan does not locate (shorter than ``MIN_SCANNED``),
        with their bits."""
        self._by_mask: dict[int, tuple[_Compiled, ...]] = {}
        """The phrases to try, per mask of probe literals a text's line holds."""
        self._narrowed: dict[int, Matcher | None] = {}
        self._line_view: Matcher | None = None
        """This matcher cut down to all of its literals: what a document with line masks uses
        (see :meth:`for_mask`), built once, its per-mask choices shared by every document."""
        self.gate_mask = 0
        """The probe literals the document scan locates by line (see ``mask`` in :meth:`match`):
        with :attr:`open` False, a text whose line mask shares no bit with this cannot match
        any phrase (see :meth:`idle_on`)."""
        self.open = True
        """Whether a phrase may match a text whatever its line mask says: a phrase needing no
        literal, or one needing a literal too short for the scan (true but for the cut-down
        matchers that line masks serve)."""

    def __bool__(self) -> bool:
        return bool(self._compiled)

    def for_text(self, found: frozenset[str] | None, vocabulary: frozenset[str]) -> Matcher | None:
        """This matcher cut down to the phrases whose literals occur in a document.

        ``found`` is what a :class:`LiteralScanner` over ``vocabulary`` found in the whole
        document; the result tests only those literals in each text it is given (one
        substring test each, much cheaper than trying a phrase). ``None`` when no phrase
        can match. Cut-down matchers are kept per set of literals found, so documents with
        the same literals share one.
        """
        if found is None:
            return self
        return self.for_mask(literal_mask(found), literal_mask(vocabulary))

    def for_mask(self, found: int, vocabulary: int, lines: bool = False) -> Matcher | None:
        """:meth:`for_text` with the literal sets as masks (:func:`literal_mask`): one AND
        and one dictionary lookup per document.

        With ``lines`` (the document's pieces carry line masks, :attr:`Piece.mask
        <newsclean.document.Piece.mask>`) nothing is cut down per document: each piece's
        line mask picks the phrases to try, which already leaves out every phrase whose
        literals the document lacks; the answer is this matcher's line view (or ``None`` when
        no phrase can match in the document), built once for all documents."""
        if self._needs_mask & ~vocabulary:
            return self  # some literal of a phrase was not looked for: no cutting down
        key = found & self._needs_mask
        if lines:
            if not key and not self._always:
                return None
            view = self._line_view
            if view is None:
                view = self._line_view = self._cut_down(self.needs)  # (a lost race builds it twice)
            return view
        try:
            return self._narrowed[key]
        except KeyError:
            pass
        narrowed = self._cut_down(frozenset(n for n, bit in self._bits if bit & key))
        if len(self._narrowed) < MAX_NARROWED:
            self._narrowed[key] = narrowed  # a lost race only builds the same matcher twice
        return narrowed

    def _cut_down(self, found: frozenset[str]) -> Matcher | None:
        chosen = set(self._always).union(*(self._users[n] for n in found))
        if not chosen:
            return None
        narrowed = Matcher(())  # (no phrases: nothing compiled; the fields are set below)
        narrowed._compiled = tuple(self._compiled[i] for i in sorted(chosen))
        narrowed._always = ()
        narrowed._users = {}
        narrowed._trigger = None
        narrowed.needs = frozenset()
        narrowed._narrowed = {}
        narrowed._needs_mask = 0
        narrowed._bits = ()
        narrowed._gated = None
        narrowed._probe = ()
        narrowed._by_present = {}
        narrowed.gate_mask = 0
        narrowed._short_probe = ()
        narrowed._by_mask = {}
        # the literals a phrase needs that this document has: a text holding none of them
        # cannot match it (a literal also implies the shorter ones it starts with)
        gated = tuple(
            _Compiled(
                c.pattern,
                c.id,
                tuple(n for n in found if any(n.startswith(m) for m in c.needs)),
                c.last,
                c.first,
                c.lead,
            )
            for c in narrowed._compiled
        )
        if any(c.needs for c in gated):  # (phrases with no literal are simply always tried)
            narrowed._gated = gated
            narrowed._probe = tuple(sorted({n for c in gated for n in c.needs}))
            narrowed.gate_mask = literal_mask(n for n in narrowed._probe if len(n) >= MIN_SCANNED)
            narrowed._short_probe = tuple((n, literal_mask((n,))) for n in narrowed._probe if len(n) < MIN_SCANNED)
            narrowed.open = bool(narrowed._short_probe) or any(not c.needs for c in gated)
        return narrowed

    def idle_on(self, mask: int) -> bool:
        """True when no phrase can match a text whose line holds the scanned literals in
        ``mask`` (:attr:`Piece.mask <newsclean.document.Piece.mask>`; ``-1``: unknown, never
        idle): what :meth:`match`, :meth:`search` and :meth:`finditer` would find there is
        nothing, answered with one AND (the phrases' choice by mask is the same test)."""
        return mask >= 0 and not self.open and not mask & self.gate_mask

    def _candidates(self, text: str, lower: str | None, mask: int = -1) -> Iterable[_Compiled]:
        gated = self._gated
        if gated is not None:
            if lower is None:
                lower = text.lower()
            if mask >= 0:
                return self._by_line_mask(mask, lower)
            present = tuple([n for n in self._probe if n in lower])
            try:
                return self._by_present[present]
            except KeyError:
                tried = tuple(c for c in gated if not c.needs or contains_any(c.needs, lower))
                if len(self._by_present) < MAX_NARROWED:
                    self._by_present[present] = tried  # a lost race stores the same tuple twice
                return tried
        if self._trigger is None:
            return self._compiled
        found = set(self._trigger.findall(text.lower() if lower is None else lower))
        if not found:
            return [self._compiled[i] for i in self._always]
        chosen = set(self._always).union(*(self._users[n] for n in found))
        return [self._compiled[i] for i in sorted(chosen)]

    def _by_line_mask(self, mask: int, lower: str) -> tuple[_Compiled, ...]:
        """The phrases to try on a text whose line holds the scanned literals in ``mask``."""
        key = mask & self.gate_mask
        for literal, bit in self._short_probe:  # the few short literals: a substring test each
            if literal in lower:
                key |= bit
        try:
            return self._by_mask[key]
        except KeyError:
            pass
        tried = tuple(c for c in self._gated or () if not c.needs or literal_mask(c.needs) & key)
        if len(self._by_mask) < MAX_NARROWED:
            self._by_mask[key] = tried  # a lost race stores the same tuple twice
        return tried

    def match(self, text: str, lower: str | None = None, mask: int = -1) -> Hit | None:
        """The first phrase (in file order) that matches at the start of ``text``.

        ``lower`` is ``text.lower()`` when the caller has it already (the same for
        :meth:`search` and :meth:`finditer`). ``mask`` is :attr:`Piece.mask
        <newsclean.document.Piece.mask>`, the literals the document scan found on the text's
        line (``-1``: unknown, the text is probed for each literal instead).
        """
        if self.idle_on(mask):
            return None  # (the commonest answer, on nearly every text)
        last: str | None = None
        head: str | None = None
        for c in self._candidates(text, lower, mask):
            if c.last:
                if last is None:
                    last = text.rstrip()[-1:]
                if last != c.last:
                    continue
            if c.first:
                if head is None:
                    head = text.lstrip(c.lead)[:1]  # (one anchor per matcher: one lead)
                if head.isascii() and head not in c.first:
                    continue  # ("" too: nothing but lead, and the phrase needs a character)
            m = c.pattern.match(text)
            if m:
                return Hit(m.start(), m.end(), c.id)
        return None

    def search(self, text: str, lower: str | None = None, mask: int = -1) -> Hit | None:
        """The leftmost match of any phrase in ``text``."""
        if self.idle_on(mask):
            return None
        best: Hit | None = None
        last: str | None = None
        for c in self._candidates(text, lower, mask):
            if c.last:
                if last is None:
                    last = text.rstrip()[-1:]
                if last != c.last:
                    continue
            m = c.pattern.search(text)
            if m and (best is None or m.start() < best.start):
                best = Hit(m.start(), m.end(), c.id)
        return best

    def finditer(self, text: str, lower: str | None = None, mask: int = -1) -> list[Hit]:
        """Every non-overlapping match of any phrase, leftmost (then longest) first."""
        if self.idle_on(mask):
            return []
        hits = [
            Hit(m.start(), m.end(), c.id) for c in self._candidates(text, lower, mask) for m in c.pattern.finditer(text)
        ]
        hits.sort(key=lambda h: (h.start, -h.end))
        out: list[Hit] = []
        for h in hits:
            if h.end > h.start and (not out or h.start >= out[-1].end):
                out.append(h)
        return out


class LiteralScanner:
    """Finds which of many literals occur in a text (case-insensitively), exactly.

    With the optional ``ahocorasick_rs`` package (``pip install '.[fast]' in newsclean's clone``) one
    Aho-Corasick pass (a DFA) finds them all; without it, one substring test per literal on the
    lower-cased text (measured faster than one big regex alternation). Both give the same set.
    """

    def __init__(self, literals: Iterable[str], *, automaton: bool = True) -> None:
        self.vocabulary = frozenset(s.lower() for s in literals if s)
        self.vocabulary_mask = literal_mask(self.vocabulary)
        self._assumed = frozenset(s for s in self.vocabulary if len(s) < MIN_SCANNED)
        self._ordered = tuple(sorted(self.vocabulary - self._assumed))
        self._bits = tuple(literal_mask((s,)) for s in self._ordered)
        self._automaton = build_automaton(self._ordered) if automaton else None

    def scan_lines(
        self, text: str, line_starts: Sequence[int], lowered: str | None = None
    ) -> tuple[frozenset[str], list[int] | None]:
        """:meth:`scan`, and for each line (starting at ``line_starts``) the
        :func:`literal_mask` of the scanned literals on it (``None`` without the automaton,
        or when lower-casing changes the text's length, so offsets would not line up).
        ``lowered`` is ``text.lower()`` when the caller has it."""
        lower = text.lower() if lowered is None else lowered
        if self._automaton is None or len(lower) != len(text):
            return self.scan(text), None
        ordered, bits = self._ordered, self._bits
        masks = [0] * len(line_starts)
        found = set(self._assumed)
        for index, start, _ in self._automaton.find_matches_as_indexes(lower, overlapping=True):
            found.add(ordered[index])
            masks[bisect_right(line_starts, start) - 1] |= bits[index]
        return frozenset(found), masks

    def scan(self, text: str) -> frozenset[str]:
        """The literals of the vocabulary that may occur in ``text``: those found in it, and
        every literal shorter than ``MIN_SCANNED``, which is not looked for (``a`` or ``(``
        is in nearly every document, and counting its thousands of hits would cost more than
        the per-text test a phrase needing it makes anyway)."""
        lower = text.lower()
        if self._automaton is not None:
            return self._assumed.union(self._automaton.find_matches_as_strings(lower, overlapping=True))
        return self._assumed.union([s for s in self._ordered if s in lower])


_LITERAL_BITS: dict[str, int] = {}
_REGISTER = threading.Lock()


def literal_mask(literals: Iterable[str]) -> int:
    """The literals as bits of one integer (each literal gets its own bit the first time it is
    seen, for the life of the process): a document's literals and a matcher's are compared
    with one AND instead of a set intersection."""
    mask = 0
    for literal in literals:
        bit = _LITERAL_BITS.get(literal)
        if bit is None:
            with _REGISTER:
                bit = _LITERAL_BITS.setdefault(literal, 1 << len(_LITERAL_BITS))
        mask |= bit
    return mask


def build_automaton(literals: Sequence[str]) -> Any:
    """An Aho-Corasick DFA over ``literals``, or ``None`` without ``ahocorasick_rs``."""
    try:
        import ahocorasick_rs  # optional: newsclean[fast]
    except ImportError:
        return None
    if not literals:
        return None
    return ahocorasick_rs.AhoCorasick(
        list(literals), implementation=ahocorasick_rs.Implementation.DFA, store_patterns=True
    )


def phrasebook_literals(book: Phrasebook) -> frozenset[str]:
    """Every prefilter literal of every phrase in ``book``."""
    out: set[str] = set()
    for kinds in book.entries.values():
        for kind, phrases in kinds.items():
            if kind != "labels":
                for p in phrases:
                    needs = _literals_of(p.pattern)
                    if len(needs) <= MAX_NEEDS:
                        out.update(needs)
    return frozenset(out)


@cache
def _literals_of(pattern: str) -> tuple[str, ...]:
    """:func:`required_literals`, worked out once per pattern (the scanners of the generic
    rules and of every outlet's rules read the same patterns)."""
    return required_literals(pattern)


def line_gate(*matchers: Matcher | None) -> tuple[int, bool]:
    """``(gate_mask, open)`` of several matchers together: a text whose line mask shares no
    bit with ``gate_mask`` is one none of them can match, unless one is ``open`` (see
    :meth:`Matcher.idle_on`)."""
    gate, is_open = 0, False
    for m in matchers:
        if m is not None:
            gate |= m.gate_mask
            is_open = is_open or m.open
    return gate, is_open


_MATCHERS: dict[tuple[tuple[Phrase, ...], str, str], Matcher | None] = {}
"""Every matcher built, by its phrases: the rules of an outlet differ from the generic ones in
the few families the outlet's file fills, and share the matcher of every other family."""


def compile_matcher(phrases: Iterable[Phrase], *, anchor: str = "", suffix: str = "") -> Matcher | None:
    """A :class:`Matcher` for ``phrases`` (``None`` when there are none), built once per
    distinct list of phrases in the process (a matcher's state is the same for every
    document and cleaner that uses it: its cut-down views are keyed by process-wide bits)."""
    key = (tuple(phrases), anchor, suffix)
    try:
        return _MATCHERS[key]
    except KeyError:
        pass
    matcher = Matcher(key[0], anchor, suffix)
    # (a lost race builds the same matcher twice; the first one stored is kept)
    return _MATCHERS.setdefault(key, matcher if matcher else None)


_PROPERTY = std_re.compile(r"\\[pP]\{[^}]*\}|\\[pP]\w")


def _parsed(pattern: str) -> Any:
    """``pattern`` parsed by the standard library's regex parser (``\\p{..}`` read as ``\\w``,
    which matches one character as it does), or ``None`` for a syntax only the regex module
    knows: what the prefilter and the first- and last-character tests are worked out from."""
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    try:
        return sre_parse.parse(_PROPERTY.sub(r"\\w", pattern))
    except Exception:
        return None


def required_first_chars(pattern: str, ignorecase: bool, lead: str) -> str:
    r"""The ASCII characters every match of ``pattern`` opens with, as one string (both cases
    when ``ignorecase``), or ``""`` when the parse cannot tell: a match may be empty, may open
    with a non-ASCII character an ignore-case pattern reads as ASCII, or with one of ``lead``
    (which the anchor before it may have taken instead).

    A text whose first character past ``lead`` is ASCII and not among them cannot match; a
    non-ASCII one is always tried.

    >>> sorted(required_first_chars(r"(?:\d+\s*){2,}(?:Next)?", False, " "))[:3]
    ['0', '1', '2']
    >>> required_first_chars(r"A\s*[-+]|A\s+A", True, " ")
    'Aa'
    >>> required_first_chars(r"\(?Ayo", True, " (")  # the anchor may take the bracket
    ''
    """
    from re import _constants as c  # type: ignore[attr-defined]  # the stdlib regex parser

    tree = _parsed(pattern)
    if tree is None:  # a syntax only the regex module knows: no test for this phrase
        return ""
    if tree.state.flags & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_VERBOSE):
        return ""  # (inline global flags: not worth the care)
    unknown: set[str] = {"unknown"}

    def literal(code: int) -> set[str]:
        char = chr(code)
        if not char.isascii():
            return unknown if ignorecase else set()  # (a non-ASCII text character is always tried)
        return {char.lower(), char.upper()} if ignorecase else {char}

    def item(op: Any, av: Any) -> tuple[set[str], bool]:
        if op is c.LITERAL:
            return literal(av), False
        if op is c.IN:
            out: set[str] = set()
            for kind, value in av:
                if kind is c.LITERAL:
                    out |= literal(value)
                elif kind is c.RANGE and value[1] - value[0] < 64:
                    for code in range(value[0], value[1] + 1):
                        out |= literal(code)
                elif kind is c.CATEGORY and value is c.CATEGORY_DIGIT:
                    out |= set("0123456789")  # (other digits are not ASCII: always tried)
                else:
                    return unknown, False
            return out, False
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return set(), True  # zero-width: what follows opens the match
        if op is c.SUBPATTERN:
            if av[1] or av[2]:  # scoped flags
                return unknown, False
            return sequence(av[-1])
        if op is c.BRANCH:
            firsts = [sequence(branch) for branch in av[1]]
            return set().union(*(f for f, _ in firsts)), any(n for _, n in firsts)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            found, nullable = sequence(av[2])
            return found, nullable or av[0] == 0
        return unknown, False

    def sequence(items: Any) -> tuple[set[str], bool]:
        out: set[str] = set()
        for op, av in items:
            found, nullable = item(op, av)
            out |= found
            if not nullable:
                return out, False
        return out, True

    found, nullable = sequence(tree)
    if nullable or "unknown" in found or not found or any(ch in lead or ch.isspace() for ch in found):
        return ""
    return "".join(sorted(found))


def required_last_char(pattern: str) -> str:
    r"""The character every match of ``pattern`` ends with before its trailing whitespace, when
    the pattern ends at the end of the text (``$`` or ``\Z``, after optional ``\s*``); ``""``
    when it does not or the parse cannot tell.

    >>> required_last_char(r"(?:\((?:Foto|Photo)[^()]{1,80}\)\s*$)")
    ')'
    >>> required_last_char(r"(?:Foto\s*:\s*[^\n]{1,80}$)")
    ''
    >>> required_last_char(r"(?m)\)$"), required_last_char(r"(?i)Getty\s+Images$")
    ('', '')
    """
    from re import _constants as c  # type: ignore[attr-defined]  # the stdlib regex parser

    tree = _parsed(pattern)
    if tree is None:  # a syntax only the regex module knows: no test for this phrase
        return ""

    def space_run(op: Any, av: Any) -> bool:  # \s* (or \s+): trailing whitespace
        return (
            op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT)
            and list(av[2]) == [(c.IN, [(c.CATEGORY, c.CATEGORY_SPACE)])]
        )

    def last_of(items: Any, anchored: bool) -> str:  # a parsed (sub)pattern
        items = list(items)
        while items:
            op, av = items[-1]
            if op is c.AT and av in (c.AT_END, c.AT_END_STRING):
                anchored = True
            elif not (anchored and space_run(op, av)):
                break
            items.pop()
        if not anchored or not items:
            return ""
        op, av = items[-1]
        if op is c.LITERAL:
            char = chr(av)  # punctuation only: a letter would have other cases under (?i)
            return char if char.isascii() and not char.isalnum() and not char.isspace() else ""
        if op is c.SUBPATTERN:
            if av[1] & c.SRE_FLAG_MULTILINE:  # (?m:...): $ ends a line, not the text
                return ""
            return last_of(av[-1], anchored)
        if op is c.BRANCH:
            ends = {last_of(branch, anchored) for branch in av[1]}
            return ends.pop() if len(ends) == 1 else ""
        return ""

    if tree.state.flags & c.SRE_FLAG_MULTILINE:
        return ""
    return last_of(tree, False)


def _short_word(literal: str) -> bool:
    """A literal too short for the document scan that holds a letter or digit (a weak filter)."""
    return len(literal) < MIN_SCANNED and any(c.isalnum() for c in literal)


def required_literals(pattern: str) -> tuple[str, ...]:
    r"""Lower-case strings one of which every match of ``pattern`` contains (``()`` if unsure).

    Worked out from the parsed pattern: a run of literal characters that every match must
    go through, or one such run per branch of a required alternation.

    >>> required_literals(r"Baca\s+selengkapnya\s+di\s+sini")
    ('selengkapnya',)
    >>> required_literals(r"(?:Getty\s+Images|Dok\s+Photo)")
    ('images', 'photo')
    >>> required_literals(r"[A-Z]+")
    ()
    """
    from re import _constants as c  # type: ignore[attr-defined]  # the stdlib regex parser

    tree = _parsed(pattern)
    if tree is None:  # a syntax only the regex module knows: no prefilter for this phrase
        return ()

    def best(options: list[tuple[str, ...]]) -> tuple[str, ...] | None:
        # a short list of literals, each as long as can be: a list of more than MAX_NEEDS
        # alternatives only when there is nothing else (it is then no prefilter at all); and
        # no list holding a short word (``a``, ``ap``, ``id``: in nearly every text) where
        # another is free of one (a mark such as ``/`` or ``(`` is in far fewer texts)
        options = [o for o in options if o]
        if not options:
            return None
        return max(options, key=lambda o: (len(o) <= MAX_NEEDS, not any(_short_word(s) for s in o),
                                           min(len(s) for s in o)))

    def seq(items: Any) -> tuple[str, ...] | None:
        found: list[tuple[str, ...]] = []
        run: list[str] = []
        for op, av in items:
            if op is c.LITERAL:
                run.append(chr(av))
                continue
            if len(run) >= MIN_LITERAL:
                found.append(("".join(run).lower(),))
            run = []
            if op is c.SUBPATTERN:
                sub = seq(av[-1])
                if sub:
                    found.append(sub)
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
                sub = seq(av[2])
                if sub:
                    found.append(sub)
            elif op is c.BRANCH:
                alts = [seq(b) for b in av[1]]
                if all(alts):
                    found.append(tuple(dict.fromkeys(s for a in alts if a for s in a)))
        if len(run) >= MIN_LITERAL:
            found.append(("".join(run).lower(),))
        return best(found)

    result = seq(tree)
    return result or ()


MAX_NARROWED = 4096
"""Cut-down matchers kept per matcher (one per distinct set of literals found)."""
MIN_LITERAL = 1
MIN_SCANNED = 3
"""Literals shorter than this are assumed present in every document (see :meth:`LiteralScanner.scan`)."""
MAX_NEEDS = 40
"""A phrase with more alternative literals than this gets no prefilter (scanning for all of
them would cost more than trying the phrase)."""
