"""Document metadata of the three seeds and of typical headers."""

from __future__ import annotations

from pathlib import Path

from ingest.extract import extract_metadata

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"


def _seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def test_xuan_phu_party_report() -> None:
    meta = extract_metadata(
        _seed("xuan-phu-portal-page-2023-h1.txt"), published_at="2023-08-13T22:14:53+07:00"
    )
    assert meta.issuer == "Đảng ủy xã Xuân Phú"
    assert (meta.commune, meta.district, meta.province) == ("Xuân Phú", "Thọ Xuân", "Thanh Hóa")
    assert meta.doc_type == "báo cáo"
    assert meta.doc_number == "- BC/HU"  # the number is left blank in the published copy
    assert (meta.issue_place, meta.issue_date, meta.issue_year, meta.issue_month) == (
        "Xuân Phú",
        None,
        2023,
        7,
    )
    assert meta.terms == ["2020-2025"]
    assert meta.default_period == "2023-H1"


def test_loc_quang_district_notice() -> None:
    meta = extract_metadata(_seed("loc-quang-notice-2023-h1.txt"))
    assert meta.doc_type == "thông báo"
    assert meta.commune == "Lộc Quảng"
    assert meta.issuer == "Thường trực Huyện ủy"
    assert (meta.issue_place, meta.issue_date) == ("Bảo Lâm", "2023-08-09")
    assert meta.district == "Bảo Lâm"
    assert meta.default_period == "2023-H1"


def test_binh_thanh_dong_term_report() -> None:
    meta = extract_metadata(_seed("binh-thanh-dong-term-report-2020-2025.txt"))
    assert meta.doc_type == "báo cáo"
    assert meta.commune == "Bình Thạnh Đông"
    assert meta.issuer == "Ban chấp hành đảng bộ xã Bình Thạnh Đông"
    assert meta.terms == ["2020-2025", "2025-2030"]
    assert meta.title_period == "term-2020-2025"  # the title's own period, kept beside the default


def test_conclusion_header_with_number_and_full_date() -> None:
    text = (
        "ĐẢNG BỘ HUYỆN NHƯ XUÂN\nĐẢNG ỦY XÃ TRUNG SƠN\n*\nSố 04 - KL/ĐU\n"
        "ĐẢNG CỘNG SẢN VIỆT NAM\nTrung Sơn, ngày 28 tháng 12 năm 2023\n\nKẾT LUẬN\n"
        "của Ban Chấp hành Đảng bộ xã về tình hình thực hiện nhiệm vụ năm 2023\n\n"
        "Năm 2023, tổng sản lượng lương thực đạt 3.100 tấn.\n"
    )
    meta = extract_metadata(text)
    assert meta.issuer == "Đảng ủy xã Trung Sơn"
    assert (meta.commune, meta.district) == ("Trung Sơn", "Như Xuân")
    assert (meta.doc_type, meta.doc_number) == ("kết luận", "04 - KL/ĐU")
    assert (meta.issue_place, meta.issue_date) == ("Trung Sơn", "2023-12-28")
    assert meta.default_period == "2023"


def test_mid_term_review_and_nine_months() -> None:
    meta = extract_metadata(
        "BÁO CÁO\nSơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2020 - 2025\n"
    )
    assert meta.default_period == "term-2020-2025-mid"
    meta = extract_metadata("BÁO CÁO\nKết quả thực hiện nhiệm vụ 9 tháng đầu năm 2024\n")
    assert meta.default_period == "2024-9M"


def test_a_body_sentence_opening_with_a_type_word_is_no_title() -> None:
    # `Báo cáo của Tỉnh ủy … cho biết, …` is prose: its year (a flood of 2020) does not date the mid-term
    # review the opening names
    text = (
        "Tân Hòa: Tập trung thực hiện các chỉ tiêu trong nửa nhiệm kỳ còn lại\n\n"
        "Chiều 5/9, Tỉnh ủy Tân Hòa tổ chức hội nghị sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội "
        "Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020-2025.\n\n"
        "Báo cáo của Tỉnh ủy Tân Hòa cho biết, tỉnh triển khai Nghị quyết trong bối cảnh chịu ảnh hưởng của "
        "đợt lũ lụt lịch sử năm 2020 và đại dịch Covid-19.\n\n"
        "Tốc độ tăng tổng sản phẩm trên địa bàn bình quân đạt 6,1%.\n"
    )
    assert extract_metadata(text).default_period == "term-2020-2025-mid"
    # a title line opening with the type word keeps its period
    title = "Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm 2024\n"
    assert extract_metadata(title).default_period == "2024-H1"


def test_empty_text() -> None:
    meta = extract_metadata("")
    assert meta.issuer is None and meta.default_period is None


def test_peoples_committee_header_on_two_lines_and_state_number() -> None:
    text = (
        "UỶ BAN NHÂN DÂN\nXÃ HOẰNG ĐẠO\nSố: 125/BC-UBND\nHoằng Đạo, ngày 15 tháng 12 năm 2024\nBÁO CÁO\n"
        "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024\n"
    )
    meta = extract_metadata(text)
    assert (meta.issuer, meta.commune) == ("Uỷ ban nhân dân xã Hoằng Đạo", "Hoằng Đạo")
    assert (meta.doc_number, meta.doc_type, meta.default_period) == ("125/BC-UBND", "báo cáo", "2024")
