"""What the linear fits of the learned kind and period share: weight decay, the weights kept, the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def decay(w: dict[str, float], factor: float) -> None:
    """Shrink every weight by `factor` (the L2 step at the end of an epoch)."""
    for f in w:
        w[f] *= factor


def kept(w: dict[str, float]) -> dict[str, float]:
    """The weights worth shipping, rounded and sorted (a stable file: retraining rewrites it identically)."""
    return {f: round(v, 5) for f, v in sorted(w.items()) if abs(v) >= 1e-4}


def save(model: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
