"""The cleaner's test corpus (tests/fixtures/pages): cases, inputs and expected texts."""

from __future__ import annotations

from pathlib import Path

import yaml

from ingest.clean import clean_html, clean_text
from ingest.records import CleanDocument
from ingest.sites.families import get_family

PAGES = Path(__file__).resolve().parents[2] / "fixtures" / "pages"


def cases() -> dict[str, dict]:
    return yaml.safe_load((PAGES / "cases.yaml").read_text(encoding="utf-8"))["cases"]


def expected_path(name: str) -> Path:
    return PAGES / f"{name.rsplit('.', 1)[0]}.expected.txt"


def clean_case(name: str, spec: dict) -> CleanDocument:
    path = PAGES / name
    if path.suffix == ".txt":
        return clean_text(path.read_text(encoding="utf-8"))
    family = get_family(spec["family"]) if spec.get("family") else None
    return clean_html(path.read_bytes(), family=family, url=name)
