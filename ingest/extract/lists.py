"""Breakdowns and shared heads: the figures that a total is broken into, and list items that share a name.

`tổng diện tích gieo trồng 772 ha, trong đó: + Lúa 507 ha + Màu: 265 ha` — the items are parts of the
total (`part_of`), each named by the total's measure and its own words (`diện tích gieo trồng lúa`),
and each quote runs back to the total so it keeps its head (the gold rules). `Tổng đàn trâu, bò 1.095 con
(Bò 970 con, trâu 125 con)` — an item that is one of the total's own words takes the total's measure
(`tổng đàn bò`). `vốn ngân sách hơn 5 tỷ đồng (chiếm 7,08%)` inside a breakdown is the share of that
part in the total (`tỷ trọng vốn ngân sách trong tổng vốn …`). `xã có tổng số 15 xóm, 2160 hộ và 9230
nhân khẩu` — counts listed after one measure word share it (`tổng số hộ`).
"""

from __future__ import annotations

import re
from itertools import pairwise

from ingest.extract.context import CLAUSE_SEP, Doc, Draft, words_alt
from ingest.extract.naming import is_conversion
from ingest.extract.phrases import clean_words, measured, only_sectors, spell_out
from ingest.extract.sector_parts import earlier_growths, sector_changes, sector_parts
from ingest.extract.vocab import (
    BREAKDOWN_TAIL_STOPS,
    CONVERSION_VERBS,
    CONVERTED_MEASURES,
    ECONOMIC_SECTORS,
    GENERIC_NAME_UNITS,
    NAME_VERB_STARTS,
    PARAGRAPH_PURPOSES,
    PERIOD_ITEM_FILLERS,
    PLACE_ITEM_OPENERS,
    PLACE_ITEM_VERBS,
    PLACE_LEVEL_WORDS,
    RAISING_VERBS,
    SHARED_PREDICATE_STARTS,
    UNIT_MEASURE_WORDS,
)

_S = r"[^\S\n]"
# Words right after a total that open its breakdown
_BREAKDOWN = re.compile(rf"[\s,.;:(]*(?:(?:trong{_S}+đó(?:{_S}+có)?|bao{_S}+gồm|gồm|cụ{_S}+thể)(?!\w)|\()")
# "259 văn bản các loại, trong đó có …", "877 Giải quốc gia, quốc tế, gồm: …": the total's noun runs on
# for a few words before its breakdown opens
_TAIL_THEN_BREAKDOWN = re.compile(
    rf"(?P<tail>[^\d.;:!?\n()]{{1,40}}?)(?:,|{_S})*(?:trong{_S}+đó(?:{_S}+có)?|bao{_S}+gồm|gồm)(?!\w)(?:{_S}|:)*"
)
_MAX_TAIL_WORDS = 5
_TAIL_STOP = re.compile(rf"^(?:{words_alt(BREAKDOWN_TAIL_STOPS)})(?!\w)")
_ITEM_LINE = re.compile(r"[ \t]*(?:[+\-–•*]|[a-zđ0-9]{1,2}[.)])")  # a bullet or `a)`, `1.`: a list item
_VERB_ONLY = re.compile(rf"{_S}*(?:{words_alt(NAME_VERB_STARTS)})(?:{_S}+(?:được|mới|thêm))?{_S}*")
_AND_GAP = re.compile(rf"{_S}*(?:và|cùng){_S}*")
_LIST_CONTINUES = re.compile(rf"^[\s,;:+\-–•*]*(?:và{_S}+)?$")
_SHARE_VERB = re.compile(rf"(?<!\w)chiếm(?:{_S}+tỷ{_S}+lệ)?{_S}*$")
_TOTAL_WORDS = re.compile(rf"^(?:tổng{_S}+số|tổng{_S}+cộng|tổng){_S}+")
_LEADING_MEASURE = re.compile(
    rf"^(?:tổng{_S}+số|tổng{_S}+đàn|tổng{_S}+diện{_S}+tích|tổng{_S}+sản{_S}+lượng|tổng{_S}+giá{_S}+trị"
    rf"|tổng{_S}+vốn|tổng|số|đàn|diện{_S}+tích|sản{_S}+lượng|giá{_S}+trị|vốn|kinh{_S}+phí)(?!\w)"
)
_ACTOR_START = re.compile(rf"^(?:xã|huyện|thôn|ban|đảng|ủy{_S}+ban|hđnd|ubnd)(?!\w)")
_DID = re.compile(r"(?<!\w)đã(?!\w)")
_DID_START = re.compile(r"^đã\s+")
_PREDICATE_START = re.compile(rf"(?<!\w)(?:{words_alt(SHARED_PREDICATE_STARTS)})(?!\w)")
_MAX_NOUN_RUN_ON = 2  # "11/11 trường học, …": words of a counted noun after the unit read (`trường`)
_ITEMS_JOINED = re.compile(rf"(?:{_S}*,{_S}*(?:và{_S}+)?|{_S}+và{_S}+)(?:(?:hơn|trên|gần|khoảng|từ){_S}+)?$")
_BUDGET_MEASURE = re.compile(r"^(chi|thu)\s")
_RAISING_START = re.compile(rf"^(?:{words_alt(RAISING_VERBS)}){_S}+")
_SHARE_HEAD = re.compile(rf"(?<!\w)(?:cơ{_S}+cấu(?:{_S}+kinh{_S}+tế)?|tỷ{_S}+trọng|tỉ{_S}+trọng)(?!\w)")
_SECTOR = re.compile(rf"(?<!\w)(?:{words_alt(ECONOMIC_SECTORS)})(?!\w)")
# a total measured as a value (`tổng giá trị sản xuất các ngành chủ yếu`): its parts' measure
_VALUE_MEASURE = re.compile(rf"^(?:tổng{_S}+)?(?P<measure>giá{_S}+trị(?:{_S}+sản{_S}+(?:xuất|phẩm))?)(?!\w)")
_SHARE_MEASURE = re.compile(rf"^(?:tỷ{_S}+trọng|tỉ{_S}+trọng|tỷ{_S}+lệ|tỉ{_S}+lệ){_S}+")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_OPEN_BRACKET = re.compile(rf"{_S}*\({_S}*")
_RATE_WORDS = re.compile(rf"^(?:tỷ{_S}+lệ|tỉ{_S}+lệ)(?:{_S}+số)?{_S}+")
_FUNDS = re.compile(rf"^(?:nguồn{_S}+vốn|vốn|kinh{_S}+phí|nguồn{_S}+lực|ngân{_S}+sách)(?!\w){_S}*")
_AND = re.compile(rf"{_S}*(?:,|và|,{_S}*và){_S}*")
_PLACE_LEVEL = re.compile(r"^(?:huyện|thị xã|thành phố|tỉnh|xã|phường|thị trấn)\s+")
_WHOLE_AREA = re.compile(rf"{_S}+(?:trên{_S}+)?(?:toàn|cả){_S}+(?:tỉnh|huyện|xã|thành{_S}+phố)(?!\w)")
_MONEY = frozenset({"VND", "VND/person/year"})
# names that are only a measure word (or a verb), and the measure word they stand for ("" = by unit)
_BARE_MEASURE_NAMES = {
    "năng suất": "năng suất",
    "sản lượng": "sản lượng",
    "diện tích": "diện tích",
    "diện tích gieo trồng": "diện tích gieo trồng",
    "thu về": "",
}
# "…; chuyển diện tích 28 ha lúa sang …": a verb of the clause's own right before its bare measure word
_OWN_VERB = re.compile(
    rf"[\s\-–+•*]*(?P<verb>{words_alt(CONVERSION_VERBS + NAME_VERB_STARTS)})(?:{_S}+(?:được|mới|thêm))?{_S}+"
    rf"(?={words_alt(tuple(m for m, by in _BARE_MEASURE_NAMES.items() if by))}(?!\w))"
)
_CONVERSION_VERB = re.compile(words_alt(CONVERSION_VERBS))
_LINE_LABEL = re.compile(rf"[\s\-–+•*]*(?:cây{_S}+)?([^\W\d][^:\n]{{0,25}}?){_S}*:")
_CROP_NAME = re.compile(
    rf"^(?:diện{_S}+tích(?:{_S}+gieo{_S}+trồng)?|sản{_S}+lượng|năng{_S}+suất){_S}+(?:cây{_S}+)?(.+)$"
)
_CLAUSE_OPENING = re.compile(r"[,;:.][\s\-–+•*]*$")
_QUALIFIER_START = re.compile(rf"^(?:bình{_S}+quân|trung{_S}+bình|chung|đạt|cả)(?!\w)")
_ITEM_SEP = re.compile(r"[,;:()]")
_WHERE_END = re.compile(
    rf"{_S}+(?:(?:trên{_S}+)?toàn|trên{_S}+địa{_S}+bàn|của){_S}+(?:tỉnh|huyện|xã|phường|thành{_S}+phố).*$"
)
# a line opening with a label and a colon ("Tỷ lệ học sinh đi học đúng độ tuổi: …")
_LABEL_HEAD = re.compile(rf"[\s\-–+•*]*(?:[0-9]{{1,2}}[.)]{_S}*)?([^\W\d][^:\n0-9]{{5,80}}?){_S}*:")
SPACES_RE = re.compile(r"\s+")
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
    renamed: dict[int, str] = {}  # the parts renamed by their sector (their old names)
    for d in drafts:
        if d.part_of is not None and not d.q.is_pct:
            old = d.indicator
            _purpose_of_total(d)
            if old != d.indicator:
                renamed[id(d)] = old
    for d in drafts if renamed else ():
        level = d.quote_from
        old = renamed.get(id(level), "") if d.is_change and level is not None else ""
        if old and d.indicator.startswith(old):
            # "Thương mại - dịch vụ … 13 nghìn tỷ đồng, tăng 18%": the change follows its level's new name
            d.indicator = level.indicator + d.indicator[len(old) :]  # type: ignore[union-attr]
    _share_lists(doc, drafts)
    sector_parts(doc, drafts)
    sector_changes(doc, drafts)  # a sector's change takes its level's measure (names22c)
    earlier_growths(doc, drafts)  # a bracketed earlier period's growth takes the growth's measure (names23)
    _elliptical_items(doc, drafts)
    _counts_behind_rates(doc, drafts)
    _place_items(doc, drafts)
    _listed_places(doc, drafts)
    _joined_counts(doc, drafts)
    _count_runs(doc, drafts)
    _bare_measures(doc, drafts)
    _labelled_items(doc, drafts)
    _shared_predicates(doc, drafts)
    _period_only_items(doc, drafts)


def _breakdown_of(doc: Doc, drafts: list[Draft], i: int) -> list[Draft]:
    parent = drafts[i]
    if parent.ratio_only or parent.is_change or parent.q.is_pct:
        return []
    text_l = doc.text_l
    cue = _BREAKDOWN.match(text_l, parent.last_end)
    if cue is None and parent.q.unit.base_unit == "count":
        cue = _tail_cue(doc, parent)
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
        if "\n" in gap and child.subject_measured and not _ITEM_LINE.match(text_l, child.sentence.line_start):
            break  # "Về đầu tư xây dựng cơ bản, giá trị giải ngân …" on a line of its own: a new topic
        if children and _SENTENCE_END.search(gap) and child.subject_measured:
            break  # "… người dân đóng góp 5 tỷ đồng. Thu nhập bình quân …": a new sentence, own measure
        separated = _LIST_CONTINUES.match(gap) or "\n" in gap or ";" in gap
        if children and not separated and len(gap.split()) > 8:
            break  # items are separated by commas, `;`, `và`, or lines; many words in between end the list
        part, whole = child.q.value * child.q.unit.factor, parent.q.value * parent.q.unit.factor
        if part > whole * 1.001 or (part == whole and len(children) == 0):
            break  # a part is smaller than its total (`2.300 tỷ đồng` of `63 nghìn tỷ đồng`)
        children.append(child)
        previous_end = child.last_end
    return children if children else []


def _tail_cue(doc: Doc, parent: Draft) -> re.Match[str] | None:
    """`877 Giải quốc gia, quốc tế, gồm:`: the breakdown after the counted noun's last words, which join
    the total's name (`tổng số giải quốc gia, quốc tế`) and the names of its items of that noun."""
    cue = _TAIL_THEN_BREAKDOWN.match(doc.text_l, parent.last_end)
    if cue is None:
        return None
    tail = SPACES_RE.sub(" ", cue.group("tail")).strip(" ,")
    if len(tail.split()) > _MAX_TAIL_WORDS or _TAIL_STOP.match(tail):
        return None
    if tail and tail not in parent.indicator:
        parent.indicator = _run_on(parent.indicator, tail)
    parent.noun_tail = tail
    return cue


def _run_on(name: str, tail: str) -> str:
    """`số giải cấp tỉnh` + `cấp tỉnh, cấp quốc gia` -> `số giải cấp tỉnh, cấp quốc gia` (no word twice)."""
    words = tail.split()
    for k in range(len(words), 0, -1):
        if name.endswith(" " + " ".join(words[:k]).rstrip(",")):
            return name + tail[len(" ".join(words[:k]).rstrip(",")) :]
    return f"{name} {tail}"


def _name_part(doc: Doc, parent: Draft, child: Draft) -> None:
    """`tổng diện tích gieo trồng` + `lúa` -> `diện tích gieo trồng lúa`; `tổng đàn trâu, bò` + `bò` ->
    `tổng đàn bò`."""
    own = _own_subject(child)
    head = parent.indicator
    if parent.noun_tail:
        # "877 Giải quốc gia, quốc tế, gồm: 129 giải Nhất": an item of the total's noun is qualified by the
        # total's words; another noun ("259 văn bản …, trong đó có 44 nghị quyết") keeps its own name
        noun = parent.q.unit.unit
        if f"{own} ".startswith(f"{noun} ") and parent.noun_tail not in child.indicator:
            child.indicator = f"{child.indicator} {parent.noun_tail}"
        child.quote_from = parent
        return
    other_noun = child.q.unit.base_unit == "count" and not _same_noun(parent.q.unit.unit, child.q.unit.unit)
    if (
        own
        and not measured(own)
        and not _is_actor(head)
        and child.q.unit.base_unit != "VND"
        and not other_noun
    ):
        words = f" {head} "
        if f" {own} " in words or f" {own}," in words:
            lead = _LEADING_MEASURE.match(head)
            child.indicator = f"{lead.group(0).strip()} {own}" if lead else own
        else:
            child.indicator = f"{_TOTAL_WORDS.sub('', head)} {own}".strip()
    child.quote_from = parent


def _same_noun(a: str, b: str) -> bool:
    """Whether two counted nouns count the same things (`hộ`, `hộ nghèo`); `nghị quyết` and `cuộc giám
    sát` do not: an item of another noun keeps its own name (names7). A unit that says nothing about what
    is counted (`đồng chí` of `536 đảng viên`) is any noun."""
    return a.split()[:1] == b.split()[:1] or a in GENERIC_NAME_UNITS or b in GENERIC_NAME_UNITS


def _purpose_of_total(child: Draft) -> None:
    """`tổng nguồn vốn đầu tư xây dựng nông thôn mới 456 tỷ đồng. Trong đó, vốn ngân sách Trung ương 99
    tỷ đồng`: a source of money is named with what the total is for (`vốn ngân sách trung ương đầu tư
    xây dựng nông thôn mới`)."""
    if child.q.unit.base_unit != "VND":
        return
    value = _VALUE_MEASURE.match(child.part_of.indicator if child.part_of else "")
    if value is not None and only_sectors(child.indicator):
        # "Tổng giá trị sản xuất … 63 nghìn tỷ đồng. Trong đó: Thương mại - dịch vụ 13 nghìn tỷ đồng": a
        # sector's part is that sector's value (`giá trị sản xuất thương mại - dịch vụ`) (names7)
        child.indicator = f"{value.group('measure')} {child.indicator}"
        return
    if value is not None and _VALUE_MEASURE.match(child.indicator):
        return  # "giá trị sản xuất công nghiệp … 40 nghìn tỷ đồng": a part with its own value measure
    total_name = _TOTAL_WORDS.sub("", child.part_of.indicator if child.part_of else "")
    total_measure, own_measure = _BUDGET_MEASURE.match(total_name), _BUDGET_MEASURE.match(child.indicator)
    if total_measure and own_measure and total_measure.group(1) == own_measure.group(1):
        return  # "chi ngân sách … gồm: chi đầu tư phát triển …": a budget line of the same measure (names9)
    purpose = _FUNDS.sub("", _TOTAL_WORDS.sub("", child.part_of.indicator if child.part_of else ""))
    purpose = _DID_START.sub("", purpose)
    # "vốn người dân đóng góp xây dựng nông thôn mới" of "kinh phí huy động xây dựng nông thôn mới": the
    # part already says what for (names9)
    said = _RAISING_START.sub("", purpose)
    if any(p in child.indicator and purpose.endswith(p) for p in PARAGRAPH_PURPOSES.values()):
        said = ""  # "vốn nhân dân đóng góp xây dựng nông thôn mới" of "… đầu tư xây dựng nông thôn mới"
    if purpose and purpose not in child.indicator and said not in child.indicator and not _is_actor(purpose):
        child.indicator = f"{child.indicator} {purpose}"


def _is_actor(name: str) -> bool:
    """A doer (`xã bình dân đã huy động`), not a measure (`tổng kinh phí đã thực hiện …`)."""
    return bool(_ACTOR_START.match(name)) or (not measured(name) and bool(_DID.search(name)))


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
        if "\n" in between or len(between.split()) > 4 or "chiếm" not in between:
            continue
        if not _SHARE_VERB.search(between.strip(" ,(")):
            continue
        total = part.part_of.indicator
        name = part.indicator
        for purpose in PARAGRAPH_PURPOSES.values():
            if name.endswith(f" {purpose}") and purpose in total:
                name = name[: -len(purpose) - 1]  # the programme is said once, by the total (names9)
                break
        d.indicator = spell_out(f"tỷ trọng {name} trong {total}")
        d.part_of = part.part_of
        d.quote_from = part
        if _is_actor(total):
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
        if not _AND.fullmatch(gap):
            continue
        lead = _LEADING_MEASURE.match(first.indicator)
        if lead is None or not d.indicator.startswith("số ") or lead.group(0).strip() == "số":
            continue
        d.indicator = f"{lead.group(0).strip()} {d.indicator[len('số ') :]}"
        d.quote_from = first


def _elliptical_items(doc: Doc, drafts: list[Draft]) -> None:
    """`diện tích lúa ruộng 53,5/52ha, tăng 2,9%; cây ngô 73/70ha`: an item without its own measure word
    continues the list of the item before it that has one; its quote reaches back to that head."""
    for k, d in enumerate(drafts):
        if d.subject_measured or d.name_start is None or d.quote_from is not None or d.part_of is not None:
            continue
        base = d.q.unit.base_unit
        for h in reversed(drafts[max(0, k - 8) : k]):
            if h.sentence.line_start != d.sentence.line_start or _SENTENCE_END.search(
                doc.text_l, h.q.end, d.name_start
            ):
                break
            if h.q.unit.base_unit != base or h.is_change or h.ratio_only:
                continue  # a change or attainment beside an item (`, tăng 2,9%`)
            if h.subject_measured:
                d.quote_from = h
                head = _WHERE_END.sub("", h.indicator)
                if base in _MONEY and not measured(d.indicator) and len(head.split()) <= 8:
                    # "thu nhập bình quân đầu người toàn tỉnh 70 triệu, khu vực nông thôn 63 triệu"
                    d.indicator = f"{head} {d.indicator}"
                break
            if h.name_start is None:
                break


def _joined_counts(doc: Doc, drafts: list[Draft]) -> None:
    """`triển khai thực hiện tại 13/13 xã và 93 thôn`: a bare count joined by `và` to the count before it
    shares what that count's name says was done (`số thôn triển khai thực hiện …`)."""
    for first, second in pairwise(drafts):
        if first.sentence is not second.sentence or first.q.unit.base_unit != "count":
            continue
        joined = _AND_GAP.fullmatch(doc.text_l, first.last_end, second.q.start)
        if second.q.unit.base_unit != "count" or not joined:
            continue
        head, bare = f"số {first.q.unit.unit} ", f"số {second.q.unit.unit}"
        if second.indicator == bare and first.indicator.startswith(head):
            second.indicator = f"{bare} {first.indicator[len(head) :]}"
            second.quote_from = second.quote_from or first


def _count_runs(doc: Doc, drafts: list[Draft]) -> None:
    """`đã tổ chức 28 đợt khảo sát, 15 đợt giám sát`, `có 18 chỉ tiêu đạt …, 3 chỉ tiêu không đạt`: a
    count in a comma run of counts is quoted from the run's first, whose words (who did it, of what)
    it shares."""
    for first, second in pairwise(drafts):
        if first.sentence is not second.sentence or second.quote_from is not None or second.part_of:
            continue
        if second.q.unit.base_unit != "count" or second.is_change:
            continue
        gap = doc.text_l[first.last_end : second.q.start]
        if "," not in gap or ";" in gap or len(gap.split()) > 12:
            continue
        if first.q.unit.base_unit != "count" and not _VERB_ONLY.fullmatch(gap[gap.rfind(",") + 1 :]):
            continue  # "… được 16 tỷ đồng, xây dựng 9 công trình": only a verb, the money's clause goes on
        second.quote_from = first.quote_from or first


def _place_items(doc: Doc, drafts: list[Draft]) -> None:
    """`bình quân … là 16,3 tiêu chí, trong đó: Tây Ninh 17,7/19 TC, huyện Tân Biên 16,8/17,4 TC`: items
    named by a place after a figure's `trong đó` are that figure for each place (named from it)."""
    text_l = doc.text_l
    for i, head in enumerate(drafts):
        if head.ratio_only or head.is_change or not head.indicator:
            continue
        cue = _BREAKDOWN.match(text_l, head.last_end)
        if cue is None:
            continue
        for d in drafts[i + 1 :]:
            if (
                d.q.unit.base_unit != head.q.unit.base_unit
                or d.part_of is not None
                or d.q.start - head.q.end > _MAX_GAP
            ):
                break
            seps = [m.end() for m in _ITEM_SEP.finditer(text_l, d.left, d.q.start)]
            own = doc.text[seps[-1] if seps else d.left : d.q.start].strip(" ,;:.-–+")
            if not _is_place_name(own):
                break
            d.indicator = f"{_WHOLE_AREA.sub('', head.indicator).strip()} {own.lower()}"
            d.quote_from = head


# a list item that is only places: its opener, the places, the verb before its figure (names23b)
_PLACE_ITEM = re.compile(
    rf"{_S}*(?:(?:{words_alt(PLACE_ITEM_OPENERS)}){_S}+)?(?P<places>.+?)"
    rf"(?:{_S}+(?:{words_alt(PLACE_ITEM_VERBS)}))?(?:{_S}+(?:trên|hơn|gần|khoảng|dưới))?{_S}*$"
)
_PLACE_LEVEL_WORD = re.compile(rf"^(?:{words_alt(PLACE_LEVEL_WORDS)})(?:{_S}+|(?<=\.))")
_PLACE_JOIN = re.compile(rf"{_S}*,{_S}*|{_S}+và{_S}+")
_BARE_MEASURE_WORD = re.compile(
    rf"^(?:{words_alt(('tỉ lệ', 'tổng số', *UNIT_MEASURE_WORDS.values()))})?(?: |$)"
)


def _listed_places(doc: Doc, drafts: list[Draft]) -> None:
    """`tiến độ thu ngân sách của huyện Ia Pa chỉ đạt 12,8%; kế đến là huyện Krông Pa đạt 15,5% và
    TP.Pleiku đạt 17,3%`, `… đạt và cơ bản đạt 19 tiêu chí; Ea Tam, Ea Tân 16 tiêu chí`: an item of a list
    whose own words are only places, named by a bare measure word and those places, is the figure before
    it for those places; it takes that figure's subject (the figure's own places left out) with its
    places, and its quote reaches back to it (the gold rules: ellipsis resolved from the list head)."""
    text = doc.text
    head_of: dict[int, Draft] = {}
    for previous, d in pairwise(drafts):
        if d.is_change or previous.is_change or d.part_of is not None:
            continue
        if d.q.unit.base_unit != previous.q.unit.base_unit or not _same_list(doc, previous, d):
            continue
        gap = text[previous.last_end : d.q.start]
        places = _places_only(gap)
        if not places:
            continue
        said = set(SPACES_RE.sub(" ", gap.lower()).replace(",", " ").split())
        rest = " ".join(w for w in d.indicator.split() if w.strip(",") not in said)
        if not _bare_name(rest, d) or (not d.q.is_pct and doc.tail_words(d.q, d.sentence)):
            continue  # "…, xã B 30 hộ cận nghèo", "xã C đạt 15 tiêu chí nông thôn mới": its own name
        head = head_of.get(id(previous), previous)
        if not f"{head.q.unit.unit} ".startswith(f"{d.q.unit.unit} "):
            continue  # "45 hộ nghèo, xã B 30 hộ cận nghèo": another counted noun
        if any(f" {p} " in f" {head.indicator} " for p in places.split(", ")):
            continue  # the figure before already took this item's words into its name
        subject = _without_places(head.indicator, text, head.left, head.q.start)
        subject = _WHOLE_AREA.sub("", subject).strip(" ,")
        if not _BARE_MEASURE_WORD.sub("", subject).strip():
            continue
        d.indicator = f"{subject} {places}"
        d.quote_from = head
        head_of[id(d)] = head


def _bare_name(name: str, d: Draft) -> bool:
    """A name that is only a measure word and the figure's counted noun (`tỷ lệ`, `số tiêu chí`)."""
    rest = _BARE_MEASURE_WORD.sub("", name).strip()
    return not rest or rest == d.q.unit.unit


def _without_places(name: str, text: str, lo: int, hi: int) -> str:
    """The name cut before the first place its figure's own words name (`tỷ lệ tiến độ thu ngân sách của
    huyện ia pa thấp nhất` -> `tỷ lệ tiến độ thu ngân sách của`)."""
    cut = len(name)
    own = _places_only(text[lo:hi].lstrip(" ,;:"), whole=True)
    for place in [*(own.split(", ") if own else ()), *_places_in(text[lo:hi])]:
        for at in (f" {name} ".find(f" {place} "), f" {name} ".find(f" {place},")):
            if 0 <= at < cut:
                cut = at
    return name[:cut].strip()


def _places_in(words: str) -> list[str]:
    """The places written in a stretch of text, lowercased: a level word and capitalised words, or two
    capitalised words or more."""
    out: list[str] = []
    run: list[str] = []
    level = last = ""
    for w in [*words.replace(",", " , ").split(), ","]:
        if w[0].isupper() and w[0].isalpha():
            run.append(w)
            continue
        if run and (level or len(run) >= 2):
            out.append(" ".join([level, *run] if level else run).lower())
        run = []
        lw, two = w.lower(), f"{level or last} {w.lower()}"
        level = (
            two if _PLACE_LEVEL_WORD.fullmatch(two + " ") else lw if _PLACE_LEVEL_WORD.match(lw + " ") else ""
        )
        last = lw
    return out


def _places_only(gap: str, whole: bool = False) -> str:
    """The places a list item names, lowercased (`huyện krông pa`, `ea tam, ea tân`), when its words
    (after the figure before it has ended: its first `;`, else `,`, else `và`; all of them when `whole`)
    are only places."""
    cut = -1 if whole else gap.find(";")
    if cut < 0 and not whole:
        cut = gap.find(",")
    if cut < 0 and not whole:
        cut = gap.find(" và ")
    if cut < 0 and not whole:
        return ""
    if gap.islower():
        return ""  # every place holds a capitalised word (`_is_place`): none is written
    item = _PLACE_ITEM.match(gap, cut + 1)
    if item is None:
        return ""
    names = [p for p in _PLACE_JOIN.split(item.group("places").strip()) if p]
    if not names or not all(_is_place(p, single=len(names) > 1) for p in names):
        return ""
    if len(names) > 1 and not any(_is_place(p, single=False) for p in names):
        return ""
    return ", ".join(SPACES_RE.sub(" ", p).lower() for p in names)


def _is_place(words: str, single: bool) -> bool:
    """`huyện Krông Pa`, `TP.Pleiku`, `Ea Tân`: a level word and one to four capitalised words, or two to
    four capitalised words (one capitalised word alone may open a sentence: `Lúa`), or with `single` one
    (`Dliêya` beside `Ea Púk`)."""
    level = _PLACE_LEVEL_WORD.match(words.lower())
    names = words[level.end() :].split() if level else words.split()
    least = 1 if level or single else 2
    return least <= len(names) <= 4 and all(w[0].isupper() for w in names)


def _labelled_items(doc: Doc, drafts: list[Draft]) -> None:
    """`Tỷ lệ học sinh đi học đúng độ tuổi: Mẫu giáo 5 tuổi đạt 100%; Tiểu học đạt 99,9%`: the items of a
    labelled line are the label's indicator for each group (`… đúng độ tuổi tiểu học`)."""
    text_l = doc.text_l
    first: dict[int, Draft] = {}
    labels: dict[int, re.Match[str] | None] = {}  # line start -> its label, read once per line
    for d in drafts:
        ls = d.sentence.line_start
        if ls not in labels:
            # the label holds no colon: the first colon ends it, so reading to the line's end finds the
            # same label as reading to any figure after it
            labels[ls] = _LABEL_HEAD.match(text_l, ls)
        label = labels[ls]
        if label is None or label.end() > d.q.start or not measured(label.group(1).strip()):
            continue
        head = first.setdefault(label.start(1), d)
        if d is head or d.q.unit.base_unit != head.q.unit.base_unit or d.subject_measured:
            continue
        words = SPACES_RE.sub(" ", label.group(1)).strip()
        rest = _RATE_WORDS.sub("", d.indicator) if d.indicator.startswith(("tỷ lệ", "tỉ lệ")) else ""
        if rest and words not in d.indicator and len(rest.split()) <= 4:
            d.indicator = f"{words} {rest}"
            if head.entry is not None and d.entry is None:
                d.entry = head.entry


def _bare_measures(doc: Doc, drafts: list[Draft]) -> None:
    """`Cây lạc: Diện tích gieo trồng 33 ha, năng suất đạt 30 tạ/ha`, `lúa là 115 ha … Năng suất đạt 62,58
    tạ/ha`: a bare measure word takes its crop from the line's label or from the figure before it, unless its
    clause opens with a verb of its own (`…; chuyển diện tích 28 ha lúa sang …`: a conversion area)."""
    text_l = doc.text_l
    for k, d in enumerate(drafts):
        measure = _BARE_MEASURE_NAMES.get(d.indicator)
        if measure is None:
            continue
        measure = measure or UNIT_MEASURE_WORDS.get(d.q.unit.base_unit, "")
        subject = ""
        source: Draft | None = None
        label = _LINE_LABEL.match(text_l, d.sentence.line_start, d.q.start)
        at = d.name_start or d.q.start
        right_after = (
            k > 0 and not text_l[drafts[k - 1].q.end : at].strip()
        )  # "… 62,58 tạ/ha  sản lượng đạt …"
        if label is not None:
            subject = label.group(1)
        elif (own := _OWN_VERB.match(text_l, at, d.q.start)) is not None:
            # "…; chuyển diện tích 28,3 ha lúa sang trồng cây ăn quả": the clause has its own verb and
            # measure word, so it names its own figure; the figure before names something else
            converted = CONVERTED_MEASURES.get(d.indicator)
            converts = _CONVERSION_VERB.fullmatch(own.group("verb")) and is_conversion(doc, d.q, d.sentence)
            if converted and converts:
                d.indicator = converted
            continue
        elif _opens_clause(text_l, d.sentence.start, at) or right_after:
            for h in reversed(drafts[max(0, k - 4) : k]):
                if d.q.start - h.q.end > 300 or "\n" in text_l[h.q.end : d.q.start]:
                    break
                m = _CROP_NAME.match(h.indicator)
                if m is not None and not _QUALIFIER_START.match(m.group(1)):
                    subject, source = m.group(1), h
                    break
        if measure and subject:
            d.indicator = f"{measure} {subject}"
            # the quote holds the words the crop was read from: the line's label or the figure before
            if source is not None and d.quote_from is None:
                d.quote_from = source
            elif label is not None:
                head = label.start(1)
                d.quote_head = head if d.quote_head is None else min(d.quote_head, head)


def _opens_clause(text_l: str, start: int, at: int) -> bool:
    """The bare measure opens its clause ("Năng suất đạt 62,58 tạ/ha"), not "… với diện tích 145 ha"."""
    before = text_l[start:at]
    return not before.strip(" \t\n-–+•*") or _CLAUSE_OPENING.search(before) is not None


def _is_place_name(words: str) -> bool:
    """`huyện Tân Biên`, `thị xã Hòa Thành`, `Tây Ninh`: a level word, then one to four capitalised words."""
    names = _PLACE_LEVEL.sub("", words).split()
    return 0 < len(names) <= 4 and all(w[0].isupper() for w in names)


def _counts_behind_rates(doc: Doc, drafts: list[Draft]) -> None:
    """`Tỷ lệ số xã đạt chuẩn nông thôn mới đạt 50% (8 xã)`: the count in brackets counts what the rate
    measures (`số xã đạt chuẩn nông thôn mới`)."""
    for k in range(1, len(drafts)):
        rate, d = drafts[k - 1], drafts[k]
        if not rate.q.is_pct or d.q.unit.base_unit != "count" or d.sentence is not rate.sentence:
            continue
        if not _OPEN_BRACKET.fullmatch(doc.text_l, rate.last_end, d.q.start):
            continue
        noun = d.q.unit.unit.split()[-1] if d.q.unit.unit else ""
        rest = _RATE_WORDS.sub("", rate.indicator)
        if noun and rest.startswith(noun):
            d.indicator = f"số {rest}"
            d.quote_from = rate


def _share_lists(doc: Doc, drafts: list[Draft]) -> None:
    """`Cơ cấu kinh tế: nông nghiệp chiếm 24%, công nghiệp 59%, dịch vụ 17%`: a list of shares under one
    head shares one quote, from the head to the last share (the gold rules), and each name says the head."""
    k = 0
    while k < len(drafts):
        if not _is_share(doc, drafts[k]):
            k += 1
            continue
        run = [drafts[k]]
        while (
            k + len(run) < len(drafts)
            and _is_share(doc, drafts[k + len(run)])
            and _continues_shares(doc, run[-1], drafts[k + len(run)])
        ):
            run.append(drafts[k + len(run)])
        if len(run) >= 2:
            first = run[0]
            head = _SHARE_HEAD.search(doc.text_l, first.sentence.start, first.q.start)
            last_head = None
            while head is not None:
                last_head = head
                head = _SHARE_HEAD.search(doc.text_l, head.end(), first.q.start)
            structure = last_head is not None and last_head.group(0).startswith("cơ cấu")
            sectors = all(_SECTOR.search(d.indicator) for d in run)
            for d in run:
                if last_head is not None:
                    d.quote_head = last_head.start()
                d.quote_to = run[-1]
                d.quote_from = run[0] if d is not run[0] else d.quote_from
                if (structure or sectors) and " trong " not in d.indicator:
                    d.indicator = f"tỷ trọng {_SHARE_MEASURE.sub('', d.indicator)} trong cơ cấu kinh tế"
        k += len(run)


def _is_share(doc: Doc, d: Draft) -> bool:
    if not d.q.is_pct or d.ratio_only or d.is_change:
        return False
    # the verb's literal found first, at C speed: the pattern's look-behind tries every position
    return d.indicator.startswith(("tỷ trọng", "tỉ trọng")) or (
        doc.text_l.find("chiếm", d.left, d.q.start) >= 0
        and bool(_SHARE_VERB.search(doc.text_l[d.left : d.q.start].strip(" ,(")))
    )


def _continues_shares(doc: Doc, previous: Draft, d: Draft) -> bool:
    """The next figure is the next item of the same list: same line, only words and `,;:` between."""
    if d.sentence is not previous.sentence and d.sentence.line_start != previous.sentence.line_start:
        return False
    gap = doc.text_l[previous.last_end : d.q.start]
    return "\n" not in gap and len(gap.split()) <= 14


def _later_quantity(drafts: list[Draft], i: int, end: int) -> bool:
    """Whether another figure follows the total within its own sentence."""
    return i + 1 < len(drafts) and drafts[i + 1].q.start < end


def _shared_predicates(doc: Doc, drafts: list[Draft]) -> None:
    """`100% chi bộ và hơn 92% đảng viên hoàn thành tốt nhiệm vụ`, `90% gia đình, 65% dòng họ, 80% khu dân
    cư đạt văn hóa`, `14 doanh nghiệp, 1 hợp tác xã thành lập mới`: a share or count whose noun is followed
    only by `,` or `và` and the next one takes the predicate written after the last (`tỷ lệ chi bộ hoàn
    thành tốt nhiệm vụ`, `số doanh nghiệp thành lập mới`); read from the last item back (names23b)."""
    text_l = doc.text_l
    taken: dict[int, str] = {}  # the items that took the list's predicate
    last: dict[int, Draft] = {}  # and the item it is written after
    for d, e in reversed(list(pairwise(drafts))):
        if d.ratio_only or e.ratio_only or d.is_change or e.is_change or d.sentence is not e.sentence:
            continue
        gap = text_l[d.q.end : e.q.start]
        joined = _ITEMS_JOINED.search(gap)
        noun = SPACES_RE.sub(" ", gap[: joined.start()] if joined else "").strip()
        if joined is None or _PREDICATE_START.search(noun):
            continue  # (`… 98% hộ dân sử dụng điện lưới và 95% …`: the first item has its own predicate)
        if ("," in joined.group(0) or not d.q.is_pct) and _acts_before(doc, d):
            continue  # "12 xã đạt 19/19 tiêu chí …, 7 xã đạt chuẩn …": the first item's own predicate
        if d.q.is_pct and e.q.is_pct:
            if not noun or d.indicator != f"tỷ lệ {noun}":
                continue
            tail = e.indicator.removeprefix("tỷ lệ ")
            verb = _PREDICATE_START.search(tail)
            if tail == e.indicator or verb is None or verb.start() == 0:
                continue
            predicate = tail[verb.start() :].split(",")[0].strip()
        elif d.q.unit.base_unit == e.q.unit.base_unit == "count" and len(noun.split()) <= _MAX_NOUN_RUN_ON:
            if d.indicator != SPACES_RE.sub(" ", f"số {d.q.unit.unit} {noun}").strip():
                continue  # "… 5 tổ chức đảng, 10 đảng viên": a count named otherwise
            predicate = taken.get(id(e)) or _count_predicate(doc, e)
            if not predicate:
                continue
        else:
            continue
        d.indicator = f"{d.indicator} {predicate}"
        taken[id(d)] = predicate
        last[id(d)] = last.get(id(e), e)
        d.quote_to = last[id(d)]  # the quote runs on to the predicate (a list under one head, one quote)


def _acts_before(doc: Doc, d: Draft) -> bool:
    """Whether the figure's own words before it (from its clause's start) hold a predicate word other
    than `có` (`đạt 19/19 tiêu chí`)."""
    start = d.left
    for sep in CLAUSE_SEP.finditer(doc.text_l, d.left, d.q.start):
        start = sep.end()
    before = doc.text_l[start : d.q.start]
    return any(m.group(0) != "có" for m in _PREDICATE_START.finditer(before))


def _count_predicate(doc: Doc, e: Draft) -> str:
    """What a count's clause says after its counted noun when it opens with a predicate word and the
    count's name holds it (`1 hợp tác xã thành lập mới`, `4/4 trạm y tế có chi bộ`: `có chi bộ`); else ""."""
    head = f"số {e.q.unit.unit} "
    tail = e.indicator[len(head) :] if e.indicator.startswith(head) else ""
    sep = CLAUSE_SEP.search(doc.text_l, e.q.end, e.sentence.end)
    after = SPACES_RE.sub(" ", doc.text_l[e.q.end : sep.start() if sep else e.sentence.end]).strip()
    at = after.find(tail) if tail else -1
    if at < 0 or not _PREDICATE_START.match(after) or len(after[:at].split()) > 2:
        return ""
    return after[: at + len(tail)]


# A name that is only the figure's period or the period it is compared with, behind a bare measure word and
# before its change: `quý i`, `tỷ lệ cùng kỳ năm trước tăng so với cùng kỳ năm trước`, `tháng 5/2023 tăng …`
_PERIOD_HEAD = (
    r"(?:quý (?:i{1,3}|iv|[1-4])(?:/[0-9]{4}| năm [0-9]{4})?|(?:đến )?(?:hết )?tháng [0-9]{1,2}(?:/[0-9]{4})?"
    r"|[0-9]{1,2} tháng(?: đầu năm)?(?: [0-9]{4})?)"
)
_COMPARED_HEAD = r"(?:so với )?(?:cùng kỳ(?: năm (?:trước|ngoái))?|tháng trước|tháng 12 năm trước)"
_BARE_MEASURE = r"(?:(?:tỷ lệ|tỉ lệ|tốc độ tăng|mức tăng|số|tổng) )?"
_PERIOD_ONLY = re.compile(
    rf"^{_BARE_MEASURE}(?:(?P<period>{_PERIOD_HEAD})|(?P<compared>{_COMPARED_HEAD}))"
    r"(?P<change> (?:tăng|giảm)(?: so với .+)?)?$"
)
_CHANGE_TAIL = re.compile(r" (?:tăng|giảm)(?: so với .+)?$")
_MONTH_TAIL = re.compile(r"(?: (?:đến )?(?:hết )?tháng [0-9]{1,2}(?:/[0-9]{4})?)+$")


def _period_only_items(doc: Doc, drafts: list[Draft]) -> None:
    """`Thu ngân sách nhà nước tháng 3 đạt 13.824 tỷ đồng; quý I đạt 32.864 tỷ đồng, tăng 36,7% so với cùng
    kỳ`, `CPI tháng 9 tăng 0,52% so với tháng trước; tăng 3,41% so với cùng kỳ năm trước`: a figure whose
    own words are only its period, or only the period it is compared with, is the next item of the list
    the figure before it in the sentence heads, and takes that figure's subject (the gold rules: ellipsis
    resolved from the list or sentence head) with its own period and change (`thu ngân sách nhà nước quý
    i`, `chỉ số giá tiêu dùng tăng so với cùng kỳ năm trước`)."""
    for previous, d in pairwise(drafts):
        if d.ratio_only or previous.ratio_only or not _same_list(doc, previous, d):
            continue
        if _has_own_words(doc, previous, d):
            continue  # "cây bắp 734 ha, tăng 4,31%; cây mì 2.728, giảm 8,7%": its own item, misread
        only = _PERIOD_ONLY.match(d.indicator)
        if only is None or _PERIOD_ONLY.match(previous.indicator) is not None:
            continue
        change = (only.group("change") or "").strip()
        if not d.is_change and (change or only.group("period") is None):
            continue
        if not d.is_change and previous.q.unit.base_unit != d.q.unit.base_unit:
            continue  # a level's list runs over one measure
        subject = _MONTH_TAIL.sub("", clean_words(_CHANGE_TAIL.sub("", previous.indicator))).strip()
        if not subject:
            continue
        if not d.is_change:
            d.indicator = f"{subject} {only.group('period')}"
        elif change:
            compared = only.group("compared")
            if " so với " not in f" {change}" and compared:
                change = f"{change} so với {compared.removeprefix('so với ')}"
            d.indicator = " ".join(w for w in (subject, only.group("period"), change) if w)
        else:
            continue
        d.quote_from = d.quote_from or previous


_ITEM_FILLERS = re.compile(rf"(?<!\w)(?:{words_alt(PERIOD_ITEM_FILLERS)})(?!\w)")


def _has_own_words(doc: Doc, previous: Draft, d: Draft) -> bool:
    """Whether the figure's item (after the last `;`, else the last `,` or `(`) holds more than its period
    and its verb."""
    gap = doc.text_l[previous.q.end : d.q.start]
    cut = gap.rfind(";")
    if cut < 0:
        cut = max(gap.rfind(","), gap.rfind("("))
    rest = _ITEM_FILLERS.sub(" ", clean_words(gap[cut + 1 :]))
    return any(c.isalnum() for c in rest)


_ITEM_BREAK = re.compile(r"[.!?](?:\s|$)|\n")


def _same_list(doc: Doc, previous: Draft, d: Draft) -> bool:
    """Two figures of one sentence, or of one line's `;`-items with no full stop between."""
    if d.sentence is previous.sentence:
        return True
    if d.sentence.line_start != previous.sentence.line_start:
        return False
    return _ITEM_BREAK.search(doc.text_l, previous.q.end, d.q.start) is None
