"""`xaetl query "SQL"`: read-only SQL on the published warehouse, as a table, CSV or JSON."""

from __future__ import annotations

import csv
import json
import math
import sys
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

import typer

from ingest.cli.options import DEFAULT_DATA_DIR, DataDirOption


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def query(
    sql: Annotated[
        str, typer.Argument(help='SQL to run, e.g. "select * from fct_commune_indicators limit 5".')
    ],
    data_dir: DataDirOption = DEFAULT_DATA_DIR,
    output: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="table (default), csv, or json (an array of objects)."),
    ] = OutputFormat.table,
) -> None:
    """Run SQL read-only on the published warehouse (`<data dir>/published/warehouse.duckdb`).

    The marts live in schema `main`: fct_indicator_mentions, fct_commune_indicators,
    dim_commune, dim_indicator, dim_period, dim_term, dim_document, fct_site_crawls.
    """
    from ingest.paths import DataPaths
    from ingest.warehouse.query import NoPublishedWarehouse, QueryError
    from ingest.warehouse.query import query as run_query

    try:
        columns, rows = run_query(DataPaths.at(data_dir), sql)
    except NoPublishedWarehouse as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(code=1) from exc
    except QueryError as exc:
        typer.secho(f"error: the query failed: {exc}", fg="red", err=True)
        raise typer.Exit(code=1) from exc
    if output is OutputFormat.csv:
        _write_csv(columns, rows)
    elif output is OutputFormat.json:
        records = [{c: _jsonable(v) for c, v in zip(columns, row, strict=True)} for row in rows]
        sys.stdout.write(json.dumps(records, ensure_ascii=False, allow_nan=False) + "\n")
    else:
        _print_table(columns, rows)


def _write_csv(columns: list[str], rows: list[tuple]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(["" if v is None else _text(v) for v in row] for row in rows)


def _print_table(columns: list[str], rows: list[tuple]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(
        show_lines=False, header_style="bold", caption=f"{len(rows)} row{'s' if len(rows) != 1 else ''}"
    )
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("[dim]NULL[/dim]" if v is None else _escape(_text(v)) for v in row))
    Console(soft_wrap=False).print(table)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _text(value: Any) -> str:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return str(value)
