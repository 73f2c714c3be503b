"""The learned kind applied: a model flips the rules' targets it is confident about, and only those."""

from __future__ import annotations

import json

import pytest

from ingest.extract import extract_mentions
from ingest.extract.learned import kinds

REPORT = """Báo cáo kết quả 6 tháng đầu năm 2024 của UBND xã An Bình
Tổng thu ngân sách xã 6 tháng đầu năm đạt 5,2 tỷ đồng, bằng 45% dự toán.
Mục tiêu năm 2025:
- Tổng thu ngân sách xã đạt 12 tỷ đồng.
- Phấn đấu thu nhập bình quân đầu người 70 triệu đồng/người/năm.
"""

# where the rule says target, `đạt` right before the number reads as an achievement; elsewhere the rule holds
MODEL = {"overrides": ["target"], "threshold": 0.5, "weights": {"rule=target": 3.0, "target|w:đạt": -10.0}}


def _kinds(model: object) -> dict[float, str]:
    with kinds.installed(model):
        return {m.value: m.kind for m in extract_mentions(REPORT)}


def test_off_the_rules_decide() -> None:
    assert _kinds(None) == {5.2: "actual", 12.0: "target", 70.0: "target"}


def test_a_confident_model_overrides_a_target() -> None:
    assert _kinds(MODEL) == {5.2: "actual", 12.0: "actual", 70.0: "target"}


def test_the_threshold_keeps_an_unsure_model_out() -> None:
    unsure = dict(MODEL, weights={"rule=target": 3.0, "target|w:đạt": -4.0})  # p(actual) = 0.73
    assert _kinds(dict(unsure, threshold=0.9))[12.0] == "target"
    assert _kinds(dict(unsure, threshold=0.7))[12.0] == "actual"


def test_the_rules_actuals_are_not_read() -> None:
    to_target = {"overrides": ["target"], "threshold": 0.5, "weights": {"bias": 10.0}}
    assert _kinds(to_target)[5.2] == "actual"  # the model would say target, but actuals are not its to change
    assert _kinds(dict(to_target, overrides=["actual", "target"]))[5.2] == "target"


def test_the_compiled_score_is_the_sum_of_the_named_features(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast scoring path reads the same features the model was trained on."""
    with kinds.installed(None), kinds.recording() as records:
        extract_mentions(REPORT)
    seen = [features for features, _ in records]
    names = sorted({f for features in seen for f in features})
    weights = {name: 0.01 * (n % 7 - 3) for n, name in enumerate(names)}  # every family gets weights
    families = {name.split(":")[0].split("|")[0].split("=")[0] for name in weights}
    assert families >= {"w", "b", "l", "a", "rule", "target"}
    scores: list[float] = []
    original = kinds._Compiled.score

    def spy(self: kinds._Compiled, r: kinds._Read) -> float:
        scores.append(original(self, r))
        return scores[-1]

    monkeypatch.setattr(kinds._Compiled, "score", spy)
    with kinds.installed({"overrides": ["actual", "target"], "threshold": 0.5, "weights": weights}):
        extract_mentions(REPORT)
    expected = [sum(weights[f] for f in features) for features in seen]
    assert len(expected) == 3 and any(e != 0 for e in expected)
    assert scores == pytest.approx(expected)


def test_the_shipped_model_is_gated_and_off() -> None:
    model = json.loads(kinds.PATH.read_text(encoding="utf-8"))
    assert model["overrides"] == ["target"] and 0.5 <= model["threshold"] < 1
    assert len(model["weights"]) > 100
    assert kinds.SLOT.model() is None  # shipped switched off: the rules decide
    with kinds.installed(None):
        off = [m.to_dict() for m in extract_mentions(REPORT)]
    assert [m.to_dict() for m in extract_mentions(REPORT)] == off


def test_the_rules_reasons_for_a_target_are_features() -> None:
    text = "Báo cáo năm 2023\nĐến năm 2030, tỷ trọng dịch vụ chiếm khoảng 45%.\n" + REPORT
    with kinds.installed(None), kinds.recording() as records:
        extract_mentions(text)
    why = [sorted(f for f in features if f.startswith("why=")) for features, _ in records]
    rules = [rule for _, rule in records]
    assert rules == ["target", "actual", "target", "target"]
    assert why[0] == ["why=cue", "why=horizon"]  # `Đến năm 2030`: a cue, and a later horizon fronting it
    assert why[1] == []  # an actual has no reason read
    assert "why=section" in why[3] and "why=cue" in why[3]  # `Phấn đấu` in the `Mục tiêu năm 2025:` list
    assert "target|why=section" in records[3][0]
