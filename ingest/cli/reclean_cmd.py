"""`xaetl reclean`: re-clean every landed raw page with the current cleaner into a new clean version."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def reclean(
    data_dir: Annotated[
        Path, typer.Option("--data-dir", help="Data directory of earlier crawls (raw/, landing/).")
    ],
    registry: Annotated[
        Path | None,
        typer.Option(help="Site registry YAML: gives each site its CMS family (default: generic cleaning)."),
    ] = None,
) -> None:
    """Re-clean all landed raw HTML with this cleaner version; older clean versions are kept."""
    from ingest.clean import CLEANER_VERSION
    from ingest.clean.landing import reclean as run_reclean
    from ingest.paths import DataPaths
    from ingest.sites import RegistryError, load_registry

    paths = DataPaths.at(data_dir)
    if not paths.pages.exists():
        typer.echo(f"error: {paths.root} has no landed pages (no {paths.pages})", err=True)
        raise typer.Exit(code=1)
    sites = None
    if registry is not None:
        try:
            sites = {s.id: s for s in load_registry(registry)}
        except RegistryError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(code=1) from exc
    written = run_reclean(paths, sites=sites)
    typer.echo(f"clean_version={CLEANER_VERSION}: {written} documents written under {paths.documents}")
