"""Layout of a data directory: raw HTML, landing Parquet, warehouse files, reports and logs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = REPO_ROOT / "dbt"


@dataclass(frozen=True)
class DataPaths:
    """Every place the pipeline reads or writes under one data directory.

    Only `ingest.land` writes under `raw/` and `landing/`; only the dbt build writes
    `warehouse/build.duckdb`; readers open `published/warehouse.duckdb` and nothing else.
    """

    root: Path

    @classmethod
    def at(cls, root: str | Path) -> DataPaths:
        return cls(Path(root).expanduser().resolve())

    @property
    def raw(self) -> Path:
        """Content-addressed raw HTML: `raw/<sha256[:2]>/<sha256>.html.gz`."""
        return self.root / "raw"

    @property
    def landing(self) -> Path:
        return self.root / "landing"

    @property
    def pages(self) -> Path:
        """Crawl log: one row per fetched article per run, `crawl_date=YYYY-MM-DD/part-*.parquet`."""
        return self.landing / "pages"

    @property
    def fetch_errors(self) -> Path:
        """Failed fetches, read back by the next run to retry them."""
        return self.landing / "fetch_errors"

    @property
    def documents(self) -> Path:
        """Cleaned text per page version: `clean_version=N/crawl_date=.../part-*.parquet`."""
        return self.landing / "documents"

    @property
    def blocks(self) -> Path:
        """Blocks (heading, paragraph, list item, footnote, table cell) with offsets."""
        return self.landing / "blocks"

    @property
    def crawl_runs(self) -> Path:
        """One row per site per run: counts of pages seen / new / changed / failed."""
        return self.landing / "crawl_runs"

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
        for p in (
            self.raw,
            self.pages,
            self.fetch_errors,
            self.documents,
            self.blocks,
            self.crawl_runs,
            self.warehouse.parent,
            self.published.parent,
            self.logs,
        ):
            p.mkdir(parents=True, exist_ok=True)
        return self
