"""`xaetl export`: the facts as an xlsx workbook or a CSV file that Excel opens right."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ingest.cli.query_locate import (
    CommuneOption,
    ProvinceOption,
    ReaderDataDirOption,
    locate_or_exit,
)


class ExportFormat(StrEnum):
    xlsx = "xlsx"
    csv = "csv"


def export(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="File to write (default: xaetl-facts.xlsx or .csv).", dir_okay=False
        ),
    ] = None,
    output: Annotated[
        ExportFormat | None,
        typer.Option("--format", help="xlsx or csv (default: from the --out suffix, else xlsx)."),
    ] = None,
    data_dir: ReaderDataDirOption = None,
    province: ProvinceOption = None,
    commune: CommuneOption = None,
    sep: Annotated[str, typer.Option("--sep", help="CSV field separator: `;` (default) or `,`.")] = ";",
    decimal: Annotated[str, typer.Option("--decimal", help="CSV decimal mark: `,` (default) or `.`.")] = ",",
    bom: Annotated[
        bool,
        typer.Option("--bom/--no-bom", help="Start the CSV with a UTF-8 byte-order mark (Excel needs it)."),
    ] = True,
) -> None:
    """Export the reconciled facts for Excel.

    xlsx: an about sheet, one sheet per theme with a commune × period pivot (one column per
    indicator, its unit in the header, panes frozen, each value's source quote as a cell comment),
    and every fact with its source on the last sheet. CSV: one row per fact, UTF-8 with BOM,
    `;` between fields and `,` as the decimal mark (Vietnamese regional settings) unless told otherwise.
    """
    from ingest.report.csv_excel import CsvDialect
    from ingest.report.facts import ReportDataError, Scope
    from ingest.report.spreadsheet import export_csv, export_xlsx

    kind = output or (
        ExportFormat.csv if out is not None and out.suffix.lower() == ".csv" else ExportFormat.xlsx
    )
    target = (out or Path(f"xaetl-facts.{kind.value}")).resolve()
    if sep not in (";", ",", "\t") or decimal not in (",", "."):
        typer.secho("error: --sep is one of ; , or a tab; --decimal is , or .", fg="red", err=True)
        raise typer.Exit(code=2)
    try:
        dialect = CsvDialect(bom=bom, sep=sep, decimal=decimal, line_end="\r\n")
    except ValueError as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(code=2) from exc
    paths = locate_or_exit(data_dir)
    scope = Scope(province=province, commune=commune)
    try:
        if kind is ExportFormat.csv:
            result = export_csv(paths, target, scope=scope, dialect=dialect)
        else:
            result = export_xlsx(paths, target, scope=scope)
    except ReportDataError as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(code=1) from exc
    sheets = f"; sheets: {', '.join(result.sheets)}" if result.sheets else ""
    typer.echo(f"wrote {result.path}: {result.n_facts} facts{sheets}")
