"""One site run's landing: buffers its page and error rows, cleans, and writes one part per table.

Rows are buffered for the whole run and landed when it ends (or every `flush_every` rows, so a
huge first crawl does not hold everything in memory): one part per site, run and table —
`part-<run_id>` in the site's partition of the run's night, then `part-<run_id>~1`, … Landing
runs on a worker thread, so cleaning and Parquet writing overlap the politeness delay.
Cleaning happens before the page rows are written: a kill in between re-fetches and re-cleans
(the raw HTML is already stored), never lands a page row without its chance at a document.
A page that could not be cleaned is recorded in `landing/fetch_errors` (kind `clean`) and
counted; the next run re-cleans it from raw (`SiteState.uncleaned`). Page parts go through the
run's `PageSettler` (`ingest.landing_settle`): a (url, content) lands as new once, even when
another run overlapped this one.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ingest.land import FETCH_ERRORS_SCHEMA, PAGES_SCHEMA, land_part, next_part_index, part_name, read_raw
from ingest.paths import DataPaths
from ingest.sites import Site

if TYPE_CHECKING:  # the cleaner is imported only when a crawl cleans
    from ingest.clean.landing import LandedDocument
    from ingest.clean.outcome import CleanOutcome
    from ingest.clean.pool import CleanJob, CleanPool
    from ingest.landing_settle import PageSettler

log = logging.getLogger(__name__)

TABLES = ("pages", "fetch_errors", "documents", "blocks")


class SiteLanding:
    """The landing of one site run (see the module doc)."""

    def __init__(
        self,
        paths: DataPaths,
        site: Site,
        run_id: str,
        crawl_date: str,
        flush_every: int,
        clean: bool = True,
        cleaner: CleanPool | None = None,
        lander: ThreadPoolExecutor | None = None,
        settler: PageSettler | None = None,
    ) -> None:
        self.settler = settler
        self.clean, self.cleaner = clean, cleaner
        self.paths, self.site, self.run_id, self.crawl_date = paths, site, run_id, crawl_date
        self.flush_every = max(1, flush_every)
        self._part_no = next_part_index(paths.store, run_id, crawl_date, site.id, TABLES)
        self._pages: list[dict[str, Any]] = []
        self._to_clean: list[dict[str, Any]] = []
        self._errors: list[dict[str, Any]] = []
        self._jobs: dict[tuple[str, str], CleanJob] = {}  # (content_sha256, url) -> its cleaning
        self._done: dict[tuple[str, str], CleanOutcome] = {}  # cleaned already (to compare texts)
        self._own_pool = lander is None
        self._pool = lander or ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"land-{site.id}")
        self._futures: list[Future[None]] = []
        self._count_lock = threading.Lock()
        self.documents: list[LandedDocument] = []
        self.documents_cleaned = 0
        self.clean_failed = 0
        self.problems: list[str] = []

    # -- cleaning now (the crawler compares a refetched page's text with the last version's) ---
    def clean_now(self, row: dict[str, Any], body: bytes) -> CleanOutcome:
        """Clean a page at once (in a worker process when there is a pool); the outcome is kept
        for its landing, so the page is never cleaned twice."""
        from ingest.clean.outcome import clean_body

        outcome: CleanOutcome | None = None
        if self.cleaner is not None:
            try:
                outcome = self.cleaner.submit(
                    body, self.site.adapter, row["url"], row.get("encoding")
                ).result()
            except Exception as exc:  # no worker to be had: clean in this thread
                log.warning("cleaning pool unavailable for %s (%s); cleaning inline", row["url"], exc)
        if outcome is None:
            outcome = clean_body(body, self.site.adapter, row["url"], row.get("encoding"))
        self._done[(row["content_sha256"], row["url"])] = outcome
        return outcome

    # -- rows ------------------------------------------------------------------------------------
    def page(self, row: dict[str, Any], *, clean: bool, body: bytes | None = None) -> None:
        self._pages.append(row)
        if clean and self.clean:
            self._to_clean.append(row)
            key = (row["content_sha256"], row["url"])
            if self.cleaner is not None and body is not None and key not in self._done:
                self._submit(row, body)
        if len(self._pages) >= self.flush_every:
            self.flush()

    def reclean(self, row: dict[str, Any]) -> None:
        """Clean again a landed version that has no document (no page row: nothing was fetched)."""
        if not self.clean:
            return
        self._to_clean.append(row)
        if self.cleaner is not None:
            try:
                body = read_raw(self.paths.store, row["content_sha256"])
            except (OSError, EOFError, ValueError):
                body = None  # cleaned inline, which records the page as raw_unreadable
            if body is not None:
                self._submit(row, body)
        if len(self._to_clean) >= self.flush_every:
            self.flush()

    def error(self, row: dict[str, Any]) -> None:
        self._errors.append(row)
        if len(self._errors) >= self.flush_every:
            self.flush()

    def _submit(self, row: dict[str, Any], body: bytes) -> None:
        """Start cleaning the page in a worker now; the batch's landing collects the result."""
        assert self.cleaner is not None
        try:
            job = self.cleaner.submit(body, self.site.adapter, row["url"], row.get("encoding"))
        except Exception as exc:  # no worker to be had: the landing cleans this page inline
            log.warning("cleaning pool unavailable for %s (%s); cleaning inline", row["url"], exc)
            return
        self._jobs[(row["content_sha256"], row["url"])] = job

    # -- landing ---------------------------------------------------------------------------------
    def flush(self) -> None:
        if not self._pages and not self._errors and not self._to_clean:
            return
        pages, to_clean, errors = self._pages, self._to_clean, self._errors
        self._pages, self._to_clean, self._errors = [], [], []
        keys = [(r["content_sha256"], r["url"]) for r in to_clean]
        jobs = {k: job for k in keys if (job := self._jobs.pop(k, None)) is not None}
        done = {k: o for k in keys if (o := self._done.pop(k, None)) is not None}
        name = part_name(self.run_id, self._part_no)
        self._part_no += 1
        self._futures.append(self._pool.submit(self._land, pages, to_clean, jobs, done, errors, name))

    def _land(
        self,
        pages: list[dict[str, Any]],
        to_clean: list[dict[str, Any]],
        jobs: dict[tuple[str, str], CleanJob],
        done: dict[tuple[str, str], CleanOutcome],
        errors: list[dict[str, Any]],
        name: str,
    ) -> None:
        if to_clean:
            errors = errors + self._clean(to_clean, jobs, done, name)
        store, night, sid = self.paths.store, self.crawl_date, self.site.id
        if self.settler is not None:  # settled against runs that overlapped this one
            self.settler.land(
                pages,
                lambda rows: land_part(
                    store, "pages", PAGES_SCHEMA, rows, crawl_date=night, site_id=sid, name=name
                ),
            )
        else:
            land_part(store, "pages", PAGES_SCHEMA, pages, crawl_date=night, site_id=sid, name=name)
        land_part(
            store, "fetch_errors", FETCH_ERRORS_SCHEMA, errors, crawl_date=night, site_id=sid, name=name
        )

    def _clean(
        self,
        rows: list[dict[str, Any]],
        jobs: dict[tuple[str, str], CleanJob],
        done: dict[tuple[str, str], CleanOutcome],
        name: str,
    ) -> list[dict[str, Any]]:
        """Clean and land the documents of `rows`; returns the fetch_errors rows of failures."""
        from ingest.clean.landing import clean_pages
        from ingest.clean.pool import CleanPoolClosed

        failures: list[tuple[dict[str, Any], CleanOutcome]] = []

        def prepared(page: dict[str, Any]) -> CleanOutcome | None:
            key = (page["content_sha256"], page["url"])
            if key in done:
                return done[key]
            job = jobs.get(key)
            return job.result() if job is not None else None

        try:
            landed = clean_pages(
                self.paths,
                self.site,
                rows,
                run_id=self.run_id,
                name=name,
                prepared=prepared,
                on_failure=lambda page, outcome: failures.append((page, outcome)),
                changed_only=False,  # the crawler chose these: new/changed pages and versions to re-clean
            )
            with self._count_lock:  # batches of one site may land on two threads at once
                self.documents.extend(landed.documents)
                self.documents_cleaned += len(landed)
        except CleanPoolClosed:
            raise  # interrupted: leave these page rows unlanded so the next run fetches them again
        except Exception as exc:  # the cleaner's failure must never lose the pages
            log.exception("cleaning %d pages of %s failed", len(rows), self.site.id)
            with self._count_lock:
                self.problems.append(f"clean_pages failed on {len(rows)} pages: {type(exc).__name__}: {exc}")
        return self._clean_failures(failures)

    def _clean_failures(self, failures: list[tuple[dict[str, Any], CleanOutcome]]) -> list[dict[str, Any]]:
        """One fetch_errors row (kind `clean`) per page that could not be cleaned."""
        now = datetime.now(UTC)
        rows = [
            {
                "run_id": self.run_id,
                "site_id": self.site.id,
                "url": page["url"],
                "error_class": outcome.failure,
                "message": f"{outcome.message} (content {page['content_sha256'][:12]})",
                "status": None,
                "attempt": page.get("clean_attempt", 1),
                "occurred_at": now,
                "kind": "clean",
            }
            for page, outcome in failures
        ]
        with self._count_lock:
            self.clean_failed += len(rows)
            self.problems.extend(f"clean {r['url']}: {r['error_class']}: {r['message']}" for r in rows)
        return rows

    def close(self) -> None:
        """Land what is buffered and wait for every batch; re-raises a landing failure."""
        self.flush()
        if self._own_pool:
            self._pool.shutdown(wait=True)
        for fut in self._futures:
            fut.result()
