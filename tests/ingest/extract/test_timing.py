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


def test_targets_of_a_lead_take_the_period_of_the_sentence_nearest_it() -> None:
    found = _periods(
        "Xã Tân Phú tổ chức kỳ họp thứ 7\n\n19/12/2022\n\nHĐND xã Tân Phú tổ chức kỳ họp để đánh giá "
        "tình hình kinh tế - xã hội năm 2022 và quyết định nhiệm vụ năm 2023. Trong năm, tổng thu ngân "
        "sách xã ước đạt "
        "11,4 tỷ đồng. Kỳ họp thông qua Nghị quyết với các chỉ tiêu chủ yếu: thu nhập bình quân đầu người "
        "đạt 57 triệu đồng; tỷ lệ hộ nghèo giảm còn 1,8%."
    )
    assert found[11.4] == ("actual", "2022")
    assert found[57.0] == ("target", "2023")
    assert found[1.8] == ("target", "2023")


def test_a_year_fronted_before_a_lead_does_not_date_its_targets() -> None:
    found = _periods(
        "Kỳ họp thứ 7\n\n19/12/2022\n\nNăm 2022, tổng thu ngân sách xã ước đạt 11,4 tỷ đồng. Kỳ họp "
        "thông qua Nghị quyết về nhiệm vụ năm 2023 với các chỉ tiêu: thu nhập bình quân đầu người đạt 57 "
        "triệu đồng; "
        "tỷ lệ hộ nghèo giảm còn 1,8%."
    )
    assert found[1.8] == ("target", "2023")


def test_a_running_total_to_a_year_end_fronts_its_sentence_without_a_comma() -> None:
    found = _periods(
        "Tổng kết nhiệm kỳ 2016-2021\n\nĐến cuối năm 2020 thu nhập bình quân đầu người đạt 41 triệu đồng, "
        "tăng 18 triệu đồng so với đầu nhiệm kỳ, tỷ lệ hộ nghèo giảm còn 2,6%."
    )
    assert found[41.0] == ("actual", "2020")
    assert found[2.6] == ("actual", "2020")


def test_a_plan_restated_in_brackets_is_of_the_results_period() -> None:
    found = _periods("Xã Tân An\n\n20/12/2022\n\nTỷ lệ hộ nghèo năm 2022 còn 2,1% (KH 2,5%).")
    assert found == {2.1: ("actual", "2022"), 2.5: ("target", "2022")}


def test_a_year_fronted_in_a_congress_text_dates_its_figures() -> None:
    found = _periods(
        "Đại hội đại biểu Đảng bộ xã Tân Hòa lần thứ XX, nhiệm kỳ 2025 - 2030\n\n15/07/2025\n\n5 năm qua, "
        "tốc độ tăng trưởng kinh tế bình quân đạt 8,5%/năm. Năm 2025, thu nhập bình quân đầu người ước "
        "đạt 72 triệu đồng."
    )
    assert found[8.5] == ("actual", "term-2020-2025")
    assert found[72.0] == ("actual", "2025")


def test_a_sentence_fronted_with_now_is_of_the_texts_own_time() -> None:
    found = _periods(
        "Xã Tân Lợi nâng cao chất lượng tiêu chí\n\n15/04/2024\n\nĐến hết năm 2023, thu nhập bình quân đầu "
        "người đạt 64 triệu đồng. Hiện nay, tỷ lệ hộ nghèo còn 0,8%."
    )
    assert found == {64.0: ("actual", "2023"), 0.8: ("actual", "2024")}
