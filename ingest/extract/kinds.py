"""Whether a mention is an achieved figure or a target, and whether its value is approximate.

The section a sentence sits in gives its kind (`layout`); cue words in the sentence before the number
(`phấn đấu`, `đến năm 2030`, `đã đạt`) and a plan figure restated in brackets (`(Nghị quyết đề ra 9 -
10%)`) override it. Hedges (`ước`, `trên`, `khoảng`, `… trở lên`) make the value approximate.
"""

from __future__ import annotations

import re

from ingest.extract.context import CLAUSE_SEP_CHARS, Doc, Draft, cue_in, words_alt
from ingest.extract.fronts import horizon_before, is_later
from ingest.extract.layout import Sentence, lead_end
from ingest.extract.numbers import Quantity
from ingest.extract.periods import TARGET_YEAR_RE, YEAR_RE, without_comparisons
from ingest.extract.roles import HEDGE_AFTER
from ingest.extract.scan import after_last
from ingest.extract.vocab import (
    ACTUAL_CUES,
    ASSIGNED_PLAN_CUES,
    BRACKET_PLAN_VERBS,
    CARRIED_TARGET_CUES,
    HEDGES_BEFORE,
    HEDGES_IN_CLAUSE,
    PAST_PERIOD_CUES,
    PLAN_SUBJECT_BLOCKERS,
    PLAN_SUBJECTS,
    PLAN_WORDS,
    RUNNING_TOTAL_CUES,
    TARGET_CUES,
)

# Cue words that must start a word: `cue_in(X_WORDS, …)` answers `(?:^|[^\w])(?:<X>)` searches.
TARGET_CUE_WORDS = re.compile(rf"(?:{words_alt(TARGET_CUES + ASSIGNED_PLAN_CUES)})(?!\w)")
HEDGE_CLAUSE_WORDS = re.compile(rf"(?:{words_alt(HEDGES_IN_CLAUSE)})(?!\w)")
ACTUAL_CUE_WORDS = re.compile(rf"(?:{words_alt(ACTUAL_CUES + RUNNING_TOTAL_CUES + PAST_PERIOD_CUES)})")
_HEDGE_BEFORE = re.compile(rf"(?:^|[^\w])(?:{words_alt(HEDGES_BEFORE)})[^\S\n]*$")
# "(Nghị quyết đề ra 9 - 10%)", "(Nghị quyết 95%)": the plan figure restated beside a result
# also `11 tỷ đồng/KH 10 tỷ đồng` and `(chỉ tiêu nghị quyết 55 triệu đồng)`
_BRACKET_TARGET = re.compile(
    rf"[(/][^\S\n]*(?:{words_alt(PLAN_WORDS)})(?:[^\S\n]+(?:{words_alt(PLAN_WORDS)}))?"
    rf"(?:[^\S\n]+(?:{words_alt(BRACKET_PLAN_VERBS)}))?[^\S\n]*:?[^\S\n]*$"
)
_CARRIED_CUE_WORDS = re.compile(rf"(?:{words_alt(CARRIED_TARGET_CUES)})(?!\w)")  # read with `cue_in`


def after_semicolon(text_l: str, lo: int, hi: int) -> bool:
    r"""Whether `text_l[lo:hi]` ends with `;` and spaces (`;[^\S\n]*$`), read backwards from `hi`."""
    j = hi - 1 if hi > lo and text_l[hi - 1] == "\n" else hi  # `$` holds before a final line break
    while j > lo and text_l[j - 1] != "\n" and text_l[j - 1].isspace():
        j -= 1
    return j > lo and text_l[j - 1] == ";"


_ONE_OF_TARGETS = re.compile(
    r"[^,;.]{0,20}?là[^\S\n]+(?:một[^\S\n]+trong[^\S\n]+(?:những|các)[^\S\n]+)?(?:chỉ[^\S\n]+tiêu|mục[^\S\n]+tiêu)"
)


def kind_of(doc: Doc, d: Draft) -> str:
    """`target` or `actual` for the drafted mention."""
    s, q = d.sentence, d.q
    if bracket_target(doc, s, q):
        return "target"
    text_l = doc.text_l
    if _is_baseline(text_l, s, q):
        return "actual"  # "phấn đấu giảm số hộ nghèo từ 28 hộ xuống còn 23 hộ": 28 is where it starts
    if (
        s.line_start < s.start
        and after_semicolon(text_l, s.line_start, s.start)
        and cue_in(
            _CARRIED_CUE_WORDS, text_l, _list_start(text_l, s.line_start, s.start), s.start, slice_start=False
        )
    ):
        # "phấn đấu tổng giá trị sản xuất tăng 10,5%; thu nhập … đạt 61 triệu đồng": the cue carries
        return "target"
    if s.kind == "target":
        # an achievement cue counts after the sentence's own lead and target cues only ("phấn đấu thu
        # ngân sách 10 tỷ đồng và đã đạt 11,3 tỷ đồng")
        achieved = _last_cue(ACTUAL_CUE_WORDS, text_l, s.start, q.start)
        if achieved < 0:
            return "target"  # no achievement cue at all: the target cues need not be read
        if achieved > _last_cue(TARGET_CUE_WORDS, text_l, s.start, q.start) and achieved >= lead_end(
            text_l, s.start, q.start
        ):
            return "actual"
        return "target"
    if _plan_subject(text_l, d):
        return "target"  # "chỉ tiêu huyện giao thu ngân sách 9 tỷ đồng"
    if _ONE_OF_TARGETS.match(text_l, q.end, s.end):
        return "target"  # "… xuống còn 3,9% là một trong những chỉ tiêu quan trọng được Đại hội …"
    if cue_in(TARGET_CUE_WORDS, text_l, s.start, q.start):
        target_cue = _last_cue(TARGET_CUE_WORDS, text_l, s.start, q.start)
        for m in TARGET_YEAR_RE.finditer(text_l[s.start : q.start]):
            if doc.ref_year and int(m.group(1)) <= doc.ref_year:
                return "actual"
        if _last_cue(ACTUAL_CUE_WORDS, text_l, s.start, q.start) > target_cue:
            return "actual"  # "Theo kế hoạch, …; đến nay đã tiêm 1.200 liều": the result comes after the plan
        return "target"
    # a later year makes a target only with no result cue before the figure; the cue is read first,
    # once (the first one will do): most figures have one, and the year checks walk back over the
    # sentence and the paragraph
    if cue_in(ACTUAL_CUE_WORDS, text_l, s.start, q.start):
        return "actual"
    if _later_year_in_clause(doc, d):
        return "target"  # "Năm 2020 có 10 xã đăng ký về đích nông thôn mới" in a text of 2019
    if _fronted_later_year(doc, s.line_start, q.start):
        return "target"  # "Đến năm 2030, GRDP … . Vốn đầu tư … đạt ít nhất 560.000 tỉ đồng."
    return "actual"


_PLAN_SUBJECT = re.compile(rf"(?:{words_alt(PLAN_SUBJECTS)})(?!\w)")
_PLAN_SUBJECT_BLOCKED = re.compile(rf"(?:{words_alt(PLAN_SUBJECT_BLOCKERS)})(?!\w)")


def _plan_subject(text_l: str, d: Draft) -> bool:
    """Whether a plan is the subject of the figure in its clause, with no result verb before the figure."""
    q = d.q
    if text_l.find("giao", d.left, q.start) < 0 and text_l.find("dự toán", d.left, q.start) < 0:
        return False  # every plan subject holds one of these words
    clause = _clause_start(text_l, d)
    plan = _last_cue(_PLAN_SUBJECT, text_l, clause, q.start)
    return plan >= 0 and _last_cue(_PLAN_SUBJECT_BLOCKED, text_l, clause, q.start) < 0


def _later_year_in_clause(doc: Doc, d: Draft) -> bool:
    """Whether the figure's clause names, before it, a year after the document's own."""
    text_l, q = doc.text_l, d.q
    if text_l.find("năm", d.left, q.start) < 0:
        return False  # the literal every year holds
    clause = _clause_start(text_l, d)
    if not any(is_later(m.group(1), doc) for m in YEAR_RE.finditer(text_l, clause, q.start)):
        return False
    own = without_comparisons(text_l[clause : q.start])  # "so với năm 2024" is no year of its own
    return any(is_later(m.group(1), doc) for m in YEAR_RE.finditer(own))


def _clause_start(text_l: str, d: Draft) -> int:
    """Where the clause holding the figure starts: after the last `,` `;` `(` `|` since the previous one."""
    return after_last(text_l, CLAUSE_SEP_CHARS, d.left, d.q.start)


def _last_cue(words: re.Pattern[str], text_l: str, lo: int, hi: int) -> int:
    """Where the last cue of `words` that starts a word lies in `text_l[lo:hi]`; -1 without one."""
    last, pos = -1, lo
    while (m := words.search(text_l, pos, hi)) is not None:
        p = m.start()
        if p == lo or not (text_l[p - 1].isalnum() or text_l[p - 1] == "_"):
            last = p
        pos = p + 1
    return last


# "từ 28 hộ xuống còn 23 hộ", "từ 36% lên 40%": the level a change starts from (not `từ 10% trở lên`)
_FROM_BEFORE = re.compile(r"(?:^|[^\w])từ[^\S\n]*$")
_TO_NUMBER_AFTER = re.compile(
    r"[^\S\n]*[^\d\n;.,()]{0,30}?(?<!trở )(?<!trở)(?:lên|xuống)(?:[^\S\n]+(?:còn|mức|chỉ còn))?[^\S\n]+"
    r"(?:dưới[^\S\n]+|trên[^\S\n]+|khoảng[^\S\n]+)?[0-9]"
)


def _is_baseline(text_l: str, s: Sentence, q: Quantity) -> bool:
    """Whether the quantity is the starting level of a change (`từ 28 hộ xuống còn 23 hộ`)."""
    lo = max(s.start, q.start - 8)
    if text_l.find("từ", lo, q.start) < 0:
        return False  # the literal _FROM_BEFORE needs
    return bool(_FROM_BEFORE.search(text_l, lo, q.start)) and bool(
        _TO_NUMBER_AFTER.match(text_l, q.end, s.end)
    )


def _list_start(text_l: str, line_start: int, pos: int) -> int:
    """Where the `;`-list holding `pos` starts: after the last full stop before it on its line (`… phấn
    đấu thực hiện các chỉ tiêu. Theo đó, thu ngân sách đạt …; giá trị … ước đạt …`: the cue of an
    earlier sentence does not carry)."""
    stop = text_l.rfind(". ", line_start, pos)
    return stop + 1 if stop >= 0 else line_start


def _fronted_later_year(doc: Doc, line_start: int, pos: int) -> bool:
    """Whether a horizon after the document's own year (`Đến năm 2030, …`) fronts the sentence or one
    just before it in its paragraph."""
    year = horizon_before(doc, line_start, pos)
    return year is not None and is_later(year, doc)


def bracket_target(doc: Doc, s: Sentence, q: Quantity) -> bool:
    """Whether the quantity is a plan figure in brackets after a result (`(Nghị quyết đề ra 9 - 10%)`)."""
    lo = max(s.start, q.start - 40)
    # _BRACKET_TARGET opens with "(" or "/": without one in reach there is nothing to scan for
    text_l = doc.text_l
    opened = text_l.find("(", lo, q.start) >= 0 or text_l.find("/", lo, q.start) >= 0
    return opened and bool(_BRACKET_TARGET.search(text_l, lo, q.start))


def is_approx(doc: Doc, d: Draft) -> bool:
    """Whether a hedge makes the value approximate (`ước đạt`, `trên`, `… trở lên`, a comparator)."""
    q = d.q
    if q.comparator:
        return True
    if _HEDGE_BEFORE.search(doc.text_l, max(d.left, q.start - 20), q.start):
        return True
    if HEDGE_AFTER.match(doc.text_l, q.end):
        return True
    return cue_in(HEDGE_CLAUSE_WORDS, doc.text_l, d.left, q.start, slice_start=False)
