"""Score predicted indicator mentions against hand-made gold: precision, recall, F1, field accuracy (lenient).

Matching is one-to-one. A gold and a predicted mention are *compatible* when

1. the values agree: relative difference ≤ 1e-6 on `value`, or on `base_value`;
2. the `base_unit`s are equal;
3. the indicators agree: equal `indicator_id` when both are non-null; otherwise the normalised
   names agree — token Jaccard ≥ 0.5, or one name contained in the other on word boundaries.
   When only one side has an id, the other side's name is also compared with that id's
   catalogue name and synonyms.

Compatible pairs are matched greedily by quality (same id, name similarity, same `of_total`,
closeness of the quote positions in the text), best first, each mention used once.

The numbered-list subset: gold mentions with `in_numbered_list`; a prediction belongs to it when
its span (`start`/`end`, or else the position of its quote in `text`) falls on a line of `text`
that holds a numbered-list gold quote. Without `text`, a prediction belongs to it when its quote
and a numbered gold quote contain one another (whitespace-normalised).

Field accuracies (plan_pct, yoy_pct, kind, period) are computed on matched pairs; two nulls agree.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evaluation.pairing import one_to_one
from ingest.extract.catalogue import catalogue_by_id, normalize_name

log = logging.getLogger(__name__)

REL_TOL = 1e-6
JACCARD_MIN = 0.5
FIELDS = ("plan_pct", "yoy_pct", "kind", "period")
_WS_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class Counts:
    """True positives against the sizes of the gold and predicted sets."""

    tp: int = 0
    n_gold: int = 0
    n_pred: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else (1.0 if not self.n_gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else (1.0 if not self.n_pred else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.n_gold + other.n_gold, self.n_pred + other.n_pred)


@dataclass
class Score:
    """The result of scoring one document (or several, pooled: micro-averaged)."""

    overall: Counts = field(default_factory=Counts)
    numbered: Counts = field(default_factory=Counts)
    field_correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    matched: int = 0
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (gold index, predicted index)
    missed: list[int] = field(default_factory=list)  # unmatched gold indexes
    spurious: list[int] = field(default_factory=list)  # unmatched predicted indexes
    documents: dict[str, Score] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.overall.precision

    @property
    def recall(self) -> float:
        return self.overall.recall

    @property
    def f1(self) -> float:
        return self.overall.f1

    @property
    def f1_numbered(self) -> float:
        return self.numbered.f1

    def accuracy(self, name: str) -> float | None:
        """Share of matched pairs whose `name` field agrees (None when nothing matched)."""
        return self.field_correct[name] / self.matched if self.matched else None

    def summary(self) -> dict[str, float | None]:
        """The headline figures, as printed on the benchmark's last line."""
        figures: dict[str, float | None] = {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "f1_numbered": self.f1_numbered,
        }
        for name in FIELDS:
            figures[f"{name}_acc"] = self.accuracy(name)
        return {k: (round(v, 4) if v is not None else None) for k, v in figures.items()}


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return math.isclose(x, y, rel_tol=REL_TOL, abs_tol=1e-12)


def _tokens(name: str) -> list[str]:
    return normalize_name(name).split()


def name_similarity(a: str, b: str) -> float:
    """1.0 when one normalised name contains the other on word boundaries, else token Jaccard."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    sa, sb = " " + " ".join(ta) + " ", " " + " ".join(tb) + " "
    if sa in sb or sb in sa:
        return 1.0
    set_a, set_b = set(ta), set(tb)
    return len(set_a & set_b) / len(set_a | set_b)


def _names_for(mention: Mapping[str, Any]) -> list[str]:
    names = [str(mention.get("indicator") or "")]
    entry = catalogue_by_id().get(mention.get("indicator_id") or "")
    if entry is not None:
        names.extend(entry.names)
    return [n for n in names if n]


def indicator_agreement(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> float | None:
    """How well the indicators agree (higher is better), or None when they do not agree."""
    gid, pid = gold.get("indicator_id"), pred.get("indicator_id")
    if gid and pid:
        return 2.0 if gid == pid else None
    # At most one side has an id: its catalogue names count as names of that side too.
    best = max(
        (name_similarity(gname, pname) for gname in _names_for(gold) for pname in _names_for(pred)),
        default=0.0,
    )
    return best if best >= JACCARD_MIN else None


def values_agree(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Same value (relative tolerance) or same base value."""
    return _value_close(gold.get("value"), pred.get("value")) or _value_close(
        gold.get("base_value"), pred.get("base_value")
    )


def _value_close(a: Any, b: Any) -> bool:
    return a is not None and b is not None and _close(a, b)


def _find_quote(text: str, quote: str, cache: dict[str, int | None]) -> int | None:
    if quote in cache:
        return cache[quote]
    pos: int | None = text.find(quote) if quote else -1
    if pos == -1:
        words = quote.split()
        match = re.search(r"\s+".join(map(re.escape, words)), text) if words else None
        pos = match.start() if match else None
    cache[quote] = pos
    return pos


def _line_span(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end == -1 else end


def _pred_position(pred: Mapping[str, Any], text: str | None, cache: dict[str, int | None]) -> int | None:
    start = pred.get("start")
    if isinstance(start, int) and text is not None and 0 <= start <= len(text):
        return start
    if text is not None and pred.get("quote"):
        return _find_quote(text, str(pred["quote"]), cache)
    return None


def _norm_ws(s: str) -> str:
    return _WS_RE.sub(" ", s).strip()


def score(gold: list[dict[str, Any]], predicted: list[dict[str, Any]], text: str | None = None) -> Score:
    """Score one document's predicted mentions against its gold mentions."""
    cache: dict[str, int | None] = {}
    gold_pos = [_find_quote(text, str(g.get("quote") or ""), cache) if text else None for g in gold]
    pred_pos = [_pred_position(p, text, cache) for p in predicted]

    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if g.get("base_unit") != p.get("base_unit") or not values_agree(g, p):
                continue
            agreement = indicator_agreement(g, p)
            if agreement is None:
                continue
            quality = agreement + (0.5 if _close(g.get("of_total"), p.get("of_total")) else 0.0)
            g_at, p_at = gold_pos[gi], pred_pos[pi]
            if g_at is not None and p_at is not None:
                quality += 1.0 / (1.0 + abs(g_at - p_at) / 50.0)
            candidates.append((quality, gi, pi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    pairs = one_to_one((gi, pi) for _, gi, pi in candidates)
    used_gold = {gi for gi, _ in pairs}
    used_pred = {pi for _, pi in pairs}

    field_correct = dict.fromkeys(FIELDS, 0)
    for gi, pi in pairs:
        g, p = gold[gi], predicted[pi]
        for name in ("plan_pct", "yoy_pct"):
            field_correct[name] += _close(g.get(name), p.get(name))
        for name in ("kind", "period"):
            field_correct[name] += g.get(name) == p.get(name)

    numbered_gold = {gi for gi, g in enumerate(gold) if g.get("in_numbered_list")}
    numbered_pred = _numbered_predictions(gold, predicted, numbered_gold, gold_pos, pred_pos, text)
    numbered = Counts(
        tp=sum(1 for gi, pi in pairs if gi in numbered_gold and pi in numbered_pred),
        n_gold=len(numbered_gold),
        n_pred=len(numbered_pred),
    )
    return Score(
        overall=Counts(tp=len(pairs), n_gold=len(gold), n_pred=len(predicted)),
        numbered=numbered,
        field_correct=field_correct,
        matched=len(pairs),
        pairs=pairs,
        missed=[gi for gi in range(len(gold)) if gi not in used_gold],
        spurious=[pi for pi in range(len(predicted)) if pi not in used_pred],
    )


def _numbered_predictions(
    gold: list[dict[str, Any]],
    predicted: list[dict[str, Any]],
    numbered_gold: set[int],
    gold_pos: list[int | None],
    pred_pos: list[int | None],
    text: str | None,
) -> set[int]:
    if not numbered_gold:
        return set()
    lines: list[tuple[int, int]] = []
    if text is not None:
        for gi in numbered_gold:
            pos = gold_pos[gi]
            if pos is None:
                log.warning("numbered gold quote not found in text: %r", gold[gi].get("quote"))
                continue
            lines.append(_line_span(text, pos))
    quotes = [_norm_ws(str(gold[gi].get("quote") or "")) for gi in numbered_gold]
    chosen: set[int] = set()
    for pi, p in enumerate(predicted):
        pos = pred_pos[pi]
        if text is not None and pos is not None:
            if any(start <= pos <= end for start, end in lines):
                chosen.add(pi)
            continue
        quote = _norm_ws(str(p.get("quote") or ""))
        if quote and any(quote in q or q in quote for q in quotes):
            chosen.add(pi)
    return chosen


def combine(scores: Mapping[str, Score]) -> Score:
    """Pool per-document scores (micro-average); keep each document's score under `documents`."""
    total = Score()
    for doc_score in scores.values():
        total.overall = total.overall + doc_score.overall
        total.numbered = total.numbered + doc_score.numbered
        total.matched += doc_score.matched
        for name in FIELDS:
            total.field_correct[name] += doc_score.field_correct[name]
    total.documents = dict(scores)
    return total


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSON-lines file (blank lines skipped); errors name the line."""
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not JSON: {exc}") from exc
            if not isinstance(row, dict):
                raise ValueError(f"{path}:{number}: expected a JSON object")
            rows.append(row)
    return rows


def score_files(gold_path: Path, predicted_path: Path, text_path: Path | None = None) -> Score:
    """Score one predicted JSONL file (as printed by `xaetl extract`) against one gold JSONL file."""
    text = text_path.read_text(encoding="utf-8") if text_path is not None else None
    return score(load_jsonl(gold_path), load_jsonl(predicted_path), text)


Document = tuple[str, list[dict[str, Any]], list[dict[str, Any]], str | None]


def score_documents(documents: Iterable[Document]) -> Score:
    """Score several documents given as (name, gold, predicted, text) and pool them."""
    return combine({name: score(gold, predicted, text) for name, gold, predicted, text in documents})


def error_report(
    name: str, gold: list[dict[str, Any]], predicted: list[dict[str, Any]], s: Score
) -> list[str]:
    """Lines listing a document's missed, spurious and wrong-field mentions (for `--errors`)."""
    lines = [f"== {name}"]
    for gi in s.missed:
        g = gold[gi]
        lines.append(f"  missed   {g['value']} {g['unit']} [{g['indicator_id']}] {g['indicator']!r}")
        lines.append(f"           :: {g['quote']!r}")
    for pi in s.spurious:
        p = predicted[pi]
        lines.append(
            f"  spurious {p.get('value')} {p.get('unit')} ({p.get('base_unit')}) [{p.get('indicator_id')}] "
            f"{p.get('indicator')!r}"
        )
        lines.append(f"           :: {p.get('quote')!r}")
    for gi, pi in s.pairs:
        g, p = gold[gi], predicted[pi]
        wrong = [f for f in FIELDS if g.get(f) != p.get(f) and not (g.get(f) is None and p.get(f) is None)]
        if wrong:
            diffs = ", ".join(f"{f}: gold {g.get(f)!r} pred {p.get(f)!r}" for f in wrong)
            lines.append(f"  field    {g['value']} {g['unit']} {g['indicator']!r}: {diffs}")
            lines.append(f"           :: {g['quote']!r}")
    return lines
