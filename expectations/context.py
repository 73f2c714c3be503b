"""The file-based Great Expectations project under `<data dir>/gx/`: offline, quiet, generated."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import great_expectations as gx
from great_expectations.checkpoint import Checkpoint
from great_expectations.data_context import FileDataContext
from great_expectations.data_context.types.base import ProgressBarsConfig
from great_expectations.datasource.fluent import PandasDatasource

from ingest.paths import DataPaths

log = logging.getLogger(__name__)

DATASOURCE = "xaetl_warehouse"
BATCH_DEFINITION = "whole_table"
DATA_DOCS_SITE = "local_site"
# Validation results pile up run after run; Data Docs index them all, so keep the recent ones.
KEEP_RUNS_PER_SUITE = 20


def get_context(paths: DataPaths) -> FileDataContext:
    """Open (creating on first use) the GX project at `paths.gx`, analytics and progress bars off."""
    paths.root.mkdir(parents=True, exist_ok=True)
    context = gx.get_context(mode="file", project_root_dir=str(paths.root))
    if Path(context.root_directory) != paths.gx:
        raise RuntimeError(f"GX project landed at {context.root_directory}, expected {paths.gx}")
    variables = context.variables
    bars = variables.progress_bars  # a ProgressBarsConfig when new, a dict once read back from YAML
    bars_on = True if bars is None else (bars.get("globally") if isinstance(bars, dict) else bars.globally)
    if variables.analytics_enabled is not False or bars_on is not False:
        variables.analytics_enabled = False
        variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        variables.save()
    return context


def register_checkpoint(context: FileDataContext, table: str, suite: gx.ExpectationSuite) -> Checkpoint:
    """Store the suite (regenerated each run from its factory) with the asset, validation
    definition and checkpoint that validate one table's DataFrame against it."""
    try:
        source = context.data_sources.get(DATASOURCE)
    except (KeyError, ValueError):
        source = context.data_sources.add_pandas(DATASOURCE)
    if not isinstance(source, PandasDatasource):
        raise TypeError(f"GX data source {DATASOURCE!r} is a {type(source).__name__}, not a pandas one")
    try:
        asset = source.get_asset(table)
    except LookupError:
        asset = source.add_dataframe_asset(table)
    try:
        batch = asset.get_batch_definition(BATCH_DEFINITION)
    except KeyError:
        batch = asset.add_batch_definition_whole_dataframe(BATCH_DEFINITION)
    suite = context.suites.add_or_update(suite)
    definition = context.validation_definitions.add_or_update(
        gx.ValidationDefinition(name=table, data=batch, suite=suite)
    )
    return context.checkpoints.add_or_update(
        gx.Checkpoint(
            name=f"xaetl_{table}",
            validation_definitions=[definition],
            actions=[],  # Data Docs are built once for all tables at the end
            result_format={"result_format": "SUMMARY", "partial_unexpected_count": 5},
        )
    )


def data_docs_index(paths: DataPaths) -> Path:
    return paths.gx / "uncommitted" / "data_docs" / DATA_DOCS_SITE / "index.html"


def build_data_docs(context: FileDataContext, paths: DataPaths) -> Path | None:
    """Rebuild the static site; its index is `<data dir>/gx/uncommitted/data_docs/local_site/index.html`.

    GX writes pages that load jQuery, Bootstrap and more from CDNs and a logo from a remote URL
    carrying the data context id; they are rewritten in place to vendored copies, so the site
    also works opened as files with no network (`xaetl docs` serves the same pages).
    """
    from ingest.report.datadocs import localize_site

    prune_validation_results(paths)
    context.build_data_docs(site_names=[DATA_DOCS_SITE])
    index = data_docs_index(paths)
    if not index.exists():
        return None
    unknown = localize_site(index.parent)
    if unknown:
        log.warning("Data Docs still load from the network: %s (add them to datadocs_rewrite.yaml)", unknown)
    return index


def prune_validation_results(paths: DataPaths, keep: int = KEEP_RUNS_PER_SUITE) -> None:
    """Drop all but the newest `keep` stored runs per suite (results and their Data Docs pages)."""
    uncommitted = paths.gx / "uncommitted"
    for store in (uncommitted / "validations", uncommitted / "data_docs" / DATA_DOCS_SITE / "validations"):
        if not store.is_dir():
            continue
        for suite_dir in (d for d in store.iterdir() if d.is_dir()):
            runs = sorted((d for d in suite_dir.iterdir() if d.is_dir()), key=lambda d: d.name)
            for old in runs[:-keep]:
                shutil.rmtree(old, ignore_errors=True)
