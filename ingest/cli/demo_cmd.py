"""`xaetl demo`: `xaetl run` on the bundled portal simulator and its registry."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ingest.cli import exits
from ingest.cli.summary import exit_code, print_summary
from ingest.runlock import RunLocked

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
    check and publish them, and print a query to try. Run it again: same facts.
    Exit codes as `xaetl run`."""
    from ingest.paths import DataPaths
    from ingest.pipeline import new_run_id
    from ingest.pipeline import run as run_pipeline
    from ingest.simulator.server import PortalSimulator
    from ingest.storelock import run_lock_for

    data_dir = data_dir.resolve()
    run_id = new_run_id()
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        # Locked before the simulator starts: a second demo is told the directory is busy, not
        # that the port is taken. The pipeline joins this lock (same run id).
        paths = DataPaths.at(data_dir)
        with run_lock_for(paths.root, paths.store, run_id), PortalSimulator(port=port) as sim:
            registry = sim.write_registry(data_dir / "demo-registry.yaml", delay_s=delay)
            typer.echo(f"Portal simulator serving {sim.base_url}; registry {registry}")
            summary = run_pipeline(registry, data_dir, progress=True, run_id=run_id)
    except RunLocked as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(code=exits.BUSY) from exc
    except OSError as exc:  # the port is taken, or the data directory cannot be written
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(code=exits.FAILED) from exc
    print_summary(summary)
    raise typer.Exit(code=exit_code(summary))
