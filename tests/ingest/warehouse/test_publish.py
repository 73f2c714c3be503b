"""Publishing: an atomic swap readers never see half-done, DuckDB 1.x opens it, bad builds stay out."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pytest

from ingest import pipeline
from ingest.paths import REPO_ROOT, DataPaths
from ingest.warehouse.publish import publish
from ingest.warehouse.query import mart_counts
from tests.expectations.warehouse_builder import good_data_dir, mention_rows, write_build

DUCKDB1_VENV = REPO_ROOT / ".cache" / "duckdb1-venv"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_publish_copies_every_table_and_view_without_touching_the_build(tmp_path: Path) -> None:
    paths = good_data_dir(tmp_path)
    before = (_digest(paths.warehouse), paths.warehouse.stat().st_mtime_ns)

    assert publish(paths) == paths.published

    assert (_digest(paths.warehouse), paths.warehouse.stat().st_mtime_ns) == before
    assert mart_counts(paths) == {
        "fct_indicator_mentions": 8,
        "fct_commune_indicators": 8,
        "dim_commune": 3,
        "dim_document": 3,
    }
    with duckdb.connect(str(paths.published), read_only=True) as con:
        assert con.execute("select count(*) from v_income").fetchone() == (2,)
        assert con.execute("select count(*) from dim_period").fetchone() == (5,)
    # no temp file or WAL left next to the published copy
    leftovers = [p.name for p in paths.published.parent.iterdir() if p.name.endswith((".tmp", ".wal"))]
    assert leftovers == []


def test_parquet_export_is_swapped_in_whole(tmp_path: Path) -> None:
    paths = good_data_dir(tmp_path)
    publish(paths)
    first = paths.published_parquet.resolve()
    files = sorted(p.name for p in paths.published_parquet.iterdir())
    assert "fct_indicator_mentions.parquet" in files and "dim_commune.parquet" in files
    assert "v_income.parquet" not in files  # views and non-mart tables stay in the database only

    write_build(paths.warehouse, mention_rows(extra=4))
    publish(paths)

    assert paths.published_parquet.is_symlink()
    assert paths.published_parquet.resolve() != first and not first.exists()  # old export removed
    with duckdb.connect() as con:
        count = con.execute(
            f"select count(*) from '{paths.published_parquet}/fct_indicator_mentions.parquet'"
        )
        assert count.fetchone() == (12,)


def test_publish_without_a_build_fails_and_keeps_nothing_half_done(tmp_path: Path) -> None:
    paths = DataPaths.at(tmp_path).ensure()
    with pytest.raises(FileNotFoundError, match="no build warehouse"):
        publish(paths)
    assert list(paths.published.parent.iterdir()) == []


def _duckdb1_python() -> Path:
    """A DuckDB 1.x interpreter in a cached, git-ignored venv (created once with uv from PyPI)."""
    python = DUCKDB1_VENV / "bin" / "python"
    if not python.exists():
        uv = shutil.which("uv")
        assert uv, "uv is needed to create the DuckDB 1.x test environment"
        subprocess.run([uv, "venv", "-q", str(DUCKDB1_VENV), "--python", "3.11"], check=True, timeout=300)
        subprocess.run(
            [uv, "pip", "install", "-q", "--python", str(python), "duckdb>=1.5,<2"], check=True, timeout=600
        )
    return python


def test_duckdb_1x_client_reads_the_published_marts(tmp_path: Path) -> None:
    paths = good_data_dir(tmp_path)
    publish(paths)
    script = textwrap.dedent(
        """
        import json, sys, duckdb
        con = duckdb.connect(sys.argv[1], read_only=True)
        out = {"version": duckdb.__version__}
        for t in ["fct_indicator_mentions", "fct_commune_indicators", "dim_commune", "dim_document",
                  "dim_indicator", "dim_period", "dim_term", "fct_site_crawls"]:
            out[t] = con.execute(f"select count(*) from {t}").fetchone()[0]
        out["income"] = con.execute(
            "select commune_id, period, base_value from fct_commune_indicators "
            "where indicator_id = 'income_per_capita' and kind = 'actual'").fetchall()
        out["view"] = con.execute("select count(*) from v_income").fetchone()[0]
        print(json.dumps(out))
        """
    )
    done = subprocess.run(
        [str(_duckdb1_python()), "-c", script, str(paths.published)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["version"].startswith("1.")
    assert out["fct_indicator_mentions"] == 8 and out["dim_commune"] == 3 and out["dim_period"] == 5
    assert out["income"] == [["c-xuan-phu", "2023-H1", 67000000.0]]
    assert out["view"] == 2
    # and the build file itself (DuckDB 2.0's format) is what 1.x cannot read: the pin matters
    refused = subprocess.run(
        [
            str(_duckdb1_python()),
            "-c",
            "import duckdb,sys; duckdb.connect(sys.argv[1], read_only=True)",
            str(paths.warehouse),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode != 0


READER = textwrap.dedent(
    """
    import json, sys, time, duckdb
    published, stop = sys.argv[1], sys.argv[2]
    held = duckdb.connect(published, read_only=True)   # holds the file open for the whole test
    first = held.execute("select count(*) from fct_indicator_mentions").fetchone()[0]
    print("ready", flush=True)
    held_seen, fresh_seen, errors = set(), [], []
    import os
    while not os.path.exists(stop):
        held_seen.add(held.execute("select count(*) from fct_indicator_mentions").fetchone()[0])
        try:
            con = duckdb.connect(":memory:")
            con.execute(f"attach '{published}' as w (read_only)")
            n = con.execute("select count(*) from w.fct_indicator_mentions").fetchone()[0]
            d = con.execute("select count(*) from w.dim_document").fetchone()[0]
            fresh_seen.append([n, d])
            con.close()
        except Exception as exc:
            errors.append(repr(exc))
        time.sleep(0.02)
    print(json.dumps({"first": first, "held": sorted(held_seen), "fresh": fresh_seen, "errors": errors}))
    """
)


def test_reader_holding_the_published_file_never_sees_a_half_built_one(tmp_path: Path) -> None:
    paths = good_data_dir(tmp_path)
    publish(paths)
    stop = tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(paths.published), str(stop)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout is not None
        assert reader.stdout.readline().strip() == "ready"
        # complete (mentions, documents) states a reader may see: 8 rows / 3 docs, then 8 + extra
        sizes = [200, 0, 400]
        publish_times = []
        for extra in sizes:
            write_build(paths.warehouse, mention_rows(extra=extra))  # the next "dbt build"
            started = time.perf_counter()
            publish(paths, parquet=False)
            publish_times.append(time.perf_counter() - started)
            time.sleep(0.2)
        stop.touch()
        out, err = reader.communicate(timeout=60)
    finally:
        if reader.poll() is None:
            reader.kill()
    assert reader.returncode == 0, err
    seen = json.loads(out.strip().splitlines()[-1])
    assert seen["errors"] == []
    assert seen["first"] == 8 and seen["held"] == [8]  # the held connection keeps the old inode
    complete = {(8 + extra, 3) for extra in [0, *sizes]}
    assert {tuple(s) for s in seen["fresh"]} <= complete  # never a half-written file
    assert (8 + sizes[-1], 3) in {tuple(s) for s in seen["fresh"]}  # new readers do get the new one
    assert max(publish_times) < 10  # the open reader did not block publishing
    assert mart_counts(paths)["fct_indicator_mentions"] == 8 + sizes[-1]


@pytest.mark.slow
def test_failed_critical_check_keeps_the_last_good_warehouse_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through `ingest.pipeline.run`, with crawl and dbt build replaced by hand-built warehouses."""
    paths = good_data_dir(tmp_path)
    builds = iter([mention_rows(extra=12), None])

    def fake_build(p: DataPaths, *, full_refresh: bool = False, **_options: object) -> SimpleNamespace:
        rows = next(builds)
        if rows is None:  # second night: a unit bug puts shares in the thousands
            rows = mention_rows(extra=12)
            for r in rows:
                if r["base_unit"] == "%":
                    r["base_value"] = r["base_value"] * 1000
        write_build(p.warehouse, rows)
        return SimpleNamespace(ok=True, message="built")

    monkeypatch.setattr(pipeline, "crawl", lambda sites, p, **kw: [])
    monkeypatch.setattr(pipeline, "build", fake_build)

    first = pipeline.run([], paths.root)
    assert first.ok, first.failure
    good_bytes = _digest(paths.published)
    assert first.counts["fct_indicator_mentions"] == 20

    second = pipeline.run([], paths.root)
    assert not second.ok
    assert second.published is None
    assert "quality checks failed" in second.failure
    assert (
        "fct_indicator_mentions" in second.failure and "'%'" in second.failure and "2100.0" in second.failure
    )
    assert _digest(paths.published) == good_bytes
    assert mart_counts(paths)["fct_indicator_mentions"] == 20


def test_leftovers_of_a_running_publish_are_kept_those_of_dead_ones_removed(tmp_path: Path) -> None:
    paths = good_data_dir(tmp_path)
    publish(paths)
    directory = paths.published.parent
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    try:
        live_tmp = directory / f".warehouse.duckdb.{sleeper.pid}.aaaa1111.tmp"
        dead_tmp = directory / f".warehouse.duckdb.{dead.pid}.bbbb2222.tmp"
        dead_wal = directory / f".warehouse.duckdb.{dead.pid}.bbbb2222.tmp.wal"
        live_export = directory / f".parquet-20250101T000000-{sleeper.pid}-cc33dd"
        dead_export = directory / f".parquet-20250101T000000-{dead.pid}-ee44ff"
        for f in (live_tmp, dead_tmp, dead_wal):
            f.write_bytes(b"x")
        for d in (live_export, dead_export):
            d.mkdir()
        publish(paths)
        assert live_tmp.exists() and live_export.exists()
        assert not dead_tmp.exists() and not dead_wal.exists() and not dead_export.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_published_copy_is_read_only_and_marked_stale_without_parquet(tmp_path: Path) -> None:
    paths = good_data_dir(tmp_path)
    publish(paths)
    assert paths.published.stat().st_mode & 0o777 == 0o444
    assert not (paths.published.parent / "PARQUET_STALE").exists()
    publish(paths, parquet=False)  # the old export stays, and says it is older than the database
    assert (paths.published.parent / "PARQUET_STALE").exists()
