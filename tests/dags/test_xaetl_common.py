"""Shared DAG helpers: failure alerts, run ids, settings, and how tasks fail on bad builds or checks."""

from __future__ import annotations

import json
import re
import sys
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from types import SimpleNamespace

import pytest
import xaetl_common
from xaetl_common import crawl_run_id, data_paths, failure_message, registry_path

from ingest.land import crawl_date_of
from ingest.pipeline import new_run_id

DAGS = Path(__file__).resolve().parents[2] / "dags"


def _context(**ti_overrides):
    ti = SimpleNamespace(
        dag_id="xaetl_nightly",
        task_id="crawl_site",
        run_id="scheduled__2026-06-01T18:00:00+00:00",
        try_number=3,
        max_tries=2,
        map_index=1,
        rendered_map_index="xuan-phu",
        log_url="http://localhost:8080/dags/xaetl_nightly/runs/scheduled__2026/tasks/crawl_site/mapped/1",
    )
    for key, value in ti_overrides.items():
        setattr(ti, key, value)
    return {"ti": ti, "exception": TimeoutError("site did not answer")}


def test_failure_message_names_dag_task_site_run_try_error_and_log_url():
    msg = failure_message(_context())
    assert msg.startswith("xaetl task failed: dag=xaetl_nightly task=crawl_site")
    assert "site=xuan-phu" in msg
    assert "run=scheduled__2026-06-01T18:00:00+00:00" in msg
    assert "try=3/3" in msg
    assert "error=TimeoutError: site did not answer" in msg
    assert msg.endswith(
        "log=http://localhost:8080/dags/xaetl_nightly/runs/scheduled__2026/tasks/crawl_site/mapped/1"
    )


def test_failure_message_of_an_unmapped_task_has_no_site_and_survives_a_broken_log_url():
    class NoUrl(SimpleNamespace):
        @property
        def log_url(self):
            raise RuntimeError("no api base_url")

    ti = NoUrl(dag_id="xaetl_warehouse", task_id="quality_checks", run_id="asset_triggered__x", try_number=1)
    msg = failure_message({"ti": ti, "task": SimpleNamespace(op_kwargs={}), "exception": ValueError("bad")})
    assert "site=" not in msg and "log=" not in msg
    assert "dag=xaetl_warehouse task=quality_checks" in msg and "run=asset_triggered__x" in msg


def test_failure_message_falls_back_to_the_site_argument_of_the_mapped_task():
    ctx = _context(rendered_map_index=None)
    ctx["task"] = SimpleNamespace(op_kwargs={"site_id": "loc-quang", "crawl_run": "r"})
    assert "site=loc-quang" in failure_message(ctx)


def test_alert_is_posted_to_the_webhook_when_configured(monkeypatch):
    received: list[dict] = []

    class Hook(BaseHTTPRequestHandler):
        def do_POST(self):
            received.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Hook)
    thread = threading.Thread(target=server.handle_request, daemon=True)
    thread.start()
    try:
        monkeypatch.setenv("XAETL_ALERT_WEBHOOK", f"http://127.0.0.1:{server.server_port}/hook")
        xaetl_common.alert_on_failure(_context())
        thread.join(timeout=10)
    finally:
        server.server_close()
    assert len(received) == 1 and "site=xuan-phu" in received[0]["text"]


def test_alert_survives_an_unreachable_webhook(monkeypatch):
    monkeypatch.setenv("XAETL_ALERT_WEBHOOK", "http://127.0.0.1:9/unreachable")
    xaetl_common.alert_on_failure(_context())  # logs a warning, never raises


def test_crawl_run_id_is_deterministic_per_dag_run_and_keyed_by_its_date():
    when = datetime(2026, 6, 1, 18, 0, tzinfo=UTC)
    first = crawl_run_id("xaetl_nightly", "scheduled__2026-06-01T18:00:00+00:00", when)
    assert first == crawl_run_id("xaetl_nightly", "scheduled__2026-06-01T18:00:00+00:00", when)  # a retry
    assert first != crawl_run_id("xaetl_nightly", "manual__2026-06-01T18:00:00+00:00", when)
    assert re.fullmatch(r"20260601T180000Z-[0-9a-f]{6}", first)
    assert len(first) == len(new_run_id())  # the `xaetl run` format
    assert crawl_date_of(first, datetime.now(UTC)) == "2026-06-01"  # landing partition = the run's date


def test_settings_come_from_the_airflow_variable_before_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("AIRFLOW_VAR_XAETL_REGISTRY", raising=False)
    monkeypatch.setenv("XAETL_REGISTRY", "/env/sites.yaml")
    assert registry_path() == "/env/sites.yaml"
    monkeypatch.setenv("AIRFLOW_VAR_XAETL_REGISTRY", "/variable/sites.yaml")
    assert registry_path() == "/variable/sites.yaml"
    monkeypatch.delenv("AIRFLOW_VAR_XAETL_DATA_DIR", raising=False)
    monkeypatch.setenv("XAETL_DATA_DIR", str(tmp_path / "data"))
    paths = data_paths()
    assert paths.root == tmp_path / "data" and paths.pages.is_dir()


def test_a_missing_setting_says_how_to_set_it(monkeypatch):
    monkeypatch.delenv("AIRFLOW_VAR_XAETL_REGISTRY", raising=False)
    monkeypatch.delenv("XAETL_REGISTRY", raising=False)
    with pytest.raises(xaetl_common.SettingMissing, match=r"xaetl_registry.*XAETL_REGISTRY"):
        registry_path()


# -- the warehouse tasks' failure behaviour, on their real callables ------------------------


@pytest.fixture(scope="module")
def warehouse_dag():
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(DAGS / "xaetl_warehouse.py")).dags["xaetl_warehouse"]


@pytest.fixture
def data_dir(monkeypatch, tmp_path):
    monkeypatch.delenv("AIRFLOW_VAR_XAETL_DATA_DIR", raising=False)
    monkeypatch.setenv("XAETL_DATA_DIR", str(tmp_path))
    return tmp_path


# What a task's context says about its DAG run (the tasks hold the run lock under its id).
DAG_RUN = SimpleNamespace(
    dag_id="xaetl_warehouse",
    run_id="manual__2026-06-01",
    logical_date=None,
    run_after=datetime(2026, 6, 1, tzinfo=UTC),
)


def _task_context(callable_, monkeypatch, **context):
    module = sys.modules[callable_.__module__]
    monkeypatch.setattr(module, "get_current_context", lambda: {"dag_run": DAG_RUN, **context})


def test_failed_critical_checks_fail_the_task_with_their_message(warehouse_dag, data_dir, monkeypatch):
    from airflow.sdk.exceptions import AirflowFailException

    from expectations.checkpoint import CheckResult
    from ingest import pipeline

    bad = CheckResult(ok=False, message="2 critical expectation(s) failed", critical_failures=["fct empty"])
    monkeypatch.setattr(pipeline, "check", lambda paths: bad)
    published: list = []
    monkeypatch.setattr(pipeline, "publish", lambda paths: published.append(paths))
    _task_context(warehouse_dag.get_task("quality_checks").python_callable, monkeypatch)
    with pytest.raises(AirflowFailException, match="critical quality checks failed: 2 critical expectation"):
        warehouse_dag.get_task("quality_checks").python_callable()
    assert published == []
    good = CheckResult(ok=True, message="all 40 expectations passed")
    monkeypatch.setattr(pipeline, "check", lambda paths: good)
    assert warehouse_dag.get_task("quality_checks").python_callable() == {"ok": True, "message": good.message}


def test_a_failed_dbt_layer_fails_the_task_without_retry(warehouse_dag, data_dir, monkeypatch):
    from airflow.sdk.exceptions import AirflowFailException

    from ingest import pipeline
    from ingest.warehouse.build import BuildResult, NodeResult

    module = sys.modules[warehouse_dag.get_task("dbt_marts").python_callable.__module__]
    _task_context(
        warehouse_dag.get_task("dbt_marts").python_callable, monkeypatch, params={"full_refresh": False}
    )
    calls: list[dict] = []

    def fake_build(paths, *, full_refresh=False, select=None):
        calls.append({"select": select, "full_refresh": full_refresh})
        node = NodeResult("fct_indicator_mentions", "model", "error", 0.5, "Binder Error: column x")
        return BuildResult(ok=False, message="1 error", elapsed_s=1.0, nodes=[node])

    monkeypatch.setattr(pipeline, "build", fake_build)
    with pytest.raises(AirflowFailException, match=r"dbt build --select path:models/marts failed: 1 error"):
        warehouse_dag.get_task("dbt_marts").python_callable()
    assert calls == [{"select": "path:models/marts", "full_refresh": False}]
    line = module._node_line(NodeResult("fct_indicator_mentions", "model", "error", 0.5, "Binder Error"))
    assert "error" in line and "fct_indicator_mentions" in line and "0.50s" in line and "Binder Error" in line


# -- the nightly DAG's summary tasks, on their real callables -------------------------------


@pytest.fixture(scope="module")
def nightly_dag():
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(DAGS / "xaetl_nightly.py")).dags["xaetl_nightly"]


def _result(site_id: str, new: int, *, not_crawled: tuple[str, ...] = ()) -> dict:
    """What crawl_batch returns for a batch of one site."""
    counts = dict.fromkeys(
        ["pages_seen", "pages_new", "pages_changed", "pages_unchanged", "pages_failed", "requests"], 0
    )
    return {
        "site_ids": [site_id],
        "not_crawled": list(not_crawled),
        "crawl_run": "20260601T180000Z-abcdef",
        **counts,
        "pages_new": new,
        "documents_cleaned": new,
    }


def test_mark_landed_totals_the_sites_that_landed_and_tags_the_asset_event(nightly_dag, monkeypatch):
    from xaetl_common import LANDING

    module = sys.modules[nightly_dag.get_task("mark_landed").python_callable.__module__]
    events = {LANDING: SimpleNamespace(extra={})}
    monkeypatch.setattr(module, "get_current_context", lambda: {"outlet_events": events})
    summary = nightly_dag.get_task("mark_landed").python_callable(
        [_result("xuan-phu", 3), _result("loc-quang", 4)]
    )
    assert summary["sites"] == 2 and summary["pages_new"] == 7 and summary["documents_cleaned"] == 7
    assert summary["crawl_run"] == "20260601T180000Z-abcdef"
    assert events[LANDING].extra == summary  # what the warehouse DAG's run sees as its trigger


def test_check_all_sites_crawled_names_the_sites_whose_crawl_failed(nightly_dag, data_dir, monkeypatch):
    from airflow.sdk.exceptions import AirflowFailException

    check = nightly_dag.get_task("check_all_sites_crawled").python_callable
    _task_context(check, monkeypatch)
    sites = ["xuan-phu", "loc-quang", "binh-thanh-dong"]
    assert check([_result(s, 1) for s in sites], sites) == 3
    with pytest.raises(AirflowFailException, match=r"2 site\(s\) not crawled: binh-thanh-dong, loc-quang"):
        check([_result("xuan-phu", 1)], sites)
    # a batch that ran but could not start one of its sites names it too
    partial = [_result("xuan-phu", 1), _result("loc-quang", 0, not_crawled=("loc-quang",))]
    with pytest.raises(AirflowFailException, match=r"2 site\(s\) not crawled"):
        check([*partial], sites)
    assert check([], []) == 0  # an empty registry is not a failure
