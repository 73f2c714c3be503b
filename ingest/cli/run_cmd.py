"""`xaetl run`: the whole nightly job for the sites of a registry file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ingest.cli.options import (
    DEFAULT_DATA_DIR,
    DataDirOption,
    MaxPagesOption,
    RegistryOption,
    SiteOption,
    StoreOption,
)
from ingest.cli.summary import print_summary
from ingest.sites import RegistryError


def run(
    registry: RegistryOption,
    data_dir: DataDirOption = DEFAULT_DATA_DIR,
    site: SiteOption = None,
    max_pages: MaxPagesOption = None,
    full_refresh: Annotated[
        bool, typer.Option("--full-refresh", help="Rebuild every dbt model from scratch.")
    ] = False,
    store: StoreOption = None,
) -> None:
    """Crawl, clean, land, dbt build, quality checks and publish, all under DATA_DIR.

    Exit 0 when the job completed, even if some pages failed (they are recorded and retried
    next run); exit 1 when the build or a critical check failed (the last good published
    warehouse stays in place).
    """
    from ingest.pipeline import run as run_pipeline

    try:
        summary = run_pipeline(
            Path(registry),
            data_dir,
            site_ids=site,
            max_pages=max_pages,
            full_refresh=full_refresh,
            progress=True,
            store=store,
        )
    except (RegistryError, ValueError) as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(code=2) from exc
    print_summary(summary)
    if not summary.ok:
        raise typer.Exit(code=1)
