"""`xaetl export`: an xlsx workbook openpyxl reads back (sheets, pivots, units, frozen panes, Vietnamese)
and CSV that Excel reads right (BOM, `;`, `,` decimals)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import duckdb
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from ingest.cli.main import app
from ingest.paths import DataPaths
from ingest.report.spreadsheet import _sheet_name

pytestmark = pytest.mark.slow
runner = CliRunner()


def _warehouse(paths: DataPaths, sql: str) -> list[tuple]:
    with duckdb.connect(str(paths.published), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture(scope="module")
def workbook_path(demo_warehouse: DataPaths, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "số liệu.xlsx"
    result = runner.invoke(app, ["export", "--data-dir", str(demo_warehouse.root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_xlsx_sheets_pivots_units_and_frozen_panes(workbook_path: Path, demo_warehouse: DataPaths) -> None:
    book = load_workbook(workbook_path)
    themes = {
        t
        for (t,) in _warehouse(
            demo_warehouse,
            "select distinct theme from dim_indicator join fct_commune_indicators using (indicator_id)",
        )
    }
    assert book.sheetnames[0] == "Giới thiệu - About"
    assert set(book.sheetnames[1:-2]) == themes  # Vietnamese sheet names intact, e.g. "xây dựng Đảng"
    assert book.sheetnames[-2:] == ["Chưa phân loại", "Số liệu - Facts"]
    n_facts = _warehouse(demo_warehouse, "select count(*) from fct_commune_indicators")[0][0]
    cells = 0
    for name in book.sheetnames[1:-1]:
        sheet = book[name]
        header = [c.value for c in sheet[1]]
        assert header[:6] == [
            "Tỉnh · Province", "Huyện · District", "Xã · Commune",
            "Nhiệm kỳ · Party term", "Kỳ · Period", "Loại · Kind",
        ]  # fmt: skip
        assert all(h.endswith(")") and " (" in h for h in header[6:])  # unit in every indicator header
        assert sheet.freeze_panes == "G2"
        cells += sum(
            1 for row in sheet.iter_rows(min_row=2, min_col=7, values_only=True) for v in row if v is not None
        )
    assert cells == n_facts  # each fact in exactly one pivot cell
    assert book["Số liệu - Facts"].max_row == n_facts + 1


def test_xlsx_values_and_sources_match_the_warehouse(workbook_path: Path, demo_warehouse: DataPaths) -> None:
    book = load_workbook(workbook_path)
    sheet = book["kinh tế"]
    header = [c.value for c in sheet[1]]
    column = next(
        i
        for i, h in enumerate(header)
        if h.startswith("sản lượng lương thực") and h.endswith("(tấn · tonnes)")
    )
    row = next(r for r in sheet.iter_rows(min_row=2) if r[2].value == "Xuân Phú" and r[4].value == "2023-H1")
    ((value, quote),) = _warehouse(
        demo_warehouse,
        "select f.base_value, m.quote from fct_commune_indicators f join fct_indicator_mentions m "
        "on m.mention_id = f.winning_mention_id "
        "where f.indicator_id = 'grain_output' and f.period = '2023-H1'",
    )
    assert row[column].value == pytest.approx(value)
    assert row[column].comment is not None and quote[:100] in row[column].comment.text
    money = next(i for i, h in enumerate(header) if h.startswith("tổng thu ngân sách ·"))
    assert "(triệu đồng · million VND)" in header[money]


def test_csv_for_excel(demo_warehouse: DataPaths, tmp_path: Path) -> None:
    out = tmp_path / "facts.csv"
    result = runner.invoke(app, ["export", "--data-dir", str(demo_warehouse.root), "--out", str(out)])
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["Tỉnh · Province", "Huyện · District", "Xã · Commune"]
    assert len(body) == _warehouse(demo_warehouse, "select count(*) from fct_commune_indicators")[0][0]
    value, unit = header.index("Giá trị · Value"), header.index("Đơn vị · Unit")
    grain = next(r for r in body if r[header.index("Chỉ tiêu · Indicator")] == "sản lượng lương thực")
    assert grain[value] == "1936" and grain[unit] == "tấn" and grain[2] == "Xuân Phú"
    assert any("," in r[value] for r in body)  # decimals written with a comma
    assert not any("." in r[value] for r in body)

    plain = tmp_path / "plain.csv"
    args = ["export", "--data-dir", str(demo_warehouse.root), "--out", str(plain)]
    result = runner.invoke(app, [*args, "--sep", ",", "--decimal", ".", "--no-bom"])
    assert result.exit_code == 0, result.output
    text = plain.read_bytes()
    assert not text.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(text.decode("utf-8"), newline="")))
    assert any("." in r[value] for r in rows[1:])

    clash = runner.invoke(app, [*args, "--sep", ",", "--decimal", ","])
    assert clash.exit_code == 2 and "separator" in clash.stderr


def test_sheet_names_follow_excel_rules() -> None:
    used: set[str] = set()
    first = _sheet_name("văn hóa - xã hội / giáo dục [cũ]: thể thao?", used)
    assert len(first) <= 31 and not set("[]:*?/\\") & set(first)
    used.add(first)
    second = _sheet_name("văn hóa - xã hội / giáo dục [cũ]: thể thao?", used)
    assert second != first and len(second) <= 31


def test_xlsx_counts_name_what_they_count_and_comments_flag_breakdowns(
    workbook_path: Path, demo_warehouse: DataPaths
) -> None:
    book = load_workbook(workbook_path)
    ((name_vi, name_en, noun, commune, period, n_values),) = _warehouse(
        demo_warehouse,
        "select i.name_vi, i.name_en, i.counted_noun, c.commune_name, f.period, f.n_values "
        "from fct_commune_indicators f join dim_indicator i using (indicator_id) join dim_commune c "
        "using (commune_id) where f.indicator_id = 'council_sessions' and f.has_breakdown",
    )
    header = f"{name_vi} · {name_en} ({noun} · count)"  # the unit of a count is what it counts
    sheet = next(s for s in book.worksheets if header in [c.value for c in s[1]])
    column = [c.value for c in sheet[1]].index(header)
    row = next(r for r in sheet.iter_rows(min_row=2) if r[2].value == commune and r[4].value == period)
    comment = row[column].comment.text
    assert f"Σ Có số liệu chi tiết · Breakdown: {n_values}" in comment and "⚠" not in comment


def test_csv_has_the_unit_as_written_approx_and_breakdown(demo_warehouse: DataPaths, tmp_path: Path) -> None:
    out = tmp_path / "facts.csv"
    args = [
        "export",
        "--data-dir",
        str(demo_warehouse.root),
        "--out",
        str(out),
        "--sep",
        ",",
        "--decimal",
        ".",
    ]
    result = runner.invoke(app, [*args, "--no-bom"])
    assert result.exit_code == 0, result.output
    header, *body = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    for name in (
        "Giá trị ghi trong văn bản · Value as written",
        "Đơn vị ghi trong văn bản · Unit as written",
        "Kỳ ghi trong văn bản · Period as written",
        "ước tính · approximate",
        "Có số liệu chi tiết · Breakdown",
        "Số giá trị khác nhau · Distinct values",
        "Nguồn không khớp · Sources disagree",
    ):
        assert name in header, name
    col = {name: header.index(name) for name in header}
    wanted = _warehouse(
        demo_warehouse,
        "select c.commune_name, f.period, f.value, f.unit, f.approx, f.has_breakdown, f.n_values "
        "from fct_commune_indicators f join dim_commune c using (commune_id) "
        "where f.indicator_id = 'credit_capital'",
    )
    ((commune, period, value, unit, approx, breakdown, n_values),) = wanted
    (row,) = [
        r for r in body if r[2] == commune and r[col["Chỉ tiêu · Indicator"]] == "tổng nguồn vốn tín dụng"
    ]
    as_written = col["Kỳ ghi trong văn bản · Period as written"]
    # a stock written `đến 30/6/2023` is written and filed as 2023-H1 (a coded period's last day)
    assert (row[4], row[as_written]) == (period, "2023-H1")
    # a figure written as of another day (`as-of:2023-07-30`) is filed under that day, and the file says so
    dated = [r for r in body if r[as_written].startswith("as-of:")]
    assert dated and all(r[4] == r[as_written] for r in dated)
    assert row[col["Đơn vị ghi trong văn bản · Unit as written"]] == unit
    assert float(row[col["Giá trị ghi trong văn bản · Value as written"]]) == value
    assert row[col["ước tính · approximate"]] == str(approx).upper()  # Excel booleans
    assert row[col["Có số liệu chi tiết · Breakdown"]] == str(breakdown).upper()
    assert row[col["Số giá trị khác nhau · Distinct values"]] == str(n_values)
