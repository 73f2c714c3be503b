"""`xaetl extract PATH`: print the indicator mentions of one document as JSON lines (docs/cli.md)."""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import fields
from pathlib import Path
from typing import Annotated

import typer

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
        return CleanDocument(text=raw.decode("utf-8", errors="replace"))
    if suffix in (".html", ".htm"):
        return clean_html(raw)
    return clean_text(raw.decode("utf-8", errors="replace"))


def _read(path: str) -> tuple[bytes, str]:
    if path == "-":
        return sys.stdin.buffer.read(), ".txt"
    p = Path(path)
    return p.read_bytes(), p.suffix.lower()


def extract(
    path: Annotated[
        str, typer.Argument(help="An .html page (cleaned first) or a .txt document; `-` reads stdin.")
    ],
    raw: Annotated[
        bool, typer.Option("--raw", help="Extract from the file's text as is, without cleaning it first.")
    ] = False,
) -> None:
    """Print one JSON object per indicator mention (exit 0 even when there are none)."""
    from ingest.extract import extract_mentions

    try:
        data, suffix = _read(path)
    except OSError as exc:
        typer.echo(f"xaetl extract: cannot read {path}: {exc.strerror or exc}", err=True)
        raise typer.Exit(code=1) from exc
    doc = CleanDocument(text=data.decode("utf-8", errors="replace")) if raw else _clean(data, suffix)
    mentions = extract_mentions(doc.text, title=doc.title, published_at=doc.published_at)
    for mention in mentions:
        row = mention.to_dict()
        typer.echo(json.dumps({k: row[k] for k in CONTRACT_FIELDS}, ensure_ascii=False))
