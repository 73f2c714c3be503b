"""Incremental crawl state of a site, derived from the landing files: validators, versions, failures."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ingest.land import DOCUMENTS_SCHEMA, FETCH_ERRORS_SCHEMA, PAGES_SCHEMA, parts
from ingest.paths import DataPaths

log = logging.getLogger(__name__)

PAGE_COLUMNS = [
    "run_id",
    "url",
    "final_url",
    "fetched_at",
    "content_sha256",
    "version",
    "etag",
    "last_modified",
    "encoding",
    "content_type",
]
ERROR_COLUMNS = ["run_id", "url", "error_class", "attempt", "occurred_at", "kind"]
DOCUMENT_COLUMNS = ["url", "content_sha256", "fetched_at"]
# Classes that a later run cannot fix by trying again.
PERMANENT_ERRORS = frozenset({"unsupported_type", "invalid_url"})


@dataclass
class UrlState:
    """What the landing knows about one article URL."""

    url: str
    versions: dict[str, int] = field(default_factory=dict)  # content_sha256 -> version
    latest_sha: str | None = None
    latest_version: int = 0
    etag: str | None = None
    last_modified: str | None = None
    encoding: str | None = None
    content_type: str | None = None
    final_url: str | None = None
    fetched_at: datetime | None = None
    run_id: str | None = None


@dataclass(frozen=True)
class Failure:
    """The latest unrecovered error of a URL."""

    url: str
    error_class: str
    attempts: int  # runs in a row that failed on this URL
    occurred_at: datetime


def _read(directory: Path, schema: pa.Schema, columns: list[str], site_id: str) -> list[dict]:
    # Plain ParquetFile reads, not pyarrow.dataset: the dataset module imports pandas, which would
    # cost the crawler ~50 MB of memory for nothing.
    tables = []
    for part in parts(directory):
        try:
            file = pq.ParquetFile(part)
        except (OSError, pa.ArrowInvalid) as exc:  # a foreign or broken file: skip it, loudly
            log.warning("skipping unreadable landing part %s: %s", part, exc)
            continue
        present = [c for c in columns if c in file.schema_arrow.names]
        table = file.read(columns=sorted({*present, "site_id"}))
        table = table.filter(pc.equal(table["site_id"], site_id))
        # Part files written before a column was added read it as null.
        for name in columns:
            if name not in present:
                table = table.append_column(
                    schema.field(name), pa.nulls(table.num_rows, schema.field(name).type)
                )
        tables.append(table.select(columns).cast(pa.schema([schema.field(c) for c in columns])))
    if not tables:
        return []
    table = pa.concat_tables(tables)
    if table.num_rows == 0:
        return []
    order = "fetched_at" if "fetched_at" in columns else "occurred_at"
    return table.sort_by(order).to_pylist()


@dataclass
class CrawlState:
    """State of one site. The landing is the truth; this is a view of it, updated as a run goes."""

    site_id: str
    urls: dict[str, UrlState] = field(default_factory=dict)
    failures: dict[str, Failure] = field(default_factory=dict)
    # (url, content_sha256) of every landed document (any clean version); None: not loaded.
    documented: set[tuple[str, str]] | None = None
    clean_failures: dict[str, int] = field(default_factory=dict)  # url -> clean failures recorded

    @classmethod
    def load(cls, paths: DataPaths, site_id: str, *, documents: bool = False) -> CrawlState:
        """The state of `site_id`; with `documents`, also which landed versions have a document."""
        state = cls(site_id)
        state.apply_pages(_read(paths.pages, PAGES_SCHEMA, PAGE_COLUMNS, site_id))
        errors = _read(paths.fetch_errors, FETCH_ERRORS_SCHEMA, ERROR_COLUMNS, site_id)
        state.apply_errors(e for e in errors if e.get("kind") in (None, "article"))
        if documents:
            rows = _read(paths.documents, DOCUMENTS_SCHEMA, DOCUMENT_COLUMNS, site_id)
            state.documented = {(r["url"], r["content_sha256"]) for r in rows}
            for e in errors:
                if e.get("kind") == "clean":
                    state.clean_failures[e["url"]] = state.clean_failures.get(e["url"], 0) + 1
        return state

    def apply_pages(self, rows: Iterable[dict]) -> None:
        """Fold page rows (oldest first) into the state."""
        for row in rows:
            st = self.urls.setdefault(row["url"], UrlState(row["url"]))
            sha = row.get("content_sha256")
            if sha:
                # The first version recorded for a hash is its version; a replay cannot renumber it.
                st.versions.setdefault(sha, int(row.get("version") or len(st.versions) + 1))
                st.latest_sha = sha
                st.latest_version = st.versions[sha]
            for key in (
                "etag",
                "last_modified",
                "encoding",
                "content_type",
                "final_url",
                "fetched_at",
                "run_id",
            ):
                if row.get(key) is not None:
                    setattr(st, key, row[key])
            failure = self.failures.get(row["url"])
            if failure and st.fetched_at and st.fetched_at >= failure.occurred_at:
                del self.failures[row["url"]]

    def apply_errors(self, rows: Iterable[dict]) -> None:
        """Fold error rows (oldest first): an error after the URL's last good fetch is unrecovered."""
        for row in rows:
            st = self.urls.get(row["url"])
            if st and st.fetched_at and st.fetched_at >= row["occurred_at"]:
                continue
            self.failures[row["url"]] = Failure(
                row["url"], row["error_class"], int(row.get("attempt") or 1), row["occurred_at"]
            )

    # -- queries ------------------------------------------------------------------------------

    def known(self, url: str) -> bool:
        return url in self.urls or url in self.failures

    def validators(self, url: str) -> tuple[str | None, str | None]:
        st = self.urls.get(url)
        if st is None or st.latest_sha is None:
            return None, None
        return st.etag, st.last_modified

    def done_in_run(self, run_id: str) -> set[str]:
        """URLs already landed by this run id (a replay of the same run skips them)."""
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
        """(change, version) of content just fetched at `url`: new, changed or unchanged."""
        st = self.urls.get(url)
        if st is None or st.latest_sha is None:
            return "new", 1
        if content_sha256 == st.latest_sha:
            return "unchanged", st.latest_version
        if content_sha256 in st.versions:  # back to an earlier content: its version, no new one
            return "changed", st.versions[content_sha256]
        return "changed", max(st.versions.values()) + 1

    def uncleaned(self) -> list[UrlState]:
        """URLs whose latest landed version has no document (its cleaning failed, or the crawl
        that landed it did not clean): the crawler re-cleans them from raw, without refetching."""
        if self.documented is None:
            return []
        return [
            st
            for st in self.urls.values()
            if st.latest_sha and (st.url, st.latest_sha) not in self.documented
        ]

    def latest(self, url: str) -> UrlState | None:
        return self.urls.get(url)

    def record_page(self, row: dict) -> None:
        self.apply_pages([row])

    def record_error(self, url: str, error_class: str, attempt: int, occurred_at: datetime) -> None:
        self.failures[url] = Failure(url, error_class, attempt, occurred_at)
