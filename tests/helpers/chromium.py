"""Headless Chromium (Debian package `chromium`), offline: render a page, dump its DOM, screenshot it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

# Every name resolves nowhere and every proxied connection goes to a closed port: nothing leaves the
# machine even where a network namespace cannot be made (127.0.0.1 stays reachable for local servers).
OFFLINE_FLAGS = [
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    "--proxy-server=http://127.0.0.1:9",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
]


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def skip_without_chromium() -> bool:
    """Browser tests run wherever the suite runs (`scripts/test.sh` installs Debian's chromium);
    only an explicit `XAETL_SKIP_BROWSER_TESTS=1` skips them when the browser is missing."""
    return chromium() is None and os.environ.get("XAETL_SKIP_BROWSER_TESTS") == "1"


def _command(binary: str, profile: Path, width: int, height: int, *extra: str, isolate: bool) -> list[str]:
    cmd = [
        binary,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        f"--window-size={width},{height}",
        "--virtual-time-budget=15000",
        *OFFLINE_FLAGS,
        *extra,
    ]
    # A fresh network namespace has no interface but a downed loopback: offline for certain
    # (only for file:// pages: a local server on the host's loopback is out of reach from it).
    unshare = shutil.which("unshare")
    if isolate and unshare and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0:
        cmd = [unshare, "-n", *cmd]
    return cmd


def dump_dom(url: str, profile: Path, *, width: int = 1400, height: int = 3000) -> str:
    """The DOM after scripts ran (file:// pages in a network namespace when one can be made)."""
    binary = chromium()
    assert binary, "chromium is not installed"
    done = subprocess.run(
        _command(binary, profile, width, height, "--dump-dom", url, isolate=url.startswith("file:")),
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "HOME": str(profile)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def screenshot(url: str, out: Path, profile: Path, *, width: int = 1400, height: int = 3000) -> Path:
    binary = chromium()
    assert binary, "chromium is not installed"
    done = subprocess.run(
        _command(binary, profile, width, height, f"--screenshot={out}", url, isolate=url.startswith("file:")),
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "HOME": str(profile)},
    )
    assert done.returncode == 0 and out.exists(), done.stderr[-2000:]
    return out
