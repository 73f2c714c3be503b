"""The real `ingest.extract` library inside `dbt build` on the three seed documents."""

from __future__ import annotations

import duckdb
import pytest

from ingest.paths import DataPaths
from ingest.warehouse.build import dbt_build
from tests.helpers.landing import Doc, land, seed_docs, utc

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


# a congress opening the 2025-2030 term reports on the term before it; a year-end report published in
# January reports on the year its title names: the page's title and date arrive beside the text
_PERIOD_DOCS = [
    Doc(
        site_id="xuan-phu",
        url="http://127.0.0.1:8765/xuanphu/dai-hoi.html",
        title="Đại hội đại biểu Đảng bộ xã Xuân Phú lần thứ XV, nhiệm kỳ 2025-2030",
        published_at="2025-07-14T08:00:00+07:00",
        text=(
            "Ngày 12/7, Đảng bộ xã Xuân Phú tổ chức Đại hội đại biểu lần thứ XV, nhiệm kỳ 2025-2030.\n\n"
            "Nhiệm kỳ qua, thu nhập bình quân đầu người đạt 62 triệu đồng. Tỷ lệ hộ nghèo giảm còn 1,2%.\n"
        ),
    ),
    Doc(
        site_id="loc-quang",
        url="http://127.0.0.1:8765/locquang/tong-ket.html",
        title="Xã Lộc Quảng tổng kết công tác năm 2023",
        published_at="2024-01-08T08:00:00+07:00",
        text=(
            "Xã Lộc Quảng tổng kết công tác năm 2023\n\n"
            "Sáng 8/1, UBND xã Lộc Quảng tổ chức hội nghị tổng kết.\n\n"
            "Trong năm, thu ngân sách đạt 12 tỷ đồng. Tổng sản lượng lương thực đạt 3.100 tấn.\n"
        ),
    ),
]


def test_a_documents_facts_carry_its_stored_default_period(tmp_path) -> None:
    paths = DataPaths.at(tmp_path)
    land(paths, _PERIOD_DOCS, run_id="20250801T010000Z-dddddd", at=utc(2025, 8, 1, 1))
    result = dbt_build(paths)
    assert result.ok, result.message
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        stored = dict(con.execute("select url, default_period from dim_document").fetchall())
        facts = con.execute(
            "select d.url, m.period from fct_indicator_mentions m "
            "join dim_document d using (document_version_id) order by d.url, m.value"
        ).fetchall()
    assert stored == {_PERIOD_DOCS[0].url: "term-2020-2025", _PERIOD_DOCS[1].url: "2023"}
    # none of these figures writes a period of its own: each takes its document's stored default
    assert len(facts) == 4
    assert all(period == stored[url] for url, period in facts), facts
