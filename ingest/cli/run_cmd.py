"""`xaetl run`: the whole nightly job for the sites of a registry file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ingest.cli import exits
from ingest.cli.options import (
    DEFAULT_DATA_DIR,
    DataDirOption,
    MaxPagesOption,
    RawAuditNightsOption,
    RegistryOption,
    SiteOption,
    StoreOption,
)
from ingest.cli.summary import exit_code, print_summary
from ingest.runlock import RunLocked
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
    raw_audit_nights: RawAuditNightsOption = None,
) -> None:
    """Crawl, clean, land, dbt build, quality checks and publish, all under DATA_DIR.

    Exit 0 when the job completed, even if some pages failed (they are recorded and retried
    next run); 1 when nothing was published (the build or a critical check failed, a stage could
    not write, no site could be crawled: the last good published warehouse stays in place); 2 on
    a bad registry; 3 when it published but some site could not be crawled (listed in the
    summary); 75 when another run holds DATA_DIR.
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
            raw_audit_nights=raw_audit_nights,
        )
    except RunLocked as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(code=exits.BUSY) from exc
    except (RegistryError, ValueError) as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(code=exits.USAGE) from exc
    except OSError as exc:  # the data directory itself cannot be written (lock file, folders)
        typer.secho(f"error: cannot write the data directory {data_dir}: {exc}", fg="red", err=True)
        raise typer.Exit(code=exits.FAILED) from exc
    print_summary(summary)
    raise typer.Exit(code=exit_code(summary))
