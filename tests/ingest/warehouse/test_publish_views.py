"""The published file has no view that reads files: sandboxed readers and BI containers open all of it."""

from __future__ import annotations

import duckdb
import pytest

from ingest.paths import DataPaths
from ingest.warehouse.publish import FILE_READERS

pytestmark = pytest.mark.slow


def test_published_relations_all_read_without_file_access(demo_warehouse: DataPaths) -> None:
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as build:
        build_views = {
            v for (v,) in build.execute("select view_name from duckdb_views() where not internal").fetchall()
        }
    assert {"pages", "stg_landing__pages", "documents"} <= build_views  # dbt's landing views, with paths

    con = duckdb.connect(
        str(demo_warehouse.published),
        read_only=True,
        config={"enable_external_access": False, "lock_configuration": True},
    )
    try:
        views = con.execute(
            "select schema_name, view_name, sql from duckdb_views() where not internal"
        ).fetchall()
        assert not [v for _, v, sql in views if FILE_READERS.search(sql)]
        assert not {"pages", "stg_landing__pages", "documents", "blocks"} & {v for _, v, _ in views}
        assert str(demo_warehouse.root) not in " ".join(sql for _, _, sql in views)
        relations = con.execute(
            "select schema_name, table_name from duckdb_tables() where not internal "
            "union all select schema_name, view_name from duckdb_views() where not internal"
        ).fetchall()
        for schema, name in relations:  # every one of them reads, with no file access at all
            con.execute(f'select count(*) from "{schema}"."{name}"').fetchone()
        assert con.execute("select count(*) from fct_commune_indicators").fetchone()[0] > 0
    finally:
        con.close()
