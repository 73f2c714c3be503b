"""Period codes from Vietnamese period phrases."""

from __future__ import annotations

import pytest

from ingest.extract.periods import Term, phrase_period, plan_title_year, terms_in

TERM = Term(2020, 2025)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("6 tháng đầu năm 2023", "2023-H1"),
        ("sáu tháng đầu năm", "2024-H1"),
        ("9 tháng đầu năm 2022", "2022-9M"),
        ("quý III năm 2023", "2023-Q3"),
        ("năm 2021", "2021"),
        ("tính đến ngày 30/7/2023", "as-of:2023-07-30"),
        ("đến 30/6/2023", "as-of:2023-06-30"),
        ("đến ngày 31 tháng 12 năm 2022", "as-of:2022-12-31"),
        ("nhiệm kỳ 2020 - 2025", "term-2020-2025"),
        ("sơ kết giữa nhiệm kỳ", "term-2020-2025-mid"),
        ("nửa nhiệm kỳ", "term-2020-2025-mid"),
        ("đầu nhiệm kỳ", "term-2020-2025-start"),
        ("nửa cuối nhiệm kỳ", "term-2020-2025-second-half"),
        ("kết quả quí II năm 2022", "2022-Q2"),  # the older spelling
        ("năm học 2021 - 2022, toàn huyện", "2022"),  # a school year is dated by its end
        ("năm học 2022-2023", "2023"),
        ("tính đến hết tháng 8/2019", "as-of:2019-08-31"),  # a whole month: its last day
        ("đến hết tháng 2 năm 2024", "as-of:2024-02-29"),
    ],
)
def test_phrase_period(text: str, code: str) -> None:
    found = phrase_period(text.lower(), 2024, TERM)
    assert found is not None and found[1] == code


def test_no_period_and_non_party_terms() -> None:
    assert phrase_period("không có gì", 2024, TERM) is None
    assert phrase_period("ngày 09 tháng 8 năm 2023", 2023, TERM)[1] == "2023"  # a date is not 9M
    assert phrase_period("so đầu nhiệm kỳ", 2024, TERM) is None
    assert terms_in("nhiệm kỳ 2021 - 2026 và nhiệm kỳ 2020-2025, nhiệm kỳ 2025 – 2030") == [
        Term(2020, 2025),
        Term(2025, 2030),
    ]


# --- document periods from the opening ---------------------------------------------------------------


def _doc(text: str):
    from ingest.extract.context import Doc

    return Doc.read(text, None, None, None)


def test_page_dates_with_two_digit_years_and_cited_documents() -> None:
    from ingest.extract.periods import document_date

    assert document_date("đt: 0939.923988\nthứ tư, 12-2-25 04:00:47\n") == (2025, 2)
    # the date of a cited resolution is not the page's
    assert document_date("xã được sáp nhập theo nghị quyết 830 của ủy ban thường vụ ngày 17/12/2019.") is None


def test_an_article_of_the_first_months_reports_on_the_year_before() -> None:
    doc = _doc(
        "Thứ tư, 12-2-25 04:00:47\nĐạt chuẩn NTM vào năm 2015, xã tiếp tục nâng cao các tiêu chí và được "
        "công nhận đạt chuẩn NTM nâng cao năm 2024. Diện tích tự nhiên 3.604,59 ha."
    )
    assert doc.default_period == "2024"


def test_a_council_session_named_by_its_term_reports_on_its_half_year() -> None:
    doc = _doc(
        "HĐND huyện tổ chức Kỳ họp thứ Hai khóa IX, nhiệm kỳ 2021 – 2026 nhằm đánh giá kết quả thực hiện "
        "nhiệm vụ 6 tháng đầu năm; phương hướng 6 tháng cuối năm 2021. Tỷ lệ cử tri đi bỏ phiếu đạt 99%."
    )
    assert doc.default_period == "2021-H1"


def test_a_congress_opening_its_term_after_a_sentence_on_results() -> None:
    doc = _doc(
        " date 2025-08-08 Đại hội có 199 đại biểu. Nhiệm kỳ qua, Đảng bộ đạt kết quả toàn diện. Nhiệm kỳ "
        "2025 - 2030, xã đặt mục tiêu phát triển kinh tế; phấn đấu thu nhập bình quân tăng 11%."
    )
    assert (doc.default_period, doc.target_period) == ("term-2020-2025", "term-2025-2030")


def test_a_year_fronted_in_a_sentence_dates_its_figures() -> None:
    from ingest.extract import extract_mentions

    text = " date 2023-05 Minh chứng là trong năm 2022, diện tích lúa đạt 53,5 ha; cây ngô 73 ha."
    assert {m.value: m.period for m in extract_mentions(text)} == {53.5: "2022", 73.0: "2022"}


def test_a_sentence_with_a_date_is_no_place_date_header() -> None:
    from ingest.extract import extract_metadata

    meta = extract_metadata(
        "Với những kết quả đã đạt được, ngày 29/12/2023, UBND tỉnh công nhận xã đạt chuẩn."
    )
    assert meta.issue_year is None
    assert extract_metadata("Xuân Phú, ngày 10 tháng 7 năm 2023\nBÁO CÁO").issue_year == 2023


def test_the_eth_letter_reads_as_d() -> None:
    from ingest.extract.context import lower_same_length

    assert lower_same_length("Ðạt chuẩn") == "đạt chuẩn"


def test_without_a_year_in_the_opening_the_year_of_a_date_in_the_text() -> None:
    doc = _doc(
        "Từ đầu năm đến nay, tổng thu ngân sách của huyện ước đạt 423 tỷ đồng. Về đầu tư xây dựng cơ "
        "bản, giá trị giải ngân từ đầu năm đến ngày 10-8-2017 ước đạt 96 tỷ đồng."
    )
    assert doc.default_period == "2017"


def test_a_council_session_of_a_year_named_by_its_term_reports_on_the_year() -> None:
    doc = _doc(
        "Kỳ họp thứ 11, HĐND xã Tân An khóa XX\n\nNgày 20-12, HĐND xã Tân An khóa XX, nhiệm kỳ 2016-2021 "
        "họp để đánh giá kết quả thực hiện nhiệm vụ năm 2019, triển khai nhiệm vụ năm 2020. Thu ngân sách "
        "đạt 12 tỷ đồng."
    )
    assert (doc.default_period, doc.target_period) == ("2019", "2020")


def test_an_older_spelled_quarter_dates_a_quarterly_conference() -> None:
    doc = _doc(
        " date 2022-04 Huyện ủy vừa tổ chức hội nghị đánh giá kết quả công tác quí I, đề ra nhiệm vụ quí II "
        "năm 2022.\n\nTrong quí I, tổng thu ngân sách 21,5 tỷ đồng."
    )
    assert doc.default_period == "2022-Q1"


def test_a_running_total_to_the_end_of_the_period_reported_on_is_that_period() -> None:
    from ingest.extract import extract_mentions

    text = (
        "THU NGÂN SÁCH 6 THÁNG ĐẦU NĂM 2022\n\nTính đến hết tháng 6 năm 2022, các xã thu ngân sách được "
        "2,4 tỷ đồng. Tính đến hết tháng 5/2022, các xã đã giải ngân 1,1 tỷ đồng."
    )
    assert {m.value: m.period for m in extract_mentions(text)} == {2.4: "2022-H1", 1.1: "as-of:2022-05-31"}
    # a day written out stays the day
    dated = "THU NGÂN SÁCH 6 THÁNG ĐẦU NĂM 2022\n\nTính đến ngày 30/6/2022, các xã thu được 2,4 tỷ đồng."
    assert [m.period for m in extract_mentions(dated)] == ["as-of:2022-06-30"]


def test_a_forecast_of_a_half_year_does_not_date_the_article() -> None:
    doc = _doc(
        "Huyện Tân Yên: Thu ngân sách đạt 312 tỷ đồng\nTổng thu ngân sách, tính đến ngày 30/4/2022, đạt 312 "
        "tỷ đồng (dự kiến 6 tháng đầu năm đạt 65% dự toán).\nNăm học 2021 - 2022, toàn huyện có 95 giải."
    )
    assert doc.default_period == "2022"


def test_a_party_congress_named_without_its_term_reviews_the_term_ending_in_its_year() -> None:
    doc = _doc(
        "Toàn cảnh đại hội\n\nBáo cáo chính trị trình tại Đại hội cho thấy, những mục tiêu do Đại hội XVI đề "
        "ra cơ bản đạt. Tổng giá trị sản phẩm năm 2025 đạt 9.120 tỷ đồng, bình quân hàng năm tăng 8,1%."
    )
    assert (doc.default_period, doc.target_period) == ("term-2020-2025", "term-2025-2030")


def test_a_half_year_meeting_that_plans_the_coming_congress_is_a_half_year() -> None:
    doc = _doc(
        "Ngày 15/7, Ban Chấp hành Đảng bộ huyện tổ chức Hội nghị lần thứ 20.\n\nTrong 6 tháng đầu năm, "
        "Huyện ủy "
        "đã lãnh đạo hoàn thành một số chỉ tiêu quan trọng: sản lượng lương thực đạt 38.000 tấn.\n\nTrong 6 "
        "tháng cuối năm 2025, Ban Chấp hành đề ra mục tiêu: tổ chức tốt Đại hội Đảng bộ huyện lần thứ XXI."
    )
    assert doc.default_period == "2025-H1"


def test_an_undated_text_is_of_the_latest_year_it_reports_achieved() -> None:
    doc = _doc(
        "Từ năm 2017 đến nay, xã Tân Hưng đã huy động 52 tỷ đồng xây dựng nông thôn mới nâng cao.\nĐến hết "
        "năm 2021, thu nhập bình quân đầu người đã đạt 61,2 triệu đồng, năm 2022 đạt 66,8 triệu đồng."
    )
    assert (doc.default_period, doc.target_period) == ("2022", "2023")
    assert phrase_period("từ năm 2017 đến nay", 2022, None) is None  # the start of a span is no period


def test_a_report_of_eleven_months_that_estimates_the_whole_year_is_a_year_report() -> None:
    year_end = _doc(
        "Trên cơ sở đánh giá kết quả 11 tháng đầu năm và dự ước khả năng thực hiện cả năm 2020, huyện đã "
        "đạt và vượt kế hoạch 22/24 chỉ tiêu."
    )
    assert year_end.default_period == "2020"
    running = _doc("10 tháng đầu năm 2020, tổng thu ngân sách của xã đạt 4,1 tỷ đồng.")
    assert running.default_period == "as-of:2020-10-31"


def test_an_article_of_the_first_months_looking_back_on_the_past_year() -> None:
    doc = _doc(
        "Huyện Tân Lạc triển khai nhiệm vụ năm 2023\n\n12/01/2023\n\nSáng 12/1, huyện tổ chức hội nghị triển "
        "khai nhiệm vụ năm 2023. Năm qua, tổng giá trị sản xuất đạt 1.150 tỷ đồng."
    )
    assert (doc.default_period, doc.target_period) == ("2022", "2023")
    session = _doc(
        "Kỳ họp thứ 8\n\n03/01/2023\n\nTuần qua, HĐND xã thông qua Nghị quyết về nhiệm vụ năm 2023 với "
        "các chỉ tiêu chủ yếu. Trước đó, đại biểu nghe báo cáo tình hình thực hiện nghị quyết năm 2022."
    )
    assert (session.default_period, session.target_period) == ("2022", "2023")
    # several past years are no year
    later = _doc("Hội nghị\n\n12/01/2023\n\nNhững năm qua, huyện triển khai nhiệm vụ năm 2023 hiệu quả.")
    assert later.default_period == "2023"


def test_a_resolution_planning_a_year_reports_on_the_year_before() -> None:
    from ingest.extract import extract_mentions

    text = (
        "HỘI ĐỒNG NHÂN DÂN XÃ TÂN AN\n\nTân An, ngày 18 tháng 12 năm 2022\n\nNGHỊ QUYẾT\n"
        "Về nhiệm vụ phát triển kinh tế - xã hội năm 2023\n\nQUYẾT NGHỊ:\n\n"
        "Điều 1. Năm qua, tổng thu ngân sách ước thực hiện 7,6 tỷ đồng.\n\n"
        "Điều 2. Các chỉ tiêu chủ yếu năm 2023: thu nhập bình quân đầu người đạt 57 triệu đồng.\n\n"
        "Điều 3. Chỉ tiêu cụ thể:\n1. Tổng giá trị sản xuất tăng 8,5%.\n2. Tỷ lệ hộ nghèo giảm còn 2,2%."
    )
    found = {m.value: (m.kind, m.period) for m in extract_mentions(text)}
    assert found == {
        7.6: ("actual", "2022"),
        57.0: ("target", "2023"),
        8.5: ("target", "2023"),
        2.2: ("target", "2023"),
    }
    assert plan_title_year("nghị quyết\nvề tình hình thực hiện nhiệm vụ năm 2022") is None


def test_a_date_line_in_words_without_ngay() -> None:
    from ingest.extract.periods import document_date

    assert document_date("thứ hai, 18 tháng 12 năm 2023\n") == (2023, 12)


def test_the_political_report_to_a_congress_opens_the_term_it_names() -> None:
    doc = _doc(
        "Báo cáo chính trị Đại hội Đảng bộ xã Tân Hòa lần thứ XVI, nhiệm kỳ 2025 - 2030\n\n"
        "II. MỤC TIÊU NHIỆM KỲ 2025 - 2030\n1. Tỷ lệ che phủ rừng đạt 46% vào năm 2030."
    )
    assert (doc.default_period, doc.target_period) == ("term-2020-2025", "term-2025-2030")
    closing = _doc("Báo cáo tổng kết nhiệm kỳ 2020 - 2025\n\nThu nhập bình quân đầu người đạt 68 triệu đồng.")
    assert closing.default_period == "term-2020-2025"


def test_a_date_alone_on_its_line_under_a_long_page_header() -> None:
    from ingest.extract.periods import document_date

    header = "trang chủ | tin tức | " * 15 + "\nkết quả quý i, nhiệm vụ quý ii-2026\n\n"
    assert document_date(header + "19/3/2026\n16 lượt xem\nnội dung") == (2026, 3)
    assert document_date(header + "thu ngân sách đến ngày 19/3/2026 đạt 5 tỷ đồng") is None


def test_a_school_year_is_the_texts_own_year_when_it_is_one_of_its_two() -> None:
    assert phrase_period("năm học 2023 - 2024, toàn huyện", 2023, None) == (0, "2023")  # autumn 2023
    assert phrase_period("năm học 2022 - 2023, toàn huyện", 2023, None) == (0, "2023")
    assert phrase_period("năm học 2021 - 2022", 2024, None) == (0, "2022")


def test_the_first_months_of_a_year_in_a_mentions_own_words() -> None:
    assert phrase_period("3 tháng đầu năm 2024, thu ngân sách", 2024, None) == (0, "2024-Q1")
    assert phrase_period("7 tháng đầu năm 2023", 2023, None) == (0, "as-of:2023-07-31")
    assert phrase_period("kết quả quý ii - 2026", 2025, None) == (8, "2026-Q2")
