"""Training pairs for the learned kind and period: what the rules saw and said for each extracted mention
that matches a required gold fact, beside the gold's answer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from evaluation.product_inputs import product_mentions
from evaluation.real_corpus import RealDoc
from evaluation.strict import match
from ingest.extract.learned import kinds as learned_kinds
from ingest.extract.learned import periods as learned_periods


@dataclass(frozen=True)
class Pair:
    """One matched mention: the kind features, the period candidates, the rules' and the gold's answers."""

    kind_features: list[str]
    rule_kind: str
    gold_kind: str
    period_candidates: list[tuple[str, list[str]]]
    rule_period: str
    gold_period: str


def pairs(docs: Sequence[RealDoc]) -> list[Pair]:
    """Every required gold fact of `docs` matched by a mention kinded and dated by the rules (models off)."""
    out = []
    for doc in docs:
        with (
            learned_kinds.installed(None),
            learned_periods.installed(None),
            learned_kinds.recording() as kinds,
            learned_periods.recording() as periods,
        ):
            preds: list[dict[str, Any]] = product_mentions(doc)
        if len(kinds) != len(preds) or len(periods) != len(preds):
            raise RuntimeError(f"{doc.doc_id}: {len(preds)} mentions, {len(kinds)}/{len(periods)} decisions")
        for gi, pi in match(doc.gold, preds, doc.text):
            g, p = doc.gold[gi], preds[pi]
            (kf, rule_kind), (cands, rule_period) = kinds[pi], periods[pi]
            if g.get("optional") or p["kind"] != rule_kind or p["period"] != rule_period:
                continue  # an optional fact, or a table cell (its column gives kind and period)
            out.append(Pair(kf, rule_kind, g["kind"], cands, rule_period, g["period"]))
    return out
