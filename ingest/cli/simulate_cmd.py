"""`xaetl simulate`: serve the bundled commune portal snapshot on 127.0.0.1 until Ctrl-C."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Annotated

import typer

from ingest.simulator import PortalSimulator


def simulate(
    port: Annotated[int, typer.Option(help="TCP port on 127.0.0.1 (0 picks a free one).")] = 8765,
    registry_out: Annotated[
        Path | None,
        typer.Option("--registry-out", help="Write the site registry YAML of the served sites to this file."),
    ] = None,
    delay: Annotated[
        float, typer.Option("--delay", help="Politeness delay (delay_s, seconds) written into the registry.")
    ] = 0.0,
    host: Annotated[str, typer.Option(help="Address to bind; keep the loopback default.")] = "127.0.0.1",
) -> None:
    """Serve the bundled snapshot of five commune portal sites (Thanh Hóa, Liferay-like and
    WordPress-like families) in the foreground, for `xaetl run`, Airflow or a browser."""
    sim = PortalSimulator(host=host, port=port)
    try:
        sim.start()
    except OSError as exc:
        typer.echo(f"error: cannot listen on {host}:{port}: {exc}", err=True)
        raise typer.Exit(code=1) from exc
    try:
        typer.echo(f"Portal simulator serving {len(sim.sites)} sites at {sim.base_url}")
        for site in sim.sites:
            typer.echo(f"  {site.id:<20} {site.family:<9} {sim.site_base_url(site.id)}")
        if registry_out is not None:
            sim.write_registry(registry_out, delay_s=delay)
            typer.echo(f"Registry written to {registry_out}")
        typer.echo("Press Ctrl-C to stop.", err=True)
        threading.Event().wait()
    except KeyboardInterrupt:
        typer.echo("Stopping.", err=True)
    finally:
        sim.stop()
