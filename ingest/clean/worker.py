"""A cleaning worker process (`python -m ingest.clean.worker`): pages in on stdin, outcomes out on stdout.

Started by `ingest.clean.pool` as a fresh interpreter running this module, so it never imports
the parent's `__main__` (in an Airflow task that is the `airflow` console script, which would
load Airflow's settings and die on the database URL the Task SDK blanks out). Protocol: frames
of an 8-byte big-endian length and a pickle. The worker first sends `("ready", pid)`, then reads
`(body, family, url, encoding, soft_timeout_s)` jobs and answers each with one `CleanOutcome`,
in order. A reader thread takes jobs in as they come, so the parent can hand the next page over
while this one is cleaned (and never blocks on a full pipe). The worker exits on end of input,
which is also what it sees when its parent dies (even by SIGKILL: the pipe's write end closes
with the parent). Ctrl-C is ignored: the parent decides.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import queue
import signal
import struct
import threading
from typing import IO, Any

HEADER = struct.Struct(">Q")
READY = "ready"


def encode(obj: Any) -> bytes:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(data)) + data


def read_frame(stream: IO[bytes]) -> bytes | None:
    """The payload of the next frame, or None at a clean end of input."""
    header = stream.read(HEADER.size)
    if not header:
        return None
    if len(header) < HEADER.size:
        raise EOFError("input ended inside a frame header")
    (size,) = HEADER.unpack(header)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("input ended inside a frame")
    return data


def _answer(payload: bytes) -> Any:
    from ingest.clean.outcome import CLEAN_FAILED, CleanOutcome, clean_body

    try:
        body, family, url, encoding, soft_timeout_s = pickle.loads(payload)
    except Exception as exc:  # e.g. a family class the worker cannot import
        return CleanOutcome.failed(CLEAN_FAILED, f"job unreadable in the worker: {type(exc).__name__}: {exc}")
    return clean_body(body, family, url, encoding, soft_timeout_s)


def _read_ahead(jobs: IO[bytes], pending: queue.SimpleQueue[bytes | None]) -> None:
    try:
        while (payload := read_frame(jobs)) is not None:
            pending.put(payload)
    except (OSError, EOFError):
        pass  # a torn frame: the parent died mid-write
    finally:
        pending.put(None)


def serve(jobs: IO[bytes], outcomes: IO[bytes]) -> None:
    """Answer jobs, in order, until the end of input."""
    import ingest.clean  # noqa: F401  -- load the cleaner before saying ready

    pending: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
    threading.Thread(target=_read_ahead, args=(jobs, pending), name="read-ahead", daemon=True).start()
    outcomes.write(encode((READY, os.getpid())))
    outcomes.flush()
    while (payload := pending.get()) is not None:
        outcomes.write(encode(_answer(payload)))
        outcomes.flush()


def main() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C goes to the owner, which shuts us down
    # The protocol owns the original stdin/stdout; stray prints go to stderr, stray reads see EOF.
    jobs = os.fdopen(os.dup(0), "rb")
    outcomes = os.fdopen(os.dup(1), "wb")
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(2, 1)
    logging.basicConfig(
        level=logging.WARNING, format=f"%(levelname)s clean-worker[{os.getpid()}] %(name)s: %(message)s"
    )
    with contextlib.suppress(BrokenPipeError, EOFError):  # the parent went away: nothing to answer
        serve(jobs, outcomes)


if __name__ == "__main__":
    main()
