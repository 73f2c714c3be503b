"""A real published warehouse from the bundled simulator: crawl, clean, dbt build, checks, publish."""

from __future__ import annotations

from pathlib import Path

from ingest.paths import DataPaths


def build_demo_warehouse(root: Path) -> DataPaths:
    """What `xaetl demo` does, on an ephemeral port with no politeness delay; returns the data dir."""
    from ingest.pipeline import run
    from ingest.simulator.server import PortalSimulator

    with PortalSimulator(port=0) as sim:
        registry = sim.write_registry(root / "demo-registry.yaml", delay_s=0.0)
        summary = run(registry, root)
    if not summary.ok:
        raise RuntimeError(f"demo build failed: {summary.failure}")
    return DataPaths.at(root)
