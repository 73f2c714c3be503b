"""CSV dialects: the plain one scripts read, the Excel one (BOM, `;`, `,` decimals)."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest

from ingest.report.csv_excel import EXCEL_VN, PLAIN, CsvDialect, cell, write_csv


def test_excel_cells() -> None:
    assert cell(45.7, EXCEL_VN) == "45,7"
    assert cell(6053000000.0, EXCEL_VN) == "6053000000"
    assert cell(Decimal("1.50"), EXCEL_VN) == "1,50"
    assert cell(float("nan"), EXCEL_VN) == ""
    assert cell(None, EXCEL_VN) == ""
    assert cell(True, EXCEL_VN) == "TRUE"
    assert cell(date(2023, 6, 30), EXCEL_VN) == "2023-06-30"


def test_plain_cells_are_unchanged() -> None:
    assert cell(67000000.0, PLAIN) == "67000000.0" and cell(False, PLAIN) == "False"


def test_write_csv_with_bom_and_quoting() -> None:
    out = io.BytesIO()
    n = write_csv(out, ["xã", "giá trị"], [("Xuân Phú; Thọ Xuân", 1.5), ("Lộc Quảng", None)], EXCEL_VN)
    assert n == 2
    assert out.getvalue() == ('\ufeffxã;giá trị\r\n"Xuân Phú; Thọ Xuân";1,5\r\nLộc Quảng;\r\n'.encode())
    assert not out.closed  # the caller's stream stays usable


def test_separator_and_decimal_must_differ() -> None:
    with pytest.raises(ValueError, match="both"):
        CsvDialect(sep=",", decimal=",")
