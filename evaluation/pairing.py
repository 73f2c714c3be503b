"""One-to-one pairing of gold facts and predictions: the best remaining candidate pair first."""

from __future__ import annotations

from collections.abc import Iterable


def one_to_one(ranked: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """(gold index, prediction index) pairs taken in the given order, each index used once,
    returned sorted."""
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for gi, pi in ranked:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)
