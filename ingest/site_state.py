"""A site's compact crawl state: one small file per site, rewritten atomically after each of its runs.

Reading it costs time proportional to that site's own history (one file), never to the whole
landing. Landing stays the truth: `rebuild` derives the same state from the site's landing
partitions, `load` falls back to it when the file is missing or unreadable, and catches up with
parts landed after the file was last written (a run killed between landing and saving).
A run that overlapped another one (`ingest.landing_settle`) saves `merged`: the file as the
other run left it, caught up from landing, plus this run's checks (304s leave no row to replay).
Every fold from landing (load, merge, rebuild) takes a run's rows only once that run is over
(`SiteState._waiting`): it landed its `crawl_runs` row, or it is dead (no row newer than
`RUN_DEAD_AFTER`); a run still landing is left whole for a later catch-up, never half folded.
A run retried under its own id after it was folded folds only its rows newer than those the
state holds of it (`run_times`): nothing twice, nothing the retry landed left out.

What it knows per URL: every raw version (content hash → version number), the cleaned-text hash
of the latest version and which versions have a document, validators, when the URL was first
seen, last fetched, last checked (a 304 included), last changed, how many checks in a row found
nothing new (`stable`, for the revisit policy), and the last unrecovered failure.
Hooks for raw integrity and reclean safety: `raw_hashes()` lists every landed raw hash, and
`UrlState.documents` says which versions have a document.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pyarrow as pa

from ingest.land import (
    CRAWL_RUNS_SCHEMA,
    DOCUMENTS_SCHEMA,
    FETCH_ERRORS_SCHEMA,
    PAGES_SCHEMA,
    crawl_date_of,
    read_site_rows,
)
from ingest.paths import state_key
from ingest.revisit import RevisitPolicy
from ingest.storage import Store

log = logging.getLogger(__name__)

FORMAT = 1
RECENT_RUNS = 60  # run ids remembered (replay detection and catch-up)
# Classes that a later run cannot fix by trying again.
PERMANENT_ERRORS = frozenset({"unsupported_type", "invalid_url"})
PAGE_COLUMNS = [
    "run_id",
    "url",
    "final_url",
    "fetched_at",
    "change",
    "content_sha256",
    "version",
    "etag",
    "last_modified",
    "encoding",
    "content_type",
]
ERROR_COLUMNS = ["run_id", "url", "error_class", "attempt", "occurred_at", "kind"]
DOCUMENT_COLUMNS = ["run_id", "url", "content_sha256", "text_sha256", "published_at", "fetched_at"]
_TIMES = ("first_seen", "fetched_at", "checked_at", "changed_at")
# A run that landed rows but no crawl_runs row is dead (killed) once its newest row is this old:
# longer than one site's run (FetchConfig.site_deadline_s, 4 h) and a nightly crawl task with its
# retries (3 × 2 h), shorter than a night, so the next night's load folds a killed run's rows.
RUN_DEAD_AFTER = timedelta(hours=12)
# A run's signs of life: when it fetched (pages, documents) or failed (errors). A reclean's
# documents carry their page's old fetch time, so `xaetl reclean` is folded at once, as before.
_ROW_TIMES = ("fetched_at", "occurred_at")


@dataclass
class UrlState:
    """What the crawler knows about one article URL."""

    url: str
    versions: dict[str, int] = field(default_factory=dict)  # raw content_sha256 -> version
    latest_sha: str | None = None
    latest_version: int = 0
    text_sha: str | None = None  # cleaned-text hash of the latest version (None: no document known)
    documents: set[str] = field(default_factory=set)  # raw hashes that have a landed document
    etag: str | None = None
    last_modified: str | None = None
    encoding: str | None = None
    content_type: str | None = None
    final_url: str | None = None
    published_at: str | None = None
    first_seen: datetime | None = None
    fetched_at: datetime | None = None  # last answer with a body
    checked_at: datetime | None = None  # last answer of any kind (a 304 too)
    changed_at: datetime | None = None  # last new version
    stable: int = 0  # checks in a row that found nothing new
    run_id: str | None = None  # last run that fetched or checked it

    def age_days(self, now: datetime) -> float:
        start = _parse_time(self.published_at) or self.first_seen or now
        return max(0.0, (now - start).total_seconds() / 86400)


@dataclass(frozen=True)
class Failure:
    """The latest unrecovered error of a URL."""

    url: str
    error_class: str
    attempts: int  # runs in a row that failed on this URL
    occurred_at: datetime


@dataclass(frozen=True)
class Check:
    """A 304 (or any answer proving the latest version current): a count, no landing row, so
    only the run that made it can carry it into the state (`SiteState.merged`)."""

    url: str
    at: datetime
    run_id: str
    etag: str | None
    last_modified: str | None


@dataclass
class SiteState:
    """State of one site, updated in memory as a run goes and saved when it ends."""

    site_id: str
    urls: dict[str, UrlState] = field(default_factory=dict)
    failures: dict[str, Failure] = field(default_factory=dict)
    clean_failures: dict[str, int] = field(default_factory=dict)  # url -> clean failures recorded
    runs: list[str] = field(default_factory=list)  # recent run ids whose rows are folded in
    # the newest row time of each of `runs` folded in (landed or recorded by the run itself): a
    # retry under the same run id folds only its rows newer than that (`_fold`); a run missing
    # here (a file saved before this field) is skipped whole, as it was.
    run_times: dict[str, datetime] = field(default_factory=dict)
    last_crawl_date: str | None = None  # newest landing night folded in
    registry_sha: str | None = None  # hash of the registry entry last landed in landing/sites
    # a run walked every listing to its end and saved this state: later walks may stop at a page
    # of known articles. Never derived from landing (a rebuilt state walks everything once).
    listings_walked: bool = False
    _due_cache: dict[str, tuple[Any, datetime | None]] = field(
        default_factory=dict, repr=False, compare=False
    )
    # Not saved: this run's checks (replayed onto a state another run saved meanwhile), and the
    # hash of the state file as this run loaded it (None: there was none).
    checks: list[Check] = field(default_factory=list, repr=False, compare=False)
    loaded_sha: str | None = field(default=None, repr=False, compare=False)
    # Not saved: the oldest night holding rows of a run not over yet (left out of the fold);
    # `last_crawl_date` never passes it, so the next catch-up reads that night again.
    waiting_since: str | None = field(default=None, repr=False, compare=False)

    # -- folding landing rows -----------------------------------------------------------------
    def apply_pages(self, rows: Iterable[dict[str, Any]], *, landed: bool = False) -> None:
        """Fold page rows (oldest first). `landed`: rows read from landing, which may be older
        than what the state already knows of their URL (a run folded after a later one)."""
        for row in rows:
            st = self.urls.setdefault(row["url"], UrlState(row["url"]))
            at = row.get("fetched_at")
            sha = row.get("content_sha256")
            change = row.get("change")
            self._ran(row.get("run_id"), at)
            if st.first_seen is None or (at is not None and at < st.first_seen):
                st.first_seen = at
            if sha:
                # The first version recorded for a hash is its version; a replay cannot renumber it.
                st.versions.setdefault(sha, int(row.get("version") or len(st.versions) + 1))
            newest = max(filter(None, (st.fetched_at, st.checked_at)), default=None)
            if landed and at is not None and newest is not None and at < newest:
                continue  # its version is recorded; the latest version stays the newer one
            if sha:
                if sha != st.latest_sha:
                    st.text_sha = None  # unknown until its document is folded in
                    st.changed_at, st.stable = at, 0
                elif change in ("unchanged", "not_modified"):
                    st.stable += 1
                st.latest_sha = sha
                st.latest_version = st.versions[sha]
            for key in ("etag", "last_modified", "encoding", "content_type", "final_url", "run_id"):
                if row.get(key) is not None:
                    setattr(st, key, row[key])
            if at is not None:
                st.fetched_at = max(filter(None, (st.fetched_at, at)))
                st.checked_at = max(filter(None, (st.checked_at, at)))
            failure = self.failures.get(row["url"])
            if failure and st.fetched_at and st.fetched_at >= failure.occurred_at:
                del self.failures[row["url"]]

    def apply_errors(self, rows: Iterable[dict[str, Any]]) -> None:
        """Fold error rows (oldest first): an article error after its last good fetch is unrecovered."""
        for row in rows:
            self._ran(row.get("run_id"), row.get("occurred_at"))
            kind = row.get("kind")
            if kind == "clean":
                self.clean_failures[row["url"]] = self.clean_failures.get(row["url"], 0) + 1
                continue
            if kind not in (None, "article"):
                continue
            st = self.urls.get(row["url"])
            if st and st.fetched_at and st.fetched_at >= row["occurred_at"]:
                continue
            self.failures[row["url"]] = Failure(
                row["url"], row["error_class"], int(row.get("attempt") or 1), row["occurred_at"]
            )

    def apply_documents(self, rows: Iterable[dict[str, Any]]) -> None:
        """Fold document rows: which versions have a document, and the latest one's text hash."""
        for row in rows:
            st = self.urls.get(row["url"])
            if st is None:
                continue
            sha = row["content_sha256"]
            st.documents.add(sha)
            if sha == st.latest_sha and row.get("text_sha256"):
                st.text_sha = row["text_sha256"]
            if row.get("published_at"):
                st.published_at = row["published_at"]

    def _ran(self, run_id: str | None, at: datetime | None) -> None:
        """Remember that the state holds a row of `run_id` at `at` (`run_times`)."""
        if run_id and at is not None:
            known = self.run_times.get(run_id)
            if known is None or at > known:
                self.run_times[run_id] = at

    def note_run(self, run_id: str, crawl_date: str) -> None:
        if run_id not in self.runs:
            self.runs = [*self.runs, run_id][-RECENT_RUNS:]
        if self.last_crawl_date is None or crawl_date > self.last_crawl_date:
            self.last_crawl_date = crawl_date
        if self.waiting_since is not None and self.last_crawl_date > self.waiting_since:
            self.last_crawl_date = self.waiting_since

    # -- queries ------------------------------------------------------------------------------
    def known(self, url: str) -> bool:
        return url in self.urls or url in self.failures

    def latest(self, url: str) -> UrlState | None:
        return self.urls.get(url)

    def validators(self, url: str) -> tuple[str | None, str | None]:
        st = self.urls.get(url)
        if st is None or st.latest_sha is None:
            return None, None
        return st.etag, st.last_modified

    def done_in_run(self, run_id: str) -> set[str]:
        """URLs already fetched or checked by this run id (a replay of the same run skips them)."""
        return {u for u, st in self.urls.items() if st.run_id == run_id}

    def retry_urls(self, max_failed_runs: int) -> list[str]:
        """URLs whose last event is an error worth another try, oldest failure first."""
        due = [
            f
            for f in self.failures.values()
            if f.error_class not in PERMANENT_ERRORS and f.attempts < max_failed_runs
        ]
        return [f.url for f in sorted(due, key=lambda f: f.occurred_at)]

    def next_attempt(self, url: str) -> int:
        failure = self.failures.get(url)
        return failure.attempts + 1 if failure else 1

    def classify(self, url: str, content_sha256: str) -> tuple[str, int]:
        """(change, version) of raw content just fetched at `url`: new, changed or unchanged."""
        st = self.urls.get(url)
        if st is None or st.latest_sha is None:
            return "new", 1
        if content_sha256 == st.latest_sha:
            return "unchanged", st.latest_version
        if content_sha256 in st.versions:  # back to an earlier content: its version, no new one
            return "changed", st.versions[content_sha256]
        return "changed", max(st.versions.values()) + 1

    def pending(self) -> list[str]:
        """URLs discovered but not fetched yet (a night's request budget ran out), oldest first."""
        waiting = [st for st in self.urls.values() if st.latest_sha is None and st.url not in self.failures]
        return [st.url for st in sorted(waiting, key=lambda st: (_sort_time(st.first_seen), st.url))]

    def changed_since_checked(self, url: str, lastmod: str | None) -> bool:
        """Whether a sitemap's `lastmod` for a known URL is later than our last check of it."""
        st = self.urls.get(url)
        when = _parse_time(lastmod)
        if st is None or st.latest_sha is None or when is None:
            return False
        checked = st.checked_at or st.fetched_at
        return checked is None or when > checked

    def uncleaned(self) -> list[UrlState]:
        """URLs whose latest landed version has no document: re-cleaned from raw, not refetched."""
        return [st for st in self.urls.values() if st.latest_sha and st.latest_sha not in st.documents]

    def raw_hashes(self) -> set[str]:
        """Every raw content hash this site landed (for a raw-integrity check)."""
        return {sha for st in self.urls.values() for sha in st.versions}

    def revisits(
        self, policy: RevisitPolicy, now: datetime, *, budget: int | None = None
    ) -> tuple[list[str], int]:
        """(known article URLs due tonight within the budget, how many more are due)."""
        due_dates = []
        cache = self._due_cache  # a due date only changes with a check
        for st in self.urls.values():
            if st.latest_sha is None:
                continue
            checked = st.checked_at or st.fetched_at
            key = (id(policy), checked, st.stable, st.published_at)
            hit = cache.get(st.url)
            if hit is not None and hit[0] == key:
                due = hit[1]
            else:
                due = (
                    None
                    if checked is None
                    else policy.next_due(st.url, checked, stable=st.stable, age_days=st.age_days(checked))
                )
                cache[st.url] = (key, due)
            due_dates.append((st.url, due))
        return policy.choose(due_dates, now, budget=budget)

    # -- in-run updates -------------------------------------------------------------------------
    def record_page(self, row: dict[str, Any]) -> None:
        self.apply_pages([row])

    def record_check(
        self, url: str, *, at: datetime, run_id: str, etag: str | None, last_modified: str | None
    ) -> None:
        """A 304 (or any answer that proved the latest version current): no landing row, a count."""
        check = Check(url, at, run_id, etag, last_modified)
        self.checks.append(check)
        self._apply_check(check)

    def _apply_check(self, check: Check) -> None:
        st = self.urls[check.url]
        st.checked_at, st.run_id, st.stable = check.at, check.run_id, st.stable + 1
        st.etag = check.etag or st.etag
        st.last_modified = check.last_modified or st.last_modified
        self.failures.pop(check.url, None)

    def record_document(
        self, url: str, content_sha256: str, text_sha256: str, published_at: str | None
    ) -> None:
        self.apply_documents(
            [
                {
                    "url": url,
                    "content_sha256": content_sha256,
                    "text_sha256": text_sha256,
                    "published_at": published_at,
                }
            ]
        )

    def add_pending(self, url: str, at: datetime) -> None:
        """Remember a discovered URL left for a later night (known, so listing walks stop at it)."""
        if url not in self.urls:
            self.urls[url] = UrlState(url, first_seen=at)

    def record_error(self, url: str, error_class: str, attempt: int, occurred_at: datetime) -> None:
        self.failures[url] = Failure(url, error_class, attempt, occurred_at)

    # -- persistence ----------------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        doc = {
            "format": FORMAT,
            "site_id": self.site_id,
            "runs": self.runs,
            "run_times": {r: at.isoformat() for r, at in self.run_times.items() if r in self.runs},
            "last_crawl_date": self.last_crawl_date,
            "registry_sha": self.registry_sha,
            "listings_walked": self.listings_walked,
            "clean_failures": self.clean_failures,
            "failures": [
                [f.url, f.error_class, f.attempts, f.occurred_at.isoformat()] for f in self.failures.values()
            ],
            "urls": [_url_doc(st) for st in self.urls.values()],
        }
        return gzip.compress(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode(), 6, mtime=0)

    @classmethod
    def from_bytes(cls, data: bytes) -> SiteState:
        doc = json.loads(gzip.decompress(data))
        if doc.get("format") != FORMAT:
            raise ValueError(f"unknown state format {doc.get('format')!r}")
        state = cls(
            doc["site_id"],
            runs=list(doc.get("runs") or []),
            run_times={r: datetime.fromisoformat(at) for r, at in (doc.get("run_times") or {}).items()},
            last_crawl_date=doc.get("last_crawl_date"),
            registry_sha=doc.get("registry_sha"),
            listings_walked=bool(doc.get("listings_walked")),
            clean_failures=dict(doc.get("clean_failures") or {}),
        )
        for url, error_class, attempts, at in doc.get("failures") or []:
            state.failures[url] = Failure(url, error_class, int(attempts), datetime.fromisoformat(at))
        for u in doc.get("urls") or []:
            st = UrlState(u["url"])
            for key, value in u.items():
                if key == "documents":
                    st.documents = set(value)
                elif key in _TIMES:
                    st.__dict__[key] = datetime.fromisoformat(value) if value else None
                elif key != "url":
                    st.__dict__[key] = value
            state.urls[st.url] = st
        return state

    def save(self, store: Store) -> None:
        """Rewrite the site's state file atomically (after the run's landing parts are written)."""
        store.write_bytes(state_key(self.site_id), self.to_bytes())

    @classmethod
    def load(
        cls, store: Store, site_id: str, *, run_id: str | None = None, now: datetime | None = None
    ) -> SiteState:
        """The saved state, caught up with parts landed since; rebuilt from landing if missing.
        `run_id`: the loading run (its own rows, from an attempt that was killed, are folded);
        `now`: its clock (a run with no row since `RUN_DEAD_AFTER` before it is dead)."""
        state, loaded_sha = cls._read_file(store, site_id)
        if state is None:
            state = cls.rebuild(store, site_id, run_id=run_id, now=now)
        else:
            state._catch_up(store, run_id=run_id, now=now)
        state.loaded_sha = loaded_sha
        return state

    @classmethod
    def _read_file(cls, store: Store, site_id: str) -> tuple[SiteState | None, str | None]:
        """(the saved state or None when missing or unusable, the hash of the file's bytes)."""
        try:
            data = store.read_bytes(state_key(site_id))
        except FileNotFoundError:
            return None, None
        except OSError as exc:
            log.warning("state of %s unreadable (%s); rebuilding it from landing", site_id, exc)
            return None, None
        sha = hashlib.sha256(data).hexdigest()
        try:
            state = cls.from_bytes(data)
        except (OSError, EOFError, ValueError, KeyError, TypeError) as exc:
            log.warning("state of %s unreadable (%s); rebuilding it from landing", site_id, exc)
            return None, sha
        if state.site_id != site_id:
            log.warning("state file of %s names site %s; rebuilding it from landing", site_id, state.site_id)
            return None, sha
        return state, sha

    def saved_since_load(self, store: Store) -> bool:
        """Whether the state file is no longer the one this state was loaded from (another run
        saved it meanwhile)."""
        try:
            data = store.read_bytes(state_key(self.site_id))
        except FileNotFoundError:
            return self.loaded_sha is not None
        return hashlib.sha256(data).hexdigest() != self.loaded_sha

    def merged(self, store: Store, run_id: str, crawl_date: str, *, now: datetime | None = None) -> SiteState:
        """This run's state merged with what other runs saved or landed since it was loaded: the
        file as it is now, caught up from landing (this run's rows included), then this run's
        checks and what else only this run's memory holds. Called under the site's landing mutex
        (`PageSettler.exclusive`), after this run's parts and crawl_runs row are landed.

        Like every fold, it leaves the rows of another run that is not over (`_waiting`) for a
        later catch-up, and `last_crawl_date` at their night so that catch-up finds them.
        """
        fresh, _ = self._read_file(store, self.site_id)
        since: str | None = None
        if fresh is None:
            fresh = SiteState(self.site_id)
        elif fresh.last_crawl_date is not None:
            since = min(fresh.last_crawl_date, crawl_date)
        fresh._fold(store, since=since, mine=run_id, now=now)
        for check in self.checks:
            st = fresh.urls.get(check.url)
            newest = max(filter(None, (st.checked_at, st.fetched_at)), default=None) if st else None
            if st is not None and st.latest_sha and (newest is None or check.at > newest):
                fresh._apply_check(check)  # an older check than the other run's news says nothing
        for url, st in self.urls.items():  # discovered, left for a later night by the budget
            if st.latest_sha is None and not fresh.known(url):
                fresh.urls[url] = UrlState(url, first_seen=st.first_seen)
        fresh.listings_walked = fresh.listings_walked or self.listings_walked
        fresh.registry_sha = self.registry_sha or fresh.registry_sha
        fresh.note_run(run_id, crawl_date)
        fresh.checks = list(self.checks)
        return fresh

    @classmethod
    def rebuild(
        cls, store: Store, site_id: str, *, run_id: str | None = None, now: datetime | None = None
    ) -> SiteState:
        """Derive the state from the site's landing partitions alone (landing is the truth).
        Scheduling is approximate: 304s are counts, not rows, so checks they made are not replayed."""
        state = cls(site_id)
        state._fold(store, since=None, mine=run_id, now=now)
        return state

    def _catch_up(self, store: Store, *, run_id: str | None = None, now: datetime | None = None) -> None:
        """Fold parts of runs the file does not know yet, on nights from the last one known (or
        from the loading run's own night, older when it is a retry of a run folded already)."""
        since = self.last_crawl_date
        if run_id in self.runs and since is not None:
            since = min(since, crawl_date_of(run_id, now))
        self._fold(store, since=since, mine=run_id, now=now)

    def _fold(self, store: Store, *, since: str | None, mine: str | None, now: datetime | None) -> None:
        """Fold the landed rows, on nights from `since`, of runs not folded yet (not in `runs`)
        that are over or are `mine` (`_waiting`); the nights of rows left out set `waiting_since`.
        Of `mine` (a retry under its run id, folded already as dead or by an earlier attempt), the
        rows newer than its `run_times` are not folded yet: those the retry landed."""
        skip = set(self.runs)
        resumed = self.run_times.get(mine) if mine in skip else None
        opened = skip - {mine} if resumed is not None else skip

        def new(row: dict[str, Any]) -> bool:
            run = row.get("run_id")
            if run not in skip:
                return True
            at = _row_time(row)
            return run == mine and resumed is not None and at is not None and at > resumed

        def read(table: str, schema: pa.Schema, columns: list[str]) -> list[dict[str, Any]]:
            rows = read_site_rows(store, table, self.site_id, schema, columns, since=since, skip_runs=opened)
            return [r for r in rows if new(r)]  # compacted parts hold every run

        pages = read("pages", PAGES_SCHEMA, PAGE_COLUMNS)
        errors = read("fetch_errors", FETCH_ERRORS_SCHEMA, ERROR_COLUMNS)
        docs = read("documents", DOCUMENTS_SCHEMA, DOCUMENT_COLUMNS)
        waiting = self._waiting(store, pages + errors + docs, mine=mine, now=now or datetime.now(UTC))
        if waiting:
            left = [r["_night"] for r in pages + errors + docs if r.get("run_id") in waiting]
            self.waiting_since = min(filter(None, (self.waiting_since, *left)))
            log.info(
                "%s: rows of %d run(s) still landing left for a later catch-up", self.site_id, len(waiting)
            )
            pages, errors, docs = (
                [r for r in rows if r.get("run_id") not in waiting] for rows in (pages, errors, docs)
            )
            if self.last_crawl_date is not None and self.last_crawl_date > self.waiting_since:
                self.last_crawl_date = self.waiting_since
        if not (pages or errors or docs):
            return
        log.info(
            "%s: folding %d page, %d error, %d document rows from landing",
            self.site_id,
            len(pages),
            len(errors),
            len(docs),
        )
        self.apply_pages(sorted(pages, key=lambda r: _sort_time(r.get("fetched_at"))), landed=True)
        self.apply_errors(sorted(errors, key=lambda r: _sort_time(r.get("occurred_at"))))
        self.apply_documents(sorted(docs, key=lambda r: _sort_time(r.get("fetched_at"))))
        for row in pages + errors + docs:
            if row.get("run_id"):
                self.note_run(row["run_id"], row["_night"])

    def _waiting(
        self, store: Store, rows: list[dict[str, Any]], *, mine: str | None, now: datetime
    ) -> set[str]:
        """The one rule of every fold: the runs of `rows` that are not over yet. A run is over once
        it has landed its crawl_runs row (its last landing) or is dead: no row of it newer than
        `RUN_DEAD_AFTER` before `now` (killed; an Airflow retry under the same run id comes
        sooner). `mine`, the folding run itself, is never waited for (it resumes its own rows)."""
        newest: dict[str, datetime] = {}
        for row in rows:
            run = row.get("run_id")
            if not run or run == mine:
                continue
            newest[run] = max(newest.get(run, _sort_time(None)), _sort_time(_row_time(row)))
        alive = {run for run, at in newest.items() if at > now - RUN_DEAD_AFTER}
        if not alive:  # the common case (no other run's rows, or only dead ones): no more reads
            return set()
        nights = [r["_night"] for r in rows if r.get("run_id") in alive]
        finished = read_site_rows(
            store,
            "crawl_runs",
            self.site_id,
            CRAWL_RUNS_SCHEMA,
            ["run_id"],
            since=min(nights),
            skip_runs=set(self.runs),
        )
        return alive - {r["run_id"] for r in finished}


def _url_doc(st: UrlState) -> dict[str, Any]:
    doc: dict[str, Any] = {"url": st.url, "versions": st.versions}
    for key in (
        "latest_sha",
        "latest_version",
        "text_sha",
        "etag",
        "last_modified",
        "encoding",
        "content_type",
        "final_url",
        "published_at",
        "stable",
        "run_id",
    ):
        value = getattr(st, key)
        if value not in (None, 0):
            doc[key] = value
    for key in _TIMES:
        value = getattr(st, key)
        if value is not None:
            doc[key] = value.isoformat()
    if st.documents:
        doc["documents"] = sorted(st.documents)
    return doc


def _row_time(row: dict[str, Any]) -> datetime | None:
    """The newest of a landed row's times that show its run alive (`_ROW_TIMES`), or None."""
    return max((t for key in _ROW_TIMES if (t := row.get(key)) is not None), default=None)


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _sort_time(value: datetime | None) -> datetime:
    return value if value is not None else datetime.min.replace(tzinfo=UTC)
