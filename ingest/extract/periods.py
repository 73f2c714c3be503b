"""Period codes (docs/periods.md) from Vietnamese phrases: `6 tháng đầu năm 2023`, `nhiệm kỳ 2020 - 2025`, …

All functions take lowercased text. A phrase without its year (`6 tháng đầu năm`) takes the
reference year given by the caller (the document's year). What a code means (its dates and
term) is read back in one place, `ingest/period_codes.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.extract.vocab import ROMAN_QUARTERS

_Y = r"((?:19|20)[0-9]{2})"
_DASH = r"[^\S\n]*[-–—][^\S\n]*"

# Order matters in PERIOD_PATTERNS: the first kind found at the smallest offset wins.
AS_OF_RE = re.compile(
    rf"(?:tính[^\S\n]+)?(?:đến|tới|đến hết|tới hết)[^\S\n]+(?:hết[^\S\n]+)?(?:ngày[^\S\n]+)?"
    rf"([0-9]{{1,2}})[^\S\n]*[/.-][^\S\n]*([0-9]{{1,2}})(?:[^\S\n]*[/.-][^\S\n]*{_Y})?(?![0-9])"
    rf"|(?:tính[^\S\n]+)?(?:đến|tới)[^\S\n]+(?:hết[^\S\n]+)?ngày[^\S\n]+([0-9]{{1,2}})[^\S\n]+tháng[^\S\n]+([0-9]{{1,2}})"
    rf"(?:[^\S\n]+năm[^\S\n]+{_Y})?"
)
# Every AS_OF_RE match opens with one of these words; the pattern itself opens with an optional group,
# which makes the engine try every position, so `as_of_matches` jumps between these words instead.
_AS_OF_START = re.compile(r"tính|đến|tới")
H1_RE = re.compile(
    rf"(?<![0-9/])(?:6|06|sáu)[^\S\n]+tháng[^\S\n]+đầu[^\S\n]+năm(?:[^\S\n]+{_Y})?|nửa[^\S\n]+đầu[^\S\n]+năm(?:[^\S\n]+{_Y})?"
)
H2_RE = re.compile(rf"(?<![0-9/])(?:6|06|sáu)[^\S\n]+tháng[^\S\n]+cuối[^\S\n]+năm(?:[^\S\n]+{_Y})?")
NINE_M_RE = re.compile(
    rf"(?<!ngày )(?<![0-9/])(?:9|09|chín)[^\S\n]+tháng(?![^\S\n]*[0-9])"
    rf"(?:[^\S\n]+đầu[^\S\n]+năm)?(?:[^\S\n]+(?:năm[^\S\n]+)?{_Y})?"
)
QUARTER_RE = re.compile(rf"quý[^\S\n]+(iv|i{{1,3}}|[1-4])(?![\w])(?:[^\S\n]*(?:năm|/)[^\S\n]*{_Y})?")
TERM_RE = re.compile(rf"nhiệm[^\S\n]+kỳ[^\S\n]*(?:\(?[^\S\n]*){_Y}{_DASH}{_Y}")
SPAN_RE = re.compile(rf"\(?[^\S\n]*{_Y}{_DASH}{_Y}[^\S\n]*\)?")
MID_TERM_RE = re.compile(r"(?:sơ kết |đánh giá )?(?:giữa|nửa(?:[^\S\n]+đầu)?)[^\S\n]+nhiệm[^\S\n]+kỳ")
SECOND_HALF_RE = re.compile(r"nửa[^\S\n]+(?:cuối|sau)[^\S\n]+nhiệm[^\S\n]+kỳ")
TERM_START_RE = re.compile(r"(?<!so )(?<!so với )(?<!từ )(?<!nửa )đầu[^\S\n]+nhiệm[^\S\n]+kỳ")
YEAR_RE = re.compile(rf"(?:năm|năm học)[^\S\n]+{_Y}(?![0-9])")
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


def terms_in(text_l: str) -> list[Term]:
    """Party terms named in the text (`nhiệm kỳ 2020 - 2025`), in order of first appearance."""
    seen: dict[tuple[int, int], None] = {}
    for m in TERM_RE.finditer(text_l):
        start, end = int(m.group(1)), int(m.group(2))
        if is_party_term(start, end):
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
    mm = QUARTER_RE.search(text_l) if "quý" in text_l else None
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


def term_of(code: str | None) -> Term | None:
    """The term a term-based period code belongs to."""
    if code and code.startswith("term-"):
        return Term(int(code[5:9]), int(code[10:14]))
    return None
