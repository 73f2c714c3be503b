"""Names made in `naming.py`: the level a plan set, written after the figure that beat it."""

from __future__ import annotations

from ingest.extract import extract_mentions
from ingest.records import DocumentMetadata, Mention

Y2024 = DocumentMetadata(default_period="2024", issue_year=2024, terms=["2020-2025"])


def _by_value(text: str) -> dict[float, Mention]:
    return {m.value: m for m in extract_mentions(text, metadata=Y2024)}


def test_the_plans_level_after_the_figure_that_beat_it_is_named_by_that_figure_and_the_plan() -> None:
    by = _by_value(
        "Tốc độ tăng trưởng kinh tế ước đạt 8,4% vượt so với Nghị quyết đến năm 2025 là 8%. Thu nhập bình "
        "quân đầu người đạt 62 triệu đồng/người/năm, vượt so với kế hoạch HĐND huyện giao (60 triệu "
        "đồng/người/năm)."
    )
    assert by[8.0].indicator == "tốc độ tăng trưởng kinh tế theo nghị quyết"
    assert by[60.0].indicator == "thu nhập bình quân đầu người theo kế hoạch hội đồng nhân dân huyện giao"


def test_an_amount_in_brackets_after_the_plan_or_period_compared_with_is_theirs() -> None:
    by = _by_value(
        "Tổng thu ngân sách nhà nước đạt 812 tỷ đồng, đạt 71,5% so với dự toán (1.136 tỷ đồng) và bằng "
        "104,2% so với cùng kỳ (779 tỷ đồng)."
    )
    assert by[1136.0].indicator == "dự toán tổng thu ngân sách nhà nước"
    assert by[779.0].indicator == "tổng thu ngân sách nhà nước cùng kỳ"


def test_an_amount_in_brackets_after_a_change_on_last_year_is_not_last_years() -> None:
    by = _by_value(
        "Tổng mức bán lẻ đạt 5.300 tỷ đồng, doanh thu du lịch tăng 36% so với cùng kỳ (hơn 1.200 tỷ đồng)."
    )
    assert not by[1200.0].indicator.endswith("cùng kỳ")


def test_an_excess_with_no_figure_of_its_own_is_the_figure_befores_over_the_plan() -> None:
    by = _by_value(
        "Tổng sản lượng lương thực đạt 12.400 tấn, vượt kế hoạch gần 4%; tỷ lệ hộ nghèo giảm 1,8%, vượt 0,3%."
    )
    assert by[4.0].indicator == "tổng sản lượng lương thực vượt so với kế hoạch"
    assert by[4.0].quote.startswith("Tổng sản lượng lương thực")
    assert by[0.3].indicator == "tỷ lệ hộ nghèo giảm vượt so với kế hoạch"


def test_a_bare_name_takes_in_the_subject_its_clause_opens_with() -> None:
    # names15: `số vụ`, `tổng chiều dài` say only the measure; the clause's subject says what is measured
    by = _by_value(
        "Trong kỳ, buôn bán hàng cấm xảy ra 6 vụ. Kênh mương nội đồng đã được kiên cố hóa với tổng chiều "
        "dài 42,5 km. Khách nội địa đến huyện đạt gần 25.000 lượt."
    )
    assert by[6.0].indicator == "số vụ buôn bán hàng cấm"
    assert by[42.5].indicator == "tổng chiều dài kênh mương nội đồng"
    assert by[25000.0].indicator == "số lượt khách nội địa"


def test_a_place_or_another_measure_opening_the_clause_is_no_subject_of_a_bare_name() -> None:
    by = _by_value("Toàn huyện có 14 xã. Năng suất đạt 61 tạ/ha sản lượng đạt 7.320 tấn.")
    assert by[14.0].indicator == "số xã"
    assert by[7320.0].indicator == "sản lượng"


def test_a_measure_written_again_as_a_verbs_object_names_the_figure() -> None:
    by = _by_value(
        "Thị trấn Nam Sơn phấn đấu giảm tỷ lệ hộ nghèo đa chiều xuống dưới 1,5%. Huyện miền núi Sơn Hà có "
        "diện tích đất tự nhiên 7.520 ha."
    )
    assert by[1.5].indicator == "tỷ lệ hộ nghèo đa chiều"
    assert by[7520.0].indicator == "diện tích đất tự nhiên"


def test_the_members_delegates_stand_for_are_counted_without_the_delegates_words() -> None:
    by = _by_value(
        "Đại hội có 172 đại biểu chính thức, đại diện cho hơn 2.450 đảng viên trong toàn Đảng bộ. "
        "Hội nghị có 80 đại biểu ưu tú đại diện 1.200 hội viên."
    )
    assert by[2450.0].indicator == "số đảng viên"
    assert by[1200.0].indicator == "số hội viên"
    assert by[172.0].indicator != "số đảng viên"


def test_a_count_of_members_not_after_dai_dien_keeps_its_name() -> None:
    by = _by_value("Trong năm kết nạp 35 đảng viên mới.")
    assert by[35.0].indicator != "số đảng viên"


def test_a_level_of_the_total_product_written_as_grdp_is_spelled_out() -> None:
    by = _by_value("GRDP trên địa bàn tỉnh (giá so sánh 2010) ước đạt 41.350 tỷ đồng.")
    assert by[41350.0].indicator.startswith("tổng sản phẩm trên địa bàn tỉnh")
    by = _by_value("GRDP của huyện đạt 8.120 tỷ đồng.")
    assert by[8120.0].indicator.startswith("tổng sản phẩm trên địa bàn (grdp)")


def test_grdp_per_head_and_its_growth_keep_the_abbreviation() -> None:
    by = _by_value("GRDP bình quân đầu người đạt 68,5 triệu đồng, GRDP tăng 7,2%.")
    assert by[68.5].indicator.startswith("grdp bình quân đầu người")
    assert "tổng sản phẩm" not in by[7.2].indicator


def test_a_plan_or_comparison_right_after_a_percentage_is_no_subject_of_the_change_after_it() -> None:
    by = _by_value(
        "Thu ngân sách nhà nước ước đạt 950 tỷ đồng, đạt 61,4% dự toán cả năm và tăng 12,3%. Tổng chi "
        "ngân sách địa phương đạt 870 tỷ đồng, tăng 8,1% so với tháng trước và tăng 26,5% so với cùng kỳ năm "
        "trước. Chi thường xuyên đạt 410 tỷ đồng, đạt 42,7% nhiệm vụ chi và giảm 3,2%."
    )
    assert by[12.3].indicator.startswith("thu ngân sách nhà nước tăng")
    assert by[26.5].indicator.startswith("tổng chi ngân sách địa phương tăng so với cùng kỳ")
    assert by[3.2].indicator.startswith("chi thường xuyên giảm")


def test_a_growth_beside_its_level_that_names_no_comparison_is_on_the_same_period_last_year() -> None:
    by = _by_value(
        "Kim ngạch xuất khẩu đạt 215 triệu USD, tăng 9,3%. Sản lượng thủy sản đạt 4.120 tấn, giảm 2,6% so "
        "với năm 2023. Tổng vốn đầu tư đạt 1.350 tỷ đồng, tăng 7,4%/năm."
    )
    assert by[9.3].indicator == "kim ngạch xuất khẩu tăng so với cùng kỳ"
    assert by[2.6].indicator.endswith("giảm so với năm 2023")
    assert "cùng kỳ" not in by[7.4].indicator


def test_a_growth_beside_its_level_in_a_terms_review_takes_no_comparison_it_does_not_write() -> None:
    term = DocumentMetadata(default_period="term-2020-2025", issue_year=2025, terms=["2020-2025"])
    mentions = extract_mentions("Kim ngạch xuất khẩu đạt 215 triệu USD, tăng 9,3%.", metadata=term)
    assert {m.value: m for m in mentions}[9.3].indicator == "kim ngạch xuất khẩu tăng"


def test_a_change_after_an_attainment_named_only_by_its_plan_is_the_amounts() -> None:
    by = _by_value(
        "Tổng chi ngân sách huyện ước đạt 84.300 triệu đồng, so với kế hoạch đạt 31,2% và tăng 17,5% so "
        "cùng kỳ."
    )
    assert by[17.5].indicator == "tổng chi ngân sách huyện tăng so với cùng kỳ"


def test_praise_after_a_growth_is_no_part_of_its_name() -> None:
    by = _by_value(
        "Tốc độ tăng trưởng kinh tế của huyện năm 2024 hết sức ngoạn mục: đạt 12,4%. Giá trị sản xuất tăng "
        "trưởng khá tốt so với cùng kỳ, đạt 8,3%."
    )
    assert by[12.4].indicator == "tốc độ tăng trưởng kinh tế của huyện"
    assert "tốt" not in by[8.3].indicator


def test_a_name_after_a_count_of_the_nouns_its_indicator_counts_gives_the_id() -> None:
    # ids24: `thôn, bản` is counted by `ntm_model_hamlets` (its counted noun `thôn`), whose name follows
    by = _by_value("Huyện có 21 thôn, bản đạt chuẩn khu dân cư nông thôn mới kiểu mẫu.")
    assert by[21.0].indicator_id == "ntm_model_hamlets"

    from ingest.extract.catalogue import catalogue_by_id
    from ingest.extract.naming import _counts

    hamlets = catalogue_by_id()["ntm_model_hamlets"]
    assert _counts(hamlets, "thôn, xóm")
    assert not _counts(hamlets, "hộ")  # households are no hamlets
    assert not _counts(hamlets, "")


def test_without_restated_measure_keeps_a_name_opening_with_no_measure() -> None:
    from types import SimpleNamespace

    from ingest.extract.naming import without_restated_measure

    d = SimpleNamespace(indicator="số hộ nghèo giảm tỷ lệ hộ nghèo")
    without_restated_measure(d)  # type: ignore[arg-type]
    assert d.indicator == "số hộ nghèo giảm tỷ lệ hộ nghèo"
    d = SimpleNamespace(indicator="tỷ lệ xã a phấn đấu giảm tỷ lệ hộ nghèo")
    without_restated_measure(d)  # type: ignore[arg-type]
    assert d.indicator == "tỷ lệ hộ nghèo"
