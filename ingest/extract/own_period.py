"""The document's own period: one decision from its opening (title first), formal header and page date.

The title is one more line at the top of the text, whether it comes as the page's title or is written
there (the corpus texts and the cleaned pages both open with it), and the page's date is the date line
a page prints above its text: the same document gets the same periods whichever way they arrive.
`extract_metadata` makes the decision once and stores it (`default_period`, `target_period`,
`reference_year`, `period_term`); the mention readers take it from there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extract.lowercase import lowercase
from ingest.extract.periods import Term, document_periods, term_of, terms_in
from ingest.extract.vocab import SEASON_NAMES

TITLE_SEEN_CHARS = 1500  # a title already written this near the top is not read a second time
_SPACES = re.compile(r"\s+")
# a date in the body, with its day or its month only (`ngày 10-8-2017`, `Đến đầu tháng 3-2020`): (year,)
# and a crop season with its year, the last of two (`vụ hè-thu 2021`, `vụ đông xuân 2020-2021`: 2021)
_SEASON = "|".join(re.sub(" ", r"\\s*[-–]?\\s*", name) for name in SEASON_NAMES)
_ANY_DATE = re.compile(
    r"(?<![0-9])[0-9]{1,2}[/.-][0-9]{1,2}[/.-]((?:19|20)[0-9]{2})(?![0-9])"
    r"|tháng\s+[0-9]{1,2}\s*(?:[/.-]|năm)\s*((?:19|20)[0-9]{2})(?![0-9])"
    rf"|(?<!\w)vụ\s+(?:{_SEASON})\s+(?:năm\s+)?(?:(?:19|20)[0-9]{{2}}\s*[-–]\s*)?((?:19|20)[0-9]{{2}})(?![0-9])"
)
_ISO_DATE = re.compile(r"((?:19|20)[0-9]{2})(?:-([0-9]{1,2}))?")


def lower_same_length(text: str) -> str:
    """`text.lower()`, keeping every offset (the few characters that grow when lowercased stay)."""
    lowered = lowercase(text).replace("ð", "đ")  # "Ðạt" typed with the Icelandic eth: the same letter
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text).replace("ð", "đ")


def title_line(title: str | None, text: str) -> str:
    """The title as a first line to read before the text (`Title\\n`), or "" when there is none or the
    text already writes it near its top (a page's text opens with its title as a heading line)."""
    if not title or not title.strip():
        return ""
    wanted = _SPACES.sub(" ", title.strip()).lower()
    head = _SPACES.sub(" ", text[: TITLE_SEEN_CHARS + len(title)]).lower()
    return "" if wanted in head else title.strip() + "\n"


def page_date(published_at: str | None) -> tuple[int, int] | None:
    """(year, month) of the page's date as the cleaner stores it (`2024-01-10T…`; a bare `2023` gives
    January, read only for its year)."""
    m = _ISO_DATE.match(published_at.strip()) if published_at else None
    if m is None:
        return None
    month = int(m.group(2)) if m.group(2) else 1
    return (int(m.group(1)), month if 1 <= month <= 12 else 1)


def first_term(terms: list[str]) -> Term | None:
    """The first of the terms metadata lists (`["2020-2025", …]`), or None."""
    if not terms:
        return None
    start, end = terms[0].split("-")
    return term_of(f"term-{start}-{end}")


@dataclass(frozen=True)
class OwnPeriod:
    """What the document reports on: its results' period, its targets', its year and its term."""

    default: str | None  # None when nothing dates the document (its facts then say `unknown`)
    target: str | None
    ref_year: int | None
    term: Term | None


def decide(
    text_l: str,
    title_period: str | None,
    issue_year: int | None,
    terms: list[str],
    published: tuple[int, int] | None,
) -> OwnPeriod:
    """The document's periods from its lowered text (title line first), the title's and opening's own
    period (`title_period`), the formal header's year, the terms it names and the page's date."""
    ref_year = issue_year  # a formal header (`…, ngày 28 tháng 12 năm 2023`): the year it is written in
    title_year = re.search(r"(?:19|20)[0-9]{2}", title_period) if title_period else None
    if ref_year is None and title_year and not (title_period or "").startswith("term-"):
        ref_year = int(title_year.group())
    periods = document_periods(text_l, title_period, issue_year, published)
    if issue_year is None and (title_period or "").isdigit() and (periods.actual or "").isdigit():
        # no formal header: the year the opening reports on (an undated text of the latest year it reports
        # achieved), not the first year it names
        ref_year = int(periods.actual or 0)
    if ref_year is None:
        ref_year = periods.ref_year
    if ref_year is None and title_year:  # a term's first year, when nothing dates the text more closely
        ref_year = int(title_year.group())
    head_terms = terms_in(text_l[:4000])
    term = term_of(title_period) or (head_terms[0] if head_terms else None) or periods.term
    term = term or first_term(terms)
    if issue_year is not None and title_period:  # a formal header's title says what the document reports on
        return OwnPeriod(title_period, None, ref_year, term)
    if ref_year is None and not periods.actual and not title_period:
        # nothing in the title, dates or opening: the year the text gives its data
        # (`giá trị giải ngân từ đầu năm đến ngày 10-8-2017`), as the gold rules say; the latest date it
        # writes, not the first (a decree it cites: `thành lập theo Nghị quyết số 136/NQ-CP ngày 29/12/2013
        # …`, `Tính đến 31/12/2020, huyện …`), as an undated text is of the latest year it reports
        years = [int(m.group(1) or m.group(2) or m.group(3)) for m in _ANY_DATE.finditer(text_l)]
        ref_year = max(years, default=None)
    default = periods.actual or title_period or (str(ref_year) if ref_year else None)
    return OwnPeriod(default, periods.target, ref_year, term)
