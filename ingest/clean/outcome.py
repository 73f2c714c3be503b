"""What cleaning one page gave: its document and sketch, or the class of failure that stopped it.

A page that could not be cleaned is a failed page, never an empty document: the landing writes
no document row for it and records the failure instead (`ingest.clean.landing`). A cleaner that
worked and found no text (an empty page) is a success with an empty text.
"""

from __future__ import annotations

import logging
import signal
import threading
from dataclasses import dataclass
from types import FrameType
from typing import TYPE_CHECKING, Any

from ingest.records import CleanDocument

if TYPE_CHECKING:
    from ingest.clean.minhash import Sketch
    from ingest.sites.families import Family

log = logging.getLogger(__name__)

# Failure classes, recorded in `landing/fetch_errors` (kind = "clean") and counted per run.
CLEAN_FAILED = "clean_failed"  # the cleaner raised (a bug on one odd page)
CLEAN_TIMEOUT = "clean_timeout"  # past the soft (in the worker) or hard (worker killed) timeout
WORKER_DIED = "worker_died"  # the worker process died while cleaning the page (crash, OOM, kill)
RAW_UNREADABLE = "raw_unreadable"  # the page's raw HTML is missing or corrupt on disk
FAILURE_CLASSES = (CLEAN_FAILED, CLEAN_TIMEOUT, WORKER_DIED, RAW_UNREADABLE)


@dataclass
class CleanOutcome:
    """The document and its MinHash sketch, or (`failure` set) why there is none."""

    doc: CleanDocument | None = None
    sketch: Sketch | None = None
    failure: str | None = None  # one of FAILURE_CLASSES
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.failure is None

    @classmethod
    def failed(cls, failure: str, message: str) -> CleanOutcome:
        return cls(failure=failure, message=message)


class _PageTimeout(Exception):
    pass


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _PageTimeout


def clean_body(
    body: bytes, family: Family | None, url: str | None, encoding: str | None, soft_timeout_s: float = 0.0
) -> CleanOutcome:
    """Clean one page and sketch its text; never raises for bad content or a cleaner bug.
    With `soft_timeout_s` (and in a process's main thread) a page running longer is given up."""
    from ingest.clean import clean_html
    from ingest.clean.minhash import sketch

    alarm = soft_timeout_s > 0 and threading.current_thread() is threading.main_thread()
    previous: Any = None
    if alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, soft_timeout_s)
    try:
        doc = clean_html(body, family=family, url=url, declared_encoding=encoding)
        return CleanOutcome(doc, sketch(doc.text))
    except _PageTimeout:
        log.warning("cleaning %s gave up after %g s", url, soft_timeout_s)
        return CleanOutcome.failed(CLEAN_TIMEOUT, f"cleaner timed out after {soft_timeout_s:g} s")
    except Exception as exc:  # a cleaner bug on one odd page must not stop the others
        log.exception("cleaning %s failed", url)
        return CleanOutcome.failed(CLEAN_FAILED, f"cleaner failed: {type(exc).__name__}: {exc}")
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
