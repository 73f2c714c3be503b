"""Period codes from Vietnamese period phrases."""

from __future__ import annotations

import pytest

from ingest.extract.periods import Term, phrase_period, terms_in

TERM = Term(2020, 2025)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("6 tháng đầu năm 2023", "2023-H1"),
        ("sáu tháng đầu năm", "2024-H1"),
        ("9 tháng đầu năm 2022", "2022-9M"),
        ("quý III năm 2023", "2023-Q3"),
        ("năm 2021", "2021"),
        ("tính đến ngày 30/7/2023", "as-of:2023-07-30"),
        ("đến 30/6/2023", "as-of:2023-06-30"),
        ("đến ngày 31 tháng 12 năm 2022", "as-of:2022-12-31"),
        ("nhiệm kỳ 2020 - 2025", "term-2020-2025"),
        ("sơ kết giữa nhiệm kỳ", "term-2020-2025-mid"),
        ("nửa nhiệm kỳ", "term-2020-2025-mid"),
        ("đầu nhiệm kỳ", "term-2020-2025-start"),
        ("nửa cuối nhiệm kỳ", "term-2020-2025-second-half"),
    ],
)
def test_phrase_period(text: str, code: str) -> None:
    found = phrase_period(text.lower(), 2024, TERM)
    assert found is not None and found[1] == code


def test_no_period_and_non_party_terms() -> None:
    assert phrase_period("không có gì", 2024, TERM) is None
    assert phrase_period("ngày 09 tháng 8 năm 2023", 2023, TERM)[1] == "2023"  # a date is not 9M
    assert phrase_period("so đầu nhiệm kỳ", 2024, TERM) is None
    assert terms_in("nhiệm kỳ 2021 - 2026 và nhiệm kỳ 2020-2025, nhiệm kỳ 2025 – 2030") == [
        Term(2020, 2025),
        Term(2025, 2030),
    ]
