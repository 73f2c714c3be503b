"""The catalogue indicator of a written name, when the sentence named none the catalogue knows.

The name a mention ends up with (the gold rules: measure word and subject, ellipsis resolved from its list)
often says more than the words beside the number: `tốc độ tăng thu ngân sách bình quân hằng năm`,
`tỷ trọng dịch vụ - thương mại trong cơ cấu kinh tế`, `số đảng viên toàn đảng bộ`. Three readings,
in order, each only in the indicator's base unit:
- the name is a catalogue name or synonym;
- the name is a growth rate, a share of the economy or an attainment of plan of a catalogue indicator
  (`tốc độ tăng` + `thu ngân sách` -> `budget_revenue_total_growth_rate`), or a sector's contribution to
  growth in points (`đóng góp của ngành dịch vụ vào tăng trưởng`);
- the longest catalogue name inside it, when the words left over only say where or how often
  (`toàn đảng bộ`, `bình quân hằng năm`), never what (`số đảng viên tặng huy hiệu` is not
  `party_members`).
A name none of them reads is read again without the period it names (`tháng 9`, `quý I`, `6 tháng`).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from functools import lru_cache

from ingest.extract.catalogue import CatalogueEntry, catalogue_by_id, lookup_name, normalize_name
from ingest.extract.indicators import NameIndex, compatible
from ingest.extract.triggers import gated
from ingest.extract.vocab import (
    ALL_UNITS_REACHED,
    CHANGE_BEFORE_FIGURE,
    CHANGE_ID_WORDS,
    CONSTRUCTION_PART_IDS,
    CONTEXT_ID_RULES,
    CROP_SEASON_PATTERNS,
    DERIVED_ID_AFFIXES,
    DISBURSED_VALUE_NAME,
    DISTINCT_MEASURES,
    ECONOMIC_SECTOR_GROUPS,
    GROWTH_IDS,
    GROWTH_INTENSIFIERS,
    GROWTH_PLACE_CUE,
    GROWTH_PREFIXES,
    ID_FIXED_TOTALS,
    ID_OF_A_SUM,
    ID_OF_OTHER_TOTAL,
    ID_WHEN_FRACTIONAL,
    ID_WHEN_OF_TOTAL,
    IDS_OF_ALL_UNITS,
    IDS_OF_UNCATALOGUED_WORDS,
    MEASURE_WORDS,
    MONTH_INDEX_IDS,
    MONTH_PERIOD_PHRASES,
    NAME_FORM_WORDS,
    NAME_HARMLESS_WORDS,
    NAME_ID_REFINEMENTS,
    NAME_PERIOD_WORDS,
    NAME_TRAILING_QUALIFIERS,
    NOT_PLACE_NAMES,
    NTM_STATUS_WORDS,
    NUMBERED_ECONOMIC_SECTORS,
    OWN_SPAN_BEFORE_RUNNING_TOTAL,
    PLACE_NAME_LEADS,
    PLACE_NAME_RUN,
    PLAN_ATTAINMENT_PREFIXES,
    PUBLIC_INVESTMENT_CUE,
    RATES_AGAINST_PLAN,
    RESTATED_IDS,
    RUNNING_TOTAL_AFTER_FIGURE,
    SAME_MEASURE_WORDS,
    SEASON_ID_EXCEPTIONS,
    SEASONAL_BASE_IDS,
    SECTOR_CONTRIBUTION_IDS,
    SECTOR_GROUP_IDS,
    SECTOR_GROWTH_IDS,
    SECTOR_PART_WORDS,
    SECTOR_SHARE_VERB,
    SECTOR_VALUES_OF_TOTAL,
    TOTAL_IDS_A_NAME_NARROWS,
    TOTAL_OF_ITS_PART,
    UNCATALOGUED_NAME_PATTERNS,
    UNNAMED_CONTEXT_IDS,
    UNORDERED_FILLERS,
)
from ingest.records import Mention

_GROWTH = re.compile(
    rf"^(?:{'|'.join(map(re.escape, sorted(GROWTH_PREFIXES, key=len, reverse=True)))}) (?P<rest>.+)$"
)
_ATTAINMENT = re.compile(rf"^(?:{'|'.join(map(re.escape, PLAN_ATTAINMENT_PREFIXES))}) (?P<rest>.+)$")
# (ids24: `trong cơ cấu grdp`, `trong cơ cấu gdp` too)
_SHARE = re.compile(
    r"^(?:tỷ|tỉ) trọng (?P<rest>.+?)"
    r"(?P<structure> trong (?:cơ cấu kinh tế|(?:cơ cấu )?(?:grdp|gdp)|tổng giá trị sản xuất))?$"
)
_CONTRIBUTION = re.compile(r"^(?:mức )?đóng góp của (?P<rest>.+?) vào tăng trưởng(?: grdp| kinh tế| chung)?$")
_REACHED = re.compile(ALL_UNITS_REACHED)
_PERIOD = re.compile(NAME_PERIOD_WORDS)
# (a comparison may name its year: `so với cùng kỳ năm 2021`)
_TRAILING = re.compile(
    rf"(?: (?:{'|'.join(map(re.escape, NAME_TRAILING_QUALIFIERS))})(?: năm \d{{4}}| \d{{4}}| \d+ năm)?)+$"
)
# Words inside a name that say where or how often, not what: `số xã của huyện đạt chuẩn …`, `diện tích
# cây ngô`, `tỷ lệ chi bộ hằng năm đạt …`; ids24: the hamlet's or city's own (`số hộ dân của ấp`), and
# which state of the units or the accounts (`đang hoạt động`, `sau sáp nhập`, `sau điều chỉnh`, `quyết toán`,
# `trong nhiệm kỳ`). (`trên địa bàn thành phố` stays: `thu ngân sách trên địa bàn` is the state budget's.)
_INNER = re.compile(
    r"(?<!\w)(?:của (?:xã|huyện|tỉnh|phường|thị trấn|đảng bộ|thôn|ấp|bản|thành phố|quận|thị xã)"
    r"|trên địa bàn(?: (?:xã|huyện|tỉnh|phường))?"
    r"|toàn (?:xã|huyện|tỉnh|phường|đảng bộ)|trong toàn (?:xã|huyện|tỉnh|đảng bộ)|hằng năm|hàng năm"
    r"|trong nhiệm kỳ|đang hoạt động|sau sáp nhập|sau điều chỉnh|quyết toán)(?!\w)"
    r"|(?<=diện tích )(?:cây|gieo trồng|gieo cấy|trồng) (?=\w)"
    r"|(?<=hđnd )(?:xã|huyện|phường|thị trấn|tỉnh)(?!\w)"  # `số nghị quyết hđnd huyện ban hành` (names7)
    r"|(?<=hội đồng nhân dân )(?:xã|huyện|phường|thị trấn|tỉnh)(?!\w)"
)
_SPACES = re.compile(r"\s+")
_GROWTH_PLACE = re.compile(GROWTH_PLACE_CUE)
_CHANGE = gated(re.compile(CHANGE_BEFORE_FIGURE))
_MONTH_PERIOD = re.compile(MONTH_PERIOD_PHRASES)
_RUNNING_TOTAL = re.compile(RUNNING_TOTAL_AFTER_FIGURE)
_OWN_SPAN = re.compile(OWN_SPAN_BEFORE_RUNNING_TOTAL)
_CHANGE_ID = gated(re.compile(rf"(?<!\w)(?:{'|'.join(CHANGE_ID_WORDS)})(?!\w)"))
_INTENSIFIED = re.compile(rf" tăng (?:{'|'.join(sorted(GROWTH_INTENSIFIERS, key=len, reverse=True))})$")
_RATE_HEAD = re.compile(r"^(?:tỷ|tỉ) lệ ")
_SHARE_VERB = re.compile(SECTOR_SHARE_VERB)
_DISBURSED = re.compile(DISBURSED_VALUE_NAME)
_PUBLIC_INVESTMENT = re.compile(PUBLIC_INVESTMENT_CUE)
_PLACE_RUN = re.compile(PLACE_NAME_RUN)
_PLACE_BEFORE = re.compile("".join(rf"(?:(?:{'|'.join(words)}) )?" for words in PLACE_NAME_LEADS) + "\x00")
_GROWN = re.compile(
    r" (?:dự ước |ước tính |ước )?(?:đạt )?(?:mức )?tăng trưởng"
    rf"(?: (?:{'|'.join(sorted(GROWTH_INTENSIFIERS, key=len, reverse=True))}))?$"
)
_LOOSE = re.compile(r"(?<=^tỷ lệ) số(?= )|(?<=^tỉ lệ) số(?= )|(?<= )được(?= )")
_UNCATALOGUED = re.compile(rf"(?<!\w)(?:{'|'.join(UNCATALOGUED_NAME_PATTERNS)})(?!\w)")
_WORD = re.compile(r"[^\W\d_]+")
_MEASURE_HEAD = re.compile(rf"^(?:{'|'.join(sorted(MEASURE_WORDS, key=len, reverse=True))}) ")
_DISTINCT_MEASURE = re.compile(rf"(?<!\w)(?:{'|'.join(DISTINCT_MEASURES)})(?!\w)")
_NTM_STATUS = re.compile(NTM_STATUS_WORDS)


def _refinements_by_unit() -> dict[str, tuple[tuple[re.Pattern[str], str], ...]]:
    """`NAME_ID_REFINEMENTS` per base unit, in their order: a figure tries only its own unit's."""
    out: dict[str, list[tuple[re.Pattern[str], str]]] = {}
    for pattern, unit, indicator_id in NAME_ID_REFINEMENTS:
        out.setdefault(unit, []).append((re.compile(pattern), indicator_id))
    return {unit: tuple(rules) for unit, rules in out.items()}


def _context_rules_by_id() -> dict[str, tuple[tuple[str, re.Pattern[str], str | None], ...]]:
    """`CONTEXT_ID_RULES` per indicator id, in their order: a figure tries only its own id's."""
    out: dict[str, list[tuple[str, re.Pattern[str], str | None]]] = {}
    for indicator_id, side, pattern, to in CONTEXT_ID_RULES:
        out.setdefault(indicator_id, []).append((side, re.compile(pattern), to))
    return {indicator_id: tuple(rules) for indicator_id, rules in out.items()}


_REFINEMENTS = _refinements_by_unit()
_CONTEXT_RULES = _context_rules_by_id()
_CLAUSE_END = re.compile(r"[.;:!?\n]")
_SENTENCE_END = re.compile(r"(?<!\d)\.(?!\d)|[!?\n]")  # `456,528 tỷ` and `1.000` hold no sentence end
_SEASONS = tuple(
    (re.compile(rf"(?<!\w)(?:{pattern})(?!\w)"), season) for pattern, season in CROP_SEASON_PATTERNS
)
_NO_SEASON = "-"  # a name that says no season (None is a season no id measures)
_SECTOR_PARTS = tuple(
    (key, re.compile(rf"(?<!\w)(?:{pattern})(?!\w)")) for key, pattern in SECTOR_PART_WORDS.items()
)
_NUMBERED_SECTOR = re.compile(
    rf"(?<!\w)khu vực ({'|'.join(sorted(NUMBERED_ECONOMIC_SECTORS, key=len, reverse=True))})(?!\w)"
)
_SECTOR_FILLERS = frozenset(
    {"khu", "vực", "ngành", "giá", "trị", "sản", "xuất", "kinh", "tế", "và", "khác", "nghiệp"}
    | {"lượng", "doanh"}  # `giá trị sản lượng nông nghiệp`, `kinh doanh dịch vụ`
    | {"tổng", "phẩm", "trên", "địa", "bàn"}  # `tổng sản phẩm trên địa bàn khu vực dịch vụ`: GRDP's sector
    | {"các"}  # `giá trị các ngành dịch vụ`, `các ngành dịch vụ tăng 21%` (ids11)
)


@lru_cache(maxsize=1 << 14)
def resolve(name: str, base_unit: str) -> CatalogueEntry | None:
    """The catalogue entry the written `name` of a figure in `base_unit` stands for, or None."""
    return _resolve(normalize_name(name), base_unit)


@lru_cache(maxsize=1 << 14)
def _resolve(name: str, base_unit: str) -> CatalogueEntry | None:
    if not name:
        return None
    bare = _TRAILING.sub("", name) or name
    bare = _INTENSIFIED.sub(" tăng", bare)  # `… tăng mạnh`: a rise all the same (ids12)
    if bare.endswith(" tăng") and _GROWTH.match(bare):
        bare = bare[: -len(" tăng")]  # `tốc độ tăng kim ngạch xuất khẩu tăng (so với cùng kỳ)`
    plain = _SPACES.sub(" ", _INNER.sub(" ", bare)).strip() or bare
    # "thu nhập bình quân toàn huyện": the place words out, the qualifiers kept (names7)
    inner = _SPACES.sub(" ", _INNER.sub(" ", name)).strip() or name
    # "tỷ lệ số hộ dân được sử dụng điện sinh hoạt": a rate of households, written with `số` and a passive
    # `được` its catalogue name leaves out (names7)
    loose = _SPACES.sub(" ", _LOOSE.sub(" ", inner)).strip() or inner
    # a count's catalogue synonyms are written without its measure word `số` (names7)
    counted = inner.removeprefix("số ") if base_unit == "count" else inner
    # `số xã hoàn thành nông thôn mới`, `số đơn vị cấp huyện đạt chuẩn xây dựng ntm`: the status as the
    # catalogue writes it, `đạt chuẩn nông thôn mới` (ids22)
    status = (
        _NTM_STATUS.sub("đạt chuẩn nông thôn mới", counted)
        if "nông thôn mới" in name or "ntm" in name
        else counted
    )
    for candidate in dict.fromkeys((name, inner, bare, plain, loose, counted, status)):
        entry = lookup_name(candidate, base_unit)
        if entry is not None and compatible(entry.base_unit, base_unit):
            return entry
    if base_unit == "%":
        # "tỷ lệ thực hiện kế hoạch thu ngân sách trên địa bàn": the attainment of the whole subject (the
        # state budget's) before that of the subject less its place words (names7)
        derived = (_derived(name) if name != plain and _ATTAINMENT.match(name) else None) or _derived(plain)
        if derived is not None:
            return derived
        if not _GROWTH.match(bare):
            # `grdp tăng trưởng`, `tổng sản phẩm trên địa bàn ước đạt mức tăng trưởng`: the level written,
            # then its growth, as `… tăng` below (ids19)
            bare = _GROWN.sub(" tăng", bare)
        if bare.endswith(" tăng") and not _GROWTH.match(bare):
            # `tổng diện tích gieo trồng tăng (so với cùng kỳ)`: a level written, then its rise in %; the
            # level's own id first (`giá trị sản lượng công nghiệp, tiểu thủ công nghiệp` is handicraft's)
            if _RATE_HEAD.match(bare) and _sector(_RATE_HEAD.sub("", bare[: -len(" tăng")])) is not None:
                # `tỷ lệ khu vực công nghiệp - xây dựng tăng`: a sector's growth named as a rate (ids12)
                bare = _RATE_HEAD.sub("", bare)
            level = _subject(bare[: -len(" tăng")])
            growth = GROWTH_IDS.get(level.indicator_id, f"{level.indicator_id}_growth_rate") if level else ""
            derived = catalogue_by_id().get(growth) or _derived(f"tốc độ tăng {bare[: -len(' tăng')]}")
            if derived is not None:
                return derived
        placed = _GROWTH_PLACE.search(bare)
        if placed is not None and _GROWTH.match(bare[: placed.start()].rstrip()):
            derived = _derived(bare[: placed.start()].rstrip())  # `tăng trưởng grdp của tỉnh x` (ids13)
            if derived is not None:
                return derived
        if placed is not None and bare.endswith(" tăng") and bare[: placed.start()].strip():
            # `tổng sản phẩm trên địa bàn tỉnh quảng bình tăng`: the place and its name say where, the level
            # before them what rose (ids19)
            derived = _resolve(f"{bare[: placed.start()].rstrip()} tăng", base_unit)
            if derived is not None:
                return derived
    if base_unit == "other":
        contribution = _contribution(plain)
        if contribution is not None:
            return contribution
    if base_unit == "VND":
        value = _sector_value(plain)
        if value is not None:
            return value
    found = _inside(plain, base_unit)
    if found is None:
        found = _unordered(plain, base_unit)
    if found is None and _PERIOD.search(name):
        # `chỉ số sản xuất công nghiệp tháng 9 tăng so với cùng kỳ`: when is not part of the id (ids18)
        timeless = _SPACES.sub(" ", _PERIOD.sub(" ", name)).strip()
        if timeless and timeless != name:
            return _resolve(timeless, base_unit)
    return found


def _contribution(name: str) -> CatalogueEntry | None:
    """`đóng góp của ngành dịch vụ vào tăng trưởng`, `đóng góp của nông, lâm nghiệp và thủy sản vào tăng
    trưởng`: a sector's contribution to growth in points, however its sector is written, when its words
    say the whole sector (`SECTOR_CONTRIBUTION_IDS`: industry alone is a part) (ids19)."""
    m = _CONTRIBUTION.match(name)
    sector = _sector(m.group("rest")) if m is not None else None
    if m is None or sector is None:
        return None
    indicator_id, parts = SECTOR_CONTRIBUTION_IDS[sector]
    said = {key for key, pattern in _SECTOR_PARTS if pattern.search(m.group("rest"))}
    return catalogue_by_id().get(indicator_id) if said.issuperset(parts) else None


def _sector_value(name: str) -> CatalogueEntry | None:
    """`tổng giá trị sản xuất công nghiệp-xây dựng`, `giá trị tiểu thủ công nghiệp và xây dựng`: a
    value measure followed by one sector of the economy is that sector's value (names7); a money figure
    named by one sector alone (`ngành dịch vụ thương mại 253,41 tỷ đồng` in a list of production values)
    is that sector's value too (ids11)."""
    for prefixes, values in SECTOR_VALUES_OF_TOTAL.values():
        for prefix in prefixes:
            if name.startswith(prefix + " "):
                sector = _sector(name[len(prefix) + 1 :])
                value = catalogue_by_id().get(values[sector]) if sector is not None else None
                return _sector_part(value, name) if value is not None else None
        sector = _sector(name) if _only_sector_words(name) else None
        if sector is not None:
            value = catalogue_by_id().get(values[sector])
            return _sector_part(value, name) if value is not None else None
    return None


_SECTOR_NAME_WORDS = frozenset().union(*ECONOMIC_SECTOR_GROUPS.values()) | {
    "ngành",
    "các",
    "và",
    "sản",
    "nghiệp",
}


def _only_sector_words(name: str) -> bool:
    """Whether a name says sectors and nothing else: no measure (`tổng sản phẩm …` is GRDP's) and no
    `khu vực` (a GRDP breakdown's word: its value added is no production value)."""
    return set(_WORD.findall(name)) <= _SECTOR_NAME_WORDS


@lru_cache(maxsize=1 << 14)
def season_of(name: str) -> str | None:
    """The one crop season the words say (`diện tích lúa vụ xuân` -> `winter_spring`), `"-"` when they
    say none, None when they say a season no id measures or two seasons (`vụ xuân và vụ hè thu`)."""
    folded = normalize_name(name)
    found = {season for pattern, season in _SEASONS if pattern.search(folded)}
    if not found:
        return _NO_SEASON
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1 << 10)
def _seasonal_ids() -> dict[str, tuple[str, str]]:
    """Seasonal id -> (its whole-year id, its season)."""
    by_id = catalogue_by_id()
    seasons = {season for _, season in CROP_SEASON_PATTERNS if season is not None}
    out = {}
    for base in SEASONAL_BASE_IDS:
        for season in seasons:
            indicator_id = SEASON_ID_EXCEPTIONS.get((base, season), f"{base}_{season}")
            if indicator_id in by_id:
                out[indicator_id] = (base, season)
    return out


def _is_total(entry: CatalogueEntry) -> bool:
    """Whether the id is a total a written name may narrow (`TOTAL_IDS_A_NAME_NARROWS`), of the whole
    year or of one season."""
    seasonal = _seasonal_ids()
    base = seasonal[entry.indicator_id][0] if entry.indicator_id in seasonal else entry.indicator_id
    return base in TOTAL_IDS_A_NAME_NARROWS


def in_season(entry: CatalogueEntry | None, season: str | None) -> CatalogueEntry | None:
    """The id of a figure of one crop season (`season_of`): a whole-year area, output or yield
    becomes that season's (`rice_area` -> `rice_area_summer_autumn`), a seasonal id of another season
    the right season's; an id with no seasonal sibling (`maize_area`) or an unmeasured season, None."""
    if entry is None or season == _NO_SEASON:
        return entry
    seasonal = _seasonal_ids()
    base = seasonal[entry.indicator_id][0] if entry.indicator_id in seasonal else entry.indicator_id
    if season is None or base not in SEASONAL_BASE_IDS:
        return None
    target = SEASON_ID_EXCEPTIONS.get((base, season), f"{base}_{season}")
    return catalogue_by_id().get(target)


def heading_season(headings: list[tuple[int, int]], text: str, pos: int) -> str | None:
    """The crop season of the heading line last before `pos` (`a. Vụ Xuân` -> `winter_spring`), from
    the document's heading spans; `"-"` when there is none or it names no season."""
    i = bisect.bisect_right(headings, (pos, pos)) - 1
    if i < 0:
        return _NO_SEASON
    start, end = headings[i]
    return season_of(text[start:end])


def uncatalogued(name: str, entry: CatalogueEntry | None = None) -> bool:
    """Whether the name says a sub-population, a band or a part no catalogue indicator measures
    exactly (`tỷ lệ hộ nghèo tại 6 xã`, `số xã đạt 14 tiêu chí`), so the mention carries no id. Crop
    seasons are read by `refined` (`in_season`); an `entry` that measures exactly what those words say
    (`IDS_OF_UNCATALOGUED_WORDS`: `thu nhập … khu vực nông thôn`) is catalogued."""
    if entry is not None and entry.indicator_id in IDS_OF_UNCATALOGUED_WORDS:
        return False
    if entry is not None and _says_own_words(entry, name):
        return False
    return _says_uncatalogued(name)


@lru_cache(maxsize=1 << 14)
def _says_own_words(entry: CatalogueEntry, name: str) -> bool:
    """Whether every sub-population or part the name says is said by one of the entry's own catalogue
    names too (`tỷ lệ hộ đồng bào dân tộc thiểu số`, `số thu do huyện quản lý`): the id measures exactly
    those words (ids12)."""
    said = [m.group(0) for m in _UNCATALOGUED.finditer(normalize_name(name))]
    own = [normalize_name(n) for n in entry.names]
    return bool(said) and all(any(words in n for n in own) for words in said)


@lru_cache(maxsize=1 << 14)
def _says_uncatalogued(name: str) -> bool:
    return _UNCATALOGUED.search(normalize_name(name)) is not None


_MEASURE_SYLLABLES = frozenset(w for words in MEASURE_WORDS for w in words.split())
_NOT_SUBJECT = _MEASURE_SYLLABLES | NAME_HARMLESS_WORDS | NAME_FORM_WORDS


def _subject_words(name: str) -> frozenset[str]:
    return frozenset(_WORD.findall(normalize_name(name))) - _NOT_SUBJECT


@lru_cache(maxsize=1 << 14)
def shares_subject(entry: CatalogueEntry, name: str) -> bool:
    """Whether the written name and one of the entry's names share a subject word (`tỷ lệ khu dân cư đạt
    văn hóa` shares none with `tỷ lệ lao động qua đào tạo`): an id whose names say nothing the written
    name says measures something else. Names without subject words of their own, and ids read from a
    name's form (growth, attainment, share), pass."""
    prefixes, suffixes = DERIVED_ID_AFFIXES
    if entry.indicator_id.startswith(prefixes) or entry.indicator_id.endswith(suffixes):
        return True
    written = _measures(name)
    if written and not written & _entry_measures(entry):
        return False  # `giá trị sản phẩm nông nghiệp công nghệ cao` is no area share
    own = _subject_words(name)
    if len(own) < 2:
        return True  # one word of its own may be an abbreviation or a place: too little to judge
    # an entry named by measure words alone (`thu nhập bình quân đầu người`, `dân số`) has no subject
    return any(not (theirs := _subject_words(n)) or own & theirs for n in entry.names)


@lru_cache(maxsize=1 << 14)
def _two_measures(name: str, base_unit: str, indicator_id: str) -> bool:
    """Whether a name joins two catalogue measures under one head (`tỷ lệ học sinh lên lớp và tốt
    nghiệp`: promotion and graduation) and the id is one of them, so one figure stands for both; a name
    the catalogue holds whole (`giá trị sản xuất nông, lâm và thủy sản`) is one measure."""
    left, sep, right = name.partition(" và ")
    if not sep or lookup_name(name, base_unit) is not None:
        return False
    head = _MEASURE_HEAD.match(left)
    first = _resolve(left, base_unit)
    second = _resolve(f"{head.group(0)}{right}" if head else right, base_unit)
    if first is None or second is None or first.indicator_id == second.indicator_id:
        return False
    if {first.indicator_id, second.indicator_id} <= _SECTOR_IDS:
        return False  # `giá trị tiểu thủ công nghiệp và xây dựng`: one sector group (`_sector_part`)
    return indicator_id in (first.indicator_id, second.indicator_id)


_SECTOR_IDS = frozenset(i for ids in SECTOR_GROUP_IDS for i in ids) | frozenset(
    CONSTRUCTION_PART_IDS.values()
)


def _measures(name: str) -> frozenset[str]:
    """The kinds of quantity a name says (`DISTINCT_MEASURES`: area, output, value, yield)."""
    return frozenset(_DISTINCT_MEASURE.findall(normalize_name(name)))


@lru_cache(maxsize=1 << 10)
def _entry_measures(entry: CatalogueEntry) -> frozenset[str]:
    """The kinds of quantity an entry's names say; all of them when they say none (nothing to disagree)."""
    found = frozenset().union(*(_measures(n) for n in entry.names))
    return found or frozenset(DISTINCT_MEASURES)


def refined(
    entry: CatalogueEntry | None, name: str, base_unit: str, value: float, of_total: float | None
) -> CatalogueEntry | None:
    """The id a figure keeps once its written name and its `x/y` form are read: a total whose name
    names one of its parts is that part's (`TOTAL_IDS_A_NAME_NARROWS`), a name of one crop season gets
    that season's id or none (`in_season`), a name that names a more exact indicator gets it, a figure
    of another fixed total than the id's is none, and a count of plan targets written `x/y` counts the
    targets met."""
    folded = normalize_name(name)
    by_id = catalogue_by_id()
    if entry is not None and _is_total(entry):
        own = _resolve(folded, base_unit)  # `diện tích gieo trồng lạc`: one crop's area, not the total
        if own is not None and not _is_total(own):
            entry = own
    if _says_uncatalogued(folded):
        own = _resolve(folded, base_unit)  # `thu nhập bình quân … khu vực nông thôn`: the name's own id
        if own is not None and own.indicator_id in IDS_OF_UNCATALOGUED_WORDS:
            entry = own
    entry = in_season(entry, season_of(folded))
    refinement = _refinement(folded, base_unit)
    if refinement is not None:
        entry = by_id[refinement]
    if entry is None or _two_measures(folded, base_unit, entry.indicator_id):
        return None
    if entry.indicator_id in ID_WHEN_FRACTIONAL and not value.is_integer():
        return by_id.get(ID_WHEN_FRACTIONAL[entry.indicator_id])  # an average of whole counts (ids12)
    summed = ID_OF_A_SUM.get(entry.indicator_id)
    if summed is not None and value > summed[0] and (of_total is None or of_total > summed[0]):
        return by_id.get(summed[1])  # `toàn huyện đạt 134/190 tiêu chí`: summed over communes (ids17)
    totals = ID_FIXED_TOTALS.get(entry.indicator_id)
    if totals is not None and (value > max(totals) or (of_total is not None and of_total not in totals)):
        if of_total is None or value > of_total:
            return None
        other = ID_OF_OTHER_TOTAL.get((entry.indicator_id, int(of_total)))
        return by_id.get(other) if other is not None else None
    if of_total is not None and entry.indicator_id in IDS_OF_ALL_UNITS:
        return None  # `04/09 thôn`: some of the hamlets, not all of them
    if entry.indicator_id in IDS_OF_ALL_UNITS and _REACHED.search(folded):
        return None  # `tổng số xã đạt chuẩn`: the communes that reached it, not all of them (ids18)
    if of_total is not None and entry.indicator_id in ID_WHEN_OF_TOTAL:
        return by_id.get(ID_WHEN_OF_TOTAL[entry.indicator_id])
    return entry


@lru_cache(maxsize=1 << 14)
def _refinement(folded: str, base_unit: str) -> str | None:
    """The more exact id the first `NAME_ID_REFINEMENTS` rule of the unit that matches the folded name
    gives, or None (the same names come back figure after figure: read once)."""
    for pattern, indicator_id in _REFINEMENTS.get(base_unit, ()):
        if pattern.search(folded):
            return indicator_id
    for unit, rules in _REFINEMENTS.items():  # an `other` id's rules also read counts and amounts (ids12)
        if unit != base_unit and compatible(unit, base_unit):
            for pattern, indicator_id in rules:
                if pattern.search(folded):
                    return indicator_id
    return None


def in_context(entry: CatalogueEntry | None, text: str, start: int, end: int) -> CatalogueEntry | None:
    """The id once the clause words right before the number (`kết nạp mới 14 đảng viên`) or after it
    (`… OCOP đạt 4 sao`), or its whole sentence, are read (`CONTEXT_ID_RULES`); a figure without one
    gets the id its counted noun and clause say (`UNNAMED_CONTEXT_IDS`: `Đạt và vượt 18/29 chỉ tiêu`); a
    whole-year crop id, the season its sentence names before it (`in_season`)."""
    if entry is None:
        entry = _unnamed(text, start, end)
        if entry is None:
            return None
    for side, pattern, to in _CONTEXT_RULES.get(entry.indicator_id, ()):
        if pattern.search(_window(side, text, start, end)):
            return catalogue_by_id()[to] if to is not None else None
    if _a_change(entry, text, start, end):
        return None  # `sản lượng lương thực tăng bình quân mỗi năm 2.000 tấn`: a rise's size (ids13)
    if _month_of_paragraph(entry, text, start):
        # `thu ngân sách tháng 9 đạt 3.548 tỷ đồng` (ids15), `Trong tháng 7, … Tổng mức bán lẻ … ước đạt
        # 1.262,7 tỷ đồng` (ids22b): one month's flow
        return None
    if _before_running_total(entry, text, start, end):
        return None  # `thu nội địa là hơn 2.196 tỷ đồng, lũy kế hơn 25.341 tỷ đồng`: the month's own (ids21)
    if entry.indicator_id in SEASONAL_BASE_IDS:
        # `Kết thúc vụ đông xuân 2023-2024, … diện tích lúa đạt 17.331,7 ha`: the one crop season the
        # figure's sentence names before it is the figure's (ids19)
        season = _sentence_season(_SENTENCE_END.split(text[max(0, start - 300) : start].lower())[-1])
        if season is not None:
            return in_season(entry, season)
    return entry


_WHOLE_YEAR = re.compile(r"(?<!\w)cả năm(?!\w)")


def _sentence_season(before: str) -> str | None:
    """The one measured crop season the words of a sentence before a figure name (`Vụ đông xuân 2017-2018:
    … lúa`), None when they name none, two or an unmeasured one, or say the whole year after it
    (`Diện tích lúa vụ xuân 482 ha; diện tích lúa cả năm`)."""
    folded = normalize_name(before)
    found = [(m.end(), season) for pattern, season in _SEASONS for m in pattern.finditer(folded)]
    if len({season for _, season in found}) != 1 or found[0][1] is None:
        return None
    return None if _WHOLE_YEAR.search(folded, max(end for end, _ in found)) else found[0][1]


def _month_of_paragraph(entry: CatalogueEntry, text: str, start: int) -> bool:
    """Whether the last period phrase before a flow's figure (`MONTH_PERIOD_PHRASES`) is a single month,
    written in the figure's own sentence (`tháng 7/2024 ước đạt …, trong đó: thu nội địa đạt …`) or in its
    paragraph's first sentence (`Trong tháng 7, do … . Tổng mức bán lẻ … ước đạt …`): one month's flow.
    A rate keeps its id, but for an index's rise (`MONTH_INDEX_IDS`: `CPI tháng 9 tăng …`)."""
    if entry.measure != "flow" or (entry.base_unit == "%" and entry.indicator_id not in MONTH_INDEX_IDS):
        return False
    opens = text.rfind("\n", max(0, start - 600), start) + 1
    whole = opens > 0 or start <= 600  # the paragraph's opening is in sight
    paragraph = text[opens if opens > 0 else max(0, start - 600) : start]
    if "háng" not in paragraph and "HÁNG" not in paragraph:  # most figures: no month word before them
        return False
    paragraph = paragraph.lower()
    phrases = [m for m in _MONTH_PERIOD.finditer(paragraph) if m.lastgroup != "skip"]
    if not phrases or phrases[-1].lastgroup != "month":
        return False
    month = phrases[-1]
    in_own_sentence = _SENTENCE_END.search(paragraph, month.end()) is None
    opening = _SENTENCE_END.search(paragraph)
    if entry.base_unit == "%":
        return in_own_sentence  # an index's month is said in its own sentence
    return in_own_sentence or (whole and opening is not None and month.start() < opening.start())


def _before_running_total(entry: CatalogueEntry, text: str, start: int, end: int) -> bool:
    """Whether the figure is a flow's own month beside the running total written right after it
    (`RUNNING_TOTAL_AFTER_FIGURE`), its sentence naming no span of its own before it
    (`OWN_SPAN_BEFORE_RUNNING_TOTAL`: `quý III đạt …, lũy kế 9 tháng …` keeps the quarter's id)."""
    if entry.measure != "flow" or entry.base_unit == "%":
        return False
    if _RUNNING_TOTAL.search(text[end : end + 20]) is None:
        return False
    before = _SENTENCE_END.split(text[max(0, start - 300) : start].lower())[-1]
    return _OWN_SPAN.search(before) is None


def _a_change(entry: CatalogueEntry, text: str, start: int, end: int) -> bool:
    """Whether the figure is the size of a rise or fall (`CHANGE_BEFORE_FIGURE` right before it) and the
    id a level: an `x/y` figure (`đạt thêm 07/19 tiêu chí`) is a level of its total, a `%` a rate."""
    if entry.base_unit == "%" or "/" in text[start:end] or _is_change_id(entry):
        return False
    return _CHANGE.search(_window("before", text, start, end)) is not None


@lru_cache(maxsize=1 << 10)
def _is_change_id(entry: CatalogueEntry) -> bool:
    """Whether the id measures a change or the newcomers of a period itself (its own names say so)."""
    return any(_CHANGE_ID.search(normalize_name(n).replace("nông thôn mới", "")) for n in entry.names)


def sector_share(name: str, text: str, start: int) -> CatalogueEntry | None:
    """The economy-share id of a percentage named by sectors alone (`tỷ lệ ngành nông, lâm nghiệp và
    thủy sản`: the rate word a name gives a bare `%`) whose clause says the sector takes it up
    (`SECTOR_SHARE_VERB`: `Ngành nông, lâm nghiệp và thuỷ sản chiếm 17,36%`): its share of the economy,
    as `tỷ trọng …` is (ids23)."""
    folded = normalize_name(name)
    if _RATE_HEAD.match(folded) is None:
        return None
    rest = _RATE_HEAD.sub("", folded)
    if not _only_sector_words(rest) or _SHARE_VERB.search(_window("before", text, start, start)) is None:
        return None
    entry = _resolve(f"tỷ trọng {rest}", "%")
    return entry if entry is not None and entry.indicator_id.startswith("economy_share") else None


def disbursed_investment(name: str, text: str, start: int) -> CatalogueEntry | None:
    """`public_investment` for a money figure named only as the value disbursed (`DISBURSED_VALUE_NAME`:
    `giá trị giải ngân đến hết tháng 1/2024`) whose paragraph names public investment capital before it
    (`PUBLIC_INVESTMENT_CUE`), else None (ids23)."""
    if _DISBURSED.match(normalize_name(name)) is None:
        return None
    paragraph = text[text.rfind("\n", max(0, start - 600), start) + 1 : start].lower()
    return catalogue_by_id()["public_investment"] if _PUBLIC_INVESTMENT.search(paragraph) else None


def without_place_names(name: str, text: str, start: int) -> str | None:
    """The name less the proper names of places the text around the figure writes in title case
    (`PLACE_NAME_RUN`: `GRDP Bạc Liêu`, `12 xã của Châu Thành`) and the place word before them, None when
    the name holds none (ids23)."""
    folded = name.lower()
    if " " not in folded:
        return None  # a run is two words or more
    runs = set()
    for m in _PLACE_RUN.finditer(text, max(0, start - 300), start + 200):
        run = m.group(0).lower()
        if run in folded and not any(w in run for w in NOT_PLACE_NAMES):
            runs.add(run)
    if not runs:
        return None
    for run in runs:
        folded = folded.replace(run, "\x00")
    return _SPACES.sub(" ", _PLACE_BEFORE.sub(" ", folded)).strip()


def _window(side: str, text: str, start: int, end: int) -> str:
    """The words a context rule reads: the clause before the figure, the clause after it, or the whole
    sentence with `\x00` for the figure."""
    if side == "before":
        return _CLAUSE_END.split(text[max(0, start - 40) : start].lower())[-1]
    if side == "sentence":  # the whole sentence, across the `;` of a list
        before = _SENTENCE_END.split(text[max(0, start - 300) : start].lower())[-1]
        after = _SENTENCE_END.split(text[start : end + 300].lower())[0][end - start :]
        return f"{before}\x00{after}"
    return _CLAUSE_END.split(text[end : end + 60].lower())[0]


_UNNAMED = tuple(
    (noun, side, re.compile(pattern), indicator_id)
    for noun, side, pattern, indicator_id in UNNAMED_CONTEXT_IDS
)


def _unnamed(text: str, start: int, end: int) -> CatalogueEntry | None:
    """The id of a figure no name gave one, from its counted noun and its clause (`UNNAMED_CONTEXT_IDS`)."""
    figure = text[start:end].lower()
    for noun, side, pattern, indicator_id in _UNNAMED:
        if figure.endswith(noun) and pattern.search(_window(side, text, start, end)):
            return catalogue_by_id()[indicator_id]
    return None


def document_ids(found: list[Mention], text: str) -> list[Mention]:
    """The ids once the document's other figures are read: its breakdowns, then its restatements."""
    return restated_ids(totals_over_their_part(found, text))


_PART_CUE = re.compile(r"^[^.;!?\n]*?(?<!\w)trong đó(?!\w)[^.;!?\n]*$")


def totals_over_their_part(found: list[Mention], text: str) -> list[Mention]:
    """A total whose own breakdown part carries the total's id (`TOTAL_OF_ITS_PART`: `Tổng thu ngân sách
    Nhà nước … 56,6 tỷ đồng, trong đó, thu ngân sách Nhà nước trên địa bàn hơn 9,8 tỷ đồng`) is the wider
    measure: the document's breakdown wins over its words. The part is linked to its total (`part_of`)
    or is the next figure of the sentence, after `trong đó`."""
    wider: dict[int, str] = {}
    for n, m in enumerate(found):
        if m.indicator_id not in TOTAL_OF_ITS_PART:
            continue
        if m.part_of is not None and found[m.part_of].indicator_id == m.indicator_id:
            wider[m.part_of] = TOTAL_OF_ITS_PART[m.indicator_id]
        before = found[n - 1] if n > 0 else None
        if (
            before is not None
            and before.indicator_id == m.indicator_id
            and before.end <= m.start
            and _PART_CUE.match(text[before.end : m.start])
        ):
            wider[n - 1] = TOTAL_OF_ITS_PART[m.indicator_id]
    if not wider:
        return found
    return [dataclasses.replace(m, indicator_id=wider[n]) if n in wider else m for n, m in enumerate(found)]


def restated_ids(found: list[Mention]) -> list[Mention]:
    """One figure, one id: a figure a generic name gave a generic id (`RESTATED_IDS`), which the document
    states again (same value, unit, period and kind) under a name of a more exact id, takes that id."""
    exact: dict[tuple[float, str, str, str], str] = {}
    generic = False
    for m in found:
        if m.indicator_id in RESTATED_IDS:
            generic = True
        elif m.indicator_id is not None:
            exact.setdefault((m.base_value, m.base_unit, m.period, m.kind), m.indicator_id)
    if not generic:
        return found
    out = []
    for m in found:
        other = exact.get((m.base_value, m.base_unit, m.period, m.kind))
        if m.indicator_id in RESTATED_IDS and other in RESTATED_IDS[m.indicator_id]:
            m = dataclasses.replace(m, indicator_id=other)
        out.append(m)
    return out


def narrowed(entry: CatalogueEntry, name: str) -> CatalogueEntry | None:
    """The entry a written name really measures when the hit was a total's measure words followed by a
    sector (`giá trị sản phẩm thương mại - dịch vụ`): the sector's value, or None for two sectors."""
    total = SECTOR_VALUES_OF_TOTAL.get(entry.indicator_id)
    folded = normalize_name(name)
    if total is None:
        return _sector_part(entry, folded)
    prefixes, values = total
    for prefix in prefixes:
        if folded.startswith(prefix + " "):
            rest = folded[len(prefix) + 1 :]
            break
    else:
        return entry
    bag = set(_WORD.findall(_TRAILING.sub("", rest)))
    groups = {group for group, sector_words in ECONOMIC_SECTOR_GROUPS.items() if bag & sector_words}
    if not groups:
        return entry  # "giá trị sản xuất các ngành", "… trên địa bàn": the total
    sector = catalogue_by_id().get(values[groups.pop()]) if len(groups) == 1 else None
    return _sector_part(sector, folded) if sector is not None else None


@lru_cache(maxsize=1 << 12)
def _sector_part(entry: CatalogueEntry, folded: str) -> CatalogueEntry | None:
    """The id of the part of a sector group the name's sector words say (`SECTOR_PART_WORDS`): `xây
    dựng tăng 7%` alone is construction's own id (ids12), `lâm nghiệp tăng 18,8%` alone a part (None),
    `công nghiệp - tiểu thủ công nghiệp` without construction is handicraft's, `tiểu thủ công nghiệp … và
    xây dựng` industry's."""
    for industry, handicraft, agriculture in SECTOR_GROUP_IDS:
        if entry.indicator_id not in (industry, handicraft, agriculture):
            continue
        found = {key for key, pattern in _SECTOR_PARTS if pattern.search(folded)}
        if entry.indicator_id == agriculture:
            parts = found & {"forestry", "fishery"}
            return None if len(parts) == 1 and "agriculture" not in found else entry
        if "construction" in found:
            if not found & {"industry", "handicraft"}:
                # `xây dựng tăng 7,0%`: construction's own id (ids12)
                alone = CONSTRUCTION_PART_IDS.get(industry)
                return catalogue_by_id().get(alone) if alone is not None else None
            return catalogue_by_id().get(industry)
        if "handicraft" in found:
            return catalogue_by_id().get(handicraft)
    return entry


def _derived(name: str) -> CatalogueEntry | None:
    """Growth rates, shares of the economy and attainments of plan of catalogue indicators."""
    by_id = catalogue_by_id()
    m = _GROWTH.match(name)
    if m is not None:
        sector = _sector(m.group("rest"))
        if sector is not None:
            return by_id.get(SECTOR_GROWTH_IDS[sector])  # "tốc độ tăng khu vực dịch vụ"
        subject = _subject(m.group("rest"))
        if subject is not None:
            growth = GROWTH_IDS.get(subject.indicator_id, subject.indicator_id + "_growth_rate")
            return by_id.get(growth)
        return None
    m = _ATTAINMENT.match(name)
    if m is not None:
        rate = lookup_name(m.group("rest"), "%")
        if rate is not None and rate.indicator_id in RATES_AGAINST_PLAN:
            return rate  # `tỷ lệ thực hiện kế hoạch tỷ lệ giải ngân vốn đầu tư công`: the rate itself
        subject = _subject(m.group("rest"))
        return by_id.get(subject.indicator_id + "_plan_attainment") if subject is not None else None
    m = _SHARE.match(name)
    if m is not None:
        sector = _sector(m.group("rest"))
        return by_id.get(sector) if sector is not None else None
    return None


_ECONOMIC_SECTOR_WORDS = frozenset().union(*ECONOMIC_SECTOR_GROUPS.values())


def _sector(words: str) -> str | None:
    """The one sector of the economy the words name (`khu vực dịch vụ - thương mại`), or None."""
    # `khu vực ii`: the numbered sector's own words (ids21)
    words = _NUMBERED_SECTOR.sub(lambda m: NUMBERED_ECONOMIC_SECTORS[m.group(1)], words)
    bag = set(_WORD.findall(_TRAILING.sub("", words))) - _SECTOR_FILLERS
    groups = {group for group, sector_words in ECONOMIC_SECTOR_GROUPS.items() if bag & sector_words}
    leftover = bag - _ECONOMIC_SECTOR_WORDS
    return groups.pop() if len(groups) == 1 and not leftover else None


def _subject(words: str) -> CatalogueEntry | None:
    """The indicator a growth rate or an attainment is of (any unit but `%`): the whole words first
    (`thu ngân sách trên địa bàn` is the state budget's, not `thu ngân sách`) (names7), then without the
    trailing qualifiers."""
    bare = _TRAILING.sub("", words) or words
    for candidate in dict.fromkeys((words, bare)):
        for unit in ("VND", "VND/person/year", "count", "t", "ha", "other", "km", "kg/person/year", "t/ha"):
            entry = lookup_name(candidate, unit)
            if entry is not None and entry.base_unit != "%":
                return entry
    return _inside(bare, None)


def _measure_and_subject(name: str) -> tuple[str, str, tuple[str, ...]] | None:
    """A name's measure word (`MEASURE_WORDS`, the longest it opens with; `SAME_MEASURE_WORDS` read as
    one), its head noun (the first word after it: what is counted or measured) and its other words
    less `UNORDERED_FILLERS`, sorted (each as often as written); None for a name without a measure word
    or a subject."""
    head = _MEASURE_HEAD.match(name)
    if head is None:
        return None
    words = _WORD.findall(name[head.end() :])
    if not words:
        return None
    measure = head.group(0).strip()
    return (
        SAME_MEASURE_WORDS.get(measure, measure),
        words[0],
        tuple(sorted(w for w in words[1:] if w not in UNORDERED_FILLERS)),
    )


@lru_cache(maxsize=1)
def _unordered_index() -> dict[tuple[str, str, tuple[str, ...]], tuple[CatalogueEntry, ...]]:
    """Catalogue names keyed by `_measure_and_subject`."""
    out: dict[tuple[str, str, tuple[str, ...]], list[CatalogueEntry]] = {}
    for entry in catalogue_by_id().values():
        for n in entry.names:
            key = _measure_and_subject(normalize_name(n))
            if key is not None and entry not in out.setdefault(key, []):
                out[key].append(entry)
    return {key: tuple(entries) for key, entries in out.items()}


def _unordered(name: str, base_unit: str) -> CatalogueEntry | None:
    """The one entry of the unit with a name of the same measure word, the same head noun and the same
    other words in another order or with fillers between them (`diện tích chè trồng mới` is `diện tích
    trồng mới chè`, `tỷ lệ hộ dân được sử dụng nước sạch` is `tỷ lệ hộ dân sử dụng nước sạch`) (ids24)."""
    key = _measure_and_subject(name)
    if key is None or len(key[2]) < 2:
        return None  # `số xã`, `số chỉ tiêu`: too few words to read in another order
    fits = {e for e in _unordered_index().get(key, ()) if compatible(e.base_unit, base_unit)}
    return fits.pop() if len(fits) == 1 else None


def _inside(name: str, base_unit: str | None) -> CatalogueEntry | None:
    """The longest catalogue name inside `name` whose left-over words are harmless."""
    index = NameIndex(name)
    best: CatalogueEntry | None = None
    best_len = 0
    for hit in index.hits:
        entries = [
            e
            for e in hit.entries
            if (e.base_unit != "%" if base_unit is None else compatible(e.base_unit, base_unit))
        ]
        if not entries or hit.n_syllables <= best_len:
            continue
        leftover = _WORD.findall(name[: hit.start] + " " + name[hit.end :])
        if all(w in NAME_HARMLESS_WORDS for w in leftover):
            best, best_len = entries[0], hit.n_syllables
    return best


__all__ = [
    "disbursed_investment",
    "document_ids",
    "heading_season",
    "in_context",
    "in_season",
    "narrowed",
    "refined",
    "resolve",
    "restated_ids",
    "season_of",
    "sector_share",
    "shares_subject",
    "uncatalogued",
    "without_place_names",
]
