"""The cleaner's page corpora: the test corpus with hand-reviewed expected texts, and held-out layouts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from ingest.clean import clean_html, clean_text
from ingest.records import CleanDocument
from ingest.sites.families import get_family

REPO = Path(__file__).resolve().parents[1]
PAGES = REPO / "tests" / "fixtures" / "pages"  # cases.yaml + <page> + <page>.expected.txt
HELDOUT = REPO / "tests" / "fixtures" / "heldout_pages"  # <name>.html, .expected.txt, .meta.json


def cases() -> dict[str, dict[str, Any]]:
    """The test corpus: page file name → what its cleaning must give (family, title, date, …)."""
    return yaml.safe_load((PAGES / "cases.yaml").read_text(encoding="utf-8"))["cases"]


def expected_path(name: str) -> Path:
    return PAGES / f"{name.rsplit('.', 1)[0]}.expected.txt"


def clean_case(name: str, spec: dict[str, Any]) -> CleanDocument:
    """The cleaner's output on one corpus page, with the family its case names (if any)."""
    path = PAGES / name
    if path.suffix == ".txt":
        return clean_text(path.read_text(encoding="utf-8"))
    family = get_family(spec["family"]) if spec.get("family") else None
    return clean_html(path.read_bytes(), family=family, url=name)


def heldout_names() -> list[str]:
    """The held-out layouts, by name (`sharepoint-baolam-loc-quang`, …)."""
    return sorted(p.name[: -len(".html")] for p in HELDOUT.glob("*.html"))


def heldout_meta(name: str) -> dict[str, Any]:
    """URL, title, publication time and encoding of a held-out page."""
    return json.loads((HELDOUT / f"{name}.meta.json").read_text(encoding="utf-8"))
