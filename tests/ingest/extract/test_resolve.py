"""Catalogue ids from written names: exact names, growth rates, shares, attainments, names inside names."""

from __future__ import annotations

import pytest

from ingest.extract import extract_mentions
from ingest.extract.catalogue import load_catalogue
from ingest.extract.indicators import compatible
from ingest.extract.resolve import resolve


def _id(name: str, unit: str) -> str | None:
    entry = resolve(name, unit)
    return entry.indicator_id if entry is not None else None


@pytest.mark.parametrize(
    ("name", "unit", "expected"),
    [
        ("tỷ lệ hộ nghèo", "%", "poverty_rate"),
        ("tỷ lệ hộ nghèo", "count", None),  # one unit per indicator
        ("tốc độ tăng thu ngân sách bình quân hằng năm", "%", "budget_revenue_growth_rate"),
        ("tốc độ tăng tổng giá trị sản phẩm bình quân hằng năm", "%", "economic_growth_rate"),
        ("tốc độ tăng khu vực dịch vụ", "%", "services_growth_rate"),
        ("tỷ trọng dịch vụ, du lịch trong cơ cấu kinh tế", "%", "economy_share_services"),
        ("tỷ trọng nông – lâm – ngư nghiệp trong cơ cấu kinh tế", "%", "economy_share_agriculture"),
        ("tỷ trọng công nghiệp - xây dựng và dịch vụ trong cơ cấu kinh tế", "%", None),  # two sectors
        ("tỷ trọng vốn ngân sách trong tổng vốn", "%", None),
        ("tỷ lệ thực hiện kế hoạch thu ngân sách nhà nước", "%", "budget_revenue_state_plan_attainment"),
        ("số đảng viên toàn đảng bộ đại diện", "count", "party_members"),
        ("số đảng viên tặng huy hiệu đảng", "count", "party_badges"),
        ("số đảng viên bị đình chỉ sinh hoạt", "count", None),  # the left-over words say what
        ("số xã của huyện đạt chuẩn nông thôn mới", "count", "ntm_communes"),
        ("diện tích cây ngô", "ha", "maize_area"),
        ("diện tích gieo trồng lạc", "ha", "peanut_area"),
        ("số chi bộ thôn", "count", None),  # a part, not all cells
    ],
)
def test_names_resolve_to_the_indicator_they_say(name: str, unit: str, expected: str | None) -> None:
    assert _id(name, unit) == expected


def test_every_resolved_id_is_in_the_unit_of_its_catalogue_indicator() -> None:
    for entry in load_catalogue():
        for name in entry.names:
            for unit in ("%", "count", "VND", "ha", "t"):
                got = resolve(name, unit)
                assert got is None or compatible(got.base_unit, unit), (name, unit)


def test_mentions_take_the_id_their_written_name_resolves_to() -> None:
    text = (
        "Cơ cấu kinh tế: nông nghiệp chiếm 24%, công nghiệp - xây dựng chiếm 59%, dịch vụ chiếm 17%. "
        "Tốc độ tăng thu ngân sách bình quân hằng năm đạt 12%."
    )
    ids = {m.value: m.indicator_id for m in extract_mentions(text)}
    assert ids == {
        24.0: "economy_share_agriculture",
        59.0: "economy_share_industry",
        17.0: "economy_share_services",
        12.0: "budget_revenue_growth_rate",
    }


def test_an_exact_catalogue_name_wins_over_the_sentence_but_not_over_a_narrower_id() -> None:
    by = {m.value: m for m in extract_mentions("Tổng đàn trâu, bò 1.095 con (bò 970 con, trâu 125 con).")}
    assert (by[970.0].indicator_id, by[125.0].indicator_id) == ("cow_herd", "buffalo_herd")
    ms = extract_mentions("Thu NSNN (trừ tiền cấp quyền sử dụng đất) đạt 683 triệu đồng.")
    assert ms[0].indicator_id == "budget_revenue_state_excl_land"


@pytest.mark.parametrize(
    "name",
    [
        "diện tích lúa vụ xuân",
        "sản lượng lúa đông xuân",
        "thu nhập bình quân đầu người khu vực nông thôn",
        "số tiêu chí nông thôn mới bình quân mỗi xã",
        "số xã đạt 14 tiêu chí",
    ],
)
def test_one_season_a_sub_population_or_a_band_is_no_catalogue_indicator(name: str) -> None:
    from ingest.extract.resolve import uncatalogued

    assert uncatalogued(name)


def test_the_area_the_program_and_the_whole_year_stay_catalogued() -> None:
    from ingest.extract.resolve import uncatalogued

    for name in ("số xã đạt chuẩn nông thôn mới", "diện tích lúa", "thu nhập bình quân đầu người"):
        assert not uncatalogued(name)
    ms = extract_mentions("Diện tích lúa vụ xuân 482 ha; diện tích lúa cả năm 960 ha.")
    assert [m.indicator_id for m in ms] == [None, "rice_area"]


def test_an_id_whose_names_share_no_subject_word_with_the_written_name_is_dropped() -> None:
    from ingest.extract.catalogue import catalogue_by_id
    from ingest.extract.resolve import shares_subject

    by_id = catalogue_by_id()
    assert not shares_subject(by_id["trained_labour_rate"], "tỷ lệ khu dân cư đạt văn hóa")
    assert not shares_subject(by_id["council_sessions"], "số báo cáo")
    assert shares_subject(by_id["trained_labour_rate"], "tỷ lệ lao động toàn xã đã qua đào tạo")
    # an id named by measure words alone, a growth rate read from its form, one word of its own: kept
    assert shares_subject(by_id["income_per_capita"], "thu nhập bình quân đầu người của hai xã")
    assert shares_subject(by_id["economic_growth_rate"], "tốc độ tăng giá trị sản phẩm")
    assert shares_subject(by_id["budget_revenue_commune"], "tổng thu ns phường")
