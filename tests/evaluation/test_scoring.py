"""The mention scorer: matching rules, tolerance, one-to-one matching, subsets, field accuracy, files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from evaluation.scoring import (
    combine,
    load_jsonl,
    name_similarity,
    score,
    score_documents,
    score_files,
)

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "tests" / "fixtures" / "gold"
SEEDS = ROOT / "tests" / "fixtures" / "seeds"


def mention(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "indicator": "sản lượng lương thực có hạt",
        "indicator_id": "grain_output",
        "value": 1936,
        "value_high": None,
        "of_total": None,
        "unit": "tấn",
        "base_value": 1936,
        "base_unit": "t",
        "plan_pct": 60,
        "yoy_pct": 114,
        "approx": False,
        "kind": "actual",
        "period": "2023-H1",
        "quote": "sản lượng lương thực có hạt đạt 1.936 tấn",
        "in_numbered_list": False,
    }
    base.update(over)
    return base


def test_identical_lists_score_perfectly() -> None:
    gold = [
        mention(),
        mention(indicator="gia cầm", indicator_id="poultry_flock", value=58500, base_value=58500),
    ]
    result = score(gold, [dict(m) for m in gold])
    assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0)
    assert result.pairs == [(0, 0), (1, 1)]
    assert result.summary()["period_acc"] == 1.0


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ([], [], (1.0, 1.0, 1.0)),
        ([mention()], [], (0.0, 0.0, 0.0)),
        ([], [mention()], (0.0, 0.0, 0.0)),
    ],
)
def test_empty_inputs(gold: list, pred: list, expected: tuple) -> None:
    result = score(gold, pred)
    assert (result.precision, result.recall, result.f1) == expected
    assert result.accuracy("kind") is None
    assert result.summary()["kind_acc"] is None


@pytest.mark.parametrize(
    ("pred_value", "matches"),
    [(1936.0000001, True), (1936 * (1 + 9e-7), True), (1936 * (1 + 2e-6), False), (1937, False)],
)
def test_value_tolerance_is_relative_1e_6(pred_value: float, matches: bool) -> None:
    pred = mention(value=pred_value, base_value=pred_value)
    assert score([mention()], [pred]).overall.tp == int(matches)


def test_decimal_values_match_within_tolerance_only() -> None:
    gold = mention(
        indicator="tỷ lệ tham gia bhyt",
        indicator_id=None,
        value=84.6,
        base_value=84.6,
        unit="%",
        base_unit="%",
    )
    assert score([gold], [dict(gold, value=84.6000000001, base_value=84.6000000001)]).overall.tp == 1
    assert score([gold], [dict(gold, value=84.61, base_value=84.61)]).overall.tp == 0


def test_values_may_agree_on_base_value_instead() -> None:
    gold = mention(
        indicator="tổng thu ngân sách",
        indicator_id="budget_revenue_total",
        value=45,
        unit="tỷ đồng",
        base_value=45e9,
        base_unit="VND",
    )
    pred = dict(gold, value=45_000_000_000, unit="đồng")
    assert score([gold], [pred]).overall.tp == 1
    assert score([gold], [dict(pred, base_value=44e9)]).overall.tp == 0


def test_base_units_must_be_equal() -> None:
    assert score([mention()], [mention(base_unit="ha")]).overall.tp == 0


def test_different_ids_never_match_even_with_the_same_name() -> None:
    assert score([mention()], [mention(indicator_id="rice_output")]).overall.tp == 0


def test_equal_ids_match_whatever_the_names() -> None:
    assert score([mention()], [mention(indicator="lương thực")]).overall.tp == 1


def test_without_both_ids_names_decide() -> None:
    gold = mention(indicator_id=None)
    assert (
        score([gold], [mention(indicator_id=None, indicator="lương thực có hạt")]).overall.tp == 1
    )  # contained
    assert score([gold], [mention(indicator_id=None, indicator="thu ngân sách xã")]).overall.tp == 0


def test_an_id_on_one_side_lends_its_catalogue_names() -> None:
    gold = mention(indicator="trường đạt chuẩn", indicator_id=None, value=4, base_value=4, base_unit="count")
    pred = dict(gold, indicator="trường học", indicator_id="standard_schools")
    assert score([gold], [pred]).overall.tp == 1  # "trường đạt chuẩn" is a catalogue synonym


def test_name_similarity_jaccard_threshold_and_containment() -> None:
    assert name_similarity("a b c", "a b d") == pytest.approx(0.5)
    assert name_similarity("a b c d", "a b x y") == pytest.approx(2 / 6)
    assert name_similarity("Tỷ lệ hộ nghèo", "hộ nghèo") == 1.0
    assert name_similarity("hộ", "hộ nghèo") == 1.0
    assert name_similarity("nghèo", "nghèoo") == 0.0  # word boundaries, not substrings
    assert name_similarity("", "hộ nghèo") == 0.0


def test_matching_is_one_to_one() -> None:
    one_gold_two_preds = score([mention()], [mention(), mention()])
    assert (one_gold_two_preds.overall.tp, one_gold_two_preds.precision, one_gold_two_preds.recall) == (
        1,
        0.5,
        1.0,
    )
    two_gold_one_pred = score([mention(), mention()], [mention()])
    assert (two_gold_one_pred.overall.tp, two_gold_one_pred.precision, two_gold_one_pred.recall) == (
        1,
        1.0,
        0.5,
    )
    assert two_gold_one_pred.missed == [1] or two_gold_one_pred.missed == [0]


def test_matching_prefers_the_nearest_quote_when_values_repeat() -> None:
    text = "đàn chó đạt 100% KH.\n" + "x" * 500 + "\nhồ sơ giải quyết trên môi trường điện tử 100%."
    pct = {"value": 100, "base_value": 100, "unit": "%", "base_unit": "%", "indicator_id": None}
    gold = [
        mention(indicator="tỷ lệ đạt", quote="đàn chó đạt 100% KH", plan_pct=100, **pct),
        mention(
            indicator="tỷ lệ đạt", quote="hồ sơ giải quyết trên môi trường điện tử 100%", plan_pct=None, **pct
        ),
    ]
    far, near = text.index("hồ sơ"), 0
    preds = [
        mention(indicator="tỷ lệ đạt", start=far, end=far + 10, quote="", plan_pct=None, **pct),
        mention(indicator="tỷ lệ đạt", start=near, end=near + 10, quote="", plan_pct=100, **pct),
    ]
    result = score(gold, preds, text)
    assert result.pairs == [(0, 1), (1, 0)]
    assert result.accuracy("plan_pct") == 1.0


def test_field_accuracy_on_matched_pairs_counts_null_agreement() -> None:
    gold = [mention(), mention(indicator_id="poultry_flock", value=58500, base_value=58500, yoy_pct=None)]
    preds = [
        mention(plan_pct=None, period="as-of:2023-06-30"),
        mention(indicator_id="poultry_flock", value=58500, base_value=58500, yoy_pct=None, kind="target"),
    ]
    result = score(gold, preds)
    assert result.matched == 2
    assert result.accuracy("plan_pct") == 0.5
    assert result.accuracy("yoy_pct") == 1.0
    assert result.accuracy("kind") == 0.5
    assert result.accuracy("period") == 0.5


def test_numbered_subset_uses_the_lines_of_numbered_gold_quotes() -> None:
    text = "Các chỉ tiêu:\n4. Tỷ lệ phát triển dân số 0,9%\nNăm nay dân số tăng 0,9%.\n"
    rate = {"unit": "%", "base_unit": "%", "value": 0.9, "base_value": 0.9, "plan_pct": None, "yoy_pct": None}
    gold = [
        mention(
            indicator="tỷ lệ phát triển dân số",
            indicator_id="population_growth_rate",
            quote="4. Tỷ lệ phát triển dân số 0,9%",
            in_numbered_list=True,
            **rate,
        )
    ]
    line_start = text.index("4.")
    on_line = mention(indicator="tỷ lệ phát triển dân số", indicator_id="population_growth_rate", **rate)
    on_line.update(start=line_start + 3, end=line_start + 30, quote="Tỷ lệ phát triển dân số 0,9%")
    elsewhere = dict(
        on_line, start=text.index("Năm nay"), quote="Năm nay dân số tăng 0,9%", indicator_id=None
    )
    result = score(gold, [on_line, elsewhere], text)
    assert (result.numbered.tp, result.numbered.n_gold, result.numbered.n_pred) == (1, 1, 1)
    assert result.f1_numbered == 1.0
    assert result.overall.n_pred == 2 and result.precision == 0.5

    # Without text the quotes decide: the prediction's quote lies inside the numbered gold quote.
    no_text = score(gold, [dict(on_line, start=None), dict(elsewhere, start=None)])
    assert (no_text.numbered.tp, no_text.numbered.n_pred) == (1, 1)


def test_numbered_subset_finds_quotes_despite_whitespace_changes() -> None:
    text = "1. Thu nhập   bình quân\tđầu người đến năm 2030: 90 triệu đồng\nkhác 90 triệu đồng\n"
    gold = [
        mention(
            indicator="thu nhập bình quân đầu người",
            indicator_id="income_per_capita",
            value=90,
            base_value=90e6,
            base_unit="VND/person/year",
            quote="1. Thu nhập bình quân đầu người đến năm 2030: 90 triệu đồng",
            in_numbered_list=True,
        )
    ]
    pred = dict(
        gold[0], quote="Thu nhập   bình quân\tđầu người đến năm 2030: 90 triệu đồng", in_numbered_list=False
    )
    assert score(gold, [pred], text).numbered.tp == 1


def test_combine_micro_averages_and_keeps_documents() -> None:
    a = score([mention()], [mention()])
    b = score([mention(), mention(value=7, base_value=7)], [mention(value=8, base_value=8)])
    total = combine({"a": a, "b": b})
    assert (total.overall.tp, total.overall.n_gold, total.overall.n_pred) == (1, 3, 2)
    assert total.precision == 0.5 and total.recall == pytest.approx(1 / 3)
    assert set(total.documents) == {"a", "b"}
    pooled = score_documents([("a", [mention()], [mention()], None), ("b", [mention()], [], None)])
    assert (pooled.overall.tp, pooled.overall.n_gold) == (1, 2)


def test_score_files_reads_jsonl(tmp_path: Path) -> None:
    gold_path, pred_path, text_path = tmp_path / "g.jsonl", tmp_path / "p.jsonl", tmp_path / "t.txt"
    gold_path.write_text(json.dumps(mention(), ensure_ascii=False) + "\n\n", encoding="utf-8")
    pred_path.write_text(json.dumps(mention(start=0, end=10), ensure_ascii=False) + "\n", encoding="utf-8")
    text_path.write_text("sản lượng lương thực có hạt đạt 1.936 tấn", encoding="utf-8")
    assert score_files(gold_path, pred_path, text_path).f1 == 1.0
    assert score_files(gold_path, pred_path).f1 == 1.0


def test_load_jsonl_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"a": 1}\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:2"):
        load_jsonl(path)
    path.write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="object"):
        load_jsonl(path)


@pytest.mark.parametrize("gold_path", sorted(GOLD_DIR.glob("*.jsonl")), ids=lambda p: p.stem)
def test_each_gold_file_scores_perfectly_against_itself(gold_path: Path) -> None:
    gold = load_jsonl(gold_path)
    text = (SEEDS / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
    result = score(gold, [dict(g) for g in gold], text)
    assert result.f1 == 1.0 and result.pairs == [(i, i) for i in range(len(gold))]
    assert all(result.accuracy(name) == 1.0 for name in ("plan_pct", "yoy_pct", "kind", "period"))


def test_benchmark_prints_a_table_and_a_json_last_line() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "extract_score.py")],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        cwd=ROOT,
    )
    lines = run.stdout.strip().splitlines()
    figures = json.loads(lines[-1])
    assert set(figures) == {
        "precision",
        "recall",
        "f1",
        "f1_numbered",
        "plan_pct_acc",
        "yoy_pct_acc",
        "kind_acc",
        "period_acc",
    }
    assert all(v is None or 0.0 <= v <= 1.0 for v in figures.values())
    assert any(line.startswith("ALL ") for line in lines)
    assert lines[0].startswith("input: ")
