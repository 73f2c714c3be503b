"""Period codes from Vietnamese period phrases."""

from __future__ import annotations

import pytest

from ingest.extract.periods import Term, phrase_period, terms_in

TERM = Term(2020, 2025)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("6 tháng đầu năm 2023", "2023-H1"),
        ("sáu tháng đầu năm", "2024-H1"),
        ("9 tháng đầu năm 2022", "2022-9M"),
        ("ước 6 tháng năm 2019 đạt", "2019-H1"),
        ("quý III năm 2023", "2023-Q3"),
        ("quý I.2014", "2014-Q1"),
        ("quý II-2022", "2022-Q2"),
        ("quý 3/2021", "2021-Q3"),
        ("trong quí I năm 2024", "2024-Q1"),
        ("quí II/2023", "2023-Q2"),
        ("năm 2021", "2021"),
        ("năm học 2022 - 2023", "2023"),
        ("năm học 2023–2024", "2024"),
        ("tính đến ngày 30/7/2023", "as-of:2023-07-30"),
        ("đến 30/6/2023", "2023-H1"),
        ("đến 29/6/2023", "as-of:2023-06-29"),
        ("đến ngày 31 tháng 12 năm 2022", "2022"),
        ("tính đến hết tháng 8/2018", "as-of:2018-08-31"),
        ("đến hết tháng 2", "as-of:2024-02-29"),
        ("tính đến cuối tháng 6/2018", "2018-H1"),
        ("tính đến cuối tháng 9/2013", "2013-9M"),
        ("đến hết tháng 3 năm 2021", "2021-Q1"),
        ("nhiệm kỳ 2020 - 2025", "term-2020-2025"),
        ("sơ kết giữa nhiệm kỳ", "term-2020-2025-mid"),
        ("nửa nhiệm kỳ", "term-2020-2025-mid"),
        ("đầu nhiệm kỳ", "term-2020-2025-start"),
        ("nửa cuối nhiệm kỳ", "term-2020-2025-second-half"),
    ],
)
def test_phrase_period(text: str, code: str) -> None:
    found = phrase_period(text.lower(), 2024, TERM)
    assert found is not None and found[1] == code


def test_the_start_of_a_span_is_no_year_of_its_own() -> None:
    assert phrase_period("tổng giá trị sản xuất 5 năm 2021-2025 ước đạt", 2025, None) is None
    assert phrase_period("kế hoạch 5 năm 2021 – 2025", 2025, None) is None


def test_without_a_reference_year_a_part_year_takes_the_first_one_that_writes_its_year() -> None:
    found = phrase_period(
        "kết nạp 120 đảng viên mới trong 9 tháng - sơ kết nhiệm vụ 9 tháng năm 2024", None, None
    )
    assert found is not None and found[1] == "2024-9M"
    found = phrase_period("6 tháng đầu năm, … báo cáo 6 tháng đầu năm 2023", None, None)
    assert found is not None and found[1] == "2023-H1"
    # with a reference year the first phrase is read as before
    found = phrase_period("9 tháng … 9 tháng năm 2024", 2023, None)
    assert found is not None and found[1] == "2023-9M"


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


def test_page_dates_the_metadata_header_parser_misses() -> None:
    from ingest.extract.periods import document_date

    assert document_date("sunday, august 11, 2019\n\nbáo đại đoàn kết: xã bình thuận") == (2019, 8)
    assert document_date("theo ubnd quận, tính đến cuối tháng 9/2013, tổng thu ngân sách") == (2013, 9)
    # a cited document's month is still not the page's
    assert document_date("thực hiện kế hoạch số 12 của huyện tháng 3/2019 về nông thôn mới") is None


def test_an_english_date_line_dates_an_article_whose_text_names_no_year() -> None:
    doc = _doc(
        "Monday, March 9, 2020\n\nXã Phước Lộc đạt chuẩn nông thôn mới\n\n"
        "Xã Phước Lộc đã đạt 19/19 tiêu chí, thu nhập bình quân đầu người đạt 38,2 triệu đồng/người/năm."
    )
    assert doc.default_period == "2020"


def test_a_nine_month_title_takes_the_year_of_the_running_total_in_the_lead() -> None:
    doc = _doc(
        "Quận Tân Phú: Thu ngân sách 9 tháng ước đạt 900 tỷ đồng\n\n"
        "Theo UBND quận Tân Phú, tính đến cuối tháng 9/2014, tổng giá trị sản xuất của quận trên 9.000 tỷ."
    )
    assert doc.default_period == "2014-9M"


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


def test_a_council_session_named_by_its_term_reports_on_the_year_it_reviews() -> None:
    doc = _doc(
        "HĐND xã Tân Lập tổ chức kỳ họp thứ 5 khóa XII, nhiệm kỳ 2021 – 2026\n\nTại kỳ họp, UBND xã báo cáo "
        "tình hình thực hiện nhiệm vụ năm 2022 và phương hướng, mục tiêu, nhiệm vụ năm 2023. Năm 2022, thu "
        "ngân sách đạt 12 tỷ đồng."
    )
    assert doc.default_period == "2022"
    # a session that reviews its term, and a congress of a `khóa`, keep the term
    review = _doc(
        "Tổng kết hoạt động HĐND phường Tân Lập khóa XXIV, nhiệm kỳ 2021 - 2026\n\nTrong nhiệm kỳ qua, HĐND "
        "phường tổ chức 37 kỳ họp."
    )
    congress = _doc(
        "Sáng 13/3/2020, Đảng bộ xã Tân Lập tổ chức Đại hội Đảng bộ khóa XIII, nhiệm kỳ 2020-2025. Nhiệm kỳ "
        "qua, thu nhập bình quân đạt 40 triệu đồng; mục tiêu đến năm 2025 đạt 60 triệu đồng."
    )
    assert review.default_period == "term-2021-2026"
    assert congress.default_period == "term-2015-2020"


def test_the_term_just_past_without_its_years_is_the_term_ending_in_the_pages_year() -> None:
    congress = _doc(
        " date 2025-08-07 Lãnh đạo thành phố tặng hoa chúc mừng Đại hội.\n\nNhiệm kỳ qua, công tác xây dựng "
        "Đảng được tăng cường. Thu nhập bình quân đầu người đạt 74 triệu đồng."
    )
    council = _doc(
        " date 2026-01-22 Phó Chủ tịch HĐND phường cho biết, trong nhiệm kỳ qua, HĐND phường đã ban hành 248 "
        "nghị quyết."
    )
    assert (congress.default_period, congress.target_period) == ("term-2020-2025", "term-2025-2030")
    assert council.default_period == "term-2021-2026"
    # a page of a year no term ends in looks back on no term
    assert _doc(" date 2023-05-10 Nhiệm kỳ qua, xã đạt nhiều kết quả.").default_period == "2023"


def test_a_congress_page_setting_targets_for_the_new_term_looks_back_on_the_term_ending_in_its_year() -> None:
    doc = _doc(
        " date 2025-08-09 Lãnh đạo huyện tặng hoa chúc mừng Đại hội Đảng bộ xã Tân Lập. Tổng thu ngân sách "
        "thực hiện 5 năm đạt 120 tỷ đồng.\n\nĐảng bộ xã cũng đặt ra mục tiêu nhiệm kỳ mới, thu nhập bình "
        "quân đạt 90 triệu đồng."
    )
    assert (doc.default_period, doc.target_period) == ("term-2020-2025", "term-2025-2030")
    # a page of a new term's first year, with no congress, names the term it is carrying out
    plain = _doc(
        " date 2026-01-30 Năm 2026 là năm thực hiện các mục tiêu của nhiệm kỳ mới. Năm 2025, thu ngân sách "
        "của phường đạt 12 tỷ đồng."
    )
    assert plain.default_period == "2025"


def test_a_congress_named_with_its_term_after_a_review_word_opens_that_term() -> None:
    # the review opening the sentence is of the term before; the congress nearer the term opens it
    doc = _doc(
        " date 2025-08-20 Đánh giá nhiệm kỳ qua, Đại hội Đại biểu Đảng bộ xã Hòa Lộc lần thứ I, nhiệm kỳ "
        "2025 - 2030 nhận định, Đảng bộ và Nhân dân đã đạt nhiều kết quả. Thu nhập bình quân đạt 70 triệu "
        "đồng/người/năm."
    )
    assert (doc.default_period, doc.target_period) == ("term-2020-2025", "term-2025-2030")
    # a review of a congress's resolution is of the term that resolution set
    review = _doc(
        " date 2025-06-20 Đánh giá kết quả thực hiện Nghị quyết Đại hội Đảng bộ xã Hòa Lộc nhiệm kỳ "
        "2020 - 2025, thu nhập bình quân đạt 70 triệu đồng/người/năm."
    )
    assert review.default_period == "term-2020-2025"


def test_a_sentence_fronted_by_the_term_it_reviews_dates_a_page_of_the_terms_end() -> None:
    doc = _doc(
        " date 2025-12-18 Nhiệm kỳ 2020-2025, Đảng bộ và nhân dân xã Tân Lập đạt nhiều kết quả. Thu "
        "nhập bình quân đầu người đạt 47,6 triệu đồng.\n\nĐảng bộ xã nhiệm kỳ 2025-2030 đặt mục tiêu đến năm "
        "2030 thu nhập bình quân đầu người đạt 58 triệu đồng."
    )
    assert (doc.default_period, doc.target_period) == ("term-2020-2025", "term-2025-2030")


def test_a_plan_for_the_year_after_the_pages_date_reports_on_the_pages_year() -> None:
    doc = _doc(
        "Nghị quyết của Ban Chấp hành Đảng bộ về nhiệm vụ phát triển kinh tế - xã hội năm 2020\n06:12, "
        "01/12/2019\nI. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM 2019\nThu ngân sách đạt 12 tỷ đồng."
    )
    assert doc.default_period == "2019"


def test_a_page_of_january_naming_its_own_year_first_reports_on_the_year_before() -> None:
    doc = _doc(
        "28/01/2026 - 07:29\nXã Tân Lập họp mặt mừng Xuân năm 2026. Năm 2025, thu ngân sách đạt 12 tỷ đồng."
    )
    assert doc.default_period == "2025"
    # a page of later months keeps its own year
    assert _doc("28/06/2026\nHội nghị năm 2026. Năm 2025, xã đạt 12 tỷ đồng.").default_period == "2026"


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


def test_an_undated_text_is_of_the_latest_year_it_reports_achieved() -> None:
    from ingest.extract import extract_mentions

    text = (
        "Tính tới nay, toàn huyện có 13/13 xã đạt chuẩn nông thôn mới. Cụ thể năm 2015: nông nghiệp 8%.\n"
        "Đối với thị xã, đến cuối năm 2016, đơn vị này có 5/5 xã đạt chuẩn nông thôn mới."
    )
    assert _doc(text).default_period == "2016"
    found = {m.value: (m.kind, m.period) for m in extract_mentions(text)}
    assert found[13.0] == ("actual", "2016")
    assert found[5.0] == ("actual", "2016")  # "đến cuối năm 2016" is no target in a text of 2016


def test_a_forecast_to_a_year_end_does_not_date_an_undated_text() -> None:
    doc = _doc(
        "Tính đến hết năm 2018, toàn tỉnh có 15 xã đạt chuẩn nông thôn mới. Dự kiến đến hết năm 2020 có "
        "thêm 10 xã đạt chuẩn; mục tiêu đến hết năm 2020 có 50 xã đạt chuẩn."
    )
    assert doc.default_period == "2018"


def test_the_term_named_with_its_congress_is_the_documents_over_one_named_before() -> None:
    # a site's banner naming the resolution carried out comes first; the congress is held for the next term
    banner = _doc(
        "Quyết tâm thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI, nhiệm kỳ 2015 - 2020\n\n"
        "Đại hội đại biểu Đảng bộ xã Tân Lập nhiệm kỳ 2020-2025\n\n"
        "Trong 2 ngày 19 và 20/5, Đảng bộ xã tổ chức Đại hội. Tốc độ tăng trưởng kinh tế hằng năm tăng 13%."
    )
    assert (banner.default_period, banner.target_period) == ("term-2015-2020", "term-2020-2025")
    # the new committee's `khóa …, nhiệm kỳ` comes first; the congress of the same term is named after it
    committee = _doc(
        " date 2025-09-25 Chiều 25/9, Ban Chấp hành Đảng bộ tỉnh khóa XVIII, nhiệm kỳ 2025-2030, bầu Ban "
        "Thường vụ.\n\nĐại hội Đại biểu Đảng bộ tỉnh lần thứ XVIII, nhiệm kỳ 2025-2030 khai mạc.\n\nGRDP "
        "bình quân đầu người đạt 71,1 triệu đồng, tăng 26,9 triệu đồng so với năm 2020."
    )
    assert committee.default_period == "term-2020-2025"


def test_a_running_total_to_the_last_day_of_a_part_in_the_opening_is_the_documents_part() -> None:
    yearless = _doc(
        " date 2024-10-05 Theo báo cáo của UBND huyện, ước tính đến ngày 30-9, tổng diện tích gieo trồng "
        "toàn huyện là 77 ngàn ha. Tổng thu ngân sách trên địa bàn được 59 tỷ đồng."
    )
    assert yearless.default_period == "2024-9M"
    written = _doc(
        "Thêm 4 xã hoàn thành 19/19 tiêu chí\n\n10:06, 09/07/2018\n\nNhư vậy, tính đến cuối tháng 6/2018, "
        "toàn tỉnh đã có 41/88 xã được công nhận đạt chuẩn nông thôn mới."
    )
    assert written.default_period == "2018-H1"
    # a date that closes no part stays the year's
    may = _doc(" date 2024-06-02 Tính đến ngày 31/5, thu ngân sách đạt 12 tỷ đồng.")
    assert may.default_period != "2024-H1"


def test_a_term_fronting_a_sentence_of_results_in_a_congress_is_the_term_reviewed() -> None:
    reviewed = _doc(
        "Đại hội Đảng bộ tỉnh khai mạc sáng nay. Đồng chí Lâm Văn Mẫn, Ủy viên dự khuyết Trung ương Đảng, "
        "Phó Bí thư Thường trực Tỉnh uỷ cho biết, trong "
        "nhiệm kỳ 2015-2020, Đảng bộ và nhân dân tỉnh đã tập trung thực hiện các mục tiêu. Tốc độ tăng "
        "trưởng kinh tế bình quân là 6,15%/năm."
    )
    assert reviewed.default_period == "term-2015-2020"
    # the new term's targets fronted the same way stay the term the congress opens
    opened = _doc(
        "Đại hội đại biểu Đảng bộ tỉnh. Nhiệm kỳ 2020-2025, tỉnh phấn đấu tốc độ tăng trưởng kinh tế bình "
        "quân 7%/năm."
    )
    assert opened.default_period == "term-2015-2020"


def test_a_fronted_term_whose_sentence_sets_targets_is_still_the_term_a_congress_opens() -> None:
    doc = _doc(
        "Đại hội đại biểu Đảng bộ xã Tân Lập khai mạc sáng nay. Đồng chí Bí thư Đảng ủy cho biết, nhiệm kỳ "
        "2020-2025, Đảng bộ xã đã đề ra 15 chỉ tiêu chủ yếu; thu nhập bình quân đạt 60 triệu đồng/người/năm."
    )
    assert doc.default_period == "term-2015-2020"


def test_six_months_written_with_its_year_is_the_half_year() -> None:
    doc = _doc(
        "Họp UBND huyện đánh giá nhiệm vụ kinh tế - xã hội 6 tháng năm 2024\n\nTheo báo cáo, trong 6 tháng "
        "năm 2024 tổng giá trị sản xuất toàn huyện ước đạt 1.415 tỷ đồng, đạt 44,9% kế hoạch."
    )
    assert doc.default_period == "2024-H1"
    # a bare `6 tháng` is a duration, not the first half
    assert phrase_period("sau 6 tháng, năm 2024 xã đạt 19 tiêu chí", 2024, None) == (13, "2024")


def test_the_first_months_written_with_their_year_are_a_running_total_to_the_months_end() -> None:
    # a monthly statistics report names the month and the months so far, the year after them
    doc = _doc(
        "Tình hình kinh tế - xã hội tháng 8, 8 tháng năm 2022 tỉnh Yên Thành\n\nƯớc 8 tháng/2022, tổng thu "
        "ngân sách trên địa bàn đạt 2.140 tỷ đồng, bằng 71,2% dự toán."
    )
    assert doc.default_period == "as-of:2022-08-31"
    assert phrase_period("ước 8 tháng/2022, tổng thu ngân sách", 2022, None) == (4, "as-of:2022-08-31")
    # the months written in words; `mười bảy` is no seven
    assert phrase_period("tháng tư và bốn tháng năm 2021", 2021, None) == (12, "as-of:2021-04-30")
    assert phrase_period("mười một tháng năm 2020 đạt", 2020, None) == (0, "as-of:2020-11-30")
    assert phrase_period("sau mười bảy tháng năm 2020", 2020, None) == (19, "2020")
    # without its year or `đầu năm`, a count of months is a duration
    assert phrase_period("sau 8 tháng triển khai, năm 2022 đạt", 2022, None) == (24, "2022")


def test_parts_named_together_report_the_longest_part() -> None:
    # a statistics office's title names the quarter that ends the half year and the half year
    half = _doc(
        "Tình hình kinh tế - xã hội tháng 06, quý II và 6 tháng đầu năm năm 2019\n\nGRDP ước đạt 26.677 tỷ "
        "đồng, tăng 9,30% so với cùng kỳ."
    )
    assert half.default_period == "2019-H1"
    # the quarter a meeting plans for, whose year the yearless nine months take
    nine = _doc(
        "Sáng 10.10, Thành ủy tổ chức Hội nghị đánh giá tình hình thực hiện các mặt công tác 9 tháng đầu "
        "năm; bàn nhiệm vụ trọng tâm quý IV-2019. Thu ngân sách đạt gần 1.300 tỷ đồng."
    )
    assert nine.default_period == "2019-9M"
    # a first quarter's report planning the half year stays the quarter's
    first = _doc("Kết quả quý I năm 2023 và nhiệm vụ 6 tháng đầu năm 2023. Thu ngân sách đạt 38,6 tỷ đồng.")
    assert first.default_period == "2023-Q1"


def test_a_page_carrying_out_a_congress_resolution_is_of_its_dates_year() -> None:
    # `Nghị quyết Đại hội` names the resolution being carried out: no congress opens the term here
    studied = _doc(
        " date 2025-09-17 Xã Quảng Bình quán triệt Nghị quyết Đại hội đại biểu Đảng bộ xã lần thứ I\n\n"
        "Sáng 17/9, Đảng bộ xã tổ chức hội nghị quán triệt Nghị quyết Đại hội Đại biểu Đảng bộ xã lần thứ I, "
        "nhiệm kỳ 2025-2030. Xã có diện tích tự nhiên 23,51 km2, dân số trên 38 nghìn người."
    )
    assert studied.default_period == "2025"
    # a congress held opens its term: its results are the term before
    held = _doc(
        " date 2025-09-17 Đại hội đại biểu Đảng bộ xã lần thứ I, nhiệm kỳ 2025-2030\n\nSáng 17/9, Đại hội "
        "đại biểu Đảng bộ xã lần thứ I, nhiệm kỳ 2025-2030 khai mạc. Xã có dân số trên 38 nghìn người."
    )
    assert held.default_period == "term-2020-2025"


def test_a_quarter_in_the_older_spelling_is_the_documents_part() -> None:
    # `quí` is `quý` written the older way: a title's `quí I năm 2024` makes the page a first quarter's
    doc = _doc(
        "Kinh tế, xã hội huyện tiếp tục phát triển ổn định trong quí I năm 2024\nNăm 2024 là năm thứ tư "
        "triển khai thực hiện Nghị quyết. Đến nay, huyện thu hoạch được 2.963,7 ha."
    )
    assert doc.default_period == "2024-Q1"


def test_a_term_named_as_the_resolution_being_carried_out_leaves_the_pages_own_year() -> None:
    # the page reports a year, then measures it against the term's resolution: the year, not the term
    news = _doc(
        "Theo kết quả rà soát, cuối năm 2024, huyện còn 1.950 hộ nghèo, chiếm 9,06% tổng số hộ. Mức giảm này "
        "chưa đạt so với mục tiêu của Nghị quyết Đại hội Đảng bộ huyện lần thứ XVII, nhiệm kỳ 2020-2025 đã "
        "đề ra là giảm 3,5%/năm."
    )
    assert news.default_period == "2024"
    report = _doc(
        "Tốc độ tăng trưởng kinh tế năm 2019 ước đạt 9,1%. Tỷ lệ hộ nghèo còn 3,85%.\n\nHuyện ủy cho biết, "
        "thực hiện Nghị quyết Đại hội Đảng bộ huyện, trong nhiệm kỳ 2015 – 2020, các chỉ tiêu đều đạt."
    )
    assert report.default_period == "2019"
    # a congress held, named with its term, still opens it
    held = _doc(
        "Năm 2020, Đại hội đại biểu Đảng bộ xã lần thứ XX, nhiệm kỳ 2020-2025 đã thành công. Thu nhập bình "
        "quân đạt 45 triệu đồng."
    )
    assert held.default_period == "term-2015-2020"


def test_a_target_met_in_a_page_naming_its_term_does_not_open_the_term() -> None:
    # a committee of the 2020-2025 term reviewing a year: its figures measured against a goal
    # (`mục tiêu`) do not make the page a congress opening the term
    doc = _doc(
        "Ban Chấp hành Đảng bộ xã Tân Lập, nhiệm kỳ 2020 - 2025 họp hội nghị lần thứ 9. Năm 2021, "
        "thu nhập bình quân đạt 40 triệu đồng/người, đạt 102% mục tiêu nghị quyết."
    )
    assert doc.default_period == "2021"


def test_a_years_review_in_a_page_naming_its_term_does_not_close_the_term() -> None:
    # `tổng kết công tác năm 2022` reviews a year; only the term's own sentence (`tổng kết nhiệm kỳ …`)
    # or a look back on the whole term closes it
    year = _doc(
        "Ngày 15/12, Ban Chấp hành Đảng bộ xã Tân Lập, nhiệm kỳ 2020 - 2025 tổ chức hội nghị tổng kết công "
        "tác năm 2022. Năm 2022, thu nhập bình quân đạt 40 triệu đồng/người."
    )
    assert year.default_period == "2022"
    term = _doc(
        "Hội nghị tổng kết nhiệm kỳ 2016 - 2021 của HĐND xã Tân Lập. Thu nhập bình quân đạt 40 triệu đồng."
    )
    assert term.default_period == "term-2016-2021"


def test_an_opening_whose_only_year_is_a_plans_dates_its_targets_that_year() -> None:
    from ingest.extract import extract_mentions

    text = (
        "Kỳ họp thứ 9, HĐND huyện Tân Lập thông qua nghị quyết về nhiệm vụ phát triển kinh tế - xã hội năm "
        "2026.\nHuyện đặt mục tiêu tổng vốn đầu tư đạt 900 tỷ đồng.\n\nThu ngân sách trên địa bàn phấn đấu "
        "đạt 120 tỷ đồng; phấn đấu có thêm 3 xã đạt chuẩn nông thôn mới nâng cao."
    )
    doc = _doc(text)
    assert (doc.default_period, doc.target_period) == ("2026", "2026")
    targets = [m for m in extract_mentions(text) if m.kind == "target"]
    assert targets and {m.period for m in targets} == {"2026"}
    # an opening that reviews one year's tasks and names the next sets its targets for the next
    doc = _doc(
        "HĐND huyện Tân Lập họp đánh giá tình hình thực hiện nhiệm vụ năm 2025, triển khai nhiệm vụ năm "
        "2026.\nNăm 2025, thu ngân sách đạt 110 tỷ đồng."
    )
    assert (doc.default_period, doc.target_period) == ("2025", "2026")


def test_a_reported_years_words_are_whole_words() -> None:
    # `cả` inside `cải`/`cảnh` says nothing of the year: a status year in a later page is the page's year
    doc = _doc(
        " date 2024-06-15 Xã Tân Lập đạt chuẩn nông thôn mới năm 2022, công tác cải cách hành chính năm 2022 "
        "được ghi nhận. Thu ngân sách đạt 12 tỷ đồng."
    )
    assert doc.default_period == "2024"
    # the whole word reports on that year
    doc = _doc(" date 2024-06-15 Kết quả cả năm 2022, xã đạt chuẩn nông thôn mới. Thu ngân sách đạt 12 tỷ.")
    assert doc.default_period == "2022"


def test_a_weekday_date_line_is_no_place_date_header() -> None:
    from ingest.extract import extract_metadata

    # a site's date line (its clock, when it shows the day the page was read) names no issuing place
    meta = extract_metadata("Thứ Sáu, ngày 23 tháng 08 năm 2019, 09:25:27\nHội nghị sơ kết nửa nhiệm kỳ.")
    assert (meta.issue_place, meta.issue_year) == (None, None)
    assert extract_metadata("Chủ nhật, ngày 5 tháng 5 năm 2024\nTin tức").issue_year is None
    assert extract_metadata("Thái Bình, ngày 23 tháng 08 năm 2019\nBÁO CÁO").issue_year == 2019
