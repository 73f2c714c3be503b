"""`benchmarks/native_bench.py`: the parts that can go wrong before anything is compiled, through its
command line (`--plan` checks the tools and names the modules and the build directory's parent, and
builds nothing: the suite stays fast). It builds with `ingest.native_build`, which
tests/ingest/test_native_build.py builds with for real."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = str(ROOT / "benchmarks" / "native_bench.py")


def _run(*args: str, python: tuple[str, ...] = (sys.executable,), **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*python, SCRIPT, *args], capture_output=True, text=True, env={**os.environ, **env}, timeout=120
    )


def _plan() -> dict:
    done = _run("--plan", CC=sys.executable)  # any program on disk stands for the compiler here
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_every_extract_module_but_the_loader_and_the_worker_pool_is_compiled() -> None:
    modules = _plan()["modules"]
    every = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "ingest" / "extract").rglob("*.py"))
    pure = {"ingest/extract/__init__.py", "ingest/extract/parallel.py"}
    assert pure <= set(every)
    assert modules == [m for m in every if m not in pure]
    assert {"ingest/extract/catalogue/__init__.py", "ingest/extract/learned/ids.py"} <= set(modules)


def test_the_build_directory_is_made_outside_the_repository() -> None:
    parent = Path(_plan()["build_parent"])
    assert parent.is_dir() and not parent.resolve().is_relative_to(ROOT.resolve())
    # a temporary directory inside the repository is refused, not built in
    inside = str(ROOT / "benchmarks")
    done = _run("--plan", CC=sys.executable, TMPDIR=inside)
    assert done.returncode != 0 and "inside the repository" in done.stderr
    assert not list((ROOT / "benchmarks").glob("native_bench-*"))


def test_no_c_compiler_is_one_clear_line_and_a_nonzero_exit() -> None:
    done = _run(CC="/nonexistent/cc")
    assert done.returncode != 0 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "no C compiler" in lines[0] and "/nonexistent/cc" in lines[0]


def test_no_setuptools_is_one_clear_line_and_a_nonzero_exit() -> None:
    # `python -S` leaves the site packages (setuptools among them) out of reach
    done = _run(python=(sys.executable, "-S"), CC=sys.executable)
    assert done.returncode != 0 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("native_bench: setuptools is not installed")


def test_the_source_tree_holds_no_extension_module() -> None:
    # a compiled module beside its .py would be imported instead of it, by everything
    assert not [p for p in (ROOT / "ingest").rglob("*.so")]
