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


# ---- one share for two subjects of different catalogue indicators: one fact per indicator (rules10)


def test_one_rating_share_for_organisations_and_members_is_two_facts() -> None:
    text = "Năm 2023, 90% tổ chức Đảng và đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên."
    ms = _all(text)
    assert [(m.indicator_id, m.value) for m in ms] == [
        ("party_orgs_rated_good", 90.0),
        ("party_members_rated_good", 90.0),
    ]
    assert ms[0].quote == ms[1].quote
    assert "tổ chức Đảng và đảng viên" in ms[0].quote
    assert "đảng viên" not in ms[0].indicator and "tổ chức" not in ms[1].indicator


def test_a_joint_rate_written_before_its_figure_is_split_too() -> None:
    ms = _all("Tỷ lệ tổ chức cơ sở đảng, đảng viên hằng năm hoàn thành tốt nhiệm vụ đạt 85%.")
    assert [(m.indicator_id, m.value) for m in ms] == [
        ("party_orgs_rated_good", 85.0),
        ("party_members_rated_good", 85.0),
    ]


def test_roads_and_canals_hardened_at_one_figure_are_two_facts() -> None:
    ms = _all("Đến nay, 100% đường giao thông nông thôn và kênh mương nội đồng được cứng hóa.")
    assert [m.indicator_id for m in ms] == ["road_hardened_rate", "canals_solidified_rate"]
    assert ms[0].indicator == "tỷ lệ đường giao thông nông thôn được cứng hóa"
    assert ms[1].indicator == "tỷ lệ kênh mương nội đồng được cứng hóa"
    assert ms[0].quote == ms[1].quote


def test_two_names_of_one_indicator_stay_one_fact() -> None:
    # `thôn và bản`: two wordings of one unit type, one indicator (corpus README, settled item 20)
    ms = _all("Có 100% thôn và bản được công nhận thôn văn hóa.")
    assert len(ms) == 1
