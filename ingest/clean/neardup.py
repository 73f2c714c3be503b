"""Near-duplicate groups over the landed documents: one per-process MinHash LSH index per data dir.

The index holds the signature, size and group of every document landed in one clean version.
It is loaded once per process and refreshed incrementally: only part files not read before are
opened. Candidates come from LSH banding (BANDS bands of ROWS signature values), then the exact
Jaccard / containment test of `minhash.near_duplicates` picks the group.

Concurrency. Cleaning runs outside any lock. Group assignment is `refresh + lookup + insert`
under the index's thread lock, so documents cleaned concurrently by threads of one process see
each other in memory before either is written. Between processes the documents become visible
only once written, so a process holds an exclusive `flock` on the data dir's lock file from its
refresh until its documents part is on disk (`committing()`); another process's refresh then
necessarily sees them. Group choice is order-independent for a given set of landed documents:
the most similar near-duplicate wins, ties go to the smallest group name.
"""

from __future__ import annotations

import fcntl
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

from ingest.clean.minhash import MIN_SHINGLES, NUM_PERM, Sketch, near_duplicates
from ingest.land import DOCUMENTS_SCHEMA, parts

log = logging.getLogger(__name__)

# 64 bands of 2 values: a pair of documents becomes a candidate with probability
# 1 - (1 - J**2)**64: 0.99 at J = 0.27 (a third of a report inside it), 0.47 at J = 0.1,
# 0.025 for unrelated documents (J ~ 0.02).
ROWS = 2
BANDS = NUM_PERM // ROWS
LOCK_FILE = ".neardup.lock"
_COLUMNS = ["content_sha256", "url", "neardup_group", "minhash", "shingle_count"]


def band_keys(minhash: np.ndarray) -> list[int]:
    """One integer per band: the ROWS signature values of the band packed into 64 bits."""
    pairs = minhash.astype(np.uint64).reshape(BANDS, ROWS)
    return ((pairs[:, 0] << np.uint64(32)) | pairs[:, 1]).tolist()


class NearDupIndex:
    """Documents of one clean version of one data dir: identities, signatures, groups, LSH bands."""

    def __init__(self, directory: Path, lock_path: Path) -> None:
        self.directory = directory
        self.lock_path = lock_path
        self.lock = threading.Lock()  # guards everything below; held for refresh + lookup + insert
        self._hold = threading.Lock()  # guards the cross-process flock shared by this process's threads
        self._holders = 0
        self._lock_fd: int | None = None
        self._clear()

    def _clear(self) -> None:
        self.pairs: set[tuple[str, str]] = set()
        self.hashes: set[str] = set()
        self._read: set[Path] = set()
        self._sigs = np.empty((64, NUM_PERM), dtype=np.uint32)
        self._sizes = np.empty(64, dtype=np.int64)
        self._groups: list[str] = []
        self._bands: list[dict[int, list[int]]] = [{} for _ in range(BANDS)]

    def __len__(self) -> int:
        return len(self._groups)

    # --- loading -------------------------------------------------------------------------------
    def refresh(self) -> int:
        """Read the part files landed since the last refresh (by any process); returns how many.
        Caller holds `lock`."""
        current = parts(self.directory)
        if self._read and not self._read.issubset(current):
            log.info("near-duplicate index: part files of %s vanished; reloading", self.directory)
            self._clear()
        new = [p for p in current if p not in self._read]
        for path in new:
            try:
                cols = pq.read_table(path, columns=_COLUMNS, schema=DOCUMENTS_SCHEMA).to_pydict()
            except (OSError, ValueError) as exc:  # a torn or foreign file must not stop cleaning
                log.warning("near-duplicate index: cannot read %s: %s", path, exc)
                self._read.add(path)
                continue
            for sha, url, group, mh, size in zip(*(cols[c] for c in _COLUMNS), strict=True):
                if (sha, url) in self.pairs:
                    continue  # a part this process wrote itself and already indexed
                self.pairs.add((sha, url))
                self.hashes.add(sha)
                if mh is not None and len(mh) == NUM_PERM:
                    self._insert(np.asarray(mh, dtype=np.uint32), int(size or 0), group or sha)
            self._read.add(path)
        return len(new)

    def mark_read(self, path: Path | None) -> None:
        """A part this process wrote: its rows are in memory already. Caller holds `lock`."""
        if path is not None:
            self._read.add(path)

    def reset(self) -> None:
        """Forget everything; the next refresh reloads from disk (after a failed write, so no
        document that never landed stays in memory). Caller holds `lock`."""
        self._clear()

    # --- lookup + insert -------------------------------------------------------------------------
    def _insert(self, minhash: np.ndarray, size: int, group: str) -> None:
        n = len(self._groups)
        if n == len(self._sigs):
            self._sigs = np.concatenate([self._sigs, np.empty_like(self._sigs)])
            self._sizes = np.concatenate([self._sizes, np.empty_like(self._sizes)])
        self._sigs[n] = minhash
        self._sizes[n] = size
        self._groups.append(group)
        if size >= MIN_SHINGLES:  # too short to match anything: never a candidate
            for band, key in zip(self._bands, band_keys(minhash), strict=True):
                band.setdefault(key, []).append(n)

    def candidates(self, sk: Sketch) -> np.ndarray:
        """Indexes of documents sharing at least one band with `sk` (sorted)."""
        found: set[int] = set()
        for band, key in zip(self._bands, band_keys(sk.minhash), strict=True):
            hit = band.get(key)
            if hit:
                found.update(hit)
        return np.fromiter(sorted(found), dtype=np.int64, count=len(found))

    def match(self, sk: Sketch) -> str | None:
        """The group of the most similar near-duplicate, or None. Caller holds `lock`."""
        if sk.size < MIN_SHINGLES:
            return None
        cand = self.candidates(sk)
        if not len(cand):
            return None
        ok, j = near_duplicates(sk, self._sigs[cand], self._sizes[cand])
        if not ok.any():
            return None
        best = j[ok].max()
        return min(self._groups[i] for i in cand[ok & (j == best)])

    def assign(self, sha: str, url: str, sk: Sketch) -> str:
        """Lookup + insert: the group of `sha` at `url` (its own sha when nothing matches).
        Caller holds `lock`."""
        group = self.match(sk) or sha
        self.pairs.add((sha, url))
        self.hashes.add(sha)
        self._insert(sk.minhash, sk.size, group)
        return group

    # --- cross-process ---------------------------------------------------------------------------
    @contextmanager
    def committing(self) -> Iterator[None]:
        """Hold the data dir's exclusive flock (shared by this process's threads) from refresh to
        the end of the write, so other processes see every group this process assigns."""
        with self._hold:
            if self._holders == 0:
                self.lock_path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX)
                except BaseException:
                    os.close(fd)
                    raise
                self._lock_fd = fd
            self._holders += 1
        try:
            yield
        finally:
            with self._hold:
                self._holders -= 1
                if self._holders == 0 and self._lock_fd is not None:
                    fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
                    os.close(self._lock_fd)
                    self._lock_fd = None


_INDEXES: dict[tuple[Path, str], NearDupIndex] = {}
_INDEXES_LOCK = threading.Lock()


def index_for(documents_dir: Path, version: str) -> NearDupIndex:
    """The process's index of `documents_dir/clean_version=<version>` (created on first use)."""
    key = (documents_dir.resolve(), version)
    with _INDEXES_LOCK:
        index = _INDEXES.get(key)
        if index is None:
            index = _INDEXES[key] = NearDupIndex(key[0] / f"clean_version={version}", key[0] / LOCK_FILE)
        return index


def forget_indexes() -> None:
    """Drop every cached index: the next call loads from disk as a new process would."""
    with _INDEXES_LOCK:
        _INDEXES.clear()


def _after_fork_in_child() -> None:
    # A forked worker (Airflow's LocalExecutor) must not inherit a parent's index caught between
    # insert and write, nor a lock some parent thread held at the fork.
    global _INDEXES_LOCK
    _INDEXES_LOCK = threading.Lock()
    _INDEXES.clear()


os.register_at_fork(after_in_child=_after_fork_in_child)
