"""`xaetl docs`: dbt docs and Data Docs over local HTTP, every asset local; Chromium renders them offline."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.paths import DataPaths
from ingest.report.datadocs import ASSETS_DIR, localize_html, localize_site, rewrite_table, site_dir
from ingest.report.docs_site import DocsSite, make_server
from tests.helpers import chromium
from tests.helpers.interrupt import INTERRUPTIBLE

pytestmark = pytest.mark.slow
needs_chromium = pytest.mark.skipif(
    chromium.skip_without_chromium(), reason="XAETL_SKIP_BROWSER_TESTS=1 and no headless Chromium"
)
CDN = re.compile(r"(cdn\.jsdelivr|cdnjs|code\.jquery|bootstrapcdn|unpkg\.com|great-expectations-web-assets)")


@pytest.fixture(scope="module")
def docs_dir(demo_warehouse: DataPaths, tmp_path_factory: pytest.TempPathFactory) -> DataPaths:
    """A copy of the demo data dir's docs side (dbt docs generated, Data Docs as GX built them)."""
    from ingest.warehouse.build import dbt_docs_generate, target_dir

    root = tmp_path_factory.mktemp("docs")
    dbt_docs_generate(demo_warehouse)
    for relative in ("gx", "published"):
        shutil.copytree(demo_warehouse.root / relative, root / relative)
    shutil.copytree(target_dir(demo_warehouse), root / "dbt" / "target")
    return DataPaths.at(root)


@pytest.fixture(scope="module")
def server(docs_dir: DataPaths) -> Iterator[str]:
    httpd = make_server(DocsSite.of(docs_dir), port=0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, "", b""


def test_data_docs_are_localized_on_disk_by_each_build(docs_dir: DataPaths) -> None:
    # expectations/context.py rewrites the pages right after GX builds them
    pages = list(site_dir(docs_dir).rglob("*.html"))
    assert len(pages) >= 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not CDN.search(text) and "dataContextId" not in text, page
        assert localize_html(text, vendor_prefix="/v/", images_prefix="/i/").unknown == [], page
    assert (site_dir(docs_dir) / "static" / "xaetl-vendor" / "jquery.min.js").is_file()


def test_every_page_gx_writes_is_localized(docs_dir: DataPaths, tmp_path: Path) -> None:
    """The pages as GX writes them (rebuilt here from the stored results, without the rewrite)."""
    from expectations.context import DATA_DOCS_SITE, get_context

    raw = DataPaths.at(tmp_path)
    shutil.copytree(docs_dir.gx, raw.gx)
    shutil.rmtree(site_dir(raw))
    get_context(raw).build_data_docs(site_names=[DATA_DOCS_SITE])
    pages = list(site_dir(raw).rglob("*.html"))
    assert len(pages) >= 10
    for page in pages:
        original = page.read_text(encoding="utf-8")
        assert CDN.search(original)  # GX writes them with CDN links and a remote logo …
        result = localize_html(original, vendor_prefix="/v/", images_prefix="/i/")
        assert result.unknown == [], page  # … and nothing remote is left to load afterwards
        assert not CDN.search(result.text) and "dataContextId" not in result.text
    assert all((ASSETS_DIR / local).is_file() for local in rewrite_table()["assets"].values())


def test_server_serves_docs_and_nothing_else(server: str) -> None:
    status, kind, body = get(server + "/")
    assert status == 200 and "text/html" in kind and b'href="/dbt/"' in body and b'href="/gx/"' in body
    status, _, body = get(server + "/gx/")
    assert status == 200 and not CDN.search(body.decode()) and b"static/xaetl-vendor/jquery.min.js" in body
    status, kind, body = get(server + "/gx/static/xaetl-vendor/jquery.min.js")
    assert status == 200 and "javascript" in kind and body == (ASSETS_DIR / "jquery.min.js").read_bytes()
    status, kind, _ = get(server + "/gx/static/xaetl-vendor/webfonts/fa-solid-900.woff2")
    assert status == 200 and "font" in kind
    status, _, body = get(server + "/dbt/")
    assert status == 200 and b"dbt" in body
    status, kind, body = get(server + "/dbt/manifest.json")
    assert status == 200 and "json" in kind and b'"send_anonymous_usage_stats": false' in body
    for forbidden in (
        "/dbt/run_results.json",
        "/gx/../../published/warehouse.duckdb",
        "/gx/%2e%2e/%2e%2e/published/warehouse.duckdb",
    ):
        assert get(server + forbidden)[0] == 404, forbidden


@needs_chromium
def test_chromium_renders_data_docs_and_dbt_docs_offline(server: str, tmp_path: Path) -> None:
    index = chromium.dump_dom(server + "/gx/", tmp_path / "profile")
    # bootstrap-table (vendored) turned the inline data into rows: one per validation run
    assert len(re.findall(r'<tr[^>]*data-index="\d+"', index)) >= 9
    assert "fct_commune_indicators" in index
    dbt = chromium.dump_dom(server + "/dbt/#!/model/model.xaetl.fct_commune_indicators", tmp_path / "profile")
    assert "reconciled" in dbt.lower() and "winning_mention_id" in dbt  # rendered from manifest/catalog


@needs_chromium
def test_built_site_works_as_files(docs_dir: DataPaths, tmp_path: Path) -> None:
    # the Data Docs as the build left them, opened straight from disk
    dom = chromium.dump_dom((site_dir(docs_dir) / "index.html").as_uri(), tmp_path / "profile")
    assert len(re.findall(r'<tr[^>]*data-index="\d+"', dom)) >= 9
    site = tmp_path / "site"
    shutil.copytree(site_dir(docs_dir), site)
    before = {p: p.read_bytes() for p in site.rglob("*.html")}
    assert localize_site(site) == []  # idempotent: nothing left to rewrite
    assert {p: p.read_bytes() for p in site.rglob("*.html")} == before


def test_docs_command_prints_where_it_serves(docs_dir: DataPaths) -> None:
    xaetl = Path(sys.executable).with_name("xaetl")
    proc = subprocess.Popen(
        [str(xaetl), "docs", "--data-dir", str(docs_dir.root), "--port", "0", "--no-generate"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        preexec_fn=INTERRUPTIBLE,
    )
    try:
        url, deadline = None, time.monotonic() + 120
        assert proc.stdout is not None
        while url is None and time.monotonic() < deadline:
            line = proc.stdout.readline()
            match = re.search(r"(http://127\.0\.0\.1:\d+/)\s+landing", line)
            url = match.group(1) if match else None
        assert url, proc.stderr.read() if proc.stderr else ""
        status, _, body = get(url + "report.html")
        assert status == 200 and b"Plotly" in body
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            assert proc.wait(timeout=30) == 0
        finally:
            if proc.poll() is None:
                proc.kill()  # a server that outlived its test must not outlive the run
