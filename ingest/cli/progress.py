"""Terminal progress of a crawl: an overall bar and one bar per site being crawled (rich)."""

from __future__ import annotations

import threading
from typing import Any

from ingest.crawl import Observer, SiteCrawlResult


class RichProgress(Observer):
    """A rich progress display: one overall bar plus a bar per site being crawled."""

    def __init__(self, n_sites: int) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            transient=False,
        )
        self._lock = threading.Lock()
        self._overall = self._progress.add_task(f"sites ({n_sites})", total=n_sites)
        self._tasks: dict[str, Any] = {}

    def start(self) -> None:
        self._progress.start()

    def stop(self) -> None:
        self._progress.stop()

    def site_started(self, site_id: str, targets: int) -> None:
        with self._lock:
            self._tasks[site_id] = self._progress.add_task(f"  {site_id}", total=max(targets, 1))
            if not targets:
                self._progress.update(self._tasks[site_id], completed=1)

    def page_done(self, site_id: str) -> None:
        with self._lock:
            task = self._tasks.get(site_id)
            if task is not None:
                self._progress.advance(task)

    def site_finished(self, result: SiteCrawlResult) -> None:
        with self._lock:
            task = self._tasks.pop(result.site_id, None)
            if task is not None:
                self._progress.remove_task(task)
            self._progress.advance(self._overall)
