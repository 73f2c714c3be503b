"""Fetcher against a scripted local HTTP server: retries, limits, redirects, robots, validators."""

from __future__ import annotations

import gzip
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest
from _crawl_httpd import TinyServer, html

from ingest.fetch import FetchConfig, Fetcher, FetchError, parse_retry_after, user_agent
from ingest.politeness import HostGate
from ingest.sites import Site

FAST = FetchConfig(
    connect_timeout_s=1.0,
    read_timeout_s=0.5,
    retries=2,
    backoff_base_s=0.01,
    backoff_max_s=0.05,
    retry_after_cap_s=1.0,
    max_body_bytes=10_000,
)
PAGE = "<html><head><title>Tin</title></head><body><p>Xã Xuân Phú tổ chức hội nghị</p></body></html>"


@pytest.fixture
def server() -> Iterator[TinyServer]:
    srv = TinyServer().start()
    srv.routes["/robots.txt"] = (404, {}, b"")
    yield srv
    srv.stop()


def make_site(server: TinyServer, **kw: object) -> Site:
    fields: dict = dict(
        id="t",
        commune="Xuân Phú",
        province="Thanh Hóa",
        family="generic",
        base_url=server.base,
        listing_urls=("/",),
        delay_s=0.0,
        allow_networks=("127.0.0.1/32",),  # the test server is on loopback: the operator's flag
    )
    fields.update(kw)
    return Site(**fields)


def fetcher(server: TinyServer, config: FetchConfig = FAST, **kw: object) -> Fetcher:
    return Fetcher(make_site(server, **kw), config)


def fails(f: Fetcher, url: str, **kw: object) -> FetchError:
    with pytest.raises(FetchError) as info:
        f.fetch(url, **kw)
    return info.value


def test_ok_page_sends_identifying_user_agent_and_records_validators(server, monkeypatch):
    monkeypatch.setenv("XAETL_CONTACT", "data-team@example.vn")
    server.routes["/a.html"] = html(PAGE, ETag='"v1"', Last_Modified="Sun, 13 Aug 2023 15:14:53 GMT")
    f = Fetcher(make_site(server), FetchConfig(**{**FAST.__dict__, "user_agent": user_agent()}))
    got = f.fetch(server.base + "/a.html#top")
    assert got.status == 200 and got.body == PAGE.encode()
    assert got.url == server.base + "/a.html"  # fragment dropped
    assert got.etag == '"v1"' and got.last_modified == "Sun, 13 Aug 2023 15:14:53 GMT"
    assert got.encoding == "utf-8"
    ua = next(h for h in server.hits if h.path == "/a.html").headers["User-Agent"]
    assert ua.startswith("xaetl/") and "+contact: data-team@example.vn" in ua
    assert f.requests == 2  # robots.txt + the page


def test_conditional_get_sends_validators_and_returns_not_modified(server):
    def route(h: BaseHTTPRequestHandler):
        if h.headers.get("If-None-Match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        return html(PAGE, ETag='"v1"')

    server.routes["/a.html"] = route
    got = fetcher(server).fetch(server.base + "/a.html", etag='"v1"', last_modified="x")
    assert got.not_modified and got.body == b""
    hit = server.hits[-1]
    assert hit.headers["If-None-Match"] == '"v1"' and hit.headers["If-Modified-Since"] == "x"


def test_5xx_is_retried_with_backoff_then_succeeds(server):
    calls = []

    def flaky(h):
        calls.append(1)
        return (500, {}, b"oops") if len(calls) < 3 else html(PAGE)

    server.routes["/a.html"] = flaky
    got = fetcher(server).fetch(server.base + "/a.html")
    assert got.status == 200 and len(calls) == 3


def test_persistent_5xx_gives_http_5xx_after_all_tries(server):
    server.routes["/a.html"] = (502, {}, b"bad gateway")
    err = fails(fetcher(server), server.base + "/a.html")
    assert err.error_class == "http_5xx" and err.status == 502 and "after 3 tries" in err.message
    assert server.count("/a.html") == 3


def test_404_is_http_4xx_without_retry(server):
    err = fails(fetcher(server), server.base + "/missing.html")
    assert err.error_class == "http_4xx" and err.status == 404
    assert server.count("/missing.html") == 1


def test_retry_after_within_cap_is_honoured(server):
    calls = []

    def limited(h):
        calls.append(time.monotonic())
        return (429, {"Retry-After": "1"}, b"") if len(calls) == 1 else html(PAGE)

    server.routes["/a.html"] = limited
    got = fetcher(server).fetch(server.base + "/a.html")
    assert got.status == 200
    assert calls[1] - calls[0] >= 0.95


def test_retry_after_beyond_cap_is_recorded_and_host_left_alone(server):
    server.routes["/a.html"] = (503, {"Retry-After": "3600"}, b"")
    server.routes["/b.html"] = html(PAGE)
    f = fetcher(server)
    err = fails(f, server.base + "/a.html")
    assert err.error_class == "rate_limited" and "3600" in err.message and err.status == 503
    err_b = fails(f, server.base + "/b.html")  # the host asked for an hour: no request at all
    assert err_b.error_class == "rate_limited"
    assert server.count("/a.html") == 1 and server.count("/b.html") == 0


def test_slow_answer_is_a_timeout(server):
    def slow(h):
        time.sleep(1.2)
        return html(PAGE)

    server.routes["/slow.html"] = slow
    cfg = FetchConfig(**{**FAST.__dict__, "retries": 0})
    err = fails(fetcher(server, cfg), server.base + "/slow.html")
    assert err.error_class == "timeout"


def test_body_over_limit_by_content_length(server):
    server.routes["/big.html"] = html("x" * 20_000)
    err = fails(fetcher(server), server.base + "/big.html")
    assert err.error_class == "too_large" and "20000" in err.message


def test_body_over_limit_without_content_length(server):
    def streamed(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Connection", "close")
        h.end_headers()
        for _ in range(30):
            h.wfile.write(b"y" * 1000)
        return None

    server.routes["/stream.html"] = streamed
    err = fails(fetcher(server), server.base + "/stream.html")
    assert err.error_class == "too_large"


def test_gzip_that_inflates_past_limit_is_too_large(server):
    bomb = gzip.compress(b"<html>" + b" " * 200_000 + b"</html>")
    assert len(bomb) < 10_000
    server.routes["/gz.html"] = (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, bomb)
    err = fails(fetcher(server), server.base + "/gz.html")
    assert err.error_class == "too_large" and "gzip" in err.message


def test_truncated_body_is_retried_then_recorded(server):
    def short(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "5000")
        h.send_header("Connection", "close")
        h.end_headers()
        h.wfile.write(b"<html><body>cut")
        h.close_connection = True
        return None

    server.routes["/cut.html"] = short
    err = fails(fetcher(server), server.base + "/cut.html")
    assert err.error_class == "truncated"
    assert server.count("/cut.html") == 3


def test_empty_body_is_an_error(server):
    server.routes["/empty.html"] = (200, {"Content-Type": "text/html"}, b"")
    assert fails(fetcher(server), server.base + "/empty.html").error_class == "empty"


def test_non_html_is_unsupported_for_articles(server):
    server.routes["/doc.pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4")
    assert fails(fetcher(server), server.base + "/doc.pdf", html_only=True).error_class == "unsupported_type"


def test_malformed_status_line_is_protocol(server):
    def garbage(h):
        h.wfile.write(b"HTTX/9 what\r\n\r\n")
        h.close_connection = True
        return None

    server.routes["/bad.html"] = garbage
    cfg = FetchConfig(**{**FAST.__dict__, "retries": 0})
    assert fails(fetcher(server, cfg), server.base + "/bad.html").error_class == "protocol"


def test_same_host_redirect_is_followed(server):
    server.routes["/old.html"] = (301, {"Location": "/new.html"}, b"")
    server.routes["/new.html"] = html(PAGE)
    got = fetcher(server).fetch(server.base + "/old.html")
    assert got.final_url == server.base + "/new.html" and got.redirects == [server.base + "/new.html"]


def test_redirect_loop(server):
    server.routes["/a.html"] = (302, {"Location": "/b.html"}, b"")
    server.routes["/b.html"] = (302, {"Location": "/a.html"}, b"")
    err = fails(fetcher(server), server.base + "/a.html")
    assert err.error_class == "redirect_loop" and "/a.html -> " in err.message
    assert server.count("/a.html") == 1


def test_too_many_redirects(server):
    for i in range(10):
        server.routes[f"/r{i}"] = (302, {"Location": f"/r{i + 1}"}, b"")
    assert fails(fetcher(server), server.base + "/r0").error_class == "redirect_loop"
    assert server.count() <= 1 + 6


def test_offsite_redirect_is_refused(server):
    other = TinyServer().start()
    try:
        other.routes["/x"] = html(PAGE)
        server.routes["/a.html"] = (302, {"Location": other.base + "/x"}, b"")
        err = fails(fetcher(server), server.base + "/a.html")
        assert err.error_class == "redirect_offsite" and other.host in err.message
        assert other.count() == 0
    finally:
        other.stop()


def test_allowed_host_on_a_non_allowed_loopback_address_is_ssrf_blocked(server):
    # 127.0.0.1 is allowed for this site (its allow_networks); [::1] is loopback too but not
    # allowed, though listed in allowed_hosts: a redirect there is refused before any connection.
    alias = f"[::1]:{server.port}"
    server.routes["/a.html"] = (302, {"Location": f"http://{alias}/b.html"}, b"")
    f = fetcher(server, allowed_hosts=(server.host, alias))
    err = fails(f, server.base + "/a.html")
    assert err.error_class == "ssrf_blocked" and "::1" in err.message
    assert server.count("/b.html") == 0


def test_loopback_without_the_operator_flag_is_ssrf_blocked(server):
    server.routes["/a.html"] = html(PAGE)
    f = fetcher(server, allow_networks=())
    err = fails(f, server.base + "/a.html")
    assert err.error_class == "ssrf_blocked" and "127.0.0.1" in err.message
    assert server.count() == 0  # not even robots.txt


def test_url_outside_allowed_hosts_is_refused_before_any_request(server):
    err = fails(fetcher(server), "http://10.1.2.3/x")
    assert err.error_class == "invalid_url"
    assert fails(fetcher(server), "ftp://127.0.0.1/x").error_class == "invalid_url"


def test_robots_disallow_blocks_without_requesting(server):
    server.routes["/robots.txt"] = (
        200,
        {"Content-Type": "text/plain"},
        b"User-agent: *\nDisallow: /private/\n",
    )
    server.routes["/private/a.html"] = html(PAGE)
    server.routes["/public.html"] = html(PAGE)
    f = fetcher(server)
    assert fails(f, server.base + "/private/a.html").error_class == "robots"
    assert f.fetch(server.base + "/public.html").status == 200
    assert server.count("/private/a.html") == 0 and server.count("/robots.txt") == 1


def test_robots_server_error_disallows_the_host(server):
    server.routes["/robots.txt"] = (500, {}, b"")
    err = fails(fetcher(server), server.base + "/public.html")
    assert err.error_class == "robots" and "treated as disallowed" in err.message


def test_robots_crawl_delay_raises_host_delay(server):
    server.routes["/robots.txt"] = (200, {}, b"User-agent: *\nCrawl-delay: 0.4\n")
    server.routes["/a.html"] = html(PAGE)
    server.routes["/b.html"] = html(PAGE)
    f = Fetcher(make_site(server), FAST, gate=HostGate())
    f.fetch(server.base + "/a.html")
    f.fetch(server.base + "/b.html")
    starts = f.gate.starts(server.host)
    assert starts[-1] - starts[-2] >= 0.39


def test_parse_retry_after_forms():
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(None) is None and parse_retry_after("soon") is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
