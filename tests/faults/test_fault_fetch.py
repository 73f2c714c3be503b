"""Fault suite, items 3, 4, 5 and 10 (fetch side): real crawls (`crawl_sites`) of a hostile
server on 127.0.0.1 — trickling answers, metadata redirects, lying content types, legacy bytes."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile import HostileServer, answer, registry_file, trickle

from ingest.crawl import crawl_sites
from ingest.fetch import FetchConfig, Fetcher, FetchError
from ingest.paths import DataPaths
from ingest.sites import Site, load_registry
from tests.helpers.landing import rows_of

LEGACY = Path(__file__).resolve().parents[1] / "fixtures" / "legacy"
FAST = FetchConfig(
    connect_timeout_s=1.0,
    read_timeout_s=1.0,  # longer than the trickle's gap: only a total deadline can stop it
    retries=1,
    backoff_base_s=0.01,
    backoff_max_s=0.02,
    page_deadline_s=2.0,
)
PAGE = "<html><head><title>Tin {n}</title></head><body><p>Xã Xuân Phú tổ chức hội nghị {n}.</p></body></html>"


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with HostileServer() as srv:
        srv.routes["/robots.txt"] = answer(404, b"")
        yield srv


@pytest.fixture
def paths(tmp_path: Path) -> DataPaths:
    return DataPaths.at(tmp_path / "data").ensure()


def listing(server: HostileServer, slugs: list[str]) -> None:
    links = "".join(f'<li><a href="/tin-tuc/{s}.html">Tin {s}</a></li>' for s in slugs)
    server.routes["/"] = answer(body=f"<html><body><ul>{links}</ul></body></html>".encode())


def good_pages(server: HostileServer, slugs: list[str]) -> None:
    for s in slugs:
        server.routes[f"/tin-tuc/{s}.html"] = answer(body=PAGE.format(n=s).encode())


def registry(tmp_path: Path, server: HostileServer, **site: object) -> list[Site]:
    return load_registry(registry_file(tmp_path, server, "/", **site))


def errors(paths: DataPaths) -> dict[str, tuple[str, str]]:
    return {r["url"]: (r["error_class"], r["message"]) for r in rows_of(paths, "fetch_errors")}


def landed(paths: DataPaths) -> set[str]:
    return {r["url"] for r in rows_of(paths, "pages")}


# -- item 3: total deadlines --------------------------------------------------------------------


@pytest.mark.parametrize("in_headers", [False, True], ids=["body", "headers"])
def test_trickling_page_times_out_at_the_page_deadline_and_the_host_goes_on(
    server, paths, tmp_path, in_headers
):
    listing(server, ["a-1", "slow-2", "b-3", "c-4"])
    good_pages(server, ["a-1", "b-3", "c-4"])
    server.routes["/tin-tuc/slow-2.html"] = trickle(0.3, in_headers=in_headers)
    started = time.monotonic()

    [result] = crawl_sites(registry(tmp_path, server), paths, run_id="20260101T010000Z-aaaaaa", config=FAST)

    took = time.monotonic() - started
    slow = f"{server.base}/tin-tuc/slow-2.html"
    assert errors(paths)[slow][0] == "timeout"
    assert "page deadline of 2 s" in errors(paths)[slow][1]
    assert landed(paths) == {f"{server.base}/tin-tuc/{s}.html" for s in ("a-1", "b-3", "c-4")}
    assert result.pages_failed == 1 and result.pages_new == 3
    assert server.count("/tin-tuc/slow-2.html") == 1  # a passed deadline is not retried
    assert took < 15, took


def test_site_deadline_stops_the_site_and_records_the_rest_as_timeout(server, paths, tmp_path):
    slugs = ["slow-1", "a-2", "b-3"]
    listing(server, slugs)
    good_pages(server, ["a-2", "b-3"])
    server.routes["/tin-tuc/slow-1.html"] = trickle(0.3)
    config = FetchConfig(**{**FAST.__dict__, "page_deadline_s": 30.0})
    started = time.monotonic()

    [result] = crawl_sites(registry(tmp_path, server, deadline_s=2), paths, run_id="r1", config=config)

    assert time.monotonic() - started < 12
    errs = errors(paths)
    assert {u.rsplit("/", 1)[1] for u in errs} == {"slow-1.html", "a-2.html", "b-3.html"}
    assert all(cls == "timeout" and "site's crawl deadline of 2 s" in msg for cls, msg in errs.values())
    assert server.count("/tin-tuc/a-2.html") == 0  # not contacted after the deadline
    assert result.pages_failed == 3
    # the next run (a healthy server) fetches them: recorded failures are retried
    good_pages(server, slugs)
    crawl_sites(registry(tmp_path, server), paths, run_id="r2", config=FAST)
    assert landed(paths) == {f"{server.base}/tin-tuc/{s}.html" for s in slugs}


def test_retry_after_waits_stop_at_the_deadline(server, paths, tmp_path):
    def limited(req):
        answer(503, b"", {"Retry-After": "1"})(req)

    listing(server, ["busy-1"])
    server.routes["/tin-tuc/busy-1.html"] = limited
    config = FetchConfig(**{**FAST.__dict__, "retries": 5, "retry_after_cap_s": 1.5, "page_deadline_s": 2.5})
    started = time.monotonic()
    crawl_sites(registry(tmp_path, server), paths, run_id="r1", config=config)
    assert time.monotonic() - started < 6  # without the deadline: 5 waits of 1 s after 6 tries
    cls, msg = errors(paths)[f"{server.base}/tin-tuc/busy-1.html"]
    assert cls == "http_5xx" and "would pass the deadline" in msg


# -- item 4: SSRF guard and content types ---------------------------------------------------------


def test_redirect_to_metadata_address_is_ssrf_blocked_even_when_listed(server, paths, tmp_path):
    listing(server, ["meta-1", "ok-2"])
    good_pages(server, ["ok-2"])
    server.routes["/tin-tuc/meta-1.html"] = answer(
        302, b"", {"Location": "http://169.254.169.254/latest/meta-data/"}
    )
    sites = registry(tmp_path, server, allowed_hosts=[server.host, "169.254.169.254"])
    crawl_sites(sites, paths, run_id="r1", config=FAST)
    cls, msg = errors(paths)[f"{server.base}/tin-tuc/meta-1.html"]
    assert cls == "ssrf_blocked" and "169.254.169.254" in msg  # not `robots`
    assert landed(paths) == {f"{server.base}/tin-tuc/ok-2.html"}


def test_loopback_registry_ip_literal_needs_the_operator_flag(server, paths, tmp_path):
    listing(server, ["ok-1"])
    good_pages(server, ["ok-1"])
    sites = registry(tmp_path, server, allow_networks=[])
    [result] = crawl_sites(sites, paths, run_id="r1", config=FAST)
    assert server.hits == []  # not one connection, not even robots.txt
    assert set(c for c, _ in errors(paths).values()) == {"ssrf_blocked"}
    assert result.pages_new == 0
    # the run-level flag (XAETL_ALLOW_NETWORKS / FetchConfig.allow_networks) opens it
    config = FetchConfig(**{**FAST.__dict__, "allow_networks": ("127.0.0.0/8",)})
    crawl_sites(sites, paths, run_id="r2", config=config)
    assert landed(paths) == {f"{server.base}/tin-tuc/ok-1.html"}


def _named_site(base_url: str, **kw: object) -> Site:
    """A site under a host name (resolved by the test's patched resolver: no DNS here)."""
    fields: dict = dict(
        id="x",
        commune="x",
        province="y",
        family="generic",
        base_url=base_url,
        listing_urls=("/",),
        delay_s=0.0,
    )
    return Site(**{**fields, **kw})


def test_address_is_checked_by_the_connection_itself_no_rebinding_window(server, monkeypatch):
    """The first lookup (the early check) says public, the second (the connection) says metadata:
    the connection refuses; the name never reaches a socket connect."""
    real = socket.getaddrinfo
    answers = iter(["93.184.216.34", "169.254.169.254"])
    connected: list[object] = []

    def rebinding(host, port, *args, **kwargs):
        if host == "portal.example":
            ip = next(answers, "169.254.169.254")
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port))]
        return real(host, port, *args, **kwargs)

    real_connect = socket.socket.connect

    def watch_connect(self, address):
        connected.append(address)
        return real_connect(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    monkeypatch.setattr(socket.socket, "connect", watch_connect)
    f = Fetcher(_named_site("http://portal.example/"), FAST)
    with pytest.raises(FetchError) as info:
        f.fetch("http://portal.example/tin-tuc/a.html", check_robots=False)
    assert info.value.error_class == "ssrf_blocked" and "169.254.169.254" in info.value.message
    assert connected == []


def test_pinned_connection_reaches_the_checked_address_with_the_host_name(server, monkeypatch):
    good_pages(server, ["a-1"])
    real = socket.getaddrinfo

    def resolve(host, port, *args, **kwargs):
        if host == "portal.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    site = _named_site(f"http://portal.example:{server.port}/", allow_networks=("127.0.0.1/32",))
    got = Fetcher(site, FAST).fetch(
        f"http://portal.example:{server.port}/tin-tuc/a-1.html", check_robots=False
    )
    assert got.status == 200 and b"a-1" in got.body


@pytest.mark.parametrize(
    ("content_type", "why"),
    [("text/plain; charset=utf-8", "content type text/plain"), (None, "no Content-Type")],
)
def test_pages_that_are_not_html_are_refused_not_landed(server, paths, tmp_path, content_type, why):
    listing(server, ["odd-1", "ok-2"])
    good_pages(server, ["ok-2"])
    server.routes["/tin-tuc/odd-1.html"] = answer(body=PAGE.format(n=1).encode(), content_type=content_type)
    crawl_sites(registry(tmp_path, server), paths, run_id="r1", config=FAST)
    cls, msg = errors(paths)[f"{server.base}/tin-tuc/odd-1.html"]
    assert cls == "unsupported_type" and why in msg
    assert landed(paths) == {f"{server.base}/tin-tuc/ok-2.html"}


# -- item 5: legacy encodings served as single bytes ------------------------------------------------


def test_single_byte_tcvn3_and_vni_pages_land_as_unicode_text(server, paths, tmp_path):
    listing(server, ["bao-cao-tcvn3", "thong-bao-vni"])
    server.routes["/tin-tuc/bao-cao-tcvn3.html"] = answer(
        body=(LEGACY / "tcvn3-binh-thanh-dong.html").read_bytes(),
        content_type="text/html; charset=windows-1252",
    )
    server.routes["/tin-tuc/thong-bao-vni.html"] = answer(
        body=(LEGACY / "vni-loc-quang.html").read_bytes(), content_type="text/html"
    )
    crawl_sites(registry(tmp_path, server), paths, run_id="r1", config=FAST)
    assert errors(paths) == {}
    texts = {r["url"].rsplit("/", 1)[1]: r["text"] for r in rows_of(paths, "documents")}
    tcvn3 = texts["bao-cao-tcvn3.html"]
    vni = texts["thong-bao-vni.html"]
    assert "Thu nhập bình quân đầu người đến năm 2030: 90 triệu đồng" in tcvn3
    assert "Thu ngân sách nhà nước trên địa bàn tính đến ngày 30/7/2023 đạt hơn 11.038 triệu đồng" in vni
    for text in (tcvn3, vni):
        assert not set("¸µ©®ªñöø") & set(text)  # no legacy font characters left
