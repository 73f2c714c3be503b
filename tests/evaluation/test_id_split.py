"""Wrong catalogue ids split into new ids against a null gold and the others (evaluation.id_split)."""

from __future__ import annotations

from evaluation.id_split import IdTally, tally_doc


def _fact(indicator_id: str | None, optional: bool = False) -> dict[str, object]:
    return {
        "indicator": "diện tích lúa vụ xuân",
        "quote": "lúa xuân 120 ha",
        "indicator_id": indicator_id,
        "optional": optional,
    }


def test_new_ids_against_a_null_gold_are_counted_apart_from_other_errors() -> None:
    gold = [
        _fact(None),
        _fact("rice_area"),
        _fact("poverty_rate"),
        _fact(None),
        _fact(None, optional=True),
        _fact(None),
    ]
    preds = [
        _fact("rice_area_winter_spring"),  # new id, gold null: expected until relabelling
        _fact("rice_area"),  # right
        _fact("poor_households"),  # an old id, wrong
        _fact("planted_area"),  # an old id where the gold says null: wrong
        _fact("rice_area_winter_spring"),  # matched an optional fact: not counted
        _fact(None),  # no id: not covered
    ]
    t = IdTally()
    tally_doc(t, "doc", gold, preds, [(i, i) for i in range(6)], frozenset({"rice_area_winter_spring"}))
    assert (t.required, t.covered, t.agree, t.other_wrong) == (5, 4, 1, 2)
    assert t.new_vs_null == {"rice_area_winter_spring": 1}
    assert t.coverage == 4 / 5
    assert t.precision == 1 / 4
    assert t.precision_without_new == 1 / 3
    assert t.lines == ["doc: rice_area_winter_spring | gold 'diện tích lúa vụ xuân' | 'lúa xuân 120 ha'"]


def test_a_new_id_where_the_gold_has_another_id_is_a_real_error() -> None:
    t = IdTally()
    tally_doc(
        t,
        "doc",
        [_fact("rice_area")],
        [_fact("rice_area_winter_spring")],
        [(0, 0)],
        frozenset({"rice_area_winter_spring"}),
    )
    assert (t.other_wrong, sum(t.new_vs_null.values()), t.precision_without_new) == (1, 0, 0.0)


def test_nothing_covered_has_no_precision() -> None:
    t = IdTally()
    tally_doc(t, "doc", [_fact(None)], [_fact(None)], [(0, 0)], frozenset())
    assert (t.coverage, t.precision, t.precision_without_new) == (0.0, None, None)
