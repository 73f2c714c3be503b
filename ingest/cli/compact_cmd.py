"""`xaetl compact`: merge old landing nights' per-site parts into one file per table and night."""

from __future__ import annotations

from typing import Annotated

import typer

from ingest.cli import exits
from ingest.cli.options import DataDirOption, StoreOption


def compact(
    data_dir: DataDirOption,
    store: StoreOption = None,
    older_than: Annotated[
        int, typer.Option("--older-than", min=1, help="Compact nights at least this many days old.")
    ] = 7,
) -> None:
    """Compact landing nights older than `--older-than` days (rows unchanged, files fewer).

    Holds the data directory's run lock (exit 75 when another run holds it)."""
    from ingest.compact import compact as run_compact
    from ingest.paths import DataPaths
    from ingest.pipeline import new_run_id
    from ingest.runlock import RunLocked
    from ingest.storelock import run_lock_for

    paths = DataPaths.at(data_dir, store)
    try:
        with run_lock_for(paths.root, paths.store, f"compact-{new_run_id()}"):
            result = run_compact(paths.store, older_than_days=older_than)
    except RunLocked as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=exits.BUSY) from exc
    typer.echo(
        f"{result.nights} night(s) compacted: {result.files_before} files -> {result.files_after} "
        f"under {paths.store.uri('landing')}"
    )
