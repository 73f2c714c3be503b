"""Fault suite, items 8 and 10: pages nested thousands deep, pagination traps, binary and oversized
inputs to the CLI, broken registries — each a clear error or a bounded, recorded result."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile import HostileServer, answer, registry_file
from typer.testing import CliRunner

from ingest.cli.main import app
from ingest.crawl import crawl_sites
from ingest.fetch import FetchConfig
from ingest.paths import DataPaths
from ingest.sites import load_registry
from tests.helpers.landing import rows_of

runner = CliRunner()
FAST = FetchConfig(connect_timeout_s=1.0, read_timeout_s=2.0, retries=0, page_deadline_s=20.0)
SENTENCE = "Thu ngân sách xã đạt 4.271 triệu đồng, bằng 105% dự toán."


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with HostileServer() as srv:
        srv.routes["/robots.txt"] = answer(404, b"")
        yield srv


def _registry(tmp_path: Path, server: HostileServer) -> Path:
    return registry_file(tmp_path, server, "/danh-sach")


# -- item 8: nesting ------------------------------------------------------------------------------


def test_deeply_nested_pages_land_with_their_text_not_empty(server, tmp_path):
    pages = {
        "long-divs": "<div>" * 60000 + f"<p>{SENTENCE}</p>" + "</div>" * 60000,
        "unclosed-fonts": "<p>" + "<font size=2>" * 3000 + SENTENCE + "</p>",
        "nested-divs": "<div>" * 2500 + f"<p>{SENTENCE}</p>" + "</div>" * 2500,
    }
    links = "".join(f'<a href="/tin-tuc/{slug}.html">x</a>' for slug in pages)
    server.routes["/danh-sach"] = answer(body=f"<html><body>{links}</body></html>".encode())
    for slug, body in pages.items():
        html = f"<html><head><title>Báo cáo {slug}</title></head><body>{body}</body></html>"
        server.routes[f"/tin-tuc/{slug}.html"] = answer(body=html.encode())
    paths = DataPaths.at(tmp_path / "data").ensure()
    started = time.monotonic()

    [result] = crawl_sites(load_registry(_registry(tmp_path, server)), paths, run_id="r1", config=FAST)

    assert time.monotonic() - started < 60
    assert result.pages_new == 3 and result.errors == []
    docs = {r["url"].rsplit("/", 1)[1]: r["text"] for r in rows_of(paths, "documents")}
    assert set(docs) == {f"{slug}.html" for slug in pages}
    assert all(text.splitlines()[-1] == SENTENCE for text in docs.values()), docs


# -- item 10: pagination -----------------------------------------------------------------------------


def test_pagination_trap_is_walked_twice_not_five_hundred_times(server, tmp_path):
    for page in range(1, 600):
        nxt = f'<a rel="next" href="/danh-sach?page={page + 1}">»</a>'
        body = f'<html><body><a href="/tin-tuc/mot-bai-viet-lap-lai.html">Tin</a>{nxt}</body></html>'
        server.routes["/danh-sach" + (f"?page={page}" if page > 1 else "")] = answer(body=body.encode())
    server.routes["/tin-tuc/mot-bai-viet-lap-lai.html"] = answer(
        body=f"<html><body><p>{SENTENCE}</p></body></html>".encode()
    )
    paths = DataPaths.at(tmp_path / "data").ensure()
    crawl_sites(load_registry(_registry(tmp_path, server)), paths, run_id="r1", config=FAST)
    listing_hits = sum(1 for p, _ in server.hits if p.startswith("/danh-sach"))
    assert listing_hits == 2


# -- item 10: CLI inputs ---------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["clean", "extract"])
def test_binary_input_is_refused_in_one_line(command, tmp_path):
    binary = tmp_path / "ls.html"
    shutil.copy(shutil.which("ls") or "/bin/ls", binary)
    result = runner.invoke(app, [command, str(binary)])
    assert result.exit_code == 1
    assert "ELF executable" in result.output and "not an HTML page" in result.output
    assert result.output.count("\n") == 1 and "{" not in result.output  # no JSON mention invented


@pytest.mark.parametrize("command", ["clean", "extract"])
def test_oversized_input_is_refused_before_it_is_parsed(command, tmp_path):
    big = tmp_path / "big.html"
    para = f"<p>{SENTENCE}</p>\n".encode()
    big.write_bytes(b"<html><body>" + para * (11_000_000 // len(para)) + b"</body></html>")
    started = time.monotonic()
    result = runner.invoke(app, [command, str(big)])
    assert result.exit_code == 1 and "larger than 10 MB" in result.output
    assert time.monotonic() - started < 5
    ok = runner.invoke(app, [command, str(big), "--max-mb", "20"])
    assert ok.exit_code == 0, ok.output


def test_non_utf8_text_is_refused_by_extract(tmp_path):
    text = tmp_path / "doc.txt"
    text.write_bytes("Thu ngân sách xã đạt 4.271 triệu đồng.".encode("cp1258", errors="replace"))
    result = runner.invoke(app, ["extract", str(text)])
    assert result.exit_code == 1 and "not UTF-8" in result.output


# -- item 10: registries --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("sites:\n  - id: x\n    commune: Xuân Phú\n".encode("cp1258"), "not UTF-8"),
        (
            b"sites:\n  - {id: x, commune: a, province: b, base_url: 'http://h/', family: [generic]}\n",
            "family",
        ),
        (b"sites:\n  - {id: x, commune: a, province: b, base_url: 'http://h/', delay_s: .inf}\n", "finite"),
        (b"sites:\n  - {id: x, commune: a, province: b, base_url: 'http://h/', delay_s: .nan}\n", "finite"),
        (b"sites:\n  - {id: x, commune: a, province: b, base_url: 'http://'}\n", "with a host"),
    ],
)
def test_broken_registry_is_a_one_line_error_naming_the_file(tmp_path, content, message):
    registry = tmp_path / "broken-sites.yaml"
    registry.write_bytes(content)
    result = runner.invoke(app, ["crawl", "--registry", str(registry), "--data-dir", str(tmp_path / "d")])
    assert result.exit_code == 2
    assert message in result.output and "broken-sites.yaml" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "d" / "landing").exists() or not any(
        (tmp_path / "d" / "landing").rglob("*.parquet")
    )
