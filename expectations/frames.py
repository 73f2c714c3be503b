"""Tables to validate as pandas DataFrames, read over a read-only DuckDB connection."""

from __future__ import annotations

import logging

import duckdb
import pandas as pd

from expectations.periods import period_start
from ingest.land import PAGES_SCHEMA, parts
from ingest.paths import DataPaths
from ingest.warehouse.query import attach_read_only

log = logging.getLogger(__name__)

SCHEMA = "main"


def open_build(paths: DataPaths) -> duckdb.DuckDBPyConnection:
    """The build warehouse, read-only: the checks never change what dbt wrote."""
    if not paths.warehouse.exists():
        raise FileNotFoundError(f"no build warehouse at {paths.warehouse}; run the dbt build first")
    return attach_read_only(paths.warehouse, alias="build")


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


def load_landing_pages(con: duckdb.DuckDBPyConnection, paths: DataPaths) -> pd.DataFrame:
    """Every landed crawl-log row (all part files under `landing/pages`)."""
    files = [str(p) for p in parts(paths.pages)]
    if not files:
        return PAGES_SCHEMA.empty_table().to_pandas()
    return con.execute(
        "select * from read_parquet(?, hive_partitioning = true, union_by_name = true)", [files]
    ).df()


def period_start_dates(codes: pd.Series) -> pd.Series:
    """First day of each period code (NaT for codes that do not parse)."""
    starts = {code: period_start(code) for code in codes.dropna().unique()}
    return pd.to_datetime(codes.map(starts), errors="coerce").astype("datetime64[us]")
