"""Page metadata from JSON-LD, Open Graph, ``<meta>`` tags, microdata and ``<title>``.

Sources are read in a fixed order of trust (JSON-LD, then ``<meta>``/Open Graph, then
``itemprop`` microdata, then ``<title>``); the first source that has a field wins, except
for authors, which are the de-duplicated union of all sources minus organisations.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeAlias
from urllib.parse import urlsplit

from lxml import html as lxml_html

from newsclean.html._data import (
    ARTICLE_TYPES,
    AUTHOR_SPLIT_RE,
    BYLINE_NAMES_SPLIT_RE,
    BYLINE_SPLIT_RE,
    EDITOR_LABEL_RE,
    INITIALS_RE,
    LD_AUTHOR_RE,
    LD_FIELD_RE,
    LD_NAME_RE,
    MAX_AUTHOR_CHARS,
    MAX_META_CHARS,
    MAX_TITLE_CHARS,
    META_AUTHOR_KEYS,
    META_MODIFIED_KEYS,
    META_PUBLISHED_KEYS,
    META_SECTION_KEYS,
    META_TITLE_KEYS,
    NON_ARTICLE_TYPES,
    NON_PERSON_RE,
    SITE_LIKE_RE,
    SITE_PREFIX_RE,
    TITLE_SEPARATOR_RE,
    YEAR_RE,
)
from newsclean.html.model import PageMeta
from newsclean.metadata._data import outlet_tables
from newsclean.metadata.byline import author_name
from newsclean.outlets import HtmlHints, builtin_index, builtin_outlets, host_of

Element: TypeAlias = lxml_html.HtmlElement
JsonObject = dict[str, Any]


def norm_space(text: str | None) -> str:
    """Collapse runs of whitespace (NBSP included) to one space and strip."""
    return " ".join((text or "").split())


def fold(text: str | None) -> str:
    """Whitespace-normalised, lower-cased text for comparisons."""
    return norm_space(text).lower()


def text_head(el: Element, limit: int) -> str:
    """``norm_space(el.text_content())[:limit]``, reading no more of the subtree's text than
    it needs: a check of an element's opening words costs the same on a huge container (or on
    each of a page's unclosed, hence nested, headings) as on a paragraph.

    Exact: the normalised text of a prefix of the text is a prefix of the normalised text.
    """
    parts: list[str] = []
    size = 0
    check = limit
    for chunk in el.itertext():
        parts.append(chunk)
        size += len(chunk)
        if size > check:
            head = norm_space("".join(parts))
            if len(head) >= limit:
                return head[:limit]
            check = 2 * size  # mostly whitespace so far: read as much again before the next look
    return norm_space("".join(parts))[:limit]


@dataclass
class _Sources:
    """Everything metadata-like found in one page, before choosing."""

    metas: dict[str, list[str]] = field(default_factory=dict)
    ld_articles: list[JsonObject] = field(default_factory=list)
    ld_others: list[JsonObject] = field(default_factory=list)
    ld_types: set[str] = field(default_factory=set)
    itemprops: dict[str, list[Element]] = field(default_factory=dict)
    title_tag: str | None = None
    canonical: str | None = None
    language: str | None = None
    h1s: list[str] = field(default_factory=list)


# --- JSON-LD ---------------------------------------------------------------------------
def _ld_objects(value: Any) -> Iterator[JsonObject]:
    """Every JSON object in a JSON-LD value: top level, lists and ``@graph`` (iteratively)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list | dict):
                stack.append(graph)


def _ld_types(obj: JsonObject) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds if isinstance(k, str)}


def _loose_ld(text: str) -> JsonObject:
    """Fields of a JSON-LD block that ``json`` cannot read (single quotes, trailing commas ...)."""
    obj: JsonObject = {}
    for key, value in LD_FIELD_RE.findall(text):
        obj.setdefault(key, value)
    match = LD_AUTHOR_RE.search(text)
    if match:
        names = [a or b for a, b in LD_NAME_RE.findall(match.group(1))]
        if not names and match.group(1).startswith("["):
            names = [m.strip().strip('"') for m in match.group(1).strip("[]").split(",")]
        obj["author"] = [n for n in names if n]
    return obj


def _parse_ld(text: str) -> Any:
    text = text.strip()
    if text.startswith("<!--"):
        text = text[4:]
    if text.endswith("-->"):
        text = text[:-3]
    try:
        return json.loads(text, strict=False)
    except RecursionError:  # nested past the interpreter's limit: no metadata to read there
        return None
    except ValueError:
        return _loose_ld(text)


def _ld_text(value: Any) -> str | None:
    if isinstance(value, str):
        return norm_space(value) or None
    if isinstance(value, list) and value:
        return _ld_text(value[0])
    if isinstance(value, dict):
        return _ld_text(value.get("name") or value.get("@id"))
    return None


def _ld_names(value: Any) -> list[str]:
    names: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict):
            if _ld_types(item) & {"organization", "newsmediaorganization"}:
                continue
            name = item.get("name") or item.get("byline")
            if isinstance(name, str):
                names.append(name)
    return names


# --- collection ------------------------------------------------------------------------
def _title_sized(text: str | None) -> str | None:
    """``text`` when it is as short as a title can be (:data:`MAX_TITLE_CHARS`), else None."""
    return text if text and len(text) <= MAX_TITLE_CHARS else None


def _collect(root: Element) -> _Sources:
    src = _Sources()
    src.language = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    title_seen = False
    for el in root.iter("meta", "script", "title", "link", "h1"):
        tag = el.tag
        if tag == "meta":
            key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
            content = el.get("content")
            if key and content and content.strip():
                src.metas.setdefault(key.strip().lower(), []).append(content.strip()[:MAX_META_CHARS])
        elif tag == "script":
            if "ld+json" not in (el.get("type") or "").lower() or not el.text:
                continue
            for obj in _ld_objects(_parse_ld(el.text)):
                kinds = _ld_types(obj)
                src.ld_types |= kinds
                (src.ld_articles if kinds & ARTICLE_TYPES else src.ld_others).append(obj)
        elif tag == "title":
            if not title_seen:  # (the first one: a head and a body may each print one)
                title_seen = True
                src.title_tag = _title_sized(text_head(el, MAX_TITLE_CHARS + 1))
        elif tag == "link":
            if src.canonical is None and (el.get("rel") or "").lower() == "canonical":
                src.canonical = el.get("href") or None
        elif len(src.h1s) < 5:
            text = _title_sized(text_head(el, MAX_TITLE_CHARS + 1))
            if text:
                src.h1s.append(text)
    for el in root.xpath("//*[@itemprop]"):
        if el.tag == "meta":
            continue
        for prop in (el.get("itemprop") or "").split():
            src.itemprops.setdefault(prop, []).append(el)
    return src


def _meta(src: _Sources, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        for value in src.metas.get(key, ()):
            return value
    return None


def _ld(src: _Sources, key: str, include_others: bool = False) -> str | None:
    objs = src.ld_articles + (src.ld_others if include_others else [])
    for obj in objs:
        value = _ld_text(obj.get(key))
        if value:
            return value
    return None


def _itemprop(src: _Sources, prop: str) -> str | None:
    for el in src.itemprops.get(prop, ()):
        value = el.get("content") or el.get("datetime") or el.text_content()
        value = norm_space(value)
        if value:
            return value
    return None


# --- fields ----------------------------------------------------------------------------
def _site_tokens(site_name: str | None, url: str | None) -> set[str]:
    tokens = {t for t in fold(site_name).replace(".", " ").split() if len(t) > 2}
    if url:
        try:
            host = urlsplit(url).hostname or ""
        except ValueError:  # "http://[x", an unfilled "http://[DOMAIN]/" template
            host = ""
        tokens |= {p for p in host.lower().split(".") if len(p) > 2 and p not in {"www", "com", "net", "org"}}
    return tokens


def _is_site_part(part: str, site: set[str]) -> bool:
    if SITE_LIKE_RE.search(part):
        return True
    words = {w.strip(".").lower() for w in part.replace(".", " ").split()}
    return bool(words & site)


def strip_title_affixes(title: str, site: set[str]) -> str:
    """Remove a site name before or after a title (``Judul - Kabari.com``, ``Kabari.com: Judul``).

    >>> strip_title_affixes("Samsul Arif Tak Beban Lawan Arema - Kabari.com", set())
    'Samsul Arif Tak Beban Lawan Arema'
    """
    title = SITE_PREFIX_RE.sub("", norm_space(title))
    parts = TITLE_SEPARATOR_RE.split(title)
    if len(parts) < 2:
        return title
    seps = TITLE_SEPARATOR_RE.findall(title)
    if _is_site_part(parts[-1], site) and len(parts[-1].split()) <= 5:
        parts.pop()
        seps.pop()
        while len(parts) > 1 and len(parts[-1].split()) <= 2:
            parts.pop()
            seps.pop()
    elif _is_site_part(parts[0], site) and len(parts[0].split()) <= 4:
        parts.pop(0)
        seps.pop(0)
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=True):
        out += sep + part
    return out


def title_key(text: str | None) -> str:
    """Letters and digits only, lower-cased: titles compared without punctuation."""
    return _NOT_ALNUM.sub("", fold(text))


HEAD_KEY_CHARS = 256
"""How much of a text :func:`has_title_key` reads before it reads all of it."""


def has_title_key(text: str | None, key: str) -> bool:
    """``title_key(text) == key``, reading no more of a long ``text`` than it needs.

    The key of a head of the text is the head of the key of the whole, but for its last letter
    (a ``σ`` there may be the whole's ``ς``, one letter either way): a head whose key is longer
    than ``key``, or does not open it, settles the answer."""
    if text is None:
        return not key
    limit = min(2 * len(key), HEAD_KEY_CHARS) + 8
    if len(text) > limit:
        head = title_key(text[:limit])
        if len(head) > len(key) or not key.startswith(head[:-1]):
            return False
    return title_key(text) == key


_NOT_ALNUM = re.compile(r"[\W_]+")
r"""What ``str.isalnum`` rejects (the re module's ``\w`` is exactly isalnum or ``_``)."""


def _choose_title(src: _Sources, site: set[str]) -> str | None:
    raw = [
        _ld(src, "headline"),
        *(_meta(src, (key,)) for key in META_TITLE_KEYS),
        _itemprop(src, "headline"),
        src.title_tag,
    ]
    candidates = [strip_title_affixes(c, site) for c in map(_title_sized, raw) if c]
    keys = [k for k in map(title_key, candidates) if len(k) >= 8]
    h1s = [(h1, title_key(h1)) for h1 in src.h1s]
    for h1, key in h1s:
        if key in keys:
            return h1
    near = [
        (abs(len(key) - len(k)), h1)
        for h1, key in h1s
        for k in keys
        if len(key) >= 8 and (key in k or k in key)
    ]
    if near:
        return min(near)[1]
    return candidates[0] if candidates else (src.h1s[0] if src.h1s else None)


@functools.cache
def _outlet_name_re() -> re.Pattern[str]:
    """A word naming an outlet or an agency: every outlet file's names and its domains' first
    labels, and the names, agencies and name prefixes of ``metadata/outlets.toml``."""
    tables = outlet_tables()
    names = {*tables.outlets, *tables.agencies}
    for outlet in builtin_outlets():
        names.update(outlet.table.names)
        names.update(domain.split(".")[0] for domain in outlet.table.domains)
    words = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))
    prefixes = "|".join(re.escape(p) + r"\w*" for p in tables.outlet_prefixes)
    return re.compile(rf"(?<!\w)(?:{prefixes}|{words})(?!\w)", re.IGNORECASE)


def names_outlet(name: str) -> bool:
    """True when ``name`` holds an outlet's or an agency's name as a word (``Tim X``, ``Y News``)."""
    return _outlet_name_re().search(name) is not None


_NO_HINTS = HtmlHints()


def page_outlet_markup(url: str | None, site_name: str | None) -> HtmlHints:
    """The ``[html]`` table of the page's outlet, found by the page's own URL (canonical,
    ``og:url``) or site name; empty for a page of no bundled outlet."""
    index = builtin_index()
    host = host_of(url) if url else None
    found = (index.by_host(host) if host else None) or (index.by_name(site_name) if site_name else None)
    return index.outlets[found].html if found is not None else _NO_HINTS


def clean_author(name: str, site: set[str]) -> str | None:
    """A person's name, or None for organisations, handles, URLs and initials.

    >>> clean_author("Oleh: Nur Imansyah", set()), clean_author("Tim Redaksi", set())
    ('Nur Imansyah', None)
    """
    found = author_name(name)
    if found is None:
        return None
    name = found
    if NON_PERSON_RE.search(name) or INITIALS_RE.match(name) or names_outlet(name):
        return None
    if {w.lower() for w in name.split()} & site:
        return None
    return name


def _choose_authors(src: _Sources, site: set[str], keys: tuple[str, ...]) -> tuple[str, ...]:
    raw: list[str] = []
    for obj in src.ld_articles:
        raw += _ld_names(obj.get("author")) or _ld_names(obj.get("creator"))
    for key in keys:
        raw += src.metas.get(key, [])
    for el in src.itemprops.get("author", ()):
        names = el.xpath(".//*[@itemprop='name']")
        target = names[0] if names else el
        raw.append(target.get("content") or target.text_content())
    out: list[str] = []
    seen: set[str] = set()
    for value in raw:
        for part in AUTHOR_SPLIT_RE.split(norm_space(value[:MAX_AUTHOR_CHARS])):
            name = clean_author(part, site)
            if name and name.lower() not in seen:
                seen.add(name.lower())
                out.append(name)
    return tuple(out)


def visible_authors(elements: Iterable[Element], site_name: str | None, url: str | None) -> tuple[str, ...]:
    """Names from the first byline-like element (class/id ``author``, ``penulis`` ...) that has any.

    Only the first chunk of the byline is read (``Name - kabariNews``, ``Name | World | date``),
    split on ``and``/``dan``/``&``, each part cut at its first comma (``Name, CITY``).
    """
    site = _site_tokens(site_name, url)
    for el in elements:
        text = text_head(el, 161)
        if not text or len(text) > 160:
            continue
        chunks = [c for c in BYLINE_SPLIT_RE.split(text) if c and not EDITOR_LABEL_RE.match(c)]
        if not chunks:
            continue
        out: list[str] = []
        for part in BYLINE_NAMES_SPLIT_RE.split(chunks[0]):
            name = clean_author(part.split(",")[0], site)
            if name and name.lower() not in {o.lower() for o in out}:
                out.append(name)
        if out:
            return tuple(out)
    return ()


def visible_date(elements: Iterable[Element]) -> str | None:
    """The raw text (or ``datetime``) of the first date-like element that holds a year."""
    for el in elements:
        raw = el.get("datetime") or el.get("content") or text_head(el, 81)
        if raw and len(raw) <= 80 and YEAR_RE.search(raw):
            return norm_space(raw)
    return None


def _article_type(src: _Sources) -> bool | None:
    og_type = fold(_meta(src, ("og:type",)))
    if src.ld_types & ARTICLE_TYPES or og_type == "article":
        return True
    if src.ld_types & NON_ARTICLE_TYPES or og_type in {"website", "profile", "video.other"}:
        return False
    return None


def read_meta(root: Element) -> tuple[PageMeta, str | None]:
    """The page metadata and the JSON-LD ``articleBody`` (a hint for the content locator)."""
    src = _collect(root)
    site_name = _meta(src, ("og:site_name", "application-name", "twitter:site"))
    if not site_name:
        for obj in src.ld_articles:
            site_name = _ld_text(obj.get("publisher"))
            if site_name:
                break
    url = src.canonical or _meta(src, ("og:url", "twitter:url", "url")) or _ld(src, "url")
    site = _site_tokens(site_name, url)
    own = page_outlet_markup(url, site_name)
    published = (
        _ld(src, "datePublished")
        or _meta(src, (*META_PUBLISHED_KEYS, *own.published_keys))
        or _itemprop(src, "datePublished")
        or _ld(src, "datePublished", include_others=True)
    )
    modified = _ld(src, "dateModified") or _meta(src, META_MODIFIED_KEYS) or _itemprop(src, "dateModified")
    language = (
        src.language or _meta(src, ("content-language", "language", "og:locale")) or _ld(src, "inLanguage")
    )
    meta = PageMeta(
        title=_choose_title(src, site),
        authors=_choose_authors(src, site, (*META_AUTHOR_KEYS, *own.author_keys)),
        published=published,
        modified=modified,
        site_name=norm_space(site_name) or None,
        url=url,
        language=norm_space(language) or None,
        section=_ld(src, "articleSection")
        or _meta(src, META_SECTION_KEYS)
        or _itemprop(src, "articleSection"),
        description=_meta(src, ("description", "og:description", "twitter:description"))
        or _ld(src, "description"),
        is_article_type=_article_type(src),
    )
    body = next(
        (b for obj in src.ld_articles if isinstance(b := obj.get("articleBody"), str) and b.strip()), None
    )
    return meta, body
