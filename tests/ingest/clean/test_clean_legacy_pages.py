"""Single-byte TCVN3 and VNI pages (tests/fixtures/legacy) come out as the Unicode text they were
typed as, and extraction finds their figures."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from ingest.clean import clean_html
from ingest.extract import extract_mentions

LEGACY = Path(__file__).resolve().parents[2] / "fixtures" / "legacy"


def _norm(text: str) -> list[str]:
    # TCVN3 has no code for most capitals with a tone (the .VnTimeH font prints them): compare
    # without case; quotes and dashes outside the fonts are compared as they were kept.
    return [unicodedata.normalize("NFC", " ".join(line.split())).casefold() for line in text.splitlines()]


@pytest.mark.parametrize(
    ("name", "declared", "indicator", "base_value"),
    [
        ("tcvn3-binh-thanh-dong", "windows-1252", "income_per_capita", 90_000_000.0),
        ("vni-loc-quang", None, "budget_revenue_state", 11_038_000_000.0),
    ],
)
def test_legacy_page_is_converted_and_extracted(name, declared, indicator, base_value):
    raw = (LEGACY / f"{name}.html").read_bytes()
    doc = clean_html(raw, declared_encoding=declared) if declared else clean_html(raw)
    expected = _norm((LEGACY / f"{name}.txt").read_text(encoding="utf-8"))
    got = _norm(doc.text)
    body = [line for line in expected[1:] if not set("≤≥") & set(line)]  # no code in the fonts: "?"
    assert [line for line in got if line in body] == body  # every paragraph, in order, exactly
    assert any("legacy encoding" in w for w in doc.warnings)
    values = {m.indicator_id: m.base_value for m in extract_mentions(doc.text, title=doc.title)}
    assert values[indicator] == base_value
