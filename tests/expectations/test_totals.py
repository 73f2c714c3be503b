"""The hollow-build checks: each fires on its own hollow warehouse, naming the check and what it saw."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from expectations.checkpoint import CheckResult, run_checkpoint
from expectations.totals import WAREHOUSE_TOTALS
from tests.expectations.test_checkpoint import BUILD_DATE
from tests.expectations.warehouse_builder import good_data_dir

pytestmark = pytest.mark.slow  # runs Great Expectations (a few seconds per checkpoint)


def _check(tmp_path: Path, *sql: str) -> tuple[CheckResult, list[str]]:
    """The checkpoint on the good hand-built warehouse altered by `sql` (first build: no baseline);
    returns the result and its critical failures from the totals suite."""
    paths = good_data_dir(tmp_path)
    with duckdb.connect(str(paths.warehouse)) as con:
        for statement in sql:
            con.execute(statement)
    result = run_checkpoint(paths, build_date=BUILD_DATE, previous_counts={})
    return result, [c for c in result.critical_failures if c.startswith(f"{WAREHOUSE_TOTALS}: ")]


def test_documents_with_empty_text_above_the_share_block_publishing(tmp_path: Path) -> None:
    result, totals = _check(tmp_path, "update stg_landing__documents set document_text = ''")
    assert not result.ok
    [line] = totals  # mentions and facts are still there: only the empty texts are wrong
    assert (
        "documents with empty text at most 5% of documents" in line
        and "3 of 3 documents have empty text" in line
    )
    assert "column='empty_text_share'" in line and "e.g. [1.0]" in line
    assert line in result.message


def test_one_empty_document_in_a_small_warehouse_is_allowed(tmp_path: Path) -> None:
    """(The good warehouse passes every totals check too: test_checkpoint asserts no failure.)"""
    result, totals = _check(
        tmp_path,
        "update stg_landing__documents set document_text = ' ' "
        "where document_version_id = (select min(document_version_id) from stg_landing__documents)",
    )
    assert result.ok and totals == [], result.message


def test_zero_mentions_while_documents_have_text_blocks_publishing(tmp_path: Path) -> None:
    result, totals = _check(tmp_path, "delete from fct_indicator_mentions")
    assert not result.ok
    line = next(t for t in totals if "column='mentions'" in t)
    assert "documents with text yield mentions: 3 documents have text" in line and "e.g. [0]" in line


def test_zero_facts_blocks_publishing(tmp_path: Path) -> None:
    result, totals = _check(tmp_path, "delete from fct_commune_indicators")
    assert not result.ok
    line = next(t for t in totals if "column='facts'" in t)
    assert "the warehouse has facts (fct_commune_indicators)" in line and "e.g. [0]" in line


def test_marts_below_their_floor_per_registered_site_block_the_first_build(tmp_path: Path) -> None:
    # 40 registered sites: 3 documents, 8 mentions, 7 facts and 3 communes are a hollow warehouse.
    result, totals = _check(
        tmp_path,
        "insert into int_sites_latest select 'site-' || i, true from range(37) t(i)",
    )
    assert not result.ok
    expected = {
        "dim_document": "dim_document has at least 20 rows for 40 registered sites (0.5 per site",
        "fct_indicator_mentions": "fct_indicator_mentions has at least 40 rows for 40 registered sites",
        "fct_commune_indicators": "fct_commune_indicators has at least 20 rows for 40 registered sites",
        "dim_commune": "dim_commune has at least 20 rows for 40 registered sites",
    }
    for table, text in expected.items():
        line = next((t for t in totals if f"column='rows_{table}'" in t), "")
        assert text in line, totals
    assert "e.g. [8]" in next(t for t in totals if "column='rows_fct_indicator_mentions'" in t)
    assert len(totals) == 4  # texts, mentions and facts are fine


def test_a_build_without_the_relations_the_totals_need_is_refused(tmp_path: Path) -> None:
    result, totals = _check(tmp_path, "drop table stg_landing__documents")
    assert not result.ok
    [line] = totals
    assert "cannot compute the warehouse totals" in line and "stg_landing__documents" in line
