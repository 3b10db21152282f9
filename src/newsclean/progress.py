"""The progress of a batch: a bar on a terminal, plain periodic lines elsewhere.

On a terminal: ``  42% |████████▍           | 8,400/20,000 docs  2,310 docs/s  ETA 0:05  3 errors``,
redrawn at most five times a second. The total is the number of records when the input tells
it (Parquet, a folder), else the share of the input's bytes read so far. Not on a terminal (a
log file, a CI job), a plain line every ``interval`` seconds. Checking the clock once per row
is all it costs between redraws.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import IO

BAR_WIDTH = 24
TTY_INTERVAL = 0.2
PLAIN_INTERVAL = 15.0
_BLOCKS = " ▏▎▍▌▋▊▉█"


def clock(seconds: float) -> str:
    """``seconds`` as ``M:SS`` or ``H:MM:SS``."""
    whole = int(seconds + 0.5)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def bar(fraction: float, width: int = BAR_WIDTH) -> str:
    """A bar of ``width`` cells, ``fraction`` of it full, in eighths of a cell."""
    eighths = round(max(0.0, min(fraction, 1.0)) * width * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + (_BLOCKS[part] if part else "")).ljust(width)


class Progress:
    """Progress of a batch on ``stream`` (``None``: silent)."""

    def __init__(
        self,
        stream: IO[str] | None,
        *,
        tty: bool,
        total: int | None = None,
        fraction: Callable[[], float | None] = lambda: None,
        interval: float | None = None,
    ) -> None:
        self._stream = stream
        self._tty = tty
        self._total = total
        self._fraction = fraction
        self._interval = interval if interval is not None else (TTY_INTERVAL if tty else PLAIN_INTERVAL)
        self._started = time.perf_counter()
        self._next = self._started + self._interval
        self._drawn = False

    def update(self, done: int, errors: int) -> None:
        """Called once per row; draws only when the interval has passed."""
        if self._stream is None:
            return
        now = time.perf_counter()
        if now < self._next:
            return
        self._next = now + self._interval
        self._draw(done, errors, now)

    def share(self, done: int) -> float | None:
        """How much of the batch is done (0..1), when it can tell."""
        if self._total:
            return done / self._total
        return self._fraction()

    def line(self, done: int, errors: int, now: float) -> str:
        elapsed = max(now - self._started, 1e-9)
        rate = done / elapsed
        share = self.share(done)
        count = f"{done:,}/{self._total:,} docs" if self._total else f"{done:,} docs"
        parts = [count, f"{rate:,.0f} docs/s"]
        if share:
            parts.append(f"ETA {clock(elapsed * (1 - share) / share)}" if share < 1 else "ETA 0:00")
        if errors:
            parts.append(f"{errors:,} errors")
        text = "  ".join(parts)
        if share is None:
            return text
        return f"{share * 100:3.0f}% |{bar(share)}| {text}" if self._tty else f"{share * 100:.0f}% {text}"

    def _draw(self, done: int, errors: int, now: float) -> None:
        assert self._stream is not None
        text = self.line(done, errors, now)
        if self._tty:
            self._stream.write("\r" + text + "\x1b[K")
            self._drawn = True
        else:
            self._stream.write(text + "\n")
        self._stream.flush()

    def finish(self, done: int, errors: int) -> None:
        """The last state, and the line ended (on a terminal)."""
        if self._stream is None:
            return
        if self._tty:
            self._draw(done, errors, time.perf_counter())
            self._stream.write("\n")
            self._stream.flush()
