"""Read-only queries on the published warehouse."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from ingest.paths import DataPaths
from ingest.warehouse.publish import publish
from ingest.warehouse.query import (
    NoPublishedWarehouse,
    QueryError,
    SandboxLimits,
    mart_counts,
    query,
    table_counts,
)
from tests.expectations.warehouse_builder import good_data_dir, mention_rows, write_build


@pytest.fixture
def published(tmp_path: Path) -> DataPaths:
    paths = good_data_dir(tmp_path)
    publish(paths, parquet=False)
    return paths


def test_query_returns_columns_and_rows(published: DataPaths) -> None:
    columns, rows = query(
        published,
        "select commune_id, period, base_value from fct_commune_indicators "
        "where indicator_id = 'income_per_capita' order by period",
    )
    assert columns == ["commune_id", "period", "base_value"]
    assert rows == [
        ("c-xuan-phu", "2023-H1", 67000000.0),
        ("c-binh-thanh-dong", "term-2025-2030", 80000000.0),
    ]


def test_query_is_read_only(published: DataPaths) -> None:
    before = published.published.read_bytes()
    with pytest.raises(QueryError, match="read-only"):
        query(published, "create table x as select 1")
    with pytest.raises(QueryError):
        query(published, "delete from dim_commune")
    assert published.published.read_bytes() == before


def test_bad_sql_raises_query_error(published: DataPaths) -> None:
    with pytest.raises(QueryError, match="no_such_table"):
        query(published, "select * from no_such_table")


def test_no_published_warehouse(tmp_path: Path) -> None:
    paths = DataPaths.at(tmp_path)
    with pytest.raises(NoPublishedWarehouse, match="no published warehouse"):
        query(paths, "select 1")
    with pytest.raises(NoPublishedWarehouse):
        mart_counts(paths)


def test_mart_counts(published: DataPaths) -> None:
    assert mart_counts(published) == {
        "fct_indicator_mentions": 8,
        "fct_commune_indicators": 8,
        "dim_commune": 3,
        "dim_document": 3,
    }
    assert table_counts(published, ["dim_term", "not_a_table"]) == {"dim_term": 2}


def test_sees_a_new_publish_even_while_this_process_holds_the_old_file(published: DataPaths) -> None:
    """duckdb.connect(path) would hand back the cached instance of the replaced file."""
    held = duckdb.connect(str(published.published), read_only=True)
    try:
        write_build(published.warehouse, mention_rows(extra=5))
        publish(published, parquet=False)
        assert held.execute("select count(*) from fct_indicator_mentions").fetchone() == (8,)
        assert query(published, "select count(*) from fct_indicator_mentions")[1] == [(13,)]
        assert mart_counts(published)["fct_indicator_mentions"] == 13
    finally:
        held.close()


@pytest.mark.parametrize(
    "sql",
    [
        "summarize dim_commune",
        "describe fct_commune_indicators",
        "pragma table_info('dim_commune')",
        "show tables",
        "select current_setting('memory_limit')",
        "with x as (select commune_id from dim_commune) select count(*) over () from x",
    ],
)
def test_what_analysts_can_do_in_the_sandbox(published: DataPaths, sql: str) -> None:
    columns, rows = query(published, sql)
    assert columns and rows


def test_sandbox_limits_come_from_the_environment(
    published: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XAETL_QUERY_MEMORY_LIMIT", "300MB")
    monkeypatch.setenv("XAETL_QUERY_TIMEOUT_S", "7")
    limits = SandboxLimits.from_env()
    assert (limits.memory_limit, limits.timeout_s) == ("300MB", 7.0)
    assert query(published, "select current_setting('memory_limit')")[1][0][0].startswith("286")
    monkeypatch.setenv("XAETL_QUERY_TIMEOUT_S", "inf")
    with pytest.raises(QueryError, match="finite positive"):
        query(published, "select 1")
