"""Options shared by several commands, declared once."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

DEFAULT_DATA_DIR = Path(os.environ.get("XAETL_DATA_DIR", "data"))

DataDirOption = Annotated[
    Path,
    typer.Option(
        "--data-dir",
        help="Directory for raw HTML, landing Parquet, the warehouse and the published copy "
        "(default: $XAETL_DATA_DIR or ./data).",
        file_okay=False,
    ),
]
RegistryOption = Annotated[
    Path,
    typer.Option(
        "--registry",
        help="Site registry YAML: the communes to crawl (format in the README, section Sites).",
        exists=True,
        dir_okay=False,
    ),
]
SiteOption = Annotated[
    list[str] | None,
    typer.Option("--site", help="Only this site id (repeatable). Default: every site of the registry."),
]
MaxPagesOption = Annotated[
    int | None,
    typer.Option(
        "--max-pages", min=1, help="Listing pages to walk per site (default: until known articles)."
    ),
]
StoreOption = Annotated[
    str | None,
    typer.Option(
        "--store",
        help="Where raw HTML, landing and crawl state live: a directory or s3://bucket/prefix "
        "(default: $XAETL_STORE, else the data directory).",
    ),
]
RawAuditNightsOption = Annotated[
    int | None,
    typer.Option(
        "--raw-audit-nights",
        min=1,
        help="On an object store, check each known page's raw HTML once in this many nights, a "
        "slice a night (1: all every night; default: $XAETL_RAW_AUDIT_NIGHTS, else 7). A local "
        "store checks all every night.",
    ),
]
