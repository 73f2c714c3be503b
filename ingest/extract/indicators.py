"""Find catalogue indicator names in text (syllable trie over names, synonyms and abbreviations)."""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass
from functools import cache

from ingest.extract.catalogue import CatalogueEntry, load_catalogue, normalize_name
from ingest.extract.vocab import ABBREVIATIONS, NAME_FILLERS

log = logging.getLogger(__name__)

_SYLLABLE = re.compile(r"[^\W_]+")
_END = "\x00"
_GAP_STOP = re.compile(r"[.;:\n!?]")
# "tỷ lệ hộ nghèo giảm còn 1,5%" names the rate, not its reduction: a name ending in a verb
# followed by "còn"/"xuống"/"lên" is cut before the verb
_VERBS = frozenset({"giảm", "tăng"})
_LEVEL_AFTER = frozenset({"còn", "xuống", "lên", "từ"})  # trie key holding the entries of a complete name


@dataclass(frozen=True)
class NameHit:
    """A catalogue name found in the text."""

    start: int
    end: int
    entries: tuple[CatalogueEntry, ...]
    n_syllables: int


def _variants(name: str) -> set[str]:
    """The name plus its abbreviated spellings (`thu ngân sách nhà nước` -> `thu nsnn`)."""
    out = {name}
    for abbr, expansion in ABBREVIATIONS.items():
        exp = normalize_name(expansion)
        for variant in list(out):
            if f" {exp} " in f" {variant} ":
                out.add(f" {variant} ".replace(f" {exp} ", f" {normalize_name(abbr)} ").strip())
    return out


@cache
def _trie() -> dict:
    root: dict = {}
    try:
        catalogue = load_catalogue()
    except (OSError, ValueError) as exc:  # a broken catalogue must not stop extraction
        log.error("indicator catalogue unavailable: %s", exc)
        catalogue = []
    for entry in catalogue:
        for name in entry.names:
            for variant in _variants(normalize_name(name)):
                syllables = _SYLLABLE.findall(variant)
                if not syllables:
                    continue
                node = root
                for syl in syllables:
                    node = node.setdefault(syl, {})
                bucket = node.setdefault(_END, [])
                if entry not in bucket:
                    bucket.append(entry)
    return root


@cache
def _fold(syllable: str) -> str:
    return normalize_name(syllable)


class NameIndex:
    """All catalogue names in the given ranges of one text (the sentences that carry numbers)."""

    def __init__(self, text_l: str, ranges: list[tuple[int, int]] | None = None) -> None:
        root = _trie()
        hits: list[NameHit] = []
        for lo, hi in ranges if ranges is not None else [(0, len(text_l))]:
            spans = [(m.start(), m.end(), m.group()) for m in _SYLLABLE.finditer(text_l, lo, hi)]
            n = len(spans)
            for i in range(n):
                node = root.get(spans[i][2]) or root.get(_fold(spans[i][2]))
                if node is None:
                    continue
                best: tuple[int, list[CatalogueEntry]] | None = None
                before_comma: tuple[int, list[CatalogueEntry]] | None = None
                j = i
                while True:
                    if _END in node and not (
                        best is not None
                        and spans[j][2] in _VERBS
                        and j + 1 < n
                        and spans[j + 1][2] in _LEVEL_AFTER
                    ):
                        best = (j, node[_END])
                    j += 1
                    if j >= n:
                        break
                    syl = spans[j][2]
                    nxt = node.get(syl) or node.get(_fold(syl))
                    if nxt is None and syl in NAME_FILLERS and j + 1 < n:
                        # "giá trị sản xuất ngành tiểu thủ công nghiệp": a filler word inside a name
                        nxt = node.get(spans[j + 1][2]) or node.get(_fold(spans[j + 1][2]))
                        if nxt is not None:
                            j += 1
                    if nxt is None:
                        break
                    # names do not run across sentence punctuation or line breaks
                    gap = text_l[spans[j - 1][1] : spans[j][0]]
                    if len(gap) > 3 or _GAP_STOP.search(gap):
                        break
                    if "," in gap and before_comma is None:
                        before_comma = (
                            best  # "14 đơn thư, đã giải quyết": also offer the name before the comma
                        )
                    node = nxt
                if before_comma is not None and best is not None and before_comma[0] != best[0]:
                    last, entries = before_comma
                    hits.append(NameHit(spans[i][0], spans[last][1], tuple(entries), last - i + 1))
                if best is not None:
                    last, entries = best
                    hits.append(NameHit(spans[i][0], spans[last][1], tuple(entries), last - i + 1))
        hits.sort(key=lambda h: h.start)
        self.hits = hits
        self._starts = [h.start for h in hits]

    def between(self, start: int, end: int) -> list[NameHit]:
        """Hits lying entirely inside [start, end)."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.hits) and self.hits[i].start < end:
            if self.hits[i].end <= end:
                out.append(self.hits[i])
            i += 1
        return out


def starts_a_name(word: str) -> bool:
    """Whether some catalogue name starts with this syllable (a cheap filter before a lookup)."""
    root = _trie()
    return word in root or _fold(word) in root


def compatible(entry_unit: str, base_unit: str) -> bool:
    """Whether a quantity in `base_unit` can measure an indicator whose base unit is `entry_unit`."""
    if entry_unit == base_unit:
        return True
    return (entry_unit, base_unit) in {
        ("VND/person/year", "VND"),
        ("kg/person/year", "t"),
        ("other", "count"),
    }


def pick_entry(entries: tuple[CatalogueEntry, ...], base_unit: str | None) -> CatalogueEntry | None:
    """The entry of a shared name that fits the quantity's unit (any one when the unit is unknown)."""
    if base_unit is None:
        return entries[0] if entries else None
    for entry in entries:
        if compatible(entry.base_unit, base_unit):
            return entry
    return None
