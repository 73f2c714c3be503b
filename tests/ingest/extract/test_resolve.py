"""Catalogue ids from written names: exact names, growth rates, shares, attainments, names inside names."""

from __future__ import annotations

import pytest

from ingest.extract import extract_mentions
from ingest.extract.catalogue import load_catalogue
from ingest.extract.indicators import compatible
from ingest.extract.resolve import resolve, uncatalogued


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
        (
            "tỷ trọng công nghiệp - xây dựng và dịch vụ trong cơ cấu kinh tế",
            "%",
            "economy_share_non_agriculture",
        ),
        ("tỷ trọng thương mại - dịch vụ và nông nghiệp trong cơ cấu kinh tế", "%", None),  # two sectors
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
        "thu nhập bình quân đầu người khu vực nông thôn",
        "số tiêu chí nông thôn mới bình quân mỗi xã",
        "số xã đạt 14 tiêu chí",
        "tốc độ tăng giá trị công nghiệp, tiểu thủ công nghiệp",  # level handicraft_value: no growth id
        "tốc độ tăng trưởng đàn vật nuôi bình quân",
        "tỷ lệ hộ nghèo người đồng bào dân tộc thiểu số",
        "tỷ lệ hộ nghèo tại 6 xã",
        "diện tích lúa ruộng",  # wet rice beside upland rice: a part of the rice area
        "số lượt người tham gia tiếp xúc cử tri",
        "thu mới thu ngân sách",
        "thu thuế và phí",
    ],
)
def test_a_sub_population_or_a_band_is_no_catalogue_indicator(name: str) -> None:
    from ingest.extract.resolve import uncatalogued

    assert uncatalogued(name)


def test_the_area_the_program_and_the_whole_year_stay_catalogued() -> None:
    from ingest.extract.resolve import uncatalogued

    for name in ("số xã đạt chuẩn nông thôn mới", "diện tích lúa", "thu nhập bình quân đầu người"):
        assert not uncatalogued(name)
    ms = extract_mentions("Diện tích lúa vụ xuân 482 ha; diện tích lúa cả năm 960 ha.")
    assert [m.indicator_id for m in ms] == ["rice_area_winter_spring", "rice_area"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("diện tích lúa vụ chiêm xuân", "winter_spring"),
        ("tổng diện tích gieo trồng vụ Đông Xuân", "winter_spring"),
        ("năng suất lúa xuân", "winter_spring"),
        ("sản lượng lúa vụ hè thu", "summer_autumn"),
        ("diện tích lúa thu đông", "autumn_winter"),
        ("diện tích lúa mùa", "main_season"),
        ("diện tích cây trồng vụ đông", "winter"),
        ("diện tích lúa cả năm", "-"),
        ("diện tích lúa rải vụ", None),  # a season no id measures
        ("diện tích lúa vụ xuân và vụ mùa", None),  # two seasons: neither
    ],
)
def test_the_season_a_name_says(name: str, expected: str | None) -> None:
    from ingest.extract.resolve import season_of

    assert season_of(name) == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("Diện tích gieo trồng vụ Đông Xuân đạt 1.250 ha.", 1250.0, "planted_area_winter_spring"),
        ("Năng suất lúa chiêm xuân đạt 61,5 tạ/ha.", 61.5, "rice_yield_winter_spring"),
        ("Sản lượng lúa hè thu ước 3.400 tấn.", 3400.0, "rice_output_summer_autumn"),
        ("Xã gieo cấy được 310 ha lúa mùa.", 310.0, "rice_area_main_season"),
        ("Diện tích lúa thu đông 95 ha.", 95.0, "rice_area_autumn_winter"),
        ("Diện tích ngô vụ xuân 40 ha.", 40.0, "maize_area_winter_spring"),
        ("Diện tích ngô đông 35 ha.", 35.0, "maize_area_winter"),
        ("Diện tích lạc vụ hè thu 12 ha.", 12.0, "peanut_area_summer_autumn"),
        ("Diện tích sắn vụ xuân 40 ha.", 40.0, None),  # a crop with no seasonal id: no id
        ("Diện tích gieo trồng cây vụ đông 120 ha.", 120.0, "winter_crop_area"),
        ("Tổng diện tích gieo trồng cả năm 2.100 ha.", 2100.0, "planted_area"),
    ],
)
def test_a_crop_season_in_the_name_takes_the_season_id(text: str, value: float, expected: str | None) -> None:
    assert _ids(text)[value] == expected


def test_figures_under_a_season_heading_take_that_season_and_one_crop_its_own_season_id() -> None:
    text = (
        "b. Vụ Hè Thu\n\n- Tổng diện tích gieo trồng 180 ha. Trong đó lúa 95 ha.\n"
        "- Cây lạc: diện tích gieo trồng 21 ha.\n"
    )
    ids = _ids(text)
    assert (ids[180.0], ids[95.0], ids[21.0]) == (
        "planted_area_summer_autumn",
        "rice_area_summer_autumn",
        "peanut_area_summer_autumn",
    )


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        (
            "Thu nhập bình quân đầu người khu vực nông thôn đạt 58,2 triệu đồng/người/năm.",
            58.2e6,
            "income_per_capita_rural",
        ),
        (
            "Thu nhập bình quân khu vực thành thị của huyện đạt 92 triệu đồng/người/năm.",
            92e6,
            "income_per_capita_urban",
        ),
        ("Bình quân mỗi xã đạt 14,3 tiêu chí nông thôn mới.", 14.3, "ntm_criteria_avg_per_commune"),
        ("Huyện đã đạt 9/9 tiêu chí huyện nông thôn mới.", 9.0, "ntm_district_criteria_met"),
        ("Tỷ lệ hộ nghèo, cận nghèo còn 4,1%.", 4.1, "poor_and_near_poor_rate"),
        ("Tốc độ tăng đàn gia súc bình quân 4%/năm.", 4.0, "livestock_herd_growth_rate"),
        # all animals with poultry in one rate: two measures (the herd id counts gia súc only)
        ("Tốc độ tăng trưởng đàn vật nuôi bình quân 4%/năm.", 4.0, None),
        ("Thu nội địa đạt 412 tỷ đồng.", 412e9, "budget_revenue_domestic"),
        (
            "Vốn ngân sách trung ương đầu tư xây dựng nông thôn mới 12,5 tỷ đồng; vốn lồng ghép các chương "
            "trình, dự án 8 tỷ đồng.",
            12.5e9,
            "ntm_funds_central_budget",
        ),
        ("Sản lượng thủy sản nuôi trồng đạt 640 tấn.", 640.0, "aquaculture_farmed_output"),
        ("Sản lượng nuôi trồng, khai thác thủy sản đạt 900 tấn.", 900.0, "aquaculture_output"),
        ("Tỷ trọng công nghiệp - xây dựng và dịch vụ đạt 72%.", 72.0, "economy_share_non_agriculture"),
        # a level after `từ … xuống`: the count, not the fall
        ("Giảm số hộ nghèo từ 41 hộ xuống 20 hộ.", 41.0, "poor_households"),
    ],
)
def test_new_catalogue_measures_are_assigned(text: str, value: float, expected: str | None) -> None:
    assert _ids_by_base(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # a fall of the count, its levels, poor and near-poor together
        ("Số hộ nghèo của xã giảm 9 hộ so với đầu năm.", 9.0, "poor_households_reduced"),
        ("Xã có 11 hộ nghèo và cận nghèo, chiếm tỷ lệ 1,2%.", 1.2, "poor_and_near_poor_rate"),
        # points of the rate, a relative cut of the count
        ("Phấn đấu giảm 3% hộ nghèo mỗi năm.", 3.0, "poverty_reduction_rate"),
        ("Phấn đấu giảm 40% số hộ nghèo so với đầu kỳ.", 40.0, None),
        # an absolute change of income is its own id (round 11's catalogue), no level; `tăng lên` reaches one
        ("Thu nhập bình quân đầu người hằng năm tăng trên 4 triệu đồng.", 4e6, "income_per_capita_increase"),
        ("Thu nhập bình quân đầu người tăng lên 52 triệu đồng/người/năm.", 52e6, "income_per_capita"),
        # one figure for several communes is a band; one commune's is its criteria
        ("Có 3 xã Tân An, Tân Lập và Tân Phú đạt 19/19 tiêu chí.", 19.0, None),
        ("Năm 2022 xã đã đạt 18/19 tiêu chí nông thôn mới.", 18.0, "ntm_criteria_met"),
        # newly recognised, implementing or registering, two measures together
        ("Năm nay huyện có thêm 3 xã đạt chuẩn nông thôn mới.", 3.0, "ntm_communes_new"),
        ("Hiện có 5 thôn đang xây dựng khu dân cư nông thôn mới kiểu mẫu.", 5.0, None),
        ("Tỉnh có thêm 6 xã đạt chuẩn nông thôn mới nâng cao, kiểu mẫu.", 6.0, None),
        # carried-over works; land consolidated; a sector's growth written with the total's words
        ("Chuyển tiếp 02 công trình sang năm sau.", 2.0, None),
        ("Diện tích đất nông nghiệp được tích tụ, tập trung đạt 120 ha.", 120.0, "land_accumulation_area"),
        ("Tốc độ tăng giá trị sản xuất nông, lâm, thủy sản bình quân 4,5%/năm.", 4.5, "agri_growth_rate"),
        ("Tốc độ tăng trưởng kinh tế so với cùng kỳ đạt 7,2%.", 7.2, "economic_growth_rate"),
        # a sector's subset of the targets; one tier of the prizes; scattered planting is a part
        ("Trong lĩnh vực văn hóa - xã hội, có 8/9 chỉ tiêu đạt và vượt kế hoạch.", 8.0, None),
        ("Học sinh giỏi cấp huyện đạt 120 giải, trong đó 15 giải Nhất.", 15.0, None),
        # (the attainment of the scattered-planting quota has its own id, whose names say `phân tán`: ids12)
        ("Hoàn thành 100% chỉ tiêu trồng cây phân tán.", 100.0, "trees_planted_plan_attainment"),
        ("Trồng được 47,33 ha cây phân tán.", 47.33, None),
        # how often, an abbreviation, another wording of a catalogue name
        (
            "Tỷ lệ chi bộ hằng năm đạt hoàn thành xuất sắc nhiệm vụ trên 20%.",
            20.0,
            "party_orgs_rated_excellent",
        ),
        ("SX nông nghiệp đạt 61% kế hoạch năm.", 61.0, "agri_value_plan_attainment"),
        ("Tỷ lệ giải quyết trực tuyến đạt 97,5%.", 97.5, "online_admin_rate"),
        # a district's x/9 criteria; one season's area written without a crop; funding by its source
        ("Huyện đã hoàn thành 9/9 tiêu chí nông thôn mới.", 9.0, "ntm_district_criteria_met"),
        ("Diện tích vụ thu đông đạt 640 ha.", 640.0, "planted_area_autumn_winter"),
        ("Vốn vay tín dụng đầu tư xây dựng nông thôn mới 12 tỷ đồng.", 12e9, "ntm_funds_credit"),
        # criteria and hamlets gained in the period; advanced criteria of 19 stay a level
        ("Xã đạt thêm 3 tiêu chí nông thôn mới.", 3.0, "ntm_criteria_gained"),
        ("Đến nay xã đạt thêm 07/19 tiêu chí nông thôn mới nâng cao.", 7.0, "ntm_advanced_criteria_met"),
        ("Năm 2024 có thêm 4 thôn đạt chuẩn nông thôn mới.", 4.0, "ntm_hamlets_new"),
        ("Năm 2023, huyện công nhận 3 thôn đạt chuẩn nông thôn mới.", 3.0, "ntm_hamlets_new"),
        ("Đến nay huyện đã công nhận 15 xã đạt chuẩn nông thôn mới.", 15.0, "ntm_communes"),
        ("Tiêm phòng cho 2.350 con gia súc, gia cầm.", 2350.0, "livestock_vaccinated_head"),
        # a sector's share after a growth sentence; both levels of a fall of poor households
        ("Tăng trưởng kinh tế bình quân khu vực dịch vụ 8%, khu vực dịch vụ chiếm 25%.", 25.0, None),
        ("Giảm số hộ nghèo từ 40 hộ xuống còn 18 hộ.", 18.0, "poor_households"),
        # targets an upper level assigned; the economy growing, written verb last
        ("Trong 15 chỉ tiêu UBND huyện giao, có 12 chỉ tiêu đạt.", 15.0, "plan_targets_total"),
        ("Kinh tế của xã tăng trưởng bình quân 8,2%/năm.", 8.2, "economic_growth_rate"),
        # all in work at the end vs placed in jobs during the period
        ("Số lao động có việc làm thường xuyên 4.300 người.", 4300.0, "employed_workers"),
        ("Có 850 người có việc làm tăng thêm trong năm.", 850.0, "jobs_created"),
        # deputies at one session are not the council's size; an index level is not its rise
        ("Kỳ họp có 27/29 đại biểu HĐND xã tham dự.", 27.0, None),
        ("Tổng số đại biểu HĐND xã là 29 đại biểu.", 29.0, "council_deputies"),
        ("Chỉ số sản xuất công nghiệp ước đạt 108,2%.", 108.2, None),
        ("Chỉ số sản xuất công nghiệp tăng 8,2% so với cùng kỳ.", 8.2, "industrial_production_index_growth"),
        ("Kim ngạch xuất khẩu tăng 14% so với cùng kỳ.", 14.0, "export_growth_rate"),
        # a source's words outside new-rural funding are not its funding
        ("Dư nợ vốn vay tín dụng chính sách đạt 42 tỷ đồng.", 42e9, "policy_loans"),
        ("Vốn lồng ghép thực hiện chương trình giảm nghèo 2 tỷ đồng.", 2e9, None),
    ],
)
def test_the_words_beside_the_number_read_the_new_measures(
    text: str, value: float, expected: str | None
) -> None:
    assert _ids_by_base(text)[value] == expected


def _ids_by_base(text: str) -> dict[float, str | None]:
    return {m.base_value: m.indicator_id for m in extract_mentions(text)}


def test_an_id_whose_names_share_no_subject_word_with_the_written_name_is_dropped() -> None:
    from ingest.extract.catalogue import catalogue_by_id
    from ingest.extract.resolve import shares_subject

    by_id = catalogue_by_id()
    # a name that says one kind of quantity is no id whose names say only another (value vs area)
    assert not shares_subject(by_id["high_tech_agri_share"], "giá trị sản phẩm nông nghiệp công nghệ cao")
    assert not shares_subject(by_id["aquaculture_farmed_output"], "diện tích nuôi trồng thủy sản")
    assert shares_subject(by_id["agri_value"], "giá trị sản lượng nông nghiệp")  # says value too
    assert shares_subject(by_id["income_per_capita"], "giá trị thu nhập bình quân")  # names say no kind
    assert not shares_subject(by_id["trained_labour_rate"], "tỷ lệ khu dân cư đạt văn hóa")
    assert not shares_subject(by_id["council_sessions"], "số báo cáo")
    assert shares_subject(by_id["trained_labour_rate"], "tỷ lệ lao động toàn xã đã qua đào tạo")
    # an id named by measure words alone, a growth rate read from its form, one word of its own: kept
    assert shares_subject(by_id["income_per_capita"], "thu nhập bình quân đầu người của hai xã")
    assert shares_subject(by_id["economic_growth_rate"], "tốc độ tăng giá trị sản phẩm")
    assert shares_subject(by_id["budget_revenue_commune"], "tổng thu ns phường")


def _ids(text: str) -> dict[float, str | None]:
    return {m.value: m.indicator_id for m in extract_mentions(text)}


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # one commune's criteria are of 19; a district's 9/9 and an average over communes: their own ids
        ("Năm 2023, xã đạt 19/19 tiêu chí nông thôn mới.", 19.0, "ntm_criteria_met"),
        ("Huyện An Biên đã hoàn thành 9/9 tiêu chí huyện nông thôn mới.", 9.0, "ntm_district_criteria_met"),
        ("Bình quân toàn huyện đạt 12,6/19 tiêu chí.", 12.6, "ntm_criteria_avg_per_commune"),
        # (summed over communes: the catalogue has grown an id for it since, ids17)
        (
            "Tổng số tiêu chí đạt chuẩn của các xã là 87 tiêu chí nông thôn mới.",
            87.0,
            "ntm_criteria_met_total",
        ),
        # targets met, written x/y, are not the targets set
        ("Đại hội đã hoàn thành 24/27 chỉ tiêu nghị quyết đại hội đề ra.", 24.0, "plan_targets_on_track"),
        ("Đại hội đề ra 18 chỉ tiêu chủ yếu.", 18.0, "plan_targets_total"),
        ("17/53 chỉ tiêu đạt từ 70 đến dưới 100%.", 17.0, None),  # a band below the plan
        # the advanced count, whatever the words after it
        (
            "Năm 2023, huyện duy trì 6/6 xã đạt chuẩn nông thôn mới nâng cao theo bộ tiêu chí mới.",
            6.0,
            "ntm_advanced_communes",
        ),
        ("Có 2 xã về đích NTM.", 2.0, "ntm_communes_new"),
        # parts of the budget, two measures in one figure, money per hectare (`other`, not VND)
        # (the district-managed part has its own id since round 11's catalogue: ids12)
        (
            "Thu ngân sách do huyện quản lý 127 tỷ đồng, đạt 26% dự toán.",
            127.0,
            "budget_revenue_district_managed",
        ),
        ("Thu ngân sách do tỉnh quản lý 40 tỷ đồng.", 40.0, None),
        ("Thu ngân sách tại địa phương đạt 250 triệu đồng.", 250.0, "budget_revenue_state"),
        ("Toàn xã có 6 hộ nghèo và cận nghèo.", 6.0, "poor_and_near_poor_households"),
        # (money per hectare is `agri_value_per_ha`, base unit `other`, since catalogue12: ids12)
        ("Giá trị sản phẩm trên 1ha đất trồng trọt đạt 100 triệu đồng.", 100.0, "agri_value_per_ha"),
        # growth of a sector written with trade's words; other wordings of catalogue names
        ("Kinh doanh dịch vụ tăng từ 10% trở lên.", 10.0, "services_growth_rate"),
        ("Tốc độ phát triển kinh tế đạt 7,36%.", 7.36, "economic_growth_rate"),
        ("Tỷ lệ thoát nghèo bình quân hằng năm 1,54%.", 1.54, "poverty_reduction_rate"),
    ],
)
def test_ids_follow_the_id_rule_on_dev_patterns(text: str, value: float, expected: str | None) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("Trong năm Đảng bộ kết nạp mới 14 đảng viên, đạt 116,6% kế hoạch.", 14.0, "new_party_members"),
        ("Đảng bộ hiện có 432 đảng viên.", 432.0, "party_members"),
        ("Xã có 2 sản phẩm OCOP đạt thương hiệu 4 sao.", 2.0, None),  # one star class: a part
        ("Xã có 5 sản phẩm OCOP.", 5.0, "ocop_products"),
        ("Phấn đấu giảm tỷ lệ hộ nghèo xuống dưới 0,5% vào năm 2030.", 0.5, "poverty_rate"),
        ("Tỷ lệ hộ nghèo hằng năm giảm 1,5%.", 1.5, "poverty_reduction_rate"),
    ],
)
def test_the_words_beside_the_number_change_the_id(text: str, value: float, expected: str | None) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ngân sách trung ương thực hiện xây dựng nông thôn mới nâng cao", "ntm_funds_central_budget"),
        (
            "ngân sách xã huy động xây dựng, hoàn thiện các tiêu chí nông thôn mới nâng cao",
            "ntm_funds_local_budget",
        ),
        ("vốn ngân sách huyện, xã đầu tư xây dựng nông thôn mới", "ntm_funds_local_budget"),
        ("vốn tín dụng cho vay phát triển sản xuất nông thôn mới", "ntm_funds_credit"),
        ("ngân sách trung ương hỗ trợ cân đối", None),  # a budget transfer, not new-rural funding
    ],
)
def test_new_rural_funding_is_read_by_its_source(name: str, expected: str | None) -> None:
    from ingest.extract.resolve import refined

    entry = refined(None, name, "VND", 4.1e9, None)
    assert (entry.indicator_id if entry else None) == expected


def test_a_growth_id_before_chiem_is_the_sector_share() -> None:
    from ingest.extract.catalogue import catalogue_by_id
    from ingest.extract.resolve import in_context

    text = "khu vực công nghiệp - xây dựng chiếm 70%; khu vực dịch vụ chiếm 25%"
    start = text.index("25")
    entry = in_context(catalogue_by_id()["services_growth_rate"], text, start, start + 3)
    assert entry is not None and entry.indicator_id == "economy_share_services"
    start = text.index("70")
    assert in_context(catalogue_by_id()["economic_growth_rate"], text, start, start + 3) is None


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # a level written first, then its rise in % (`…, tăng 4% so với cùng kỳ`): the level's growth id
        ("Diện tích gieo trồng cả năm 830 ha, tăng 4,1% so cùng kỳ.", 4.1, "planted_area_growth_rate"),
        (
            "Tổng diện tích gieo trồng vụ hè thu 410 ha, tăng 2,6% so với cùng kỳ.",
            2.6,
            "planted_area_summer_autumn_growth_rate",
        ),
        ("Tổng đàn heo 3.100 con, tăng 7% so với cùng kỳ.", 7.0, "pig_herd_growth_rate"),
        # the level's own id decides the growth (industry-handicraft without construction is handicraft's)
        (
            "Giá trị sản lượng công nghiệp, tiểu thủ công nghiệp 310 tỷ đồng, tăng 8,4% so với cùng kỳ.",
            8.4,
            "handicraft_value_growth_rate",
        ),
        ("Thu nhập bình quân đầu người 61 triệu đồng, tăng 6,5% so với cùng kỳ.", 6.5, "income_growth_rate"),
        ("Tổng đàn heo 3.100 con, tăng 8% so với cùng kỳ năm 2022.", 8.0, "pig_herd_growth_rate"),
        ("Năm nay thêm 2 huyện đạt chuẩn nông thôn mới.", 2.0, "ntm_districts_new"),
        (
            "Có 2 thị trấn được công nhận đạt chuẩn đô thị văn minh, đạt tỷ lệ 100%.",
            100.0,
            "civilised_townships_rate",
        ),
        ("Đàn gia cầm 61.000 con, tăng 3,5% so với cùng kỳ.", 3.5, "poultry_flock_growth_rate"),
        ("Tỷ lệ hộ nghèo 2,4%, tăng 0,3% so với cùng kỳ.", 0.3, None),  # a rate's rise is points
        ("Đàn lợn giảm 4% so với cùng kỳ.", 4.0, None),  # a fall is no growth id
        # a season's plan, a rate that is itself against plan, the timber plan
        ("Sản xuất vụ mùa đạt 97,5% kế hoạch.", 97.5, "planted_area_main_season_plan_attainment"),
        ("Tỷ lệ giải ngân vốn đầu tư công đạt 95% kế hoạch.", 95.0, "public_investment_disbursement_rate"),
        ("Khai thác gỗ rừng trồng đạt 108% kế hoạch.", 108.0, "timber_output_plan_attainment"),
        # shares the dev labellers met without an id
        ("Đến nay có 40% số huyện đạt chuẩn nông thôn mới.", 40.0, "ntm_districts_rate"),
        ("Tỷ lệ xã nông thôn mới kiểu mẫu đạt 12%.", 12.0, "ntm_model_communes_rate"),
        ("Tỷ lệ thị trấn đạt chuẩn đô thị văn minh 50%.", 50.0, "civilised_townships_rate"),
        ("Diện tích cà phê kinh doanh 2.300 ha.", 2300.0, "coffee_area_bearing"),
        ("Diện tích cà phê 2.900 ha.", 2900.0, "coffee_area"),
        # a share of communes having something: no share of the catalogue counts communes that way
        ("Đến năm 2030, 100% xã có đường giao thông vào vùng sản xuất.", 100.0, None),
        ("Tỷ lệ hộ có nhà tiêu hợp vệ sinh đạt 92%.", 92.0, "hygienic_latrine_rate"),
        # livestock with poultry in one figure: the herd of both, its own entry since round 16
        ("Tổng đàn gia súc, gia cầm 52.000 con.", 52000.0, "livestock_poultry_herd"),
        ("Tiêm phòng cho 9.000 con gia súc, gia cầm.", 9000.0, "livestock_vaccinated_head"),
        # money disbursed from the capital-works budget is public investment (its level stays social)
        ("Giải ngân vốn đầu tư xây dựng cơ bản đạt 61 tỷ đồng.", 61e9, "public_investment"),
        ("Tỷ lệ tăng thu cân đối ngân sách địa phương đạt 11%.", 11.0, "budget_revenue_growth_rate"),
        # the measure said again after the verb
        ("Khai thác hải sản đạt tổng sản lượng 38.200 tấn.", 38200.0, "fishing_output"),
        # spellings written two ways and slips
        ("Tỉ trọng nông nghiệp trong cơ cấu kinh tế chiếm 41%.", 41.0, "economy_share_agriculture"),
        ("Thu nhâp bình quân đầu người đạt 48 triệu đồng.", 48e6, "income_per_capita"),
    ],
)
def test_round7_rules_assign_the_measure_the_words_say(text: str, value: float, expected: str | None) -> None:
    assert _ids_by_base(text).get(value, _ids(text).get(value, "absent")) == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # communes recognised in the period, the name dropping `mới` (`đạt chuẩn nông thôn`)
        ("Năm 2022 tỉnh công nhận 2 xã của huyện Đức Linh đạt chuẩn nông thôn mới.", 2.0, "ntm_communes_new"),
        ("Thêm 3 xã của huyện Tân Phú đạt chuẩn nông thôn mới.", 3.0, "ntm_communes_new"),
        ("Tỉnh công nhận thêm 2 xã đạt chuẩn nông thôn mới kiểu mẫu.", 2.0, "ntm_model_communes_new"),
        # a higher tier after the number, two tiers together: no id
        (
            "Công nhận thêm 4 xã đạt chuẩn nông thôn mới nâng cao và nông thôn mới kiểu mẫu.",
            4.0,
            None,
        ),
        ("Toàn huyện có 11 xã đạt chuẩn nông thôn mới, 2 xã đạt chuẩn nâng cao.", 11.0, "ntm_communes"),
        # `đạt chuẩn` naming no standard is the new-rural one; a named standard is another measure
        ("Đến nay toàn huyện có 09 xã đạt chuẩn.", 9.0, "ntm_communes"),
        ("Có 4 xã đạt chuẩn phổ cập giáo dục.", 4.0, None),
        # targets met, written x/y; a group's targets and a band are no id
        ("Đến nay có 11/18 chỉ tiêu thực hiện đạt nghị quyết.", 11.0, "plan_targets_on_track"),
        ("Có 9/40 chỉ tiêu đạt từ 50 đến dưới 70%.", 9.0, None),
        ("Còn 04/25 chỉ tiêu đạt thấp dưới 50% so với kế hoạch.", 4.0, "plan_targets_lagging"),
        ("Có 05/25 chỉ tiêu không đạt kế hoạch.", 5.0, "plan_targets_lagging"),
        # the act written after the name (`… đạt chuẩn nông thôn công nhận`), establishments added
        (
            "Năm nay tỉnh công nhận 3 xã của huyện Bù Đăng đạt chuẩn nông thôn mới (NTM).",
            3.0,
            "ntm_communes_new",
        ),
        (
            "Trong năm hình thành thêm 14 cơ sở sản xuất và gia công hàng may mặc.",
            14.0,
            "new_business_establishments",
        ),
        # the commune budget's own revenue (`thu ngân sách của xã`); its `tổng thu …` is the total
        ("Thu ngân sách của phường ước đạt 6 tỷ đồng.", 6e9, "budget_revenue_commune"),
        ("Tổng thu ngân sách của phường ước đạt 9 tỷ đồng.", 9e9, "budget_revenue_total"),
        # works begun in the period
        ("Triển khai thi công 25 công trình xây dựng cơ bản mới.", 25.0, "projects_started"),
    ],
)
def test_increments_and_targets_met_are_read_from_the_name_and_the_act(
    text: str, value: float, expected: str | None
) -> None:
    ids = _ids_by_base(text) if value >= 1e6 else _ids(text)
    assert ids[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # local budget tiers listed apart (across the `;` of the list): parts, none takes the id
        (
            "Tổng vốn xây dựng nông thôn mới 52 tỷ đồng. Trong đó, vốn ngân sách trung ương 8 tỷ đồng; vốn "
            "ngân sách địa phương 14 tỷ đồng; vốn ngân sách huyện, xã 6 tỷ đồng; vốn lồng ghép 2 tỷ đồng.",
            14e9,
            None,
        ),
        (
            "Kinh phí xây dựng nông thôn mới 40 tỷ đồng, trong đó ngân sách tỉnh 12 tỷ đồng, ngân sách "
            "huyện 7 tỷ đồng.",
            7e9,
            None,
        ),
        # the one local tier a report names, and the sources beside it, keep their ids
        (
            "Kinh phí xây dựng nông thôn mới nâng cao 60 tỷ đồng, trong đó ngân sách xã hơn 18 tỷ đồng, "
            "nhân dân đóng góp 25 tỷ đồng.",
            18e9,
            "ntm_funds_local_budget",
        ),
        (
            "Kinh phí xây dựng nông thôn mới nâng cao 60 tỷ đồng, trong đó ngân sách xã hơn 18 tỷ đồng, "
            "nhân dân đóng góp 25 tỷ đồng.",
            25e9,
            "people_contributions",
        ),
        (
            "Tổng vốn xây dựng nông thôn mới 52 tỷ đồng. Trong đó, vốn ngân sách trung ương 8 tỷ đồng; vốn "
            "ngân sách địa phương 14 tỷ đồng; vốn ngân sách huyện, xã 6 tỷ đồng; vốn lồng ghép 2 tỷ đồng.",
            8e9,
            "ntm_funds_central_budget",
        ),
    ],
)
def test_new_rural_funds_by_source_follow_the_ids_descriptions(
    text: str, value: float, expected: str | None
) -> None:
    assert _ids_by_base(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # two catalogue measures joined under one head: one figure for both has no id; a union the
        # catalogue names (buffalo and cattle) keeps its own
        ("Tỷ lệ học sinh lên lớp và tốt nghiệp đạt 99,5%.", 99.5, None),
        ("Tổng đàn trâu và bò 2.400 con.", 2400.0, "cattle_herd"),
        ("Giá trị sản xuất nông, lâm và thủy sản đạt 130 tỷ đồng.", 130.0, "agri_value"),
        # (one rate for Party organisations and members together is two facts, one per id: rules10,
        # tests/ingest/extract/test_shared_figures.py)
        # each rate on its own, or organisations and members named elsewhere in the sentence: kept
        (
            "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên 92%, đảng viên hoàn thành tốt nhiệm vụ "
            "trở lên 89%.",
            89.0,
            "party_members_rated_good",
        ),
        (
            "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ đạt 91%; tổ chức đảng, đảng viên được kiểm tra 14 lượt.",
            91.0,
            "party_members_rated_good",
        ),
        # Party cells and members awarded for an excellent rating: a subset of those rated, no id
        (
            "Đảng ủy trao giấy khen cho 6 chi bộ hoàn thành xuất sắc nhiệm vụ và 19 đảng viên hoàn thành "
            "xuất sắc nhiệm vụ 5 năm liền.",
            19.0,
            None,
        ),
        ("Năm 2023 có 9 chi bộ hoàn thành xuất sắc nhiệm vụ.", 9.0, "party_orgs_rated_excellent_count"),
        (
            "Công tác thi đua, khen thưởng được chú trọng, có 7 chi bộ hoàn thành xuất sắc nhiệm vụ.",
            7.0,
            "party_orgs_rated_excellent_count",
        ),
    ],
)
def test_a_sentence_rule_reads_the_words_right_before_the_figure(
    text: str, value: float, expected: str | None
) -> None:
    assert _ids(text)[value] == expected


def test_a_value_measure_followed_by_one_sector_is_that_sectors_value() -> None:
    # names7
    assert resolve("tổng giá trị sản xuất công nghiệp-xây dựng", "VND").indicator_id == "industry_value"
    assert resolve("giá trị tiểu thủ công nghiệp và xây dựng", "VND").indicator_id == "industry_value"
    assert resolve("giá trị sản xuất nông-lâm-thủy sản", "VND").indicator_id == "agri_value"
    assert resolve("giá trị sản xuất nông nghiệp và dịch vụ", "VND") is None  # two sectors
    assert resolve("giá trị thu nhập/ha", "VND") is None


def test_place_words_and_a_passive_are_no_part_of_the_ids_name() -> None:
    # names7: the district's income per head is no average of criteria; `số`/`được` inside a rate's name
    assert resolve("thu nhập bình quân toàn huyện", "VND/person/year").indicator_id == "income_per_capita"
    assert (
        resolve("tỷ lệ số hộ dân được sử dụng điện sinh hoạt", "%").indicator_id == "electricity_access_rate"
    )
    assert resolve("tỷ lệ số xã đạt chuẩn nông thôn mới", "%").indicator_id == "ntm_communes_rate"
    assert uncatalogued("số tiêu chí đạt bình quân toàn huyện")  # still an average of criteria
    assert not uncatalogued("thu nhập bình quân toàn huyện")


def test_an_attainment_of_the_state_budget_in_the_area_keeps_its_whole_subject() -> None:
    # names7: `trên địa bàn` says which revenue (the state budget's), not where only
    name = "tỷ lệ thực hiện kế hoạch thu ngân sách trên địa bàn"
    assert resolve(name, "%").indicator_id == "budget_revenue_state_plan_attainment"
    assert (
        resolve("tỷ lệ thực hiện kế hoạch thu ngân sách", "%").indicator_id
        == "budget_revenue_total_plan_attainment"
    )


def test_a_wards_residential_groups_recognised_as_cultured_are_cultured_hamlets() -> None:
    ms = extract_mentions("Năm 2021, phường có 13/14 tổ dân phố đạt tổ dân phố văn hóa.")
    assert [m.indicator_id for m in ms] == ["cultured_hamlets"]


def test_enterprises_and_household_businesses_set_up_are_their_new_ids() -> None:
    # names7: `đăng ký thành lập mới` between the noun and the verb
    ms = extract_mentions("Trong quý I, có 95 hộ kinh doanh và 07 doanh nghiệp đăng ký thành lập mới.")
    assert [(m.value, m.indicator_id) for m in ms] == [
        (95.0, "new_business_establishments"),
        (7.0, "new_enterprises"),
    ]


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # forestry or fishery alone is a part of its sector group, not the group's id; construction alone
        # has its own value and growth ids since round 11's catalogue (ids12: also in a breakdown)
        (
            "Giá trị sản xuất ngành xây dựng quý I ước đạt 1.250 tỷ đồng, tăng 9,4% so với cùng kỳ.",
            1250.0,
            "construction_value",
        ),
        (
            "Giá trị sản xuất ngành xây dựng quý I ước đạt 1.250 tỷ đồng, tăng 9,4% so với cùng kỳ.",
            9.4,
            "construction_growth_rate",
        ),
        (
            "Khu vực công nghiệp - xây dựng tăng 8,1%, trong đó xây dựng tăng 5,3%.",
            8.1,
            "industry_growth_rate",
        ),
        (
            "Khu vực công nghiệp - xây dựng tăng 8,1%, trong đó xây dựng tăng 5,3%.",
            5.3,
            "construction_growth_rate",
        ),
        (
            "Quý I, công nghiệp tăng 9,2%, xây dựng tăng 7,0%, dịch vụ tăng 6,1%.",
            7.0,
            "construction_growth_rate",
        ),
        ("Sáu tháng đầu năm, nông nghiệp tăng 2,9%, lâm nghiệp tăng 11,4%, thủy sản tăng 4,1%.", 11.4, None),
        ("Sáu tháng đầu năm, nông nghiệp tăng 2,9%, lâm nghiệp tăng 11,4%, thủy sản tăng 4,1%.", 4.1, None),
        # industry with handicrafts and no construction is handicraft's; with construction, industry's
        ("Tổng giá trị sản xuất CN-TTCN đạt 3.100 tỷ đồng.", 3100.0, "handicraft_value"),
        (
            "Giá trị sản xuất tiểu thủ công nghiệp, ngành nghề và xây dựng đạt 210,5 tỷ đồng.",
            210.5,
            "industry_value",
        ),
        ("Giá trị tiểu thủ công nghiệp và xây dựng đạt 273 tỉ đồng.", 273.0, "industry_value"),
    ],
)
def test_a_part_of_a_sector_group_is_not_the_groups_id(text: str, value: float, expected: str | None) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the mobiliser between the funds and `huy động`, and `nguồn lực` for the funds
        (
            "Giai đoạn 2011-2020, tổng kinh phí xã huy động thực hiện chương trình xây dựng nông thôn mới "
            "là 96 tỷ đồng.",
            96.0,
        ),
        (
            "Trong quá trình triển khai thực hiện xây dựng NTM, UBND xã đã huy động nguồn lực gần 52 tỷ "
            "đồng. Trong đó nhân dân đóng góp hơn 9 tỷ đồng.",
            52.0,
        ),
    ],
)
def test_all_the_funds_mobilised_for_new_rural_areas_are_ntm_funds(text: str, value: float) -> None:
    assert _ids(text)[value] == "ntm_funds"


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("Phường có 27 tổ dân phố với hơn 4.100 hộ dân.", 27.0, "admin_hamlets"),
        ("Toàn xã có 12 ấp và khu phố.", 12.0, "admin_hamlets"),
        # `x/y` hamlets are some of them, whatever the name kept of what they reached
        ("Kết quả: 04/09 thôn, làng.", 4.0, None),
        ("Đã có 7/12 thôn.", 7.0, None),
    ],
)
def test_a_count_named_by_hamlet_nouns_alone_is_the_hamlets(
    text: str, value: float, expected: str | None
) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    "text",
    [
        # a comparison with a named year, a span of years, a price base after the growth's subject
        "Tổng giá trị sản xuất (giá so sánh năm 2010) ước tăng 12,3% so với năm 2023.",
        "Giai đoạn 2015-2020, giá trị sản xuất tăng bình quân 5 năm 9,8%.",
        "Tốc độ tăng tổng sản phẩm trên địa bàn theo giá hiện hành đạt 11,2%.",
    ],
)
def test_a_growth_keeps_its_id_after_a_named_year_a_span_or_a_price_base(text: str) -> None:
    assert [m.indicator_id for m in extract_mentions(text)] == ["economic_growth_rate"]


def test_a_headline_figure_restated_under_a_more_exact_name_takes_its_id() -> None:
    head = "Huyện X: Thu ngân sách 6 tháng ước đạt 245 tỷ đồng\n\nSáng 12/7, UBND huyện X tổ chức hội nghị. "
    restated = (
        head + "Theo đó, thu ngân sách nhà nước trên địa bàn 6 tháng ước đạt 245 tỷ đồng, bằng 58% dự toán."
    )
    assert [m.indicator_id for m in extract_mentions(restated)] == ["budget_revenue_state"] * 2
    # not restated: the bare name keeps the total's id
    alone = head + "Theo đó, chi ngân sách 6 tháng ước đạt 198 tỷ đồng."
    assert [m.indicator_id for m in extract_mentions(alone)] == ["budget_revenue_total", "budget_expenditure"]


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # the members a congress's delegates represent
        (
            "Đại hội có 135 đại biểu chính thức, đại diện cho 452 đảng viên của toàn Đảng bộ xã Nậm Pồ.",
            452.0,
            "party_members",
        ),
        ("Về dự Đại hội có 150 đảng viên ưu tú, đại diện cho hơn 700 đảng viên.", 700.0, "party_members"),
        ("Về dự Đại hội có 150 đảng viên ưu tú, đại diện cho hơn 700 đảng viên.", 150.0, None),
        # where members are registered
        ("Đảng bộ xã hiện có 312 đảng viên sinh hoạt ở 19 chi bộ.", 312.0, "party_members"),
        ("Đảng bộ xã hiện có 312 đảng viên sinh hoạt ở 19 chi bộ.", 19.0, "party_cells"),
        ("Toàn huyện có 5.400 đảng viên sinh hoạt tại 58 tổ chức cơ sở đảng.", 58.0, "party_orgs"),
        # members exempted from their registration are not the members
        ("Chi bộ đã xét miễn sinh hoạt cho 5 đảng viên.", 5.0, None),
    ],
)
def test_party_members_represented_or_registered_are_the_members(
    text: str, value: float, expected: str | None
) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        (
            "Giá trị các ngành dịch vụ tăng từ 540 tỷ đồng (năm 2020) lên 910 tỷ đồng (năm 2025).",
            910.0,
            "trade_services_value",
        ),
        ("Các ngành dịch vụ tăng 14,2% so với cùng kỳ.", 14.2, "services_growth_rate"),
    ],
)
def test_the_sectors_written_with_cac_are_the_sector(text: str, value: float, expected: str) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        (
            "Tổng doanh thu bán lẻ hàng hóa và dịch vụ tiêu dùng quý I ước đạt 12.400 tỷ đồng.",
            12400.0,
            "trade_services_value",
        ),
        (
            "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng tăng 9,6% so với cùng kỳ.",
            9.6,
            "services_growth_rate",
        ),
    ],
)
def test_retail_sales_of_consumer_services_are_trade_and_services(
    text: str, value: float, expected: str
) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # several predecessor councils summed, or the new council's part of the term after a merger
        ("Trước sáp nhập, HĐND các phường đã tổ chức 42 kỳ họp và ban hành 230 nghị quyết.", [None, None]),
        ("Sau khi sáp nhập (từ ngày 1/7), HĐND phường tiếp tục tổ chức 4 kỳ họp.", [None]),
        # one council over the term keeps its ids, also beside another merger's words
        (
            "Trong nhiệm kỳ, HĐND xã đã tổ chức 20 kỳ họp, thông qua đề án sáp nhập thôn.",
            ["council_sessions"],
        ),
        (
            "Trong nhiệm kỳ, HĐND phường đã tổ chức 69 kỳ họp và ban hành 285 nghị quyết.",
            ["council_sessions", "council_resolutions"],
        ),
    ],
)
def test_council_business_of_merged_councils_is_no_one_councils(
    text: str, expected: list[str | None]
) -> None:
    assert [m.indicator_id for m in extract_mentions(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Qua các kỳ họp, HĐND phường đã ban hành 285 nghị quyết quan trọng, tập trung vào kinh tế.",
        "Trong nhiệm kỳ, HĐND xã đã thông qua 26 nghị quyết trên các lĩnh vực.",
    ],
)
def test_resolutions_a_council_adopted_are_council_resolutions(text: str) -> None:
    assert [m.indicator_id for m in extract_mentions(text)] == ["council_resolutions"]


def test_the_resolutions_of_one_session_are_its_business() -> None:
    text = "Tại kỳ họp thứ 7, HĐND xã đã thông qua 5 nghị quyết quan trọng."
    assert [m.indicator_id for m in extract_mentions(text)] == [None]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Năm 2022, có 1 trường học đạt chuẩn văn hóa.", 1.0),
        ("Năm 2022, có 88/92 đơn vị đạt đơn vị văn hóa.", 88.0),
    ],
)
def test_schools_and_units_with_the_cultured_title_are_cultured_agencies(text: str, value: float) -> None:
    assert _ids(text)[value] == "cultured_agencies"


def test_a_sectors_part_in_the_breakdown_after_its_groups_figure_has_no_id() -> None:
    text = (
        "Các ngành đều tăng trưởng, trong đó: nông, lâm nghiệp và thủy sản tăng 2,1%, công nghiệp - xây dựng "
        "tăng 12,4% (công nghiệp tăng 13,2%, xây dựng tăng 6,8%), dịch vụ tăng 5,9%."
    )
    assert _ids(text)[12.4] == "industry_growth_rate"
    assert _ids(text)[13.2] is None
    text = (
        "Tổng giá trị sản xuất nông - lâm - thủy sản là 3.210 tỷ đồng, tăng 4,2% so với cùng kỳ, trong đó: "
        "nông nghiệp tăng 3,9%, lâm nghiệp tăng 12,5%."
    )
    assert (_ids(text)[4.2], _ids(text)[3.9]) == ("agri_growth_rate", None)
    # a bracket that closed before the figure opens no breakdown, nor another group's breakdown
    text = "Giá trị sản xuất nông nghiệp tăng 3,1% (giá so sánh 2010), công nghiệp tăng 8,2%."
    assert _ids(text)[8.2] == "industry_growth_rate"
    text = "Công nghiệp - xây dựng tăng 10,2% (công nghiệp tăng 12,1%), nông, lâm, thủy sản tăng 3,1%."
    assert (_ids(text)[12.1], _ids(text)[3.1]) == (None, "agri_growth_rate")


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # units founded or entering the market are a flow, not the stock of units: the new-unit id or none
        ("Trong 9 tháng, có 14 doanh nghiệp, 1 hợp tác xã thành lập mới.", 1.0, "new_cooperatives"),
        ("Trong năm, có 2 hợp tác xã mới thành lập.", 2.0, "new_cooperatives"),
        ("Số doanh nghiệp tham gia thị trường là 323 doanh nghiệp.", 323.0, None),
        # the new-unit ids keep them; the stock keeps its id
        (
            "Trong quý I, có 95 hộ kinh doanh và 07 doanh nghiệp đăng ký thành lập mới.",
            7.0,
            "new_enterprises",
        ),
        ("Toàn xã có 3 hợp tác xã.", 3.0, "cooperatives"),
    ],
)
def test_units_founded_are_no_stock_of_units(text: str, value: float, expected: str | None) -> None:
    assert _ids(text)[value] == expected


def test_a_money_figure_named_by_one_sector_alone_is_that_sectors_value() -> None:
    text = "Giá trị sản xuất ngành công nghiệp – xây dựng 226,47 tỷ đồng; ngành dịch vụ thương mại 253,41 tỷ."
    assert _ids(text)[253.41] == "trade_services_value"
    assert _ids("Năm 2023, ngành nông - lâm - thủy sản đạt 80 tỷ đồng.")[80.0] == "agri_value"
    # `khu vực` is a GRDP breakdown's word: value added (its own entries since round 16), no production value
    text = "Khu vực nông, lâm nghiệp thủy sản đạt 1.574 tỷ đồng, khu vực công nghiệp - xây dựng đạt 2.323 tỷ."
    assert set(_ids(text).values()) == {"agri_value_added", "industry_value_added"}


def test_workers_a_job_was_made_for_are_jobs_created() -> None:
    assert _ids("Trong 6 tháng, tỉnh đã tạo việc làm cho 14.500 lao động.")[14500.0] == "jobs_created"
    assert _ids("Toàn xã có 5.200 lao động trong độ tuổi.")[5200.0] == "labour_force"


@pytest.mark.parametrize(
    "text",
    [
        "Tổng thu ngân sách Nhà nước theo dự toán đạt hơn 56,6 tỷ đồng, đạt 94% chỉ tiêu, trong đó, thu ngân "
        "sách Nhà nước trên địa bàn hơn 9,8 tỷ đồng.",
        "Tổng thu ngân sách trên địa bàn huyện hơn 347 tỷ đồng, đạt 88,8% dự toán. Trong đó, thu ngân sách "
        "tại địa phương hơn 40 tỷ đồng.",
    ],
)
def test_a_state_revenue_total_whose_part_is_state_revenue_is_the_total_revenue(text: str) -> None:
    ids = [m.indicator_id for m in extract_mentions(text)]
    assert ids == ["budget_revenue_total", "budget_revenue_state"]


def test_a_state_revenue_without_such_a_part_keeps_its_id() -> None:
    text = "Thu ngân sách nhà nước trên địa bàn đạt 120 tỷ đồng; chi ngân sách 98 tỷ đồng."
    assert [m.indicator_id for m in extract_mentions(text)] == ["budget_revenue_state", "budget_expenditure"]


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # ids12: targets met or exceeded said by the clause around the figure, whatever the name kept
        ("Đạt và vượt 21/25 chỉ tiêu đại hội đề ra, còn 4 chỉ tiêu chưa đạt.", 21.0, "plan_targets_on_track"),
        (
            "Ban Thường vụ Huyện ủy đã lãnh đạo thực hiện toàn diện nhiệm vụ, đạt được những kết quả quan "
            "trọng: 16/16 chỉ tiêu phát triển kinh tế - xã hội chủ yếu đều đạt và vượt kế hoạch đề ra.",
            16.0,
            "plan_targets_on_track",
        ),
        (
            "Sáu tháng đầu năm, xã đạt và vượt 15/18 chỉ tiêu cơ bản về phát triển kinh tế - xã hội so "
            "với kế hoạch.",
            15.0,
            "plan_targets_on_track",
        ),
        # a field's subset of the targets, before or after the figure, has none
        ("Trên lĩnh vực kinh tế, đạt và vượt 8/9 chỉ tiêu.", 8.0, None),
        ("Năm 2024, 7/7 chỉ tiêu trong lĩnh vực văn hóa - xã hội của xã đạt và vượt kế hoạch.", 7.0, None),
        # a comma or another figure between the noun and the verb: the verb is not this figure's
        ("Huyện giao 30 chỉ tiêu, trong đó 26 chỉ tiêu đạt và vượt.", 30.0, None),
    ],
)
def test_targets_met_or_exceeded_are_read_from_the_clause(
    text: str, value: float, expected: str | None
) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # ids12: the standard said right after the communes counted, whatever the name kept of it
        (
            "Toàn huyện có 15 xã đạt chuẩn nông thôn mới, trong đó có 7 xã đạt chuẩn nâng cao, 2 xã đạt "
            "chuẩn kiểu mẫu.",
            7.0,
            "ntm_advanced_communes",
        ),
        (
            "Toàn huyện có 15 xã đạt chuẩn nông thôn mới, trong đó có 7 xã đạt chuẩn nâng cao, 2 xã đạt "
            "chuẩn kiểu mẫu.",
            2.0,
            "ntm_model_communes",
        ),
        (
            "Toàn huyện có 15 xã đạt chuẩn nông thôn mới, trong đó có 7 xã đạt chuẩn nâng cao, 2 xã đạt "
            "chuẩn kiểu mẫu.",
            15.0,
            "ntm_communes",
        ),
    ],
)
def test_the_standard_after_the_communes_counted_decides_the_id(
    text: str, value: float, expected: str | None
) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # ids12: `tăng mạnh`, `tăng cao` after the subject: a rise all the same
        ("tốc độ tăng giá trị sản xuất công nghiệp tăng cao", "industry_growth_rate"),
        ("tỷ lệ khu vực công nghiệp - xây dựng tăng mạnh", "industry_growth_rate"),
        ("tỷ lệ khu vực dịch vụ tăng nhanh", "services_growth_rate"),
        # a rate named with `tỷ lệ` is a sector's growth only when the rest is a sector
        ("tỷ lệ hộ nghèo tăng mạnh", None),
    ],
)
def test_a_rise_said_with_an_intensifier_keeps_its_growth_id(name: str, expected: str | None) -> None:
    entry = resolve(name, "%")
    assert (entry.indicator_id if entry is not None else None) == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # ids12: words the sub-population veto reads keep an id whose own catalogue name says them
        (
            "Số thu do huyện quản lý đạt 25,4 tỷ đồng, bằng 110% dự toán.",
            25.4,
            "budget_revenue_district_managed",
        ),
        ("Trên địa bàn xã, hộ đồng bào dân tộc thiểu số chiếm 85%.", 85.0, "ethnic_minority_household_share"),
        # … and veto every other id
        ("Thu nhập bình quân đầu người của đồng bào dân tộc thiểu số đạt 30 triệu đồng.", 30.0, None),
        ("Thu ngân sách do tỉnh quản lý đạt 120 tỷ đồng.", 120.0, None),
    ],
)
def test_an_id_whose_own_name_says_the_vetoed_words_keeps_them(
    text: str, value: float, expected: str | None
) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ids12, items 36-37: criteria averaged over communes take their id in base unit `other`, the value
        # as written, in the slash form and worded
        (
            "Đến nay, số tiêu chí bình quân đạt 13,45 tiêu chí/xã.",
            ("ntm_criteria_avg_per_commune", 13.45, "other"),
        ),
        ("Bình quân mỗi xã đạt 15,2 tiêu chí.", ("ntm_criteria_avg_per_commune", 15.2, "other")),
        ("Bình quân toàn huyện đạt 12,6/19 tiêu chí.", ("ntm_criteria_avg_per_commune", 12.6, "other")),
        # a fraction of criteria is an average, whatever the name kept; one commune's are whole
        (
            "Trung bình các xã đạt 14,8 tiêu chí nông thôn mới.",
            ("ntm_criteria_avg_per_commune", 14.8, "other"),
        ),
        ("Xã Tân Lập đạt 17/19 tiêu chí nông thôn mới.", ("ntm_criteria_met", 17.0, "count")),
        # money per hectare: `other`, its scale applied, in the slash form and worded
        (
            "Giá trị sản xuất trên 1 ha đất canh tác đạt 150 triệu đồng/ha.",
            ("agri_value_per_ha", 150_000_000.0, "other"),
        ),
        (
            "Giá trị sản phẩm thu được trên 1 ha đất trồng trọt đạt 120 triệu đồng.",
            ("agri_value_per_ha", 120_000_000.0, "other"),
        ),
        ("Giá trị thu nhập/ha đạt 125-135 triệu đồng.", ("agri_value_per_ha", 125_000_000.0, "other")),
        (
            "Tổng giá trị sản xuất nông nghiệp bình quân đạt 95 triệu đồng/ha.",
            ("agri_value_per_ha", 95_000_000.0, "other"),
        ),
        # a hectare of water surface is aquaculture's: no id, the amount as written
        (
            "Giá trị sản phẩm thu hoạch trên 1 ha mặt nước nuôi trồng thủy sản đạt 250 triệu đồng.",
            (None, 250_000_000.0, "VND"),
        ),
    ],
)
def test_averages_per_commune_and_values_per_hectare_are_other_with_their_id(
    text: str, expected: tuple[str | None, float, str]
) -> None:
    (m,) = extract_mentions(text)
    assert (m.indicator_id, m.base_value, m.base_unit) == expected


@pytest.mark.parametrize(
    "text",
    [
        # ids12: retail sales with services revenue, however the list joins them
        "Tổng mức bán lẻ, dịch vụ 3.350 tỷ đồng, đạt 65,05% kế hoạch.",
        "Tổng mức bán lẻ và dịch vụ năm 2023 ước đạt 1.200 tỷ đồng.",
    ],
)
def test_retail_sales_with_services_are_the_trade_and_services_value(text: str) -> None:
    assert extract_mentions(text)[0].indicator_id == "trade_services_value"


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # ids12: the poverty rate's fall with how often between the subject and `giảm` is the reduction
        ("Giai đoạn 2020-2025, tỷ lệ hộ nghèo bình quân giảm từ 3-4%/năm.", 3.0, "poverty_reduction_rate"),
        ("Tỷ lệ hộ nghèo trung bình mỗi năm giảm 2,5%.", 2.5, "poverty_reduction_rate"),
        # the level it falls to is the rate
        ("Tỷ lệ hộ nghèo bình quân giảm còn 4,2%.", 4.2, "poverty_rate"),
    ],
)
def test_the_poverty_rates_fall_with_how_often_between_is_the_reduction(
    text: str, value: float, expected: str
) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # ids12: investment attracted, said by the act before the figure or at the head of the name
        ("Trong quý I, tỉnh thu hút được 25 dự án đầu tư.", 25.0, "investment_projects_attracted"),
        (
            "Tỉnh tiếp 30 lượt nhà đầu tư đến tìm hiểu và cấp chủ trương cho 4 dự án.",
            4.0,
            "investment_projects_attracted",
        ),
        (
            "Thu hút vốn đầu tư trong nước ngoài ngân sách đạt 5.200 tỷ đồng.",
            5200.0,
            "investment_capital_registered",
        ),
        # projects carried on or completed are no projects attracted
        ("Huyện hoàn thành 12 dự án đầu tư công.", 12.0, None),
    ],
)
def test_investment_attracted_is_said_by_the_act(text: str, value: float, expected: str | None) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # ids13: a figure right after a rise or fall (`tăng`, `giảm`, `thêm`) is its size, not the level
        ("Sản lượng lương thực tăng bình quân mỗi năm trên 3.500 tấn.", 3500.0, None),
        ("Trong nhiệm kỳ, xã giảm được 45 hộ nghèo, 72 hộ cận nghèo.", 72.0, None),
        ("Giai đoạn tới xây dựng thêm từ 5 trường đạt chuẩn quốc gia.", 5.0, None),
        ("Thu nhập bình quân đầu người tăng 4 triệu đồng so với năm trước.", 4e6, None),
        # the levels it rises or falls to, and the ids that measure the change itself, stay
        ("Sản lượng lương thực đạt 3.500 tấn.", 3500.0, "grain_output"),
        ("Xã có 72 hộ cận nghèo.", 72.0, "near_poor_households"),
        ("Số hộ nghèo của xã giảm 9 hộ so với đầu năm.", 9.0, "poor_households_reduced"),
        ("Số xã đạt chuẩn nông thôn mới tăng thêm 3 xã.", 3.0, "ntm_communes_new"),
        ("Năm 2024 huyện công nhận thêm 2 xã đạt chuẩn nông thôn mới.", 2.0, "ntm_communes_new"),
    ],
)
def test_a_figure_after_a_rise_or_fall_is_its_size_not_the_level(
    text: str, value: float, expected: str | None
) -> None:
    ids = _ids_by_base(text) if value >= 1e6 else _ids(text)
    assert ids[value] == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # ids13: a province or district named inside a growth name, and all after it, say where
        ("tốc độ tăng trưởng grdp của tỉnh lâm đồng so với cùng kỳ", "economic_growth_rate"),
        ("tốc độ tăng tổng sản phẩm tỉnh gia lai", "economic_growth_rate"),
        ("tốc độ tăng grdp của tỉnh này tăng so với cùng kỳ năm trước", "economic_growth_rate"),
        ("tốc độ tăng tổng sản phẩm trên địa bàn tỉnh sơn la ước theo giá so sánh", "economic_growth_rate"),
        ("tốc độ tăng thu ngân sách của huyện mường tè", "budget_revenue_growth_rate"),
        # a name the place words do not end in nothing the catalogue knows
        ("tốc độ tăng số vụ tai nạn của huyện mường tè", None),
    ],
)
def test_a_place_inside_a_growth_name_says_where(name: str, expected: str | None) -> None:
    assert _id(name, "%") == expected


@pytest.mark.parametrize(
    ("name", "unit", "expected"),
    [
        # ids13: an urban district (`quận`) is a place word like `huyện`, not what is measured
        (
            "tỷ lệ thực hiện dự toán thu ngân sách trên địa bàn quận",
            "%",
            "budget_revenue_state_plan_attainment",
        ),
        ("số đảng viên toàn quận", "count", "party_members"),
    ],
)
def test_an_urban_district_is_a_place_word(name: str, unit: str, expected: str) -> None:
    assert _id(name, unit) == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # ids15: one month's flow (`tháng N` right before the figure) takes no id (the corpus's rule 63),
        # now through ids22b's period phrases of the paragraph (`_month_of_paragraph`)
        ("Thu ngân sách tháng 10 ước đạt 2,5 tỷ đồng.", 2.5e9, None),
        ("Lượng khách du lịch tháng 4 ước đạt 12.000 lượt.", 12000.0, None),
        ("Tổng thu ngân sách nhà nước trên địa bàn trong tháng 7/2024 là 3,2 tỷ đồng.", 3.2e9, None),
        # the running total beside it, a span of months and a total up to a month keep the id
        ("Thu ngân sách tháng 10 đạt 2,5 tỷ đồng, lũy kế đạt 31,4 tỷ đồng.", 31.4e9, "budget_revenue_total"),
        ("Thu ngân sách 10 tháng đạt 31,4 tỷ đồng.", 31.4e9, "budget_revenue_total"),
        (
            "Tính đến hết tháng 10/2024 thu ngân sách nhà nước đạt 31,4 tỷ đồng.",
            31.4e9,
            "budget_revenue_state",
        ),
    ],
)
def test_one_months_flow_takes_no_id(text: str, value: float, expected: str | None) -> None:
    assert _ids_by_base(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # ids15: `lĩnh vực` before the targets is one field's subset only when it names the field
        ("Trên lĩnh vực văn hóa - xã hội, có 6/7 chỉ tiêu đạt và vượt kế hoạch.", 6.0, None),
        (
            "Xã phát triển trên tất cả các lĩnh vực, 17/17 chỉ tiêu đạt và vượt kế hoạch.",
            17.0,
            "plan_targets_on_track",
        ),
        (
            "Kết quả toàn diện trên các ngành, lĩnh vực, với 15/16 chỉ tiêu đạt và vượt kế hoạch.",
            15.0,
            "plan_targets_on_track",
        ),
        # ids15: a star class in a bracketed breakdown after the figure is the breakdown's, not the figure's
        ("Toàn xã có 8 sản phẩm OCOP (6 sản phẩm đạt 3 sao, 2 sản phẩm đạt 4 sao).", 8.0, "ocop_products"),
        ("Xã có 4 sản phẩm OCOP, trong đó 1 sản phẩm đạt 4 sao.", 4.0, "ocop_products"),
        # (a star class written with a leading zero is the figure's own all the same)
        ("Năm nay có 02 sản phẩm OCOP 03 sao được công nhận.", 2.0, None),
    ],
)
def test_the_clause_beside_the_targets_or_products_says_if_they_are_all(
    text: str, value: float, expected: str | None
) -> None:
    assert _ids(text)[value] == expected


# Round 15 (ids17): how official reports commonly write an indicator the catalogue knows, and a count
# of criteria summed over communes.


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # the grassroots Party organisations written as the cells and committees under the committee
        ("Đảng bộ phường hiện có 35 chi bộ, đảng bộ trực thuộc.", 35.0, "party_orgs"),
        ("Toàn Đảng bộ có 28 chi, đảng bộ trực thuộc với hơn 900 đảng viên.", 28.0, "party_orgs"),
        ("Huyện có 52 đảng bộ, chi bộ cơ sở.", 52.0, "party_orgs"),
        # the cells alone stay the cells
        ("Đảng bộ xã có 14 chi bộ trực thuộc.", 14.0, "party_cells"),
    ],
)
def test_party_organisations_written_as_cells_and_committees(text: str, value: float, expected: str) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # the gross product written as the place's own product, or with its abbreviation beside it: its
        # growth is the economy's growth
        ("Tổng sản phẩm địa phương (GRDP) năm nay tăng 6,85%.", 6.85, "economic_growth_rate"),
        ("Tổng sản phẩm GRDP giai đoạn 2021-2025 tăng bình quân 7,2%/năm.", 7.2, "economic_growth_rate"),
        ("Quy mô tổng sản phẩm địa phương đạt 45.600 tỷ đồng.", 45600.0, "total_product_value"),
    ],
)
def test_the_gross_product_written_as_the_places_own(text: str, value: float, expected: str) -> None:
    assert _ids(text)[value] == expected


def test_the_industrial_production_index_written_as_a_development_index() -> None:
    # the statistics office's `chỉ số phát triển sản xuất công nghiệp` is the industrial production index
    text = "Chỉ số phát triển sản xuất công nghiệp quý I tăng 8,4% so với cùng kỳ."
    assert _ids(text)[8.4] == "industrial_production_index_growth"


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # farmed and caught together, in either order, is the whole fishery output
        ("Sản lượng nuôi trồng và khai thác cả năm đạt 12.450 tấn.", 12450.0, "aquaculture_output"),
        ("Sản lượng đánh bắt và nuôi trồng thủy sản ước đạt 3.120 tấn.", 3120.0, "aquaculture_output"),
        # farmed alone stays farmed
        ("Sản lượng nuôi trồng ước đạt 2.300 tấn.", 2300.0, "aquaculture_farmed_output"),
    ],
)
def test_farmed_and_caught_together_is_the_whole_fishery_output(
    text: str, value: float, expected: str
) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    "text",
    [
        # a town's `khu phố` is its hamlet: a cultured one is a cultured hamlet
        "Năm 2023, phường có 22/24 khu phố đạt khu phố văn hóa.",
        "Toàn thị trấn có 22 khu phố đạt chuẩn văn hóa.",
    ],
)
def test_a_towns_cultured_quarters_are_cultured_hamlets(text: str) -> None:
    assert _ids(text)[22.0] == "cultured_hamlets"


@pytest.mark.parametrize(
    "text",
    [
        # retail sales of goods and services, in the words of the older statistics and of revenue
        "Doanh thu bán lẻ hàng hóa và dịch vụ cả năm đạt 1.250 tỷ đồng.",
        "Tổng mức lưu chuyển hàng hóa bán lẻ và doanh thu dịch vụ ước đạt 1.250 tỷ đồng.",
    ],
)
def test_retail_sales_written_as_revenue_or_circulation(text: str) -> None:
    assert _ids(text)[1250.0] == "trade_services_value"


def test_communes_written_as_standard_new_rural_communes() -> None:
    # `xã chuẩn nông thôn mới` without `đạt`: the communes that meet the standard all the same
    assert _ids("Đến nay huyện có 6 xã chuẩn nông thôn mới.")[6.0] == "ntm_communes"


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # more criteria than any one commune's set has: the district's communes' criteria added up
        ("Toàn huyện đã đạt 152/209 tiêu chí nông thôn mới.", 152.0, "ntm_criteria_met_total"),
        ("Tổng số tiêu chí nông thôn mới toàn huyện đạt 187 tiêu chí.", 187.0, "ntm_criteria_met_total"),
        # one commune's set stays the commune's
        ("Năm 2022, xã đạt 17/19 tiêu chí nông thôn mới.", 17.0, "ntm_criteria_met"),
    ],
)
def test_criteria_above_any_one_set_are_summed_over_communes(text: str, value: float, expected: str) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # the main targets said `hoàn thành`, without `x/y`: the targets met, not the targets set
        ("Năm 2024, toàn bộ 21 chỉ tiêu chủ yếu đều hoàn thành.", 21.0, "plan_targets_on_track"),
        (
            "Kết quả có 17 chỉ tiêu chủ yếu Nghị quyết Đại hội hoàn thành và hoàn thành vượt mức.",
            17.0,
            "plan_targets_on_track",
        ),
        # targets set stay set; a part's targets have no id
        ("Nghị quyết đề ra 21 chỉ tiêu chủ yếu.", 21.0, "plan_targets_total"),
        ("Có 12 chỉ tiêu thành phần hoàn thành.", 12.0, None),
    ],
)
def test_the_main_targets_said_completed_are_the_targets_met(
    text: str, value: float, expected: str | None
) -> None:
    assert _ids(text)[value] == expected


def test_employed_workers_trained_are_the_trained_labour_rate() -> None:
    # the new-rural criterion's own words (`lao động có việc làm qua đào tạo`): a training rate, not the
    # employment rate its first words are
    text = "Tỷ lệ lao động có việc làm qua đào tạo đạt 68,5%."
    assert _ids(text)[68.5] == "trained_labour_rate"
    assert _ids("Tỷ lệ lao động có việc làm đạt 95,2%.")[95.2] == "employment_rate"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # `x/y` Party organisations are those that did something, never the count of all of them
        ("Đến nay đã có 36/36 chi bộ, đảng bộ trực thuộc tổ chức xong đại hội.", 36.0),
        ("Có 20/22 tổ chức cơ sở đảng trực thuộc tổ chức xong đại hội.", 20.0),
        ("Có 12/14 chi bộ trực thuộc tổ chức xong đại hội.", 12.0),
    ],
)
def test_party_organisations_written_x_of_y_are_not_all_of_them(text: str, value: float) -> None:
    assert _ids(text)[value] is None


def test_cells_and_committees_stand_for_party_organisations_in_every_name() -> None:
    # `chi, đảng bộ` is the catalogue's `tổ chức đảng` wherever a name says it
    text = "Năm 2024 có 6 chi, đảng bộ hoàn thành xuất sắc nhiệm vụ."
    assert _ids(text)[6.0] == "party_orgs_rated_excellent_count"


def test_export_value_growth_is_export_growth() -> None:
    # exports named by their value rather than their turnover (`kim ngạch`): the same growth
    assert _ids("Giá trị xuất khẩu 6 tháng tăng 12,4% so với cùng kỳ.")[12.4] == "export_growth_rate"


# Round 16 (ids18): more of how official reports commonly write an indicator the catalogue knows.


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # jobs given to workers, written as jobs created for them
        ("Năm 2024, huyện đã tạo việc làm cho 1.850 lao động, đạt 105% kế hoạch.", 1850.0),
        ("Số lao động được tạo việc làm trong năm là 960 người.", 960.0),
    ],
)
def test_jobs_written_as_created_for_workers(text: str, value: float) -> None:
    assert _ids(text)[value] == "jobs_created"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # new enterprises written as newly developed, or as new business registrations granted to them
        ("Năm 2022 phát triển mới 45 doanh nghiệp.", 45.0),
        ("Sở đã cấp mới đăng ký kinh doanh cho 320 doanh nghiệp.", 320.0),
    ],
)
def test_new_enterprises_written_as_developed_or_newly_registered(text: str, value: float) -> None:
    assert _ids(text)[value] == "new_enterprises"


def test_roads_hardened_written_as_asphalted() -> None:
    # `nhựa hóa` (asphalted) is one of the ways a road is hardened
    assert _ids("Tỷ lệ nhựa hóa đường huyện đạt 95%.")[95.0] == "road_hardened_rate"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the new-rural criterion's wording: household solid waste sorted at source
        ("Tỷ lệ chất thải rắn sinh hoạt được phân loại tại nguồn đạt 60%.", 60.0),
        ("Phấn đấu phân loại chất thải rắn sinh hoạt tại nguồn đạt tỷ lệ 70%.", 70.0),
    ],
)
def test_waste_sorting_written_as_household_solid_waste(text: str, value: float) -> None:
    assert _ids(text)[value] == "waste_sorting_rate"


def test_the_balanced_local_budget_expenditure_is_budget_expenditure() -> None:
    # budget reports' `chi cân đối ngân sách địa phương`: the local budget's spending
    assert _ids("Tổng chi cân đối ngân sách địa phương ước đạt 412 tỷ đồng.")[412.0] == "budget_expenditure"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # revenue from import and export written as the customs' collection or as its field
        ("Thu thuế qua hải quan đạt 215 tỷ đồng, bằng 80% dự toán.", 215.0),
        ("Thu từ lĩnh vực xuất nhập khẩu đạt 1.120 tỷ đồng.", 1120.0),
    ],
)
def test_import_export_revenue_written_as_customs_collection(text: str, value: float) -> None:
    assert _ids(text)[value] == "budget_revenue_import_export"


def test_new_rural_funds_written_as_the_programmes_capital() -> None:
    # the capital spent on carrying out the new-rural programme is its funding
    text = "Tổng vốn thực hiện Chương trình xây dựng nông thôn mới năm 2023 là 64,2 tỷ đồng."
    assert _ids(text)[64.2] == "ntm_funds"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Party organisations rated (`xếp loại`) as having done their tasks well
        ("Năm qua có 21/23 chi, đảng bộ được xếp loại hoàn thành tốt nhiệm vụ.", 21.0),
        ("Có 27 tổ chức đảng xếp loại hoàn thành tốt nhiệm vụ trở lên.", 27.0),
    ],
)
def test_party_organisations_rated_as_doing_their_tasks_well(text: str, value: float) -> None:
    assert _ids(text)[value] == "party_orgs_rated_good_count"


def test_domestic_direct_investment_attracted_is_registered_capital() -> None:
    # DDI (domestic direct investment) attracted: the capital the projects registered
    text = "Thu hút vốn DDI đạt 8.500 tỷ đồng, vượt kế hoạch năm."
    assert _ids(text)[8500.0] == "investment_capital_registered"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a province's gross product written `GDP`: its growth is the economy's growth
        ("Tăng trưởng GDP năm 2023 đạt 6,8%.", 6.8),
        ("GDP 9 tháng đầu năm tăng 7,1% so với cùng kỳ.", 7.1),
    ],
)
def test_the_gross_product_written_gdp(text: str, value: float) -> None:
    assert _ids(text)[value] == "economic_growth_rate"


def test_supervision_sessions_alone_are_no_party_inspections() -> None:
    # `cuộc giám sát` alone is held by councils and fronts as well as by the Party: no Party id from it
    assert _ids("Thường trực Hội đồng nhân dân huyện đã tổ chức 8 cuộc giám sát chuyên đề.")[8.0] is None
    # inspection and supervision together stay the Party's
    assert _ids("Ban Thường vụ tổ chức 12 cuộc kiểm tra, giám sát.")[12.0] == "party_inspections"


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # a count of all the units of a place is no count of those that reached something
        ("Năm 2018 có thêm 4 xã về đích, nâng tổng số xã đạt chuẩn lên 12 xã.", 12.0, None),
        ("Trong tổng số 18 xã, có 15 xã đạt tiêu chí giáo dục.", 15.0, None),
        ("Trong tổng số 18 xã, có 15 xã đạt tiêu chí giáo dục.", 18.0, "admin_communes"),
        ("Huyện có tổng số 18 xã, thị trấn.", 18.0, "admin_communes"),
    ],
)
def test_all_units_of_a_place_are_not_those_that_reached_something(
    text: str, value: float, expected: str | None
) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a name that says its period is read as the name without it: when is no part of the id (a single
        # month's rise takes none at all since gold item 193: `test_one_months_index_rise_takes_no_id`)
        ("Chỉ số sản xuất công nghiệp quý III ước tăng 8,2% so với cùng kỳ.", 8.2),
        ("Chỉ số phát triển sản xuất công nghiệp 5 tháng năm 2024 tăng 6,4% so với cùng kỳ năm 2023.", 6.4),
    ],
)
def test_a_names_own_period_is_no_part_of_its_id(text: str, value: float) -> None:
    assert _ids(text)[value] == "industrial_production_index_growth"
    assert _id("thu ngân sách nhà nước 9 tháng", "VND") == "budget_revenue_state"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # communes registered to reach the new-rural standard this year: the year's new ones, not the stock
        ("Năm 2024, toàn huyện có 3 xã đăng ký đạt chuẩn nông thôn mới.", 3.0),
        ("Huyện tiếp tục chỉ đạo 2 xã đăng ký đạt chuẩn NTM năm 2025 hoàn thiện hồ sơ.", 2.0),
    ],
)
def test_communes_registered_to_reach_the_standard_are_the_years_new_ones(text: str, value: float) -> None:
    assert _ids(text)[value] == "ntm_communes_new"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # a sector's contribution to growth in points, its sector written as reports write it
        ("đóng góp của ngành dịch vụ vào tăng trưởng", "services_growth_contribution"),
        ("đóng góp của nông, lâm nghiệp và thủy sản vào tăng trưởng", "agri_growth_contribution"),
        ("đóng góp của ngành công nghiệp, xây dựng vào tăng trưởng", "industry_growth_contribution"),
        # industry without construction is a part of its group: no id
        ("đóng góp của ngành công nghiệp vào tăng trưởng", None),
    ],
)
def test_a_sectors_contribution_to_growth_is_read_from_its_sector_words(
    name: str, expected: str | None
) -> None:
    assert _id(name, "other") == expected


def test_a_sectors_contribution_in_points_takes_its_id_in_a_sentence() -> None:
    text = (
        "Tổng sản phẩm trên địa bàn tăng 7,2%; trong đó ngành dịch vụ tăng 6,1%, đóng góp 2,8 điểm phần trăm."
    )
    assert _ids(text)[2.8] == "services_growth_contribution"


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # how official reports commonly write indicators the catalogue has (ids19)
        ("Thu cân đối ngân sách trên địa bàn huyện đạt 412 tỷ đồng.", 412.0, "budget_revenue_state"),
        ("Toàn huyện đã gieo sạ 18.250 ha.", 18250.0, "rice_area"),
        ("Tổng diện tích gieo trồng lúa 36.415 ha, đạt 101% kế hoạch.", 36415.0, "rice_area"),
        ("Vốn đầu tư trên địa bàn tỉnh đạt 9.870 tỷ đồng.", 9870.0, "social_investment"),
        ("Quy mô nền kinh tế đạt 56.300 tỷ đồng.", 56300.0, "total_product_value"),
        (
            "Xã có gần 12 nghìn dân tại 21 thôn, làng, trong đó 9 làng đồng bào dân tộc thiểu số.",
            21.0,
            "admin_hamlets",
        ),
        ("Xuất khẩu đạt 615 triệu USD.", 615.0, "export_value"),
        ("Cơ cấu kinh tế: thuế sản phẩm chiếm 4,8%.", 4.8, "product_taxes_share"),
        ("Thuế sản phẩm tăng 6,2%, đóng góp 0,41 điểm phần trăm.", 0.41, "product_taxes_growth_contribution"),
    ],
)
def test_common_report_wordings_of_catalogue_indicators(text: str, value: float, expected: str) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # the level named first, then its growth: `GRDP tăng trưởng`, `… ước đạt mức tăng trưởng` (ids19)
        ("GRDP tăng trưởng bình quân 5 năm đạt 8,6%.", 8.6, "economic_growth_rate"),
        ("Tổng sản phẩm trên địa bàn (GRDP) ước đạt mức tăng trưởng 7,15%.", 7.15, "economic_growth_rate"),
        ("Khu vực dịch vụ dự ước tăng trưởng 5,4%.", 5.4, "services_growth_rate"),
        # `ấn tượng` says how much, not what
        ("Tổng sản phẩm GRDP tăng trưởng ấn tượng đạt 8,1% so với cùng kỳ.", 8.1, "economic_growth_rate"),
    ],
)
def test_a_level_named_before_its_growth_is_that_levels_growth(
    text: str, value: float, expected: str
) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # the crop written right after the area is whose area it is (ids19)
        ("Đến giữa tháng Ba, toàn huyện đã gieo trồng được 412,5 ha ngô.", 412.5, "maize_area"),
        ("Trên lĩnh vực nông nghiệp, xã đã gieo trồng 865ha cây lúa.", 865.0, "rice_area"),
    ],
)
def test_a_crop_written_after_the_planted_area_is_that_crops_area(
    text: str, value: float, expected: str
) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the advanced new-rural standard said in the criteria count's own clause (ids19)
        ("Về xây dựng NTM nâng cao, đến nay xã đạt 14/19 tiêu chí.", 14.0),
        ("Xã tiếp tục duy trì 19/19 tiêu chí về xây dựng nông thôn mới nâng cao.", 19.0),
    ],
)
def test_criteria_of_the_advanced_standard_said_in_their_clause(text: str, value: float) -> None:
    assert _ids(text)[value] == "ntm_advanced_criteria_met"


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # wordings removed from ids they named wrongly more often than rightly on dev (ids19):
        # establishments are not household businesses
        ("Toàn phường có 1.245 cơ sở kinh doanh thương mại, dịch vụ.", 1245.0, None),
        # a district's or province's local budget revenue is its total revenue, not a commune's budget
        ("Thu ngân sách địa phương năm 2023 đạt 1.250 tỷ đồng.", 1250.0, "budget_revenue_total"),
        # public investment spent from the budget is development spending
        ("Chi đầu tư công là 2.540 tỷ đồng.", 2540.0, "development_expenditure"),
    ],
)
def test_wordings_that_named_another_measure_name_it_no_more(
    text: str, value: float, expected: str | None
) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # a band of attainment below the plan is no count of targets on track (ids19)
        ("Đến nay có 11 chỉ tiêu đạt và vượt kế hoạch; 6 chỉ tiêu đạt trên 50% kế hoạch.", 6.0, None),
        ("Có 20/24 chỉ tiêu đạt từ 70-100%, 4/24 chỉ tiêu đạt từ 50-70% kế hoạch.", 4.0, None),
        (
            "Đến nay có 11 chỉ tiêu đạt và vượt kế hoạch; 6 chỉ tiêu đạt trên 50% kế hoạch.",
            11.0,
            "plan_targets_on_track",
        ),
    ],
)
def test_a_band_of_attainment_below_plan_is_no_count_of_targets_on_track(
    text: str, value: float, expected: str | None
) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # the place and its name inside a `… tăng` name say where, the level before them what rose (ids19)
        ("tổng sản phẩm trên địa bàn tỉnh quảng trị tăng so với cùng kỳ năm trước", "economic_growth_rate"),
        ("thu ngân sách của thành phố hội an tăng", "budget_revenue_growth_rate"),
    ],
)
def test_a_place_named_inside_a_rise_is_no_part_of_what_rose(name: str, expected: str) -> None:
    assert _id(name, "%") == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # the one crop season a figure's sentence names before it is the figure's (ids19)
        (
            "Kết thúc vụ đông xuân 2023-2024, diện tích lúa đạt 3.215,5 ha, đạt 99% kế hoạch.",
            3215.5,
            "rice_area_winter_spring",
        ),
        ("Cây trồng vụ xuân: diện tích ngô là 148 ha, bằng 92% kế hoạch.", 148.0, "maize_area_winter_spring"),
        # two seasons: the whole year's
        ("Cả vụ đông xuân và hè thu, diện tích lúa đạt 6.480 ha.", 6480.0, "rice_area"),
    ],
)
def test_a_crop_season_named_earlier_in_the_sentence_is_the_figures(
    text: str, value: float, expected: str
) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # how official reports commonly write indicators the catalogue has (ids20): the legal name of a
        # commune-level unit, seafood output written `thủy, hải sản`, the rural water programme's
        # `nước sinh hoạt hợp vệ sinh`, the `thôn, bản văn hóa` title, public schools at the national
        # standard, `luyện tập thể thao`, the 2020 investment law's `chấp thuận chủ trương`, `tốc độ đô
        # thị hóa` for the urbanisation rate and `đánh bắt` for the catch
        ("Huyện có 9 đơn vị hành chính cấp cơ sở.", 9.0, "admin_communes"),
        ("Sản lượng thủy, hải sản ước đạt 4.215 tấn.", 4215.0, "aquaculture_output"),
        ("Tỷ lệ người dân sử dụng nước sinh hoạt hợp vệ sinh đạt 97,5%.", 97.5, "clean_water_rate"),
        ("Tỷ lệ thôn, bản đạt danh hiệu thôn, bản văn hóa đạt 72,4%.", 72.4, "cultured_hamlet_rate"),
        ("Tỷ lệ trường công lập đạt chuẩn quốc gia đạt 85%.", 85.0, "standard_schools_rate"),
        ("Tỷ lệ người luyện tập thể thao thường xuyên đạt 41,2%.", 41.2, "sports_participation_rate"),
        ("Có 12 dự án được chấp thuận chủ trương đầu tư.", 12.0, "investment_projects_attracted"),
        ("Tốc độ đô thị hóa đạt 38,6%.", 38.6, "urbanisation_rate"),
        ("Sản lượng đánh bắt ước đạt 1.320 tấn.", 1320.0, "fishing_output"),
    ],
)
def test_official_wordings_of_catalogue_indicators(text: str, value: float, expected: str) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # one named ethnic group is a sub-population no catalogue rate measures (ids20)
        ("Tỷ lệ hộ nghèo trong đồng bào Khmer còn 4,6%.", 4.6, None),
        ("Tỷ lệ hộ nghèo dân tộc Mông giảm bình quân 3,2%/năm.", 3.2, None),
        ("Tỷ lệ hộ nghèo toàn huyện còn 4,6%.", 4.6, "poverty_rate"),
    ],
)
def test_a_rate_of_one_named_ethnic_group_carries_no_id(
    text: str, value: float, expected: str | None
) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # one ownership sector is a part of the whole the id measures (ids20)
        ("Giá trị sản xuất công nghiệp ngoài quốc doanh đạt 512 tỷ đồng.", 512.0, None),
        ("Vốn đầu tư thực hiện của khu vực nhà nước đạt 1.840 tỷ đồng.", 1840.0, None),
        ("Giá trị sản xuất công nghiệp địa phương đạt 2.075 tỷ đồng.", 2075.0, None),
        # the whole keeps its id, and so does the non-state sector's tax, which its own names say
        ("Giá trị sản xuất công nghiệp đạt 2.075 tỷ đồng.", 2075.0, "industry_value"),
        ("Thu thuế ngoài quốc doanh đạt 38 tỷ đồng.", 38.0, "non_state_tax_revenue"),
    ],
)
def test_one_ownership_sector_carries_no_id_of_the_whole(
    text: str, value: float, expected: str | None
) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # dairy and beef cattle are bands of the herd, no wording of the whole herd (ids20)
        ("đàn bò sữa", None),
        ("đàn bò thịt", None),
        ("tổng đàn bò", "cow_herd"),
    ],
)
def test_a_band_of_the_cattle_herd_is_no_wording_of_the_herd(name: str, expected: str | None) -> None:
    assert _id(name, "count") == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # the share of roads hardened, whatever roads it names (ids20)
        ("Tỷ lệ tuyến đường do xã quản lý được bê tông, nhựa hóa đạt 92%.", 92.0, "road_hardened_rate"),
        ("Tỷ lệ tuyến đường liên thôn, ngõ xóm được bê tông hóa đạt 100%.", 100.0, "road_hardened_rate"),
        # canals hardened are another criterion
        ("Tỷ lệ kênh mương và đường nội đồng được cứng hóa đạt 64%.", 64.0, "canals_solidified_rate"),
    ],
)
def test_a_share_of_roads_hardened_is_the_road_criterion(text: str, value: float, expected: str) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # one kind of a herd by its use or breed is a part of the herd the id counts whole (ids21)
        ("Toàn xã hiện có đàn bò sữa 415 con.", 415.0, None),
        ("Đàn lợn nái đạt 1.260 con.", 1260.0, None),
        ("Đàn heo thịt ước đạt 23.500 con.", 23500.0, None),
        # the whole herd keeps its id
        ("Tổng đàn bò toàn xã đạt 415 con.", 415.0, "cow_herd"),
        ("Đàn heo ước đạt 23.500 con.", 23500.0, "pig_herd"),
    ],
)
def test_one_kind_of_a_herd_carries_no_id_of_the_whole_herd(
    text: str, value: float, expected: str | None
) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # a flow's figure with the running total right after it is the month's own flow: no id; the
        # running total keeps it (ids21)
        ("Thu ngân sách xã đạt 412 triệu đồng, lũy kế 3.870 triệu đồng.", 412.0, None),
        ("Thu ngân sách xã đạt 412 triệu đồng, lũy kế 3.870 triệu đồng.", 3870.0, "budget_revenue_commune"),
        # a span with a code of its own before it keeps the id (a quarter beside the year's running total)
        (
            "Quý III, thu ngân sách xã đạt 412 triệu đồng, lũy kế 3.870 triệu đồng.",
            412.0,
            "budget_revenue_commune",
        ),
        # no running total after it: the id stays
        ("Thu ngân sách xã đạt 412 triệu đồng, đạt 85% dự toán.", 412.0, "budget_revenue_commune"),
    ],
)
def test_a_flow_beside_the_running_total_after_it_carries_no_id(
    text: str, value: float, expected: str | None
) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # the statistics offices' numbered sectors of the economy (ids21)
        (
            "Trong đó khu vực I tăng 3,15%; khu vực II tăng 9,8%; khu vực III tăng 7,4%.",
            3.15,
            "agri_growth_rate",
        ),
        (
            "Trong đó khu vực I tăng 3,15%; khu vực II tăng 9,8%; khu vực III tăng 7,4%.",
            9.8,
            "industry_growth_rate",
        ),
        (
            "Trong đó khu vực I tăng 3,15%; khu vực II tăng 9,8%; khu vực III tăng 7,4%.",
            7.4,
            "services_growth_rate",
        ),
        ("GRDP tăng 6,1%, trong đó khu vực 3 tăng 8,25%.", 8.25, "services_growth_rate"),
    ],
)
def test_a_numbered_sector_of_the_economy_is_that_sector(text: str, value: float, expected: str) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # `thêm` opening a list holds for its later items too (ids21)
        (
            "Năm 2022 có thêm 4 xã đạt chuẩn nông thôn mới, 2 xã đạt chuẩn nông thôn mới nâng cao.",
            2.0,
            "ntm_advanced_communes_new",
        ),
        (
            "Năm 2022 có thêm 4 xã đạt chuẩn nông thôn mới, 2 xã đạt chuẩn nông thôn mới nâng cao.",
            4.0,
            "ntm_communes_new",
        ),
        # a list with no such word keeps the levels
        (
            "Toàn huyện có 14 xã đạt chuẩn nông thôn mới, 2 xã đạt chuẩn nông thôn mới nâng cao.",
            2.0,
            "ntm_advanced_communes",
        ),
    ],
)
def test_a_newly_word_opening_a_list_holds_for_its_later_items(
    text: str, value: float, expected: str
) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # the central budget's own revenue or spending in a province is a part of the budget (ids21)
        ("Thu ngân sách trung ương đạt 2.150 tỷ đồng.", 2150.0, None),
        ("Tổng chi ngân sách trung ương đạt 615 tỷ đồng.", 615.0, None),
        # transfers from the central budget keep their own id; the budget's whole keeps its id
        ("Thu bổ sung từ ngân sách trung ương đạt 1.870 tỷ đồng.", 1870.0, "budget_transfers"),
        ("Thu ngân sách đạt 2.150 tỷ đồng.", 2150.0, "budget_revenue_total"),
    ],
)
def test_the_central_budgets_own_revenue_or_spending_carries_no_id_of_the_budget(
    text: str, value: float, expected: str | None
) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "natural"),
    [
        # an area in square kilometres after `diện tích` is the place's natural area (ids22)
        ("Sau sắp xếp, phường mới có diện tích hơn 41 km2, dân số 52.300 người.", 4100.0, True),
        ("Xã Tân Lập có diện tích 58,6 km², gồm 12 thôn.", 5860.0, True),
        # a land use or a crop named in between is no natural area
        ("Diện tích đất phi nông nghiệp 12 km2.", 1200.0, False),
        ("Diện tích nuôi trồng thủy sản 3 km2.", 300.0, False),
    ],
)
def test_an_area_in_square_kilometres_after_dien_tich_is_the_natural_area(
    text: str, value: float, natural: bool
) -> None:
    by_base = {round(m.base_value or 0.0, 6): m.indicator_id for m in extract_mentions(text)}
    assert (by_base[value] == "natural_area") is natural


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the statistics offices' wordings of total social investment (ids22)
        ("Tổng giá trị đầu tư toàn xã hội đạt 850 tỷ đồng.", 850.0),
        ("Tổng vốn thực hiện trên địa bàn năm 2024 đạt 132 tỷ đồng.", 132.0),
        ("Tổng vốn đầu tư thực hiện toàn xã hội ước đạt 9.400 tỷ đồng.", 9400.0),
        ("Tổng vốn đầu tư phát triển đạt trên 2.300 tỷ đồng.", 2300.0),
    ],
)
def test_total_social_investment_as_the_statistics_offices_write_it(text: str, value: float) -> None:
    assert _ids(text)[value] == "social_investment"


@pytest.mark.parametrize(
    "text",
    [
        # the budget estimate's line and the statistics offices' shorthand for import-export revenue (ids22)
        "Thu cân đối từ hoạt động xuất nhập khẩu ước đạt 5.210 tỷ đồng, bằng 48% dự toán.",
        "Thu từ hoạt động XNK ước đạt 5.210 tỷ đồng.",
    ],
)
def test_import_export_revenue_as_budgets_and_statistics_offices_write_it(text: str) -> None:
    assert _ids(text)[5210.0] == "budget_revenue_import_export"


def test_the_gross_product_per_head_written_without_dau_nguoi() -> None:
    # `Tổng sản phẩm bình quân` with a figure per person is GRDP per head, as `GRDP bình quân` is (ids22)
    assert _ids("Tổng sản phẩm bình quân đạt 45,2 triệu đồng/người/năm.")[45.2] == "grdp_per_capita"


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # a bare output or yield in a sentence on rice is the rice's (ids22)
        (
            "Diện tích gieo cấy lúa 5.210 ha, đã thu hoạch 3.100 ha, sản lượng ước 18.600 tấn.",
            18600.0,
            "rice_output",
        ),
        ("Về sản xuất lúa, đã thu hoạch 2.400 ha, năng suất thu hoạch đạt 62,4 tạ/ha.", 6.24, "rice_yield"),
        # another crop named in between, or a linked production's output: not the rice's
        ("Gieo trồng 300 ha lúa và 120 ha ngô, sản lượng ước 2.150 tấn.", 2150.0, None),
        ("Liên kết sản xuất và tiêu thụ lúa 1.300 ha, sản lượng 8.450 tấn.", 8450.0, None),
        # a sentence naming two crop seasons before the figure leaves it to neither season nor the year
        (
            "Vụ chiêm cấy 400 ha lúa, năng suất 65 tạ/ha; vụ mùa cấy 380 ha lúa, năng suất ước đạt 57 tạ/ha.",
            5.7,
            None,
        ),
    ],
)
def test_a_bare_output_or_yield_in_a_sentence_on_rice_is_the_rices(
    text: str, value: float, expected: str | None
) -> None:
    by_base = {round(m.base_value or 0.0, 6): m.indicator_id for m in extract_mentions(text)}
    assert by_base[value] == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # the ways a unit's new-rural status is written say what `đạt chuẩn nông thôn mới` says (ids22)
        ("số xã hoàn thành nông thôn mới", "ntm_communes"),
        ("số xã đạt chuẩn xây dựng nông thôn mới nâng cao", "ntm_advanced_communes"),
        ("số đơn vị cấp huyện đạt chuẩn xây dựng ntm", "ntm_districts"),
        ("số đơn vị cấp huyện đạt chuẩn/hoàn thành nhiệm vụ xây dựng nông thôn mới", "ntm_districts"),
        # criteria completed are no status
        ("số xã hoàn thành các tiêu chí nông thôn mới", None),
    ],
)
def test_a_new_rural_status_however_written_is_the_standard_met(name: str, expected: str | None) -> None:
    assert _id(name, "count") == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # a month at the head of a sentence makes its later flows one month's flows, to the full stop, a
        # `trong đó` part of the month's total among them: no id (the corpus's rules 63, 154; ids22b)
        (
            "Tổng thu ngân sách trên địa bàn huyện tháng 9/2025 ước đạt 610 tỷ đồng, trong đó: thu nội địa"
            " đạt 540 tỷ đồng; thu từ hoạt động xuất nhập khẩu đạt 70 tỷ đồng.",
            540.0,
            None,
        ),
        # a month opening a paragraph reaches the paragraph's later sentences
        (
            "Trong tháng 9, do mưa bão kéo dài, nhiều cửa hàng tạm ngừng kinh doanh. Tổng mức bán lẻ hàng hóa"
            " và doanh thu dịch vụ ước đạt 870 tỷ đồng.",
            870.0,
            None,
        ),
        # a running total after the month gives the flow back its own period and its id
        (
            "Trong tháng 9, thu ngân sách xã đạt 412 triệu đồng. Lũy kế từ đầu năm, thu ngân sách xã đạt"
            " 3.870 triệu đồng.",
            3870.0,
            "budget_revenue_commune",
        ),
        # a month in a later sentence of the paragraph, not its first, does not reach past its full stop
        (
            "Năm 2025, kinh tế huyện tăng trưởng khá. Tháng 9 mưa lớn gây ngập úng. Tổng mức bán lẻ hàng"
            " hóa và doanh thu dịch vụ đạt 870 tỷ đồng.",
            870.0,
            "trade_services_value",
        ),
        # a month the figure is compared against sets no period
        (
            "So với tháng 9, thu ngân sách xã đạt 412 triệu đồng, bằng 108%.",
            412.0,
            "budget_revenue_commune",
        ),
    ],
)
def test_a_month_heading_the_sentence_or_opening_the_paragraph_makes_its_flows_one_months(
    text: str, value: float, expected: str | None
) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # idprec24 (gold item 193): one month's index rise, against the same month, the month before or
        # December, takes no id, as a month's flow does
        ("Chỉ số sản xuất công nghiệp tháng 5 ước tăng 8,7% so với cùng kỳ.", 8.7, None),
        ("Chỉ số giá tiêu dùng tháng 5/2024 tăng 1,2% so với tháng 12 năm trước.", 1.2, None),
        # the period's own rise keeps its id, a span of months as a quarter's
        (
            "Chỉ số sản xuất công nghiệp 5 tháng đầu năm ước tăng 8,7% so với cùng kỳ.",
            8.7,
            "industrial_production_index_growth",
        ),
        (
            "Chỉ số sản xuất công nghiệp quý I tăng 8,7% so với cùng kỳ năm trước.",
            8.7,
            "industrial_production_index_growth",
        ),
        # a month in the paragraph's first sentence does not reach an index's later sentence
        (
            "Trong tháng 5, thời tiết thuận lợi cho sản xuất. Chỉ số sản xuất công nghiệp tăng 8,7% so với"
            " cùng kỳ.",
            8.7,
            "industrial_production_index_growth",
        ),
    ],
)
def test_one_months_index_rise_takes_no_id(text: str, value: float, expected: str | None) -> None:
    assert _ids(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # ids23: a title held several years running is a part of the units holding it: no id
        ("Toàn xã có 950 hộ gia đình đạt danh hiệu gia đình văn hóa 5 năm liền.", 950.0, None),
        ("Có 3 thôn đạt danh hiệu thôn văn hóa 4 năm liên tục.", 3.0, None),
        # the title alone, and a later clause's years, keep the id
        ("Toàn xã có 950 hộ gia đình đạt danh hiệu gia đình văn hóa.", 950.0, "cultured_households"),
        (
            "Toàn xã có 950 hộ gia đình đạt danh hiệu gia đình văn hóa, trong đó 120 hộ đạt 5 năm liền.",
            950.0,
            "cultured_households",
        ),
    ],
)
def test_a_title_held_years_running_takes_no_id(text: str, value: float, expected: str | None) -> None:
    assert _ids_by_base(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # ids23: hamlets keeping their cultured title are the cultured hamlets
        ("Năm 2022, có 7/8 thôn giữ vững danh hiệu làng văn hóa.", 7.0, "cultured_hamlets"),
        ("Toàn phường có 9/10 khối giữ vững đơn vị văn hóa.", 9.0, "cultured_hamlets"),
        ("Toàn xã giữ vững danh hiệu 12 thôn, buôn văn hoá.", 12.0, "cultured_hamlets"),
        # a hall kept is no title
        ("Có 6 thôn giữ vững nhà văn hóa đạt chuẩn.", 6.0, None),
    ],
)
def test_hamlets_keeping_their_cultured_title_are_cultured_hamlets(
    text: str, value: float, expected: str | None
) -> None:
    assert _ids_by_base(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # ids23: a sector that `chiếm` a percentage takes that share of the economy
        (
            "Quý I, ngành nông, lâm nghiệp và thủy sản chiếm 41,2%, giảm 1,1%; ngành dịch vụ chiếm 35,6%.",
            41.2,
            "economy_share_agriculture",
        ),
        (
            "Quý I, ngành nông, lâm nghiệp và thủy sản chiếm 41,2%, giảm 1,1%; ngành dịch vụ chiếm 35,6%.",
            35.6,
            "economy_share_services",
        ),
        ("Phấn đấu đến năm 2025, công nghiệp - xây dựng chiếm từ 20 – 22%.", 20.0, "economy_share_industry"),
        # a sector that reaches a percentage of its plan is no share
        ("Thương mại - dịch vụ đạt 52%.", 52.0, None),
    ],
)
def test_a_sector_taking_up_a_percentage_is_its_share_of_the_economy(
    text: str, value: float, expected: str | None
) -> None:
    assert _ids_by_base(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # ids23: the value disbursed, in a paragraph on public investment capital, is the public investment
        (
            "Kế hoạch vốn đầu tư công năm 2024 của huyện là 120 tỷ đồng. "
            "Giá trị giải ngân đến hết tháng 3/2024 là 35 tỷ đồng.",
            35e9,
            "public_investment",
        ),
        (
            "Về đầu tư xây dựng cơ bản, giá trị giải ngân từ đầu năm ước đạt 18 tỷ đồng.",
            18e9,
            "public_investment",
        ),
        # projects named, no capital: a part; a new paragraph on another subject: no id
        (
            "Các dự án đầu tư công phục vụ lễ hội đã hoàn thành, giá trị giải ngân năm 2025 đạt 260 tỷ đồng.",
            260e9,
            None,
        ),
        ("Vốn đầu tư công đạt 120 tỷ đồng.\nGiá trị giải ngân cho hộ vay đạt 35 tỷ đồng.", 35e9, None),
    ],
)
def test_the_value_disbursed_beside_public_investment_capital_is_public_investment(
    text: str, value: float, expected: str | None
) -> None:
    assert _ids_by_base(text)[value] == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # ids23: a place's proper name in the figure's name is not what is measured
        ("Sáu tháng đầu năm, GRDP Hòa Lạc ước tăng 7,2% so với cùng kỳ.", 7.2, "economic_growth_rate"),
        ("Thu nhập bình quân đầu người xã Tân Phú đạt 48 triệu đồng.", 48e6, "income_per_capita"),
        # the name with no place name keeps what it had
        ("Thu nhập bình quân đầu người đạt 48 triệu đồng.", 48e6, "income_per_capita"),
    ],
)
def test_a_places_own_name_is_left_out_of_the_measure(text: str, value: float, expected: str | None) -> None:
    assert _ids_by_base(text)[value] == expected


def test_without_place_names_drops_the_title_case_place_and_its_lead() -> None:
    from ingest.extract.resolve import without_place_names

    text = "Năm 2024, 12 xã của huyện Kim Bình đã đạt chuẩn nông thôn mới."
    start = text.index("12")
    assert without_place_names("số xã của huyện kim bình đã đạt chuẩn", text, start) == "số xã đã đạt chuẩn"
    assert without_place_names("số xã đã đạt chuẩn", text, start) is None


@pytest.mark.parametrize(
    ("name", "unit", "expected"),
    [
        # ids24: a catalogue name's words in another order, or with the passive or `và` between them
        ("số chỉ tiêu vượt và đạt kế hoạch", "count", "plan_targets_on_track"),
        ("vốn đầu tư công giải ngân", "VND", "public_investment"),
        ("tổng số lượt khách du lịch", "count", "tourists"),
        # too few words to read in another order; a word said more often than the catalogue says it
        ("số xã", "count", None),
        ("số xã mới đạt chuẩn nông thôn mới và nông thôn mới nâng cao", "count", None),
    ],
)
def test_a_catalogue_names_words_in_another_order(name: str, unit: str, expected: str | None) -> None:
    assert _id(name, unit) == expected


def test_the_head_noun_after_the_measure_word_is_kept_apart() -> None:
    from ingest.extract.resolve import _measure_and_subject

    assert _measure_and_subject("số xã đạt chuẩn") == ("số", "xã", ("chuẩn", "đạt"))
    assert _measure_and_subject("số xã đạt chuẩn") != _measure_and_subject("số đạt chuẩn xã")
    assert _measure_and_subject("tổng số hộ được hỗ trợ") == _measure_and_subject("số hộ hỗ trợ")
    assert _measure_and_subject("hộ nghèo") is None  # no measure word


@pytest.mark.parametrize(
    ("name", "unit", "expected"),
    [
        # ids24: when is no part of the id: a span of years, a cut-off, a running total, the year's two ends
        ("thu nội địa đến hết tháng 8", "VND", "budget_revenue_domestic"),
        ("tổng chi ngân sách giai đoạn 2016 – 2020", "VND", "budget_expenditure"),
        ("tốc độ tăng trưởng kinh tế bình quân thời kỳ 2011-2015", "%", "economic_growth_rate"),
        ("thu ngân sách nhà nước lũy kế", "VND", "budget_revenue_state"),
        ("số hộ cận nghèo đầu năm", "count", "near_poor_households"),
        ("tỷ lệ hộ nghèo cuối năm", "%", "poverty_rate"),
        ("số đảng viên bị đình chỉ sinh hoạt cuối năm", "count", None),  # what is left says what
    ],
)
def test_the_period_a_name_says_is_read_out_of_it(name: str, unit: str, expected: str | None) -> None:
    assert _id(name, unit) == expected


@pytest.mark.parametrize(
    ("name", "unit", "expected"),
    [
        # ids24: the hamlet's or city's own, the state of the units or of the accounts say no other measure
        ("số hộ nghèo của thôn", "count", "poor_households"),
        ("số hợp tác xã đang hoạt động", "count", "cooperatives"),
        ("tổng chi ngân sách sau điều chỉnh", "VND", "budget_expenditure"),
        ("số kỳ họp hđnd phường sau sáp nhập", "count", "council_sessions"),
        ("số cuộc giám sát của hđnd xã trong nhiệm kỳ", "count", "council_supervisions"),
        ("tỷ trọng khu vực dịch vụ trong cơ cấu grdp", "%", "economy_share_services"),
        ("tỷ trọng ngành công nghiệp, xây dựng trong cơ cấu gdp", "%", "economy_share_industry"),
    ],
)
def test_scope_and_state_words_are_read_out_of_a_name(name: str, unit: str, expected: str | None) -> None:
    assert _id(name, unit) == expected


def test_without_place_names_leaves_a_one_word_name() -> None:
    from ingest.extract.resolve import without_place_names

    text = "Năm 2024, huyện Kim Bình có 12 xã đạt chuẩn."
    assert without_place_names("xã", text, text.index("12")) is None
