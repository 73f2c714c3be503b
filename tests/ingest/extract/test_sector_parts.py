"""Names made in `sector_parts.py`: a sector's contribution to growth in percentage points."""

from __future__ import annotations

from ingest.extract import extract_mentions
from ingest.records import DocumentMetadata, Mention

Y2025 = DocumentMetadata(default_period="2025", issue_year=2025, terms=["2020-2025"])


def _by_value(text: str) -> dict[float, Mention]:
    return {m.value: m for m in extract_mentions(text, metadata=Y2025)}


def test_percentage_points_a_sector_contributes_to_growth_are_named_by_that_sector() -> None:
    by = _by_value(
        "Tổng sản phẩm trên địa bàn năm 2025 tăng 7,2%. Trong đó: khu vực công nghiệp - xây dựng đạt 5.120 "
        "tỷ đồng, tăng 9,1%, đóng góp 3,85 điểm phần trăm; ngành thương mại tăng 6,4% (đóng góp 1,26 điểm "
        "phần trăm); khu vực nông nghiệp giảm 1,3%, làm giảm 0,21 điểm phần trăm vào mức tăng trưởng chung."
    )
    assert by[3.85].indicator == "đóng góp của khu vực công nghiệp - xây dựng vào tăng trưởng"
    assert by[1.26].indicator == "đóng góp của ngành thương mại vào tăng trưởng"
    assert by[0.21].indicator == "đóng góp của khu vực nông nghiệp vào tăng trưởng"


def test_the_quote_of_a_sectors_contribution_opens_with_the_sector() -> None:
    by = _by_value(
        "Quý I, ngành thương mại phục hồi khá, là động lực chính, với đóng góp 2,15 điểm % vào mức "
        "tăng chung."
    )
    assert by[2.15].quote.startswith("ngành thương mại phục hồi khá")


def test_percentage_points_with_no_contribution_word_keep_their_own_name() -> None:
    by = _by_value("Tỷ lệ hộ nghèo đa chiều năm 2025 giảm 1,15 điểm phần trăm so với năm 2024.")
    assert "đóng góp" not in by[1.15].indicator


def test_a_share_written_as_chiem_ty_trong_is_the_share_of_the_sector_its_item_opens_with() -> None:
    by = _by_value(
        "Ngành thương mại - dịch vụ phát triển khá, tăng 9,4%/năm, chiếm tỷ trọng 41,7% cơ cấu kinh tế. "
        "Khu vực công nghiệp tiếp tục là động lực tăng trưởng, chiếm tỷ trọng 35,2% trong GRDP."
    )
    assert by[41.7].indicator == "tỷ trọng ngành thương mại - dịch vụ trong cơ cấu kinh tế"
    assert by[35.2].indicator == "tỷ trọng khu vực công nghiệp trong grdp"
    assert by[35.2].quote.startswith("Khu vực công nghiệp")


def test_a_sectors_change_listed_after_a_level_is_named_by_that_levels_measure() -> None:
    by = _by_value(
        "Năm 2025, chỉ số sản xuất toàn ngành công nghiệp tăng 6,2% so với năm trước. Trong đó, ngành "
        "khai khoáng giảm 2,7%; ngành sản xuất và phân phối điện tăng 5,3%."
    )
    assert by[2.7].indicator == "chỉ số sản xuất ngành khai khoáng giảm so với năm trước"
    assert by[5.3].indicator == "chỉ số sản xuất ngành sản xuất và phân phối điện tăng so với năm trước"
    assert by[2.7].quote.startswith("ngành khai khoáng")


def test_a_bracketed_sectors_change_takes_the_measure_of_the_item_it_stands_in() -> None:
    by = _by_value(
        "Khu vực công nghiệp - xây dựng năm 2025 có giá trị tăng thêm đạt 2.140 tỷ đồng, tăng 8,4% "
        "(công nghiệp giảm 3,15%)."
    )
    assert by[3.15].indicator.startswith("giá trị tăng thêm công nghiệp giảm")


def test_a_change_with_a_subject_of_its_own_keeps_its_name() -> None:
    by = _by_value(
        "Năm 2025, chỉ số sản xuất toàn ngành công nghiệp tăng 6,2%. Trong đó, số doanh nghiệp mới tăng 4,4%."
    )
    assert not by[4.4].indicator.startswith("chỉ số sản xuất")


def test_a_bracketed_growth_for_an_earlier_period_takes_the_measure_of_the_growth_before_it() -> None:
    by = _by_value(
        "Tốc độ tăng trưởng kinh tế ước đạt 7,6%, vượt kế hoạch đề ra (năm 2023 tăng 6,9%). Chỉ số sản "
        "xuất công nghiệp tăng 11,2% so với cùng kỳ (cùng kỳ tăng 4,3%)."
    )
    assert by[6.9].indicator == "tốc độ tăng trưởng kinh tế năm 2023"
    assert by[4.3].indicator.endswith("chỉ số sản xuất công nghiệp cùng kỳ")


def test_a_bracketed_growth_with_a_subject_of_its_own_keeps_its_name() -> None:
    by = _by_value("Tốc độ tăng trưởng kinh tế ước đạt 7,6% (khu vực dịch vụ tăng 8,2%).")
    assert "dịch vụ" in by[8.2].indicator
