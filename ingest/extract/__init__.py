"""Indicator extraction library: document metadata and indicator mentions from report text."""

from ingest.extract.mentions import extract_mentions
from ingest.extract.metadata import extract_metadata
from ingest.extract.version import EXTRACTOR_VERSION

__all__ = ["EXTRACTOR_VERSION", "extract_mentions", "extract_metadata"]
