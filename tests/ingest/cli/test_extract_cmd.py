"""`xaetl extract`: JSON lines with exactly the contract fields, exit codes, stdin."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from ingest.cli.extract_cmd import CONTRACT_FIELDS
from ingest.cli.main import app

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"
runner = CliRunner()


def test_text_file_prints_contract_json_lines() -> None:
    result = runner.invoke(app, ["extract", str(SEEDS / "loc-quang-notice-2023-h1.txt")])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) >= 5
    for row in rows:
        assert tuple(row) == CONTRACT_FIELDS
    assert "thu ngân sách xã" in result.stdout  # UTF-8, not \\u escapes
    budget = next(r for r in rows if r["indicator_id"] == "budget_revenue_state")
    assert (budget["value"], budget["base_value"], budget["plan_pct"]) == (11038.0, 11038e6, 74.0)
    assert budget["period"] == "as-of:2023-07-30"


def test_html_file_is_cleaned_first(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Báo cáo 6 tháng đầu năm 2023</title></head><body><div class='content'>"
        "<p>BÁO CÁO</p><p>Kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2023</p>"
        "<p>Sản lượng lương thực có hạt đạt 1.936&nbsp;tấn, đạt 60% kế hoạch và bằng 114% cùng kỳ.</p>"
        "</div></body></html>",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(page)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["value"], r["indicator_id"], r["plan_pct"], r["yoy_pct"]) for r in rows] == [
        (1936.0, "grain_output", 60.0, 114.0)
    ]


def test_stdin_and_nothing_found() -> None:
    result = runner.invoke(app, ["extract", "-"], input="Không có số liệu nào ở đây.\n")
    assert result.exit_code == 0
    assert result.stdout == ""
    result = runner.invoke(app, ["extract", "-"], input="Toàn xã có 37 hộ nghèo.\n")
    assert json.loads(result.stdout)["indicator_id"] == "poor_households"


def test_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "cannot read" in result.output
    result = runner.invoke(app, ["extract", str(tmp_path)])  # a directory
    assert result.exit_code == 1
