"""`xaetl compact` on a data directory whose store is local disk."""

from __future__ import annotations

from typer.testing import CliRunner

from ingest.cli.main import app
from ingest.land import night_parts
from ingest.paths import DataPaths
from tests.ingest.test_site_state import history


def test_compacts_old_nights_of_the_store(tmp_path):
    paths = DataPaths.at(tmp_path / "data").ensure()
    history(paths.store)  # nights 2026-11-02 .. 11-04; the first has two sites
    got = CliRunner().invoke(app, ["compact", "--data-dir", str(paths.root), "--older-than", "1"])
    assert got.exit_code == 0, got.output
    assert "1 night(s) compacted: 7 files -> 6" in got.stdout  # every night is old by now
    assert len(night_parts(paths.store, "pages", "2026-11-02")) == 1


def test_refused_with_exit_75_while_another_run_holds_the_data_directory(tmp_path):
    from ingest.cli import exits
    from ingest.storelock import run_lock_for

    paths = DataPaths.at(tmp_path / "data").ensure()
    history(paths.store)
    with run_lock_for(paths.root, paths.store, "20261105T010000Z-night1"):
        got = CliRunner().invoke(app, ["compact", "--data-dir", str(paths.root), "--older-than", "1"])
    assert got.exit_code == exits.BUSY, got.output
    assert "in use by run 20261105T010000Z-night1" in got.output
    assert len(night_parts(paths.store, "pages", "2026-11-02")) == 2  # nothing moved
