"""One run at a time per data directory: a lock held across crawl, build, check and publish.

Two implementations behind one small interface (`RunLock`):

- `FileRunLock` — a local (or NFSv4) data directory: `flock` on `<data dir>/.xaetl-run.lock`.
  The kernel drops the lock when its process dies, kill -9 included, so a stale lock recovers by
  itself; the file records the owner (pid, host, run id, time) for the message a second runner
  gets.
- `LeaseRunLock` — shared object storage, where nothing dies with a process: a lock object with
  an owner token and an expiry, renewed by a heartbeat thread. A holder killed with kill -9 stops
  renewing; once the lease has expired the next runner takes it over. The storage needs three
  atomic operations (`LockStore`): create-if-absent, replace-if-unchanged and delete-if-unchanged
  — S3's conditional writes (`If-None-Match: *`, `If-Match: <etag>`) or a local directory
  (`DirectoryLockStore`, for tests and single machines).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Protocol

log = logging.getLogger(__name__)

LOCK_NAME = ".xaetl-run.lock"
DEFAULT_LEASE_S = 600.0  # a lease not renewed for this long belongs to a dead runner


class RunLocked(RuntimeError):
    """Another run holds the data directory; the message (one line) says which and since when."""

    def __init__(self, where: str, owner: LockOwner | None) -> None:
        holder = owner.describe() if owner else "an unknown process"
        super().__init__(
            f"data directory {where} is in use by {holder}; not starting a second run "
            "(the lock frees itself when that process ends, kill -9 included)"
        )
        self.owner = owner


class LockLost(RuntimeError):
    """A lease was taken over by another runner (this one stalled longer than the lease)."""


@dataclass(frozen=True)
class LockOwner:
    """Who holds a run lock."""

    pid: int
    host: str
    run_id: str
    acquired_at: str  # ISO 8601, UTC
    token: str
    expires_at: float | None = None  # leases only: UNIX time

    @classmethod
    def me(cls, run_id: str, expires_at: float | None = None) -> LockOwner:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        return cls(os.getpid(), socket.gethostname(), run_id, now, uuid.uuid4().hex, expires_at)

    def describe(self) -> str:
        return f"run {self.run_id or '?'} (pid {self.pid} on {self.host}, since {self.acquired_at})"

    def to_bytes(self) -> bytes:
        return json.dumps(asdict(self), sort_keys=True).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> LockOwner | None:
        try:
            raw = json.loads(data)
            return cls(**raw)
        except (ValueError, TypeError):
            return None  # a torn or foreign file: the lock itself still decides


class RunLock(Protocol):
    """Held for a whole run; `check()` between stages raises LockLost if it was lost."""

    def acquire(self) -> LockOwner: ...

    def release(self) -> None: ...

    def check(self) -> None: ...

    def __enter__(self) -> LockOwner: ...

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...


class _ContextMixin:
    def acquire(self) -> LockOwner:
        raise NotImplementedError

    def release(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> LockOwner:
        return self.acquire()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


class FileRunLock(_ContextMixin):
    """`flock` on a file in the data directory; freed by the kernel when the holder dies."""

    def __init__(self, directory: str | Path, run_id: str = "") -> None:
        self.path = Path(directory) / LOCK_NAME
        self.run_id = run_id
        self._fd: int | None = None

    def acquire(self) -> LockOwner:
        if self._fd is not None:
            raise RuntimeError(f"{self.path} is already held by this lock object")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            owner = LockOwner.from_bytes(_read_fd(fd))
            os.close(fd)
            raise RunLocked(str(self.path.parent), owner) from None
        except BaseException:
            os.close(fd)
            raise
        me = LockOwner.me(self.run_id)
        # The owner record is informational (the flock decides); a stale one is simply replaced.
        os.ftruncate(fd, 0)
        os.pwrite(fd, me.to_bytes(), 0)
        os.fsync(fd)
        self._fd = fd
        return me

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)  # no stale owner left for the next message
        os.close(fd)  # closing drops the flock

    def check(self) -> None:
        if self._fd is None:
            raise LockLost(f"{self.path} is not held")

    def holder(self) -> LockOwner | None:
        """Who holds the lock now (None when free): for status displays."""
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return None
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return LockOwner.from_bytes(_read_fd(fd))
            fcntl.flock(fd, fcntl.LOCK_UN)
            return None
        finally:
            os.close(fd)


def _read_fd(fd: int) -> bytes:
    return os.pread(fd, 64 * 1024, 0)


class LockStore(Protocol):
    """The atomic operations a lease needs from a storage (an S3 bucket, a directory)."""

    def read(self, name: str) -> bytes | None: ...

    def create(self, name: str, data: bytes) -> bool:
        """Write `name` only if it does not exist; False if it does."""
        ...

    def replace(self, name: str, expected: bytes, data: bytes) -> bool:
        """Write `name` only if its content is still `expected`; False otherwise."""
        ...

    def delete(self, name: str, expected: bytes) -> bool:
        """Remove `name` only if its content is still `expected`."""
        ...


class DirectoryLockStore:
    """A LockStore on a local directory (create with link(2), compare-and-swap under flock)."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)

    def read(self, name: str) -> bytes | None:
        try:
            return (self.directory / name).read_bytes()
        except FileNotFoundError:
            return None

    def create(self, name: str, data: bytes) -> bool:
        self.directory.mkdir(parents=True, exist_ok=True)
        tmp = self._tmp(name, data)
        try:
            os.link(tmp, self.directory / name)  # atomic, and fails if the name exists
        except FileExistsError:
            return False
        finally:
            tmp.unlink(missing_ok=True)
        return True

    def replace(self, name: str, expected: bytes, data: bytes) -> bool:
        with self._guard(name):
            if self.read(name) != expected:
                return False
            os.replace(self._tmp(name, data), self.directory / name)
            return True

    def delete(self, name: str, expected: bytes) -> bool:
        with self._guard(name):
            if self.read(name) != expected:
                return False
            (self.directory / name).unlink(missing_ok=True)
            return True

    def _tmp(self, name: str, data: bytes) -> Path:
        tmp = self.directory / f".{name}.{uuid.uuid4().hex}.tmp"
        with tmp.open("wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        return tmp

    @contextlib.contextmanager
    def _guard(self, name: str) -> Iterator[None]:
        fd = os.open(self.directory / f".{name}.cas", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)


class LeaseRunLock(_ContextMixin):
    """A lock object with an expiry on shared storage, renewed every `lease_s / 3` seconds."""

    def __init__(
        self,
        store: LockStore,
        run_id: str = "",
        *,
        where: str = "shared storage",
        lease_s: float = DEFAULT_LEASE_S,
        name: str = LOCK_NAME,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store, self.run_id, self.where, self.lease_s, self.name = store, run_id, where, lease_s, name
        self._clock = clock
        self._held: bytes | None = None
        self._owner: LockOwner | None = None
        self._lost: str | None = None
        self._stop = threading.Event()
        self._beat: threading.Thread | None = None
        self._lock = threading.Lock()

    def acquire(self) -> LockOwner:
        if self._held is not None:
            raise RuntimeError("this lease is already held")
        me = LockOwner.me(self.run_id, self._clock() + self.lease_s)
        data = me.to_bytes()
        if not self.store.create(self.name, data):
            current = self.store.read(self.name)
            owner = LockOwner.from_bytes(current) if current is not None else None
            expired = owner is None or owner.expires_at is None or owner.expires_at < self._clock()
            if current is None:
                taken = self.store.create(self.name, data)  # released in between
            elif expired:
                log.warning("taking over the expired run lock of %s", owner.describe() if owner else "?")
                taken = self.store.replace(self.name, current, data)
            else:
                taken = False
            if not taken:
                now = self.store.read(self.name)
                raise RunLocked(self.where, LockOwner.from_bytes(now) if now else owner)
        with self._lock:
            self._held, self._owner, self._lost = data, me, None
        self._stop.clear()
        self._beat = threading.Thread(target=self._heartbeat, name="xaetl-run-lease", daemon=True)
        self._beat.start()
        return me

    def _heartbeat(self) -> None:
        while not self._stop.wait(self.lease_s / 3):
            self.renew()

    def renew(self) -> None:
        """Push the expiry out by a lease; marks the lock lost if someone else holds it now."""
        with self._lock:
            if self._held is None or self._owner is None or self._lost:
                return
            renewed = LockOwner(**{**asdict(self._owner), "expires_at": self._clock() + self.lease_s})
            data = renewed.to_bytes()
            try:
                ok = self.store.replace(self.name, self._held, data)
            except OSError as exc:  # storage unreachable: try again next beat, the lease still runs
                log.warning("could not renew the run lease: %s", exc)
                return
            if ok:
                self._held, self._owner = data, renewed
            else:
                self._lost = "the run lease expired and was taken over by another runner"
                log.error(self._lost)

    def check(self) -> None:
        with self._lock:
            if self._held is None:
                raise LockLost("the run lease is not held")
            if self._lost:
                raise LockLost(self._lost)

    def release(self) -> None:
        self._stop.set()
        if self._beat is not None:
            self._beat.join(timeout=10)
            self._beat = None
        with self._lock:
            held, self._held, self._owner = self._held, None, None
        if held is not None and not self._lost:
            with contextlib.suppress(OSError):
                self.store.delete(self.name, held)


def run_lock(data_dir: str | Path, run_id: str = "") -> RunLock:
    """The run lock of a data directory (a local path: `FileRunLock`)."""
    return FileRunLock(data_dir, run_id)
