"""Site registry (which communes to crawl) and CMS family adapters (how their pages are laid out)."""

from ingest.sites.families import Family, load_families
from ingest.sites.registry import RegistryError, Site, load_registry

__all__ = ["Family", "RegistryError", "Site", "load_families", "load_registry"]
