"""The learned period applied: candidates from the document and the rule, a ranker overriding by a margin."""

from __future__ import annotations

import pytest

from ingest.extract import extract_mentions
from ingest.extract.learned import periods

REPORT = """Báo cáo kết quả 6 tháng đầu năm 2024 của UBND xã An Bình
Tổng thu ngân sách xã 6 tháng đầu năm đạt 5,2 tỷ đồng.
Năm 2023: thu nhập bình quân đầu người 60 triệu đồng.
"""


def _periods(model: object) -> dict[float, str]:
    with periods.installed(model):
        return {m.value: m.period for m in extract_mentions(REPORT)}


@pytest.mark.parametrize(
    ("code", "grain"),
    [
        ("2024", "year"),
        ("2024-H1", "half"),
        ("2024-9M", "nine_months"),
        ("2024-Q3", "quarter"),
        ("term-2020-2025", "term"),
        ("term-2020-2025-mid", "term_mid"),
        ("term-2020-2025-start", "term_start"),
        ("term-2020-2025-second-half", "term_second_half"),
        ("as-of:2024-06-30", "as_of"),
        ("unknown", "other"),
    ],
)
def test_grain(code: str, grain: str) -> None:
    assert periods.grain(code) == grain


def test_off_as_shipped_the_rules_decide() -> None:
    assert periods.SLOT.model() is None  # cross-validation found no lift: shipped switched off
    assert _periods(None) == {5.2: "2024-H1", 60.0: "2023"}
    with periods.installed(None):
        off = [m.to_dict() for m in extract_mentions(REPORT)]
    assert [m.to_dict() for m in extract_mentions(REPORT)] == off


def test_candidates_come_from_the_rule_the_document_and_its_part_year_words() -> None:
    with periods.installed(None), periods.recording() as records:
        extract_mentions(REPORT)
    (_, rule1), (second, rule2) = records
    assert (rule1, rule2) == ("2024-H1", "2023")
    codes = [code for code, _ in second]
    assert codes[0] == "2023"  # the rule's own period comes first
    assert {"2024", "2024-H1", "2022", "2025"} <= set(codes)
    tags = dict(second)["2024-H1"]
    assert "def" in tags and "ysent|g=half" not in tags  # the document's period, not written in this sentence
    assert "own" in "".join(dict(second)["2023"])  # the rule read 2023 from the mention's own words


def test_a_ranker_overrides_by_its_margin() -> None:
    # prefers the document's default period over what the rule read from the mention's own words
    model = {"margin": 1.0, "weights": {"def|own": 3.0}}
    assert _periods(model) == {5.2: "2024-H1", 60.0: "2024-H1"}
    assert _periods(dict(model, margin=5.0)) == {5.2: "2024-H1", 60.0: "2023"}
