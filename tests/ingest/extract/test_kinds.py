"""Whether a mention is an achieved figure or a target (`ingest.extract.kinds`)."""

from __future__ import annotations

from ingest.extract import extract_mentions


def _kinds(text: str) -> dict[float, str]:
    return {m.value: m.kind for m in extract_mentions(text)}


def test_the_level_a_target_change_starts_from_is_achieved() -> None:
    kinds = _kinds(
        "Năm 2025, phấn đấu giảm số hộ nghèo từ 41 hộ xuống còn 30 hộ; tỷ lệ che phủ rừng từ 38% lên 41,5%."
    )
    assert kinds == {41.0: "actual", 30.0: "target", 38.0: "actual", 41.5: "target"}


def test_a_floor_is_no_starting_level() -> None:
    assert _kinds("Năm 2025, phấn đấu tốc độ tăng trưởng kinh tế từ 8% trở lên.") == {8.0: "target"}


def test_a_running_total_to_a_date_is_achieved_before_a_forecast_in_its_sentence() -> None:
    kinds = _kinds(
        "Tổng thu ngân sách trên địa bàn huyện, tính đến ngày 30/4/2022, đạt trên 312 tỷ đồng (dự kiến 6 "
        "tháng đầu năm đạt 65% dự toán)."
    )
    assert kinds[312.0] == "actual"


def test_a_cue_carries_over_the_items_of_its_own_sentence_only() -> None:
    kinds = _kinds(
        "Trong 9 tháng năm 2022, Huyện ủy phấn đấu thực hiện thắng lợi các chỉ tiêu đã đề ra. Theo đó, tổng "
        "thu ngân sách đạt 18,4 tỷ đồng; giá trị sản xuất công nghiệp ước đạt 615 tỷ đồng."
    )
    assert kinds == {18.4: "actual", 615.0: "actual"}
    carried = _kinds("Năm 2023, phấn đấu giá trị sản xuất tăng 10,5%; thu nhập bình quân đạt 61 triệu đồng.")
    assert carried[61.0] == "target"


def test_a_lead_followed_by_an_achievement_reports_targets_met() -> None:
    kinds = _kinds(
        "Trong năm 2021, các chỉ tiêu chủ yếu đều đạt và vượt so với kế hoạch như: giá trị sản xuất nông "
        "nghiệp đạt 986 tỷ đồng; thu ngân sách nhà nước trên địa bàn đạt trên 52 tỷ đồng."
    )
    assert kinds == {986.0: "actual", 52.0: "actual"}
    assert _kinds("Năm 2021, 14/14 chỉ tiêu chủ yếu đạt và vượt kế hoạch đề ra.")[14.0] == "actual"
    # a lead that sets targets still does
    assert _kinds("Các chỉ tiêu chủ yếu năm 2022: giá trị sản xuất nông nghiệp đạt 1.050 tỷ đồng.") == {
        1050.0: "target"
    }


def test_a_plan_assigned_from_above_is_a_target() -> None:
    kinds = _kinds("Năm 2019, xã Tân Sơn được giao chỉ tiêu thu ngân sách là 215 triệu đồng.")
    assert kinds == {215.0: "target"}


def test_a_resolution_deciding_the_budget_estimate_sets_targets() -> None:
    kinds = _kinds(
        "QUYẾT NGHỊ:\n\nĐiều 1. Quyết định dự toán thu ngân sách nhà nước trên địa bàn, chi ngân sách địa "
        "phương năm 2023 như sau:\n\n1. Tổng số thu ngân sách nhà nước trên địa bàn: 3.250.000 triệu đồng."
    )
    assert kinds == {3250000.0: "target"}


def test_a_headline_opening_with_a_target_verb_is_no_list_label() -> None:
    kinds = _kinds(
        "Phấn đấu về đích nông thôn mới đúng lộ trình\n\nQua rà soát, đã có xã Tân Hòa đạt 16 tiêu chí; 4 xã "
        "đạt 14 tiêu chí; xã Tân Lập hiện đạt 12 tiêu chí."
    )
    assert kinds[4.0] == "actual"
    assert kinds[12.0] == "actual"
    # a label with its colon still opens a list
    assert _kinds("Năm 2024, xã phấn đấu:\nThu nhập bình quân đầu người đạt 66 triệu đồng.") == {
        66.0: "target"
    }


def test_an_achievement_after_the_target_cue_is_achieved() -> None:
    kinds = _kinds("Năm 2022, xã phấn đấu thu ngân sách 9 tỷ đồng và đã đạt 9,8 tỷ đồng, vượt kế hoạch.")
    assert kinds == {9.0: "target", 9.8: "actual"}


def test_a_past_period_cue_is_achieved_after_a_horizon() -> None:
    kinds = _kinds(
        "Đại hội Đảng bộ xã Tân Hòa, nhiệm kỳ 2025-2030\n\n10/06/2025\n\nĐại hội đề ra mục tiêu: "
        "đến năm 2030, thu nhập bình quân đầu người đạt 95 triệu đồng. Nhiệm kỳ qua, thu nhập bình quân "
        "đầu người năm 2025 đạt 68 triệu đồng."
    )
    assert kinds == {95.0: "target", 68.0: "actual"}


def test_a_plan_named_as_the_subject_of_its_figure_is_a_target() -> None:
    assert _kinds(
        "Năm 2022, chỉ tiêu huyện giao thu ngân sách 8 tỷ đồng, xã thực hiện được 8,6 tỷ đồng."
    ) == {
        8.0: "target",
        8.6: "actual",
    }
    assert _kinds("Năm 2022, dự toán thu ngân sách 8 tỷ đồng; thực hiện 8,6 tỷ đồng.") == {
        8.0: "target",
        8.6: "actual",
    }
    # a result verb before the plan: results
    assert _kinds("Năm 2022, thu ngân sách vượt dự toán 0,6 tỷ đồng.") == {0.6: "actual"}
    assert (
        _kinds("Năm 2022, thu ngân sách đạt 8,6 tỷ đồng, bằng 107% kế hoạch giao, chi đạt 7 tỷ đồng.")[7.0]
        == "actual"
    )


def test_a_later_year_named_in_the_clause_makes_a_target() -> None:
    kinds = _kinds(
        "Xã Tân Lợi\n\n12/11/2022\n\nNăm 2022, xã có 6 xã đạt chuẩn. Năm 2023 có 4 xã đăng ký về đích nông "
        "thôn mới."
    )
    assert kinds == {6.0: "actual", 4.0: "target"}
    # the text's own year is no target
    assert _kinds("Xã Tân Lợi\n\n12/11/2022\n\nNăm 2022, xã đạt 6 tiêu chí.")[6.0] == "actual"


def test_a_plan_cue_makes_a_target_unless_a_result_follows_it() -> None:
    kinds = _kinds(
        "Xã Tân Lợi\n\n10/07/2021\n\n6 tháng đầu năm 2021, xã đạt 14 tiêu chí; theo kế hoạch cuối năm "
        "2021 xã đạt 16 tiêu chí."
    )
    assert kinds == {14.0: "actual", 16.0: "target"}
    done = _kinds(
        "Xã Tân Lợi\n\n10/07/2021\n\nTheo kế hoạch tiêm phòng, đến nay xã đã tiêm 1.200 liều vắc xin."
    )
    assert done == {1200.0: "actual"}


def test_a_plan_figure_after_a_slash_or_a_double_plan_word_is_a_target() -> None:
    assert _kinds("Năm 2022, thu ngân sách đạt 9,6 tỷ đồng/KH 9 tỷ đồng.") == {9.6: "actual", 9.0: "target"}
    assert _kinds("Năm 2022, thu nhập bình quân 57 triệu đồng (chỉ tiêu nghị quyết 55 triệu đồng).") == {
        57.0: "actual",
        55.0: "target",
    }
