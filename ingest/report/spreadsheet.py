"""`xaetl export`: facts as an xlsx workbook (one commune × period pivot per theme) or as CSV for Excel."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ingest.paths import DataPaths
from ingest.report.csv_excel import EXCEL_VN, CsvDialect, write_csv
from ingest.report.facts import ALL, Scope, bilingual, labels, load_facts
from ingest.report.files import write_atomically

# Row keys of every pivot sheet: (label key, fact field).
PIVOT_KEYS = [
    ("province", "province_name"),
    ("district", "district_name"),
    ("commune", "commune_name"),
    ("term", "term_id"),
    ("period", "period"),
    ("kind", "kind"),
]
# Columns of the long table (CSV and the "facts" sheet): (header, fact field).
LONG_COLUMNS = [
    ("province", "province_name"),
    ("district", "district_name"),
    ("commune", "commune_name"),
    ("term", "term_id"),
    ("period", "period"),
    ("theme", "theme"),
    ("indicator", "indicator_vi"),
    (None, "indicator_en"),
    ("kind", "kind"),
    ("value", "display_value"),
    ("unit", "display_unit_vi"),
    (None, "display_unit_en"),
    ("approx", "approx"),
    ("value_written", "value"),
    ("unit_written", "unit"),
    ("winning_period", "winning_period"),
    ("plan_pct", "plan_pct"),
    ("yoy_pct", "yoy_pct"),
    ("conflict", "has_conflict"),
    ("breakdown", "has_breakdown"),
    ("n_values", "n_values"),
    ("documents", "n_documents"),
    ("document", "document_title"),
    (None, "url"),
    ("quote", "quote"),
    (None, "indicator_id"),
    (None, "base_value"),
    (None, "base_unit"),
]
ENGLISH_ONLY = {
    "indicator_en": "Indicator (English)",
    "display_unit_en": "Unit (English)",
    "url": "URL",
    "indicator_id": "indicator_id",
    "base_value": "base_value",
    "base_unit": "base_unit",
}
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
# Excel comments carry each value's source quote; past this many cells they are left out
# (each comment is a drawing object: big workbooks get slow to open).
MAX_COMMENTS = 20_000


@dataclass(frozen=True)
class ExportResult:
    path: Path
    n_facts: int
    sheets: list[str]


def long_headers() -> list[str]:
    return [bilingual(key) if key else ENGLISH_ONLY[field] for key, field in LONG_COLUMNS]


def long_rows(facts: list[dict[str, Any]]) -> list[list[Any]]:
    kinds = labels()["kinds"]
    rows = []
    for fact in facts:
        row = [fact[field] for _, field in LONG_COLUMNS]
        row[[f for _, f in LONG_COLUMNS].index("kind")] = kinds.get(fact["kind"], {}).get("vi", fact["kind"])
        rows.append(row)
    return rows


def export_csv(
    paths: DataPaths, out: Path, *, scope: Scope = ALL, dialect: CsvDialect = EXCEL_VN
) -> ExportResult:
    """One row per fact, with units and provenance, for Excel."""
    facts = load_facts(paths, scope)
    write_atomically(out, lambda handle: write_csv(handle, long_headers(), long_rows(facts), dialect))
    return ExportResult(out, len(facts), [])


def export_xlsx(
    paths: DataPaths, out: Path, *, scope: Scope = ALL, now: datetime | None = None
) -> ExportResult:
    """A workbook: an about sheet, one commune × period pivot per theme (units in the headers,
    panes frozen on the keys), and every fact in long form with its source."""
    from openpyxl import Workbook

    facts = load_facts(paths, scope)
    book = Workbook()
    about = book.active
    about.title = _sheet_name(bilingual("about", " - "), set())
    _fill_about(about, paths, scope, facts, now or datetime.now(UTC))
    used = {about.title}
    unmapped = labels()["text"]["unmapped"]["vi"]
    by_theme: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for fact in facts:
        by_theme[fact["theme"]].append(fact)
    comments = [0]
    for theme in sorted(by_theme, key=lambda t: (t == unmapped, t)):
        sheet = book.create_sheet(_sheet_name(theme, used))
        used.add(sheet.title)
        _fill_pivot(sheet, by_theme[theme], comments)
    facts_sheet = book.create_sheet(_sheet_name(bilingual("facts", " - "), used))
    _fill_table(facts_sheet, long_headers(), long_rows(facts), freeze="D2")
    write_atomically(out, book.save)
    return ExportResult(out, len(facts), book.sheetnames)


def _fill_about(
    sheet: Any, paths: DataPaths, scope: Scope, facts: list[dict[str, Any]], now: datetime
) -> None:
    from openpyxl.styles import Font

    text = labels()["text"]
    lines = [
        (text["title"]["vi"], text["title"]["en"]),
        (bilingual("generated"), now.strftime("%Y-%m-%d %H:%M UTC")),
        (bilingual("source"), str(paths.published)),
        (bilingual("communes"), scope.describe()),
        (bilingual("facts"), len(facts)),
        ("", ""),
        (
            "Mỗi trang lĩnh vực: một dòng cho mỗi xã × kỳ × loại, "
            "một cột cho mỗi chỉ tiêu (đơn vị trong tiêu đề).",
            "Each theme sheet: one row per commune × period × kind, "
            "one column per indicator (unit in the header).",
        ),
        (
            "Ô có ghi chú: trích dẫn và địa chỉ văn bản gốc. Trang cuối: mọi số liệu kèm nguồn.",
            "Cells carry a comment with the source quote and URL. Last sheet: every fact with its source.",
        ),
    ]
    for row in lines:
        sheet.append(list(row))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.column_dimensions["A"].width = 60
    sheet.column_dimensions["B"].width = 90


def _column_key(fact: dict[str, Any]) -> tuple[str, str]:
    return (fact["indicator_key"], fact["base_unit"] or "other")


def _fill_pivot(sheet: Any, facts: list[dict[str, Any]], comments: list[int]) -> None:
    from openpyxl.comments import Comment
    from openpyxl.utils import get_column_letter

    kinds = labels()["kinds"]
    columns: dict[tuple[str, str], str] = {}
    for fact in sorted(facts, key=lambda f: (f["indicator_vi"] or "", f["base_unit"] or "")):
        key = _column_key(fact)
        if key not in columns:
            english = f" · {fact['indicator_en']}" if fact["indicator_en"] else ""
            unit_vi, unit_en = fact["display_unit_vi"], fact["display_unit_en"]
            unit = unit_vi if unit_vi == unit_en else f"{unit_vi} · {unit_en}"
            columns[key] = f"{fact['indicator_vi']}{english} ({unit})"
    rows: dict[tuple, dict[tuple[str, str], dict[str, Any]]] = defaultdict(dict)
    for fact in facts:
        rows[(fact["commune_id"], fact["term_id"], fact["period"], fact["kind"])][_column_key(fact)] = fact
    keys = sorted(rows, key=lambda k: _row_order(next(iter(rows[k].values()))))
    headers = [bilingual(k) for k, _ in PIVOT_KEYS] + list(columns.values())
    body = []
    for key in keys:
        first = next(iter(rows[key].values()))
        cells = [first[field] for _, field in PIVOT_KEYS]
        cells[-1] = kinds.get(first["kind"], {}).get("vi", first["kind"])
        cells += [rows[key][c]["display_value"] if c in rows[key] else None for c in columns]
        body.append(cells)
    _fill_table(sheet, headers, body, freeze=f"{get_column_letter(len(PIVOT_KEYS) + 1)}2")
    for r, key in enumerate(keys, start=2):
        for c, column in enumerate(columns, start=len(PIVOT_KEYS) + 1):
            source = rows[key].get(column)
            if source is None or not source["quote"] or comments[0] >= MAX_COMMENTS:
                continue
            comments[0] += 1
            quote = f"«{source['quote'][:600]}»"
            note = f"{_flags(source)}{quote}\n{source['document_title'] or ''}\n{source['url'] or ''}"
            sheet.cell(row=r, column=c).comment = Comment(note, "xaetl", width=420, height=160)


def _flags(fact: dict[str, Any]) -> str:
    """What a pivot cell's comment says before the quote: estimate, breakdown, conflict."""
    lines = []
    if fact["approx"]:
        lines.append(f"~ {bilingual('approx')}")
    if fact["has_breakdown"]:
        lines.append(
            f"Σ {bilingual('breakdown')}: {fact['n_values']} ({labels()['text']['breakdown_note']['en']})"
        )
    if fact["has_conflict"]:
        lines.append(f"⚠ {bilingual('conflict')}")
    return "".join(line + "\n" for line in lines)


def _row_order(fact: dict[str, Any]) -> tuple:
    return (
        fact["province_name"] or "",
        fact["commune_name"] or "",
        str(fact["period_end_date"] or ""),
        fact["period"],
        fact["kind"],
        fact["commune_id"],
    )


def _fill_table(sheet: Any, headers: list[str], rows: list[list[Any]], *, freeze: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet.append(headers)
    for row in rows:
        sheet.append([_excel_value(v) for v in row])
    fill = PatternFill("solid", fgColor="DCE6F1")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.row_dimensions[1].height = 60
    for i in range(1, len(headers) + 1):
        values = [row[i - 1] for row in rows]
        numeric = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
        if numeric:
            fmt = "#,##0" if all(float(v).is_integer() for v in numeric) else "#,##0.0##"
            for r in range(2, len(rows) + 2):
                sheet.cell(row=r, column=i).number_format = fmt
        longest = max([len(str(v)) for v in values if v is not None] + [12])
        cap = 22 if numeric else 60
        sheet.column_dimensions[get_column_letter(i)].width = min(max(longest + 2, 12), cap)
    sheet.freeze_panes = freeze
    sheet.auto_filter.ref = sheet.dimensions


def _excel_value(value: Any) -> Any:
    if hasattr(value, "tzinfo") and getattr(value, "tzinfo", None) is not None:
        return value.replace(tzinfo=None)  # Excel has no time zones; the warehouse stores UTC
    return value


def _sheet_name(name: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    base = SHEET_FORBIDDEN.sub("-", name).strip("'")[:31] or "sheet"
    candidate, n = base, 2
    while candidate.lower() in {u.lower() for u in used}:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    return candidate
