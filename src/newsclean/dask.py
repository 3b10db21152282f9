"""Clean a Dask bag or dataframe on a cluster: ``pip install '.[dask]' in newsclean's clone``.

>>> import dask.bag as db                                          # doctest: +SKIP
>>> from newsclean.dask import clean_bag
>>> clean_bag(db.read_text("pages/*.jsonl").map(json.loads)).to_dataframe()  # doctest: +SKIP

Each element is cleaned with :func:`newsclean.clean`, exactly as in-process, so a cluster
gives the same articles as a loop. ``import newsclean`` never imports this module or dask.
"""

from __future__ import annotations

import importlib
import math
from typing import Any, cast

import newsclean
from newsclean.model import Article
from newsclean.readers import TEXT_FIELDS

EXTRA_HINT = "newsclean.dask needs dask: pip install '.[dask]' in newsclean's clone"

try:
    import dask.bag as db
    import dask.dataframe as dd
except ImportError as exc:  # pragma: no cover - exercised in a subprocess without dask
    raise ImportError(EXTRA_HINT) from exc

ARTICLE_COLUMNS: tuple[str, ...] = tuple(Article.model_fields)
"""The columns of :func:`clean_dataframe`'s result, in order: the Article fields."""


def text_of(item: Any, field: str | None = None) -> str | bytes:
    """The raw text of a bag element: the element itself, or a field of a dict record."""
    if isinstance(item, str | bytes):
        return item
    if isinstance(item, dict):
        name = field if field is not None else next((f for f in TEXT_FIELDS if f in item), None)
        if name is None or name not in item:
            raise KeyError(f"record has no text field {field or ' or '.join(TEXT_FIELDS)}")
        return _as_text(item[name])
    raise TypeError(f"cannot clean a {type(item).__name__}: expected str, bytes or dict")


def _as_text(value: Any) -> str | bytes:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, str | bytes):
        return value
    raise TypeError(f"cannot clean a {type(value).__name__}: expected str or bytes")


def clean_item(item: Any, field: str | None = None) -> dict[str, Any]:
    """One bag element cleaned: ``newsclean.clean(text).model_dump()``."""
    return newsclean.clean(text_of(item, field)).model_dump()


def clean_bag(bag: db.Bag, field: str | None = None) -> db.Bag:
    """A bag of article dicts (``Article.model_dump()``), one per element, in order.

    Elements are raw texts (str or bytes) or dict records whose text is ``field``
    (default: the first of ``text``, ``raw``, ``content``, ``html`` present).
    ``Article.model_validate(d)`` turns a dict back into the Article.
    """
    untyped: Any = bag  # dask's methods carry no annotations
    return cast("db.Bag", untyped.map(clean_item, field=field))


def article_meta() -> Any:
    """The empty pandas frame describing :func:`clean_dataframe`'s output.

    Every column is ``object`` (lists, dicts, datetimes with their own offsets) except
    ``truncated``, which is ``bool``.
    """
    pd = importlib.import_module("pandas")
    columns = {name: pd.Series([], dtype=object) for name in ARTICLE_COLUMNS}
    columns["truncated"] = pd.Series([], dtype=bool)
    return pd.DataFrame(columns)


def clean_partition(part: Any, column: str) -> Any:
    """One pandas partition cleaned: a frame of Article fields on the same index."""
    pd = importlib.import_module("pandas")
    rows = [newsclean.clean(_as_text(value)).model_dump() for value in part[column]]
    frame = pd.DataFrame(rows, index=part.index, columns=list(ARTICLE_COLUMNS), dtype=object)
    return frame.astype({"truncated": bool})


def clean_dataframe(df: dd.DataFrame, column: str = "text") -> dd.DataFrame:
    """A dataframe of Article fields, one row per row of ``df`` (same index), from ``df[column]``.

    Join it back with ``df.join(clean_dataframe(df))`` or keep the columns you need.
    """
    if column not in df.columns:
        raise KeyError(f"no column {column!r}; the frame has {list(df.columns)}")
    untyped: Any = df  # dask's methods carry no annotations
    return cast("dd.DataFrame", untyped.map_partitions(clean_partition, column, meta=article_meta()))
