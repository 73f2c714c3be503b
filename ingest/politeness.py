"""Per-host politeness: one request at a time per host, request starts at least a delay apart."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class _Host:
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_start: float = 0.0  # monotonic time before which no request may start
    starts: list[float] = field(default_factory=list)


class HostGate:
    """Shared by every crawler thread of a process.

    `slot(host, delay)` blocks until the host is free and its delay since the previous request
    *start* has passed, then holds the host for the whole request (body included). Measuring
    start-to-start, as Scrapy's DOWNLOAD_DELAY does, makes a site's floor `requests × delay`.
    """

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        keep_starts: bool = True,
    ) -> None:
        self._clock = clock
        self._sleep = sleep
        self._keep_starts = keep_starts
        self._lock = threading.Lock()
        self._hosts: dict[str, _Host] = {}

    def _host(self, host: str) -> _Host:
        with self._lock:
            state = self._hosts.get(host)
            if state is None:
                state = self._hosts[host] = _Host()
            return state

    @contextmanager
    def slot(self, host: str, delay_s: float) -> Iterator[None]:
        _check_seconds(delay_s, "delay")
        state = self._host(host.lower())
        with state.lock:
            wait = state.next_start - self._clock()
            if wait > 0:
                self._sleep(wait)
            start = self._clock()
            if self._keep_starts:
                state.starts.append(start)
            with self._lock:  # defer() may push next_start concurrently
                state.next_start = max(state.next_start, start + delay_s)
            yield

    def defer(self, host: str, seconds: float) -> None:
        """No request to `host` before `seconds` from now (a server's Retry-After)."""
        _check_seconds(seconds, "deferral")
        state = self._host(host.lower())
        with self._lock:
            state.next_start = max(state.next_start, self._clock() + seconds)

    def starts(self, host: str) -> list[float]:
        """Monotonic start times of the requests made to `host` (for tests and benchmarks)."""
        return list(self._host(host.lower()).starts)


def _check_seconds(value: float, what: str) -> None:
    # NaN would switch the delay off (every comparison with it is false), infinity block the
    # host forever: refuse both loudly instead.
    if not (math.isfinite(value) and value >= 0):
        raise ValueError(f"politeness {what} must be a finite number of seconds >= 0, got {value!r}")
