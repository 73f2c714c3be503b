"""Tables flattened to one cell per line: rows named by their label, figures dated by their column."""

from __future__ import annotations

import pytest

from ingest.extract import extract_mentions
from ingest.extract.context import lower_same_length
from ingest.extract.stacked_tables import stacked_cells
from ingest.records import DocumentMetadata, Mention

H1_2024 = DocumentMetadata(default_period="2024-H1", issue_year=2024, terms=["2020-2025"])


def _stacked(header: list[str], rows: list[list[str]]) -> str:
    cells = ["KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", *header]
    n = 0
    for row in rows:
        if not row[0].startswith("-"):  # sub-rows (`- Nông nghiệp`) have no number of their own
            n += 1
            cells.append(str(n))
        cells.extend(row)
    return "\n\n".join(cells) + "\n"


HEADER = [
    "TT",
    "Chỉ tiêu",
    "Đơn vị tính",
    "Kế hoạch năm 2024",
    "TH",
    "6 tháng đầu năm 2024",
    "So sánh (%)",
    "6 tháng/KH",
]
ROWS = [
    ["Giá trị sản xuất", "Tỷ đồng", "310,5", "150,2", "48,4"],
    ["- Nông nghiệp", "Tỷ đồng", "120", "61,3", "51,1"],
    ["- Dịch vụ", "Tỷ đồng", "95,5", "-", "-"],
    ["Tổng sản lượng lương thực", "Tấn", "2.450", "1.310", "53"],  # `53` is a figure, not row number 2
    ["- Lúa", "Tấn", "2.000", "1.100", "55"],
]


def _mentions(text: str) -> list[Mention]:
    return extract_mentions(text, metadata=H1_2024)


def _by_value(mentions: list[Mention]) -> dict[float, Mention]:
    return {m.value: m for m in mentions}


def test_each_figure_takes_its_rows_name_its_columns_kind_and_period_and_its_attainment() -> None:
    by = _by_value(_mentions(_stacked(HEADER, ROWS)))
    plan, done = by[310.5], by[150.2]
    assert plan.indicator == done.indicator == "giá trị sản xuất"
    assert (plan.kind, plan.period, plan.plan_pct) == ("target", "2024", None)
    assert (done.kind, done.period, done.plan_pct) == ("actual", "2024-H1", 48.4)
    assert done.base_value == 150.2e9 and done.base_unit == "VND"
    assert done.quote.startswith("Giá trị sản xuất") and done.quote.endswith("48,4")
    assert by[1310.0].unit == "tấn" and by[2450.0].kind == "target"


def test_a_dash_row_takes_its_parents_measure_and_a_blank_cell_is_no_figure() -> None:
    ms = _mentions(_stacked(HEADER, ROWS))
    by = _by_value(ms)
    assert by[61.3].indicator == "giá trị sản xuất nông nghiệp"
    assert by[95.5].indicator == "giá trị sản xuất dịch vụ"
    assert 53.0 not in by and 48.4 not in by  # the comparison column is an attainment, not a figure
    assert by[1100.0].indicator == "sản lượng lúa" and by[1100.0].plan_pct == 55.0
    assert len(ms) == 9  # 5 rows x 2 value columns, less the blank cell


@pytest.mark.parametrize("unit_header", ["ĐVT", "Đơn vị", "Đơn vị tính:"])
def test_an_estimate_column_gives_approximate_figures(unit_header: str) -> None:
    header = ["TT", "Chỉ tiêu", unit_header, "KH năm 2024", "Ước TH năm 2024"]
    rows = [
        ["Thu ngân sách", "Triệu đồng", "5.200", "5.650"],
        ["Chi ngân sách", "Triệu đồng", "5.100", "5.400"],
    ]
    by = _by_value(_mentions(_stacked(header, rows)))
    assert by[5650.0].approx and by[5650.0].kind == "actual" and by[5650.0].period == "2024"
    assert not by[5200.0].approx and by[5200.0].kind == "target"


def test_lines_that_are_not_a_table_are_left_to_the_sentence_reader() -> None:
    # one label with figures, no unit column header: not a table
    text = "Kết quả\n\nTổng số hộ\n\nHộ\n\n1.250\n\n1.300\n\n" + "Ghi chú\n\n" * 12
    assert stacked_cells(lower_same_length(text), 2024, None) == []
    # a table whose header cannot be matched to its columns (more headers than figures) yields nothing
    header = ["TT", "Chỉ tiêu", "Đơn vị tính", "KH 2023", "TH 2023", "KH 2024"]
    text = _stacked(
        header, [["Thu ngân sách", "Triệu đồng", "5.200", "5.650"], ["Chi", "Triệu đồng", "1", "2"]]
    )
    assert stacked_cells(lower_same_length(text), 2024, None) == []
