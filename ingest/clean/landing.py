"""Clean newly fetched page versions and land their text and blocks (placeholder until the cleaner lands)."""

from __future__ import annotations

from typing import Any

from ingest.paths import DataPaths
from ingest.sites import Site


def clean_pages(paths: DataPaths, site: Site, pages: list[dict[str, Any]], *, run_id: str) -> int:
    """Clean the raw HTML of `pages` (PAGES_SCHEMA rows) and land documents + blocks; returns the count."""
    return 0
