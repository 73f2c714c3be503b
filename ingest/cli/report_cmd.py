"""`xaetl report`: one offline HTML file of charts and scorecards from the published warehouse."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ingest.cli.query_locate import (
    CommuneOption,
    ProvinceOption,
    ReaderDataDirOption,
    locate_or_exit,
)


def report(
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.", dir_okay=False)] = Path(
        "xaetl-report.html"
    ),
    data_dir: ReaderDataDirOption = None,
    province: ProvinceOption = None,
    commune: CommuneOption = None,
    max_facts: Annotated[
        int, typer.Option("--max-facts", min=1, help="Refuse to write a page with more facts than this.")
    ] = 50_000,
) -> None:
    """Write a self-contained HTML report (opens offline, from a file): a scorecard per commune,
    plan attainment, trends, targets vs actuals, mapped vs unmapped indicators, with filters
    for province, commune, theme and period. Hover a point for its source quote and document."""
    from ingest.report.facts import ReportDataError, Scope
    from ingest.report.page import TooManyFacts, build_report

    paths = locate_or_exit(data_dir)
    try:
        scope = Scope(province=province, commune=commune)
        result = build_report(paths, out.resolve(), scope=scope, max_facts=max_facts)
    except (ReportDataError, TooManyFacts) as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(code=1) from exc
    typer.echo(
        f"wrote {result.path} ({result.size_bytes / 1e6:.1f} MB): {result.n_facts} facts, "
        f"{result.n_communes} communes, {result.n_target_pairs} targets with an actual"
    )
    typer.echo(f"open {result.path.as_uri()}")
