"""The document's own period is one decision, whichever way the page's title and date arrive."""

from __future__ import annotations

import pytest

from ingest.extract import extract_mentions, extract_metadata
from ingest.extract.context import Doc
from ingest.extract.own_period import page_date, title_line

CONGRESS_TITLE = "Đại hội đại biểu Đảng bộ xã Tân Lập lần thứ XV, nhiệm kỳ 2025-2030"
CONGRESS = (
    "Ngày 12/7, Đảng bộ xã Tân Lập tổ chức Đại hội đại biểu lần thứ XV, nhiệm kỳ 2025-2030.\n\n"
    "Nhiệm kỳ qua, thu nhập bình quân đầu người đạt 62 triệu đồng. Tỷ lệ hộ nghèo giảm còn 1,2%.\n"
)
PLAN_NEWS_TITLE = "HĐND xã Tân Lập thông qua chỉ tiêu phát triển kinh tế - xã hội năm 2025"
PLAN_NEWS = (
    "Ngày 20/12, HĐND xã Tân Lập tổ chức kỳ họp thứ 9.\n\n"
    "Trong năm, thu ngân sách đạt 12 tỷ đồng. Tổng sản lượng lương thực đạt 3.100 tấn.\n"
)


def _periods(text: str, title: str | None, published_at: str | None) -> tuple[str | None, str, list[str]]:
    meta = extract_metadata(text, title=title, published_at=published_at)
    doc = Doc.read(text, title, published_at, meta)
    facts = extract_mentions(text, title=title, published_at=published_at, metadata=meta)
    return meta.default_period, doc.default_period, [f"{m.value:g} {m.kind} {m.period}" for m in facts]


YEAR_END_TITLE = "Xã Tân Lập tổng kết công tác năm 2023"
YEAR_END = (
    "Sáng 8/1, UBND xã Tân Lập tổ chức hội nghị tổng kết.\n\nNăm 2023, thu ngân sách đạt 12 tỷ đồng. Năm "
    "2024, tổng sản lượng lương thực 3.200 tấn.\n"
)


@pytest.mark.parametrize(
    ("title", "body", "published_at", "date_line", "expected"),
    [
        (CONGRESS_TITLE, CONGRESS, "2025-07-14T08:00:00+07:00", "14/07/2025 08:00", ["term-2020-2025"] * 2),
        # a year named in its sentence after the page's year is no target's when the page is of that year
        (YEAR_END_TITLE, YEAR_END, "2024-01-10T08:00:00+07:00", "10/01/2024 08:00", ["2023", "2024"]),
    ],
)
def test_the_title_and_date_as_arguments_or_as_first_lines_give_one_period(
    title: str, body: str, published_at: str, date_line: str, expected: list[str]
) -> None:
    given = _periods(body, title, published_at)
    written = _periods(f"{title}\n{date_line}\n\n{body}", None, None)
    both = _periods(f"{title}\n{date_line}\n\n{body}", title, published_at)
    assert given == written == both
    stored, used, facts = given
    assert stored == used == expected[0]  # the stored default is the one the facts fall back to
    assert [f.split()[1:] for f in facts] == [["actual", period] for period in expected]


def test_an_article_on_next_years_plan_reports_on_its_own_year() -> None:
    # a December article on a resolution for 2025: the year's results are of 2024, its page date's year
    stored, _, facts = _periods(PLAN_NEWS, PLAN_NEWS_TITLE, "2024-12-20T08:00:00+07:00")
    assert stored == "2024" and facts == ["12 actual 2024", "3100 actual 2024"]


def test_a_title_written_near_the_top_is_not_read_twice() -> None:
    assert title_line("Xã Tân Lập  tổng kết năm 2023", "Trang chủ\nXÃ TÂN LẬP TỔNG KẾT NĂM 2023\n…") == ""
    assert title_line("Xã Tân Lập tổng kết năm 2023", "Sáng 8/1, …") == "Xã Tân Lập tổng kết năm 2023\n"
    assert title_line(None, "…") == title_line("  ", "…") == ""


def test_page_date_reads_the_cleaners_iso_date() -> None:
    assert page_date("2024-01-08T08:00:00+07:00") == (2024, 1)
    assert page_date("2023") == (2023, 1)
    assert page_date("Thứ Hai") is None and page_date(None) is None


def test_a_dated_page_whose_opening_names_a_term_first_reads_its_yearless_parts_in_its_own_year() -> None:
    # the term named first (`khóa XX, nhiệm kỳ 2020 - 2025`) is no reference year when the page's date or
    # the opening dates the text: `6 tháng đầu năm` on a page of July 2023 is 2023-H1 (the gold rules: the
    # default comes from the title, date and opening), not 2020-H1
    text = (
        "Ngày 5/7, Ban Chấp hành Đảng bộ huyện Tân Lập khóa XX, nhiệm kỳ 2020 - 2025 tổ chức hội nghị "
        "lần thứ 18.\n\n6 tháng đầu năm, thu ngân sách trên địa bàn huyện đạt 420 tỷ đồng.\n"
    )
    meta = extract_metadata(text, published_at="2023-07")
    assert meta.reference_year == 2023
    facts = extract_mentions(text, published_at="2023-07", metadata=meta)
    assert [(m.value, m.period) for m in facts] == [(420.0, "2023-H1")]


def test_an_undated_congress_still_takes_its_terms_first_year_as_its_year() -> None:
    meta = extract_metadata(CONGRESS_TITLE + "\n" + CONGRESS.replace("Ngày 12/7, ", ""))
    assert meta.reference_year == 2025


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # a conference handing out next year's plan targets, its text reviewing the year before
        (
            "Xã Tân Lập: Hội nghị giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2026.",
            "Năm 2025, UBND xã đã triển khai đồng bộ các giải pháp. Thu ngân sách trên địa bàn đạt 14,2 tỷ "
            "đồng. Tỷ lệ hộ nghèo giảm còn 1,8%.\n",
        ),
        # an emulation pact for the new year, then the results of the year just closed
        (
            None,
            "Ký kết giao ước thi đua năm 2026.\n\nNăm 2025, Đảng bộ xã Tân Lập hoàn thành các chỉ tiêu "
            "đề ra. Thu ngân sách trên địa bàn đạt 14,2 tỷ đồng. Tỷ lệ hộ nghèo giảm còn 1,8%.\n",
        ),
    ],
)
def test_an_undated_text_opening_on_a_plans_year_reports_on_the_year_before(
    title: str | None, body: str
) -> None:
    # the gold rules: a page's results are of the year it reports on, and an undated text is dated by its
    # opening; a year named first as the one a plan is for (`giao chỉ tiêu kế hoạch … năm 2026`) is not
    # that year when the text goes on to the year before's results
    stored, _, facts = _periods(body, title, None)
    assert stored == "2025" and facts == ["14.2 actual 2025", "1.8 actual 2025"]


def test_an_undated_text_opening_on_a_year_with_no_plan_word_keeps_it() -> None:
    # `Năm 2026, …` fronting its own results, then a comparison with the year before: no plan, no shift
    body = (
        "Năm 2026, xã Tân Lập đạt nhiều kết quả. Thu ngân sách trên địa bàn đạt 14,2 tỷ đồng, cao hơn năm "
        "2025 là 1,1 tỷ đồng.\n"
    )
    stored, _, _ = _periods(body, None, None)
    assert stored == "2026"


# the description an article opens with (no year in it), longer than the opening the document is read from
PROFILE = "Huyện có 7 xã và thị trấn, 43 ấp và khu phố, phía Đông giáp huyện Phú Giáo. " * 40


@pytest.mark.parametrize(
    ("body", "year"),
    [
        # a decree it cites comes first; its data is to a later date, past its opening
        (
            "Huyện Tân Lập được thành lập theo Nghị quyết số 12/NQ-CP ngày 10/3/2013 của Chính phủ. "
            + PROFILE
            + "\nTính đến 31/12/2020, huyện thu hút 120 dự án với tổng vốn 8.000 tỷ đồng.\n",
            "2020",
        ),
        # a date with its month only
        ("Đến đầu tháng 3-2020, tỷ lệ hộ nghèo của huyện Tân Lập giảm còn 4%.\n", "2020"),
        # a crop season with its year, written with a hyphen
        ("Trong vụ hè-thu 2019, xã Tân Lập gieo trồng 1.200 ha lúa, đạt 101% kế hoạch.\n", "2019"),
        # a season across two years is of the year it is harvested in
        ("Vụ đông xuân 2021 - 2022, toàn huyện gieo cấy 3.400 ha, tăng 2% so với cùng kỳ.\n", "2022"),
    ],
)
def test_an_undated_text_with_nothing_else_dating_it_is_of_the_latest_date_it_writes(
    body: str, year: str
) -> None:
    stored, used, _ = _periods(body, None, None)
    assert stored == used == year


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # constant prices of a base year measure the value; the comparison with the year before dates the text
        (
            "Tổng sản phẩm trên địa bàn (GRDP - giá so sánh năm 2010) ước đạt 9.120 tỷ đồng, tăng 7,1% so "
            "với cùng kỳ năm 2021. Giá trị sản xuất nông nghiệp 6 tháng đầu năm ước đạt 2.140 tỷ đồng.\n",
            "2022-H1",
        ),
        # a comparison written `so sánh với` is one all the same
        (
            "Tổng thu ngân sách ước đạt 310 tỷ đồng, so sánh với năm 2019 tăng 12%.\n",
            "2020",
        ),
    ],
)
def test_an_undated_text_is_dated_by_its_comparison_not_by_its_price_base(body: str, expected: str) -> None:
    stored, used, _ = _periods(body, None, None)
    assert stored == used == expected


MONTHS_PAST = (
    "Trong 3 tháng qua, thu ngân sách trên địa bàn huyện đạt 28,4% dự toán. Tổng thu ngân sách ước đạt 96 tỷ "
    "đồng, tăng 12% so với cùng kỳ.\n"
)


@pytest.mark.parametrize(
    ("body", "published_at", "expected"),
    [
        # a page dated just after the first quarter, its opening's months counted without `đầu năm`
        (MONTHS_PAST, "2021-04-08T13:04:27+07:00", "2021-Q1"),
        # a half, on a page of its last days
        (MONTHS_PAST.replace("Trong 3 tháng qua", "Trong 6 tháng"), "2021-06-29T17:04:00+07:00", "2021-H1"),
        # a page dated long after: the months are any three, not the year's first
        (MONTHS_PAST, "2021-08-20T09:00:00+07:00", "2021"),
        # months to come are no part reported on
        (MONTHS_PAST.replace("Trong 3 tháng qua", "Trong 3 tháng tới"), "2021-04-08T13:04:27+07:00", "2021"),
    ],
)
def test_a_dated_page_counting_the_months_just_past_reports_on_that_part_of_its_year(
    body: str, published_at: str, expected: str
) -> None:
    stored, used, _ = _periods(body, None, published_at)
    assert stored == used == expected
