"""CSV that Excel opens right on a Vietnamese Windows PC: UTF-8 with BOM, `;` between fields, `,` decimals."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import IO, Any


@dataclass(frozen=True)
class CsvDialect:
    """How values are written. The plain dialect is what scripts expect; EXCEL_VN what Excel
    expects where the decimal mark is a comma (Vietnamese regional settings)."""

    bom: bool = False
    sep: str = ","
    decimal: str = "."
    line_end: str = "\n"

    def __post_init__(self) -> None:
        if self.sep == self.decimal:
            raise ValueError(f"the field separator and the decimal mark are both {self.sep!r}")


PLAIN = CsvDialect()
EXCEL_VN = CsvDialect(bom=True, sep=";", decimal=",", line_end="\r\n")


def cell(value: Any, dialect: CsvDialect) -> str:
    if value is None:
        return ""
    if dialect == PLAIN:  # scripts read what Python prints, unchanged from earlier releases
        return value.isoformat() if isinstance(value, datetime | date | time) else str(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
        return text.replace(".", dialect.decimal)
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", dialect.decimal)
    if isinstance(value, datetime | date | time):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return str(value)


def write_csv(
    out: IO[bytes], columns: Sequence[str], rows: Iterable[Sequence[Any]], dialect: CsvDialect = PLAIN
) -> int:
    """Write a header and rows to a binary stream; returns the number of rows."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig" if dialect.bom else "utf-8", newline="")
    try:
        writer = csv.writer(text, delimiter=dialect.sep, lineterminator=dialect.line_end)
        writer.writerow(columns)
        n = 0
        for row in rows:
            writer.writerow([cell(v, dialect) for v in row])
            n += 1
        text.flush()
    finally:
        text.detach()  # the caller owns the underlying stream
    return n
