"""Training of the learned period (`ingest.extract.learned.periods`): a linear ranker on the dev gold."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from evaluation.kind_period_pairs import pairs
from evaluation.linear_fit import decay, kept
from evaluation.real_corpus import RealDoc

EPOCHS = 30
RATE = 0.1
L2 = 1e-3
MARGIN = 3.0  # how much higher than the rule's period a candidate must score to replace it (chosen by CV)


def fit_ranker(examples: Sequence[tuple[list[list[str]], int]], epochs: int = EPOCHS) -> dict[str, float]:
    """Weights of a softmax over each example's candidates (the right one's index given), by SGD."""
    w: dict[str, float] = {}
    for epoch in range(epochs):
        rate = RATE / (1 + 0.1 * epoch)
        for cands, right in examples:
            scores = [sum(w.get(f, 0.0) for f in feats) for feats in cands]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            for i, feats in enumerate(cands):
                g = rate * ((1.0 if i == right else 0.0) - exps[i] / total)
                for f in feats:
                    w[f] = w.get(f, 0.0) + g
        decay(w, 1.0 - rate * L2)
    return kept(w)


def train(docs: Sequence[RealDoc]) -> dict[str, Any]:
    """The period model learned from the documents' matched mentions whose gold period is a candidate."""
    examples = []
    for p in pairs(docs):
        codes = [code for code, _ in p.period_candidates]
        if p.gold_period in codes:
            examples.append(([f for _, f in p.period_candidates], codes.index(p.gold_period)))
    return {"margin": MARGIN, "weights": fit_ranker(examples)}
