"""`xaetl extract PATH`: print the indicator mentions of one document as JSON lines (docs/cli.md)."""

from __future__ import annotations

import json
import logging
from dataclasses import fields
from pathlib import Path
from typing import Annotated

import typer

from ingest.cli.inputs import DEFAULT_MAX_MB, InputRefused, MaxMbOption, read_document
from ingest.records import CleanDocument, Mention

log = logging.getLogger(__name__)

# The mention contract (docs/mentions.md) is the Mention dataclass, in its field order.
CONTRACT_FIELDS = tuple(f.name for f in fields(Mention))


def _clean(raw: bytes, suffix: str) -> CleanDocument:
    """HTML is cleaned with `clean_html`; anything else is text for `clean_text`."""
    try:
        from ingest.clean import clean_html, clean_text
    except ImportError:  # the cleaner is optional for extraction: fall back to the raw text
        log.warning("ingest.clean unavailable; extracting from the raw text")
        return CleanDocument(text=_utf8(raw))
    if suffix in (".html", ".htm"):
        return clean_html(raw)
    return clean_text(_utf8(raw))


def _utf8(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputRefused(
            f"the text is not UTF-8 (byte {exc.start}); convert it or pass the .html page"
        ) from exc


def extract(
    path: Annotated[
        str, typer.Argument(help="An .html page (cleaned first) or a .txt document; `-` reads stdin.")
    ],
    raw: Annotated[
        bool, typer.Option("--raw", help="Extract from the file's text as is, without cleaning it first.")
    ] = False,
    max_mb: MaxMbOption = DEFAULT_MAX_MB,
) -> None:
    """Print one JSON object per indicator mention (exit 0 even when there are none)."""
    from ingest.extract import extract_mentions

    suffix = ".txt" if path == "-" else Path(path).suffix.lower()
    try:
        data = read_document(path, int(max_mb * 1e6))
        doc = CleanDocument(text=_utf8(data)) if raw else _clean(data, suffix)
    except OSError as exc:
        typer.echo(f"xaetl extract: cannot read {path}: {exc.strerror or exc}", err=True)
        raise typer.Exit(code=1) from exc
    except InputRefused as exc:
        typer.echo(f"xaetl extract: {exc}", err=True)
        raise typer.Exit(code=1) from exc
    mentions = extract_mentions(doc.text, title=doc.title, published_at=doc.published_at)
    for mention in mentions:
        row = mention.to_dict()
        typer.echo(json.dumps({k: row[k] for k in CONTRACT_FIELDS}, ensure_ascii=False))
