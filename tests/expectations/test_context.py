"""The generated GX project keeps only the recent validation runs that Data Docs index."""

from __future__ import annotations

from pathlib import Path

from expectations.context import prune_validation_results
from ingest.paths import DataPaths


def test_prune_keeps_the_newest_runs_per_suite(tmp_path: Path) -> None:
    paths = DataPaths.at(tmp_path)
    stores = [
        paths.gx / "uncommitted" / "validations",
        paths.gx / "uncommitted" / "data_docs" / "local_site" / "validations",
    ]
    runs = [f"xaetl-2026112{d}T010000000000Z" for d in range(6)]
    for store in stores:
        for suite in ("landing_pages", "fct_indicator_mentions"):
            for run in runs:
                (store / suite / run / "t").mkdir(parents=True)
                (store / suite / run / "t" / "result.json").write_text("{}")
        (store / ".ge_store_backend_id").write_text("id")

    prune_validation_results(paths, keep=2)

    for store in stores:
        for suite in ("landing_pages", "fct_indicator_mentions"):
            assert sorted(p.name for p in (store / suite).iterdir()) == runs[-2:]
        assert (store / ".ge_store_backend_id").exists()
