"""Read-only SQL on the published warehouse: what `xaetl query`, the run summary and BI users see."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ingest.paths import DataPaths

# The marts whose row counts the run summary prints (and the quality gate compares to).
MART_COUNT_TABLES = ["fct_indicator_mentions", "fct_commune_indicators", "dim_commune", "dim_document"]
CATALOG = "warehouse"


class NoPublishedWarehouse(FileNotFoundError):
    """There is no published warehouse yet: no build has passed its checks in this data dir."""


class QueryError(RuntimeError):
    """The SQL failed on the published warehouse."""


def attach_read_only(path: Path, alias: str = CATALOG) -> duckdb.DuckDBPyConnection:
    """A fresh in-memory DuckDB with `path` attached read-only and selected as the default.

    `duckdb.connect(path)` would reuse a database instance this process already holds for the
    same path, i.e. the old inode after a publish swapped the file; ATTACH opens the file anew.
    """
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"ATTACH '{_sql_str(path)}' AS \"{alias}\" (READ_ONLY)")
        con.execute(f'USE "{alias}"')
    except BaseException:
        con.close()
        raise
    return con


def connect_published(paths: DataPaths) -> duckdb.DuckDBPyConnection:
    if not paths.published.exists():
        raise NoPublishedWarehouse(
            f"no published warehouse at {paths.published}: run `xaetl run` (or `xaetl demo`) first"
        )
    return attach_read_only(paths.published)


def query(paths: DataPaths, sql: str) -> tuple[list[str], list[tuple]]:
    """Run SQL read-only on the published warehouse; returns (column names, rows)."""
    con = connect_published(paths)
    try:
        try:
            cursor = con.execute(sql)
        except duckdb.Error as exc:
            raise QueryError(str(exc)) from exc
        if cursor.description is None:
            return [], []
        columns = [d[0] for d in cursor.description]
        return columns, cursor.fetchall()
    finally:
        con.close()


def table_counts(paths: DataPaths, tables: list[str]) -> dict[str, int]:
    """Rows per table in the published warehouse (tables it lacks are left out)."""
    con = connect_published(paths)
    try:
        present = {
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables "
                "where table_catalog = ? and table_schema = 'main'",
                [CATALOG],
            ).fetchall()
        }
        return {t: _count(con, t) for t in tables if t in present}
    finally:
        con.close()


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    row = con.execute(f'select count(*) from main."{table}"').fetchone()
    return int(row[0]) if row else 0


def mart_counts(paths: DataPaths) -> dict[str, int]:
    """Rows per main mart in the published warehouse."""
    return table_counts(paths, MART_COUNT_TABLES)


def _sql_str(path: Path) -> str:
    return str(path).replace("'", "''")
