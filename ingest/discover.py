"""Discovery of article URLs: listing pages with pagination (family selectors), sitemap.xml and RSS/Atom."""

from __future__ import annotations

import gzip
import io
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml import etree
from selectolax.lexbor import LexborHTMLParser

from ingest.charset import decode_html
from ingest.fetch import normalize_url
from ingest.sites import Family, Site

log = logging.getLogger(__name__)

# Safety net when neither --max-pages nor the site's max_pages bounds a listing walk: 100 pages
# take under 2 minutes at the default 1 s delay (the site deadline bounds the rest of the run).
DEFAULT_MAX_LISTING_PAGES = 100
MAX_SITEMAPS = 50  # nested sitemaps followed from a sitemap index
MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemaps.org limit, uncompressed

# Where generic sites usually publish machine-readable lists, relative to base_url.
GENERIC_SITEMAPS = ("sitemap.xml",)
GENERIC_FEEDS = ("feed/",)

# "Next page" links when a family gives no selector (or it matches nothing).
GENERIC_NEXT_SELECTORS = (
    "a[rel~=next]",
    "link[rel~=next]",
    ".pagination a.next",
    ".pagination li.next a",
    "a.next",
    "a.nextpostslink",
)
SKIP_HREF = ("javascript:", "mailto:", "tel:", "#")
NEXT_LINK_TEXTS = ("trang sau", "sau", "tiếp", "tiếp theo", "next", "»", "›", ">>", ">")

# Generic article-URL heuristics (data, not logic): a URL is an article when it matches no
# NON_ARTICLE pattern and at least one ARTICLE pattern.
NON_ARTICLE = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"/(tag|tags|category|categories|danh-muc|chuyen-muc|page|trang|author|tac-gia|search|tim-kiem)(/|$)",
        r"/(feed|rss|wp-content|wp-admin|wp-json|wp-includes|login|dang-nhap|lien-he|contact)(/|$)",
        r"\.(jpe?g|png|gif|svg|webp|ico|pdf|docx?|xlsx?|pptx?|zip|rar|7z|css|js|xml|json|mp[34]|avi)$",
        r"[?&](page|paged|p|trang)=\d+",
        r"/sitemap",
        r"/\d+(-\d+)+/?$",  # a slug of numbers only (document numbers like 127-2025-0)
    )
)
ARTICLE = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"/\d{4}/\d{1,2}/(\d{1,2}/)?[^/]+",  # WordPress date permalinks
        r"/(tin-tuc|tin-tuc-su-kien|bai-viet|news|post|posts|article|chi-tiet|xem-chi-tiet)/[^/]+",
        r"/[^/]*-[^/]*-[^/]*-[^/]+(\.html?|\.aspx|\.php)?/?$",  # a slug of four words or more
        r"-\d{3,}(\.html?|\.aspx)?/?$",  # slug ending in a numeric id
        r"[?&](p|id|newsid|articleid)=\d+",
    )
)


@dataclass
class Discovery:
    """Article URLs found this run (in discovery order) and what it took."""

    article_urls: list[str] = field(default_factory=list)
    lastmod: dict[str, str] = field(default_factory=dict)  # sitemap <lastmod> of article URLs
    listing_pages: int = 0
    stopped_at_known: int = 0  # listing walks that stopped on a page of known articles
    # every listing walked to its end, or to a page of known articles: False when a walk was cut
    # by the page budget or a failed listing page (what lies deeper was not seen this run)
    listings_complete: bool = True

    def add(self, urls: list[str]) -> None:
        seen = set(self.article_urls)
        for u in urls:
            if u not in seen:
                self.article_urls.append(u)
                seen.add(u)


# (url, kind, optional) -> (body, content type, final url), or None when the fetch failed
# (the caller records the failure unless `optional`).
FetchFn = Callable[[str, str, bool], "tuple[bytes, str | None, str] | None"]


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


def is_article_url(url: str, family: Family) -> bool:
    """Family URL pattern when it has one, else the generic heuristics."""
    known = family.is_article_url(url)
    if known is not None:
        return known
    if any(p.search(url) for p in NON_ARTICLE):
        return False
    return any(p.search(url) for p in ARTICLE)


def _links(tree: LexborHTMLParser, selector: str, base: str) -> list[str]:
    out = []
    for node in tree.css(selector):
        href = (node.attributes.get("href") or "").strip()
        if href and not href.lower().startswith(SKIP_HREF):
            out.append(normalize_url(urljoin(base, href)))
    return out


def _next_page(tree: LexborHTMLParser, base: str, family: Family) -> str | None:
    for selector in ((family.next_page,) if family.next_page else ()) + GENERIC_NEXT_SELECTORS:
        links = _links(tree, selector, base)
        if links:
            return links[0]
    for node in tree.css("a[href]"):
        if node.text(strip=True).lower() in NEXT_LINK_TEXTS:
            href = (node.attributes.get("href") or "").strip()
            if href and not href.lower().startswith(SKIP_HREF):
                return normalize_url(urljoin(base, href))
    return None


def parse_listing(html: str, page_url: str, site: Site) -> tuple[list[str], str | None, list[str]]:
    """(article URLs, next page URL, feed URLs) of one listing page."""
    family = site.adapter
    tree = LexborHTMLParser(html)
    base_tag = tree.css_first("base[href]")
    base = urljoin(page_url, base_tag.attributes.get("href") or "") if base_tag else page_url
    hosts = {h.lower() for h in site.hosts}
    candidates: list[str] = _links(tree, family.article_links, base) if family.article_links else []
    if not candidates:  # no selector, or the layout drifted: every same-host article-shaped link
        candidates = [u for u in _links(tree, "a[href]", base) if is_article_url(u, family)]
    me = normalize_url(page_url)
    articles, seen = [], set()
    for u in candidates:
        if _host(u) in hosts and u != me and u not in seen and is_article_url(u, family):
            seen.add(u)
            articles.append(u)
    nxt = _next_page(tree, base, family)
    if nxt is not None and (_host(nxt) not in hosts or nxt == me):
        nxt = None
    feeds = _links(tree, 'link[rel~=alternate][type*="rss"], link[rel~=alternate][type*="atom"]', base)
    return articles, nxt, feeds


def _xml_root(body: bytes) -> etree._Element | None:
    if body[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(body)) as gz:
                body = gz.read(MAX_SITEMAP_BYTES)
        except (OSError, EOFError):
            return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        return etree.fromstring(body.lstrip(), parser=parser)
    except etree.XMLSyntaxError:
        return None


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def sitemap_entries(body: bytes, base: str) -> tuple[list[tuple[str, str | None]], list[str]]:
    """((page URL, lastmod or None) of each <url>, nested sitemap URLs) of a sitemap or index."""
    root = _xml_root(body)
    if root is None:
        return [], []
    entries: list[tuple[str, str | None]] = []
    for el in root.iter():
        if _local(el.tag) not in ("url", "sitemap"):
            continue
        loc = lastmod = None
        for child in el:
            name, text = _local(child.tag), (child.text or "").strip()
            if name == "loc" and text:
                loc = normalize_url(urljoin(base, text))
            elif name == "lastmod" and text:
                lastmod = text
        if loc:
            entries.append((loc, lastmod))
    if _local(root.tag) == "sitemapindex":
        return [], [loc for loc, _ in entries]
    return entries, []


def parse_sitemap(body: bytes, base: str) -> tuple[list[str], list[str]]:
    """(page URLs, nested sitemap URLs) of a sitemap or sitemap index."""
    entries, nested = sitemap_entries(body, base)
    return [loc for loc, _ in entries], nested


def parse_feed(body: bytes, base: str) -> list[str]:
    """Item links of an RSS 2.0 or Atom feed."""
    root = _xml_root(body)
    if root is None:
        return []
    out = []
    for el in root.iter():
        name = _local(el.tag)
        if name == "item":
            for child in el:
                if _local(child.tag) == "link" and (child.text or "").strip():
                    out.append(normalize_url(urljoin(base, child.text.strip())))
        elif name == "entry":
            for child in el:
                if (
                    _local(child.tag) == "link"
                    and child.get("rel", "alternate") == "alternate"
                    and child.get("href")
                ):
                    out.append(normalize_url(urljoin(base, child.get("href"))))
    return out


def _filter(urls: list[str], site: Site) -> list[str]:
    hosts = {h.lower() for h in site.hosts}
    family = site.adapter
    return [u for u in urls if _host(u) in hosts and is_article_url(u, family)]


def discover(
    site: Site,
    fetch: FetchFn,
    *,
    is_known: Callable[[str], bool],
    max_pages: int | None = None,
    robots_sitemaps: list[str] | None = None,
    stop_at_known: bool = True,
) -> Discovery:
    """Article URLs of a site: sitemaps and feeds first (complete lists), then listing walks that
    stop at the first page holding only known articles (with `stop_at_known`: only once the site's
    listings were walked completely before — else the older articles behind a page of known ones
    may never have been seen), or after `max_pages` listing pages."""
    found = Discovery()
    generic = site.adapter.name == "generic"
    declared_maps = [site.absolute(u) for u in site.sitemap_urls]
    guessed_maps = [site.absolute(u) for u in GENERIC_SITEMAPS] if generic and not declared_maps else []
    maps = [(u, False) for u in declared_maps] + [(u, True) for u in guessed_maps]
    # robots.txt lists the sitemaps of every site on the host; keep those under this site's base
    prefix = site.base_url.rstrip("/") + "/"
    listed = {normalize_url(m) for m, _ in maps}
    maps += [
        (u, False) for u in robots_sitemaps or [] if u.startswith(prefix) and normalize_url(u) not in listed
    ]
    done_maps = 0
    while maps and done_maps < MAX_SITEMAPS:
        map_url, optional = maps.pop(0)
        done_maps += 1
        got = fetch(map_url, "sitemap", optional)
        if got is None:
            continue
        entries, nested = sitemap_entries(got[0], got[2])
        pages = _filter([loc for loc, _ in entries], site)
        found.add(pages)
        kept = set(pages)
        found.lastmod.update({loc: lm for loc, lm in entries if lm and loc in kept})
        maps.extend((n, False) for n in nested if _host(n) in {h.lower() for h in site.hosts})

    feeds = [(site.absolute(u), False) for u in site.feed_urls]
    if generic and not feeds:
        feeds = [(site.absolute(u), True) for u in GENERIC_FEEDS]

    budget = max_pages or site.max_pages or DEFAULT_MAX_LISTING_PAGES
    for start in site.listing:
        url: str | None = normalize_url(start)
        walked: set[str] = set()
        walk_articles: set[str] = set()  # of this listing (other listings may share articles)
        while url and url not in walked and found.listing_pages < budget:
            walked.add(url)
            got = fetch(url, "listing", False)
            found.listing_pages += 1
            if got is None:
                found.listings_complete = False
                break
            body, ctype, final = got
            articles, nxt, page_feeds = parse_listing(decode_html(body, ctype).text, final, site)
            if generic and not site.feed_urls:
                feeds.extend((f, True) for f in page_feeds if (f, True) not in feeds)
            found.add(articles)
            if walk_articles.issuperset(articles):
                # nothing this walk has not seen already: the end of the list, or a pagination
                # trap serving the same links under ever new page numbers
                break
            walk_articles.update(articles)
            if stop_at_known and all(is_known(a) for a in articles):
                found.stopped_at_known += 1
                break
            url = nxt
        if url and url not in walked and found.listing_pages >= budget:
            found.listings_complete = False

    for feed_url, optional in feeds:
        got = fetch(feed_url, "feed", optional)
        if got is not None:
            found.add(_filter(parse_feed(got[0], got[2]), site))
    return found
