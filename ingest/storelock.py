"""Locks on the store, for hosts that share nothing but it: `ingest.runlock`'s lease on S3 or a directory.

`ingest.runlock.LeaseRunLock` needs three atomic operations from a storage (`LockStore`):
create-if-absent, replace-if-unchanged and delete-if-unchanged. On S3-compatible storage (AWS,
MinIO, the test server) they are conditional requests: `If-None-Match: *` to create, and
`If-Match: <ETag>` of the object whose bytes were checked to replace or delete, so of two hosts
racing for an expired lease exactly one wins. A local store uses `runlock.DirectoryLockStore`
(link(2) and a flock-guarded compare-and-swap). Locks live under `<store>/locks/`.

Used for the run lock of a data directory whose store is shared (`run_lock_for`) and for the
nightly near-duplicate step (one at a time per clean version). A local store apart from the data
directory is locked with it (`BothRunLocks`): two data directories on one store then exclude each
other as two runs on one data directory do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ingest.runlock import (
    DEFAULT_LEASE_S,
    DirectoryLockStore,
    FileRunLock,
    LeaseRunLock,
    LockOwner,
    LockStore,
    RunLock,
    RunLockContext,
)
from ingest.storage import Store, s3_client

LOCKS = "locks"


class S3LockStore:
    """A LockStore on an s3:// store (conditional PUT and DELETE)."""

    def __init__(self, store: Store) -> None:
        if store.is_local:
            raise ValueError(f"{store.url} is a local directory: use runlock.DirectoryLockStore")
        self.store = store

    def _key(self, name: str) -> tuple[str, str]:
        bucket, _, prefix = self.store.path(f"{LOCKS}/{name}").partition("/")
        return bucket, prefix

    def _s3(self, call: str, **kwargs: Any) -> Any:
        """One S3 call; an unreachable or misconfigured store is an OSError (callers that must
        survive it, like a lease heartbeat, catch OSError), conditional answers stay ClientErrors."""
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            return getattr(s3_client(), call)(**kwargs)
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code")
            if code in ("NoSuchKey", "404", "PreconditionFailed", "412"):
                raise
            raise OSError(f"lock store {self.store.url}: {call} failed: {exc}") from exc
        except BotoCoreError as exc:
            raise OSError(f"lock store {self.store.url} unreachable: {exc}") from exc

    def _get(self, name: str) -> tuple[bytes, str] | None:
        from botocore.exceptions import ClientError

        bucket, key = self._key(name)
        try:
            got = self._s3("get_object", Bucket=bucket, Key=key)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
                return None
            raise
        return got["Body"].read(), got["ETag"]

    def read(self, name: str) -> bytes | None:
        got = self._get(name)
        return None if got is None else got[0]

    def create(self, name: str, data: bytes) -> bool:
        from botocore.exceptions import BotoCoreError

        try:
            return self.store.create(f"{LOCKS}/{name}", data)
        except BotoCoreError as exc:
            raise OSError(f"lock store {self.store.url} unreachable: {exc}") from exc

    def _conditional(self, call: str, name: str, expected: bytes, **kwargs: Any) -> bool:
        from botocore.exceptions import ClientError

        got = self._get(name)
        if got is None or got[0] != expected:
            return False
        bucket, key = self._key(name)
        try:
            self._s3(call, Bucket=bucket, Key=key, IfMatch=got[1], **kwargs)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in ("PreconditionFailed", "412", "NoSuchKey"):
                return False  # changed (or gone) since it was read: someone else acted first
            raise
        return True

    def replace(self, name: str, expected: bytes, data: bytes) -> bool:
        return self._conditional("put_object", name, expected, Body=data)

    def delete(self, name: str, expected: bytes) -> bool:
        return self._conditional("delete_object", name, expected)


def lock_store(store: Store) -> LockStore:
    """Where `store`'s locks live, with the atomic operations leases need."""
    if store.is_local:
        return DirectoryLockStore(Path(store.path(LOCKS)))
    return S3LockStore(store)


def lease(
    store: Store,
    name: str,
    *,
    run_id: str = "",
    lease_s: float = 600.0,
    wait_s: float = 0.0,
    keep_between_tasks: bool = False,
) -> LeaseRunLock:
    """A lease called `name` on the store (renewed by a heartbeat while held)."""
    return LeaseRunLock(
        lock_store(store),
        run_id,
        where=store.uri(f"{LOCKS}/{name}"),
        lease_s=lease_s,
        name=name,
        wait_s=wait_s,
        keep_between_tasks=keep_between_tasks,
    )


def run_lock_for(
    data_dir: str | Path,
    store: Store,
    run_id: str = "",
    *,
    lease_s: float | None = None,
    wait_s: float = 0.0,
) -> RunLock:
    """The run lock of a data directory: a `flock` when its store is local (the kernel frees it
    when the holder dies), a lease on the store when the store is shared by several hosts.

    Participants with the same `run_id` join one another (the tasks of one Airflow DAG run).
    `lease_s`: the run keeps its claim that long after its last participant left (between a DAG
    run's tasks); None for a command that holds the lock from start to end (a local lock is
    then freed as soon as its process ends; a shared-store lease expires `DEFAULT_LEASE_S`
    after a killed holder stopped renewing it). `wait_s`: wait that long for another run."""
    if store.is_local:
        here = Path(data_dir).expanduser().resolve()
        there = Path(store.path()).resolve()
        if here == there:
            return FileRunLock(data_dir, run_id, lease_s=lease_s, wait_s=wait_s)
        # The warehouse lives in the data directory, the landing in the store: both are held.
        return BothRunLocks(
            [FileRunLock(d, run_id, lease_s=lease_s, wait_s=wait_s) for d in sorted({here, there})]
        )
    return lease(
        store,
        "run",
        run_id=run_id,
        lease_s=lease_s or DEFAULT_LEASE_S,
        wait_s=wait_s,
        keep_between_tasks=lease_s is not None,
    )


class BothRunLocks(RunLockContext):
    """Several run locks held as one, taken in a fixed order (no two runs can deadlock on them);
    if one is busy, those already taken are given back and its RunLocked is raised."""

    def __init__(self, locks: list[FileRunLock]) -> None:
        self.locks = locks
        self._held: list[FileRunLock] = []

    def acquire(self) -> LockOwner:
        owner: LockOwner | None = None
        try:
            for lock in self.locks:
                owner = lock.acquire()
                self._held.append(lock)
        except BaseException:
            self.release()
            raise
        assert owner is not None
        return owner

    def release(self, *, final: bool = False) -> None:
        while self._held:
            self._held.pop().release(final=final)

    def check(self) -> None:
        for lock in self.locks:
            lock.check()
