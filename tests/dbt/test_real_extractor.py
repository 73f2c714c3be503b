"""The real `ingest.extract` library inside `dbt build` on the three seed documents."""

from __future__ import annotations

import duckdb
import pytest

from ingest.paths import DataPaths
from ingest.warehouse.build import dbt_build
from tests.helpers.landing import land, seed_docs, utc

pytestmark = pytest.mark.slow


def test_build_with_the_real_extraction_library(tmp_path) -> None:
    paths = DataPaths.at(tmp_path)
    land(paths, seed_docs(), run_id="20250701T010000Z-cccccc", at=utc(2025, 7, 1, 1))
    result = dbt_build(paths)
    assert result.ok, result.message
    warned = [n.name for n in result.nodes if n.status == "warn"]
    assert warned == [], f"warnings: {warned}"  # no extraction error, every period code parsed
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        per_site = dict(
            con.execute("select site_id, count(*) from fct_indicator_mentions group by site_id").fetchall()
        )
        reconciled = con.execute("select count(*) from fct_commune_indicators").fetchone()[0]
        unmatched = con.execute(
            "select count(*) from fct_indicator_mentions m left join dim_period p using (period) "
            "where p.granularity is null"
        ).fetchone()[0]
        parts = con.execute(
            "select part.base_value, total.base_value, part.document_version_id = total.document_version_id "
            "from int_mentions_unnested part join int_mentions_unnested total "
            "on part.part_of_mention_id = total.mention_id"
        ).fetchall()
        dangling = con.execute(
            "select count(*) from int_mentions_unnested where part_of_mention_id is not null "
            "and part_of_mention_id not in (select mention_id from int_mentions_unnested)"
        ).fetchone()[0]
    assert set(per_site) == {"xuan-phu", "loc-quang", "binh-thanh-dong"}
    # `Tổng 27 chỉ tiêu trong đó: có 15 chỉ tiêu …`: parts point at their total in the same document
    assert parts and dangling == 0
    assert all(same_doc and part < total for part, total, same_doc in parts)
    assert all(n > 0 for n in per_site.values())
    assert 0 < reconciled <= sum(per_site.values())
    assert unmatched == 0
