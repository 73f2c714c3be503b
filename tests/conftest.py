"""Suite-wide setup: offline telemetry, pure-Python extraction; shared fixtures live in per-area conftests."""

import os
import tempfile

# The suite tests the source as written: a native build in the developer's cache (`xaetl native build`)
# must not stand in for it, so `ingest.extract` looks for builds in an empty directory of this run's own
# (the native tests make and point at their own builds).
os.environ["XAETL_NATIVE_DIR"] = tempfile.mkdtemp(prefix="xaetl-native-none-")

import pytest

from ingest.pipeline import go_offline

go_offline()


@pytest.fixture
def simulator():
    """A fresh, started portal simulator serving the bundled snapshot; stopped after the test."""
    from ingest.simulator import PortalSimulator

    with PortalSimulator() as sim:
        yield sim


@pytest.fixture(scope="session")
def s3():
    """A local S3-compatible server (moto) for the whole session; tests take their own bucket."""
    from tests.helpers.s3 import s3_server

    with s3_server() as server:
        yield server


@pytest.fixture(params=["local", "s3"])
def store_url(request, tmp_path):
    """A storage root on local disk, then on the local S3 server (tests run once on each)."""
    if request.param == "local":
        return str(tmp_path / "store")
    server = request.getfixturevalue("s3")
    return f"s3://{server.new_bucket()}/data"
