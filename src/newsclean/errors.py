"""One exception hierarchy: every error newsclean raises is a :class:`NewscleanError`."""

from __future__ import annotations


class NewscleanError(Exception):
    """Base class of every error raised by newsclean."""


class InputError(NewscleanError, ValueError):
    """The input cannot be read as text or HTML (wrong type, undecodable bytes, ...)."""


class ConfigError(NewscleanError, ValueError):
    """A configuration or phrase-data file is invalid (unknown key, bad pattern, ...)."""
