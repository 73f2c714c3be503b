"""`xaetl docs`: dbt docs, Great Expectations Data Docs and the report on a local HTTP port, offline."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from ingest.cli.query_locate import ReaderDataDirOption, locate_or_exit
from ingest.paths import DataPaths


def _has_docs(paths: DataPaths) -> bool:
    from ingest.report.datadocs import site_dir

    return paths.published.exists() or (site_dir(paths) / "index.html").exists()


def docs(
    data_dir: ReaderDataDirOption = None,
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port (0: any free port).")] = 8580,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on. Keep 127.0.0.1 unless you mean to share.")
    ] = "127.0.0.1",
    generate: Annotated[
        bool | None,
        typer.Option(
            "--generate/--no-generate",
            help="Run `dbt docs generate` first (default: when the docs are missing or older than "
            "the published warehouse). It reads the build warehouse: not while a build runs.",
        ),
    ] = None,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the landing page in a browser.")] = False,
) -> None:
    """Serve dbt docs (models, columns, lineage), Great Expectations Data Docs (check results) and
    the `xaetl report` page over HTTP, with every asset local: works with no network."""
    from ingest.report.docs_site import DocsSite, dbt_docs_stale, make_server

    paths = locate_or_exit(data_dir, usable=_has_docs)
    if generate or (generate is None and paths.warehouse.exists() and dbt_docs_stale(paths)):
        _generate_dbt_docs(paths)
    with tempfile.TemporaryDirectory(prefix="xaetl-docs-") as tmp:
        report = _report(paths, Path(tmp) / "report.html")
        site = DocsSite.of(paths, report=report)
        server = make_server(site, host=host, port=port)
        url = f"http://{host}:{server.server_address[1]}/"
        typer.echo(f"serving {paths.root}")
        typer.echo(f"  {url}        landing page")
        typer.echo(f"  {url}dbt/    dbt docs" + ("" if site.dbt_dir else " (not generated)"))
        typer.echo(f"  {url}gx/     Data Docs" + ("" if site.data_docs else " (none yet)"))
        typer.echo(f"  {url}report.html" if report else "  (no report: no published warehouse)")
        typer.echo("Ctrl-C stops.", err=True)
        if open_browser:
            import webbrowser

            webbrowser.open(url)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()


def _generate_dbt_docs(paths: DataPaths) -> None:
    from ingest.warehouse.build import dbt_docs_generate

    typer.echo("generating dbt docs …", err=True)
    try:
        dbt_docs_generate(paths)
    except RuntimeError as exc:
        typer.secho(f"warning: dbt docs not regenerated: {exc}", fg="yellow", err=True)


def _report(paths: DataPaths, out: Path) -> Path | None:
    if not paths.published.exists():
        return None
    from ingest.report.facts import ReportDataError
    from ingest.report.page import TooManyFacts, build_report

    try:
        return build_report(paths, out).path
    except (ReportDataError, TooManyFacts) as exc:
        typer.secho(f"warning: no report page: {exc}", fg="yellow", err=True)
        return None
