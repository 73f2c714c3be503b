"""Language patterns of commune reports beyond the seeds: sections, from/to, nouns after numbers, shares."""

from __future__ import annotations

from ingest.extract import extract_mentions
from ingest.extract.layout import layout
from ingest.extract.numbers import find_quantities
from ingest.extract.units import match_unit
from ingest.records import DocumentMetadata, Mention

Y2023 = DocumentMetadata(default_period="2023", issue_year=2023, terms=["2020-2025"])
Y2024_PLAN = DocumentMetadata(default_period="2025", issue_year=2024, terms=["2020-2025"])
MID = DocumentMetadata(default_period="term-2020-2025-mid", issue_year=2023, terms=["2020-2025"])
Q3 = DocumentMetadata(default_period="2023-9M", issue_year=2023, terms=["2020-2025"])


def _all(text: str, meta: DocumentMetadata = Y2023) -> list[Mention]:
    return extract_mentions(text, metadata=meta)


def _by_value(text: str, meta: DocumentMetadata = Y2023) -> dict[float, Mention]:
    return {m.value: m for m in _all(text, meta)}


# --- sections ---------------------------------------------------------------------------------------


def test_article_headings_set_kind_and_period() -> None:
    text = (
        "Điều 1. Đánh giá tình hình thực hiện nhiệm vụ năm 2024\n"
        "Năm qua thu ngân sách xã đạt 9.100 triệu đồng.\n"
        "Điều 2. Mục tiêu và các chỉ tiêu năm 2025\n"
        "1. Các chỉ tiêu kinh tế\n"
        "- Thu ngân sách xã: 9.800 triệu đồng.\n"
    )
    by = _by_value(text, Y2024_PLAN)
    assert (by[9100.0].kind, by[9100.0].period) == ("actual", "2024")
    assert (by[9800.0].kind, by[9800.0].period) == ("target", "2025")


def test_results_table_heading_with_chi_tieu_stays_actual_until_tasks() -> None:
    meta = DocumentMetadata(default_period="2023-Q3", issue_year=2023)
    text = (
        "I. KẾT QUẢ THỰC HIỆN QUÝ III NĂM 2023\n"
        "MỘT SỐ CHỈ TIÊU CHỦ YẾU QUÝ III NĂM 2023\n"
        "Đàn trâu bò có 1.420 con.\n"
        "II. NHIỆM VỤ TRỌNG TÂM QUÝ IV NĂM 2023\n"
        "Gieo trồng 210 ha ngô đông.\n"
    )
    by = _by_value(text, meta)
    assert (by[1420.0].kind, by[1420.0].period) == ("actual", "2023-Q3")
    assert (by[210.0].kind, by[210.0].period) == ("target", "2023-Q4")


def test_numbered_heading_vs_list_item() -> None:
    text = "2. Phương hướng, nhiệm vụ năm 2024\n3. Thu nhập bình quân đầu người đạt 60 triệu đồng.\n"
    sentences = layout(text, text.lower(), ref_year=2023, term=None, default_period="2023")
    assert sentences[0].is_heading and sentences[0].kind == "target" and sentences[0].period == "2024"
    assert not sentences[1].is_heading and sentences[1].kind == "target"


def test_first_half_review_section_in_a_second_half_plan_is_mid_term() -> None:
    meta = DocumentMetadata(default_period="term-2020-2025-second-half", issue_year=2023, terms=["2020-2025"])
    text = (
        "I. KẾT QUẢ NỬA ĐẦU NHIỆM KỲ\n"
        "Toàn xã có 402 hội viên nông dân.\n"
        "II. CHỈ TIÊU NỬA CUỐI NHIỆM KỲ\n"
        "Kết nạp 15 đảng viên mới.\n"
    )
    by = _by_value(text, meta)
    assert by[402.0].period == "term-2020-2025-mid" and by[402.0].kind == "actual"
    assert by[15.0].period == "term-2020-2025-second-half" and by[15.0].kind == "target"


def test_phan_dau_carries_over_semicolon_items() -> None:
    text = "- Năm tới phấn đấu sản lượng lúa đạt 3.100 tấn; tỷ lệ hộ nghèo còn 2,1%; kết nạp 8 đảng viên."
    assert {m.kind for m in _all(text)} == {"target"}
    assert _all("Sản lượng lúa đạt 3.100 tấn; tỷ lệ hộ nghèo còn 2,1%.")[1].kind == "actual"


def test_a_decision_after_a_discussion_opens_targets() -> None:
    text = (
        "Các đại biểu đã thảo luận và thống nhất đề ra một số chỉ tiêu cho nhiệm kỳ 2025 – 2030, gồm "
        "thu ngân sách hằng năm tăng trên 9%. Tỷ lệ hộ nghèo giảm dưới 2%."
    )
    by = _by_value(text)
    assert (by[9.0].kind, by[9.0].period) == ("target", "term-2025-2030")
    assert (by[2.0].kind, by[2.0].period) == ("target", "term-2025-2030")
    # a decision to assess is still about results
    assessed = "Nghe báo cáo, các đại biểu thống nhất đánh giá các chỉ tiêu: thu ngân sách đạt 4,2 tỷ đồng."
    assert _all(assessed)[0].kind == "actual"


def test_a_lead_before_semicolon_items_governs_them() -> None:
    text = (
        "Giai đoạn tới, xã hướng tới xây dựng đô thị dịch vụ biển; tốc độ tăng trưởng tổng giá trị sản "
        "phẩm đạt 14%/năm, tỷ lệ hộ nghèo dưới 1%."
    )
    assert {m.kind for m in _all(text)} == {"target"}
    assert _all("Xã xây dựng đô thị dịch vụ biển; tỷ lệ hộ nghèo còn 1,3%.")[0].kind == "actual"


def test_a_year_fronted_earlier_in_the_paragraph_dates_its_figures() -> None:
    text = (
        "Minh chứng là trong năm 2022, diện tích lúa đạt 53 ha, tăng 2,9%. "
        "Tổng gia súc cũng tăng với đàn trâu 368 con, đàn bò 1.276 con.\n"
        "Toàn xã có 12 mô hình kinh tế."
    )
    by = _by_value(text, MID)
    assert {by[53.0].period, by[368.0].period, by[1276.0].period} == {"2022"}
    assert by[12.0].period == "term-2020-2025-mid"  # a new paragraph


def test_price_base_years_semicolon_fronted_years_and_or_more() -> None:
    by = _by_value("Tốc độ tăng giá trị sản xuất bình quân hằng năm (giá so sánh năm 2010) đạt 16%.", MID)
    assert by[16.0].period == "term-2020-2025-mid"
    by = _by_value("Đời sống người dân được nâng cao; năm 2021, tỷ lệ gia đình văn hóa đạt trên 92%.")
    assert by[92.0].period == "2021"
    by = _by_value("Tỷ lệ gia đình văn hóa hằng năm đều đạt từ 85% trở lên.", MID)
    assert by[85.0].period == "term-2020-2025-mid"  # `từ … trở lên` is no from/to baseline


def test_a_horizon_fronted_earlier_in_the_paragraph_makes_targets() -> None:
    text = (
        "Đến năm 2030, tỷ trọng dịch vụ chiếm khoảng 45%. Vốn đầu tư trên địa bàn trong 5 năm đạt ít nhất "
        "5.600 tỷ đồng.\nNăm qua, thu ngân sách đạt 420 tỷ đồng. Tổng vốn đầu tư đạt 900 tỷ đồng."
    )
    by = _by_value(text)
    assert by[5600.0].kind == "target"
    assert by[900.0].kind == "actual"  # a running total's year (`Đến hết năm 2022, …`) is no horizon
    assert _by_value("Đến hết năm 2022, thu nhập đạt 70 triệu đồng. Có 5 làng văn hóa.")[5.0].kind == "actual"


def test_a_paragraph_going_on_with_a_lead_list_stays_in_its_scope() -> None:
    lead = (
        "Nhiệm kỳ 2025-2030 xác định 18 chỉ tiêu phấn đấu, trong đó một số chỉ tiêu chủ yếu như: thu nhập "
        "đạt 90 triệu đồng/người.\n\n"
    )
    by = _by_value(lead + "Tỷ lệ lao động qua đào tạo đạt 75%, kết nạp 80 đảng viên.")
    assert (by[75.0].kind, by[75.0].period) == ("target", "term-2025-2030")
    assert by[80.0].kind == "target"
    back = _by_value(lead + "Tỷ lệ hộ nghèo đã giảm còn 1,2%.")  # back on results
    assert back[1.2].kind == "actual"


def test_bracketed_plan_figure_is_the_term_target() -> None:
    by = _by_value("tỷ lệ dân số tham gia BHYT đạt 91,5% (Nghị quyết đề ra 93%).", MID)
    assert (by[91.5].kind, by[91.5].period) == ("actual", "term-2020-2025-mid")
    assert (by[93.0].kind, by[93.0].period) == ("target", "term-2020-2025")


def test_whole_year_estimate_in_a_nine_month_report() -> None:
    m = _all("Tổng sản lượng lương thực ước thực hiện cả năm 2023 đạt 5.900 tấn.", Q3)[0]
    assert m.period == "2023"
    assert _all("Sản lượng lương thực đạt 4.100 tấn.", Q3)[0].period == "2023-9M"


# --- from X to Y ------------------------------------------------------------------------------------


def test_from_to_gives_two_levels_with_their_own_periods() -> None:
    text = (
        "Tỷ lệ hộ cận nghèo giảm từ 6,2% đầu nhiệm kỳ xuống còn 3,9%; tỷ lệ hộ nghèo giảm từ 5% xuống 2,4%."
    )
    by = _by_value(text, MID)
    assert by[6.2].indicator_id != "poverty_reduction_rate"
    assert by[6.2].period == "term-2020-2025-start" and by[3.9].period == "term-2020-2025-mid"
    assert by[5.0].indicator_id == by[2.4].indicator_id == "poverty_rate"
    assert by[5.0].period == "term-2020-2025-start" and by[2.4].period == "term-2020-2025-mid"


def test_from_year_to_level_takes_the_year_after_the_first_number_only() -> None:
    by = _by_value("Tỷ lệ hộ nghèo giảm từ 5,3% năm 2020 xuống 3,4%.", Y2023)
    assert (by[5.3].period, by[3.4].period) == ("2020", "2023")
    assert by[5.3].indicator_id == by[3.4].indicator_id == "poverty_rate"


def test_reduction_then_level_in_brackets() -> None:
    by = _by_value("- Giảm tỷ lệ hộ nghèo 0,6% trở lên (còn dưới 2%).", Y2024_PLAN)
    assert by[0.6].indicator_id == "poverty_reduction_rate"
    assert by[2.0].indicator_id == "poverty_rate" and by[2.0].approx


def test_rate_then_yearly_average_reduction() -> None:
    m = _all("Tỷ lệ hộ nghèo (chuẩn mới) giảm bình quân hằng năm 0,7%.")[0]
    assert m.indicator_id == "poverty_reduction_rate"


# --- units and nouns --------------------------------------------------------------------------------


def test_scale_word_before_a_counted_noun_is_a_count() -> None:
    u = match_unit(" nghìn con gà", 0)
    assert u is not None and (u.unit, u.base_unit, u.factor) == ("nghìn con", "count", 1000.0)
    m = _all("Tổng đàn gia cầm ước khoảng 72 ngàn con.")[0]
    assert (m.base_value, m.base_unit, m.indicator_id) == (72000.0, "count", "poultry_flock")


def test_per_unit_and_qualifying_counts_are_not_quantities() -> None:
    text = "Thu nhập trên 1 ha đất canh tác đạt 130 triệu đồng; năng suất bình quân 2 vụ đạt 60 tạ/ha."
    assert [q.value for q in find_quantities(text, text.lower())] == [130.0, 60.0]
    assert find_quantities("tai nạn giảm cả 3 tiêu chí", "tai nạn giảm cả 3 tiêu chí") == []
    assert [q.value for q in find_quantities("diện tích trên 1 ha", "diện tích trên 1 ha")] == [1.0]


def test_noun_after_the_number_names_the_quantity() -> None:
    by = _by_value("Năm nay nông dân cấy 512 ha lúa, trồng 64 ha lạc.")
    assert by[512.0].indicator_id == "rice_area"
    assert "lạc" in by[64.0].indicator.split()
    # one crop season is that season's area, not the year's
    assert _by_value("Vụ Mùa nông dân cấy 512 ha lúa.")[512.0].indicator_id == "rice_area_main_season"
    m = _all("Trong kỳ phát hiện 3 vụ buôn bán pháo nổ.")[0]
    assert m.indicator == "số vụ buôn bán pháo nổ phát hiện"  # the measure word, the counted noun first
    m = _all("Toàn xã có 4 làng nghề truyền thống.")[0]
    assert (m.unit, m.value) == ("làng nghề", 4.0)


def test_conversion_destination_does_not_name_the_area() -> None:
    m = _all("Chuyển đổi 12 ha đất lúa kém hiệu quả sang trồng cây ăn quả.")[0]
    assert m.indicator_id == "crop_conversion_area"


def test_most_specific_catalogue_name_and_unit_decide() -> None:
    m = _all("Giá trị sản xuất ngành tiểu thủ công nghiệp đạt 98 tỷ đồng.")[0]
    assert m.indicator_id == "handicraft_value"
    m = _all("Xã đạt 19/19 tiêu chí xã nông thôn mới nâng cao.")[0]
    assert m.indicator_id == "ntm_advanced_criteria_met"
    m = _all("sản lượng lương thực bình quân mỗi năm đạt 6.400 tấn.")[0]
    assert (m.indicator_id, m.base_unit) == ("grain_output", "t")


def test_subject_stays_in_its_clause() -> None:
    by = _by_value("Nhận 9 đơn thư, đã giải quyết 7 đơn.")
    assert by[9.0].indicator_id == "petitions_received"
    assert by[7.0].indicator_id == "petitions_resolved"


# --- ratios after a count -----------------------------------------------------------------------------


def test_plan_attainment_after_the_counted_noun_phrase() -> None:
    ms = _all("Bàn giao 24/24 tân binh lên đường nhập ngũ năm 2023, đạt 100% chỉ tiêu trên giao.")
    assert len(ms) == 1 and ms[0].plan_pct == 100.0 and ms[0].indicator_id == "military_recruits"


def test_share_after_a_count_is_its_own_percentage() -> None:
    by = _by_value("Có 4 chi bộ hoàn thành xuất sắc nhiệm vụ (19%), giải quyết 40 hồ sơ, đạt 95,2%.")
    assert by[19.0].indicator.startswith("tỷ lệ chi bộ") and by[19.0].base_unit == "%"
    assert by[19.0].indicator_id == "party_orgs_rated_excellent"
    assert by[95.2].plan_pct is None and by[95.2].indicator.startswith("tỷ lệ")
    assert by[40.0].plan_pct is None


def test_versus_previous_year_is_yoy_only_in_the_ratio_form() -> None:
    m = _all("Tổng giá trị sản xuất đạt 530 tỷ đồng, bằng 109,1% so với năm 2022.")
    assert len(m) == 1 and m[0].yoy_pct == 109.1
    # a growth statement is a fact of its own (the gold rules), never folded into yoy_pct
    m = _all("Tổng giá trị sản xuất đạt 530 tỷ đồng, tăng 9,1% so với năm 2022.")
    assert len(m) == 2 and m[0].yoy_pct is None
    assert m[1].value == 9.1 and m[1].indicator == "tổng giá trị sản xuất tăng so với năm 2022"
    m = _all("Tổng giá trị sản xuất đạt 530 tỷ đồng, tăng 9,1% so với năm 2019.")
    assert len(m) == 2  # not the year before: a change of its own
    by = _by_value("Tỷ lệ hộ nghèo còn 2,2% (giảm 0,5% so với năm 2022).")
    assert by[2.2].yoy_pct is None and 0.5 in by  # a rate's change is in points, its own mention


def test_subject_carries_to_the_next_semicolon_item() -> None:
    by = _by_value(
        "Đầu nhiệm kỳ, thu nhập bình quân đầu người là 38 triệu đồng; năm 2022 đạt 51 triệu đồng.", MID
    )
    assert by[51.0].indicator_id == "income_per_capita" and by[51.0].period == "2022"
    assert by[38.0].period == "term-2020-2025-start"


# --- flattened tables ---------------------------------------------------------------------------------


def test_flattened_table_rows_use_the_header_for_bare_percentages() -> None:
    text = (
        "STT | Chỉ tiêu | Thực hiện | So kế hoạch | So cùng kỳ\n"
        "1 | Ngô đông | 95 ha | đạt 90% KH | bằng 104% CK\n"
        "2 | Khoai lang | 30 ha | 75% | 110%\n"
    )
    ms = _all(text)
    assert [(m.value, m.plan_pct, m.yoy_pct) for m in ms] == [(95.0, 90.0, 104.0), (30.0, 75.0, 110.0)]
    assert [m.indicator for m in ms] == ["ngô đông", "khoai lang"]
    assert "|" in ms[1].quote


def test_a_place_before_a_count_is_its_doer_not_its_name() -> None:
    by = _by_value("Đến nay, thị xã Phú Mỹ có 5/5 xã đạt chuẩn nông thôn mới.")
    assert by[5.0].indicator == "số xã đạt chuẩn nông thôn mới"


def test_congress_delegates_are_an_attendance_count() -> None:
    by = _by_value("Đại hội Đảng bộ xã lần thứ XX khai mạc với 139 đại biểu đại diện cho 446 đảng viên.")
    assert by[139.0].indicator == "số đại biểu dự đại hội"
    assert by[446.0].indicator.startswith("số đảng viên")


def test_a_share_beside_a_count_or_ratio_names_what_was_counted() -> None:
    ms = _all("Huyện có 15/15 xã được công nhận đạt chuẩn nông thôn mới, đạt 100%.")
    rate = next(m for m in ms if m.unit == "%")
    assert rate.indicator == "tỷ lệ xã công nhận đạt chuẩn nông thôn mới"
    assert rate.quote.startswith("Huyện có 15/15 xã")  # the share's words are the count's
    ms = _all("Có 1 xã nông thôn mới kiểu mẫu (Định Thủy), tỷ lệ 6,7%.")
    assert next(m for m in ms if m.unit == "%").indicator == "tỷ lệ xã nông thôn mới kiểu mẫu"


def test_counters_merged_communes_and_the_units_a_sentence_is_about_are_no_facts() -> None:
    assert _all("Lượt xem: 416") == []
    assert _all("648 lượt xem") == []  # the counter after its number (names9)
    assert [m.value for m in _all("Lễ hội đón 1.200 lượt khách.")] == [1200.0]
    assert [m.value for m in _all("Xã Bao La được thành lập trên cơ sở sáp nhập 3 xã.")] == []
    # the gold rules' item 191: a count followed by the names of the units it counts is that count; a count
    # that only says whose body or territory the sentence is about is none
    assert [m.value for m in _all("HĐND 2 huyện Hạ Lang, Thông Nông tổ chức kỳ họp thường lệ.")] == []
    assert [m.value for m in _all("Dự án triển khai trên địa bàn 03 xã Đạ Sar, Đạ Chais và Lát.")] == []
    assert [m.value for m in _all("Toàn huyện có 7 xã đạt chuẩn nông thôn mới.")] == [7.0]


def test_a_count_of_targets_alone_in_brackets_is_no_mention() -> None:
    # names9: a target list's heading count, or a restated count of targets set, is no figure
    assert _all("Về kinh tế (11 chỉ tiêu)") == []
    ms = _all("Kết quả thực hiện các chỉ tiêu chủ yếu mà xã đã xác định từ đầu nhiệm kỳ (21 chỉ tiêu).")
    assert ms == []
    assert [m.value for m in _all("Có 16/18 chỉ tiêu (88,9%) đạt và vượt kế hoạch.")][:1] == [16.0]
    assert [m.value for m in _all("Đại hội đề ra 18 chỉ tiêu chủ yếu.")] == [18.0]


def test_targets_adopted_and_averages_per_unit_are_named_by_their_words() -> None:
    assert _by_value("Nhiệm kỳ 2020-2025 xác định 18 chỉ tiêu phấn đấu.")[18.0].indicator.startswith(
        "số chỉ tiêu phấn đấu"
    )
    assert (
        _by_value("Bình quân mỗi xã đạt 12,42 tiêu chí.")[12.42].indicator == "số tiêu chí bình quân mỗi xã"
    )


def test_a_change_quotes_the_level_it_changes() -> None:
    by = _by_value("Tổng đàn bò 1.276 con, tăng 5% so với năm 2021.")
    assert by[5.0].quote.startswith("Tổng đàn bò 1.276 con")


def test_one_of_the_targets_after_a_figure_makes_it_a_target() -> None:
    text = "Giảm tỷ lệ hộ nghèo đa chiều xuống còn 3,9% là một trong những chỉ tiêu quan trọng."
    by = _by_value(text, Y2023)
    assert by[3.9].kind == "target"


# --- catalogue ids: exactly the measure -------------------------------------------------------------


def test_a_level_reached_after_a_change_verb_is_the_level() -> None:
    by = _by_value("Phấn đấu giảm tỷ lệ hộ nghèo còn 1,4%; giảm tỷ lệ hộ cận nghèo 0,6%.")
    assert (by[1.4].indicator, by[1.4].indicator_id) == ("tỷ lệ hộ nghèo", "poverty_rate")
    by = _by_value("Tỷ lệ hộ nghèo giảm từ 42,35% năm 2011 xuống chỉ còn 10,51% năm 2018.")
    assert by[42.35].indicator_id == by[10.51].indicator_id == "poverty_rate"


def test_a_sector_after_the_total_measure_words_is_that_sector() -> None:
    text = (
        "Giá trị sản phẩm thương mại - dịch vụ 18.611 triệu đồng; giá trị sản phẩm nông - lâm - thủy sản "
        "9.200 triệu đồng; tổng giá trị sản phẩm 40.000 triệu đồng."
    )
    by = _by_value(text)
    assert by[18611.0].indicator_id == "trade_services_value"
    assert by[9200.0].indicator_id == "agri_value"
    assert by[40000.0].indicator_id == "production_value_total"


def test_figures_under_a_crop_season_heading_carry_that_season_id() -> None:
    text = "a. Vụ Xuân\n\n- Tổng diện tích gieo trồng 226 ha.\nII. CHĂN NUÔI\n- Tổng đàn trâu 300 con.\n"
    by = _by_value(text)
    assert by[226.0].indicator_id == "planted_area_winter_spring"
    assert by[300.0].indicator_id == "buffalo_herd"
    assert _by_value("Huyện trồng được 52 ha lúa xuân.")[52.0].indicator_id == "rice_area_winter_spring"
    assert _by_value("- Tổng diện tích gieo trồng 226 ha.")[226.0].indicator_id == "planted_area"
