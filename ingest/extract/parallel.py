"""Extract many documents on every core: worker processes started as `python -m ingest.extract.parallel`.

dbt runs the extraction model inside whatever process called it (`xaetl run`, an Airflow task,
pytest, a benchmark). A `multiprocessing` spawn or forkserver pool would re-import that process's
`__main__` in every worker (a CLI, a test runner, a script with its own top-level work); a fork
would copy dbt's threads and open database. So the workers are plain interpreters running this
module: they import only the extraction library and speak length-prefixed pickles over their
stdin/stdout pipes. They exit when their stdin closes, so they never outlive the process that
started them (even one killed with SIGKILL).

Each document gives `(metadata dict, mention dicts, None)` or `(None, [], error)`: an extraction
that raises, runs past `soft_timeout_s` (inside the worker) or whose worker dies or hangs past
`hard_timeout_s` (the worker is killed and replaced; the other documents of its chunk are retried
one by one) is an error for that document only, never for the batch.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import queue
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType
from typing import IO, Any

from ingest.native import ENABLE_ENV, implementation

log = logging.getLogger(__name__)

SOFT_TIMEOUT_S = 120.0  # one document, enforced in the worker (pure-Python loops)
HARD_TIMEOUT_S = 600.0  # one chunk, enforced by the parent (a hang inside C code: the worker is killed)
STARTUP_TIMEOUT_S = 120.0  # a worker importing the library and its catalogue
CHUNK_DOCS = 16  # documents per message: enough to amortise pickling, small enough to balance cores
WORKERS_ENV = "XAETL_EXTRACT_WORKERS"  # worker processes; 0 or 1 extracts in-process
AUTO_MIN_DOCS = 200  # without the env setting, fewer documents than this are extracted in-process
_HEADER = struct.Struct("!Q")

Document = tuple[str, str | None, str | None]  # text, title, published_at
Result = tuple[dict[str, Any] | None, list[dict[str, Any]], str | None]


def workers_for(n_docs: int) -> int:
    """How many worker processes to extract `n_docs` documents with (0: in this process)."""
    configured = os.environ.get(WORKERS_ENV, "").strip()
    if configured:
        n = int(configured)
        return n if n > 1 else 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores if cores > 1 and n_docs >= AUTO_MIN_DOCS else 0


def extract_one(
    doc: Document,
    extract_metadata: Callable[..., Any] | None = None,
    extract_mentions: Callable[..., Any] | None = None,
) -> Result:
    """Metadata and mentions of one document as plain dicts, or the error it raised."""
    if extract_metadata is None or extract_mentions is None:
        from ingest.extract import extract_mentions as mentions_fn
        from ingest.extract import extract_metadata as metadata_fn

        extract_metadata, extract_mentions = metadata_fn, mentions_fn
    text, title, published_at = doc
    try:
        meta = extract_metadata(text, title=title, published_at=published_at)
        mentions = extract_mentions(text, title=title, published_at=published_at, metadata=meta)
        return meta.to_dict(), [m.to_dict() for m in mentions], None
    except Exception as exc:  # one bad document must not stop the others: recorded per document
        log.warning("extraction failed: %r", exc)
        return None, [], f"{type(exc).__name__}: {exc}"[:2000]


def _write(stream: IO[bytes], obj: object) -> None:
    payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(payload)) + payload)
    stream.flush()


def _read_exact(stream: IO[bytes], n: int) -> bytes:
    chunks, left = [], n
    while left:
        chunk = stream.read(left)
        if not chunk:
            raise EOFError("worker pipe closed")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _read(stream: IO[bytes]) -> Any:
    (size,) = _HEADER.unpack(_read_exact(stream, _HEADER.size))
    return pickle.loads(_read_exact(stream, size))


class _WorkerGone(Exception):
    pass


class _Worker:
    """One worker process and its pipes."""

    def __init__(self, soft_timeout_s: float) -> None:
        root = str(Path(__file__).resolve().parents[2])  # the directory holding the `ingest` package
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        if implementation() == "pure":  # the workers run what this process runs (ingest/native.py)
            env[ENABLE_ENV] = "0"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "ingest.extract.parallel", str(soft_timeout_s)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            start_new_session=True,  # Ctrl-C reaches the parent only; the parent closes the workers
        )
        self.ready = False

    def _answer(self, timeout_s: float) -> Any:
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout_s)
        if not ready:
            raise _WorkerGone(f"no answer within {timeout_s:g} s")
        return _read(self.proc.stdout)

    def run(self, docs: list[Document], timeout_s: float) -> list[Result]:
        assert self.proc.stdin is not None
        try:
            if not self.ready:  # the library's import is not part of any document's time
                self._answer(STARTUP_TIMEOUT_S)
                self.ready = True
            _write(self.proc.stdin, docs)
            results: list[Result] = self._answer(timeout_s)
            return results
        except (BrokenPipeError, EOFError, OSError, pickle.UnpicklingError) as exc:
            raise _WorkerGone(f"worker failed: {type(exc).__name__}: {exc}") from exc

    def close(self, *, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class ExtractPool:
    """Worker processes extracting documents in parallel; use as a context manager."""

    def __init__(
        self,
        workers: int,
        *,
        soft_timeout_s: float = SOFT_TIMEOUT_S,
        hard_timeout_s: float = HARD_TIMEOUT_S,
        chunk_docs: int = CHUNK_DOCS,
    ) -> None:
        if workers < 1:
            raise ValueError("an extraction pool needs at least one worker")
        self.n_workers = workers
        self.soft_timeout_s = soft_timeout_s
        self.hard_timeout_s = hard_timeout_s
        self.chunk_docs = chunk_docs
        self._workers: list[_Worker | None] = [None] * workers

    def __enter__(self) -> ExtractPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop every worker (they also stop on their own when this process dies)."""
        for i, worker in enumerate(self._workers):
            if worker is not None:
                worker.close()
                self._workers[i] = None

    def map(self, docs: Sequence[Document]) -> list[Result]:
        """One result per document, in order."""
        results: list[Result | None] = [None] * len(docs)
        todo: queue.Queue[tuple[list[int], bool]] = queue.Queue()
        # small batches are split evenly, so that every worker gets a share
        size = max(1, min(self.chunk_docs, -(-len(docs) // self.n_workers)))
        for lo in range(0, len(docs), size):
            todo.put((list(range(lo, min(lo + size, len(docs)))), False))
        errors: list[BaseException] = []

        def serve(slot: int) -> None:
            try:
                while True:
                    try:
                        indexes, retried = todo.get_nowait()
                    except queue.Empty:
                        return
                    self._run_chunk(slot, docs, indexes, retried, results, todo)
            except BaseException as exc:  # surfaced to the caller below, never lost in a thread
                errors.append(exc)

        threads = [
            threading.Thread(target=serve, args=(slot,), daemon=True) for slot in range(self.n_workers)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if errors:
            raise errors[0]
        missing = [i for i, r in enumerate(results) if r is None]
        if missing:  # every thread drains the queue, re-queued documents included: a bug if not
            raise RuntimeError(f"extraction pool lost {len(missing)} document(s)")
        return [r for r in results if r is not None]

    def _run_chunk(
        self,
        slot: int,
        docs: Sequence[Document],
        indexes: list[int],
        retried: bool,
        results: list[Result | None],
        todo: queue.Queue[tuple[list[int], bool]],
    ) -> None:
        worker = self._workers[slot]
        if worker is None:
            worker = self._workers[slot] = _Worker(self.soft_timeout_s)
        started = time.perf_counter()
        try:
            answers = worker.run([docs[i] for i in indexes], self.hard_timeout_s)
        except _WorkerGone as exc:
            code = worker.proc.poll()
            worker.close(kill=True)
            self._workers[slot] = None
            log.warning(
                "extraction worker %s after %.0f s (exit code %s) on %d document(s)",
                exc,
                time.perf_counter() - started,
                code,
                len(indexes),
            )
            if len(indexes) > 1 or not retried:
                for i in indexes:  # which document broke it is unknown: each gets a fresh try alone
                    todo.put(([i], True))
            else:
                results[indexes[0]] = (None, [], f"ExtractionWorkerError: {exc} (exit code {code})")
            return
        for i, answer in zip(indexes, answers, strict=True):
            results[i] = answer


class _SoftTimeout(BaseException):  # not an Exception: `extract_one` must not record it as a bug
    pass


def _on_alarm(_signum: int, _frame: FrameType | None) -> None:
    raise _SoftTimeout


def _serve(soft_timeout_s: float) -> None:
    """The worker loop: read a list of documents, answer a list of results, until stdin closes."""
    inp = sys.stdin.buffer
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # a stray print must not corrupt the answers
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when workers stop
    signal.signal(signal.SIGALRM, _on_alarm)
    from ingest.extract import extract_mentions, extract_metadata

    extract_mentions("Sản lượng lúa đạt 1.936 tấn.")  # load the catalogue before the first document
    _write(out, "ready")
    while True:
        try:
            docs: list[Document] = _read(inp)
        except EOFError:
            return
        answers: list[Result] = []
        for doc in docs:
            answer: Result = (None, [], f"ExtractionTimeout: gave up after {soft_timeout_s:g} s")
            try:
                signal.setitimer(signal.ITIMER_REAL, soft_timeout_s)
                answer = extract_one(doc, extract_metadata, extract_mentions)
                signal.setitimer(signal.ITIMER_REAL, 0)
            except _SoftTimeout:
                pass  # the alarm may also fire right after the extraction: the answer is kept then
            signal.setitimer(signal.ITIMER_REAL, 0)
            answers.append(answer)
        _write(out, answers)


if __name__ == "__main__":
    _serve(float(sys.argv[1]) if len(sys.argv) > 1 else SOFT_TIMEOUT_S)
