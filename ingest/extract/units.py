"""Units after a number (`triệu đồng`, `tạ/ha`, `con`, `%`) and their conversion to base units."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extract.vocab import (
    COUNT_UNITS,
    MEASURE_UNITS,
    NOT_MONEY_AFTER_DONG,
    NOT_UNIT_WORDS,
    PER_TIME_WORDS,
    PER_UNIT_FIGURE_BASES,
    PLACE_UNIT_NOUNS,
    SCALE_WORDS,
    SCALED_MONEY_DEFAULT,
)


@dataclass(frozen=True)
class UnitMatch:
    """A unit found right after a number: `end` is where it stops in the text."""

    unit: str  # as written, lowercased, whitespace collapsed ("triệu đồng")
    base_unit: str
    factor: float  # multiply the written value by this to get the base value
    end: int


def _alternation(words: list[str]) -> str:
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        pattern = r"\s+".join(re.escape(w) for w in word.split())
        # Alphabetic units need a word boundary ("m" must not match "mô hình"); symbols do not ("91%KH").
        parts.append(pattern + (r"(?![\w²³])" if word[-1].isalnum() else ""))
    return "|".join(parts)


_SCALE = _alternation(list(SCALE_WORDS))
_MEASURE = _alternation(list(MEASURE_UNITS))
_COUNT = _alternation(list(COUNT_UNITS))
_NOT_UNIT = _alternation(list(NOT_UNIT_WORDS))

# "4.807.887.427, đồng": a stray comma before đồng is a typing slip, not a clause break; before `đồng chí`,
# `đồng thời` it is a clause break (`Sáng nay 3/11, đồng chí …`: no money) (precision15).
_CLAUSE_DONG = rf"[^\S\n]*đồng[^\S\n]+(?:{_alternation(list(NOT_MONEY_AFTER_DONG))})"
_MEASURE_RE = re.compile(
    rf"[^\S\n]*(?:(?P<scale>{_SCALE})[^\S\n]*)?(?:,(?!{_CLAUSE_DONG}))?[^\S\n]*(?P<measure>{_MEASURE})"
    rf"|[^\S\n]*(?P<scale2>{_SCALE})(?![\w])"
)
_COUNT_RE = re.compile(rf"[^\S\n]*(?P<count>{_COUNT})")  # "970con", "1chi bộ y tế": glued counts too
# _COUNT_RE cut by the first letter of its words: the engine tries an alternation's words one by one,
# and a count noun can only open with the character after the spaces (no word opens with a space)
_COUNT_BY_FIRST = {
    first: re.compile(rf"[^\S\n]*(?P<count>{_alternation([w for w in COUNT_UNITS if w[0] == first])})")
    for first in {w[0] for w in COUNT_UNITS}
}
_SPACE_RUN = re.compile(r"[^\S\n]*")
_NOT_UNIT_RE = re.compile(rf"[^\S\n]+(?P<notunit>{_NOT_UNIT})")
# The characters the words of _MEASURE_RE and _NOT_UNIT_RE open with (`,` too: "4.807.887.427, đồng"):
# after the spaces, any other character rules the pattern out without trying it
_MEASURE_FIRSTS = frozenset({",", *(w[0] for w in SCALE_WORDS), *(w[0] for w in MEASURE_UNITS)})
_NOT_UNIT_FIRSTS = frozenset(w[0] for w in NOT_UNIT_WORDS)
_SPACES = re.compile(r"\s+")
_PLACE_FIRST_WORDS = frozenset(w.split()[0] for w in PLACE_UNIT_NOUNS)
_PER_UNIT = re.compile(r"[^\S\n]*/[^\S\n]*(?P<per>[^\W\d_]+)(?![^\W\d_])")


def _after_spaces(text_l: str, pos: int) -> int:
    """Where the run of non-newline spaces at `pos` ends (`[^\\S\\n]*`): one space read inline, a longer
    or rarer run by the pattern."""
    at = pos + 1 if text_l.startswith(" ", pos) else pos
    c = text_l[at : at + 1]
    if c != "\n" and c.isspace():
        return _SPACE_RUN.match(text_l, pos).end()  # type: ignore[union-attr]  # `*`: it always matches
    return at


def count_at(text_l: str, pos: int) -> re.Match[str] | None:
    """`_COUNT_RE.match(text_l, pos)`, trying only the count nouns that open with the next character."""
    at = _after_spaces(text_l, pos)
    rx = _COUNT_BY_FIRST.get(text_l[at : at + 1])
    return rx.match(text_l, pos) if rx is not None else None


def match_unit(text_l: str, pos: int) -> UnitMatch | None:
    """The unit starting at `pos` in lowercased text (after optional spaces), or None."""
    at = _after_spaces(text_l, pos)
    first = text_l[at : at + 1]  # each pattern is tried only when its words can open with it
    m = _MEASURE_RE.match(text_l, pos) if first in _MEASURE_FIRSTS else None
    rx = _COUNT_BY_FIRST.get(first)
    c = rx.match(text_l, pos) if rx is not None else None
    n = _NOT_UNIT_RE.match(text_l, pos) if at > pos and first in _NOT_UNIT_FIRSTS else None
    if n is not None and (c is None or n.end() >= c.end()) and (m is None or n.end() >= m.end()):
        return None  # "lần thứ 6", "5 năm": the longest reading is not a unit
    if m is not None and m.group("scale2") is not None:
        # "68 nghìn con", "5,2 ngàn con": a scale word before a counted noun scales the count
        sc = count_at(text_l, m.end())
        if sc is not None:
            scale_word = m.group("scale2")
            unit = f"{scale_word} {_SPACES.sub(' ', sc.group('count'))}"
            return UnitMatch(unit, "count", SCALE_WORDS[scale_word], sc.end())
    if c is not None and (m is None or c.end() > m.end()):
        # the longer reading wins: "25 đồng chí" is people, not money
        noun = _SPACES.sub(" ", c.group("count"))
        end = c.end()
        slash = text_l.startswith("/", end) or text_l.startswith(" /", end)  # (no pattern tried without one)
        per = _PER_UNIT.match(text_l, end) if slash else None
        places = noun in PLACE_UNIT_NOUNS and per is not None and per.group("per") in _PLACE_FIRST_WORDS
        if per is not None and per.group("per") not in PER_TIME_WORDS and not places:  # `3 xã/thị trấn`: or
            # "bình quân 12 tiêu chí/xã", "3 lượt/ngày": a count per unit is a rate, `other` (names7)
            return UnitMatch(f"{noun}/{per.group('per')}", "other", 1.0, per.end())
        return UnitMatch(noun, "count", 1.0, c.end())
    if m is None:
        return None
    scale_word = m.group("scale") or m.group("scale2")
    scale = SCALE_WORDS[scale_word] if scale_word else 1.0
    if m.group("measure") is not None:
        measure = _SPACES.sub(" ", m.group("measure"))
        if measure.startswith("%") and scale_word:
            return None
        base_unit, factor = MEASURE_UNITS[measure]
        unit = f"{scale_word} {measure}" if scale_word else measure
        return UnitMatch(unit, base_unit, factor * scale, m.end())
    # "tăng 8 tỷ so với CK": a scale word alone is money in these reports.
    base_unit, factor = MEASURE_UNITS[SCALED_MONEY_DEFAULT]
    return UnitMatch(scale_word or "", base_unit, factor * scale, m.end())


_COUNT_IN = re.compile(rf"(?<![\w])(?:{_COUNT})")


def count_noun_in(label: str) -> str | None:
    """The last count noun named in a label (`hội viên pn` -> `hội viên`), or None."""
    found = [m.group() for m in _COUNT_IN.finditer(label)]
    return _SPACES.sub(" ", found[-1]) if found else None


def rebase(base_unit: str, factor: float, expected: str | None) -> tuple[str, float]:
    """Adjust a unit's base to the indicator's expected base (`67 triệu đồng` of income per head)."""
    if not expected or expected == base_unit:
        return base_unit, factor
    if base_unit == "VND" and expected == "VND/person/year":
        return expected, factor
    if base_unit == "t" and expected == "kg/person/year":
        return expected, factor * 1000.0
    return base_unit, factor


def id_base_unit(entry_base_unit: str, base_unit: str) -> str:
    """The base unit a figure carries under its id: an id measured per commune or per hectare (`other` in
    the catalogue, the gold rules' items 36-37) takes a count (`bình quân mỗi xã đạt 15,2 tiêu chí`) or an
    amount (`giá trị sản phẩm trên 1 ha đạt 120 triệu đồng`, its scale applied) as `other`; other units
    stay what they are."""
    if entry_base_unit == "other" and base_unit in PER_UNIT_FIGURE_BASES:
        return "other"
    return base_unit


_COUNTED_AT = re.compile(rf"[^\S\n]+(?:số[^\S\n]+\w|(?:{_COUNT})(?!\w))")


def counted_noun_at(text_l: str, pos: int, end: int) -> bool:
    """Whether a counted noun (`hộ`, `thôn`) or `số …` (`số dân`) follows at `pos`, before `end`."""
    return _COUNTED_AT.match(text_l, pos, end) is not None
