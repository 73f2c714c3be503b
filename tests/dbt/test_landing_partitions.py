"""The warehouse reads only the landing nights it needs: a later build extracts one night's new
documents from that night's Parquet files alone."""

from __future__ import annotations

import duckdb
import pytest

from ingest.paths import DataPaths
from ingest.warehouse.build import dbt_build
from tests.helpers.landing import Doc, land, seed_docs, utc

pytestmark = pytest.mark.slow


def test_a_night_filter_prunes_the_other_nights_files(tmp_path, fake_extractor: list[str]) -> None:
    paths = DataPaths.at(tmp_path)
    docs = seed_docs()
    for day, doc in enumerate(docs, start=1):  # three nights, one document each
        land(paths, [doc], run_id=f"202308{day:02d}T010000Z-n{day}", at=utc(2023, 8, day, 1))
    assert dbt_build(paths).ok
    assert len(fake_extractor) == 3

    new = Doc("xuan-phu", docs[0].url + "?v=2", docs[0].text + "\nCập nhật lúc 08:00.")
    land(paths, [new], run_id="20230804T010000Z-n4", at=utc(2023, 8, 4, 1))
    assert dbt_build(paths).ok
    assert len(fake_extractor) == 4  # only the new version

    con = duckdb.connect(str(paths.warehouse), read_only=True)
    try:
        plan = "\n".join(
            str(row[-1])
            for row in con.execute(
                "explain analyze select count(*) from stg_landing__document_texts "
                "where crawl_date in (date '2023-08-04')"
            ).fetchall()
        )
        nights = con.execute("select count(distinct crawl_date) from stg_landing__documents").fetchone()[0]
    finally:
        con.close()
    assert nights == 4
    assert "Scanning Files: 1/4" in plan or "Total Files Read: 1" in plan, plan
