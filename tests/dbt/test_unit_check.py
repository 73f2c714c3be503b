"""The critical check of `dbt/tests/`: a fact in another unit than its catalogue indicator fails the build."""

from __future__ import annotations

from dataclasses import replace

import duckdb
import pytest

import ingest.extract
from ingest.paths import DataPaths
from ingest.warehouse.build import dbt_build
from tests.helpers import fake_extract
from tests.helpers.landing import land, seed_docs, utc

pytestmark = pytest.mark.slow

CHECK = "assert_facts_in_catalogue_base_unit"


def _with_attainment_as_value(text: str, **kwargs):
    """What the extractor must never do: `Chi ngân sách ước đạt 50,1% dự toán` as budget_expenditure."""
    mentions = fake_extract.extract_mentions(text, **kwargs)
    if not mentions:
        return mentions
    wrong = replace(
        mentions[0],
        indicator="chi ngân sách xã",
        indicator_id="budget_expenditure",
        value=50.1,
        unit="%",
        base_value=50.1,
        base_unit="%",
        start=mentions[0].start + 1,
    )
    return [*mentions, wrong]


def test_mixed_units_for_one_indicator_fail_the_build(tmp_path, fake_extractor, monkeypatch) -> None:
    paths = DataPaths.at(tmp_path)
    land(paths, seed_docs(), run_id="20230815T010000Z-aaaaaa", at=utc(2023, 8, 15, 1))
    good = dbt_build(paths)
    assert good.ok, good.message
    assert [n.status for n in good.nodes if n.name == CHECK] == ["pass"]

    monkeypatch.setattr(ingest.extract, "EXTRACTOR_VERSION", "test-mixed-units")
    monkeypatch.setattr(ingest.extract, "extract_mentions", _with_attainment_as_value)
    bad = dbt_build(paths)
    assert not bad.ok
    assert [n.name for n in bad.failed()] == [CHECK]
    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        mixed = con.execute(
            "select count(*) from fct_commune_indicators where indicator_id = 'budget_expenditure' "
            "and base_unit = '%'"
        ).fetchone()[0]
    assert mixed > 0  # the check saw the very facts it reports
