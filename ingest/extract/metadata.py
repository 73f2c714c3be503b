"""Document metadata from report text (placeholder until the extractor lands)."""

from __future__ import annotations

from ingest.records import DocumentMetadata


def extract_metadata(
    text: str, *, title: str | None = None, published_at: str | None = None
) -> DocumentMetadata:
    """Issuer, type, number, place and date of issue, terms and default period of a document."""
    return DocumentMetadata()
