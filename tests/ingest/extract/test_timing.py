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
