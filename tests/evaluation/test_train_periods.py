"""Training of the learned period: the ranker's fit and the shipped file following the dev gold."""

from __future__ import annotations

from pathlib import Path

from evaluation import linear_fit, train_periods
from evaluation.learned import training_docs
from evaluation.real_corpus import load_corpus
from ingest.extract.learned import periods


def test_fit_ranker_puts_the_right_candidate_first() -> None:
    # the rule's period is right unless the sentence writes another candidate's year
    right_rule = ([["rule"], ["def"]], 0)
    written = ([["rule"], ["def", "ysent|g=year"]], 1)
    w = train_periods.fit_ranker([right_rule] * 10 + [written] * 10)
    assert w["rule"] > w.get("def", 0.0)
    assert w.get("def", 0.0) + w["ysent|g=year"] > w["rule"]


def test_training_keeps_only_facts_whose_gold_period_is_a_candidate() -> None:
    model = train_periods.train([])
    assert model == {"margin": train_periods.MARGIN, "weights": {}}


def test_the_shipped_model_is_what_the_dev_gold_trains(tmp_path: Path) -> None:
    docs = training_docs(load_corpus())
    out = tmp_path / "periods.json"
    linear_fit.save(train_periods.train(docs), out)
    assert out.read_text(encoding="utf-8") == periods.PATH.read_text(encoding="utf-8"), (
        "ingest/extract/learned/periods.json is stale: run `python -m evaluation.learned`"
    )
