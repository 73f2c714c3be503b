"""The review sample is the recorded draw, and the reviewer's gold keeps the gold files' format."""

from __future__ import annotations

import importlib.util
import json
import math
from collections import Counter

import pytest

from evaluation.real_corpus import GOLD_FIELDS, REAL_DIR, doc_ids, locate
from ingest.records import BASE_UNITS
from tests.evaluation.test_real_corpus import PERIOD


def _sample_module():
    spec = importlib.util.spec_from_file_location("real_sample", REAL_DIR / "_sample.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REVIEWED = sorted(p.stem for p in (REAL_DIR / "review").glob("*.jsonl"))


def test_sample_is_a_fifth_of_each_writer_and_covers_both_splits():
    sample = _sample_module().draw()
    writers = Counter(
        json.loads((REAL_DIR / "docs" / f"{d}.meta.json").read_text())["writer"] for d in doc_ids()
    )
    drawn = Counter(w for w, _, _ in sample)
    assert drawn == {w: math.ceil(0.2 * n) for w, n in writers.items()}
    assert {s for _, s, _ in sample} == {"dev", "test"}
    assert len({d for _, _, d in sample}) == len(sample)


def test_reviewed_documents_are_the_recorded_draw():
    drawn = sorted(d for _, _, d in _sample_module().draw())
    # The draw depends on the corpus: a document added or removed since the review changes it.
    assert drawn == REVIEWED, "the corpus changed since the review sample was drawn (README, Review)"


def test_another_seed_draws_another_sample():
    module = _sample_module()
    assert module.draw(module.SEED + 1) != module.draw()


@pytest.mark.parametrize("doc_id", REVIEWED)
def test_review_gold_keeps_the_gold_format(doc_id):
    text = (REAL_DIR / "docs" / f"{doc_id}.txt").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in (REAL_DIR / "review" / f"{doc_id}.jsonl").read_text().splitlines()]
    assert rows
    for row in rows:
        assert set(GOLD_FIELDS) <= set(row)
        assert PERIOD.match(row["period"]) and row["base_unit"] in BASE_UNITS
        assert row["kind"] in ("actual", "target") and isinstance(row["optional"], bool)
    assert len(locate(text, rows, doc_id)) == len(rows)
