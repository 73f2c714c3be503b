"""EXTRACTOR_VERSION changes whenever the extractor's output does, so the warehouse re-extracts.

The fingerprint is the hash of everything the extractor says about the seed and held-out documents
(metadata and mentions) and of the catalogue it says it with. When it changes, bump
`ingest.extract.version.EXTRACTOR_VERSION` and record both below.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ingest.extract import EXTRACTOR_VERSION, extract_mentions, extract_metadata
from ingest.extract.catalogue import CATALOGUE_CSV

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
RECORDED = {"version": "24", "fingerprint": "38efe55dc23e80dd"}


def _fingerprint() -> str:
    digest = hashlib.sha256(CATALOGUE_CSV.read_bytes())
    paths = sorted((FIXTURES / "seeds").glob("*.txt")) + sorted((FIXTURES / "heldout").glob("*.txt"))
    for path in paths:
        text = path.read_text(encoding="utf-8")  # as stored: the cleaner's changes are not the extractor's
        meta = extract_metadata(text, title=path.stem)
        mentions = extract_mentions(text, title=path.stem, metadata=meta)
        payload = {"meta": meta.to_dict(), "mentions": [m.to_dict() for m in mentions]}
        digest.update(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode())
    return digest.hexdigest()[:16]


def test_output_changes_come_with_a_new_extractor_version() -> None:
    fingerprint = _fingerprint()
    assert RECORDED["version"] == EXTRACTOR_VERSION, (
        f"EXTRACTOR_VERSION is {EXTRACTOR_VERSION}: record it with fingerprint {fingerprint!r}"
    )
    assert fingerprint == RECORDED["fingerprint"], (
        f"the extractor's output changed (fingerprint {fingerprint!r}): bump EXTRACTOR_VERSION "
        "so that warehouses re-extract, and record the new version and fingerprint here"
    )
