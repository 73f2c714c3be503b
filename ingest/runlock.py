"""One run at a time per data directory: a lock held across crawl, build, check and publish.

Two implementations behind one small interface (`RunLock`):

- `FileRunLock` — a local (or NFSv4) data directory. `<data dir>/.xaetl-run.lock` holds the owner
  record (run id, pid, host, start, lease expiry), read and written under a short `flock` of that
  file; every live participant also holds a shared `flock` on `.xaetl-run.active` for as long as
  it works. A record is live while a participant holds the shared lock or, for a lease, until its
  expiry. The kernel drops both locks when a process dies, kill -9 included, so a killed `xaetl
  run` frees the directory at once. A *run* may have several participants: with the same run id
  they join (the mapped crawl tasks of one Airflow DAG run crawl their sites side by side), with
  another run id they are refused. A lease (`lease_s`) keeps the run's claim between its tasks,
  when no process of it is alive (Airflow schedules the next task); it expires `lease_s` after the
  last participant left, so a DAG run killed or failed mid-way frees the directory by itself.
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
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Protocol

log = logging.getLogger(__name__)

LOCK_NAME = ".xaetl-run.lock"
ACTIVE_NAME = ".xaetl-run.active"
GUARD_WAIT_S = 30.0  # the record's guard is held for milliseconds; longer means a frozen holder
DEFAULT_LEASE_S = 600.0  # a lease not renewed for this long belongs to a dead runner


class RunLocked(RuntimeError):
    """Another run holds the data directory; the message (one line) says which and since when."""

    def __init__(self, where: str, owner: LockOwner | None) -> None:
        holder = owner.describe() if owner else "an unknown process"
        if owner is not None and owner.expires_at is not None:
            until = datetime.fromtimestamp(owner.expires_at, UTC).isoformat(timespec="seconds")
            frees = f"its lease frees the directory at {until} unless that run goes on"
        else:
            frees = "the lock frees itself when that process ends, kill -9 included"
        super().__init__(f"data directory {where} is in use by {holder}; not starting a second run ({frees})")
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

    def release(self, *, final: bool = False) -> None: ...

    def check(self) -> None: ...

    def __enter__(self) -> LockOwner: ...

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...


class RunLockContext:
    """`with lock:` takes it and gives it back; subclasses provide acquire and release."""

    def acquire(self) -> LockOwner:
        raise NotImplementedError

    def release(self, *, final: bool = False) -> None:
        raise NotImplementedError

    def __enter__(self) -> LockOwner:
        return self.acquire()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


class FileRunLock(RunLockContext):
    """The run lock of a local data directory (module doc): an owner record guarded by `flock`,
    shared `flock`s of the live participants, an optional lease between a run's tasks."""

    def __init__(
        self,
        directory: str | Path,
        run_id: str = "",
        *,
        lease_s: float | None = None,
        wait_s: float = 0.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(directory) / LOCK_NAME
        self.active_path = Path(directory) / ACTIVE_NAME
        self.run_id, self.lease_s, self.wait_s = run_id, lease_s, wait_s
        self._clock = clock
        self._fd: int | None = None  # the shared lock on the active file, while held
        self._owner: LockOwner | None = None
        self._lost: str | None = None
        self._stop = threading.Event()
        self._beat: threading.Thread | None = None

    def acquire(self) -> LockOwner:
        """Take the lock, or join the run that holds it under the same run id; RunLocked when
        another run holds it (after waiting up to `wait_s` for it to end)."""
        if self._fd is not None:
            raise RuntimeError(f"{self.path} is already held by this lock object")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        owner = _waiting(self._try_acquire, self.wait_s)
        if self.lease_s is not None:
            self._stop.clear()
            self._beat = threading.Thread(target=self._heartbeat, name="xaetl-run-lock", daemon=True)
            self._beat.start()
        return owner

    def _try_acquire(self) -> LockOwner:
        with self._guard() as fd:
            current = LockOwner.from_bytes(_read_fd(fd)) if _size(fd) else None
            joining = current is not None and bool(self.run_id) and current.run_id == self.run_id
            if not joining and self._live(current):
                raise RunLocked(str(self.path.parent), current)
            active = os.open(self.active_path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                # Nobody holds it exclusively for long: only a liveness probe, under the guard we hold.
                fcntl.flock(active, fcntl.LOCK_SH)
            except BaseException:
                os.close(active)
                raise
            if joining and current is not None:
                expires = self._expiry()
                me = replace(current, expires_at=_later(current.expires_at, expires))
            else:
                me = LockOwner.me(self.run_id, self._expiry())
            _write_fd(fd, me.to_bytes())
            self._fd, self._owner, self._lost = active, me, None
            return me

    def _expiry(self) -> float | None:
        return None if self.lease_s is None else self._clock() + self.lease_s

    def _live(self, owner: LockOwner | None) -> bool:
        """A participant still works, or the owner's lease has not expired. Caller holds the guard."""
        if self._someone_active():
            return True
        return owner is not None and owner.expires_at is not None and owner.expires_at > self._clock()

    def _someone_active(self) -> bool:
        """Does a process (this one included, through another lock object) hold the active lock?"""
        try:
            fd = os.open(self.active_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        finally:
            os.close(fd)  # also drops the probe's exclusive lock
        return False

    @contextlib.contextmanager
    def _guard(self) -> Iterator[int]:
        """The lock file, opened and exclusively flock'ed for a read-modify-write of the record.
        Held for milliseconds; a bounded wait guards against a holder frozen inside it."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            waited = time.monotonic() + GUARD_WAIT_S
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > waited:
                        raise RunLocked(str(self.path.parent), LockOwner.from_bytes(_read_fd(fd))) from None
                    time.sleep(0.01)
            yield fd
        finally:
            os.close(fd)

    def _heartbeat(self) -> None:
        assert self.lease_s is not None
        while not self._stop.wait(self.lease_s / 3):
            self.renew()

    def renew(self) -> None:
        """Push the lease out (lease mode); marks the lock lost if another run's record is there."""
        if self._fd is None or self.lease_s is None or self._lost:
            return
        try:
            with self._guard() as fd:
                current = LockOwner.from_bytes(_read_fd(fd))
                if current is None or current.run_id != self.run_id:
                    self._lost = "the run lock was taken over by another run"
                    log.error(self._lost)
                    return
                renewed = replace(current, expires_at=_later(current.expires_at, self._expiry()))
                _write_fd(fd, renewed.to_bytes())
                self._owner = renewed
        except (OSError, RunLocked) as exc:  # try again next beat: the shared lock still protects
            log.warning("could not renew the run lease: %s", exc)

    def release(self, *, final: bool = False) -> None:
        """Leave the run. The record goes once no participant is left, unless a lease keeps the
        run's claim for its next task (`final=True`: the run is over, drop the claim now)."""
        self._stop.set()
        if self._beat is not None:
            self._beat.join(timeout=10)
            self._beat = None
        if self._fd is None:
            return
        active, self._fd = self._fd, None
        os.close(active)  # drops this participant's shared lock
        with contextlib.suppress(OSError, RunLocked), self._guard() as fd:
            current = LockOwner.from_bytes(_read_fd(fd))
            if current is None or current.run_id != self.run_id or self._someone_active():
                return
            if self.lease_s is not None and not final:
                # The gap before the run's next task starts now: a full lease from here.
                _write_fd(fd, replace(current, expires_at=self._expiry()).to_bytes())
            else:
                os.ftruncate(fd, 0)  # no stale owner left for the next message

    def check(self) -> None:
        if self._fd is None:
            raise LockLost(f"{self.path} is not held")
        if self._lost:
            raise LockLost(self._lost)

    def holder(self) -> LockOwner | None:
        """Who holds the directory now (None when free): for status displays."""
        if not self.path.exists():
            return None
        with self._guard() as fd:
            current = LockOwner.from_bytes(_read_fd(fd)) if _size(fd) else None
            return current if self._live(current) else None


def _waiting(attempt: Callable[[], LockOwner], wait_s: float) -> LockOwner:
    """`attempt()` until it stops raising RunLocked, for up to `wait_s` seconds."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            return attempt()
        except RunLocked:
            if time.monotonic() >= deadline:
                raise
            time.sleep(min(1.0, max(0.05, deadline - time.monotonic())))


def _read_fd(fd: int) -> bytes:
    return os.pread(fd, 64 * 1024, 0)


def _size(fd: int) -> int:
    return os.fstat(fd).st_size


def _write_fd(fd: int, data: bytes) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, data, 0)
    os.fsync(fd)


def _later(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else max(a, b)


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


class LeaseRunLock(RunLockContext):
    """A lock object with an expiry on shared storage, renewed every `lease_s / 3` seconds.

    Participants with the same run id join the lease (and all renew it). `keep_between_tasks`:
    a participant that leaves keeps the run's claim for one more lease (the tasks of a DAG run);
    else, and on `release(final=True)`, it deletes the lock object.
    """

    def __init__(
        self,
        store: LockStore,
        run_id: str = "",
        *,
        where: str = "shared storage",
        lease_s: float = DEFAULT_LEASE_S,
        name: str = LOCK_NAME,
        clock: Callable[[], float] = time.time,
        wait_s: float = 0.0,
        keep_between_tasks: bool = False,
    ) -> None:
        self.store, self.run_id, self.where, self.lease_s, self.name = store, run_id, where, lease_s, name
        self.wait_s, self.keep_between_tasks = wait_s, keep_between_tasks
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
        me = _waiting(self._try_acquire, self.wait_s)
        self._stop.clear()
        self._beat = threading.Thread(target=self._heartbeat, name="xaetl-run-lease", daemon=True)
        self._beat.start()
        return me

    def _mine(self, owner: LockOwner | None) -> bool:
        return owner is not None and bool(self.run_id) and owner.run_id == self.run_id

    def _try_acquire(self) -> LockOwner:
        me = LockOwner.me(self.run_id, self._clock() + self.lease_s)
        data = me.to_bytes()
        taken = self.store.create(self.name, data)
        owner: LockOwner | None = None
        if not taken:
            current = self.store.read(self.name)
            owner = LockOwner.from_bytes(current) if current is not None else None
            expired = owner is None or owner.expires_at is None or owner.expires_at < self._clock()
            if current is None:
                taken = self.store.create(self.name, data)  # released in between
            elif self._mine(owner):  # another task of this run holds it: join, pushing the expiry out
                assert owner is not None
                me = replace(owner, expires_at=_later(owner.expires_at, me.expires_at))
                data = me.to_bytes()
                taken = self.store.replace(self.name, current, data)
            elif expired:
                log.warning("taking over the expired run lock of %s", owner.describe() if owner else "?")
                taken = self.store.replace(self.name, current, data)
        if not taken:
            now = self.store.read(self.name)
            raise RunLocked(self.where, LockOwner.from_bytes(now) if now else owner)
        with self._lock:
            self._held, self._owner, self._lost = data, me, None
        return me

    def _heartbeat(self) -> None:
        while not self._stop.wait(self.lease_s / 3):
            self.renew()

    def renew(self) -> None:
        """Push the expiry out by a lease; marks the lock lost if another run holds it now."""
        with self._lock:
            if self._held is None or self._owner is None or self._lost:
                return
            try:
                for _ in range(5):  # other participants of the run renew the same object
                    renewed = replace(self._owner, expires_at=self._clock() + self.lease_s)
                    data = renewed.to_bytes()
                    if self.store.replace(self.name, self._held, data):
                        self._held, self._owner = data, renewed
                        return
                    current = self.store.read(self.name)
                    owner = LockOwner.from_bytes(current) if current is not None else None
                    if current is None and self.store.create(self.name, data):  # ended by a co-participant
                        self._held, self._owner = data, renewed
                        return
                    if current is None or not self._mine(owner):
                        break
                    assert owner is not None
                    self._held, self._owner = current, owner
            except OSError as exc:  # storage unreachable: try again next beat, the lease still runs
                log.warning("could not renew the run lease: %s", exc)
                return
            self._lost = "the run lease expired and was taken over by another runner"
            log.error(self._lost)

    def check(self) -> None:
        with self._lock:
            if self._held is None:
                raise LockLost("the run lease is not held")
            if self._lost:
                raise LockLost(self._lost)

    def release(self, *, final: bool = False) -> None:
        """Leave: delete the lock object, or (between the tasks of a run) keep it one more lease."""
        self._stop.set()
        if self._beat is not None:
            self._beat.join(timeout=10)
            self._beat = None
        with self._lock:
            held, self._held, self._owner = self._held, None, None
        if held is None or self._lost:
            return
        with contextlib.suppress(OSError):
            for _ in range(5):
                owner = LockOwner.from_bytes(held)
                if not final and self.keep_between_tasks and owner is not None:
                    kept = replace(owner, expires_at=self._clock() + self.lease_s).to_bytes()
                    done = self.store.replace(self.name, held, kept)
                else:
                    done = self.store.delete(self.name, held)
                if done:
                    return
                current = self.store.read(self.name)  # renewed by a co-participant meanwhile
                if current is None or not self._mine(LockOwner.from_bytes(current)):
                    return
                held = current


def run_lock(
    data_dir: str | Path, run_id: str = "", *, lease_s: float | None = None, wait_s: float = 0.0
) -> FileRunLock:
    """The run lock of a data directory (a local path: `FileRunLock`)."""
    return FileRunLock(data_dir, run_id, lease_s=lease_s, wait_s=wait_s)
