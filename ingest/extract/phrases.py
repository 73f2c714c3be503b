"""The written name of a mention: what the report says is measured, with the measure word it leaves out.

the gold rules names a fact the way an analyst labels a column: the measure word and its subject (`diện tích
mía` for `mía 232 ha`, `số đảng viên kết nạp mới` for `kết nạp mới 69 đảng viên`, `tốc độ tăng thu
ngân sách hằng năm` for `thu ngân sách hằng năm tăng 8%`). The words are read from the clause of the
number: the subject before it (back over a `label:`), else the noun phrase after it; period phrases,
fillers and the verb are dropped, abbreviations spelled out, and the measure word of the unit added.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.extract.catalogue import fold_tones, normalize_name
from ingest.extract.context import SPACES, Doc, is_list_comma, words_alt
from ingest.extract.indicators import catalogue_bigrams
from ingest.extract.layout import Sentence
from ingest.extract.numbers import Quantity
from ingest.extract.scan import after_last
from ingest.extract.triggers import ended, gated
from ingest.extract.units import counted_noun_at, match_unit
from ingest.extract.vocab import (
    ADMIN_LEVELS,
    ATTAINMENT_SUBJECTS,
    CHANGE_VERBS,
    CLASSIFIER_UNITS,
    COUNCIL_DOERS,
    COUNT_ACHIEVED_VERBS,
    COUNT_AUXILIARIES,
    COUNT_UNITS,
    DELEGATE_STANDINGS,
    DOMAIN_LIST_QUALIFIERS,
    ECONOMIC_SECTOR_WORDS,
    ECONOMIC_SECTORS,
    ELECTED_BODIES,
    ELECTED_BODY_OF,
    ELECTED_MEMBER_UNITS,
    GENERIC_MONEY_NAMES,
    GENERIC_NAME_UNITS,
    GROWTH_OF_ECONOMY,
    GROWTH_SUBJECT_WORDS,
    HEDGES_BEFORE,
    INCOME_PER_HEAD,
    MEASURE_WORDS,
    NAME_ABBREVIATIONS,
    NAME_COMPOUNDS,
    NAME_LEADING_FILLERS,
    NAME_TRAILING_LINKS,
    NAME_VERB_STARTS,
    NAMED_COUNT_UNITS,
    NAMED_UNITS_LINKS,
    NOT_MEASURE_WORDS,
    PARTY_BODY_ENDS,
    PARTY_HOLDINGS,
    PERCENT_PLACE_WORDS,
    PLAN_WORDS,
    PRODUCT_WORDS,
    RATIO_LEFTOVER_WORDS,
    SECTOR_CLAUSE_OPENERS,
    SECTORLESS_MEASURES,
    SHARE_VERBS,
    SUBJECT_CUTS,
    SUBJECTLESS_MEASURES,
    UNIT_MEASURE_WORDS,
    VALUE_ADDED,
    YOY_WORDS,
)

MAX_WORDS = 14
NAME_MAX_WORDS = 20  # a written name with its measure word, subject and qualifiers
_REPEATED_MEASURE = re.compile(r"^(tỷ lệ|tỉ lệ|số|tổng số|tỷ trọng|tốc độ tăng)(?: \1)+(?= |$)")
_S = r"[^\S\n]"
PERCENT_ACT_WORDS = 3
_BRACKETS = re.compile(r"\([^()]*\)?|\[[^\]]*\]|[“”\"']")
# Period phrases that date a figure rather than name it; `hằng năm` / `bình quân` stay in the name.
_PERIOD_WORDS = re.compile(
    rf"(?:tính{_S}+)?(?:đến|tới){_S}+(?:hết{_S}+)?(?:ngày{_S}+)?[0-9]{{1,2}}[/.-][0-9]{{1,2}}(?:[/.-][0-9]{{2,4}})?"
    rf"|(?:trong{_S}+|của{_S}+)?(?:[0-9]{{1,2}}|sáu|chín|ba){_S}+tháng(?:{_S}+(?:đầu|cuối){_S}+năm)?"
    rf"(?:{_S}+(?:năm{_S}+)?[0-9]{{4}})?"
    rf"|(?:trong{_S}+|đến{_S}+|vào{_S}+|cuối{_S}+|đến{_S}+cuối{_S}+|của{_S}+)?năm(?:{_S}+học)?{_S}+[0-9]{{4}}"
    rf"(?:{_S}*[-–]{_S}*[0-9]{{4}})?"
    rf"|(?:giai{_S}+đoạn|nhiệm{_S}+kỳ|thời{_S}+kỳ){_S}+[0-9]{{4}}{_S}*[-–]{_S}*[0-9]{{4}}"
    rf"|(?:trong{_S}+)?quý{_S}+(?:i{{1,3}}|iv|[1-4])(?![\w])(?:{_S}*(?:năm|/){_S}*[0-9]{{4}})?"
    rf"|đến{_S}+nay|hiện{_S}+nay|cả{_S}+năm|đầu{_S}+nhiệm{_S}+kỳ|cuối{_S}+nhiệm{_S}+kỳ"
)
_HANG_NAM = re.compile(rf"(?<!\w)hàng(?={_S}+(?:năm|tháng|quý)(?!\w))")
# `còn lại` (the remaining ones), `cùng kỳ` (the same period) are name words, not the fillers `còn`, `cùng`
_LEADING = re.compile(
    rf"^(?:[\s\-–•*+>.:)\]0-9/]+|(?!(?:{words_alt(NAME_COMPOUNDS)})(?!\w))(?:{words_alt(NAME_LEADING_FILLERS)})(?!\w))"
)
# `chứng chỉ`, `ngân sách cấp trên`: a name ending with a word whose last syllable is a link keeps it
_COMPOUND_END = ended(re.compile(rf"(?<!\w)(?:{words_alt(NAME_COMPOUNDS)})$"))
_CHANGE_END = rf"(?:tăng|giảm)(?:{_S}+bình{_S}+quân)?(?:{_S}+(?:hằng|hàng|mỗi){_S}+năm|{_S}*/{_S}*năm)?"
# (this and `_COMPOUND_END` are anchored at the end, which the engine tries at every position: they run only
# on a name ending with one of the words their matches end with)
_TRAILING = ended(
    re.compile(
        rf"(?:^|{_S}+)(?:{words_alt(NAME_TRAILING_LINKS)}|{_CHANGE_END}|trở{_S}+lên|trở{_S}+xuống){_S}*$"
    )
)
# "chưa đạt", "gần đạt" (a state), "chỉ tiêu đại hội đề ra" (the targets set): the verb is the name's
_NEGATED_END = gated(re.compile(rf"(?<!\w)(?:(?:không|chưa|gần){_S}+\w+|đề{_S}+ra)$"))
_LEADING_CHANGE = re.compile(rf"^(giảm|tăng){_S}+")
_VERB_START = re.compile(rf"^(?:{words_alt(NAME_VERB_STARTS)})(?!\w)")
_VERB_IN = re.compile(rf"(?<!\w)(?:{words_alt(NAME_VERB_STARTS)})(?!\w)")
_MEASURE_START = re.compile(
    rf"^(?!(?:{words_alt(NOT_MEASURE_WORDS)})(?!\w))(?:{words_alt(MEASURE_WORDS)})(?!\w)"
)
_MEASURE_INSIDE = re.compile(
    rf"(?<![\w])(?:tổng{_S}+diện{_S}+tích|tổng{_S}+sản{_S}+lượng|tổng{_S}+giá{_S}+trị|tổng{_S}+số|tổng{_S}+thu"
    rf"|tổng{_S}+đàn|tỷ{_S}+lệ|tỉ{_S}+lệ|tốc{_S}+độ|diện{_S}+tích|sản{_S}+lượng|giá{_S}+trị|thu{_S}+nhập"
    rf"|năng{_S}+suất)(?!\w)"
)
_REACHED_AFTER = re.compile(rf"{_S}+đạt{_S}+(?!được|kết|tỷ|tỉ|[0-9])")
_MET_AND_EXCEEDED = re.compile(rf"{_S}+đạt{_S}+và{_S}+vượt(?!\w)")
_RATE_SUBJECT = re.compile(rf"^(?:tỷ{_S}+lệ|tỉ{_S}+lệ|tốc{_S}+độ|tỷ{_S}+trọng)(?!\w)")
_KEPT_AFTER = re.compile(rf"{_S}+(phấn{_S}+đấu|cụ{_S}+thể|chủ{_S}+yếu|trọng{_S}+tâm)(?!\w)")
_CONGRESS = re.compile(r"(?<!\w)đại hội(?!\w)")
_STANDING_AFTER = re.compile(rf"{_S}+({words_alt(DELEGATE_STANDINGS)})(?!\w)")
_PLACE = re.compile(
    rf"^(?:thị{_S}+xã|xã(?!{_S}+hội)|huyện|thị{_S}+trấn|phường|tỉnh|thành{_S}+phố|"  # `xã hội hóa`: no place
    rf"toàn{_S}+(?:xã|huyện|tỉnh|phường|thị{_S}+trấn)|"
    rf"đảng{_S}+bộ|ubnd|ủy{_S}+ban)(?!\w)"
)
_AUTHORITY = re.compile(rf"(?:ubnd|ủy{_S}+ban|đảng{_S}+bộ)(?!\w)")
_COUNCIL = re.compile(
    rf"(?<!\w)(?:{words_alt(COUNCIL_DOERS)})(?:{_S}+(?:{words_alt(tuple(ADMIN_LEVELS))}))?(?!\w)"
)
# "…, chiếm 8%", "…, chiếm tỷ trọng 55%": a clause that only says the figure is a share (names7)
_SHARE_ONLY = re.compile(
    rf"[\s,]*(?:{words_alt(SHARE_VERBS)})(?:{_S}+(?:tỷ|tỉ){_S}+(?:trọng|lệ))?(?:{_S}+(?:khoảng|gần|trên|hơn))?{_S}*"
)
_SHARE_TAIL = re.compile(rf"{_S}+(?:{words_alt(SHARE_VERBS)})(?:{_S}+(?:tỷ|tỉ){_S}+(?:trọng|lệ))?$")
_SHARE_VERB_END = re.compile(rf"{_S}+(?:{words_alt(SHARE_VERBS)})$")
_COUNT_NOUNS = frozenset(COUNT_UNITS)
_SECTOR_WORD = re.compile(rf"(?<!\w)(?:{words_alt(ECONOMIC_SECTORS)})(?!\w)")
_SECTOR_OR_LINK = re.compile(rf"(?<!\w)(?:{words_alt(ECONOMIC_SECTOR_WORDS)})(?!\w)|[-–,&]")
_VALUE_WORDS = re.compile(rf"^(?:tổng{_S}+)?giá{_S}+trị(?:{_S}+sản{_S}+(?:xuất|phẩm|lượng))?{_S}+")
_WORD_AFTER_BRACKET = re.compile(rf"{_S}+[^\W\d_]")
_BAND_AT = re.compile(rf"[0-9]+(?:/[0-9]+|{_S}*[-–]{_S}*[0-9]+)?{_S}+tiêu{_S}+chí(?!\w)")
_GROWTH_SUBJECT = re.compile(rf"(?<!\w)(?:{words_alt(GROWTH_SUBJECT_WORDS)})(?!\w)")
_NAME_TOKEN = re.compile(r"[^\W\d_]+|\S")
_AND_SPLIT = re.compile(r"(?<!\w)và(?!\w)")
_AND_END = re.compile(rf"(?:,|{_S}và){_S}*$")
_TOTAL_BEFORE = gated(re.compile(rf"(?<!\w)(?:tổng{_S}+số|tổng{_S}+cộng|tổng)[\s:]*$"))
_CHANGE_WORDS = frozenset(w for verb in CHANGE_VERBS for w in verb.split()) - {"thêm"}
_ATTAINMENT_SUBJECT = re.compile(rf"^(?:{words_alt(ATTAINMENT_SUBJECTS)})(?!\w)")
_CUT = re.compile(rf"(?<!\w)(?<!so )(?:{words_alt(SUBJECT_CUTS)})(?!\w)")
_ALWAYS_CUT = frozenset(
    {"chỉ tiêu chủ yếu", "các chỉ tiêu", "nổi bật là", "cụ thể", "trong đó", "trong đó có", "gồm"}
)
_QUALIFIERS_ONLY = re.compile(rf"(?:với{_S}+)?(?:bình{_S}+quân)?{_S}*(?:(?:hằng|hàng|mỗi){_S}+năm)?")
_BARE_MEASURES = frozenset({"tỷ trọng", "tỉ trọng", "tỷ lệ", "tỉ lệ", "tốc độ"})
_ITEM_WORDS_MAX = 4  # words of a short list item that joins the figure's name (`dịch vụ, du lịch: 20%`)
_LAST_ITEM_WORDS = 8  # words of a list's last item `X và Y` written right before the figure
# "số 18 chỉ tiêu năm 2024": a count's subject that is the whole it is among (names24b)
_AMONG_WHOLE = re.compile(rf"số{_S}+[0-9][0-9.,]*{_S}+(?P<rest>.+)")
# The verb right before the number: what kind of figure it is
_YEARLY_WORDS = rf"(?:hằng{_S}+năm|hàng{_S}+năm|mỗi{_S}+năm|/{_S}*năm)"
_HEDGES = rf"(?:(?:trên|gần|hơn|khoảng|từ|đạt|ước{_S}+đạt){_S}*)*"
_APPROX = rf"(?:(?:trên|gần|hơn|khoảng){_S}*)*"
_AVERAGE = rf"(?:{_S}+(?:bình{_S}+quân|thêm))?"
_GROWTH = gated(re.compile(rf"(?<!\w)tăng(?!{_S}+trưởng){_AVERAGE}{_S}*{_YEARLY_WORDS}?{_S}*{_HEDGES}$"))
_FALL = gated(re.compile(rf"(?<!\w)giảm{_AVERAGE}{_S}*{_YEARLY_WORDS}?{_S}*{_HEDGES}$"))
# a change written after what it is compared with ("…, so với cùng kỳ 2023 tăng 7,89%"): the words before
# the figure are only the comparison's
_COMPARISON_ONLY = re.compile(
    rf"(?:so(?:{_S}+với)?{_S}+)?(?P<what>cùng{_S}+kỳ(?:{_S}+năm{_S}+(?:trước|ngoái)|{_S}+(?:năm{_S}+)?[0-9]{{4}})?)"
)
_SO_COMPARED = re.compile(rf"(?<!\w)so(?:{_S}+với)?{_S}+cùng{_S}+kỳ")
_SO_BEFORE = re.compile(r"(?<!\w)so(?:\s+với)?\s+$")
_CHANGE_BEFORE = re.compile(rf"(?<!\w)(?P<verb>tăng|giảm){_S}*(?:khoảng|gần|hơn|trên|xấp{_S}+xỉ)?{_S}*$")
_FROM_LEVEL = re.compile(rf"(?<!\w)(?:tăng|giảm){_S}+từ{_S}*$")
_TO_LEVEL = re.compile(
    rf"[^;.\n]{{0,40}}?(?<!\w)(?:lên|xuống)(?:{_S}+chỉ)?(?:{_S}+(?:còn|mức))?{_S}*(?:[0-9]|khoảng|trên|dưới|gần)"
)
# "giảm tỷ lệ hộ nghèo còn 1,4%", "tăng thu nhập … lên 60 triệu": the level reached, not the change
_LEVEL_REACHED = re.compile(rf"(?<!\w)(?:còn|lên|xuống)(?:{_S}+mức)?{_S}*{_APPROX}(?:dưới{_S}*)?$")
_REACHED = re.compile(
    rf"(?<!\w)(?:đạt|ước{_S}+đạt|thực{_S}+hiện|được){_S}*(?:(?:trên|gần|hơn|khoảng){_S}*)*$"
)
_YEARLY = gated(re.compile(rf"(?<!\w)bình{_S}+quân(?!\w)|(?<!\w){_YEARLY_WORDS}(?!\w)"))
_STRUCTURE = re.compile(r"(?<!\w)cơ cấu(?!\w)")
_STOP_AFTER = re.compile(r"[.;:!?\n()]|(?<![\w])(?:bằng|tăng|giảm|so với|so|với|chiếm)(?!\w)|[0-9]")
_MEMBER_NOUNS = frozenset({"đảng viên", "đồng chí"})
_REPRESENTING = re.compile(rf"{_S}+(?:là{_S}+đảng{_S}+viên{_S}+)?đại{_S}+diện(?!\w)")
_STOP_AFTER_LONG = re.compile(r"[.;!?\n()]|[0-9]")
_CUT_CHARS = re.compile(r"[,;:(|)]")
_LISTED_SECTOR_SEPS = ",;:(|)"
_PLACE_DID = gated(
    re.compile(
        rf"(?<!\w)(?:thị{_S}+xã|xã|huyện|thị{_S}+trấn|phường|tỉnh|thành{_S}+phố)(?:{_S}+[^\s,;:()]+){{0,3}}?"
        rf"(?:{_S}+(?:đã|cũng|đều))?{_S}+(?P<verb>(?:{words_alt(COUNT_ACHIEVED_VERBS)})(?:{_S}+(?:tất{_S}+)?cả)?){_S}*$"
    )
)
# "… toàn huyện đạt", "… của xã đạt": a place word with no name of its own before the verb (names24c)
_UNNAMED_PLACE_DID = re.compile(
    rf"(?:thị{_S}+xã|xã|huyện|thị{_S}+trấn|phường|tỉnh|thành{_S}+phố)(?:{_S}+(?:đã|cũng|đều))?"
    rf"{_S}+(?:{words_alt(COUNT_ACHIEVED_VERBS)})(?!\w)"
)
_AUXILIARY = re.compile(rf"(?<!\w)(?:{words_alt(COUNT_AUXILIARIES)})(?!\w)(?!{_S}+lại(?!\w))")
_AND_COUNT = re.compile(rf"{_S}+và{_S}+[0-9]+(?:[.,/][0-9]+)*")
_COMPARED = re.compile(rf"[\s,;)]*(?:so{_S}+với|so|bằng|tăng|giảm)(?!\w)")
_PLAN_TAIL = re.compile(rf"(?:so(?:{_S}+với)?{_S}+)?(?:{words_alt(PLAN_WORDS)})(?!\w)")
_COUNT_MEASURE = re.compile(rf"(?:số|tổng|tổng{_S}+số)(?!\w)")
_WHERE_END = re.compile(rf"(?<!\w)(?:tại|ở){_S}*$")
_PERIOD_LEAD_END = re.compile(
    rf"(?<!\w)(?:(?:vào|trong){_S}+)?(?:(?:cuối|đầu|giữa){_S}+)?(?:năm|tháng|quý){_S}*$"
)
_PASSIVE = re.compile(
    rf"(?:^|[,;:]){_S}*(?P<what>[^,;:]{{3,40}}?){_S}+(?:đã{_S}+)?được{_S}+"
    rf"(?P<verb>(?:{words_alt(NAME_VERB_STARTS)})(?:{_S}+thực{_S}+hiện)?){_S}+(?:tại|ở|cho|trên){_S}*$"
)
_RATIO_WORDS_ONLY = re.compile(
    rf"(?:(?:{words_alt(PLAN_WORDS + YOY_WORDS + RATIO_LEFTOVER_WORDS)})(?:{_S}+|$))+"
)
_SECTORLESS = re.compile(rf"(?:{words_alt(SECTORLESS_MEASURES)})(?:{_S}+bình{_S}+quân)?")
_SECTOR_OPENING = re.compile(
    rf"[\s\W]*(?P<sector>(?:(?:{words_alt(SECTOR_CLAUSE_OPENERS)}){_S}+)?(?:{words_alt(ECONOMIC_SECTORS)}))(?!\w)"
)
_WITH_MEASURE = re.compile(
    rf"(?<!\w)với{_S}+(?:tổng{_S}+)?(?:{words_alt(tuple(UNIT_MEASURE_WORDS.values()))})(?!\w)"
)
# The subjects a money figure is named by its own words as written (`tổng` alone too)
_MONEY_SUBJECTS = GENERIC_MONEY_NAMES | {"tổng"}
_WITH_MONEY = re.compile(rf"(?<!\w)với{_S}+(?:tổng{_S}+)?(?:số{_S}+tiền|kinh{_S}+phí|trị{_S}+giá)(?!\w)")
_FIELD = re.compile(
    rf"(?<!\w)(?:trên|về){_S}+(?:các{_S}+)?lĩnh{_S}+vực{_S}+(?P<field>[^,;:.\n]{{3,60}}(?:,[^,;:.\n]{{3,40}})?)[,:]"
)
_DIGIT = re.compile(r"[0-9]")
_VALUE_MEASURE_IN = re.compile(
    rf"(?<!\w)(?:giá{_S}+trị(?:{_S}+(?:sản{_S}+xuất|tăng{_S}+thêm))?|(?:{words_alt(PRODUCT_WORDS)}))(?!\w)"
)
_PRODUCT = re.compile(rf"(?:{words_alt(PRODUCT_WORDS)})$")
# "hàng năm có 90% tổ chức Đảng …", "Yên Bái … khi có gần 50% số xã …": a share said to exist is named by
# what it counts, written after it, not by the words before `có` (names9)
_HAS_END = re.compile(rf"(?<!\w)có(?:{_S}+(?:{words_alt(HEDGES_BEFORE)}))?{_S}*$")
_PLACE_WORD = re.compile(r"(?<!\w)(?:xã|huyện|trấn|phường|tỉnh|phố)(?!\w)")
_COMPLETED_END = re.compile(rf"(?<!\w)hoàn{_S}+thành(?:{_S}+(?:được|xong))?{_S}*$")
_CLAUSE_MARKS = re.compile(r"[,;:(|)]|(?<!\w)(?:và|còn)(?!\w)")
# the words right after a number that `tail_after` rewrites (compiled once: it runs for most figures)
# "…, tăng bình quân hằng năm 15,6%": a growth with no words of its own in its clause (names12)
_BARE_GROWTH = re.compile(
    rf"[,;(]{_S}*(?:tăng|giảm)(?:{_S}+bình{_S}+quân)?(?:{_S}+(?:hằng|hàng|mỗi){_S}+năm)?{_S}*"
    rf"(?:(?:{words_alt(HEDGES_BEFORE)}){_S}*)?$"
)
_OR_MORE_LEAD = re.compile(rf"^{_S}*trở{_S}+(?:lên|xuống)")
_PER_YEAR_LEAD = re.compile(rf"^{_S}*/{_S}*năm")


@dataclass(frozen=True)
class Written:
    """A written name and where the words it was read from start in the text."""

    name: str
    start: int
    measured: bool = False  # the written subject had its own measure word (`tổng diện tích …`)


def share_only(doc: Doc, left: int, q: Quantity) -> bool:
    """Whether the words between `left` and a percentage only say it is a share (`…, chiếm 48%`)."""
    return _SHARE_ONLY.fullmatch(doc.text_l, left, q.start) is not None


def only_sectors(name: str) -> bool:
    """Whether a name is only sectors of the economy (`công nghiệp-xây dựng`, `nông lâm nghiệp, thủy sản`)."""
    return bool(_SECTOR_WORD.search(name)) and not _SECTOR_OR_LINK.sub(" ", name).strip()


def _keeps_measure(prefix: str) -> bool:
    """Whether the few words before a measure word are a verb to drop, not a change (`giảm tỷ lệ …`)."""
    words = prefix.split()
    return len(words) <= 3 and not any(w in _CHANGE_WORDS for w in words)


@lru_cache(maxsize=1 << 14)  # pure; a measured subject is stripped again after clean_words stripped it
def _strip(words: str) -> str:
    previous = None
    while previous != words:
        previous = words
        words = _LEADING.sub("", words).strip(" ,;:-–./")
        if not _NEGATED_END.search(words) and not _COMPOUND_END.search(words):
            # "3 chỉ tiêu không đạt": a negated verb is the name; "… chứng chỉ": a word, not a link
            words = _TRAILING.sub("", words).strip(" ,;:-–./")
    return words


@lru_cache(maxsize=1 << 14)
def clean_words(raw: str) -> str:
    """The name-bearing words of a stretch of text: no brackets, periods, fillers or verb at the end."""
    text = _BRACKETS.sub(" ", raw)
    text = _PERIOD_WORDS.sub(" ", text)
    text = _HANG_NAM.sub("hằng", text)
    text = " ".join(text.split()).strip(" ,;:-–.")  # whitespace runs to one space (`\s`: `str.split`'s)
    return _strip(text)


def is_bare_growth(doc: Doc, q: Quantity, s: Sentence) -> bool:
    """Whether a percentage's clause is only its growth verb (`…, tăng bình quân hằng năm 15,6%`)."""
    return (
        q.unit.base_unit == "%"
        and _BARE_GROWTH.search(doc.text_l, max(s.start, q.start - 40), q.start) is not None
    )


@lru_cache(maxsize=1 << 14)
def spell_out(name: str) -> str:
    """Abbreviations spelled out, tone marks in one style (`hộ nghèo dtts` -> `hộ nghèo dân tộc thiểu số`)."""
    return " ".join(NAME_ABBREVIATIONS.get(w, w) for w in fold_tones(name).split())


@lru_cache(maxsize=1 << 14)
def measured(name: str) -> bool:
    """Whether a name opens with a measure word (`tỷ lệ`, `số`, `diện tích`, …)."""
    return bool(_MEASURE_START.match(name))


def subject_before(doc: Doc, q: Quantity, left: int, hit_start: int | None) -> tuple[str, int, str]:
    """(cleaned subject, where it starts, the raw words between the clause start and the number).

    The subject is the clause before the number; when that clause has no words of its own the
    label before a colon is (`Tỷ lệ lao động qua đào tạo: trên 20%`); short comma-separated items
    join (`Nông, lâm nghiệp, thuỷ sản: 75%`).
    """
    text_l = doc.text_l
    seps = _unbracketed(list(_CUT_CHARS.finditer(text_l, left, q.start)))
    i = len(seps)
    while True:
        start = seps[i - 1].end() if i else left
        if hit_start is not None and start > hit_start >= left:
            start = hit_start  # a catalogue name with a comma in it (`nông, lâm nghiệp, thủy sản`)
        subject, start = _cut(text_l, start, q.start)
        if not subject and i > 0 and seps[i - 1].group() == "," and share_only(doc, start, q):
            # "thương mại, dịch vụ, chiếm 40%": the item before the share verb is its subject (names7)
            i -= 1
            continue
        if subject or i == 0 or seps[i - 1].group() not in (":", "("):
            break
        before = seps[i - 2].end() if i >= 2 else left
        after_figure = i < 2 and left > 0 and text_l[left - 1].isalnum()  # `left` ends the figure before
        if seps[i - 1].group() == "(" and (after_figure or _COMPARED.match(text_l, before)):
            # "4 chi bộ hoàn thành xuất sắc nhiệm vụ (19%)", "tăng 20% so với cùng kỳ (… đạt 70% dự
            # toán)": the words before the bracket are another figure's
            break
        if seps[i - 1].group() == ":" and _proper_name(doc.text[before : seps[i - 1].start()]):
            break  # "Thu Thủy: Có 86 hộ nghèo": a headline's place, not what is counted (names7)
        # "label: value": the words before the colon name the value; so do the words before a bracket
        # that holds only the figure (`thu thuế ngoài quốc doanh (mới đạt 24/32 tỷ đồng)`)
        i -= 1
    if i and _QUALIFIERS_ONLY.fullmatch(subject) and seps[i - 1].group() == ",":
        # "Tốc độ tăng trưởng giữ mức ổn định, với bình quân hàng năm đạt 8,79%": the clause before names it
        head, _ = _cut(text_l, seps[i - 2].end() if i >= 2 else left, seps[i - 1].start())
        if measured(head):
            subject = f"{head} {subject}"
    raw = text_l[seps[-1].end() if seps else left : q.start]
    joinable = i and seps[i - 1].group() == "," and start >= seps[i - 1].end()
    # a list's last item may be longer (`…, dịch vụ và loại hình khác chiếm 46%`), not a count's verbs (`phát
    # hiện và xử lý 22 trường hợp`) (names24b)
    listed = q.unit.base_unit != "count" and " và " in subject and len(subject.split()) <= _LAST_ITEM_WORDS
    short = len(subject.split()) <= _ITEM_WORDS_MAX or listed
    if subject and joinable and short and not measured(subject):
        start, subject = _join_items(text_l, seps[: i - 1], left, seps[i - 1].start(), start, subject)
    # "Tỷ lệ cán bộ, công chức bồi dưỡng kỹ năng số, ứng dụng công nghệ … đạt 100%": the measure opens
    # the clause chain, the commas only list its subject (no figure in between)
    chain = bool(i and subject) and not measured(subject) and all(sep.group() == "," for sep in seps[:i])
    if chain and _DIGIT.search(text_l, left, q.start) is None:  # the scan last: it reads the whole clause
        whole = clean_words(text_l[left : q.start])
        structure = _STRUCTURE.match(whole) is not None  # "Cơ cấu kinh tế nông, lâm nghiệp …": shares
        if measured(whole) and not structure and len(whole.split()) <= 2 * MAX_WORDS:
            subject, start = whole, left
    if subject:
        start, subject = _listed_sectors(text_l, left, start, subject)
    inner = _MEASURE_INSIDE.search(subject)
    if inner is not None and inner.start() > 0 and _keeps_measure(subject[: inner.start()]):
        subject = subject[inner.start() :]  # "thực hiện tổng diện tích gieo trồng 772 ha"
    if measured(subject):  # "tốc độ tăng tổng thu ngân sách … bình quân hằng năm": a written name, whole
        subject = _strip(" ".join(subject.split()[: 2 * MAX_WORDS]))
    elif len(subject.split()) > MAX_WORDS - 2:  # the words next to the number say what it is
        subject = _strip(" ".join(subject.split()[-(MAX_WORDS - 2) :]))
    if not subject:
        return "", q.start, raw
    at = text_l.find(subject.split()[0], start, q.start)
    return subject, at if at >= 0 else start, raw


def _proper_name(words: str) -> bool:
    """Whether words are a place's proper name as written (`Thu Thủy`, `Quận Hai Bà Trưng`): a few words,
    each capitalised."""
    parts = words.split()
    return 0 < len(parts) <= 5 and all(p[:1].isupper() for p in parts)


def _listed_sectors(text_l: str, left: int, start: int, subject: str) -> tuple[int, str]:
    """`khu vực nông, lâm nghiệp và thủy sản tăng 3%` -> `khu vực nông, lâm nghiệp và thủy sản`: a subject
    right after a comma that lists sectors sharing their second word (`context.is_list_comma`) takes in
    the words before that comma, back to the separator before them (names18)."""
    while True:
        comma = text_l.rfind(",", left, start)
        if comma < 0 or text_l[comma + 1 : start].strip() or not is_list_comma(text_l, comma):
            return start, subject
        opening = after_last(text_l, _LISTED_SECTOR_SEPS, left, comma)
        before = clean_words(text_l[opening:comma])
        if not before or len(before.split()) > MAX_WORDS or _DIGIT.search(text_l, opening, comma) is not None:
            return start, subject
        if _STRUCTURE.match(before) is not None:
            return start, subject  # "Cơ cấu kinh tế nông, lâm nghiệp chiếm …": a structure names its shares
        at = text_l.find(before.split()[0], opening, comma)
        start, subject = (at if at >= 0 else opening), f"{before}, {subject}"


def _unbracketed(seps: list[re.Match[str]]) -> list[re.Match[str]]:
    """The cuts less the brackets closed before the number: `tăng trưởng kinh tế (GRDP) đạt 8,1%`."""
    out: list[re.Match[str]] = []
    for sep in seps:
        if sep.group() == ")":
            opened = next((k for k in range(len(out) - 1, -1, -1) if out[k].group() == "("), None)
            if opened is not None:
                del out[opened:]  # the bracket and the cuts inside it
                continue
        out.append(sep)
    return out


def _cut(text_l: str, start: int, end: int) -> tuple[str, int]:
    """The subject of `text_l[start:end]`, after the last word that opens a new one."""
    subject = clean_words(text_l[start:end])
    for cut in _CUT.finditer(text_l, start, end):
        after = clean_words(text_l[cut.end() : end])
        if cut.group() in _ALWAYS_CUT or measured(after):
            if after in _BARE_MEASURES:
                # "nông nghiệp vẫn giữ vai trò chủ lực với tỷ trọng 67,6%": the measure names the rest
                before = _SHARE_VERB_END.sub("", clean_words(text_l[start : cut.start()]))  # "… chiếm"
                return f"{after} {before}".strip(), start
            subject, start = after, cut.end()
    return subject, start


def _join_items(
    text_l: str, seps: list[re.Match[str]], left: int, comma: int, start: int, subject: str
) -> tuple[int, str]:
    """`dịch vụ, du lịch: 20%`: the words before the comma belong to the item when they are few; so do
    the items before them, back over a list of such short items (`bán buôn, bán lẻ, sửa chữa ô tô, mô tô,
    xe máy … tăng 7,6%`) (names24b)."""
    while True:
        before_start = seps[-1].end() if seps else left
        if seps and seps[-1].group() not in (",", ";", ":"):
            return start, subject
        before = clean_words(text_l[before_start:comma])
        if not before or len(before.split()) > _ITEM_WORDS_MAX or _DIGIT.search(text_l, before_start, comma):
            return start, subject
        if _PLAN_TAIL.fullmatch(before):
            return start, subject  # "… tăng 20% so với kế hoạch, cây gừng 8 ha": the comparison's words
        at = text_l.find(before.split()[0], before_start, comma)
        start, subject = (at if at >= 0 else before_start), f"{before}, {subject}"
        if not seps or seps[-1].group() != ",":
            return start, subject
        comma, seps = seps[-1].start(), seps[:-1]


_PREDICATE_WORD = rf"(?:{words_alt(COUNT_ACHIEVED_VERBS)}|được)(?!\w)"  # a count's predicate (`đạt`, `được`)
_PREDICATE = re.compile(rf"(?<!\w){_PREDICATE_WORD}")
_LIST_ITEMS = 3  # nouns listed after the counted one before their predicate (`xã, phường, thị trấn đạt …`)
_ITEM_WORDS = 6  # words of the item that holds the predicate
_TAIL_WORDS = 8  # words a count's tail keeps (`tail_after`)
# what a writer puts between a counted noun and its predicate, no part of the name (names22b): a bracket
# (`9/18 xã (đạt 50%) đạt chuẩn …`, `1 xã (Thạch Đài) đạt …`), the numbers naming the items (`2 tổ dân phố
# 7 và 10 đạt …`), a short list of the noun's kinds (`09/09 huyện, thị xã, thành phố đạt chuẩn …`; not
# `…, xã hội đạt 5/5 chỉ tiêu`: a predicate with a figure of its own is another subject's)
_BEFORE_PREDICATE = re.compile(
    rf"(?:{_S}*\([^()\n]{{1,60}}\)|{_S}+[0-9]+(?:{_S}*(?:,|và){_S}*[0-9]+)*"
    rf"|(?:{_S}*,{_S}*[^\W\d_]+(?:{_S}+[^\W\d_]+)?){{1,3}}"
    rf"(?={_S}+{_PREDICATE_WORD}(?!{_S}*[0-9])))+"
    rf"{_S}+(?={_PREDICATE_WORD})"
)
# "chỉ tiêu chủ yếu về kinh tế, xã hội, …": the fields a count of targets is about (names12)
_DOMAIN_LIST = re.compile(rf"{_S}*(?:(?:{words_alt(DOMAIN_LIST_QUALIFIERS)}){_S}+)?(?P<about>về){_S}")


def _noun_list_end(raw: str, comma: int) -> int | None:
    """Where the predicate's clause ends when the counted noun before `comma` goes on as a list of short
    noun items up to a predicate (`đảng bộ xã, phường, thị trấn đạt trong sạch`, `xóm các xã khó khăn,
    khu vực biên giới đạt chuẩn …`, `chỉ tiêu đảm bảo tiến độ, đạt và vượt`), or None: the comma ends
    the tail (`12 hộ thoát nghèo, góp phần …`) (names11)."""
    at = comma
    for _ in range(_LIST_ITEMS):
        after = raw.find(",", at + 1)
        end = after if after >= 0 else len(raw)
        item = raw[at + 1 : end]
        if (
            not item.strip()
            or _DIGIT.search(item)
            or len(item.split()) > _ITEM_WORDS
            or measured(item.strip())
        ):
            return None  # "…, năng suất bình quân đạt …": a measure opens another figure's clause
        if _PREDICATE.search(item):
            return end
        if len(item.split()) > _LIST_ITEMS or after < 0:
            return None  # a noun item is short, and a predicate follows the list
        at = after
    return None


def _without_domains(raw: str, about: re.Match[str]) -> str:
    """The words after a count without the fields it is about, when a predicate follows them (`chỉ tiêu
    chủ yếu về kinh tế, xã hội, môi trường, quốc phòng – an ninh đạt và vượt kế hoạch` -> `chủ yếu đạt và
    vượt kế hoạch`): the fields are a list no name writes; the words unchanged otherwise (names12)."""
    predicate = _PREDICATE.search(raw, about.end())
    if predicate is None:
        return raw
    fields = raw[about.end() : predicate.start()]
    if _DIGIT.search(fields) or any(measured(item.strip()) for item in fields.split(",")):
        return raw  # "19 tiêu chí về xây dựng NTM, thu nhập bình quân đầu người đạt …": another figure's
    return f"{raw[: about.start('about')]} {raw[predicate.start() :]}"


def tail_after(doc: Doc, q: Quantity, s: Sentence, *, long: bool) -> str:
    """The words written after the number and its unit (`ha lúa xuân`, `% trẻ … được tiêm chủng`)."""
    text_l = doc.text_l
    stop = _STOP_AFTER_LONG if long else _STOP_AFTER
    start = q.end
    if not long and q.unit.base_unit == "count":
        if q.unit.unit in NAMED_COUNT_UNITS:  # "2 xã Bình Sơn và Hiệp Hòa về đích": the names are no name
            start = named_units_end(doc.text, start, s.end) or start
        between = _BEFORE_PREDICATE.match(text_l, start, s.end)
        start = between.end() - 1 if between is not None else start  # the predicate joins the name
    verb = _PREDICATE.match(text_l, start + 1) if start != q.end else None
    m = stop.search(text_l, start, s.end)
    if m is not None and start != q.end and (band := _BAND_AT.match(text_l, m.start())) is not None:
        m = stop.search(text_l, band.end(), s.end)  # "2 xã A và B đạt 14/19 tiêu chí": the band names them
    raw = text_l[start : m.start() if m else s.end]
    if m is not None and m.group() == "(" and raw.strip():
        # "23/23 xã của huyện Kim Sơn (tỉnh Ninh Bình) đã đạt chuẩn …": a bracket inside the tail (names7)
        close = text_l.find(")", m.end(), min(s.end, m.end() + 60))
        if close >= 0 and _WORD_AFTER_BRACKET.match(text_l, close + 1):
            after = stop.search(text_l, close + 1, s.end)
            raw = f"{raw} {text_l[close + 1 : after.start() if after else s.end]}"
    about = _DOMAIN_LIST.match(raw) if not long and q.unit.base_unit == "count" else None
    if about is not None:
        raw = _without_domains(raw, about)  # "25/31 chỉ tiêu chủ yếu về kinh tế, xã hội, … đạt và vượt"
    if not long:
        comma = raw.find(",")
        if comma >= 0 and q.unit.base_unit == "count" and _PREDICATE.search(raw, 0, comma) is None:
            end = _noun_list_end(raw, comma)  # "124/164 đảng bộ xã, phường, thị trấn đạt trong sạch"
            if end is not None and len(raw[:end].split()) > _TAIL_WORDS:
                end = None  # a list the tail's cap would cut in a word (`…, quốc phòng-an ninh, …`)
            raw = raw[: end if end is not None else comma]
        elif comma >= 0:
            raw = raw[:comma]
    raw = _OR_MORE_LEAD.sub(" ", raw)
    if "năm" in raw or "tháng" in raw or "quý" in raw:  # the words the pattern needs, found at C speed
        raw = _PERIOD_LEAD_END.sub(
            " ", raw
        )  # "6 xã đạt chuẩn … cuối năm 2019": the year cut off at the digit
    raw = _PER_YEAR_LEAD.sub(" hằng năm", raw)
    words = clean_words(raw).split()
    lead = _PREDICATE.match(raw.lstrip()) if about is not None else None
    if lead is not None:  # "80/80 chỉ tiêu về …, xây dựng Đảng đạt và vượt": what they reached, whole
        words = [*lead.group().split(), *clean_words(raw.lstrip()[lead.end() :]).split()]
    elif verb is not None and verb.group() != "được" and words[:1] != verb.group().split()[:1]:
        words = [*verb.group().split(), *words]  # "9/18 xã (đạt 50%) đạt chuẩn …": the predicate kept whole
    cap = 12 if long else _TAIL_WORDS
    if len(words) > cap and _splits_a_word(words, cap):
        cap += 1  # `… đạt chuẩn nông thôn mới nâng cao`: the cap does not split a word of a catalogue name
    return " ".join(words[:cap])


def _splits_a_word(words: list[str], cap: int) -> bool:
    """Whether a cut before `words[cap]` splits a two-syllable word of a catalogue name (`nâng | cao`,
    `kiểu | mẫu`): the pair is next to each other in some catalogue name and the syllable after the cut
    starts no pair of its own (`đạt chuẩn | nông thôn` is two words)."""
    pairs = catalogue_bigrams()
    left, right = normalize_name(words[cap - 1]), normalize_name(words[cap])
    after = normalize_name(words[cap + 1]) if cap + 1 < len(words) else ""
    return (left, right) in pairs and (right, after) not in pairs


def named_units_end(text: str, pos: int, end: int) -> int | None:
    """Where the names of the units a count counts end, when they follow it (`2 xã Pô Kô và Đắk Rơ Nga đạt …`,
    `02 huyện Yên Bình, Lục Yên tiến độ …`): the count's name is read without them (the gold rules, item
    191); None when no capitalised name follows (`02 xã NTM nâng cao`: an abbreviation is no name)."""
    first = text[pos : pos + 4].lstrip()
    if not first[:1].isupper():
        return None  # the common case, read at C speed
    last = None
    for m in _NAME_TOKEN.finditer(text, pos, end):
        word = m.group()
        if word[0].isupper() and not (len(word) > 1 and word.isupper()):
            last = m.end()
        elif word.lower() not in NAMED_UNITS_LINKS and word not in ",:()":
            break
    return last


def written_name(
    doc: Doc,
    q: Quantity,
    s: Sentence,
    left: int,
    hit_start: int | None,
    *,
    attainment: bool,
    fallback: str = "",
    host: str = "",
) -> Written:
    """The name the gold rules asks for, built from the words around the quantity.

    `fallback` is the subject of the figure this one continues (`tỷ lệ hộ nghèo còn 1,68% (giảm
    1,94%)`), used when the number has no subject of its own; `host` the name of the figure a plan
    percentage measures (`… 41,8 tỷ đồng, bằng 152% KH thành phố giao, bằng 100,3% KH điều chỉnh`).
    """
    subject, start, raw = subject_before(doc, q, left, hit_start)
    base, unit = q.unit.base_unit, q.unit.unit
    own = bool(subject)
    carries = base in ("%", "VND", "VND/person/year", "t", "ha")
    bare_growth = bool(fallback) and is_bare_growth(doc, q, s)
    if (
        (bare_growth or not subject)
        and fallback
        and carries
        and (bare_growth or not tail_after(doc, q, s, long=base == "%"))
    ):
        # "tỷ lệ hộ nghèo còn 1,68% (giảm 1,94%)": the subject carries, its change words do not; "… đạt 73.165
        # tỷ đồng, tăng bình quân hàng năm 21,31%”, cơ cấu kinh tế …": a bare growth is the level's, whatever
        # the words after it or the clauses between (names12)
        subject = re.sub(rf"{_S}+(?:{_CHANGE_END}|so với .*)$", "", fallback)
    compared = _COMPARISON_ONLY.fullmatch(subject) if base == "%" and fallback else None
    so = compared is not None and (
        _SO_COMPARED.search(raw) is not None
        or _SO_BEFORE.search(doc.text_l, max(0, start - 12), start) is not None
    )
    verb = _CHANGE_BEFORE.search(raw) if so else None
    if compared is not None and verb is not None:
        # "doanh số cho vay đạt 643,93 tỷ đồng, so với cùng kỳ 2023 tăng 7,89%": the figure before rose
        level = re.sub(rf"{_S}+(?:{_CHANGE_END}|so với .*)$", "", fallback)
        what = SPACES.sub(" ", compared.group("what"))
        return Written(_finish(f"{level} {verb.group('verb')} so với {what}"), start)
    lead = _LEADING_CHANGE.match(subject)
    if lead and measured(subject[lead.end() :]):
        if _LEVEL_REACHED.search(raw):
            subject = subject[lead.end() :]  # "giảm tỷ lệ hộ nghèo còn 1,4%": the level
        else:
            subject = f"{subject[lead.end() :]} {lead.group(1)}"  # "giảm tỷ lệ hộ nghèo 0,6%" -> "… giảm"
    opening = q.start - len(raw.lstrip())  # where the clause's words open
    doer = place_doer_end(doc, opening, q.start) if subject and base != "count" else None
    if doer is not None and doer > start:
        # "Tỉnh Hà Nam phấn đấu năm 2025 tăng trưởng trên 10,5%", "huyện Bàu Bàng có diện tích tự nhiên
        # 340 km2": the place is the doer, not what is measured (names11)
        subject, _ = _cut(doc.text_l, doer, q.start)  # (the quote keeps the place)
        inner = _MEASURE_INSIDE.search(subject)
        if inner is not None and inner.start() > 0 and _keeps_measure(subject[: inner.start()]):
            subject = subject[
                inner.start() :
            ]  # "Xã Bảo Hiệu là xã vùng 135 tổng diện tích đất tự nhiên là …"
    sector = _sector_before(doc, s, start) if _SECTORLESS.fullmatch(subject) else None
    if sector is not None:
        # "Công nghiệp phục hồi mạnh mẽ, chỉ số sản xuất tăng 8,5%": the sector before is measured (names13)
        subject, start = f"{subject} {sector[0]}", sector[1]
    if attainment:
        return Written(_finish(_attainment_name(doc, q, s, subject, host)), start)
    measured_thing = bare_measure_subject(doc, q, s, subject, start, fallback)
    if measured_thing is not None:
        # "mô hình trồng màu …, với diện tích 187,8ha", "178 giấy chứng nhận … với số vốn đăng ký 36,3 tỷ
        # đồng": a measure without a subject measures the thing before it
        return Written(_finish(f"{subject} {measured_thing[0]}"), measured_thing[1], True)
    if base == "%":
        acted = ""
        counted = bool(subject) and _counted_after(doc, q, s)
        clause = _own_clause(raw) if counted and not measured(subject) else None
        if counted and (_not_its_own(doc, s, q, subject, left) or _HAS_END.search(raw)):
            # "…, 95,13% số dân được tham gia bảo hiểm y tế": the counted noun after it names it
            subject, own = "", False
        elif counted and doer is not None and len(subject.split()) <= 3 and not measured(subject):
            # "xã Yên Hưng đã cứng hóa 100% số đường trục chính …": what the place did to the counted noun
            acted, subject, own = subject, "", False
        elif clause is not None:
            # "xây dựng phường, nhà trường và 90% tổ dân phố …", "Lĩnh vực xã hội: (1) Duy trì 100% số xã …":
            # the words before the clause's few own words are another clause's; the counted noun names it
            acted, subject = clause, ""
        context = doc.text_l[s.line_start : start]
        completed = "thành" in raw and _COMPLETED_END.search(raw) is not None  # `in` first: C speed
        if completed and not measured(subject) and tail_after(doc, q, s, long=True):
            # "Phường đã hoàn thành 100% chiến dịch …": the share of the task done, named by the task
            name = _attainment_name(doc, q, s, "hoàn thành")
        else:
            name = _percent_name(doc, q, s, subject, raw, context)
        if acted and name and acted not in name:
            name = f"{name} {acted}"
    elif base == "count":
        if _TOTAL_BEFORE.search(raw):
            subject = "tổng số"  # "xã có tổng số 15 xóm": the measure, not the doer, names the count
        elif subject and fallback and f" {fallback}".endswith(f" {subject}") and _AND_END.search(raw):
            # "16 xã đạt tiêu chí thu nhập và 12 xã đạt tiêu chí hộ nghèo": the words before are the
            # figure before's tail, the count's own words follow it (names7)
            subject, own = "", False
        name = _count_name(doc, q, s, subject, unit, raw)
        in_field = doc.text_l.find("lĩnh vực", s.start, start) >= 0
        field = _FIELD.search(doc.text_l, s.start, start) if in_field else None
        if field is not None and name.startswith("số "):
            # "trên lĩnh vực xã hội, an ninh - quốc phòng, có 9/9 chỉ tiêu đạt …": the field they are in
            noun = unit.split(" ", 1)[1] if q.unit.factor != 1.0 and " " in unit else unit
            what = clean_words(field.group("field"))
            if name.startswith(f"số {noun}") and what and what not in name:
                name = f"số {noun} {what}{name[len('số ' + noun) :]}"
                start, own = min(start, field.start()), True
    elif base == "other" and "/" in unit and unit.split("/")[0] in _COUNT_NOUNS:
        # "bình quân 12 tiêu chí/xã": a count per unit is named as the count, per that unit (names7)
        noun, per = unit.split("/", 1)
        name = _count_name(doc, q, s, subject, noun, raw)
        if name.startswith("số ") and f" {per}" not in f" {name}":
            name = f"{name} mỗi {per}"  # (a written measure, `mức hưởng thụ văn hóa`, says it already)
    elif base in ("ha", "t", "km"):
        tail = tail_after(doc, q, s, long=False)
        name = (
            subject
            if measured(subject)
            else " ".join(w for w in (UNIT_MEASURE_WORDS[base], subject, tail) if w)
        )
        if subject == UNIT_MEASURE_WORDS[base] and _WITH_MEASURE.search(raw):
            # "bê tông hóa đường ngõ xóm với chiều dài 1.100m": the measure of the work before `với`
            work = _work_before_with(doc, s, start)
            name = f"{subject} {work}" if work else name
    elif base == "VND/person/year" and subject.startswith("thu nhập") and "bình quân" not in subject:
        name = f"{subject} bình quân đầu người"  # "thu nhập nâng lên 20,5 triệu đồng/người/năm"
    elif base == "VND/person/year" and subject and not measured(subject):
        # "…; năm 2020, khu vực thành thị là 105 triệu đồng/người/năm": an income per head, of that part
        name = f"{INCOME_PER_HEAD} {subject}"
    elif base == "VND" and subject in _MONEY_SUBJECTS and _WITH_MONEY.search(raw):
        # "với tổng trị giá 482 triệu đồng": the money words as written (`trị giá` alone is a verb) (names7)
        money = " ".join(_WITH_MONEY.search(raw).group().split()[1:])  # type: ignore[union-attr]
        name = _money_of(doc, q, s, money, fallback)
    elif base == "VND" and subject and only_sectors(subject) and (value := _sentence_value(doc, s, start)):
        # "giá trị sản xuất đạt cao như: Dịch vụ …; Công nghiệp và xây dựng đạt gần 384 tỷ đồng": a sector's
        # money is its value, as the sentence measures it (`giá trị sản xuất`, `giá trị tăng thêm`) (names11)
        name = f"{value} {subject}"
    else:
        name = subject or tail_after(doc, q, s, long=False)
    if base == "%" and _YEARLY.search(raw) and "hằng năm" not in name and "bình quân" not in name:
        name += " bình quân hằng năm"
    return Written(_finish(name), start if own else q.start, own and measured(subject))


def _sentence_value(doc: Doc, s: Sentence, end: int) -> str:
    """The last value measure the sentence (and the `;`-list it is an item of) writes before `end` (`giá trị
    sản xuất`), or ''."""
    head = max(doc.text_l.rfind(". ", s.line_start, s.start), s.line_start)  # (an item's sentence is its own)
    measures = [" ".join(m.split()) for m in _VALUE_MEASURE_IN.findall(doc.text_l, head, end)]
    if not measures:
        return ""
    # "Tổng sản phẩm (GRDP) … đạt 11.423 tỷ đồng, …; khu vực dịch vụ đạt 7.006 tỷ đồng": a sector's part of
    # the product is its value added (names12)
    return VALUE_ADDED if _PRODUCT.match(measures[-1]) else measures[-1]


def ratio_words_only(words: str) -> bool:
    """Whether `words` are only what an attainment or comparison before leaves (`kế hoạch và`, `so
    với cùng kỳ và`): no subject of the figure after them."""
    return bool(words) and _RATIO_WORDS_ONLY.fullmatch(words) is not None


def _money_of(doc: Doc, q: Quantity, s: Sentence, subject: str, fallback: str) -> str:
    """`hỗ trợ 9.000 trường hợp … với số tiền 9,7 tỷ đồng`, `nhân dân … đóng góp … với số tiền 5,5 tỉ
    đồng`: a generic money word is named by what the money went to, the figure or clause before."""
    if fallback:
        return f"{subject} {fallback.removeprefix('số ').removeprefix('tổng ')}"
    at = doc.text_l.rfind("với", s.start, q.start)
    words = clean_words(doc.text_l[s.start : at]).split() if at > s.start else []
    return " ".join([subject, *words[:MAX_WORDS]])  # the doer and what it did open the sentence


# a clause mark: a comma between digits is a decimal mark (`187,8ha`), a closed bracket part of its clause
_CLAUSE_MARK = re.compile(r"[;:]|,(?![0-9])|\((?![^()]*\))")
# a number that is not a year: "Lúa vụ Đông Xuân 2017-2018 đã thu hoạch xong" holds no figure
_FIGURE = re.compile(r"(?<![\w.,])(?!(?:19|20)[0-9]{2}(?![0-9]))[0-9]")
_NUMBERS = re.compile(r"[0-9][0-9.,/–-]*")
_CHANGE_VERB_IN = re.compile(r"(?<!\w)(?:tăng|giảm|vượt|gấp)(?!\w)")
_CHANGE_OR_COMPARED = re.compile(rf"{_S}+(?:{_CHANGE_END}|so với .*)$")


def _last_mark(text_l: str, lo: int, hi: int) -> re.Match[str] | None:
    """The last clause mark of `text_l[lo:hi]`, or None."""
    last = None
    for last in _CLAUSE_MARK.finditer(text_l, lo, hi):  # noqa: B007 (the last one is wanted)
        pass
    return last


# a place's level word opening a subject: its proper name follows, capitalised as written
_DOER_LEVEL = re.compile(
    rf"(?:đảng{_S}+bộ{_S}+|ủy{_S}+ban{_S}+nhân{_S}+dân{_S}+|ubnd{_S}+)?"
    rf"(?:{words_alt(tuple(ADMIN_LEVELS))})(?=[^\S\n]+\w)"
)
_WORD_AT = re.compile(rf"{_S}+([^\s,;:()]+)")
_DOER_AFTER = re.compile(
    rf"(?:{_S}*\([^()\n]{{1,30}}\))?(?:{_S}+(?:đã|cũng|đều|có|là)(?:{_S}+phấn{_S}+đấu)?|{_S}+phấn{_S}+đấu)(?=[\s,]|$)"
)
_AND = re.compile(rf"{_S}+và(?={_S})")


def place_doer_end(doc: Doc, start: int, end: int) -> int | None:
    """Where the document's own place ends when it opens the words `doc.text[start:end]` as the doer,
    with the verbs that only say it acted (`Xã Hòa Phong phấn đấu …`, `phường Đại Xuân và phường Nhân Hòa
    có …`, `Đảng bộ phường Chánh Phú Hòa (TPHCM) phấn đấu …`), or None. A place is the document's own when
    its capitalised name opens the commune, district or province the document is about; another place
    (a commune in a district's report) is a part, and its name stays in the figure's (names11)."""
    text, text_l = doc.text, doc.text_l
    units = [u.lower() for u in (doc.meta.commune, doc.meta.district, doc.meta.province) if u]
    pos, own = start, False
    while True:
        level = _DOER_LEVEL.match(text_l, pos, end)
        if level is None:
            return None
        pos = level.end()
        names: list[str] = []
        while (
            len(names) < 4
            and (word := _WORD_AT.match(text, pos, end)) is not None
            and word.group(1)[:1].isupper()
        ):
            pos = word.end()
            names.append(word.group(1).lower())
        if not names:
            return None  # "xã đạt chuẩn …": a counted noun, no place's name
        place = " ".join(names)
        own = own or any(u == place or u.startswith(f"{place} ") for u in units)
        joined = _AND.match(text_l, pos, end)
        if joined is None:
            break
        pos = joined.end() + 1
    if not own:
        return None
    after = _DOER_AFTER.match(text_l, pos, end)  # a verb says the place acts: `xã … 95%` is of the place
    return after.end() if after is not None else None


def bare_measure_subject(
    doc: Doc, q: Quantity, s: Sentence, subject: str, start: int, fallback: str
) -> tuple[str, int] | None:
    """What a measure written without its subject measures, and where those words start (names11).

    A measure of `SUBJECTLESS_MEASURES` after `với` (`…, với diện tích 187,8ha`) or opening a clause after
    a comma with a count before it or `đạt` (`…, đạt tỷ lệ 75%`) measures the clause before it (`mô hình
    trồng màu mang lại hiệu quả kinh tế cao`), or, when that clause holds a count, what it counts (`178
    giấy chứng nhận … với số vốn đăng ký 36,3 tỷ đồng`, `323 doanh nghiệp, tổng số vốn đăng ký đạt …`).
    Money words after `với` are `_money_of`'s, an area after the work before `với` the names7 rule's, a
    crop's measures after its figure `lists._bare_measures`'s.
    """
    if subject not in SUBJECTLESS_MEASURES or bool(_RATE_SUBJECT.match(subject)) != (q.unit.base_unit == "%"):
        return None  # "…, tỷ lệ 4,5 bác sĩ/vạn dân": the unit names that rate; "doanh thu tăng 36%": a change
    text_l = doc.text_l
    if _CHANGE_VERB_IN.search(text_l, start, q.start):
        return None  # "…, doanh thu tăng 1.200 tỷ đồng": a change is named by `_change_name`
    cut = _last_mark(text_l, s.start, start)
    lead = text_l[cut.end() if cut else s.start : start].split()
    if lead and lead[-1] == "với":
        end = text_l.rfind("với", s.start, start)
    elif cut is not None and cut.group() == "," and lead in ([], ["đạt"]):
        end = cut.start()
    else:
        return None
    before = _last_mark(text_l, s.start, end)
    after_comma = not text_l[before.end() if before else s.start : end].strip()
    if after_comma and before is not None and before.group() == ",":
        end = before.start()  # "…, với diện tích": the clause before the comma
        before = _last_mark(text_l, s.start, end)
    elif lead[-1:] == ["với"] and q.unit.base_unit in ("ha", "t", "km"):
        return None  # "hình thành 4 cánh đồng mẫu lớn với diện tích 145 ha": the work before (names7)
    begin = before.end() if before else s.start
    clause = text_l[begin:end]
    if _FIGURE.search(clause):
        if not fallback.startswith("số "):
            return None  # "… 67,5 tạ/ha, sản lượng 3.253,5 tấn": a crop's measures (`lists._bare_measures`)
        thing = _CHANGE_OR_COMPARED.sub("", fallback)
        measure = _MEASURE_START.match(thing)
        thing = thing[measure.end() :].strip() if measure else ""
        return (thing, begin) if thing else None
    if len(clause.split()) > MAX_WORDS or lead == []:
        # a long clause is no subject written for the measure; "Vốn huy động từ ngân sách, doanh nghiệp,
        # tổng kinh phí đạt 150 tỷ đồng": an item of a list before is no subject either
        return None
    work = clean_words(_NUMBERS.sub(" ", clause))
    place = _PLACE.match(work)
    if place is not None:
        work = work[place.end() :]  # "phường đã bê tông hóa …": the doer is no part of the work
    words = _AUXILIARY.sub(" ", work).split()
    if not words:
        return None
    at = text_l.find(words[0], begin, end)
    return " ".join(words[-MAX_WORDS:]), at if at >= 0 else begin


def _sector_before(doc: Doc, s: Sentence, start: int) -> tuple[str, int] | None:
    """The sector opening the clause before the comma that opens the measure's (`sản xuất nông nghiệp ổn
    định, tốc độ tăng trưởng …` -> `sản xuất nông nghiệp`), and where it starts."""
    text_l = doc.text_l
    cut = _last_mark(text_l, s.start, start)
    if cut is None or cut.group() != "," or text_l[cut.end() : start].strip():
        return None
    before = _last_mark(text_l, s.start, cut.start())
    begin = before.end() if before else s.start
    found = _SECTOR_OPENING.match(text_l, begin, cut.start())
    return (" ".join(found.group("sector").split()), found.start("sector")) if found else None


def _work_before_with(doc: Doc, s: Sentence, at: int) -> str:
    """The work a `với <measure>` figure measures: the clause before `với` (`bê tông hóa đường ngõ xóm`),
    without its numbers (names7)."""
    text_l = doc.text_l
    with_at = text_l.rfind("với", s.start, at)
    if with_at < 0:
        return ""
    clause = re.split(r"[,;:(]", text_l[s.start : with_at])[-1]
    work = clean_words(_DIGIT.sub(" ", clause))
    place = _PLACE.match(work)
    if place is not None:
        work = work[place.end() :]  # "phường đã bê tông hóa …": the doer is no part of the work
    words = _AUXILIARY.sub(" ", work).split()
    return " ".join(words[-MAX_WORDS:])


def _counted_after(doc: Doc, q: Quantity, s: Sentence) -> bool:
    """Whether a percentage is followed by what it counts (`99,58% hộ dân sử dụng điện lưới`)."""
    return counted_noun_at(doc.text_l, q.end, s.end) and bool(tail_after(doc, q, s, long=True))


def _not_its_own(doc: Doc, s: Sentence, q: Quantity, subject: str, left: int) -> bool:
    """Whether the words before a percentage belong elsewhere: the tail of the figure before it, in
    that figure's clause (`86,9% số lao động đã qua đào tạo, 95,13% …`), or only a place (`Trên địa
    bàn xã hiện có`)."""
    if all(w in PERCENT_PLACE_WORDS for w in subject.split()):
        return True
    if left <= s.start or doc.text_l[left - 1] != "%":
        return False
    mark = _CLAUSE_MARKS.search(doc.text_l, left, q.start)
    before = clean_words(doc.text_l[left : mark.start()]) if mark is not None else ""
    return bool(before) and (subject in before or before in subject)


def _own_clause(raw: str) -> str | None:
    """The few words (`PERCENT_ACT_WORDS` at most) a percentage's own clause writes before it, after the
    last `và` (`duy trì`, `kiên cố hóa`, ''), or None when it writes more (`Ánh điện quốc gia đã phủ`)."""
    words = clean_words(_AND_SPLIT.split(raw)[-1])
    return words if len(words.split()) <= PERCENT_ACT_WORDS else None


def _attainment_name(doc: Doc, q: Quantity, s: Sentence, subject: str, host: str = "") -> str:
    if subject.startswith(("tỷ lệ thực hiện", "tỷ lệ hoàn thành")):
        return subject
    if not subject or subject in ("hoàn thành", "thực hiện", "đạt", "vượt") or ratio_words_only(subject):
        # "hoàn thành 100% chỉ tiêu trồng rừng phân tán": what was planned follows the number
        tail = tail_after(doc, q, s, long=True)
        if tail and host and _PLAN_TAIL.match(tail) and measured(host):
            # "41,8 tỷ đồng, bằng 152% KH thành phố giao, bằng 100,3% KH điều chỉnh": a second
            # attainment of the figure before, against another plan
            return f"tỷ lệ thực hiện {spell_out(tail)} {host}"
        return f"tỷ lệ hoàn thành {tail}" if tail else "tỷ lệ thực hiện kế hoạch"
    return f"tỷ lệ thực hiện kế hoạch {subject}"


def _percent_name(doc: Doc, q: Quantity, s: Sentence, subject: str, raw: str, context: str) -> str:
    if not subject:
        tail = tail_after(doc, q, s, long=True)
        return f"tỷ lệ {tail}" if tail else ""
    if _FROM_LEVEL.search(raw) and _TO_LEVEL.match(doc.text_l, q.end):
        raw = _FROM_LEVEL.sub(" ", raw)  # "tăng từ 36% lên 40,4%": two levels, not a change
    if subject.startswith("tăng trưởng"):
        return f"tốc độ {subject}"  # "tăng trưởng kinh tế (GRDP) đạt 8,1%"
    if subject.endswith(" tăng trưởng") and not measured(subject):
        head = subject[: -len(" tăng trưởng")]
        if head.endswith(" tốc độ") or not (_SECTOR_WORD.search(head) or _GROWTH_SUBJECT.search(head)):
            # "… nhằm đạt tăng trưởng 13,5%", "Xã … phấn đấu tốc độ tăng trưởng đạt trên 10%": a bare
            # growth is the economy's
            return GROWTH_OF_ECONOMY
    if _GROWTH.search(raw) and not subject.startswith(("tốc độ", "tỷ lệ tăng", "tăng")):
        return f"tốc độ tăng {subject}"
    if _FALL.search(raw) and not subject.endswith("giảm") and not subject.endswith("giảm bình quân"):
        return f"{subject if measured(subject) else 'tỷ lệ ' + subject} giảm"
    if any(verb in subject for verb in SHARE_VERBS):  # (the words first: the pattern tries every position)
        subject = _SHARE_TAIL.sub("", subject)  # "nông, lâm nghiệp chiếm tỷ trọng 55%": no name's verb
    if (
        any(verb in raw for verb in SHARE_VERBS)
        and _SHARE_ONLY.fullmatch(raw)
        and only_sectors(_VALUE_WORDS.sub("", subject))
    ):
        # "giá trị thương mại dịch vụ đạt 298 tỉ đồng, chiếm 48%": that sector's share of the economy
        return f"tỷ trọng {_VALUE_WORDS.sub('', subject)} trong cơ cấu kinh tế"
    if measured(subject) and not subject.startswith(
        ("tổng", "giá trị", "thu", "chi", "sản lượng", "diện tích")
    ):
        return subject
    if "cơ cấu" in context and not only_sectors(subject):
        # a share of something else than sectors is in the structure only when its own sentence or `;`-list
        # is (`Cơ cấu kinh tế chuyển dịch …. Nước sạch đảm bảo 100% …`: not a sector's share) (names12)
        context = context[max(context.rfind(". "), 0) :]
    # the literal first (`in`, at C speed): the look-behind makes the pattern try every position
    if ("cơ cấu" in context and _STRUCTURE.search(context)) or ("cơ cấu" in raw and _STRUCTURE.search(raw)):
        return f"tỷ trọng {subject} trong cơ cấu kinh tế"  # "Cơ cấu kinh tế: Nông nghiệp 41%; …"
    if _ATTAINMENT_SUBJECT.match(subject) and _REACHED.search(raw):
        return f"tỷ lệ thực hiện kế hoạch {subject}"  # "Thu ngân sách đạt trên 50%": of the plan
    return subject if measured(subject) else f"tỷ lệ {subject}"


_PARTY_HOLDING = re.compile(rf"^(?:tổng{_S}+số|số|tỷ{_S}+lệ){_S}+(?:{words_alt(PARTY_HOLDINGS)})(?!\w)")
_OWN_PARTY = re.compile(
    rf"(?<!,)(?:{_S}+(?:trong|của|(?<!trực )thuộc))?(?:{_S}+toàn)?{_S}+đảng{_S}+bộ(?!{_S}+cơ{_S}+sở)"
    rf"(?:{_S}+(?:{words_alt(tuple(ADMIN_LEVELS))})(?:{_S}+(?!(?:{words_alt(PARTY_BODY_ENDS)})(?!\w))[^\s,;:()]+){{0,3}})?"
    rf"(?=[\s,;:()]|$)"
)


def without_own_party(name: str) -> str:
    """`số đảng viên trong toàn đảng bộ xã tân lập`, `số chi bộ trực thuộc đảng bộ xã` -> `số đảng viên`,
    `số chi bộ trực thuộc`: the unit's own Party organisation is no part of the name of what it holds (its
    members, cells, organisations); an elected committee's seats, a congress, an agency's `đảng bộ cơ sở`
    are not this shape (the gold rules, item 162)."""
    head = _PARTY_HOLDING.match(name) if "đảng bộ" in name else None  # the literal first, at C speed
    if head is None:
        return name
    rest = _OWN_PARTY.sub("", name[head.end() :])
    return SPACES.sub(" ", f"{name[: head.end()]}{rest}").strip(" ,")


def _count_name(doc: Doc, q: Quantity, s: Sentence, subject: str, unit: str, raw: str = "") -> str:
    return without_own_party(_written_count_name(doc, q, s, subject, unit, raw))


def _written_count_name(doc: Doc, q: Quantity, s: Sentence, subject: str, unit: str, raw: str = "") -> str:
    noun = unit.split(" ", 1)[1] if q.unit.factor != 1.0 and " " in unit else unit  # "nghìn con"
    among = _AMONG_WHOLE.match(subject) if subject.startswith("số ") else None
    if among is not None and among.group("rest").startswith(noun):
        # "Trong số 15 chỉ tiêu có kết quả đánh giá, có 10/15 chỉ tiêu đạt …": the subject is the whole the
        # count is among (`số 15` read as an identifier); the count's own words name it, the whole's qualify
        name = _written_count_name(doc, q, s, "", unit, raw)
        whole = among.group("rest")[len(noun) :].strip()
        return f"{name} {whole}" if whole and not _DIGIT.search(whole) and whole not in name else name
    tail = tail_after(doc, q, s, long=False)
    if tail and _REACHED_AFTER.match(doc.text_l, q.end) and not tail.startswith("đạt"):
        # "5 xã đạt chuẩn nông thôn mới": what the counted units reached; "… đạt và vượt kế hoạch" whole
        both = _MET_AND_EXCEEDED.match(doc.text_l, q.end)
        tail = f"đạt và {tail}" if both is not None and tail.startswith("vượt") else f"đạt {tail}"
    if unit in CLASSIFIER_UNITS:
        if measured(subject) and not _COUNT_MEASURE.match(subject):
            return subject  # "Mức hưởng thụ văn hoá 45 lần/người/năm": the written measure names it
        council = _council_before(doc, s, q)
        # "HĐND xã đã tổ chức 28 đợt khảo sát": whose surveys (`số đợt khảo sát của hđnd xã`) (names7)
        return " ".join(w for w in ("số", noun, tail, f"của {council}" if council else "") if w)
    kept = _KEPT_AFTER.match(doc.text_l, q.end)
    if kept is not None and not tail.startswith(kept.group(1)):
        tail = f"{kept.group(1)} {tail}".strip()  # "18 chỉ tiêu phấn đấu": which targets
    if subject.startswith("bình quân"):  # "bình quân mỗi xã đạt 12,42 tiêu chí"
        return " ".join(w for w in ("số", noun, tail, subject) if w)
    if subject in ("tổng", "tổng cộng", "tổng số"):  # "Tổng 27 chỉ tiêu": the measure alone
        return " ".join(w for w in ("tổng số", noun, tail) if w)
    body = _elected_body(doc, s, q) if noun in ELECTED_MEMBER_UNITS else ""
    if body:
        return f"số ủy viên {body}"  # "Ban Chấp hành Đảng bộ xã … gồm 33 đồng chí": the body's size (names11)
    if noun == "đại biểu" and doc.written_anywhere(_CONGRESS):
        # "Đại hội có 199 đại biểu": an attendance count; "bầu 13 đại biểu chính thức": of that standing
        standing = _STANDING_AFTER.match(doc.text_l, q.end)
        return f"số đại biểu {standing.group(1)} dự đại hội" if standing else "số đại biểu dự đại hội"
    if noun in _MEMBER_NOUNS and _REPRESENTING.match(doc.text_l, q.end) and doc.written_anywhere(_CONGRESS):
        # "150 đảng viên đại diện cho 452 đảng viên … dự Đại hội": delegates, written as members (names9)
        return "số đại biểu dự đại hội"
    if not tail:
        tail = _shared_tail(doc, q, s)  # "2 làng và 2 khu dân cư văn hóa cấp huyện": the words after both
    if measured(subject) and _WHERE_END.search(raw):  # the search last: it tries every position of raw
        subject = ""  # "Thu nhập … tại 6 xã đạt chuẩn …": the measure before is another figure's
    done = _PLACE_DID.search(raw) if _PLACE_WORD.search(raw) else None
    if done is not None and measured(subject) and _UNNAMED_PLACE_DID.match(raw, done.start()) is not None:
        done = None  # "Tổng đàn lợn toàn huyện đạt 5.517 con": a place no name follows bounds the measure
    if done is not None:
        # "tỉnh đạt và vượt 15/17 chỉ tiêu", "xã Thanh Quân đã thực hiện đạt 17 chỉ tiêu": the place is
        # the doer, not the name; what it did is kept
        subject = done.group("verb")
    elif (place := _PLACE.match(subject)) is not None:
        # "thị xã Phú Mỹ có 5/5 xã đạt chuẩn": the place is the doer, not the name; what an authority did
        # to the counted units is (`UBND … đã khen thưởng cho 42 tập thể`) (names11)
        acted = _VERB_IN.search(subject) if _AUTHORITY.match(place.group()) else None
        subject = subject[acted.start() :] if acted is not None else ""
    if (measured(subject) and not _RATE_SUBJECT.match(subject)) or (
        subject and f" {noun} " in f" {subject} "
    ):
        return subject
    if noun in GENERIC_NAME_UNITS and subject and not _VERB_START.match(subject):
        return subject
    passive = _PASSIVE.search(raw) if "được" in raw else None
    if passive is not None:
        # "chương trình XDNTM được triển khai thực hiện tại 13/13 xã": what was done there, to what
        action = f"{passive.group('verb')} {clean_words(passive.group('what'))}".strip()
        return " ".join(w for w in ("số", noun, tail, action) if w)
    verb = _VERB_IN.search(subject)  # "bch đảng bộ huyện đã trao giấy khen cho 8 chi bộ": what was done
    if verb is None:
        subject = _AUXILIARY.sub(" ", subject).strip()  # "nhân dân còn đóng góp": the doer and the verb
        subject = SPACES.sub(" ", subject)
    action = subject[verb.start() :] if verb else subject if len(subject.split()) <= 4 else ""
    if action and f" {action} " in f" {tail} ":
        action = ""
    council = _council_before(doc, s, q) if verb is not None or not subject else ""
    return " ".join(w for w in ("số", noun, tail, council, action) if w)


_BODY = (
    rf"(?P<body>(?P<name>{words_alt(tuple(ELECTED_BODIES))})(?:{_S}+(?:{words_alt(ELECTED_BODY_OF)})"
    rf"(?:{_S}+(?:{words_alt(tuple(ADMIN_LEVELS))}))?)?)(?!\w)"
)
_BODY_IN = re.compile(rf"(?<!\w){_BODY}")
_THEN_SIZE = re.compile(rf"[^.;:\n]{{0,90}}?(?<!\w)(?:gồm|có){_S}*")
_SIZE_THEN_BODY = re.compile(rf"{_S}+(?:tham{_S}+gia|vào){_S}+{_BODY}")


def _elected_body(doc: Doc, s: Sentence, q: Quantity) -> str:
    """The elected body a count of members sizes: `Ban Chấp hành Đảng bộ xã Sơn Động gồm 33 đồng chí`,
    `bầu 14 người tham gia BCH Đảng bộ xã` -> `ban chấp hành đảng bộ xã`, or '' (names11)."""
    text_l = doc.text_l
    if not any(text_l.find(b, s.start, s.end) >= 0 for b in ELECTED_BODIES):
        return ""  # the common case, found at C speed
    bodies = list(_BODY_IN.finditer(text_l, s.start, q.start))  # the last body before `gồm` is the one sized
    found = bodies[-1] if bodies and _THEN_SIZE.fullmatch(text_l, bodies[-1].end(), q.start) else None
    found = found or _SIZE_THEN_BODY.match(text_l, q.end, s.end)
    if found is None:
        return ""
    name = " ".join(found.group("name").split())
    return spell_out(ELECTED_BODIES[name] + " ".join(found.group("body").split())[len(name) :])


def _council_before(doc: Doc, s: Sentence, q: Quantity) -> str:
    """`HĐND huyện Long Điền đã tổ chức 16 kỳ họp, ban hành 226 nghị quyết`: the council whose work is
    counted, with its level and without its place's name (`hđnd huyện`), when it opens the sentence's
    clause of the count or one before it in the sentence."""
    text_l = doc.text_l
    if text_l.find("hđnd", s.start, q.start) < 0 and text_l.find("hội đồng nhân dân", s.start, q.start) < 0:
        return ""  # the common case, found at C speed without a slice
    found = [m.group() for m in _COUNCIL.finditer(text_l, s.start, q.start)]
    return " ".join(found[-1].split()) if found else ""


def _shared_tail(doc: Doc, q: Quantity, s: Sentence) -> str:
    """The words after the second of two counts joined by `và` (`2 làng và 2 khu dân cư văn hóa
    cấp huyện`, `6/6 làng và 7 cơ quan, đơn vị đăng ký danh hiệu văn hóa`): they qualify both."""
    m = _AND_COUNT.match(doc.text_l, q.end, s.end)
    if m is None:
        return ""
    unit = match_unit(doc.text_l, m.end())
    if unit is None or unit.base_unit != "count":
        return ""
    tail = tail_after(doc, dataclasses.replace(q, end=unit.end), s, long=False)
    reached = tail and _REACHED_AFTER.match(doc.text_l, unit.end) and not tail.startswith("đạt")
    return f"đạt {tail}" if reached else tail


def _finish(name: str) -> str:
    words = spell_out(" ".join(name.replace(": ", " ").split()).strip(" ,;:-–.")).split()
    name = " ".join(words[:NAME_MAX_WORDS])
    if words and words[0] in words[1:4]:  # a measure word can only repeat when its first word does
        name = _REPEATED_MEASURE.sub(r"\1", name)  # "tỷ lệ tỷ lệ hộ nghèo"
    return name
