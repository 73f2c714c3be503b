"""One figure several coordinated subjects share: `Quy hoạch, nhà ở dân cư, lao động có việc làm đều đạt ở
112 xã`, `giải ngân vốn … từ nguồn vốn tỉnh và huyện đều đạt 100%`.

`đều` (all of them) before the verb says the figure holds for each subject listed before it; the gold
writes one fact per subject (`số xã đạt quy hoạch`, `… nhà ở dân cư`, …). Items after a long first
one (`… nguồn vốn tỉnh và huyện`) share the first one's words before its last ones (names9).

One share stated once for two subjects that are different catalogue indicators (`90% tổ chức Đảng và
đảng viên xếp loại hoàn thành tốt nhiệm vụ trở lên`, `100% đường giao thông và kênh mương được cứng
hóa`) is one fact per indicator, same quote (corpus README, settled items 11, 13, 20); two names of one
indicator (`thôn, bản`) stay one fact (rules10).
"""

from __future__ import annotations

import dataclasses
import re

from ingest.extract.catalogue import CatalogueEntry
from ingest.extract.context import Doc, Draft
from ingest.extract.indicators import longest_named
from ingest.extract.phrases import clean_words, measured
from ingest.extract.resolve import resolve
from ingest.extract.vocab import JOINT_PREDICATE_FILLERS, JOINT_PREDICATE_OPENERS, JOINT_PREDICATE_VERBS

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


_JOINT_NAME = re.compile(r"^(?:tỷ lệ|tỉ lệ) (?P<a>.+?)(?P<sep>,| và) ")
_JOINT_TAIL_END = re.compile(r"[;.:!?\n\d(]")
_OPENER = re.compile(rf"(?:^| )(?:{'|'.join(map(re.escape, JOINT_PREDICATE_OPENERS))})(?= |$)")
_FILLER = re.compile(rf" (?:{'|'.join(map(re.escape, JOINT_PREDICATE_FILLERS))})(?= )")
_VERB_END = re.compile(rf"(?: (?:{'|'.join(map(re.escape, JOINT_PREDICATE_VERBS))}))+$")
_MAX_JOINT_WORDS = 6
_MAX_PREDICATE_COMMAS = 2


def split_joint(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """The drafts, a share stated once for two subjects of different catalogue indicators written once
    per indicator (both keep the one quote, which runs on to the predicate they share)."""
    out: list[Draft] = []
    for d in drafts:
        out.append(d)
        pair = _joint_pair(doc, d)
        if pair is None:
            continue
        (name_a, entry_a), (name_b, entry_b), predicate_end = pair
        d.indicator, d.entry = name_a, entry_a
        if predicate_end <= d.sentence.end:
            d.last_end = max(d.last_end, predicate_end)
        out.append(dataclasses.replace(d, indicator=name_b, entry=entry_b))
    return out


_Named = tuple[str, CatalogueEntry]


def _joint_pair(doc: Doc, d: Draft) -> tuple[_Named, _Named, int] | None:
    """(name, entry) of each subject of a share two subjects share and where their predicate ends, or
    None."""
    if not d.q.is_pct or d.ratio_only or d.is_change or d.part_of is not None or d.q.of_total is not None:
        return None
    m = _JOINT_NAME.match(d.indicator)
    if m is None or len(m["a"].split()) > _MAX_JOINT_WORDS:
        return None
    # the name may be cut short (`… tốt nhiệm`): the shared predicate is read from the text
    text_l, s = doc.text_l, d.sentence
    joint = f"{m['a']}{m['sep']} "
    at = text_l.find(joint, max(s.start, d.left), s.end)
    if at < 0:
        return None
    tail_start = at + len(joint)
    end = _JOINT_TAIL_END.search(text_l, tail_start, s.end)
    raw = text_l[tail_start : end.start() if end else s.end]
    # a predicate may hold commas (`được đánh giá, xếp loại hoàn thành tốt nhiệm vụ`): the shortest
    # stretch up to a comma whose two names are two catalogue indicators
    cuts = [*[i for i, c in enumerate(raw) if c == ","][:_MAX_PREDICATE_COMMAS], len(raw)]
    for cut in cuts:
        pair = _pair_of(m["a"], " ".join(raw[:cut].split()))
        if pair is not None:
            return pair[0], pair[1], tail_start + cut
    return None


def _pair_of(a: str, tail: str) -> tuple[_Named, _Named] | None:
    """The two (name, entry) of `a và <tail>`: the second subject, then the predicate both share."""
    opener = _OPENER.search(tail)
    if opener is None:
        return None
    # (`… hoàn thành tốt nhiệm vụ đạt 92%`: the verb before the number is no part of the predicate)
    b, predicate = tail[: opener.start()].strip(), _VERB_END.sub("", tail[opener.start() :]).strip()
    if not b or not predicate or len(b.split()) > _MAX_JOINT_WORDS or measured(b):
        # (`…, tỷ lệ gia đình văn hóa`: an item of its own; `lên lớp và tốt nghiệp`: no shared predicate)
        return None
    named_a, named_b = _named(f"tỷ lệ {a} {predicate}"), _named(f"tỷ lệ {b} {predicate}")
    if named_a is None or named_b is None or named_a[1].indicator_id == named_b[1].indicator_id:
        return None  # two names of one indicator (`thôn, bản`): one fact
    return named_a, named_b


def _named(name: str) -> _Named | None:
    """The name and its catalogue entry, read with and without the rating's fillers (`xếp loại`)."""
    for candidate in (name, _FILLER.sub("", name)):
        entry = resolve(candidate, "%") or longest_named(candidate, "%")
        if entry is not None:
            return name, entry
    return None
