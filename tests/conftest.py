"""Suite-wide setup: offline telemetry, shared fixtures live in the per-area conftests."""

import pytest

from ingest.pipeline import go_offline

go_offline()


@pytest.fixture
def simulator():
    """A fresh, started portal simulator serving the bundled snapshot; stopped after the test."""
    from ingest.simulator import PortalSimulator

    with PortalSimulator() as sim:
        yield sim
