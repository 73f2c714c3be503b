"""Vietnamese numbers and the quantities they make with a unit (`1.936 tấn`, `9 - 9,5%`, `10/19 tiêu chí`).

Vietnamese writes `.` for thousands and `,` for decimals: `1.936` is 1936, `45,7` is 45.7,
`1.152,1` is 1152.1. A dot followed by one or two digits (`8.58`) is read as a decimal point,
since a thousands group always has three digits.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.extract.triggers import gated
from ingest.extract.units import UnitMatch, count_noun_in, match_unit
from ingest.extract.vocab import (
    IDENTIFIER_KEEP_BEFORE,
    IDENTIFIER_WORDS,
    MERGER_WORDS,
    NAMED_COUNT_UNITS,
    NAMED_UNITS_HOLDERS,
    PER_UNIT_ON,
    PROGRAMME_NAME_AFTER_COUNT,
    QUALIFYING_COUNT_BEFORE,
    QUOTED_NAME_NOUNS,
    SCALE_WORDS,
    YEAR_WORDS,
)

_NUM = r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]{1,3}(?:,[0-9]{3}){2,}(?:\.[0-9]+)?|[0-9]+(?:[.,][0-9]+)?"
QUANTITY_RE = re.compile(
    rf"(?<![\w/.\[])(?<![0-9]:)(?<![0-9],)(?P<cmp>(?:[≥≤]|[><]=?)[^\S\n]*)?(?P<a>{_NUM})"
    rf"(?:(?P<sep>[^\S\n]*[-–—][^\S\n]*|[^\S\n]*/[^\S\n]*|[^\S\n]+(?:đến|tới)[^\S\n]+)(?P<b>{_NUM}))?"
)
# Where a quantity can start: a digit or comparator not glued to a word, code or number before it. The
# pattern opens with a character class, so the regex engine skips ahead to candidates at C speed; the
# full QUANTITY_RE (whose leading look-behind defeats that skip) is then tried only at those positions.
_QUANTITY_START = re.compile(r"[0-9≥≤><](?<![\w/.\[].)(?<![0-9]:.)(?<![0-9],.)")
# what may precede a list marker on its line: where a line's run of them ends is read once per line
_LINE_LEAD = re.compile(r"[ \t#*\-•+>\u00a0]*")
# a bare number and a space opening a line is a marker too: a table's numbered rows (`9 Tỷ lệ hộ nghèo %
# 14,14 10,55`) and list items. precision15 narrowed it to `.`/`)` for two dev facts (`52 xã … hoàn
# thành` opening a line); on round 14's unseen documents the narrowing read two row numbers and a
# caption's numeral as figures and found no fact, so the bare form stays a marker
_LIST_MARKER = re.compile(r"[0-9]{1,2}(?:\.[0-9]{1,2})*\.?[ \t\u00a0)]")
# "Hội viên PN: 1.783;" — a label, a colon, a bare number, then a break: the label's noun is the unit
_LABEL_BEFORE = re.compile(r"(?:^|[;,(\n])[^\S\n]*(?P<label>[^\W\d_][^;,:()\n]{0,40}?)[^\S\n]*:[^\S\n]*$")
_LABEL_AFTER = re.compile(r"[^\S\n]*(?:[;,.)]|$)", re.MULTILINE)
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_ON_BEFORE = re.compile(r"(?:^|[^\w])trên[^\S\n]*$")
_LAND_AFTER = re.compile(r"[^\S\n]+(?:" + "|".join(re.escape(w) for w in PER_UNIT_ON) + r")(?!\w)")


def _spaced_alt(words: tuple[str, ...]) -> str:
    """A regex alternation of the words in their order, spaces matching any run of non-newline space
    (`context.words_alt` sorts them and imports this module)."""
    return "|".join(re.escape(w).replace(r"\ ", r"[^\S\n]+") for w in words)


_QUALIFYING = gated(re.compile(r"(?:^|[^\w])(?:" + _spaced_alt(QUALIFYING_COUNT_BEFORE) + r")[^\S\n]*$"))


def parse_vn_number(raw: str) -> float:
    """`1.936` -> 1936.0, `45,7` -> 45.7, `1.152,1` -> 1152.1, `4.807.887.427` -> 4807887427.0."""
    s = raw.strip()
    if "." in s and "," in s:
        # 1.152,1 is Vietnamese; 1,234.5 is English style
        s = s.replace(".", "").replace(",", ".") if s.rfind(",") > s.rfind(".") else s.replace(",", "")
    elif "." in s:
        groups = s.split(".")
        if all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3:
            s = s.replace(".", "")
    elif "," in s:
        groups = s.split(",")
        s = (
            s.replace(",", "")
            if len(groups) > 2 and all(len(g) == 3 for g in groups[1:])
            else s.replace(",", ".")
        )
    return float(s)


@dataclass
class Quantity:
    """A number with its unit in the text (offsets into the text)."""

    start: int  # first character (comparator included)
    num_start: int
    end: int  # after the unit
    value: float
    value_high: float | None
    of_total: float | None
    unit: UnitMatch
    comparator: str | None

    @property
    def is_pct(self) -> bool:
        return self.unit.base_unit == "%"


def _is_identifier(text: str, text_l: str, start: int, line_start: int, line_front: int, raw: str) -> bool:
    """Numbers that name things: list markers, document numbers, ordinals, years after `năm`.

    `line_front` is where the line's leading marks (`_LINE_LEAD`) end: a list marker opens there."""
    if start > 0 and text[start - 1] == "-" and start > 1 and text[start - 2].isalpha():
        return True  # Covid-19
    if start == line_front and _LIST_MARKER.match(text, start):
        return True
    lo = max(line_start, start - 24)
    seg = text_l[lo:start].rstrip()
    word = seg.rsplit(None, 1)[-1] if seg else ""
    if word.isalnum():  # `_word_before`'s usual case, a whole word after a space, read here: no call
        at = lo + len(seg) - len(word)
    else:
        word, at = _word_before(text_l, lo, start)
    if word in YEAR_WORDS and _YEAR.fullmatch(raw):
        return True
    if word in IDENTIFIER_WORDS:
        return _word_before(text_l, max(line_start, at - 16), at)[0] not in IDENTIFIER_KEEP_BEFORE
    return False


def _word_before(text_l: str, lo: int, end: int) -> tuple[str, int]:
    r"""The word (and where it starts) ending, up to spaces, right before `end` in `text_l[lo:end]`, a
    line's stretch: `("", end)` when a non-word character comes first. What `(\w+)[^\S\n]*$` finds,
    without the regex trying every position of the stretch."""
    seg = text_l[lo:end].rstrip()
    k = len(seg)
    last = seg.rsplit(None, 1)[-1] if seg else ""
    if last.isalnum():  # the usual case, a whole word after a space: no walk back character by character
        return last, lo + k - len(last)
    while k and (seg[k - 1].isalnum() or seg[k - 1] == "_"):
        k -= 1
    return seg[k:], lo + k


def _label_unit(text_l: str, start: int, end: int, line_start: int) -> UnitMatch | None:
    if not _LABEL_AFTER.match(text_l, end):
        return None
    label = _LABEL_BEFORE.search(text_l, max(line_start - 1, 0, start - 60), start)
    if label is None:
        return None
    noun = count_noun_in(label.group("label"))
    return UnitMatch(noun, "count", 1.0, end) if noun else None


# Words after a counted noun, or before its number, that point back at units counted before (the gold rules:
# anaphoric references are not facts).
_REFERENCE_AFTER = re.compile(
    r"[^\S\n]+(?:này|nói[^\S\n]+trên|đó|trên(?=[^\S\n]*(?:đã|đều|được|tiếp|[,.;])))(?!\w)"
)
_REFERENCE_BEFORE = gated(re.compile(r"(?<!\w)(?:đây|đó)[^\S\n]+là[^\S\n]*$"))


# A visitor counter ("Lượt xem: 416"), the communes a new one was merged from ("sáp nhập 3 xã"), and
# units named one by one ("2 xã Bình Trung và Bình Giã") are no facts of the document (the gold rules).
_COUNTER_BEFORE = re.compile(
    r"(?:lượt[^\S\n]+xem|lượt[^\S\n]+truy[^\S\n]+cập|lượt[^\S\n]+view)[^\S\n]*:?[^\S\n]*$"
)
# ... and the same counter written after its number (`648 lượt xem`, page chrome) (names9)
_COUNTER_AFTER = re.compile(r"[^\S\n]*(?:xem|truy[^\S\n]+cập|view|đọc|thích|chia[^\S\n]+sẻ)(?!\w)")
_MERGED_BEFORE = gated(
    re.compile(
        r"(?<!\w)sáp[^\S\n]+nhập(?:[^\S\n]+(?:bởi|từ|của|đảng[^\S\n]+bộ))?[^\S\n]*(?:gồm|là)?[^\S\n]*$"
    )
)
_NAMED_UNITS_HOLDER = re.compile(
    rf"(?<!\w)(?:{_spaced_alt(NAMED_UNITS_HOLDERS)})(?:[^\S\n]+(?:của|cả|các))?[^\S\n]*$"
)
_WHERE_BEFORE = re.compile(r"(?<!\w)(?:tại|ở|của)[^\S\n]*$")
_FIGURE_AFTER = re.compile(
    r"[^\S\n]*(?:là|đạt|chiếm|có|:)?[^\S\n]*(?:trên|dưới|gần|hơn|khoảng)?[^\S\n]*[0-9]"
)
# the word right after the unit: all capitals, two letters or more (`NTM`, `HĐND`), it is an abbreviation
_WORD_AFTER = re.compile(r"[^\S\n]*(?P<word>[^\W\d_]+)")


def _not_a_fact(text: str, text_l: str, start: int, unit: UnitMatch) -> bool:
    before = text_l[max(0, start - 40) : start]
    if "lượt" in before and _COUNTER_BEFORE.search(before):  # the word every counter holds, at C speed
        return True
    if unit.unit == "lượt" and _COUNTER_AFTER.match(text_l, unit.end):
        return True
    if unit.base_unit != "count" or unit.unit not in NAMED_COUNT_UNITS:
        return False
    if _MERGED_BEFORE.search(before):
        return True
    if _WHERE_BEFORE.search(before) and _FIGURE_AFTER.match(text_l, unit.end):
        return True  # "tại 6 xã là 3,29%", "của 2 bản đạt 100%": where the figure after it holds
    after = text[unit.end : unit.end + 3].lstrip(" \t\u00a0")
    if not after or not after[0].isupper():
        return False
    # "2 xã Bình Trung và Bình Giã đạt …": the count of the units it names is a fact (the gold rules, item
    # 191), but not where it only says whose body or territory the sentence is about (`HĐND 2 huyện A, B`,
    # `trên địa bàn 03 xã A, B, C`) or the number names a place (`nhân dân khu 8 xã Trung Giáp`)
    named_place = _word_before(text_l, max(0, start - 12), start)[0] in IDENTIFIER_WORDS
    return named_place or _NAMED_UNITS_HOLDER.search(before) is not None


def _qualifier(
    text_l: str, start: int, line_start: int, value: float, second: float | None, unit: UnitMatch
) -> bool:
    """`trên 1 ha` (per hectare), `cả 3 tiêu chí`, `bình quân 2 vụ`: a number that qualifies another one."""
    if second is not None or value > 5:
        return False
    before = text_l[max(line_start, start - 16) : start]
    if unit.base_unit == "count":
        return value <= 5 and bool(_QUALIFYING.search(before))
    if value != 1 or unit.base_unit == "%":
        return False
    # "trên 1 ha đất canh tác": per hectare of land (`mỗi 1 ha`, `/1 ha` decided nothing on dev, seeds or
    # held-out and were dropped by precision15)
    return _ON_BEFORE.search(before) is not None and _LAND_AFTER.match(text_l, unit.end) is not None


def _quantity_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of `QUANTITY_RE.finditer(text)`, found faster by jumping between candidate starts."""
    search, match = _QUANTITY_START.search, QUANTITY_RE.match
    pos = 0
    while (candidate := search(text, pos)) is not None:
        m = match(text, candidate.start())
        if m is None:
            pos = candidate.start() + 1
            continue
        yield m
        pos = m.end()


# "date 2025-08-08", "2018-01-12 07:50": ISO dates in page headers are not quantities.
_ISO_DATE = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}-[0-9]{1,2}(?:-[0-9]{1,2})?(?![0-9])")
# the scan starts at a dash followed by a digit (a literal first: fast), then checks the year before it
_DASH_DIGIT = re.compile(r"-[0-9]")


def _iso_dates(text: str) -> list[tuple[int, int]]:
    """Spans of `2025-08-08`, `2023-05` in the text."""
    out: list[tuple[int, int]] = []
    for dash in _DASH_DIGIT.finditer(text):
        m = _ISO_DATE.match(text, dash.start() - 4) if dash.start() >= 4 else None
        if m is not None and (not out or m.start() >= out[-1][1]):
            out.append((m.start(), m.end()))
    return out


# "8 tỷ 500 triệu đồng": a second number of a smaller scale continues the amount.
_COMPOUND = re.compile(
    r"[^\S\n]+(?P<n>[0-9]{1,3})[^\S\n]*(?P<scale>triệu|tr|nghìn|ngàn)(?:[^\S\n]*(?:đồng|đ)(?!\w))?"
)


# "49 ngàn 890 hộ": the hundreds of a count written after its scale word continue it (names9)
_COUNT_REST = re.compile(r"[^\S\n]+(?P<n>[0-9]{1,3})(?![0-9.,])")


def _compound(text_l: str, unit: UnitMatch, value: float) -> tuple[UnitMatch, float]:
    """`8 tỷ 500 triệu đồng` -> 8.5 `tỷ đồng`, `49 ngàn 890 hộ` -> 49.89 `ngàn hộ`; else unchanged."""
    first = unit.unit.split(" ")[0] if unit.unit else ""
    if unit.base_unit != "VND" or first not in SCALE_WORDS:
        return unit, value
    if unit.unit == first and (rest := _COUNT_REST.match(text_l, unit.end)) is not None:
        counted = match_unit(text_l, rest.end())
        if counted is not None and counted.base_unit == "count" and counted.factor == 1.0:
            value += int(rest.group("n")) / SCALE_WORDS[first]
            return UnitMatch(f"{first} {counted.unit}", "count", SCALE_WORDS[first], counted.end), value
    m = _COMPOUND.match(text_l, unit.end)
    if m is None or SCALE_WORDS[m.group("scale")] >= SCALE_WORDS[first]:
        return unit, value
    value += int(m.group("n")) * SCALE_WORDS[m.group("scale")] / SCALE_WORDS[first]
    return UnitMatch(f"{first} đồng", "VND", SCALE_WORDS[first], m.end()), value


# "75% - 76%", "8,5% - 9,5%/năm": a range whose unit is written after both numbers.
_RANGE_AGAIN = re.compile(rf"[^\S\n]*[-–—][^\S\n]*(?P<b>{_NUM})")


def _unit_range(text_l: str, unit: UnitMatch, value: float) -> tuple[float, UnitMatch] | None:
    """The upper bound and its unit when the same unit follows a second number after a dash."""
    m = _RANGE_AGAIN.match(text_l, unit.end)
    if m is None:
        return None
    again = match_unit(text_l, m.end())
    if again is None or again.base_unit != unit.base_unit or again.factor != unit.factor:
        return None
    try:
        high = parse_vn_number(m.group("b"))
    except ValueError:
        return None
    return (high, again) if high > value else None


_DAY_BEFORE = re.compile(r"(?<!\w)ngày(?!\w)")
# the one (`1 trong`, `một trong`) or the rank (`đứng thứ nhất trong`) taken from a whole counted after it
_ONE_OF = gated(
    re.compile(r"(?:(?<![\w.,])[0-9]+|(?<!\w)một|(?<!\w)thứ[^\S\n]+\w+)[^\S\n]+trong[^\S\n]+(?:số[^\S\n]+)?$")
)
# "Thành Long là 01 xã của huyện …": the unit one of its whole's units, not a count
_ONE_UNIT_BEFORE = re.compile(r"(?<!\w)là[^\S\n]+$")
_ONE_UNIT_AFTER = re.compile(r"[^\S\n]+(?:của|thuộc)(?!\w)")


def _day_month(text_l: str, m: re.Match[str], line_start: int) -> bool:
    """`27 và 28/5`, `ngày 15/8`: a day and a month written as a ratio, with `ngày` shortly before."""
    a, b = m.group("a"), m.group("b")
    if not (a.isdigit() and b.isdigit() and 1 <= int(a) <= 31 and 1 <= int(b) <= 12):
        return False
    return _DAY_BEFORE.search(text_l, max(line_start, m.start() - 20), m.start()) is not None


def _one_unit_of_whole(text_l: str, start: int, second: float | None, unit: UnitMatch) -> bool:
    """`X là 01 xã của huyện …`, a quantity of 1: a place said to be one of its whole's places
    (precision19)."""
    if second is not None or unit.unit not in NAMED_COUNT_UNITS:
        return False
    return bool(_ONE_UNIT_BEFORE.search(text_l, max(0, start - 8), start)) and bool(
        _ONE_UNIT_AFTER.match(text_l, unit.end)
    )


# A number inside a programme's name (`vocab.PROGRAMME_NAME_AFTER_COUNT`, `vocab.QUOTED_NAME_NOUNS`) is no
# fact (the gold rules: names with numbers): `3 chương trình mục tiêu quốc gia` names the national programmes,
# `đề án “Phát triển bền vững 1 triệu hecta lúa …”` a plan; the quoted name ends at its closing mark or line.
_PROGRAMME_AFTER = re.compile(r"[^\S\n]+(?:" + _spaced_alt(PROGRAMME_NAME_AFTER_COUNT) + r")(?!\w)")
# the noun right before an opening quotation mark (`đề án “`, `chiến dịch về "`): the scan starts at the
# marks, rarer than the nouns, and reads back a few characters from each
_NAME_BEFORE_QUOTE = re.compile(r"(?<!\w)(?:" + _spaced_alt(QUOTED_NAME_NOUNS) + r")[^\S\n]*(?:về[^\S\n]*)?$")
_CLOSING = {"“": "”", '"': '"'}


def _quoted_names(text_l: str) -> list[tuple[int, int]]:
    """Spans of the quoted names of programmes and campaigns (`đề án “…”`): from the opening mark to the
    closing one or the line's end."""
    spans: list[tuple[int, int]] = []
    for mark, closing in _CLOSING.items():
        at = text_l.find(mark)
        while at >= 0:
            line_end = text_l.find("\n", at)
            line_end = len(text_l) if line_end < 0 else line_end
            close = text_l.find(closing, at + 1, line_end)
            end = line_end if close < 0 else close
            if _NAME_BEFORE_QUOTE.search(text_l, max(0, at - 30), at):
                spans.append((at, end))
            at = text_l.find(mark, end + 1 if mark == closing and close >= 0 else at + 1)
    return spans


def _in_programme_name(text_l: str, start: int, unit: UnitMatch, names: list[tuple[int, int]]) -> bool:
    """`3 chương trình mục tiêu quốc gia`, `đề án “… 1 triệu hecta …”`: the number is part of a name."""
    if unit.unit == "chương trình" and _PROGRAMME_AFTER.match(text_l, unit.end):
        return True
    return any(lo <= start < hi for lo, hi in names)


# The units a merger names one by one (`sáp nhập xã A, B, C và D`), counted later in the text (`Nền kinh tế
# của 4 xã`): a reference back to them, no fact (the corpus README's item 104).
_MERGED_NOUN = re.compile(
    r"(?<!\w)(?:các[^\S\n]+)?(?P<noun>"
    + "|".join(sorted(NAMED_COUNT_UNITS, key=len, reverse=True))
    + r")[^\S\n]+"
)
_NAME_SEP = re.compile(r"[^\S\n]*,[^\S\n]*|[^\S\n]+và[^\S\n]+")
_CLAUSE_ENDS = ".;\n("


def _named_count(text: str, text_l: str, start: int, stop: int) -> tuple[float, str] | None:
    """(count, noun) of the units named one by one from `start` (`xã Bình Thành, Bình Hòa và xã Tây
    Vinh` → (3, `xã`)), None for fewer than two names."""
    noun = _MERGED_NOUN.search(text_l, start, stop)
    if noun is None:
        return None
    names = 0
    for item in _NAME_SEP.split(text[noun.end() : stop]):
        item = item.strip()
        if item.lower().startswith(noun["noun"] + " "):  # "xã Tây Vinh": the noun written again
            item = item[len(noun["noun"]) :].lstrip()
        if not item or not item[0].isupper():
            break
        names += 1
    return (float(names), noun["noun"]) if names >= 2 else None


def _merged_units(text: str, text_l: str) -> dict[tuple[float, str], int]:
    """Where a merger first names its units one by one without counting them, by (count, noun)."""
    out: dict[tuple[float, str], int] = {}
    for word in MERGER_WORDS:
        at = text_l.find(word)
        while at >= 0:
            end = min(len(text_l), at + 160)
            stop = min((k for c in _CLAUSE_ENDS if (k := text_l.find(c, at, end)) >= 0), default=end)
            named = _named_count(text, text_l, at + len(word), stop)
            if named is not None:
                out[named] = min(out.get(named, at), at)
            at = text_l.find(word, at + 1)
    return out


def _joined_again(q: Quantity, joined: dict[tuple[float, str], int]) -> bool:
    """A bare count of the units a merger joined, after the merger: `quân và dân 4 xã`."""
    if q.of_total is not None or q.value_high is not None or q.comparator is not None:
        return False
    at = joined.get((q.value, q.unit.unit))
    return at is not None and at < q.start


def find_quantities(text: str, text_l: str) -> list[Quantity]:
    """Every number-with-unit in the text, in order. Numbers without a unit are not quantities."""
    out: list[Quantity] = []
    line_start = scanned = 0  # the line of the current match; matches come in order, so scan forward only
    line_front = _LINE_LEAD.match(text).end()  # type: ignore[union-attr]  # `*`: it always matches
    dates = _iso_dates(text) if "-" in text else []
    consumed = 0  # end of the last quantity: a compound amount consumes the number after it
    names = _quoted_names(text_l)
    joined = _merged_units(text, text_l)  # where a merger joined units, by (count, noun)
    for m in _quantity_matches(text):
        a_start, end = m.start("a"), m.end()
        if a_start < consumed or (dates and any(lo <= a_start < hi for lo, hi in dates)):
            continue
        newline = text.rfind("\n", scanned, m.start())
        if newline >= 0:
            line_start = newline + 1
            line_front = _LINE_LEAD.match(text, line_start).end()  # type: ignore[union-attr]
        scanned = m.start()
        if _is_identifier(text, text_l, a_start, line_start, line_front, m.group("a")):
            continue
        sep = m.group("sep")
        if sep is not None and "/" in sep and _day_month(text_l, m, line_start):
            continue  # "trong 2 ngày 27 và 28/5": a day and month
        unit = match_unit(text_l, end)
        if unit is None:
            unit = _label_unit(text_l, m.start(), end, line_start)
        if unit is None:
            continue
        try:
            value = parse_vn_number(m.group("a"))
            second = parse_vn_number(m.group("b")) if m.group("b") else None
        except ValueError:
            continue
        if not math.isfinite(value) or (second is not None and not math.isfinite(second)):
            continue
        if second is None:
            unit, value = _compound(text_l, unit, value)
        value_high = of_total = None
        if second is None and (high := _unit_range(text_l, unit, value)) is not None:
            value_high, unit = high  # "chiếm khoảng 75% - 76%": one range, the unit written twice
        if second is not None and sep is not None:
            if "/" in sep:
                of_total = second
            elif second > value:
                value_high = second
            else:
                continue  # "2025 - 2020" or a list like "5 - 3": not a range we understand
        if _qualifier(text_l, m.start(), line_start, value, second, unit):
            continue
        if unit.base_unit == "count" and (
            _REFERENCE_AFTER.match(text_l, unit.end)
            or _REFERENCE_BEFORE.search(text_l, max(0, m.start() - 12), m.start())
        ):
            continue  # "Trong 3 xã này", "4 xã trên đã hoàn thành", "Đây là 2 bản đầu tiên": a reference back
        if _not_a_fact(text, text_l, m.start(), unit):
            continue
        if unit.base_unit == "count" and _ONE_OF.search(text_l, max(line_start, m.start() - 24), m.start()):
            continue  # "Đây là 1 trong 2 đơn vị …", "xếp thứ nhất trong 8 huyện": the whole, not a figure
        if value == 1 and _one_unit_of_whole(text_l, m.start(), second, unit):
            continue  # "Thành Long là 01 xã của huyện …"
        if _in_programme_name(text_l, a_start, unit, names):
            continue  # "3 chương trình mục tiêu quốc gia", "đề án “… 1 triệu hecta …”": a name
        cmp_ = m.group("cmp")
        consumed = unit.end
        out.append(
            Quantity(
                start=m.start(),
                num_start=a_start,
                end=unit.end,
                value=value,
                value_high=value_high,
                of_total=of_total,
                unit=unit,
                comparator=cmp_.strip() if cmp_ else None,
            )
        )
    if joined:
        # "Nền kinh tế của 4 xã" after "sáp nhập xã A, B, C và D": a reference back to the units joined
        out = [q for q in out if not _joined_again(q, joined)]
    return out
