"""A figure that coordinated subjects share (`A, B và C đều đạt …`) is written once per subject."""

from __future__ import annotations

from ingest.extract import extract_mentions
from ingest.records import DocumentMetadata, Mention

META = DocumentMetadata(default_period="2023")


def _all(text: str) -> list[Mention]:
    return extract_mentions(text, metadata=META)


def test_each_listed_criterion_gets_the_count_of_communes() -> None:
    ms = _all("Đến nay, quy hoạch, nhà ở dân cư, lao động có việc làm đều đạt ở 112 xã.")
    assert [(m.indicator, m.value) for m in ms] == [
        ("số xã đạt quy hoạch", 112.0),
        ("số xã đạt nhà ở dân cư", 112.0),
        ("số xã đạt lao động có việc làm", 112.0),
    ]
    assert all(m.quote.startswith("Đến nay, quy hoạch") or m.quote.startswith("quy hoạch") for m in ms)


def test_short_items_after_a_long_one_share_its_words() -> None:
    ms = _all("Giải ngân vốn đầu tư xây dựng cơ bản từ nguồn vốn tỉnh và huyện đều đạt 100%.")
    assert [m.indicator for m in ms] == [
        "tỷ lệ giải ngân vốn đầu tư xây dựng cơ bản từ nguồn vốn tỉnh",
        "tỷ lệ giải ngân vốn đầu tư xây dựng cơ bản từ nguồn vốn huyện",
    ]


def test_without_all_a_coordinated_subject_is_one_figure() -> None:
    ms = _all("Giải ngân vốn đầu tư xây dựng cơ bản từ nguồn vốn tỉnh và huyện đạt 100%.")
    assert len(ms) == 1
