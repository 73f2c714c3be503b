"""docker-compose.yml, parsed (no Docker here): services, health checks, volumes, BI isolation, no secrets."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
import yaml

from ingest.paths import DataPaths

REPO = Path(__file__).resolve().parents[1]
COMPOSE = REPO / "docker-compose.yml"
ENV_EXAMPLE = REPO / ".env.example"

AIRFLOW_SERVICES = ["api-server", "scheduler", "dag-processor", "triggerer"]
CORE_SERVICES = ["postgres", "airflow-init", *AIRFLOW_SERVICES, "superset"]
CELERY_SERVICES = ["redis", "celery-worker", "celery-warehouse", "minio", "minio-init"]
RUNS_TASKS = ["scheduler", "celery-warehouse"]  # LocalExecutor runs tasks in the scheduler
VAR = re.compile(r"\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}")
SECRET_NAME = re.compile(r"PASSWORD|SECRET|FERNET|TOKEN|_KEY$|WEBHOOK", re.IGNORECASE)
REQUIRED_REF = re.compile(r"^\$\{[A-Z_][A-Z0-9_]*:\?[^}]*\}$")
# A secret of an opt-in profile: empty by default (compose interpolates every profile), refused
# by the service itself when empty.
OPTIONAL_REF = re.compile(r"^\$\{[A-Z_][A-Z0-9_]*:-\}$")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return compose["services"]


def resolve(value: str, env: dict[str, str] | None = None) -> str:
    """Compose interpolation with an empty (or given) environment: `${X:-default}` → default."""
    env = env or {}

    def sub(m: re.Match) -> str:
        name, op, arg = m["name"], m["op"], m["arg"]
        if env.get(name):
            return env[name]
        if op in (":-", "-"):
            return arg
        if op in (":?", "?"):
            raise KeyError(f"{name} is required: {arg}")
        return ""

    return VAR.sub(sub, value.replace("$$", "\0")).replace("\0", "$")


def env_of(service: dict) -> dict[str, str]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {k: str(v) for k, v in env.items()}


def mounts(service: dict) -> list[dict]:
    """Volume entries in long form: type, source, target, read_only."""
    out = []
    for v in service.get("volumes") or []:
        if isinstance(v, dict):
            out.append({"read_only": False, **v})
            continue
        parts = resolve(v).split(":")  # defaults first: `${X:-./a}:/b:ro` holds colons of its own
        source, target = parts[0], parts[1]
        kind = "bind" if source.startswith((".", "/", "$")) else "volume"
        out.append({"type": kind, "source": source, "target": target, "read_only": "ro" in parts[2:]})
    return out


def test_services_and_profiles(services):
    assert set(CORE_SERVICES + CELERY_SERVICES) <= set(services)
    for name in CORE_SERVICES:
        assert not services[name].get("profiles"), f"{name} must start by default"
    for name in CELERY_SERVICES:
        assert services[name].get("profiles") == ["celery"], name


def test_local_executor_by_default_on_postgres_and_celery_when_chosen(services):
    for name in [*AIRFLOW_SERVICES, "airflow-init", "celery-worker", "celery-warehouse"]:
        env = env_of(services[name])
        assert resolve(env["AIRFLOW__CORE__EXECUTOR"]) == "LocalExecutor", name
        assert (
            resolve(env["AIRFLOW__CORE__EXECUTOR"], {"AIRFLOW_EXECUTOR": "CeleryExecutor"})
            == "CeleryExecutor"
        )
        conn = resolve(env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"], {"POSTGRES_PASSWORD": "x"})
        assert conn.startswith("postgresql+psycopg2://") and "@postgres:5432/" in conn, name
        assert env["AIRFLOW__CELERY__BROKER_URL"].startswith("redis://redis:")
    assert services["celery-worker"]["command"] == "celery worker --queues default"
    assert services["celery-warehouse"]["command"] == "celery worker --queues warehouse --concurrency 1"
    commands = {name: services[name]["command"] for name in AIRFLOW_SERVICES}
    assert commands == {
        "api-server": "api-server",
        "scheduler": "scheduler",
        "dag-processor": "dag-processor",
        "triggerer": "triggerer",
    }


def test_every_long_running_service_has_a_health_check_and_waits_for_init(services):
    for name, svc in services.items():
        if name in ("airflow-init", "minio-init"):
            assert svc.get("restart") == "no"
            continue
        test = (svc.get("healthcheck") or {}).get("test")
        assert test and test[0] in ("CMD", "CMD-SHELL") and len(test) >= 2, name
    for name in [*AIRFLOW_SERVICES, "celery-worker", "celery-warehouse"]:
        deps = services[name]["depends_on"]
        assert deps["postgres"]["condition"] == "service_healthy", name
        assert deps["airflow-init"]["condition"] == "service_completed_successfully", name
    for name in ("celery-worker", "celery-warehouse"):
        deps = services[name]["depends_on"]
        assert deps["redis"]["condition"] == "service_healthy"
        assert deps["minio-init"]["condition"] == "service_completed_successfully"
    assert services["minio-init"]["depends_on"]["minio"]["condition"] == "service_healthy"


def test_init_migrates_creates_the_admin_and_the_crawl_pool(services):
    init = services["airflow-init"]
    env = env_of(init)
    assert env["_AIRFLOW_DB_MIGRATE"] == "true" and env["_AIRFLOW_WWW_USER_CREATE"] == "true"
    script = "\n".join(init["command"])
    assert "airflow pools set xaetl_crawl" in script


def test_task_runners_mount_raw_landing_warehouse_and_published_where_the_pipeline_writes(compose, services):
    declared = set(compose["volumes"])
    for name in RUNS_TASKS:
        env = env_of(services[name])
        paths = DataPaths(PurePosixPath(env["XAETL_DATA_DIR"]))  # the layout ingest uses
        by_target = {m["target"]: m for m in mounts(services[name])}
        areas = [paths.warehouse.parent, paths.published.parent]
        if not resolve(env.get("XAETL_STORE", "")):  # the local store: raw and landing on volumes
            areas += [paths.raw, paths.landing]
        for area in areas:
            mount = by_target.get(str(area))
            assert mount and mount["type"] == "volume" and not mount["read_only"], (name, area)
            assert mount["source"] in declared
        registry = by_target[env["XAETL_REGISTRY"]]
        assert registry["read_only"] and registry["type"] == "bind"
    assert {"xaetl-raw", "xaetl-landing", "xaetl-warehouse", "xaetl-published", "minio-data"} <= declared


def test_celery_workers_share_landing_through_minio_and_mount_no_landing_volume(services):
    data = PurePosixPath(env_of(services["scheduler"])["XAETL_DATA_DIR"])
    for name in ("celery-worker", "celery-warehouse"):
        env = env_of(services[name])
        assert resolve(env["XAETL_STORE"]).startswith("s3://xaetl/"), name
        assert resolve(env["AWS_ENDPOINT_URL"]) == "http://minio:9000", name
        targets = {PurePosixPath(m["target"]) for m in mounts(services[name])}
        assert not any(t == data or data in t.parents for t in targets if t.name in ("raw", "landing")), name
        sources = {m["source"] for m in mounts(services[name])}
        assert not sources & {"xaetl-raw", "xaetl-landing"}, name
    crawler = {m["source"] for m in mounts(services["celery-worker"])}
    assert not any(str(s).startswith("xaetl") for s in crawler)  # crawl workers: no data volume at all
    bucket = resolve(env_of(services["minio-init"])["XAETL_BUCKET"])
    assert resolve(env_of(services["celery-worker"])["XAETL_STORE"]) == f"s3://{bucket}/data"
    assert "minio server /data" in "\n".join(services["minio"]["command"])


def test_bi_service_mounts_only_the_published_warehouse_read_only(services):
    bi = services["superset"]
    all_mounts = mounts(bi)
    data_mounts = [
        m
        for m in all_mounts
        if m["type"] == "bind" or str(m["source"]).startswith("xaetl") or m["source"] == "airflow-logs"
    ]
    assert len(data_mounts) == 1
    (published,) = data_mounts
    assert published["source"] == "xaetl-published" and published["read_only"] is True
    others = [m for m in all_mounts if m is not published]
    assert [m["source"] for m in others] == ["superset-home"]  # Superset's own metadata only
    uri = env_of(bi)["XAETL_WAREHOUSE_URI"]
    assert uri.startswith("duckdb:///") and "access_mode=read_only" in uri
    warehouse_file = PurePosixPath(uri.removeprefix("duckdb:///").split("?")[0])
    assert warehouse_file.parent == PurePosixPath(published["target"])
    assert warehouse_file.name == DataPaths(PurePosixPath("/x")).published.name


def test_builds_point_at_dockerfiles_that_exist(services):
    from importlib.metadata import version

    airflow = services["scheduler"]["build"]
    dockerfile = (REPO / airflow["context"] / airflow["dockerfile"]).read_text(encoding="utf-8")
    # The image runs the Airflow and Python versions the lock file and the tests use.
    assert f"ARG AIRFLOW_VERSION={version('apache-airflow')}" in dockerfile
    assert f"ARG PYTHON_VERSION={sys.version_info.major}.{sys.version_info.minor}" in dockerfile
    superset = REPO / services["superset"]["build"]["context"]
    dockerfile = (superset / "Dockerfile").read_text(encoding="utf-8")
    assert "duckdb-engine" in dockerfile and re.search(r'"duckdb>=1\.\d+,<2"', dockerfile)


def _all_values(node, path=()):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _all_values(v, (*path, str(k)))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _all_values(v, (*path, str(i)))
    elif node is not None:
        yield path, str(node)


def test_no_secrets_in_the_compose_file(compose, services):
    for name, svc in services.items():
        for key, value in env_of(svc).items():
            if SECRET_NAME.search(key) and key != "XAETL_ALERT_WEBHOOK":
                opt_in = set(services[name].get("profiles") or []) == {"celery"}
                assert REQUIRED_REF.match(value) or (opt_in and OPTIONAL_REF.match(value)), (
                    f"{name}: {key} must be a required ${{VAR:?}} reference"
                )
    for path, value in _all_values(compose):
        for userinfo in re.findall(r"://([^/@\s]+)@", value):
            _user, _, password = userinfo.partition(":")
            assert not password or REQUIRED_REF.match(password), (path, value)
    text = COMPOSE.read_text(encoding="utf-8")
    assert not re.search(r"(?i)(password|secret)\s*[:=]\s*['\"]?[A-Za-z0-9]{6,}", text)


def test_every_variable_is_documented_in_env_example_and_its_secrets_are_blank():
    documented = {}
    for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            documented[key.strip()] = value.strip()
    values = [
        v.replace("$$", "") for _, v in _all_values(yaml.safe_load(COMPOSE.read_text(encoding="utf-8")))
    ]
    used = {m["name"] for v in values for m in VAR.finditer(v)}  # `$${X}` is the container's, not ours
    assert {"POSTGRES_PASSWORD", "AIRFLOW_FERNET_KEY", "SUPERSET_SECRET_KEY", "AIRFLOW_EXECUTOR"} <= used
    assert used - set(documented) == set()
    for key, value in documented.items():
        if SECRET_NAME.search(key):
            assert value == "", f".env.example must not ship a value for {key}"


def test_the_real_env_file_is_git_ignored():
    proc = subprocess.run(
        ["git", "check-ignore", "-q", ".env"], cwd=REPO, capture_output=True, check=False, timeout=30
    )
    assert proc.returncode == 0, ".env must be listed in .gitignore"


def test_bi_service_imports_the_dashboards_and_loads_nothing_remote(services):
    superset = REPO / services["superset"]["build"]["context"]
    dockerfile = (superset / "Dockerfile").read_text(encoding="utf-8")
    bootstrap = (superset / "bootstrap.sh").read_text(encoding="utf-8")
    assert "COPY --chown=superset:superset bundle /app/xaetl/bundle" in dockerfile
    assert "import_bundle.py /app/xaetl/import_bundle.py" in dockerfile
    # the bundle (sandboxed connection, datasets, charts, dashboard) is imported on every start,
    # pointed at the URI of the read-only mount
    assert re.search(
        r"import_bundle\.py /app/xaetl/bundle\s*\\\s*\n\s*--warehouse-uri \"\$\{XAETL_WAREHOUSE_URI:\?\}\"",
        bootstrap,
    )
    assert (
        bootstrap.index("superset init") < bootstrap.index("import_bundle.py") < bootstrap.index("run-server")
    )
    assert "XAETL_WAREHOUSE_URI" in env_of(services["superset"])
    config = (superset / "superset_config.py").read_text(encoding="utf-8")
    policy = re.search(r"TALISMAN_CONFIG = \{.*?\n\}", config, re.S)
    assert policy and "https://" not in policy.group(0) and "scarf" not in policy.group(0)
    assert "TALISMAN_ENABLED = True" in config


def test_the_airflow_image_compiles_the_extractor_after_copying_it():
    text = (REPO / "deploy" / "airflow" / "Dockerfile").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()]
    build = next(i for i, line in enumerate(lines) if "xaetl native build" in line and line.startswith("RUN"))
    copies = [i for i, line in enumerate(lines) if line.startswith("COPY") and "ingest ./ingest" in line]
    # the build's key is the copied source's: built before it, it would be stale and never loaded
    assert copies and max(copies) < build
    assert "XAETL_NATIVE_DIR=/opt/xaetl/native" in text  # outside the app's source tree
    assert "gcc" in text and '".[native]"' in text  # a C compiler, and mypyc with setuptools
