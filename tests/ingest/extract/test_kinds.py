"""Whether a mention is achieved or a target (`ingest.extract.kinds`), read through the mentions."""

from __future__ import annotations

from dataclasses import replace

from ingest.extract import extract_mentions
from ingest.extract.metadata import extract_metadata


def _kinds(text: str) -> dict[float, str]:
    return {m.value: m.kind for m in extract_mentions(text)}


def test_a_target_cue_carries_over_the_items_of_its_own_sentence() -> None:
    found = _kinds(
        "Xã Hòa Phú, ngày 15 tháng 12 năm 2022\n"
        "Năm 2023, xã phấn đấu tổng giá trị sản xuất tăng 10,5%; thu nhập bình quân đạt 61 triệu đồng; "
        "tỷ lệ hộ nghèo dưới 1,5%."
    )
    assert found[10.5] == "target"
    assert found[61.0] == "target"
    assert found[1.5] == "target"


def test_a_target_cue_does_not_carry_into_the_next_sentences_of_its_paragraph() -> None:
    found = _kinds(
        "Huyện Kông Bơ La sơ kết 9 tháng\n\n25/09/2023\n\n"
        "Trong 9 tháng năm 2023, Ban Chấp hành Đảng bộ huyện đã lãnh đạo hệ thống chính trị phấn đấu thực "
        "hiện các nhiệm vụ đã đề ra. Theo đó, tổng thu ngân sách trên địa bàn huyện đạt 22,71 tỷ đồng; "
        "giá trị sản lượng công nghiệp, tiểu thủ công nghiệp ước đạt 642 tỷ đồng; tổng diện tích gieo "
        "trồng 31.818,8 ha."
    )
    assert found[22.71] == "actual"
    assert found[642.0] == "actual"
    assert found[31818.8] == "actual"


def test_a_figure_assigned_from_above_is_a_target() -> None:
    found = _kinds(
        "Xã Quang Phong thu ngân sách\n\n15/09/2018\n\n"
        "Năm 2018, xã Quang Phong được giao chỉ tiêu thu ngân sách là 152 triệu đồng. Huyện đã giao dự toán "
        "12,5 km đường bê tông năm 2018 cho các xã. Tính đến hết tháng 8/2018 thu ngân sách của xã đạt 231 "
        "triệu đồng."
    )
    assert found[152.0] == "target"
    assert found[12.5] == "target"
    assert found[231.0] == "actual"


def test_striving_as_an_effort_is_no_target_cue() -> None:
    found = _kinds(
        "Đại hội Đảng bộ phường An Phú lần thứ XV, nhiệm kỳ 2025 - 2030\n"
        "Trong nhiệm kỳ qua, đảng bộ, chính quyền và nhân dân đã nỗ lực phấn đấu thực hiện đạt 19/21 "
        "chỉ tiêu Nghị quyết đề ra. Nhiệm kỳ tới, phường phấn đấu thu nhập bình quân đạt 95 triệu "
        "đồng/người/năm."
    )
    assert found[19.0] == "actual"
    assert found[95.0] == "target"


def test_an_achievement_after_the_target_cue_makes_the_figure_after_it_actual() -> None:
    found = _kinds(
        "Xã Tân An thu ngân sách\n\n20/11/2023\n\n"
        "Năm 2023, xã được giao chỉ tiêu thu ngân sách 150 triệu đồng, đến nay đã thu được 160 triệu đồng."
    )
    assert found[150.0] == "target"
    assert found[160.0] == "actual"


def test_an_amount_named_as_a_plan_is_a_target_of_the_period_reported() -> None:
    mentions = extract_mentions(
        "UBND huyện Tân Lạc tổng kết năm 2023, triển khai nhiệm vụ năm 2024\n\n28/12/2023\n\n"
        "Tổng thu ngân sách nhà nước trên địa bàn huyện đạt 412 tỷ đồng, đạt 103% so với dự toán (400 tỷ "
        "đồng). Kế hoạch đầu tư vốn 96 tỷ đồng theo ngân sách địa phương; tổng mức đầu tư cho công trình "
        "đường liên xã là 12 tỷ đồng.\nNăm 2024, huyện phấn đấu thu ngân sách đạt 450 tỷ đồng."
    )
    found = {m.value: (m.kind, m.period) for m in mentions}
    assert found[412.0] == ("actual", "2023")
    assert found[400.0] == ("target", "2023")  # the running year's plan, not next year's target
    assert found[96.0] == ("target", "2023")
    assert found[12.0] == ("target", "2023")
    assert found[450.0] == ("target", "2024")
    # a plan word in another clause, or before an achievement, names no plan
    kinds = _kinds(
        "Xã Phú Lâm tổng kết năm 2023\n\n20/12/2023\n\n"
        "Thu ngân sách nhà nước trên địa bàn đạt 18,45 tỷ đồng, bằng 131% dự toán huyện giao, trong đó thu "
        "tiền sử dụng đất 11,2 tỷ đồng. Tổng thu ngân sách theo dự toán đạt hơn 56,6 tỷ đồng. Thu ngân sách "
        "xã vượt dự toán 740 triệu đồng."
    )
    assert kinds[11.2] == "actual"
    assert kinds[56.6] == "actual"
    assert kinds[740.0] == "actual"  # the excess over the plan, not the plan


def test_a_count_of_the_plans_own_items_is_actual_and_dated_as_the_plan() -> None:
    mentions = extract_mentions(
        "Đại hội Đảng bộ xã Tân Lập lần thứ XXIV, nhiệm kỳ 2025-2030\n\n15/07/2025\n\n"
        "Nhiệm kỳ 2020-2025, xã thực hiện đạt và vượt 16/18 chỉ tiêu Nghị quyết đề ra.\n"
        "Nhiệm kỳ 2025-2030, Đảng bộ xã đề ra 17 chỉ tiêu cụ thể, 5 nhiệm vụ trọng tâm và 3 khâu đột phá; "
        "phấn đấu thu nhập bình quân đầu người đạt 90 triệu đồng."
    )
    found = {m.value: (m.kind, m.period) for m in mentions}
    assert found[16.0] == ("actual", "term-2020-2025")
    assert found[17.0] == ("actual", "term-2025-2030")
    assert found[5.0] == ("actual", "term-2025-2030")
    assert found[3.0] == ("actual", "term-2025-2030")
    assert found[90.0] == ("target", "term-2025-2030")
    mentions = extract_mentions(
        "Đại hội Đảng bộ xã Tân Lập lần thứ XXIV, nhiệm kỳ 2025-2030\n\n15/07/2025\n\n"
        "Nhiệm kỳ qua, xã thực hiện đạt và vượt 16/18 chỉ tiêu Nghị quyết đề ra.\n"
        "Đại hội đề ra các giải pháp cụ thể và phấn đấu thực hiện hoàn thành 19 chỉ tiêu chủ yếu, 5 nhiệm vụ "
        "trọng tâm, 4 khâu đột phá."
    )
    found = {m.value: (m.kind, m.period) for m in mentions}
    assert found[16.0] == ("actual", "term-2020-2025")
    assert found[19.0] == ("actual", "term-2025-2030")  # the new term's plan counted, dated as that plan
    assert found[4.0] == ("actual", "term-2025-2030")


def test_the_figure_in_brackets_after_a_plan_word_is_the_plan_restated() -> None:
    mentions = extract_mentions(
        "UBND tỉnh Hòa Bình tổng kết năm 2023\n\n26/12/2023\n\n"
        "Tổng sản phẩm trên địa bàn tỉnh tăng 8,12%, vượt so với kế hoạch HĐND tỉnh giao (7,5 - 8%). "
        "Sản xuất nông nghiệp đạt 96% kế hoạch (tăng 3,4% so cùng kỳ). Thu ngân sách đạt 5.210 tỷ đồng, "
        "bằng 104% so với dự toán (5.000 tỷ đồng)."
    )
    found = {m.value: (m.kind, m.period) for m in mentions}
    assert found[8.12] == ("actual", "2023")
    assert found[7.5] == ("target", "2023")  # the running year's plan, not next year's target
    assert found[3.4][0] == "actual"  # a bracket opening with words is no plan restated
    assert found[5210.0][0] == "actual"
    assert found[5000.0] == ("target", "2023")


def test_the_years_end_in_a_years_review_is_no_target_cue() -> None:
    found = _kinds(
        "Huyện Thới Bình giảm nghèo bền vững\n\n28/12/2023\n\n"
        "Rà soát đầu năm 2023, toàn huyện có 1.999 hộ nghèo. Đến cuối năm, số hộ nghèo giảm còn 1.238 hộ."
    )
    assert found[1999.0] == "actual"
    assert found[1238.0] == "actual"


def test_a_year_after_the_pages_date_fronting_a_sentence_makes_its_figures_targets() -> None:
    text = (
        "Tân Phú: Bàn các giải pháp kinh tế năm 2011\n\n"
        "Năm 2010, tốc độ tăng trưởng kinh tế của huyện đạt 12%; trồng mới 8.200 ha rừng.\n\n"
        "Năm 2011, huyện Tân Phú đã đề ra 6 nhóm giải pháp nhằm đạt tăng trưởng 13%, trồng mới 9.000 ha "
        "rừng, giảm tỷ lệ hộ nghèo xuống còn 15,2%."
    )
    found = {m.value: (m.kind, m.period) for m in extract_mentions(text, published_at="2010-12-10")}
    assert found[12.0] == ("actual", "2010")
    assert found[8200.0] == ("actual", "2010")
    assert found[9000.0] == ("target", "2011")
    assert found[15.2] == ("target", "2011")
    # without the page's date the year is not read against one inferred from the text
    found = {m.value: (m.kind, m.period) for m in extract_mentions(text)}
    assert found[9000.0][0] == "actual"


def test_a_horizon_after_the_pages_date_is_a_target_though_the_text_refers_to_that_year() -> None:
    # a congress of the 2025-2030 term whose opening refers to 2030 (its reference year), on a page of 2025:
    # `đến năm 2030` is read against the page's date, and a year reached by then stays a result
    text = (
        "Đại hội Đảng bộ xã Tân Hòa lần thứ I, nhiệm kỳ 2025 - 2030\n\n"
        "Nhiệm kỳ qua, thu nhập bình quân đầu người đến năm 2024 đạt 61 triệu đồng.\n\n"
        "Nhóm chỉ tiêu về văn hóa - xã hội, đến năm 2030, đạt từ 85% trở lên các trường học đạt chuẩn quốc "
        "gia."
    )
    meta = replace(extract_metadata(text, published_at="2025-08-12"), reference_year=2030)
    found = {m.value: m.kind for m in extract_mentions(text, published_at="2025-08-12", metadata=meta)}
    assert found[85.0] == "target"
    assert found[61.0] == "actual"


def test_an_expectation_exceeded_is_no_target_cue() -> None:
    found = _kinds(
        "Xã Tân Hòa tổng kết năm 2026\n\n22/12/2026\n\n"
        "Năm 2026, tổng thu ngân sách trên địa bàn xã đạt 52 tỷ đồng, vượt dự kiến 4 tỷ đồng."
    )
    assert found[52.0] == "actual"
    assert found[4.0] == "actual"


def test_an_estimate_measured_against_its_own_plan_is_a_result() -> None:
    found = _kinds(
        "Huyện Tân Lạc tổng kết năm 2021\n\n20/12/2021\n\n"
        "Năm 2021, kinh tế huyện tăng trưởng khá. Tổng thu ngân sách trên địa bàn dự kiến 412.500 triệu "
        "đồng, đạt 131% dự toán tỉnh giao."
    )
    assert found[412500.0] == "actual"


def test_an_estimate_with_no_share_of_its_plan_is_still_a_target() -> None:
    found = _kinds(
        "Huyện Tân Lạc tổng kết năm 2021\n\n20/12/2021\n\n"
        "Năm 2022, tổng thu ngân sách trên địa bàn dự kiến 450.000 triệu đồng; tỷ lệ hộ nghèo dự kiến giảm "
        "còn 4,5%."
    )
    assert found[450000.0] == "target"
    assert found[4.5] == "target"


def test_an_achievement_before_the_colon_opening_a_plans_list_says_nothing_of_its_items() -> None:
    found = _kinds(
        "Huyện ủy Đất Đỏ họp thông qua kế hoạch\n\n28/11/2024\n\n"
        "Tại hội nghị, Ban Chấp hành Đảng bộ huyện đã biểu quyết thông qua kế hoạch sử dụng đất năm 2025 "
        "với một số nội dung như: tổng diện tích đất tự nhiên năm 2025 hơn 6.120 ha, trong đó, hơn 3.410 "
        "ha đất nông nghiệp."
    )
    assert found[6120.0] == "target"
    assert found[3410.0] == "target"


def test_capital_allocated_or_assigned_for_the_period_is_its_plan() -> None:
    # the gold rules: capital a plan allocates, assigns or arranges is the plan (`kế hoạch năm …`), a target;
    # the amount disbursed beside it, in its own clause, stays actual
    kinds = _kinds(
        "Huyện Lạc Sơn: kết quả 9 tháng năm 2024\n\n30/09/2024\n\n"
        "Hết tháng 9, huyện đã giao chi tiết vốn kế hoạch đầu tư công năm 2024 hơn 310 tỷ đồng, giải ngân "
        "ước đạt 190 tỷ đồng, bằng 61% kế hoạch. Phân bổ vốn sự nghiệp theo quyết định của tỉnh là 42 tỷ "
        "đồng. Tổng vốn đầu tư công trên địa bàn xã gần 37 tỷ đồng, đã giải ngân được 21,4 tỷ đồng. "
        "Giải ngân vốn được giao đạt 15 tỷ đồng."
    )
    assert kinds[310.0] == "target"
    assert kinds[42.0] == "target"
    assert kinds[37.0] == "target"
    assert kinds[190.0] == "actual"
    assert kinds[21.4] == "actual"
    assert kinds[15.0] == "actual"  # the disbursement of the assigned capital, not the plan
