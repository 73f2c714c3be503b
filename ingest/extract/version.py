"""The extractor's version: part of the warehouse's incremental key, so a new extractor re-extracts.

Bump it whenever the extractor's output can change (rules, word lists, catalogue). The warehouse
re-extracts every document last extracted by another version at the next build, without
`--full-refresh`. `tests/ingest/extract/test_version.py` fails when the output on the seed and
held-out documents changes while the version stays the same.
"""

from __future__ import annotations

EXTRACTOR_VERSION = "24"
