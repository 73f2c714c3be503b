"""Period codes (docs/periods.md) from Vietnamese phrases: `6 tháng đầu năm 2023`, `nhiệm kỳ 2020 - 2025`, …

All functions take lowercased text. A phrase without its year (`6 tháng đầu năm`) takes the
reference year given by the caller (the document's year). What a code means (its dates and
term) is read back in one place, `ingest/period_codes.py`.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ingest.extract.triggers import gated
from ingest.extract.vocab import FORECAST_WORDS, PLAN_YEAR_WORDS, ROMAN_QUARTERS, TERM_TARGET_VERBS

_Y = r"((?:19|20)[0-9]{2})"
_DASH = r"[^\S\n]*[-–—][^\S\n]*"


def not_after(words: tuple[str, ...], before: tuple[str, ...]) -> str:
    """`(?<!b1)(?<!b2)(?:w1|w2)` written with the look-behinds after each word (`w1(?<!b1w1)(?<!b2w1)|…`).

    The same matches (each `bN` is of fixed width, each word a literal), but the pattern opens with the
    words' first letters, which the engine skips between at C speed: a leading look-behind makes it try
    every position of the text.
    """
    return "(?:" + "|".join(w + "".join(f"(?<!{b}{w})" for b in before) for w in words) + ")"


# Order matters in PERIOD_PATTERNS: the first kind found at the smallest offset wins.
AS_OF_RE = re.compile(
    rf"(?:tính[^\S\n]+)?(?:đến|tới|đến hết|tới hết)[^\S\n]+(?:hết[^\S\n]+)?(?:ngày[^\S\n]+)?"
    rf"([0-9]{{1,2}})[^\S\n]*[/.-][^\S\n]*([0-9]{{1,2}})(?:[^\S\n]*[/.-][^\S\n]*{_Y})?(?![0-9])"
    rf"|(?:tính[^\S\n]+)?(?:đến|tới)[^\S\n]+(?:hết[^\S\n]+)?ngày[^\S\n]+([0-9]{{1,2}})[^\S\n]+tháng[^\S\n]+([0-9]{{1,2}})"
    rf"(?:[^\S\n]+năm[^\S\n]+{_Y})?"
    # to a month's end (`tính đến hết tháng 8/2018`, `đến cuối tháng 6`): its last day
    rf"|(?:tính[^\S\n]+)?(?:đến|tới)[^\S\n]+(?:hết|cuối)[^\S\n]+tháng[^\S\n]+([0-9]{{1,2}})(?![0-9])"
    rf"(?:[^\S\n]*(?:/|năm)[^\S\n]*{_Y})?"
    # a running total to a month written with its year (`Tính đến tháng 6-2014`, `Tính đến giữa tháng
    # 9/2022`): to that month's end; not `đến đầu tháng 3` (the month before it), nor a bare `đến tháng 9 năm
    # 2018, theo Quyết định …` (a date)
    rf"|tính[^\S\n]+(?:đến|tới)[^\S\n]+(?:giữa[^\S\n]+)?tháng[^\S\n]+([0-9]{{1,2}})"
    rf"[^\S\n]*(?:/|-|năm)[^\S\n]*{_Y}(?![0-9])"
)
# Every AS_OF_RE match opens with one of these words; the pattern itself opens with an optional group,
# which makes the engine try every position, so `as_of_matches` jumps between these words instead.
_AS_OF_START = re.compile(r"tính|đến|tới")
# `6 tháng đầu năm 2019`, and with its year `6 tháng năm 2019` (a statistics office's `quý II và 6 tháng năm
# 2019`, as `9 tháng năm 2019` is nine months); a bare `6 tháng` is a duration
H1_RE = re.compile(
    rf"{not_after(('6', '06', 'sáu'), ('[0-9/]',))}[^\S\n]+tháng[^\S\n]+"
    rf"(?:đầu[^\S\n]+năm(?:[^\S\n]+{_Y})?|năm[^\S\n]+{_Y}(?![0-9]))"
    rf"|nửa[^\S\n]+đầu[^\S\n]+năm(?:[^\S\n]+{_Y})?"
)
H2_RE = re.compile(
    rf"{not_after(('6', '06', 'sáu'), ('[0-9/]',))}[^\S\n]+tháng[^\S\n]+cuối[^\S\n]+năm(?:[^\S\n]+{_Y})?"
)
NINE_M_RE = re.compile(
    rf"{not_after(('9', '09', 'chín'), ('ngày ', '[0-9/]'))}[^\S\n]+tháng(?![^\S\n]*[0-9])"
    rf"(?:[^\S\n]+đầu[^\S\n]+năm)?(?:[^\S\n]+(?:năm[^\S\n]+)?{_Y})?"
)
# `quý I năm 2014`, `quý I/2014`, `quý I-2014`, `quý I.2014`: the year after its quarter, however joined;
# `quí` is the same word in the older spelling (`trong quí I năm 2024`)
_QUARTER_WORD = r"qu[ýí][^\S\n]+"
QUARTER_RE = re.compile(rf"{_QUARTER_WORD}(iv|i{{1,3}}|[1-4])(?![\w])(?:[^\S\n]*(?:năm|[/.–-])[^\S\n]*{_Y})?")
TERM_RE = re.compile(rf"nhiệm[^\S\n]+kỳ[^\S\n]*(?:\(?[^\S\n]*){_Y}{_DASH}{_Y}")
SPAN_RE = gated(re.compile(rf"\(?[^\S\n]*{_Y}{_DASH}{_Y}[^\S\n]*\)?"))
_IN_TERM = r"[^\S\n]+nhiệm[^\S\n]+kỳ"
_MID_TERM = rf"(?:giữa|nửa(?:[^\S\n]+đầu)?){_IN_TERM}"
# `(?:sơ kết |đánh giá )?{_MID_TERM}` written as branches that each open with a literal (see `not_after`)
MID_TERM_RE = re.compile(
    rf"sơ kết {_MID_TERM}|đánh giá {_MID_TERM}|giữa{_IN_TERM}|nửa(?:[^\S\n]+đầu)?{_IN_TERM}"
)
SECOND_HALF_RE = re.compile(r"nửa[^\S\n]+(?:cuối|sau)[^\S\n]+nhiệm[^\S\n]+kỳ")
TERM_START_RE = re.compile(
    not_after(("đầu",), ("so ", "so với ", "từ ", "nửa ")) + r"[^\S\n]+nhiệm[^\S\n]+kỳ"
)
# Patterns open with their literal (`năm`) and look behind it: a leading look-behind would make the engine
# try every position instead of jumping between occurrences of the literal.
# a school year is its second calendar year (`năm học 2022 - 2023` -> 2023, the gold rules): the first
# year of the pair is skipped, the group holds the second
SCHOOL = rf"(?:[^\S\n]+học[^\S\n]+(?:(?:19|20)[0-9]{{2}}{_DASH})?|[^\S\n]+)"
# not the start of a span (`5 năm 2021-2025`: a sum over the span, the report's or the term's figure)
YEAR_RE = re.compile(rf"năm{SCHOOL}{_Y}(?![0-9])(?!{_DASH}(?:19|20)[0-9]{{2}})")
SCHOOL_YEAR_RE = re.compile(rf"năm[^\S\n]+học[^\S\n]+(?:19|20)[0-9]{{2}}{_DASH}{_Y}(?![0-9])")
_YEAR_AFTER = r"(?:\(?[^\S\n]*)?(?:vào[^\S\n]+|trong[^\S\n]+|của[^\S\n]+)?(?:cuối[^\S\n]+)?năm[^\S\n]+"
# … after a comma too, but not a year that opens a clause with a figure of its own (`đã đạt 70,4 triệu đồng,
# năm 2023 đạt 74,3 triệu đồng`: 2023 is the second figure's)
YEAR_AFTER_RE = re.compile(
    rf"[ \t\u00a0]*(?:,[ \t\u00a0,]*(?={_YEAR_AFTER}(?:19|20)[0-9]{{2}}(?![0-9])(?![^0-9.;,\n]*[0-9])))?"
    rf"{_YEAR_AFTER}{_Y}(?![0-9])"
)
_LAST_YEAR_RE = re.compile(r"((?:19|20)[0-9]{2})(?!.*(?:19|20)[0-9]{2})")  # the last year in a code
TARGET_YEAR_RE = re.compile(rf"(?:đến|tới|vào|trong)[^\S\n]+(?:cuối[^\S\n]+)?năm[^\S\n]+{_Y}(?![0-9])")


@dataclass(frozen=True)
class Term:
    """A Party term such as 2020-2025."""

    start: int
    end: int

    @property
    def code(self) -> str:
        return f"term-{self.start}-{self.end}"


def _year(raw: str | None, ref_year: int | None) -> int | None:
    return int(raw) if raw else ref_year


# a running total to the end of March, June, September or December is the quarter, half, nine months or
# year it closes (the gold rules: `Tính đến hết tháng 6` -> H1, `tính đến cuối năm 2020` -> 2020)
_MONTH_END_PARTS = {3: "-Q1", 6: "-H1", 9: "-9M", 12: ""}


def as_of(match: re.Match[str], ref_year: int | None) -> str | None:
    """The period of an AS_OF_RE match: `as-of:YYYY-MM-DD`, or the part of the year a month's end closes
    (`đến hết tháng 6/2018` -> `2018-H1`); None when the date is impossible or yearless."""
    g = match.groups()
    if g[6] or g[8]:  # to a month's end: the first M months, as `M tháng đầu năm` reads (`_subyear`)
        y, m = (_year(g[7], ref_year), int(g[6])) if g[6] else (int(g[9]), int(g[8]))
        return month_end(y, m)
    day, month, year = (g[0], g[1], g[2]) if g[0] else (g[3], g[4], g[5])
    y = _year(year, ref_year)
    d, m = int(day), int(month)
    if y is None or not (1 <= d <= 31 and 1 <= m <= 12):
        return None
    part = _MONTH_END_PARTS.get(m)
    if part is not None and d == calendar.monthrange(y, m)[1]:
        # the last day of a quarter, half, nine months or year closes that period, its year written or not
        # (`đến 31/12/2020` -> `2020`, `đến ngày 31-3-2024` -> `2024-Q1`, `Tính đến ngày 30-6, tổng diện
        # tích …` -> the report's own half): the gold rules read it as the period's code, not a date
        return f"{y}{part}"
    return f"as-of:{y:04d}-{m:02d}-{d:02d}"


def month_end(year: int | None, month: int) -> str | None:
    """A running total to the end of a month: the quarter, half, nine months or year it closes (`2018-H1`
    for June), else its last day (`as-of:2025-08-31`); None without a year or with no such month."""
    if year is None or not 1 <= month <= 12:
        return None
    part = _MONTH_END_PARTS.get(month)
    if part is not None:
        return f"{year}{part}"
    return f"as-of:{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def as_of_matches(text_l: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
    """The matches of `AS_OF_RE.finditer(text_l, pos, endpos)`, found by jumping between opening words."""
    if endpos is None:
        endpos = len(text_l)
    while (candidate := _AS_OF_START.search(text_l, pos, endpos)) is not None:
        m = AS_OF_RE.match(text_l, candidate.start(), endpos)
        if m is None:
            pos = candidate.start() + 1
            continue
        yield m
        pos = m.end()


def is_party_term(start: int, end: int) -> bool:
    """Commune Party congresses run five years on the 2010/2015/2020/2025 grid."""
    return end - start == 5 and start % 5 == 0


def is_named_term(start: int, end: int) -> bool:
    """A span written after `nhiệm kỳ`: Party terms (2020-2025), council terms (2016-2021), the term
    of a cell elected mid-way (2022-2025)."""
    return 2 <= end - start <= 5


def terms_in(text_l: str, *, party_only: bool = True) -> list[Term]:
    """Terms named in the text (`nhiệm kỳ 2020 - 2025`), in order of first appearance: Party terms,
    or with `party_only=False` any term written after `nhiệm kỳ` (council terms, a cell's term)."""
    accept = is_party_term if party_only else is_named_term
    seen: dict[tuple[int, int], None] = {}
    for m in TERM_RE.finditer(text_l):
        start, end = int(m.group(1)), int(m.group(2))
        if accept(start, end):
            seen.setdefault((start, end), None)
    return [Term(s, e) for s, e in seen]


def phrase_period(
    text_l: str, ref_year: int | None, term: Term | None, *, specific_first: bool = False
) -> tuple[int, str] | None:
    """The first period phrase in `text_l` as (offset, code), or None.

    Sub-year phrases win over a bare year when both start at the same place
    (`6 tháng đầu năm 2023` is 2023-H1, not 2023).
    """
    found: list[tuple[int, int, str]] = []  # (offset, priority, code)
    # Each pattern needs a word of its own; `in` rules a pattern out far faster than a failed search.
    has_month, has_term = "tháng" in text_l, "nhiệm" in text_l
    if "đến" in text_l or "tới" in text_l:
        for m in as_of_matches(text_l):
            code = as_of(m, ref_year)
            if code:
                found.append((m.start(), 0, code))
                break
    # without a reference year, a yearless `9 tháng` is skipped for a later one that writes its year
    # (`… 163 đảng viên mới trong 9 tháng - … sơ kết nhiệm vụ 9 tháng năm 2024`)
    mm = _dated(H1_RE, text_l, ref_year, 1, 2, 3) if has_month or "nửa" in text_l else None
    if mm and (y := _year(mm.group(1) or mm.group(2) or mm.group(3), ref_year)):
        found.append((mm.start(), 1, f"{y}-H1"))
    # `2 tháng đầu năm`: to the end of February (the opening reads it so); the digits are read only where
    # the words are (a scan from every digit of a long region costs more)
    if has_month and (anchor := _FIRST_MONTHS.search(text_l)) is not None:
        for start, _, months, written in months_matches(text_l, anchor.start()):
            code = months_so_far(months, _year(written, ref_year))
            if code is not None:
                found.append((start, 1, code))
                break
    mm = _dated(NINE_M_RE, text_l, ref_year, 1) if has_month else None
    if mm and (y := _year(mm.group(1), ref_year)):
        found.append((mm.start(), 1, f"{y}-9M"))
    mm = _dated(QUARTER_RE, text_l, ref_year, 2) if "quý" in text_l or "quí" in text_l else None
    if mm and (y := _year(mm.group(2), ref_year)):
        found.append((mm.start(), 1, f"{y}-Q{ROMAN_QUARTERS[mm.group(1)]}"))
    if has_term and term:
        mm = SECOND_HALF_RE.search(text_l)
        if mm:
            found.append((mm.start(), 1, f"{term.code}-second-half"))
        mm = MID_TERM_RE.search(text_l)
        if mm and not SECOND_HALF_RE.match(text_l, mm.start()):
            found.append((mm.start(), 1, f"{term.code}-mid"))
        mm = TERM_START_RE.search(text_l)
        if mm:
            found.append((mm.start(), 1, f"{term.code}-start"))
    mm = TERM_RE.search(text_l) if has_term else None
    if mm and is_party_term(int(mm.group(1)), int(mm.group(2))):
        found.append((mm.start(), 2, f"term-{mm.group(1)}-{mm.group(2)}"))
    mm = H2_RE.search(text_l) if has_month else None
    if mm and (y := _year(mm.group(1), ref_year)):
        found.append((mm.start(), 1, str(y)))
    mm = YEAR_RE.search(text_l) if "năm" in text_l else None
    if mm:
        found.append((mm.start(), 3, mm.group(1)))
    if not found:
        return None
    if specific_first:  # a document's opening: "Ngày 03 tháng 8 năm 2023 … 6 tháng đầu năm 2023" is H1
        ranked = sorted((p, o, c) for o, p, c in found if p > 0)  # a running total is not a default
        return (ranked[0][1], ranked[0][2]) if ranked else None
    offset, _, code = min(found)
    return offset, code


def _dated(rx: re.Pattern[str], text_l: str, ref_year: int | None, *groups: int) -> re.Match[str] | None:
    """The first match of `rx`, or with no reference year the first whose year groups hold a year."""
    first = rx.search(text_l)
    if first is None or ref_year is not None or any(first.group(g) for g in groups):
        return first
    return next((m for m in rx.finditer(text_l, first.end()) if any(m.group(g) for g in groups)), None)


def year_of(code: str | None) -> int | None:
    """The calendar year a period code points at (the end year for a term)."""
    if not code:
        return None
    if code.startswith("as-of:"):
        return int(code[6:10])
    if code.startswith("term-"):
        return int(code[10:14])
    m = _LAST_YEAR_RE.search(code)
    return int(m.group(1)) if m else None


@lru_cache(maxsize=256)
def term_of(code: str | None) -> Term | None:
    """The term a term-based period code belongs to."""
    if code and code.startswith("term-"):
        return Term(int(code[5:9]), int(code[10:14]))
    return None


# --- the document's own periods -----------------------------------------------------------------

OPENING = 2500  # the first characters say what the document reports on
_S = r"[^\S\n]"
_DATE_NUMERIC = re.compile(rf"(?<![0-9/])([0-9]{{1,2}})[/.-]([0-9]{{1,2}})[/.-]{_Y}(?![0-9])")
_DATE_ISO = re.compile(rf"(?<![0-9]){_Y}-([0-9]{{1,2}})(?:-([0-9]{{1,2}}))?(?![0-9])")
# a page header with a two-digit year: "Thứ tư, 12-2-25 04:00:47"
_DATE_WEEKDAY = re.compile(
    rf"(?:thứ{_S}+(?:hai|ba|tư|năm|sáu|bảy)|chủ{_S}+nhật),?{_S}+([0-9]{{1,2}})[/.-]([0-9]{{1,2}})[/.-]([0-9]{{2}})(?![0-9])"
)
# a date that belongs to a cited document ("theo Nghị quyết 830 … ngày 17/12/2019"), not to the page
_CITED = re.compile(
    rf"(?:nghị{_S}+quyết|quyết{_S}+định|thông{_S}+tư|chỉ{_S}+thị|công{_S}+văn|kế{_S}+hoạch{_S}+số|theo)[^\n.;]*$"
)
# a running total's end (`Theo UBND quận, tính đến cuối tháng 9/2013`) is the text's date, not a cited one
_RUNNING_TO = re.compile(rf"(?:đến|tới)(?:{_S}+(?:hết|cuối))?(?:{_S}+ngày)?{_S}*$")
_DATE_WORDS = re.compile(rf"ngày{_S}+([0-9]{{1,2}}){_S}+tháng{_S}+([0-9]{{1,2}}){_S}+năm{_S}+{_Y}")
# a month without its day (`tính đến cuối tháng 9/2013`, `tháng 6 năm 2018`): (month, year)
_DATE_MONTH = re.compile(rf"tháng{_S}+([0-9]{{1,2}}){_S}*(?:/|năm){_S}*{_Y}(?![0-9])")
# an English date line (`Sunday, August 11, 2019`): (month name, year)
_DATE_ENGLISH = re.compile(
    rf"(january|february|march|april|may|june|july|august|september|october|november|december)"
    rf"{_S}+[0-9]{{1,2}}(?:st|nd|rd|th)?,?{_S}+{_Y}(?![0-9])"
)
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_CONGRESS = re.compile(rf"(?<!\w)đại{_S}+hội(?!\w)")
# a result's tense (`Đảng bộ … đã tập trung …`), not the targets it set (`đã đề ra 15 chỉ tiêu`)
_TARGET_VERB = "|".join(w.replace(" ", rf"{_S}+") for w in TERM_TARGET_VERBS)
_DONE = re.compile(rf"(?<!\w)đã(?!\w)(?!{_S}+(?:{_TARGET_VERB})(?!\w))")
_RESOLUTION_OF = re.compile(rf"nghị{_S}+quyết{_S}*$")  # `Nghị quyết Đại hội …`: a congress's resolution
# the term just past, named without its years (`Nhiệm kỳ qua`, `Sau 5 năm, …`)
_TERM_PAST = re.compile(
    rf"(?<!\w)(?:nhiệm{_S}+kỳ{_S}+qua|cả{_S}+nhiệm{_S}+kỳ|5{_S}+năm{_S}+qua|sau{_S}+5{_S}+năm)(?!\w)"
)
# the new term named without its years (`đặt ra mục tiêu nhiệm kỳ mới`): on a congress's page, the one it
# opens, so the page looks back on the term ending in its year (not on a page of a new term's first year)
_TERM_NEW = re.compile(rf"(?<!\w)nhiệm{_S}+kỳ{_S}+mới(?!\w)")
_FRONTED_TERM = re.compile(rf"nhiệm{_S}+kỳ{_S}*{_Y}{_DASH}{_Y}{_S}*,")
# the term looked back on as a whole (`nhiệm kỳ qua`, `cả nhiệm kỳ`): a page naming its term closes it
_LOOKED_BACK = re.compile(rf"(?<!\w)(?:nhiệm{_S}+kỳ{_S}+qua|cả{_S}+nhiệm{_S}+kỳ|5{_S}+năm{_S}+qua)")
# a council session naming its term reviews it when it looks back on it or holds a review (`tổng kết`); a
# review elsewhere in the opening closes no term by itself (`tổng kết công tác năm 2022`: a year's), only
# in the term's own sentence (`_REVIEWED`)
_CLOSING = re.compile(rf"(?<!\w)tổng{_S}+kết|{_LOOKED_BACK.pattern}")
# the first N months: `5 tháng đầu năm 2023`, and with its year written after it `7 tháng năm 2024`, `7
# tháng/2024`, `bảy tháng năm 2023` (a statistics office's monthly report `tháng 7, 7 tháng năm 2024`, as
# `6 tháng năm 2019` is the half and `9 tháng năm 2019` nine months); a bare `7 tháng` is a duration.
# the words are found from `tháng` (a literal, skipped to at C speed), the count read back from there
_MONTH_COUNT_WORDS = {"hai": 2, "bốn": 4, "bảy": 7, "tám": 8, "mười": 10, "mười một": 11}
_FIRST_MONTHS = re.compile(
    rf"tháng(?:{_S}+đầu{_S}+năm(?:{_S}+{_Y})?|{_S}+năm{_S}+{_Y}(?![0-9])|{_S}*/{_S}*{_Y}(?![0-9]))"
)
# the count right before `tháng`: digits (not the end of a longer number) or a word (`mười bảy` is no seven)
_MONTH_COUNT = re.compile(
    rf"(?:(?<![0-9])([0-9]{{1,2}})|(?<!\w)(mười{_S}+một|(?:hai|bốn|bảy|tám)(?<!mười{_S}hai)(?<!mười{_S}bốn)"
    rf"(?<!mười{_S}bảy)(?<!mười{_S}tám)|mười)){_S}+$"
)
_MONTH_COUNT_BACK = 14  # how far before `tháng` its count may start (`mười một `)


def months_matches(text_l: str, pos: int = 0) -> Iterator[tuple[int, int, int, str | None]]:
    """The first N months whose `tháng` is written from `pos` on, in order, as (start, end, N, the year
    written or None)."""
    for m in _FIRST_MONTHS.finditer(text_l, pos):
        count = _MONTH_COUNT.search(text_l, max(0, m.start() - _MONTH_COUNT_BACK), m.start())
        if count is not None:
            raw = count.group(1) or " ".join(count.group(2).split())
            n = int(raw) if raw.isdigit() else _MONTH_COUNT_WORDS[raw]
            yield count.start(), m.end(), n, m.group(1) or m.group(2) or m.group(3)


_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True)
class DocPeriods:
    """What a document reports on: the default period of its results and of its targets."""

    actual: str | None
    target: str | None
    term: Term | None
    ref_year: int | None


def document_date(text_l: str) -> tuple[int, int] | None:
    """(year, month) of the first date written in the document's first lines (its issue or post date)."""
    # asked once per figure: remembered by the text's identity, not re-read from a fresh slice each time
    last = _LAST_DATE[0] if _LAST_DATE else None
    if last is not None and last[0] is text_l:
        return last[1]
    found = _head_date(text_l[:250])  # the page's date lines; a date further down is a date in the body
    _LAST_DATE[:] = [(text_l, found)]
    return found


_LAST_DATE: list[tuple[str, tuple[int, int] | None]] = []


@lru_cache(maxsize=64)
def _head_date(head: str) -> tuple[int, int] | None:
    found = []
    for rx, order in (
        (_DATE_NUMERIC, (2, 1)),
        (_DATE_WORDS, (2, 1)),
        (_DATE_ISO, (0, 1)),
        (_DATE_WEEKDAY, (2, 1)),
        (_DATE_MONTH, (1, 0)),
        (_DATE_ENGLISH, (1, 0)),
    ):
        cited = (
            c
            for c in rx.finditer(head)
            if _RUNNING_TO.search(head, max(0, c.start() - 20), c.start())
            or not _CITED.search(head, max(0, c.start() - 80), c.start())
        )
        m = next(cited, None)
        if m:
            raw_month = m.group(order[1] + 1)
            year = int(m.group(order[0] + 1))
            month = _MONTH_NAMES.index(raw_month) + 1 if raw_month.isalpha() else int(raw_month)
            year += 2000 if year < 100 else 0  # "Thứ tư, 12-2-25"
            if 1 <= month <= 12:
                found.append((m.start(), year, month))
    if not found:
        return None
    _, year, month = min(found)
    return year, month


def without_comparisons(text_l: str) -> str:
    """The text with baseline years blanked out, same offsets: a comparison (`so với cùng kỳ năm 2020`)
    and the start of a span (`từ năm 2011 đến nay`) name the year a figure is measured against or
    summed from, not the period it reports (the gold rules: a span takes the report's year)."""
    if "so" not in text_l and "từ" not in text_l:  # the literals a baseline opens with
        return text_l
    return _BASELINE.sub(lambda m: " " * len(m.group()), text_l)


# "Kỳ họp thứ Hai khóa IX, nhiệm kỳ 2021 – 2026": the term names a council session, it does not date it
_SESSION = re.compile(rf"(?<!\w)(?:kỳ{_S}+họp|khóa)(?!\w)[^.\n]*$")
_COMPARISON = re.compile(
    rf"so{_S}+(?:với{_S}+)?(?:cùng{_S}+kỳ{_S}+)?(?:[^\n.;,]{{0,30}}?)(?:năm|kỳ){_S}+{_Y}"
)
# `giá so sánh năm 2010`: constant prices of a base year, the unit a value is measured in, not a comparison
# that dates the text (blanked with the comparisons all the same: it is no year of the text's own either)
_PRICE_BEFORE = re.compile(rf"(?<!\w)giá{_S}+$")


def _first_comparison(text_l: str) -> re.Match[str] | None:
    """The first comparison with a year (`so với cùng kỳ năm 2020`) that is no price base (`giá so sánh năm
    2010`), or None."""
    for m in _COMPARISON.finditer(text_l):
        if _PRICE_BEFORE.search(text_l, max(0, m.start() - 8), m.start()) is None:
            return m
    return None


# `{_COMPARISON}|(?<!\w)(?:kể{_S}+)?từ{_S}+năm{_S}+{_Y}(?![0-9])`, every branch opening with a literal
_SPAN_FROM = rf"{_S}+năm{_S}+{_Y}(?![0-9])"
_BASELINE = re.compile(
    "|".join(
        (
            _COMPARISON.pattern,
            not_after(("kể",), (r"\w",)) + rf"{_S}+từ{_SPAN_FROM}",
            not_after(("từ",), (r"\w",)) + _SPAN_FROM,
        )
    )
)


def _subyear(own: str, date_year: int | None) -> tuple[int, str] | None:
    """The first sub-year period (first 3, 6 or 9 months, a quarter, the first N months) and its offset.

    A phrase without its year takes the year written next to it (`6 tháng đầu năm, phương hướng 6
    tháng cuối năm 2010`), else the page's year.
    """
    candidates = []
    parts = []
    for rx in (H1_RE, NINE_M_RE, QUARTER_RE):
        m = rx.search(own)
        if m:
            found = phrase_period(m.group(0), _year_near(own, m.end(), date_year), None)
            if found:
                candidates.append((m.start(), found[1]))
                parts.append((m.start(), found[1]))
    if len(parts) > 1:
        # parts named together (`quý II và 6 tháng năm 2019`, `tháng 06, quý II và 6 tháng đầu năm`, `9 tháng
        # đầu năm; bàn nhiệm vụ quý IV-2019`): the report is of the longest part, not of the quarter that
        # ends it or the one it plans for
        first = min(parts)
        longest = max(parts, key=lambda p: _PART_MONTHS.get(p[1][4:], 0))
        if _together(own, first[0], longest[0]) and _quarter_ends(first[1], longest[1]):
            candidates.remove(first)
    for start, end, months, written in months_matches(own):
        year = int(written) if written else _year_near(own, end, date_year)
        code = months_so_far(months, year)
        if code is not None:
            candidates.append((start, code))
            break
    for m in as_of_matches(own, 0, candidates[0][0] if candidates else None):
        # a running total to the last day of a part (`ước tính đến ngày 30-9, tổng diện tích …`, `tính đến
        # cuối tháng 6/2018, …`) is that part, as it is for the figure it dates
        code = as_of(m, date_year)
        if code is not None and code[-3:] in ("-Q1", "-H1", "-9M"):
            candidates.append((m.start(), code))
            break
    return min(candidates) if candidates else None


# `trong 3 tháng qua`, `trong 9 tháng,`: a count of months with no year and no `đầu năm` (`_FIRST_MONTHS`)
_MONTHS_PAST = re.compile(
    rf"(?<!\w)trong{_S}+(3|6|9|03|06|09|ba|sáu|chín){_S}+tháng(?!\w)(?!{_S}*(?:đầu|cuối|năm|tới|còn|[0-9/]))"
)
_MONTHS_WORDS = {"ba": 3, "sáu": 6, "chín": 9}


def _months_past(own: str, page: tuple[int, int]) -> tuple[int, str] | None:
    """The quarter, half or nine months a page dated at or just after its end reports on when its opening says
    only `trong 3 tháng (qua)` (a page of 8/4/2021: `2021-Q1`), and the phrase's offset; None otherwise."""
    if "tháng" not in own:
        return None
    for m in _MONTHS_PAST.finditer(own):
        months = _MONTHS_WORDS.get(m.group(1)) or int(m.group(1))
        if page[1] in (months, months + 1):
            return m.start(), f"{page[0]}{_MONTH_END_PARTS[months]}"
    return None


def months_so_far(months: int, year: int | None) -> str | None:
    """`N tháng đầu năm` that is no half or nine months (`2 tháng đầu năm`, `11 tháng đầu năm`): a running
    total to the end of its month (`3 tháng` is the first quarter); None for 6, 9 or 12 months (the
    patterns of their own) or without a year."""
    if year is None or months not in (1, 2, 3, 4, 5, 7, 8, 10, 11):
        return None
    if months == 3:
        return f"{year}-Q1"
    return f"as-of:{year:04d}-{months:02d}-{_DAYS_IN_MONTH[months - 1]:02d}"


def _year_near(own: str, pos: int, date_year: int | None) -> int | None:
    """The year written after a yearless part (`năm 2010`, or with the next part: `quý IV-2019`), else the
    page's."""
    after = _OWN_YEAR.search(own, pos, pos + 200)
    quarter = _QUARTER_YEAR.search(own, pos, pos + 200)
    if quarter and (after is None or quarter.start() < after.start()):
        return int(quarter.group(1))
    if after:
        return int(after.group(1))
    return date_year


_QUARTER_YEAR = re.compile(rf"{_QUARTER_WORD}(?:iv|i{{1,3}}|[1-4])[^\S\n]*[/.–-][^\S\n]*{_Y}(?![0-9])")
_PART_MONTHS = {"-Q1": 3, "-Q2": 3, "-Q3": 3, "-Q4": 3, "-H1": 6, "-9M": 9}


def _together(own: str, a: int, b: int) -> bool:
    """Whether two offsets are in one sentence or line."""
    lo, hi = min(a, b), max(a, b)
    return not re.search(r"[.!?\n]", own[lo:hi])


def _quarter_ends(quarter: str, longer: str) -> bool:
    """Whether `quarter` is a quarter of the same year ending with or after the longer part `longer`."""
    if quarter[4:6] != "-Q" or longer[4:] not in ("-H1", "-9M") or quarter[:4] != longer[:4]:
        return False
    return int(quarter[6]) * 3 >= _PART_MONTHS[longer[4:]]


def _fronted(opening: str, term_at: re.Match[str] | None, term: Term) -> bool:
    """Whether the term fronts its sentence (`Nhiệm kỳ 2020-2025, Đảng bộ … đã đạt …`): the sentence
    reviews it."""
    if term_at is None or int(term_at.group(1)) != term.start:
        return False
    at = term_at.start()
    return (at == 0 or opening[at - 1] in "\n. ") and _FRONTED_TERM.match(opening, at) is not None


def _clause(text: str, pos: int) -> str:
    """The next 80 characters from `pos` up to the end of their sentence or line."""
    return re.split(r"[.!?\n]", text[pos : pos + 80], maxsplit=1)[0]


def _congress_term(opening: str) -> re.Match[str] | None:
    """The first term named with its congress (`Đại hội … lần thứ XVIII, nhiệm kỳ 2025-2030`), not with a
    congress's resolution (`Nghị quyết Đại hội … nhiệm kỳ 2015 - 2020`, the term being carried out)."""
    for at in TERM_RE.finditer(opening):
        for congress in _CONGRESS.finditer(opening, max(0, at.start() - 80), at.start()):
            if not _RESOLUTION_OF.search(opening, max(0, congress.start() - 12), congress.start()):
                return at
    return None


def _carried_out(own: str, term_at: re.Match[str] | None, term: Term) -> bool:
    """Whether the term is named only as a congress's resolution's (`Nghị quyết Đại hội … nhiệm kỳ 2020-2025`)
    after the opening has named a year of its own inside it (`cuối năm 2024, huyện còn 1.950 hộ nghèo`): the
    term being carried out, which the page neither opens nor closes."""
    if term_at is None or int(term_at.group(1)) != term.start:
        return False
    congresses = list(_CONGRESS.finditer(own, max(0, term_at.start() - 80), term_at.start()))
    congress = congresses[-1] if congresses else None  # the congress nearest the term
    if congress is None or not _RESOLUTION_OF.search(own, max(0, congress.start() - 12), congress.start()):
        return False
    return any(term.start < int(y.group(1)) <= term.end for y in _OWN_YEAR.finditer(own, 0, term_at.start()))


def _closing_or_congress(opening: str, m: re.Match[str] | None) -> str | None:
    """`closing` when the term (`m`, where the opening names it) is named as the one being reviewed,
    `congress` when a congress opens it."""
    before = opening[max(0, m.start() - 100) : m.start()] if m else ""
    before = re.split(r"[.!?\n]", before)[
        -1
    ]  # within the term's own sentence ("Nhiệm kỳ qua, … kết quả …. Nhiệm kỳ 2025 - 2030, …")
    reviews = [r.start() for r in _REVIEWED.finditer(before)]
    # the congress the term is named with (`Đánh giá nhiệm kỳ qua, Đại hội … lần thứ I, nhiệm kỳ 2025 -
    # 2030 khẳng định …`) opens it though a review opens the sentence: that review is of the term before;
    # not a congress's resolution (`Đánh giá kết quả thực hiện Nghị quyết Đại hội … nhiệm kỳ 2020-2025`)
    congresses = [
        c.start()
        for c in _CONGRESS.finditer(before)
        if not _RESOLUTION_OF.search(before, max(0, c.start() - 12), c.start())
    ]
    if congresses and (not reviews or congresses[-1] > reviews[-1]):
        return "congress"
    if reviews:
        return "closing"
    if _CONGRESS.search(before):
        return "congress"
    return None


def document_periods(
    text_l: str, meta_default: str | None, ref_year: int | None, page: tuple[int, int] | None = None
) -> DocPeriods:
    """Default periods of results and targets from the document's opening (the gold rules' `period`).

    A congress for the term X-Y reviews the term before it (its results are `term-(X-5)-X`) and
    sets targets for X-Y; a term review closes its term; a report on the first 3, 6 or 9 months or
    a quarter is that period, its targets the year; a year report is that year, its targets the next.
    A year only named as part of a status (`đạt chuẩn nông thôn mới năm 2022` in a 2024 article)
    does not date the article. Without a period of its own, a comparison dates the document (`so với
    cùng kỳ năm 2020` -> 2021). The page's date (`page`) is when the text was written, as a date line
    at its top: the year it reports on only when the opening names none of its own.
    """
    opening = text_l[:OPENING]
    date = page or document_date(text_l)  # the page's date line (`page`, when the cleaner took it out)
    year = ref_year or (date[0] if date else None)
    terms = terms_in(opening, party_only=False)
    term = terms[0] if terms else None
    term_at = TERM_RE.search(opening)
    named = _congress_term(opening)
    if named is not None and is_named_term(int(named.group(1)), int(named.group(2))):
        # the term a congress is named with (`Đại hội đại biểu Đảng bộ xã … nhiệm kỳ 2020-2025`) is the
        # document's, over a term named before it (a site's banner `Quyết tâm thực hiện thắng lợi Nghị
        # quyết Đại hội … nhiệm kỳ 2015 - 2020`, the new committee's `khóa XVIII, nhiệm kỳ 2025-2030`)
        term, term_at = Term(int(named.group(1)), int(named.group(2))), named
    if meta_default and meta_default.startswith("term-") and meta_default.endswith("-mid"):
        return DocPeriods(meta_default, meta_default[:14], term_of(meta_default), year)
    own = without_comparisons(opening)
    if named is None and term is not None and _carried_out(own, term_at, term):
        term = None
    first_year = date[0] if date else year
    sub_first = _subyear(own, first_year)
    session = term_at is not None and _SESSION.search(opening, max(0, term_at.start() - 60), term_at.start())
    if sub_first is not None and (
        term_at is None or sub_first[0] < term_at.start() or term_at.start() > 300 or session
    ):
        term = None  # "… 6 tháng đầu năm 2020 …" before any term: a half-year report that names a term
    if session and term is not None and term_at is not None and int(term_at.group(1)) == term.start:
        # "HĐND xã … khóa XII, nhiệm kỳ 2021 – 2026 tổ chức kỳ họp": the term names the council, unless
        # the session reviews it (`tổng kết hoạt động HĐND … khóa XXIV, nhiệm kỳ 2021 - 2026`); a congress
        # of a `khóa` opens its term (`Đại hội Đảng bộ khóa XIII, nhiệm kỳ 2020-2025`)
        congress = _CONGRESS.search(opening, max(0, term_at.start() - 80), term_at.start())
        term = term if congress or _CLOSING.search(opening) else None
    kind = _closing_or_congress(opening, term_at) if term is not None else None
    fronted = term is not None and _fronted(opening, term_at, term)
    # a term fronting a sentence of results (`… cho biết, trong nhiệm kỳ 2015-2020, Đảng bộ … đã …`) is the
    # one a congress reviews, not the one it opens
    done = fronted and term_at is not None and _DONE.search(_clause(opening, term_at.end())) is not None
    opens = term is not None and kind != "closing" and not done and _OPENS_TERM.search(opening) is not None
    if term is not None and opens and (year is None or year <= term.start + 1):
        five = term.end - term.start == 5
        previous = f"term-{term.start - 5}-{term.start}" if five else str(year or term.start)
        return DocPeriods(previous, term.code, term, year)
    closes = term is not None and (kind == "closing" or fronted or _LOOKED_BACK.search(opening) is not None)
    if term is not None and closes and (year is None or year >= term.end - 1 or kind == "closing"):
        following = f"term-{term.end}-{term.end + 5}" if term.end - term.start == 5 else None
        return DocPeriods(term.code, following, term, year)
    if (
        term is None
        and year is not None
        and year % 5 in (0, 1)
        and (_TERM_PAST.search(own) or (_TERM_NEW.search(own) and _CONGRESS.search(opening)))
    ):
        # "Nhiệm kỳ qua, …" in a page of 2025 that writes no term: the term ending in its year (a Party
        # term ends in 2020, 2025, a council's in 2021, 2026), the next one its targets'
        return DocPeriods(f"term-{year - 5}-{year}", f"term-{year}-{year + 5}", Term(year - 5, year), year)
    years = [int(y) for y in _OWN_YEAR.findall(own)]
    if date is None and year is None and years:
        # an undated text that goes on to a later year's results (`Đến hết năm 2022, thu nhập … đã đạt 70,4
        # triệu đồng, năm 2023 đạt 74,3 triệu đồng`) is of the latest year it reports achieved
        achieved = max(achieved_years(own), default=0)
        if achieved > years[0]:
            years = [achieved] + [y for y in years if y > achieved]
        elif years[0] - 1 in years[1:] and _plan_year_first(own):
            # an undated text that opens on the year a plan is for (`Hội nghị giao chỉ tiêu kế hoạch … năm
            # 2025.`, `Ký kết giao ước thi đua năm 2020.`) and goes on to the year before it reports on that
            # year (`Năm 2024, … đã thực hiện …`)
            years = [years[0] - 1]
    reported = [int(m.group(1)) for m in _REPORTED_YEAR.finditer(own)]
    if date and years and date[1] <= 3 and years[0] == date[0] and date[0] - 1 in years:
        # a page of a year's first months that names the year before too reports on it, also when its own
        # year comes first (`mừng Xuân … năm 2026` … `năm 2025, …`; a resolution for the new year)
        years = [date[0] - 1]
    if date and years and years[0] < date[0] and not reported:
        # "công nhận … đạt chuẩn nông thôn mới năm 2022" in a 2024 article; an article of the first
        # months of a year that names the year before reports on it (`12-2-25` … `năm 2024`)
        years = [date[0] - 1] if date[1] <= 3 and date[0] - 1 in years else [date[0]]
    if date and years and years[0] > date[0]:
        # a year ahead of the page's date is the year a plan is for (`Nghị quyết … nhiệm vụ năm 2020` of
        # 1/12/2019): the article is of the first year it names up to its date, else of its own year
        years = [y for y in years if y <= date[0]] or [date[0]]
    if years and (year is None or years[0] <= year):
        year = years[0] if year is None or years[0] < year else year
    elif not years and year is None:
        compared = _first_comparison(opening)
        if compared:
            year = int(compared.group(1)) + 1
            before = phrase_period(compared.group(0), None, None)
            if before and not before[1].isdigit() and before[1][:4].isdigit():
                return DocPeriods(f"{year}{before[1][4:]}", str(year), term, year)
    sub_year = date[0] if date else year
    # the same question as `sub_first`'s unless the year changed since: not read twice (a tenth of a ms)
    sub = sub_first if sub_year == first_year else _subyear(own, sub_year)
    if sub is None and date is not None and (not years or years[0] == date[0]):
        sub = _months_past(own, date)
    if sub is not None:
        return DocPeriods(sub[1], sub[1][:4] if sub[1][:4].isdigit() else None, term, year)
    if years:
        first = years[0]
        later = [y for y in years if y > first]
        # an opening whose only year is the one a plan is for (`thông qua nghị quyết về nhiệm vụ phát triển
        # kinh tế - xã hội năm 2025`, `Nghị quyết về 24 chỉ tiêu … năm 2025`): its targets are of that year,
        # not the next (`đánh giá … nhiệm vụ năm 2021, triển khai nhiệm vụ năm 2022` names the plan's year)
        planned = not later and _first_own_year(own) == first and _plan_year_first(own)
        target = first if planned else (later[0] if later else first + 1)
        return DocPeriods(str(first), str(target), term, year or first)
    if meta_default and date is not None and term is not None and term_of(meta_default) == term:
        # a dated page naming the term it is carrying out (neither opened nor closed here) and no period of
        # its own: its date's year (`Sáng 17/9, Đảng bộ xã … quán triệt Nghị quyết Đại hội …, nhiệm kỳ
        # 2025-2030`), not the term
        return DocPeriods(str(date[0]), None, term, year)
    if meta_default:
        return DocPeriods(meta_default, None, term, year)
    return DocPeriods(str(year) if year else None, str(year + 1) if year else None, term, year)


# "năm 2023 đạt 74,3 triệu đồng", "đến cuối năm 2016, huyện có 5/5 xã": a year's result, a running total
# to a year's end with its figure (not `năm 2023 đạt chuẩn …`, a status)
_ACHIEVED_YEAR = re.compile(
    rf"năm(?<!từ năm)(?<!kỳ năm)(?<!đoạn năm){_S}+{_Y}{_S}*,?{_S}*(?:đã{_S}+|ước{_S}+)?đạt{_S}+"
    rf"(?:được{_S}+)?[0-9]"
    rf"|(?:đến|tới){_S}+(?:hết|cuối){_S}+năm{_S}+{_Y}(?![0-9])[^.;:\n0-9]{{0,80}}?(?<!\w)(?:có|đạt){_S}+[0-9]"
)
# a target's words before a year's result in its sentence (`Dự kiến đến hết năm 2020 có thêm 10 xã …`)
_ACHIEVED_NOT_AFTER = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in FORECAST_WORDS)})(?!\w)")
# plan words before a year in its sentence: the year the plan is for (`_plan_year_first`)
_PLAN_YEAR_BEFORE = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in PLAN_YEAR_WORDS)})(?!\w)")


def _first_own_year(own: str) -> int | None:
    """The first year the text names as its own, or None."""
    first = _OWN_YEAR.search(own)
    return int(first.group(1)) if first else None


def _plan_year_first(own: str) -> bool:
    """Whether the first year the text names closes a sentence that sets a plan for it (a plan word between
    the sentence's start and the year: `giao chỉ tiêu kế hoạch … năm 2025`)."""
    first = _OWN_YEAR.search(own)
    if first is None:
        return False
    start = max(own.rfind(".", 0, first.start()), own.rfind("\n", 0, first.start()), 0)
    return _PLAN_YEAR_BEFORE.search(own, start, first.start()) is not None


def achieved_years(own: str) -> list[int]:
    """The years whose results the text reports achieved, in order, leaving out forecasts and targets."""
    found = []
    for m in _ACHIEVED_YEAR.finditer(own):
        start = max(own.rfind(".", 0, m.start()), own.rfind("\n", 0, m.start()), 0)
        if _ACHIEVED_NOT_AFTER.search(own, start, m.end()) is None:
            found.append(int(m.group(1) or m.group(2)))
    return found


# a congress, or the target list of a new term ("CÁC CHỈ TIÊU CHỦ YẾU TRONG NHIỆM KỲ 2020-2025"); not a
# congress's resolution (`quán triệt Nghị quyết Đại hội … nhiệm kỳ 2025-2030`, `triển khai thực hiện Nghị
# quyết Đại hội`): a page carrying it out holds no congress. A bare `mục tiêu` opens nothing: a year's
# results are measured against one (`đạt 101,9% mục tiêu nghị quyết`) in a page naming the term it is in
_OPENS_TERM = re.compile(rf"(?<!\w)(?:đại(?<!nghị quyết đại){_S}+hội|chỉ{_S}+tiêu{_S}+chủ{_S}+yếu)(?!\w)")
_REVIEWED = re.compile(
    rf"(?<!\w)(?:tổng{_S}+kết|kết{_S}+quả|thực{_S}+hiện{_S}+nghị{_S}+quyết|đánh{_S}+giá|báo{_S}+cáo)(?!\w)"
)
# a year the opening reports on (`kết quả thực hiện nhiệm vụ năm 2023`, `cả năm 2023`): the words whole, not
# inside another word (`cải cách hành chính năm 2022`, `cảnh quan`)
_REPORTED_YEAR = re.compile(
    rf"(?:(?<!\w)(?:kết{_S}+quả|tổng{_S}+kết|đánh{_S}+giá|tình{_S}+hình|thực{_S}+hiện|báo{_S}+cáo|trong|cả)"
    rf"(?!\w)[^.\n]{{0,40}}?)năm{_S}+{_Y}"
)
_OWN_YEAR = re.compile(rf"năm(?<!kỳ năm)(?<!đoạn năm)(?<!từ năm){SCHOOL}{_Y}(?![0-9])")
