"""One real `dbt build` of a small realistic landing, then the marts row by row."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from ingest.paths import DataPaths
from ingest.warehouse.build import BuildResult, dbt_build, target_dir
from tests.dbt.conftest import RUN_1, SCENARIO_SITES, scenario_docs
from tests.helpers.landing import land, utc

pytestmark = pytest.mark.slow

MARTS = [
    "dim_commune",
    "dim_indicator",
    "dim_period",
    "dim_term",
    "dim_document",
    "fct_indicator_mentions",
    "fct_commune_indicators",
    "fct_site_crawls",
]


@pytest.fixture(scope="module")
def built(
    tmp_path_factory: pytest.TempPathFactory, fake_extractor: list[str]
) -> tuple[DataPaths, BuildResult]:
    paths = DataPaths.at(tmp_path_factory.mktemp("wh"))
    docs = scenario_docs()
    # no blocks part at all: an optional source that does not exist yet
    land(
        paths,
        docs,
        run_id=RUN_1,
        at=utc(2025, 7, 1, 1),
        sites=SCENARIO_SITES,
        errors=[("loc-quang", "http://127.0.0.1:8765/locquang/loi-503/")],
    )
    return paths, dbt_build(paths)


@pytest.fixture
def db(built: tuple[DataPaths, BuildResult]):
    con = duckdb.connect(str(built[0].warehouse), read_only=True)
    yield con
    con.close()


def rows(con, sql: str) -> list[dict]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def test_build_runs_models_tests_and_reconciliation_unit_tests(built) -> None:
    paths, result = built
    assert result.ok, result.message
    by_type: dict[str, list] = {}
    for node in result.nodes:
        by_type.setdefault(node.resource_type, []).append(node)
    assert {n.name for n in by_type["model"]} >= set(MARTS)
    unit = by_type["unit_test"]
    assert len(unit) >= 3 and all(n.status == "pass" for n in unit)
    assert len(by_type["test"]) >= 40
    assert paths.warehouse.exists()
    assert (target_dir(paths) / "manifest.json").exists()
    assert (paths.logs / "dbt" / "dbt.log").exists()


def test_mart_contracts_are_enforced_and_every_column_described(built, db) -> None:
    manifest = json.loads((target_dir(built[0]) / "manifest.json").read_text())
    for name in MARTS:
        node = manifest["nodes"][f"model.xaetl.{name}"]
        assert node["config"]["contract"]["enforced"], name
        assert all(c["description"] and c["data_type"] for c in node["columns"].values()), name
        declared = list(node["columns"])
        actual = [r[0] for r in db.execute(f"describe {name}").fetchall()]
        assert actual == declared, name
    types = dict(
        db.execute("select column_name, column_type from (describe fct_indicator_mentions)").fetchall()
    )
    assert types["fetched_at"] == "TIMESTAMP WITH TIME ZONE"
    assert types["start"] == "INTEGER" and types["end"] == "INTEGER"


def test_dim_commune_resolves_old_units_and_successors_and_keeps_unknown_names(db) -> None:
    communes = {r["commune_name"]: r for r in rows(db, "select * from dim_commune")}
    xp = communes["Xuân Phú"]
    assert (xp["official_code"], xp["official_district"], xp["is_resolved"]) == (
        "15550",
        "Huyện Thọ Xuân",
        True,
    )
    assert (xp["successor_code"], xp["successor_name"]) == ("15553", "Xã Sao Vàng")
    assert xp["resolution_source"] == "seed"
    unknown = communes["Tân Tiến Mới"]
    assert unknown["is_resolved"] is False and unknown["official_code"] is None
    assert unknown["district_name"] == "Thọ Xuân"
    unregistered = communes[None]
    assert unregistered["resolution_source"] == "unregistered_site"
    # every document's commune is in the dimension, none dropped
    orphans = db.execute(
        "select count(*) from dim_document d left join dim_commune c using (commune_id) "
        "where c.commune_id is null"
    ).fetchone()[0]
    assert orphans == 0
    assert db.execute("select count(*) from dim_document").fetchone()[0] == 7


def test_mentions_are_traceable_to_the_cleaned_text(built, db) -> None:
    landing = str(built[0].documents / "*" / "*" / "*" / "*.parquet")  # clean_version / night / site
    bad = db.execute(
        f"""
        select m.mention_id
        from fct_indicator_mentions m
        join read_parquet('{landing}') d
          on d.content_sha256 = m.content_sha256 and d.clean_version = m.clean_version
        where substring(d.text, m.start + 1, m."end" - m.start) <> m.quote
        """
    ).fetchall()
    assert bad == []
    n, n_docs = db.execute(
        "select count(*), count(distinct document_version_id) from fct_indicator_mentions"
    ).fetchone()
    assert n > 20 and n_docs == 7
    row = rows(
        db,
        "select * from fct_indicator_mentions where indicator_id = 'budget_revenue_commune' "
        "and base_value = 4271000000",
    )[0]
    assert (row["period"], row["term_id"], row["plan_pct"], row["approx"]) == (
        "2023-H1",
        "2020-2025",
        73.0,
        True,
    )
    assert row["url"].startswith("http://127.0.0.1:8765/locquang/") and row["fetched_at"] is not None


def test_near_duplicate_documents_count_once(db) -> None:
    grain = rows(
        db,
        """
        select f.* from fct_commune_indicators f join dim_commune c using (commune_id)
        where c.commune_name = 'Xuân Phú' and f.indicator_key = 'grain_output'
        """,
    )
    assert len(grain) == 1
    # the page states the figure twice (body repeated) and was re-posted at another URL:
    # two documents in one near-duplicate group -> one document, its two mentions
    assert grain[0]["n_documents"] == 1 and grain[0]["n_mentions"] == 2
    assert grain[0]["base_value"] == 1936.0 and grain[0]["has_conflict"] is False
    in_mentions = db.execute(
        "select count(distinct document_version_id) from fct_indicator_mentions "
        "where indicator_id = 'grain_output' and site_id = 'xuan-phu'"
    ).fetchone()[0]
    assert in_mentions == 2
    canonical = db.execute(
        "select count(*) filter (where is_canonical), count(*) from dim_document where site_id = 'xuan-phu'"
    ).fetchone()
    assert canonical == (1, 2)


def test_later_report_wins_and_disagreement_is_flagged(db) -> None:
    budget = rows(
        db,
        """
        select f.* from fct_commune_indicators f join dim_commune c using (commune_id)
        where c.commune_name = 'Lộc Quảng' and f.indicator_key = 'budget_revenue_commune'
        """,
    )
    assert len(budget) == 1
    b = budget[0]
    assert (b["period"], b["term_id"], b["kind"]) == ("2023-H1", "2020-2025", "actual")
    assert b["base_value"] == 5_100_000_000 and b["plan_pct"] == 88.0  # issued 20/8 beats 09/8
    assert b["has_conflict"] is True and b["n_documents"] == 2
    assert (b["min_base_value"], b["max_base_value"]) == (4_271_000_000, 5_100_000_000)
    # comparable: the unit as written beside the base unit, a final figure, two values, no breakdown
    assert (b["value"], b["unit"], b["base_unit"], b["approx"]) == (5100.0, "triệu đồng", "VND", False)
    assert (b["n_values"], b["has_breakdown"], b["winning_period"]) == (2, False, "2023-H1")


def test_dimensions_period_term_indicator(db) -> None:
    periods = {r["period"]: r for r in rows(db, "select * from dim_period")}
    assert periods["2023-H1"]["granularity"] == "half"
    assert str(periods["2023-H1"]["period_end_date"]) == "2023-06-30"
    assert periods["term-2020-2025"]["granularity"] == "term"
    assert periods["2030"]["term_id"] == "2025-2030"
    terms = {r["term_id"]: (r["start_year"], r["end_year"]) for r in rows(db, "select * from dim_term")}
    assert terms["2020-2025"] == (2020, 2025) and "2025-2030" in terms
    # no two codes of the scenario end on one day: each is its own stock period
    assert all(r["stock_period"] == code for code, r in periods.items())
    indicators = {r["indicator_id"]: r for r in rows(db, "select * from dim_indicator")}
    income = indicators["income_per_capita"]
    assert income["base_unit"] == "VND/person/year" and income["higher_is_better"] is True
    short = (income["name_en"], income["counted_noun"], income["measure"])
    assert short == ("Income per capita", None, "flow")
    poor = indicators["poor_households"]
    assert (poor["base_unit"], poor["counted_noun"], poor["measure"]) == ("count", "hộ", "stock")


def test_site_crawls_come_from_the_crawl_runs_rows(db) -> None:
    crawls = {r["site_id"]: r for r in rows(db, "select * from fct_site_crawls")}
    assert set(crawls) == {s.id for s in SCENARIO_SITES}
    lq = crawls["loc-quang"]
    assert (lq["run_id"], lq["pages_seen"], lq["pages_new"], lq["pages_failed"]) == (RUN_1, 2, 2, 1)
    assert lq["n_requests"] == 4 and lq["pages_not_modified"] == 0 and str(lq["crawl_date"]) == "2025-07-01"
    assert lq["last_success_at"] is not None
    # latest publication 21/8/2023 (UTC+7 -> 01:00 UTC), run on 1/7/2025
    assert lq["days_since_last_published"] == 680


def test_docs_generate(built) -> None:
    from ingest.warehouse.build import dbt_docs_generate

    index = dbt_docs_generate(built[0])
    assert index.name == "index.html" and index.exists()
    catalog = json.loads((index.parent / "catalog.json").read_text())
    assert "model.xaetl.fct_commune_indicators" in catalog["nodes"]
    assert isinstance(index, Path)
