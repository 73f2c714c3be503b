"""Catalogue ids of matched required facts, the wrong ones split by whether the catalogue added the id.

The gold's ids were labelled against an older catalogue: a fact labelled null because no indicator fitted it
is `new_id≠None` once the catalogue has one (expected until relabelling), any other mismatch a real error.
Used by `benchmarks/extract_new_ids.py`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass
class IdTally:
    """Catalogue ids of matched required facts, the wrong ones split by whether the id is new."""

    required: int = 0
    covered: int = 0  # matched required facts with a predicted id
    agree: int = 0
    new_vs_null: Counter[str] = field(default_factory=Counter)  # new id predicted, gold null
    other_wrong: int = 0
    lines: list[str] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        return self.covered / self.required if self.required else 1.0

    @property
    def precision(self) -> float | None:
        return self.agree / self.covered if self.covered else None

    @property
    def precision_without_new(self) -> float | None:
        """Precision on the pairs whose gold could have known the predicted id."""
        compared = self.covered - sum(self.new_vs_null.values())
        return self.agree / compared if compared else None


def tally_doc(
    t: IdTally,
    doc_id: str,
    gold: Sequence[dict[str, Any]],
    preds: Sequence[dict[str, Any]],
    pairs: Iterable[tuple[int, int]],
    new_ids: frozenset[str],
) -> None:
    """Add one document's matched required facts to `t` (gold ids labelled: null is an answer)."""
    t.required += sum(not g.get("optional", False) for g in gold)
    for gi, pi in pairs:
        g, p = gold[gi], preds[pi]
        pred_id = p.get("indicator_id")
        if g.get("optional", False) or not pred_id:
            continue
        t.covered += 1
        if pred_id == g.get("indicator_id"):
            t.agree += 1
        elif pred_id in new_ids and g.get("indicator_id") is None:
            t.new_vs_null[pred_id] += 1
            t.lines.append(f"{doc_id}: {pred_id} | gold {g.get('indicator')!r} | {g.get('quote')!r}")
        else:
            t.other_wrong += 1
