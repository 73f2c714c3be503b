"""`xaetl reclean`: re-clean every landed raw page with the current cleaner into a new clean version."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ingest.cli import exits
from ingest.cli.options import StoreOption


def reclean(
    data_dir: Annotated[
        Path, typer.Option("--data-dir", help="Data directory of earlier crawls (raw/, landing/).")
    ],
    registry: Annotated[
        Path | None,
        typer.Option(help="Site registry YAML: gives each site its CMS family (default: generic cleaning)."),
    ] = None,
    store: StoreOption = None,
) -> None:
    """Re-clean all landed raw HTML with this cleaner version; older clean versions are kept.

    A page whose raw HTML is lost or unreadable, or that this cleaner finds empty where an
    earlier version had text, gets no new version: the earlier text stays in use.

    Exit 0 when done; 3 when some pages were not re-cleaned (listed); 1 when the store has no
    landed pages, the registry is bad or a write failed; 2 for a bad `--store`; 75 when another
    run holds DATA_DIR.
    """
    from collections import Counter

    from ingest.clean import CLEANER_VERSION
    from ingest.clean.landing import reclean as run_reclean
    from ingest.clean.outcome import CleanOutcome
    from ingest.paths import DataPaths
    from ingest.pipeline import new_run_id
    from ingest.runlock import RunLocked
    from ingest.sites import RegistryError, load_registry
    from ingest.storelock import run_lock_for

    try:
        paths = DataPaths.at(data_dir, store)
    except ValueError as exc:  # a bad --store URL
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=exits.USAGE) from exc
    no_pages = f"error: {paths.store.uri()} has no landed pages (no {paths.landing_uri('pages')})"
    if not paths.root.exists() and paths.store.is_local:  # nothing to lock, nor to re-clean
        typer.echo(no_pages, err=True)
        raise typer.Exit(code=exits.FAILED)
    sites = None
    if registry is not None:
        try:
            sites = {s.id: s for s in load_registry(registry)}
        except RegistryError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(code=exits.FAILED) from exc
    failed: list[tuple[str, str]] = []  # (url, failure class)

    def not_recleaned(page: dict, outcome: CleanOutcome) -> None:
        failed.append((page["url"], str(outcome.failure)))

    try:
        with run_lock_for(paths.root, paths.store, f"reclean-{new_run_id()}"):
            # Checked under the lock: a run still crawling has landed nothing yet, and is named.
            landed = bool(paths.store.ls("landing/pages"))  # on disk or in the bucket ($XAETL_STORE)
            written = run_reclean(paths, sites=sites, on_failure=not_recleaned) if landed else 0
    except RunLocked as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=exits.BUSY) from exc
    except OSError as exc:
        typer.echo(f"error: reclean could not write under {paths.landing}: {exc}", err=True)
        raise typer.Exit(code=exits.FAILED) from exc
    if not landed:
        typer.echo(no_pages, err=True)
        raise typer.Exit(code=exits.FAILED)
    typer.echo(f"clean_version={CLEANER_VERSION}: {written} documents written under {paths.documents}")
    if failed:
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(Counter(k for _, k in failed).items()))
        typer.echo(f"NOT RE-CLEANED: {len(failed)} page(s) ({kinds}); their earlier text stays in use:")
        for url, kind in failed[:20]:
            typer.echo(f"  {kind} {url}")
        if len(failed) > 20:
            typer.echo(f"  … {len(failed) - 20} more")
        raise typer.Exit(code=exits.INCOMPLETE)
