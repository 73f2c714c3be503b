"""Run `dbt build` (and `dbt docs generate`) in-process for one data directory."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.paths import DBT_PROJECT_DIR, DataPaths

log = logging.getLogger(__name__)

# dbt keeps adapters, flags and its event manager in module globals: two invocations in one
# process at the same time would share them, so in-process builds are serialised. Builds in
# different processes on different data dirs are independent (target, logs and warehouse file
# all live under the data dir).
_DBT_LOCK = threading.Lock()


@dataclass
class NodeResult:
    """One dbt node (model, seed, test, unit test) of a build."""

    name: str
    resource_type: str
    status: str
    elapsed_s: float
    message: str | None = None


@dataclass
class BuildResult:
    """Outcome of one dbt invocation."""

    ok: bool
    message: str
    elapsed_s: float
    nodes: list[NodeResult] = field(default_factory=list)

    def failed(self) -> list[NodeResult]:
        return [n for n in self.nodes if n.status in ("error", "fail", "runtime error")]


def dbt_env(paths: DataPaths) -> dict[str, str]:
    """Environment variables the dbt project and profile read, for one data directory."""
    return {
        "XAETL_DATA_DIR": str(paths.root),
        "XAETL_STORE_URI": paths.store.uri(),
        "XAETL_WAREHOUSE_PATH": str(paths.warehouse),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
        "DO_NOT_TRACK": "1",
    }


def target_dir(paths: DataPaths) -> Path:
    """dbt's target directory (compiled SQL, manifest, partial parse, docs) for a data dir."""
    return paths.root / "dbt" / "target"


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old


def _invoke(paths: DataPaths, command: list[str], *, quiet: bool = False) -> tuple[Any, float]:
    from dbt.cli.main import dbtRunner

    paths.ensure()
    args = [
        *command,
        "--project-dir",
        str(DBT_PROJECT_DIR),
        "--profiles-dir",
        str(DBT_PROJECT_DIR),
        "--target-path",
        str(target_dir(paths)),
        "--log-path",
        str(paths.logs / "dbt"),
        "--no-send-anonymous-usage-stats",
        "--no-use-colors",
        *(["--quiet"] if quiet else []),
    ]
    with _DBT_LOCK, _environment(dbt_env(paths)):
        started = time.perf_counter()
        log.info("dbt %s (data dir %s)", " ".join(command), paths.root)
        try:
            result = dbtRunner().invoke(args)
        finally:
            _release_duckdb()
        return result, time.perf_counter() - started


def _release_duckdb() -> None:
    """Close the DuckDB database dbt-duckdb keeps open in the process after a run.

    dbt-duckdb caches its environment (and so the open database file) in a class attribute
    until the next run with other credentials; left open, nobody else in this process can
    open the warehouse read-only (GX checks, publishing) and the file stays locked. There
    is no public API for this, hence the private attributes.
    """
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    with DuckDBConnectionManager._LOCK:
        env = DuckDBConnectionManager._ENV
        DuckDBConnectionManager._ENV = None
        if env is not None:
            env.close()


def _nodes(result: Any) -> list[NodeResult]:
    nodes = []
    for r in getattr(result.result, "results", None) or []:
        node = r.node
        nodes.append(
            NodeResult(
                name=node.name,
                resource_type=str(getattr(node.resource_type, "value", node.resource_type)),
                status=str(getattr(r.status, "value", r.status)),
                elapsed_s=float(r.execution_time or 0.0),
                message=r.message,
            )
        )
    return nodes


def dbt_build(
    paths: DataPaths,
    *,
    full_refresh: bool = False,
    select: str | None = None,
    exclude: str | None = None,
    quiet: bool = False,
) -> BuildResult:
    """`dbt build` of the warehouse from the landing files of `paths` (selection optional).

    `quiet` keeps dbt's per-node lines out of stdout (the CLI shows its own summary); they
    always go to `<data>/logs/dbt/dbt.log`, and Airflow tasks keep them in the task log.
    """
    command = ["build"]
    if full_refresh:
        command.append("--full-refresh")
    if select:
        command += ["--select", select]
    if exclude:
        command += ["--exclude", exclude]
    result, elapsed = _invoke(paths, command, quiet=quiet)
    nodes = _nodes(result)
    failed = [n for n in nodes if n.status in ("error", "fail", "runtime error")]
    if result.success:
        warned = sum(n.status == "warn" for n in nodes)
        message = f"{len(nodes)} nodes ok" + (f", {warned} warning(s)" if warned else "")
    elif failed:
        message = "; ".join(f"{n.resource_type} {n.name}: {n.status}: {n.message}" for n in failed[:5])
    else:
        message = f"dbt failed: {result.exception!r}"
    log.info("dbt build %s in %.1fs: %s", "ok" if result.success else "FAILED", elapsed, message)
    return BuildResult(ok=bool(result.success), message=message, elapsed_s=elapsed, nodes=nodes)


def dbt_docs_generate(paths: DataPaths) -> Path:
    """`dbt docs generate` for a built warehouse; returns the path of the docs site's index.html."""
    result, _ = _invoke(paths, ["docs", "generate"])
    if not result.success:
        raise RuntimeError(f"dbt docs generate failed: {result.exception!r}")
    return target_dir(paths) / "index.html"


def dbt_source_freshness(paths: DataPaths) -> BuildResult:
    """`dbt source freshness` of the landing sources (stale sources show as warn / error)."""
    result, elapsed = _invoke(paths, ["source", "freshness"])
    nodes = [n for n in _nodes(result) if n.resource_type == "source"]  # not the on-run-start hook
    stale = [n for n in nodes if n.status != "pass"]
    message = ", ".join(f"{n.name}: {n.status}" for n in stale) or f"{len(nodes)} sources fresh"
    return BuildResult(ok=bool(result.success), message=message, elapsed_s=elapsed, nodes=nodes)
