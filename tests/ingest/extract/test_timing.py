"""The period a mention is about (`ingest.extract.timing`)."""

from __future__ import annotations

from ingest.extract import extract_mentions


def _periods(text: str) -> dict[float, tuple[str, str]]:
    return {m.value: (m.kind, m.period) for m in extract_mentions(text)}


def test_targets_set_in_a_half_year_report_are_for_the_year() -> None:
    found = _periods(
        "Xã Tân Lập tổ chức kỳ họp\n\n21/07/2018\n\nKỳ họp đánh giá, 6 tháng đầu năm tổng giá trị sản xuất "
        "ước đạt 52% kế hoạch. Kỳ họp thống nhất nhiệm vụ những tháng cuối năm với các chỉ tiêu: tăng "
        "trưởng kinh tế đạt 15%; thu nhập bình quân đầu người 32 triệu đồng."
    )
    assert found[52.0] == ("actual", "2018-H1")
    assert found[15.0] == ("target", "2018")
    assert found[32.0] == ("target", "2018")
