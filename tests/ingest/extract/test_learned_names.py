"""The learned name chooser and drop head applied inside extraction (ingest.extract.learned.names)."""

from __future__ import annotations

import json
from pathlib import Path

from ingest.extract import extract_mentions
from ingest.extract.learned.names import Model, collecting, installed, load

ELLIPSIS = "Diện tích lúa: vụ xuân 200 ha, vụ mùa 300 ha."
BREAKDOWN = "Tỷ lệ hộ nghèo còn 2,5%. Tổng diện tích gieo trồng 772 ha, trong đó: lúa 507 ha, ngô 100 ha."


def _names(text: str) -> list[str]:
    return [m.indicator for m in extract_mentions(text)]


def test_without_a_model_the_rules_names_stay() -> None:
    with installed(None):
        rules = extract_mentions(ELLIPSIS)
    assert [m.value for m in rules] == [200.0, 300.0]
    assert rules[1].indicator == "diện tích vụ mùa"  # the rules drop the list's head "lúa"


def test_a_confident_model_names_the_ellipsis_with_the_lists_head_and_keeps_the_id() -> None:
    with installed(None):
        rules = extract_mentions(ELLIPSIS)
    with installed(Model({"tag=head": 5.0}, margin=1.0)):
        chosen = extract_mentions(ELLIPSIS)
    assert chosen[1].indicator == "diện tích lúa vụ mùa"
    # the id is the one the rules' name resolved to; everything but the name is unchanged
    assert [m.indicator_id for m in chosen] == [m.indicator_id for m in rules]
    assert [(m.value, m.quote, m.kind) for m in chosen] == [(m.value, m.quote, m.kind) for m in rules]


def test_a_candidate_that_does_not_beat_the_rules_name_by_the_margin_is_not_taken() -> None:
    with installed(None):
        rules = _names(ELLIPSIS)
    with installed(Model({"tag=head": 0.9}, margin=1.0)):
        assert _names(ELLIPSIS) == rules
    with installed(Model({"tag=head": 5.0}, margin=None)):  # the names head off
        assert _names(ELLIPSIS) == rules


def test_the_drop_head_drops_scored_mentions_and_renumbers_part_of() -> None:
    with installed(None):
        rules = extract_mentions(BREAKDOWN)
    assert [m.value for m in rules] == [2.5, 772.0, 507.0, 100.0]
    assert [m.part_of for m in rules] == [None, None, 1, 1]
    drop_pct = Model({}, None, {"u=%": 5.0}, 1.0)
    with installed(drop_pct):
        kept = extract_mentions(BREAKDOWN)
    assert [m.value for m in kept] == [772.0, 507.0, 100.0]
    assert [m.part_of for m in kept] == [None, 0, 0]  # still the 772 ha, now at position 0
    drop_total = Model({}, None, {"u=ha": 1.0, "part=False": 1.0}, 1.5)
    with installed(drop_total):
        kept = extract_mentions(BREAKDOWN)
    assert [m.value for m in kept] == [2.5, 507.0, 100.0]
    assert [m.part_of for m in kept] == [None, None, None]  # their total is gone


def test_collecting_records_candidates_in_mention_order_with_the_rules_name_first() -> None:
    with installed(Model({"tag=head": 5.0}, margin=1.0)), collecting() as rec:
        mentions = extract_mentions(ELLIPSIS)
    assert [m.indicator for m in mentions] == ["diện tích lúa vụ xuân", "diện tích vụ mùa"]  # rules' names
    assert len(rec.names) == len(mentions) == len(rec.drop)
    second = dict(rec.names[1])
    assert next(iter(second)) == "diện tích vụ mùa"
    assert "tag=rule" in second["diện tích vụ mùa"]
    assert "tag=head" in second["diện tích lúa vụ mùa"]
    assert "vụ mùa" in second  # the last words before the number
    assert "u=ha" in rec.drop[1]


def test_model_files_round_trip_and_an_empty_file_is_no_model(tmp_path: Path) -> None:
    model = Model({"tag=head": 1.5}, 0.5, {"u=%": 2.0}, 1.0)
    path = tmp_path / "names.json"
    path.write_text(json.dumps(model.to_json()), encoding="utf-8")
    assert load(path) == model
    path.write_text("null", encoding="utf-8")
    assert load(path) is None
    assert load(tmp_path / "absent.json") is None


def test_the_shipped_model_is_off_by_default() -> None:
    """Round 9: the retrained file holds a margin, but the cross-validated figure did not rise."""
    from ingest.extract.learned import names

    assert names.SHIPPED_ON is False and names.SLOT.model() is None
    for text in (ELLIPSIS, BREAKDOWN):
        with installed(None):
            rules = [m.to_dict() for m in extract_mentions(text)]
        assert [m.to_dict() for m in extract_mentions(text)] == rules


RUN_ON = "Xã đặt mục tiêu đạt tỷ lệ hộ nghèo còn 3%."


def test_candidates_carry_the_word_before_them_and_the_rules_names_shape() -> None:
    """A name the rules ran on over a clause (`… mục tiêu đạt tỷ lệ hộ nghèo`): each candidate records
    the word written just before it (a verb or linking word there means the name starts after it), and
    every candidate carries the rules' name's shape (a linking word inside it) crossed with its tag."""
    with installed(Model({}, 0.0)), collecting() as rec:
        mentions = extract_mentions(RUN_ON)
    assert [m.value for m in mentions] == [3.0]
    cands = dict(rec.names[0])
    assert "pre=đạt" in cands["tỷ lệ hộ nghèo"] and "prelink=True|tag=own4" in cands["tỷ lệ hộ nghèo"]
    assert "premeasure=True" in cands["lệ hộ nghèo"]  # cut inside `tỷ lệ`
    assert "rlink=True|tag=own4" in cands["tỷ lệ hộ nghèo"]
    assert all("digit=False" in f for f in cands.values())


def test_a_model_weighing_the_word_before_names_the_mention_after_the_verb() -> None:
    with installed(None):
        assert _names(RUN_ON) != ["tỷ lệ hộ nghèo"]
    with installed(Model({"prelink=True|tag=own4": 5.0}, margin=1.0)):
        assert _names(RUN_ON) == ["tỷ lệ hộ nghèo"]
