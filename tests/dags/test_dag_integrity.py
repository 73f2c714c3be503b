"""DAG integrity: both DAG files import cleanly and carry the schedule, defaults and wiring we promise."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

DAGS = Path(__file__).resolve().parents[2] / "dags"

DAG_IDS = {"xaetl_nightly", "xaetl_warehouse"}


@pytest.fixture(scope="module")
def dagbag():
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(DAGS))


@pytest.fixture(scope="module")
def nightly(dagbag):
    return dagbag.dags["xaetl_nightly"]


@pytest.fixture(scope="module")
def warehouse(dagbag):
    return dagbag.dags["xaetl_warehouse"]


def test_dag_files_import_without_errors(dagbag):
    assert dagbag.import_errors == {}
    assert set(dagbag.dag_ids) == DAG_IDS


def test_one_dag_per_file_named_after_it_and_helpers_are_not_parsed(dagbag):
    parsed = sorted(stat.file.lstrip("/").rsplit("/", 1)[-1] for stat in dagbag.dagbag_stats)
    assert parsed == ["xaetl_nightly.py", "xaetl_warehouse.py"]  # xaetl_common.py is in .airflowignore
    for dag in dagbag.dags.values():
        assert dag.fileloc.endswith(f"/{dag.dag_id}.py")


@pytest.mark.parametrize("dag_id", sorted(DAG_IDS))
def test_dag_level_settings(dagbag, dag_id):
    dag = dagbag.dags[dag_id]
    assert dag.catchup is False
    assert dag.max_active_runs == 1
    assert dag.owner == "xaetl"
    assert "xaetl" in dag.tags and len(dag.tags) >= 2
    assert dag.doc_md and dag_id in dag.doc_md
    assert dag.start_date is not None


@pytest.mark.parametrize("dag_id", sorted(DAG_IDS))
def test_every_task_has_owner_retries_backoff_timeout_and_alert(dagbag, dag_id):
    from xaetl_common import alert_on_failure

    for t in dagbag.dags[dag_id].tasks:
        assert t.owner == "xaetl", t.task_id
        assert t.retries >= 1, t.task_id
        assert t.retry_exponential_backoff >= 2, t.task_id
        assert t.max_retry_delay is not None, t.task_id
        assert isinstance(t.execution_timeout, timedelta) and t.execution_timeout <= timedelta(hours=2)
        callbacks = t.on_failure_callback  # a list, or a bare callable on a mapped task's partial
        assert alert_on_failure in (callbacks if isinstance(callbacks, list | tuple) else [callbacks])
        assert t.python_callable.__name__ == t.task_id  # task_id = function name


def test_dags_survive_serialization(dagbag):
    """What the scheduler stores and the UI shows: the DAGs must round-trip through serialization."""
    from airflow.serialization.serialized_objects import DagSerialization

    for dag in dagbag.dags.values():
        restored = DagSerialization.from_dict(DagSerialization.to_dict(dag))
        assert set(restored.task_ids) == set(dag.task_ids)


def test_nightly_runs_at_one_in_the_morning_vietnam_time(nightly):
    from airflow.serialization.serialized_objects import DagSerialization
    from airflow.timetables.base import DataInterval, TimeRestriction

    timetable = nightly.timetable
    assert type(timetable).__name__ == "CronTriggerTimetable"
    assert timetable.expression == "0 1 * * *"
    assert str(timetable.timezone) == "Asia/Ho_Chi_Minh"
    core = DagSerialization.from_dict(DagSerialization.to_dict(nightly)).timetable
    last = datetime(2026, 6, 1, 18, tzinfo=UTC)
    info = core.next_dagrun_info(
        last_automated_data_interval=DataInterval(last, last),
        restriction=TimeRestriction(earliest=None, latest=None, catchup=True),
    )
    assert info.run_after == datetime(2026, 6, 2, 18, tzinfo=UTC)  # 01:00 +07:00


def test_nightly_fans_out_one_crawl_per_batch_of_sites_in_the_crawl_pool(nightly):
    from airflow.sdk.definitions.mappedoperator import MappedOperator

    crawl = nightly.get_task("crawl_batch")
    assert isinstance(crawl, MappedOperator)
    assert crawl.partial_kwargs["pool"] == "xaetl_crawl"
    assert "site_ids" in crawl.map_index_template  # mapped instances are labelled with their sites
    assert set(crawl.upstream_task_ids) == {"plan_batches", "derive_run_id"}
    assert nightly.get_task("plan_batches").upstream_task_ids == {"list_sites"}
    assert nightly.get_task("list_sites").pool == "default_pool"


def test_ten_thousand_sites_map_to_a_hundred_tasks(nightly, monkeypatch):
    plan = nightly.get_task("plan_batches").python_callable
    ids = [f"site-{i:05d}" for i in range(10_000)]
    batches = plan(ids)
    assert len(batches) == 100 <= 1024 and [s for b in batches for s in b] == ids
    monkeypatch.setenv("XAETL_SITES_PER_TASK", "3")
    assert plan(ids[:7]) == [ids[0:3], ids[3:6], ids[6:7]]


def test_nightly_updates_the_landing_asset_when_at_least_one_site_landed(nightly):
    from xaetl_common import LANDING

    mark = nightly.get_task("mark_landed")
    assert mark.outlets == [LANDING]
    assert mark.upstream_task_ids == {"crawl_batch"}
    # Waits for every crawl, runs if one landed: a broken site does not hold back the others.
    assert mark.trigger_rule == "all_done_min_one_success"
    check = nightly.get_task("check_all_sites_crawled")
    assert check.upstream_task_ids == {"crawl_batch", "list_sites"} and check.trigger_rule == "all_done"
    # Both are leaves, so a failed check (a site not crawled) fails the DAG run.
    assert {t.task_id for t in nightly.leaves} == {"mark_landed", "check_all_sites_crawled"}


def test_warehouse_is_scheduled_on_the_landing_asset(warehouse):
    from xaetl_common import LANDING

    assert type(warehouse.timetable).__name__ == "AssetTriggeredTimetable"
    assert list(warehouse.timetable.asset_condition.objects) == [LANDING]


def test_warehouse_builds_layer_by_layer_then_checks_then_publishes(warehouse):
    from xaetl_common import WAREHOUSE

    order = [
        "near_duplicate_groups",
        "dbt_seeds",
        "dbt_staging",
        "dbt_intermediate",
        "dbt_marts",
        "quality_checks",
        "publish",
        "compact_landing",
    ]
    for before, after in itertools.pairwise(order):
        task = warehouse.get_task(after)
        assert task.upstream_task_ids == {before}, after
        assert task.trigger_rule == "all_success", after  # a failed check means no publish
    assert warehouse.get_task("publish").outlets == [WAREHOUSE]


def test_no_task_passes_dataframes_or_payloads_through_xcom(dagbag):
    """Return annotations of every task are small JSON values (ids, counts, paths)."""
    import typing

    allowed = {str, int, dict, list}
    for dag in dagbag.dags.values():
        for t in dag.tasks:
            hints = typing.get_type_hints(t.python_callable)
            returned = typing.get_origin(hints.get("return")) or hints.get("return")
            assert returned in allowed, (dag.dag_id, t.task_id, returned)
