"""Learned catalogue ids applied by the extractor: fill where the rules give none, abstain, keep units."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from ingest.extract import extract_mentions
from ingest.extract.learned import ids
from ingest.extract.learned.ids import build_index, installed, observed

BARE = "Năm 2023, toàn huyện có 12 xã cán đích chuẩn nông thôn mới."  # the rules find no catalogue name here


def _model(examples: Sequence[tuple[str, str, str | None]], **params: Any) -> dict[str, Any]:
    base = {
        "format": ids.FORMAT,
        "k": 3,
        "fill": 0.5,
        "replace": None,
        "fill_unseen_only": True,
        "seen_weight": 0.0,
    }
    return (
        base
        | params
        | {"examples": [{"name": n, "base_unit": u, "seen": None, "id": i} for n, u, i in examples]}
    )


NTM = [
    ("số xã đạt chuẩn nông thôn mới", "count", "ntm_communes"),
    ("tổng số xã đạt chuẩn nông thôn mới", "count", "ntm_communes"),
    ("số xã được công nhận đạt chuẩn nông thôn mới", "count", "ntm_communes"),
    ("số hộ nghèo", "count", "poor_households"),
]


def _ids(text: str) -> list[str | None]:
    return [m.indicator_id for m in extract_mentions(text)]


def test_rules_alone_leave_the_invented_mention_bare() -> None:
    with installed(None):
        assert _ids(BARE) == [None]


def test_agreeing_neighbours_fill_the_id() -> None:
    with installed(_model(NTM)):
        assert _ids(BARE) == ["ntm_communes"]


def test_neighbours_that_disagree_abstain() -> None:
    split = [*NTM[:2], ("số xã đạt chuẩn nông thôn mới kiểu mẫu", "count", "ntm_model_communes")]
    with installed(_model(split)):
        assert _ids(BARE) == [None]


def test_a_null_among_the_neighbours_is_no_fill() -> None:
    with installed(_model([*NTM[:2], ("số xã chuẩn nông thôn mới", "count", None)])):
        assert _ids(BARE) == [None]


def test_an_id_is_only_given_in_its_catalogue_base_unit() -> None:
    # the examples say `ntm_communes` but in % (a slip of a labeller): the count gets no id from them
    in_pct = [(n, "%", i) for n, _, i in NTM]
    index = build_index(_model(in_pct))
    assert index.nearest("số xã chuẩn nông thôn mới", "count", None) is None
    with installed(_model(in_pct)):
        assert _ids(BARE) == [None]


def test_below_the_threshold_nothing_is_filled() -> None:
    with installed(_model(NTM, fill=0.99)):
        assert _ids(BARE) == [None]


def test_a_rule_veto_stands_when_filling_only_unseen() -> None:
    text = "Năm 2023, số chi bộ y tế trực thuộc là 5 chi bộ; tỷ lệ hộ nghèo tại 6 xã là 3,2%."
    with observed() as seen:
        rules = _ids(text)
    vetoed = [n for n, (final, first) in enumerate(seen) if final is None and first is not None]
    assert vetoed, "the invented text should hold a mention whose candidate id a rule vetoed"
    name = extract_mentions(text)[vetoed[0]].indicator
    first = seen[vetoed[0]][1]
    unit = "%" if "tỷ lệ" in name else "count"
    copies = [(name, unit, first)] * 3
    with installed(_model(copies)):
        assert _ids(text)[vetoed[0]] is None
    with installed(_model(copies, fill_unseen_only=False)):
        assert _ids(text)[vetoed[0]] == first
    assert rules[vetoed[0]] is None


def test_replace_overrules_the_rules_only_when_switched_on() -> None:
    text = "Năm 2023, số chi bộ trực thuộc là 25 chi bộ."
    with installed(None):
        assert _ids(text) == ["party_cells"]
    nulls = [("số chi bộ trực thuộc", "count", None)] * 3
    with installed(_model(nulls)):
        assert _ids(text) == ["party_cells"]
    with installed(_model(nulls, replace=0.9)):
        assert _ids(text) == [None]  # a null is a veto


def test_the_shipped_model_is_off_by_default() -> None:
    with installed(None):
        rules = [m.to_dict() for m in extract_mentions(BARE)]
    assert ids.SHIPPED_ON is False
    assert [m.to_dict() for m in extract_mentions(BARE)] == rules


def test_observed_records_one_decision_per_mention() -> None:
    text = "Năm 2023, số hộ nghèo là 120 hộ; tổng số xã đạt chuẩn là 12 xã."
    with observed() as seen:
        found = extract_mentions(text)
    assert len(seen) == len(found) == 2
    assert [final for final, _ in seen] == [m.indicator_id for m in found]


def test_an_unknown_model_format_is_an_error() -> None:
    with pytest.raises(ValueError, match="format"):
        build_index(_model(NTM, format=99))
