"""`xaetl crawl`: crawl and land the sites of a registry (no warehouse build)."""

from __future__ import annotations

import logging
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

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
from ingest.cli.summary import crawl_exit_code, failure_lines, summary_table
from ingest.sites import RegistryError, load_registry


def crawl(
    registry: RegistryOption,
    data_dir: DataDirOption = DEFAULT_DATA_DIR,
    site: SiteOption = None,
    max_pages: MaxPagesOption = None,
    store: StoreOption = None,
    raw_audit_nights: RawAuditNightsOption = None,
) -> None:
    """Crawl the sites of a registry and land raw HTML, pages, errors and run rows under DATA_DIR.

    Exit 0 when the crawl completed, even if pages failed (they are in landing/fetch_errors and
    retried next run); 1 when no site could be crawled (or DATA_DIR cannot be written); 2 on a
    bad registry or an unknown --site; 3 when some site could not be crawled (listed); 75 when
    another run holds DATA_DIR.
    """
    from ingest.crawl_config import crawl_config
    from ingest.paths import DataPaths
    from ingest.pipeline import crawl as crawl_pipeline
    from ingest.pipeline import new_run_id
    from ingest.runlock import RunLocked
    from ingest.storelock import run_lock_for

    err = Console(stderr=True, soft_wrap=True)  # one-line errors, whatever the terminal width
    try:
        config = crawl_config(raw_audit_nights)
    except ValueError as exc:  # a bad $XAETL_RAW_AUDIT_NIGHTS
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(code=exits.USAGE) from exc
    try:
        sites = load_registry(Path(registry))
    except RegistryError as exc:
        err.print(f"[red]error:[/] bad registry: {escape(str(exc))}")
        raise typer.Exit(code=exits.USAGE) from exc
    if site:
        unknown = sorted(set(site) - {s.id for s in sites})
        if unknown:
            err.print(
                f"[red]error:[/] unknown site id(s): {escape(', '.join(unknown))} (registry has: "
                f"{', '.join(s.id for s in sites)})"
            )
            raise typer.Exit(code=exits.USAGE)
        sites = [s for s in sites if s.id in site]
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        paths = DataPaths.at(data_dir, store)
    except ValueError as exc:  # a bad --store URL
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(code=exits.USAGE) from exc
    run_id = new_run_id()
    try:
        with run_lock_for(paths.root, paths.store, run_id):
            # Each site lands its registry entry itself, so a site whose landing fails is reported.
            result = crawl_pipeline(
                sites, paths.ensure(), run_id=run_id, max_pages=max_pages, progress=True, config=config
            )
    except RunLocked as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}", soft_wrap=True)
        raise typer.Exit(code=exits.BUSY) from exc
    except OSError as exc:
        err.print(f"[red]error:[/] cannot write the data directory {paths.root}: {escape(str(exc))}")
        raise typer.Exit(code=exits.FAILED) from exc
    console = Console()
    console.print(summary_table(result.sites, run_id))
    console.print("; ".join([f"landed under {paths.store.uri()}", *failure_lines(result)]), soft_wrap=True)
    raise typer.Exit(code=crawl_exit_code(result))
