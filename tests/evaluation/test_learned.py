"""The learned-component harness: dev-only training, folds, swapping models in, cross-validated scoring."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from evaluation import learned
from evaluation.learned import Learned, cv_fold_of, models_installed, trained_models, training_docs
from evaluation.real_corpus import RealDoc, split_of

ROOT = Path(__file__).resolve().parents[2]


def _doc(doc_id: str) -> RealDoc:
    return RealDoc(doc_id=doc_id, text="", meta={}, gold=[])


DOCS = [_doc(f"doc-{i}") for i in range(60)]


class Recorder:
    """A fake component: its model is the set of doc ids trained on; `current` is what is installed."""

    shipped: Any = "shipped"

    def __init__(self) -> None:
        self.current: Any = self.shipped
        self.trained_on: list[list[str]] = []

    def train(self, docs: Sequence[RealDoc]) -> frozenset[str]:
        self.trained_on.append([d.doc_id for d in docs])
        return frozenset(d.doc_id for d in docs)

    def save(self, model: Any, path: Path) -> None:
        path.write_text("\n".join(sorted(model)) + "\n", encoding="utf-8")

    @contextmanager
    def installed(self, model: Any) -> Iterator[None]:
        before, self.current = self.current, model
        try:
            yield
        finally:
            self.current = before


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Recorder:
    rec = Recorder()
    comp = Learned("fake", tmp_path / "fake.txt", rec.train, rec.save, rec.installed)
    monkeypatch.setattr(learned, "COMPONENTS", (comp,))
    return rec


def test_cv_folds_are_fixed_in_range_and_roughly_even() -> None:
    ids = [f"doc-{i}" for i in range(2000)]
    folds = [cv_fold_of(i, 5) for i in ids]
    assert folds == [cv_fold_of(i, 5) for i in ids]
    assert set(folds) == set(range(5))
    assert all(300 < folds.count(f) < 500 for f in range(5))


def test_training_never_sees_a_test_document(fake: Recorder) -> None:
    assert {split_of(d.doc_id) for d in DOCS} == {"dev", "test"}
    assert all(d.split == "dev" for d in training_docs(DOCS))
    models = trained_models(DOCS, without=frozenset())
    assert fake.trained_on and all(split_of(d) == "dev" for d in fake.trained_on[0])
    assert models["fake"] == frozenset(d.doc_id for d in DOCS if d.split == "dev")
    assert trained_models(DOCS, without=frozenset({"fake"})) == {"fake": None}


def test_models_are_installed_for_the_block_only(fake: Recorder) -> None:
    with models_installed({"fake": None}):
        assert fake.current is None
    assert fake.current == "shipped"
    with pytest.raises(KeyError, match="no learned component 'nope'"), models_installed({"nope": None}):
        pass


def test_retrain_shipped_writes_a_model_of_the_dev_split(fake: Recorder, tmp_path: Path) -> None:
    (path,) = learned.retrain_shipped(DOCS)
    written = set(path.read_text(encoding="utf-8").split())
    assert written == {d.doc_id for d in DOCS if d.split == "dev"} and written


def _extract_real() -> Any:
    path = ROOT / "benchmarks" / "extract_real.py"
    spec = importlib.util.spec_from_file_location("extract_real_under_test", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_cv_predicts_each_document_with_a_model_not_trained_on_it(
    fake: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    bench = _extract_real()
    monkeypatch.setattr(bench, "COMPONENTS", learned.COMPONENTS)
    monkeypatch.setattr(bench, "load_corpus", lambda: DOCS)
    seen: dict[str, Any] = {}

    def base(doc: RealDoc) -> list[dict[str, Any]]:
        seen[doc.doc_id] = fake.current
        return []

    predict = bench.cv_predictor(base, 4, frozenset())
    dev = training_docs(DOCS)
    for doc in dev:
        predict(doc)
    for doc in dev:
        model = seen[doc.doc_id]
        assert doc.doc_id not in model
        assert model == {d.doc_id for d in dev if cv_fold_of(d.doc_id, 4) != cv_fold_of(doc.doc_id, 4)}
    assert len(fake.trained_on) == 4  # one training per fold, reused across its documents
    assert fake.current == "shipped"


def test_cv_refuses_the_test_split_and_a_run_without_components() -> None:
    import subprocess

    script = str(ROOT / "benchmarks" / "extract_real.py")
    bad = subprocess.run(
        [sys.executable, script, "--split", "test", "--cv", "5"],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    assert bad.returncode != 0 and "--cv" in bad.stderr
    if not learned.COMPONENTS:
        none = subprocess.run(
            [sys.executable, script, "--split", "dev", "--cv", "5", "--predictor", "gold"],
            capture_output=True, text=True, timeout=300, cwd=ROOT,
        )  # fmt: skip
        assert none.returncode != 0 and "no learned component" in (none.stdout + none.stderr)


def test_without_switches_a_component_off_for_each_prediction(fake: Recorder) -> None:
    bench = _extract_real()
    seen: list[Any] = []

    def base(doc: RealDoc) -> list[dict[str, Any]]:
        seen.append(fake.current)
        return []

    predict = bench.without_predictor(base, frozenset({"fake"}))
    predict(DOCS[0])
    assert seen == [None] and fake.current == "shipped"
