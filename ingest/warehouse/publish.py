"""Publish the checked build as the read-only warehouse readers open, swapped in atomically.

The copy is written next to the published file in an older storage format (BI drivers embed
DuckDB 1.x, which cannot open DuckDB 2.0's default format), flushed, fsynced and renamed over
the published path. Readers that hold the old file open keep reading the old inode; new
readers see the new file; nobody ever sees a half-written one. The build file is only ever
attached read-only.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import time
import uuid
from pathlib import Path

import duckdb

from ingest.paths import DataPaths

log = logging.getLogger(__name__)

# The newest storage format DuckDB 1.2–1.5 clients read (DESIGN §5, checked with duckdb 1.5).
STORAGE_VERSION = "v1.2.0"
SRC, DST = "build_src", "pub"
# Tables exported as Parquet for tools that read files rather than databases.
PARQUET_PREFIXES = ("fct_", "dim_")


def publish(paths: DataPaths, *, parquet: bool = True) -> Path:
    """Copy `paths.warehouse` to `paths.published` atomically; returns `paths.published`.

    With `parquet`, the marts are also exported to `paths.published_parquet/<table>.parquet`
    (a symlink swapped atomically onto a fresh directory).
    """
    if not paths.warehouse.exists():
        raise FileNotFoundError(f"no build warehouse at {paths.warehouse}; nothing to publish")
    target = paths.published
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.parent / f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"
    started = time.perf_counter()
    try:
        _copy_database(paths.warehouse, tmp)
        _fsync(tmp)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)
    log.info("published %s in %.2fs (storage %s)", target, time.perf_counter() - started, STORAGE_VERSION)
    if parquet:
        export_parquet(paths)
    return target


def _copy_database(source: Path, dest: Path) -> None:
    con = duckdb.connect(":memory:")
    try:
        con.execute(f"ATTACH '{_sql_str(source)}' AS {SRC} (READ_ONLY)")
        con.execute(f"ATTACH '{_sql_str(dest)}' AS {DST} (STORAGE_VERSION '{STORAGE_VERSION}')")
        con.execute(f"COPY FROM DATABASE {SRC} TO {DST}")
        drop_file_views(con, DST)
        con.execute(f"CHECKPOINT {DST}")
        con.execute(f"DETACH {DST}")
        con.execute(f"DETACH {SRC}")
    finally:
        con.close()
    wal = dest.with_name(dest.name + ".wal")
    if wal.exists():  # a checkpointed, detached database leaves no WAL; be sure before the swap
        raise RuntimeError(f"publish copy left a write-ahead log at {wal}")


# Views that read files (the landing source views dbt creates) hold absolute paths of the build
# machine: broken in a BI container and refused by sandboxed readers. Readers get the marts.
FILE_READERS = re.compile(
    r"\b(read_(parquet|csv|csv_auto|json|json_auto|ndjson|text|blob)|parquet_scan|glob)\s*\(", re.I
)


def drop_file_views(con: duckdb.DuckDBPyConnection, catalog: str) -> list[str]:
    """Drop the views of `catalog` that read files, and the views built on them; returns their names."""
    views = con.execute(
        "select schema_name, view_name, sql from duckdb_views() where database_name = ? and not internal",
        [catalog],
    ).fetchall()
    doomed = {(s, v) for s, v, sql in views if FILE_READERS.search(sql or "")}
    changed = True
    while changed:  # views on dropped views go too (dbt staging views on the landing sources)
        names = [re.compile(rf"\b({re.escape(s)}\.)?\"?{re.escape(v)}\"?\b") for s, v in doomed]
        more = {
            (s, v) for s, v, sql in views if (s, v) not in doomed and any(n.search(sql or "") for n in names)
        }
        changed = bool(more)
        doomed |= more
    for schema, view in sorted(doomed):
        con.execute(f'DROP VIEW "{catalog}"."{schema}"."{view}"')
    return sorted(f"{s}.{v}" for s, v in doomed)


def export_parquet(paths: DataPaths) -> Path:
    """Write every fct_/dim_ table of the published warehouse as `<table>.parquet` into a new
    directory, then point `paths.published_parquet` (a symlink) at it in one rename."""
    link = paths.published_parquet
    stamp = f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}"
    fresh = link.parent / f".parquet-{stamp}"
    fresh.mkdir(parents=True)
    from ingest.warehouse.query import attach_read_only

    try:
        con = attach_read_only(paths.published)
        try:
            tables = [
                r[0]
                for r in con.execute(
                    "select table_name from duckdb_tables() where database_name = current_database() "
                    "and schema_name = 'main' order by table_name"
                ).fetchall()
                if r[0].startswith(PARQUET_PREFIXES)
            ]
            for table in tables:
                out = fresh / f"{table}.parquet"
                con.execute(f"COPY main.\"{table}\" TO '{_sql_str(out)}' (FORMAT parquet, COMPRESSION zstd)")
                _fsync(out)
        finally:
            con.close()
        _fsync_dir(fresh)
        if link.exists() and not link.is_symlink():
            # an earlier layout kept a plain directory here; move it aside so the link can replace it
            link.rename(link.parent / f".parquet-legacy-{stamp}")
        tmp_link = link.parent / f".parquet-link-{stamp}"
        tmp_link.symlink_to(fresh.name)
        os.replace(tmp_link, link)
        _fsync_dir(link.parent)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    _remove_old_exports(link.parent, keep=fresh)
    return link


def _remove_old_exports(directory: Path, keep: Path) -> None:
    # Open files in a removed directory stay readable until closed (POSIX unlink semantics).
    for old in directory.glob(".parquet-*"):
        if old.is_symlink():  # a link left by a publish that died before its rename
            old.unlink(missing_ok=True)
        elif old != keep and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    _fsync(path)


def _sql_str(path: Path) -> str:
    return str(path).replace("'", "''")
