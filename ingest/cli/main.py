"""`xaetl` entry point: registers the subcommands and the global options."""

from __future__ import annotations

from typing import Annotated

import typer

from ingest import __version__
from ingest.cli import (
    clean_cmd,
    compact_cmd,
    crawl_cmd,
    demo_cmd,
    docs_cmd,
    export_cmd,
    extract_cmd,
    native_cmd,
    query_cmd,
    reclean_cmd,
    report_cmd,
    run_cmd,
    simulate_cmd,
    sizing_cmd,
)

app = typer.Typer(
    name="xaetl",
    help=(
        "Nightly ETL from Vietnamese commune (xã) portal sites to a DuckDB warehouse of "
        "socio-economic indicators.\n\n"
        "Start with `xaetl demo`: it serves a bundled snapshot of commune portals on 127.0.0.1, "
        "crawls it, builds the warehouse and prints a query to try."
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"xaetl {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Commune indicators warehouse."""


app.command("demo")(demo_cmd.demo)
app.command("run")(run_cmd.run)
app.command("crawl")(crawl_cmd.crawl)
app.command("clean")(clean_cmd.clean)
app.command("extract")(extract_cmd.extract)
app.command("query")(query_cmd.query)
app.command("export")(export_cmd.export)
app.command("docs")(docs_cmd.docs)
app.command("reclean")(reclean_cmd.reclean)
app.command("report")(report_cmd.report)
app.command("simulate")(simulate_cmd.simulate)
app.command("compact")(compact_cmd.compact)
app.command("sizing")(sizing_cmd.sizing)
app.add_typer(native_cmd.app, name="native")
