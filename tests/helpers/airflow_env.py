"""The environment of an Airflow started by a test: a throwaway home, this repo's DAGs, no telemetry."""

from __future__ import annotations

import os
from pathlib import Path

from ingest.pipeline import OFFLINE_ENV

DAGS = Path(__file__).resolve().parents[2] / "dags"


def airflow_env(home: Path, registry: Path, data: Path, **settings: str) -> dict[str, str]:
    """This process's environment without its AIRFLOW* variables, plus an Airflow home, the DAGs
    (unpaused at creation), the xaetl registry and data dir, and `settings` (AIRFLOW__… values)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}
    env.update(
        AIRFLOW_HOME=str(home),
        AIRFLOW__CORE__DAGS_FOLDER=str(DAGS),
        AIRFLOW__CORE__LOAD_EXAMPLES="False",
        # Unpaused, so the landing Asset event queues a run of the warehouse DAG as the scheduler would.
        AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION="False",
        XAETL_REGISTRY=str(registry),
        XAETL_DATA_DIR=str(data),
        **OFFLINE_ENV,
        **settings,
    )
    return env
