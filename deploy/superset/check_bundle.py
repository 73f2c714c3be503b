"""Check the dashboard bundle in a real Superset (side environment): import it, then query every chart
through Superset's REST API against a published warehouse, and probe the connection's sandbox.

Run by check-bundle.sh inside Superset's own venv (Superset needs pandas < 2.2, SQLAlchemy < 2 and
DuckDB 1.x, so it cannot share the project's environment). Prints one line per check; exits 1 when
one fails. Uses deploy/superset/superset_config.py, as the compose service does.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

HERE = Path(__file__).resolve().parent
# Statements the sandboxed connection must refuse: file reads, attaching files, undoing the sandbox.
SANDBOX_PROBES = {
    "read a file": "select * from read_csv('/etc/passwd')",
    "attach a database": "attach '/tmp/xaetl-superset-probe.duckdb' as probe",
    "re-enable file access": "set enable_external_access = true",
    "install an extension": "install httpfs",
}


class Check:
    def __init__(self) -> None:
        self.failures = 0

    def report(self, ok: bool, what: str, detail: str = "") -> None:
        self.failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {what}{': ' + detail if detail else ''}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def superset(env: dict[str, str], *args: str, timeout: int = 900) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(Path(sys.executable).with_name("superset")), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode != 0:
        print(done.stdout[-3000:], done.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"`superset {' '.join(args)}` failed ({done.returncode})")
    return done


def wait_healthy(url: str, proc: subprocess.Popen[bytes], seconds: int = 300) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"superset exited early ({proc.returncode})")
        try:
            if requests.get(url + "/health", timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(2)
    raise SystemExit("superset did not become healthy")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", type=Path, required=True, help="published warehouse.duckdb")
    parser.add_argument("--bundle", type=Path, default=HERE / "bundle")
    parser.add_argument(
        "--screenshot", type=Path, help="save a headless-Chromium screenshot of the dashboard"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary Superset home")
    args = parser.parse_args()
    warehouse = args.warehouse.resolve()
    if not warehouse.is_file():
        raise SystemExit(f"no published warehouse at {warehouse}: run `xaetl demo` first")

    home = Path(tempfile.mkdtemp(prefix="xaetl-superset-"))
    password = secrets.token_urlsafe(16)
    # The deployment's config, plus what only this throwaway instance allows: anonymous viewers
    # (for the screenshot) and no examples.
    config = home / "superset_config.py"
    config.write_text(
        f"exec(open({str(HERE / 'superset_config.py')!r}).read())\n"
        "PUBLIC_ROLE_LIKE = 'Admin'\nAUTH_ROLE_PUBLIC = 'Public'\n",
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "SUPERSET_HOME": str(home),
        "SUPERSET_CONFIG_PATH": str(config),
        "SUPERSET_SECRET_KEY": secrets.token_urlsafe(32),
        "SUPERSET_METADATA_URI": f"sqlite:///{home / 'superset.db'}",
        "FLASK_APP": "superset.app:create_app()",
        "SUPERSET_LOAD_EXAMPLES": "no",
    }
    check = Check()
    started = time.monotonic()
    server = None
    try:
        superset(env, "db", "upgrade")
        superset(
            env, "fab", "create-admin", "--username", "admin", "--password", password,
            "--firstname", "xaetl", "--lastname", "check", "--email", "admin@localhost",
        )  # fmt: skip
        superset(env, "init")
        print(f"ok   superset metadata ready ({time.monotonic() - started:.0f} s)", flush=True)
        done = subprocess.run(
            [sys.executable, str(HERE / "import_bundle.py"), str(args.bundle),
             "--warehouse-uri", f"duckdb:///{warehouse}"],
            env=env, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        output = done.stdout if done.returncode == 0 else done.stderr
        check.report(
            done.returncode == 0, "import bundle", output.strip().splitlines()[-1] if output.strip() else ""
        )
        if done.returncode != 0:
            print(done.stderr[-4000:], file=sys.stderr)
        if done.returncode != 0:
            return 1

        port = free_port()
        url = f"http://127.0.0.1:{port}"
        log = (home / "server.log").open("wb")  # closed with the process below
        server = subprocess.Popen(
            [str(Path(sys.executable).with_name("superset")), "run", "-h", "127.0.0.1", "-p", str(port),
             "--with-threads"],
            env=env, stdout=subprocess.DEVNULL, stderr=log,
        )  # fmt: skip
        wait_healthy(url, server)
        api = requests.Session()
        login = api.post(
            url + "/api/v1/security/login",
            json={"username": "admin", "password": password, "provider": "db", "refresh": False},
            timeout=30,
        )
        login.raise_for_status()
        api.headers["Authorization"] = f"Bearer {login.json()['access_token']}"

        database = api.get(url + "/api/v1/database/", timeout=30).json()["result"]
        names = [d["database_name"] for d in database]
        check.report(names == ["xaetl warehouse"], "database registered", ", ".join(names))
        db_id = database[0]["id"]
        detail = api.get(f"{url}/api/v1/database/{db_id}/connection", timeout=30).json()["result"]
        extra = detail.get("extra") or {}
        extra = json.loads(extra) if isinstance(extra, str) else extra
        config_args = extra.get("engine_params", {}).get("connect_args", {})
        check.report(
            config_args.get("read_only") is True
            and config_args.get("config", {}).get("enable_external_access") is False
            and config_args.get("config", {}).get("lock_configuration") is True,
            "connection sandboxed (connect_args)",
            json.dumps(config_args),
        )

        charts = api.get(url + "/api/v1/chart/", params={"q": "(page_size:100)"}, timeout=30).json()["result"]
        expected = len(list((args.bundle / "charts").glob("*.yaml")))
        check.report(len(charts) == expected, "charts imported", f"{len(charts)} of {expected}")
        for chart in sorted(charts, key=lambda c: c["id"]):
            response = api.get(f"{url}/api/v1/chart/{chart['id']}/data/", timeout=120)
            body = (
                response.json()
                if response.headers.get("content-type", "").startswith("application/json")
                else {}
            )
            results = body.get("result") or [{}]
            rows = sum(r.get("rowcount", 0) or 0 for r in results)
            error = "; ".join(str(r.get("error")) for r in results if r.get("error")) or body.get(
                "message", ""
            )
            ok = response.status_code == 200 and not error
            check.report(
                ok, f"chart {chart['slice_name']!r}", f"HTTP {response.status_code}, {rows} rows {error}"
            )

        board = api.get(url + "/api/v1/dashboard/xaetl", timeout=30)
        on_board = api.get(url + "/api/v1/dashboard/xaetl/charts", timeout=30)
        n_on_board = len(on_board.json().get("result", [])) if on_board.ok else 0
        check.report(board.ok and n_on_board == expected, "dashboard 'xaetl'", f"{n_on_board} charts on it")

        csrf = api.get(url + "/api/v1/security/csrf_token/", timeout=30).json()["result"]
        api.headers.update({"X-CSRFToken": csrf, "Referer": url})
        for what, sql in SANDBOX_PROBES.items():
            response = api.post(
                url + "/api/v1/sqllab/execute/",
                json={
                    "database_id": db_id,
                    "sql": sql,
                    "schema": "main",
                    "runAsync": False,
                    "client_id": secrets.token_hex(5),
                },
                timeout=120,
            )
            refused = response.status_code >= 400 or response.json().get("status") == "failed"
            message = json.dumps(response.json())[:160] if response.content else ""
            check.report(refused, f"sandbox refuses: {what}", message)
        allowed = api.post(
            url + "/api/v1/sqllab/execute/",
            json={"database_id": db_id, "sql": "select count(*) as n from fct_commune_indicators",
                  "schema": "main", "runAsync": False, "client_id": secrets.token_hex(5)},
            timeout=120,
        )  # fmt: skip
        check.report(allowed.ok and allowed.json().get("status") == "success", "SQL Lab reads the marts",
                     json.dumps(allowed.json().get("data", ""))[:80])  # fmt: skip

        if args.screenshot:
            chromium = shutil.which("chromium") or shutil.which("chromium-browser")
            if chromium:
                subprocess.run(
                    [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     "--window-size=1600,2400", "--virtual-time-budget=60000",
                     "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                     f"--screenshot={args.screenshot}", f"{url}/superset/dashboard/xaetl/?standalone=1"],
                    capture_output=True, timeout=300, env={**os.environ, "HOME": str(home)},
                )  # fmt: skip
                check.report(args.screenshot.exists(), "dashboard screenshot", str(args.screenshot))
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=60)
            log.close()
        if not args.keep:
            shutil.rmtree(home, ignore_errors=True)
    print(f"{'all checks passed' if not check.failures else f'{check.failures} checks FAILED'} "
          f"in {time.monotonic() - started:.0f} s")  # fmt: skip
    return 1 if check.failures else 0


if __name__ == "__main__":
    sys.exit(main())
