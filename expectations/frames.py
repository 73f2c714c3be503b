"""Tables to validate as pandas DataFrames, read over a read-only DuckDB connection."""

from __future__ import annotations

import logging

import duckdb
import pandas as pd

from expectations.periods import period_start
from ingest.land import PAGES_SCHEMA, night_parts
from ingest.paths import DataPaths, landing_dir
from ingest.warehouse.query import attach_read_only

log = logging.getLogger(__name__)

SCHEMA = "main"
RECENT_NIGHTS = 2  # landing nights whose page rows are validated row by row (older ones were)


def open_build(paths: DataPaths) -> duckdb.DuckDBPyConnection:
    """The build warehouse, read-only: the checks never change what dbt wrote. Its staging views
    read the landing on the store, so an s3:// store's filesystem is registered on it."""
    if not paths.warehouse.exists():
        raise FileNotFoundError(f"no build warehouse at {paths.warehouse}; run the dbt build first")
    con = attach_read_only(paths.warehouse, alias="build")
    paths.store.register(con)
    return con


def existing_tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "select table_name from information_schema.tables where table_catalog = current_database() "
        "and table_schema = ?",
        [SCHEMA],
    ).fetchall()
    return {r[0] for r in rows}


def load_table(con: duckdb.DuckDBPyConnection, table: str) -> pd.DataFrame:
    df = con.sql(f'select * from {SCHEMA}."{table}"').df()
    if "period" in df.columns and "period_start_date" not in df.columns:
        df["period_start_date"] = period_start_dates(df["period"])
    return df


def load_landing_pages(
    con: duckdb.DuckDBPyConnection, paths: DataPaths, nights: int = RECENT_NIGHTS
) -> pd.DataFrame:
    """The crawl-log rows of the newest `nights` landing nights (only their partitions are listed
    and read: earlier nights were validated by earlier builds), on any store."""
    store = paths.store
    store.register(con)
    all_nights = sorted(
        n.split("=", 1)[1] for n in store.ls(landing_dir("pages")) if n.startswith("crawl_date=")
    )
    files = [store.uri(k) for night in all_nights[-nights:] for k in night_parts(store, "pages", night)]
    if not files:
        return PAGES_SCHEMA.empty_table().to_pandas()
    return con.execute(
        "select * from read_parquet(?, hive_partitioning = false, union_by_name = true)", [files]
    ).df()


def period_start_dates(codes: pd.Series) -> pd.Series:
    """First day of each period code (NaT for codes that do not parse)."""
    starts = {code: period_start(code) for code in codes.dropna().unique()}
    return pd.to_datetime(codes.map(starts), errors="coerce").astype("datetime64[us]")
