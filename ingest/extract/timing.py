"""The period a mention is about: the section's or document's period, overridden by the mention's own words.

In order: a change takes its host's period; a year or `đầu nhiệm kỳ` right after the number; `cả năm`;
a `Năm 2022:` label; a period phrase in the mention's own clause; a running total (`đến 30/6/2023`)
earlier in its sentence; else the section's period, else the document's default.
"""

from __future__ import annotations

import dataclasses
import re

from ingest.extract.context import CLAUSE_SEP_CHARS, Doc, Draft, words_alt
from ingest.extract.fronts import sentence_front, year_at, year_before
from ingest.extract.kinds import bracket_target, kind_of
from ingest.extract.lowercase import lowercase
from ingest.extract.periods import (
    SCHOOL_YEAR_RE,
    YEAR_AFTER_RE,
    as_of,
    as_of_matches,
    month_end,
    not_after,
    phrase_period,
    without_comparisons,
    year_of,
)
from ingest.extract.scan import after_last
from ingest.extract.triggers import gated, opened
from ingest.extract.vocab import (
    CUMULATIVE_WORDS,
    FESTIVAL_WORDS,
    PRICE_BASE_WORDS,
    TERM_AVERAGE_WORDS,
    YEAR_NAMING_WORDS,
)
from ingest.records import Mention

_Y4 = r"((?:19|20)[0-9]{2})(?![0-9])"
# "4,86% đầu nhiệm kỳ", "2,35% cuối năm 2022": a period written right after a number is that number's
_START_AFTER = re.compile(
    r"[ \t\u00a0,(]*(?:vào[^\S\n]+|ở[^\S\n]+|thời[^\S\n]+điểm[^\S\n]+)?đầu[^\S\n]+nhiệm[^\S\n]+kỳ"
)
_FROM_BEFORE = gated(re.compile(r"(?:^|[^\w])từ[^\S\n]*$"))
# … then `lên`/`xuống` a level (`trở lên` is "or more", not a level)
_TO_AFTER = re.compile(r"[^\S\n,]*(?:\(?[^()\n]{0,30}\)?[^\S\n]*)?(?<!trở )(?:lên|xuống)(?!\w)")
_S = r"[^\S\n]"
_PRICE_BASE = re.compile(rf"(?<!\w)(?:{words_alt(PRICE_BASE_WORDS)})(?:{_S}+năm)?{_S}+{_Y4}")
_FULL_YEAR = re.compile(rf"(?<!\w)cả[^\S\n]+năm(?:[^\S\n]+{_Y4})?")
# Where a sentence ends, for the running-total scope: a line break, or whitespace after `.`/`!`/`?` that
# does not follow a digit that a number goes on after (`30.6. 2023`), read backwards by `_last_stop`.
_STOP_AT = re.compile(r"\n|(?<=[.!?])\s")  # a stop at this very position, whatever precedes the mark
# `Đại hội đại biểu Đảng bộ xã … lần thứ I, nhiệm kỳ 2025-2030`: a term right after a congress's name names
# the congress; the figures of its sitting (delegates, members present) are of the term it closes
_CONGRESS_NAME = re.compile(
    rf"đại{_S}+hội(?:{_S}+đại{_S}+biểu)?(?:{_S}+đảng{_S}+bộ[^.;:,\n]{{0,60}})?(?:,?{_S}+lần{_S}+thứ{_S}+\w+)?[,\s]*$"
)
SENTENCE_WINDOW = 1500  # a running total scopes at most this many characters back
_TERM_AVERAGE = re.compile(rf"(?<!\w)(?:{words_alt(TERM_AVERAGE_WORDS)})(?!\w)")
# a congress's page (`Đến dự đại hội có …`), not a page carrying out a congress's resolution (`thực hiện Nghị
# quyết Đại hội …`): the page's opening names it
_CONGRESS_PAGE = gated(re.compile(rf"(?<!\w)đại(?<!nghị quyết đại){_S}+hội(?!\w)"))
CONGRESS_OPENING = 2500


def period_of(doc: Doc, d: Draft, kind: str) -> str:
    """The period code of the drafted mention of the given kind."""
    code = _period_of(doc, d, kind)
    term = doc.target_period if doc.target_period and doc.target_period.startswith("term-") else None
    if kind == "target" and term is not None and code == term[10:14]:
        return term[:14]  # "đến năm 2030" in a 2025-2030 target list: the term (the gold rules)
    if kind == "actual":
        return term_average(doc, d, code) or code
    return code


_PART_OF_YEAR = re.compile(r"((?:19|20)[0-9]{2})-(?:Q[1-4]|H1|9M)|as-of:((?:19|20)[0-9]{2})-")


def plan_year(code: str) -> str:
    """The period of a plan amount dated as the results beside it (`kế hoạch vốn đầu tư công 1.698,2 tỷ
    đồng, giải ngân 275,3 tỷ đồng` in a quarter's review): a plan is set for a whole year, so a part of a
    year (a quarter, a half, nine months, a running total to a date) gives its year (the gold rules: a
    report on a part of the year sets its targets for the year)."""
    part = _PART_OF_YEAR.match(code)
    return (part.group(1) or part.group(2)) if part is not None else code


def term_average(doc: Doc, d: Draft, code: str) -> str | None:
    """The closing term of a sum or average over the whole term (`tăng bình quân hằng năm 8,8%`, `thực
    hiện 5 năm đạt 528 tỷ đồng`, the words in the figure's own clause) on a congress's page whose own
    period is the year that term closes (2020, 2025): the gold rules give a congress the closing term,
    and a page that is no congress its year (`giai đoạn 2021-2025 … bình quân 3,1%/năm` in a news page)."""
    if code != doc.default_period or not code.isdigit() or int(code) % 5:
        return None
    text_l = doc.text_l
    lo = max(d.sentence.start, after_last(text_l, CLAUSE_SEP_CHARS, d.left, d.q.start))
    if _TERM_AVERAGE.search(text_l, lo, d.q.start) is None:
        return None
    if _CONGRESS_PAGE.search(text_l, 0, CONGRESS_OPENING) is None:
        return None
    year = int(code)
    return f"term-{year - 5}-{year}"


def _own_words(doc: Doc, d: Draft) -> bool:
    """Whether a change names a period of its own between its host and itself (`chỉ số sản xuất công nghiệp
    quý III tăng 92,82% và 9 tháng tăng 30,86%`): its own words, not its host's period (the host's own year
    right after it, `đạt 100 tỷ đồng năm 2023, tăng 5%`, is the host's)."""
    host = d.host
    if host is None:
        return False
    lo = host.q.end
    attached = YEAR_AFTER_RE.match(doc.text_l, lo)
    if attached is not None:
        lo = attached.end()
    if lo >= d.q.start:
        return False
    return phrase_period(without_comparisons(doc.text_l[lo : d.q.start]), doc.ref_year, doc.term) is not None


def _period_of(doc: Doc, d: Draft, kind: str) -> str:
    text_l = doc.text_l
    if (
        d.is_change
        and d.host is not None
        and not YEAR_AFTER_RE.match(text_l, d.q.end)
        and not _own_words(doc, d)
    ):
        return _period_of(doc, d.host, kind_of(doc, d.host))
    q, s = d.q, d.sentence
    base = s.period or (doc.target_period if kind == "target" and doc.target_period else doc.default_period)
    if base.startswith("term-") and bracket_target(doc, s, q):
        return base[:14]  # "(Nghị quyết đề ra 9 - 10%)" in a term review: the whole-term target
    after = YEAR_AFTER_RE.match(text_l, q.end)
    if after:
        return after.group(1)
    if doc.term is not None and (_START_AFTER.match(text_l, q.end) or _parallel_start(doc, d)):
        return f"{doc.term.code}-start"
    left = d.left
    if left > s.start:
        # "giảm từ 4,86% đầu nhiệm kỳ xuống còn 2,35%": the previous number's period is not this one's
        attached = YEAR_AFTER_RE.match(text_l, left) or _START_AFTER.match(text_l, left)
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
    region = without_comparisons(region)  # `tăng gấp 3 lần so với năm 2010 đạt …`: a baseline's year
    school = _school_year(doc, s.start, q.start)
    if school is not None:
        return school
    crop = _crop_year(doc, s.start, q.start)
    if crop is not None:
        return crop
    listed = _listed_year(doc, s.start, left, q.start)
    if listed is not None:
        return listed
    found = phrase_period(region, doc.ref_year, doc.term)
    if found is not None and found[1].startswith("term-") and _CONGRESS_NAME.search(region, 0, found[0]):
        found = None  # `Đại hội … lần thứ I, nhiệm kỳ 2025-2030 với … 189 đại biểu`: it names the congress
    if found is not None:
        offset, code = found
        if not code.isdigit():
            return code
        if left + offset >= after_last(text_l, CLAUSE_SEP_CHARS, d.left, q.start):  # in the figure's clause
            lo_name = max(left, left + offset - _NAMES_ONLY_BACK)
            # `tỷ lệ phổ cập giáo dục năm 2024 … đạt 93%` in a six-month report, `tháng 9 năm 2018` in a
            # nine-month one: the year its own words name, not the part the report covers; a year that only
            # names the plan, campaign or season of a result in the part keeps the part (the gold rules:
            # `vụ xuân năm 2024`, `tuyển quân năm 2024`)
            if kind == "target" or base.startswith("term-") or code not in base:
                return code
            if not _NAMES_ONLY.search(text_l, lo_name, left + offset):
                return code
    if kind == "actual" and (cumulative := _cumulative(doc, d, base)) is not None:
        return cumulative
    month = _one_month(doc, s.start, q.start, base) if found is None else None
    if month is None and found is None and kind == "actual":
        month = _month_through_items(doc, s.start, q.start, base)
    if month is not None:
        return month
    # the sentence's own fronted year, read once: the paragraph's earlier sentences are asked last
    front = sentence_front(text_l, s.line_start, q.start)
    year = year_at(text_l, front, q.start)
    fronted = _fronted_year(doc, s.line_start, q.start, base, year)
    if fronted is not None:
        return fronted
    # a running total ("Tổng thu ngân sách đến 30/6/2023 …; thu NSNN …") scopes its whole sentence, and a
    # `Trong đó` part opening the next one (`… đến hết tháng 5/2023 ước thực hiện 1.636 tỷ đồng. Trong đó, thu
    # nội địa …`: the parts of the dated total)
    lo = max(0, q.start - SENTENCE_WINDOW)
    # the sentence starts after the line's break, or a `Trong đó` part's total before it
    gate = lo if text_l.find("đó", lo, q.start) >= 0 else max(lo, text_l.rfind("\n", lo, q.start) + 1)
    if text_l.find("đến", gate, q.start) >= 0 or text_l.find("tới", gate, q.start) >= 0:  # AS_OF_RE needs one
        start = sentence_start(doc, q.start)
        if start > 1 and _PART_OPENS.match(text_l, start) is not None:
            start = sentence_start(doc, start - 2)
        for m in as_of_matches(text_l, start, q.start):
            code2 = as_of(m, doc.ref_year)
            if code2:
                return code2
    if year is None and front > s.line_start:
        return (
            _fronted_year(doc, s.line_start, q.start, base, year_before(doc, s.line_start, front - 2)) or base
        )
    return base  # (a year fronting the sentence itself was answered above)


# `Chỉ số sản xuất (IIP) tháng 3 tăng 20,6%`, `trong tháng 9/2018`: one month, not a date (`ngày 5 tháng 3`),
# a running total (`đến hết tháng 8`, `Tính đến giữa tháng 9/2022`), the first months (`2 tháng đầu năm`) or a
# comparison (`so với tháng 3`)
_ONE_MONTH = re.compile(
    not_after(
        ("tháng",),
        (
            f"[0-9]{_S}",
            f"[0-9]{_S}{_S}",
            f"hết{_S}",
            f"cuối{_S}",
            f"giữa{_S}",
            f"đến{_S}",
            f"tới{_S}",
            f"với{_S}",
            f"so{_S}",
            r"\w",
        ),
    )
    + rf"{_S}+(1[0-2]|0?[1-9])(?![0-9])(?:{_S}*(?:/|năm){_S}*{_Y4})?(?!{_S}*(?:đầu|cuối|tháng))"
)


def _one_month(doc: Doc, lo: int, pos: int, base: str) -> str | None:
    """The year of the one month that names the figure in its sentence (the gold rules: a month has no
    code of its own, it takes its year), when the document's own period is a part of a year."""
    text_l = doc.text_l
    if not ((base[:4].isdigit() and base[4:5] == "-") or base.startswith("as-of:")):
        return None  # a year's report dates its months already; a term's months are no figure's period
    if text_l.find("tháng", lo, pos) < 0:
        return None  # the literal _ONE_MONTH needs
    last = None
    for m in _ONE_MONTH.finditer(text_l, lo, pos):
        last = m
    if last is None:
        return None
    year = last.group(2) or year_of(base)
    return str(year) if year else None


def _month_through_items(doc: Doc, item: int, pos: int, base: str) -> str | None:
    """The year of the one month an earlier `;`-item of the figure's sentence names last (`Tổng thu … tháng
    7/2024 ước đạt …, trong đó: thu nội địa …; thu từ hoạt động xuất nhập khẩu đạt …`: the month's parts),
    when no other period phrase follows it before the figure's item (`tháng 03 và 03 tháng đầu năm`) and the
    item names no count of months of its own (`; chỉ số 03 tháng tăng 23,89%`)."""
    text_l = doc.text_l
    if text_l.rfind(";", max(0, item - 3), item) < 0:
        return None  # the figure's sentence is no `;`-item
    if text_l.rfind("tháng", max(0, item - SENTENCE_WINDOW), item) < 0:
        return None  # the literal _ONE_MONTH needs, looked for before the sentence's start is
    full = sentence_start(doc, pos)
    if full >= item or text_l.find("tháng", full, item) < 0 or _N_MONTHS.search(text_l, item - 1, pos):
        return None
    last = None
    for m in _ONE_MONTH.finditer(text_l, full, item):
        last = m
    if last is None or phrase_period(without_comparisons(text_l[last.end() : item]), doc.ref_year, doc.term):
        return None
    return _one_month(doc, last.start(), last.end(), base)


_CUMULATIVE = re.compile(rf"(?<!\w)(?:{words_alt(CUMULATIVE_WORDS)})(?!\w)")
_N_MONTHS = re.compile(rf"{_S}+(1[0-2]|0?[1-9]){_S}+tháng(?!{_S}*đầu)(?!\w)")
_OWN_SPAN = re.compile(r"(?<!\w)(?:từ|đến|tới)(?!\w)")
MONTH_WINDOW = 3000  # how far back the month a running total closes is looked for


def _cumulative(doc: Doc, d: Draft, base: str) -> str | None:
    """A running total (`lũy kế`) in the figure's own clause: to the end of its months (`lũy kế 6 tháng ước
    đạt 190.021 tấn` -> the half), else of the month the text reports on, the last one named before it
    (`Thu ngân sách tháng 8 đạt trên 1,4 tỷ đồng, lũy kế đạt trên 35,3 tỷ đồng` -> `as-of:…-08-31`, `trong
    tháng 9/2018, thu … lũy kế hơn 35.696 tỷ đồng` -> nine months), in its year or the document's."""
    text_l = doc.text_l
    q = d.q
    clause = after_last(text_l, CLAUSE_SEP_CHARS, d.left, q.start)
    if text_l.find("kế", clause, q.start) < 0:  # the literal every running-total word holds
        return None
    last = None
    for m in _CUMULATIVE.finditer(text_l, clause, q.start):
        last = m
    if last is None or _OWN_SPAN.search(text_l, last.end(), q.start) is not None:
        return None  # `lũy kế từ đầu nhiệm kỳ`, `lũy kế đến nay`: a span of its own
    year = year_of(base) or doc.ref_year
    months = _N_MONTHS.match(text_l, last.end(), q.start)
    if months is not None:
        return month_end(year, int(months.group(1)))
    named = None
    for m in _ONE_MONTH.finditer(text_l, max(0, q.start - MONTH_WINDOW), last.start()):
        named = m
    if named is None:
        return None
    return month_end(int(named.group(2)) if named.group(2) else year, int(named.group(1)))


def _school_year(doc: Doc, lo: int, pos: int) -> str | None:
    """The school year named earlier in the figure's sentence (`Năm học 2022 - 2023, toàn quận có 877
    giải`), as its second calendar year, unless another period phrase comes between: a school year is
    a whole year of its own, never a part of the report's year (a six-month report's `năm học 2023 –
    2024` results are 2024, not 2024-H1)."""
    text_l = doc.text_l
    if text_l.find("học", lo, pos) < 0:  # the literal SCHOOL_YEAR_RE needs
        return None
    last = None
    for m in SCHOOL_YEAR_RE.finditer(text_l, lo, pos):
        last = m
    if last is None or phrase_period(text_l[last.end() : pos], doc.ref_year, doc.term) is not None:
        return None
    return last.group(1)


# a crop season named by the two years it spans (`vụ Đông xuân 2023-2024`, `vụ mùa 2023 - 2024`, `niên vụ
# 2023-2024`, `đông xuân năm 2022-2023`); a season named by one year (`vụ Xuân năm 2024`) only names the
# campaign of a result in the report's period
_SEASON = (
    rf"(?:vụ{_S}+(?:lúa{_S}+|sản{_S}+xuất{_S}+)?)?(?:đông{_S}*[-–]?{_S}*xuân|hè{_S}*[-–]?{_S}*thu"
    rf"|thu{_S}*[-–]?{_S}*đông|chiêm{_S}+xuân)|vụ{_S}+(?:mùa|xuân|chiêm|muối)|niên{_S}+vụ"
)
# the words right before a year that make it only the name of a plan, campaign, season or festival
# (`kế hoạch năm 2024`, `tuyển quân năm 2024`, `vụ xuân năm 2024`, `tết Nguyên đán Quý Mão năm 2023`)
_FESTIVAL = rf"(?:{words_alt(FESTIVAL_WORDS)})(?:{_S}+\w+){{0,4}}"  # `tết Nguyên đán Quý Mão năm 2023`
_NAMES_ONLY = re.compile(rf"(?<!\w)(?:{words_alt(YEAR_NAMING_WORDS)}|{_SEASON}|{_FESTIVAL}){_S}+$")
_NAMES_ONLY_BACK = 30  # how far before the year those words may start
_PART_OPENS = re.compile(rf"[\s*+-]*trong{_S}+đó(?!\w)")
_PART_OF = re.compile(rf"(?<!\w)trong{_S}+đó(?!\w)")
# found from the two years (`opened`: tried only where a `19`, `20` starts), the season's words read back
# from there (they end in whitespace: no digit comes right before the first year)
_CROP_SPAN = opened(re.compile(rf"((?:19|20)[0-9]{{2}}){_S}*[-–—/]{_S}*((?:19|20)[0-9]{{2}})(?![0-9])"))
_SEASON_BEFORE = re.compile(rf"(?<!\w)(?:{_SEASON})(?:{_S}+năm)?{_S}+$")
_SEASON_BACK = 40  # how far before its years a season's words may start


def _crop_year(doc: Doc, clause: int, pos: int) -> str | None:
    """The crop season named by its two years earlier in the figure's clause (`Trong quý I, toàn huyện gieo
    trồng vụ Đông xuân 2023-2024 đạt 100% kế hoạch`), or earlier in its sentence when a `trong đó` part of
    the season's total comes between (`Vụ đông xuân 2017-2018: … 47.798,2 ha (trong đó: lúa …; bắp 3.123
    ha …`), as its later year, unless another period phrase comes between (the gold rules: a season is what
    the figure measures, one season's account keeps one period whichever report states it, also beside the
    report's own period words or a running total's date; a `;` item of another subject keeps its own)."""
    text_l = doc.text_l
    seasons = _seasons(text_l)
    if not seasons:
        return None
    # in the figure's line (a sentence ends at a line break)
    lo = max(0, pos - SENTENCE_WINDOW)
    lo = max(lo, text_l.rfind("\n", lo, pos) + 1)
    near = [(start, end, year) for start, end, year in seasons if lo <= start and end <= pos]
    if not near:
        return None
    lo = min(clause, sentence_start(doc, pos))
    last = None
    for start, end, year in near:
        if start >= lo and (start >= clause or _in_part(text_l, end, pos)):
            last = (end, year)
    if last is None:
        return None
    between = without_comparisons(text_l[last[0] : pos])
    if phrase_period(between, doc.ref_year, doc.term) is not None:
        return None
    return last[1]


_SEASONS: list[tuple[str, list[tuple[int, int, str]]]] = []


def _seasons(text_l: str) -> list[tuple[int, int, str]]:
    """The crop seasons named by two consecutive years in the text, as (start, end, later year): read once
    per text (remembered by its identity), not once per figure."""
    if _SEASONS and _SEASONS[0][0] is text_l:
        return _SEASONS[0][1]
    found = []
    for m in _CROP_SPAN.finditer(text_l):
        if int(m.group(2)) == int(m.group(1)) + 1:
            season = _SEASON_BEFORE.search(text_l, max(0, m.start() - _SEASON_BACK), m.start())
            if season is not None:
                found.append((season.start(), m.end(), m.group(2)))
    _SEASONS[:] = [(text_l, found)]
    return found


def _in_part(text_l: str, lo: int, pos: int) -> bool:
    """Whether `pos` lies in a `trong đó` part opened after `lo`: to the sentence's end, or to its closing
    bracket when the part opens one (`(trong đó: lúa …; ngô …); diện tích nuôi trồng …` is past it)."""
    part = None
    for m in _PART_OF.finditer(text_l, lo, pos):
        part = m
    if part is None:
        return False
    bracket = text_l.rfind("(", max(lo, part.start() - 3), part.start())
    return bracket < 0 or text_l.find(")", part.end(), pos) < 0


# "Cụ thể năm 2015: công nghiệp … 75,3%, thương mại - dịch vụ 16,6%": a year right before a colon
_YEAR_COLON = re.compile(rf"năm{_S}+{_Y4}{_S}*:")


def _listed_year(doc: Doc, lo: int, left: int, pos: int) -> str | None:
    """The year named right before the last colon of the sentence before the figure (`Cụ thể năm 2015:
    A 75,3%, B 16,6%`) dates every item of the list after it, unless a period comes between."""
    text_l = doc.text_l
    colon = text_l.rfind(":", lo, pos)
    if colon < 0 or text_l.find("năm", lo, colon) < 0:
        return None  # the literals _YEAR_COLON needs
    m = _YEAR_COLON.search(text_l, max(lo, colon - 20), colon + 1)
    if m is None or m.end() != colon + 1 or m.end() > left:
        return None  # no year before the colon, or the figure's own words hold it (read as its phrase)
    if phrase_period(text_l[m.end() : pos], doc.ref_year, doc.term) is not None:
        return None
    return m.group(1)


def _fronted_year(doc: Doc, line_start: int, pos: int, base: str, year: str | None) -> str | None:
    """The year fronted in the sentence (`Minh chứng là trong năm 2022, diện tích lúa …; cây ngô …`), or
    else in the nearest earlier sentence of the paragraph that fronts one (`… 2022, diện tích lúa …. Tổng
    gia súc … với đàn trâu 368 con`: the paragraph goes on about that year), when it dates the figure: a
    fact's own words override the document's period, also a year after the page's (an actual fronted by
    a later year is that year's result; a plan fronted so is made a target by `kinds`)."""
    text_l = doc.text_l
    own = year is not None and year not in base
    if year is not None and not own and base.startswith("term-"):
        # the closing year of the term reviewed, fronting the figure's own sentence (its `;`-parts too),
        # is the figure's year (`Đến năm 2025 xã không còn hộ nghèo, tỷ lệ hộ cận nghèo dưới 0,2%` in a 2025
        # congress); the sentences after it are back to the term
        stop = text_l.rfind(". ", line_start, pos)
        own = year_at(text_l, stop + 2 if stop >= 0 else line_start, pos) == year
    return year if own else None


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


_MARKS = ".!?"


def _last_mark(text_l: str, start: int, pos: int) -> int:
    """Where the last sentence mark of `text_l[start:pos]` lies (-1 without one): `.` `!` `?` followed
    by whitespace before `pos`, not right after a digit unless a word follows it (`năm 2019. Chỉ số`).
    Found backwards with `rfind`: a regex would try every position of what may be a whole paragraph, for
    every figure; a mark that is no stop looks again for that mark only (`!` and `?` are rare: each
    search for them runs to `start`)."""
    last = [text_l.rfind(mark, start, pos) for mark in _MARKS]  # each mark's last place, moved back in turn
    while True:
        p = max(last)
        if p < 0:
            return -1
        after_digit = p > 0 and text_l[p - 1].isdecimal()
        if p + 1 < pos and text_l[p + 1].isspace() and not (after_digit and _number_goes_on(text_l, p, pos)):
            return p
        k = last.index(p)  # a decimal point (`1.500`) or a mark glued to a word: look before it for that mark
        last[k] = text_l.rfind(_MARKS[k], start, p)


def _number_goes_on(text_l: str, p: int, pos: int) -> bool:
    """Whether the mark after a digit at `p` is no stop: a number goes on after it (`30.6. 2023`), as
    opposed to a sentence closing on a figure or year (`… so với cùng kỳ năm 2019. Chỉ số giá …`)."""
    k = p + 1
    while k < pos and text_l[k] in " \t\u00a0":
        k += 1
    return k >= pos or not text_l[k].isalpha()


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


HEADLINE_WINDOW = 2000  # a page prints its headline at its top, if at all


def restated_headline_periods(text_l: str, title: str | None, found: list[Mention]) -> list[Mention]:
    """A figure of the page's headline, where the text prints it at its top, that the body states again (the
    same value and unit) takes the period of the body's statement: a headline sums up the article (`Vĩnh Phúc
    có 74 xã đạt chuẩn NTM` over `Tính đến hết tháng 5/2017, … có 74 xã được công nhận …`), and its own
    words rarely date the figure."""
    headline = lowercase(title.strip()) if title else ""
    at = text_l.find(headline, 0, HEADLINE_WINDOW + len(headline)) if headline else -1
    if at < 0:
        return found
    end = at + len(headline)
    out = []
    for m in found:
        if at <= m.start < end:
            same = (m.base_value, m.base_unit)
            twin = next((o for o in found if o.start >= end and (o.base_value, o.base_unit) == same), None)
            if twin is not None and twin.period != m.period:
                m = dataclasses.replace(m, period=twin.period)
        out.append(m)
    return out
