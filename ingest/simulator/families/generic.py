"""WordPress-like district news site template: `/YYYY/MM/<slug>/`, `/?p=N`, sitemap.xml and RSS."""

from __future__ import annotations

import html
from email.utils import format_datetime

from ingest.simulator import chrome
from ingest.simulator.model import SimArticle, SimSite
from ingest.simulator.templates import load_template

LAYOUT = load_template("generic_layout.html")
ARTICLE = load_template("generic_article.html")


def _page(
    site: SimSite, *, title: str, main: str, canonical: str, body_class: str, head_links: str = ""
) -> str:
    recent = "".join(
        f'<li><a href="{site.prefix}{site.article_path(a)}">{html.escape(a.title)}</a></li>'
        for a in site.articles[:5]
    )
    months = sorted({(a.published.year, a.published.month) for a in site.articles}, reverse=True)
    archives = "".join(f"<li><a href='{site.prefix}/{y}/{m:02d}/'>Tháng {m} {y}</a></li>" for y, m in months)
    return LAYOUT.substitute(
        title_text=html.escape(f"{title} – {site.site_name}"),
        canonical=canonical,
        head_links=head_links,
        site_name=html.escape(site.site_name),
        prefix=site.prefix,
        css=chrome.inline_css(site.id),
        js=chrome.inline_js(site.id),
        body_class=body_class,
        district=html.escape(site.district or ""),
        province=html.escape(site.province),
        menu=chrome.menu_html(site.id, site.prefix, "menu nav-menu", "/chuyen-muc/{path}/"),
        main=main,
        recent=recent,
        archives=archives,
        doc_list=chrome.doc_list_html(site.id, site.prefix, 140, "/van-ban/{path}/"),
        links=chrome.links_html(),
        address=html.escape(site.address),
        phone=html.escape(site.phone),
        email=html.escape(site.email),
    )


def render_article(site: SimSite, art: SimArticle, *, base_url: str = "") -> str:
    """A single post page."""
    url = base_url + site.prefix + site.article_path(art)
    cat = site.category(art.category) or site.categories[0]
    main = ARTICLE.substitute(
        post_id=art.post_id,
        cat_key=cat.key,
        title=html.escape(art.title),
        iso=art.published.isoformat(),
        date=f"{art.published:%d/%m/%Y}",
        body=art.content_html,
        cat_url=site.prefix + site.listing_path(cat.key),
        cat_name=html.escape(cat.name),
        prefix=site.prefix,
    )
    head = f"<link rel='shortlink' href='{base_url}{site.prefix}/?p={art.post_id}'>\n"
    return _page(
        site,
        title=art.title,
        main=main,
        canonical=url,
        head_links=head,
        body_class=f"post-template-default single single-post postid-{art.post_id}",
    )


def render_listing(site: SimSite, key: str, page: int, *, base_url: str = "") -> str:
    """The home page (or a category archive): excerpts and `Trang sau` pagination."""
    arts = site.in_category(key)
    chunk = arts[(page - 1) * site.page_size : page * site.page_size]
    items = "".join(
        f'<article id="post-{a.post_id}" class="post-{a.post_id} post type-post status-publish">'
        f'<header class="entry-header"><h2 class="entry-title"><a href="{site.prefix}{site.article_path(a)}" '
        f'rel="bookmark">{html.escape(a.title)}</a></h2>'
        f'<div class="entry-meta"><time class="entry-date published" '
        f'datetime="{a.published.isoformat()}">{a.published:%d/%m/%Y}</time></div></header>'
        f'<div class="entry-summary"><p>{html.escape(a.summary[:300])} [&hellip;]</p></div></article>\n'
        for a in chunk
    )
    pages = site.pages_in(key)
    nav, head = [], ""
    if page > 1:
        prev = site.prefix + site.listing_path(key, page - 1)
        nav.append(f'<a class="prev page-numbers" href="{prev}">« Trang trước</a>')
        head += f'<link rel="prev" href="{base_url}{prev}">\n'
    nav += [
        f'<span aria-current="page" class="page-numbers current">{n}</span>'
        if n == page
        else f'<a class="page-numbers" href="{site.prefix}{site.listing_path(key, n)}">{n}</a>'
        for n in range(1, pages + 1)
    ]
    if page < pages:
        nxt = site.prefix + site.listing_path(key, page + 1)
        nav.append(f'<a class="next page-numbers" href="{nxt}">Trang sau »</a>')
        head += f'<link rel="next" href="{base_url}{nxt}">\n'
    main = (
        f'{items}<nav class="navigation pagination" aria-label="Bài viết"><div class="nav-links">'
        f"{''.join(nav)}</div></nav>\n"
    )
    return _page(
        site,
        title="Trang chủ" if page == 1 else f"Trang {page}",
        main=main,
        canonical=base_url + site.prefix + site.listing_path(key, page),
        head_links=head,
        body_class="home blog" if page == 1 else "blog paged",
    )


def render_sitemap(site: SimSite, *, base_url: str) -> str:
    """`/sitemap.xml`: every post with its last modification."""
    urls = "".join(
        f"<url><loc>{base_url}{site.prefix}{site.article_path(a)}</loc>"
        f"<lastmod>{a.last_modified.isoformat()}</lastmod></url>\n"
        for a in site.articles
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"<url><loc>{base_url}{site.prefix}/</loc></url>\n{urls}</urlset>\n"
    )


def render_feed(site: SimSite, *, base_url: str, n: int = 10) -> str:
    """`/feed/`: RSS 2.0 of the latest posts, full content included as WordPress does."""
    items = "".join(
        f"<item><title>{html.escape(a.title)}</title><link>{base_url}{site.prefix}{site.article_path(a)}</link>"
        f'<pubDate>{format_datetime(a.published)}</pubDate><guid isPermaLink="false">'
        f"{base_url}{site.prefix}/?p={a.post_id}</guid><description><![CDATA[{a.summary[:300]} [&#8230;]]]>"
        f"</description><content:encoded><![CDATA[{a.content_html}]]></content:encoded></item>\n"
        for a in site.articles[:n]
    )
    last = max((a.last_modified for a in site.articles), default=None)
    build = f"<lastBuildDate>{format_datetime(last)}</lastBuildDate>" if last else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">\n'
        f"<channel><title>{html.escape(site.site_name)}</title><link>{base_url}{site.prefix}/</link>"
        f"<description>Tin tức huyện {html.escape(site.district or '')}</description>{build}"
        f"<language>vi</language>\n{items}</channel></rss>\n"
    )
