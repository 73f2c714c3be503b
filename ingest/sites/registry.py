"""Site registry: load and validate the YAML list of commune sites to crawl (docs/registry.md)."""

from __future__ import annotations

import ipaddress
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import yaml

from ingest.sites.families import Family, get_family, load_families

SITE_ID = re.compile(r"^[a-z0-9-]+$")
DEFAULT_DELAY_S = 1.0
MAX_DELAY_S = 600.0  # a politeness delay above this is a typo, not politeness


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
    # Operator flag: networks (CIDR) whose non-public addresses this site may reach, e.g. a
    # portal mirrored on the LAN or the test simulator on 127.0.0.1. Empty: public addresses only.
    allow_networks: tuple[str, ...] = ()
    deadline_s: float | None = None  # total crawl time per run (default FetchConfig.site_deadline_s)
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


def _site_from_dict(raw: dict[str, Any], index: int, shared_networks: tuple[str, ...] = ()) -> Site:
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
    base = _absolute_url(raw["base_url"], where, "base_url")
    family = raw.get("family", "generic")
    if not isinstance(family, str):
        raise RegistryError(f"{where}: family must be one name, got {family!r}")
    if family not in load_families():
        raise RegistryError(f"{where}: unknown family {family!r} (known: {sorted(load_families())})")
    listing = raw.get("listing_urls") or ["/"]
    if isinstance(listing, str):
        listing = [listing]
    delay = _seconds(raw.get("delay_s", DEFAULT_DELAY_S), where, "delay_s")
    if delay < 0:
        raise RegistryError(f"{where}: delay_s must be >= 0")
    if delay > MAX_DELAY_S:
        raise RegistryError(f"{where}: delay_s must be at most {MAX_DELAY_S:g} s, got {delay:g}")
    deadline = raw.get("deadline_s")
    if deadline is not None:
        deadline = _seconds(deadline, where, "deadline_s")
        if deadline <= 0:
            raise RegistryError(f"{where}: deadline_s must be > 0")
    allowed = _host_list(raw.get("allowed_hosts"), where)
    base_host = urlsplit(base).netloc.lower()
    if allowed and base_host not in {h.lower() for h in allowed}:
        raise RegistryError(f"{where}: allowed_hosts {allowed} must include the base_url host {base_host!r}")
    max_pages = raw.get("max_pages")
    if max_pages is not None and (type(max_pages) is not int or max_pages < 1):
        raise RegistryError(f"{where}: max_pages must be a positive integer, got {max_pages!r}")
    for key in ("listing_urls", "sitemap_urls", "feed_urls"):
        value = raw.get(key)
        if value is not None and not isinstance(value, str | list):
            raise RegistryError(f"{where}: {key} must be a URL or a list of URLs")
        if isinstance(value, list) and not all(isinstance(u, str) and u.strip() for u in value):
            raise RegistryError(f"{where}: {key} must hold non-empty strings")
        for u in [value] if isinstance(value, str) else value or []:
            if urlsplit(u.strip()).scheme or u.strip().startswith("//"):
                _absolute_url(u, where, key)
    if raw.get("selectors") is not None and not isinstance(raw.get("selectors"), dict):
        raise RegistryError(f"{where}: selectors must be a mapping of family keys to CSS selectors")
    return Site(
        id=sid,
        commune=str(raw["commune"]),
        district=raw.get("district"),
        province=str(raw["province"]),
        family=family,
        base_url=base,
        listing_urls=tuple(str(u) for u in listing),
        allowed_hosts=tuple(allowed),
        delay_s=delay,
        max_pages=max_pages,
        sitemap_urls=_url_tuple(raw.get("sitemap_urls")),
        feed_urls=_url_tuple(raw.get("feed_urls")),
        selectors=dict(raw.get("selectors") or {}),
        allow_networks=(*shared_networks, *_networks(raw.get("allow_networks"), where)),
        deadline_s=deadline,
        extra={k: v for k, v in raw.items() if k not in _KNOWN},
    )


def _seconds(value: Any, where: str, key: str) -> float:
    """A finite number of seconds (YAML's .inf and .nan and booleans are refused)."""
    if isinstance(value, bool):
        raise RegistryError(f"{where}: {key} must be a number of seconds, got {value!r}")
    try:
        seconds = float(value)
    except (TypeError, ValueError) as exc:
        raise RegistryError(f"{where}: {key} must be a number of seconds, got {value!r}") from exc
    if not math.isfinite(seconds):
        raise RegistryError(f"{where}: {key} must be a finite number of seconds, got {value!r}")
    return seconds


def _absolute_url(value: Any, where: str, key: str) -> str:
    """An absolute http(s) URL with a host (and a valid port)."""
    url = str(value).strip() if isinstance(value, str) else ""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port out of range
    except ValueError as exc:
        raise RegistryError(f"{where}: {key} is not a valid URL: {value!r} ({exc})") from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RegistryError(f"{where}: {key} must be an absolute http(s) URL with a host, got {value!r}")
    if parts.username is not None or parts.password is not None:
        raise RegistryError(f"{where}: {key} must not carry credentials, got {value!r}")
    return url


def _networks(value: Any, where: str) -> tuple[str, ...]:
    """`allow_networks` as CIDR strings, each checked."""
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(n, str) for n in items):
        raise RegistryError(f"{where}: allow_networks must be a list of networks such as 127.0.0.0/8")
    for n in items:
        try:
            ipaddress.ip_network(n.strip(), strict=False)
        except ValueError as exc:
            raise RegistryError(f"{where}: allow_networks entry {n!r} is not an IP network") from exc
    return tuple(n.strip() for n in items)


def _url_tuple(value: Any) -> tuple[str, ...]:
    if not value:
        return ()
    return (value,) if isinstance(value, str) else tuple(str(u) for u in value)


def _host_list(value: Any, where: str) -> list[str]:
    """`allowed_hosts` as `host[:port]` strings (a single string is one host, not its letters)."""
    if value is None:
        return []
    hosts = [value] if isinstance(value, str) else value
    if not isinstance(hosts, list) or not all(isinstance(h, str) and h.strip() for h in hosts):
        raise RegistryError(f"{where}: allowed_hosts must be a list of host[:port] strings")
    for h in hosts:
        if "/" in h or " " in h.strip():
            raise RegistryError(f"{where}: allowed_hosts entry {h!r} must be host[:port], no scheme or path")
    return [h.strip() for h in hosts]


def parse_registry(data: Any) -> list[Site]:
    """Sites of an already-parsed registry document; ids must be unique."""
    if not isinstance(data, dict) or not isinstance(data.get("sites"), list):
        raise RegistryError("registry must be a mapping with a 'sites:' list")
    shared = _networks(data.get("allow_networks"), "registry")  # applies to every site
    sites = [_site_from_dict(raw, i, shared) for i, raw in enumerate(data["sites"])]
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
        data = yaml.safe_load(p.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise RegistryError(f"cannot read registry {p}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise RegistryError(
            f"registry {p} is not UTF-8 text (byte {exc.start}: {exc.object[exc.start : exc.start + 1]!r}); "
            "save it as UTF-8"
        ) from exc
    except yaml.YAMLError as exc:
        raise RegistryError(f"registry {p} is not valid YAML: {_one_line(str(exc))}") from exc
    try:
        return parse_registry(data)
    except RegistryError as exc:
        raise RegistryError(f"registry {p}: {exc}") from exc


def _one_line(text: str) -> str:
    return " ".join(text.split())
