"""Query results for a terminal: a table that fits its width, else one record per block (like psql \\x).

Numbers get thousands separators and are never wrapped: a number split over two lines reads
as two numbers.
"""

from __future__ import annotations

import math
import shutil
import textwrap
from collections.abc import Sequence
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum
from typing import Any, TextIO

NULL = "NULL"
# A text column may be squeezed to this width (words wrap inside it) before the table gives up.
TEXT_MIN_WIDTH = 10
# Per column: a space each side and one border character; plus the left border.
CELL_OVERHEAD, TABLE_OVERHEAD = 3, 1


class Layout(StrEnum):
    auto = "auto"
    table = "table"
    vertical = "vertical"


def format_value(value: Any) -> str:
    """Text of one cell: thousands separators, integral floats without `.0`, ISO dates."""
    if value is None:
        return NULL
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, Decimal):
        return f"{value:,}"
    if isinstance(value, float):
        return _format_float(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return str(value)


def _format_float(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    if value.is_integer() and abs(value) < 1e18:
        return f"{int(value):,}"
    text = repr(value)
    if "e" in text or "E" in text:
        return text
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-')):,}.{frac}"


def is_atomic(value: Any) -> bool:
    """Values that must stay on one line: numbers, dates, booleans."""
    return isinstance(value, int | float | Decimal | datetime | date | time)


def choose_layout(columns: Sequence[str], rows: Sequence[Sequence[Any]], width: int) -> Layout:
    """Table when every number fits whole and every text column keeps a readable width."""
    need = TABLE_OVERHEAD
    for i, name in enumerate(columns):
        cells = [r[i] for r in rows]
        natural = max([len(format_value(v)) for v in cells] + [_longest_word(name)])
        if any(is_atomic(v) for v in cells):
            floor = natural
        else:
            floor = min(natural, max(TEXT_MIN_WIDTH, _longest_word(name)))
        need += floor + CELL_OVERHEAD
    return Layout.table if need <= width else Layout.vertical


def _longest_word(text: str) -> int:
    return max((len(w) for w in text.split()), default=0)


def print_result(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    layout: Layout = Layout.auto,
    width: int | None = None,
    out: TextIO | None = None,
) -> Layout:
    """Print a query result; returns the layout used."""
    width = width or shutil.get_terminal_size((100, 24)).columns
    if layout is Layout.auto:
        layout = choose_layout(columns, rows, width) if columns else Layout.table
    if layout is Layout.vertical:
        print_vertical(columns, rows, width=width, out=out)
    else:
        print_table(columns, rows, width=width, out=out)
    return layout


def _caption(n: int) -> str:
    return f"{n:,} row{'s' if n != 1 else ''}"


def print_table(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], *, width: int, out: TextIO | None = None
) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False, header_style="bold", caption=_caption(len(rows)))
    for i, name in enumerate(columns):
        atomic = any(is_atomic(r[i]) for r in rows)
        numeric = any(isinstance(r[i], int | float | Decimal) and not isinstance(r[i], bool) for r in rows)
        table.add_column(
            name,
            justify="right" if numeric else "left",
            no_wrap=atomic,
            min_width=max((len(format_value(r[i])) for r in rows), default=0) if atomic else None,
            overflow="fold",
        )
    for row in rows:
        table.add_row(*(Text(NULL, style="dim") if v is None else Text(format_value(v)) for v in row))
    console = Console(file=out, width=width, soft_wrap=False, highlight=False)
    console.print(table)


def print_vertical(
    columns: Sequence[str], rows: Sequence[Sequence[Any]], *, width: int, out: TextIO | None = None
) -> None:
    """One block per row: `name │ value`, long text wrapped at word boundaries under its value."""
    import sys

    out = out or sys.stdout
    label = min(max((len(c) for c in columns), default=0), max(8, width // 2))
    value_width = max(width - label - 3, 20)
    for n, row in enumerate(rows, start=1):
        head = f"─[ {n} ]"
        out.write(head + "─" * max(width - len(head), 0) + "\n")
        for name, value in zip(columns, row, strict=True):
            text = format_value(value)
            lines = [text] if is_atomic(value) else _wrap(text, value_width)
            for j, line in enumerate(lines):
                out.write(f"{(name if j == 0 else ''):<{label}} │ {line}".rstrip() + "\n")
    out.write(f"({_caption(len(rows))})\n")


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        lines.extend(textwrap.wrap(paragraph, width, break_on_hyphens=False) or [""])
    return lines
