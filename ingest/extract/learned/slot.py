"""Where a learned component keeps its model: read lazily from its file, swapped for a block, recorded."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

_UNREAD = object()


class Slot:
    """The model one component uses now: the shipped file (read on first use), or one installed for a block
    (`None`: the component off). While `recording`, every decision's features are kept for training.
    A component whose shipped model did not lift its cross-validated figure is `shipped_on=False`: off
    unless a model is installed (as the cross-validation does)."""

    def __init__(
        self, path: Path, *, shipped_on: bool = True, load: Callable[[Any], Any] | None = None
    ) -> None:
        self.path = path
        self.shipped_on = shipped_on
        self.load = load  # the file's JSON -> the model the component queries (default: the JSON itself)
        self._model: Any = _UNREAD
        self.records: Any = None

    def model(self) -> Any:
        if self._model is _UNREAD:
            if not self.shipped_on:
                return None
            data = json.loads(self.path.read_text(encoding="utf-8")) if self.path.exists() else None
            self._model = self.load(data) if self.load is not None and data is not None else data
        return self._model

    @contextmanager
    def installed(self, model: Any) -> Iterator[None]:
        """Use `model` (or `None`: the component off) inside the block."""
        before, self._model = self._model, model
        try:
            yield
        finally:
            self._model = before

    @contextmanager
    def recording(self, into: Any = None) -> Iterator[Any]:
        """Keep what every decision inside the block saw (its features and the rule's answer), in order,
        in `into` (a new list by default); the component decides by the rules alone meanwhile."""
        before, self.records = self.records, ([] if into is None else into)
        try:
            yield self.records
        finally:
            self.records = before


def linear_score(weights: dict[str, float], features: list[str]) -> float:
    """The sum of the features' weights (a feature the model never saw weighs nothing)."""
    get = weights.get
    return sum(get(f, 0.0) for f in features)
