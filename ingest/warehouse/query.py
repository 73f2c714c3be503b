"""Read-only SQL on the published warehouse: what `xaetl query`, the run summary and BI users see.

Analysts' SQL runs in a sandbox (`open_sandboxed`): a fresh in-memory DuckDB with the published
file attached read-only, then spilling, extensions, external access and the local file system
switched off and the configuration locked, with a memory limit and a timeout. What it allows and
refuses is listed in the README ("Security and failure behaviour"); `bi_connect_args` and
`BI_INIT_STATEMENTS` give a BI driver the same settings.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from ingest.paths import DataPaths

# The marts whose row counts the run summary prints (and the quality gate compares to).
MART_COUNT_TABLES = ["fct_indicator_mentions", "fct_commune_indicators", "dim_commune", "dim_document"]
CATALOG = "warehouse"

TIMEOUT_ENV = "XAETL_QUERY_TIMEOUT_S"
MEMORY_ENV = "XAETL_QUERY_MEMORY_LIMIT"
THREADS_ENV = "XAETL_QUERY_THREADS"


class NoPublishedWarehouse(FileNotFoundError):
    """There is no published warehouse yet: no build has passed its checks in this data dir."""


class QueryError(RuntimeError):
    """The SQL failed on the published warehouse (or the sandbox refused it)."""


@dataclass(frozen=True)
class SandboxLimits:
    """Resources one analyst query may use."""

    memory_limit: str = "2GB"
    threads: int = 2
    timeout_s: float = 300.0

    @classmethod
    def from_env(cls) -> SandboxLimits:
        """Defaults overridden by $XAETL_QUERY_TIMEOUT_S, $XAETL_QUERY_MEMORY_LIMIT, $XAETL_QUERY_THREADS."""
        base = cls()
        try:
            timeout = float(os.environ.get(TIMEOUT_ENV) or base.timeout_s)
            threads = int(os.environ.get(THREADS_ENV) or base.threads)
        except ValueError as exc:
            raise QueryError(f"bad {TIMEOUT_ENV} or {THREADS_ENV}: {exc}") from exc
        memory = os.environ.get(MEMORY_ENV) or base.memory_limit
        if not (timeout > 0 and threads > 0) or timeout == float("inf"):
            raise QueryError(f"{TIMEOUT_ENV} and {THREADS_ENV} must be finite positive numbers")
        if not memory.replace(" ", "").replace(".", "").isalnum():
            raise QueryError(f"bad {MEMORY_ENV}: {memory!r} (e.g. 2GB)")
        return cls(memory_limit=memory, threads=threads, timeout_s=timeout)


def startup_settings(limits: SandboxLimits) -> dict[str, Any]:
    """Settings a DuckDB instance accepts when it starts (`duckdb.connect(config=...)`).

    The order matters when they are applied with SET: the temp directory can no longer be changed
    once external access is off.
    """
    return {
        "temp_directory": "",  # no spill files: a query above the memory limit fails, writes nothing
        "autoinstall_known_extensions": False,
        "autoload_known_extensions": False,
        "allow_community_extensions": False,
        "allow_persistent_secrets": False,
        "python_enable_replacements": False,  # no scans of Python variables of the calling process
        "memory_limit": limits.memory_limit,
        "threads": limits.threads,
        "enable_external_access": False,  # no COPY, no file table functions, no INSTALL/LOAD
    }


# Settings that need a running database, applied right after connecting; the lock comes last.
# With external access off DuckDB still lets SQL reach the files already attached (the
# published file could be detached and re-attached read-write, a `.wal` written beside it);
# disabling the local file system closes that, while the open file stays readable.
BI_INIT_STATEMENTS = (
    "SET disabled_filesystems = 'LocalFileSystem'",
    "SET lock_configuration = true",
)


def _sql_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def sandbox_statements(limits: SandboxLimits) -> list[str]:
    """Every SET statement of the sandbox, in the order they must run on an open connection."""
    sets = [f"SET {name} = {_sql_value(value)}" for name, value in startup_settings(limits).items()]
    return [*sets, *BI_INIT_STATEMENTS]


def bi_connect_args(limits: SandboxLimits | None = None) -> dict[str, Any]:
    """`connect_args` for a DuckDB SQLAlchemy driver (duckdb-engine) on the published file.

    The driver opens the file read-only with external access off; run `BI_INIT_STATEMENTS` on
    each new connection (a SQLAlchemy "connect" event) to finish the sandbox and lock it.
    """
    settings = startup_settings(limits or SandboxLimits())
    # At startup DuckDB applies the config in order and refuses a temp directory given *before*
    # external access is switched off (the reverse of SET): move it to the end.
    temp = settings.pop("temp_directory")
    return {"read_only": True, "config": {**settings, "temp_directory": temp}}


def open_sandboxed(path: Path, limits: SandboxLimits | None = None) -> duckdb.DuckDBPyConnection:
    """A fresh in-memory DuckDB with `path` attached read-only as the default catalog, sandboxed.

    A fresh instance rather than `duckdb.connect(path)`: that would reuse a database instance
    this process already holds for the path (the old inode after a publish swapped the file).
    """
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"ATTACH '{_sql_str(path)}' AS \"{CATALOG}\" (READ_ONLY)")
        con.execute(f'USE "{CATALOG}"')
        for statement in sandbox_statements(limits or SandboxLimits()):
            con.execute(statement)
    except BaseException:
        con.close()
        raise
    return con


def attach_read_only(path: Path, alias: str = CATALOG) -> duckdb.DuckDBPyConnection:
    """A fresh in-memory DuckDB with `path` attached read-only and selected as the default.

    Not sandboxed: for the pipeline's own SQL (checks, counts, the Parquet export), never for
    SQL typed by a user. `duckdb.connect(path)` would reuse a database instance this process
    already holds for the same path, i.e. the old inode after a publish swapped the file;
    ATTACH opens the file anew.
    """
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"ATTACH '{_sql_str(path)}' AS \"{alias}\" (READ_ONLY)")
        con.execute(f'USE "{alias}"')
    except BaseException:
        con.close()
        raise
    return con


def _require_published(paths: DataPaths) -> None:
    if not paths.published.exists():
        raise NoPublishedWarehouse(
            f"no published warehouse at {paths.published}: run `xaetl run` (or `xaetl demo`) first"
        )


def connect_published(paths: DataPaths) -> duckdb.DuckDBPyConnection:
    """The published warehouse, attached read-only (not sandboxed: the pipeline's own SQL)."""
    _require_published(paths)
    return attach_read_only(paths.published)


def query(
    paths: DataPaths, sql: str, *, limits: SandboxLimits | None = None
) -> tuple[list[str], list[tuple]]:
    """Run SQL in the sandbox on the published warehouse; returns (column names, rows).

    Raises QueryError (one line) when the SQL fails, is refused, runs out of memory or time.
    """
    _require_published(paths)
    limits = limits or SandboxLimits.from_env()
    try:
        con = open_sandboxed(paths.published, limits)
    except duckdb.Error as exc:
        raise QueryError(f"cannot open the published warehouse: {_one_line(exc)}") from exc
    timer = threading.Timer(limits.timeout_s, con.interrupt)
    timer.daemon = True
    timer.start()
    try:
        cursor = con.execute(sql)
        if cursor.description is None:
            return [], []
        columns = [d[0] for d in cursor.description]
        return columns, cursor.fetchall()
    except duckdb.InterruptException as exc:
        raise QueryError(
            f"query stopped after the time limit of {limits.timeout_s:g} s (set {TIMEOUT_ENV} to change it)"
        ) from exc
    except duckdb.OutOfMemoryException as exc:
        raise QueryError(
            f"query needs more than the memory limit of {limits.memory_limit} "
            f"(set {MEMORY_ENV} to change it): {_one_line(exc)}"
        ) from exc
    except duckdb.PermissionException as exc:
        raise QueryError(
            "not allowed: queries read the published marts only (no files, ATTACH, COPY, "
            f"extensions or settings): {_one_line(exc)}"
        ) from exc
    except duckdb.Error as exc:
        text = _one_line(exc)
        if "configuration has been locked" in text:
            text = f"not allowed: settings are locked in the query sandbox ({text})"
        raise QueryError(text) from exc
    finally:
        timer.cancel()
        con.close()


def table_counts(paths: DataPaths, tables: list[str]) -> dict[str, int]:
    """Rows per table in the published warehouse (tables it lacks are left out)."""
    con = connect_published(paths)
    try:
        present = {
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables "
                "where table_catalog = ? and table_schema = 'main'",
                [CATALOG],
            ).fetchall()
        }
        return {t: _count(con, t) for t in tables if t in present}
    finally:
        con.close()


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    row = con.execute(f'select count(*) from main."{table}"').fetchone()
    return int(row[0]) if row else 0


def mart_counts(paths: DataPaths) -> dict[str, int]:
    """Rows per main mart in the published warehouse."""
    return table_counts(paths, MART_COUNT_TABLES)


def _one_line(exc: BaseException) -> str:
    """DuckDB messages carry a caret diagram of the SQL on later lines; keep the first line."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _sql_str(path: Path) -> str:
    return str(path).replace("'", "''")
