"""Tests of the document-period figure: gold from the actual facts, terms matched by term."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from evaluation.doc_periods import (
    DocPeriod,
    accuracy,
    gold_doc_period,
    predicted_doc_periods,
    same_doc_period,
)
from evaluation.real_corpus import dev_fold_of

SCRIPT = str(Path(__file__).resolve().parents[2] / "benchmarks" / "extract_real.py")


def _fact(period: str, start: int, kind: str = "actual", optional: bool = False) -> dict[str, object]:
    return {"period": period, "start": start, "kind": kind, "optional": optional}


def test_gold_is_the_period_most_required_actual_facts_take() -> None:
    gold = [_fact("2023", 10), _fact("2024", 20), _fact("2024", 30), _fact("2023", 40, kind="target")]
    gold += [_fact("2023", 50, optional=True), _fact("2023", 60, optional=True)]
    assert gold_doc_period(gold) == "2024"


def test_a_tie_goes_to_the_earliest_fact_in_the_text() -> None:
    gold = [_fact("2024-H1", 90), _fact("2023", 5), _fact("2024-H1", 95), _fact("2023", 50)]
    assert gold_doc_period(gold) == "2023"


def test_no_required_actual_fact_gives_no_gold() -> None:
    assert gold_doc_period([_fact("2025", 1, kind="target"), _fact("2024", 2, optional=True)]) is None


def test_a_term_default_counts_for_its_own_term_only() -> None:
    assert same_doc_period("term-2020-2025-mid", "term-2020-2025")
    assert same_doc_period("term-2020-2025", "term-2020-2025-mid")
    assert not same_doc_period("term-2025-2030", "term-2020-2025")
    assert not same_doc_period("2025", "term-2020-2025")
    assert not same_doc_period("2024-H1", "2024")
    assert not same_doc_period(None, "2024")


def test_predicted_reads_the_document_like_the_extractor() -> None:
    text = "BÁO CÁO\nTình hình kinh tế - xã hội 9 tháng đầu năm 2021\n\nKết quả đạt được như sau."
    meta, used = predicted_doc_periods(text)
    assert meta == "2021-9M"
    assert used == "2021-9M"


def test_accuracy_counts_both_defaults() -> None:
    rows = [
        DocPeriod("a", "9m", "2021-9M", "2021", "2021-9M", "", ""),
        DocPeriod("b", "congress", "term-2020-2025", "term-2025-2030", "term-2020-2025-mid", "", ""),
        DocPeriod("c", "year", "2019", "2020", "2020", "", ""),
    ]
    assert accuracy(rows) == {"docs": 3, "meta": 0.0, "used": round(2 / 3, 3)}
    assert accuracy([]) == {"docs": 0, "meta": None, "used": None}


def test_benchmark_prints_dev_folds_and_never_test_by_default() -> None:
    out = subprocess.run(
        [sys.executable, SCRIPT, "--doc-periods", "--split", "dev-folds"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "dev-tune" in out and "dev-check" in out and "test" not in out.splitlines()[-1]
    default = subprocess.run(
        [sys.executable, SCRIPT, "--doc-periods", "--errors"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    last = default.splitlines()[-1]
    assert '"dev"' in last and '"test"' not in last
    listed = default.split("(dev-tune documents only):", 1)[1].strip().splitlines()[1:-1]
    listed_docs = {line.split()[0] for line in listed if line and line != "none"}
    assert listed_docs, "some document's own period is wrong on the dev split"
    assert all(dev_fold_of(d) == "tune" for d in listed_docs), listed_docs
