"""Vietnamese numbers and quantities: separators, ranges, ratios, scale words, non-quantities."""

from __future__ import annotations

import pytest

from ingest.extract.numbers import find_quantities, parse_vn_number


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1.936", 1936.0),
        ("45,7", 45.7),
        ("1.152,1", 1152.1),
        ("4.807.887.427", 4807887427.0),
        ("6.053.000.000", 6053000000.0),
        ("9,876", 9.876),
        ("8.58", 8.58),
        ("01", 1.0),
        ("58.500", 58500.0),
    ],
)
def test_parse_vn_number(raw: str, expected: float) -> None:
    assert parse_vn_number(raw) == pytest.approx(expected)


def _quantities(text: str) -> list[tuple[float, float | None, float | None, str, str]]:
    return [
        (q.value, q.value_high, q.of_total, q.unit.unit, q.unit.base_unit)
        for q in find_quantities(text, text.lower())
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sản lượng đạt 1.936 tấn", [(1936.0, None, None, "tấn", "t")]),
        ("gieo trồng 927/912 ha", [(927.0, None, 912.0, "ha", "ha")]),
        ("diện tích 1.152,1/1.152,1 ha", [(1152.1, None, 1152.1, "ha", "ha")]),
        ("thành lập 4-5 doanh nghiệp", [(4.0, 5.0, None, "doanh nghiệp", "count")]),
        ("tốc độ tăng trưởng 9 - 9,5%", [(9.0, 9.5, None, "%", "%")]),
        # the unit written after both numbers: one range, not two figures
        ("tỷ trọng dịch vụ chiếm khoảng 62% - 64%", [(62.0, 64.0, None, "%", "%")]),
        ("thu từ 40%-45% dự toán", [(40.0, 45.0, None, "%", "%")]),
        ("lúa 12 ha - ngô 8 ha", [(12.0, None, None, "ha", "ha"), (8.0, None, None, "ha", "ha")]),
        ("giảm từ 8 ha - 5 ha", [(8.0, None, None, "ha", "ha"), (5.0, None, None, "ha", "ha")]),
        ("tổng số tiền 4.807.887.427, đồng", [(4807887427.0, None, None, "đồng", "VND")]),
        ("gần 24 nghìn tấn", [(24.0, None, None, "nghìn tấn", "t")]),
        ("năng suất 62 tạ/ha", [(62.0, None, None, "tạ/ha", "t/ha")]),
        ("thu nhập 67 triệu đồng/người/năm", [(67.0, None, None, "triệu đồng/người/năm", "VND/person/year")]),
        ("trồng mới trên 85ha chủ yếu", [(85.0, None, None, "ha", "ha")]),
        ("đạt 91%KH", [(91.0, None, None, "%", "%")]),
        ("hoàn thành 10/19 tiêu chí", [(10.0, None, 19.0, "tiêu chí", "count")]),
        ("bồi dưỡng 44 đồng chí", [(44.0, None, None, "đồng chí", "count")]),
        ("đường 1.200 m2", [(1200.0, None, None, "m2", "ha")]),
        ("tiếp sóng 3 lần/ngày", [(3.0, None, None, "lần/ngày", "other")]),
        # names7: hamlets of the south and the highlands, a ward's quarters
        ("2/4 khóm đạt văn hóa", [(2.0, None, 4.0, "khóm", "count")]),
        (
            "xã có 12 buôn và 3 khu phố",
            [(12.0, None, None, "buôn", "count"), (3.0, None, None, "khu phố", "count")],
        ),
        ("huyện có 33 thôn, xóm đạt chuẩn", [(33.0, None, None, "thôn, xóm", "count")]),
        ("hợp nhất 4 xã, thị trấn", [(4.0, None, None, "xã, thị trấn", "count")]),
        (
            "Hội viên PN: 1.783; Đội viên: 1.450.",
            [(1783.0, None, None, "hội viên", "count"), (1450.0, None, None, "đội viên", "count")],
        ),
    ],
)
def test_quantities(text: str, expected: list[tuple]) -> None:
    assert _quantities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Nghị quyết số 04-NQ/ĐU ngày 30/12/2022",
        "Số 04 - KL/ĐU",
        "Nghị quyết số 09-NQ/TU, ngày 27/6/2012",
        "kỷ niệm 93 năm thành lập Đảng",
        "nhiệm kỳ 2021 - 2026",
        "Nghị quyết Trung ương 4 (khóa XII, XIII)",
        "SĐT: 0977916732",
        "Tất cả:\n158881",
        "Ngày 13/08/2023 22:14:53",
        "1. Thu ngân sách trên địa bàn hằng năm đạt chỉ tiêu huyện giao.",
        "1.1. Hoạt động sản xuất",
        "theo kế hoạch[1];",
        "phòng chống dịch Covid-19 trong tình hình mới",
        "trẻ em dưới 5 tuổi",
        "sản phẩm đạt 3 sao",
        "đợt 1 năm 2023",
        "tuyến đường số 4 đang thi công",
        "Trường Mầm non xếp thứ 17",
        "kỷ niệm 20/10 và 8/3",
        "thôn 4 - thôn 6",
        "HĐND huyện Long Hải, khóa 2 tổ chức kỳ họp chuyên đề",
        "HĐND xã Tân Lập khoá 20, nhiệm kỳ 2016 - 2021",
    ],
)
def test_not_quantities(text: str) -> None:
    assert _quantities(text) == []


def test_counts_that_point_back_are_no_quantities() -> None:
    from ingest.extract.numbers import find_quantities

    for text in (
        "Trong 3 xã này, Bình Trung dẫn đầu.",
        "4 xã trên đã hoàn thành 19/19 tiêu chí.",
        "Đây là 2 bản đầu tiên.",
    ):
        values = [q.value for q in find_quantities(text, text.lower())]
        assert values in ([], [19.0]), text
    assert [
        q.value for q in find_quantities("Có 4 xã trên địa bàn huyện.", "có 4 xã trên địa bàn huyện.")
    ] == [4.0]


@pytest.mark.parametrize(
    "text",
    [
        "Trong 2 ngày 14 và 15/6 Đảng bộ xã tổ chức đại hội",  # a day and a month, not a ratio
        "Đây là 1 trong 3 đơn vị được chọn làm điểm",  # the whole one unit is taken from
    ],
)
def test_dates_and_one_of_wholes_are_no_quantities(text: str) -> None:
    assert [q for q in _quantities(text) if q[4] == "count"] == []


def test_a_ratio_without_a_day_word_stays_a_ratio() -> None:
    assert _quantities("hoàn thành 27/30 hồ sơ") == [(27.0, None, 30.0, "hồ sơ", "count")]


def test_a_count_written_in_two_scales_is_one_quantity() -> None:
    # names9: "49 ngàn 890 hộ" is 49.89 nghìn hộ, not 49 ngàn (money) and 890 hộ
    text = "toàn thành phố có 49 ngàn 890 hộ gia đình đạt gia đình văn hóa"
    qs = find_quantities(text, text)
    assert [(q.value, q.unit.unit, q.unit.factor) for q in qs] == [(49.89, "ngàn hộ gia đình", 1000.0)]
    text = "thu ngân sách 254 triệu 700 nghìn đồng"
    assert [(q.value, q.unit.unit) for q in find_quantities(text, text)] == [(254.7, "triệu đồng")]


def test_boarding_houses_are_counted() -> None:
    # names9: "khu nhà trọ" (Bình Dương's cultured boarding-house campaign) is a counted noun
    text = "có 2.105/2.140 khu nhà trọ đạt khu nhà trọ văn hóa"
    qs = find_quantities(text, text)
    assert [(q.value, q.of_total, q.unit.unit, q.unit.base_unit) for q in qs] == [
        (2105.0, 2140.0, "khu nhà trọ", "count")
    ]


def test_party_organisations_of_two_kinds_are_one_counted_noun() -> None:
    # names9: like "thôn, xóm": "49 chi bộ, đảng bộ trực thuộc" counts both kinds together
    text = "đảng bộ phường có 49 chi bộ, đảng bộ trực thuộc; tổ chức xong 504/504 đảng bộ, chi bộ cơ sở"
    qs = find_quantities(text, text)
    assert [(q.value, q.unit.unit) for q in qs] == [
        (49.0, "chi bộ, đảng bộ"),
        (504.0, "đảng bộ, chi bộ cơ sở"),
    ]
