"""The role of a percentage next to a figure: % of plan, % of the same period, or a threshold.

`1.936 tấn, đạt 60% kế hoạch và bằng 114% cùng kỳ` is one mention: the two percentages are roles of the
tonnage, not mentions of their own. A role attaches to the mention before it when nothing in between
names another subject; otherwise the percentage stands alone (`ratio_only`).
"""

from __future__ import annotations

import re
from enum import Enum

from ingest.extract.context import CLAUSE_SEP, Doc, Draft, words_alt
from ingest.extract.indicators import NameHit
from ingest.extract.layout import Sentence
from ingest.extract.numbers import Quantity
from ingest.extract.periods import year_of
from ingest.extract.triggers import gated
from ingest.extract.vocab import (
    BANDED_UNITS,
    HEDGES_AFTER,
    HEDGES_BEFORE,
    PLAN_WORDS,
    RATE_MEASURE_WORDS,
    RATIO_LINKERS,
    RATIO_VERBS,
    RETAINED_SHARE_WORDS,
    SHARE_PLAN_WORDS,
    THRESHOLD_WORDS,
    YOY_WORDS,
)


class Role(Enum):
    """What a percentage says about the figure it follows."""

    PLAN = "plan"  # % of plan, estimate or resolution: plan_pct
    YOY = "yoy"  # % of the same period last year: yoy_pct
    YOY_YEAR = "yoy_year"  # `so với năm 2022` in a 2023 figure: yoy_pct when a figure precedes it
    THRESHOLD = "threshold"  # `từ 50% kế hoạch trở lên`: a bound, not a value


RATIO_AFTER = re.compile(
    rf"[^\S\n]*(?:(?:{words_alt(RATIO_LINKERS)})[^\S\n]*)*(?:(?P<yoy>{words_alt(YOY_WORDS)})|(?P<plan>{words_alt(PLAN_WORDS)}))(?!\w)"
)
_RATIO_BEFORE = re.compile(
    rf"(?:^|[^\w])(?P<verb>{words_alt(RATIO_VERBS)}|tăng|giảm)(?:[^\S\n]+(?:{words_alt(HEDGES_BEFORE)}))?[^\S\n]*$"
)
HEDGE_AFTER = re.compile(rf"[^\S\n]*(?:{words_alt(HEDGES_AFTER)})(?!\w)")
_RATE_OWN = re.compile(rf"(?:{words_alt(RATE_MEASURE_WORDS)})(?!\w)")
_THRESHOLD_BEFORE = gated(re.compile(rf"(?:^|[^\w])(?:{words_alt(THRESHOLD_WORDS)})[^\S\n]*$"))
_Y4 = r"((?:19|20)[0-9]{2})(?![0-9])"
# "tăng 10,3% so với năm 2022" in a 2023 figure: versus the previous year, read like "cùng kỳ"
_YOY_YEAR_AFTER = re.compile(
    rf"[^\S\n]*so(?:[^\S\n]+với)?[^\S\n]+(?:cùng[^\S\n]+kỳ[^\S\n]+)?năm[^\S\n]+{_Y4}"
)
_YOY_CELL = re.compile(rf"(?<!\w)(?:{words_alt(YOY_WORDS)})(?!\w)")
_PLAN_CELL = re.compile(rf"(?<!\w)(?:{words_alt(PLAN_WORDS)})(?!\w)")
_DIGIT = re.compile(r"[0-9]")
_S = r"[^\S\n]"
# "không còn xã dưới 10 tiêu chí", "còn lại đạt từ 6 - 10 tiêu chí": a bound after units no figure counts
_UNCOUNTED_BAND = gated(
    re.compile(
        rf"(?<!\w)(?:{words_alt(BANDED_UNITS)}|còn{_S}+lại)(?:{_S}+(?:còn{_S}+lại|đều|chỉ|đạt))*{_S}+(?:từ|dưới|trên){_S}*$"
    )
)


def ratio_role(doc: Doc, q: Quantity, left: int, s: Sentence) -> tuple[Role, float] | None:
    """(PLAN|YOY|THRESHOLD, pct) when the percentage is attainment of plan or versus last year."""
    text_l = doc.text_l
    after = RATIO_AFTER.match(text_l, q.end)
    if after is None:
        return _yoy_year_role(doc, q, left, s)
    role = Role.YOY if after.group("yoy") else Role.PLAN
    if HEDGE_AFTER.match(text_l, after.end()) or _THRESHOLD_BEFORE.search(
        text_l, max(left, q.start - 12), q.start
    ):
        return Role.THRESHOLD, q.value
    before = _RATIO_BEFORE.search(text_l, max(left, q.start - 30), q.start)
    verb = before.group("verb") if before else None
    if verb is None and role is Role.PLAN and after.group("plan") in SHARE_PLAN_WORDS:
        return None  # "100% hộ ... chỉ tiêu" without a verb is a share, not attainment
    if verb in ("tăng", "giảm") or (verb == "vượt" and q.value < 100):
        # "tăng 57,43% so với cùng kỳ", "vượt 31,7% mục tiêu": a growth or an excess is a figure of its
        # own (the gold rules), never the ratio `bằng X% cùng kỳ` / attainment `đạt X% kế hoạch`
        return None
    return role, q.value


_RETAINED_BEFORE = re.compile(rf"(?<!\w)(?:{words_alt(RETAINED_SHARE_WORDS)})[^\S\n]*$")
_RETAINED_GAP = re.compile(r"[^\S\n]*(?:được|là|đạt|:)?[^\S\n]*(?:trên|hơn|gần|khoảng)?[^\S\n]*")
_BARE_REACHED_GAP = re.compile(r"[\s,;(]*(?:ước[^\S\n]+)?đạt[^\S\n]*")
_CLAUSE_END_AFTER = re.compile(r"[^\S\n]*(?:[.;,)\n]|$)")


def bare_attainment(doc: Doc, host: Draft, q: Quantity, left: int) -> bool:
    """`… đạt 22,71 tỷ đồng, đạt 87,52%;`, `kết nạp 14 đảng viên, đạt 116,6%`: a bare `đạt X%` right
    after a figure, with nothing after it, is that figure's attainment of its plan (the gold rules). A
    count's share (`150 trẻ, đạt 98%`) stays a figure: after a count only an excess over 100% is read."""
    if host.q.is_pct or host.ratio_only or host.is_change or host.q.end != left:
        return False
    if _BARE_REACHED_GAP.fullmatch(doc.text_l, left, q.start) is None:
        return False
    if not _CLAUSE_END_AFTER.match(doc.text_l, q.end):
        return False
    return host.q.unit.base_unit != "count" or q.value > 100


def retained_share(doc: Doc, q: Quantity, after: Quantity) -> bool:
    """`thu thụ hưởng 100% được 93,7 triệu đồng`, `các khoản thu xã hưởng 70% là 1,2 tỷ đồng`: the share
    of a revenue a budget tier keeps says which revenue the money after it is, not a figure."""
    if after.unit.base_unit != "VND":
        return False
    if not _RETAINED_BEFORE.search(doc.text_l, max(0, q.start - 16), q.start):
        return False
    return _RETAINED_GAP.fullmatch(doc.text_l, q.end, after.start) is not None


def _yoy_year_role(doc: Doc, q: Quantity, left: int, s: Sentence) -> tuple[Role, float] | None:
    """`bằng 103% so với năm 2020` / `tăng 10,3% so với năm 2022` in a figure of the year after."""
    m = _YOY_YEAR_AFTER.match(doc.text_l, q.end)
    year = year_of(s.period or doc.default_period)
    if m is None or year is None or int(m.group(1)) != year - 1:
        return None
    before = _RATIO_BEFORE.search(doc.text_l, max(left, q.start - 30), q.start)
    verb = before.group("verb") if before else None
    if verb is None or verb in ("tăng", "giảm"):
        return None  # "tăng 10,3% so với năm 2022": a growth, a figure of its own
    return Role.YOY_YEAR, q.value


def table_columns(doc: Doc, s: Sentence) -> dict[int, Role] | None:
    """Column index -> PLAN/YOY from the header of a flattened `a | b | c` table above the row."""
    text_l = doc.text_l
    pos = s.line_start
    for _ in range(40):  # look back over the rows of the table to its header line
        if pos <= 0:
            return None
        prev_start = text_l.rfind("\n", 0, pos - 1) + 1
        line = text_l[prev_start : pos - 1]
        pos = prev_start
        if line.count("|") < 2:
            return None
        if not _DIGIT.search(line):
            out = {}
            for i, cell in enumerate(line.split("|")):
                if _YOY_CELL.search(cell):
                    out[i] = Role.YOY
                elif _PLAN_CELL.search(cell):
                    out[i] = Role.PLAN
            return out or None
    return None


def is_threshold(doc: Doc, q: Quantity, left: int) -> bool:
    """`03 chỉ tiêu đạt dưới 50%`: a bare bound after `từ`/`dưới`, with no name of its own; the verb
    of the counted units may stand between (`2 xã thu đạt từ 60% trở lên`, `9 xã còn lại thu dưới
    50%`), a measure word may not (`5 xã, tỷ lệ dưới 2%`)."""
    if not _THRESHOLD_BEFORE.search(doc.text_l, max(left, q.start - 12), q.start):
        return False
    own = doc.own_words(q, left)
    if not own:
        return True
    return len(own.split()) <= 3 and not _RATE_OWN.match(own) and "," not in doc.text_l[left : q.start]


def absorbs(doc: Doc, draft: Draft, host: Draft) -> bool:
    """Whether a figure takes over the ratio-only mention right before it (the % was written first)."""
    if draft.ratio_only or not host.ratio_only or draft.is_change:
        return False  # a change after an attainment (`bằng 121% …, tăng 13,3%`) is a figure of its own
    if draft.entry is not None and host.entry is not None and draft.entry is not host.entry:
        return False
    gap = doc.text_l[host.q.end : draft.q.start]
    if ";" in gap or len(gap.split()) > 6:
        return False
    return not any(h.n_syllables >= 2 for h in doc.names.between(host.q.end, draft.q.start))


def attachable(doc: Doc, host: Draft, q: Quantity, role: Role) -> bool:
    """Whether a plan/yoy percentage belongs to the mention before it."""
    if host.ratio_only:
        return False
    if (role is Role.PLAN and host.plan_pct is not None) or (role is Role.YOY and host.yoy_pct is not None):
        return False
    text_l = doc.text_l
    gap = text_l[host.q.end : q.start]
    if ";" in gap or len(gap.split()) > 12:
        return False
    # another indicator named in between starts a new subject
    for hit in doc.names.between(host.q.end, q.start):
        if hit.n_syllables >= 2 and not is_plan_name(hit):
            if CLAUSE_SEP.search(text_l, host.q.end, hit.start) is None:
                continue  # "18 thanh niên nhập ngũ, đạt 100% KH": the host's own noun phrase
            if host.entry is not None and host.entry in hit.entries:
                continue
            return False
    return True


# a plan phrase after an attainment, then the link to the next ratio: `… 64,51%| dự toán HĐND thành phố
# giao và bằng |131,37% so với cùng kỳ`
_PLAN_THEN_LINK = re.compile(
    rf"[^\S\n]*(?:so[^\S\n]+với[^\S\n]+)?(?:{words_alt(PLAN_WORDS)})(?!\w)[^;0-9\n]{{0,80}}?"
    r"(?:,|[^\S\n]và)[^\S\n]*(?:bằng|đạt)?[^\S\n]*"
)


def attained_level(doc: Doc, host: Draft | None, q: Quantity) -> Draft | None:
    """The figure a year-on-year ratio belongs to when it follows that figure's plan attainment and its
    plan phrase (`… 68.875,4 tỷ đồng, đạt 64,51% dự toán HĐND thành phố giao và bằng 131,37% so với cùng
    kỳ`), also past a second attainment (`…, đạt 109,8% dự toán tỉnh giao và đạt 107% dự toán HĐND thị xã
    thông qua, đạt 102,5% so với cùng kỳ`): the plan's words name no other subject."""
    if host is None or host.plan_pct is None or host.yoy_pct is not None:
        return None
    level = host.host if host.ratio_only else host
    if (
        level is None
        or level.ratio_only
        or level.q.is_pct
        or level.yoy_pct is not None
        or level.plan_pct is None
    ):
        return None
    if level.sentence is not host.sentence:
        return None
    return level if _PLAN_THEN_LINK.fullmatch(doc.text_l, host.last_end, q.start) else None


def is_plan_name(hit: NameHit) -> bool:
    """A name of the plan itself (`chỉ tiêu`), which does not start a new subject."""
    return all(e.indicator_id.startswith("plan_targets") for e in hit.entries)


_QUALIFIER_GAP = re.compile(
    r"[^\S\n,;]*(?:còn[^\S\n]+lại[^\S\n]+)?(?:đạt|có|được|đạt được)?[^\S\n]*"
    r"(?:từ|dưới|trên|không dưới)?[^\S\n]*"
    r"(?:[0-9]+(?:[.,][0-9]+)?[^\S\n]*(?:đến|-|–)[^\S\n]*(?:dưới[^\S\n]*)?)?$"
)
_BOUND_BEFORE = re.compile(r"(?<!\w)(?:từ|dưới|trên)[^\S\n]*$")
_TARGET_COUNTS = frozenset({"chỉ tiêu", "chỉ tiên", "tiêu chí", "nhiệm vụ"})


def qualifies(doc: Doc, host: Draft, q: Quantity) -> bool:
    """Whether `q` only says which of the counted items `host` counts: `01 xã đạt 19 tiêu chí`,
    `13/53 chỉ tiêu đạt 100% trở lên`, `17 chỉ tiêu đạt từ 70 đến dưới 100%`."""
    if host.ratio_only or host.q.unit.base_unit != "count" or host.is_change:
        return False
    gap = doc.text_l[host.q.end : q.start]
    # "134 xã dưới 5 tiêu chí": a bound on the criteria says which communes, also without `đạt` (names7);
    # the word checks first, at C speed (speed9)
    worded = "đạt" in gap or "có" in gap
    bounded = not worded and q.unit.unit in _TARGET_COUNTS and _BOUND_BEFORE.search(gap) is not None
    if not gap.strip() or not (worded or bounded) or not _QUALIFIER_GAP.match(gap):
        return False
    if q.unit.base_unit == "count":
        return q.unit.unit != host.q.unit.unit and q.unit.unit in _TARGET_COUNTS
    if not q.is_pct:
        return False
    bound = _BOUND_BEFORE.search(gap) is not None or HEDGE_AFTER.match(doc.text_l, q.end) is not None
    return bound or host.q.unit.unit in _TARGET_COUNTS


def uncounted_band(doc: Doc, q: Quantity, left: int) -> bool:
    """`Không còn xã dưới 10 tiêu chí`, `…, còn lại đạt từ 6 - 10 tiêu chí`: a bound on the criteria of
    units no figure counts is a band, no quantity (names7)."""
    if q.unit.unit not in _TARGET_COUNTS:
        return False
    return _UNCOUNTED_BAND.search(doc.text_l, max(left, q.start - 40), q.start) is not None
