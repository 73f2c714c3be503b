"""`xaetl simulate` runs the bundled simulator in the foreground, writes a registry, stops on Ctrl-C."""

import signal
import subprocess
import sys
import time

import requests

from ingest.sites import load_registry
from tests.helpers.interrupt import INTERRUPTIBLE


def test_simulate_serves_until_interrupted(tmp_path):
    registry = tmp_path / "sites.yaml"
    cmd = [
        sys.executable,
        "-c",
        "from ingest.cli.main import app; app()",
        "simulate",
        "--port",
        "0",
        "--registry-out",
        str(registry),
        "--delay",
        "0.5",
    ]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=INTERRUPTIBLE
    )
    try:
        deadline = time.monotonic() + 30
        while not registry.exists() and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
        assert registry.exists(), proc.stderr.read() if proc.poll() is not None else "no registry written"
        sites = load_registry(registry)
        assert len(sites) == 5 and all(s.delay_s == 0.5 for s in sites)
        assert requests.get(sites[0].listing[0], timeout=5).status_code == 200
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "Portal simulator serving 5 sites at http://127.0.0.1:" in out
    assert "xuan-phu" in out and "Stopping." in err


def test_simulate_reports_a_busy_port(simulator):
    port = simulator.base_url.rsplit(":", 1)[1]
    cmd = [sys.executable, "-c", "from ingest.cli.main import app; app()", "simulate", "--port", port]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "cannot listen" in done.stderr
