"""The store lease: exclusive, expires, taken over by exactly one of racing hosts, re-entrant per owner."""

from __future__ import annotations

import threading

import pytest

from ingest.storage import Store
from ingest.storelock import Lease, LeaseBusy


def test_exclusive_then_free_after_release(store_url):
    store = Store.at(store_url)
    with Lease(store, "run", owner="host-a"):
        with pytest.raises(LeaseBusy, match="host-a"):
            Lease(store, "run", owner="host-b").acquire()
        assert Lease(store, "run", owner="host-a").try_acquire()  # the same owner again
    with Lease(store, "run", owner="host-b") as lease:
        assert lease.generation == 1


def test_an_expired_lease_is_taken_over_by_exactly_one_of_many(store_url):
    store = Store.at(store_url)
    Lease(store, "run", owner="dead-host", ttl_s=-1).acquire()  # a holder that died long ago
    won: list[str] = []
    barrier = threading.Barrier(4)

    def race(name: str) -> None:
        barrier.wait()
        try:
            if Lease(store, "run", owner=name, ttl_s=60).try_acquire():
                won.append(name)
        except LeaseBusy:
            pass

    threads = [threading.Thread(target=race, args=(f"host-{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(won) == 1
    with pytest.raises(LeaseBusy, match=won[0]):
        Lease(store, "run", owner="late").acquire()


def test_waiting_for_a_holder_that_releases(tmp_path):
    store = Store.at(tmp_path)
    holder = Lease(store, "run", owner="a").acquire()
    threading.Timer(0.3, holder.release).start()
    with Lease(store, "run", owner="b", wait_s=5, poll_s=0.05) as lease:
        assert lease.generation == 1
