"""The period a mention is about (`ingest.extract.timing`)."""

from __future__ import annotations

from ingest.extract import extract_mentions


def _periods(text: str) -> dict[float, tuple[str, str]]:
    return {m.value: (m.kind, m.period) for m in extract_mentions(text)}


def test_a_year_before_a_colon_dates_every_item_of_the_list_after_it() -> None:
    found = _periods(
        "Xã Tân Hòa, ngày 20 tháng 12 năm 2016\n"
        "Cơ cấu kinh tế chuyển dịch đúng hướng, cụ thể năm 2015: công nghiệp 70,5%, dịch vụ 19,4%, nông "
        "nghiệp 10,1%. Năm 2016, thu nhập bình quân đạt 41 triệu đồng."
    )
    assert found[70.5] == ("actual", "2015")
    assert found[19.4] == ("actual", "2015")
    assert found[10.1] == ("actual", "2015")
    assert found[41.0] == ("actual", "2016")


def test_a_period_inside_the_list_wins_over_the_year_before_its_colon() -> None:
    found = _periods(
        "Xã Tân Hòa, ngày 20 tháng 12 năm 2016\n"
        "Kết quả năm 2015: thu nhập bình quân 38 triệu đồng, 6 tháng đầu năm 2016 đạt 21 triệu đồng."
    )
    assert found[38.0][1] == "2015"
    assert found[21.0][1] == "2016-H1"


def test_the_closing_year_fronting_a_sentence_of_a_congress_dates_it_and_only_it() -> None:
    found = _periods(
        "Đại hội đại biểu Đảng bộ xã Hòa Lạc lần thứ XIV, nhiệm kỳ 2020 - 2025\n"
        "Nhiệm kỳ 2015 - 2020, kinh tế của xã phát triển khá. Đến năm 2020 trên địa bàn xã có 52/310 hộ "
        "nghèo, tỷ lệ hộ nghèo còn 16,8%; cận nghèo 31/310 hộ. Đến nay có 8/8 nhà văn hóa thôn."
    )
    assert found[52.0] == ("actual", "2020")
    assert found[31.0] == ("actual", "2020")  # the `;`-part of the same sentence
    assert found[8.0] == ("actual", "term-2015-2020")  # the next sentence is back to the term
