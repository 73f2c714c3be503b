"""The period a mention is about: the section's or document's period, overridden by the mention's own words.

In order: a change takes its host's period; a year or `đầu nhiệm kỳ` right after the number; `cả năm`;
a `Năm 2022:` label; a period phrase in the mention's own clause; a running total (`đến 30/6/2023`)
earlier in its sentence; else the section's period, else the document's default.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.extract.context import CLAUSE_SEP_CHARS, Doc, Draft, words_alt
from ingest.extract.fronts import is_later, sentence_front, year_at, year_before
from ingest.extract.kinds import bracket_target, kind_of
from ingest.extract.periods import (
    YEAR_AFTER_RE,
    YEAR_LABEL_RE,
    Term,
    as_of,
    as_of_matches,
    phrase_period,
    term_of,
    year_of,
)
from ingest.extract.scan import after_last
from ingest.extract.vocab import NOW_FRONTS, PRICE_BASE_WORDS, YEAR_REPORT_WORDS
from ingest.period_codes import parse_period as _parse_period

PART_YEAR_GRANULARITIES = ("half", "nine_months", "quarter")
CALENDAR_GRANULARITIES = ("year", *PART_YEAR_GRANULARITIES)
parse_period = lru_cache(maxsize=256)(_parse_period)  # a handful of codes per document, asked per figure

_Y4 = r"((?:19|20)[0-9]{2})(?![0-9])"
# "4,86% đầu nhiệm kỳ", "2,35% cuối năm 2022": a period written right after a number is that number's
_START_AFTER = re.compile(
    r"[ \t\u00a0,(]*(?:vào[^\S\n]+|ở[^\S\n]+|thời[^\S\n]+điểm[^\S\n]+)?đầu[^\S\n]+nhiệm[^\S\n]+kỳ"
)
_FROM_BEFORE = re.compile(r"(?:^|[^\w])từ[^\S\n]*$")
# … then `lên`/`xuống` a level (`trở lên` is "or more", not a level)
_TO_AFTER = re.compile(r"[^\S\n,]*(?:\(?[^()\n]{0,30}\)?[^\S\n]*)?(?<!trở )(?:lên|xuống)(?!\w)")
_S = r"[^\S\n]"
_PRICE_BASE = re.compile(rf"(?<!\w)(?:{words_alt(PRICE_BASE_WORDS)})(?:{_S}+năm)?{_S}+{_Y4}")
# "báo cáo tình hình thực hiện nghị quyết … năm 2023 với các nội dung chủ yếu như: …": the list's year
_REPORTED_LIST = re.compile(
    rf"(?:{words_alt(YEAR_REPORT_WORDS)})(?!\w)[^.:;\n]{{0,100}}?(?<!\w)năm{_S}+{_Y4}[^.:;\n0-9]{{0,60}}:"
)
_NOW_FRONT = re.compile(rf"[\s\-–•*+(]*(?:{words_alt(NOW_FRONTS)})(?!\w)")
_FULL_YEAR = re.compile(rf"(?<!\w)cả[^\S\n]+năm(?:[^\S\n]+{_Y4})?")
# Where a sentence ends, for the running-total scope: a line break, or whitespace after `.`/`!`/`?` that
# does not follow a digit (`30.6. 2023`): `\n|[.!?](?=\s)(?<!\d.)`, read backwards by `_last_stop`.
_STOP_AT = re.compile(r"\n|(?<=[.!?])\s")  # a stop at this very position, whatever precedes the mark
SENTENCE_WINDOW = 1500  # a running total scopes at most this many characters back


def period_of(doc: Doc, d: Draft, kind: str) -> str:
    """The period code of the drafted mention of the given kind."""
    code = _period_of(doc, d, kind)
    if code.startswith("as-of:"):
        code = _closing_month(doc, d, code, _section_base(doc, d.sentence.period, kind))
    term = doc.target_period if doc.target_period and doc.target_period.startswith("term-") else None
    if kind == "target" and term is not None and code == term[10:14]:
        return term[:14]  # "đến năm 2030" in a 2025-2030 target list: the term (the gold rules)
    return code


# "… đã đạt 70,4 triệu đồng, năm 2023 đạt 74,3 triệu đồng": after a comma, a year with a figure of its own
_OWN_FIGURE = re.compile(
    rf"{_S}*(?:đã{_S}+|ước{_S}+)?(?:đạt|là|còn){_S}+(?:được{_S}+|trên{_S}+|hơn{_S}+|gần{_S}+|khoảng{_S}+)?[0-9]"
)


def _next_clause_year(text_l: str, pos: int, after: re.Match[str]) -> bool:
    """Whether the year written after a figure opens the next clause with a figure of its own."""
    return "," in text_l[pos : after.start(1)] and _OWN_FIGURE.match(text_l, after.end()) is not None


def _reviewed_term(doc: Doc) -> Term | None:
    """The term whose start (`đầu nhiệm kỳ`) and middle the results are measured from: the term the
    document reviews (a congress of 2020-2025 reviews 2015-2020), else the term it names."""
    return term_of(doc.default_period) or doc.term


def _base(doc: Doc, kind: str) -> str:
    """The document's default period for a mention of this kind."""
    return doc.target_period if kind == "target" and doc.target_period else doc.default_period


def _section_base(doc: Doc, section: str | None, kind: str) -> str:
    """The period of the mention's section, else the document's default for its kind. Targets set in a
    report on part of a year (`nhiệm vụ những tháng cuối năm với các chỉ tiêu: …` after the results of
    `6 tháng đầu năm`) are for the year, not for the part already reported on."""
    if section is None:
        return _base(doc, kind)
    if (
        kind == "target"
        and section == doc.default_period
        and doc.target_period
        and parse_period(section).granularity in PART_YEAR_GRANULARITIES
    ):
        return doc.target_period
    return section


def _closing_month(doc: Doc, d: Draft, code: str, base: str) -> str:
    """A running total to the end of the last month of the period reported on is that period (`Tính đến
    hết tháng 6 năm 2021, … đạt 47% kế hoạch năm` in a six-month report is 2021-H1). A day written out
    (`đến ngày 30/6/2023`) stays the day, as the gold rules write it."""
    span = parse_period(base)
    if span.granularity not in CALENDAR_GRANULARITIES or span.end_date != parse_period(code).end_date:
        return code
    month = int(code[11:13])
    lo = max(0, d.sentence.line_start, d.q.start - SENTENCE_WINDOW)
    whole = re.compile(rf"(?:hết|cuối){_S}+tháng{_S}+0?{month}(?![0-9])")
    return base if whole.search(doc.text_l, lo, d.q.start) else code


def _period_of(doc: Doc, d: Draft, kind: str) -> str:
    text_l = doc.text_l
    if d.is_change and d.host is not None and not YEAR_AFTER_RE.match(text_l, d.q.end):
        return _period_of(doc, d.host, kind_of(doc, d.host))
    q, s = d.q, d.sentence
    base = _section_base(doc, s.period, kind)
    if (kind == "target" or base.startswith("term-")) and bracket_target(doc, s, q):
        if base.startswith("term-"):
            return base[:14]  # "(Nghị quyết đề ra 9 - 10%)" in a term review: the whole-term target
        if kind == "target":
            return _period_of(doc, d, "actual")  # "còn 2,1% (KH 2,5%)": the plan of the result's period
    after = YEAR_AFTER_RE.match(text_l, q.end)
    if after and not _next_clause_year(text_l, q.end, after):
        return after.group(1)
    reviewed = _reviewed_term(doc)
    if reviewed is not None and (_START_AFTER.match(text_l, q.end) or _parallel_start(doc, d)):
        return f"{reviewed.code}-start"
    left = d.left
    if left > s.start:
        # "giảm từ 4,86% đầu nhiệm kỳ xuống còn 2,35%": the previous number's period is not this one's
        attached = YEAR_AFTER_RE.match(text_l, left) or _START_AFTER.match(text_l, left)
        if (
            attached is not None
            and attached.re is YEAR_AFTER_RE
            and _next_clause_year(text_l, left, attached)
        ):
            attached = None  # "70,4 triệu đồng, năm 2023 đạt 74,3 triệu đồng": the year is this number's
        if attached is not None and attached.end() <= q.start:
            left = attached.end()
    full = None
    if text_l.find("cả", left, q.start) >= 0:  # the literal _FULL_YEAR needs: skip the scan without it
        for match in _FULL_YEAR.finditer(text_l, left, q.start):
            full = match
    if full is not None:
        year = full.group(1) or (str(year_of(base)) if year_of(base) else None)
        if year:
            return year  # "ước cả năm 2024" in a nine-month report
    region = text_l[left : q.start]
    if "giá" in region:  # the literal every price base holds
        region = _PRICE_BASE.sub(lambda m: " " * len(m.group()), region)  # same offsets
    label = YEAR_LABEL_RE.match(text_l, s.start, q.start)
    if label:
        return label.group(1)
    if ":" in text_l[s.start : q.start]:  # the literal _REPORTED_LIST needs
        lists = list(_REPORTED_LIST.finditer(text_l, s.start, q.start))
        if lists and phrase_period(text_l[lists[-1].end() : q.start], doc.ref_year, doc.term) is None:
            return lists[-1].group(1)
    clause_start = after_last(text_l, CLAUSE_SEP_CHARS, d.left, q.start)
    found = phrase_period(region, doc.ref_year, reviewed)
    if found is not None:
        offset, code = found
        if kind == "target" and base.startswith("term-") and code == base[10:14]:
            return base[:14]  # "đến năm 2025" in a 2020-2025 target list: the term (the gold rules)
        if not code.isdigit():
            return code
        if left + offset >= clause_start:
            year = int(code)
            if kind == "target" or base.startswith("term-") or str(year) not in base:
                return code
            return base  # "…, năm 2023 đạt 74,3 triệu đồng": its own year, not one fronted earlier
    fronted = _fronted_year(doc, s.line_start, q.start, base, kind, earlier=False)
    if fronted is not None:
        return fronted
    # a running total ("Tổng thu ngân sách đến 30/6/2023 …; thu NSNN …") scopes its whole sentence
    lo = max(0, q.start - SENTENCE_WINDOW)
    if text_l.find("đến", lo, q.start) >= 0 or text_l.find("tới", lo, q.start) >= 0:  # AS_OF_RE needs one
        for m in as_of_matches(text_l, sentence_start(doc, q.start), q.start):
            code2 = as_of(m, doc.ref_year)
            if code2:
                return code2
    if s.period is not None:
        return base  # a heading or lead names the period: a year fronted in an earlier sentence does not
    if _NOW_FRONT.match(text_l, sentence_front(text_l, s.line_start, q.start)):
        return base  # "Hiện nay, tỷ lệ hộ nghèo còn 0,8%": the text's own time
    return _fronted_year(doc, s.line_start, q.start, base, kind, earlier=True) or base


def _fronted_year(doc: Doc, line_start: int, pos: int, base: str, kind: str, *, earlier: bool) -> str | None:
    """A year fronted in the sentence (`Minh chứng là trong năm 2022, diện tích lúa …; cây ngô …`); with
    `earlier`, in the nearest earlier sentence of the paragraph that fronts one (`… 2022, diện tích lúa
    …. Tổng gia súc … với đàn trâu 368 con`): the paragraph goes on about that year."""
    text_l = doc.text_l
    front = sentence_front(text_l, line_start, pos)
    year = year_at(text_l, front, pos)
    if year is None and earlier and front > line_start:
        year = year_before(doc, line_start, front - 2)
    own = year is not None and (year not in base or base.startswith("term-"))  # "Năm 2025, …" in a term
    if year is not None and own and (kind == "target" or not is_later(year, doc)):
        return year
    return None


def sentence_start(doc: Doc, pos: int) -> int:
    """After the last line break or full stop within `SENTENCE_WINDOW` characters before `pos`."""
    text_l = doc.text_l
    lo = max(0, pos - SENTENCE_WINDOW)
    stop = _last_stop(text_l, lo, pos)
    if stop == lo and text_l[stop] != "\n":
        stop = -1  # its full stop lies before the window
    if stop < lo + 1 < pos and _STOP_AT.match(text_l, lo + 1):
        stop = lo + 1  # a full stop right at the window's start, whatever precedes it
    return stop + 1 if stop >= 0 else lo


def _last_stop(text_l: str, lo: int, pos: int) -> int:
    """The last stop in `[lo, pos)`: a line break (its position) or a sentence mark (the position after
    it; a mark after a digit, `30.6. 2023`, is none). Only the stretch after the last line break is
    scanned for marks: a stop there comes later than the break."""
    stop = text_l.rfind("\n", lo, pos)
    start = max(stop + 1, lo - 1, 0)
    mark = _last_mark(text_l, start, pos)
    if mark >= 0:
        return mark + 1  # a mark: the stretch holds no line break
    if stop < 0 and start == lo - 1 and text_l[start] == "\n":
        return lo  # the line break just before `lo` (a stop that ends at `lo`)
    return stop


def _last_mark(text_l: str, start: int, pos: int) -> int:
    """Where the last sentence mark of `text_l[start:pos]` lies (-1 without one): `.` `!` `?` followed
    by whitespace before `pos` and not right after a digit. Found backwards with `rfind`: a regex would
    try every position of what may be a whole paragraph, for every figure."""
    end = pos
    while True:
        p = max(text_l.rfind(".", start, end), text_l.rfind("!", start, end), text_l.rfind("?", start, end))
        if p < 0:
            return -1
        if p + 1 < pos and text_l[p + 1].isspace() and not (p > 0 and text_l[p - 1].isdecimal()):
            return p
        end = p


def _parallel_start(doc: Doc, d: Draft) -> bool:
    """`tăng từ 36% lên 40,4%` beside `giảm từ 32,5% đầu nhiệm kỳ xuống …`: the `từ X` is the baseline."""
    q, s = d.q, d.sentence
    text_l = doc.text_l
    if not _FROM_BEFORE.search(text_l, max(s.start, q.start - 8), q.start):
        return False
    if not _TO_AFTER.match(text_l, q.end):
        return False
    line_end = text_l.find("\n", q.end)
    line = text_l[s.line_start : line_end if line_end >= 0 else len(text_l)]
    return _START_AFTER.search(line) is not None
