"""Fault suite, item 7: raw HTML lost under a data directory. The next `xaetl run` notices it and
fetches those pages again, due or not, without validators (the server cannot answer 304 instead
of the bytes);
a reclean never replaces a good text with an empty one, nor lands anything for a lost raw file."""

from __future__ import annotations

import gzip
import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from hostile import HostileRequest, HostileServer, Route, answer, report_page, report_site
from typer.testing import CliRunner

from ingest.cli import exits
from ingest.cli.main import app
from ingest.paths import DataPaths

runner = CliRunner()
ARTICLES = 3
VALIDATORS = ("If-None-Match", "If-Modified-Since")


class Conditional:
    """Article routes with an ETag and a Last-Modified that answer 304 to a matching request."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, bool, int]] = []  # (path, had validators, status)

    def route(self, body: bytes) -> Route:
        etag = f'"{hashlib.sha256(body).hexdigest()[:16]}"'

        def serve(req: HostileRequest) -> None:
            conditional = any(k in req.headers for k in VALIDATORS)
            status = 304 if req.headers.get("If-None-Match") == etag else 200
            self.requests.append((req.path, conditional, status))
            headers = {"ETag": etag, "Last-Modified": "Mon, 01 Dec 2025 00:00:00 GMT"}
            answer(status, b"" if status == 304 else body, headers)(req)

        return serve

    def since(self, start: int) -> list[tuple[str, bool, int]]:
        return sorted(self.requests[start:])


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[HostileServer, Conditional, Path]]:
    with HostileServer() as server:
        pages = Conditional()
        registry = report_site(tmp_path, server, ARTICLES, route=pages.route)
        yield server, pages, registry


def _raw_files(data: Path) -> dict[str, Path]:
    """Raw HTML files under the data directory, by content hash (wherever the store keeps them)."""
    return {p.name.split(".")[0]: p for p in data.rglob("*.html.gz")}


def _run(registry: Path, data: Path) -> str:
    result = runner.invoke(app, ["run", "--registry", str(registry), "--data-dir", str(data)])
    assert result.exit_code == exits.OK, result.output[-3000:]
    return " ".join(result.output.split())


def _documents(data: Path) -> dict[str, tuple[str, int]]:
    with duckdb.connect(str(DataPaths.at(data).published), read_only=True) as con:
        rows = con.execute("select url, clean_version, n_mentions from dim_document").fetchall()
    return {url.rsplit("/", 1)[1]: (version, n) for url, version, n in rows}


@pytest.mark.slow
def test_lost_raw_files_are_refetched_without_validators_by_the_next_run(site, tmp_path):
    _, pages, registry = site
    data = tmp_path / "data"
    _run(registry, data)
    landed = _raw_files(data)
    assert len(landed) == ARTICLES and all(not cond for _, cond, _ in pages.requests)

    seen = len(pages.requests)
    out = _run(registry, data)  # raw intact: articles are revalidated only when due (none tonight)
    assert all(cond and status == 304 for _, cond, status in pages.since(seen))
    assert "lost their raw HTML" not in out

    shutil.rmtree(DataPaths.at(data).raw)
    assert _raw_files(data) == {}
    seen = len(pages.requests)
    out = _run(registry, data)
    assert f"{ARTICLES} landed page(s) had lost their raw HTML: refetched without validators" in out
    assert [(cond, status) for _, cond, status in pages.since(seen)] == [(False, 200)] * ARTICLES
    restored = _raw_files(data)
    assert restored.keys() == landed.keys()
    assert all(
        gzip.decompress(restored[h].read_bytes()) == gzip.decompress(landed[h].read_bytes()) for h in landed
    )

    seen = len(pages.requests)
    out = _run(registry, data)  # healthy again: nothing refetched
    assert all(cond and status == 304 for _, cond, status in pages.since(seen))
    assert "lost their raw HTML" not in out
    assert all(n > 0 for _, n in _documents(data).values())


@pytest.mark.slow
def test_a_reclean_never_replaces_a_good_text_with_an_empty_one(site, tmp_path, monkeypatch):
    from ingest import clean
    from ingest.clean import CLEANER_VERSION, landing

    _, _, registry = site
    data = tmp_path / "data"
    _run(registry, data)
    before = _documents(data)
    assert len(before) == ARTICLES and all(v == CLEANER_VERSION and n > 0 for v, n in before.values())

    raws = _raw_files(data)
    lost, emptied = (raws[hashlib.sha256(report_page(n)).hexdigest()] for n in (0, 1))
    lost.unlink()  # article 0: its raw file is gone
    emptied.write_bytes(gzip.compress(b"<html><body></body></html>"))  # article 1: damaged to nothing
    for module in (clean, landing):  # a newer cleaner
        monkeypatch.setattr(module, "CLEANER_VERSION", f"{CLEANER_VERSION}.next")

    result = runner.invoke(app, ["reclean", "--data-dir", str(data), "--registry", str(registry)])
    out = " ".join(result.output.split())
    assert result.exit_code == exits.INCOMPLETE, out
    assert f"clean_version={CLEANER_VERSION}.next: 1 documents written" in out
    assert "NOT RE-CLEANED: 2 page(s) (1 kept_earlier_text, 1 raw_unreadable)" in out
    assert "kept_earlier_text" in out and "bao-cao-1.html" in out and "bao-cao-0.html" in out

    _run(registry, data)  # the next run restores article 0's raw file; texts stay as they were
    after = _documents(data)
    assert after["bao-cao-0.html"] == before["bao-cao-0.html"]
    assert after["bao-cao-1.html"] == before["bao-cao-1.html"]  # the earlier text, not an empty one
    assert after["bao-cao-2.html"] == (f"{CLEANER_VERSION}.next", before["bao-cao-2.html"][1])


@pytest.mark.slow  # the S3 variant starts the moto server
def test_lost_raw_objects_are_refetched_on_either_store(site, tmp_path, store_url):
    from ingest.storage import Store

    _, pages, registry = site
    store = Store.at(store_url)

    def crawl() -> None:
        args = [
            "crawl",
            "--registry",
            str(registry),
            "--data-dir",
            str(tmp_path / "data"),
            "--store",
            store_url,
            "--raw-audit-nights",  # every raw object checked every night (the rolling audit: test_raw_audit)
            "1",
        ]
        result = runner.invoke(app, args)
        assert result.exit_code == exits.OK, result.output[-3000:]

    crawl()
    landed = {key: store.read_bytes(key) for key in store.files("raw")}
    assert len(landed) == ARTICLES
    for key in landed:  # raw/ lost (pruned, a bucket lifecycle rule, a wrong `rm`)
        store.delete(key)
    seen = len(pages.requests)
    crawl()
    assert [(cond, status) for _, cond, status in pages.since(seen)] == [(False, 200)] * ARTICLES
    assert {key: store.read_bytes(key) for key in store.files("raw")} == landed  # the same bytes again
    seen = len(pages.requests)
    crawl()  # healthy: nothing lost, nothing refetched unconditionally
    assert all(cond for _, cond, _ in pages.since(seen))
