"""Counts of a target list's own items written alone in brackets: `Về kinh tế (11 chỉ tiêu)`.

The gold rules make the heading counts of a target list no facts, and the count of the targets a
resolution set, restated in brackets (`các chỉ tiêu chủ yếu … từ đầu nhiệm kỳ (21 chỉ tiêu)`), optional:
only what was achieved of them (`16/18 chỉ tiêu đạt và vượt`) is a figure. A count of targets that is
all its brackets hold is therefore not read as a mention (names9).
"""

from __future__ import annotations

import re

from ingest.extract.context import Doc
from ingest.extract.numbers import Quantity
from ingest.extract.vocab import BRACKETED_ITEM_UNITS

_S = r"[^\S\n]"
_BRACKET_BEFORE = re.compile(rf"\({_S}*$")
_BRACKET_AFTER = re.compile(rf"{_S}*\)")
_ITEM_UNITS = frozenset(BRACKETED_ITEM_UNITS)


def bracketed_items(doc: Doc, q: Quantity, left: int) -> bool:
    """Whether `q` is a count of targets alone in brackets (`(11 chỉ tiêu)`)."""
    if q.unit.base_unit != "count" or q.unit.unit not in _ITEM_UNITS or q.of_total is not None:
        return False
    text_l = doc.text_l
    return (
        _BRACKET_BEFORE.search(text_l, max(left, q.start - 3), q.start) is not None
        and _BRACKET_AFTER.match(text_l, q.end) is not None
    )
