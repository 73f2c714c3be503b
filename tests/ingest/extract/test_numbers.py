"""Vietnamese numbers and quantities: separators, ranges, ratios, scale words, counted nouns, and which
numbers are no figures (list markers, dates, a bound that is a rate's own value)."""

from __future__ import annotations

import pytest

from ingest.extract import extract_mentions
from ingest.extract.numbers import find_quantities, parse_vn_number
from ingest.records import DocumentMetadata

YEAR_2024 = DocumentMetadata(default_period="2024", issue_year=2024, terms=["2020-2025"])


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


def test_places_named_after_their_count_are_counted_but_not_where_a_body_or_territory_holds_them() -> None:
    # the gold rules' item 191: the count of the units named after it is a fact; `HĐND 2 huyện A, B`,
    # `trên địa bàn 03 xã A, B` only say whose body or territory it is; `NTM` after the noun names none
    assert _quantities("Đoàn đã thẩm định 2 xã Tân Mỹ và Tân Hòa") == [(2.0, None, None, "xã", "count")]
    assert _quantities("HĐND 2 huyện Tân Mỹ, Tân Hòa tổ chức kỳ họp") == []
    assert _quantities("trên địa bàn 03 xã Tân Mỹ, Tân Hòa và Tân Lộc") == []
    assert _quantities("nhân dân khu 8 xã Tân Mỹ") == []  # `khu 8`: a name with a number
    assert _quantities("năm nay huyện có thêm 03 xã NTM kiểu mẫu") == [(3.0, None, None, "xã", "count")]


@pytest.mark.parametrize(
    "text",
    [
        "Trong 2 ngày 14 và 15/6 Đảng bộ xã tổ chức đại hội",  # a day and a month, not a ratio
        "Đây là 1 trong 3 đơn vị được chọn làm điểm",  # the whole one unit is taken from
        "Phường là một trong 5 xã, phường được chọn tổ chức đại hội điểm",  # the same, in words
        "Huyện được tỉnh xếp thứ hai trong 9 huyện, thị xã về chỉ số cải cách",  # a rank among a whole
        "Tân An là 01 xã của huyện Lục Yên",  # one of its district's communes
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


# ---- counted nouns the vocabulary lacked (round 14)


def _units(text: str) -> list[tuple[float, str, str]]:
    return [(q.value, q.unit.unit, q.unit.base_unit) for q in find_quantities(text, text.lower())]


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        # The gold rules, Numbers: for a plain count the unit is the counted noun or classifier
        ("Năm 2024 có 23/25 chi, đảng bộ được xếp loại hoàn thành tốt nhiệm vụ.", "chi, đảng bộ"),
        ("Đến nay 6/6 trạm y tế có chi bộ.", "trạm y tế"),
        ("Trong quý, huyện tổ chức được 3 phiên chợ hàng Việt.", "phiên chợ"),
        ("Nhiệm kỳ qua cơ bản hoàn thành 9 nhóm chỉ tiêu đề ra.", "nhóm chỉ tiêu"),
        ("Ngành nông nghiệp đã cấp được 14 mã số vùng trồng.", "mã số"),
        ("Trong năm phát hiện 5 ổ dịch cúm gia cầm.", "ổ dịch"),
        ("Chi cục thuế hỗ trợ hơn 2.300 thực thể kinh tế sử dụng hóa đơn điện tử.", "thực thể kinh tế"),
        ("Phường có 14/15 khối đạt danh hiệu khối văn hóa.", "khối"),
    ],
)
def test_counted_nouns_the_vocabulary_lacked_make_counts(text: str, noun: str) -> None:
    assert [(u, b) for _, u, b in _units(text)] == [(noun, "count")]


def test_a_count_of_a_new_noun_is_a_mention() -> None:
    mentions = extract_mentions("Năm 2024, phường có 12 khối đạt danh hiệu khối văn hóa.", metadata=YEAR_2024)
    assert [(m.value, m.unit, m.base_unit) for m in mentions] == [(12.0, "khối", "count")]


def test_trieu_ty_is_a_scale_of_a_million_billion() -> None:
    # The gold rules, base_value: `triệu` ×1e6, `tỷ` ×1e9
    (q,) = find_quantities("GRDP đạt trên 1,5 triệu tỷ đồng", "grdp đạt trên 1,5 triệu tỷ đồng")
    assert (q.value, q.unit.unit, q.unit.base_unit, q.unit.factor) == (1.5, "triệu tỷ đồng", "VND", 1e15)


# ---- list markers and bounds (round 14)


def _values(text: str) -> list[float]:
    return [q.value for q in find_quantities(text, text.lower())]


def test_a_numbered_table_row_opens_with_its_row_number_not_a_figure() -> None:
    # The gold rules, Scope: section and list numbers are not facts; a flattened table's row starts with
    # its number
    assert 9.0 not in _values("Bảng 2\n9 Tỷ lệ hộ nghèo % 14,14 10,55")


def test_closed_list_markers_are_still_no_figures() -> None:
    # The gold rules, Scope: section and list numbers are not facts
    assert _values("2) 15 hộ được hỗ trợ làm nhà") == [15.0]
    assert _values("3. 120 hộ vay vốn") == [120.0]
    assert _values("2.1 40 ha lúa") == [40.0]


def test_a_bound_reached_by_a_rate_is_the_rate_itself() -> None:
    # "phấn đấu giảm … xuống dưới X%": the target share of poor households, approximate
    mentions = extract_mentions(
        "Năm 2025 phấn đấu giảm tỷ lệ hộ nghèo của xã xuống dưới 3,5% theo chỉ tiêu huyện giao.",
        metadata=YEAR_2024,
    )
    assert [(m.value, m.unit) for m in mentions] == [(3.5, "%")]
    assert "hộ nghèo" in mentions[0].indicator


def test_a_bound_after_a_count_still_names_the_count() -> None:
    # "N chỉ tiêu đạt từ X% kế hoạch trở lên": X is the bound the counted targets reached, no figure
    mentions = extract_mentions(
        "Có 12 chỉ tiêu đạt từ 80% kế hoạch trở lên.",
        metadata=YEAR_2024,
    )
    assert [m.value for m in mentions] == [12.0]
    assert "80" in mentions[0].indicator


def test_a_comma_before_đồng_chí_is_a_clause_break_not_money() -> None:
    # The gold rules, Scope: dates are no facts; `đồng chí` (comrade) after a date is no amount in đồng
    assert _values("Chiều 12/9, đồng chí Bí thư Đảng ủy xã làm việc với thôn Đông") == []
    assert _values("Kinh phí 25, đồng thời huy động thêm nguồn vốn") == []


def test_a_stray_comma_before_đồng_is_still_money() -> None:
    text = "tổng thu ngân sách 1.235.400.000, đồng."
    assert [(q.value, q.unit.base_unit) for q in find_quantities(text, text.lower())] == [
        (1235400000.0, "VND")
    ]


def test_a_number_inside_a_programmes_name_is_no_figure() -> None:
    # The gold rules, Scope: names with numbers are no facts. The national target programmes counted by
    # their fixed name, and a figure inside a plan's quoted name; the counts beside them stay
    assert _values("Năm qua, xã triển khai tốt 3 chương trình mục tiêu quốc gia trên địa bàn.") == []
    assert _values("Huyện lồng ghép 3 Chương trình MTQG, giải ngân 12 tỷ đồng.") == [12.0]
    assert _values('Xã tham gia đề án "Phát triển 1 triệu ha cây ăn quả", có 40 hộ đăng ký.') == [40.0]
    assert _values("Thực hiện chiến dịch “Xanh hóa 500 ha đồi trọc” với 25 ha đã trồng.") == [25.0]
    # a count of other programmes is still a figure
    assert _values("Xã thực hiện 4 chương trình hỗ trợ sinh kế cho hộ nghèo.") == [4.0]


def test_units_a_merger_named_counted_later_are_a_reference_back() -> None:
    # the corpus README's item 104: a count that only points back at the units a merger joined is no fact
    text = (
        "Xã Hòa Phong mới được thành lập trên cơ sở sáp nhập xã Tân Lộc, Hòa Bình và xã Phú Mỹ. "
        "Nhiệm kỳ qua, nhân dân 3 xã đã đoàn kết; đến nay có 2 xã đạt chuẩn nông thôn mới."
    )
    assert _values(text) == [2.0]
    # two names make a count of two; a count written before the merger is not a reference back to it
    text = "Trong năm, 2 xã về đích nông thôn mới. Huyện hợp nhất các xã An Lạc và An Phú; 2 xã đã bàn giao."
    assert _values(text) == [2.0]
    # one named unit is no merger list; a count of another noun stays
    assert _values("Sau khi sáp nhập xã Tân Hòa, huyện có 1 xã và 3 thôn đạt chuẩn.") == [1.0, 3.0]
