"""Breakdowns and shared heads: the figures that a total is broken into, and list items that share a name.

`tổng diện tích gieo trồng 772 ha, trong đó: + Lúa 507 ha + Màu: 265 ha` — the items are parts of the
total (`part_of`), each named by the total's measure and its own words (`diện tích gieo trồng lúa`),
and each quote runs back to the total so it keeps its head (GOLD.md). `Tổng đàn trâu, bò 1.095 con
(Bò 970 con, trâu 125 con)` — an item that is one of the total's own words takes the total's measure
(`tổng đàn bò`). `vốn ngân sách hơn 5 tỷ đồng (chiếm 7,08%)` inside a breakdown is the share of that
part in the total (`tỷ trọng vốn ngân sách trong tổng vốn …`). `xã có tổng số 15 xóm, 2160 hộ và 9230
nhân khẩu` — counts listed after one measure word share it (`tổng số hộ`).
"""

from __future__ import annotations

import re

from ingest.extract.context import Doc, Draft
from ingest.extract.phrases import measured, spell_out

_S = r"[^\S\n]"
# Words right after a total that open its breakdown
_BREAKDOWN = re.compile(rf"[\s,.;:(]*(?:(?:trong{_S}+đó(?:{_S}+có)?|bao{_S}+gồm|gồm|cụ{_S}+thể)(?!\w)|\()")
_LIST_CONTINUES = re.compile(rf"^[\s,;:+\-–•*]*(?:và{_S}+)?$")
_SHARE_VERB = re.compile(rf"(?<!\w)chiếm(?:{_S}+tỷ{_S}+lệ)?{_S}*$")
_TOTAL_WORDS = re.compile(rf"^(?:tổng{_S}+số|tổng{_S}+cộng|tổng){_S}+")
_LEADING_MEASURE = re.compile(
    rf"^(?:tổng{_S}+số|tổng{_S}+đàn|tổng{_S}+diện{_S}+tích|tổng{_S}+sản{_S}+lượng|tổng{_S}+giá{_S}+trị"
    rf"|tổng{_S}+vốn|tổng|số|đàn|diện{_S}+tích|sản{_S}+lượng|giá{_S}+trị|vốn|kinh{_S}+phí)(?!\w)"
)
_ACTOR = re.compile(
    rf"^(?:xã|huyện|thôn|ban|đảng|ủy{_S}+ban|hđnd|ubnd)(?!\w)|.*(?<!\w)đã(?!\w)"
)  # a doer, not a measure
_MAX_GAP = 400  # a breakdown follows its total closely


def link(doc: Doc, drafts: list[Draft]) -> None:
    """Mark breakdown items (`part_of`), name them from their total, and extend their quotes."""
    _shared_measures(doc, drafts)
    i = 0
    while i < len(drafts):
        parent = drafts[i]
        children = _breakdown_of(doc, drafts, i)
        for child in children:
            child.part_of = parent
            _name_part(doc, parent, child)
        i += 1 + (len(children) if children else 0)
    _shares_of_parts(doc, drafts)


def _breakdown_of(doc: Doc, drafts: list[Draft], i: int) -> list[Draft]:
    parent = drafts[i]
    if parent.ratio_only or parent.is_change or parent.q.is_pct:
        return []
    text_l = doc.text_l
    cue = _BREAKDOWN.match(text_l, parent.last_end)
    if cue is None and _later_quantity(drafts, i, parent.sentence.end):
        return []
    if cue is None:  # "… 71 tỷ 355 triệu đồng vốn để xây dựng … . Trong đó vốn ngân sách …"
        cue = _BREAKDOWN.match(text_l, parent.sentence.end)
    if cue is None:
        return []
    base = parent.q.unit.base_unit
    children: list[Draft] = []
    previous_end = cue.end()
    for child in drafts[i + 1 :]:
        if child.q.start - parent.q.end > _MAX_GAP:
            break
        if child.q.unit.base_unit != base or child.ratio_only or child.is_change:
            if child.q.is_pct and children:
                continue  # "(chiếm 7,08%)" beside a part: linked by `_shares_of_parts`
            break
        gap = text_l[previous_end : child.left if children else child.q.start]
        separated = _LIST_CONTINUES.match(gap) or "\n" in gap or ";" in gap
        if children and not separated and len(gap.split()) > 8:
            break  # items are separated by commas, `;`, `và`, or lines; many words in between end the list
        if child.q.value > parent.q.value * 1.001 or (child.q.value == parent.q.value and len(children) == 0):
            break  # a part is smaller than its total
        children.append(child)
        previous_end = child.last_end
    return children if children else []


def _name_part(doc: Doc, parent: Draft, child: Draft) -> None:
    """`tổng diện tích gieo trồng` + `lúa` -> `diện tích gieo trồng lúa`; `tổng đàn trâu, bò` + `bò` ->
    `tổng đàn bò`."""
    own = _own_subject(child)
    head = parent.indicator
    if own and not measured(own) and not _ACTOR.match(head):
        words = f" {head} "
        if f" {own} " in words or f" {own}," in words:
            lead = _LEADING_MEASURE.match(head)
            child.indicator = f"{lead.group(0).strip()} {own}" if lead else own
        else:
            child.indicator = f"{_TOTAL_WORDS.sub('', head)} {own}".strip()
    child.quote_from = parent


def _own_subject(child: Draft) -> str:
    """The child's own words, without the measure word the name composer added for its unit."""
    name = child.indicator
    for measure in ("diện tích ", "sản lượng ", "chiều dài ", "tỷ lệ ", "số "):
        if name.startswith(measure) and not child.subject_measured:
            return name[len(measure) :]
    return name if not child.subject_measured else ""


def _shares_of_parts(doc: Doc, drafts: list[Draft]) -> None:
    """`vốn ngân sách hơn 5 tỷ đồng (chiếm 7,08%)` in a breakdown: the part's share of the total."""
    for k, d in enumerate(drafts):
        if not d.q.is_pct or k == 0:
            continue
        part = drafts[k - 1]
        if part.part_of is None or part.q.is_pct:
            continue
        between = doc.text_l[part.last_end : d.q.start]
        if "\n" in between or len(between.split()) > 4 or not _SHARE_VERB.search(between.strip(" ,(")):
            continue
        total = part.part_of.indicator
        d.indicator = spell_out(f"tỷ trọng {part.indicator} trong {total}")
        d.part_of = part.part_of
        d.quote_from = part
        if _ACTOR.match(total):
            d.indicator = spell_out(f"tỷ trọng {part.indicator}")


def _shared_measures(doc: Doc, drafts: list[Draft]) -> None:
    """`tổng số 15 xóm, 2160 hộ và 9230 nhân khẩu`: counts listed after one measure word share it."""
    text_l = doc.text_l
    for k in range(1, len(drafts)):
        first, d = drafts[k - 1], drafts[k]
        if (
            d.sentence is not first.sentence
            or d.q.unit.base_unit != "count"
            or first.q.unit.base_unit != "count"
        ):
            continue
        gap = text_l[first.q.end : d.q.start]
        if not re.fullmatch(rf"{_S}*(?:,|và|,{_S}*và){_S}*", gap):
            continue
        lead = _LEADING_MEASURE.match(first.indicator)
        if lead is None or not d.indicator.startswith("số ") or lead.group(0).strip() == "số":
            continue
        d.indicator = f"{lead.group(0).strip()} {d.indicator[len('số ') :]}"
        d.quote_from = first


def _later_quantity(drafts: list[Draft], i: int, end: int) -> bool:
    """Whether another figure follows the total within its own sentence."""
    return i + 1 < len(drafts) and drafts[i + 1].q.start < end
