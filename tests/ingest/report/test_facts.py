"""Reading report rows: a warehouse published before the comparable-fact columns fails clearly."""

from __future__ import annotations

import duckdb
import pytest

from ingest.paths import DataPaths
from ingest.report.facts import OutdatedWarehouse, ReportDataError, check_columns, load_facts, unit_label


def _published(tmp_path, fact_columns: str, indicator_columns: str) -> DataPaths:
    paths = DataPaths.at(tmp_path)
    paths.published.parent.mkdir(parents=True)
    with duckdb.connect(str(paths.published)) as con:
        con.execute(f"create table fct_commune_indicators ({fact_columns})")
        con.execute(f"create table dim_indicator ({indicator_columns})")
    return paths


def test_a_warehouse_built_before_the_new_columns_is_named_with_what_it_lacks(tmp_path) -> None:
    paths = _published(
        tmp_path,
        "commune_id varchar, base_value double, base_unit varchar, has_conflict boolean",
        "indicator_id varchar, name_vi varchar, description_en varchar",
    )
    with pytest.raises(OutdatedWarehouse) as caught:
        load_facts(paths)
    message = str(caught.value)
    assert "fct_commune_indicators.has_breakdown" in message and "dim_indicator.name_en" in message
    assert "xaetl run" in message and isinstance(caught.value, ReportDataError)


def test_a_current_warehouse_passes_the_check(tmp_path) -> None:
    paths = _published(
        tmp_path,
        "unit varchar, approx boolean, n_values bigint, has_breakdown boolean, winning_period varchar",
        "name_en varchar, counted_noun varchar, measure varchar",
    )
    check_columns(paths)  # raises on a missing column


def test_a_count_is_shown_in_what_it_counts() -> None:
    assert unit_label("count", "hộ")["vi"] == "hộ"
    assert unit_label("count", None)["vi"] == "số lượng"
    assert unit_label("VND", "hộ") == {"vi": "triệu đồng", "en": "million VND", "scale": 1000000}
