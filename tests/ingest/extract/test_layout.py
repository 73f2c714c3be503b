"""Target scope of leads (`ingest.extract.layout`), read through the mentions."""

from __future__ import annotations

from ingest.extract import extract_mentions


def _kinds(text: str) -> dict[float, str]:
    return {m.value: m.kind for m in extract_mentions(text)}


def test_a_lead_setting_counts_of_any_unit_opens_its_target_scope() -> None:
    found = _kinds(
        "Tỉnh Tân Hòa xây dựng nông thôn mới\n\n14/03/2026\n\n"
        "Năm 2026, tỉnh Tân Hòa đề ra mục tiêu sẽ có thêm 7 xã đạt chuẩn nông thôn mới kiểu mẫu, nông thôn "
        "mới nâng cao; có thêm 9 xã đạt chuẩn nông thôn mới."
    )
    assert found[7.0] == "target"
    assert found[9.0] == "target"


def test_a_lead_followed_only_by_counts_of_the_plans_items_opens_no_target_scope() -> None:
    found = _kinds(
        "Đại hội Đảng bộ huyện Tân Hòa lần thứ XXI\n\n10/08/2020\n\n"
        "Trong 20 chỉ tiêu chủ yếu mà Nghị quyết Đại hội Đảng bộ huyện lần thứ XX đề ra cho cả nhiệm kỳ, "
        "15 chỉ tiêu thực hiện đạt và vượt, có 3 chỉ tiêu cơ bản đạt. Tốc độ tăng trưởng kinh tế bình "
        "quân giai đoạn 2016-2020 là 7,2%/năm."
    )
    assert found[7.2] == "actual"


def test_targets_met_by_a_subject_named_after_them_open_no_target_scope() -> None:
    found = _kinds(
        "Huyện Tân Hòa: kinh tế 6 tháng đầu năm phục hồi\n\n28/06/2024\n\n"
        "So với Nghị quyết năm, một số chỉ tiêu chủ yếu huyện thực hiện đạt kết quả khá: giá trị sản xuất "
        "nông nghiệp ước 1.650 tỷ đồng, đạt 52%; giá trị thương mại - dịch vụ ước 2.700 tỷ đồng, đạt 61%."
    )
    assert found[1650.0] == "actual"
    assert found[2700.0] == "actual"


def test_targets_named_before_striving_still_open_their_target_scope() -> None:
    found = _kinds(
        "Xã Tân Hòa tổng kết năm 2026\n\n20/12/2026\n\n"
        "Năm 2027, các chỉ tiêu chủ yếu xã cần đạt: thu nhập bình quân đầu người 72 triệu đồng; tỷ lệ hộ "
        "nghèo giảm còn 1,6%."
    )
    assert found[72.0] == "target"
    assert found[1.6] == "target"


def test_the_figures_listed_after_a_colon_by_an_adopted_resolution_are_targets() -> None:
    found = _kinds(
        "Kỳ họp thứ 9 HĐND huyện Tân Hòa\n\n15/07/2026\n\n"
        "Kỳ họp cũng thông qua Nghị quyết về nhiệm vụ kinh tế - xã hội 6 tháng cuối năm 2026: tổng thu ngân "
        "sách 610 tỷ đồng, giá trị sản xuất nông nghiệp bình quân 340 triệu đồng/ha."
    )
    assert found[610.0] == "target"
    assert found[340.0] == "target"


def test_the_sentences_going_on_from_an_adopted_plan_with_theo_do_are_targets() -> None:
    found = _kinds(
        "UBND tỉnh Tân Hòa giao chỉ tiêu năm 2027\n\n12/12/2026\n\n"
        "Ngày 11/12/2026, Chủ tịch UBND tỉnh ký Quyết định số 2001/QĐ-UBND về việc giao chỉ tiêu kế hoạch "
        "kinh tế - xã hội và dự toán ngân sách năm 2027. Theo đó, thu ngân sách là 9.870 tỷ đồng; chi ngân "
        "sách là 11.240 tỷ đồng."
    )
    assert found[9870.0] == "target"
    assert found[11240.0] == "target"


def test_a_resolution_carried_out_adopts_no_plan() -> None:
    found = _kinds(
        "Xã Tân Hòa tổng kết năm 2026\n\n20/12/2026\n\n"
        "Thực hiện Nghị quyết về nhiệm vụ kinh tế - xã hội năm 2026, xã đã đạt nhiều kết quả. Theo đó, thu "
        "ngân sách đạt 12,5 tỷ đồng; thu nhập bình quân đầu người đạt 66 triệu đồng."
    )
    assert found[12.5] == "actual"
    assert found[66.0] == "actual"


def test_targets_a_body_brings_out_or_determines_open_their_target_scope() -> None:
    found = _kinds(
        "Đại hội Đảng bộ xã Tân Hòa lần thứ XVI\n\n12/06/2020\n\n"
        "Trong nhiệm kỳ mới, Đảng bộ xã đưa ra các chỉ tiêu phát triển kinh tế, giá trị sản xuất nông "
        "nghiệp tăng bình quân 6%; khu vực dịch vụ tăng bình quân hằng năm 9%.\n\n"
        "Nghị quyết Đại hội Đảng bộ phường Tân An đã xác định nhiều chỉ tiêu quan trọng, trong đó: thu "
        "nhập bình quân đầu người đạt 110 triệu đồng; tỷ lệ hộ nghèo giảm còn 0,8%."
    )
    assert found[6.0] == "target"
    assert found[9.0] == "target"
    assert found[110.0] == "target"
