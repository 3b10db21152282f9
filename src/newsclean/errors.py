"""One exception hierarchy: every error newsclean raises is a :class:`NewscleanError`."""

from __future__ import annotations


class NewscleanError(Exception):
    """Base class of every error raised by newsclean."""


class InputError(NewscleanError, ValueError):
    """The input cannot be read as text or HTML (wrong type, undecodable bytes, ...)."""


class ConfigError(NewscleanError, ValueError):
    """A configuration or phrase-data file is invalid (unknown key, bad pattern, ...)."""


class UsageError(NewscleanError, ValueError):
    """A command was asked for something it cannot do safely (a wrong field, an output that is
    its input, an unknown output format): the command line exits 2 before cleaning anything."""


class OutputError(NewscleanError, OSError):
    """The output could not be written (disk full, file too large): what was written before
    is kept whole, and the message says where."""
