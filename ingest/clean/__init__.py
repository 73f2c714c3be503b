"""Cleaning: portal boilerplate and duplicated content out, Vietnamese text normalised."""

from __future__ import annotations

from ingest.clean.document import assemble
from ingest.clean.html import decode, extract
from ingest.clean.plaintext import text_units
from ingest.clean.vietnamese import normalize_text
from ingest.records import CleanDocument
from ingest.sites.families import Family

# Bump whenever the cleaned text, blocks or metadata of some page change: landing writes each
# version into its own clean_version=<v> partition and `xaetl reclean` fills a new one.
CLEANER_VERSION = "2"

__all__ = ["CLEANER_VERSION", "clean_html", "clean_text", "normalize_text"]


def clean_html(
    html: str | bytes,
    *,
    family: Family | None = None,
    url: str | None = None,
    declared_encoding: str | None = None,
) -> CleanDocument:
    """Clean one article page: title, publication date-time, body text once, blocks, footnotes.

    `family` is the site's CMS adapter (`site.adapter`); without it, or when its selectors do not
    match, a text-density heuristic finds the article. `url` only labels warnings. Never raises
    for bad content: an empty or broken page gives an empty text and a warning.
    """
    text, warnings = decode(html, declared_encoding)
    if not text.strip():
        return CleanDocument(text="", warnings=[*warnings, "empty page"])
    ex = extract(text, family)
    doc = assemble(ex.units, title=ex.title, published_at=ex.published_at, warnings=[*warnings, *ex.warnings])
    if url and doc.warnings:
        import logging

        logging.getLogger(__name__).debug("%s: %s", url, "; ".join(doc.warnings))
    return doc


def clean_text(text: str) -> CleanDocument:
    """Clean plain text (e.g. the flattened text of a portal page): counters, comment prompts and
    footer out, the repeated copy of the body dropped, one paragraph per line, footnotes mapped."""
    if not text.strip():
        return CleanDocument(text="", warnings=["empty page"])
    units, title = text_units(text)
    return assemble(units, title=title, guess_kinds=True)
