"""Training of the learned kind: the fit, the training pairs, and the shipped file following the dev gold."""

from __future__ import annotations

from pathlib import Path

from evaluation import linear_fit, train_kinds
from evaluation.kind_period_pairs import pairs
from evaluation.learned import training_docs
from evaluation.real_corpus import RealDoc, load_corpus
from ingest.extract.learned import kinds


def test_fit_logistic_learns_which_words_flip_the_label() -> None:
    examples = [(["bias", "w:đạt"], False), (["bias", "w:phấn"], True)] * 20 + [(["bias"], True)] * 5
    w = train_kinds.fit_logistic(examples)
    assert w["w:đạt"] < 0 < w["w:phấn"]
    assert w["bias"] + w["w:đạt"] < 0 < w["bias"] + w["w:phấn"]


def test_pairs_hold_the_rules_and_the_golds_answers() -> None:
    doc = RealDoc(
        doc_id="invented",
        text="Báo cáo năm 2024\nMục tiêu năm 2025: tổng thu ngân sách xã đạt 12 tỷ đồng.\n",
        meta={},
        gold=[
            {
                "indicator": "tổng thu ngân sách xã",
                "value": 12,
                "unit": "tỷ đồng",
                "base_unit": "VND",
                "kind": "actual",
                "period": "2024",
                "quote": "tổng thu ngân sách xã đạt 12 tỷ đồng",
                "start": 36,
                "end": 72,
            }
        ],
    )
    assert doc.text[36:72] == "tổng thu ngân sách xã đạt 12 tỷ đồng"
    (p,) = pairs([doc])
    assert (p.rule_kind, p.gold_kind, p.rule_period, p.gold_period) == ("target", "actual", "2025", "2024")
    assert "rule=target" in p.kind_features and "target|w:đạt" in p.kind_features
    assert p.period_candidates[0][0] == "2025"


def test_the_shipped_model_is_what_the_dev_gold_trains(tmp_path: Path) -> None:
    docs = training_docs(load_corpus())
    assert docs and all(d.split == "dev" for d in docs)
    out = tmp_path / "kinds.json"
    linear_fit.save(train_kinds.train(docs), out)
    assert out.read_text(encoding="utf-8") == kinds.PATH.read_text(encoding="utf-8"), (
        "ingest/extract/learned/kinds.json is stale: run `python -m evaluation.learned`"
    )
