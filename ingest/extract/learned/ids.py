"""Catalogue ids learned from the dev gold: nearest named examples fill, veto or replace the rules' id.

The model (`ids.json`, written by `evaluation/train_ids.py`) is a list of examples — a mention's
name as the extractor wrote it, its base unit, the first id the rules saw for it and the id the gold
gives it (or `null`: no catalogue indicator measures it) — and its thresholds. A new mention is
compared with the examples by cosine similarity of tf-idf weighted syllables and syllable bigrams of
its name (plus, with `seen_weight`, the rules' candidate id as one more feature); when the `k`
nearest examples agree, their id is taken (else the model abstains)
- where the rules found none, when the k-th similarity reaches `fill` and that id is not null (with
  `fill_unseen_only`, only where no rule saw any candidate: a rule's veto stands), and
- over the rules' id, when it reaches `replace` (null: never) and says otherwise (a null is a veto).
An id is only ever given in its own catalogue base unit (one unit per indicator).
Cross-validation on the dev split did not show a gain (docs/extraction-history.md, "Learned
catalogue ids"), so the extractor does not read the shipped file (`SHIPPED_ON`); `installed(model)`
still applies a model.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from ingest.extract.catalogue import CatalogueEntry, catalogue_by_id
from ingest.extract.learned.slot import Slot
from ingest.extract.package_data import package_file

MODEL_FILE = package_file("ingest.extract.learned", "ids.json")
FORMAT = 1
SHIPPED_ON = False  # off by default: it did not lift the cross-validated dev figures
_MAX_ANSWERS = 20_000
_WORD = re.compile(r"[^\W\d_]+")


def features(name: str, seen_id: str | None, seen_weight: float) -> dict[str, float]:
    """Syllables and syllable bigrams of a name (lowercase NFC; numbers dropped), and the rules' id."""
    words = _WORD.findall(unicodedata.normalize("NFC", name).lower())
    out: dict[str, float] = {}
    for f in (*words, *(f"{a} {b}" for a, b in itertools.pairwise(words))):
        out[f] = out.get(f, 0.0) + 1.0
    if seen_id and seen_weight:
        out[f"=id:{seen_id}"] = seen_weight  # cannot collide with words (`=` is no letter)
    return out


@dataclass(frozen=True)
class _Index:
    """A model ready to query: unit vectors of the examples in an inverted index."""

    k: int
    fill: float
    replace: float | None
    fill_unseen_only: bool
    seen_weight: float
    idf: dict[str, float]
    # (base unit of the example's id, or "" for a null, feature) -> (example, weight): a query reads
    # only the examples usable in its unit (an id only in its own base unit; a null fits any unit)
    postings: dict[tuple[str, str], tuple[npt.NDArray[np.intp], npt.NDArray[np.float64]]]
    labels: list[str | None]
    answers: dict[tuple[str, str, str | None], tuple[str | None, float] | None] = field(default_factory=dict)

    def vector(self, name: str, seen_id: str | None) -> dict[str, float]:
        raw = features(name, seen_id, self.seen_weight)
        v = {f: c * self.idf[f] for f, c in raw.items() if f in self.idf}
        norm = math.sqrt(sum(x * x for x in v.values()))
        return {f: x / norm for f, x in v.items()} if norm else {}

    def nearest(self, name: str, base_unit: str, seen_id: str | None) -> tuple[str | None, float] | None:
        """The label of the `k` most similar examples usable in `base_unit` when they all agree, with
        the k-th one's similarity; None (abstain) when they disagree or fewer are similar at all."""
        key = (name, base_unit, seen_id)
        if key not in self.answers:
            if len(self.answers) >= _MAX_ANSWERS:
                self.answers.clear()  # a bound on memory over a long crawl; names recur within a document
            self.answers[key] = self._nearest(name, base_unit, seen_id)
        return self.answers[key]

    def _nearest(self, name: str, base_unit: str, seen_id: str | None) -> tuple[str | None, float] | None:
        scores = np.zeros(len(self.labels))
        for f, x in self.vector(name, seen_id).items():
            hit = self.postings.get((base_unit, f)) or self.postings.get(("", f))
            if hit is not None:
                scores[hit[0]] += x * hit[1]  # an example appears once in a posting list
        touched = np.flatnonzero(scores)
        if len(touched) < self.k:
            return None
        top = touched[np.argsort(-scores[touched], kind="stable")[: self.k]]  # ties: the earlier example
        if len({self.labels[i] for i in top}) != 1:
            return None
        return self.labels[top[0]], float(scores[top[-1]])


def build_index(model: dict[str, Any]) -> _Index:
    """Vectors of every example (tf-idf over the examples themselves, unit length), inverted."""
    if model.get("format") != FORMAT:
        raise ValueError(f"learned ids model: format {model.get('format')!r}, expected {FORMAT}")
    seen_weight = float(model["seen_weight"])
    examples = model["examples"]
    raws = [features(e["name"], e["seen"], seen_weight) for e in examples]
    df = Counter(f for raw in raws for f in raw)
    n = len(raws)
    idf = {f: math.log((n + 1) / (d + 1)) + 1.0 for f, d in df.items()}
    lists: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for i, (e, raw) in enumerate(zip(examples, raws, strict=True)):
        v = {f: c * idf[f] for f, c in raw.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        unit = e["base_unit"] if e["id"] is not None else ""
        for f, x in v.items():
            lists.setdefault((unit, f), []).append((i, x / norm))
    # a null fits any unit: each unit's list holds the nulls too (one lookup per feature at query time)
    units = {unit for unit, _ in lists if unit}
    for (unit, f), hits in list(lists.items()):
        if not unit:
            for other in units:
                lists.setdefault((other, f), []).extend(hits)
    postings = {
        key: (np.array([i for i, _ in hits], dtype=np.intp), np.array([w for _, w in hits]))
        for key, hits in lists.items()
    }
    return _Index(
        k=int(model["k"]),
        fill=float(model["fill"]),
        replace=None if model["replace"] is None else float(model["replace"]),
        fill_unseen_only=bool(model["fill_unseen_only"]),
        seen_weight=seen_weight,
        idf=idf,
        postings=postings,
        labels=[e["id"] for e in examples],
    )


SLOT = Slot(MODEL_FILE, shipped_on=SHIPPED_ON, load=build_index)


@contextmanager
def installed(model: dict[str, Any] | None) -> Iterator[None]:
    """Use `model` (or, for `None`, no learned ids: the rules alone) for extraction inside the block."""
    with SLOT.installed(build_index(model) if model is not None else None):
        yield


def observed() -> AbstractContextManager[list[tuple[str | None, str | None]]]:
    """Inside the block the rules alone give ids, and each mention's (rules' id, first id a rule saw)
    is appended, in the order of the mentions, to the list yielded (what training pairs with gold)."""
    return SLOT.recording()


def learned_id(
    name: str, base_unit: str, entry: CatalogueEntry | None, seen: CatalogueEntry | None
) -> CatalogueEntry | None:
    """The id of a mention after the learned model: the rules' `entry`, or the nearest example's id."""
    seen_id = seen.indicator_id if seen is not None else None
    if SLOT.records is not None:
        SLOT.records.append((entry.indicator_id if entry is not None else None, seen_id))
        return entry
    index: _Index | None = SLOT.model()
    if index is None or not name:
        return entry
    # most mentions are settled without a query: the rules' id stands, or a rule's veto does
    if entry is not None and index.replace is None:
        return entry
    if entry is None and index.fill_unseen_only and seen is not None:
        return None
    found = index.nearest(name, base_unit, seen_id)
    if found is None:
        return entry
    label, similarity = found
    by_id = catalogue_by_id()
    chosen = by_id.get(label) if label is not None else None
    if label is not None and (chosen is None or chosen.base_unit != base_unit):
        return entry  # an id the catalogue no longer has, or in another unit: the rules stand
    if entry is None:
        return chosen if chosen is not None and similarity >= index.fill else None
    if index.replace is not None and label != entry.indicator_id and similarity >= index.replace:
        return chosen  # None: the nearest examples say no indicator measures this
    return entry
