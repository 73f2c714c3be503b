"""The terminal table: numbers with separators never wrapped, a table when it fits, records when not."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from ingest.cli.main import app
from ingest.cli.query_table import Layout, choose_layout, format_value, print_result
from ingest.paths import DataPaths

README = Path(__file__).resolve().parents[3] / "README.md"
runner = CliRunner()


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (6053000000.0, "6,053,000,000"),
        (45.7, "45.7"),
        (1234.5678, "1,234.5678"),
        (-1536.25, "-1,536.25"),
        (2.42, "2.42"),
        (0.0, "0"),
        (1e-7, "1e-07"),
        (58500, "58,500"),
        (Decimal("12345.50"), "12,345.50"),
        (True, "true"),
        (None, "NULL"),
        (date(2023, 6, 30), "2023-06-30"),
        (datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC), "2026-01-02 03:04:05+00:00"),
        ("Thọ Xuân", "Thọ Xuân"),
    ],
)
def test_format_value(value, text) -> None:
    assert format_value(value) == text


def test_layout_follows_the_width() -> None:
    columns = ["commune_name", "period", "base_value"]
    rows = [("Xuân Phú", "2023-H1", 6053000000.0)]
    assert choose_layout(columns, rows, 80) is Layout.table
    wide = [f"column_{i}" for i in range(12)]
    assert choose_layout(wide, [tuple(range(100000, 100012))], 80) is Layout.vertical
    assert choose_layout(wide, [tuple(range(100000, 100012))], 200) is Layout.table


def test_vertical_layout_wraps_text_not_numbers() -> None:
    out = io.StringIO()
    quote = "Tổng thu ngân sách trên địa bàn ước đạt 6.053 triệu đồng, đạt 45,7% dự toán huyện giao " * 2
    used = print_result(["quote", "base_value", "x" * 30], [(quote, 6053000000.0, 1)], width=60, out=out)
    assert used is Layout.vertical
    lines = out.getvalue().splitlines()
    assert all(len(line) <= 60 for line in lines)
    assert any("base_value" in line and "6,053,000,000" in line for line in lines)
    assert sum("│" in line for line in lines) >= 4  # the quote took several lines
    assert lines[-1] == "(1 row)"


def _readme_queries() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Querying the warehouse", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, re.S)


@pytest.mark.slow
def test_readme_queries_are_readable_at_80_columns(demo_warehouse: DataPaths) -> None:
    queries = _readme_queries()
    assert len(queries) >= 4
    with_rows = 0
    for sql in queries:
        result = runner.invoke(
            app, ["query", sql, "--data-dir", str(demo_warehouse.root)], env={"COLUMNS": "80"}
        )
        assert result.exit_code == 0, (sql, result.output)
        lines = result.stdout.splitlines()
        assert all(len(line) <= 80 for line in lines), (sql, max(lines, key=len))
        with duckdb.connect(str(demo_warehouse.published), read_only=True) as con:
            rows = con.execute(sql).fetchall()
        with_rows += bool(rows)
        numbers = {format_value(v) for row in rows for v in row if isinstance(v, int | float)}
        # every number is printed whole, on one line
        for number in numbers:
            assert any(number in line for line in lines), (sql, number)
    assert with_rows >= 3  # the demo has no conflicting sources; every other query returns rows
