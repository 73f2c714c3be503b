"""Kind (actual/target) learned from the dev gold: a logistic regression over the mention's words and context
that overrides the rule's kind (`ingest.extract.kinds`) only where it is confident.

The model (`kinds.json`, written by `evaluation.train_kinds`) holds feature weights for the log-odds of
`target`, a confidence `threshold` and the rule kinds it may `override`: the rule's kind is flipped when
the model gives the other kind at least that probability. Only the rules' targets are read (a fifth of
the mentions, so the cost stays small): in cross-validation the model never overrode an `actual`.
Features: the rule's own kind and the section's, the words and word pairs before the number in its
sentence, the first words of its line, the words after it, the heading above it, years in the sentence
against the document's year, genre cues of the document's opening, and which of the rules' reasons for a
target hold; the last three words, the heading, years, cues and reasons also crossed with the rule's kind.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from contextlib import AbstractContextManager
from typing import Any, NamedTuple

from ingest.extract.context import Doc, Draft, cue_in
from ingest.extract.fronts import horizon_before, is_later
from ingest.extract.kinds import TARGET_CUE_WORDS, bracket_target
from ingest.extract.layout import Sentence
from ingest.extract.learned.slot import Slot
from ingest.extract.numbers import Quantity
from ingest.extract.package_data import package_file
from ingest.extract.vocab import GENRE_CUES

PATH = package_file("ingest.extract.learned", "kinds.json")
# Off as shipped: its cross-validated lift on dev (3 of 1,085 kinds) did not carry to 36 fresh documents
# (5 of its 8 overrides wrong there; README, "Real documents, strictly scored"); `installed(model)` and
# `extract_real.py --cv` still switch it on.
SLOT = Slot(PATH, shipped_on=False)
_WORD = re.compile(r"\w+")
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
OPENING = 400  # the title and date lines: where a document says what it is


def installed(model: Any) -> AbstractContextManager[None]:
    """Use this model (or `None`: the rule's kind alone) for the extraction calls inside the block."""
    return SLOT.installed(model)


def recording() -> AbstractContextManager[list[Any]]:
    """Keep `(features, rule kind)` of every mention decided inside the block (for training)."""
    return SLOT.recording()


def opening_cues(doc: Doc) -> list[str]:
    head = doc.text_l[:OPENING]
    return [c for c in GENRE_CUES if c in head]


class _DocContext:
    """What every mention of one document shares: its genre cues and its headings' words (read once)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.cues = ["g:" + c for c in opening_cues(doc)]
        self.heading_words: dict[int, list[str]] = {}

    def heading(self, pos: int) -> list[str]:
        """`h:` features of the first words of the nearest heading line above `pos`."""
        headings = self.doc.headings
        i = bisect.bisect_right(headings, (pos, pos)) - 1
        if i < 0:
            return []
        words = self.heading_words.get(i)
        if words is None:
            a, b = headings[i]
            words = self.heading_words[i] = [
                "h:" + w for w in _WORD.findall(self.doc.text_l[a : min(b, a + 60)])[:5]
            ]
        return words


_context: _DocContext | None = None


class _Read(NamedTuple):
    """The words a mention's kind is read from (features are named from these; see `features`)."""

    rule: str
    section: str
    before: list[str]  # the last (at most 10) words before the number in its sentence
    line: list[str]  # the first (at most 4) words of its line
    after: list[str]  # the first (at most 3) words after the number
    context: list[str]  # heading words, genre cues and years, as features (`h:`, `g:`, `y…`)


def _read(doc: Doc, d: Draft, rule_kind: str) -> _Read:
    global _context
    s, q = d.sentence, d.q
    t = doc.text_l
    ctx = _context
    if ctx is None or ctx.doc is not doc:
        ctx = _context = _DocContext(doc)
    context = ctx.heading(q.start) + ctx.cues
    if rule_kind == "target":
        context += _why_target(doc, s, q)
    ref = doc.ref_year
    if ref is not None and t.find("20", s.start, q.start) + t.find("19", s.start, q.start) > -2:
        for m in _YEAR.finditer(t, s.start, q.start):
            y = int(m.group(1))
            context.append("y>ref" if y > ref else "y=ref" if y == ref else "y<ref")
    return _Read(
        rule_kind,
        s.kind,
        _WORD.findall(t, max(s.start, q.start - 80), q.start)[-10:],
        _WORD.findall(t, s.line_start, min(s.line_start + 40, q.start))[:4],
        _WORD.findall(t, q.end, min(q.end + 30, s.end))[:3],
        context,
    )


def _why_target(doc: Doc, s: Sentence, q: Quantity) -> list[str]:
    """Which of the rules' reasons for a target hold (`ingest.extract.kinds.kind_of`): a plan figure in
    brackets, a target section, a target cue before the number, a later horizon fronting the paragraph."""
    why = []
    if bracket_target(doc, s, q):
        why.append("why=bracket")
    if s.kind == "target":
        why.append("why=section")
    if cue_in(TARGET_CUE_WORDS, doc.text_l, s.start, q.start):
        why.append("why=cue")
    year = horizon_before(doc, s.line_start, q.start)
    if year is not None and is_later(year, doc):
        why.append("why=horizon")
    return why


def _crossed(r: _Read) -> list[str]:
    """The last three words before the number and the context, to be read beside the rule's kind: what they
    say where the rule says `target` differs from where it says `actual`."""
    return ["w:" + w for w in r.before[-3:]] + r.context


def features(doc: Doc, d: Draft, rule_kind: str) -> list[str]:
    """What the model reads of a drafted mention whose rule kind is `rule_kind`, as named features."""
    r = _read(doc, d, rule_kind)
    f = ["bias", "rule=" + r.rule, "sec=" + r.section]
    f += ["w:" + w for w in r.before]
    f += ["b:" + a + " " + b for a, b in itertools.pairwise(r.before)]
    f += ["l:" + w for w in r.line]
    f += ["a:" + w for w in r.after]
    return f + r.context + [f"{r.rule}|{c}" for c in _crossed(r)]


class _Compiled:
    """A model's weights split by feature family, so that a mention is scored from its words without
    building its feature names (`score` equals the sum of the weights of `features`)."""

    def __init__(self, weights: dict[str, float]) -> None:
        self.plain: dict[str, float] = {}
        self.words: dict[str, dict[Any, float]] = {"w": {}, "b": {}, "l": {}, "a": {}}
        self.crossed: dict[str, dict[str, float]] = {"actual": {}, "target": {}}
        for name, w in weights.items():
            family, _, rest = name.partition(":")
            bar = name.find("|")
            if bar > 0 and name[:bar] in self.crossed:
                self.crossed[name[:bar]][name[bar + 1 :]] = w
            elif family == "b" and rest:
                a, _, b = rest.partition(" ")
                self.words["b"][(a, b)] = w
            elif family in self.words and rest:
                self.words[family][rest] = w
            else:
                self.plain[name] = w

    def score(self, r: _Read) -> float:
        plain, words, crossed = self.plain, self.words, self.crossed[r.rule]
        zero = itertools.repeat(0.0)
        before = r.before
        z = plain.get("bias", 0.0) + plain.get("rule=" + r.rule, 0.0) + plain.get("sec=" + r.section, 0.0)
        z += sum(map(words["w"].get, before, zero))
        z += sum(map(words["b"].get, itertools.pairwise(before), zero))
        z += sum(map(words["l"].get, r.line, zero))
        z += sum(map(words["a"].get, r.after, zero))
        z += sum(map(plain.get, r.context, zero))
        z += sum(map(crossed.get, r.context, zero))
        return z + sum(crossed.get("w:" + w, 0.0) for w in before[-3:])


_compiled: tuple[Any, _Compiled] | None = None


def _compiled_of(model: dict[str, Any]) -> _Compiled:
    """The model's weights by family, compiled once per model."""
    global _compiled
    if _compiled is None or _compiled[0] is not model:
        _compiled = (model, _Compiled(model["weights"]))
    return _compiled[1]


def kind(doc: Doc, d: Draft, rule_kind: str) -> str:
    """The mention's kind: the rule's, unless the installed model is confident of the other."""
    model = SLOT.model()
    records = SLOT.records
    if model is None and records is None:
        return rule_kind
    if records is not None:
        records.append((features(doc, d, rule_kind), rule_kind))
    if model is None or rule_kind not in model["overrides"]:
        return rule_kind
    z = _compiled_of(model).score(_read(doc, d, rule_kind))
    p_target = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    p_other = 1.0 - p_target if rule_kind == "target" else p_target
    if p_other >= model["threshold"]:
        return "actual" if rule_kind == "target" else "target"
    return rule_kind
