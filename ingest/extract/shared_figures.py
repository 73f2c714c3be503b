"""One figure several coordinated subjects share: `Quy hoạch, nhà ở dân cư, lao động có việc làm đều đạt ở
112 xã`, `giải ngân vốn … từ nguồn vốn tỉnh và huyện đều đạt 100%`.

`đều` (all of them) before the verb says the figure holds for each subject listed before it; the gold
writes one fact per subject (`số xã đạt quy hoạch`, `… nhà ở dân cư`, …). Items after a long first
one (`… nguồn vốn tỉnh và huyện`) share the first one's words before its last ones (names9).
"""

from __future__ import annotations

import dataclasses
import re

from ingest.extract.context import Doc, Draft
from ingest.extract.phrases import clean_words, measured

_S = r"[^\S\n]"
# `đều đạt (ở)` right before the number; found by `str.rfind` first (C speed), then checked
_ALL_REACHED = re.compile(rf"đều{_S}+(?:đạt|được|là)(?:{_S}+(?:ở|trên|hơn|gần|khoảng))?{_S}*")
_CLAUSE_END = ".;:!?\n"
_MAX_SUBJECT = 160
_ITEM_SEP = re.compile(rf"{_S}*(?:,{_S}*và|,|{_S}và){_S}+")
_MAX_ITEMS = 5
_MAX_ITEM_WORDS = 6


def split_shared(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """The drafts, each figure that coordinated subjects share written once per subject."""
    out: list[Draft] = []
    for d in drafts:
        out.append(d)
        names, subject_start = _per_subject(doc, d)
        if not names:
            continue
        d.indicator = names[0]
        if d.name_start is None or subject_start < d.name_start:
            d.name_start = subject_start  # the quote holds every subject of the list
        for name in names[1:]:
            out.append(dataclasses.replace(d, indicator=name, entry=None))
    return out


def _per_subject(doc: Doc, d: Draft) -> tuple[list[str], int]:
    """The names of the figure, one per subject, and where the subjects start (none: ([], 0))."""
    if d.ratio_only or d.is_change or d.part_of is not None or d.q.of_total is not None:
        return [], 0
    text_l = doc.text_l
    at = text_l.rfind("đều", max(d.sentence.start, d.q.start - 40), d.q.start)
    if at < 0 or _ALL_REACHED.fullmatch(text_l, at, d.q.start) is None:
        return [], 0
    lo = max(d.sentence.start, at - _MAX_SUBJECT)
    cut = max(text_l.rfind(c, lo, at) for c in _CLAUSE_END)  # the subject opens its clause
    begin = cut + 1 if cut >= 0 else lo
    subject = text_l[begin:at]
    if len(subject.strip()) < 3 or not _ITEM_SEP.search(subject):
        return [], 0
    # (a time or place word before the list, `Đến nay, …`, cleans to nothing)
    items = [i for i in (clean_words(i) for i in _ITEM_SEP.split(subject.strip())) if i]
    if not 2 <= len(items) <= _MAX_ITEMS:
        return [], 0
    first, second = items[0].split(), items[1].split()
    prefix = ""
    if len(first) > len(second) and len(second) <= 2:
        # "… từ nguồn vốn tỉnh và huyện": the items after the first are its last words' siblings
        prefix, items[0] = " ".join(first[: -len(second)]), " ".join(first[-len(second) :])
    if any(len(i.split()) > _MAX_ITEM_WORDS for i in items[1:]):
        return [], 0
    at = begin + len(subject) - len(subject.lstrip(" ,"))
    if d.q.is_pct:
        head = prefix if measured(prefix) else f"tỷ lệ {prefix}".strip()
        return [f"{head} {i}" for i in items], at
    if d.q.unit.base_unit == "count" and not prefix:
        return [f"số {d.q.unit.unit} đạt {i}" for i in items], at
    return [], 0
