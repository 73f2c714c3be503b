"""Crawl sites: robots, discovery, polite conditional fetches, raw + Parquet landing, cleaning hand-off.

Kill-safety: raw HTML is stored (atomically) before its page row exists; page rows are landed in
batches of `FetchConfig.flush_every`, each batch cleaned first and then written as one atomic
part. A kill loses at most the unwritten batch, whose pages the next run sees as unknown and
fetches again; their content hashes are already in raw/, so nothing is duplicated.

Cleaning. `crawl_sites` hands the bytes of every new or changed page to a `CleanPool` of worker
processes as soon as it is fetched, so the cleaner's CPU runs beside the crawler's interpreter
lock and during the politeness waits; the batch's landing thread then collects the documents and
lands them (near-duplicate groups, Parquet) through `clean_pages`. `crawl_site` (one site)
cleans inline. A page that could not be cleaned lands its page row but no document: the failure
goes to `landing/fetch_errors` (kind `clean`, class `clean_failed`, `clean_timeout`,
`worker_died`, `raw_unreadable`) and is counted in `pages_clean_failed`; the next run re-cleans
every landed version that has no document from its raw HTML, whatever the page answers.

Raw integrity. A run checks that the raw file of every known URL's latest version is still
there; a URL whose raw HTML is gone (raw/ deleted or pruned) is refetched without validators,
so the server cannot answer 304 and the raw file is stored again; a version of it that still
needs cleaning is re-cleaned after that refetch, from the restored file.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ingest.crawl_state import CrawlState
from ingest.discover import discover
from ingest.fetch import ACCEPT_ANY, FetchConfig, Fetcher, FetchError, FetchResult
from ingest.land import (
    CRAWL_RUNS_SCHEMA,
    FETCH_ERRORS_SCHEMA,
    land_sites,
    parts,
    raw_path,
    read_raw,
    store_raw,
    write_part,
)
from ingest.landed_pages import PageLedger
from ingest.paths import DataPaths
from ingest.politeness import HostGate
from ingest.robots import RobotsCache, robots_url
from ingest.sites import Site

if TYPE_CHECKING:  # the cleaner is imported only when a crawl cleans
    from ingest.clean.outcome import CleanOutcome
    from ingest.clean.pool import CleanJob, CleanPool
    from ingest.crawl_state import UrlState

log = logging.getLogger(__name__)

RUN_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})T")
MAX_ERROR_MESSAGES = 200  # per site in SiteCrawlResult.errors; the landing keeps them all
LANDING_THREADS = 2  # threads landing the batches of all sites of a crawl_sites call (cleaning pooled)


@dataclass
class SiteCrawlResult:
    """What one crawl of one site did (also landed as its `landing/crawl_runs` row)."""

    site_id: str
    run_id: str
    started_at: datetime
    finished_at: datetime
    pages_seen: int = 0
    pages_new: int = 0
    pages_changed: int = 0
    pages_unchanged: int = 0  # includes 304 Not Modified
    pages_failed: int = 0
    requests: int = 0
    documents_cleaned: int = 0
    pages_clean_failed: int = (
        0  # landed versions that could not be cleaned (no document; re-cleaned next run)
    )
    errors: list[str] = field(default_factory=list)
    # Why the site was not (fully) crawled or landed: not started, aborted, a write failed.
    failure: str | None = None

    def note(self, message: str) -> None:
        if len(self.errors) < MAX_ERROR_MESSAGES:
            self.errors.append(message)
        elif len(self.errors) == MAX_ERROR_MESSAGES:
            self.errors.append("... more errors in landing/fetch_errors")


class Observer:
    """Progress hooks; the default does nothing."""

    def site_started(self, site_id: str, targets: int) -> None: ...

    def page_done(self, site_id: str) -> None: ...

    def site_finished(self, result: SiteCrawlResult) -> None: ...


def run_date(run_id: str, fallback: datetime) -> str:
    """The crawl_date partition of a run: from a `YYYYMMDDT...` run id, else the start date (UTC)."""
    m = RUN_DATE.match(run_id)
    return f"{m[1]}-{m[2]}-{m[3]}" if m else f"{fallback.astimezone(UTC):%Y-%m-%d}"


def _next_index(directory: Any, run_id: str, site_id: str) -> int:
    pattern = re.compile(rf"^part-{re.escape(run_id)}-{re.escape(site_id)}-(\d+)\.parquet$")
    found = [int(m[1]) for p in parts(directory) if (m := pattern.match(p.name))]
    return max(found, default=-1) + 1


class _SiteLanding:
    """Buffers the page and error rows of one site run and lands them in batches on a worker
    thread, so cleaning and Parquet writing overlap the politeness delay instead of adding to it."""

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
        ledger: PageLedger | None = None,
    ) -> None:
        self.ledger = ledger or PageLedger(paths, site.id)
        self.clean, self.cleaner = clean, cleaner
        self.paths, self.site, self.run_id = paths, site, run_id
        self.partition = {"crawl_date": crawl_date}
        self.flush_every = max(1, flush_every)
        self._page_no = _next_index(paths.pages, run_id, site.id)
        self._error_no = _next_index(paths.fetch_errors, run_id, site.id)
        self._pages: list[dict] = []
        self._to_clean: list[dict] = []
        self._errors: list[dict] = []
        self._jobs: dict[tuple[str, str], CleanJob] = {}  # (content_sha256, url) -> its cleaning
        self._own_pool = lander is None
        self._pool = lander or ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"land-{site.id}")
        self._futures: list[Future[None]] = []
        self._count_lock = threading.Lock()
        self.documents_cleaned = 0
        self.clean_failed = 0
        self.problems: list[str] = []

    def page(self, row: dict, *, clean: bool, body: bytes | None = None) -> None:
        self._pages.append(row)
        if clean and self.clean:
            self._to_clean.append(row)
            if self.cleaner is not None and body is not None:
                self._submit(row, body)
        if len(self._pages) >= self.flush_every:
            self.flush()

    def reclean(self, row: dict) -> None:
        """Clean again a landed version that has no document (no page row: nothing was fetched)."""
        if not self.clean:
            return
        self._to_clean.append(row)
        if self.cleaner is not None:
            try:
                body = read_raw(self.paths, row["content_sha256"])
            except (OSError, EOFError, ValueError):
                body = None  # cleaned inline, which records the page as raw_unreadable
            if body is not None:
                self._submit(row, body)
        if len(self._to_clean) >= self.flush_every:
            self.flush()

    def error(self, row: dict) -> None:
        self._errors.append(row)
        if len(self._errors) >= self.flush_every:
            self.flush()

    def _submit(self, row: dict, body: bytes) -> None:
        """Start cleaning the page in a worker now; the batch's landing collects the result."""
        assert self.cleaner is not None
        try:
            job = self.cleaner.submit(body, self.site.adapter, row["url"], row.get("encoding"))
        except Exception as exc:  # no worker to be had: the landing cleans this page inline
            log.warning("cleaning pool unavailable for %s (%s); cleaning inline", row["url"], exc)
            return
        self._jobs[(row["content_sha256"], row["url"])] = job

    def flush(self) -> None:
        if not self._pages and not self._errors and not self._to_clean:
            return
        pages, to_clean, errors = self._pages, self._to_clean, self._errors
        self._pages, self._to_clean, self._errors = [], [], []
        keys = [(r["content_sha256"], r["url"]) for r in to_clean]
        jobs = {k: job for k in keys if (job := self._jobs.pop(k, None)) is not None}
        page_name = f"{self.run_id}-{self.site.id}-{self._page_no:05d}" if pages else ""
        error_name = f"{self.run_id}-{self.site.id}-{self._error_no:05d}" if errors else ""
        self._page_no += bool(pages)
        self._error_no += bool(errors)
        self._futures.append(
            self._pool.submit(self._land, pages, to_clean, jobs, errors, page_name, error_name)
        )

    def _land(
        self,
        pages: list[dict],
        to_clean: list[dict],
        jobs: dict[tuple[str, str], CleanJob],
        errors: list[dict],
        page_name: str,
        error_name: str,
    ) -> None:
        if to_clean:
            self._clean(to_clean, jobs)  # before the page rows: a kill in between re-fetches and re-cleans
        # Through the ledger: a run that overlapped this one cannot make a page land twice as new.
        self.ledger.write(pages, partition=self.partition, name=page_name)
        write_part(
            self.paths.fetch_errors, FETCH_ERRORS_SCHEMA, errors, partition=self.partition, name=error_name
        )

    def _clean(self, rows: list[dict], jobs: dict[tuple[str, str], CleanJob]) -> None:
        from ingest.clean.pool import CleanPoolClosed

        failures: list[tuple[dict, CleanOutcome]] = []
        try:
            from ingest.clean.landing import clean_pages

            def prepared(page: dict) -> Any:
                job = jobs.get((page["content_sha256"], page["url"]))
                return job.result() if job is not None else None

            n = clean_pages(
                self.paths,
                self.site,
                rows,
                run_id=self.run_id,
                prepared=prepared if jobs else None,
                on_failure=lambda page, outcome: failures.append((page, outcome)),
                changed_only=False,  # the crawler chose these: new/changed pages and versions to re-clean
            )
            with self._count_lock:  # batches of one site may land on two threads at once
                self.documents_cleaned += int(n or 0)
        except CleanPoolClosed:
            raise  # interrupted: leave these page rows unlanded so the next run fetches them again
        except Exception as exc:  # the cleaner's failure must never lose the pages
            log.exception("cleaning %d pages of %s failed", len(rows), self.site.id)
            with self._count_lock:
                self.problems.append(f"clean_pages failed on {len(rows)} pages: {type(exc).__name__}: {exc}")
        if failures:
            self._record_clean_failures(failures)

    def _record_clean_failures(self, failures: list[tuple[dict, CleanOutcome]]) -> None:
        """Land one fetch_errors row (kind `clean`) per page that could not be cleaned."""
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
        keys = "\n".join(sorted(f"{p['content_sha256']} {p['url']}" for p, _ in failures))
        name = f"{self.run_id}-{self.site.id}-clean-{hashlib.sha256(keys.encode()).hexdigest()[:12]}"
        write_part(self.paths.fetch_errors, FETCH_ERRORS_SCHEMA, rows, partition=self.partition, name=name)
        with self._count_lock:
            self.clean_failed += len(failures)
            self.problems.extend(f"clean {r['url']}: {r['error_class']}: {r['message']}" for r in rows)

    def close(self) -> None:
        """Land what is buffered and wait for every batch; re-raises a landing failure."""
        self.flush()
        if self._own_pool:
            self._pool.shutdown(wait=True)
        for fut in self._futures:
            fut.result()


class _SiteCrawl:
    """One run over one site."""

    def __init__(
        self,
        site: Site,
        paths: DataPaths,
        *,
        run_id: str,
        max_pages: int | None,
        config: FetchConfig,
        gate: HostGate,
        robots: RobotsCache,
        observer: Observer,
        cleaner: CleanPool | None = None,
        lander: ThreadPoolExecutor | None = None,
    ) -> None:
        self.site, self.paths, self.run_id, self.max_pages = site, paths, run_id, max_pages
        self.config, self.observer = config, observer
        started = datetime.now(UTC)
        self.result = SiteCrawlResult(site.id, run_id, started, started)
        self.fetcher = Fetcher(site, config, gate=gate, robots=robots)
        ledger = PageLedger(paths, site.id)  # before the state: what lands after it is re-read
        self.state = CrawlState.load(paths, site.id, documents=config.clean)
        self.raw_lost: set[str] = set()
        ledger.seed({url: st.versions for url, st in self.state.urls.items()})
        self.landing = _SiteLanding(
            paths,
            site,
            run_id,
            run_date(run_id, started),
            config.flush_every,
            config.clean,
            cleaner,
            lander,
            ledger,
        )

    def run(self) -> SiteCrawlResult:
        try:
            self._crawl()
        except Exception as exc:  # a bug or a full disk on one site must not stop the others
            log.exception("crawl of %s aborted", self.site.id)
            self.result.failure = f"crawl aborted: {type(exc).__name__}: {exc}"
            self.result.note(self.result.failure)
        finally:
            try:
                self.landing.close()
            except Exception as exc:
                log.exception("landing of %s failed", self.site.id)
                self.result.failure = self.result.failure or f"landing failed: {type(exc).__name__}: {exc}"
                self.result.note(f"landing failed: {type(exc).__name__}: {exc}")
            self.fetcher.close()
            self._finish()
        return self.result

    def _crawl(self) -> None:
        self.raw_lost = self._raw_lost()
        deferred: list[tuple[UrlState, str | None]] = []
        for st in self.state.uncleaned():
            if st.url in self.raw_lost:  # refetched first, re-cleaned from the restored raw file below
                deferred.append((st, st.latest_sha))
            else:
                self.landing.reclean(self._reclean_row(st))
        policy = self.fetcher.robots_policy(self.site.base_url)
        if policy.parser is None and not policy.allow_all:
            self._error(robots_url(self.site.base_url), "robots", policy.reason, None, kind="robots")
        discovery = discover(
            self.site,
            self._fetch_other,
            is_known=self.state.known,
            max_pages=self.max_pages,
            robots_sitemaps=policy.sitemaps(),
        )
        targets = list(
            dict.fromkeys(
                discovery.article_urls
                + self.state.retry_urls(self.config.max_failed_runs)
                + sorted(self.raw_lost)
            )
        )
        if self.config.revisit_known:
            targets = list(dict.fromkeys(targets + [u for u, st in self.state.urls.items() if st.latest_sha]))
        done = self.state.done_in_run(self.run_id)
        targets = [u for u in targets if u not in done]
        self.result.pages_seen = len(targets)
        log.info(
            "%s: %d article URLs to fetch (%d listing pages)",
            self.site.id,
            len(targets),
            discovery.listing_pages,
        )
        self.observer.site_started(self.site.id, len(targets))
        for url in targets:
            self._fetch_article(url)
            self.observer.page_done(self.site.id)
        for st, sha in deferred:
            if st.latest_sha == sha:  # not replaced by new content meanwhile
                self.landing.reclean(self._reclean_row(st))

    def _raw_lost(self) -> set[str]:
        """Known URLs whose latest landed version has no raw file any more."""
        lost = {
            url
            for url, st in self.state.urls.items()
            if st.latest_sha and not raw_path(self.paths, st.latest_sha).exists()
        }
        if lost:
            message = f"{len(lost)} landed page(s) had lost their raw HTML: refetched without validators"
            log.warning("%s: %s", self.site.id, message)
            self.result.note(message)
        return lost

    def _reclean_row(self, st: UrlState) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "site_id": self.site.id,
            "url": st.url,
            "final_url": st.final_url,
            "fetched_at": st.fetched_at,
            "content_sha256": st.latest_sha,
            "version": st.latest_version,
            "encoding": st.encoding,
            "clean_attempt": self.state.clean_failures.get(st.url, 0) + 1,
        }

    def _fetch_other(self, url: str, kind: str, optional: bool) -> tuple[bytes, str | None, str] | None:
        """Listing pages, sitemaps and feeds for discovery; failures recorded unless optional."""
        try:
            got = self.fetcher.fetch(url, accept=ACCEPT_ANY if kind != "listing" else "text/html,*/*;q=0.5")
        except FetchError as exc:
            if optional:
                log.debug("%s: optional %s %s unavailable: %s", self.site.id, kind, url, exc)
            else:
                self._error(url, exc.error_class, exc.message, exc.status, kind=kind)
            return None
        return got.body, got.content_type, got.final_url

    def _error(self, url: str, error_class: str, message: str, status: int | None, *, kind: str) -> None:
        now = datetime.now(UTC)
        attempt = self.state.next_attempt(url) if kind == "article" else 1
        self.landing.error(
            {
                "run_id": self.run_id,
                "site_id": self.site.id,
                "url": url,
                "error_class": error_class,
                "message": message,
                "status": status,
                "attempt": attempt,
                "occurred_at": now,
                "kind": kind,
            }
        )
        if kind == "article":
            self.state.record_error(url, error_class, attempt, now)
        self.result.note(f"{kind} {url}: {error_class}: {message}")

    def _fetch_article(self, url: str) -> None:
        # A lost raw file must be fetched again: no validators, so no 304 instead of the bytes.
        etag, last_modified = (None, None) if url in self.raw_lost else self.state.validators(url)
        try:
            got = self.fetcher.fetch(url, etag=etag, last_modified=last_modified, html_only=True)
        except FetchError as exc:
            self._error(url, exc.error_class, exc.message, exc.status, kind="article")
            self.result.pages_failed += 1
            return
        row = self._page_row(url, got)
        if row is None:
            return
        self.landing.page(row, clean=row["change"] in ("new", "changed"), body=got.body)
        self.state.record_page(row)
        counter = {"new": "pages_new", "changed": "pages_changed"}.get(row["change"], "pages_unchanged")
        setattr(self.result, counter, getattr(self.result, counter) + 1)

    def _page_row(self, url: str, got: FetchResult) -> dict | None:
        row: dict[str, Any] = {
            "run_id": self.run_id,
            "site_id": self.site.id,
            "url": url,
            "final_url": got.final_url,
            "fetched_at": got.fetched_at,
            "status": got.status,
            "etag": got.etag,
            "last_modified": got.last_modified,
            "content_type": got.content_type,
            "encoding": got.encoding,
            "bytes": len(got.body),
        }
        if got.not_modified:
            latest = self.state.latest(url)
            if latest is None or latest.latest_sha is None:
                self._error(
                    url, "protocol", "304 Not Modified to an unconditional request", 304, kind="article"
                )
                self.result.pages_failed += 1
                return None
            row.update(
                change="not_modified",
                content_sha256=latest.latest_sha,
                version=latest.latest_version,
                etag=got.etag or latest.etag,
                last_modified=got.last_modified or latest.last_modified,
                content_type=latest.content_type,
                encoding=latest.encoding,
            )
            return row
        sha = store_raw(self.paths, got.body)
        change, version = self.state.classify(url, sha)
        row.update(change=change, content_sha256=sha, version=version)
        return row

    def _finish(self) -> None:
        r = self.result
        r.finished_at = datetime.now(UTC)
        r.requests = self.fetcher.requests
        r.documents_cleaned = self.landing.documents_cleaned
        r.pages_clean_failed = self.landing.clean_failed
        for problem in self.landing.problems:
            r.note(problem)
        row = {k: getattr(r, k) for k in CRAWL_RUNS_SCHEMA.names if hasattr(r, k)}
        try:
            write_part(
                self.paths.crawl_runs,
                CRAWL_RUNS_SCHEMA,
                [row],
                partition={"crawl_date": run_date(self.run_id, r.started_at)},
                name=f"{self.run_id}-{self.site.id}",
            )
        except OSError as exc:
            log.exception("could not land the crawl_runs row of %s", self.site.id)
            r.failure = r.failure or f"crawl_runs row not landed: {exc}"
            r.note(f"crawl_runs row not landed: {exc}")
        self.observer.site_finished(r)


def _crawl_one(
    site: Site,
    paths: DataPaths,
    *,
    run_id: str,
    max_pages: int | None,
    config: FetchConfig,
    gate: HostGate,
    robots: RobotsCache,
    observer: Observer,
    cleaner: CleanPool | None = None,
    lander: ThreadPoolExecutor | None = None,
) -> SiteCrawlResult:
    try:
        # The registry entry as of this run: the warehouse's commune names come from it.
        land_sites(paths, [site], run_id=run_id)
        crawl = _SiteCrawl(
            site,
            paths,
            run_id=run_id,
            max_pages=max_pages,
            config=config,
            gate=gate,
            robots=robots,
            observer=observer,
            cleaner=cleaner,
            lander=lander,
        )
    except Exception as exc:  # unreadable landing state: report, do not crash the other sites
        log.exception("could not start the crawl of %s", site.id)
        now = datetime.now(UTC)
        failure = f"crawl not started: {type(exc).__name__}: {exc}"
        return SiteCrawlResult(site.id, run_id, now, now, errors=[failure], failure=failure)
    return crawl.run()


def crawl_site(
    site: Site,
    paths: DataPaths,
    *,
    run_id: str,
    max_pages: int | None = None,
    config: FetchConfig | None = None,
) -> SiteCrawlResult:
    """Crawl one site (the Airflow mapped task): discover, fetch what is new or changed, land it."""
    return _crawl_one(
        site,
        paths.ensure(),
        run_id=run_id,
        max_pages=max_pages,
        config=config or FetchConfig(),
        gate=HostGate(),
        robots=RobotsCache(),
        observer=Observer(),
    )


def crawl_sites(
    sites: list[Site],
    paths: DataPaths,
    *,
    run_id: str,
    max_pages: int | None = None,
    progress: bool = False,
    config: FetchConfig | None = None,
    observer: Observer | None = None,
    clean_workers: int | None = None,
) -> list[SiteCrawlResult]:
    """Crawl many sites in parallel threads; a host shared by several sites still gets one request
    at a time and its delay. Results come back in the order of `sites`. With `config.clean`, new
    pages are cleaned in a pool of `clean_workers` processes (default: cpu_count - 1), started
    on the first such page and shut down before this returns (killed on an exception)."""
    config = config or FetchConfig()
    paths = paths.ensure()
    gate, robots = HostGate(), RobotsCache()
    if observer is None:
        observer = _RichProgress(len(sites)) if progress else Observer()
    workers = max(1, min(config.workers, len(sites)))
    cleaner: CleanPool | None = None
    if config.clean:
        from ingest.clean.pool import CleanPool

        cleaner = CleanPool(clean_workers)
    # Landing (near-duplicate groups, Parquet writes) is light once cleaning runs in the pool: a
    # few threads shared by all sites, which also keeps Arrow's per-thread allocator heaps few.
    landers = LANDING_THREADS if cleaner is not None else workers
    with (
        cleaner or nullcontext(),
        ThreadPoolExecutor(max_workers=landers, thread_name_prefix="land") as lander,
        _started(observer),
        ThreadPoolExecutor(max_workers=workers, thread_name_prefix="crawl") as pool,
    ):
        futures = [
            pool.submit(
                _crawl_one,
                site,
                paths,
                run_id=run_id,
                max_pages=max_pages,
                config=config,
                gate=gate,
                robots=robots,
                observer=observer,
                cleaner=cleaner,
                lander=lander,
            )
            for site in sites
        ]
        return [f.result() for f in futures]


class _started:
    """Context manager that starts/stops an observer that has a live display."""

    def __init__(self, observer: Observer) -> None:
        self.observer = observer

    def __enter__(self) -> Observer:
        start: Callable[[], None] | None = getattr(self.observer, "start", None)
        if start:
            start()
        return self.observer

    def __exit__(self, *exc: object) -> None:
        stop: Callable[[], None] | None = getattr(self.observer, "stop", None)
        if stop:
            stop()


class _RichProgress(Observer):
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
