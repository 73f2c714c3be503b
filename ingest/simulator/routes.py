"""Route a site-relative request path to a rendered page of the site's CMS family; robots.txt."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from types import ModuleType
from urllib.parse import parse_qs

from ingest.simulator.families import generic, liferay, thanhhoa
from ingest.simulator.model import SimArticle, SimSite

TEMPLATES: dict[str, ModuleType] = {"thanhhoa": thanhhoa, "liferay": liferay, "generic": generic}
HTML = "text/html; charset=utf-8"

TH_LISTING = re.compile(r"^/web/trang-chu/(?P<key>[^/]+)\.html$")
TH_ARTICLE = re.compile(r"^/web/trang-chu/(?P<key>[^/]+)/(?P<slug>[^/]+)\.html$")
LR_ARTICLE = re.compile(
    r"^/web/(?P<group>[^/]+)/xem-chi-tiet/-/asset_publisher/(?P<inst>[^/]+)/content/(?P<slug>[^/?]+)$"
)
LR_LISTING = re.compile(r"^/web/(?P<group>[^/]+)/(?P<key>[^/]+)$")
WP_ARTICLE = re.compile(r"^/(?P<y>\d{4})/(?P<m>\d{2})/(?P<slug>[^/]+)(?P<slash>/?)$")
WP_PAGED = re.compile(r"^(?P<base>/|/category/(?P<key>[^/]+)/)(?:page/(?P<page>\d+)/)?$")


@dataclass
class Page:
    """A response body the server can send as is (before faults and conditional GET)."""

    status: int
    body: bytes = b""
    content_type: str = HTML
    last_modified: datetime | None = None
    headers: dict[str, str] = field(default_factory=dict)
    validators: bool = True  # ETag / Last-Modified, and 304 to a matching conditional GET


def not_found(site: SimSite | None = None) -> Page:
    name = site.site_name if site else "Cổng thông tin"
    body = (
        f"<!DOCTYPE html><html><head><title>404 - Không tìm thấy trang</title></head><body><h1>{name}</h1>"
        "<p>Trang bạn yêu cầu không tồn tại hoặc đã bị xóa.</p></body></html>"
    )
    return Page(404, body.encode("utf-8"))


def redirect(location: str, status: int = 301) -> Page:
    return Page(status, b"", headers={"Location": location})


def robots_txt(sites: list[SimSite], base_url: str, extra_disallow: list[str]) -> Page:
    """robots.txt for `sites` served at `base_url`: the longest crawl delay, their disallowed paths
    plus `extra_disallow` patterns, their sitemaps."""
    lines = ["User-agent: *"]
    delays = [s.crawl_delay for s in sites if s.crawl_delay]
    if delays:
        lines.append(f"Crawl-delay: {max(delays):g}")
    rules = [s.prefix + p for s in sites for p in s.robots_disallow]
    rules += [s.prefix + "/wp-admin/" for s in sites if s.family == "generic"]
    rules += extra_disallow
    lines += [f"Disallow: {r}" for r in rules] or ["Disallow:"]
    lines += [f"Sitemap: {base_url}{s.prefix}{p}" for s in sites for p in s.sitemap_paths]
    return Page(200, ("\n".join(lines) + "\n").encode(), "text/plain; charset=utf-8")


def _listing_lm(site: SimSite, key: str) -> datetime | None:
    stamps = [a.last_modified for a in site.in_category(key)]
    if site.changed_at:
        stamps.append(site.changed_at)
    return max(stamps, default=None)


def render_article(site: SimSite, art: SimArticle, base_url: str = "") -> str:
    """The full HTML page of an article, as the site's family renders it (no HTTP needed)."""
    return TEMPLATES[site.family].render_article(site, art, base_url=base_url)


def render_listing(site: SimSite, key: str, page: int = 1, base_url: str = "") -> str:
    """One listing page of a category, as the site's family renders it."""
    return TEMPLATES[site.family].render_listing(site, key, page, base_url=base_url)


def _listing(site: SimSite, key: str, page: int, base_url: str) -> Page:
    if site.category(key) is None or not 1 <= page <= site.pages_in(key):
        return not_found(site)
    site.count_visit()
    html_text = render_listing(site, key, page, base_url)
    return Page(
        200, html_text.encode("utf-8"), last_modified=_listing_lm(site, key), validators=bool(site.validators)
    )


def _article(site: SimSite, slug: str, base_url: str) -> Page:
    try:
        art = site.article(slug)
    except KeyError:
        return not_found(site)
    site.count_visit()
    body = render_article(site, art, base_url).encode("utf-8")
    return Page(200, body, last_modified=art.last_modified, validators=bool(site.validators))


def _page_param(query: dict[str, list[str]], name: str) -> int | None:
    raw = (query.get(name) or ["1"])[0]
    return int(raw) if raw.isdigit() else None


def resolve(site: SimSite, path: str, query_string: str, base_url: str) -> Page:
    """The page at `path` (relative to the site's prefix) of `site`; 404 page when none."""
    query = parse_qs(query_string)
    first = site.categories[0].key
    if site.family == "thanhhoa":
        if path in ("", "/", "/web/trang-chu", "/web/trang-chu.html"):
            return _listing(site, first, 1, base_url)
        if m := TH_ARTICLE.match(path):
            return _article(site, m["slug"], base_url)
        if m := TH_LISTING.match(path):
            page = _page_param(query, "page")
            return _listing(site, m["key"], page, base_url) if page else not_found(site)
    elif site.family == "liferay":
        if path in ("", "/", f"/web/{site.group}"):
            return _listing(site, first, 1, base_url)
        if (m := LR_ARTICLE.match(path)) and m["group"] == site.group:
            return _article(site, m["slug"], base_url)
        if (m := LR_LISTING.match(path)) and m["group"] == site.group:
            page = _page_param(query, site.liferay_cur_param)
            return _listing(site, m["key"], page, base_url) if page else not_found(site)
    else:
        return _resolve_generic(site, path, query, base_url)
    return not_found(site)


def _resolve_generic(site: SimSite, path: str, query: dict[str, list[str]], base_url: str) -> Page:
    if path in ("", "/") and "p" in query:
        pid = query["p"][0]
        art = next((a for a in site.articles if str(a.post_id) == pid), None)
        return redirect(base_url + site.prefix + site.article_path(art)) if art else not_found(site)
    if path == "/sitemap.xml":
        body = generic.render_sitemap(site, base_url=base_url).encode("utf-8")
        return Page(200, body, "application/xml; charset=utf-8", _listing_lm(site, site.categories[0].key))
    if path in ("/feed", "/feed/"):
        body = generic.render_feed(site, base_url=base_url).encode("utf-8")
        return Page(
            200, body, "application/rss+xml; charset=UTF-8", _listing_lm(site, site.categories[0].key)
        )
    if m := WP_PAGED.match(path or "/"):
        key = m["key"] or site.categories[0].key
        return _listing(site, key, int(m["page"] or 1), base_url)
    if m := WP_ARTICLE.match(path):
        art = next((a for a in site.articles if a.slug == m["slug"]), None)
        if art is None or f"{art.published:%Y/%m}" != f"{m['y']}/{m['m']}":
            return not_found(site)
        if not m["slash"]:
            return redirect(base_url + site.prefix + site.article_path(art))
        return _article(site, art.slug, base_url)
    return not_found(site)
