"""What an article's URL says: the publication date many outlets put in the path.

Only unambiguous forms are read: ``/2019/01/21/`` (in Indonesian and wire outlets alike),
``/20190121…`` as the head of a long numeric id (``/20190121220500-20-362810/``),
``-2019-01-21`` or ``/2019-01-21/`` in a slug. An id that only counts articles
(``d-4395813``, ``/read/2438017/``) gives nothing.

>>> date_from_url("https://nasional.kabari.example/read/2019/01/21/22050011/judul")
datetime.date(2019, 1, 21)
>>> date_from_url("https://www.kabari.example/nasional/20190121220500-20-362810/judul")
datetime.date(2019, 1, 21)
>>> date_from_url("https://news.kabari.example/berita/d-4395813/judul") is None
True
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

__all__ = ["date_from_url"]

_FORMS = (
    re.compile(r"/((?:19|20)\d\d)/([01]\d)/([0-3]\d)(?:/|$)"),
    re.compile(r"[/-]((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?:[/-]|$)"),
    re.compile(r"/((?:19|20)\d\d)([01]\d)([0-3]\d)(?:[0-2]\d[0-5]\d[0-5]\d)-\d"),
)


def date_from_url(url: str | None) -> dt.date | None:
    """The date printed in ``url``'s path, when it prints one unambiguously, else None."""
    if not url:
        return None
    try:
        path = urlsplit(url if "//" in url else "//" + url).path
    except ValueError:  # "http://[x": no date to read in a URL that does not parse
        return None
    found: set[dt.date] = set()
    for form in _FORMS:
        for m in form.finditer(path):
            try:
                found.add(dt.date(int(m[1]), int(m[2]), int(m[3])))
            except ValueError:
                continue
    return found.pop() if len(found) == 1 else None
