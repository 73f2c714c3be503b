"""Training the learned name chooser on gold (evaluation.train_names)."""

from __future__ import annotations

from pathlib import Path

from evaluation import train_names
from evaluation.real_corpus import RealDoc, load_corpus, locate
from evaluation.train_names import Group, Row, choose_drop, choose_margin, fit, fit_drop, gain, groups_of
from ingest.extract.learned.names import MODEL_PATH, Model

TEXT = "Diện tích lúa: vụ xuân 200 ha, vụ mùa 300 ha. Dân số toàn xã 5.000 người."


def _gold(indicator: str, value: float, quote: str, unit: str = "ha") -> dict[str, object]:
    base = "ha" if unit == "ha" else "person"
    return {
        "indicator": indicator,
        "value": value,
        "unit": unit,
        "base_value": value,
        "base_unit": base,
        "quote": quote,
        "optional": False,
    }


def test_groups_label_each_candidate_by_strict_match_with_the_gold_at_its_place() -> None:
    gold = [
        _gold("lúa gieo cấy vụ mùa", 300.0, "vụ mùa 300 ha"),
        _gold("diện tích lúa vụ xuân", 200.0, "Diện tích lúa: vụ xuân 200 ha"),
    ]
    doc = RealDoc("doc-a", TEXT, {}, locate(TEXT, gold))
    groups, rows = groups_of(doc)
    assert len(groups) == 2  # the 5.000 người has no gold fact: no name group
    xuan, mua = groups
    assert xuan.labels[0]  # the rules' name is accepted
    assert not mua.labels[0]  # "diện tích vụ mùa" holds 2 of the gold's 5 content words
    assert any(mua.labels[1:])  # "diện tích lúa vụ mùa" holds 3: accepted
    # the drop head's rows: under the rules' names only the vụ xuân mention matches a gold fact
    assert [r.spurious for r in rows] == [False, True, True]


def _group(doc: str, rule_ok: bool, good_ok: bool) -> Group:
    return Group(doc, [["tag=rule"], ["tag=good"], ["tag=bad"]], [rule_ok, good_ok, False])


def test_the_ranker_learns_which_candidate_the_gold_accepts_and_a_margin_that_pays() -> None:
    groups = [_group(f"d{i}", False, True) for i in range(30)] + [
        _group(f"e{i}", True, True) for i in range(5)
    ]
    w = fit(groups)
    assert w["tag=good"] > w["tag=rule"] > w.get("tag=bad", -99)
    assert gain(w, 0.0, groups) == 30
    assert choose_margin(groups) is not None


def test_no_margin_when_every_switch_breaks_a_name() -> None:
    groups = [Group(f"d{i}", [["tag=rule"], ["tag=good"]], [True, False]) for i in range(30)]
    assert choose_margin(groups) is None


def test_the_drop_head_learns_spurious_mentions_and_keeps_all_when_it_cannot_tell() -> None:
    rows = [Row(f"d{i}", ["bias", "u=%"], True) for i in range(40)]
    rows += [Row(f"d{i}", ["bias", "u=ha"], False) for i in range(40)]
    w = fit_drop(rows)
    assert w["u=%"] > 0 > w["u=ha"]
    assert choose_drop(rows) is not None
    mixed = [Row(f"d{i}", ["bias"], i % 3 == 0) for i in range(60)]  # one feature, mostly hits
    assert choose_drop(mixed) is None


def test_the_shipped_model_is_what_training_on_the_current_dev_gold_writes(tmp_path: Path) -> None:
    out = tmp_path / "names.json"
    train_names.save(train_names.train(load_corpus(split="dev")), out)
    assert out.read_bytes() == MODEL_PATH.read_bytes()


def test_saved_models_load_back(tmp_path: Path) -> None:
    from ingest.extract.learned.names import load

    model = Model({"tag=head": 1.0}, 0.5, {"u=%": 1.0}, 2.0)
    train_names.save(model, tmp_path / "m.json")
    assert load(tmp_path / "m.json") == model
    train_names.save(None, tmp_path / "none.json")
    assert load(tmp_path / "none.json") is None
