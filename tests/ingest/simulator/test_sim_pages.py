"""Pages served over HTTP match the family selectors of families.yaml and look like the real ones."""

import re
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import requests
from bs4 import BeautifulSoup

from ingest.sites.families import get_family

TIMEOUT = 5


def _soup(url: str) -> BeautifulSoup:
    r = requests.get(url, timeout=TIMEOUT)
    assert r.status_code == 200, url
    assert r.headers["Content-Type"].startswith("text/html")
    return BeautifulSoup(r.content, "lxml")


def _walk_listing(sim, site_id: str) -> tuple[list[str], int]:
    """Article URLs found by following the family's listing and next-page selectors."""
    fam = get_family(sim.site(site_id).family)
    url, found, pages = sim.listing_urls(site_id)[0], [], 0
    while url:
        soup = _soup(url)
        pages += 1
        found += [urljoin(url, a["href"]) for a in soup.select(fam.article_links)]
        nxt = soup.select_one(fam.next_page)
        href = nxt.get("href") if nxt else None
        url = urljoin(url, href) if href and not href.startswith("javascript") else None
        assert pages < 10
    return found, pages


def test_thanhhoa_listing_paginates_to_every_article(simulator):
    for sid in ("xuan-phu", "binh-thanh-dong", "loc-quang"):
        found, pages = _walk_listing(simulator, sid)
        assert found == simulator.article_urls(sid)  # newest first, no duplicates
        assert pages == simulator.site(sid).pages_in(simulator.site(sid).categories[0].key)
        fam = get_family("thanhhoa")
        assert all(fam.is_article_url(u) for u in found)
        assert not any(fam.is_article_url(u) for u in simulator.listing_urls(sid))
    assert _walk_listing(simulator, "xuan-phu")[1] == 2


def test_liferay_listing_paginates_with_lfr_buttons(simulator):
    found, pages = _walk_listing(simulator, "lamdong-loc-quang")
    assert found == simulator.article_urls("lamdong-loc-quang") and pages == 2
    assert all(get_family("liferay").is_article_url(u) for u in found)


def test_thanhhoa_article_page_has_body_twice_and_boilerplate(simulator):
    url = simulator.article_urls("xuan-phu")[0]
    r = requests.get(url, timeout=TIMEOUT)
    soup = BeautifulSoup(r.content, "lxml")
    text = " ".join(soup.get_text(" ").split())
    fam = get_family("thanhhoa")
    title = (
        "Báo cáo Tình hình, kết quả thực hiện công tác 6 tháng đầu năm "
        "nhiệm vụ trọng tâm 6 tháng cuối năm 2023"
    )
    assert soup.select_one(fam.title).get_text(strip=True) == title
    assert soup.select_one(fam.date).get_text(strip=True) == "Ngày 13/08/2023 22:14:53"
    assert "Đăng lúc: 13/08/2023 22:14:53 (GMT+7)" in text
    sentence = "sản lượng lương thực có hạt đạt 1.936 tấn, đạt 60% kế hoạch và bằng 114% cùng kỳ"
    assert text.count(sentence) == 2  # body + print copy
    # the family body selector lists the lead and the content, in document order
    body = " ".join(" ".join(el.get_text(" ") for el in soup.select(fam.body)).split())
    assert body.count(sentence) == 1
    for needle in (
        "Truy cập",
        "Hôm nay:",
        "0 bình luận",
        "(Bấm vào đây để nhận mã)",
        "Địa chỉ: UBND Xã Xuân Phú, Thôn Đồng Luồng",
        "SĐT: 0977916732",
    ):
        assert needle in text, needle
    # the counter of the snapshot, plus the pages served since (it counts every visit)
    assert int(re.search(r"Tất cả: (\d+)", text)[1]) > simulator.site("xuan-phu").visitor_total - 100
    for selector in fam.drop:  # every boilerplate selector finds something to drop
        assert soup.select(selector), selector
    assert soup.select_one("div.print-copy").get_text().count("1.936 tấn") == 1
    assert len(soup.select("a[href]")) > 200  # menus + sidebars
    assert 150_000 < len(r.content) < 400_000


def test_liferay_article_matches_selectors(simulator):
    url = simulator.article_urls("lamdong-loc-quang")[0]
    soup = _soup(url)
    fam = get_family("liferay")
    assert "Lộc Quảng" in soup.select_one(fam.title).get_text()
    assert "14/08/2023" in soup.select_one(fam.date).get_text()
    body = soup.select_one(fam.body).get_text(" ")
    assert "11.038 triệu đồng" in body and "222 ha" in body
    for selector in fam.drop:
        assert soup.select(selector), selector


def test_generic_site_has_permalinks_shortlinks_sitemap_and_feed(simulator):
    base = simulator.site_base_url("phutan-news")
    site = simulator.site("phutan-news")
    urls = simulator.article_urls("phutan-news")
    assert all("/2025/0" in u and u.endswith("/") for u in urls)
    # sitemap.xml lists every post
    sm = requests.get(base + "/sitemap.xml", timeout=TIMEOUT)
    locs = [
        e.text for e in ET.fromstring(sm.content).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert set(urls) <= set(locs)
    # RSS feed
    feed = ET.fromstring(requests.get(base + "/feed/", timeout=TIMEOUT).content)
    assert [i.findtext("link") for i in feed.iter("item")] == urls
    # WordPress shortlink redirects to the permalink
    art = site.articles[0]
    r = requests.get(f"{base}/?p={art.post_id}", timeout=TIMEOUT, allow_redirects=False)
    assert r.status_code == 301 and r.headers["Location"] == urls[0]
    soup = _soup(urls[0])
    assert (
        "Xác định thế mạnh của xã là sản xuất nông nghiệp" in soup.select_one("div.entry-content").get_text()
    )
    # home page paginates
    home = _soup(base + "/")
    assert home.select_one("a.next.page-numbers")["href"].endswith("/phutan/page/2/")
    assert requests.get(base + "/page/9/", timeout=TIMEOUT).status_code == 404


def test_unknown_paths_are_404_and_robots_allows_all(simulator):
    assert requests.get(simulator.base_url + "/nowhere", timeout=TIMEOUT).status_code == 404
    xp = simulator.site_base_url("xuan-phu")
    assert (
        requests.get(xp + "/web/trang-chu/tin-tuc-su-kien/khong-co.html", timeout=TIMEOUT).status_code == 404
    )
    assert requests.get(xp + "/web/trang-chu/tin-tuc-su-kien.html?page=7", timeout=TIMEOUT).status_code == 404
    robots = requests.get(simulator.base_url + "/robots.txt", timeout=TIMEOUT).text
    assert "User-agent: *" in robots and "Disallow: /xuanphu" not in robots
    assert requests.get(xp + "/robots.txt", timeout=TIMEOUT).text.startswith("User-agent: *")


def test_head_requests_and_request_log(simulator):
    url = simulator.article_urls("loc-quang")[0]
    r = requests.head(url, timeout=TIMEOUT)
    assert r.status_code == 200 and r.content == b"" and int(r.headers["Content-Length"]) > 100_000
    requests.get(url, timeout=TIMEOUT)
    rec = simulator.request_log[-1]
    assert rec.method == "GET" and rec.status == 200 and rec.site_id == "loc-quang" and not rec.conditional
    assert rec.host == simulator.site_host("loc-quang")
    assert simulator.count(path_prefix="/locquang/") == 2
    assert simulator.count(host=rec.host, status=200) == 2
    simulator.reset_log()
    assert simulator.count() == 0
