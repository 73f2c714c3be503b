"""Page rows land once per (url, content): each page part is settled against what other runs landed.

The run lock keeps two runs out of one data directory, but a run that overlapped another anyway
(the lock bypassed, a lease taken over from a frozen holder) would land every page both fetched
as `new`: the landing would hold a (url, content) pair landed as new twice, which the checks
refuse on every later run. So a site run writes its page parts through a `PageSettler`: while it
holds the site's landing mutex it reads the page parts of its site that other runs wrote since
its state was loaded (only the site's own partitions of the nights from the state's last one,
`ingest.land.site_parts`), re-classifies the batch against them (content already landed there is
`unchanged` at that version; new content gets the next free version) and writes the part before
letting go. Without an overlap it finds no foreign part and changes nothing. A run that the
state left out because it may still be landing (`SiteState._waiting`) is such another run.

The mutex works on both stores: a `flock` of `locks/landing-<site>.lock` on a local store (the
kernel frees it when its holder dies), a short lease on a shared store (`ingest.storelock`:
conditional writes, expires when its holder stops renewing it).
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from ingest.land import part_run_id, site_parts
from ingest.storage import Store

if TYPE_CHECKING:
    from ingest.site_state import SiteState

log = logging.getLogger(__name__)

FRESH = ("new", "changed")
COLUMNS = ["run_id", "site_id", "url", "content_sha256", "version"]
LEASE_S = 60.0  # the shared-store mutex: held for one part's settle and write
WAIT_S = 300.0  # how long a part waits for another run's settle of the same site


class PageSettler:
    """The (url -> content -> version) pairs of one site, this run's and other runs' (module doc)."""

    def __init__(
        self,
        store: Store,
        site_id: str,
        run_id: str,
        *,
        since: str | None,
        known_runs: Iterable[str],
        versions: dict[str, dict[str, int]],
    ) -> None:
        self.store, self.site_id, self.run_id, self.since = store, site_id, run_id, since
        self._skip = {*known_runs, run_id}  # rows the state folded already, and this run's own
        self._seen: set[str] = set()  # part keys read already
        self._known = {url: dict(shas) for url, shas in versions.items()}
        self._foreign: dict[str, dict[str, int]] = {}  # url -> sha -> version, landed by other runs
        self._mutex = threading.Lock()  # two batches of one site may land on two threads
        self.overlapped = False  # another run landed pages of this site meanwhile
        self.replays = 0

    @classmethod
    def for_state(cls, store: Store, state: SiteState, run_id: str) -> PageSettler:
        """A settler for the run that just loaded `state`."""
        versions = {url: st.versions for url, st in state.urls.items() if st.versions}
        return cls(
            store,
            state.site_id,
            run_id,
            since=state.last_crawl_date,
            known_runs=state.runs,
            versions=versions,
        )

    def land(self, rows: list[dict[str, Any]], write: Callable[[list[dict[str, Any]]], object]) -> None:
        """Settle `rows` (in place) against other runs' parts, then `write(rows)`, all under the
        site's landing mutex."""
        if not rows:
            return
        with self._mutex, self.exclusive():
            self._refresh()
            replays = sum(self._settle(row) for row in rows)
            if replays:
                self.replays += replays
                log.warning(
                    "%s: %d page(s) of this batch were landed meanwhile by another run; landed as unchanged",
                    self.site_id,
                    replays,
                )
            write(rows)

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

    def _refresh(self) -> None:
        """Read the site's page parts written by other runs since the last look."""
        for key in site_parts(self.store, "pages", self.site_id, since=self.since):
            if key in self._seen:
                continue
            self._seen.add(key)
            if part_run_id(key) in self._skip:
                continue
            try:
                got = self.store.read_parquet(key)
            except (OSError, pa.ArrowInvalid) as exc:
                log.warning("settle: skipping unreadable part %s: %s", key, exc)
                continue
            names = set(got.column_names)
            for r in got.select([c for c in COLUMNS if c in names]).to_pylist():
                if r.get("site_id") != self.site_id or r.get("run_id") in self._skip:
                    continue  # a compacted night holds other sites' rows, and rows already folded
                if r.get("content_sha256"):
                    self.overlapped = True
                    shas = self._foreign.setdefault(r["url"], {})
                    shas.setdefault(r["content_sha256"], int(r.get("version") or 1))

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        """The site's landing mutex, across processes and hosts (module doc); the end of a run
        also saves the site's state under it (`ingest.crawl`)."""
        name = f"landing-{self.site_id}"
        if self.store.is_local:
            path = Path(self.store.path(f"locks/{name}.lock"))
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                yield
            finally:
                os.close(fd)
            return
        from ingest.storelock import lease

        # A holder id of its own: two runs must never join this lease as one run's tasks do.
        holder = f"{self.run_id}/{uuid.uuid4().hex[:8]}"
        with lease(self.store, name, run_id=holder, lease_s=LEASE_S, wait_s=WAIT_S):
            yield
