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

from ingest.extract.vocab import CONGRESS_REPORT_WORDS, FORECAST_WORDS, PARTY_CONGRESS_WORDS, ROMAN_QUARTERS

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
    # "tính đến hết tháng 8/2018": the running total to the month's last day
    rf"|(?:tính[^\S\n]+)?(?:đến|tới)[^\S\n]+(?:hết|cuối)[^\S\n]+tháng[^\S\n]+([0-9]{{1,2}})"
    rf"(?:[^\S\n]*/[^\S\n]*|[^\S\n]+năm[^\S\n]+){_Y}(?![0-9])"
)
# Every AS_OF_RE match opens with one of these words; the pattern itself opens with an optional group,
# which makes the engine try every position, so `as_of_matches` jumps between these words instead.
_AS_OF_START = re.compile(r"tính|đến|tới")
H1_RE = re.compile(
    rf"{not_after(('6', '06', 'sáu'), ('[0-9/]',))}[^\S\n]+tháng[^\S\n]+đầu[^\S\n]+năm(?:[^\S\n]+{_Y})?"
    rf"|nửa[^\S\n]+đầu[^\S\n]+năm(?:[^\S\n]+{_Y})?"
)
H2_RE = re.compile(
    rf"{not_after(('6', '06', 'sáu'), ('[0-9/]',))}[^\S\n]+tháng[^\S\n]+cuối[^\S\n]+năm(?:[^\S\n]+{_Y})?"
)
NINE_M_RE = re.compile(
    rf"{not_after(('9', '09', 'chín'), ('ngày ', '[0-9/]'))}[^\S\n]+tháng(?![^\S\n]*[0-9])"
    rf"(?:[^\S\n]+đầu[^\S\n]+năm)?(?:[^\S\n]+(?:năm[^\S\n]+)?{_Y})?"
)
# `quí` is the older spelling of `quý`, still common in provincial news ("quí I năm nay")
QUARTER_RE = re.compile(rf"qu[ýí][^\S\n]+(iv|i{{1,3}}|[1-4])(?![\w])(?:[^\S\n]*(?:năm|/|[-–])[^\S\n]*{_Y})?")
TERM_RE = re.compile(rf"nhiệm[^\S\n]+kỳ[^\S\n]*(?:\(?[^\S\n]*){_Y}{_DASH}{_Y}")
SPAN_RE = re.compile(rf"\(?[^\S\n]*{_Y}{_DASH}{_Y}[^\S\n]*\)?")
MID_TERM_RE = re.compile(r"(?:sơ kết |đánh giá )?(?:giữa|nửa(?:[^\S\n]+đầu)?)[^\S\n]+nhiệm[^\S\n]+kỳ")
SECOND_HALF_RE = re.compile(r"nửa[^\S\n]+(?:cuối|sau)[^\S\n]+nhiệm[^\S\n]+kỳ")
TERM_START_RE = re.compile(r"(?<!so )(?<!so với )(?<!từ )(?<!nửa )đầu[^\S\n]+nhiệm[^\S\n]+kỳ")
# a school year `năm học 2022 - 2023` ends in (and is dated by) its second year
_SCHOOL_YEAR = rf"[^\S\n]+học[^\S\n]+(?:(?:19|20)[0-9]{{2}}{_DASH}(?=(?:19|20)[0-9]{{2}}))?"
# `từ năm 2018 (đến nay)` opens a span that runs to the text's own time: it is not the period
# Patterns open with their literal (`năm`) and look behind it: a leading look-behind would make the engine
# try every position instead of jumping between occurrences of the literal.
YEAR_RE = re.compile(rf"năm(?<!từ năm)(?:{_SCHOOL_YEAR}|[^\S\n]+){_Y}(?![0-9])")
YEAR_LABEL_RE = re.compile(rf"^[\s\-–•*+]*năm[^\S\n]+{_Y}[^\S\n]*:")
YEAR_AFTER_RE = re.compile(
    rf"[ \t\u00a0,]*(?:\(?[^\S\n]*)?(?:vào[^\S\n]+|trong[^\S\n]+|của[^\S\n]+)?"
    rf"(?:cuối[^\S\n]+)?năm[^\S\n]+{_Y}(?![0-9])"
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


def as_of(match: re.Match[str], ref_year: int | None) -> str | None:
    """`as-of:YYYY-MM-DD` from an AS_OF_RE match; None when the date is impossible or yearless."""
    g = match.groups()
    if g[6]:  # a whole month: its last day
        whole_year, whole_month = int(g[7]), int(g[6])
        if not 1 <= whole_month <= 12:
            return None
        last = calendar.monthrange(whole_year, whole_month)[1]
        return f"as-of:{whole_year:04d}-{whole_month:02d}-{last:02d}"
    day, month, year = (g[0], g[1], g[2]) if g[0] else (g[3], g[4], g[5])
    y = _year(year, ref_year)
    d, m = int(day), int(month)
    if y is None or not (1 <= d <= 31 and 1 <= m <= 12):
        return None
    return f"as-of:{y:04d}-{m:02d}-{d:02d}"


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
    mm: re.Match[str] | None = H1_RE.search(text_l) if has_month or "nửa" in text_l else None
    if mm and (y := _year(mm.group(1) or mm.group(2), ref_year)):
        found.append((mm.start(), 1, f"{y}-H1"))
    mm = NINE_M_RE.search(text_l) if has_month else None
    if mm and (y := _year(mm.group(1), ref_year)):
        found.append((mm.start(), 1, f"{y}-9M"))
    mm = QUARTER_RE.search(text_l) if "quý" in text_l or "quí" in text_l else None
    if mm and (y := _year(mm.group(2), ref_year)):
        found.append((mm.start(), 1, f"{y}-Q{ROMAN_QUARTERS[mm.group(1)]}"))
    mm = _MONTHS_SO_FAR.search(text_l) if has_month and "đầu" in text_l else None
    if mm and (y := _year(mm.group(2), ref_year)) and (code := months_so_far(int(mm.group(1)), y)):
        found.append((mm.start(), 1, code))  # "3 tháng đầu năm 2024" is 2024-Q1
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
        found.append((mm.start(), 3, _school_year(mm, ref_year)))
    if not found:
        return None
    if specific_first:  # a document's opening: "Ngày 03 tháng 8 năm 2023 … 6 tháng đầu năm 2023" is H1
        ranked = sorted((p, o, c) for o, p, c in found if p > 0)  # a running total is not a default
        return (ranked[0][1], ranked[0][2]) if ranked else None
    offset, _, code = min(found)
    return offset, code


def _school_year(m: re.Match[str], ref_year: int | None) -> str:
    """The year of a YEAR_RE match: a school year (`năm học 2023 - 2024`) is the text's own year when it is
    one of its two (an article of autumn 2023 on the year starting), else its end year."""
    end = m.group(1)
    if ref_year is not None and "học" in m.group(0) and str(ref_year) in m.group(0):
        return str(ref_year)
    return end


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
# "ngày 18 tháng 12 năm 2023", and on a date line without `ngày` ("Thứ hai, 18 tháng 12 năm 2023")
_DATE_WORDS = re.compile(rf"(?<![0-9/])([0-9]{{1,2}}){_S}+tháng{_S}+([0-9]{{1,2}}){_S}+năm{_S}+{_Y}")
_CONGRESS = re.compile(rf"(?<!\w)đại{_S}+hội(?!\w)")
_CLOSING = re.compile(rf"(?<!\w)(?:tổng{_S}+kết|nhiệm{_S}+kỳ{_S}+qua|cả{_S}+nhiệm{_S}+kỳ|5{_S}+năm{_S}+qua)")
# `(?<![0-9])` written after the first digit: the pattern opens with a digit, skipped to at C speed
_MONTHS_SO_FAR = re.compile(rf"([0-9](?<![0-9]{{2}})[0-9]?){_S}+tháng{_S}+đầu{_S}+năm(?:{_S}+{_Y})?")
# "(dự kiến 6 tháng đầu năm đạt 70% dự toán)": a forecast of a period, not the period reported on
_FORECAST = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in FORECAST_WORDS)}){_S}*$")
_WHOLE_YEAR_ESTIMATE = re.compile(rf"ước(?<!\wước)(?!\w)[^.\n]{{0,40}}?(?<!\w)cả{_S}+năm(?!{_S}+học)")


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
    found = _page_date(text_l[:DATE_LINE_CHARS])
    _LAST_DATE[:] = [(text_l, found)]
    return found


_LAST_DATE: list[tuple[str, tuple[int, int] | None]] = []


@lru_cache(maxsize=64)
def _page_date(head: str) -> tuple[int, int] | None:
    # the page's date lines; a date further down is a date in the body, unless it stands on a line of
    # its own under a long page header ("… quý ii-2026\n\n19/3/2026\n16 lượt xem")
    found = _head_date(head[:250])
    if found is None and (line := _DATE_LINE.search(head, 250)) is not None:
        month = int(line.group(2))
        return (int(line.group(3)), month) if 1 <= month <= 12 else None
    return found


DATE_LINE_CHARS = 1200  # how far down a page a date line alone on its line is still the post date
_DATE_LINE = re.compile(
    r"^[^\S\n]*\(?[^\S\n]*([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]((?:19|20)[0-9]{2})[^\S\n]*\)?"
    r"(?:[^\S\n]*[-|,]?[^\S\n]*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?[^\S\n]*$",
    re.MULTILINE,
)


@lru_cache(maxsize=64)
def _head_date(head: str) -> tuple[int, int] | None:
    found = []
    for rx, order in (
        (_DATE_NUMERIC, (2, 1)),
        (_DATE_WORDS, (2, 1)),
        (_DATE_ISO, (0, 1)),
        (_DATE_WEEKDAY, (2, 1)),
    ):
        cited = (c for c in rx.finditer(head) if not _CITED.search(head, max(0, c.start() - 80), c.start()))
        m = next(cited, None)
        if m:
            year, month = int(m.group(order[0] + 1)), int(m.group(order[1] + 1))
            year += 2000 if year < 100 else 0  # "Thứ tư, 12-2-25"
            if 1 <= month <= 12:
                found.append((m.start(), year, month))
    if not found:
        return None
    _, year, month = min(found)
    return year, month


def without_comparisons(text_l: str) -> str:
    """The text with comparison phrases blanked out (`so với cùng kỳ năm 2020` is not its period)."""
    return _COMPARISON.sub(lambda m: " " * len(m.group()), text_l)


# "Kỳ họp thứ Hai khóa IX, nhiệm kỳ 2021 – 2026": the term names a council session, it does not date it
_SESSION = re.compile(rf"(?<!\w)(?:kỳ{_S}+họp|khóa)(?!\w)[^.\n]*$")
_COMPARISON = re.compile(
    rf"so{_S}+(?:với{_S}+)?(?:cùng{_S}+kỳ{_S}+)?(?:[^\n.;,]{{0,30}}?)(?:năm|kỳ){_S}+{_Y}"
)


def _subyear(own: str, date_year: int | None) -> tuple[int, str] | None:
    """The first sub-year period (first 3, 6 or 9 months, a quarter, the first N months) and its offset.

    A phrase without its year takes the year written next to it (`6 tháng đầu năm, phương hướng 6
    tháng cuối năm 2010`), else the page's year.
    """
    candidates = []
    for rx in (H1_RE, NINE_M_RE, QUARTER_RE):
        m = rx.search(own)
        while m is not None and _forecast(own, m.start()):
            m = rx.search(own, m.end())
        if m:
            found = phrase_period(m.group(0), _year_near(own, m.end(), date_year), None)
            if found:
                candidates.append((m.start(), found[1]))
    # "… kết quả 11 tháng đầu năm và dự ước khả năng thực hiện cả năm 2019": a year-end report
    counted = _MONTHS_SO_FAR.finditer(own) if _WHOLE_YEAR_ESTIMATE.search(own) is None else iter(())
    for m in counted:
        months = int(m.group(1))
        year = int(m.group(2)) if m.group(2) else _year_near(own, m.end(), date_year)
        code = months_so_far(months, year) if year is not None else None
        if code is not None:
            candidates.append((m.start(), code))
            break
    return min(candidates) if candidates else None


def months_so_far(months: int, year: int) -> str | None:
    """The code of the first N months of a year: 3 months are Q1, other counts a running total to the end
    of the Nth month (`10 tháng đầu năm 2019` -> as-of:2019-10-31); 6 and 9 months have their own
    patterns (H1_RE, NINE_M_RE), 12 is the year."""
    if months == 3:
        return f"{year}-Q1"
    if months in (1, 2, 4, 5, 7, 8, 10, 11):
        return f"as-of:{year:04d}-{months:02d}-{calendar.monthrange(year, months)[1]:02d}"
    return None


def _forecast(own: str, pos: int) -> bool:
    return _FORECAST.search(own, max(0, pos - 20), pos) is not None


def _year_near(own: str, pos: int, date_year: int | None) -> int | None:
    after = _OWN_YEAR.search(own, pos, pos + 200)
    if after:
        return int(after.group(1))
    return date_year


def _closing_or_congress(opening: str, term: Term) -> str | None:
    """`closing` when the term is named as the one being reviewed, `congress` when a congress opens it."""
    m = TERM_RE.search(opening)
    before = opening[max(0, m.start() - 100) : m.start()] if m else ""
    before = re.split(r"[.!?\n]", before)[
        -1
    ]  # within the term's own sentence ("Nhiệm kỳ qua, … kết quả …. Nhiệm kỳ 2025 - 2030, …")
    if _CONGRESS_REPORT.search(before):
        return "congress"  # "Báo cáo chính trị … Đại hội … nhiệm kỳ 2020 - 2025" opens 2020-2025
    if _REVIEWED.search(before):
        return "closing"
    if _CONGRESS.search(before):
        return "congress"
    return None


def document_periods(text_l: str, meta_default: str | None, ref_year: int | None) -> DocPeriods:
    """Default periods of results and targets from the document's opening (the gold rules' `period`).

    A congress for the term X-Y reviews the term before it (its results are `term-(X-5)-X`) and
    sets targets for X-Y; a term review closes its term; a report on the first 3, 6 or 9 months or
    a quarter is that period, its targets the year; a year report is that year, its targets the next.
    A year only named as part of a status (`đạt chuẩn nông thôn mới năm 2022` in a 2024 article)
    does not date the article. Without a period of its own, a comparison dates the document (`so với
    cùng kỳ năm 2020` -> 2021).
    """
    opening = text_l[:OPENING]
    date = document_date(text_l)
    year = ref_year or (date[0] if date else None)
    terms = terms_in(opening, party_only=False)
    term = terms[0] if terms else None
    if meta_default and meta_default.startswith("term-") and meta_default.endswith("-mid"):
        return DocPeriods(meta_default, meta_default[:14], term_of(meta_default), year)
    planned = plan_title_year(opening[:PLAN_TITLE_CHARS])
    if planned is not None:
        return DocPeriods(str(planned - 1), str(planned), term, year or planned - 1)
    own = without_comparisons(opening)
    first_year = date[0] if date else year
    sub_first = _subyear(own, first_year)
    term_at = TERM_RE.search(opening)
    session = term_at is not None and _SESSION.search(opening, max(0, term_at.start() - 60), term_at.start())
    if sub_first is not None and (
        term_at is None or sub_first[0] < term_at.start() or term_at.start() > 300 or session
    ):
        term = None  # "… 6 tháng đầu năm 2020 …" before any term: a half-year report that names a term
    elif session and _CLOSING.search(opening) is None:
        term = None  # "Kỳ họp thứ 13, HĐND … khóa IX, nhiệm kỳ 2016-2021 … năm 2020": a year's session
    kind = _closing_or_congress(opening, term) if term is not None else None
    opens = term is not None and kind != "closing" and _OPENS_TERM.search(opening) is not None
    if term is not None and opens and (year is None or year <= term.start + 1):
        five = term.end - term.start == 5
        previous = f"term-{term.start - 5}-{term.start}" if five else str(year or term.start)
        return DocPeriods(previous, term.code, term, year)
    closes = term is not None and (kind == "closing" or _CLOSING.search(opening) is not None)
    if term is not None and closes and (year is None or year >= term.end - 1 or kind == "closing"):
        following = f"term-{term.end}-{term.end + 5}" if term.end - term.start == 5 else None
        return DocPeriods(term.code, following, term, year)
    years = [int(y) for y in _OWN_YEAR.findall(own)]
    if term is None and sub_first is None and _party_congress(opening):
        held = year or (years[0] if years else None)
        # "Đại hội XIV" of 2020 closes 2015-2020 and opens 2020-2025; a half-year meeting that plans the
        # coming congress ("6 tháng đầu năm … Tổ chức tốt Đại hội Đảng bộ huyện") does neither
        if held is not None and held % 5 == 0 and _subyear(own, held) is None:
            return DocPeriods(
                f"term-{held - 5}-{held}", f"term-{held}-{held + 5}", Term(held, held + 5), held
            )
    if date is None and year is None and years:
        # an undated text that goes on to a later year's results ("Đến hết năm 2022, thu nhập … đã đạt
        # 70,4 triệu đồng, năm 2023 đạt 74,3 triệu đồng") is of the latest year it reports achieved
        achieved = max((int(m.group(1)) for m in _ACHIEVED_YEAR.finditer(own)), default=0)
        if achieved > years[0]:
            years = [achieved] + [y for y in years if y > achieved]
    reported = [int(m.group(1)) for m in _REPORTED_YEAR.finditer(own)]
    if date and years and years[0] < date[0] and not reported:
        # "công nhận … đạt chuẩn nông thôn mới năm 2022" in a 2024 article; an article of the first
        # months of a year that names the year before reports on it (`12-2-25` … `năm 2024`)
        years = [date[0] - 1] if date[1] <= 3 and date[0] - 1 in years else [date[0]]
    elif (
        date
        and date[1] <= 3
        and (not years or years[0] == date[0])
        and (date[0] - 1 in years or _PAST_YEAR.search(own) is not None)
    ):
        # an article of the first months that looks ahead to its own year and back on the one before
        # ("Tuần qua, HĐND … thông qua Nghị quyết … năm 2024 …. Trước đó, … năm 2023 …"; "Năm qua, …")
        years = [date[0] - 1, date[0]]
    if date and years and min(years) > date[0]:
        years = [date[0]]  # only targets ahead of the page's date: the article is of its own year
    if years and (year is None or years[0] <= year):
        year = years[0] if year is None or years[0] < year else year
    elif not years and year is None:
        compared = _COMPARISON.search(opening)
        if compared:
            year = int(compared.group(1)) + 1
            before = phrase_period(compared.group(0), None, None)
            if before and not before[1].isdigit() and before[1][:4].isdigit():
                return DocPeriods(f"{year}{before[1][4:]}", str(year), term, year)
    sub_year = date[0] if date else year
    # the same question as `sub_first`'s unless the year changed since: not read twice (a tenth of a ms)
    sub = sub_first if sub_year == first_year else _subyear(own, sub_year)
    if sub is not None:
        return DocPeriods(sub[1], sub[1][:4] if sub[1][:4].isdigit() else None, term, year)
    if years:
        first = years[0]
        later = [y for y in years if y > first]
        return DocPeriods(str(first), str(later[0] if later else first + 1), term, year or first)
    if meta_default:
        return DocPeriods(meta_default, None, term, year)
    return DocPeriods(str(year) if year else None, str(year + 1) if year else None, term, year)


PLAN_TITLE_CHARS = 600  # a document's title lies within its first lines
# "NGHỊ QUYẾT / Về nhiệm vụ phát triển kinh tế - xã hội năm 2024": the title of a plan for a year
_PLAN_TITLE = re.compile(
    rf"(?:^|\n)[\s*#_]*(?:(?:nghị{_S}+quyết|kế{_S}+hoạch)[\s*#_]*)?về{_S}+(?:việc{_S}+)?"
    rf"(?:nhiệm{_S}+vụ|kế{_S}+hoạch|phương{_S}+hướng|mục{_S}+tiêu|dự{_S}+toán)(?!\w)([^\n]{{0,120}}?)"
    rf"năm{_S}+{_Y}(?![0-9])"
)
_RESULT_WORDS = re.compile(
    rf"(?<!\w)(?:kết{_S}+quả|tình{_S}+hình|thực{_S}+hiện|đánh{_S}+giá|tổng{_S}+kết)(?!\w)"
)


def plan_title_year(head_l: str) -> int | None:
    """The year a document's title plans for (`Về nhiệm vụ phát triển kinh tế - xã hội năm 2024`): its
    figures for that year are targets and its results are of the year before. None for a title that
    reports results (`Về tình hình thực hiện …`, `… kết quả … và nhiệm vụ năm 2024`)."""
    m = _PLAN_TITLE.search(head_l)
    if m is None or _RESULT_WORDS.search(m.group(1)):
        return None
    return int(m.group(2))


def _party_congress(opening: str) -> bool:
    """Whether the opening tells of a Party congress (`Báo cáo chính trị trình tại Đại hội`)."""
    return _CONGRESS.search(opening) is not None and _PARTY_CONGRESS.search(opening) is not None


_CONGRESS_REPORT = re.compile("|".join(re.escape(w) for w in CONGRESS_REPORT_WORDS))
_PARTY_CONGRESS = re.compile(rf"(?:{'|'.join(re.escape(w) for w in PARTY_CONGRESS_WORDS)})(?!\w)")
# "Năm qua, …", "năm vừa qua": the year just ended (not `5 năm qua`, `những năm qua`, several years)
_PAST_YEAR = re.compile(
    rf"năm(?<![0-9]{_S}năm)(?<!những{_S}năm)(?<!nhiều{_S}năm)(?<!các{_S}năm)(?<!mấy{_S}năm)(?<!\wnăm)"
    rf"{_S}+(?:vừa{_S}+)?qua(?!\w)"
)
# "năm 2023 đạt 74,3 triệu đồng": a year's achieved result (not `năm 2023 đạt chuẩn …`, a status)
_ACHIEVED_YEAR = re.compile(
    rf"năm(?<!từ năm)(?<!kỳ năm)(?<!đoạn năm){_S}+{_Y}{_S}*,?{_S}*(?:đã{_S}+|ước{_S}+)?đạt{_S}+"
    rf"(?:được{_S}+)?[0-9]"
)
# a congress, or the target list of a new term ("CÁC CHỈ TIÊU CHỦ YẾU TRONG NHIỆM KỲ 2020-2025")
_OPENS_TERM = re.compile(rf"(?<!\w)(?:đại{_S}+hội|chỉ{_S}+tiêu{_S}+chủ{_S}+yếu|mục{_S}+tiêu)(?!\w)")
_REVIEWED = re.compile(
    rf"(?<!\w)(?:tổng{_S}+kết|kết{_S}+quả|thực{_S}+hiện{_S}+nghị{_S}+quyết|đánh{_S}+giá|báo{_S}+cáo)(?!\w)"
)
_REPORTED_YEAR = re.compile(
    rf"(?:(?:kết{_S}+quả|tổng{_S}+kết|đánh{_S}+giá|tình{_S}+hình|thực{_S}+hiện|báo{_S}+cáo|trong|cả)"
    rf"[^.\n]{{0,40}}?|^|[.\n]{_S}*)năm{_S}+{_Y}"
)
_OWN_YEAR = re.compile(rf"năm(?<!kỳ năm)(?<!đoạn năm)(?<!từ năm)(?:{_SCHOOL_YEAR}|{_S}+){_Y}(?![0-9])")
