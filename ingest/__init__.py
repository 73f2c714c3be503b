"""Commune portal ETL: crawl, clean, land and extract indicators from Vietnamese commune sites."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("xaetl")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+local"
