"""Indicator mentions from cleaned report text (placeholder until the extractor lands)."""

from __future__ import annotations

from ingest.records import DocumentMetadata, Mention


def extract_mentions(
    text: str,
    *,
    title: str | None = None,
    published_at: str | None = None,
    metadata: DocumentMetadata | None = None,
) -> list[Mention]:
    """Every indicator mention in `text`, with offsets into `text`."""
    return []
