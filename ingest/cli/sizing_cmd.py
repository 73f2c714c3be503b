"""`xaetl sizing`: crawl tasks, pool slots and night length for a registry (or a number of sites)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer


def sizing(
    registry: Annotated[
        Path | None, typer.Option("--registry", exists=True, dir_okay=False, help="Site registry YAML.")
    ] = None,
    sites: Annotated[int | None, typer.Option("--sites", min=1, help="A number of sites instead.")] = None,
    window_hours: Annotated[float, typer.Option("--window-hours", min=0.5, help="The nightly window.")] = 6.0,
    delay_s: Annotated[
        float | None,
        typer.Option("--delay", min=0.0, help="Politeness delay (default: the registry's mean)."),
    ] = None,
    slots_only: Annotated[bool, typer.Option("--slots", help="Print only the pool slot count.")] = False,
) -> None:
    """Print the sizing of a nightly crawl as JSON (or only the pool slots, for scripts)."""
    from ingest.sites import load_registry
    from ingest.sizing import size

    if (registry is None) == (sites is None):
        typer.echo("error: give --registry or --sites", err=True)
        raise typer.Exit(code=2)
    n, delay = sites or 0, delay_s if delay_s is not None else 1.0
    if registry is not None:
        entries = load_registry(registry)
        n = len(entries)
        if delay_s is None and entries:
            delay = max(1.0, sum(s.delay_s for s in entries) / len(entries))
    result = size(max(1, n), delay_s=delay, window_hours=window_hours)
    typer.echo(str(result.pool_slots) if slots_only else json.dumps(result.as_dict()))
