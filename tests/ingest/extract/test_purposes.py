"""Money raised or moved for a purpose (`purposes.py`): capital named by a bare verb (names23b)."""

from __future__ import annotations

from ingest.extract import extract_mentions
from ingest.records import DocumentMetadata, Mention

Y2023 = DocumentMetadata(default_period="2023", issue_year=2023, terms=["2020-2025"])


def _by_value(text: str) -> dict[float, Mention]:
    return {m.value: m for m in extract_mentions(text, metadata=Y2023)}


def test_capital_named_only_by_its_verb_takes_the_capitals_words_after_the_amount() -> None:
    by = _by_value("Cả năm huy động hơn 615 tỷ đồng vốn đầu tư phát triển toàn xã hội.")
    assert by[615].indicator == "vốn đầu tư phát triển toàn xã hội huy động"
    by = _by_value("Thu hút được 120 triệu USD vốn đầu tư trực tiếp nước ngoài.")
    assert by[120].indicator == "vốn đầu tư trực tiếp nước ngoài thu hút"


def test_capital_named_only_by_its_verb_is_capital_with_its_purpose_or_alone() -> None:
    by = _by_value("Thị xã đã huy động trên 212 tỷ đồng xây dựng hạ tầng giao thông nông thôn.")
    assert by[212].indicator == "vốn huy động xây dựng hạ tầng giao thông nông thôn"
    by = _by_value("Đến hết tháng 6, tỉnh giải ngân được 1.430 tỷ đồng, bằng 31,2% kế hoạch.")
    assert by[1430].indicator == "vốn giải ngân"


def test_a_verb_after_another_amount_of_its_clause_is_left_to_that_amounts_name() -> None:
    by = _by_value("Tổng vốn đầu tư công năm 2023 là 74 tỷ đồng, đã giải ngân được 30 tỷ đồng.")
    assert by[30].indicator != "vốn giải ngân"
