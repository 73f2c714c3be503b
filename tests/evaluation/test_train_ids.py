"""Training of the learned catalogue ids: paired mentions as examples; the shipped file follows dev gold."""

from __future__ import annotations

import json
from pathlib import Path

from evaluation import train_ids
from evaluation.learned import component, training_docs
from evaluation.real_corpus import RealDoc, load_corpus
from ingest.extract.learned import ids
from ingest.extract.learned.ids import build_index

TEXT = "Năm 2023, số hộ nghèo là 120 hộ; tổng số xã đạt chuẩn là 12 xã; diện tích lúa 500 ha."


def _doc(gold: list[dict[str, object]]) -> RealDoc:
    facts = []
    for g in gold:
        quote = str(g["quote"])
        start = TEXT.index(quote)
        facts.append({**g, "start": start, "end": start + len(quote)})
    return RealDoc(doc_id="invented-1", text=TEXT, meta={"genre": "year"}, gold=facts)


def _fact(quote: str, name: str, value: float, unit: str, indicator_id: str | None) -> dict[str, object]:
    return {
        "quote": quote,
        "indicator": name,
        "value": value,
        "unit": unit,
        "base_value": value,
        "base_unit": unit,
        "kind": "actual",
        "period": "2023",
        "indicator_id": indicator_id,
    }


def test_examples_are_the_paired_mentions_labelled_by_the_gold() -> None:
    doc = _doc(
        [
            _fact("số hộ nghèo là 120 hộ", "số hộ nghèo", 120, "count", "poor_households"),
            _fact("tổng số xã đạt chuẩn là 12 xã", "tổng số xã đạt chuẩn nông thôn mới", 12, "count", None),
        ]
    )
    examples = train_ids.examples(doc)
    # the rice area has no gold fact: no example; the null is a class of its own
    assert [(e["name"], e["id"]) for e in examples] == [
        ("số hộ nghèo", "poor_households"),
        ("tổng số xã đạt chuẩn", None),
    ]
    assert all(e["base_unit"] == "count" for e in examples)


def test_saved_model_reads_back_and_indexes(tmp_path: Path) -> None:
    doc = _doc([_fact("số hộ nghèo là 120 hộ", "số hộ nghèo", 120, "count", "poor_households")])
    model = train_ids.train([doc])
    path = tmp_path / "ids.json"
    train_ids.save(model, path)
    assert json.loads(path.read_text(encoding="utf-8")) == model
    index = build_index(model)
    assert index.labels == ["poor_households"]


def test_shipped_model_is_what_training_on_the_dev_gold_writes(tmp_path: Path) -> None:
    corpus = load_corpus()
    dev = training_docs(corpus)
    assert dev and len(dev) < len(corpus)  # the test split is there, and left out
    fresh = tmp_path / "ids.json"
    train_ids.save(train_ids.train(dev), fresh)
    assert component("ids").path == ids.MODEL_FILE
    assert fresh.read_text(encoding="utf-8") == ids.MODEL_FILE.read_text(encoding="utf-8"), (
        "ingest/extract/learned/ids.json is stale: run `python -m evaluation.learned`"
    )
