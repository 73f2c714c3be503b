"""Airflow test setup: a throwaway AIRFLOW_HOME set before anything imports Airflow."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DAGS = REPO / "dags"

# Airflow reads its home and config when first imported, and writes airflow.cfg there: never let
# the tests touch ~/airflow. The end-to-end test uses its own home in a subprocess.
_HOME = tempfile.mkdtemp(prefix="xaetl-airflow-test-")
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
os.environ["AIRFLOW_HOME"] = _HOME
os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = str(DAGS)
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
# The DAG files import `xaetl_common` as a sibling, as Airflow's DAG processor allows.
if str(DAGS) not in sys.path:
    sys.path.insert(0, str(DAGS))
