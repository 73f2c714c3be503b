"""The trigger gate: triggers read from a rule's pattern, and a gated rule answering as the rule does; a
whole-text rule looked for only where its opening words are written, finding what the rule finds; an
end-anchored rule run only on a text ending with one of its endings."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path
from typing import TypeVar

import pytest

import ingest.extract
from ingest.extract.own_period import lower_same_length
from ingest.extract.triggers import Ended, Gated, Opened, ended, endings, gated, needs, opened, openings

REAL_DOCS = Path(__file__).resolve().parents[2] / "fixtures" / "real" / "docs"
_Rule = TypeVar("_Rule", Gated, Opened, Ended)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # an alternation the parser factors (`đ` + `ây|ó`) still spells its words
        (r"(?<!\w)(?:đây|đó)[^\S\n]+là[^\S\n]*$", ({"đây", "đó"}, {"là"})),
        # a look-behind is not part of the match: its words are no trigger
        (r"(?<!từ )(?<!\w)tháng \d{1,2}", ({"tháng "},)),
        # an optional word joins the run it stands in: both spellings
        (r"tổng(?: số)?:", ({"tổng:", "tổng số:"},)),
        # a repeat that must match once needs its body's words
        (r"(?:[^\S\n]+(?:vụ|mùa))+$", ({"vụ", "mùa"},)),
        # one branch without a literal: the alternation needs nothing
        (r"(?:tăng|\d+)[^\S\n]+từ", ({"từ"},)),
        # single characters gate nothing
        (r"[.;:\n!?]", ()),
        (r"(?:^|[^\w])x[^\S\n]*$", ()),
    ],
)
def test_needs_reads_the_words_every_match_holds(pattern: str, expected: tuple[set[str], ...]) -> None:
    assert needs(re.compile(pattern)) == tuple(frozenset(s) for s in expected)


def test_a_case_blind_pattern_has_no_triggers() -> None:
    assert needs(re.compile(r"tháng \d+", re.IGNORECASE)) == ()


def test_a_gated_rule_answers_as_the_rule_does() -> None:
    rule = re.compile(r"(?<!\w)(?:tăng|giảm)[^\S\n]+từ[^\S\n]*$")
    gate = gated(rule)
    assert gate.triggers == frozenset({"từ"})  # of `{tăng, giảm}` and `{từ}`, the set of fewer words
    for text in ("diện tích lúa tăng từ ", "diện tích lúa đạt ", "giảm từ", "năng suất lúa tăng", ""):
        for pos, endpos in ((0, len(text)), (3, len(text)), (0, 4)):
            ours, theirs = gate.search(text, pos, endpos), rule.search(text, pos, endpos)
            assert (ours and ours.span()) == (theirs and theirs.span())
            ours, theirs = gate.match(text, pos, endpos), rule.match(text, pos, endpos)
            assert (ours and ours.span()) == (theirs and theirs.span())


def test_a_rule_without_triggers_always_runs() -> None:
    gate = gated(re.compile(r"[0-9]+"))
    assert gate.triggers == frozenset()
    assert gate.written_in("không có trigger nào")
    found = gate.search("đạt 12 xã")
    assert found is not None and found.group() == "12"


def _module_rules(kind: type[_Rule]) -> list[tuple[str, _Rule]]:
    """Every module-level rule of `kind` in the extractor's modules, named `module.name`."""
    return [
        (f"{info.name}.{name}", value)
        for info in pkgutil.iter_modules(ingest.extract.__path__)
        for name, value in vars(importlib.import_module(f"ingest.extract.{info.name}")).items()
        if isinstance(value, kind)
    ]


def _gated_rules() -> list[tuple[str, Gated]]:
    return [(name, gate) for name, gate in _module_rules(Gated) if gate.triggers]


def test_every_gated_rule_has_triggers_read_from_its_pattern() -> None:
    for name, gate in _gated_rules():
        assert gate.triggers in needs(gate.rule), name
        assert gate.pattern == gate.rule.pattern, name


def test_no_gated_rule_matches_real_text_without_its_triggers() -> None:
    """Run every gated rule ungated over every real document: each match holds one of its triggers."""
    texts = [lower_same_length(p.read_text(encoding="utf-8")) for p in sorted(REAL_DOCS.glob("*.txt"))]
    assert texts
    for name, gate in _gated_rules():
        for text in texts:
            for m in gate.rule.finditer(text):
                assert any(t in m.group() for t in gate.triggers), (name, m.group())


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # each branch's leading letters, up to its first class
        (r"(?:thông[^\S\n]+qua|ký)(?!\w)", {"thông", "ký"}),
        # letters before a group join each of its openings
        (r"kế (?:hoạch|toán)[^\S\n]+năm", {"kế hoạch", "kế toán"}),
        # a branch that may open with anything, a look-behind or a class first: no openings
        (r"(?:tăng|\d+) từ", set()),
        (r"(?<!\w)tháng", set()),
        (r"[0-9]+ ha", set()),
    ],
)
def test_openings_are_read_from_the_pattern(pattern: str, expected: set[str]) -> None:
    assert openings(re.compile(pattern)) == frozenset(expected)


def test_an_opened_rule_finds_what_the_rule_finds() -> None:
    rule = re.compile(r"(?:phê[^\S\n]+duyệt|ký)(?!\w)[^.;\n]{0,30}?(?<!\w)(?:nghị quyết|kế hoạch)(?!\w)")
    text = (
        "Huyện đã ký kế hoạch năm 2025; phê duyệt nghị quyết về ngân sách. Chữ ký, phê duyệt kế hoạch"
        " và ký kết; ký nghị quyết ký kế hoạch."
    )
    ours = [m.span() for m in opened(rule).finditer(text)]
    assert ours == [m.span() for m in rule.finditer(text)] and len(ours) == 5  # `phê` inside a match: skipped
    assert [m.span() for m in opened(rule).finditer(text, 10, 70)] == [
        m.span() for m in rule.finditer(text, 10, 70)
    ]
    without = opened(re.compile(r"[0-9]+ ha"))  # no openings: the rule's own search
    assert [m.group() for m in without.finditer("12 ha, 3 ha")] == ["12 ha", "3 ha"]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # each branch's last word, whitespace before the end aside
        (r"(?:^|[^\S\n]+)(?:đạt|ước[^\S\n]+tính)[^\S\n]*$", {"đạt", "tính"}),
        # an optional part at the end: its words or the words before it
        (r"(?:tăng|giảm)(?:[^\S\n]+bình[^\S\n]+quân)?$", {"tăng", "giảm", "quân"}),
        # a branch ending with a class, a pattern not anchored at the end, a multi-line one: none
        (r"(?:không[^\S\n]+\w+|đề[^\S\n]+ra)$", set()),
        (r"(?:đạt|là)[^\S\n]*", set()),
    ],
)
def test_endings_are_read_from_the_pattern(pattern: str, expected: set[str]) -> None:
    assert endings(re.compile(pattern)) == frozenset(expected)
    assert endings(re.compile(pattern, re.MULTILINE)) == frozenset()  # `$` before every newline


def test_an_ended_rule_answers_as_the_rule_does() -> None:
    rule = re.compile(r"(?:^|[^\S\n]+)(?:đạt|ước[^\S\n]+tính)[^\S\n]*$")
    gate = ended(rule)
    assert gate.endings == ("tính", "đạt")
    for text in ("tổng thu ngân sách đạt", "tổng thu ước tính \n", "đạt", "đạt được", "", "tổng thu\nđạt "):
        assert gate.sub("", text) == rule.sub("", text)
        assert (gate.search(text) and gate.search(text).span()) == (
            rule.search(text) and rule.search(text).span()
        )


def test_every_opened_rule_finds_on_real_text_what_its_rule_finds() -> None:
    texts = [lower_same_length(p.read_text(encoding="utf-8")) for p in sorted(REAL_DOCS.glob("*.txt"))]
    rules = _module_rules(Opened)
    assert texts and rules
    for name, rule in rules:
        assert rule.openings, name  # a rule that lost its opening words gains nothing from `opened`
        for text in texts:
            ours = [(m.span(), m.groups()) for m in rule.finditer(text)]
            assert ours == [(m.span(), m.groups()) for m in rule.rule.finditer(text)], name


def test_no_ended_rule_matches_a_real_line_without_its_endings() -> None:
    """Run every ended rule ungated over every line of every real document: a line it matches ends with
    one of its endings."""
    lines = [
        line
        for p in sorted(REAL_DOCS.glob("*.txt"))
        for line in lower_same_length(p.read_text(encoding="utf-8")).split("\n")
    ]
    rules = _module_rules(Ended)
    assert lines and rules
    for name, rule in rules:
        assert rule.endings, name  # a rule that lost its endings gains nothing from `ended`
        for line in lines:
            for text in (line, line.rstrip(" .;,")):
                assert rule.rule.search(text) is None or rule.may_match(text), (name, text)
