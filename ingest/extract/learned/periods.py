"""Period learned from the dev gold: a linear ranker over candidate period codes that overrides the rule's
period (`ingest.extract.timing`) only where it prefers another candidate by a margin.

Candidates: the rule's period, the document's default and target periods, the document's year, the
rule's year, the latest, most frequent and first year written in the text (each ±1, and its half-year,
nine-month and quarter codes where the text has those words), the document's term and the terms it
names. A candidate's features say where it comes from (its tags), crossed with its granularity, the
mention's kind, the rule period's granularity and whether the rule read it from the mention's own words,
plus whether the sentence writes its year or its granularity's words, and genre cues of the opening.
The model (`periods.json`, written by `evaluation.train_periods`) holds the weights and the `margin`.
"""

from __future__ import annotations

import re
from collections import Counter
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from ingest.extract.context import Doc, Draft
from ingest.extract.learned.kinds import opening_cues
from ingest.extract.learned.slot import Slot, linear_score
from ingest.extract.package_data import package_file
from ingest.extract.periods import Term, terms_in, year_of
from ingest.extract.vocab import GRAIN_WORDS, PART_CUES

PATH = package_file("ingest.extract.learned", "periods.json")
# Off as shipped: 5-fold cross-validation on the dev split found no margin at which the ranker beats the
# rules (README, "Real documents, strictly scored"); `installed(model)` still switches it on for a block.
SLOT = Slot(PATH, shipped_on=False)
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
OPENING = 400
# Words that point to a part-year code, and the codes they point to
TERM_GRAINS = {"mid": "term_mid", "start": "term_start", "second-half": "term_second_half"}
PART_GRAINS = {"H1": "half", "H2": "half", "9M": "nine_months"}


def installed(model: Any) -> AbstractContextManager[None]:
    """Use this model (or `None`: the rule's period alone) for the extraction calls inside the block."""
    return SLOT.installed(model)


def recording() -> AbstractContextManager[list[Any]]:
    """Keep `(candidates with their features, rule period)` of every mention decided inside the block."""
    return SLOT.recording()


def grain(code: str) -> str:
    """The granularity of a period code (docs/periods.md), `other` for what the table does not list."""
    if code.startswith("as-of:"):
        return "as_of"
    if code.startswith("term-"):
        return TERM_GRAINS.get(code[15:], "term")
    if code.isdigit():
        return "year"
    tail = code[5:]
    return PART_GRAINS.get(tail, "quarter" if tail[:1] == "Q" else "other")


@dataclass(frozen=True)
class _DocInfo:
    years: tuple[tuple[str, int], ...]  # (tag, year): the latest, most frequent and first year written
    parts: tuple[str, ...]  # part-year suffixes whose words the text has
    terms: tuple[Term, ...]
    cues: tuple[str, ...]


_cache: tuple[Doc, _DocInfo] | None = None


def _info(doc: Doc) -> _DocInfo:
    """What the candidates of every mention of the document share (computed once per document)."""
    global _cache
    if _cache is not None and _cache[0] is doc:
        return _cache[1]
    t = doc.text_l
    found = [int(m.group(1)) for m in _YEAR.finditer(t)]
    found = [y for y in found if 1990 <= y <= 2040]
    years: list[tuple[str, int]] = []
    if found:
        years.append(("max", max(found)))
        years.append(("mode", Counter(found).most_common(1)[0][0]))
        years.append(("first", found[0]))
    parts = tuple(p for cue, codes in PART_CUES if cue in t for p in codes)
    info = _DocInfo(tuple(years), parts, tuple(terms_in(t)), tuple(opening_cues(doc)))
    _cache = (doc, info)
    return info


def candidates(doc: Doc, d: Draft, kind: str, rule: str) -> list[tuple[str, list[str]]]:
    """Every candidate code of the drafted mention with its features; the rule's code first."""
    info = _info(doc)
    tags: dict[str, list[str]] = {}

    def add(code: str | None, tag: str) -> None:
        if code:
            tags.setdefault(code, []).append(tag)

    add(rule, "rule")
    add(doc.default_period, "def")
    add(doc.target_period, "tgt")
    years = [("ref", doc.ref_year), ("ry", year_of(rule)), *info.years]
    for name, y in years:
        if y is None:
            continue
        add(str(y), name)
        add(str(y + 1), name + "+1")
        add(str(y - 1), name + "-1")
        for p in info.parts:
            add(f"{y}-{p}", f"{name}:{p[:1]}")
    if doc.term is not None:
        add(doc.term.code, "term")
    for term in info.terms:
        add(term.code, "named_term")
    s = d.sentence
    base = s.period or (doc.target_period if kind == "target" and doc.target_period else doc.default_period)
    own = "own" if rule != base else "base"
    rg = grain(rule)
    sentence = doc.text_l[s.start : s.end]
    out = []
    for code, ts in tags.items():
        g = grain(code)
        f = [f"g={g}", f"g={g}|k={kind}", f"g={g}|rg={rg}", f"g={g}|{own}"]
        for tag in ts:
            f += [tag, f"{tag}|g={g}", f"{tag}|k={kind}", f"{tag}|rg={rg}", f"{tag}|{own}"]
        f += [f"c:{c}|g={g}" for c in info.cues]
        y = year_of(code)
        if y is not None and str(y) in sentence:
            f.append(f"ysent|g={g}")
        word = GRAIN_WORDS.get(g)
        if word is not None and word in sentence:
            f.append(f"wsent|g={g}")
        out.append((code, f))
    return out


def period(doc: Doc, d: Draft, kind: str, rule: str) -> str:
    """The mention's period: the rule's, unless the installed model ranks another higher by its margin."""
    model = SLOT.model()
    records = SLOT.records
    if model is None and records is None:
        return rule
    cands = candidates(doc, d, kind, rule)
    if records is not None:
        records.append((cands, rule))
    if model is None:
        return rule
    weights = model["weights"]
    scored = [(linear_score(weights, f), code) for code, f in cands]
    rule_score = scored[0][0]
    best_score, best = max(scored, key=lambda x: x[0])
    return best if best_score - rule_score > model["margin"] else rule
