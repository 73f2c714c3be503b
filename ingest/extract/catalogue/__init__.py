"""The indicator catalogue: canonical indicators, their Vietnamese names and synonyms, loaded from CSV.

Columns: `indicator_id` (stable snake_case; renamed only with a crosswalk), `name_vi`, `synonyms`
(`|`-separated wordings the extractor recognises), `theme`, `base_unit` (the unit every fact of the
indicator is stored in), `higher_is_better`, `description_en`, `name_en` (a short English label),
`counted_noun` (what a count counts, e.g. `hộ`, `đảng viên`; empty for anything but counts) and
`official_code` (`|`-separated references to the official systems: `NTM n` is criterion n of the
national new-rural-area criteria 2021-2025, Decision 318/QĐ-TTg; `TKX 01`-`TKX 03` the group of the
commune-level statistical indicator system, Decision 54/2016/QĐ-TTg: land and population, economy,
society and environment); `measure`: `stock` for a level at a date (population, Party members,
the poverty rate: the same six months are `2023-H1` or `as-of:2023-06-30`) or `flow` for what
accumulates over a period (output, revenue, new members).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ingest.extract.package_data import package_file
from ingest.extract.triggers import gated
from ingest.records import BASE_UNITS

CATALOGUE_CSV = package_file("ingest.extract.catalogue", "indicators.csv")
COLUMNS = (
    "indicator_id",
    "name_vi",
    "synonyms",
    "theme",
    "base_unit",
    "higher_is_better",
    "description_en",
    "name_en",
    "counted_noun",
    "official_code",
    "measure",
)
MEASURES = ("stock", "flow")
THEMES = ("kinh tế", "văn hóa - xã hội", "quốc phòng - an ninh", "xây dựng Đảng")
_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_CODE_RE = re.compile(r"^(?:NTM [0-9]{1,2}(?:\.[0-9]{1,2})?|TKX 0[1-3])$")

# Old-style tone placement (hoà, thuỷ, khoẻ) -> the new style used in the catalogue (hòa, thủy, khỏe).
_OLD_TONES = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_OLD_TONE_RE = re.compile("|".join(_OLD_TONES))
_PUNCT_RE = re.compile(r"[\"'“”‘’«»()\[\],;:.!?*]+")
# Spellings of one word that reports write both ways (`tỉ lệ`) and slips that are no word at all (a
# dropped dot or hook: `thu nhâp`, `đât`, `sản lương`): folded to the catalogue's spelling.
_SPELLINGS = {
    "tỉ lệ": "tỷ lệ",
    "tỉ trọng": "tỷ trọng",
    "thu nhâp": "thu nhập",
    "đât": "đất",
    "sản lương": "sản lượng",
    "tổng giá sản xuất": "tổng giá trị sản xuất",  # a total of prices is no measure: `trị` dropped
}
# (`sản lương thực` is `sản lượng lương thực` short of a word: left alone)
# opens with a look-behind, so the engine tries it at every position: run behind its trigger gate (its words)
_SPELLING_RE = gated(re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, _SPELLINGS))})(?!\w)(?! thực)"))


class CatalogueError(ValueError):
    """The catalogue CSV is malformed (bad column, duplicate id, unknown theme or base unit)."""


@dataclass(frozen=True)
class CatalogueEntry:
    """One canonical indicator."""

    indicator_id: str
    name_vi: str
    synonyms: tuple[str, ...]
    theme: str
    base_unit: str
    higher_is_better: bool
    description_en: str
    name_en: str = ""
    counted_noun: str = ""
    official_codes: tuple[str, ...] = ()
    measure: str = "flow"

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every synonym."""
        return (self.name_vi, *self.synonyms)

    def __hash__(self) -> int:
        # entries key the resolvers' caches; equal entries share their id, so its (cached) string hash is
        # a valid hash and saves hashing every field, synonyms and description included, on each lookup
        return hash(self.indicator_id)


@lru_cache(maxsize=1 << 16)  # pure; the extractor folds the same phrases again and again
def normalize_name(text: str) -> str:
    """Fold an indicator name for comparison: NFC, lowercase, new-style tones, no punctuation, one space.

    Old-style tone marks are folded only at the end of a syllable (`hoà` -> `hòa`, `thuỷ` -> `thủy`);
    `hoàng` and `quý` keep their form.
    """
    folded = unicodedata.normalize("NFC", text).lower()
    folded = _OLD_TONE_RE.sub(lambda m: _fold_tone(m, folded), folded)
    # punctuation to one space, then every run of whitespace to one (`str.split`'s whitespace is `\s`'s)
    folded = " ".join(_PUNCT_RE.sub(" ", folded).split())
    return _SPELLING_RE.sub(lambda m: _SPELLINGS[m.group(0)], folded)


def fold_tones(text: str) -> str:
    """Lowercase NFC text, old-style tone placement folded (`thuỷ sản` -> `thủy sản`), punctuation kept."""
    folded = unicodedata.normalize("NFC", text).lower()
    return _OLD_TONE_RE.sub(lambda m: _fold_tone(m, folded), folded)


def _fold_tone(match: re.Match[str], text: str) -> str:
    # Only a syllable-final "oà"/"uỷ" is old style; "oàn", "oát" carry the mark on "a" already,
    # and after "q" the "u" is part of the consonant ("quý" is correct in both styles).
    after = text[match.end() : match.end() + 1]
    before = text[match.start() - 1 : match.start()] if match.start() else ""
    if (after and after.isalpha()) or before == "q":
        return match.group(0)
    return _OLD_TONES[match.group(0)]


def _parse_bool(raw: str, line: int) -> bool:
    value = raw.strip().lower()
    if value in ("true", "false"):
        return value == "true"
    raise CatalogueError(f"line {line}: higher_is_better must be true or false, got {raw!r}")


def parse_catalogue(path: Path) -> list[CatalogueEntry]:
    """Read and validate a catalogue CSV; raise CatalogueError naming the line on bad content."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise CatalogueError(f"{path}: columns must be {COLUMNS}, got {reader.fieldnames}")
        entries: list[CatalogueEntry] = []
        seen: set[str] = set()
        for line, row in enumerate(reader, start=2):
            indicator_id = row["indicator_id"].strip()
            if not _ID_RE.match(indicator_id):
                raise CatalogueError(f"line {line}: indicator_id {indicator_id!r} is not snake_case")
            if indicator_id in seen:
                raise CatalogueError(f"line {line}: duplicate indicator_id {indicator_id!r}")
            seen.add(indicator_id)
            if row["theme"] not in THEMES:
                raise CatalogueError(f"line {line}: unknown theme {row['theme']!r}")
            if row["base_unit"] not in BASE_UNITS:
                raise CatalogueError(f"line {line}: unknown base_unit {row['base_unit']!r}")
            name_en = row["name_en"].strip()
            if not name_en:
                raise CatalogueError(f"line {line}: name_en is empty for {indicator_id!r}")
            counted_noun = unicodedata.normalize("NFC", row["counted_noun"].strip())
            if counted_noun and row["base_unit"] != "count":
                raise CatalogueError(f"line {line}: counted_noun {counted_noun!r} on a non-count indicator")
            codes = tuple(c.strip() for c in row["official_code"].split("|") if c.strip())
            for code in codes:
                if not _CODE_RE.match(code):
                    raise CatalogueError(
                        f"line {line}: official_code {code!r} is not `NTM n[.m]` or `TKX 0n`"
                    )
            if row["measure"] not in MEASURES:
                raise CatalogueError(f"line {line}: measure must be stock or flow, got {row['measure']!r}")
            synonyms = tuple(
                unicodedata.normalize("NFC", s.strip()) for s in row["synonyms"].split("|") if s.strip()
            )
            entries.append(
                CatalogueEntry(
                    indicator_id=indicator_id,
                    name_vi=unicodedata.normalize("NFC", row["name_vi"].strip()),
                    synonyms=synonyms,
                    theme=row["theme"],
                    base_unit=row["base_unit"],
                    higher_is_better=_parse_bool(row["higher_is_better"], line),
                    description_en=row["description_en"].strip(),
                    name_en=name_en,
                    counted_noun=counted_noun,
                    official_codes=codes,
                    measure=row["measure"],
                )
            )
    return entries


@cache
def _load() -> tuple[CatalogueEntry, ...]:
    return tuple(parse_catalogue(CATALOGUE_CSV))


def load_catalogue() -> list[CatalogueEntry]:
    """Every catalogue entry, in file order (parsed once per process)."""
    return list(_load())


@cache
def catalogue_by_id() -> dict[str, CatalogueEntry]:
    """Catalogue entries keyed by indicator_id."""
    return {entry.indicator_id: entry for entry in _load()}


@cache
def _names_index() -> dict[str, tuple[CatalogueEntry, ...]]:
    index: dict[str, list[CatalogueEntry]] = {}
    for entry in _load():
        for name in entry.names:
            bucket = index.setdefault(normalize_name(name), [])
            if entry not in bucket:
                bucket.append(entry)
    return {name: tuple(bucket) for name, bucket in index.items()}


def lookup_name(name: str, base_unit: str | None = None) -> CatalogueEntry | None:
    """The entry whose name or synonym equals `name` (normalised); `base_unit` breaks ties.

    A name shared by several entries (`hộ nghèo` is both the poor-household count and the
    poverty rate) resolves only when exactly one of them has `base_unit`.
    """
    return _lookup(name, base_unit)


# The extractor asks for the same few thousand phrases document after document; the catalogue is fixed
# for the life of the process, so the answers are memoised (bounded, for long warehouse builds).
@lru_cache(maxsize=1 << 16)
def _lookup(name: str, base_unit: str | None) -> CatalogueEntry | None:
    candidates = _names_index().get(normalize_name(name), ())
    if base_unit is not None and len(candidates) > 1:
        candidates = tuple(entry for entry in candidates if entry.base_unit == base_unit)
    return candidates[0] if len(candidates) == 1 else None


__all__ = [
    "CATALOGUE_CSV",
    "THEMES",
    "CatalogueEntry",
    "CatalogueError",
    "catalogue_by_id",
    "fold_tones",
    "load_catalogue",
    "lookup_name",
    "normalize_name",
    "parse_catalogue",
]
