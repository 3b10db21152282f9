"""Metadata parsing: publication time, byline and dateline, from header lines.

Pure functions over strings, independent of the cleaning pipeline. Their vocabularies
(months, weekdays, zones, outlets, role labels) live in ``newsclean/data/metadata/*.toml``,
validated and compiled once on first use.
"""

from __future__ import annotations

from newsclean.metadata.byline import Byline, Role, is_byline_label, parse_byline
from newsclean.metadata.dateline import DatelineMatch, match_dateline
from newsclean.metadata.dates import DateMatch, find_timestamp, parse_datetime

__all__ = [
    "Byline",
    "DateMatch",
    "DatelineMatch",
    "Role",
    "find_timestamp",
    "is_byline_label",
    "match_dateline",
    "parse_byline",
    "parse_datetime",
]
