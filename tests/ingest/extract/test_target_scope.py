"""Target scope of leads and headings (`ingest.extract.layout`), read through the mentions."""

from __future__ import annotations

from ingest.extract import extract_mentions


def _kinds(text: str) -> dict[float, tuple[str, str]]:
    return {m.value: (m.kind, m.period) for m in extract_mentions(text)}


def _kind_only(text: str) -> dict[float, str]:
    return {m.value: m.kind for m in extract_mentions(text)}


def test_a_lead_fronting_its_paragraph_sets_the_targets_of_the_whole_paragraph() -> None:
    found = _kinds(
        "HĐND xã Tân Phú tổ chức kỳ họp cuối năm\n"
        "Ngày 20/12/2022, HĐND xã Tân Phú khóa XX đã tổ chức kỳ họp thứ 7. Năm 2022, thu nhập bình quân "
        "đầu người đạt 55 triệu đồng.\n"
        "Mục tiêu năm 2023 phấn đấu tổng giá trị sản xuất đạt 610 tỉ đồng. Thu nhập bình quân đạt 60 triệu "
        "đồng/người/năm. Năng suất lúa bình quân đạt 64 tạ/ha. Số hộ nghèo dưới 0,7%.\n"
        "Tại kỳ họp, các đại biểu đã thông qua 6 nghị quyết."
    )
    assert found[55.0] == ("actual", "2022")
    assert found[610.0] == ("target", "2023")
    assert found[60.0] == ("target", "2023")
    assert found[64.0] == ("target", "2023")
    assert found[0.7] == ("target", "2023")
    assert found[6.0][0] == "actual"  # the next paragraph is back on the session


def test_a_paragraph_lead_stops_at_a_sentence_back_on_results() -> None:
    found = _kinds(
        "Huyện Yên Hòa xây dựng nông thôn mới\n"
        "Tính đến hết năm 2018, huyện có 12 xã đạt chuẩn nông thôn mới.\n"
        "Mục tiêu đến hết năm 2020, huyện có ít nhất 20 xã đạt chuẩn nông thôn mới. Bình quân đạt 16 tiêu "
        "chí/xã. Hiện nay, huyện đã có 3 xã đạt chuẩn nông thôn mới nâng cao."
    )
    assert found[12.0] == ("actual", "2018")
    assert found[20.0] == ("target", "2020")
    assert found[16.0] == ("target", "2020")
    assert found[3.0][0] == "actual"


def test_a_lead_in_the_middle_of_a_paragraph_governs_its_sentence_only() -> None:
    found = _kinds(
        "Xã Hòa Bình tổng kết năm 2022\n"
        "Năm 2022, xã đạt nhiều kết quả, trong năm tới xã phấn đấu thu nhập bình quân đạt 62 triệu đồng. "
        "Toàn xã còn 25 hộ nghèo."
    )
    assert found[62.0][0] == "target"
    assert found[25.0] == ("actual", "2022")


def test_a_paragraph_lead_that_sets_no_figure_opens_no_paragraph_of_targets() -> None:
    found = _kinds(
        "UBND xã Hòa Phú tổng kết năm 2023\n28/12/2023\n"
        "Nhiệm vụ trọng tâm năm 2023 được triển khai hiệu quả. Tổng giá trị sản xuất đạt 500 tỷ đồng. Thu "
        "nhập bình quân đạt 58 triệu đồng."
    )
    assert found[500.0] == ("actual", "2023")
    assert found[58.0] == ("actual", "2023")


def test_a_lead_takes_its_period_from_its_own_sentence_not_an_earlier_one_of_its_paragraph() -> None:
    found = _kinds(
        "Xã Tam Hiệp tổ chức kỳ họp thứ 9\n\n20/07/2010\n\n"
        "Các đại biểu đánh giá, 6 tháng đầu năm xã đã hoàn thành các chỉ tiêu: tổng giá trị sản xuất ước "
        "đạt 52%, tăng 18,4%. Trên cơ sở thảo luận, HĐND đã thống nhất nhiệm vụ trọng tâm những tháng cuối "
        "năm với các chỉ tiêu: tăng trưởng kinh tế đạt 16%; 92% gia đình đạt danh hiệu gia đình văn hóa."
    )
    assert found[52.0] == ("actual", "2010-H1")
    assert found[16.0] == ("target", "2010")
    assert found[92.0] == ("target", "2010")


def test_a_headline_with_a_target_cue_opens_no_target_scope_over_the_article() -> None:
    found = _kinds(
        "Phấn đấu về đích nông thôn mới đúng lộ trình\n\n"
        "Qua rà soát, đã có xã Trung Sơn đạt 15 tiêu chí; 3 xã đạt 13 tiêu chí; xã Hòa An hiện đạt 12 tiêu "
        "chí. Năm 2020 có 9 xã đăng ký về đích nông thôn mới."
    )
    assert found[15.0][0] == "actual"
    assert found[3.0][0] == "actual"
    assert found[12.0][0] == "actual"


def test_a_first_line_list_title_still_makes_its_items_targets() -> None:
    found = _kinds(
        "Các chỉ tiêu chủ yếu nhiệm kỳ 2020 - 2025\n"
        "- Tốc độ tăng giá trị sản xuất bình quân hằng năm 12%.\n"
        "- Thu nhập bình quân đầu người đến năm 2025 đạt 65 triệu đồng.\n"
    )
    assert found[12.0][0] == "target"
    assert found[65.0][0] == "target"


def test_a_plan_title_on_the_first_line_still_makes_the_prose_after_it_targets() -> None:
    found = _kinds(
        "Phương hướng, nhiệm vụ năm 2024\n\n"
        "Tổng giá trị sản xuất tăng 10%; thu nhập bình quân đạt 70 triệu đồng/người/năm."
    )
    assert found[10.0] == ("target", "2024")
    assert found[70.0] == ("target", "2024")


def test_a_headline_naming_who_set_the_goals_opens_no_target_scope_over_the_article() -> None:
    text = (
        "Hotline: 0912.345.678 |\n\n"
        "HĐND xã Tân Phú thống nhất mục tiêu, nhiệm vụ năm 2026\n\n"
        "Năm 2025, xã Tân Phú đạt được những kết quả tích cực. Tổng giá trị sản phẩm ước đạt 1.215 tỷ "
        "đồng, thu nhập bình quân đầu người đạt 68,4 triệu đồng/người/năm.\n\n"
        "Toàn xã có 5 thôn đạt chuẩn nông thôn mới kiểu mẫu."
    )
    found = _kinds(text)
    assert found[1215.0][0] == "actual"
    assert found[68.4][0] == "actual"
    assert found[5.0][0] == "actual"
    # the same line deep in a text, under sentences, is no headline: it still leads what follows
    found = _kinds(
        "Ngày 20/12/2025, HĐND xã Tân Phú tổ chức kỳ họp cuối năm. Năm 2025, thu nhập bình quân đạt 68,4 "
        "triệu đồng.\nHĐND xã Tân Phú thống nhất mục tiêu, nhiệm vụ năm 2026\n"
        "Tổng giá trị sản phẩm đạt 1.300 tỷ đồng."
    )
    assert found[1300.0][0] == "target"


def test_striving_as_a_noun_of_effort_opens_no_target_scope() -> None:
    found = _kinds(
        "Huyện Tân Phú phát triển kinh tế năm 2023\n\n"
        "Huyện Tân Phú có 12 xã. Với nỗ lực phấn đấu, 100% các chỉ tiêu kinh tế - xã hội năm 2023 của "
        "huyện đều đạt và vượt, thu nhập bình quân đầu người đạt 58 triệu đồng."
    )
    assert found[100.0][0] == "actual"
    assert found[58.0][0] == "actual"
    # the verb still leads: "Năm 2024, huyện phấn đấu thu nhập bình quân đạt 62 triệu đồng"
    found = _kinds("Huyện Tân Phú năm 2023\n\nNăm 2024, huyện phấn đấu thu nhập bình quân đạt 62 triệu đồng.")
    assert found[62.0][0] == "target"


def test_targets_counted_as_met_open_no_target_scope() -> None:
    found = _kinds(
        "Xã Hòa Lạc thực hiện 16/16 chỉ tiêu chủ yếu đạt và vượt Nghị quyết\n"
        "Năm 2024, kinh tế xã Hòa Lạc phát triển. Thu nhập bình quân đầu người đạt 61,2 triệu đồng; "
        "sản lượng lúa đạt 42.150 tấn."
    )
    assert found[16.0][0] == "actual"
    assert found[61.2] == ("actual", "2024")
    assert found[42150.0] == ("actual", "2024")


def test_a_list_of_targets_met_is_results() -> None:
    found = _kinds(
        "Huyện ủy Tân Lập tổng kết năm 2023\n"
        "Trong năm 2023, kinh tế của huyện tiếp tục phát triển, các chỉ tiêu cơ bản đều đạt và vượt so "
        "với kế hoạch như: giá trị sản xuất nông nghiệp đạt 1.240 tỷ đồng; thu ngân sách trên địa bàn "
        "đạt trên 68 tỷ đồng.\n"
        "Năm 2024, huyện phấn đấu các chỉ tiêu chủ yếu đạt: thu ngân sách trên 75 tỷ đồng."
    )
    assert found[1240.0] == ("actual", "2023")
    assert found[68.0] == ("actual", "2023")
    assert found[75.0][0] == "target"  # a striving lead still sets what comes after it
    # a goal is no count of targets met
    goal = _kinds("Xã Tân Lập năm 2024\nNăm 2024, xã đặt mục tiêu hoàn thành 12 km đường giao thông.")
    assert goal[12.0][0] == "target"


def test_a_paragraph_lead_after_the_body_and_its_term_sets_the_whole_paragraph() -> None:
    found = _kinds(
        "Đại hội Đảng bộ xã Tân Hòa\n"
        "Nhiệm kỳ 2020-2025, thu nhập bình quân đầu người đạt 52,4 triệu đồng/năm.\n"
        "Đảng bộ xã Tân Hòa nhiệm kỳ 2025-2030 đặt mục tiêu tốc độ tăng trưởng bình quân đạt 9%/năm. "
        "Thu nhập bình quân đầu người đạt trên 80 triệu đồng/năm. Tỷ lệ hộ nghèo giảm còn 1,5%."
    )
    assert found[52.4][0] == "actual"
    assert found[9.0][0] == "target"
    assert found[80.0][0] == "target"
    assert found[1.5][0] == "target"


def test_a_headline_under_the_page_date_line_opens_no_target_scope() -> None:
    found = _kinds(
        "Thứ ba, ngày 12 tháng 05 năm 2020\n"
        "Phấn đấu đưa huyện Tân Sơn thoát nghèo năm 2025\n"
        "Đảng bộ huyện Tân Sơn hiện có 42 tổ chức cơ sở đảng, hơn 2.310 đảng viên. Tỷ lệ nhựa hóa đường "
        "huyện đạt 96%."
    )
    assert found[42.0][0] == "actual"
    assert found[2310.0][0] == "actual"
    assert found[96.0][0] == "actual"
    # under a sentence, the same line is no headline: it leads what follows
    found = _kinds(
        "Ngày 12/5/2020, Đảng bộ huyện Tân Sơn tổ chức Đại hội đại biểu lần thứ XIX.\n"
        "Phấn đấu đưa huyện Tân Sơn thoát nghèo năm 2025\n"
        "Tỷ lệ nhựa hóa đường huyện đạt 100%."
    )
    assert found[100.0][0] == "target"


def test_a_line_opening_with_a_count_is_no_numbered_target_heading() -> None:
    found = _kinds(
        "10 năm thực hiện Chương trình mục tiêu quốc gia về xây dựng nông thôn mới ở huyện Tân Sơn\n"
        "Tại huyện Tân Sơn, chương trình được triển khai thực hiện tại 15/15 xã và 120 thôn, bản."
    )
    assert found[15.0][0] == "actual"
    assert found[120.0][0] == "actual"
    # a numbered heading keeps its mark
    found = _kinds("2. Mục tiêu năm 2024\nTổng giá trị sản xuất đạt 520 tỷ đồng.")
    assert found[520.0][0] == "target"


def test_a_year_inside_one_item_after_the_colon_does_not_date_the_lead_fronted_by_its_term() -> None:
    found = _kinds(
        "Đại hội Đảng bộ xã Tân Lập lần thứ I, nhiệm kỳ 2025-2030\n"
        "Nhiệm kỳ qua, thu nhập bình quân đầu người đạt 47 triệu đồng/người/năm.\n"
        "Nhiệm kỳ 2025-2030, Đảng bộ xã đề ra một số chỉ tiêu chủ yếu, như: thu nhập bình quân đạt 75 triệu "
        "đồng/người/năm; xây dựng xã đạt chuẩn nông thôn mới nâng cao vào năm 2027; tỷ lệ hộ nghèo giảm "
        "còn dưới 1%."
    )
    assert found[75.0] == ("target", "term-2025-2030")
    assert found[1.0] == ("target", "term-2025-2030")


def test_the_figures_before_a_lead_in_its_own_sentence_stay_results() -> None:
    found = _kinds(
        "Quận Tây Hồ: thu ngân sách 5 tháng\n"
        "Tổng thu ngân sách trên địa bàn quận, tính đến ngày 31/5/2024, đạt trên 3.120 tỷ đồng, đạt 58% so "
        "với dự toán (dự kiến 6 tháng đầu năm đạt 66% dự toán).\n"
        "Thu hút vốn đầu tư ngoài ngân sách tính đến ngày 20/6/2024 đạt trên 4.210 tỷ đồng, bằng 12,4% kế "
        "hoạch năm (34.000 tỷ đồng)."
    )
    assert found[3120.0][0] == "actual"
    assert found[4210.0][0] == "actual"


def test_the_figures_before_a_lead_in_its_own_sentence_keep_its_period() -> None:
    found = _kinds(
        "Xã Hòa Phú tổng kết năm 2025\n\n20/12/2025\n\n"
        "Thu nhập bình quân đầu người đạt 60 triệu đồng, tỷ lệ hộ nghèo còn 2,1%, phấn đấu năm 2026 thu nhập "
        "bình quân đạt 65 triệu đồng.\nToàn xã có 25 hộ nghèo."
    )
    assert found[60.0] == ("actual", "2025")
    assert found[2.1] == ("actual", "2025")
    assert found[65.0] == ("target", "2026")


def test_a_baseline_year_inside_the_items_does_not_date_a_list_whose_lead_names_no_period() -> None:
    found = _kinds(
        "Đại hội Đảng bộ tỉnh Tân Lập lần thứ XIV, nhiệm kỳ 2020-2025 đã bế mạc.\n"
        "Đại hội đã thông qua các chỉ tiêu phát triển giai đoạn 2020-2025, cụ thể: Tốc độ tăng trưởng GRDP "
        "bình quân 7-7,5%/năm. GRDP bình quân đầu người đạt từ 4.200 đến 4.400 USD. Thu nhập bình quân đầu "
        "người tăng từ 1,5-1,8 lần so với năm 2020."
    )
    assert found[4200.0] == ("target", "term-2020-2025")
    assert found[7.0] == ("target", "term-2020-2025")


def test_the_plan_a_share_is_of_opens_no_target_scope() -> None:
    found = _kinds(
        "HĐND quận Lê Chân họp kỳ giữa năm\n\n12/07/2018\n\n"
        "Giá trị sản xuất công nghiệp ngoài quốc doanh ước đạt 748.870 triệu đồng, bằng 50,22% kế hoạch "
        "năm, tăng 9,17% so với cùng kỳ; doanh thu thương mại, dịch vụ ước đạt 14.088.480 triệu đồng, bằng "
        "50,68% kế hoạch năm."
    )
    assert found[14088480.0][0] == "actual"


def test_some_targets_named_as_the_subject_of_results_open_no_target_scope() -> None:
    found = _kinds(
        "Huyện Yên Lạc sơ kết 6 tháng đầu năm 2024\n\n05/07/2024\n\n"
        "Trong 6 tháng đầu năm, một số chỉ tiêu tăng khá: tổng thu ngân sách trên địa bàn 112 tỷ đồng; "
        "giá trị sản xuất nông nghiệp 1.250 tỷ đồng."
    )
    assert found[112.0][0] == "actual"
    assert found[1250.0][0] == "actual"


def test_the_targets_named_as_the_subject_of_a_quarters_results_open_no_target_scope() -> None:
    found = _kinds(
        "Huyện Tam Dương sơ kết quý I năm 2024\n\n03/04/2024\n\n"
        "Trong quý I, các chỉ tiêu kinh tế tăng khá so với cùng kỳ: tổng thu ngân sách trên địa bàn 45 tỷ "
        "đồng; giá trị sản xuất công nghiệp 620 tỷ đồng."
    )
    assert found[45.0][0] == "actual"
    assert found[620.0][0] == "actual"


def test_a_discussion_before_a_lead_does_not_make_it_a_reports_title() -> None:
    found = _kinds(
        "HĐND huyện Tân Lạc bế mạc kỳ họp cuối năm\n"
        "Chiều 12/12/2026, kỳ họp thứ 9 HĐND huyện Tân Lạc khóa XX bế mạc. Kỳ họp đã thảo luận, thông qua "
        "14 nghị quyết, trong đó có Nghị quyết về nhiệm vụ năm 2027 với các chỉ tiêu như: thu nhập bình "
        "quân đầu người đạt 71 triệu đồng, tỷ lệ hộ nghèo giảm còn 1,9%."
    )
    assert found[71.0][0] == "target"
    assert found[1.9][0] == "target"


def test_a_lead_after_a_report_word_is_still_the_reports_title() -> None:
    found = _kinds(
        "Xã Tân Lạc tổng kết năm 2026\n"
        "Ngày 20/12/2026, hội nghị đã nghe báo cáo kết quả năm 2026, phương hướng nhiệm vụ năm 2027, trong "
        "đó thu nhập bình quân đầu người đạt 66 triệu đồng."
    )
    assert found[66.0][0] == "actual"


# ---- leads that set counts, targets met after a lead, adopted plans, lead verbs (round 16)


def test_a_lead_setting_counts_of_any_unit_opens_its_target_scope() -> None:
    found = _kind_only(
        "Tỉnh Tân Hòa xây dựng nông thôn mới\n\n14/03/2026\n\n"
        "Năm 2026, tỉnh Tân Hòa đề ra mục tiêu sẽ có thêm 7 xã đạt chuẩn nông thôn mới kiểu mẫu, nông thôn "
        "mới nâng cao; có thêm 9 xã đạt chuẩn nông thôn mới."
    )
    assert found[7.0] == "target"
    assert found[9.0] == "target"


def test_a_lead_followed_only_by_counts_of_the_plans_items_opens_no_target_scope() -> None:
    found = _kind_only(
        "Đại hội Đảng bộ huyện Tân Hòa lần thứ XXI\n\n10/08/2020\n\n"
        "Trong 20 chỉ tiêu chủ yếu mà Nghị quyết Đại hội Đảng bộ huyện lần thứ XX đề ra cho cả nhiệm kỳ, "
        "15 chỉ tiêu thực hiện đạt và vượt, có 3 chỉ tiêu cơ bản đạt. Tốc độ tăng trưởng kinh tế bình "
        "quân giai đoạn 2016-2020 là 7,2%/năm."
    )
    assert found[7.2] == "actual"


def test_targets_met_by_a_subject_named_after_them_open_no_target_scope() -> None:
    found = _kind_only(
        "Huyện Tân Hòa: kinh tế 6 tháng đầu năm phục hồi\n\n28/06/2024\n\n"
        "So với Nghị quyết năm, một số chỉ tiêu chủ yếu huyện thực hiện đạt kết quả khá: giá trị sản xuất "
        "nông nghiệp ước 1.650 tỷ đồng, đạt 52%; giá trị thương mại - dịch vụ ước 2.700 tỷ đồng, đạt 61%."
    )
    assert found[1650.0] == "actual"
    assert found[2700.0] == "actual"


def test_targets_named_before_striving_still_open_their_target_scope() -> None:
    found = _kind_only(
        "Xã Tân Hòa tổng kết năm 2026\n\n20/12/2026\n\n"
        "Năm 2027, các chỉ tiêu chủ yếu xã cần đạt: thu nhập bình quân đầu người 72 triệu đồng; tỷ lệ hộ "
        "nghèo giảm còn 1,6%."
    )
    assert found[72.0] == "target"
    assert found[1.6] == "target"


def test_the_figures_listed_after_a_colon_by_an_adopted_resolution_are_targets() -> None:
    found = _kind_only(
        "Kỳ họp thứ 9 HĐND huyện Tân Hòa\n\n15/07/2026\n\n"
        "Kỳ họp cũng thông qua Nghị quyết về nhiệm vụ kinh tế - xã hội 6 tháng cuối năm 2026: tổng thu ngân "
        "sách 610 tỷ đồng, giá trị sản xuất nông nghiệp bình quân 340 triệu đồng/ha."
    )
    assert found[610.0] == "target"
    assert found[340.0] == "target"


def test_the_sentences_going_on_from_an_adopted_plan_with_theo_do_are_targets() -> None:
    found = _kind_only(
        "UBND tỉnh Tân Hòa giao chỉ tiêu năm 2027\n\n12/12/2026\n\n"
        "Ngày 11/12/2026, Chủ tịch UBND tỉnh ký Quyết định số 2001/QĐ-UBND về việc giao chỉ tiêu kế hoạch "
        "kinh tế - xã hội và dự toán ngân sách năm 2027. Theo đó, thu ngân sách là 9.870 tỷ đồng; chi ngân "
        "sách là 11.240 tỷ đồng."
    )
    assert found[9870.0] == "target"
    assert found[11240.0] == "target"


def test_a_resolution_carried_out_adopts_no_plan() -> None:
    found = _kind_only(
        "Xã Tân Hòa tổng kết năm 2026\n\n20/12/2026\n\n"
        "Thực hiện Nghị quyết về nhiệm vụ kinh tế - xã hội năm 2026, xã đã đạt nhiều kết quả. Theo đó, thu "
        "ngân sách đạt 12,5 tỷ đồng; thu nhập bình quân đầu người đạt 66 triệu đồng."
    )
    assert found[12.5] == "actual"
    assert found[66.0] == "actual"


def test_targets_a_body_brings_out_or_determines_open_their_target_scope() -> None:
    found = _kind_only(
        "Đại hội Đảng bộ xã Tân Hòa lần thứ XVI\n\n12/06/2020\n\n"
        "Trong nhiệm kỳ mới, Đảng bộ xã đưa ra các chỉ tiêu phát triển kinh tế, giá trị sản xuất nông "
        "nghiệp tăng bình quân 6%; khu vực dịch vụ tăng bình quân hằng năm 9%.\n\n"
        "Nghị quyết Đại hội Đảng bộ phường Tân An đã xác định nhiều chỉ tiêu quan trọng, trong đó: thu "
        "nhập bình quân đầu người đạt 110 triệu đồng; tỷ lệ hộ nghèo giảm còn 0,8%."
    )
    assert found[6.0] == "target"
    assert found[9.0] == "target"
    assert found[110.0] == "target"


def test_a_plan_of_a_later_year_named_before_a_colon_lists_targets() -> None:
    found = _kinds(
        "HĐND huyện Ia Grai tổ chức kỳ họp cuối năm\n\n18/12/2023\n\n"
        "Năm 2023, tổng giá trị sản xuất của huyện đạt 7.850 tỷ đồng.\n\n"
        "Các chỉ tiêu kinh tế - xã hội chủ yếu năm 2024 là: tổng giá trị sản xuất đạt 8.400 tỷ đồng, thu "
        "ngân sách trên địa bàn 215 tỷ đồng."
    )
    assert found[7850.0] == ("actual", "2023")
    assert found[8400.0] == ("target", "2024")
    assert found[215.0] == ("target", "2024")


def test_a_plan_of_the_documents_own_year_before_a_colon_heads_results() -> None:
    found = _kind_only(
        "Xã Bình Lợi sơ kết 6 tháng đầu năm 2024\n\n05/07/2024\n\n"
        "Có 9 chỉ tiêu đạt và vượt so với kế hoạch năm 2024, điển hình như: thu ngân sách xã đạt 1,9 tỷ "
        "đồng, tổng diện tích gieo trồng 1.230 ha."
    )
    assert found[1.9] == "actual"
    assert found[1230.0] == "actual"


def test_a_price_base_or_comparison_in_a_lead_does_not_date_its_list() -> None:
    # the year a lead measures against (`theo giá so sánh năm 2010`, `so với năm 2020`) is no period of the
    # targets it sets: they take the plan's year
    found = _kinds(
        "Ngày 20/12/2022, HĐND xã Tân Phú tổ chức kỳ họp thứ 7 đánh giá tình hình thực hiện nhiệm vụ năm "
        "2022, triển khai nhiệm vụ năm 2023.\nNăm 2022, thu nhập bình quân đạt 55 triệu đồng.\nCác đại biểu "
        "thống nhất các chỉ tiêu năm 2023. Trong đó, phấn đấu tổng giá trị sản xuất (theo giá so sánh năm "
        "2010) đạt 9,5%, thu nhập bình quân 60 triệu đồng."
    )
    assert found[9.5] == ("target", "2023")
    assert found[60.0] == ("target", "2023")


def test_achieved_with_no_figure_after_it_does_not_block_a_lead() -> None:
    # `đạt` blocks a lead only as a result's figure (`đạt 101,9% mục tiêu …`), not as `đạt chuẩn`
    found = _kind_only(
        "Huyện Phú Lộc, ngày 18 tháng 12 năm 2023\n"
        "Huyện tập trung chỉ đạo các xã đạt chuẩn nông thôn mới theo mục tiêu đề ra: thu nhập bình quân "
        "65 triệu đồng/người/năm; tỷ lệ hộ nghèo dưới 2%.\n"
    )
    assert found[65.0] == "target"
    assert found[2.0] == "target"


def test_achieved_before_a_figure_still_blocks_a_lead() -> None:
    found = _kind_only(
        "Huyện Phú Lộc, ngày 18 tháng 12 năm 2023\n"
        "Năm 2023, tổng giá trị sản xuất đạt 666 tỷ đồng, đạt 101,9% mục tiêu nghị quyết, tăng 6,97% so với "
        "cùng kỳ; thu nhập bình quân đạt 22 triệu đồng/người/năm.\n"
    )
    assert found[666.0] == "actual"
    assert found[6.97] == "actual"
    assert found[22.0] == "actual"
