"""Commune portal ETL: crawl, clean, land and extract indicators from Vietnamese commune sites."""

import os
from importlib.metadata import PackageNotFoundError, version

# Arrow's default allocator (mimalloc) keeps freed pages for reuse; the crawler writes many small
# Parquet parts and holds page bodies briefly, and with the system allocator its peak RSS is
# ~50 MB lower (benchmarks/crawl_bench.py). Read when pyarrow is first imported; a value set by
# the operator wins.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")

try:
    __version__ = version("xaetl")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+local"
