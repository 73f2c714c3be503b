"""`xaetl demo`: `xaetl run` on the bundled portal simulator and its registry."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ingest.cli.summary import print_summary

DEMO_DATA_DIR = Path("data") / "demo"


def demo(
    data_dir: Annotated[
        Path, typer.Option("--data-dir", help="Where the demo writes everything.", file_okay=False)
    ] = DEMO_DATA_DIR,
    port: Annotated[
        int,
        typer.Option(
            "--port",
            min=1,
            max=65535,
            help="Port of the simulator. Keep it fixed between runs: page URLs include it.",
        ),
    ] = 8765,
    delay: Annotated[
        float, typer.Option("--delay", min=0.0, help="Per-host politeness delay against the simulator (s).")
    ] = 0.05,
) -> None:
    """Serve the bundled commune portals on 127.0.0.1, then crawl, clean, land, build,
    check and publish them, and print a query to try. Run it again: same facts."""
    from ingest.pipeline import run as run_pipeline
    from ingest.simulator.server import PortalSimulator

    data_dir = data_dir.resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    with PortalSimulator(port=port) as sim:
        registry = sim.write_registry(data_dir / "demo-registry.yaml", delay_s=delay)
        typer.echo(f"Portal simulator serving {sim.base_url}; registry {registry}")
        summary = run_pipeline(registry, data_dir, progress=True)
    print_summary(summary)
    if not summary.ok:
        raise typer.Exit(code=1)
