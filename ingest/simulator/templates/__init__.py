"""Page skeletons of the simulated CMS families (`string.Template` files, `$name` placeholders)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from string import Template

TEMPLATE_DIR = Path(__file__).parent


@lru_cache(maxsize=32)
def load_template(name: str) -> Template:
    """The template file `name` of this directory."""
    return Template((TEMPLATE_DIR / name).read_text(encoding="utf-8"))
