"""A small, realistic landing (pages, documents, crawl runs, sites) written through ingest.land."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ingest.land import (
    CRAWL_RUNS_SCHEMA,
    DOCUMENTS_SCHEMA,
    FETCH_ERRORS_SCHEMA,
    PAGES_SCHEMA,
    land_part,
    land_sites,
)
from ingest.paths import DataPaths
from ingest.sites import Site

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"

SITES = [
    Site(
        id="xuan-phu",
        commune="Xuân Phú",
        district="Thọ Xuân",
        province="Thanh Hóa",
        family="thanhhoa",
        base_url="http://127.0.0.1:8765/xuanphu",
        listing_urls=("/web/trang-chu/tin-tuc-su-kien.html",),
    ),
    Site(
        id="loc-quang",
        commune="Lộc Quảng",
        district="Bảo Lâm",
        province="Lâm Đồng",
        family="generic",
        base_url="http://127.0.0.1:8765/locquang",
        listing_urls=("/",),
    ),
    Site(
        id="binh-thanh-dong",
        commune="Bình Thạnh Đông",
        district="Phú Tân",
        province="An Giang",
        family="liferay",
        base_url="http://127.0.0.1:8765/binhthanhdong",
        listing_urls=("/web/xa-binh-thanh-dong/tin-tuc",),
    ),
]


@dataclass
class Doc:
    """One cleaned document version to land, as the cleaner would land it."""

    site_id: str
    url: str
    text: str
    title: str | None = None
    published_at: str | None = None
    clean_version: str = "1"
    neardup_group: str | None = None
    version: int = 1
    change: str = "new"
    content_sha256: str = field(default="")

    def __post_init__(self) -> None:
        if not self.content_sha256:
            # stands in for the hash of the raw HTML the text was cleaned from
            self.content_sha256 = hashlib.sha256(f"{self.url}\n{self.text}".encode()).hexdigest()


def seed_text(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def seed_docs() -> list[Doc]:
    """The three real seed documents, one per site."""
    return [
        Doc(
            "xuan-phu",
            "http://127.0.0.1:8765/xuanphu/web/trang-chu/tin-tuc-su-kien/bao-cao-6-thang-dau-nam-2023.html",
            seed_text("xuan-phu-portal-page-2023-h1.txt"),
            title="Báo cáo Tình hình, kết quả thực hiện công tác 6 tháng đầu năm 2023",
            published_at="2023-08-13T22:14:53+07:00",
        ),
        Doc(
            "loc-quang",
            "http://127.0.0.1:8765/locquang/thong-bao-ket-luan-6-thang-2023/",
            seed_text("loc-quang-notice-2023-h1.txt"),
            title="Thông báo kết quả làm việc đối với Đảng ủy xã Lộc Quảng",
            published_at="2023-08-10T08:00:00+07:00",
        ),
        Doc(
            "binh-thanh-dong",
            "http://127.0.0.1:8765/binhthanhdong/web/xa-binh-thanh-dong/xem-chi-tiet/-/asset_publisher/bao-cao-nhiem-ky",
            seed_text("binh-thanh-dong-term-report-2020-2025.txt"),
            title="Báo cáo kết quả thực hiện Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2020 - 2025",
            published_at="2025-06-20T09:30:00+07:00",
        ),
    ]


def land(
    paths: DataPaths,
    docs: Iterable[Doc],
    *,
    run_id: str,
    at: datetime,
    sites: list[Site] | None = None,
    crawl_runs: bool = True,
    errors: Iterable[tuple[str, str]] = (),
) -> None:
    """Land one crawl run: sites, pages and documents of `docs`, crawl runs, fetch errors (site, url)."""
    paths.ensure()
    docs = list(docs)
    sites = SITES if sites is None else sites
    day = f"{at:%Y-%m-%d}"
    store = paths.store

    def write(table, schema, rows, clean_version=None):
        """One part per site, as the crawler lands them."""
        by_site: dict[str, list[dict]] = {}
        for row in rows:
            by_site.setdefault(row["site_id"], []).append(row)
        for site_id, mine in by_site.items():
            land_part(
                store,
                table,
                schema,
                mine,
                crawl_date=day,
                site_id=site_id,
                name=run_id,
                clean_version=clean_version,
            )

    if sites:
        land_sites(paths, sites, run_id=run_id, at=at)
    pages, documents = [], []
    for i, d in enumerate(docs):
        fetched = at + timedelta(seconds=i)
        pages.append(
            {
                "run_id": run_id,
                "site_id": d.site_id,
                "url": d.url,
                "final_url": d.url,
                "fetched_at": fetched,
                "status": 200,
                "change": d.change,
                "content_sha256": d.content_sha256,
                "version": d.version,
                "bytes": len(d.text.encode()),
                "encoding": "utf-8",
                "content_type": "text/html; charset=utf-8",
            }
        )
        documents.append(
            {
                "content_sha256": d.content_sha256,
                "clean_version": d.clean_version,
                "run_id": run_id,
                "site_id": d.site_id,
                "url": d.url,
                "final_url": d.url,
                "fetched_at": fetched,
                "version": d.version,
                "title": d.title,
                "published_at": d.published_at,
                "text": d.text,
                "text_sha256": hashlib.sha256(d.text.encode()).hexdigest(),
                "footnotes_json": "{}",
                "warnings_json": "[]",
                "neardup_group": d.neardup_group or d.content_sha256,
                "minhash": [],
                "cleaned_at": fetched,
            }
        )
    write("pages", PAGES_SCHEMA, pages)
    by_version: dict[str, list[dict]] = {}
    for row in documents:
        by_version.setdefault(row["clean_version"], []).append(row)
    for clean_version, rows in by_version.items():
        write("documents", DOCUMENTS_SCHEMA, rows, clean_version)
    errors = list(errors)
    write(
        "fetch_errors",
        FETCH_ERRORS_SCHEMA,
        [
            {
                "run_id": run_id,
                "site_id": site_id,
                "url": url,
                "error_class": "http_5xx",
                "message": "503 Service Unavailable",
                "status": 503,
                "attempt": 1,
                "occurred_at": at,
            }
            for site_id, url in errors
        ],
    )
    if crawl_runs:
        runs = []
        for site in sites:
            mine = [p for p in pages if p["site_id"] == site.id]
            failed = [e for e in errors if e[0] == site.id]
            runs.append(
                {
                    "run_id": run_id,
                    "site_id": site.id,
                    "started_at": at - timedelta(minutes=1),
                    "finished_at": at + timedelta(minutes=5),
                    "pages_seen": len(mine),
                    "pages_new": sum(p["change"] == "new" for p in mine),
                    "pages_changed": sum(p["change"] == "changed" for p in mine),
                    "pages_unchanged": sum(p["change"] in ("unchanged", "not_modified") for p in mine),
                    "pages_failed": len(failed),
                    "requests": len(mine) + len(failed) + 1,
                }
            )
        write("crawl_runs", CRAWL_RUNS_SCHEMA, runs)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def rows_of(paths: DataPaths, table: str) -> list[dict]:
    """Every landed row of a landing table (any store), as the warehouse reads them, with the
    `crawl_date` and `site` of the partition each came from."""
    import duckdb

    from ingest.paths import landing_glob

    store = paths.store
    if not store.files(f"landing/{table}", suffix=".parquet"):
        return []
    con = duckdb.connect()
    store.register(con)
    try:
        rel = con.sql(
            f"select * from read_parquet('{store.uri(landing_glob(table))}', union_by_name = true, "
            "hive_partitioning = true, hive_types_autocast = false)"
        )
        return rel.to_arrow_table().to_pylist()
    finally:
        con.close()


def part_keys(paths: DataPaths, table: str) -> list[str]:
    """Store keys of every part of a landing table."""
    return [k for k in paths.store.files(f"landing/{table}", suffix=".parquet")]
