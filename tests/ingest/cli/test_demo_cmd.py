"""End to end: `xaetl demo` twice builds a published warehouse and leaves the facts unchanged.

The first run is the installed command in its own process, as a user starts it; the second run
and the query go through the same Typer app in this process, which spares a second start of
dbt, Great Expectations and pandas (a third of the test's time) and runs the same code.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from ingest.cli.main import app
from ingest.cli.summary import TRY_SQL

pytestmark = pytest.mark.slow

FACT_COLUMNS = "commune_id, term_id, period, indicator_key, kind, base_value, plan_pct, yoy_pct, n_mentions"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _demo(data_dir: Path, port: int) -> subprocess.CompletedProcess[str]:
    xaetl = Path(sys.executable).with_name("xaetl")
    return subprocess.run(
        [str(xaetl), "demo", "--data-dir", str(data_dir), "--port", str(port), "--delay", "0"],
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ, "COLUMNS": "200"},
    )


def _facts(published: Path) -> list[tuple]:
    with duckdb.connect(str(published), read_only=True) as con:
        return con.execute(f"select {FACT_COLUMNS} from fct_commune_indicators order by all").fetchall()


def test_demo_twice_publishes_the_same_facts(tmp_path: Path) -> None:
    port = _free_port()
    first = _demo(tmp_path, port)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    published = tmp_path / "published" / "warehouse.duckdb"
    assert published.exists()
    assert "published" in first.stdout
    assert TRY_SQL in first.stdout.replace("\n", "")

    tried = CliRunner().invoke(app, ["query", "--data-dir", str(tmp_path), "--format", "csv", TRY_SQL])
    assert tried.exit_code == 0, tried.output
    assert len(tried.stdout.strip().splitlines()) > 5  # header + rows

    facts = _facts(published)
    with duckdb.connect(str(published), read_only=True) as con:
        communes = con.execute("select count(distinct commune_id) from fct_commune_indicators").fetchone()[0]
        dup = con.execute(
            "select count(*) - count(distinct (commune_id, term_id, period, indicator_key, kind)) "
            "from fct_commune_indicators"
        ).fetchone()[0]
    assert communes >= 3
    assert dup == 0
    assert len(facts) > 20

    # every SQL example of the README runs on the published warehouse
    readme = (Path(__file__).parents[3] / "README.md").read_text(encoding="utf-8")
    examples = re.findall(r"```sql\n(.*?)```", readme, flags=re.S)
    assert len(examples) >= 4
    with duckdb.connect(str(published), read_only=True) as con:
        for sql in examples:
            con.execute(sql).fetchall()

    demo = ["demo", "--data-dir", str(tmp_path), "--port", str(port), "--delay", "0"]
    second = CliRunner().invoke(app, demo)
    assert second.exit_code == 0, second.output[-3000:]
    assert "published" in second.stdout
    assert _facts(published) == facts
