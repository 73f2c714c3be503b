"""Thanh Hóa provincial commune portal template (`/web/trang-chu/<category>/<slug>.html`).

Article pages carry what the real ones carry: a visitor counter, mega menu, sidebar, the body,
then a print copy of the whole body after `Đăng lúc: … (GMT+7)`, a comment box with the
comment-code prompt, and a footer with the commune address and phone. As on the real portals the
counter counts every page served (`SimSite.live_counter`: two fetches of one article never have
the same bytes) and, by default, no ETag or Last-Modified is sent (`SimSite.validators`).
"""

from __future__ import annotations

import html

from ingest.simulator import chrome
from ingest.simulator.model import SimArticle, SimSite
from ingest.simulator.templates import load_template

LAYOUT = load_template("thanhhoa_layout.html")

ARTICLE = load_template("thanhhoa_article.html")


def _date(art: SimArticle) -> str:
    return f"{art.published:%d/%m/%Y %H:%M:%S}"


def _page(site: SimSite, *, title: str, main: str, category: str, canonical: str, og_type: str) -> str:
    cat = site.category(category) or site.categories[0]
    district = f"HUYỆN {site.district.upper()} - " if site.district else ""
    options = "".join(f'<option value="{url}">{name}</option>' for name, url in chrome.LINKS)
    cal = "".join(
        f'<li><a href="{site.prefix}/web/trang-chu/lich-cong-tac/{d}.html">{t}</a></li>'
        for t, d in chrome.document_titles(site.id + "/cal", 12)
    )
    return LAYOUT.substitute(
        title_text=html.escape(f"{title} - {site.site_name}"),
        title_attr=html.escape(title),
        description=html.escape(title),
        og_type=og_type,
        canonical=canonical,
        prefix=site.prefix,
        commune=html.escape(site.commune),
        commune_upper=html.escape(site.commune.upper()),
        district=html.escape(site.district or ""),
        district_line=html.escape(district + site.province.upper()),
        province=html.escape(site.province),
        site_name=html.escape(site.site_name),
        body_class="news-detail-page" if og_type == "article" else "news-list-page",
        css=chrome.inline_css(site.id),
        js=chrome.inline_js(site.id),
        menu=chrome.menu_html(site.id, site.prefix),
        doc_list=chrome.doc_list_html(site.id, site.prefix),
        links=chrome.links_html(),
        link_options=options,
        calendar=cal,
        visitor_total=f"{site.visitor_total}",
        visitors_today=f"{site.visitors_today}",
        category_url=site.prefix + site.listing_path(cat.key),
        category_name=html.escape(cat.name),
        main=main,
        address=html.escape(site.address),
        phone=html.escape(site.phone),
        email=html.escape(site.email),
    )


def render_article(site: SimSite, art: SimArticle, *, base_url: str = "") -> str:
    """The full article page: body, then its print copy after `Đăng lúc:`."""
    url = base_url + site.prefix + site.article_path(art)
    others = [a for a in site.articles if a is not art][:8]
    other = "".join(
        f'<li><a href="{site.prefix}{site.article_path(o)}">{html.escape(o.title)}</a> '
        f'<span class="date">({o.published:%d/%m/%Y})</span></li>'
        for o in others
    )
    main = ARTICLE.substitute(
        title=html.escape(art.title),
        date=_date(art),
        summary=html.escape(art.summary),
        body=art.content_html,
        url_q=html.escape(url),
        other=other,
    )
    return _page(site, title=art.title, main=main, category=art.category, canonical=url, og_type="article")


def render_listing(site: SimSite, key: str, page: int, *, base_url: str = "") -> str:
    """One page of a category listing, with numbered pagination and a `rel=next` link."""
    cat = site.category(key)
    arts = site.in_category(key)
    chunk = arts[(page - 1) * site.page_size : page * site.page_size]
    items = "".join(
        f'<div class="news-item"><a class="news-image" href="{site.prefix}{site.article_path(a)}">'
        f'<img src="{site.prefix}/Portals/0/news/{a.post_id or i}.jpg" alt=""></a>'
        f'<a class="news-title" href="{site.prefix}{site.article_path(a)}">{html.escape(a.title)}</a>'
        f'<div class="news-date">{a.published:%d/%m/%Y %H:%M}</div>'
        f'<div class="news-summary">{html.escape(a.summary[:300])}</div></div>\n'
        for i, a in enumerate(chunk)
    )
    pages = site.pages_in(key)
    links = []
    if page > 1:
        links.append(f'<li><a href="{site.prefix}{site.listing_path(key, page - 1)}" rel="prev">«</a></li>')
    for n in range(1, pages + 1):
        cls = ' class="active"' if n == page else ""
        links.append(f'<li{cls}><a href="{site.prefix}{site.listing_path(key, n)}">{n}</a></li>')
    if page < pages:
        links.append(f'<li><a href="{site.prefix}{site.listing_path(key, page + 1)}" rel="next">»</a></li>')
    main = (
        f'<div class="category-title"><h2>{html.escape(cat.name if cat else key)}</h2></div>\n'
        f'<div class="news-list">\n{items}</div>\n<ul class="pagination">{"".join(links)}</ul>\n'
    )
    canonical = base_url + site.prefix + site.listing_path(key, page)
    return _page(
        site, title=cat.name if cat else key, main=main, category=key, canonical=canonical, og_type="website"
    )
