"""robots.txt rules (RFC 9309 status handling) and the per-host cache."""

from __future__ import annotations

import threading

import pytest

from ingest.robots import RobotsCache, RobotsFetch, policy_from_fetch, robots_url

RULES = b"""User-agent: googlebot
Disallow: /

User-agent: *
Disallow: /xuanphu/admin/
Disallow: /*.pdf$
Crawl-delay: 2
Sitemap: http://h/phutan/sitemap.xml
"""


def test_rules_apply_to_our_token():
    p = policy_from_fetch("h", RobotsFetch(200, RULES))
    assert p.allowed("http://h/xuanphu/web/trang-chu/tin.html")
    assert not p.allowed("http://h/xuanphu/admin/login")
    assert not p.allowed("http://h/files/bao-cao.pdf")
    assert p.crawl_delay() == 2.0 and p.sitemaps() == ["http://h/phutan/sitemap.xml"]


def test_status_handling():
    assert policy_from_fetch("h", RobotsFetch(404)).allowed("http://h/x")  # unavailable: allow
    assert policy_from_fetch("h", RobotsFetch(410)).allowed("http://h/x")
    five = policy_from_fetch("h", RobotsFetch(503))
    assert not five.allowed("http://h/x") and "treated as disallowed" in five.reason
    down = policy_from_fetch("h", RobotsFetch(None, error_class="connection", message="refused"))
    assert not down.allowed("http://h/x") and "refused" in down.reason


def test_cache_fetches_once_per_host_across_threads():
    calls: list[str] = []
    lock = threading.Lock()

    def fetch(url: str) -> RobotsFetch:
        with lock:
            calls.append(url)
        return RobotsFetch(200, b"User-agent: *\nDisallow: /private/\n")

    cache = RobotsCache()
    threads = [
        threading.Thread(target=cache.policy, args=(f"http://h:1/page{i}", fetch)) for i in range(8)
    ] + [threading.Thread(target=cache.policy, args=("http://other:2/x", fetch))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(calls) == ["http://h:1/robots.txt", "http://other:2/robots.txt"]
    assert not cache.policy("http://h:1/private/a", fetch).allowed("http://h:1/private/a")
    assert robots_url("https://xa.gov.vn:8443/web/a?b=1") == "https://xa.gov.vn:8443/robots.txt"


@pytest.mark.parametrize("value", ["nan", "-5"])
def test_crawl_delay_that_is_not_a_finite_non_negative_number_is_ignored(value):
    policy = policy_from_fetch("h", RobotsFetch(200, f"User-agent: *\nCrawl-delay: {value}\n".encode()))
    assert policy.crawl_delay() is None
