"""Clean page bytes in worker processes, so the cleaner's CPU does not compete for the crawler's GIL.

The crawler hands each new page's bytes (already in memory) to `CleanPool.submit` as soon as it
is fetched; the worker runs `clean_html` and the MinHash sketch; the crawler's landing thread
collects `CleanJob.result()` when the batch is landed (near-duplicate grouping and the Parquet
writes stay in the crawler process, see `ingest.clean.landing`).

Workers are spawned (never forked from a threaded process), lazily on the first page, and ignore
SIGINT: the owner shuts them down. They exit on their own when the owning process dies (even by
SIGKILL). A page that raises, runs past `soft_timeout_s` (measured in the worker) or past
`hard_timeout_s` (measured by the waiting thread; the workers are then killed and replaced), or
whose worker crashed twice, gives a CleanDocument with empty text and a warning, like an inline
cleaner failure. Pages caught in a crash caused by another page are retried once.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import signal
import threading
import time
from concurrent.futures import BrokenExecutor, CancelledError, Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from types import FrameType
from typing import Any

from ingest.clean.minhash import Sketch, sketch
from ingest.records import CleanDocument
from ingest.sites.families import Family

log = logging.getLogger(__name__)

SOFT_TIMEOUT_S = 60.0  # one page's cleaning, enforced inside the worker (pure-Python hangs)
HARD_TIMEOUT_S = 300.0  # one wait in the crawler; past it the workers are killed (hangs in C code)
PENDING_PER_WORKER = 32  # pages submitted but not yet cleaned, per worker; submit() waits beyond it
CONTEXT = "spawn"


class CleanPoolClosed(RuntimeError):
    """The pool was shut down while a page was waiting: the page must be cleaned again later."""


class _PageTimeout(Exception):
    pass


def default_workers() -> int:
    """One core stays with the crawler: max(1, cpu_count - 1)."""
    return max(1, (os.cpu_count() or 1) - 1)


def failed(message: str) -> tuple[CleanDocument, Sketch]:
    """What a page that could not be cleaned lands as: empty text and a warning."""
    doc = CleanDocument(text="", warnings=[message])
    return doc, sketch(doc.text)


def clean_body(
    body: bytes, family: Family | None, url: str | None, encoding: str | None, soft_timeout_s: float = 0.0
) -> tuple[CleanDocument, Sketch]:
    """Clean one page and sketch its text; never raises for bad content or a cleaner bug.
    With `soft_timeout_s` (and in a process's main thread) a page running longer is given up."""
    from ingest.clean import clean_html

    alarm = soft_timeout_s > 0 and threading.current_thread() is threading.main_thread()
    previous: Any = None
    if alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, soft_timeout_s)
    try:
        doc = clean_html(body, family=family, url=url, declared_encoding=encoding)
        return doc, sketch(doc.text)
    except _PageTimeout:
        log.warning("cleaning %s gave up after %.0f s", url, soft_timeout_s)
        return failed(f"cleaner timed out after {soft_timeout_s:g} s")
    except Exception as exc:  # a cleaner bug on one odd page must not stop the others
        log.exception("cleaning %s failed", url)
        return failed(f"cleaner failed: {type(exc).__name__}: {exc}")
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _PageTimeout


def _init_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the crawler, which shuts us down
    parent = mp.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()


def _exit_with(sentinel: int) -> None:
    from multiprocessing.connection import wait

    wait([sentinel])  # readable once the owning process is gone, however it died
    os._exit(1)


class CleanJob:
    """One page handed to the pool; `result()` waits for it."""

    def __init__(self, pool: CleanPool, args: tuple[Any, ...]) -> None:
        self._pool, self._args = pool, args
        self._retried = False
        self._executor, self._future = pool._submit(args)
        self._future.add_done_callback(self._forget_body)

    def _forget_body(self, future: Future) -> None:
        # Cleaned: the page's bytes are only needed again to retry after a worker crash.
        if not future.cancelled() and future.exception() is None:
            self._args = (b"", *self._args[1:])

    def result(self) -> tuple[CleanDocument, Sketch]:
        """The cleaned document and its sketch; a failure becomes an empty text with a warning.
        Raises CleanPoolClosed if the pool was shut down before the page was cleaned."""
        url, limit = self._args[2], self._pool.hard_timeout_s
        while True:
            try:
                return self._future.result(timeout=limit)
            except FutureTimeout:
                log.error("cleaning %s took over %.0f s; restarting the workers", url, limit)
                self._pool._restart(self._executor, kill=True)
                return failed(f"cleaner timed out after {limit:g} s")
            except (BrokenExecutor, CancelledError) as exc:
                if self._pool.closed:
                    raise CleanPoolClosed(f"cleaning of {url} interrupted: the pool was shut down") from exc
                self._pool._restart(self._executor, kill=False)
                if self._retried:
                    log.error("cleaning %s: the worker died twice", url)
                    return failed(f"cleaner worker died: {type(exc).__name__}")
                self._retried = True
                self._executor, self._future = self._pool._submit(self._args)
                self._future.add_done_callback(self._forget_body)
            except Exception as exc:  # e.g. a result that could not be unpickled
                log.exception("cleaning %s failed in the pool", url)
                return failed(f"cleaner failed: {type(exc).__name__}: {exc}")


class CleanPool:
    """A lazily started pool of cleaning processes (one per `crawl_sites` call); close it."""

    def __init__(
        self,
        workers: int | None = None,
        *,
        soft_timeout_s: float = SOFT_TIMEOUT_S,
        hard_timeout_s: float = HARD_TIMEOUT_S,
        context: str = CONTEXT,
    ) -> None:
        self.workers = workers or default_workers()
        self.soft_timeout_s, self.hard_timeout_s = soft_timeout_s, hard_timeout_s
        self._context = mp.get_context(context)
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None
        self._pids: set[int] = set()  # every worker ever started (for peak-RSS accounting)
        # Back-pressure: bodies wait in the crawler's memory until a worker takes them.
        self._slots = threading.BoundedSemaphore(self.workers * PENDING_PER_WORKER)
        self.closed = False
        self.restarts = 0

    def submit(self, body: bytes, family: Family | None, url: str | None, encoding: str | None) -> CleanJob:
        """Start cleaning `body` in a worker; raises CleanPoolClosed after `close()`."""
        return CleanJob(self, (body, family, url, encoding, self.soft_timeout_s))

    def _submit(self, args: tuple[Any, ...]) -> tuple[ProcessPoolExecutor, Future]:
        while not self._slots.acquire(timeout=0.5):
            if self.closed:
                raise CleanPoolClosed("the cleaning pool is shut down")
        try:
            executor, future = self._submit_now(args)
        except BaseException:
            self._slots.release()
            raise
        future.add_done_callback(lambda _: self._slots.release())
        return executor, future

    def _submit_now(self, args: tuple[Any, ...]) -> tuple[ProcessPoolExecutor, Future]:
        with self._lock:
            if self.closed:
                raise CleanPoolClosed("the cleaning pool is shut down")
            for _ in range(2):
                if self._executor is None:
                    self._executor = ProcessPoolExecutor(
                        max_workers=self.workers, mp_context=self._context, initializer=_init_worker
                    )
                executor = self._executor
                try:
                    future = executor.submit(clean_body, *args)
                except BrokenExecutor:  # a worker died since the last page: start afresh
                    self._executor = None
                    self.restarts += 1
                    executor.shutdown(wait=False, cancel_futures=True)
                    continue
                self._pids.update(getattr(executor, "_processes", None) or {})
                return executor, future
            raise BrokenExecutor("the cleaning workers could not be started")

    def _restart(self, executor: ProcessPoolExecutor, *, kill: bool) -> None:
        """Drop `executor` (if still current) so the next page starts fresh workers."""
        with self._lock:
            if self._executor is not executor:
                return  # another thread restarted it already
            self._executor = None
            self.restarts += 1
        if kill:
            _kill_workers(executor)
        executor.shutdown(wait=False, cancel_futures=True)

    def worker_pids(self) -> set[int]:
        with self._lock:
            return set(self._pids)

    def close(self, *, wait: bool = True) -> None:
        """Stop the workers. `wait=False` (on an exception or Ctrl-C) kills them at once."""
        with self._lock:
            self.closed = True
            executor, self._executor = self._executor, None
        if executor is None:
            return
        if not wait:
            _kill_workers(executor)
        executor.shutdown(wait=wait, cancel_futures=True)

    def __enter__(self) -> CleanPool:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.close(wait=exc_type is None)


def _kill_workers(executor: ProcessPoolExecutor) -> None:
    processes = list((getattr(executor, "_processes", None) or {}).values())
    for proc in processes:
        if proc.is_alive():
            proc.kill()
    deadline = time.monotonic() + 5
    for proc in processes:
        proc.join(max(0.0, deadline - time.monotonic()))
