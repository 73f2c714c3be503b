"""Page rows land once per (url, content): each batch is settled against what other runs landed.

The run lock keeps two runs out of one data directory, but a run that overlapped another anyway
(the lock bypassed, a lease taken over from a frozen holder) would land every page both fetched
as `new`: the warehouse keeps one document per (url, content), but the landing would hold a pair
landed as new twice, which the checks refuse on every later run. So the crawler writes its page
parts through a `PageLedger`: under an exclusive `flock` of `landing/.pages.lock` it reads the
page parts of its site that other runs wrote since its state was loaded, re-classifies the
batch against them (content already landed there is `unchanged` at that version; new content
gets the next free version) and writes the part before letting go. Without an overlap the
ledger finds nothing to read and changes nothing. Only partition directories whose mtime moved
are listed again (a directory listed within RACY_S of its last change is always listed again:
two writes within one timestamp tick leave its mtime unchanged).
"""

from __future__ import annotations

import fcntl
import logging
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ingest.land import PAGES_SCHEMA, parts, write_part
from ingest.paths import DataPaths

log = logging.getLogger(__name__)

LOCK_FILE = ".pages.lock"
RACY_S = 2.0  # mtimes are coarse: a directory changed this recently may change again unseen
FRESH = ("new", "changed")
_COLUMNS = ["site_id", "url", "content_sha256", "version"]


class PageLedger:
    """The (url -> content -> version) pairs of one site that the crawl state did not see."""

    def __init__(self, paths: DataPaths, site_id: str) -> None:
        # Listed before the crawl state is loaded: a part landed in between is read again here,
        # which is harmless (the same pairs), never missed.
        self.paths, self.site_id = paths, site_id
        self._seen: set[Path] = set()
        self._listed: dict[str, int] = {}  # partition directory -> its mtime when listed (not racy)
        self._seen.update(self._new_parts())
        self._name = re.compile(rf"-{re.escape(site_id)}-\d+\.parquet$")
        self._known: dict[str, dict[str, int]] = {}  # url -> sha -> version, as landed by this run
        self._foreign: dict[str, dict[str, int]] = {}  # the same, landed by other runs meanwhile

    def seed(self, versions: dict[str, dict[str, int]]) -> None:
        """The versions the crawl state loaded (url -> sha -> version)."""
        for url, shas in versions.items():
            self._known.setdefault(url, {}).update(shas)

    def write(self, rows: list[dict[str, Any]], *, partition: dict[str, str], name: str) -> Path | None:
        """Settle `rows` against the parts other runs landed meanwhile, then write them as one part."""
        if not rows:
            return None
        with self._locked():
            self._refresh()
            replays = sum(self._settle(row) for row in rows)
            if replays:
                log.warning(
                    "%s: %d page(s) of this batch were landed meanwhile by another run; landed as unchanged",
                    self.site_id,
                    replays,
                )
            target = write_part(self.paths.pages, PAGES_SCHEMA, rows, partition=partition, name=name)
            if target is not None:
                self._seen.add(target)
            return target

    def _settle(self, row: dict[str, Any]) -> bool:
        """Re-classify one row against the other runs' pairs; True when it was a replay."""
        url, sha = row["url"], row.get("content_sha256")
        replay = False
        if sha and row.get("change") in FRESH:
            theirs = self._foreign.get(url, {})
            if sha in theirs:  # another run landed this very content: ours is a replay of it
                row.update(change="unchanged", version=theirs[sha])
                replay = True
            elif theirs:  # new content, but another run numbered versions of this url meanwhile
                taken = {*theirs.values(), *self._known.get(url, {}).values()}
                if row.get("version") in taken or row.get("change") == "new":
                    row.update(change="changed", version=max(taken) + 1)
        if sha:
            self._known.setdefault(url, {}).setdefault(sha, int(row.get("version") or 1))
        return replay

    def _new_parts(self) -> list[Path]:
        """Parts not seen yet, listing only the partition directories that changed."""
        found: list[Path] = []
        try:
            entries = list(os.scandir(self.paths.pages))
        except FileNotFoundError:
            return []
        now = time.time_ns()
        for entry in entries:
            if not entry.is_dir():
                continue
            mtime = entry.stat().st_mtime_ns
            if self._listed.get(entry.path) == mtime:
                continue
            found.extend(p for p in parts(Path(entry.path)) if p not in self._seen)
            if now - mtime > RACY_S * 1e9:
                self._listed[entry.path] = mtime
        return found

    def _refresh(self) -> None:
        """Read the parts of this site written by other processes since the last look."""
        for part in self._new_parts():
            self._seen.add(part)
            if not self._name.search(part.name):
                continue  # another site's part (the name carries the site id)
            try:
                rows = pq.read_table(part, columns=_COLUMNS).to_pylist()
            except (OSError, pa.ArrowInvalid) as exc:
                log.warning("page ledger: skipping unreadable part %s: %s", part, exc)
                continue
            for r in rows:
                if r["site_id"] == self.site_id and r.get("content_sha256"):
                    shas = self._foreign.setdefault(r["url"], {})
                    shas.setdefault(r["content_sha256"], int(r.get("version") or 1))

    @contextmanager
    def _locked(self) -> Iterator[None]:
        lock = self.paths.landing / LOCK_FILE
        lock.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)
