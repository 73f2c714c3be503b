"""Great Expectations Data Docs offline: CDN assets swapped for vendored copies, remote logos for ours."""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ingest.paths import DataPaths

ASSETS_DIR = Path(__file__).with_name("datadocs_assets")
REWRITE_FILE = Path(__file__).with_name("datadocs_rewrite.yaml")
# Where the vendored files go inside a Data Docs site (beside GX's own static/images/).
VENDOR_SUBDIR = "static/xaetl-vendor"
SITE_SUBDIR = Path("gx") / "uncommitted" / "data_docs" / "local_site"

TAG = re.compile(
    r"<(script|link)\b[^>]*?\b(src|href)\s*=\s*([\"'])(?P<url>https?://[^\"']+)\3[^>]*>(?:\s*</script>)?",
    re.I,
)
SRI = re.compile(r"\s+(integrity|crossorigin)\s*=\s*([\"'])[^\"']*\2", re.I)
REMOTE_LOAD = re.compile(
    r"<(?:script|link|img|iframe|source)\b[^>]*?\b(?:src|href)\s*=\s*[\"'](https?://[^\"']+)|url\(\s*[\"']?(https?://[^)\"']+)",
    re.I,
)


@dataclass
class Localized:
    """A rewritten page and the remote loads nothing in the rewrite table knew about."""

    text: str
    unknown: list[str] = field(default_factory=list)


@cache
def rewrite_table() -> dict[str, Any]:
    return yaml.safe_load(REWRITE_FILE.read_text(encoding="utf-8"))


def site_dir(paths: DataPaths) -> Path:
    return paths.root / SITE_SUBDIR


def localize_html(text: str, *, vendor_prefix: str, images_prefix: str) -> Localized:
    """Point CDN scripts and stylesheets at `vendor_prefix`, drop the ones not needed, and
    point remote logos at `images_prefix` (GX writes its logo into the site too)."""
    table = rewrite_table()
    assets, dropped = table["assets"], set(table["dropped"])

    def tag(match: re.Match[str]) -> str:
        url = match.group("url")
        if url in dropped:
            return f"<!-- xaetl: left out {url.rsplit('/', 1)[-1]} (see datadocs_rewrite.yaml) -->"
        if url in assets:
            # SRI and CORS attributes would block a same-origin or file:// copy
            return SRI.sub("", match.group(0).replace(url, vendor_prefix + assets[url]))
        return match.group(0)

    text = TAG.sub(tag, text)
    for remote, local in table["images"].items():
        # the logo URL carries a query string with the data context id: replace it whole
        text = re.sub(re.escape(remote) + r"(\?[^\"')\s]*)?", images_prefix + local, text)
    unknown = sorted({m.group(1) or m.group(2) for m in REMOTE_LOAD.finditer(text)})
    return Localized(text, unknown)


def page_prefix(page: Path, site: Path) -> str:
    """Relative path from a page of the site back to the site's root (`../../` …)."""
    depth = len(page.relative_to(site).parts) - 1
    return "../" * depth


def localize_site(site: Path) -> list[str]:
    """Rewrite every page of a built Data Docs site in place (atomically per page) and copy the
    vendored assets into it, so it also works opened as files. Returns unknown remote loads.

    Idempotent: meant to run right after each Data Docs build.
    """
    vendor = site / VENDOR_SUBDIR
    shutil.copytree(ASSETS_DIR, vendor, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.sh", "*.md"))
    unknown: set[str] = set()
    for page in site.rglob("*.html"):
        prefix = page_prefix(page, site)
        original = page.read_text(encoding="utf-8")
        result = localize_html(
            original, vendor_prefix=f"{prefix}{VENDOR_SUBDIR}/", images_prefix=f"{prefix}static/images/"
        )
        unknown.update(result.unknown)
        if result.text != original:
            tmp = page.with_name(f".{page.name}.xaetl.tmp")
            tmp.write_text(result.text, encoding="utf-8")
            os.replace(tmp, page)
    return sorted(unknown)
