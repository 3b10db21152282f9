"""Tables and compiled patterns of the HTML front end: kept here, never inline.

Every pattern is compiled once at import. Class/id hints are matched against the *tokens*
of an element's ``class`` and ``id`` (split on anything that is not a letter or digit), so
``detail__body-text`` gives ``detail``, ``body``, ``text`` and ``share-bar`` gives
``share``, ``bar``; whole class names are matched as well (``detail__body-text``).

The outlets' own class names (an outlet file's ``[html]`` table, see :mod:`newsclean.outlets`)
are added to the generic ones here: the DOM reader does not know the page's outlet when it
chooses the body, so they apply to every page (a name one outlet coined is rare elsewhere).
"""

from __future__ import annotations

import re

from newsclean.outlets import outlet_markup

# --- decoding -------------------------------------------------------------------------
META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
WESTERN_SINGLE_BYTE = frozenset(
    {"iso8859-1", "latin-1", "iso-8859-1", "ascii", "us-ascii", "cp1252", "windows-1252", "latin1", "l1"}
)

# --- sniffing -------------------------------------------------------------------------
DOC_MARKER_RE = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.IGNORECASE)
TAG_RE = re.compile(
    r"</?(?:p|div|span|a|br|li|ul|ol|table|tr|td|h[1-6]|article|section|img|meta|script|style|"
    r"link|title|header|footer|nav|figure|figcaption|strong|em|b|i|blockquote)\b[^<>]{0,400}>",
    re.IGNORECASE,
)

# --- tree cleaning --------------------------------------------------------------------
# Never content: removed from the tree before anything is measured.
KILL_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "iframe", "svg", "math", "object", "embed",
        "canvas", "button", "select", "option", "input", "textarea", "link", "meta", "head",
        "audio", "video", "source", "track", "map", "dialog", "frameset", "frame",
        "rt", "rp",  # ruby annotations: the reading of a word printed over it, not the text
    }
)  # fmt: skip

# Inline (phrasing) elements: their text belongs to the enclosing block.
INLINE_TAGS = frozenset(
    {
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn",
        "em", "font", "i", "img", "ins", "kbd", "label", "mark", "q", "s", "samp", "small",
        "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "br", "nobr",
        "picture", "ruby", "rb",
    }
)  # fmt: skip

# Elements whose own text is a paragraph (the score goes to the parent container).
PARAGRAPH_TAGS = frozenset({"p", "pre", "blockquote", "li", "td", "dd", "h2", "h3", "h4", "h5", "h6"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# Structural non-content, dropped wherever they appear inside the chosen region.
DROP_TAGS = frozenset({"nav", "aside", "footer", "form", "fieldset", "menu", "hr"})

# Block containers that may be dropped for link density.
LINK_DENSE_TAGS = frozenset(
    {
        "div",
        "section",
        "ul",
        "ol",
        "dl",
        "table",
        "tbody",
        "header",
        "span",
        "p",
        "center",
        "article",
        "figure",
    }
)

# --- class / id hints -----------------------------------------------------------------
TOKEN_SPLIT_RE = re.compile(r"[^a-z0-9]+")

# Whole class/id names (lower-cased) that mark the article body: the generic ones (words for
# "article", "body", "content", "detail", "text" and "story" joined, in English or Indonesian,
# and the WordPress names), then those an outlet's file names as its own (``[html]
# body_classes``: the outlet's own compounds, as ``CODE-read-text``).
GENERIC_BODY_CLASS_HINTS: tuple[str, ...] = (
    "detail_text", "text_detail", "txt_detail", "text-detail",
    "article-content", "article-body", "article_body", "articlebody", "article__body",
    "entry-content", "post-content", "post-body", "story-body", "story-content",
    "content_detail", "content-detail", "detail-content", "content_news",
    "artikel", "isi_berita", "isi-berita", "article-text", "news-content", "content-text", "body-text",
    "detail-text", "main-content", "story",
)  # fmt: skip
BODY_CLASS_HINTS: tuple[str, ...] = (*GENERIC_BODY_CLASS_HINTS, *outlet_markup("body_classes"))
BODY_CLASS_HINT_SET = frozenset(BODY_CLASS_HINTS)
# Class prefixes of generated names (``articlebody_x1``, and the outlets' own, ``[html]
# body_class_prefixes``: a name followed by a build hash).
BODY_CLASS_PREFIXES: tuple[str, ...] = ("articlebody", *outlet_markup("body_class_prefixes"))

# Tokens of class/id that mark structural non-content.
NOISE_TOKENS = frozenset(
    {
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "share", "sharing", "sharer",
        "social", "socmed", "sosmed", "comment", "comments", "komentar", "disqus", "related", "terkait",
        "recommend", "recommended", "recommendation", "rekomendasi", "popular", "terpopuler", "populer",
        "trending", "newsletter", "subscribe", "sidebar", "widget", "footer", "pagination", "pager",
        "tags", "tag", "topik", "advertisement", "advert", "ads", "ad", "iklan", "banner", "sponsor",
        "promo", "outbrain", "taboola", "mgid", "login", "signin", "copyright", "rss", "follow",
        "headlines", "lainnya", "baca", "bacajuga", "also", "more",
        "donation", "donate", "spenden", "ratings", "rating", "relatedposts", "socials", "appstores",
    }
)  # fmt: skip
# The weak ones among them: words a page builder or theme puts on any block (``elementor-widget-
# container``, ``has-sidebar``, ``read-more``), so a block they mark is dropped only when it does
# not read as the story's prose (see ``content.py``, ``_PROSE_SHARE``).
WEAK_NOISE_TOKENS = frozenset(
    {
        "sidebar", "widget", "more", "also", "tags", "tag", "topik", "popular", "populer", "trending",
        "promo", "banner", "headlines", "lainnya", "baca", "follow", "rss", "recommend", "sponsor",
    }
)  # fmt: skip
# Whole class names that are noise even though their tokens are not.
# (generic: a "related" box; and the names an outlet's file gives, ``[html] noise_classes``)
# (a photo's credit box by its whole name: a lone "credit" token also marks a byline block)
NOISE_CLASSES = frozenset({
    "box_terkait", "nav", "box-news-terkait", "image-credit", "photo-credit", "img-credit", "foto-credit",
    "credit-image", "caption-credit", "media-credit", *outlet_markup("noise_classes"),
})

# --- negative evidence (see ``evidence.py``) ---------------------------------------------
# Regions that are not the story, however much text they hold: a comment thread, a footer, a
# consent notice or pop-up, a form, a newsletter or "related" box, the navigation.
NEGATIVE_TAGS = frozenset({"footer", "aside", "nav", "form", "menu"})
NEGATIVE_ROLES = frozenset({"contentinfo", "navigation", "complementary", "dialog", "alertdialog", "search"})
NEGATIVE_TOKENS = frozenset(
    {
        "comment", "comments", "commentlist", "komentar", "disqus", "respond", "reply", "replies",
        "cookie", "cookies", "consent", "gdpr", "privacy", "modal", "popup", "overlay", "lightbox",
        "newsletter", "subscribe", "subscription", "signup", "login", "signin", "register",
        "footer", "navigation", "navbar", "nav", "menu", "breadcrumb", "breadcrumbs",
        "related", "terkait", "relatedposts", "share", "sharing", "social", "socials", "outbrain", "taboola",
        "donation", "donate", "spenden",
    }
)  # fmt: skip
# Class names that say a block's state, not what it is (``no-share``, ``has-comments``).
MODIFIER_PREFIXES: tuple[str, ...] = ("no-", "no_", "has-", "has_", "is-", "is_", "hide", "hidden", "show", "with-")

# Caption-like class/id tokens (only small elements qualify, see ``content.py``).
CAPTION_TOKENS = frozenset(
    {
        "caption", "figcaption", "pic_caption", "keterangan", "photo-caption", "wp-caption-text",
    }
)  # fmt: skip
CAPTION_SUBSTRINGS: tuple[str, ...] = ("caption", "keterangan")

# --- metadata -------------------------------------------------------------------------
ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "techarticle",
        "scholarlyarticle", "report", "socialmediaposting",
    }
)  # fmt: skip
NON_ARTICLE_TYPES = frozenset(
    {"collectionpage", "itemlist", "searchresultspage", "imagegallery", "mediagallery"}
)

META_TITLE_KEYS: tuple[str, ...] = ("og:title", "twitter:title", "title", "headline", "originaltitle")
# Meta keys every site may write (Open Graph, Dublin Core, the analytics tools' own); a page's
# outlet adds its own after them (its file's ``[html] author_keys`` and ``published_keys``).
META_AUTHOR_KEYS: tuple[str, ...] = (
    "author", "article:author", "og:article:author", "dc.creator", "sailthru.author", "byl",
    "parsely-author", "cxenseparse:author",
)  # fmt: skip
META_PUBLISHED_KEYS: tuple[str, ...] = (
    "article:published_time", "og:article:published_time", "datepublished", "publishdate", "pubdate",
    "publish-date", "publish_date", "pub_date", "date", "dc.date", "dc.date.issued", "dc.date.created",
    "sailthru.date", "parsely-pub-date", "datecreated", "createdate",
)  # fmt: skip
META_MODIFIED_KEYS: tuple[str, ...] = (
    "article:modified_time", "og:article:modified_time", "datemodified", "og:updated_time",
    "last-modified", "revision_date",
)  # fmt: skip
META_SECTION_KEYS: tuple[str, ...] = ("article:section", "articlesection", "og:article:section", "section")

# Title affixes: " - Site", " | Site", " :: Site", "Site: " ...
# Linear: a whitespace run is tried only from its start (``(?<!\s)``), so a run of thousands
# of spaces costs one scan, not one per position (was seconds on 20 KB of spaces).
TITLE_SEPARATOR_RE = re.compile(r"(?<!\s)\s+(?:[|\-–—:•»]|::)\s+")
SITE_LIKE_RE = re.compile(r"(?:\.(?:com|co\.id|id|net|org|my|co)\b|\bnews\b|\bonline\b)", re.IGNORECASE)

# Authors that are organisations, handles or URLs (outlets and agencies by name: see
# ``newsclean.html.meta.names_outlet``, built from the outlet files).
NON_PERSON_RE = re.compile(
    r"https?:|www\.|@|\.(?:com|co|id|net|org|my)\b|\b(?:redaksi|editorial|admin|administrator|"
    r"developer|team|staff|desk|newsroom|media|network|corporation|corp|inc|ltd|pt|"
    r"wire|agency|agencies|agence|presse|press|"
    r"senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|updated|diperbarui)\b",
    re.IGNORECASE,
)
INITIALS_RE = re.compile(r"^[a-z]{1,4}(?:/[a-z]{1,4})*$")
MAX_META_CHARS = 5000
"""A ``<meta content>`` value is read up to this many characters (a description is a few
hundred; a page stuffing megabytes into one must not cost a scan of them per pattern)."""
MAX_TITLE_CHARS = 300
"""A title candidate (the ``<title>``, an ``<h1>``, a meta or JSON-LD headline) longer than this
is none: a page whose ``<title>`` or ``<h1>`` is left open holds the rest of the page in it.
The longest title of the corpus pages is 93 characters."""
MAX_AUTHOR_CHARS = 1000
"""An author value (meta, JSON-LD, ``itemprop=author`` text) is read up to this many characters."""
AUTHOR_SPLIT_RE = re.compile(r"(?:(?<!\s)\s+)?(?:[;|]\s*|,\s*(?=[A-Z]))|(?<!\s)\s+(?:and|dan|&)\s+")

# Broken JSON-LD: pull the fields out one by one.
LD_FIELD_RE = re.compile(
    r""""(headline|datePublished|dateModified|articleSection|inLanguage|url|@type)"\s*:\s*"((?:[^"\\]|\\.)*)\"""",
)
LD_AUTHOR_RE = re.compile(r'"(?:author|creator)"\s*:\s*(\{[^{}]*\}|\[[^\]]*\]|"[^"]*")', re.DOTALL)
LD_NAME_RE = re.compile(r'"(?:name|byline)"\s*:\s*"((?:[^"\\]|\\.)*)"|^\s*"((?:[^"\\]|\\.)*)"\s*$')

# --- listing detection ----------------------------------------------------------------
LISTING_MIN_TEASERS = 12
SITE_PREFIX_RE = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id|net|my|org)\s*:\s+", re.IGNORECASE)

# --- visible byline and date (DOM fallbacks when the page has no metadata) --------------
BYLINE_TOKENS = frozenset(
    {"author", "authors", "byline", "penulis", "reporter", "writer", "pewarta", "wartawan"}
)
DATE_TOKENS = frozenset(
    {"date", "time", "tanggal", "publish", "published", "pubdate", "timestamp", "datetime"}
)
BYLINE_SPLIT_RE = re.compile(r"\s+[-–—|]\s+|\s*\|\s*|\s{2,}")
BYLINE_NAMES_SPLIT_RE = re.compile(r"(?:(?<!\s)\s+)?;\s*|(?<!\s)\s+(?:and|dan|&)\s+", re.IGNORECASE)
EDITOR_LABEL_RE = re.compile(r"^(?:editor|penyunting|redaktur|editing by|edited by)\b", re.IGNORECASE)
YEAR_RE = re.compile(r"(?:19|20)\d\d")
