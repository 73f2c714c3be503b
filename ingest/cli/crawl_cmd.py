"""`xaetl crawl`: crawl and land the sites of a registry (no warehouse build)."""

from __future__ import annotations

import logging
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ingest.cli.options import DEFAULT_DATA_DIR, DataDirOption, MaxPagesOption, RegistryOption, SiteOption
from ingest.sites import RegistryError, load_registry

COLUMNS = ("site", "seen", "new", "changed", "unchanged", "failed", "requests")


def summary_table(results: list, run_id: str) -> Table:
    """One row per site: pages seen / new / changed / unchanged / failed and requests made."""
    table = Table(title=f"Crawl {run_id}")
    for col in COLUMNS:
        table.add_column(col, justify="left" if col == "site" else "right")
    for r in results:
        counts = (r.pages_seen, r.pages_new, r.pages_changed, r.pages_unchanged, r.pages_failed, r.requests)
        table.add_row(r.site_id, *(str(v) for v in counts))
    return table


def crawl(
    registry: RegistryOption,
    data_dir: DataDirOption = DEFAULT_DATA_DIR,
    site: SiteOption = None,
    max_pages: MaxPagesOption = None,
) -> None:
    """Crawl the sites of a registry and land raw HTML, pages, errors and run rows under DATA_DIR.

    Exit 0 when the crawl completed, even if pages failed (they are in landing/fetch_errors and
    retried next run); exit 2 on a bad registry or an unknown --site.
    """
    from ingest.crawl import crawl_sites
    from ingest.land import land_sites
    from ingest.paths import DataPaths
    from ingest.pipeline import new_run_id

    err = Console(stderr=True)
    try:
        sites = load_registry(Path(registry))
    except RegistryError as exc:
        err.print(f"[red]error:[/] bad registry: {escape(str(exc))}")
        raise typer.Exit(code=2) from exc
    if site:
        unknown = sorted(set(site) - {s.id for s in sites})
        if unknown:
            err.print(
                f"[red]error:[/] unknown site id(s): {escape(', '.join(unknown))} (registry has: "
                f"{', '.join(s.id for s in sites)})"
            )
            raise typer.Exit(code=2)
        sites = [s for s in sites if s.id in site]
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    paths = DataPaths.at(data_dir).ensure()
    run_id = new_run_id()
    land_sites(paths, sites, run_id=run_id)
    results = crawl_sites(sites, paths, run_id=run_id, max_pages=max_pages, progress=True)
    console = Console()
    console.print(summary_table(results, run_id))
    failed = sum(r.pages_failed for r in results)
    console.print(
        f"landed under {paths.root}"
        + (f"; {failed} page(s) failed, recorded in landing/fetch_errors" if failed else "")
    )
