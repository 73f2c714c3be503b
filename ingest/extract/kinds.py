"""Whether a mention is an achieved figure or a target, and whether its value is approximate.

The section a sentence sits in gives its kind (`layout`); cue words in the sentence before the number
(`phấn đấu`, `đến năm 2030`, `đã đạt`) and a plan figure restated in brackets (`(Nghị quyết đề ra 9 -
10%)`, `so với kế hoạch HĐND tỉnh giao (7 - 7,5%)`) override it; an amount of money its own words name as
a plan (`tổng mức đầu tư … là 315 triệu đồng`) is a target; both are dated as the results of the period
reported. A count of a plan's items (`đề ra 17 chỉ tiêu`) is actual.
Hedges (`ước`, `trên`, `khoảng`, `… trở lên`) make the value approximate.
"""

from __future__ import annotations

import re

from ingest.extract.context import Doc, Draft, cue_in, words_alt
from ingest.extract.fronts import horizon_before, is_later, year_before
from ingest.extract.layout import Sentence, last_lead, lead_end
from ingest.extract.numbers import Quantity
from ingest.extract.periods import TARGET_YEAR_RE
from ingest.extract.roles import HEDGE_AFTER
from ingest.extract.scan import after_last, is_ascii_digit
from ingest.extract.triggers import gated
from ingest.extract.vocab import (
    ACTUAL_CUES,
    BRACKET_PLAN_VERBS,
    CAPITAL_PLAN_WORDS,
    CAPITAL_TOTAL_WORDS,
    CARRIED_TARGET_CUES,
    DISBURSED_NEXT,
    EFFORT_NOT_TARGET,
    ESTIMATE_LEADS,
    ESTIMATE_PLAN_WORDS,
    ESTIMATE_SHARE_VERBS,
    HEDGES_BEFORE,
    HEDGES_IN_CLAUSE,
    PLAN_AMOUNT_ACHIEVED,
    PLAN_AMOUNT_COMPARED,
    PLAN_AMOUNT_WORDS,
    PLAN_BEFORE_BRACKET,
    PLAN_ITEM_UNITS,
    PLAN_WORDS,
    TARGET_CUES,
)

# Cue words that must start a word: `cue_in(X_WORDS, …)` answers `(?:^|[^\w])(?:<X>)` searches.
# (a lookbehind per effort phrase, at the cue's end: `nỗ lực phấn đấu` is effort, not a target)
_NOT_EFFORT = "".join(f"(?<!{re.escape(w)})" for w in EFFORT_NOT_TARGET)
TARGET_CUE_WORDS = re.compile(rf"(?:{words_alt(TARGET_CUES)}){_NOT_EFFORT}(?!\w)")
HEDGE_CLAUSE_WORDS = re.compile(rf"(?:{words_alt(HEDGES_IN_CLAUSE)})(?!\w)")
ACTUAL_CUE_WORDS = re.compile(rf"(?:{words_alt(ACTUAL_CUES)})")
# a hedge right before the number, starting a word: `cue_in` checks the boundary before it
_HEDGE_BEFORE = re.compile(rf"(?:{words_alt(HEDGES_BEFORE)})[^\S\n]*$")
# "(Nghị quyết đề ra 9 - 10%)", "(Nghị quyết 95%)": the plan figure restated beside a result
_BRACKET_TARGET = re.compile(
    rf"\([^\S\n]*(?:{words_alt(PLAN_WORDS)})(?:[^\S\n]+(?:{words_alt(BRACKET_PLAN_VERBS)}))?[^\S\n]*:?[^\S\n]*$"
)
# read with `cue_in`
_CARRIED_CUE_WORDS = re.compile(rf"(?:{words_alt(CARRIED_TARGET_CUES)}){_NOT_EFFORT}(?!\w)")


def after_semicolon(text_l: str, lo: int, hi: int) -> bool:
    r"""Whether `text_l[lo:hi]` ends with `;` and spaces (`;[^\S\n]*$`), read backwards from `hi`."""
    j = hi - 1 if hi > lo and text_l[hi - 1] == "\n" else hi  # `$` holds before a final line break
    while j > lo and text_l[j - 1] != "\n" and text_l[j - 1].isspace():
        j -= 1
    return j > lo and text_l[j - 1] == ";"


_PLAN_AMOUNT_WORDS = re.compile(rf"(?:{words_alt(PLAN_AMOUNT_WORDS + CAPITAL_PLAN_WORDS)})(?!\w)")
# a capital total (`tổng vốn đầu tư công … 58 tỷ đồng`) and the disbursement opening the next clause, read
# from the figure's end: `, đã giải ngân được 25,2 tỷ đồng`
_CAPITAL_TOTAL = re.compile(rf"(?<!\w)(?:{words_alt(CAPITAL_TOTAL_WORDS)})(?!\w)")
_DISBURSED_NEXT = re.compile(rf"[^\S\n]*(?:[^\W\d]+[^\S\n]*)?,[^\S\n]*(?:{words_alt(DISBURSED_NEXT)})(?!\w)")
_PLAN_AMOUNT_ACHIEVED = re.compile(rf"(?:{words_alt(PLAN_AMOUNT_ACHIEVED)})(?!\w)")
_PLAN_AMOUNT_COMPARED = re.compile(rf"(?<!\w)(?:{words_alt(PLAN_AMOUNT_COMPARED)})[^\S\n]+$")
_CLAUSE_MARKS = ",;:"  # `[,;:](?![0-9])`: a bracket does not end the clause (`so với dự toán (18.000 tỷ`)

# "kế hoạch HĐND tỉnh giao (7 - 7,5%": not after a count of targets ("đạt 15/17 chỉ tiêu (88,2%)": a share)
_PLAN_THEN_BRACKET = gated(
    re.compile(
        rf"(?<![0-9][^\S\n])(?<!\w)(?:{words_alt(PLAN_BEFORE_BRACKET)})(?!\w)[^,.;()\n]{{0,30}}"
        rf"\([^\S\n]*(?:(?:{words_alt(HEDGES_BEFORE)})[^\S\n]*)?$"
    )
)

_ONE_OF_TARGETS = gated(
    re.compile(
        r"[^,;.]{0,20}?là[^\S\n]+(?:một[^\S\n]+trong[^\S\n]+(?:những|các)[^\S\n]+)?(?:chỉ[^\S\n]+tiêu|mục[^\S\n]+tiêu)"
    )
)


# the figure's share of its period's plan, after it in its clause (`…, đạt 243% dự toán tỉnh giao`) or the
# figure itself a share (`đạt 70% dự toán`); read at the figure's end: `.` only inside a number
_SHARE_OF_PLAN = re.compile(
    rf"(?:(?:[^.;\n()]|\.(?=[0-9])){{0,40}}?(?<!\w)(?:{words_alt(ESTIMATE_SHARE_VERBS)})[^\S\n]+[0-9][0-9.,]*[^\S\n]*%)?"
    rf"[^\S\n]+(?:so[^\S\n]+với[^\S\n]+)?(?:{words_alt(ESTIMATE_PLAN_WORDS)})(?!\w)"
)


def kind_of(doc: Doc, d: Draft) -> str:
    """`target` or `actual` for the drafted mention."""
    if d.q.unit.unit in PLAN_ITEM_UNITS:
        return "actual"  # "đề ra 17 chỉ tiêu, 5 nhiệm vụ trọng tâm": the plan's structure, not a target
    kind = _kind_in_context(doc, d)
    if kind == "actual" and (plan_amount(doc, d) or plan_in_brackets(doc, d)):
        return "target"  # "kế hoạch đầu tư vốn 17.382 tỷ đồng", "so với dự toán (18.000 tỷ đồng)"
    return kind


def period_kind(doc: Doc, d: Draft, kind: str) -> str:
    """The kind whose period the mention takes: a plan amount that only its own words make a target (a
    budget estimate beside its attainment, a capital plan in a quarter's review) is the plan of the
    period the text reports on, dated as its results are, not as the coming period's targets; a count
    of a plan's items, an actual, is dated as the plan its words set."""
    if (
        kind == "target"
        and (plan_amount(doc, d) or plan_in_brackets(doc, d))
        and _kind_in_context(doc, d) == "actual"
    ):
        return "actual"
    if d.q.unit.unit in PLAN_ITEM_UNITS:
        return _kind_in_context(doc, d)  # the plan's items counted take the plan's period (the new term)
    return kind


def plan_amount(doc: Doc, d: Draft) -> bool:
    """Whether the mention is an amount of money its own words name as a plan."""
    if d.q.unit.base_unit != "VND":
        return False
    # its own clause: `bằng 131% dự toán huyện giao, trong đó thu tiền sử dụng đất 11,2 tỷ đồng` is no plan
    clause = after_last(doc.text_l, _CLAUSE_MARKS, d.left, d.q.start, not_before=is_ascii_digit)
    return _named_as_plan(doc.text_l, clause, d.q.start) or _capital_before_disbursed(doc.text_l, clause, d)


def _capital_before_disbursed(text_l: str, lo: int, d: Draft) -> bool:
    """Whether the amount is a capital total (`tổng vốn đầu tư công trên địa bàn gần 58 tỷ đồng`) whose
    disbursement the next clause reports (`, đã giải ngân được 25,2 tỷ đồng`): the plan it is measured
    against. The disbursed amount beside it keeps its own clause, and stays actual."""
    if text_l.find("giải ngân", d.q.end, d.q.end + 40) < 0:
        return False
    if cue_in(_PLAN_AMOUNT_ACHIEVED, text_l, lo, d.q.start, slice_start=False):
        return False  # `giải ngân vốn đầu tư công đạt 70 tỷ đồng, …` is the disbursed amount
    if _CAPITAL_TOTAL.search(text_l, lo, d.q.start) is None:
        return False
    return _DISBURSED_NEXT.match(text_l, d.q.end) is not None


def plan_in_brackets(doc: Doc, d: Draft) -> bool:
    """Whether the mention opens a bracket right after a plan word: the plan's figure restated (`vượt so với
    kế hoạch HĐND tỉnh giao (7 - 7,5%)`)."""
    lo = max(d.sentence.start, d.q.start - 60)
    return doc.text_l.find("(", lo, d.q.start) >= 0 and bool(
        _PLAN_THEN_BRACKET.search(doc.text_l, lo, d.q.start)
    )


def _kind_in_context(doc: Doc, d: Draft) -> str:
    """The kind the mention's section, lead and cue words give."""
    s, q = d.sentence, d.q
    if q.end <= s.lead_at:
        s = s._replace(kind="actual")  # a figure before the lead of its own sentence is outside its scope
    if bracket_target(doc, s, q):
        return "target"
    text_l = doc.text_l
    if (
        s.line_start < s.start
        and after_semicolon(text_l, s.line_start, s.start)
        and cue_in(_CARRIED_CUE_WORDS, text_l, _own_sentence_start(text_l, s), s.start, slice_start=False)
    ):
        # "phấn đấu tổng giá trị sản xuất tăng 10,5%; thu nhập … đạt 61 triệu đồng": the cue carries
        return "target"
    if s.kind == "target":
        if _estimated_result(doc, s, q):
            return "actual"
        if cue_in(ACTUAL_CUE_WORDS, text_l, s.start, q.start) and not cue_in(
            TARGET_CUE_WORDS, text_l, s.start, q.start
        ):
            # an achievement cue counts after the sentence's own lead only
            lo = lead_end(text_l, s.start, q.start)
            if s.lead_at >= 0:  # a colon opening the targets (`… năm 2025 với một số nội dung như: …`)
                lo = max(lo, s.lead_at)
            if lo == s.start or cue_in(ACTUAL_CUE_WORDS, text_l, lo, q.start):
                return "actual"
        return "target"
    if _ONE_OF_TARGETS.match(text_l, q.end, s.end):
        return "target"  # "… xuống còn 3,9% là một trong những chỉ tiêu quan trọng được Đại hội …"
    cued = cue_in(TARGET_CUE_WORDS, text_l, s.start, q.start)
    if cued and not _achieved_after_cue(text_l, s.start, q.start):
        for m in TARGET_YEAR_RE.finditer(text_l[s.start : q.start]):
            # a year the text has reached (`đến năm 2019 đạt hơn 29 triệu đồng`) is read against the page's
            # date before the reference year: a congress of the 2025-2030 term refers to 2030, and its
            # `đến năm 2030, đạt từ 80% trở lên` is still a target
            if (doc.ref_year or doc.page_date) and not is_later(m.group(1), doc):
                return "actual"
        return "target"
    if _fronted_later_year(doc, s.line_start, q.start):
        return "target"  # "Đến năm 2030, GRDP … . Vốn đầu tư … đạt ít nhất 560.000 tỉ đồng."
    return "actual"


def _estimated_result(doc: Doc, s: Sentence, q: Quantity) -> bool:
    """Whether the figure, under an estimate's lead in its own sentence (`dự kiến`), is measured against
    its period's own plan (`Tổng thu … dự kiến 717 tỷ đồng, đạt 243% dự toán`, `dự kiến 6 tháng đầu năm đạt
    70% dự toán`): the result expected of the period reported on, not a coming period's target."""
    lead = last_lead(doc.text_l, s.start, q.start)
    if lead is None or not lead.startswith(ESTIMATE_LEADS):
        return False
    return _SHARE_OF_PLAN.match(doc.text_l, q.end, s.end) is not None


def _named_as_plan(text_l: str, lo: int, pos: int) -> bool:
    """Whether the amount's own words (`text_l[lo:pos]`) name a plan, with no achievement after the last
    plan word: the budget estimate, the capital plan, a project's planned scope."""
    last = None
    for m in _PLAN_AMOUNT_WORDS.finditer(text_l, lo, pos):
        if m.start() == 0 or not text_l[m.start() - 1].isalnum():
            last = m
    if last is None or cue_in(_PLAN_AMOUNT_ACHIEVED, text_l, last.end(), pos, slice_start=False):
        return False
    # "vượt dự toán 500 triệu đồng" is the excess ("so với dự toán (18.000 tỷ đồng)", the plan restated in
    # brackets, is `plan_in_brackets`'s)
    return _PLAN_AMOUNT_COMPARED.search(text_l, max(lo, last.start() - 12), last.start()) is None


def _achieved_after_cue(text_l: str, lo: int, pos: int) -> bool:
    """Whether an achievement cue comes after the sentence's last target cue, before the figure: the last
    cue wins (`xã được giao chỉ tiêu thu ngân sách 150 triệu đồng, đến nay đã thu được 160 triệu đồng`)."""
    last = None
    for m in TARGET_CUE_WORDS.finditer(text_l, lo, pos):
        last = m
    return last is not None and cue_in(ACTUAL_CUE_WORDS, text_l, last.end(), pos, slice_start=False)


def _own_sentence_start(text_l: str, s: Sentence) -> int:
    """Where the full sentence holding the `;`-item `s` starts: a cue carries over its own sentence's items
    (`phấn đấu A; B; C`), not over the next sentences of its paragraph (`… dự kiến thêm 7 xã …. Qua rà
    soát, đã có …; 3 xã đạt 13 tiêu chí`)."""
    stop = text_l.rfind(". ", s.line_start, s.start)
    return s.line_start if stop < 0 else stop + 2


def _fronted_later_year(doc: Doc, line_start: int, pos: int) -> bool:
    """Whether a horizon after the document's own year (`Đến năm 2030, …`) fronts the sentence or one
    just before it in its paragraph, or a year after the page's date fronts them (`Năm 2011, tỉnh Bắc Kạn
    đã đề ra 7 nhóm giải pháp nhằm đạt …` on a page of December 2010: next year's plan). A fronted year
    is read against the page's date only: a year inferred from the text may be the older one."""
    year = horizon_before(doc, line_start, pos)
    if year is not None and is_later(year, doc):
        return True
    if doc.page_date is None:
        return False
    fronted = year_before(doc, line_start, pos)
    return fronted is not None and int(fronted) > doc.page_date[0]


def bracket_target(doc: Doc, s: Sentence, q: Quantity) -> bool:
    """Whether the quantity is a plan figure in brackets after a result (`(Nghị quyết đề ra 9 - 10%)`)."""
    lo = max(s.start, q.start - 40)
    # _BRACKET_TARGET opens with "(": without one in reach there is nothing to scan for
    return doc.text_l.find("(", lo, q.start) >= 0 and bool(_BRACKET_TARGET.search(doc.text_l, lo, q.start))


def is_approx(doc: Doc, d: Draft) -> bool:
    """Whether a hedge makes the value approximate (`ước đạt`, `trên`, `… trở lên`, a comparator)."""
    q = d.q
    if q.comparator:
        return True
    if cue_in(_HEDGE_BEFORE, doc.text_l, max(d.left, q.start - 20), q.start, slice_start=False):
        return True
    if HEDGE_AFTER.match(doc.text_l, q.end):
        return True
    return cue_in(HEDGE_CLAUSE_WORDS, doc.text_l, d.left, q.start, slice_start=False)
