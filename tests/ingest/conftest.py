"""Fixtures shared by the reader tests (query, report, export): one real demo warehouse per session."""

from __future__ import annotations

import pytest

from ingest.paths import DataPaths
from tests.helpers.demo_warehouse import build_demo_warehouse


@pytest.fixture(scope="session")
def demo_warehouse(tmp_path_factory: pytest.TempPathFactory) -> DataPaths:
    """A published warehouse built from the bundled simulator (read it, never write to it)."""
    return build_demo_warehouse(tmp_path_factory.mktemp("demo-warehouse"))
