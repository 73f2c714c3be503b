"""Crawl sites: robots, discovery, due revisits within a budget, polite conditional fetches, landing.

A site's run starts from its compact state (`ingest.site_state`: one small file, read in time
proportional to the site's own history). Listings, sitemaps and feeds are read every night to
discover new articles; known articles are fetched again only when the revisit policy finds them
due (backing off with age and stability, capped at 30 days; sooner when a sitemap's `lastmod`
says they changed), at most `revisit_budget` of them, and the whole run stays within the site's
`request_budget` (URLs left over wait, still known, for the next night).

A fetch is not a version. A 304 is a count. A 200 whose raw bytes equal the last version's is a
fetch of it (a page row, nothing stored); one whose bytes differ is cleaned at once and, when its
cleaned text equals the last version's (a portal that prints a visitor counter, and sends no
validators), is still a fetch of the same version: no raw file, no document. Only new text makes
a new version. The state is saved after the run's parts are landed; a run killed before that is
caught up from landing by its retry (same run id), or by any run once it is over or dead
(`SiteState` folds no other run's rows while it may still be landing). It is saved under the
site's landing mutex: when another run landed pages of the site or saved its state meanwhile (runs
that overlapped, the run lock bypassed), this run's state is merged into the saved one first
(`SiteState.merged`), so neither run's 304 checks, which are counts and no landing rows, are lost.

Cleaning. `crawl_sites` hands the bytes of every new page to a `CleanPool` of worker processes as
soon as it is fetched; the site's landing (`ingest.site_landing`) collects the documents when the
run ends and lands one part per table. `crawl_site` (one site) cleans inline. A page that could
not be cleaned lands its page row but no document: the failure goes to `landing/fetch_errors`
(kind `clean`) and is counted in `pages_clean_failed`; the next run re-cleans every landed version
that has no document from its raw HTML, whatever the page answers.

Raw integrity. A run checks that the raw file of known URLs' latest versions is still in the
store (`ingest.raw_audit`: every known URL on a local store; on an object store, where each check
is a HEAD request, a rolling slice, every URL once in `CrawlConfig.raw_audit_nights` nights); a
URL whose raw HTML is gone (raw/ deleted or pruned, on disk or in the bucket) is fetched tonight
whether due or not, without validators (the server cannot answer 304 instead of the bytes), and
its bytes are stored again even when they equal the lost version's; a version of it
that still needs cleaning is re-cleaned after that refetch, from the restored file.

A site that could not be started, whose crawl aborted or whose landing failed carries a
`failure` (the commands list it and exit non-zero).
"""

from __future__ import annotations

import hashlib
import logging
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ingest.crawl_config import CrawlConfig
from ingest.discover import discover
from ingest.fetch import ACCEPT_ANY, FetchConfig, Fetcher, FetchError, FetchResult
from ingest.land import (
    CRAWL_RUNS_SCHEMA,
    crawl_date_of,
    land_part,
    land_sites,
    sha256_hex,
    store_raw,
)
from ingest.landing_settle import PageSettler
from ingest.paths import DataPaths
from ingest.politeness import HostGate
from ingest.raw_audit import audit_raw
from ingest.robots import RobotsCache, robots_url
from ingest.runlock import RunLocked
from ingest.site_landing import SiteLanding
from ingest.site_state import SiteState, UrlState
from ingest.sites import Site

if TYPE_CHECKING:  # the cleaner is imported only when a crawl cleans
    from ingest.clean.pool import CleanPool

log = logging.getLogger(__name__)

MAX_ERROR_MESSAGES = 200  # per site in SiteCrawlResult.errors; the landing keeps them all
LANDING_THREADS = 2  # threads landing the batches of all sites of a crawl_sites call (cleaning pooled)


@dataclass
class SiteCrawlResult:
    """What one crawl of one site did (also landed as its `landing/crawl_runs` row)."""

    site_id: str
    run_id: str
    started_at: datetime
    finished_at: datetime
    pages_seen: int = 0  # article URLs fetched or checked
    pages_new: int = 0
    pages_changed: int = 0
    pages_unchanged: int = 0  # refetched, same cleaned text (no new version, no new raw file)
    pages_not_modified: int = 0  # 304 answers (counted, not landed as rows)
    pages_failed: int = 0
    pages_clean_failed: int = 0  # landed versions that could not be cleaned (re-cleaned next run)
    requests: int = 0
    documents_cleaned: int = 0
    revisits: int = 0  # known articles fetched again because they were due
    revisits_deferred: int = 0  # due, but left for a later night by the budget
    raw_audited: int = 0  # known URLs whose raw file was checked tonight (ingest.raw_audit)
    raw_lost: int = 0  # of those, URLs found without their raw file (queued for a refetch first)
    errors: list[str] = field(default_factory=list)
    # Why the site was not (fully) crawled or landed: not started, aborted, a write failed.
    failure: str | None = None

    def note(self, message: str) -> None:
        if len(self.errors) < MAX_ERROR_MESSAGES:
            self.errors.append(message)
        elif len(self.errors) == MAX_ERROR_MESSAGES:
            self.errors.append("... more errors in landing/fetch_errors")


class Observer:
    """Progress hooks; the default does nothing (the terminal one lives in `ingest.cli.progress`)."""

    def site_started(self, site_id: str, targets: int) -> None: ...

    def page_done(self, site_id: str) -> None: ...

    def site_finished(self, result: SiteCrawlResult) -> None: ...

    def start(self) -> None: ...

    def stop(self) -> None: ...


def registry_sha(site: Site) -> str:
    """Hash of what `landing/sites` records of a registry entry (landed again only when it changes)."""
    fields = (site.commune, site.district, site.province, site.family, site.base_url)
    return hashlib.sha256("\x1f".join(str(f) for f in fields).encode()).hexdigest()


class _SiteCrawl:
    """One run over one site."""

    def __init__(
        self,
        site: Site,
        paths: DataPaths,
        *,
        run_id: str,
        max_pages: int | None,
        fetch: FetchConfig,
        crawl: CrawlConfig,
        gate: HostGate,
        robots: RobotsCache,
        observer: Observer,
        now: datetime | None = None,
        cleaner: CleanPool | None = None,
        lander: ThreadPoolExecutor | None = None,
    ) -> None:
        self.site, self.paths, self.run_id, self.max_pages = site, paths, run_id, max_pages
        self.crawl, self.observer = crawl, observer
        started = datetime.now(UTC)
        # The run's clock: real time, or shifted to `now` (benchmarks and tests play nights
        # ahead); every time the run records (fetches, checks, errors) is on it.
        self.now = now or started
        self.shift = self.now - started
        self.night = crawl_date_of(run_id, started)
        self.result = SiteCrawlResult(site.id, run_id, started, started)
        self.fetcher = Fetcher(site, fetch, gate=gate, robots=robots)
        self._robots_sitemaps: list[str] = []
        # Its own rows of an attempt killed earlier are folded; another run's only once it is over.
        self.state = SiteState.load(paths.store, site.id, run_id=run_id, now=self.now)
        # Page parts are settled against runs that overlapped this one (ingest.landing_settle).
        self.settler = PageSettler.for_state(paths.store, self.state, run_id)
        self.raw_lost: set[str] = set()
        self.landing = SiteLanding(
            paths, site, run_id, self.night, crawl.flush_every, crawl.clean, cleaner, lander, self.settler
        )

    def run(self) -> SiteCrawlResult:
        landed = False
        try:
            self._crawl()
        except Exception as exc:  # a bug or a full disk on one site must not stop the others
            log.exception("crawl of %s aborted", self.site.id)
            self.result.failure = f"crawl aborted: {type(exc).__name__}: {exc}"
            self.result.note(self.result.failure)
        finally:
            try:
                self.landing.close()
                landed = True
            except Exception as exc:
                log.exception("landing of %s failed", self.site.id)
                self.result.failure = self.result.failure or f"landing failed: {type(exc).__name__}: {exc}"
                self.result.note(f"landing failed: {type(exc).__name__}: {exc}")
            self.fetcher.close()
            self._finish(save_state=landed)
        return self.result

    # -- what to fetch ----------------------------------------------------------------------------
    def _targets(self) -> list[str]:
        discovery = discover(
            self.site,
            self._fetch_other,
            is_known=self.state.known,
            max_pages=self.max_pages,
            robots_sitemaps=self._robots_sitemaps,
            stop_at_known=self.state.listings_walked,
        )
        if discovery.listings_complete:  # saved with the state once the run has landed
            self.state.listings_walked = True
        fresh = [u for u in discovery.article_urls if not self.state.known(u)]
        for url in fresh:
            self.state.add_pending(url, self.now)
        changed = [u for u, lm in discovery.lastmod.items() if self.state.changed_since_checked(u, lm)]
        retries = self.state.retry_urls(self.crawl.max_failed_runs)
        revisits: list[str] = []
        if self.crawl.revisit_known:
            revisits, self.result.revisits_deferred = self.state.revisits(self.crawl.revisit, self.now)
        done = self.state.done_in_run(self.run_id)
        waiting = [u for u in self.state.pending() if u not in set(fresh)]  # left by earlier budgets
        lost = sorted(self.raw_lost)  # first: their raw files are needed to re-clean and revalidate
        ordered = dict.fromkeys(lost + waiting + fresh + retries + changed + revisits)
        targets = [u for u in ordered if u not in done]
        room = max(0, self.crawl.request_budget - self.fetcher.requests)
        if len(targets) > room:
            log.info(
                "%s: request budget leaves %d of %d URLs for later nights",
                self.site.id,
                len(targets) - room,
                len(targets),
            )
            self.result.revisits_deferred += sum(1 for u in targets[room:] if u in revisits)
            targets = targets[:room]
        again = set(revisits) | set(changed)
        self.result.revisits = sum(1 for u in targets if u in again)
        log.info(
            "%s: %d article URLs to fetch (%d new, %d due again; %d listing pages)",
            self.site.id,
            len(targets),
            len(fresh),
            self.result.revisits,
            discovery.listing_pages,
        )
        return targets

    def _crawl(self) -> None:
        self.raw_lost = self._raw_lost()
        deferred: list[tuple[UrlState, str | None]] = []
        if self.crawl.clean:
            for st in self.state.uncleaned():
                if st.url in self.raw_lost:  # refetched first, re-cleaned from the restored raw file below
                    deferred.append((st, st.latest_sha))
                else:
                    self.landing.reclean(self._reclean_row(st))
        policy = self.fetcher.robots_policy(self.site.base_url)
        if policy.parser is None and not policy.allow_all:
            self._error(robots_url(self.site.base_url), "robots", policy.reason, None, kind="robots")
        self._robots_sitemaps = policy.sitemaps()
        targets = self._targets()
        self.result.pages_seen = len(targets)
        self.observer.site_started(self.site.id, len(targets))
        for url in targets:
            self._fetch_article(url)
            self.observer.page_done(self.site.id)
        for st, sha in deferred:
            if st.latest_sha == sha and sha not in st.documents:  # not replaced or cleaned meanwhile
                self.landing.reclean(self._reclean_row(st))

    def _raw_lost(self) -> set[str]:
        """Known URLs whose latest landed version has no raw file any more (`ingest.raw_audit`:
        every known URL on a local store, a stat each; on an object store tonight's slice of them,
        one HEAD request each, several at a time, plus the versions still to be cleaned)."""
        known = [(url, st.latest_sha) for url, st in self.state.urls.items() if st.latest_sha]
        if not known:
            return set()
        audit = audit_raw(
            self.paths.store,
            known,
            night=self.night,
            nights=self.crawl.raw_audit_nights,
            always=[st.url for st in self.state.uncleaned()] if self.crawl.clean else (),
        )
        log.info(
            "%s: raw audit checked %d of %d known URLs (raw_audit_nights=%d), %d lost",
            self.site.id,
            len(audit.checked),
            audit.known,
            self.crawl.raw_audit_nights,
            len(audit.lost),
        )
        self.result.raw_audited, self.result.raw_lost = len(audit.checked), len(audit.lost)
        if audit.lost:
            message = (
                f"{len(audit.lost)} landed page(s) had lost their raw HTML: refetched without validators"
            )
            log.warning("%s: %s", self.site.id, message)
            self.result.note(message)
        return set(audit.lost)

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

    # -- fetching ----------------------------------------------------------------------------------
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
        now = datetime.now(UTC) + self.shift
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
        latest = self.state.latest(url)
        if got.not_modified:
            if latest is None or latest.latest_sha is None:
                self._error(
                    url, "protocol", "304 Not Modified to an unconditional request", 304, kind="article"
                )
                self.result.pages_failed += 1
                return
            self.state.record_check(
                url,
                at=got.fetched_at + self.shift,
                run_id=self.run_id,
                etag=got.etag,
                last_modified=got.last_modified,
            )
            self.result.pages_not_modified += 1
            return
        row = self._page_row(url, got, latest)
        self.state.record_page(row)
        counter = {"new": "pages_new", "changed": "pages_changed"}.get(row["change"], "pages_unchanged")
        setattr(self.result, counter, getattr(self.result, counter) + 1)

    def _page_row(self, url: str, got: FetchResult, latest: UrlState | None) -> dict[str, Any]:
        """Classify and land a 200: new, changed (new text), or unchanged (same bytes or text)."""
        body_sha = sha256_hex(got.body)
        row: dict[str, Any] = {
            "run_id": self.run_id,
            "site_id": self.site.id,
            "url": url,
            "final_url": got.final_url,
            "fetched_at": got.fetched_at + self.shift,
            "status": got.status,
            "etag": got.etag,
            "last_modified": got.last_modified,
            "content_type": got.content_type,
            "encoding": got.encoding,
            "bytes": len(got.body),
            "body_sha256": body_sha,
        }
        change, version = self.state.classify(url, body_sha)
        new_bytes = change == "changed" and latest is not None and body_sha not in latest.versions
        restoring = url in self.raw_lost  # the latest version's raw file is gone: keep these bytes
        if restoring and change == "unchanged":
            store_raw(self.paths.store, got.body)  # the very bytes that were lost
        if new_bytes and latest is not None and not restoring and self._same_text(row, got.body, latest):
            # new bytes, same cleaned text: a fetch of the version we have, nothing stored
            row.update(change="unchanged", content_sha256=latest.latest_sha, version=latest.latest_version)
            self.landing.page(row, clean=False)
            return row
        if change in ("new", "changed"):
            store_raw(self.paths.store, got.body)
        row.update(change=change, content_sha256=body_sha, version=version)
        documented = latest is not None and body_sha in latest.documents  # back to an earlier version
        self.landing.page(row, clean=change in ("new", "changed") and not documented, body=got.body)
        return row

    def _same_text(self, row: dict[str, Any], body: bytes, latest: UrlState) -> bool:
        if not self.crawl.clean or latest.text_sha is None:
            return False  # nothing to compare with: a byte change is a new version
        from ingest.clean.landing import text_sha256

        outcome = self.landing.clean_now({**row, "content_sha256": row["body_sha256"]}, body)
        return outcome.doc is not None and text_sha256(outcome.doc.text) == latest.text_sha

    # -- end of the run ------------------------------------------------------------------------------
    def _finish(self, *, save_state: bool) -> None:
        r = self.result
        r.finished_at = datetime.now(UTC)
        r.requests = self.fetcher.requests
        r.documents_cleaned = self.landing.documents_cleaned
        r.pages_clean_failed = self.landing.clean_failed
        for problem in self.landing.problems:
            r.note(problem)
        store = self.paths.store
        try:
            sha = registry_sha(self.site)
            if sha != self.state.registry_sha:  # the commune as published, landed when it changes
                land_sites(self.paths, [self.site], run_id=self.run_id, at=r.started_at)
                self.state.registry_sha = sha
            row = {k: getattr(r, k) for k in CRAWL_RUNS_SCHEMA.names if hasattr(r, k)}
            land_part(
                store,
                "crawl_runs",
                CRAWL_RUNS_SCHEMA,
                [row],
                crawl_date=self.night,
                site_id=self.site.id,
                name=self.run_id,
            )
        except OSError as exc:
            log.exception("could not land the crawl_runs row of %s", self.site.id)
            r.failure = r.failure or f"crawl_runs row not landed: {exc}"
            r.note(f"crawl_runs row not landed: {exc}")
        if save_state:
            self._save_state()
        self.observer.site_finished(r)

    def _save_state(self) -> None:
        """Save the site's state under its landing mutex; merged with the state file and the landing
        first when another run landed pages of the site or saved its state meanwhile, so that
        neither run's checks (304s: counts, not rows) are lost (`SiteState.merged`)."""
        for doc in self.landing.documents:
            self.state.record_document(doc.url, doc.content_sha256, doc.text_sha256, doc.published_at)
        self.state.note_run(self.run_id, self.night)
        store = self.paths.store
        try:
            with self.settler.exclusive():
                state = self.state
                if self.settler.overlapped or state.saved_since_load(store):
                    log.warning(
                        "%s: another run landed or saved meanwhile; merging its state with this run's",
                        self.site.id,
                    )
                    now = datetime.now(UTC) + self.shift
                    state = self.state = state.merged(store, self.run_id, self.night, now=now)
                state.save(store)
        except (OSError, RunLocked) as exc:  # the next run catches up from landing
            log.exception("could not save the state of %s", self.site.id)
            self.result.note(f"state not saved (rebuilt from landing next run): {exc}")


def _crawl_one(
    site: Site,
    paths: DataPaths,
    *,
    run_id: str,
    max_pages: int | None,
    fetch: FetchConfig,
    crawl: CrawlConfig,
    gate: HostGate,
    robots: RobotsCache,
    observer: Observer,
    now: datetime | None = None,
    cleaner: CleanPool | None = None,
    lander: ThreadPoolExecutor | None = None,
) -> SiteCrawlResult:
    try:
        job = _SiteCrawl(
            site,
            paths,
            run_id=run_id,
            max_pages=max_pages,
            fetch=fetch,
            crawl=crawl,
            gate=gate,
            robots=robots,
            observer=observer,
            now=now,
            cleaner=cleaner,
            lander=lander,
        )
    except Exception as exc:  # unreadable state or store: report, do not crash the other sites
        log.exception("could not start the crawl of %s", site.id)
        at = datetime.now(UTC)
        failure = f"crawl not started: {type(exc).__name__}: {exc}"
        return SiteCrawlResult(site.id, run_id, at, at, errors=[failure], failure=failure)
    return job.run()


def crawl_site(
    site: Site,
    paths: DataPaths,
    *,
    run_id: str,
    max_pages: int | None = None,
    config: FetchConfig | None = None,
    crawl: CrawlConfig | None = None,
    now: datetime | None = None,
) -> SiteCrawlResult:
    """Crawl one site: discover, fetch what is new or due, land it; cleans inline."""
    return _crawl_one(
        site,
        paths.ensure(),
        run_id=run_id,
        max_pages=max_pages,
        fetch=config or FetchConfig(),
        crawl=crawl or CrawlConfig(),
        gate=HostGate(),
        robots=RobotsCache(),
        observer=Observer(),
        now=now,
    )


def crawl_sites(
    sites: list[Site],
    paths: DataPaths,
    *,
    run_id: str,
    max_pages: int | None = None,
    config: FetchConfig | None = None,
    crawl: CrawlConfig | None = None,
    observer: Observer | None = None,
    clean_workers: int | None = None,
    now: datetime | None = None,
) -> list[SiteCrawlResult]:
    """Crawl many sites in parallel threads (`crawl.workers` hosts at once); a host shared by
    several sites still gets one request at a time and its delay. Results come back in the order
    of `sites`. With `crawl.clean`, new pages are cleaned in a pool of `clean_workers` processes
    (default: cpu_count - 1), started on the first such page and shut down before this returns
    (killed on an exception). `now` moves the revisit clock (benchmarks and tests)."""
    fetch = config or FetchConfig()
    crawl = crawl or CrawlConfig()
    paths = paths.ensure()
    gate, robots = HostGate(), RobotsCache()
    observer = observer or Observer()
    workers = max(1, min(crawl.workers, len(sites)))
    cleaner: CleanPool | None = None
    if crawl.clean:
        from ingest.clean.pool import CleanPool

        cleaner = CleanPool(clean_workers)
    # Landing (Parquet writes) is light once cleaning runs in the pool: a few threads shared by
    # all sites, which also keeps Arrow's per-thread allocator heaps few.
    landers = LANDING_THREADS if cleaner is not None else workers
    with (
        cleaner or nullcontext(),
        ThreadPoolExecutor(max_workers=landers, thread_name_prefix="land") as lander,
        _Started(observer),
        ThreadPoolExecutor(max_workers=workers, thread_name_prefix="crawl") as pool,
    ):
        futures = [
            pool.submit(
                _crawl_one,
                site,
                paths,
                run_id=run_id,
                max_pages=max_pages,
                fetch=fetch,
                crawl=crawl,
                gate=gate,
                robots=robots,
                observer=observer,
                now=now,
                cleaner=cleaner,
                lander=lander,
            )
            for site in sites
        ]
        return [f.result() for f in futures]


class _Started:
    """Starts and stops an observer that has a live display."""

    def __init__(self, observer: Observer) -> None:
        self.observer = observer

    def __enter__(self) -> Observer:
        self.observer.start()
        return self.observer

    def __exit__(self, *exc: object) -> None:
        self.observer.stop()
