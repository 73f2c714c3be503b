"""Written names of percentages: whose words name a share written before its counted noun."""

from __future__ import annotations

from ingest.extract import extract_mentions
from ingest.records import DocumentMetadata, Mention

Y2024 = DocumentMetadata(default_period="2024", issue_year=2024, terms=["2020-2025"])


def _by_value(text: str) -> dict[float, Mention]:
    return {m.value: m for m in extract_mentions(text, metadata=Y2024)}


def test_a_share_after_another_is_named_by_its_own_counted_noun_not_the_others_tail() -> None:
    by = _by_value("Năm 2024, 72,5% số hộ có nhà kiên cố, 91,2% số trẻ em được tiêm chủng đầy đủ.")
    assert by[72.5].indicator == "tỷ lệ số hộ có nhà kiên cố"
    assert by[91.2].indicator == "tỷ lệ số trẻ em được tiêm chủng đầy đủ"
    assert by[91.2].quote.startswith("91,2%")


def test_a_place_before_a_share_does_not_name_it() -> None:
    by = _by_value("Trên địa bàn phường hiện có 97,3% hộ gia đình dùng nước hợp vệ sinh.")
    assert by[97.3].indicator == "tỷ lệ hộ gia đình dùng nước hợp vệ sinh"


def test_a_written_subject_before_a_share_still_names_it() -> None:
    # the words before the number are its own clause's subject: the tail does not replace them
    by = _by_value("Tỷ lệ hộ dùng điện lưới quốc gia đạt 99% hộ, tỷ lệ che phủ rừng 45%.")
    assert by[99.0].indicator == "tỷ lệ hộ dùng điện lưới quốc gia"
    assert by[45.0].indicator == "tỷ lệ che phủ rừng"


def test_a_count_keeps_its_doer_and_verb_without_the_auxiliary() -> None:
    by = _by_value("Bên cạnh đó, người dân còn ủng hộ hơn 450 suất quà.")
    assert by[450.0].indicator == "số suất quà người dân ủng hộ"


def test_a_bare_place_is_dropped_but_what_it_achieved_is_kept() -> None:
    by = _by_value("Huyện đạt và vượt 18/21 chỉ tiêu; thị xã Long Điền có 4/4 xã đạt chuẩn.")
    assert by[18.0].indicator == "số chỉ tiêu đạt và vượt"
    assert by[4.0].indicator == "số xã đạt chuẩn"  # a named place: nothing of it in the name


def test_a_place_no_name_follows_bounds_a_measured_subject_and_is_no_doer() -> None:
    by = _by_value("Tổng đàn trâu, bò toàn xã đạt 2.140 con; đàn dê của xã đạt 615 con.")
    assert by[2140.0].indicator == "tổng đàn trâu, bò toàn xã"
    assert by[615.0].indicator == "đàn dê của xã"
    by = _by_value("Năm 2024, lũy kế đến nay xã Tân Hòa đạt 17/19 tiêu chí nông thôn mới.")
    assert by[17.0].indicator.startswith("số tiêu chí")  # a named place is the doer: its verb is kept


def test_a_negated_verb_after_a_count_stays_in_its_name() -> None:
    by = _by_value("Năm 2024 có 20 chỉ tiêu đạt kế hoạch, 4 chỉ tiêu chưa đạt.")
    assert by[4.0].indicator == "số chỉ tiêu chưa đạt"


def test_two_counts_joined_by_va_share_the_words_after_the_second() -> None:
    by = _by_value("Xã giữ vững 5 thôn và 3 cơ quan đạt danh hiệu văn hóa.")
    assert by[5.0].indicator == "số thôn đạt danh hiệu văn hóa"
    assert by[3.0].indicator == "số cơ quan đạt danh hiệu văn hóa"


def test_a_bound_after_a_count_and_its_verb_names_the_count_and_is_no_figure() -> None:
    ms = extract_mentions("Có 4 xã thu đạt từ 70% trở lên, 6 xã còn lại thu dưới 40%.", metadata=Y2024)
    assert [(m.value, m.indicator) for m in ms] == [
        (4.0, "số xã thu đạt từ 70% trở lên"),
        (6.0, "số xã còn lại thu dưới 40%"),
    ]


def test_a_rate_after_a_count_is_a_figure_not_a_bound() -> None:
    by = _by_value("Có 5 xã, tỷ lệ hộ nghèo dưới 2%.")
    assert 2.0 in by and by[2.0].indicator.startswith("tỷ lệ")


def test_the_remaining_units_keep_con_lai_once() -> None:
    by = _by_value("Có 2 xã đạt chuẩn, 4 xã còn lại đạt từ 14 đến 16 tiêu chí.")
    assert by[4.0].indicator == "số xã còn lại đạt từ 14 đến 16 tiêu chí"
    assert 14.0 not in by  # which of the remaining communes are counted, not a figure


def test_a_bracket_holding_only_the_figure_is_named_by_the_words_before_it() -> None:
    by = _by_value("Đáng chú ý là khoản thu phí, lệ phí (mới đạt 3/5 tỷ đồng).")
    assert by[3.0].indicator.endswith("thu phí, lệ phí")
    text = "Tổng thu ngân sách đạt 900 tỷ đồng, tăng 15% so với cùng kỳ năm 2023 "
    text += "(dự kiến 6 tháng đầu năm đạt 70% dự toán)."
    # not the words of the figure before the bracket
    assert "kỳ" not in _by_value(text)[70.0].indicator.split()


def test_a_second_attainment_is_named_after_its_plan_and_the_figure_before() -> None:
    text = "Tổng thu ngân sách xã ước đạt 12,4 tỷ đồng, bằng 130% KH huyện giao, bằng 104,5% KH điều chỉnh."
    by = _by_value(text)
    assert by[12.4].plan_pct == 130.0
    second = by[104.5]
    assert second.indicator == "tỷ lệ thực hiện kế hoạch điều chỉnh tổng thu ngân sách xã"
    assert second.quote.startswith("Tổng thu ngân sách xã")  # the quote holds the figure it measures


def test_a_change_after_an_attainment_takes_the_level_subject_not_the_plan_words() -> None:
    by = _by_value("Diện tích lúa xuân đạt 210 ha, bằng 104,5% kế hoạch và tăng 3,2% so với cùng kỳ.")
    assert by[210.0].plan_pct == 104.5
    assert by[3.2].indicator == "diện tích lúa xuân tăng so với cùng kỳ"


def test_a_plan_issued_by_the_city_or_the_government_is_no_subject_of_the_next_figure() -> None:
    by = _by_value(
        "Thu ngân sách quận đạt 512 tỷ đồng, bằng 31,2% dự toán HĐND thành phố giao"
        " và tăng 18,4% so với cùng kỳ."
    )
    assert by[18.4].indicator == "thu ngân sách quận tăng so với cùng kỳ"
    by = _by_value("Tổng thu đạt 640 tỷ đồng, bằng 41% dự toán Chính phủ giao và bằng 38% dự toán tỉnh giao.")
    assert "chính phủ" not in by[38.0].indicator


def test_a_bare_change_right_after_a_level_is_that_levels_change() -> None:
    ms = extract_mentions("Đàn dê có 640 con, giảm 4,5%.", metadata=Y2024)
    by = {m.value: m for m in ms}
    assert by[4.5].indicator == "đàn dê giảm so với cùng kỳ"  # names23: no comparison written
    assert by[4.5].quote.startswith("Đàn dê có 640 con")
    assert _by_value("Có 45 hộ, chiếm 5%.")[5.0].indicator == "tỷ lệ hộ"  # a share stays a share


def test_comma_items_do_not_join_a_measured_subject_or_the_plan_words_before() -> None:
    by = _by_value("Vốn huy động từ ngân sách, doanh nghiệp, tổng kinh phí đạt 150 tỷ đồng.")
    assert by[150.0].indicator == "tổng kinh phí"
    by = _by_value("Nghệ thu về 30 tấn, tăng 20% so với kế hoạch, cây gừng 8 ha.")
    assert by[8.0].indicator == "diện tích cây gừng"


def test_a_written_measure_names_a_count_in_a_classifier_unit() -> None:
    assert _by_value("Mức hưởng thụ văn hoá đạt 38 lần/người/năm.")[38.0].indicator == "mức hưởng thụ văn hóa"
    assert _by_value("Tổ chức 04 đợt sinh hoạt chuyên đề.")[4.0].indicator == "số đợt sinh hoạt chuyên đề"


def test_a_count_after_tai_with_another_measure_before_is_named_by_its_own_words() -> None:
    by = _by_value("Thu nhập bình quân tại 4 xã đạt chuẩn nông thôn mới cuối năm 2023 đạt 52 triệu đồng/năm.")
    assert by[4.0].indicator == "số xã đạt chuẩn nông thôn mới"


def test_the_second_level_of_a_rise_from_one_year_to_another_keeps_the_subject() -> None:
    text = "Thu nhập bình quân đầu người tăng từ 18 triệu đồng/người/năm vào năm 2015 "
    text += "lên 41 triệu đồng/người/năm."
    assert _by_value(text)[41.0].indicator == "thu nhập bình quân đầu người"


def test_a_named_place_is_dropped_but_what_it_did_is_kept() -> None:
    by = _by_value("Trong tổng số 20 chỉ tiêu, xã Tân Lập đã thực hiện đạt 16 chỉ tiêu.")
    assert by[16.0].indicator == "số chỉ tiêu thực hiện đạt"


def test_a_multiplier_takes_its_levels_subject_and_the_year_it_compares_with() -> None:
    by = _by_value("Thu nhập bình quân đầu người đạt 72 triệu đồng, gấp 1,8 lần năm 2019.")
    assert by[1.8].indicator == "thu nhập bình quân đầu người gấp so với năm 2019"
    assert by[1.8].quote.startswith("Thu nhập bình quân đầu người đạt 72 triệu đồng")
    by = _by_value(
        "Tổng giá trị sản xuất đạt 900 tỷ đồng, tăng gần gấp 3 lần so với năm 2015 khi xã bắt đầu đổi mới."
    )
    assert by[3.0].indicator == "tổng giá trị sản xuất gấp so với năm 2015"


def test_a_bare_dat_percentage_after_a_figure_is_its_attainment() -> None:
    text = "Thu ngân sách trên địa bàn đạt 14,2 tỷ đồng, đạt 91,3%; chi ngân sách 9 tỷ đồng."
    ms = extract_mentions(text, metadata=Y2024)
    assert [(m.value, m.plan_pct) for m in ms] == [(14.2, 91.3), (9.0, None)]
    by = _by_value("Kết nạp mới 12 đảng viên, đạt 120%.")
    assert by[12.0].plan_pct == 120.0 and 120.0 not in by
    by = _by_value("Tiêm chủng cho 150 trẻ, đạt 98%.")  # a count's share stays a figure
    assert 98.0 in by and by[150.0].plan_pct is None


def test_an_excess_over_the_plan_is_the_figures_change_against_it() -> None:
    by = _by_value("Thu nhập bình quân đầu người ước đạt 58 triệu đồng, vượt 12,5% mục tiêu đại hội.")
    assert by[12.5].indicator == "thu nhập bình quân đầu người vượt so với mục tiêu đại hội"
    by = _by_value("Sản lượng thủy sản đạt 900 tấn, bằng 101% so với cùng kỳ và vượt 2,4% so với kế hoạch.")
    assert by[2.4].indicator == "sản lượng thủy sản vượt so với kế hoạch"
    assert _by_value("Thu ngân sách đạt 5 tỷ đồng, vượt 112% kế hoạch.")[5.0].plan_pct == 112.0


def test_a_part_s_income_per_head_is_named_with_its_measure() -> None:
    text = "Thu nhập không ngừng tăng; năm 2023, khu vực thành thị là 98 triệu đồng/người/năm."
    assert _by_value(text)[98.0].indicator == "thu nhập bình quân đầu người khu vực thành thị"


def test_counts_where_something_was_done_are_named_with_it_both_of_them() -> None:
    by = _by_value("Đề án được triển khai tại 9/9 xã và 64 thôn.")
    assert by[9.0].indicator == "số xã triển khai đề án"
    assert by[64.0].indicator == "số thôn triển khai đề án"


def test_a_second_attainment_and_a_change_after_it_keep_the_figures_subject() -> None:
    text = "Diện tích lạc là 64 ha bằng 92% kế hoạch và bằng 115% chỉ tiêu huyện giao, "
    text += "tăng 8,2% so với cùng kỳ."
    by = _by_value(text)
    assert by[64.0].plan_pct == 92.0
    assert by[115.0].indicator == "tỷ lệ thực hiện chỉ tiêu huyện giao diện tích lạc"
    assert by[8.2].indicator == "diện tích lạc tăng so với cùng kỳ"


def test_an_attainment_opening_the_next_semicolon_item_is_the_figures() -> None:
    text = "Tổng thu ngân sách ước thực hiện là 180 tỷ đồng; đạt 61% dự toán, tăng 9% so với cùng kỳ."
    by = _by_value(text)
    assert by[180.0].plan_pct == 61.0 and 61.0 not in by
    assert by[9.0].indicator == "tổng thu ngân sách tăng so với cùng kỳ"
    # an item with its own subject is not the figure's
    assert _by_value("Thu 5 tỷ đồng; chi đạt 90% dự toán.")[5.0].plan_pct is None


def test_a_measure_opening_a_comma_chain_names_the_figure_at_its_end() -> None:
    text = "Tỷ lệ hộ gia đình, cơ sở sản xuất, kinh doanh thu gom rác thải đúng quy định đạt 95%."
    assert _by_value(text)[95.0].indicator.startswith("tỷ lệ hộ gia đình, cơ sở sản xuất")
    text = "Cơ cấu kinh tế nông, lâm nghiệp chiếm tỷ trọng 55%."  # a structure names its shares otherwise
    assert not _by_value(text)[55.0].indicator.startswith("cơ cấu")


def test_a_generic_money_word_after_voi_is_named_by_what_the_money_went_to() -> None:
    by = _by_value("Xã đã hỗ trợ cho 320 hộ nghèo sửa chữa nhà ở với số tiền hơn 1,2 tỷ đồng.")
    assert by[1.2].indicator.startswith("số tiền") and "hộ nghèo" in by[1.2].indicator
    by = _by_value("Nhân dân đã hiến đất, góp công làm đường giao thông với tổng kinh phí 3 tỷ đồng.")
    assert by[3.0].indicator.startswith("tổng kinh phí nhân dân") and "làm đường" in by[3.0].indicator
    assert _by_value("Tổng kinh phí 5 tỷ đồng.")[5.0].indicator == "tổng kinh phí"


def test_a_count_names_the_field_it_is_counted_in_and_keeps_gan_dat() -> None:
    by = _by_value("Trên lĩnh vực văn hóa - xã hội, có 7/8 chỉ tiêu đạt kế hoạch.")
    assert by[7.0].indicator.startswith("số chỉ tiêu văn hóa - xã hội")
    assert by[7.0].quote.startswith("Trên lĩnh vực văn hóa - xã hội")
    by = _by_value("Đạt 20/25 chỉ tiêu đại hội đề ra, còn 5 chỉ tiêu gần đạt.")
    assert by[5.0].indicator == "số chỉ tiêu gần đạt" and "đề ra" in by[20.0].indicator


def test_an_excess_in_the_figures_own_unit_is_its_change() -> None:
    by = _by_value("Tổng đàn dê là 540 con vượt 35 con so với cùng kỳ.")
    assert by[35.0].indicator == "tổng đàn dê vượt so với cùng kỳ"


def test_a_sentence_that_is_only_an_attainment_belongs_to_the_figure_before() -> None:
    by = _by_value("Trong đó lúa là 98/100 ha. Đạt 98% so với kế hoạch. Năng suất đạt 60 tạ/ha.")
    assert by[98.0].plan_pct == 98.0 and len(by) == 2


def test_the_share_a_budget_tier_keeps_names_the_money_after_it() -> None:
    ms = extract_mentions("Các khoản thu xã hưởng 100% được 420 triệu đồng.", metadata=Y2024)
    assert [(m.value, m.indicator) for m in ms] == [(420.0, "các khoản thu xã hưởng 100%")]


def test_a_level_reached_below_a_bound_is_the_level_not_a_fall() -> None:
    assert _by_value("Phấn đấu giảm tỷ lệ hộ nghèo xuống dưới 3%.")[3.0].indicator == "tỷ lệ hộ nghèo"
    assert _by_value("Giảm tỷ lệ hộ nghèo 0,8%.")[0.8].indicator == "tỷ lệ hộ nghèo giảm"


def test_a_share_done_after_its_doer_is_named_by_the_task() -> None:
    by = _by_value("Xã đã hoàn thành 100% kế hoạch tiêm chủng mở rộng năm 2024.")
    assert by[100.0].indicator.startswith("tỷ lệ hoàn thành kế hoạch tiêm chủng")
    assert _by_value("Tỷ lệ hồ sơ hoàn thành 98%.")[98.0].indicator == "tỷ lệ hồ sơ hoàn thành"


def test_the_whole_ward_or_township_before_a_count_is_the_place_not_the_name() -> None:
    by = _by_value("Toàn phường có 12 người nghiện ma túy; toàn thị trấn có 7 người nghiện ma túy.")
    assert by[12.0].indicator == "số người nghiện ma túy"
    assert by[7.0].indicator == "số người nghiện ma túy"


def test_a_councils_counts_are_named_with_the_council_that_did_the_work() -> None:
    # names7: the council and its level, not its place's name; the second count keeps it across a comma
    by = _by_value("Nhiệm kỳ qua, HĐND xã Tân An đã tổ chức 24 kỳ họp, ban hành 118 nghị quyết.")
    # names9: the council spelled out, as most dev gold names write it
    assert by[24.0].indicator == "số kỳ họp hội đồng nhân dân xã tổ chức"
    assert by[118.0].indicator == "số nghị quyết hội đồng nhân dân xã ban hành"
    assert (by[24.0].indicator_id, by[118.0].indicator_id) == ("council_sessions", "council_resolutions")
    # no council in the sentence: the count is named as before
    assert _by_value("Xã đã tổ chức 5 lớp tập huấn.")[5.0].indicator == "số lớp tập huấn"


def test_a_sectors_value_then_chiem_is_that_sectors_share_of_the_economy() -> None:
    # names7: the share's quote reaches back to the value it is the share of
    by = _by_value(
        "Năm 2024, giá trị nông nghiệp, thủy sản đạt 60 tỉ đồng, chiếm 9%; giá trị thương mại dịch vụ "
        "đạt 310 tỉ đồng, chiếm 51%."
    )
    assert by[9.0].indicator == "tỷ trọng nông nghiệp, thủy sản trong cơ cấu kinh tế"
    assert by[51.0].indicator == "tỷ trọng thương mại dịch vụ trong cơ cấu kinh tế"
    assert (by[9.0].indicator_id, by[51.0].indicator_id) == (
        "economy_share_agriculture",
        "economy_share_services",
    )
    assert by[51.0].quote.startswith("giá trị thương mại dịch vụ đạt 310 tỉ đồng")
    assert by[60.0].indicator == "giá trị nông nghiệp, thủy sản"


def test_a_share_verb_alone_after_a_comma_takes_the_item_before_it() -> None:
    by = _by_value(
        "Cơ cấu kinh tế: lâm nghiệp chiếm tỷ trọng 50%, công nghiệp, xây dựng 10%; thương mại, dịch vụ, "
        "chiếm 40%, thu nhập bình quân đầu người đạt 45 triệu đồng."
    )
    assert by[50.0].indicator == "tỷ trọng lâm nghiệp trong cơ cấu kinh tế"
    assert by[40.0].indicator == "tỷ trọng thương mại, dịch vụ trong cơ cấu kinh tế"
    assert by[40.0].indicator_id == "economy_share_services"


def test_a_change_after_an_attainment_is_the_values_change_not_a_new_figure() -> None:
    # names7: "đạt X% so với kế hoạch, tăng Y%": the value rose by Y%, its attainment is X%
    by = _by_value(
        "Giá trị sản xuất nông nghiệp đạt 66,75% so với kế hoạch, tăng 2,7% so với cùng kỳ; thương "
        "mại-dịch vụ đạt 69,32% so với kế hoạch, tăng 12,3%; thu ngân sách đạt hơn 618 tỷ đồng (đạt "
        "142,36% chỉ tiêu Nghị quyết, tăng 28,19%)."
    )
    assert by[69.32].indicator == "tỷ lệ thực hiện kế hoạch thương mại-dịch vụ"
    assert by[12.3].indicator == "thương mại-dịch vụ tăng so với cùng kỳ"  # names23: none written
    assert by[2.7].indicator == "giá trị sản xuất nông nghiệp tăng so với cùng kỳ"
    assert by[2.7].indicator_id == "agri_growth_rate"
    assert by[28.19].indicator == "thu ngân sách tăng so với cùng kỳ"
    assert by[618.0].plan_pct == 142.36


def test_units_merged_into_a_new_one_are_named_by_the_merger() -> None:
    # names7: an administrative merger (`hợp nhất`, `sáp nhập`) says what the count is
    by = _by_value(
        "Theo Nghị quyết về việc sắp xếp đơn vị hành chính cấp xã, trên cơ sở hợp nhất nguyên trạng 3 "
        "xã, thị trấn gồm Tân An, Tân Bình và Tân Hòa."
    )
    assert "hợp nhất" in by[3.0].indicator and by[3.0].indicator.startswith("số xã")


def test_a_headlines_place_before_a_colon_does_not_name_the_count() -> None:
    # names7: "Tân Lập: Có 52 hộ nghèo" names its place, the count is of poor households
    by = _by_value("Tân Lập: Có 52 hộ nghèo\n\nTỷ lệ hộ nghèo: 4,1%.")
    assert by[52.0].indicator == "số hộ nghèo"
    assert by[4.1].indicator == "tỷ lệ hộ nghèo"  # a label that names the figure still does


def test_livestock_farming_is_part_of_the_agricultural_sector() -> None:
    # names7: "nông nghiệp, chăn nuôi, thủy sản" is one sector of the economy
    by = _by_value("Năm 2024, giá trị nông nghiệp, chăn nuôi, thủy sản đạt 52 tỉ đồng, chiếm 9%.")
    assert by[9.0].indicator == "tỷ trọng nông nghiệp, chăn nuôi, thủy sản trong cơ cấu kinh tế"
    assert by[9.0].indicator_id == "economy_share_agriculture"


def test_a_measure_after_voi_measures_the_work_before_it() -> None:
    # names7: "… với chiều dài 1.100m", "… với tổng trị giá 482 triệu đồng"
    by = _by_value(
        "Năm 2021, phường đã bê tông hóa đường ngõ xóm với chiều dài 1.250m; xã hội hóa lắp đèn trang trí "
        "12 tuyến phố với tổng trị giá 475 triệu đồng."
    )
    assert by[1250.0].indicator == "chiều dài bê tông hóa đường ngõ xóm"
    assert by[12.0].indicator == "số tuyến phố lắp đèn trang trí"  # `xã hội hóa` is no place
    assert by[475.0].indicator == "tổng trị giá tuyến phố lắp đèn trang trí"


def test_a_bracket_inside_a_counts_tail_is_skipped() -> None:
    # names7: "23/23 xã của huyện Kim Sơn (tỉnh Ninh Bình) đã đạt chuẩn nông thôn mới"
    by = _by_value("Đến nay 19/19 xã của huyện Tân Lạc (tỉnh Hòa Bình) đã đạt chuẩn nông thôn mới.")
    assert by[19.0].indicator.startswith("số xã") and "đạt chuẩn" in by[19.0].indicator


def test_a_councils_surveys_and_supervisions_are_named_with_the_council() -> None:
    # names7: counted in classifier units (`đợt`), whose work they are
    by = _by_value("Hội đồng nhân dân xã đã tổ chức 26 đợt khảo sát, 17 đợt giám sát.")
    assert by[26.0].indicator == "số đợt khảo sát của hội đồng nhân dân xã"
    assert (by[26.0].indicator_id, by[17.0].indicator_id) == ("council_surveys", "council_supervisions")


def test_a_delegates_standing_after_the_count_stays_in_the_name() -> None:
    by = _by_value("Đại hội bầu 21 đại biểu chính thức và 3 đại biểu dự khuyết đi dự Đại hội Đảng bộ huyện.")
    assert by[21.0].indicator == "số đại biểu chính thức dự đại hội"
    assert by[3.0].indicator == "số đại biểu dự khuyết dự đại hội"
    assert _by_value("Đại hội có 175 đại biểu tham dự.")[175.0].indicator == "số đại biểu dự đại hội"


def test_delegates_written_as_party_members_are_the_congress_attendance() -> None:
    # names9: "150 đảng viên đại diện cho 452 đảng viên … dự Đại hội": 150 delegates, 452 members
    by = _by_value("Đại hội có 150 đảng viên đại diện cho 452 đảng viên của toàn Đảng bộ xã dự Đại hội.")
    assert by[150.0].indicator == "số đại biểu dự đại hội"
    assert by[452.0].indicator.startswith("số đảng viên")


def test_a_measure_without_its_subject_after_a_comma_measures_the_clause_before() -> None:
    # names11: "…, với diện tích 187,8ha", "…, đạt tỷ lệ 75%": the clause before the comma says what
    by = _by_value("Nhiều mô hình trồng rau sạch cho thu nhập khá, với diện tích 64,5ha.")
    assert by[64.5].indicator == "diện tích nhiều mô hình trồng rau sạch cho thu nhập khá"
    assert by[64.5].quote.startswith("Nhiều mô hình trồng rau sạch")
    by = _by_value("Ngành chăn nuôi phát triển ổn định, với tổng giá trị đạt trên 120 tỷ đồng.")
    assert by[120.0].indicator == "tổng giá trị ngành chăn nuôi phát triển ổn định"
    by = _by_value("Xã triển khai thu gom rác thải nhựa tại hộ gia đình, đạt tỷ lệ 68%.")
    assert by[68.0].indicator == "tỷ lệ thu gom rác thải nhựa tại hộ gia đình"
    # an item of a list before is no subject, and a rate whose unit names it keeps its own name
    by = _by_value("Huy động từ ngân sách, doanh nghiệp, tổng giá trị đạt 90 tỷ đồng.")
    assert by[90.0].indicator == "tổng giá trị"
    by = _by_value("Huyện phấn đấu đạt 30 giường bệnh/vạn dân, tỷ lệ 9 bác sĩ/vạn dân.")
    assert "giường" not in by[9.0].indicator


def test_a_measure_without_its_subject_after_a_count_measures_what_is_counted() -> None:
    # names11: "178 giấy chứng nhận … với số vốn đăng ký 36,3 tỷ đồng", "323 doanh nghiệp, tổng số vốn …"
    by = _by_value("Năm nay cấp mới 45 giấy phép kinh doanh cho hộ cá thể với số vốn đăng ký 12,4 tỷ đồng.")
    assert by[12.4].indicator.startswith("số vốn đăng ký giấy phép kinh doanh")
    by = _by_value("Số hợp tác xã thành lập mới là 7 hợp tác xã, tổng số vốn đăng ký đạt 18,5 tỷ đồng.")
    assert by[18.5].indicator == "tổng số vốn đăng ký hợp tác xã thành lập mới"


def test_the_documents_own_place_acting_before_a_figure_is_not_its_name() -> None:
    # names11: "Tỉnh Hà Nam phấn đấu … tăng trưởng trên 10,5%", "xã Yên Hưng đã cứng hóa 100% số đường …"
    meta = DocumentMetadata(default_period="2024", issue_year=2024, commune="Tân Lập", district="Đồng Hỷ")

    def by_value(text: str) -> dict[float, Mention]:
        return {m.value: m for m in extract_mentions(text, metadata=meta)}

    assert by_value("Xã Tân Lập phấn đấu thu ngân sách tăng bình quân 9% mỗi năm.")[9.0].indicator == (
        "tốc độ tăng thu ngân sách bình quân hằng năm"
    )
    by = by_value("Năm 2024, xã Tân Lập đã bê tông hóa 85% số tuyến đường liên xóm.")
    assert by[85.0].indicator == "tỷ lệ số tuyến đường liên xóm bê tông hóa"
    assert by[85.0].quote.startswith("xã Tân Lập")
    by = by_value("Huyện Đồng Hỷ và xã Tân Lập có tổng diện tích tự nhiên là 470 km2.")
    assert by[470.0].indicator == "tổng diện tích tự nhiên"
    by = by_value("Xã Tân Lập là xã vùng 135 tổng diện tích đất tự nhiên là 2.130 ha.")
    assert by[2130.0].indicator == "tổng diện tích đất tự nhiên"
    # another place is a part of the unit: its name stays in the figure's
    by = by_value("Xã Minh Lập phấn đấu thu ngân sách tăng bình quân 7% mỗi năm.")
    assert "minh lập" in by[7.0].indicator


def test_a_word_whose_syllable_is_a_filler_stays_whole_in_a_name() -> None:
    # names11: `chứng chỉ`, `cấp trên`, `cùng kỳ` end or open a name; `chỉ`, `trên`, `cùng` alone are fillers
    by = _by_value("Tỷ lệ lao động qua đào tạo đạt 70%, trong đó có bằng cấp, chứng chỉ đạt 35%.")
    assert by[35.0].indicator == "tỷ lệ bằng cấp, chứng chỉ"
    by = _by_value("Thu bổ sung từ ngân sách cấp trên hơn 96 tỷ đồng.")
    assert by[96.0].indicator == "thu bổ sung từ ngân sách cấp trên"
    by = _by_value("Chỉ số sản xuất tăng 12% so với cùng kỳ (cùng kỳ tăng 8%).")
    assert by[8.0].indicator == "tốc độ tăng chỉ số sản xuất cùng kỳ"  # not `… kỳ` (names23)


def test_nouns_listed_after_a_count_run_on_to_their_predicate() -> None:
    # names11: "124/164 đảng bộ xã, phường, thị trấn đạt trong sạch", "15/24 chỉ tiêu … tiến độ, đạt và vượt"
    by = _by_value(
        "Năm 2024, toàn huyện có 18/21 chi bộ thôn, cơ quan, trường học đạt trong sạch, vững mạnh."
    )
    assert by[18.0].indicator == "số chi bộ thôn, cơ quan, trường học đạt trong sạch"
    by = _by_value("Đến nay có 12/20 chỉ tiêu bảo đảm tiến độ, đạt và vượt so với nghị quyết.")
    assert by[12.0].indicator == "số chỉ tiêu bảo đảm tiến độ, đạt và vượt"
    # a clause of its own after the comma, or another figure's measure, ends the count's words
    by = _by_value("Năm 2024 có 35 hộ thoát nghèo, góp phần đưa xã về đích nông thôn mới.")
    assert by[35.0].indicator == "số hộ thoát nghèo"


def test_a_sectors_money_in_a_list_of_values_is_that_sectors_value() -> None:
    # names11: "giá trị sản xuất đạt cao như: Dịch vụ …; Công nghiệp và xây dựng đạt gần 384 tỷ đồng"
    text = "Các ngành có giá trị sản xuất tăng khá: Thương mại đạt 150 tỷ đồng; "
    text += "Công nghiệp và xây dựng đạt 210 tỷ đồng."
    by = _by_value(text)
    assert by[210.0].indicator == "giá trị sản xuất công nghiệp và xây dựng"
    # without a value measure in the sentence the sector's money keeps its own words
    assert _by_value("Nông nghiệp đạt 90 tỷ đồng.")[90.0].indicator == "nông nghiệp"


def test_a_count_of_members_sizing_an_elected_body_is_named_by_the_body() -> None:
    # names11: "Ban Chấp hành Đảng bộ xã … gồm 33 đồng chí", "bầu 14 người tham gia BCH Đảng bộ xã"
    text = "Đại hội công bố quyết định của Ban Thường vụ Huyện ủy chỉ định "
    text += "Ban Chấp hành Đảng bộ xã gồm 21 đồng chí."
    assert _by_value(text)[21.0].indicator == "số ủy viên ban chấp hành đảng bộ xã"
    by = _by_value("Đại hội đã bầu 13 người tham gia BCH Đảng bộ xã khóa VIII.")
    assert by[13.0].indicator == "số ủy viên ban chấp hành đảng bộ xã"
    by = _by_value("Ban Thường vụ Đảng ủy xã gồm 5 đồng chí.")
    assert by[5.0].indicator == "số ủy viên ban thường vụ đảng ủy xã"


def test_what_an_authority_did_to_the_counted_units_stays_in_the_count_name() -> None:
    # names11: "UBND TP. Thủ Dầu Một cũng đã khen thưởng cho 42 tập thể": the doer goes, its act stays
    by = _by_value("UBND huyện Tân Phú đã khen thưởng cho 25 tập thể.")
    assert by[25.0].indicator == "số tập thể khen thưởng"
    # a place counted before (`3 thành phố, thị xã hoàn thành …`) is no authority: its words are not the act
    by = _by_value(
        "Toàn tỉnh có 12 xã đạt chuẩn, thị xã hoàn thành nhiệm vụ và 3/8 huyện đạt chuẩn huyện nông thôn mới."
    )
    assert by[3.0].indicator == "số huyện đạt chuẩn huyện nông thôn mới"


def test_the_fields_a_count_of_targets_is_about_are_left_out_of_its_name() -> None:
    by = _by_value(
        "Năm 2024, có 21/24 chỉ tiêu chủ yếu về kinh tế, văn hóa - xã hội, quốc phòng đạt và vượt kế hoạch. "
        "Trong nhiệm kỳ, có 30/32 chỉ tiêu về phát triển kinh tế - xã hội, môi trường, xây dựng Đảng đạt và "
        "vượt so với Nghị quyết."
    )
    assert by[21.0].indicator == "số chỉ tiêu chủ yếu đạt và vượt kế hoạch"
    assert by[30.0].indicator == "số chỉ tiêu đạt và vượt"


def test_a_share_of_no_sector_is_in_the_economys_structure_only_in_its_own_sentence() -> None:
    by = _by_value(
        "Cơ cấu kinh tế chuyển dịch theo hướng tích cực. Nước sạch đảm bảo 100% số hộ dân được sử dụng. "
        "Nông nghiệp chiếm 41%; dịch vụ chiếm 32%."
    )
    assert "cơ cấu kinh tế" not in by[100.0].indicator
    assert by[41.0].indicator == "tỷ trọng nông nghiệp trong cơ cấu kinh tế"  # a sector's share still is


def test_a_bare_growth_after_a_level_is_the_levels_whatever_follows_or_comes_between() -> None:
    by = _by_value(
        "Giá trị sản xuất nông nghiệp đạt 1.250 tỷ đồng, tăng bình quân hằng năm 6,2%, cơ cấu cây trồng "
        "chuyển dịch đúng hướng. Thu ngân sách đạt 90 tỷ đồng, bằng 150% so với chỉ tiêu Đại hội, tăng bình "
        "quân 9,5%."
    )
    assert by[6.2].indicator == "tốc độ tăng giá trị sản xuất nông nghiệp bình quân hằng năm"
    assert by[9.5].indicator == "tốc độ tăng thu ngân sách bình quân hằng năm"
    assert by[9.5].quote.startswith("Thu ngân sách")


def test_a_sectors_money_in_the_breakdown_of_the_product_is_its_value_added() -> None:
    by = _by_value(
        "Tổng sản phẩm trên địa bàn (GRDP) ước đạt 9.870 tỷ đồng, tăng 7,2%; khu vực công nghiệp - xây dựng "
        "đạt 2.140 tỷ đồng; khu vực dịch vụ đạt 4.905 tỷ đồng."
    )
    assert by[2140.0].indicator == "giá trị tăng thêm khu vực công nghiệp - xây dựng"
    assert by[4905.0].indicator == "giá trị tăng thêm khu vực dịch vụ"


def test_targets_met_and_exceeded_keep_both_verbs_in_their_name() -> None:
    by = _by_value("Năm 2024, huyện có 16 chỉ tiêu đạt và vượt kế hoạch, 3 chỉ tiêu chưa đạt.")
    assert by[16.0].indicator == "số chỉ tiêu đạt và vượt kế hoạch"  # not `đạt vượt`


def test_a_measure_without_its_sector_measures_the_sector_opening_the_clause_before() -> None:
    # names13: "sản xuất nông nghiệp ổn định, tốc độ tăng trưởng tăng 4,71%", "Công nghiệp phục hồi mạnh mẽ,
    # chỉ số sản xuất tăng 8,5%"
    by = _by_value("Trong quý I, sản xuất nông nghiệp ổn định, tốc độ tăng trưởng tăng 3,2%.")
    assert by[3.2].indicator == "tốc độ tăng trưởng sản xuất nông nghiệp"
    assert by[3.2].quote.startswith("sản xuất nông nghiệp ổn định")
    by = _by_value("Công nghiệp phục hồi mạnh mẽ, chỉ số sản xuất tăng 7,4%.")
    assert "chỉ số sản xuất công nghiệp" in by[7.4].indicator
    # a clause before that opens with no sector lends nothing
    by = _by_value("Tình hình kinh tế ổn định, tốc độ tăng trưởng tăng 6,1%.")
    assert by[6.1].indicator == "tốc độ tăng trưởng"


def test_a_comma_after_a_sectors_first_syllable_lists_sectors_and_does_not_cut_the_name() -> None:
    by = _by_value(
        "Năm 2024, khu vực nông, lâm nghiệp và thủy sản đạt 3.150 tỷ đồng. Sản xuất nông, lâm, ngư nghiệp "
        "tăng 2,7% so với năm trước."
    )
    assert by[3150.0].indicator.startswith("khu vực nông, lâm nghiệp và thủy sản")
    assert "sản xuất nông, lâm, ngư nghiệp" in by[2.7].indicator


def test_a_change_written_after_its_comparison_is_named_by_the_level_before() -> None:
    # the gold rules: a change is named by what changed, its verb and what it is compared with; the
    # comparison written before the figure (`so với cùng kỳ năm trước tăng …`) is no subject of its own
    by = _by_value("Doanh thu vận tải đạt 215 tỷ đồng, so với cùng kỳ năm trước tăng 6,4%.")
    assert by[6.4].indicator == "doanh thu vận tải tăng so với cùng kỳ năm trước"
    by = _by_value("Kim ngạch xuất khẩu ước đạt 48 triệu USD, so với cùng kỳ 2023 giảm 3,2%.")
    assert by[3.2].indicator == "kim ngạch xuất khẩu giảm so với cùng kỳ 2023"


def test_the_units_own_party_organisation_is_not_in_the_name_of_what_it_holds() -> None:
    # the gold rules (item 162): `của/trong toàn đảng bộ xã …` says the unit again
    by = _by_value(
        "Đảng bộ xã hiện có 21 chi bộ trực thuộc Đảng bộ xã Phú Lâm. "
        "Kết nạp 25 đảng viên mới, nâng tổng số đảng viên của Đảng bộ huyện lên 3.200 đảng viên."
    )
    assert by[21.0].indicator == "số chi bộ trực thuộc"
    assert by[3200.0].indicator == "tổng số đảng viên"


def test_an_elected_committee_and_a_counted_kind_of_party_unit_keep_their_words() -> None:
    by = _by_value("Ban Chấp hành Đảng bộ xã gồm 17 đồng chí. Đảng bộ có 39 chi, đảng bộ trực thuộc.")
    assert by[17.0].indicator == "số ủy viên ban chấp hành đảng bộ xã"
    assert by[39.0].indicator == "số chi, đảng bộ trực thuộc"


def test_a_counted_nouns_predicate_names_it_past_a_bracket_the_items_numbers_or_the_nouns_kinds() -> None:
    # the gold rules name a count by what makes it count (`số xã đạt chuẩn …`); a bracketed share, the
    # numbers naming the items or a short list of the noun's kinds written between them is no part of it
    by = _by_value("Đến nay toàn huyện có 7/12 xã (đạt 58%) đạt chuẩn nông thôn mới.")
    assert by[7.0].indicator == "số xã đạt chuẩn nông thôn mới"
    by = _by_value("Năm 2024 có 3 khu phố 4, 5 và 8 đạt danh hiệu văn hóa.")
    assert by[3.0].indicator.startswith("số khu phố đạt danh hiệu văn hóa")
    by = _by_value("Toàn tỉnh có 05/05 huyện, thị xã đạt chuẩn nông thôn mới.")
    assert by[5.0].indicator == "số huyện đạt chuẩn nông thôn mới"


def test_another_subjects_predicate_with_its_own_figure_does_not_name_a_count() -> None:
    # `…, xã hội đạt 8/9 chỉ tiêu`: the words after the comma open another figure's clause, no list of kinds
    by = _by_value("Kinh tế đạt 6/6 chỉ tiêu, xã hội đạt 8/9 chỉ tiêu.")
    assert not by[6.0].indicator.startswith("số chỉ tiêu đạt")


def test_the_tail_cap_does_not_split_a_two_syllable_word_of_a_catalogue_name() -> None:
    # ids24: the eighth word is the first half of `nâng cao`, `kiểu mẫu`: the cap takes the second half too
    by = _by_value("Năm 2024, có 9 xã được công nhận đạt chuẩn Nông thôn mới nâng cao.")
    assert by[9.0].indicator.endswith("nông thôn mới nâng cao")
    assert by[9.0].indicator_id == "ntm_advanced_communes"
    by = _by_value("Huyện có 21 thôn, bản đạt chuẩn khu dân cư nông thôn mới kiểu mẫu.")
    assert by[21.0].indicator.endswith("kiểu mẫu")
    # a cut between two words of the name is not moved (`đạt chuẩn | nông thôn mới`)
    by = _by_value("Đến nay có 4 đơn vị cấp huyện của tỉnh Hòa Thịnh đạt chuẩn nông thôn mới.")
    assert not by[4.0].indicator.endswith(" nông")


def test_a_share_after_another_clause_is_named_by_its_counted_noun_not_the_words_before() -> None:
    # the words before `và` or before a numbered item's label are another clause's, not the share's name
    by = _by_value("Năm nay thị trấn sửa chữa chợ, nhà văn hóa và 85% khu phố đạt chuẩn an toàn giao thông.")
    assert by[85.0].indicator == "tỷ lệ khu phố đạt chuẩn an toàn giao thông"
    by = _by_value("Lĩnh vực văn hóa: (2) Duy trì 100% số thôn đạt danh hiệu thôn văn hóa.")
    assert by[100.0].indicator == "tỷ lệ số thôn đạt danh hiệu thôn văn hóa"


def test_a_share_whose_clause_writes_more_words_before_it_keeps_them() -> None:
    by = _by_value("Lưới điện quốc gia đã phủ kín 98% số thôn trong xã.")
    assert by[98.0].indicator.startswith("tỷ lệ lưới điện quốc gia")


def test_a_count_followed_by_the_names_of_its_units_is_named_without_them() -> None:
    # the gold rules' item 191: the count is a fact, read without the names; its band of criteria names it
    by = _by_value("Năm 2024, đoàn thẩm định thống nhất 2 xã Hòa An và Tân Lộc đạt 17/19 tiêu chí.")
    assert by[2.0].indicator == "số xã đạt tiêu chí"
    by = _by_value("Trong năm, 3 thôn Bắc Sơn, Nam Sơn, Đông Sơn được công nhận đạt chuẩn khu dân cư.")
    assert by[3.0].indicator == "số thôn công nhận đạt chuẩn khu dân cư"
    assert "Đông Sơn" in by[3.0].quote  # the names are the count's words: its quote runs past their commas
    by = _by_value("Đã có thêm 02 xã NTM nâng cao trong năm.")
    assert by[2.0].indicator.startswith("số xã")  # an abbreviation after the noun is no name


def test_a_bare_growth_after_other_words_is_the_economys_growth_rate() -> None:
    by = _by_value("Huyện đề ra 5 nhóm giải pháp nhằm đạt tăng trưởng 9,5%; giữ tăng trưởng hơn 7,2%.")
    assert by[9.5].indicator == "tốc độ tăng trưởng kinh tế"
    assert by[7.2].indicator == "tốc độ tăng trưởng kinh tế"
    by = _by_value("Năm 2024, khu vực dịch vụ dự ước tăng trưởng 6,3%.")
    assert by[6.3].indicator != "tốc độ tăng trưởng kinh tế"  # a sector's growth keeps its sector


def test_a_count_among_a_whole_written_as_trong_so_is_named_by_its_own_words() -> None:
    # "trong số 12 chỉ tiêu": the whole the counted units are among, not the count's name (names24b)
    by = _by_value("Trong số 12 chỉ tiêu năm 2024, đến nay có 7 chỉ tiêu vượt tiến độ đề ra.")
    assert by[7.0].indicator.startswith("số chỉ tiêu vượt tiến độ")
    by = _by_value("Huyện cho biết, trong số 20 chỉ tiêu được giao, có 16/20 chỉ tiêu đạt kế hoạch.")
    assert by[16.0].indicator == "số chỉ tiêu đạt kế hoạch được giao"  # the whole's words qualify it


def test_a_list_of_short_items_before_a_figure_joins_its_name_whole() -> None:
    # every short comma item of the list names the figure, not only the last one (names24b)
    by = _by_value("Năm 2024: Thôn, bản văn hóa 90%. Cơ quan, trường học, trạm y tế, chợ: 100%.")
    assert by[100.0].indicator == "tỷ lệ cơ quan, trường học, trạm y tế, chợ"
    # a list's last item `X và Y` may be longer than a short item
    by = _by_value("Năm 2024, chế biến, đóng gói, vận tải và kho bãi hàng nông sản tăng 6,5%.")
    assert by[6.5].indicator.endswith("chế biến, đóng gói, vận tải và kho bãi hàng nông sản")


def test_a_counts_verbs_joined_by_va_do_not_take_in_the_items_before() -> None:
    by = _by_value("Tăng cường rà soát, phát hiện và xử lý 14 trường hợp vi phạm về xây dựng.")
    assert by[14.0].indicator.startswith("số trường hợp vi phạm")
