"""What the product gives the extractor for a corpus document: its text, the page's title and date.

The nightly path (`int_documents_extracted` → `ingest.extract.parallel.extract_one`) extracts each
document with the cleaner's title and the page's publication date beside the text, and the extractor
reads both (a period in the title is taken as the document's). Scoring the text alone measured a
path the product never takes: on the dev split the title alone moved fact periods by several points.
So the benchmarks score what the product runs; `text_only=True` is the old path, kept to compare.
"""

from __future__ import annotations

from typing import Any

from evaluation.real_corpus import RealDoc
from ingest.clean.dates import find_date_in, parse_iso

Inputs = tuple[str, str | None, str | None]  # text, title, published_at: `parallel.Document`


def published_at(date_line: str | None) -> str | None:
    """The page's date line as the cleaner stores it (ISO 8601) when it parses, else the line as
    written (`2023-04`: the extractor reads only its year), None when the page prints no date."""
    if not date_line or not date_line.strip():
        return None
    return parse_iso(date_line) or find_date_in(date_line) or date_line.strip()


def product_inputs(doc: RealDoc, *, text_only: bool = False) -> Inputs:
    """`(text, title, published_at)` of a corpus document as the warehouse extracts it."""
    if text_only:
        return doc.text, None, None
    title = doc.meta.get("title")
    return doc.text, (str(title).strip() or None) if title else None, published_at(doc.meta.get("date"))


def product_mentions(doc: RealDoc, *, text_only: bool = False) -> list[dict[str, Any]]:
    """The document's mentions as the product's extraction step makes them; an extraction error
    (recorded per document in the warehouse) is raised here: a benchmark must not score it as empty."""
    from ingest.extract.parallel import extract_one

    _, mentions, error = extract_one(product_inputs(doc, text_only=text_only))
    if error is not None:
        raise RuntimeError(f"{doc.doc_id}: extraction failed: {error}")
    return mentions
