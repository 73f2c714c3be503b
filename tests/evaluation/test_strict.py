"""The strict scorer on hand-made predictions: what matches, what does not, and how figures add up."""

from __future__ import annotations

import pytest

from evaluation.real_corpus import locate
from evaluation.strict import combine, content_words, error_lines, id_error_lines, score, stopwords

TEXT = (
    "Năm 2023, tỷ lệ hộ nghèo giảm chỉ còn 2,88%; thu ngân sách đạt trên 169.706 triệu đồng. "
    "Tổng đàn gia cầm có hơn 602.000 con, đạt 98,7% kế hoạch. "
    "Tỷ lệ thôn văn hóa 100%; hộ gia đình văn hóa 85%."
)


def fact(quote, indicator, value, unit, base_value, base_unit, **kw):
    row = {
        "quote": quote,
        "indicator": indicator,
        "indicator_id": None,
        "value": value,
        "value_high": None,
        "of_total": None,
        "unit": unit,
        "base_value": base_value,
        "base_unit": base_unit,
        "plan_pct": None,
        "yoy_pct": None,
        "approx": False,
        "kind": "actual",
        "period": "2023",
        "optional": False,
    }
    row.update(kw)
    return row


GOLD = locate(
    TEXT,
    [
        fact("tỷ lệ hộ nghèo giảm chỉ còn 2,88%", "tỷ lệ hộ nghèo", 2.88, "%", 2.88, "%"),
        fact(
            "thu ngân sách đạt trên 169.706 triệu đồng",
            "thu ngân sách",
            169706,
            "triệu đồng",
            169_706_000_000,
            "VND",
            approx=True,
        ),
        fact(
            "Tổng đàn gia cầm có hơn 602.000 con, đạt 98,7% kế hoạch",
            "tổng đàn gia cầm",
            602000,
            "con",
            602000,
            "count",
            approx=True,
            plan_pct=98.7,
        ),
        fact("Tỷ lệ thôn văn hóa 100%", "tỷ lệ thôn văn hóa", 100, "%", 100, "%"),
        fact(
            "Tỷ lệ thôn văn hóa 100%; hộ gia đình văn hóa 85%",
            "tỷ lệ hộ gia đình văn hóa",
            85,
            "%",
            85,
            "%",
        ),
    ],
)


def as_prediction(g, **changes):
    """A prediction that is the gold fact, with some fields changed."""
    p = {k: v for k, v in g.items() if k != "optional"}
    p.update(changes)
    return p


def test_gold_as_prediction_scores_one():
    result = score(GOLD, [as_prediction(g) for g in GOLD], TEXT)
    t = result.tally
    assert (t.tp, t.n_pred, t.n_required) == (5, 5, 5)
    assert t.f1 == t.precision == t.recall == t.located_recall == 1.0
    assert all(t.accuracy(a) == 1.0 for a in ("plan_pct", "yoy_pct", "kind", "period", "base_unit", "approx"))
    assert not result.missed and not result.spurious


def test_wrong_value_is_no_match_nor_located():
    preds = [as_prediction(GOLD[0], value=2.9, base_value=2.9)]
    t = score(GOLD[:1], preds, TEXT).tally
    assert (t.tp, t.precision, t.recall, t.located) == (0, 0.0, 0.0, 0)


def test_value_within_two_per_mille_matches_and_beyond_does_not():
    g = GOLD[1]  # base 169 706 000 000
    assert score([g], [as_prediction(g, base_value=169_706_000_000 * 1.0019)], TEXT).tally.tp == 1
    assert (
        score([g], [as_prediction(g, base_value=169_706_000_000 * 1.003, value=170215)], TEXT).tally.tp == 0
    )


def test_value_and_unit_match_when_base_value_is_missing_or_wrong():
    g = GOLD[1]
    same_unit = as_prediction(g, base_value=None, unit="Triệu  đồng")
    other_unit = as_prediction(g, base_value=None, unit="tỷ đồng")
    assert score([g], [same_unit], TEXT).tally.tp == 1
    assert score([g], [other_unit], TEXT).tally.tp == 0


@pytest.mark.parametrize("fragment", ["con", "phấn đấu", "có hơn", "=", "đạt"])
def test_fragment_names_do_not_match_but_the_number_is_located(fragment):
    g = GOLD[2]
    pred = as_prediction(g, indicator=fragment, quote="có hơn 602.000 con")
    del pred["start"], pred["end"]  # placed by its quote
    t = score([g], [pred], TEXT).tally
    assert t.tp == 0 and t.precision == 0.0
    assert t.located == 1 and t.located_recall == 1.0


def test_name_missing_the_measure_word_and_subject_fails_the_half_rule():
    # gold `tỷ lệ hộ gia đình văn hóa`: content words tỷ lệ hộ gia đình văn hóa (7); `văn hóa` holds 2
    pred = as_prediction(GOLD[4], indicator="văn hóa")
    assert score([GOLD[4]], [pred], TEXT).tally.tp == 0
    pred = as_prediction(GOLD[4], indicator="hộ gia đình văn hóa")  # 5 of 7 content words
    assert score([GOLD[4]], [pred], TEXT).tally.tp == 1


def test_name_more_than_about_twice_as_long_does_not_match():
    g = GOLD[2]  # `tổng đàn gia cầm`: 4 content words -> at most 9
    long_name = "tổng đàn gia cầm có hơn con đạt kế hoạch toàn xã chăn nuôi phát triển ổn định"
    assert score([g], [as_prediction(g, indicator=long_name)], TEXT).tally.tp == 0
    ok_name = "tổng đàn gia cầm toàn xã hiện có"
    assert score([g], [as_prediction(g, indicator=ok_name)], TEXT).tally.tp == 1


def test_number_only_quote_fails_unless_the_name_carries_the_words():
    g = GOLD[0]  # quote words: tỷ lệ hộ nghèo giảm chỉ còn 2,88 (8)
    bare = as_prediction(g, quote="2,88%", indicator="hộ nghèo")  # covers 3/8
    assert score([g], [bare], TEXT).tally.tp == 0
    named = as_prediction(g, quote="2,88%", indicator="tỷ lệ hộ nghèo")  # covers 5/8 >= 60 %
    assert score([g], [named], TEXT).tally.tp == 1


def test_elliptical_item_needs_its_head():
    g = GOLD[4]
    short = as_prediction(g, quote="hộ gia đình văn hóa 85%", indicator="hộ gia đình văn hóa")
    # quote words of the gold: tỷ lệ thôn văn hóa 100 hộ gia đình 85 (10 distinct); the short one covers 7
    assert score([g], [short], TEXT).tally.tp == 1
    bare = as_prediction(g, quote="85%", indicator="hộ gia đình")
    assert score([g], [bare], TEXT).tally.tp == 0


def test_prediction_matched_to_an_optional_fact_is_neither_hit_nor_false_positive():
    growth = fact(
        "thu ngân sách đạt trên 169.706 triệu đồng",
        "thu ngân sách tăng so với cùng kỳ",
        12,
        "%",
        12,
        "%",
        optional=True,
    )
    gold = [*GOLD[:2], *locate(TEXT, [growth])]
    preds = [as_prediction(GOLD[0]), as_prediction(gold[2]), as_prediction(GOLD[0], value=7, base_value=7)]
    t = score(gold, preds, TEXT).tally
    assert t.n_required == 2  # the optional fact is not counted in recall
    assert t.n_pred == 2  # the prediction matched to it is not counted in precision
    assert t.tp == 1
    assert (t.precision, t.recall) == (0.5, 0.5)


def test_unmatched_optional_fact_costs_nothing():
    optional = {**GOLD[3], "optional": True}
    t = score([GOLD[0], optional], [as_prediction(GOLD[0])], TEXT).tally
    assert (t.precision, t.recall) == (1.0, 1.0)


def test_one_to_one_a_duplicate_prediction_is_a_false_positive():
    g = GOLD[0]
    result = score([g], [as_prediction(g), as_prediction(g)], TEXT)
    assert (result.tally.tp, result.tally.n_pred) == (1, 2)
    assert result.tally.precision == 0.5
    assert len(result.spurious) == 1


def test_best_pairs_first_two_facts_with_the_same_value():
    # two gold facts of 100 %: each prediction must go to its own, even listed in the other order
    g1 = GOLD[3]
    same = fact("Tỷ lệ thôn văn hóa 100%", "tỷ lệ thôn văn hóa đạt chuẩn", 100, "%", 100, "%")
    g2 = locate(TEXT, [same])[0]
    p_general = as_prediction(g1, indicator="tỷ lệ thôn văn hóa đạt chuẩn")
    p_specific = as_prediction(g1, indicator="tỷ lệ thôn văn hóa")
    result = score([g1, g2], [p_general, p_specific], TEXT)
    assert result.tally.tp == 2
    assert sorted(result.pairs) == [(0, 1), (1, 0)]


def test_attribute_accuracy_is_taken_on_matched_facts():
    preds = [
        as_prediction(GOLD[0], period="2023-H1"),
        as_prediction(GOLD[1], approx=False, kind="target"),
        as_prediction(GOLD[2], plan_pct=None, base_unit="other"),
    ]
    t = score(GOLD[:3], preds, TEXT).tally
    assert t.tp == 3
    assert t.accuracy("period") == pytest.approx(2 / 3)
    assert t.accuracy("approx") == pytest.approx(2 / 3)
    assert t.accuracy("kind") == pytest.approx(2 / 3)
    assert t.accuracy("plan_pct") == pytest.approx(2 / 3)
    assert t.accuracy("base_unit") == pytest.approx(2 / 3)
    assert t.accuracy("yoy_pct") == 1.0


def test_catalogue_coverage_and_precision():
    gold = [
        {**GOLD[0], "indicator_id": "poverty_rate"},
        {**GOLD[1], "indicator_id": "budget_revenue"},
        GOLD[2],
    ]
    preds = [
        as_prediction(gold[0], indicator_id="poverty_rate"),
        as_prediction(gold[1], indicator_id="budget_expenditure"),
        as_prediction(gold[2], indicator_id=None),
    ]
    t = score(gold, preds, TEXT).tally
    assert t.catalogue_coverage == pytest.approx(2 / 3)
    assert t.catalogue_precision == 0.5


def test_right_coverage_is_counted_over_the_facts_with_a_gold_id():
    """`gold_id_share` is the ceiling of right coverage; `right_of_fittable` how much of it is reached:
    a wrong id, a missing id and an unmatched fact each cost a fittable fact."""
    gold = [
        {**GOLD[0], "indicator_id": "poverty_rate"},
        {**GOLD[1], "indicator_id": "budget_revenue"},
        {**GOLD[2], "indicator_id": None},
        {**GOLD[3], "indicator_id": "cultural_village_rate"},
    ]
    preds = [
        as_prediction(gold[0], indicator_id="poverty_rate"),
        as_prediction(gold[1], indicator_id="budget_expenditure"),
        as_prediction(gold[2], indicator_id="poverty_rate"),
    ]
    t = score(gold, preds, TEXT, ids_labelled=True).tally
    assert t.gold_id_share == pytest.approx(3 / 4)
    assert t.right_of_fittable == pytest.approx(1 / 3)
    both = t + score(gold[:1], preds[:1], TEXT, ids_labelled=True).tally
    assert (both.cat_fittable, both.cat_right) == (4, 2)
    assert set(t.summary()) >= {"gold_id_share", "right_of_fittable"}


def test_a_labelled_null_gold_id_makes_a_predicted_id_wrong():
    """Where gold ids were labelled, null means no catalogue indicator fits: an id there is wrong."""
    gold = [{**GOLD[0], "indicator_id": "poverty_rate"}, {**GOLD[1], "indicator_id": None}]
    preds = [
        as_prediction(gold[0], indicator_id="poverty_rate"),
        as_prediction(gold[1], indicator_id="budget_revenue_total"),
    ]
    assert score(gold, preds, TEXT).tally.catalogue_precision == 1.0  # unlabelled: not compared
    labelled = score(gold, preds, TEXT, ids_labelled=True).tally
    assert labelled.catalogue_precision == 0.5 and labelled.catalogue_coverage == 1.0


def test_located_recall_needs_the_right_place():
    g = GOLD[3]  # 100 % of `Tỷ lệ thôn văn hóa`
    elsewhere = as_prediction(g, start=0, end=9)
    assert score([g], [elsewhere], TEXT).tally.located == 0


def test_tallies_add_up_over_documents():
    a = score(GOLD[:2], [as_prediction(GOLD[0])], TEXT).tally
    b = score(GOLD[2:3], [as_prediction(GOLD[2]), as_prediction(GOLD[2], value=1, base_value=1)], TEXT).tally
    total = combine([a, b])
    assert (total.docs, total.tp, total.n_pred, total.n_required) == (2, 2, 3, 3)
    assert total.precision == pytest.approx(2 / 3) and total.recall == pytest.approx(2 / 3)
    assert total.summary()["f1"] == pytest.approx(2 / 3, abs=1e-4)


def test_no_prediction_on_a_document_with_facts_is_zero_not_perfect():
    t = score(GOLD, [], TEXT).tally
    assert (t.precision, t.recall, t.f1) == (0.0, 0.0, 0.0)


def test_error_lines_say_what_went_wrong():
    preds = [as_prediction(GOLD[0], indicator="còn"), as_prediction(GOLD[1], period="2024")]
    lines = error_lines("doc", GOLD[:2], preds, score(GOLD[:2], preds, TEXT))
    assert any(line.startswith("doc: MISSED") and "name share" in line for line in lines)
    assert any(line.startswith("doc: SPURIOUS") for line in lines)
    assert any("period '2024'≠'2023'" in line for line in lines)


def test_id_error_lines_list_wrong_and_missing_catalogue_ids():
    gold = [{**GOLD[0], "indicator_id": "poverty_rate"}, {**GOLD[1], "indicator_id": None}]
    preds = [
        as_prediction(gold[0], indicator_id=None),
        as_prediction(gold[1], indicator_id="budget_revenue_total"),
    ]
    lines = id_error_lines("doc", gold, preds, score(gold, preds, TEXT, ids_labelled=True).pairs)
    assert [line.split(" | ")[0] for line in lines] == [
        "doc: IDMISSED None≠poverty_rate",
        "doc: IDWRONG budget_revenue_total≠None",
    ]
    right = [as_prediction(g) for g in gold]
    assert id_error_lines("doc", gold, right, score(gold, right, TEXT, ids_labelled=True).pairs) == []


def test_content_words_drop_function_words_from_the_data_file():
    assert "của" in stopwords() and "tỷ" not in stopwords()
    assert content_words("tỷ lệ hộ dân sử dụng nước sạch của xã") == [
        "tỷ",
        "lệ",
        "hộ",
        "dân",
        "sử",
        "dụng",
        "nước",
        "sạch",
        "xã",
    ]
    assert content_words("số chỉ tiêu đạt và vượt kế hoạch") == ["số", "chỉ", "tiêu", "vượt", "kế", "hoạch"]
