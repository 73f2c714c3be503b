"""Layout of a data directory and of its store: raw HTML, landing Parquet, crawl state, warehouse files.

Two roots. The **store** (`--store` / `$XAETL_STORE`; default: the data directory itself) holds
what crawl workers on several hosts share: `raw/`, `landing/`, `state/`, `neardup/`, `locks/`,
on local disk or `s3://bucket/prefix` (see `ingest.storage`). The local **data directory**
holds what one host's warehouse build owns: the DuckDB file dbt writes, the published copy,
Great Expectations, dbt target and logs.

Landing is partitioned so that one night and one site are found without listing the rest:
`landing/<table>/crawl_date=YYYY-MM-DD/site=<site_id>/part-<run_id>[~n].parquet` (documents and
blocks first by `clean_version=V/`). One part per site per run per table; a compaction merges
an old night's parts into `site=_all/`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ingest.storage import Store

REPO_ROOT = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = REPO_ROOT / "dbt"
STORE_ENV = "XAETL_STORE"

LANDING = "landing"
TABLES = ("pages", "fetch_errors", "documents", "blocks", "crawl_runs", "sites", "neardup_groups")
VERSIONED_TABLES = ("documents", "blocks")  # partitioned by clean_version first
COMPACTED_SITE = "_all"  # the site partition of a night whose parts were compacted


def landing_dir(table: str, clean_version: str | None = None) -> str:
    if table not in TABLES:
        raise ValueError(f"unknown landing table {table!r}")
    if table in VERSIONED_TABLES:
        if clean_version is None:
            return f"{LANDING}/{table}"
        return f"{LANDING}/{table}/clean_version={clean_version}"
    return f"{LANDING}/{table}"


def landing_key(
    table: str, *, crawl_date: str, site_id: str, name: str, clean_version: str | None = None
) -> str:
    """The store key of one landing part."""
    if table in VERSIONED_TABLES and clean_version is None:
        raise ValueError(f"landing table {table!r} needs a clean_version")
    return f"{landing_dir(table, clean_version)}/crawl_date={crawl_date}/site={site_id}/part-{name}.parquet"


def landing_glob(table: str) -> str:
    """Glob of every part of a table, relative to the store (DuckDB reads it)."""
    depth = "*/*/*" if table in VERSIONED_TABLES else "*/*"
    return f"{landing_dir(table)}/{depth}/part-*.parquet"


def raw_key(content_sha256: str) -> str:
    """Content-addressed raw HTML: `raw/<sha256[:2]>/<sha256>.html.gz`."""
    return f"raw/{content_sha256[:2]}/{content_sha256}.html.gz"


def state_key(site_id: str) -> str:
    """A site's compact crawl state, rewritten after each of its runs."""
    return f"state/sites/{site_id}.json.gz"


@dataclass(frozen=True)
class DataPaths:
    """Every place the pipeline reads or writes for one data directory and its store.

    Only `ingest.land` writes under `raw/` and `landing/`; only the dbt build writes
    `warehouse/build.duckdb`; readers open `published/warehouse.duckdb` and nothing else.
    """

    root: Path
    store_url: str | None = None  # None: the data directory itself

    @classmethod
    def at(cls, root: str | Path, store: str | None = None) -> DataPaths:
        url = store or os.environ.get(STORE_ENV) or None
        return cls(Path(root).expanduser().resolve(), Store.at(url).url if url else None)

    @property
    def store(self) -> Store:
        return Store.at(self.store_url or self.root)

    @property
    def shared_is_local(self) -> bool:
        return self.store.is_local

    def landing_uri(self, table: str | None = None) -> str:
        """URL of the landing root (or one table) as DuckDB reads it."""
        return self.store.uri(landing_dir(table) if table else LANDING)

    # -- local paths (valid when the store is the data directory, the embedded default) -------
    @property
    def raw(self) -> Path:
        """Content-addressed raw HTML: `raw/<sha256[:2]>/<sha256>.html.gz`."""
        return self.root / "raw"

    @property
    def landing(self) -> Path:
        return self.root / LANDING

    @property
    def pages(self) -> Path:
        """Crawl log: one row per article fetch that returned a body (304s are counts in crawl_runs)."""
        return self.landing / "pages"

    @property
    def fetch_errors(self) -> Path:
        """Failed fetches, read back by the next run to retry them."""
        return self.landing / "fetch_errors"

    @property
    def documents(self) -> Path:
        """Cleaned text per page version: `clean_version=N/crawl_date=.../site=.../part-*.parquet`."""
        return self.landing / "documents"

    @property
    def blocks(self) -> Path:
        """Blocks (heading, paragraph, list item, footnote, table cell) with offsets."""
        return self.landing / "blocks"

    @property
    def crawl_runs(self) -> Path:
        """One row per site per run: counts of pages seen / new / changed / not modified / failed."""
        return self.landing / "crawl_runs"

    # -- local to the host that builds the warehouse -------------------------------------------
    @property
    def warehouse(self) -> Path:
        """The file dbt writes. Nobody else opens it."""
        return self.root / "warehouse" / "build.duckdb"

    @property
    def published(self) -> Path:
        """The read-only copy analysts and BI tools open."""
        return self.root / "published" / "warehouse.duckdb"

    @property
    def published_parquet(self) -> Path:
        return self.root / "published" / "parquet"

    @property
    def gx(self) -> Path:
        """Great Expectations project dir (Data Docs: `gx/uncommitted/data_docs/local_site/index.html`)."""
        return self.root / "gx"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def ensure(self) -> DataPaths:
        for p in (self.warehouse.parent, self.published.parent, self.logs):
            p.mkdir(parents=True, exist_ok=True)
        self.store.ensure("raw", *(landing_dir(t) for t in TABLES), "state/sites")
        return self
