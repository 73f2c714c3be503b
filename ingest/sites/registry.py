"""Site registry: load and validate the YAML list of commune sites to crawl (DESIGN.md §4)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import yaml

from ingest.sites.families import Family, get_family, load_families

SITE_ID = re.compile(r"^[a-z0-9-]+$")
DEFAULT_DELAY_S = 1.0


class RegistryError(ValueError):
    """The registry file is malformed; the message names the site and the key."""


@dataclass(frozen=True)
class Site:
    """One commune portal to crawl, as declared in the registry."""

    id: str
    commune: str
    province: str
    family: str
    base_url: str
    listing_urls: tuple[str, ...]
    district: str | None = None
    allowed_hosts: tuple[str, ...] = ()
    delay_s: float = DEFAULT_DELAY_S
    max_pages: int | None = None  # listing pages walked per run
    sitemap_urls: tuple[str, ...] = ()
    feed_urls: tuple[str, ...] = ()
    selectors: dict[str, Any] = field(default_factory=dict)  # per-site family overrides
    extra: dict[str, Any] = field(default_factory=dict)  # keys this version does not know

    @property
    def host(self) -> str:
        """`host:port` of the base URL: the key of per-host politeness."""
        return urlsplit(self.base_url).netloc

    @property
    def hosts(self) -> tuple[str, ...]:
        return self.allowed_hosts or (self.host,)

    def absolute(self, url: str) -> str:
        """A listing or link URL made absolute against the base URL."""
        if urlsplit(url).scheme:
            return url
        base = self.base_url.rstrip("/") + "/"
        return urljoin(base, url.lstrip("/"))

    @property
    def listing(self) -> tuple[str, ...]:
        return tuple(self.absolute(u) for u in self.listing_urls)

    @property
    def adapter(self) -> Family:
        fam = get_family(self.family)
        return fam.with_overrides(self.selectors) if self.selectors else fam


_KNOWN = {f for f in Site.__dataclass_fields__ if f != "extra"}


def _site_from_dict(raw: dict[str, Any], index: int) -> Site:
    where = f"sites[{index}]"
    if not isinstance(raw, dict):
        raise RegistryError(f"{where}: expected a mapping, got {type(raw).__name__}")
    sid = raw.get("id")
    if not isinstance(sid, str) or not SITE_ID.match(sid):
        raise RegistryError(f"{where}: 'id' must match [a-z0-9-]+, got {sid!r}")
    where = f"site {sid!r}"
    for key in ("commune", "province", "base_url"):
        if not raw.get(key):
            raise RegistryError(f"{where}: missing required key {key!r}")
    base = str(raw["base_url"])
    if urlsplit(base).scheme not in ("http", "https"):
        raise RegistryError(f"{where}: base_url must be http(s), got {base!r}")
    family = raw.get("family", "generic")
    if family not in load_families():
        raise RegistryError(f"{where}: unknown family {family!r} (known: {sorted(load_families())})")
    listing = raw.get("listing_urls") or ["/"]
    if isinstance(listing, str):
        listing = [listing]
    try:
        delay = float(raw.get("delay_s", DEFAULT_DELAY_S))
    except (TypeError, ValueError) as exc:
        raise RegistryError(f"{where}: delay_s must be a number") from exc
    if delay < 0:
        raise RegistryError(f"{where}: delay_s must be >= 0")
    return Site(
        id=sid,
        commune=str(raw["commune"]),
        district=raw.get("district"),
        province=str(raw["province"]),
        family=family,
        base_url=base,
        listing_urls=tuple(str(u) for u in listing),
        allowed_hosts=tuple(raw.get("allowed_hosts") or ()),
        delay_s=delay,
        max_pages=raw.get("max_pages"),
        sitemap_urls=tuple(raw.get("sitemap_urls") or ()),
        feed_urls=tuple(raw.get("feed_urls") or ()),
        selectors=dict(raw.get("selectors") or {}),
        extra={k: v for k, v in raw.items() if k not in _KNOWN},
    )


def parse_registry(data: Any) -> list[Site]:
    """Sites of an already-parsed registry document; ids must be unique."""
    if not isinstance(data, dict) or not isinstance(data.get("sites"), list):
        raise RegistryError("registry must be a mapping with a 'sites:' list")
    sites = [_site_from_dict(raw, i) for i, raw in enumerate(data["sites"])]
    seen: set[str] = set()
    for s in sites:
        if s.id in seen:
            raise RegistryError(f"site {s.id!r}: duplicate id")
        seen.add(s.id)
    return sites


def load_registry(path: str | Path) -> list[Site]:
    """Sites of a registry YAML file."""
    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RegistryError(f"cannot read registry {p}: {exc}") from exc
    except yaml.YAMLError as exc:
        raise RegistryError(f"registry {p} is not valid YAML: {exc}") from exc
    return parse_registry(data)
