"""Which numbers become mentions (round 14, precision15): list markers (a table row's bare number among
them) are no figures, and a bound that is a figure's own value (`xuống dưới 4%`) is kept as a figure."""

from __future__ import annotations

from ingest.extract import extract_mentions
from ingest.extract.numbers import find_quantities
from ingest.records import DocumentMetadata

YEAR_2024 = DocumentMetadata(default_period="2024", issue_year=2024, terms=["2020-2025"])


def _values(text: str) -> list[float]:
    return [q.value for q in find_quantities(text, text.lower())]


def test_a_numbered_table_row_opens_with_its_row_number_not_a_figure() -> None:
    # The gold rules, Scope: section and list numbers are not facts; a flattened table's row starts with
    # its number
    assert 9.0 not in _values("Bảng 2\n9 Tỷ lệ hộ nghèo % 14,14 10,55")


def test_closed_list_markers_are_still_no_figures() -> None:
    # The gold rules, Scope: section and list numbers are not facts
    assert _values("2) 15 hộ được hỗ trợ làm nhà") == [15.0]
    assert _values("3. 120 hộ vay vốn") == [120.0]
    assert _values("2.1 40 ha lúa") == [40.0]


def test_a_bound_reached_by_a_rate_is_the_rate_itself() -> None:
    # "phấn đấu giảm … xuống dưới X%": the target share of poor households, approximate
    mentions = extract_mentions(
        "Năm 2025 phấn đấu giảm tỷ lệ hộ nghèo của xã xuống dưới 3,5% theo chỉ tiêu huyện giao.",
        metadata=YEAR_2024,
    )
    assert [(m.value, m.unit) for m in mentions] == [(3.5, "%")]
    assert "hộ nghèo" in mentions[0].indicator


def test_a_bound_after_a_count_still_names_the_count() -> None:
    # "N chỉ tiêu đạt từ X% kế hoạch trở lên": X is the bound the counted targets reached, no figure
    mentions = extract_mentions(
        "Có 12 chỉ tiêu đạt từ 80% kế hoạch trở lên.",
        metadata=YEAR_2024,
    )
    assert [m.value for m in mentions] == [12.0]
    assert "80" in mentions[0].indicator


def test_a_comma_before_đồng_chí_is_a_clause_break_not_money() -> None:
    # The gold rules, Scope: dates are no facts; `đồng chí` (comrade) after a date is no amount in đồng
    assert _values("Chiều 12/9, đồng chí Bí thư Đảng ủy xã làm việc với thôn Đông") == []
    assert _values("Kinh phí 25, đồng thời huy động thêm nguồn vốn") == []


def test_a_stray_comma_before_đồng_is_still_money() -> None:
    text = "tổng thu ngân sách 1.235.400.000, đồng."
    assert [(q.value, q.unit.base_unit) for q in find_quantities(text, text.lower())] == [
        (1235400000.0, "VND")
    ]
