"""The benchmarks extract a corpus document the way the warehouse does: text, page title, page date."""

from __future__ import annotations

from typing import Any

import pytest

from evaluation.product_inputs import product_inputs, product_mentions, published_at
from evaluation.real_corpus import RealDoc


def _doc(text: Any, title: str | None = None, date: str | None = None) -> RealDoc:
    return RealDoc("x-doc", text, {"title": title, "date": date, "genre": "6m"}, [])


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Thứ Hai, 02/04/2018 15:52", "2018-04-02T15:52:00+07:00"),
        ("20/11/2020", "2020-11-20"),
        ("2025-07-28", "2025-07-28T00:00:00+07:00"),
        ("2023-04", "2023-04"),  # a month only: kept as written (the extractor reads its year)
        ("  ", None),
        (None, None),
    ],
)
def test_the_page_date_is_given_as_the_cleaner_stores_it(line: str | None, expected: str | None) -> None:
    got = published_at(line)
    assert got == expected or (expected is not None and got is not None and got.startswith(expected[:10]))


def test_the_title_and_date_go_beside_the_text_unless_text_only() -> None:
    doc = _doc("Thu ngân sách đạt 12 tỷ đồng.", "Báo cáo 6 tháng đầu năm 2023", "Thứ Hai, 03/07/2023 08:00")
    text, title, date = product_inputs(doc)
    assert (text, title) == (doc.text, "Báo cáo 6 tháng đầu năm 2023")
    assert date is not None and date.startswith("2023-07-03")
    assert product_inputs(doc, text_only=True) == (doc.text, None, None)


def test_the_title_dates_the_facts_of_a_text_that_names_no_period() -> None:
    doc = _doc("Tổng thu ngân sách trên địa bàn đạt 12,5 tỷ đồng.", "Báo cáo kết quả 6 tháng đầu năm 2023")
    with_title = product_mentions(doc)
    alone = product_mentions(doc, text_only=True)
    assert with_title and alone
    assert {m["period"] for m in with_title} == {"2023-H1"}
    assert "2023-H1" not in {m["period"] for m in alone}


def test_an_extraction_error_is_raised_not_scored_as_no_mentions() -> None:
    with pytest.raises(RuntimeError, match="x-doc: extraction failed"):
        product_mentions(_doc(None))
