"""``map`` over worker processes, in order, that survives a worker's death.

``multiprocessing.Pool`` waits for ever when one of its workers is killed (the OOM killer's
``kill -9``); :class:`concurrent.futures.ProcessPoolExecutor` says so (``BrokenProcessPool``).
:func:`ordered_chunks` builds on that: the chunks that were in flight when a worker died are
run again, one at a time in a fresh worker, and a chunk that kills its worker a second time
gives up its items to ``on_lost`` (the batch writes them as error rows). At most a bounded
window of chunks is in flight, so memory stays flat however long the input is.
"""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

WINDOW_CHUNKS_PER_WORKER = 4
"""How many chunks per worker may be read ahead of the writer (bounds memory)."""

_PR_SET_PDEATHSIG = 1
_DIED_TWICE = "its worker process died twice while cleaning it (killed, or out of memory)"


def _worker_start() -> None:
    """In each worker: Ctrl-C is the parent's to handle (no traceback from every worker), and
    the worker dies with its parent, even one killed with ``kill -9`` (Linux)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() == 1:  # the parent died before the line above ran
        os._exit(1)


def _executor(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_worker_start)


def stop_executor(executor: ProcessPoolExecutor) -> None:
    """Stop ``executor`` now: its queued work is dropped and its workers are killed."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.kill()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=5)


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def ordered_chunks(
    fn: Callable[[list[T]], list[R]],
    items: Iterable[T],
    workers: int,
    chunksize: int,
    on_lost: Callable[[list[T], str], list[R]],
    on_death: Callable[[str], None] = lambda message: None,
) -> Iterator[R]:
    """``fn`` over chunks of ``items`` on ``workers`` processes; the results in input order."""
    chunks = chunked(items, max(chunksize, 1))
    window = max(workers, 1) * WINDOW_CHUNKS_PER_WORKER
    executor = _executor(workers)
    flight: deque[tuple[list[T], Future[list[R]] | None]] = deque()
    try:
        while True:
            broken = False
            while len(flight) < window and (chunk := next(chunks, None)) is not None:
                try:
                    flight.append((chunk, executor.submit(fn, chunk)))
                except BrokenProcessPool:  # the pool broke while the window was being filled
                    flight.append((chunk, None))
                    broken = True
                    break
            if not flight:
                return
            chunk, future = flight[0]
            try:
                if broken or future is None:
                    raise BrokenProcessPool
                results = future.result()
            except BrokenProcessPool:
                on_death(f"a worker process died (killed, or out of memory) with {len(flight)} chunks in flight; "
                         "those not finished are run again one at a time")
                stop_executor(executor)
                for again, done in list(flight):
                    if _finished(done):
                        assert done is not None
                        yield from done.result()
                    else:
                        yield from _run_alone(fn, again, on_lost, on_death)
                flight.clear()
                executor = _executor(workers)
                continue
            flight.popleft()
            yield from results
    finally:
        stop_executor(executor)


def _finished(future: Future[list[R]] | None) -> bool:
    """Whether ``future`` holds a result (a chunk finished before its pool broke)."""
    return future is not None and future.done() and not future.cancelled() and future.exception() is None


def _run_alone(
    fn: Callable[[list[T]], list[R]],
    chunk: list[T],
    on_lost: Callable[[list[T], str], list[R]],
    on_death: Callable[[str], None],
) -> list[R]:
    """``fn(chunk)`` in a worker of its own; if that worker dies too, each item is run alone,
    so only the item that kills its worker is lost (``on_lost`` answers for it)."""
    executor = _executor(1)
    try:
        try:
            return executor.submit(fn, chunk).result()
        except BrokenProcessPool:
            on_death(f"a chunk of {len(chunk)} records killed its worker again: its records are run one by one")
        out: list[R] = []
        for item in chunk:
            stop_executor(executor)
            executor = _executor(1)
            try:
                out.extend(executor.submit(fn, [item]).result())
            except BrokenProcessPool:
                on_death("a record killed its worker twice: written as an error row")
                out.extend(on_lost([item], _DIED_TWICE))
        return out
    finally:
        stop_executor(executor)
