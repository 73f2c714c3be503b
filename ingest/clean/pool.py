"""Clean page bytes in worker processes, so the cleaner's CPU does not compete for the crawler's GIL.

The crawler hands each new page's bytes (already in memory) to `CleanPool.submit` as soon as it
is fetched; a worker runs `clean_html` and the MinHash sketch; the crawler's landing thread
collects `CleanJob.result()` (a `CleanOutcome`) when the batch is landed (near-duplicate grouping
and the Parquet writes stay in the crawler process, see `ingest.clean.landing`).

Why plain subprocesses and not `multiprocessing`: its spawn and forkserver start methods re-run
the parent's `__main__` in every child. In an Airflow task that is the `airflow` console script,
which loads Airflow's settings and dies on the database URL the Task SDK supervisor blanks out
(`airflow-db-not-allowed:///`); fork is unsafe in the threaded crawler, and Celery's daemonic
workers may not have children at all. So each worker is `python -m ingest.clean.worker`, a fresh
interpreter that imports only the cleaner, speaking length-prefixed pickles over its stdin and
stdout (`ingest.clean.worker`), and exiting on end of input, i.e. when its parent dies, even by
SIGKILL. Where no worker can start at all, pages are cleaned in this process (logged, slower,
without timeouts).

One lane thread per worker hands it pages `PIPELINE` ahead (the next page is waiting when one is
done) and reads the outcomes in order. A page whose worker dies while cleaning it (`worker_died`),
that raises (`clean_failed`), or that runs past `soft_timeout_s` inside the worker or past
`hard_timeout_s` in its lane (the worker is then killed and replaced; `clean_timeout`) is a failed
page, never an empty document, and is not tried again in this run (it would likely kill the next
worker too): the landing records it and the next run re-cleans it from its raw HTML. Pages caught
in a crash caused by another page (handed over, not yet started) go to the next worker once.
Workers start lazily on the first page and are killed on an error or Ctrl-C; `submit` waits
beyond `PENDING_PER_WORKER` pages per worker (back-pressure); `worker_pids()` names every worker
ever started (the crawl benchmark sums their peak RSS).
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import queue
import select
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.clean.outcome import CLEAN_FAILED, CLEAN_TIMEOUT, WORKER_DIED, CleanOutcome, clean_body
from ingest.clean.worker import HEADER, READY, encode
from ingest.sites.families import Family

log = logging.getLogger(__name__)

SOFT_TIMEOUT_S = 60.0  # one page's cleaning, enforced inside the worker (pure-Python hangs)
HARD_TIMEOUT_S = 300.0  # one page in its lane; past it the worker is killed (hangs in C code)
START_TIMEOUT_S = 60.0  # interpreter start and cleaner imports, generous for a loaded machine
START_ATTEMPTS = 2  # worker starts failing in a row before the pool cleans in-process
PENDING_PER_WORKER = 32  # pages submitted but not yet cleaned, per worker; submit() waits beyond it
PIPELINE = 2  # pages handed to a worker ahead of its answers, so it never waits for the next one
READ_CHUNK = 1 << 20
WORKER_COMMAND = (sys.executable, "-P", "-m", "ingest.clean.worker")


class CleanPoolClosed(RuntimeError):
    """The pool was shut down while a page was waiting: the page must be cleaned again later."""


class _WorkerDied(Exception):
    pass


class _WorkerHung(Exception):
    pass


def default_workers() -> int:
    """One core stays with the crawler: max(1, cpu_count - 1)."""
    return max(1, (os.cpu_count() or 1) - 1)


def worker_env() -> dict[str, str]:
    """The environment of a worker: this one, with PYTHONPATH naming where `ingest` and this
    process's own import roots (tests, DAG folder) are, so pickled families resolve alike.
    Standard library and site-packages entries are left to the worker's own interpreter."""
    import ingest

    prefixes = {str(Path(p).resolve()) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}
    roots = [str(Path(ingest.__file__).resolve().parents[1])]
    for entry in sys.path:
        path = str(Path(entry or os.getcwd()).resolve())
        if not any(path == p or path.startswith(p + os.sep) for p in prefixes):
            roots.append(path)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(roots))
    return env


class _Worker:
    """One worker process and its two pipes; used by one lane thread at a time."""

    def __init__(self, command: tuple[str, ...], env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, bufsize=0
        )
        self.pid = self.proc.pid
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self._in, self._out = self.proc.stdin.fileno(), self.proc.stdout.fileno()
        os.set_blocking(self._in, False)  # writes wait in select(), bounded by the deadline
        self._buffer = bytearray()

    def wait_ready(self, timeout: float) -> None:
        hello = pickle.loads(self._receive(time.monotonic() + timeout))
        if hello != (READY, self.pid):
            raise _WorkerDied(f"unexpected greeting {hello!r}")

    def send(self, args: tuple[Any, ...], deadline: float) -> None:
        """Hand one page over (the worker reads ahead, so this does not wait for the page before)."""
        self._send(encode(args), deadline)

    def receive(self, deadline: float) -> CleanOutcome:
        """The outcome of the oldest page handed over and not yet answered."""
        payload = self._receive(deadline)
        try:
            outcome = pickle.loads(payload)
        except Exception as exc:  # e.g. a class this process cannot import
            return CleanOutcome.failed(CLEAN_FAILED, f"result unreadable: {type(exc).__name__}: {exc}")
        if not isinstance(outcome, CleanOutcome):
            return CleanOutcome.failed(CLEAN_FAILED, f"unexpected result {type(outcome).__name__}")
        return outcome

    def _send(self, data: bytes, deadline: float) -> None:
        view = memoryview(data)
        while view:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _WorkerHung
            _, writable, _ = select.select([], [self._in], [], remaining)
            if not writable:
                continue
            try:
                view = view[os.write(self._in, view) :]
            except BlockingIOError:
                continue
            except (BrokenPipeError, OSError) as exc:
                raise _WorkerDied(str(exc)) from exc

    def _read(self, size: int, deadline: float) -> bytes:
        while len(self._buffer) < size:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _WorkerHung
            readable, _, _ = select.select([self._out], [], [], remaining)
            if not readable:
                continue
            chunk = os.read(self._out, max(READ_CHUNK, size - len(self._buffer)))
            if not chunk:
                raise _WorkerDied("end of output")
            self._buffer += chunk
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def _receive(self, deadline: float) -> bytes:
        (size,) = HEADER.unpack(self._read(HEADER.size, deadline))
        return self._read(size, deadline)

    def status(self) -> str:
        """How the process ended (waits a little for it), e.g. `killed by SIGKILL`."""
        try:
            code = self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.kill()
            code = self.proc.returncode
        if code is not None and code < 0:
            try:
                return f"killed by {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exit code {code}"

    def kill(self) -> None:
        """SIGKILL and reap. Safe from any thread: the pipes stay open for the lane that reads
        them (it sees the end of output), which closes them with `discard()`."""
        if self.proc.poll() is None:
            self.proc.kill()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            log.error("cleaning worker %d did not die after SIGKILL", self.pid)

    def stop(self) -> None:
        """End of input: the worker finishes and exits; killed if it does not within 5 s."""
        self.discard()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.kill()

    def discard(self) -> None:
        """Close this side of the pipes (lane thread only)."""
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None and not pipe.closed:
                with contextlib.suppress(OSError):
                    pipe.close()


class CleanJob:
    """One page handed to the pool; `result()` waits for its outcome."""

    def __init__(self, pool: CleanPool, args: tuple[Any, ...]) -> None:
        self._pool, self.url = pool, args[2]
        self.args: tuple[Any, ...] | None = args
        self.retried = False  # handed to a worker that died of another page, then to a new one
        self._done = threading.Event()
        self._outcome: CleanOutcome | None = None
        self._closed = False

    def _finish(self, outcome: CleanOutcome | None) -> None:
        if self._done.is_set():
            return
        self._outcome, self._closed = outcome, outcome is None
        self.args = None  # the page's bytes are not needed any more
        self._done.set()
        self._pool._slots.release()

    def done(self) -> bool:
        return self._done.is_set()

    def result(self) -> CleanOutcome:
        """The outcome (a document, or a failure class); raises CleanPoolClosed if the pool was
        shut down before the page was cleaned (the page is then cleaned again by a later run)."""
        self._done.wait()
        if self._outcome is None:
            raise CleanPoolClosed(f"cleaning of {self.url} interrupted: the pool was shut down")
        return self._outcome


@dataclass
class _LaneState:
    """What one lane thread holds: its worker, the pages handed to it, the pages to hand again."""

    worker: _Worker | None = None
    inflight: deque[CleanJob] = field(default_factory=deque)  # oldest (the one being cleaned) first
    retry: deque[CleanJob] = field(default_factory=deque)  # caught in a crash caused by another page
    head_since: float = 0.0  # when the oldest page in flight became the one being cleaned
    stopping: bool = False  # close() asked: finish what is in flight, take nothing new
    done: bool = False


class CleanPool:
    """A lazily started pool of cleaning processes (one per `crawl_sites` call); close it."""

    def __init__(
        self,
        workers: int | None = None,
        *,
        soft_timeout_s: float = SOFT_TIMEOUT_S,
        hard_timeout_s: float = HARD_TIMEOUT_S,
        command: tuple[str, ...] = WORKER_COMMAND,
    ) -> None:
        self.workers = workers or default_workers()
        self.soft_timeout_s, self.hard_timeout_s = soft_timeout_s, hard_timeout_s
        self._command = command
        self._env: dict[str, str] | None = None
        self._lock = threading.Lock()
        self._queue: queue.SimpleQueue[CleanJob | None] = queue.SimpleQueue()
        self._lanes: list[threading.Thread] = []
        self._live: dict[int, _Worker] = {}  # lane number -> its current worker
        self._pids: set[int] = set()  # every worker ever started (for peak-RSS accounting)
        # Back-pressure: bodies wait in the crawler's memory until a worker takes them.
        self._slots = threading.BoundedSemaphore(self.workers * PENDING_PER_WORKER)
        self.closed = False
        self._aborted = False
        self.in_process = False  # no worker could start: pages are cleaned in this process
        self.restarts = 0

    def submit(self, body: bytes, family: Family | None, url: str | None, encoding: str | None) -> CleanJob:
        """Queue `body` for cleaning (waits while too many pages are pending); raises
        CleanPoolClosed after `close()`."""
        while not self._slots.acquire(timeout=0.5):
            if self.closed:
                raise CleanPoolClosed("the cleaning pool is shut down")
        with self._lock:
            if self.closed:
                self._slots.release()
                raise CleanPoolClosed("the cleaning pool is shut down")
            if not self._lanes:
                self._env = worker_env()
                for lane in range(self.workers):
                    thread = threading.Thread(
                        target=self._lane, args=(lane,), name=f"clean-{lane}", daemon=True
                    )
                    thread.start()
                    self._lanes.append(thread)
            job = CleanJob(self, (body, family, url, encoding, self.soft_timeout_s))
            self._queue.put(job)
        return job

    # -- lanes ----------------------------------------------------------------------------------

    def _lane(self, lane: int) -> None:
        """Feed this lane's worker PIPELINE pages ahead and collect their outcomes, in order."""
        state = _LaneState()
        try:
            while not state.done:
                try:
                    self._turn(lane, state)
                except Exception as exc:  # a bug here must not leave pages waiting forever
                    log.exception("cleaning lane %d failed", lane)
                    message = f"cleaning pool failed: {type(exc).__name__}: {exc}"
                    for job in (*state.inflight, *state.retry):
                        job._finish(CleanOutcome.failed(CLEAN_FAILED, message))
                    state.inflight.clear()
                    state.retry.clear()
                    if state.worker is not None:
                        state.worker.kill()
                        state.worker.discard()
                        state.worker = None
        finally:
            for job in (*state.inflight, *state.retry):
                job._finish(None)  # aborted: these pages are cleaned again by a later run
            with self._lock:
                self._live.pop(lane, None)
            if state.worker is not None:
                if self._aborted:
                    state.worker.kill()
                state.worker.stop()

    def _turn(self, lane: int, state: _LaneState) -> None:
        """Hand pages over until PIPELINE are in flight, then collect the oldest one's outcome."""
        while len(state.inflight) < PIPELINE:
            job = self._next(state)
            if job is None:
                break
            if self._aborted:
                job._finish(None)
                continue
            if state.worker is None and not self.in_process:
                state.worker = self._start(lane)
            if state.worker is None:
                assert job.args is not None
                body, family, url, encoding, _ = job.args
                job._finish(None if self._aborted else clean_body(body, family, url, encoding))
                continue  # cleaned in this thread, without timeouts
            state.inflight.append(job)
            if len(state.inflight) == 1:
                state.head_since = time.monotonic()
            try:
                assert job.args is not None
                state.worker.send(job.args, state.head_since + self.hard_timeout_s)
            except (_WorkerDied, _WorkerHung) as exc:
                self._lost(lane, state, exc)
        if not state.inflight:
            state.done = state.stopping and not state.retry
            return
        assert state.worker is not None
        try:
            outcome = state.worker.receive(state.head_since + self.hard_timeout_s)
        except (_WorkerDied, _WorkerHung) as exc:
            self._lost(lane, state, exc)
            return
        state.inflight.popleft()._finish(outcome)
        state.head_since = time.monotonic()

    def _next(self, state: _LaneState) -> CleanJob | None:
        """A page retried after a crash first, then the shared queue; None when there is nothing
        to hand over now (waits for a page only when nothing is in flight)."""
        if state.retry:
            return state.retry.popleft()
        if state.stopping:
            return None
        try:
            job = self._queue.get(block=not state.inflight)
        except queue.Empty:
            return None
        if job is None:  # close(): finish what is in flight and retried, then stop
            state.stopping = True
        return job

    def _lost(self, lane: int, state: _LaneState, exc: Exception) -> None:
        """The worker died or hung: the page it was cleaning (the oldest in flight) is the cause
        and fails; the pages waiting behind it go to the next worker, once."""
        assert state.worker is not None
        worker, state.worker = state.worker, None
        hung = isinstance(exc, _WorkerHung)
        status = "" if hung else worker.status()
        worker.kill()
        worker.discard()
        self._replaced(lane)
        culprit, behind = state.inflight.popleft(), list(state.inflight)
        state.inflight.clear()
        if self._aborted:
            for job in (culprit, *behind):
                job._finish(None)
            return
        if hung:
            log.error(
                "cleaning %s took over %g s; killed worker %d", culprit.url, self.hard_timeout_s, worker.pid
            )
            message = f"cleaner timed out after {self.hard_timeout_s:g} s (worker killed)"
            culprit._finish(CleanOutcome.failed(CLEAN_TIMEOUT, message))
        else:
            log.error("cleaning worker %d died (%s) while cleaning %s", worker.pid, status, culprit.url)
            culprit._finish(CleanOutcome.failed(WORKER_DIED, f"cleaning worker died ({status})"))
        for job in reversed(behind):
            if job.retried:
                job._finish(CleanOutcome.failed(WORKER_DIED, "caught in two cleaning worker crashes"))
            else:
                job.retried = True
                state.retry.appendleft(job)

    def _replaced(self, lane: int) -> None:
        with self._lock:
            self._live.pop(lane, None)
            self.restarts += 1

    def _start(self, lane: int) -> _Worker | None:
        """A ready worker for `lane`, or None (aborted, or no worker could start: in-process)."""
        assert self._env is not None
        for _ in range(START_ATTEMPTS):
            if self._aborted:
                return None
            try:
                worker = _Worker(self._command, self._env)
            except OSError as exc:
                log.warning("cannot start a cleaning worker: %s", exc)
                continue
            with self._lock:
                self._pids.add(worker.pid)
                self._live[lane] = worker
            try:
                worker.wait_ready(START_TIMEOUT_S)
                return worker
            except (_WorkerDied, _WorkerHung, pickle.UnpicklingError, EOFError) as exc:
                status = "still starting" if isinstance(exc, _WorkerHung) else worker.status()
                log.warning("cleaning worker %d did not start (%s)", worker.pid, status)
                worker.kill()
                worker.discard()
                with self._lock:
                    self._live.pop(lane, None)
        with self._lock:
            if self._aborted:
                return None
            if not self.in_process:
                self.in_process = True
                log.error(
                    "no cleaning worker could start (%s); cleaning in the crawler's process instead "
                    "(slower, no timeouts)",
                    " ".join(self._command),
                )
        return None

    # -- owner side -----------------------------------------------------------------------------

    def worker_pids(self) -> set[int]:
        with self._lock:
            return set(self._pids)

    def close(self, *, wait: bool = True) -> None:
        """Stop the workers once the queued pages are cleaned. `wait=False` (on an exception or
        Ctrl-C) kills them at once; waiting pages then raise CleanPoolClosed."""
        with self._lock:
            if self.closed and (wait or self._aborted):
                return
            self.closed = True
            self._aborted = self._aborted or not wait
            lanes, live = list(self._lanes), list(self._live.values())
        if not wait:
            while True:
                try:
                    job = self._queue.get_nowait()
                except queue.Empty:
                    break
                if job is not None:
                    job._finish(None)
            for worker in live:
                worker.kill()
        for _ in lanes:
            self._queue.put(None)
        for thread in lanes:
            thread.join(None if wait else 30)

    def __enter__(self) -> CleanPool:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.close(wait=exc_type is None)
