"""A tier of a tier list is not the id of the whole; a tier nested with `trong đó` keeps it."""

from __future__ import annotations

from ingest.extract import extract_mentions
from ingest.records import DocumentMetadata, Mention

META = DocumentMetadata(default_period="2023")


def _ids(text: str) -> list[tuple[float, str | None]]:
    ms: list[Mention] = extract_mentions(text, metadata=META)
    return [(m.value, m.indicator_id) for m in ms]


def test_the_good_tier_alone_beside_the_excellent_tier_takes_no_good_or_better_id() -> None:
    text = "Kết quả đánh giá: tổ chức đảng hoàn thành tốt nhiệm vụ 85%, hoàn thành xuất sắc nhiệm vụ 15%."
    assert _ids(text) == [(85.0, None), (15.0, "party_orgs_rated_excellent")]


def test_good_or_better_keeps_its_id_beside_the_excellent_tier() -> None:
    text = "Có 90% chi bộ hoàn thành tốt nhiệm vụ trở lên, 20% hoàn thành xuất sắc nhiệm vụ."
    assert _ids(text)[0] == (90.0, "party_orgs_rated_good")


def test_a_good_share_alone_keeps_its_id() -> None:
    assert _ids("Năm 2023 có 85% chi bộ hoàn thành tốt nhiệm vụ.") == [(85.0, "party_orgs_rated_good")]


def test_a_nested_excellent_count_leaves_the_good_count_its_id() -> None:
    text = "Có 18/19 chi bộ hoàn thành tốt nhiệm vụ, trong đó 4 chi bộ hoàn thành xuất sắc nhiệm vụ."
    assert [i for _, i in _ids(text)] == ["party_orgs_rated_good_count", "party_orgs_rated_excellent_count"]


def test_the_on_track_tier_alone_takes_no_met_or_exceeded_id_and_the_exceeded_tier_its_own() -> None:
    assert _ids("Năm 2023 có 12 chỉ tiêu đạt tiến độ, 1 chỉ tiêu vượt.") == [
        (12.0, None),
        (1.0, "plan_targets_exceeded"),
    ]


def test_met_and_exceeded_beside_the_lagging_tier_keeps_its_id() -> None:
    text = "Có 15 chỉ tiêu đạt và vượt, 4 chỉ tiêu chưa đạt."
    assert _ids(text) == [(15.0, "plan_targets_on_track"), (4.0, "plan_targets_lagging")]


def test_tiers_in_two_sentences_are_no_tier_list() -> None:
    text = "Năm 2023 có 12 chỉ tiêu đạt kế hoạch. Có 1 chỉ tiêu vượt kế hoạch."
    assert _ids(text)[0] == (12.0, "plan_targets_on_track")


def test_the_members_excellent_tier_is_no_sibling_of_the_cells_good_tier() -> None:
    # ids21: a tier's sibling counts the same subject (cells beside cells, members beside members)
    text = (
        "Có 93% đảng viên hoàn thành tốt nhiệm vụ, trong đó 18% đảng viên hoàn thành xuất sắc nhiệm vụ; "
        "14/15 chi bộ hoàn thành tốt nhiệm vụ."
    )
    assert dict(_ids(text))[14.0] == "party_orgs_rated_good_count"
