"""Discovery parsing: family listing selectors, pagination, generic heuristics, sitemaps, feeds."""

from __future__ import annotations

import gzip

import pytest

from ingest.discover import (
    DEFAULT_MAX_LISTING_PAGES,
    discover,
    is_article_url,
    parse_feed,
    parse_listing,
    parse_sitemap,
)
from ingest.sites import Site
from ingest.sites.families import get_family

BASE = "http://127.0.0.1:8765/xuanphu"
P = "/xuanphu/web/trang-chu"
ITEM = '<div class="news-item"><a class="news-title" href="{}">{}</a></div>'
TH_LISTING = f"""<html><body><nav class="main-menu"><a href="{P}/gioi-thieu.html">Giới thiệu</a></nav>
<div class="news-list">
 {ITEM.format(P + "/tin-tuc-su-kien/bao-cao-6-thang.html", "Báo cáo")}
 {ITEM.format("tin-tuc-su-kien/ket-luan-hoi-nghi.html#c", "Kết luận")}
 {ITEM.format("http://evil.example/web/trang-chu/x/y.html", "Lạ")}
</div>
<ul class="pagination"><li><a rel="next" href="{P}/tin-tuc-su-kien.html?page=2">»</a></li></ul>
</body></html>"""


def site(family: str = "thanhhoa", **kw: object) -> Site:
    fields: dict = dict(
        id="xuan-phu",
        commune="Xuân Phú",
        province="Thanh Hóa",
        family=family,
        base_url=BASE,
        listing_urls=("/web/trang-chu/tin-tuc-su-kien.html",),
    )
    fields.update(kw)
    return Site(**fields)


def test_thanhhoa_listing_uses_family_selectors_and_stays_on_site():
    page = BASE + "/web/trang-chu/tin-tuc-su-kien.html"
    articles, nxt, _ = parse_listing(TH_LISTING, page, site())
    assert articles == [
        BASE + "/web/trang-chu/tin-tuc-su-kien/bao-cao-6-thang.html",
        BASE + "/web/trang-chu/tin-tuc-su-kien/ket-luan-hoi-nghi.html",
    ]
    assert nxt == BASE + "/web/trang-chu/tin-tuc-su-kien.html?page=2"


def test_generic_heuristics():
    fam = get_family("generic")
    assert is_article_url("http://x/2025/07/binh-thanh-dong-ket-qua/", fam)
    assert is_article_url("http://x/tin-tuc/hoi-nghi-tong-ket-nam-2024.html", fam)
    assert is_article_url("http://x/portal/pages/2023-08-13/bao-cao-kinh-te-xa-hoi-12345.aspx", fam)
    for url in (
        "http://x/chuyen-muc/tin-tuc-su-kien/",
        "http://x/page/2/",
        "http://x/wp-content/uploads/2023/08/bao-cao.pdf",
        "http://x/van-ban/127-2025-0/",
        "http://x/",
    ):
        assert not is_article_url(url, fam), url


def test_generic_listing_link_text_next_page():
    html = """<html><body><a href="/2025/07/xa-to-chuc-hoi-nghi/">Tin</a>
    <a href="/chuyen-muc/tin/">Chuyên mục</a><a href="/?paged=2">Trang sau</a></body></html>"""
    s = site("generic", base_url="http://127.0.0.1:8765", listing_urls=("/",))
    articles, nxt, _ = parse_listing(html, "http://127.0.0.1:8765/", s)
    assert articles == ["http://127.0.0.1:8765/2025/07/xa-to-chuc-hoi-nghi/"]
    assert nxt == "http://127.0.0.1:8765/?paged=2"


def test_sitemap_index_and_gzip_and_feeds():
    urlset = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url><loc>http://h/2025/07/a-b-c/</loc></url><url><loc> http://h/2025/06/d-e-f/ </loc></url></urlset>"""
    pages, nested = parse_sitemap(gzip.compress(urlset), "http://h/sitemap.xml.gz")
    assert pages == ["http://h/2025/07/a-b-c/", "http://h/2025/06/d-e-f/"] and nested == []
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>http://h/post-sitemap.xml</loc></sitemap></sitemapindex>"""
    assert parse_sitemap(index, "http://h/") == ([], ["http://h/post-sitemap.xml"])
    rss = b"<rss><channel><item><link>http://h/2025/07/x-y-z/</link></item></channel></rss>"
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="/2025/01/a-b/"/></entry></feed>"""
    assert parse_feed(rss, "http://h/feed/") == ["http://h/2025/07/x-y-z/"]
    assert parse_feed(atom, "http://h/feed/") == ["http://h/2025/01/a-b/"]
    assert parse_sitemap(b"<<not xml", "http://h/") == ([], [])


def test_walk_stops_at_a_page_of_known_articles_and_respects_max_pages():
    pages = {}
    for n in range(1, 5):
        links = "".join(ITEM.format(f"{P}/tin/a{n}-{i}.html", "t") for i in range(3))
        nxt = f'<ul class="pagination"><a rel="next" href="{P}/tin.html?page={n + 1}">»</a></ul>'
        pages[BASE + f"/web/trang-chu/tin.html?page={n}"] = f'<div class="news-list">{links}</div>{nxt}'
    pages[BASE + "/web/trang-chu/tin.html"] = pages.pop(BASE + "/web/trang-chu/tin.html?page=1")
    fetched: list[str] = []

    def fetch(url, kind, optional):
        fetched.append(url)
        return (pages[url].encode(), "text/html", url) if url in pages else None

    s = site(listing_urls=("/web/trang-chu/tin.html",))
    known = {BASE + f"/web/trang-chu/tin/a2-{i}.html" for i in range(3)}
    found = discover(s, fetch, is_known=known.__contains__)
    assert len(fetched) == 2 and found.stopped_at_known == 1  # page 2 held only known articles
    assert len(found.article_urls) == 6
    fetched.clear()
    found = discover(s, fetch, is_known=lambda u: False, max_pages=3)
    assert len(fetched) == 3 and found.listing_pages == 3 and len(found.article_urls) == 9


def _trap_listing(page: int, fresh: bool) -> bytes:
    """A generic listing page that always links to a next page; `fresh`: a new article on each."""
    slug = f"bai-moi-so-{page}" if fresh else "bai-cu-lap-lai"
    return (
        f'<html><body><a href="/tin-tuc/{slug}.html">Tin</a>'
        f'<a rel="next" href="/danh-sach?page={page + 1}">»</a></body></html>'
    ).encode()


@pytest.mark.parametrize(
    ("fresh", "pages"),
    [(False, 2), (True, DEFAULT_MAX_LISTING_PAGES)],
    ids=["same links: a trap, stops at the second page", "new links forever: stops at the bound"],
)
def test_pagination_is_bounded(fresh, pages):
    def fetch(url, kind, optional):
        if kind != "listing":
            return None
        page = int(url.rsplit("=", 1)[1]) if "=" in url else 1
        return _trap_listing(page, fresh=fresh), "text/html", url

    found = discover(
        site("generic", base_url="http://h", listing_urls=("/danh-sach",)), fetch, is_known=lambda u: False
    )
    assert found.listing_pages == pages
    assert DEFAULT_MAX_LISTING_PAGES == 100
    if not fresh:
        assert found.article_urls == ["http://h/tin-tuc/bai-cu-lap-lai.html"]
