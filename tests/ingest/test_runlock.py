"""Run locks: one holder per data directory, a clear message for the second, recovery after kill -9,
leases that expire on shared storage and are kept alive by their heartbeat."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from ingest.paths import REPO_ROOT
from ingest.runlock import (
    LOCK_NAME,
    DirectoryLockStore,
    FileRunLock,
    LeaseRunLock,
    LockLost,
    LockOwner,
    RunLocked,
    run_lock,
)

# Holds a lock in a child process until killed; prints "held" once it has it.
HOLDER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, sys.argv[1])
    from ingest.runlock import DirectoryLockStore, FileRunLock, LeaseRunLock
    kind, where, run_id = sys.argv[2], sys.argv[3], sys.argv[4]
    if kind == "file":
        lock = FileRunLock(where, run_id)
    elif kind == "file-lease":  # an Airflow task: joins its run, keeps the claim between tasks
        lock = FileRunLock(where, run_id, lease_s=float(sys.argv[5]))
    else:
        lock = LeaseRunLock(DirectoryLockStore(where), run_id, lease_s=float(sys.argv[5]))
    lock.acquire()
    print("held", flush=True)
    while True:
        time.sleep(0.05)
        if kind != "file":
            try:
                lock.check()
            except Exception as exc:
                print("lost:", exc, flush=True)
                break
    """
)


def _hold(kind: str, where: Path, run_id: str, lease_s: float = 1.0) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(REPO_ROOT), kind, str(where), run_id, str(lease_s)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    return child


def _kill(child: subprocess.Popen[str]) -> None:
    if child.poll() is None:
        child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)


def test_file_lock_second_runner_gets_a_one_line_message_naming_the_holder(tmp_path: Path) -> None:
    child = _hold("file", tmp_path, "20260101T010000Z-first1")
    try:
        with pytest.raises(RunLocked) as info:
            FileRunLock(tmp_path, "second").acquire()
        message = str(info.value)
        assert "\n" not in message
        assert "20260101T010000Z-first1" in message and f"pid {child.pid}" in message
        assert socket.gethostname() in message and str(tmp_path) in message
        assert FileRunLock(tmp_path).holder() is not None
    finally:
        _kill(child)


def test_file_lock_recovers_at_once_after_kill_9(tmp_path: Path) -> None:
    child = _hold("file", tmp_path, "killed-run")
    _kill(child)
    lock = FileRunLock(tmp_path, "next-run")
    owner = lock.acquire()  # no waiting, no manual cleanup
    try:
        assert owner.run_id == "next-run" and owner.pid == os.getpid()
        assert LockOwner.from_bytes((tmp_path / LOCK_NAME).read_bytes()) == owner
    finally:
        lock.release()
    assert FileRunLock(tmp_path).holder() is None


def test_file_lock_is_exclusive_within_one_process_too(tmp_path: Path) -> None:
    with run_lock(tmp_path, "a") as owner:
        assert owner.run_id == "a"
        with pytest.raises(RunLocked, match="run a "):
            run_lock(tmp_path, "b").acquire()
    with run_lock(tmp_path, "b") as owner:  # released on leaving the block
        assert owner.run_id == "b"


def test_directory_store_operations_are_conditional(tmp_path: Path) -> None:
    store = DirectoryLockStore(tmp_path)
    assert store.create("x", b"1") and not store.create("x", b"2")
    assert not store.replace("x", b"2", b"3") and store.replace("x", b"1", b"3")
    assert not store.delete("x", b"1") and store.read("x") == b"3"
    assert store.delete("x", b"3") and store.read("x") is None


def test_lease_blocks_a_second_runner_while_renewed_past_its_length(tmp_path: Path) -> None:
    child = _hold("lease", tmp_path, "lease-holder", lease_s=1.5)
    try:
        time.sleep(3.5)  # more than two lease lengths: only the heartbeat keeps it
        with pytest.raises(RunLocked, match="lease-holder"):
            LeaseRunLock(DirectoryLockStore(tmp_path), "second", lease_s=1.5).acquire()
    finally:
        _kill(child)


def test_lease_of_a_killed_runner_is_taken_over_after_it_expires(tmp_path: Path) -> None:
    child = _hold("lease", tmp_path, "killed", lease_s=2.0)
    _kill(child)
    store = DirectoryLockStore(tmp_path)
    with pytest.raises(RunLocked):  # not yet expired
        LeaseRunLock(store, "next", lease_s=2.0).acquire()
    time.sleep(2.2)
    lock = LeaseRunLock(store, "next", lease_s=2.0)
    owner = lock.acquire()
    try:
        assert owner.run_id == "next"
        lock.check()
    finally:
        lock.release()
    assert store.read(LOCK_NAME) is None


def test_a_stalled_holder_learns_its_lease_was_taken_over(tmp_path: Path) -> None:
    child = _hold("lease", tmp_path, "stalled", lease_s=0.6)
    try:
        child.send_signal(signal.SIGSTOP)  # a runner frozen longer than its lease
        time.sleep(1.0)
        lock = LeaseRunLock(DirectoryLockStore(tmp_path), "taker", lease_s=30)
        lock.acquire()
        child.send_signal(signal.SIGCONT)
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("lost:") and "taken over" in line
        lock.check()  # the taker still holds it
        lock.release()
    finally:
        _kill(child)


def test_lease_check_raises_once_lost(tmp_path: Path) -> None:
    store = DirectoryLockStore(tmp_path)
    lock = LeaseRunLock(store, "a", lease_s=60)
    lock.acquire()
    current = store.read(LOCK_NAME)
    assert current is not None
    assert store.replace(LOCK_NAME, current, b"{}")  # someone else wrote the lock object
    lock.renew()
    with pytest.raises(LockLost, match="taken over"):
        lock.check()
    lock.release()
    assert store.read(LOCK_NAME) == b"{}"  # a lost lease never deletes the new holder's object


# -- runs with several participants (the tasks of one Airflow DAG run) -----------------------------


def test_participants_of_one_run_join_and_another_run_is_refused(tmp_path: Path) -> None:
    first = _hold("file-lease", tmp_path, "dag-run-1", lease_s=60)
    second = _hold("file-lease", tmp_path, "dag-run-1", lease_s=60)  # a second mapped crawl task
    try:
        with pytest.raises(RunLocked, match="dag-run-1") as info:
            FileRunLock(tmp_path, "xaetl-run").acquire()
        assert "lease frees the directory at" in str(info.value)
        _kill(first)  # one task ends; the other still works under the run's lock
        with pytest.raises(RunLocked, match="dag-run-1"):
            FileRunLock(tmp_path, "xaetl-run").acquire()
    finally:
        _kill(first)
        _kill(second)


def test_a_lease_keeps_the_claim_between_tasks_until_it_expires_or_the_run_ends(tmp_path: Path) -> None:
    now = [1000.0]
    task = FileRunLock(tmp_path, "dag-run", lease_s=30, clock=lambda: now[0])
    task.acquire()
    task.release()  # the task is done; the run's next task is not started yet
    other = FileRunLock(tmp_path, "xaetl-run", clock=lambda: now[0])
    with pytest.raises(RunLocked, match="dag-run"):
        other.acquire()
    now[0] += 29
    with pytest.raises(RunLocked):
        other.acquire()
    nxt = FileRunLock(tmp_path, "dag-run", lease_s=30, clock=lambda: now[0])
    assert nxt.acquire().run_id == "dag-run"  # the run's next task joins at any time
    nxt.release(final=True)  # the run's last task: the claim ends now, not a lease later
    assert other.acquire().run_id == "xaetl-run"
    other.release()
    task = FileRunLock(tmp_path, "dag-run-2", lease_s=30, clock=lambda: now[0])
    task.acquire()
    task.release()
    now[0] += 31  # a run that died between its tasks frees the directory once its lease expires
    assert other.acquire().run_id == "xaetl-run"
    other.release()


def test_a_killed_participant_keeps_its_run_claim_for_one_lease_only(tmp_path: Path) -> None:
    child = _hold("file-lease", tmp_path, "killed-task", lease_s=1.5)
    _kill(child)
    with pytest.raises(RunLocked, match="killed-task"):
        FileRunLock(tmp_path, "next").acquire()
    time.sleep(1.7)
    lock = FileRunLock(tmp_path, "next")
    assert lock.acquire().run_id == "next"
    lock.release()


def test_a_frozen_participant_keeps_the_lock_past_its_lease(tmp_path: Path) -> None:
    child = _hold("file-lease", tmp_path, "frozen", lease_s=0.5)
    try:
        child.send_signal(signal.SIGSTOP)  # no heartbeat, but the process is alive
        time.sleep(1.0)
        with pytest.raises(RunLocked, match="frozen"):
            FileRunLock(tmp_path, "taker").acquire()
    finally:
        child.send_signal(signal.SIGCONT)
        _kill(child)


def test_a_waiting_runner_starts_once_the_holder_is_gone(tmp_path: Path) -> None:
    child = _hold("file", tmp_path, "holder")
    with pytest.raises(RunLocked):  # without waiting, a busy directory is refused at once
        FileRunLock(tmp_path, "impatient").acquire()
    killer = subprocess.Popen(["sh", "-c", f"sleep 1; kill -9 {child.pid}"])
    started = time.monotonic()
    lock = FileRunLock(tmp_path, "waiter", wait_s=20)
    try:
        assert lock.acquire().run_id == "waiter"
        assert 0.8 < time.monotonic() - started < 15
    finally:
        lock.release()
        killer.wait(timeout=10)
        _kill(child)


def test_a_torn_owner_record_neither_blocks_nor_hides_a_live_holder(tmp_path: Path) -> None:
    (tmp_path / LOCK_NAME).write_bytes(b'{"pid": 12')  # a holder killed while writing the record
    lock = FileRunLock(tmp_path, "after")
    assert lock.acquire().run_id == "after"
    try:
        (tmp_path / LOCK_NAME).write_bytes(b"garbage")
        with pytest.raises(RunLocked, match="unknown process"):
            FileRunLock(tmp_path, "other").acquire()
    finally:
        lock.release()


def test_leases_of_one_run_join_renew_together_and_keep_the_claim_between_tasks(tmp_path: Path) -> None:
    store = DirectoryLockStore(tmp_path)
    now = [1000.0]

    def task(run_id: str) -> LeaseRunLock:
        return LeaseRunLock(store, run_id, lease_s=30, clock=lambda: now[0], keep_between_tasks=True)

    first, second = task("dag-run"), task("dag-run")
    first.acquire()
    second.acquire()  # a second mapped task of the same run joins
    with pytest.raises(RunLocked, match="dag-run"):
        LeaseRunLock(store, "xaetl-run", clock=lambda: now[0]).acquire()
    now[0] += 20
    first.renew()
    second.renew()  # its copy of the object is stale: it re-reads it, sees its run, renews
    first.check()
    second.check()
    first.release()
    second.release()  # both tasks done: the lease still bridges to the run's next task
    now[0] += 29
    with pytest.raises(RunLocked):
        LeaseRunLock(store, "xaetl-run", clock=lambda: now[0]).acquire()
    last = task("dag-run")
    last.acquire()
    last.release(final=True)  # the run's last task ends the claim
    assert store.read(LOCK_NAME) is None
    alone = LeaseRunLock(store, "xaetl-run", clock=lambda: now[0])
    assert alone.acquire().run_id == "xaetl-run"
    alone.release()  # not between tasks: the object goes at once
    assert store.read(LOCK_NAME) is None


def test_a_lease_waits_for_the_holder_when_asked_to(tmp_path: Path) -> None:
    store = DirectoryLockStore(tmp_path)
    holder = LeaseRunLock(store, "first", lease_s=30)
    holder.acquire()
    timer = threading.Timer(0.5, holder.release)
    timer.start()
    waiter = LeaseRunLock(store, "second", lease_s=30, wait_s=10)
    try:
        assert waiter.acquire().run_id == "second"
    finally:
        timer.join()
        waiter.release()
