"""Conditional GETs (ETag / Last-Modified → 304) and content changes (mutate, add_article).

Thanh Hóa portals send no validators by default (as the real ones); the tests of the validator
machinery switch them on for `xuan-phu` (`with_validators`), the realistic default is tested below.
"""

from datetime import datetime
from email.utils import parsedate_to_datetime

import pytest
import requests
from bs4 import BeautifulSoup

from ingest.sites.families import get_family

TIMEOUT = 5


@pytest.fixture
def with_validators(simulator):
    """Xuân Phú as a Thanh Hóa portal that sends validators and caches its counter (some do)."""
    site = simulator.site("xuan-phu")
    site.validators, site.live_counter = True, False
    return simulator


def test_thanh_hoa_portals_send_no_validators_and_count_every_visit(simulator):
    url = simulator.article_urls("xuan-phu")[0]
    first = requests.get(url, timeout=TIMEOUT)
    second = requests.get(url, headers={"If-None-Match": '"x"', "If-Modified-Since": "Mon, 01 May 2023"})
    assert first.status_code == second.status_code == 200  # never a 304
    assert "ETag" not in first.headers and "Last-Modified" not in first.headers
    assert first.content != second.content  # the visitor counter moved
    counters = [
        BeautifulSoup(r.content, "lxml").select_one(".visitor-counter").get_text() for r in (first, second)
    ]
    assert counters[0] != counters[1]
    # with the counter block taken out, the two answers are the same page
    strip = [BeautifulSoup(r.content, "lxml") for r in (first, second)]
    for soup in strip:
        soup.select_one(".visitor-counter").decompose()
    assert str(strip[0]) == str(strip[1])
    # other families keep their validators
    liferay = simulator.article_urls("lamdong-loc-quang")[0]
    tag = requests.get(liferay, timeout=TIMEOUT).headers["ETag"]
    assert requests.get(liferay, headers={"If-None-Match": tag}, timeout=TIMEOUT).status_code == 304


def test_every_page_has_validators_and_answers_304(with_validators):
    simulator = with_validators
    urls = simulator.listing_urls("xuan-phu") + simulator.article_urls("xuan-phu")[:2]
    urls.append(simulator.site_base_url("phutan-news") + "/feed/")
    for url in urls:
        first = requests.get(url, timeout=TIMEOUT)
        etag, lm = first.headers["ETag"], first.headers["Last-Modified"]
        assert etag.startswith('"') and not etag.startswith("W/")
        same = requests.get(url, timeout=TIMEOUT)
        assert same.headers["ETag"] == etag and same.content == first.content  # stable bodies
        r = requests.get(url, headers={"If-None-Match": etag}, timeout=TIMEOUT)
        assert r.status_code == 304 and r.content == b""
        r = requests.get(url, headers={"If-Modified-Since": lm}, timeout=TIMEOUT)
        assert r.status_code == 304
    assert simulator.count(status=304) == 2 * len(urls)
    assert simulator.count(conditional=True) == 2 * len(urls)


def test_stale_validators_get_the_full_page(with_validators):
    simulator = with_validators
    url = simulator.article_urls("xuan-phu")[0]
    r = requests.get(url, headers={"If-None-Match": '"0000"'}, timeout=TIMEOUT)
    assert r.status_code == 200 and len(r.content) > 100_000
    r = requests.get(url, headers={"If-Modified-Since": "Mon, 01 May 2023 00:00:00 GMT"}, timeout=TIMEOUT)
    assert r.status_code == 200
    # If-None-Match wins over a matching If-Modified-Since
    lm = r.headers["Last-Modified"]
    r = requests.get(url, headers={"If-None-Match": '"0000"', "If-Modified-Since": lm}, timeout=TIMEOUT)
    assert r.status_code == 200
    assert parsedate_to_datetime(lm).strftime("%Y-%m-%d %H:%M:%S") == "2023-08-13 15:14:53"  # 22:14:53 GMT+7


def test_mutate_changes_body_etag_and_last_modified(with_validators):
    simulator = with_validators
    site = simulator.site("xuan-phu")
    slug = site.articles[0].slug
    url = simulator.article_url("xuan-phu", slug)
    before = requests.get(url, timeout=TIMEOUT)
    simulator.mutate("xuan-phu", slug, replace=("đạt 1.936 tấn", "đạt 1.963 tấn"))
    after = requests.get(url, headers={"If-None-Match": before.headers["ETag"]}, timeout=TIMEOUT)
    assert after.status_code == 200
    assert after.headers["ETag"] != before.headers["ETag"]
    assert parsedate_to_datetime(after.headers["Last-Modified"]) > parsedate_to_datetime(
        before.headers["Last-Modified"]
    )
    soup = BeautifulSoup(after.content, "lxml")
    body = " ".join(el.get_text() for el in soup.select(get_family("thanhhoa").body))
    assert "1.963 tấn" in body and "1.936 tấn" not in body and "Cập nhật lúc" in body
    # a second edit makes yet another version, and the new validators work
    again = requests.get(url, headers={"If-None-Match": after.headers["ETag"]}, timeout=TIMEOUT)
    assert again.status_code == 304
    simulator.mutate("xuan-phu", slug)
    third = requests.get(url, headers={"If-None-Match": after.headers["ETag"]}, timeout=TIMEOUT)
    assert third.status_code == 200 and third.content.count("Cập nhật lúc".encode()) == 4  # body + print copy
    assert site.articles[0].version == 2
    with pytest.raises(ValueError, match="not found"):
        simulator.mutate("xuan-phu", slug, replace=("không có câu này", "x"))
    with pytest.raises(KeyError):
        simulator.mutate("xuan-phu", "no-such-article")


def test_add_article_shows_on_page_one_of_the_listing(with_validators):
    simulator = with_validators
    listing = simulator.listing_urls("xuan-phu")[0]
    before = requests.get(listing, timeout=TIMEOUT)
    url = simulator.add_article(
        "xuan-phu",
        title="Xuân Phú tổ chức Lễ ra quân giao nhận quân năm 2024",
        body_html="<p>Sáng nay, xã Xuân Phú tổ chức lễ giao nhận quân cho 16 thanh niên.</p>",
        published=datetime(2024, 2, 20, 7, 30),
    )
    assert url.startswith(simulator.site_base_url("xuan-phu") + "/web/trang-chu/tin-tuc-su-kien/")
    after = requests.get(listing, headers={"If-None-Match": before.headers["ETag"]}, timeout=TIMEOUT)
    assert after.status_code == 200
    links = BeautifulSoup(after.content, "lxml").select(get_family("thanhhoa").article_links)
    assert links[0].get_text() == "Xuân Phú tổ chức Lễ ra quân giao nhận quân năm 2024"
    page = requests.get(url, timeout=TIMEOUT)
    assert page.status_code == 200 and "giao nhận quân cho 16 thanh niên" in page.text
    assert "Ngày 20/02/2024 07:30:00" in page.text
    # WordPress-like site: new post also appears in the feed and the sitemap
    post = simulator.add_article(
        "phutan-news", title="Tin mới", body_html="<p>Nội dung.</p>", published=datetime(2025, 7, 20, 8, 0)
    )
    base = simulator.site_base_url("phutan-news")
    assert post in requests.get(base + "/feed/", timeout=TIMEOUT).text
    assert post in requests.get(base + "/sitemap.xml", timeout=TIMEOUT).text
    assert post == base + "/2025/07/tin-moi/"


def test_each_simulator_has_its_own_content():
    from ingest.simulator import PortalSimulator

    with PortalSimulator() as a, PortalSimulator() as b:
        slug = a.site("loc-quang").articles[0].slug
        a.mutate("loc-quang", slug)
        ra = requests.get(a.article_url("loc-quang", slug), timeout=TIMEOUT)
        rb = requests.get(b.article_url("loc-quang", slug), timeout=TIMEOUT)
        assert "Cập nhật lúc" in ra.text and "Cập nhật lúc" not in rb.text
