"""Metadata parsing: publication time, byline and dateline, from header lines.

Pure functions over strings, independent of the cleaning pipeline. Their vocabularies
(months, weekdays, zones, outlets, role labels) live in ``newsclean/data/metadata/*.toml``.
"""

from __future__ import annotations

from newsclean.metadata.dates import DateMatch, find_timestamp, parse_datetime

__all__ = ["DateMatch", "find_timestamp", "parse_datetime"]
