"""Importing a DAG file does no I/O: no network, no files read or written beyond Python's own imports.

The DAG processor re-imports every DAG file every few seconds; I/O there (reading the registry,
asking a Variable, opening the warehouse) slows every parse and fails imports when a resource is
down. An audit hook in a fresh interpreter records what the import of each DAG file touches.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DAGS = REPO / "dags"

HARNESS = r"""
import importlib.util, json, os, sys

dags, targets = sys.argv[1], sys.argv[2:]
sys.path.insert(0, dags)
# Warm up what every DAG file legitimately needs (Airflow and its config), so the hook
# below sees only what the DAG file itself does when imported.
import pendulum, airflow.sdk
from airflow.sdk import Asset, CronTriggerTimetable, Param, dag, get_current_context, task

CODE = (".py", ".pyc", ".so", ".pth")
TZ_DATABASE = ("/zoneinfo/", "/tzdata/")  # a timezone is data the standard library loads on demand
events = []
seen = {}

def hook(event, args):
    if event == "open":
        path, mode = args[0], args[1]
        if isinstance(path, int):
            return
        path = os.fsdecode(path)
        writing = isinstance(mode, str) and any(c in mode for c in "wax+")
        harmless = path.endswith(CODE) or os.path.isdir(path) or any(t in path for t in TZ_DATABASE)
        if writing or not harmless:
            events.append(f"open {mode} {path}")
    elif event.startswith(("socket.", "sqlite3.connect", "subprocess.", "urllib.", "http.")) or event in (
        "os.mkdir", "os.remove", "os.rename", "os.rmdir", "os.system", "shutil.rmtree", "os.truncate",
    ):
        events.append(f"{event} {args!r:.200}")

sys.addaudithook(hook)
for target in targets:
    spec = importlib.util.spec_from_file_location(os.path.basename(target)[:-3], target)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    seen[os.path.basename(target)] = events[:]
    events.clear()
print("EVENTS " + json.dumps(seen))
"""


def _events_of_importing(paths: list[Path], tmp_path: Path) -> dict[str, list[str]]:
    env = {
        **os.environ,
        "AIRFLOW_HOME": str(tmp_path / "airflow-home"),
        "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        # If a DAG file looked these up at import time, the hook would see the registry opened.
        "XAETL_REGISTRY": str(tmp_path / "sites.yaml"),
        "XAETL_DATA_DIR": str(tmp_path / "data"),
    }
    (tmp_path / "sites.yaml").write_text("sites: []\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", HARNESS, str(DAGS), *map(str, paths)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    line = next(x for x in proc.stdout.splitlines() if x.startswith("EVENTS "))
    return json.loads(line.removeprefix("EVENTS "))


def test_importing_the_dag_files_does_no_io(tmp_path):
    names = ["xaetl_nightly.py", "xaetl_warehouse.py"]
    assert _events_of_importing([DAGS / n for n in names], tmp_path) == {n: [] for n in names}


def test_the_harness_catches_a_dag_file_that_reads_its_registry_at_import(tmp_path):
    bad = tmp_path / "bad_dag.py"
    bad.write_text(
        "import os\n"
        "from pathlib import Path\n"
        "from airflow.sdk import dag\n"
        "SITES = Path(os.environ['XAETL_REGISTRY']).read_text()\n"
        "@dag(schedule=None)\n"
        "def bad_dag():\n"
        "    pass\n"
        "bad_dag()\n",
        encoding="utf-8",
    )
    events = _events_of_importing([bad], tmp_path)["bad_dag.py"]
    assert any(e.startswith("open r") and e.endswith("sites.yaml") for e in events), events
