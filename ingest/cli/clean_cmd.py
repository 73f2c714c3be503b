"""`xaetl clean PATH`: print the cleaned text of one page (docs/cli.md)."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Annotated

import typer

from ingest.cli.inputs import DEFAULT_MAX_MB, InputRefused, MaxMbOption, read_document
from ingest.sites.families import get_family, load_families


def clean(
    path: Annotated[str, typer.Argument(help="An .html file (or .txt for plain text), or - for stdin.")],
    family: Annotated[
        str | None,
        typer.Option(help="CMS family whose selectors to use (thanhhoa, liferay, ...); default: generic."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print title, date, text, blocks and footnotes as one JSON object.")
    ] = False,
    max_mb: MaxMbOption = DEFAULT_MAX_MB,
) -> None:
    """Print the cleaned document text (UTF-8, NFC): portal boilerplate gone, a duplicated body
    once, footnotes kept with their markers."""
    from ingest.clean import clean_html, clean_text

    if family is not None and family not in load_families():
        typer.echo(
            f"error: unknown family {family!r} (known: {', '.join(sorted(load_families()))})", err=True
        )
        raise typer.Exit(code=1)
    try:
        data = read_document(path, int(max_mb * 1e6))
    except OSError as exc:
        typer.echo(f"error: cannot read {path}: {exc.strerror or exc}", err=True)
        raise typer.Exit(code=1) from exc
    except InputRefused as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=1) from exc
    if path.lower().endswith(".txt"):
        try:
            doc = clean_text(data.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            typer.echo(f"error: {path} is not UTF-8 text: {exc}", err=True)
            raise typer.Exit(code=1) from exc
    else:
        doc = clean_html(data, family=get_family(family) if family else None, url=path)
    out = json.dumps(asdict(doc), ensure_ascii=False) if as_json else doc.text
    sys.stdout.buffer.write(out.encode("utf-8") + b"\n")
    sys.stdout.flush()
