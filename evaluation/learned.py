"""Learned extractor components: how each is trained on dev gold, saved as data, and swapped in for a run.

A component (e.g. catalogue ids from names) keeps its model as a data file under
`ingest/extract/learned/`, read by the extractor. `python -m evaluation.learned` retrains every
component on the **dev split only** and rewrites those files, so the shipped models follow the
gold. `benchmarks/extract_real.py --cv K` scores the dev split by K-fold cross-validation: each
document is extracted with models trained on the other folds' documents only, which is the honest
dev figure for a learned component (the shipped model has seen every dev document).
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaluation import linear_fit, train_ids, train_kinds, train_names, train_periods
from evaluation.real_corpus import RealDoc, load_corpus
from ingest.extract.learned import ids as learned_ids
from ingest.extract.learned import kinds, names, periods

CV_SALT = "xaetl-cv-fold-v1:"


@dataclass(frozen=True)
class Learned:
    """One learned component: train a model from documents, save it where the extractor reads it,
    and install a model (or `None`: the component off) for the extraction calls inside a block."""

    name: str
    path: Path
    train: Callable[[Sequence[RealDoc]], Any]
    save: Callable[[Any, Path], None]
    installed: Callable[[Any], AbstractContextManager[None]]


# Each component adds itself here (name, data file, trainer, writer, installer).
COMPONENTS: tuple[Learned, ...] = (
    Learned("ids", learned_ids.MODEL_FILE, train_ids.train, train_ids.save, learned_ids.installed),
    Learned("names", names.MODEL_PATH, train_names.train, train_names.save, names.installed),
    Learned("kinds", kinds.PATH, train_kinds.train, linear_fit.save, kinds.installed),
    Learned("periods", periods.PATH, train_periods.train, linear_fit.save, periods.installed),
)


def cv_fold_of(doc_id: str, k: int) -> int:
    """The cross-validation fold (0..k-1) of a document: a hash of its id, fixed for every run."""
    digest = hashlib.sha256((CV_SALT + doc_id).encode()).hexdigest()
    return int(digest, 16) % k


def training_docs(docs: Sequence[RealDoc]) -> list[RealDoc]:
    """The documents a model may learn from: the dev split only, whatever the caller passed."""
    return [d for d in docs if d.split == "dev"]


def component(name: str) -> Learned:
    for c in COMPONENTS:
        if c.name == name:
            return c
    known = ", ".join(c.name for c in COMPONENTS) or "none"
    raise KeyError(f"no learned component {name!r} (known: {known})")


@contextmanager
def models_installed(models: dict[str, Any]) -> Iterator[None]:
    """Install the given models (component name -> model or None) for the block; others stay as shipped."""
    with ExitStack() as stack:
        for name, model in models.items():
            stack.enter_context(component(name).installed(model))
        yield


def trained_models(docs: Sequence[RealDoc], without: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Every component trained on the dev documents among `docs` (`None` for those switched off)."""
    train_on = training_docs(docs)
    return {c.name: (None if c.name in without else c.train(train_on)) for c in COMPONENTS}


def retrain_shipped(docs: Sequence[RealDoc] | None = None) -> list[Path]:
    """Retrain every component on the dev split and rewrite its data file; the paths written."""
    train_on = training_docs(load_corpus() if docs is None else docs)
    written = []
    for c in COMPONENTS:
        c.save(c.train(train_on), c.path)
        written.append(c.path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Retrain the learned extractor components on the dev split.")
    parser.parse_args(argv)
    paths = retrain_shipped()
    for p in paths:
        print(f"wrote {p}")
    if not paths:
        print("no learned component registered")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
