"""Load the bundled snapshot (five commune portal sites) from `content/snapshot.yaml` + bodies."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from ingest.simulator.model import SimArticle, SimCategory, SimSite
from ingest.simulator.wordhtml import render_body

CONTENT_DIR = Path(__file__).with_name("content")
SNAPSHOT_FILE = CONTENT_DIR / "snapshot.yaml"
MARKUP = re.compile(r"<[^>]+>|\*\*|(?<!\w)\*|\*(?!\w)|^#+\s*", re.M)
SITE_KEYS = (
    "id",
    "family",
    "prefix",
    "commune",
    "district",
    "province",
    "page_size",
    "crawl_delay",
    "robots_disallow",
    "visitor_total",
    "address",
    "phone",
    "email",
    "site_name",
    "group",
    "portlet_instance",
)


def summary_of(text: str, *, words: int = 40) -> str:
    """A listing excerpt: the first words of the first real paragraph, markup removed."""
    for line in text.split("\n"):
        plain = " ".join(MARKUP.sub("", line).split())
        if len(plain) > 40:
            parts = plain.split(" ")
            return " ".join(parts[:words]) + ("..." if len(parts) > words else "")
    return ""


def _article(site_id: str, raw: dict[str, Any], index: int, base_dir: Path) -> SimArticle:
    if "body_file" in raw:
        text = (base_dir / raw["body_file"]).read_text(encoding="utf-8")
    elif "body" in raw:
        text = raw["body"]
    else:
        raise ValueError(
            f"snapshot: article {raw.get('slug')!r} of {site_id!r} has neither body nor body_file"
        )
    fmt = raw.get("format", "plain")
    body_html = render_body(
        text, fmt=fmt, seed=f"{site_id}/{raw['slug']}", footnotes=raw.get("footnotes", "word")
    )
    summary = raw["title"] if raw.get("summary_is_title") else (raw.get("summary") or summary_of(text))
    return SimArticle(
        slug=raw["slug"],
        title=raw["title"],
        published=datetime.fromisoformat(raw["published"]),
        body_html=body_html,
        category=raw.get("category", ""),
        post_id=int(raw.get("post_id") or raw.get("asset_id") or 0),
        summary=summary,
        source_text=text,
        source_format=fmt,
        lead=raw.get("lead", ""),
        footnotes=raw.get("footnotes", "word"),
    )


def load_sites(path: str | Path = SNAPSHOT_FILE, site_ids: list[str] | None = None) -> list[SimSite]:
    """The bundled sites (fresh objects each call: mutating one simulator never leaks to another)."""
    path = Path(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    sites = []
    for raw in data["sites"]:
        if site_ids is not None and raw["id"] not in site_ids:
            continue
        cats = [SimCategory(c["key"], c["name"]) for c in raw.get("categories") or []]
        site = SimSite(**{k: raw[k] for k in SITE_KEYS if k in raw}, categories=cats)
        arts = [_article(site.id, a, i, path.parent) for i, a in enumerate(raw.get("articles") or [])]
        for i, art in enumerate(arts):
            art.category = art.category or site.categories[0].key
            art.post_id = art.post_id or 100 + i
        site.articles = sorted(arts, key=lambda a: a.published, reverse=True)
        sites.append(site)
    return sites
