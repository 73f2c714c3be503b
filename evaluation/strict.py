"""Strict scoring of predicted mentions against hand-written gold (rules: tests/fixtures/real/README.md).

A prediction matches a gold fact when
- its base value (or its value with the same unit) agrees within 0.2 %,
- its quote and name together cover at least 60 % of the gold quote's words, and
- its name holds at least half of the gold name's content words while being at most about twice
  as long (content words: the name's words less the function words of `data/stopwords_vi.txt`).
Each gold fact matches at most one prediction and each prediction at most one gold fact, best
pairs first. Optional gold facts are ignored: a prediction matched to one is neither a hit nor a
false positive. Precision = matches / predictions not matched to an optional fact; recall =
matches / required facts. Attribute accuracy is taken on the matched required facts.

Beside strict matching: *located recall* (a required fact whose value some prediction gives at an
overlapping place in the text, whatever its name) and the catalogue figures (coverage: required
facts whose match carries an `indicator_id`; precision: matched ids equal to the gold id). In a
document whose gold ids were labelled (`ids_labelled`: both splits of the real corpus), a gold
`null` means "no catalogue indicator measures this", so a predicted id there is wrong; elsewhere
only pairs where both sides have an id are compared. Gold facts carry `start`/`end` in the document text (see
`real_corpus`); predictions are dicts with the mention contract's fields.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from evaluation.pairing import one_to_one

VALUE_TOLERANCE = 0.002  # "agrees within 0.2 %"
QUOTE_COVERAGE = 0.6  # quote + name cover >= 60 % of the gold quote's words
NAME_SHARE = 0.5  # the name holds >= half of the gold name's content words
# "at most about twice as long": content words <= 2 x the gold's, plus one word of slack so that a
# one- or two-word gold name still admits the measure word an analyst would add.
NAME_MAX_RATIO = 2.0
NAME_SLACK = 1

ATTRIBUTES = ("plan_pct", "yoy_pct", "kind", "period", "base_unit", "approx")
STOPWORDS_FILE = Path(__file__).resolve().parent / "data" / "stopwords_vi.txt"

Fact = dict[str, Any]
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The function words of the data file (comments and blank lines skipped)."""
    lines = STOPWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(
        unicodedata.normalize("NFC", w.strip().lower()) for w in lines if w.strip() and not w.startswith("#")
    )


def words(text: str | None) -> list[str]:
    """Lowercase NFC word tokens: letter runs and numbers as written (`1.936`, `45,7`)."""
    if not text:
        return []
    return _TOKEN.findall(unicodedata.normalize("NFC", text).lower())


def content_words(name: str | None) -> list[str]:
    """The words of an indicator name that say what is measured (function words dropped)."""
    stop = stopwords()
    return [w for w in words(name) if w not in stop and not w[0].isdigit()]


def norm_unit(unit: str | None) -> str:
    """Units compare lowercased, NFC, without spaces around `/` and without outer spaces."""
    if not unit:
        return ""
    text = unicodedata.normalize("NFC", str(unit)).strip().lower()
    return re.sub(r"\s*/\s*", "/", re.sub(r"\s+", " ", text))


def _num(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def close(a: Any, b: Any, tol: float = VALUE_TOLERANCE) -> bool:
    """Two numbers agree within a relative tolerance (exactly, when one of them is zero)."""
    x, y = _num(a), _num(b)
    if x is None or y is None:
        return False
    if x == y:
        return True
    return abs(x - y) <= tol * max(abs(x), abs(y))


def values_agree(pred: Fact, gold: Fact) -> bool:
    """Base values agree within 0.2 %, or values agree with the same unit."""
    if close(pred.get("base_value"), gold.get("base_value")):
        return True
    return close(pred.get("value"), gold.get("value")) and norm_unit(pred.get("unit")) == norm_unit(
        gold.get("unit")
    )


def quote_coverage(pred: Fact, gold: Fact) -> float:
    """Share of the gold quote's distinct words found in the prediction's quote or name."""
    target = set(words(gold.get("quote")))
    if not target:
        return 0.0
    have = set(words(pred.get("quote"))) | set(words(pred.get("indicator")))
    return len(target & have) / len(target)


def name_share(pred: Fact, gold: Fact) -> float:
    """Share of the gold name's distinct content words held by the predicted name."""
    target = set(content_words(gold.get("indicator")))
    if not target:
        return 1.0
    return len(target & set(content_words(pred.get("indicator")))) / len(target)


def name_similarity(pred: Fact, gold: Fact) -> float:
    """Jaccard overlap of content words: ranks candidate pairs (extra words count against)."""
    a, b = set(content_words(gold.get("indicator"))), set(content_words(pred.get("indicator")))
    return len(a & b) / len(a | b) if a | b else 1.0


def name_not_too_long(pred: Fact, gold: Fact) -> bool:
    """The predicted name has at most about twice the gold name's content words."""
    limit = NAME_MAX_RATIO * len(content_words(gold.get("indicator"))) + NAME_SLACK
    return len(content_words(pred.get("indicator"))) <= limit


@dataclass(frozen=True)
class Check:
    """How one prediction compares with one gold fact."""

    value: bool
    coverage: float
    name: float
    not_too_long: bool
    overlap: bool
    similarity: float

    @property
    def matches(self) -> bool:
        return (
            self.value and self.coverage >= QUOTE_COVERAGE and self.name >= NAME_SHARE and self.not_too_long
        )

    def rank(self) -> tuple[bool, float]:
        """Order of preference among matching pairs: same place, then quote and name closest."""
        return (self.overlap, self.coverage + self.similarity)


def pred_spans(pred: Fact, text: str | None) -> list[tuple[int, int]]:
    """Where a prediction sits: its `start`/`end`, else every occurrence of its quote in the text."""
    start, end = pred.get("start"), pred.get("end")
    if isinstance(start, int) and isinstance(end, int) and end > start:
        return [(start, end)]
    quote = pred.get("quote")
    spans: list[tuple[int, int]] = []
    if text and quote:
        i = text.find(quote)
        while i >= 0:
            spans.append((i, i + len(quote)))
            i = text.find(quote, i + 1)
    return spans


def overlaps(pred: Fact, gold: Fact, text: str | None) -> bool:
    """The prediction's place in the text overlaps the gold quote's place."""
    gs, ge = gold.get("start"), gold.get("end")
    if not isinstance(gs, int) or not isinstance(ge, int):
        return False
    return any(s < ge and gs < e for s, e in pred_spans(pred, text))


def check(pred: Fact, gold: Fact, text: str | None = None) -> Check:
    return Check(
        value=values_agree(pred, gold),
        coverage=quote_coverage(pred, gold),
        name=name_share(pred, gold),
        not_too_long=name_not_too_long(pred, gold),
        overlap=overlaps(pred, gold, text),
        similarity=name_similarity(pred, gold),
    )


def attribute_right(name: str, pred: Fact, gold: Fact) -> bool:
    """One attribute of a matched prediction agrees with the gold."""
    p, g = pred.get(name), gold.get(name)
    if name in ("plan_pct", "yoy_pct"):
        return (p is None and g is None) or close(p, g)
    if name == "approx":
        return bool(p) == bool(g)
    return p == g


@dataclass
class Tally:
    """Counts that add up over documents (micro-averaged figures)."""

    docs: int = 0
    n_pred: int = 0  # predictions not matched to an optional gold fact
    n_required: int = 0
    tp: int = 0
    located: int = 0
    attr_right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRIBUTES, 0))
    cat_covered: int = 0  # required gold facts whose matched prediction has an indicator_id
    cat_compared: int = 0  # matched pairs with a predicted id whose gold id is known (see `score`)
    cat_agree: int = 0
    cat_fittable: int = 0  # required gold facts with a gold id: the most a perfect extractor covers rightly
    cat_right: int = 0  # of those, matched with a prediction carrying that very id

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            docs=self.docs + other.docs,
            n_pred=self.n_pred + other.n_pred,
            n_required=self.n_required + other.n_required,
            tp=self.tp + other.tp,
            located=self.located + other.located,
            attr_right={k: self.attr_right[k] + other.attr_right[k] for k in ATTRIBUTES},
            cat_covered=self.cat_covered + other.cat_covered,
            cat_compared=self.cat_compared + other.cat_compared,
            cat_agree=self.cat_agree + other.cat_agree,
            cat_fittable=self.cat_fittable + other.cat_fittable,
            cat_right=self.cat_right + other.cat_right,
        )

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else (1.0 if not self.n_required else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.n_required if self.n_required else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def located_recall(self) -> float:
        return self.located / self.n_required if self.n_required else 1.0

    def accuracy(self, name: str) -> float | None:
        return self.attr_right[name] / self.tp if self.tp else None

    @property
    def catalogue_coverage(self) -> float:
        return self.cat_covered / self.n_required if self.n_required else 1.0

    @property
    def catalogue_precision(self) -> float | None:
        return self.cat_agree / self.cat_compared if self.cat_compared else None

    @property
    def gold_id_share(self) -> float:
        """Required gold facts with a fitting catalogue id: the ceiling of right coverage."""
        return self.cat_fittable / self.n_required if self.n_required else 1.0

    @property
    def right_of_fittable(self) -> float:
        """Required gold facts with an id that the extractor matched and gave that id."""
        return self.cat_right / self.cat_fittable if self.cat_fittable else 1.0

    def summary(self) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        out: dict[str, Any] = {
            "docs": self.docs,
            "required": self.n_required,
            "predicted": self.n_pred,
            "matched": self.tp,
            "f1": r(self.f1),
            "precision": r(self.precision),
            "recall": r(self.recall),
            "located_recall": r(self.located_recall),
        }
        out.update({f"{k}_acc": r(self.accuracy(k)) for k in ATTRIBUTES})
        out["catalogue_coverage"] = r(self.catalogue_coverage)
        out["catalogue_precision"] = r(self.catalogue_precision)
        out["gold_id_share"] = r(self.gold_id_share)
        out["right_of_fittable"] = r(self.right_of_fittable)
        return out


def combine(tallies: Iterable[Tally]) -> Tally:
    total = Tally()
    for t in tallies:
        total = total + t
    return total


@dataclass
class DocResult:
    """One document's tally plus what matched and what did not (for error lists)."""

    tally: Tally
    pairs: list[tuple[int, int]]  # (gold index, prediction index), required and optional
    missed: list[int]  # required gold facts without a match
    spurious: list[int]  # predictions matched to nothing


def match(gold: Sequence[Fact], preds: Sequence[Fact], text: str | None = None) -> list[tuple[int, int]]:
    """One-to-one pairs of matching (gold, prediction) indices, best pairs first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            c = check(p, g, text)
            if c.matches:
                # required facts win ties against optional ones; then document order
                candidates.append(((*c.rank(), not g.get("optional", False)), gi, pi))
    candidates.sort(key=lambda x: (x[0], -x[1], -x[2]), reverse=True)
    return one_to_one((gi, pi) for _, gi, pi in candidates)


def score(
    gold: Sequence[Fact], preds: Sequence[Fact], text: str | None = None, *, ids_labelled: bool = False
) -> DocResult:
    """Strict figures of one document's predictions against its gold. With `ids_labelled` the gold's
    `indicator_id`s were labelled against the catalogue, so a null gold id is an answer too."""
    pairs = match(gold, preds, text)
    required = [i for i, g in enumerate(gold) if not g.get("optional", False)]
    to_optional = {pi for gi, pi in pairs if gold[gi].get("optional", False)}
    matched_required = [(gi, pi) for gi, pi in pairs if not gold[gi].get("optional", False)]
    t = Tally(
        docs=1,
        n_pred=len(preds) - len(to_optional),
        n_required=len(required),
        tp=len(matched_required),
        cat_fittable=sum(bool(gold[gi].get("indicator_id")) for gi in required),
    )
    for gi, pi in matched_required:
        g, p = gold[gi], preds[pi]
        for name in ATTRIBUTES:
            t.attr_right[name] += attribute_right(name, p, g)
        if p.get("indicator_id"):
            t.cat_covered += 1
        if p.get("indicator_id") and (ids_labelled or g.get("indicator_id")):
            t.cat_compared += 1
            t.cat_agree += p["indicator_id"] == g["indicator_id"]
        if g.get("indicator_id") and p.get("indicator_id") == g["indicator_id"]:
            t.cat_right += 1
    t.located = sum(
        any(values_agree(p, gold[gi]) and overlaps(p, gold[gi], text) for p in preds) for gi in required
    )
    paired_g = {gi for gi, _ in pairs}
    paired_p = {pi for _, pi in pairs}
    return DocResult(
        tally=t,
        pairs=pairs,
        missed=[gi for gi in required if gi not in paired_g],
        spurious=[pi for pi in range(len(preds)) if pi not in paired_p],
    )


def _show(f: Fact) -> str:
    unit = f.get("unit") or ""
    return f"{f.get('indicator')!r} = {f.get('value')} {unit} | {f.get('quote')!r}"


def error_lines(doc_id: str, gold: Sequence[Fact], preds: Sequence[Fact], result: DocResult) -> list[str]:
    """Readable list of one document's misses, false positives and wrong attributes."""
    lines = []
    for gi in result.missed:
        g = gold[gi]
        near = [p for p in preds if values_agree(p, g)]
        why = ""
        if near:
            c = check(near[0], g)
            why = (
                f"  (same value: name share {c.name:.2f}, quote coverage {c.coverage:.2f}, "
                f"not too long {c.not_too_long}: {near[0].get('indicator')!r})"
            )
        lines.append(f"{doc_id}: MISSED {_show(g)}{why}")
    for pi in result.spurious:
        lines.append(f"{doc_id}: SPURIOUS {_show(preds[pi])}")
    for gi, pi in result.pairs:
        g, p = gold[gi], preds[pi]
        if g.get("optional", False):
            continue
        wrong = [f"{k} {p.get(k)!r}≠{g.get(k)!r}" for k in ATTRIBUTES if not attribute_right(k, p, g)]
        if wrong:
            lines.append(f"{doc_id}: ATTRIBUTES {', '.join(wrong)} | {_show(g)}")
    return lines


def id_error_lines(
    doc_id: str, gold: Sequence[Fact], preds: Sequence[Fact], pairs: Sequence[tuple[int, int]]
) -> list[str]:
    """Matched required facts whose catalogue id differs from the gold's: `IDWRONG` a predicted id
    the gold does not give (null included), `IDMISSED` no id where the gold has one."""
    lines = []
    for gi, pi in pairs:
        g, p = gold[gi], preds[pi]
        if g.get("optional", False) or p.get("indicator_id") == g.get("indicator_id"):
            continue
        tag = "IDWRONG" if p.get("indicator_id") else "IDMISSED"
        lines.append(
            f"{doc_id}: {tag} {p.get('indicator_id')}≠{g.get('indicator_id')} | "
            f"pred {p.get('indicator')!r} | gold {g.get('indicator')!r} = "
            f"{g.get('value')} {g.get('unit') or ''} | {g.get('quote')!r}"
        )
    return lines
