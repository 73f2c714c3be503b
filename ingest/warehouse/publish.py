"""Publish the checked build as the read-only warehouse readers open, swapped in atomically.

The copy is written next to the published file in an older storage format (BI drivers embed
DuckDB 1.x, which cannot open DuckDB 2.0's default format), flushed, fsynced, made read-only
(0444) and renamed over the published path. Readers that hold the old file open keep reading
the old inode; new readers see the new file; nobody ever sees a half-written one. The build file
is only ever attached read-only.

The Parquet export is written from the copy *before* the swap, so the two are swapped back to
back; a marker file (`PARQUET_STALE`) stands beside them from the database swap until the
Parquet swap, so a publish killed in between leaves the export marked stale, never silently old.
Temp files and WALs left by a publish killed earlier are removed by the next one. Every failure
is a `PublishError` with a one-line message; the last good copy stays published.
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

# The newest storage format DuckDB 1.2–1.5 clients read (docs/decisions.md, checked with duckdb 1.5).
STORAGE_VERSION = "v1.2.0"
SRC, DST = "build_src", "pub"
# Tables exported as Parquet for tools that read files rather than databases.
PARQUET_PREFIXES = ("fct_", "dim_")
STALE_MARKER = "PARQUET_STALE"
READ_ONLY_MODE = 0o444
# Leftovers of a publish whose process is gone, or older than this (a reused pid), are removed.
STALE_AFTER_S = 24 * 3600


class PublishError(RuntimeError):
    """Publishing failed; the message is one line and says what stays published."""


def publish(paths: DataPaths, *, parquet: bool = True) -> Path:
    """Copy `paths.warehouse` to `paths.published` atomically; returns `paths.published`.

    With `parquet`, the marts are also exported to `paths.published_parquet/<table>.parquet`
    (a symlink swapped atomically onto a fresh directory, right after the database).
    """
    if not paths.warehouse.exists():
        raise FileNotFoundError(f"no build warehouse at {paths.warehouse}; nothing to publish")
    target = paths.published
    directory = target.parent
    tag = f"{os.getpid()}.{uuid.uuid4().hex[:8]}"
    tmp = directory / f".{target.name}.{tag}.tmp"
    fresh: Path | None = None
    swapped = False
    started = time.perf_counter()
    step = "prepare the published directory"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        remove_leftovers(paths)
        step = "copy the build"
        _copy_database(paths.warehouse, tmp)
        _fsync(tmp)
        os.chmod(tmp, READ_ONLY_MODE)
        if parquet:
            step = "export the marts as Parquet"
            fresh = _export_tables(tmp, directory)
            (directory / STALE_MARKER).write_text(
                f"the Parquet export is being replaced by publish {tag}; if this file stays, it is stale\n"
            )
        elif paths.published_parquet.exists():
            (directory / STALE_MARKER).write_text("published without a Parquet export: this one is older\n")
        step = "swap the new copy in"
        target.with_name(target.name + ".wal").unlink(missing_ok=True)  # a WAL would be replayed on it
        os.replace(tmp, target)
        swapped = True
        _fsync_dir(directory)
        if fresh is not None:
            step = "swap the Parquet export in"
            _swap_link(paths.published_parquet, fresh)
            fresh = None
            (directory / STALE_MARKER).unlink(missing_ok=True)
            _fsync_dir(directory)
    except (OSError, duckdb.Error, RuntimeError) as exc:
        if swapped:
            what = f"the new warehouse is published but its Parquet export is stale (see {STALE_MARKER})"
        else:
            what = f"the last good warehouse stays published at {target}"
        raise PublishError(f"publish failed to {step}: {_one_line(exc)}; {what}") from exc
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            _unlink_quietly(leftover)
        if fresh is not None:
            shutil.rmtree(fresh, ignore_errors=True)
    if parquet:
        _remove_old_exports(directory, keep=paths.published_parquet.resolve())
    log.info("published %s in %.2fs (storage %s)", target, time.perf_counter() - started, STORAGE_VERSION)
    return target


def export_parquet(paths: DataPaths) -> Path:
    """Re-export every fct_/dim_ table of the published warehouse as `<table>.parquet` into a new
    directory, then point `paths.published_parquet` (a symlink) at it in one rename."""
    fresh = _export_tables(paths.published, paths.published_parquet.parent)
    try:
        _swap_link(paths.published_parquet, fresh)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    (paths.published_parquet.parent / STALE_MARKER).unlink(missing_ok=True)
    _remove_old_exports(paths.published_parquet.parent, keep=fresh)
    return paths.published_parquet


def remove_leftovers(paths: DataPaths) -> list[Path]:
    """Temp copies, their WALs and Parquet directories of publishes that died (kill -9, full disk)."""
    directory = paths.published.parent
    if not directory.is_dir():
        return []
    current = paths.published_parquet.resolve() if paths.published_parquet.is_symlink() else None
    removed = []
    for entry in directory.iterdir():
        name = entry.name
        prefix = f".{paths.published.name}."
        if name.startswith(prefix) and name.endswith((".tmp", ".tmp.wal")):
            owner = _pid_in(name[len(prefix) :].split(".", 1)[0])
        elif name.startswith(".parquet-") and not entry.is_symlink() and entry.is_dir():
            if current is not None and entry == current:
                continue
            owner = _export_owner(name)
        elif name.startswith(".parquet-link-") and entry.is_symlink():
            owner = None
        else:
            continue
        if owner is not None and owner != os.getpid() and _alive(owner) and not _old(entry):
            continue  # another publish is running right now
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            _unlink_quietly(entry)
        removed.append(entry)
    if removed:
        log.info("removed %d leftovers of earlier publishes: %s", len(removed), [p.name for p in removed])
    return removed


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


def _export_tables(database: Path, directory: Path) -> Path:
    """Every fct_/dim_ table of `database` as Parquet in a new hidden directory of `directory`."""
    from ingest.warehouse.query import attach_read_only

    stamp = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    fresh = directory / f".parquet-{stamp}"
    fresh.mkdir(parents=True)
    try:
        con = attach_read_only(database)
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
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return fresh


def _swap_link(link: Path, fresh: Path) -> None:
    if link.exists() and not link.is_symlink():
        # an earlier layout kept a plain directory here; move it aside so the link can replace it
        stamp = time.strftime("%Y%m%dT%H%M%S")
        link.rename(link.parent / f".parquet-legacy-{stamp}-0-{uuid.uuid4().hex[:6]}")
    tmp_link = link.parent / f".parquet-link-{uuid.uuid4().hex[:8]}"
    tmp_link.symlink_to(fresh.name)
    try:
        os.replace(tmp_link, link)
    except BaseException:
        _unlink_quietly(tmp_link)
        raise
    _fsync_dir(link.parent)


def _remove_old_exports(directory: Path, keep: Path) -> None:
    # Open files in a removed directory stay readable until closed (POSIX unlink semantics).
    for old in directory.glob(".parquet-*"):
        if old.is_symlink():  # a link left by a publish that died before its rename
            _unlink_quietly(old)
        elif old != keep and old.is_dir():
            owner = _export_owner(old.name)
            if owner is not None and owner != os.getpid() and _alive(owner) and not _old(old):
                continue  # the fresh export of a publish running right now
            shutil.rmtree(old, ignore_errors=True)


def _export_owner(name: str) -> int | None:
    """The pid in `.parquet-<time>-<pid>-<hex>`; None for older names without one."""
    parts = name.split("-")
    return _pid_in(parts[-2]) if len(parts) >= 4 else None


def _pid_in(text: str) -> int | None:
    return int(text) if text.isdigit() and int(text) > 0 else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _old(path: Path) -> bool:
    try:
        return time.time() - path.lstat().st_mtime > STALE_AFTER_S
    except OSError:
        return True


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:  # cleanup must never hide the error that matters
        log.warning("could not remove %s: %s", path, exc)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


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
