"""Kind (actual/target) learned from the dev gold: a logistic regression over the mention's words and context
that overrides the rule's kind (`ingest.extract.kinds`) only where it is confident.

The model (`kinds.json`, written by `evaluation.train_kinds`) holds feature weights for the log-odds of
`target` and a confidence `threshold`: the rule's kind is flipped when the model gives the other kind at
least that probability. Features: the rule's own kind and the section's, the words and word pairs before
the number in its sentence, the first words of its line, the words after it, the heading above it,
years in the sentence against the document's year, and genre cues of the document's opening; the last
three words, the heading, years and cues also crossed with the rule's kind.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from ingest.extract.context import Doc, Draft
from ingest.extract.learned.slot import Slot, linear_score

PATH = Path(__file__).with_suffix(".json")
SLOT = Slot(PATH)
_WORD = re.compile(r"\w+")
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
OPENING = 400  # the title and date lines: where a document says what it is
# What the opening of a document says about its genre (a result report, a plan, a congress)
GENRE_CUES = (
    "6 tháng",
    "9 tháng",
    "quý",
    "nhiệm kỳ",
    "đại hội",
    "nghị quyết",
    "kế hoạch",
    "phương hướng",
    "sơ kết",
    "tổng kết",
    "nông thôn mới",
    "dự toán",
    "mục tiêu",
    "phấn đấu",
)


def installed(model: Any) -> AbstractContextManager[None]:
    """Use this model (or `None`: the rule's kind alone) for the extraction calls inside the block."""
    return SLOT.installed(model)


def recording() -> AbstractContextManager[list[Any]]:
    """Keep `(features, rule kind)` of every mention decided inside the block (for training)."""
    return SLOT.recording()


def opening_cues(doc: Doc) -> list[str]:
    head = doc.text_l[:OPENING]
    return [c for c in GENRE_CUES if c in head]


def _heading_words(doc: Doc, pos: int) -> list[str]:
    """The first words of the nearest heading line above `pos`."""
    i = bisect.bisect_right(doc.headings, (pos, pos)) - 1
    if i < 0:
        return []
    a, b = doc.headings[i]
    return _WORD.findall(doc.text_l[a : min(b, a + 60)])[:5]


def _words(text: str) -> Iterator[str]:
    return (m.group() for m in _WORD.finditer(text))


def features(doc: Doc, d: Draft, rule_kind: str) -> list[str]:
    """What the model reads of a drafted mention whose rule kind is `rule_kind`."""
    s, q = d.sentence, d.q
    t = doc.text_l
    before = list(_words(t[max(s.start, q.start - 80) : q.start]))[-10:]
    f = ["bias", "rule=" + rule_kind, "sec=" + s.kind]
    f += ["w:" + w for w in before]
    f += ["b:" + a + "_" + b for a, b in itertools.pairwise(before)]
    f += ["l:" + w for w in list(_words(t[s.line_start : min(s.line_start + 40, q.start)]))[:4]]
    f += ["a:" + w for w in list(_words(t[q.end : min(q.end + 30, s.end)]))[:3]]
    context = ["h:" + w for w in _heading_words(doc, q.start)]
    context += ["g:" + c for c in opening_cues(doc)]
    if doc.ref_year is not None:
        for m in _YEAR.finditer(t, s.start, q.start):
            y = int(m.group(1))
            context.append("y>ref" if y > doc.ref_year else "y=ref" if y == doc.ref_year else "y<ref")
    # the same words read again beside the rule's kind: what they say where the rule says `target` differs
    crossed = ["w:" + w for w in before[-3:]] + context
    return f + context + [f"{rule_kind}|{c}" for c in crossed]


def kind(doc: Doc, d: Draft, rule_kind: str) -> str:
    """The mention's kind: the rule's, unless the installed model is confident of the other."""
    model = SLOT.model()
    records = SLOT.records
    if model is None and records is None:
        return rule_kind
    f = features(doc, d, rule_kind)
    if records is not None:
        records.append((f, rule_kind))
    if model is None:
        return rule_kind
    z = linear_score(model["weights"], f)
    p_target = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    p_other = 1.0 - p_target if rule_kind == "target" else p_target
    if p_other >= model["threshold"]:
        return "actual" if rule_kind == "target" else "target"
    return rule_kind
