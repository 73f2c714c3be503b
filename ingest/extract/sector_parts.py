"""Sectors in the breakdown of a rate or share: `… hằng năm đạt 16%, trong đó: Nông, lâm nghiệp tăng 6%`.

Each sector's figure is the total's rate for that sector: its name is the total's measure and subject
with the sector put in (`tốc độ tăng giá trị sản xuất nông, lâm, thủy sản bình quân hằng năm`,
`tỷ trọng công nghiệp - xây dựng trong grdp`), and its quote reaches back to the total. A sector's
contribution to growth in percentage points (`khu vực dịch vụ tăng 7%, đóng góp 2,6 điểm phần trăm`)
is named by the sector its clause opens with (`with_growth_contribution`). A sector's change listed after a
level (`chỉ số sản xuất toàn ngành công nghiệp tăng 7%. Trong đó, ngành khai khoáng giảm 3%`) takes that
level's measure (`sector_changes`); a growth in brackets for an earlier period (`(cùng kỳ tăng 10,5%)`) takes
the measure of the growth before it (`earlier_growths`).
"""

from __future__ import annotations

import re
from itertools import pairwise

from ingest.extract.context import SPACES, Doc, Draft, words_alt
from ingest.extract.scan import after_last
from ingest.extract.triggers import gated
from ingest.extract.vocab import (
    EARLIER_GROWTH_HEDGES,
    ECONOMIC_SECTORS,
    GROWTH_CONTRIBUTION_CUES,
    LEVEL_MEASURES,
    SECTOR_CHANGE_OPENERS,
    SECTOR_PART_MEASURES,
    SECTOR_PART_QUALIFIERS,
    SECTOR_PART_VERBS,
    SECTOR_SUBJECT_ENDS,
    SECTOR_SUBJECT_OPENERS,
)

_S = r"[^\S\n]"
_CUE = re.compile(rf"[\s,.;:]*(?:trong{_S}+đó|bao{_S}+gồm|gồm)(?!\w)")
_MEASURE = re.compile(rf"^(?:{words_alt(SECTOR_PART_MEASURES)})(?!\w)")
_QUALIFIER = re.compile(rf"{_S}(?:{words_alt(SECTOR_PART_QUALIFIERS)})(?!\w)")
_SECTOR = re.compile(rf"(?<!\w)(?:{words_alt(ECONOMIC_SECTORS)})(?!\w)")
_OWN = re.compile(
    rf"^[\s,.;:\-–+•*]*(?:(?:trong{_S}+đó|bao{_S}+gồm|gồm)(?!\w)[\s,:]*)?(?P<own>[^\d;:()\n]{{3,60}}?)"
    rf"{_S}*(?:(?:{words_alt(SECTOR_PART_VERBS)})(?!\w){_S}*)*$"
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_MAX_SECTOR_WORDS = 7
_MAX_GAP = 300


def sector_parts(doc: Doc, drafts: list[Draft]) -> None:
    """Name the sectors listed after a rate's or share's `trong đó` from that total."""
    text_l = doc.text_l
    for i, total in enumerate(drafts):
        if not total.q.is_pct or total.ratio_only or total.is_change:
            continue
        measure = _MEASURE.match(total.indicator)
        if measure is None or _CUE.match(text_l, total.last_end) is None:
            continue
        for d in drafts[i + 1 :]:
            if not d.q.is_pct or d.q.start - total.q.end > _MAX_GAP:
                break
            if "\n" in text_l[total.q.end : d.q.start] or _SENTENCE_END.search(
                text_l, total.q.end, d.q.start
            ):
                break  # the items run on over `;`, not over a full stop or a line
            between = text_l[d.left : d.q.start]
            own = _OWN.match(between)
            if own is None:
                if not between.strip(" -–"):
                    continue  # "44% - 45%": the range's second figure
                break
            sector = SPACES.sub(" ", own.group("own")).strip(" ,")
            if not _SECTOR.search(sector) or len(sector.split()) > _MAX_SECTOR_WORDS:
                break
            d.indicator = _with_sector(total.indicator, measure.group(0), sector)
            d.quote_from = total


def _with_sector(name: str, measure: str, sector: str) -> str:
    """`tốc độ tăng giá trị sản xuất bình quân hằng năm` + `dịch vụ` -> `… sản xuất dịch vụ bình quân …`."""
    subject = name[len(measure) :]
    # "tỉ trọng công nghiệp - xây dựng và dịch vụ trong grdp": the total's own sectors give way
    subject = _SECTOR.sub("", subject)
    subject = re.sub(r"(?:\s*(?:-|–|,|và)\s*)+(?=\s|$)", " ", SPACES.sub(" ", subject)).strip()
    subject = SPACES.sub(" ", subject)
    cut = _QUALIFIER.search(f" {subject}")
    if cut is None:
        return f"{measure} {subject} {sector}".replace("  ", " ").strip()
    at = max(cut.start(), 0)
    head, tail = subject[:at].strip(), subject[at:].strip()
    return " ".join(w for w in (measure, head, sector, tail) if w)


_CONTRIBUTION_CUE = re.compile(rf"(?<!\w)(?:{words_alt(GROWTH_CONTRIBUTION_CUES)}){_S}*$")
_POINTS = re.compile(rf"{_S}*(?:phần{_S}+trăm|%)")
_CONTRIBUTOR = re.compile(rf"(?<!\w)(?:{words_alt(SECTOR_SUBJECT_OPENERS)})(?!\w)")
_CONTRIBUTOR_END = re.compile(rf"(?<!\w)(?:{words_alt(SECTOR_SUBJECT_ENDS)})(?!\w)")
_CUE_REACH = 24
_MAX_CONTRIBUTOR_WORDS = 12


def _contributor(text_l: str, lo: int, hi: int) -> tuple[str, int] | None:
    """The sector a clause `text_l[lo:hi]` opens with, from its first sector word to the first verb, and
    where it starts."""
    first = _CONTRIBUTOR.search(text_l, lo, hi)
    if first is None:
        return None
    end = _CONTRIBUTOR_END.search(text_l, first.end(), hi)
    sector = SPACES.sub(" ", text_l[first.start() : end.start() if end else hi]).strip(" ,;:-–()")
    return (sector, first.start()) if sector and len(sector.split()) <= _MAX_CONTRIBUTOR_WORDS else None


def with_growth_contribution(doc: Doc, d: Draft) -> None:
    """`khu vực dịch vụ đạt 7.709 tỷ đồng, tăng 7,03%, đóng góp 4 điểm phần trăm` -> `đóng góp của khu
    vực dịch vụ vào tăng trưởng`: percentage points a sector contributes (`đóng góp`, `làm giảm`) to
    the place's growth are named by that sector, the subject of the item they close (after the last
    `;` or `:` of the sentence, or inside the bracket the figure stands in: `(riêng công nghiệp tăng
    4%, đóng góp 1,2 điểm phần trăm)`), as every dev gold name of such a figure says; the quote opens
    with the sector (names18)."""
    q, s, text_l = d.q, d.sentence, doc.text_l
    if d.ratio_only or q.unit.unit.split(" ")[0] != "điểm":
        return
    if _POINTS.match(text_l, q.end) is None and not q.unit.unit.endswith(("phần trăm", "%")):
        return
    cue = _CONTRIBUTION_CUE.search(text_l, max(s.start, q.num_start - _CUE_REACH), q.num_start)
    if cue is None:
        return
    item = after_last(text_l, ";:", s.start, cue.start())
    bracket = after_last(text_l, "(", item, cue.start())
    found = (_contributor(text_l, bracket, cue.start()) if bracket > item else None) or _contributor(
        text_l, item, cue.start()
    )
    if found is not None:
        _named_by_sector(d, f"đóng góp của {found[0]} vào tăng trưởng", found[1])


_SHARE_CUE = gated(re.compile(rf"(?<!\w)chiếm{_S}+t[ỷỉ]{_S}+trọng{_S}*$"))
_IN_PRODUCT = re.compile(rf"{_S}*(?:trong{_S}+)?(?:cơ{_S}+cấu{_S}+)?grdp(?!\w)")


def with_sector_share(doc: Doc, d: Draft) -> None:
    """`Dịch vụ tăng bình quân 14,8%/năm, chiếm tỷ trọng 39% cơ cấu kinh tế` -> `tỷ trọng dịch vụ trong cơ
    cấu kinh tế`: a share written as `chiếm tỷ trọng` with no subject of its own is the share of the sector
    its item opens with, in the economy's structure (or in the GRDP when the text says so); the quote
    opens with the sector (names18)."""
    q, s, text_l = d.q, d.sentence, doc.text_l
    if not q.is_pct or d.ratio_only:
        return
    cue = _SHARE_CUE.search(text_l, max(s.start, q.num_start - _CUE_REACH), q.num_start)
    if cue is None:
        return
    item = after_last(text_l, ";:", s.start, cue.start())
    found = _contributor(text_l, item, cue.start())
    if found is None:
        return
    whole = "grdp" if _IN_PRODUCT.match(text_l, q.end) else "cơ cấu kinh tế"
    _named_by_sector(d, f"tỷ trọng {found[0]} trong {whole}", found[1])


def _named_by_sector(d: Draft, name: str, sector_start: int) -> None:
    """Name the figure and open its quote with the sector."""
    d.indicator = name
    d.name_start = sector_start if d.name_start is None else min(d.name_start, sector_start)


_LEVEL_MEASURE = re.compile(rf"(?<!\w)(?:{words_alt(LEVEL_MEASURES)})(?!\w)")
# "Trong đó, ngành khai khoáng giảm ", "(công nghiệp tăng ": a clause that is a sector and its change
_SECTOR_CHANGE = re.compile(
    rf"^[\s,.;:(\-–+•*]*(?:trong{_S}+đó(?!\w)[\s,:]*)?(?P<sector>[^\W\d][^\d;:()\n]{{2,90}}?){_S}*,?{_S}*"
    rf"(?P<verb>tăng|giảm)(?:{_S}+(?:khoảng|ước|gần|hơn|trên))?{_S}*$"
)
_SECTOR_OPENER = re.compile(rf"^(?:{words_alt(SECTOR_CHANGE_OPENERS)})(?!\w){_S}*")
_TRONG_DO = re.compile(rf"(?<!\w)trong{_S}+đó(?!\w)")
_COMPARED = re.compile(r" so với .*$")
_MAX_BARE_SECTOR_WORDS = 4
_MAX_SECTOR_CLAUSE_WORDS = 14


def _bare_sector(doc: Doc, d: Draft) -> tuple[str, int, str] | None:
    """The sector a change's clause is made of (`ngành khai khoáng giảm 6,3%`), where it starts, and the
    verb; None when the clause names anything else."""
    text_l = doc.text_l
    item = after_last(text_l, ";:(", d.sentence.start, d.q.num_start)
    m = _SECTOR_CHANGE.match(text_l[item : d.q.num_start])
    if m is None:
        return None
    sector = SPACES.sub(" ", m.group("sector")).strip(" ,")
    n = len(sector.split())
    opened = _SECTOR_OPENER.match(sector)
    if opened is not None:
        sector = sector[opened.end() :] if opened.group(0).startswith("riêng") else sector
        if not sector or n > _MAX_SECTOR_CLAUSE_WORDS:
            return None
    elif _SECTOR.match(sector) is None or n > _MAX_BARE_SECTOR_WORDS:
        return None
    return sector, item + m.start("sector"), m.group("verb")


def sector_changes(doc: Doc, drafts: list[Draft]) -> None:
    """`Chỉ số sản xuất toàn ngành công nghiệp tăng 7,4% so với cùng kỳ. Trong đó, ngành khai khoáng giảm
    6,3%` -> `chỉ số sản xuất ngành khai khoáng giảm so với cùng kỳ`; `khu vực công nghiệp - xây dựng đạt
    3.584 tỷ đồng, tăng 12,96% (công nghiệp giảm 4,26%)` -> `giá trị tăng thêm công nghiệp giảm`: a change
    whose clause is a bare sector, listed after a level (past `trong đó` or inside its bracket, on the
    same line), is that level's measure for the sector, as the gold rules name a change by its level's
    measure and subject; the comparison is the change's own or else its level's (names22c)."""
    text_l = doc.text_l
    levels: dict[int, Draft] = {}  # a renamed change -> the level whose measure it took
    for j, d in enumerate(drafts):
        if not d.q.is_pct or d.ratio_only or _LEVEL_MEASURE.search(d.indicator):
            continue
        found = _bare_sector(doc, d)
        if found is None:
            continue
        sector, start, verb = found
        for level in reversed(drafts[:j]):
            gap = text_l[level.q.end : start]
            if len(gap) > _MAX_GAP or "\n" in gap:
                break
            level = levels.get(id(level), level)
            measure = _LEVEL_MEASURE.search(level.indicator)
            if measure is None:
                continue
            listed = text_l[level.q.end : start]
            if _TRONG_DO.search(listed) is None and text_l.rfind("(", level.q.end, start) < 0:
                break
            compared = _COMPARED.search(d.indicator) or _COMPARED.search(level.indicator)
            tail = compared.group(0) if compared else ""
            d.indicator = f"{measure.group(0)} {sector} {verb}{tail}"
            d.name_start = start if d.name_start is None else min(d.name_start, start)
            levels[id(d)] = level
            break


# A growth in brackets after a growth that names only the earlier period it is for (`(cùng kỳ tăng 10,5%)`,
# `(6T/2023 tăng 4,01%)`, `(sơ bộ quý I/2015 tăng 7,90%)`, `(Năm 2016 tăng 7,0%`), and the words between the
# two figures: no figure of their own, footnote markers (`(1)`) aside
_EARLIER_PERIOD = (
    rf"cùng{_S}+kỳ(?:{_S}+năm{_S}+(?:trước|ngoái))?|năm{_S}+(?:19|20)[0-9]{{2}}"
    rf"|quý{_S}+(?:i{{1,3}}|iv|[1-4])(?:{_S}*/{_S}*(?:19|20)[0-9]{{2}}|{_S}+năm{_S}+(?:19|20)[0-9]{{2}})?"
    rf"|[0-9]{{1,2}}{_S}*(?:t|tháng)(?:{_S}+đầu{_S}+năm)?{_S}*(?:/|{_S}năm){_S}*(?:19|20)[0-9]{{2}}"
)
_EARLIER_GROWTH = re.compile(
    rf"{_S}*(?:sơ{_S}+bộ{_S}+)?(?P<period>{_EARLIER_PERIOD}){_S}+(?:ước(?:{_S}+tính)?{_S}+)?"
    rf"(?P<verb>tăng|giảm)(?:{_S}+(?:{words_alt(EARLIER_GROWTH_HEDGES)}))?{_S}*"
)
_FOOTNOTE = re.compile(r"\([0-9]{1,2}\)")
_GROWTH_NAME = re.compile(r"^(?:tốc độ|mức) tăng|(?<!\w)(?:tăng|giảm)(?!\w)")
_RATE_MEASURE = re.compile(r"^(?:tốc độ|mức) tăng(?: trưởng)?(?!\w)")
_CHANGE_END = re.compile(r" (?:tăng|giảm)(?: so với .+)?$")
_OWN_COMPARISON = re.compile(r" (?:tăng|giảm)( so với .+)$")
_MAX_BRACKET_GAP = 80


def earlier_growths(doc: Doc, drafts: list[Draft]) -> None:
    """`chỉ số 03 tháng tăng 23,89% so với cùng kỳ (cùng kỳ tăng 10,5%)`, `Tốc độ tăng trưởng kinh tế ước
    đạt 8,8%, cao nhất kể từ đầu nhiệm kỳ (Năm 2016 tăng 7,0%; …)`: a growth in brackets after a growth, with
    only the earlier period it is for, is the same measure in that period (`chỉ số … cùng kỳ tăng`,
    `tốc độ tăng trưởng kinh tế năm 2016`), the gold rules' ellipsis resolved from the sentence head."""
    text_l = doc.text_l
    for previous, d in pairwise(drafts):
        if d.sentence is not previous.sentence or not (d.q.is_pct and previous.q.is_pct):
            continue
        if d.ratio_only or previous.ratio_only or not _GROWTH_NAME.search(previous.indicator):
            continue
        opened = text_l.rfind("(", previous.q.end, d.q.start)
        if opened < 0 or opened - previous.q.end > _MAX_BRACKET_GAP:
            continue
        between = _FOOTNOTE.sub(" ", text_l[previous.q.end : opened])
        if any(c.isdigit() or c in "%;()" for c in between):
            continue
        found = _EARLIER_GROWTH.fullmatch(text_l, opened + 1, d.q.start)
        if found is None:
            continue
        measure = _CHANGE_END.sub("", previous.indicator)
        period = SPACES.sub(" ", found.group("period"))
        verb = "" if _RATE_MEASURE.match(measure) else f" {found.group('verb')}"
        compared = _OWN_COMPARISON.search(d.indicator)  # "(quý I năm 2016 tăng 8,1% so với cùng kỳ)"
        d.indicator = f"{measure} {period}{verb}{compared.group(1) if compared and verb else ''}"
        d.name_start = opened + 1 if d.name_start is None else min(d.name_start, opened + 1)
