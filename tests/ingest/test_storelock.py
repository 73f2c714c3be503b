"""Leases on the store (runlock's LeaseRunLock over S3 conditional requests or a directory)."""

from __future__ import annotations

import logging
import threading
import time

import pytest

from ingest.runlock import FileRunLock, LeaseRunLock, LockOwner, RunLocked
from ingest.storage import Store
from ingest.storelock import lease, lock_store, run_lock_for


def test_exclusive_then_free_after_release(store_url):
    store = Store.at(store_url)
    with lease(store, "run", run_id="night-1") as owner:
        assert owner.run_id == "night-1"
        with pytest.raises(RunLocked, match="night-1"):
            lease(store, "run", run_id="night-2").acquire()
    with lease(store, "run", run_id="night-2") as owner:
        assert owner.run_id == "night-2"


def test_conditional_operations_refuse_a_changed_object(store_url):
    locks = lock_store(Store.at(store_url))
    assert locks.create("x", b"one") and not locks.create("x", b"two")
    assert locks.read("x") == b"one"
    assert not locks.replace("x", b"stale", b"three") and locks.read("x") == b"one"
    assert locks.replace("x", b"one", b"three") and locks.read("x") == b"three"
    assert not locks.delete("x", b"one") and locks.read("x") == b"three"
    assert locks.delete("x", b"three") and locks.read("x") is None


def test_an_expired_lease_is_taken_over_by_exactly_one_of_many(store_url):
    store = Store.at(store_url)
    dead = LockOwner.me("dead-host", expires_at=time.time() - 60)  # a holder killed long ago
    assert lock_store(store).create("run", dead.to_bytes())
    won: list[str] = []
    held: list[LeaseRunLock] = []
    barrier = threading.Barrier(4)

    def race(name: str) -> None:
        barrier.wait()
        lock = LeaseRunLock(lock_store(store), name, name="run", lease_s=60)
        try:
            lock.acquire()
            won.append(name)
            held.append(lock)
        except RunLocked:
            pass

    threads = [threading.Thread(target=race, args=(f"host-{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert len(won) == 1
        with pytest.raises(RunLocked, match=won[0]):
            lease(store, "run", run_id="late").acquire()
    finally:
        for lock in held:  # stop the winner's heartbeat: it would renew after this test's storage is gone
            lock.release(final=True)


def test_the_run_lock_follows_the_store(tmp_path, s3):
    assert isinstance(run_lock_for(tmp_path / "data", Store.at(tmp_path / "data")), FileRunLock)
    shared = Store.at(f"s3://{s3.new_bucket()}/data")
    first, second = run_lock_for(tmp_path / "a", shared, "r1"), run_lock_for(tmp_path / "b", shared, "r2")
    assert isinstance(first, LeaseRunLock)
    with first, pytest.raises(RunLocked, match="r1"):  # two hosts, two data dirs, one shared store
        second.acquire()


def test_two_data_dirs_on_one_local_store_exclude_each_other(tmp_path):
    """A local store apart from the data directory is locked too: its landing is not shared by two runs."""
    store = Store.at(tmp_path / "store")
    first = run_lock_for(tmp_path / "a", store, "r1")
    with first, pytest.raises(RunLocked, match="r1"):
        run_lock_for(tmp_path / "b", store, "r2").acquire()
    with first, pytest.raises(RunLocked, match="r1"):  # one data dir, two stores: its warehouse
        run_lock_for(tmp_path / "a", Store.at(tmp_path / "other"), "r3").acquire()


def test_a_refused_run_gives_back_the_locks_it_had_taken(tmp_path):
    store_dir, busy_dir = tmp_path / "store", tmp_path / "z"  # taken in path order: store, then z
    with run_lock_for(busy_dir, Store.at(busy_dir), "r1"):
        with pytest.raises(RunLocked, match="r1"):  # takes the store's lock, then finds z busy
            run_lock_for(busy_dir, Store.at(store_dir), "r2").acquire()
        with run_lock_for(store_dir, Store.at(store_dir), "r3") as owner:  # the store's was given back
            assert owner.run_id == "r3"


def test_the_tasks_of_one_run_join_and_its_lease_bridges_the_gap_between_them(tmp_path, store_url):
    """As the DAG tasks take it (dags/xaetl_common.py): the same run id joins, another run is
    refused also between the run's tasks, until the run's last task ends the claim."""
    store = Store.at(store_url)
    data = tmp_path / "data"

    def task(run_id: str):
        return run_lock_for(data, store, run_id, lease_s=60)

    first, second = task("night-1"), task("night-1")
    with first, second, pytest.raises(RunLocked, match="night-1"):  # two mapped crawl tasks, side by side
        task("warehouse-1").acquire()
    with pytest.raises(RunLocked, match="lease frees the directory at"):  # between the run's tasks
        run_lock_for(data, store, "cli-run").acquire()
    last = task("night-1")
    last.acquire()
    last.release(final=True)  # the run's last task
    with run_lock_for(data, store, "cli-run") as owner:
        assert owner.run_id == "cli-run"


def test_an_unreachable_lock_store_is_an_oserror_and_the_heartbeat_survives_it(s3, monkeypatch, caplog):
    """Storage that cannot be reached (here: no credentials) is an OSError for the lease, which a
    heartbeat logs and retries next beat instead of dying with the lease unrenewed."""
    store = Store.at(f"s3://{s3.new_bucket()}/data")
    held = lease(store, "run", run_id="night-1")
    held.acquire()
    # The warning is asserted here rather than printed by whatever handler the worker process has
    # (Airflow's, once a DAG test imported it), which wrote it after pytest's summary.
    runlock_log = logging.getLogger("ingest.runlock")
    runlock_log.addHandler(caplog.handler)
    runlock_log.propagate = False
    try:
        monkeypatch.delenv("AWS_ACCESS_KEY_ID")
        monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
        monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
        monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent")
        with pytest.raises(OSError, match="unreachable"):
            lock_store(store).read("run")
        held.renew()  # logged, not raised
        assert "could not renew the run lease" in caplog.text
        held.check()  # still ours: the lease runs until it expires
        monkeypatch.undo()
        held.renew()
        held.check()
    finally:
        monkeypatch.undo()
        held.release(final=True)
        runlock_log.propagate = True
        runlock_log.removeHandler(caplog.handler)
    assert lock_store(store).read("run") is None
