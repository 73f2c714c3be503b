"""Sizing of a nightly crawl: tasks under Airflow's map limit, a pool that fits the window."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from ingest.cli.main import app
from ingest.crawl_config import CrawlConfig
from ingest.sizing import size

MAX_MAP_LENGTH = 1024  # Airflow 3's core.max_map_length default


@pytest.mark.parametrize("sites", [1, 20, 3321, 10_000, 50_000])
def test_tasks_stay_under_the_map_limit_and_nights_fit_the_window(sites):
    s = size(sites)
    assert s.tasks <= MAX_MAP_LENGTH and s.tasks * s.sites_per_task >= sites
    assert s.first_night_hours <= s.window_hours or s.pool_slots == s.tasks
    assert s.steady_hours <= s.first_night_hours
    assert s.hosts_per_task <= CrawlConfig().workers


def test_documented_sizes():
    small, national = size(3321), size(10_000)
    assert (small.tasks, small.pool_slots) == (34, 2)
    assert (national.tasks, national.pool_slots) == (100, 5)
    assert national.requests_per_site == 16 and national.steady_hours < 0.5


def test_a_longer_delay_needs_more_slots():
    assert size(10_000, delay_s=3.0).pool_slots > size(10_000, delay_s=1.0).pool_slots


def test_cli(tmp_path):
    runner = CliRunner()
    got = runner.invoke(app, ["sizing", "--sites", "10000"])
    assert got.exit_code == 0 and json.loads(got.stdout)["pool_slots"] == 5
    assert runner.invoke(app, ["sizing", "--sites", "3321", "--slots"]).stdout.strip() == "2"
    assert runner.invoke(app, ["sizing"]).exit_code == 2
