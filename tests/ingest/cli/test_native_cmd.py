"""`xaetl native build|status|clear` without compiling (a real build: tests/ingest/test_native_build.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest import native
from ingest.cli.main import app


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv(native.DIR_ENV, str(tmp_path / "native"))
    monkeypatch.delenv(native.ENABLE_ENV, raising=False)
    return tmp_path / "native"


def _ready(cache: Path, key: str) -> Path:
    build = cache / key
    build.mkdir(parents=True)
    ready = {"key": key, "verified": True, "mentions_hash": "0" * 64, "modules": ["ingest/extract/scan.py"]}
    (build / native.READY_FILE).write_text(json.dumps(ready), encoding="utf-8")
    return build


def _invoke(*args: str):
    return CliRunner().invoke(app, ["native", *args])


def test_status_says_which_implementation_and_why(cache, monkeypatch) -> None:
    got = _invoke("status")
    assert got.exit_code == 0 and got.stdout.startswith(f"pure: no native build in {cache}")
    _ready(cache, "0" * 24)  # another source's build
    got = _invoke("status")
    assert got.stdout.startswith("pure: no build for this source") and "stale" in got.stdout
    build = _ready(cache, native.build_key())
    assert _invoke("status").stdout.splitlines() == [
        f"native: ready build at {build}",
        f"1 unused build(s) under {cache} (`xaetl native clear` removes them)",
    ]
    monkeypatch.setenv(native.ENABLE_ENV, "0")
    assert _invoke("status").stdout.splitlines()[0] == "pure: disabled by XAETL_NATIVE=0"


def test_clear_removes_the_builds_and_nothing_else(cache) -> None:
    _ready(cache, "0" * 24)
    _ready(cache, native.build_key())
    (cache / ".build-0123456789abcdef01234567-x1_y").mkdir()  # one left by a killed build
    (cache / "notes").mkdir()
    got = _invoke("clear")
    assert got.exit_code == 0 and got.stdout == f"3 build(s) removed from {cache}\n"
    assert [p.name for p in cache.iterdir()] == ["notes"]
    assert _invoke("status").stdout.startswith("pure: no native build")


def test_build_without_a_c_compiler_is_one_line_and_exit_1(cache, monkeypatch) -> None:
    monkeypatch.setenv("CC", "/nonexistent/cc")
    got = _invoke("build")
    assert got.exit_code == 1 and got.stdout == ""
    lines = got.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: no C compiler") and "/nonexistent/cc" in lines[0]
    assert not cache.exists()


def test_build_keeps_a_ready_build_of_the_same_source(cache, monkeypatch) -> None:
    monkeypatch.setenv("CC", sys.executable)  # any program on disk stands for the compiler here
    build = _ready(cache, native.build_key())
    got = _invoke("build")
    assert got.exit_code == 0, got.output
    assert got.stdout == f"ready: {build} (already built for this source; --force builds again)\n"


def test_a_relative_cache_root_is_made_absolute(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(native.DIR_ENV, "builds")
    assert native.cache_root() == tmp_path / "builds"


def test_build_refuses_a_cache_root_inside_the_source_tree(monkeypatch) -> None:
    monkeypatch.setenv("CC", sys.executable)
    inside = native.source_root() / "ingest" / "native-builds"
    monkeypatch.setenv(native.DIR_ENV, str(inside))
    got = _invoke("build")
    assert got.exit_code == 1 and "inside the source tree" in got.stderr and not inside.exists()
