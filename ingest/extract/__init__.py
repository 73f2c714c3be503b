"""Indicator extraction library: document metadata and indicator mentions from report text."""

from ingest.native import activate as _activate

# Before any module of the package is imported: a verified mypyc build of this very source, when one
# is ready (`xaetl native build`), is imported instead of the modules beside this file (ingest/native.py).
_activate(__path__)

from ingest.extract.mentions import extract_mentions  # noqa: E402
from ingest.extract.metadata import extract_metadata  # noqa: E402
from ingest.extract.version import EXTRACTOR_VERSION  # noqa: E402

__all__ = ["EXTRACTOR_VERSION", "extract_mentions", "extract_metadata"]
