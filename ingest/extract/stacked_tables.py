"""Tables a portal's cleaner flattened to one cell per line: header cells, then each row's cells.

`TT / Chỉ tiêu / Đơn vị tính / Kế hoạch năm 2021 / TH 9 tháng năm 2021 / Ước TH năm 2021 / So sánh (%) /
…` then `1 / Giá trị sản xuất / Tỷ đồng / 493,7 / 461,1 / 419,1 / 93 / 105`, each on its own line: no
number has its unit or its name beside it, so the sentence reader finds nothing. Here a row is a label
line, a line that is only a unit, and as many figure lines as the table has columns; the value columns
are the headers between the unit column's header and the comparison columns (`So sánh`, `%`, `/`),
and say each figure's kind, period and whether it is an estimate. A `- Nông, lâm, ngư nghiệp` row under
`Giá trị sản xuất` is named with its parent's measure word.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ingest.extract.numbers import parse_vn_number
from ingest.extract.periods import Term, phrase_period
from ingest.extract.phrases import spell_out
from ingest.extract.units import UnitMatch, match_unit
from ingest.extract.vocab import (
    MEASURE_WORDS,
    STACKED_ESTIMATE_HEADERS,
    STACKED_PARENT_MEASURES,
    STACKED_PLAN_HEADERS,
    STACKED_RATIO_HEADERS,
    STACKED_UNIT_HEADERS,
    YOY_WORDS,
)

_CELL = re.compile(r"[^\n]*\S[^\n]*")
_FIGURE = re.compile(r"-?[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|-?[0-9]+(?:[.,][0-9]+)?")
_BLANK_FIGURE = frozenset({"-", "–", "x", "…", "..."})
_ROW_NUMBER = re.compile(r"[0-9]{1,2}|[ivx]{1,4}")
_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")
_SUB_ROW = re.compile(r"^[-–+•*]\s*")
_WORD = re.compile(r"[^\W\d_][\w-]*")
_MEASURES = sorted(MEASURE_WORDS + STACKED_PARENT_MEASURES, key=len, reverse=True)
_MIN_ROWS = 2  # one label with figures under a unit header is not yet a table
_MAX_HEADER_CELLS = 16  # how far back from the first row the unit column's header may be


def _words(words: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)")


_PLAN = _words(STACKED_PLAN_HEADERS)
_ESTIMATE = _words(STACKED_ESTIMATE_HEADERS)
_YOY = _words(YOY_WORDS)
_RATIO = re.compile(
    "|".join(
        re.escape(w) if not w[0].isalpha() else rf"(?<!\w){re.escape(w)}(?!\w)" for w in STACKED_RATIO_HEADERS
    )
)
# a bare `đơn vị` header ends its line. One search for any of these words runs before the line pattern;
# it is several times faster than a `w in text` scan per word on a long Vietnamese text.
_UNIT_HEADER_WORDS = ("đơn vị tính", "đvt", "đv tính", "đơn vị\n", "đơn vị \n", "đơn vị:\n")
_UNIT_HEADER_WORD = re.compile("|".join(re.escape(w) for w in _UNIT_HEADER_WORDS))
_UNIT_HEADER_LINE = re.compile(
    rf"^[ \t\u00a0]*(?:{'|'.join(re.escape(w) for w in STACKED_UNIT_HEADERS)})[ \t\u00a0]*[:.]?[ \t\u00a0]*$",
    re.MULTILINE,
)
_UNIT_HEADER = re.compile(rf"(?:{'|'.join(re.escape(w) for w in STACKED_UNIT_HEADERS)})\s*[:.]?")


@dataclass(frozen=True)
class Column:
    """A value column: the kind and period of its figures, and whether they are estimates; `ratio`
    is the comparison column (its position in the row) that gives each figure's attainment."""

    kind: str  # "actual" or "target"
    period: str | None  # None: the document's default
    approx: bool
    ratio: int | None = None
    ratio_of: str = "plan"  # "plan" (`9 tháng/KH`) or "yoy" (`So cùng kỳ`)


@dataclass(frozen=True)
class Cell:
    """One figure of a row: its value, unit and offsets, the row's name and the column it is in."""

    name: str
    value: float
    unit: UnitMatch  # `end` is the figure's end: the unit is on a line of its own
    label_start: int  # where the row's label starts (the quote runs from there to the figure)
    start: int
    end: int
    column: Column
    plan_pct: float | None = None
    yoy_pct: float | None = None
    quote_end: int = 0  # the quote runs on to the attainment figure when there is one


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text_l: str  # stripped, lowercased


@dataclass(frozen=True)
class _Row:
    label: int  # index of the label line
    unit: UnitMatch
    figures: list[int]  # indices of the figure lines (blank figures included)


def stacked_cells(text_l: str, ref_year: int | None, term: Term | None) -> list[Cell]:
    """The figures of every one-cell-per-line table in the (lowercased) text, in order."""
    if _UNIT_HEADER_WORD.search(text_l) is None or _UNIT_HEADER_LINE.search(text_l) is None:
        return []  # no line that is only a unit column's header: no such table (most documents)
    lines = []
    for m in _CELL.finditer(text_l):
        raw = m.group()
        lead = len(raw) - len(raw.lstrip())
        lines.append(_Line(m.start() + lead, m.start() + len(raw.rstrip()), raw.strip().lower()))
    out: list[Cell] = []
    i = 0
    while i < len(lines):
        rows = _rows_from(lines, i)
        if len(rows) < _MIN_ROWS:
            i += 1
            continue
        out.extend(_read_table(lines, rows, ref_year, term))
        i = rows[-1].figures[-1] + 1
    return out


def _is_figure(line: _Line) -> bool:
    return line.text_l in _BLANK_FIGURE or _FIGURE.fullmatch(line.text_l) is not None


def _unit_of(line: _Line) -> UnitMatch | None:
    unit = match_unit(line.text_l, 0)
    return unit if unit is not None and unit.end == len(line.text_l) else None


def _is_label(line: _Line) -> bool:
    return any(c.isalpha() for c in line.text_l) and len(line.text_l) <= 120 and not _is_figure(line)


def _row_at(lines: list[_Line], i: int) -> _Row | None:
    """A row opening at line `i`: label, unit, then figure lines (as many as there are)."""
    if i + 2 >= len(lines) or not _is_label(lines[i]):
        return None
    unit = _unit_of(lines[i + 1])
    if unit is None:
        return None
    j = i + 2
    while j < len(lines) and _is_figure(lines[j]):
        j += 1
    return _Row(i, unit, list(range(i + 2, j))) if j - (i + 2) >= 2 else None


def _rows_from(lines: list[_Line], i: int) -> list[_Row]:
    """Consecutive rows from line `i` that share one column count. A row number on a line of its own
    before the next row's label (`2` / `Tổng sản lượng …`) is not a figure of the row above: it is
    the number after the last row number seen (`96` ending a row is a figure)."""
    rows: list[_Row] = []
    before = lines[i - 1].text_l if i > 0 else ""
    number = int(before) if before.isdigit() and len(before) <= 2 else None
    j = i
    while (row := _row_at(lines, j)) is not None:
        last = row.figures[-1]
        tail = lines[last].text_l
        if len(row.figures) > 2 and tail.isdigit() and _row_at(lines, last + 1) is not None:
            if number is not None and int(tail) == number + 1:
                row, number = _Row(row.label, row.unit, row.figures[:-1]), number + 1
            elif number is None and rows and len(row.figures) == len(rows[0].figures) + 1:
                row = _Row(row.label, row.unit, row.figures[:-1])
        if rows and len(row.figures) != len(rows[0].figures):
            break
        rows.append(row)
        j = last + 1
    return rows if len(rows) >= _MIN_ROWS else []


def _columns(
    lines: list[_Line], first_label: int, width: int, ref_year: int | None, term: Term | None
) -> list[Column]:
    """The value columns, read from the header cells between the unit column's header and the rows."""
    lo = max(0, first_label - _MAX_HEADER_CELLS)
    unit_header = next(
        (k for k in range(first_label - 1, lo - 1, -1) if _UNIT_HEADER.fullmatch(lines[k].text_l)), None
    )
    if unit_header is None:
        return []
    end = first_label
    if _ROW_NUMBER.fullmatch(lines[end - 1].text_l):
        end -= 1  # the first row's number
    headers: list[str] = []
    ratios: list[str] = []
    pending = ""
    for k in range(unit_header + 1, end):
        cell = lines[k].text_l
        if ratios or _RATIO.search(cell):
            ratios.append(cell)  # the comparison columns: ratios of the figures before them
            continue
        if _period(cell, ref_year, term) is None and not _PLAN.search(cell):
            pending = f"{pending} {cell}".strip()  # `TH` over `9 tháng năm 2021`: one header
            continue
        headers.append(f"{pending} {cell}".strip())
        pending = ""
    if not headers or len(headers) > width:
        return []
    columns = []
    for h in headers:
        target = _PLAN.search(h) is not None
        columns.append(
            Column("target" if target else "actual", _period(h, ref_year, term), bool(_ESTIMATE.search(h)))
        )
    return _with_ratios(columns, ratios, width)


def _period(header: str, ref_year: int | None, term: Term | None) -> str | None:
    """The period a column header names; a bare year (`KH 2024`) is that year."""
    found = phrase_period(header, ref_year, term)
    if found:
        return found[1]
    year = _YEAR.search(header)
    return year.group() if year else None


def _with_ratios(columns: list[Column], ratios: list[str], width: int) -> list[Column]:
    """`So sánh (%) / 9 tháng/KH / Ước TH/KH` after `KH / TH 9 tháng / Ước TH`: one comparison column
    per figure column that is not the plan, in order, each that figure's attainment of the plan (or,
    under `cùng kỳ`, of the same period last year). Any other layout leaves the ratios unread."""
    own = [i for i, c in enumerate(columns) if c.kind == "actual"]
    n_ratio = width - len(columns)
    if (
        not own
        or n_ratio != len(own)
        or (len(own) == len(columns) and not any(_YOY.search(r) for r in ratios))
    ):
        return columns
    of = "yoy" if any(_YOY.search(r) for r in ratios) and not any(_PLAN.search(r) for r in ratios) else "plan"
    out = list(columns)
    for n, i in enumerate(own):
        out[i] = dataclasses.replace(columns[i], ratio=len(columns) + n, ratio_of=of)
    return out


def _spelled(label: str) -> str:
    return _WORD.sub(lambda m: spell_out(m.group()), label)


def _name(label: str, parent: str | None) -> str:
    name = _spelled(_SUB_ROW.sub("", label).strip(" .:;"))
    if parent is None:
        return name
    return f"{_measure(parent)} {name}".strip()


def _measure(label: str) -> str:
    """The measure word a sub-row takes from its parent (`Tổng sản lượng …` -> `sản lượng`)."""
    words = label.split()
    if words and words[0] == "tổng" and len(words) > 1:
        label = " ".join(words[1:])
    return next((m for m in _MEASURES if label == m or label.startswith(m + " ")), "")


def _figure(text_l: str) -> float | None:
    if text_l in _BLANK_FIGURE:
        return None
    value = parse_vn_number(text_l.lstrip("-"))
    return -value if text_l.startswith("-") else value


def _read_table(lines: list[_Line], rows: list[_Row], ref_year: int | None, term: Term | None) -> list[Cell]:
    columns = _columns(lines, rows[0].label, len(rows[0].figures), ref_year, term)
    out: list[Cell] = []
    parent: str | None = None
    for row in rows:
        label = lines[row.label]
        sub = _SUB_ROW.match(label.text_l) is not None
        if not sub:
            parent = _spelled(label.text_l)
        name = _name(label.text_l, parent if sub else None)
        for col, k in zip(columns, row.figures, strict=False):
            cell = lines[k]
            value = _figure(cell.text_l)
            if value is None:
                continue
            ratio_cell = lines[row.figures[col.ratio]] if col.ratio is not None else None
            ratio = _figure(ratio_cell.text_l) if ratio_cell is not None else None
            quote_end = ratio_cell.end if ratio_cell is not None and ratio is not None else cell.end
            unit = UnitMatch(row.unit.unit, row.unit.base_unit, row.unit.factor, cell.end)
            plan, yoy = (ratio, None) if col.ratio_of == "plan" else (None, ratio)
            out.append(Cell(name, value, unit, label.start, cell.start, cell.end, col, plan, yoy, quote_end))
    return out
