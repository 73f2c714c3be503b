"""Indicator extraction library: document metadata and indicator mentions from report text."""

from ingest.extract.mentions import extract_mentions
from ingest.extract.metadata import extract_metadata

__all__ = ["extract_mentions", "extract_metadata"]
