"""Liferay-based provincial portal template (`/web/xa-<name>/xem-chi-tiet/-/asset_publisher/...`)."""

from __future__ import annotations

import html

from ingest.simulator import chrome
from ingest.simulator.model import SimArticle, SimSite
from ingest.simulator.templates import load_template

LAYOUT = load_template("liferay_layout.html")

ARTICLE = load_template("liferay_article.html")


def _page(site: SimSite, *, title: str, main: str, canonical: str) -> str:
    return LAYOUT.substitute(
        title_text=html.escape(f"{title} - {site.site_name}"),
        title_attr=html.escape(title),
        canonical=canonical,
        prefix=site.prefix,
        group=site.group,
        group_id=str(20000 + sum(map(ord, site.id))),
        layout_id=str(len(site.id)),
        instance=site.portlet_instance,
        site_name=html.escape(site.site_name),
        menu=chrome.menu_html(site.id, site.prefix, "nav nav-main", f"/web/{site.group}/{{path}}"),
        main=main,
        doc_list=chrome.doc_list_html(
            site.id, site.prefix, 140, f"/web/{site.group}/van-ban/-/document/{{path}}"
        ),
        links=chrome.links_html(),
        province=html.escape(site.province),
        address=html.escape(site.address),
        phone=html.escape(site.phone),
        email=html.escape(site.email),
        css=chrome.inline_css(site.id),
        js=chrome.inline_js(site.id),
    )


def render_article(site: SimSite, art: SimArticle, *, base_url: str = "") -> str:
    """A Liferay web content display page of one asset."""
    url = base_url + site.prefix + site.article_path(art)
    other = "".join(
        f'<li><a href="{site.prefix}{site.article_path(o)}">{html.escape(o.title)}</a></li>'
        for o in site.articles
        if o is not art
    )
    main = ARTICLE.substitute(
        instance=site.portlet_instance,
        asset_id=str(art.post_id),
        title=html.escape(art.title),
        date=f"{art.published:%d/%m/%Y %H:%M}",
        body=art.content_html,
        url_q=html.escape(url),
        other=other,
    )
    return _page(site, title=art.title, main=main, canonical=url)


def render_listing(site: SimSite, key: str, page: int, *, base_url: str = "") -> str:
    """An asset publisher page: abstracts plus Liferay's first/previous/next/last buttons."""
    cat = site.category(key)
    arts = site.in_category(key)
    chunk = arts[(page - 1) * site.page_size : page * site.page_size]
    items = "".join(
        f'<div class="asset-abstract"><div class="asset-heading"><h3 class="asset-title">'
        f'<a href="{site.prefix}{site.article_path(a)}">{html.escape(a.title)}</a></h3></div>'
        f'<div class="asset-metadata"><span class="metadata-entry metadata-publish-date">'
        f'{a.published:%d/%m/%Y}</span></div><div class="asset-summary">{html.escape(a.summary[:300])}</div>'
        f'<div class="asset-more"><a href="{site.prefix}{site.article_path(a)}">Xem chi tiết »</a>'
        "</div></div>\n"
        for a in chunk
    )
    pages = site.pages_in(key)

    def button(cls: str, label: str, target: int, enabled: bool) -> str:
        if not enabled:
            return f'<li class="disabled"><a class="{cls}" href="javascript:;">{label}</a></li>'
        return f'<li><a class="{cls}" href="{site.prefix}{site.listing_path(key, target)}">{label}</a></li>'

    buttons = "".join(
        (
            button("first", "Đầu", 1, page > 1),
            button("previous", "Trước", page - 1, page > 1),
            button("next", "Tiếp", page + 1, page < pages),
            button("last", "Cuối", pages, page < pages),
        )
    )
    main = (
        '<div class="asset-publisher"><h2 class="portlet-title-text">'
        f"{html.escape(cat.name if cat else key)}</h2>\n"
        f"{items}</div>\n"
        f'<div class="taglib-page-iterator"><div class="lfr-pagination"><div class="lfr-pagination-config">'
        f'Trang {page} / {pages}</div><ul class="lfr-pagination-buttons pager">{buttons}</ul></div></div>\n'
    )
    return _page(
        site,
        title=cat.name if cat else key,
        main=main,
        canonical=base_url + site.prefix + site.listing_path(key, page),
    )
