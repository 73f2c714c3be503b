"""`xaetl query`: read-only SQL on the published warehouse, as a table that fits, CSV or JSON."""

from __future__ import annotations

import json
import math
import sys
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from ingest.cli.query_locate import ReaderDataDirOption, locate_or_exit
from ingest.cli.query_table import Layout


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def query(
    sql: Annotated[
        str | None,
        typer.Argument(
            help='SQL to run, e.g. "select * from fct_commune_indicators limit 5". '
            "`-` (or nothing, with input piped in) reads it from stdin."
        ),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", "-f", help="Read the SQL from this file.", exists=True, dir_okay=False),
    ] = None,
    data_dir: ReaderDataDirOption = None,
    output: Annotated[
        OutputFormat, typer.Option("--format", help="table (default), csv, or json (an array of objects).")
    ] = OutputFormat.table,
    layout: Annotated[
        Layout,
        typer.Option(
            "--layout",
            help="Table output: auto (a table when it fits the terminal, else one block per record), "
            "table, or vertical.",
        ),
    ] = Layout.auto,
    excel: Annotated[
        bool,
        typer.Option(
            "--excel", help="CSV for Excel (Vietnamese settings): UTF-8 BOM, `;` separator, `,` decimals."
        ),
    ] = False,
) -> None:
    """Run SQL read-only on the published warehouse (`<data dir>/published/warehouse.duckdb`).

    The marts live in schema `main`: fct_indicator_mentions, fct_commune_indicators,
    dim_commune, dim_indicator, dim_period, dim_term, dim_document, fct_site_crawls.
    """
    from ingest.warehouse.query import NoPublishedWarehouse, QueryError
    from ingest.warehouse.query import query as run_query

    text = _read_sql(sql, file)
    paths = locate_or_exit(data_dir)
    try:
        columns, rows = run_query(paths, text)
    except NoPublishedWarehouse as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(code=1) from exc
    except QueryError as exc:
        typer.secho(f"error: the query failed: {exc}", fg="red", err=True)
        raise typer.Exit(code=1) from exc
    if output is OutputFormat.csv:
        from ingest.report.csv_excel import EXCEL_VN, PLAIN, write_csv

        sys.stdout.flush()
        write_csv(sys.stdout.buffer, columns, rows, EXCEL_VN if excel else PLAIN)
        sys.stdout.buffer.flush()
    elif output is OutputFormat.json:
        records = [{c: _jsonable(v) for c, v in zip(columns, row, strict=True)} for row in rows]
        sys.stdout.write(json.dumps(records, ensure_ascii=False, allow_nan=False) + "\n")
    else:
        from ingest.cli.query_table import print_result

        print_result(columns, rows, layout=layout)


def _read_sql(sql: str | None, file: Path | None) -> str:
    if sql is not None and sql != "-" and file is not None:
        _fail("give the SQL either as an argument or with -f FILE, not both")
    if file is not None:
        text = file.read_text(encoding="utf-8-sig")
    elif sql is not None and sql != "-":
        text = sql
    elif sql == "-" or not sys.stdin.isatty():
        text = sys.stdin.read()
    else:
        _fail('no SQL: pass it as an argument (xaetl query "select 1"), with -f FILE, or on stdin')
    if not text.strip():
        _fail("the SQL is empty")
    return text


def _fail(message: str) -> None:
    typer.secho(f"error: {message}", fg="red", err=True)
    raise typer.Exit(code=2)


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
