"""Round 15's catalogue coverage (ids17): how official reports commonly write an indicator the catalogue
knows, and a count of criteria summed over communes."""

from __future__ import annotations

import pytest

from ingest.extract import extract_mentions


def _ids(text: str) -> dict[float, str | None]:
    return {m.value: m.indicator_id for m in extract_mentions(text)}


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
