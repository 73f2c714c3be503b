"""Numbers no mention found (round 14, locate16): counted nouns the vocabulary lacked and the scale
`triệu tỷ`. Sentences invented, of the corpus's shapes."""

from __future__ import annotations

import pytest

from ingest.extract import extract_mentions
from ingest.extract.numbers import find_quantities
from ingest.records import DocumentMetadata

YEAR_2024 = DocumentMetadata(default_period="2024", issue_year=2024, terms=["2020-2025"])


def _quantities(text: str) -> list[tuple[float, str, str]]:
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
    assert [(u, b) for _, u, b in _quantities(text)] == [(noun, "count")]


def test_a_count_of_a_new_noun_is_a_mention() -> None:
    mentions = extract_mentions("Năm 2024, phường có 12 khối đạt danh hiệu khối văn hóa.", metadata=YEAR_2024)
    assert [(m.value, m.unit, m.base_unit) for m in mentions] == [(12.0, "khối", "count")]


def test_trieu_ty_is_a_scale_of_a_million_billion() -> None:
    # The gold rules, base_value: `triệu` ×1e6, `tỷ` ×1e9
    (q,) = find_quantities("GRDP đạt trên 1,5 triệu tỷ đồng", "grdp đạt trên 1,5 triệu tỷ đồng")
    assert (q.value, q.unit.unit, q.unit.base_unit, q.unit.factor) == (1.5, "triệu tỷ đồng", "VND", 1e15)
