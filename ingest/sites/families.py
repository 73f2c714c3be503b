"""CMS family adapters loaded from `families.yaml`: selectors for listings and articles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

FAMILIES_FILE = Path(__file__).with_name("families.yaml")


@dataclass(frozen=True)
class Family:
    """How pages of one CMS family are laid out. Empty selectors fall back to generic logic."""

    name: str
    description: str = ""
    article_links: str | None = None
    next_page: str | None = None
    url_pattern: str | None = None
    title: str | None = None
    date: str | None = None
    body: str | None = None
    drop: tuple[str, ...] = field(default_factory=tuple)

    def is_article_url(self, url: str) -> bool | None:
        """True/False when the family knows its article URL shape, None when it does not."""
        if not self.url_pattern:
            return None
        return re.search(self.url_pattern, url) is not None

    def with_overrides(self, overrides: dict) -> Family:
        """A copy with per-site selector overrides (registry key `selectors:`)."""
        known = {k: v for k, v in overrides.items() if k in Family.__dataclass_fields__}
        if "drop" in known:
            known["drop"] = tuple(known["drop"])
        return Family(**{**self.__dict__, **known})


def _family_from_yaml(name: str, spec: dict) -> Family:
    listing = spec.get("listing") or {}
    article = spec.get("article") or {}
    return Family(
        name=name,
        description=spec.get("description", ""),
        article_links=listing.get("article_links"),
        next_page=listing.get("next_page"),
        url_pattern=article.get("url_pattern"),
        title=article.get("title"),
        date=article.get("date"),
        body=article.get("body"),
        drop=tuple(article.get("drop") or ()),
    )


@lru_cache(maxsize=8)
def load_families(path: Path = FAMILIES_FILE) -> dict[str, Family]:
    """All families of a families file, keyed by name; `generic` always exists."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    families = {n: _family_from_yaml(n, s or {}) for n, s in (data.get("families") or {}).items()}
    families.setdefault("generic", Family(name="generic"))
    return families


def get_family(name: str | None) -> Family:
    """The named family, or the generic fallback for None / unknown names."""
    families = load_families()
    return families.get(name or "generic", families["generic"])
