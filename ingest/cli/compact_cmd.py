"""`xaetl compact`: merge old landing nights' per-site parts into one file per table and night."""

from __future__ import annotations

from typing import Annotated

import typer

from ingest.cli.options import DataDirOption, StoreOption


def compact(
    data_dir: DataDirOption,
    store: StoreOption = None,
    older_than: Annotated[
        int, typer.Option("--older-than", min=1, help="Compact nights at least this many days old.")
    ] = 7,
) -> None:
    """Compact landing nights older than `--older-than` days (rows unchanged, files fewer)."""
    from ingest.compact import compact as run_compact
    from ingest.paths import DataPaths

    paths = DataPaths.at(data_dir, store)
    result = run_compact(paths.store, older_than_days=older_than)
    typer.echo(
        f"{result.nights} night(s) compacted: {result.files_before} files -> {result.files_after} "
        f"under {paths.store.uri('landing')}"
    )
