"""The period a mention is about (`ingest.extract.timing`)."""

from __future__ import annotations

from ingest.extract import extract_mentions


def _periods(text: str) -> dict[float, tuple[str, str]]:
    return {m.value: (m.kind, m.period) for m in extract_mentions(text)}


def test_targets_set_in_a_half_year_report_are_for_the_year() -> None:
    found = _periods(
        "Xã Tân Lập tổ chức kỳ họp\n\n21/07/2018\n\nKỳ họp đánh giá, 6 tháng đầu năm tổng giá trị sản xuất "
        "ước đạt 52% kế hoạch. Kỳ họp thống nhất nhiệm vụ những tháng cuối năm với các chỉ tiêu: tăng "
        "trưởng kinh tế đạt 15%; thu nhập bình quân đầu người 32 triệu đồng."
    )
    assert found[52.0] == ("actual", "2018-H1")
    assert found[15.0] == ("target", "2018")
    assert found[32.0] == ("target", "2018")


def test_a_report_of_a_year_before_a_colon_dates_its_list() -> None:
    found = _periods(
        "Hội đồng nhân dân xã Tân Hòa tổ chức kỳ họp thứ 6\n\n08:10 03/01/2023\n\nĐại biểu đã thông qua Nghị "
        "quyết về phát triển kinh tế xã hội năm 2023 với các chỉ tiêu chủ yếu như: thu nhập bình quân đầu "
        "người đạt 62 triệu đồng.\n\nTrước đó, đại biểu nghe báo cáo tình hình thực hiện nghị quyết năm 2022 "
        "với các nội dung chủ yếu như: kinh tế tiếp tục phát triển, thu nhập bình quân đầu người ước đạt "
        "trên 58,4 triệu đồng/năm."
    )
    assert found[62.0] == ("target", "2023")
    assert found[58.4] == ("actual", "2022")


def test_a_year_after_a_comma_with_a_figure_of_its_own_dates_that_figure() -> None:
    found = _periods(
        "Đến hết năm 2021, thu nhập bình quân đầu người toàn xã đã đạt 61,2 triệu đồng, năm 2022 đạt 66,8 "
        "triệu đồng."
    )
    assert found[61.2] == ("actual", "2021")
    assert found[66.8] == ("actual", "2022")


def test_the_start_of_the_term_a_congress_reviews() -> None:
    found = _periods(
        "Đại hội Đảng bộ xã Tân Hòa lần thứ XVI, nhiệm kỳ 2025-2030\n\n10/06/2025\n\nNhiệm kỳ qua, tỷ lệ hộ "
        "nghèo giảm từ 6,4% đầu nhiệm kỳ xuống còn 1,9%."
    )
    assert found[6.4] == ("actual", "term-2020-2025-start")
    assert found[1.9] == ("actual", "term-2020-2025")
