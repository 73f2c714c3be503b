"""Names carrying context from outside the clause: a total's noun, money raised for a purpose, sectors."""

from __future__ import annotations

from ingest.extract import extract_mentions
from ingest.extract.context import MAX_NAME_WORDS, clean_name
from ingest.records import DocumentMetadata, Mention

Y2023 = DocumentMetadata(default_period="2023", issue_year=2023, terms=["2020-2025"])


def _by_value(text: str) -> dict[float, Mention]:
    return {m.value: m for m in extract_mentions(text, metadata=Y2023)}


def test_a_totals_noun_runs_on_before_its_breakdown_and_qualifies_its_items() -> None:
    by = _by_value(
        "Năm học vừa qua, toàn huyện có 412 giải cấp tỉnh, cấp quốc gia, gồm: 37 giải Nhất, 95 giải Nhì."
    )
    assert by[412.0].indicator.endswith("giải cấp tỉnh, cấp quốc gia")
    assert by[37.0].indicator == "số giải nhất cấp tỉnh, cấp quốc gia"
    assert by[95.0].indicator == "số giải nhì cấp tỉnh, cấp quốc gia"
    assert (
        "412 giải cấp tỉnh, cấp quốc gia, gồm: 37 giải Nhất, 95 giải Nhì" in by[95.0].quote
    )  # keeps its total


def test_items_of_another_noun_keep_their_name_and_quote_back_to_the_total() -> None:
    by = _by_value("Đảng ủy ban hành 86 văn bản các loại, trong đó có 12 nghị quyết, 30 kế hoạch.")
    assert by[12.0].indicator == "số nghị quyết"
    assert by[12.0].quote.startswith("86 văn bản các loại") or "ban hành 86 văn bản" in by[12.0].quote.lower()


def test_a_coordinated_noun_is_no_tail_of_the_total() -> None:
    by = _by_value("Đề ra 3 khâu đột phá và nhiều giải pháp, trong đó có 2 khâu về hạ tầng.")
    assert "và" not in by[3.0].indicator.split()


def test_money_raised_is_named_by_the_money_and_its_purpose() -> None:
    by = _by_value("Toàn xã huy động trên 56 tỷ đồng cho công tác xây dựng nông thôn mới, vượt kế hoạch.")
    assert by[56.0].indicator == "kinh phí huy động xây dựng nông thôn mới"


def test_money_raised_by_a_commune_names_its_noun_and_its_parts_carry_the_purpose() -> None:
    text = (
        "Từ năm 2019 đến nay, xã Tân An đã huy động 48 tỷ đồng vốn từ nhiều nguồn để xây dựng nông thôn mới "
        "kiểu mẫu. Trong đó vốn ngân sách hơn 9 tỷ đồng (chiếm 18,75%), nhân dân đóng góp hơn 39 tỷ đồng."
    )
    by = _by_value(text)
    assert by[48.0].indicator == "vốn huy động xây dựng nông thôn mới kiểu mẫu"
    assert by[9.0].indicator == "vốn ngân sách huy động xây dựng nông thôn mới kiểu mẫu"
    assert by[18.75].indicator.startswith("tỷ trọng vốn ngân sách trong vốn huy động")


def test_money_raised_takes_the_programme_its_paragraph_names() -> None:
    text = (
        "Thực hiện xây dựng NTM, UBND xã Tân Lợi đã huy động nguồn lực gần 42 tỷ đồng. Trong đó nhân dân "
        "đóng góp hơn 7,5 tỷ đồng. Thu nhập bình quân đầu người của xã đạt 51 triệu đồng."
    )
    by = _by_value(text)
    assert by[42.0].indicator == "nguồn lực huy động xây dựng nông thôn mới"
    assert by[7.5].indicator == "vốn nhân dân đóng góp xây dựng nông thôn mới"
    assert by[51.0].indicator.startswith("thu nhập bình quân đầu người")
    assert "huy động" not in by[51.0].indicator


def test_money_raised_without_a_programme_keeps_its_written_name() -> None:
    by = _by_value("Năm qua, xã Tân Lợi đã huy động trên 42 tỷ đồng.")
    assert "nông thôn mới" not in by[42.0].indicator


def test_money_spent_is_named_by_the_money_and_what_it_was_spent_on() -> None:
    by = _by_value(
        "Huyện đã hỗ trợ 150 triệu đồng cho học sinh nghèo vượt khó. Giải ngân hơn 12,5 tỷ đồng cho giảm "
        "nghèo. Toàn huyện đã chi hỗ trợ trên 81 tỷ đồng để thực hiện các chế độ chính sách."
    )
    assert by[150.0].indicator == "kinh phí hỗ trợ học sinh nghèo vượt khó"
    assert by[12.5].indicator == "kinh phí giải ngân giảm nghèo"
    assert by[81.0].indicator == "kinh phí chi hỗ trợ các chế độ chính sách"
    # without a purpose after it, money spent is not named by its paragraph's programme
    by = _by_value("Thực hiện xây dựng NTM, năm qua tỉnh giải ngân được 219 tỷ đồng, bằng 25,5% kế hoạch.")
    assert "nông thôn mới" not in by[219.0].indicator


def test_money_contributed_for_a_purpose_keeps_the_doer_and_the_purpose() -> None:
    by = _by_value(
        "Nhân dân đóng góp trên 690 triệu đồng để xây dựng, chỉnh trang nông thôn. Thu ngân sách 9 tỷ đồng."
    )
    assert by[690.0].indicator == "vốn nhân dân đóng góp xây dựng, chỉnh trang nông thôn"


def test_an_abbreviated_purpose_is_spelled_out() -> None:
    by = _by_value("Xã Xuân Lạc đã huy động trên 25,7 tỷ đồng để triển khai chương trình xây dựng NTM.")
    assert by[25.7].indicator == "kinh phí huy động triển khai chương trình xây dựng nông thôn mới"


def test_hdnd_is_spelled_out_in_names() -> None:
    by = _by_value("Trong nhiệm kỳ, HĐND phường đã tổ chức 31 kỳ họp.")
    assert by[31.0].indicator.startswith("số kỳ họp hội đồng nhân dân phường")


def test_counted_criteria_are_the_new_rural_programmes() -> None:
    text = (
        "Về xây dựng nông thôn mới, xã Ea Tul đạt 16/19 tiêu chí; bình quân đạt 13,5 tiêu chí/xã; "
        "toàn huyện có 5 xã đạt 15 tiêu chí và 12 xã đạt tiêu chí thu nhập."
    )
    by = _by_value(text)
    assert by[16.0].indicator == "số tiêu chí nông thôn mới đạt"
    assert by[13.5].indicator.startswith("số tiêu chí nông thôn mới")
    assert by[5.0].indicator == "số xã đạt 15 tiêu chí nông thôn mới"
    assert by[12.0].indicator == "số xã đạt tiêu chí thu nhập"  # a named criterion stays as written


def test_criteria_outside_a_new_rural_text_keep_their_name() -> None:
    by = _by_value("Trường đạt 8/10 tiêu chí trường học an toàn.")
    assert "nông thôn mới" not in by[8.0].indicator


def test_sectors_in_a_rates_breakdown_take_the_rates_subject() -> None:
    by = _by_value(
        "Tốc độ tăng giá trị sản xuất bình quân hằng năm đạt 12,5%, trong đó: Nông, lâm nghiệp tăng 4,1%; "
        "công nghiệp - xây dựng tăng 15,2%; dịch vụ tăng 13,8%."
    )
    assert by[4.1].indicator == "tốc độ tăng giá trị sản xuất nông, lâm nghiệp bình quân hằng năm"
    assert by[15.2].indicator == "tốc độ tăng giá trị sản xuất công nghiệp - xây dựng bình quân hằng năm"
    assert by[13.8].indicator == "tốc độ tăng giá trị sản xuất dịch vụ bình quân hằng năm"
    assert by[13.8].quote.startswith("Tốc độ tăng giá trị sản xuất")


def test_a_sector_in_a_shares_breakdown_takes_the_share_and_its_whole() -> None:
    by = _by_value(
        "Tỉ trọng công nghiệp - xây dựng và dịch vụ trong GRDP chiếm khoảng 80%; trong đó, công nghiệp - xây "
        "dựng chiếm khoảng 47%."
    )
    assert by[47.0].indicator == "tỉ trọng công nghiệp - xây dựng trong grdp"


def test_an_excess_over_the_plan_is_named_by_its_figure_also_after_a_hedge() -> None:
    # names9: "vượt hơn 7% so với nghị quyết" is the excess of the figure before, like "vượt 7%"
    by = _by_value(
        "Tổng doanh thu thương mại, dịch vụ hơn 29.900 tỷ đồng, vượt hơn 7% so với nghị quyết; thu ngân "
        "sách nhà nước trên địa bàn hơn 646 tỷ đồng, vượt hơn 9% kế hoạch tỉnh giao."
    )
    assert by[7.0].indicator == "doanh thu thương mại, dịch vụ vượt so với nghị quyết"
    assert by[9.0].indicator == "thu ngân sách nhà nước trên địa bàn vượt so với kế hoạch tỉnh giao"


def test_a_share_said_to_exist_is_named_by_what_it_counts() -> None:
    # names9: the words before "có X%" are a place or a time, not what the share measures
    by = _by_value("Hằng năm có 90% tổ chức đảng xếp loại hoàn thành tốt nhiệm vụ.")
    assert by[90.0].indicator.startswith("tỷ lệ tổ chức đảng xếp loại hoàn thành tốt nhiệm")
    by = _by_value("Huyện Phú Hòa là địa phương có 100% số xã được công nhận đạt chuẩn nông thôn mới.")
    assert by[100.0].indicator.startswith("tỷ lệ")
    assert "phú hòa" not in by[100.0].indicator


def test_a_plan_after_a_change_is_the_levels() -> None:
    # names9: "…, tăng 21,2% so với năm 2017, đạt 126% kế hoạch": the level reached 126% of its plan
    by = _by_value("Tổng thu ngân sách đạt 1,26 tỷ đồng, tăng 21,2% so với năm 2017, đạt 126% kế hoạch")
    assert by[1.26].plan_pct == 126.0
    assert by[1.26].quote.endswith("đạt 126% kế hoạch")
    assert by[21.2].plan_pct is None


def test_a_long_name_segment_keeps_its_head_words() -> None:
    name = clean_name("hệ thống kênh mương nội đồng của xã tiếp tục được đầu tư nâng cấp, kiên cố hóa")
    assert name.startswith("hệ thống kênh mương")
    assert len(name.split()) == MAX_NAME_WORDS
