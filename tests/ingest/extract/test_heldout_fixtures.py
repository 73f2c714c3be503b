"""The held-out development set: documents and hand-made gold agree with each other and the contract."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from evaluation.scoring import load_jsonl
from ingest.clean import clean_text
from ingest.extract.catalogue import catalogue_by_id
from ingest.records import BASE_UNITS

HELDOUT = Path(__file__).resolve().parents[2] / "fixtures" / "heldout"
TEXTS = sorted(HELDOUT.glob("*.txt"))
GOLD_FILES = sorted(HELDOUT.glob("*.jsonl"))
GOLD_FIELDS = {
    "indicator",
    "indicator_id",
    "value",
    "value_high",
    "of_total",
    "unit",
    "base_value",
    "base_unit",
    "plan_pct",
    "yoy_pct",
    "approx",
    "kind",
    "period",
    "quote",
    "in_numbered_list",
    "optional",
}
PERIOD_RE = re.compile(
    r"^(\d{4}(-(H1|9M|Q[1-4]))?"
    r"|term-\d{4}-\d{4}(-(mid|start|second-half))?"
    r"|as-of:\d{4}-\d{2}-\d{2})$"
)
# Multiplier from the unit as written to the base unit (first match wins; checked in this order).
UNIT_SCALES = (
    ("tỷ", 1e9),
    ("triệu", 1e6),
    ("nghìn", 1e3),
    ("ngàn", 1e3),
    ("tạ/ha", 0.1),
    ("m2", 1e-4),
)
# Periods the brief asks the set to exercise (document defaults and overrides).
REQUIRED_PERIODS = {
    "2024-9M",
    "2024-Q4",
    "2025",
    "term-2020-2025-mid",
    "term-2020-2025-start",
    "term-2020-2025-second-half",
    "2023",
    "2024-Q1",
    "2022",
    "2021",
}


@cache
def _raw(stem: str) -> str:
    return (HELDOUT / f"{stem}.txt").read_text(encoding="utf-8")


@cache
def _cleaned(stem: str) -> str:
    return clean_text(_raw(stem)).text


def _gold() -> list[tuple[str, dict]]:
    return [(path.stem, row) for path in GOLD_FILES for row in load_jsonl(path)]


def _is_lower_nfc(text: str) -> bool:
    return text == unicodedata.normalize("NFC", text) and text == text.lower()


def _spellings(value: float) -> set[str]:
    """Ways a Vietnamese report writes `value`: 1936 -> 1936, 1.936; 45.7 -> 45,7; 1 -> 01."""
    if float(value).is_integer():
        n = int(value)
        return {str(n), f"{n:,}".replace(",", "."), f"{n:02d}"}
    whole, frac = f"{value:.10f}".rstrip("0").split(".")
    return {f"{int(whole):,}".replace(",", ".") + "," + frac, f"{whole},{frac}"}


def test_eight_documents_each_with_its_gold_file_and_realistic_size() -> None:
    assert len(TEXTS) == 8
    assert [p.stem for p in TEXTS] == [p.stem for p in GOLD_FILES]
    for path in TEXTS:
        size = path.stat().st_size
        assert 2_000 <= size <= 8_192, (path.name, size)
        assert unicodedata.is_normalized("NFC", _raw(path.stem)), path.name


def test_gold_rows_have_exactly_the_contract_fields() -> None:
    rows = _gold()
    assert len(rows) >= 250
    for stem, row in rows:
        assert GOLD_FIELDS <= set(row) <= GOLD_FIELDS | {"note"}, (stem, row)


def test_every_quote_is_in_the_raw_and_the_cleaned_document() -> None:
    for stem, row in _gold():
        assert row["quote"] in _raw(stem), (stem, row["quote"])
        assert row["quote"] in _cleaned(stem), (stem, row["quote"])


def test_every_quote_contains_its_numbers_as_written() -> None:
    for stem, row in _gold():
        quote = row["quote"]
        assert any(s in quote for s in _spellings(row["value"])), (stem, row["value"], quote)
        for name in ("of_total", "value_high"):
            if row[name] is not None:
                assert any(s in quote for s in _spellings(row[name])), (stem, name, quote)


def test_every_indicator_id_exists_and_its_base_unit_agrees_with_the_catalogue() -> None:
    catalogue = catalogue_by_id()
    for stem, row in _gold():
        indicator_id = row["indicator_id"]
        if indicator_id is None:
            continue
        assert indicator_id in catalogue, (stem, indicator_id)
        # A plan-only fact (gold rules) is the attainment percentage itself, named "tỷ lệ thực hiện …".
        attainment_name = row["indicator"].startswith("tỷ lệ thực hiện")
        plan_only = row["unit"] == "%" and row["plan_pct"] is None and attainment_name
        if not plan_only:
            assert row["base_unit"] == catalogue[indicator_id].base_unit, (stem, row["quote"])


def test_codes_and_types_follow_the_contract() -> None:
    for stem, row in _gold():
        where = (stem, row["quote"])
        assert row["base_unit"] in BASE_UNITS, where
        assert row["kind"] in ("actual", "target"), where
        assert PERIOD_RE.match(row["period"]), where
        assert isinstance(row["approx"], bool) and isinstance(row["in_numbered_list"], bool), where
        assert isinstance(row["optional"], bool), where
        assert row["indicator"] and _is_lower_nfc(row["indicator"]), where
        assert row["unit"] and _is_lower_nfc(row["unit"]), where
        for name in ("value", "base_value"):
            assert isinstance(row[name], int | float) and not isinstance(row[name], bool), where
        for name in ("value_high", "of_total", "plan_pct", "yoy_pct"):
            assert row[name] is None or isinstance(row[name], int | float), where
        if row["value_high"] is not None:
            assert row["value_high"] > row["value"], where


def test_base_values_follow_the_unit_words() -> None:
    for stem, row in _gold():
        if row["base_unit"] == "%":
            assert row["base_value"] == pytest.approx(row["value"]), (stem, row["quote"])
            continue
        factor = next((f for word, f in UNIT_SCALES if word in row["unit"]), 1.0)
        if row["base_unit"] == "other":
            # a rate keeps its unit but takes the scale word (`135 triệu đồng` per ha → 1.35e8, item 37)
            assert row["base_value"] == pytest.approx(row["value"] * factor, rel=1e-9), (stem, row["quote"])
            continue
        if row["base_unit"] in ("VND", "VND/person/year"):
            assert "đồng" in row["unit"] or row["unit"] == "tỷ", (stem, row["unit"])
        assert row["base_value"] == pytest.approx(row["value"] * factor, rel=1e-9), (stem, row["quote"])


def test_numbered_list_mentions_are_targets_and_quotes_are_unique_per_value() -> None:
    seen: set[tuple[str, str, float]] = set()
    for stem, row in _gold():
        if row["in_numbered_list"]:
            assert row["kind"] == "target", (stem, row["quote"])
        key = (stem, row["quote"], row["value"])
        assert key not in seen, key
        seen.add(key)


def test_the_set_covers_the_genres_periods_and_forms_of_the_brief() -> None:
    rows = [row for _, row in _gold()]
    assert {row["period"] for row in rows} >= REQUIRED_PERIODS
    assert any(row["period"].startswith("as-of:") for row in rows)
    assert sum(row["in_numbered_list"] for row in rows) >= 40
    assert sum(row["value_high"] is not None for row in rows) >= 6
    assert {"tạ/ha", "m2", "ngàn con", "triệu đồng/người/năm"} <= {row["unit"] for row in rows}
    assert sum(row["plan_pct"] is not None for row in rows) >= 30
    assert sum(row["yoy_pct"] is not None for row in rows) >= 10
    assert sum(row["kind"] == "target" for row in rows) >= 80


def test_documents_carry_the_distractors_real_reports_have() -> None:
    texts = {path.stem: _raw(path.stem) for path in TEXTS}
    joined = "\n".join(texts.values())
    for distractor in ("Số: 152/BC-UBND", "Nơi nhận:", "nhiệm kỳ 2021 - 2026", "khóa XIII", "Điện thoại:"):
        assert distractor in joined, distractor
    old_style = texts["thuy-hoa-old-style-report-2021"]
    assert all(word in old_style for word in ("hoà", "Thuỷ", "khoẻ", "ngàn", "tạ/ha", "m2"))
