"""Small hand-built build warehouses (docs/marts.md columns) and landing pages for the checks."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from ingest.land import PAGES_SCHEMA, land_part
from ingest.paths import DataPaths


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


BASE = "http://127.0.0.1:8765"
DOCS = [
    # (url, site_id, commune_id, issue_date, title)
    (f"{BASE}/xuanphu/bao-cao-6-thang-2023.html", "xuan-phu", "c-xuan-phu", "2023-07-05", "Báo cáo 6 tháng"),
    (f"{BASE}/locquang/thong-bao-2023.html", "loc-quang", "c-loc-quang", "2023-07-20", "Thông báo kết luận"),
    (f"{BASE}/binhthanhdong/nhiem-ky.html", "binh-thanh-dong", "c-binh-thanh-dong", "2025-05-10", "Nhiệm kỳ"),
]

# (doc index, indicator, indicator_id, value, unit,
#  base_value, base_unit, plan_pct, yoy_pct, kind, period)
MENTIONS = [
    (0, "thu nhập bình quân đầu người", "income_per_capita", 67.0, "triệu đồng",
     67e6, "VND/person/year", None, 114.0, "actual", "2023-H1"),
    (0, "tổng thu ngân sách", "budget_revenue", 6150.0, "triệu đồng",
     6.15e9, "VND", 45.7, None, "actual", "2023-H1"),
    (0, "tỷ lệ hộ nghèo", "poverty_rate", 2.1, "%",
     2.1, "%", None, None, "actual", "2023-H1"),
    (1, "sản lượng lương thực", "food_output", 24.0, "nghìn tấn",
     24000.0, "t", 111.6, 103.0, "actual", "2023-H1"),
    (1, "diện tích lúa", "rice_area", 927.0, "ha",
     927.0, "ha", None, None, "actual", "2023"),
    (2, "thu nhập bình quân đầu người", "income_per_capita", 80.0, "triệu đồng",
     80e6, "VND/person/year", None, None, "target", "term-2025-2030"),
    (2, "tỷ lệ che phủ rừng", None, 45.5, "%",
     45.5, "%", None, None, "actual", "term-2020-2025"),
    (2, "số doanh nghiệp", "enterprises", 16.0, "doanh nghiệp",
     16.0, "count", None, None, "actual", "as-of:2024-12-31"),
]  # fmt: skip

PERIODS = [
    ("2023", "year", "2023-01-01", "2023-12-31"),
    ("2023-H1", "half", "2023-01-01", "2023-06-30"),
    ("term-2020-2025", "term", "2020-01-01", "2025-12-31"),
    ("term-2025-2030", "term", "2025-01-01", "2030-12-31"),
    ("as-of:2024-12-31", "as_of", "2024-12-31", "2024-12-31"),
]


def _term(period: str) -> str | None:
    if period.startswith("term-"):
        return period[5:14]
    return "2020-2025"


def mention_rows(extra: int = 0) -> list[dict]:
    """The good mentions, plus `extra` copies (distinct offsets) to make a bigger build."""
    rows = []
    specs = list(MENTIONS) + [MENTIONS[i % len(MENTIONS)] for i in range(extra)]
    for n, (d, ind, ind_id, value, unit, base, base_unit, plan, yoy, kind, period) in enumerate(specs):
        url, site, commune, issue, _ = DOCS[d]
        content = sha(url)
        start, end = 100 * n, 100 * n + 60
        rows.append(
            {
                "mention_id": md5(f"{content}|1|{start}|{end}|{ind}"),
                "document_version_id": f"{content}:1",
                "document_id": md5(url),
                "content_sha256": content,
                "site_id": site,
                "commune_id": commune,
                "term_id": _term(period),
                "url": url,
                "fetched_at": datetime(2025, 6, 1, 1, 0, tzinfo=UTC),
                "issue_date": issue,
                "neardup_group": content,
                "indicator": ind,
                "indicator_id": ind_id,
                "value": value,
                "value_high": None,
                "of_total": None,
                "unit": unit,
                "base_value": base,
                "base_unit": base_unit,
                "plan_pct": plan,
                "yoy_pct": yoy,
                "approx": False,
                "kind": kind,
                "period": period,
                "quote": f"{ind} đạt {value} {unit}",
                "start": start,
                "end": end,
            }
        )
    return rows


MENTIONS_DDL = """
create table fct_indicator_mentions (
  mention_id varchar, document_version_id varchar, document_id varchar, content_sha256 varchar,
  site_id varchar, commune_id varchar, term_id varchar, url varchar, fetched_at timestamptz,
  issue_date date, neardup_group varchar, indicator varchar, indicator_id varchar, value double,
  value_high double, of_total double, unit varchar, base_value double, base_unit varchar,
  plan_pct double, yoy_pct double, approx boolean, kind varchar, period varchar, quote varchar,
  start integer, "end" integer)
"""

OTHER_DDL = [
    """create table fct_commune_indicators as
       select commune_id, term_id, period,
              coalesce(indicator_id, 'unmapped:' || indicator) as indicator_key, indicator_id, kind,
              any_value(value) as value, any_value(value_high) as value_high,
              max(base_value) as base_value, any_value(base_unit) as base_unit,
              any_value(plan_pct) as plan_pct, any_value(yoy_pct) as yoy_pct,
              count(*)::int as n_mentions, count(distinct document_id)::int as n_documents,
              min(base_value) <> max(base_value) as has_conflict,
              min(mention_id) as winning_mention_id, min(document_id) as winning_document_id,
              min(base_value) as min_base_value, max(base_value) as max_base_value
       from fct_indicator_mentions group by all""",
    """create table dim_commune as
       select distinct commune_id, upper(replace(commune_id, 'c-', '')) as commune_name,
              'Thọ Xuân' as district_name, 'Thanh Hóa' as province_name, '16000' as official_code,
              true as is_resolved, null::varchar as successor_code, null::varchar as successor_name,
              null::varchar as successor_province, min(fetched_at) as first_seen_at
       from fct_indicator_mentions group by commune_id""",
    """create table dim_document as
       select document_version_id, any_value(document_id) as document_id, any_value(site_id) as site_id,
              any_value(commune_id) as commune_id, any_value(url) as url, 'Báo cáo' as title,
              'bao_cao' as doc_type, null::varchar as doc_number, any_value(issue_date) as issue_date,
              null::varchar as published_at, any_value(fetched_at) as fetched_at,
              any_value(content_sha256) as content_sha256, '1' as clean_version, 1 as version,
              any_value(neardup_group) as neardup_group, true as is_canonical
       from fct_indicator_mentions group by document_version_id""",
    # What the hollow-build totals read besides the marts: document texts and registered sites.
    """create table stg_landing__documents as
       select document_version_id, 'Báo cáo kết quả thực hiện nhiệm vụ 6 tháng đầu năm.' as document_text
       from dim_document""",
    """create table int_sites_latest as
       select distinct site_id, true as is_registered from dim_document""",
    """create table dim_indicator as
       select * from (values
         ('income_per_capita', 'thu nhập bình quân đầu người', '[]', 'economy', 'VND/person/year', true),
         ('budget_revenue', 'tổng thu ngân sách', '[]', 'budget', 'VND', true),
         ('poverty_rate', 'tỷ lệ hộ nghèo', '[]', 'social', '%', false),
         ('food_output', 'sản lượng lương thực', '[]', 'agriculture', 't', true),
         ('rice_area', 'diện tích lúa', '[]', 'agriculture', 'ha', true),
         ('enterprises', 'số doanh nghiệp', '[]', 'economy', 'count', true)
       ) t(indicator_id, name_vi, synonyms, theme, base_unit, higher_is_better)""",
    """create table dim_term as
       select * from (values ('2020-2025', 2020, 2025), ('2025-2030', 2025, 2030))
       t(term_id, start_year, end_year)""",
    """create table fct_site_crawls as
       select * from (values
         ('xuan-phu', 'r1', timestamptz '2025-06-01 01:00:00+00', timestamptz '2025-06-01 01:05:00+00',
          10, 2, 1, 7, 0, timestamptz '2025-06-01 01:05:00+00', 3))
       t(site_id, run_id, started_at, finished_at, pages_seen, pages_new, pages_changed, pages_unchanged,
         pages_failed, last_success_at, days_since_last_published)""",
]


def write_build(path: Path, mentions: list[dict] | None = None) -> Path:
    """Create (or replace) a build warehouse at `path` with every mart, from these mentions."""
    mentions = mention_rows() if mentions is None else mentions
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    try:
        con.execute(MENTIONS_DDL)
        columns = list(mentions[0]) if mentions else []
        if mentions:
            placeholders = ", ".join("?" for _ in columns)
            con.executemany(
                f"insert into fct_indicator_mentions values ({placeholders})",
                [[row[c] for c in columns] for row in mentions],
            )
        for ddl in OTHER_DDL:
            con.execute(ddl)
        con.execute(
            "create table dim_period "
            "(period varchar, granularity varchar, period_start_date date, period_end_date date)"
        )
        con.executemany("insert into dim_period values (?, ?, ?, ?)", PERIODS)
        con.execute(
            "create view v_income as "
            "select * from fct_commune_indicators where indicator_id = 'income_per_capita'"
        )
    finally:
        con.close()
    return path


def page_rows() -> list[dict]:
    rows = []
    for n, (url, site, *_rest) in enumerate(DOCS):
        rows.append(
            {
                "run_id": "20250601T010000Z-abc123",
                "site_id": site,
                "url": url,
                "final_url": url,
                "fetched_at": datetime(2025, 6, 1, 1, n, tzinfo=UTC),
                "status": 200,
                "change": "new",
                "content_sha256": sha(url),
                "version": 1,
                "bytes": 12000 + n,
                "encoding": "utf-8",
                "content_type": "text/html",
            }
        )
    return rows


def write_pages(paths: DataPaths, rows: list[dict], name: str = "r1") -> None:
    """Land page rows as the crawler does: one part per site and run, on the night 2025-06-01."""
    by_site: dict[str, list[dict]] = {}
    for row in rows:
        by_site.setdefault(row["site_id"], []).append(row)
    for site_id, mine in by_site.items():
        land_part(
            paths.store, "pages", PAGES_SCHEMA, mine, crawl_date="2025-06-01", site_id=site_id, name=name
        )


def good_data_dir(root: Path) -> DataPaths:
    """A data dir with a passing build warehouse and landing pages."""
    paths = DataPaths.at(root).ensure()
    write_build(paths.warehouse)
    write_pages(paths, page_rows())
    # a second nightly run: every page answered 304, which carries no body
    revisits = [
        {**row, "run_id": "20250602T010000Z-def456", "status": 304, "change": "not_modified", "bytes": 0}
        for row in page_rows()
    ]
    write_pages(paths, revisits, name="r2")
    return paths
