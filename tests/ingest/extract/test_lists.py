"""Breakdowns (`trong đó …`) linked to their total, list items named from it, shared measure words."""

from __future__ import annotations

from ingest.extract import extract_mentions
from ingest.records import DocumentMetadata, Mention

Y2023 = DocumentMetadata(default_period="2023", issue_year=2023, terms=["2020-2025"])


def _mentions(text: str) -> list[Mention]:
    return extract_mentions(text, metadata=Y2023)


def _by_value(mentions: list[Mention]) -> dict[float, Mention]:
    return {m.value: m for m in mentions}


def test_breakdown_items_point_at_their_total_and_take_its_measure() -> None:
    ms = _mentions("Tổng diện tích gieo trồng 772 ha, trong đó: + Lúa 507 ha; + Màu 265 ha.")
    by = _by_value(ms)
    total = ms.index(by[772.0])
    assert by[772.0].part_of is None
    assert by[507.0].part_of == total and by[265.0].part_of == total
    assert by[507.0].indicator == "diện tích gieo trồng lúa"
    assert by[265.0].indicator == "diện tích gieo trồng màu"
    assert by[507.0].quote.startswith("Tổng diện tích gieo trồng 772 ha")  # the quote keeps its head


def test_an_item_named_in_the_total_takes_the_totals_measure() -> None:
    by = _by_value(_mentions("Tổng đàn trâu, bò 1.095 con (bò 970 con, trâu 125 con)."))
    assert by[970.0].indicator == "tổng đàn bò"
    assert by[125.0].indicator == "tổng đàn trâu"


def test_a_count_list_after_tong_is_parts_of_the_total() -> None:
    ms = _mentions("Tổng 27 chỉ tiêu, trong đó: có 15 chỉ tiêu đạt kế hoạch, 03 chỉ tiêu đạt dưới 50%.")
    by = _by_value(ms)
    assert by[27.0].indicator == "tổng số chỉ tiêu"
    assert by[15.0].part_of == ms.index(by[27.0]) == by[3.0].part_of


def test_figures_that_are_not_smaller_or_not_in_the_same_unit_are_no_parts() -> None:
    ms = _mentions("Thu ngân sách đạt 9.100 triệu đồng, trong đó thu từ đất 12.000 triệu đồng.")
    assert all(m.part_of is None for m in ms)  # a part is smaller than its total
    ms = _mentions("Toàn xã có 2.160 hộ, trong đó 35 hộ nghèo; diện tích lúa 507 ha.")
    by = _by_value(ms)
    assert by[35.0].part_of == ms.index(by[2160.0])
    assert by[507.0].part_of is None


def test_share_of_a_part_names_the_part_and_the_total() -> None:
    ms = _mentions(
        "Tổng vốn huy động xây dựng nông thôn mới 71 tỷ đồng, trong đó vốn ngân sách 5 tỷ đồng (chiếm 7,04%)."
    )
    by = _by_value(ms)
    assert by[7.04].indicator.startswith("tỷ trọng vốn ngân sách trong tổng vốn")
    assert by[7.04].part_of == ms.index(by[71.0])


def test_counts_after_one_measure_word_share_it() -> None:
    by = _by_value(_mentions("Xã có tổng số 15 xóm, 2.160 hộ và 9.230 nhân khẩu."))
    assert by[2160.0].indicator == "tổng số hộ"
    assert by[9230.0].indicator == "tổng số nhân khẩu"


def test_a_list_of_shares_shares_one_quote_from_its_head() -> None:
    text = (
        "Cơ cấu kinh tế chuyển dịch theo hướng tích cực, nông nghiệp chiếm 24%, công nghiệp - xây dựng "
        "chiếm 59%, thương mại - dịch vụ chiếm 17%."
    )
    ms = _mentions(text)
    assert [m.value for m in ms] == [24.0, 59.0, 17.0]
    assert {m.quote for m in ms} == {text.rstrip(".")} or {m.quote for m in ms} == {text}
    assert [m.indicator for m in ms] == [
        "tỷ trọng nông nghiệp trong cơ cấu kinh tế",
        "tỷ trọng công nghiệp - xây dựng trong cơ cấu kinh tế",
        "tỷ trọng thương mại - dịch vụ trong cơ cấu kinh tế",
    ]


def test_shares_of_sectors_are_the_structure_of_the_economy_without_the_word() -> None:
    ms = _mentions(
        "Khu vực công nghiệp chiếm 97,7%; khu vực dịch vụ chiếm 1,9%; khu vực nông nghiệp chiếm 0,4%."
    )
    assert all(m.indicator.startswith("tỷ trọng khu vực") for m in ms)
    assert all(m.indicator.endswith("trong cơ cấu kinh tế") for m in ms)
    assert all(m.quote.startswith("Khu vực công nghiệp chiếm 97,7%") for m in ms)


def test_an_item_without_a_measure_word_quotes_back_to_the_item_that_has_one() -> None:
    ms = _mentions("Diện tích lúa ruộng đạt 53,5/52 ha, tăng 2,9%; cây ngô 73/70 ha; cây sắn 80/54 ha.")
    by = _by_value(ms)
    assert by[73.0].indicator == "diện tích cây ngô"
    assert by[73.0].quote.startswith("Diện tích lúa ruộng") and by[80.0].quote.startswith(
        "Diện tích lúa ruộng"
    )
    assert by[53.5].quote.startswith("Diện tích lúa ruộng")


def test_a_count_in_brackets_counts_what_the_rate_measures() -> None:
    by = _by_value(_mentions("Tỷ lệ số xã đạt chuẩn nông thôn mới đạt 50% (8 xã)."))
    assert by[8.0].indicator == "số xã đạt chuẩn nông thôn mới"
    assert by[8.0].quote.startswith("Tỷ lệ số xã")


def test_sources_of_money_are_named_with_what_the_total_is_for() -> None:
    ms = _mentions(
        "Tổng nguồn vốn đầu tư xây dựng nông thôn mới đạt 456,5 tỷ đồng. Trong đó, vốn ngân sách Trung "
        "ương 99,8 tỷ đồng; nhân dân đóng góp 36 tỷ đồng, chiếm 7,9%."
    )
    by = _by_value(ms)
    assert by[99.8].indicator == "vốn ngân sách trung ương đầu tư xây dựng nông thôn mới"
    # names9: money a doer contributes is `vốn <doer> đóng góp <programme>`, the programme said once
    assert by[36.0].indicator == "vốn nhân dân đóng góp xây dựng nông thôn mới"
    assert (
        by[7.9].indicator
        == "tỷ trọng vốn nhân dân đóng góp trong tổng nguồn vốn đầu tư xây dựng nông thôn mới"
    )
    assert by[99.8].part_of == by[36.0].part_of == ms.index(by[456.5])


def test_items_named_by_place_after_a_figure_take_its_name() -> None:
    ms = _mentions(
        "Bình quân tiêu chí nông thôn mới đạt được trên toàn tỉnh là 16,3 tiêu chí (TC), trong đó: "
        "thị xã Hòa Thành 19/19 TC, huyện Tân Biên 16,8/17,4 TC."
    )
    by = _by_value(ms)
    assert by[19.0].indicator.endswith("thị xã hòa thành") and "tiêu chí" in by[19.0].indicator
    assert by[16.8].indicator.endswith("huyện tân biên")
    assert by[16.8].quote.startswith("Bình quân tiêu chí")


def test_a_bare_measure_takes_its_crop_from_the_line_label_or_the_figure_before() -> None:
    by = _by_value(
        _mentions("- Cây lạc: Diện tích gieo trồng 33 ha, năng suất đạt 30 tạ/ha, sản lượng đạt 99 tấn.")
    )
    assert (by[33.0].indicator, by[30.0].indicator, by[99.0].indicator) == (
        "diện tích gieo trồng lạc",
        "năng suất lạc",
        "sản lượng lạc",
    )
    by = _by_value(_mentions("Trong đó diện tích lúa 115 ha. Năng suất đạt 62,58 tạ/ha."))
    assert by[62.58].indicator == "năng suất lúa"
    by = _by_value(_mentions("Đã hình thành 4 cánh đồng mẫu lớn với diện tích 145 ha."))
    # not the start of its clause: no crop borrowed; the area is the work's before `với` (names7)
    assert by[145.0].indicator == "diện tích hình thành cánh đồng mẫu lớn"


def test_a_clause_with_its_own_verb_and_measure_word_names_its_own_figure() -> None:
    # "…; chuyển (đổi) diện tích X ha … sang …": a conversion area, not the figure before's area
    by = _by_value(
        _mentions(
            "Năm qua, toàn xã có 120 ha lúa liên kết bao tiêu sản phẩm với doanh nghiệp; chuyển đổi diện tích"
            " 15,5 ha đất trồng mía kém hiệu quả sang trồng bưởi."
        )
    )
    assert (by[15.5].indicator, by[15.5].indicator_id) == ("diện tích chuyển đổi", "crop_conversion_area")
    assert by[15.5].quote.startswith("chuyển đổi diện tích")  # its own clause, not the one before
    by = _by_value(_mentions("Có 96,4 ha rau an toàn; chuyển diện tích 12 ha lúa một vụ sang nuôi tôm."))
    assert (by[12.0].indicator, by[12.0].indicator_id) == ("diện tích chuyển đổi", "crop_conversion_area")
    # without a verb of its own the clause is elliptical: it still takes the crop of the figure before
    by = _by_value(_mentions("Diện tích lúa gieo trồng 310 ha; diện tích 25 ha theo hướng hữu cơ."))
    assert by[25.0].indicator == "diện tích lúa gieo trồng"


def test_money_items_after_a_named_figure_take_its_name() -> None:
    by = _by_value(
        _mentions(
            "Thu nhập bình quân đầu người toàn tỉnh 70 triệu đồng/người/năm, "
            "khu vực nông thôn trên 63 triệu đồng/người/năm."
        )
    )
    assert by[63.0].indicator == "thu nhập bình quân đầu người khu vực nông thôn"


def test_items_of_a_labelled_line_are_the_labels_indicator_per_group() -> None:
    ms = _mentions("5. Tỷ lệ học sinh đi học đúng độ tuổi: Mẫu giáo 5 tuổi đạt 100%; Tiểu học đạt 99,9%.")
    by = _by_value(ms)
    assert by[99.9].indicator == "tỷ lệ học sinh đi học đúng độ tuổi tiểu học"
    assert by[99.9].indicator_id == by[100.0].indicator_id == "school_enrolment_rate"
    assert ":" not in by[100.0].indicator


def test_a_new_line_with_its_own_measure_word_ends_a_breakdown() -> None:
    text = (
        "Tổng thu ngân sách ước đạt 420 tỷ đồng, trong đó thu mới đạt 180 tỷ đồng.\n"
        "Về đầu tư công, giá trị giải ngân ước đạt 95 tỷ đồng; "
        "trong đó vốn huyện 25 tỷ đồng, vốn tỉnh 70 tỷ đồng."
    )
    ms = _mentions(text)
    by = _by_value(ms)
    assert by[180.0].part_of == ms.index(by[420.0])
    assert by[95.0].part_of is None and by[95.0].indicator.startswith("giá trị giải ngân")
    assert by[25.0].part_of == ms.index(by[95.0]) == by[70.0].part_of


def test_a_bare_measure_quotes_the_words_it_took_its_crop_from() -> None:
    by = _by_value(
        _mentions("Trong đó diện tích ngô 48 ha. Năng suất đạt 51,2 tạ/ha  sản lượng đạt 245,8 tấn.")
    )
    assert by[51.2].indicator == "năng suất ngô" and by[51.2].quote.startswith("Trong đó diện tích ngô 48 ha")
    assert by[245.8].indicator == "sản lượng ngô"  # right after the figure before: its clause too
    by = _by_value(_mentions("- Cây đậu: Diện tích gieo trồng 12 ha, năng suất đạt 18 tạ/ha."))
    assert by[18.0].indicator == "năng suất đậu" and by[18.0].quote.startswith("đậu:")


def test_a_count_in_a_comma_run_of_counts_is_quoted_from_the_runs_first() -> None:
    ms = _mentions("Thường trực HĐND xã đã tổ chức 12 đợt khảo sát, 9 đợt giám sát; 4 kỳ họp.")
    by = _by_value(ms)
    assert by[9.0].quote.startswith("Thường trực HĐND xã đã tổ chức 12 đợt khảo sát")
    assert by[12.0].quote.startswith("Thường trực") and by[4.0].quote.startswith("4 kỳ họp")


def test_a_count_with_only_a_verb_after_a_figure_is_quoted_with_that_figure() -> None:
    by = _by_value(_mentions("Vốn đầu tư giao thông nông thôn được 4 tỷ đồng, làm mới 3 công trình."))
    assert by[3.0].quote.startswith("Vốn đầu tư giao thông nông thôn được 4 tỷ đồng")
    by = _by_value(_mentions("Thu ngân sách được 4 tỷ đồng, ngành y tế có 3 công trình."))
    assert by[3.0].quote.startswith("ngành y tế")  # a subject of its own: its own clause


def test_a_sectors_part_of_a_production_value_is_that_sectors_value() -> None:
    # names7: the parts are compared on base values (`2.150 tỷ` is a part of `58 nghìn tỷ`)
    ms = _mentions(
        "Tổng giá trị sản xuất các ngành ước đạt 58 nghìn tỷ đồng. Trong đó: Dịch vụ - thương mại "
        "ước đạt 12 nghìn tỷ đồng, tăng 9%; công nghiệp-xây dựng ước đạt 41 nghìn tỷ đồng; nông lâm "
        "nghiệp, thủy sản ước đạt 2.150 tỷ đồng."
    )
    by = _by_value(ms)
    total = ms.index(by[58.0])
    assert [by[v].part_of for v in (12.0, 41.0, 2150.0)] == [total, total, total]
    assert by[12.0].indicator == "giá trị sản xuất dịch vụ - thương mại"
    assert by[41.0].indicator == "giá trị sản xuất công nghiệp-xây dựng"
    assert by[2150.0].indicator == "giá trị sản xuất nông lâm nghiệp, thủy sản"
    ids = [by[v].indicator_id for v in (58.0, 12.0, 41.0, 2150.0)]
    assert ids == ["production_value_total", "trade_services_value", "industry_value", "agri_value"]


def test_an_item_of_another_counted_noun_keeps_its_own_name() -> None:
    # names7: "21 cuộc giám sát" after the resolutions' breakdown is no resolution
    by = _by_value(
        _mentions(
            "HĐND xã ban hành 109 nghị quyết, trong đó có 21 nghị quyết về phát triển kinh tế; tổ chức 15 "
            "cuộc giám sát chuyên đề."
        )
    )
    assert by[21.0].indicator.startswith("số nghị quyết")
    assert not by[15.0].indicator.startswith("số nghị quyết")
    assert "cuộc giám sát chuyên đề" in by[15.0].indicator


def test_a_change_after_a_sectors_part_follows_the_parts_name_and_a_measured_part_keeps_its_own() -> None:
    # names7
    by = _by_value(
        _mentions(
            "Tổng giá trị sản xuất các ngành ước đạt 58 nghìn tỷ đồng. Trong đó: Dịch vụ - thương mại ước "
            "đạt 12 nghìn tỷ đồng, tăng 9%; giá trị sản xuất công nghiệp ước đạt trên 40 nghìn tỷ đồng."
        )
    )
    assert by[9.0].indicator.startswith("giá trị sản xuất dịch vụ - thương mại tăng")
    assert by[9.0].indicator_id == "services_growth_rate"
    assert by[40.0].indicator == "giá trị sản xuất công nghiệp"


def test_coordinated_shares_share_the_predicate_after_the_last() -> None:
    # names9: "100% chi bộ và hơn 92% đảng viên hoàn thành tốt nhiệm vụ": both completed the task
    by = _by_value(_mentions("Năm 2024, 100% chi bộ và hơn 92% đảng viên hoàn thành tốt nhiệm vụ."))
    assert by[100.0].indicator == "tỷ lệ chi bộ hoàn thành tốt nhiệm vụ"
    assert by[92.0].indicator == "tỷ lệ đảng viên hoàn thành tốt nhiệm vụ"
    # a first share with a predicate of its own keeps it
    by = _by_value(_mentions("Có 98% hộ dân sử dụng điện lưới và 95% hộ dân được sử dụng nước sạch."))
    assert "nước sạch" not in by[98.0].indicator


def test_a_budget_line_of_the_totals_measure_keeps_its_own_name() -> None:
    # names9: "chi ngân sách … gồm: Chi đầu tư phát triển …": a line of the spending, not its purpose
    by = _by_value(
        _mentions(
            "Về chi ngân sách, tổng chi sau điều chỉnh gần 216 tỷ đồng, gồm: Chi đầu tư phát triển hơn "
            "18,5 tỷ đồng, chi thường xuyên hơn 194,5 tỷ đồng."
        )
    )
    assert by[18.5].indicator == "chi đầu tư phát triển"
    assert by[194.5].indicator == "chi thường xuyên"


def test_an_item_named_only_by_its_period_takes_the_subject_of_the_figure_before() -> None:
    # the gold rules: an elliptical list item's name is resolved from its list or sentence head
    ms = _by_value(
        _mentions(
            "Doanh thu du lịch tháng 6 đạt 120 tỷ đồng; quý II đạt 350 tỷ đồng, tăng 12% so với cùng kỳ.\n"
            "Chỉ số giá tiêu dùng tháng 6 tăng 0,4% so với tháng trước; tăng 3,2% so với cùng kỳ năm trước."
        )
    )
    assert ms[350].indicator == "doanh thu du lịch quý ii"
    assert ms[12].indicator.startswith("doanh thu du lịch")
    assert "cùng kỳ" not in ms[3.2].indicator.split(" tăng")[0]
    assert "chỉ số giá tiêu dùng" in ms[3.2].indicator
    assert ms[3.2].indicator.endswith("tăng so với cùng kỳ năm trước")


def test_a_figure_after_a_full_stop_keeps_its_own_words() -> None:
    ms = _by_value(_mentions("Doanh thu du lịch tháng 6 đạt 120 tỷ đồng. Quý II có 350 tỷ đồng vốn vay."))
    assert not ms[350].indicator.startswith("doanh thu du lịch")


def test_a_list_item_that_is_only_a_place_takes_the_subject_of_the_figure_before() -> None:
    ms = _by_value(
        _mentions(
            "Tiến độ thu ngân sách của huyện Đồng Xuân thấp nhất chỉ đạt 21,4%; kế đến là huyện "
            "Sơn Hòa đạt 24,6% và thị xã Sông Cầu đạt 27,9%."
        )
    )
    assert ms[24.6].indicator.endswith("thu ngân sách của huyện sơn hòa")
    assert ms[27.9].indicator.endswith("thu ngân sách của thị xã sông cầu")
    assert "đồng xuân" not in ms[27.9].indicator
    assert ms[27.9].quote.startswith("Tiến độ thu ngân sách")


def test_a_money_item_named_by_another_place_takes_the_measure_without_the_first_place() -> None:
    ms = _by_value(
        _mentions(
            "Thu nhập bình quân đầu người của thị xã Ba Đồn đạt 52 triệu đồng và huyện Minh Hóa "
            "đạt 31 triệu đồng."
        )
    )
    assert ms[31].indicator == "thu nhập bình quân đầu người của huyện minh hóa"


def test_a_count_item_that_is_only_a_place_shares_the_counted_noun_of_the_figure_before() -> None:
    ms = _by_value(_mentions("Xã Tân Lập có 45 hộ nghèo, xã Tân Tiến 30 hộ."))
    assert ms[30].indicator == "số hộ nghèo xã tân tiến"


def test_an_item_with_its_own_words_or_a_capitalised_word_alone_is_no_place_item() -> None:
    ms = _by_value(
        _mentions("Xã Tân Lập có 45 hộ nghèo, xã Tân Tiến 30 hộ cận nghèo; Lúa 12 ha, Ngô đạt 8 ha.")
    )
    assert ms[30].indicator == "số hộ cận nghèo"
    assert ms[8].indicator == "diện tích ngô"


def test_a_comma_list_of_shares_takes_the_predicate_after_the_last_and_quotes_to_it() -> None:
    ms = _by_value(_mentions("Phấn đấu 92% hộ gia đình, 70% thôn, 100% cơ quan đạt danh hiệu văn hóa."))
    assert ms[92].indicator == "tỷ lệ hộ gia đình đạt danh hiệu văn hóa"
    assert ms[70].indicator == "tỷ lệ thôn đạt danh hiệu văn hóa"
    assert "100% cơ quan đạt danh hiệu văn hóa" in ms[92].quote


def test_a_comma_list_of_counts_takes_the_predicate_after_the_last() -> None:
    ms = _by_value(_mentions("Trong năm có 25 doanh nghiệp, 3 hợp tác xã thành lập mới."))
    assert ms[25].indicator == "số doanh nghiệp thành lập mới"
    ms = _by_value(_mentions("Đến nay 9/9 trường học, 2/2 trạm y tế có chi bộ."))
    assert ms[9].indicator == "số trường học có chi bộ"


def test_a_count_with_words_of_its_own_after_its_noun_keeps_its_name() -> None:
    ms = _by_value(_mentions("Có 500 trường hợp muốn mua nhà ở xã hội, 300 trường hợp có nhu cầu thuê nhà."))
    assert "thuê" not in ms[500].indicator


def test_places_only_needs_a_capitalised_word() -> None:
    from ingest.extract.lists import _places_only

    assert _places_only("; huyện Krông Pa ") == "huyện krông pa"
    assert _places_only("; huyện krông pa ") == ""
