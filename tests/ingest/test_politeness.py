"""Host gate: one request at a time per host, starts a delay apart, hosts independent."""

from __future__ import annotations

import threading
import time
from itertools import pairwise

import pytest

from ingest.politeness import HostGate


def _hammer(gate: HostGate, host: str, n: int, delay: float, active: dict, overlaps: list) -> None:
    for _ in range(n):
        with gate.slot(host, delay):
            active[host] = active.get(host, 0) + 1
            if active[host] > 1:
                overlaps.append(host)
            time.sleep(0.01)
            active[host] -= 1


def test_one_host_is_serialised_and_spaced_while_hosts_run_in_parallel():
    gate = HostGate()
    active: dict = {}
    overlaps: list = []
    delay, n = 0.1, 5
    threads = [
        threading.Thread(target=_hammer, args=(gate, host, n, delay, active, overlaps))
        for host in ("a:1", "a:1", "b:2", "c:3")
    ]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - t0
    assert overlaps == []
    for host, count in (("a:1", 2 * n), ("b:2", n), ("c:3", n)):
        starts = gate.starts(host)
        assert len(starts) == count
        gaps = [b - a for a, b in pairwise(starts)]
        assert min(gaps) >= delay - 0.005
    # host a:1 alone needs (2n-1) delays; b and c ran alongside it, not after it
    assert wall < (2 * n - 1) * delay + n * delay * 0.5


def test_defer_pushes_the_next_start():
    gate = HostGate()
    with gate.slot("h", 0.0):
        pass
    gate.defer("h", 0.3)
    t0 = time.monotonic()
    with gate.slot("h", 0.0):
        waited = time.monotonic() - t0
    assert waited >= 0.29


def test_fake_clock_needs_no_sleeping():
    now = [100.0]
    slept: list[float] = []

    def sleep(s: float) -> None:
        slept.append(s)
        now[0] += s

    gate = HostGate(clock=lambda: now[0], sleep=sleep)
    for _ in range(3):
        with gate.slot("x", 2.0):
            now[0] += 0.5  # the request itself takes 0.5 s
    assert slept == [1.5, 1.5]
    assert gate.starts("x") == [100.0, 102.0, 104.0]


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -1.0])
def test_non_finite_or_negative_delays_are_refused(bad):
    gate = HostGate()
    with pytest.raises(ValueError, match="finite"), gate.slot("h", bad):
        pass
    with pytest.raises(ValueError, match="finite"):
        gate.defer("h", bad)
