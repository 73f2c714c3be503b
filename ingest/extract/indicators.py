"""Find catalogue indicator names in text (syllable trie over names, synonyms and abbreviations)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from itertools import compress, pairwise

from ingest.extract.catalogue import CatalogueEntry, load_catalogue, normalize_name
from ingest.extract.vocab import ABBREVIATIONS, LEVEL_WORDS_AFTER_VERB, NAME_END_VERBS, NAME_FILLERS

_SYLLABLE = re.compile(r"[^\W_]+")
_SYLLABLE_SPLIT = re.compile(r"([^\W_]+)")
_END = "\x00"  # trie key holding the entries of a complete name
_GAP_STOP = re.compile(r"[.;:\n!?]")


@dataclass(frozen=True)
class NameHit:
    """A catalogue name found in the text."""

    start: int
    end: int
    entries: tuple[CatalogueEntry, ...]
    n_syllables: int


@cache
def _abbreviations() -> tuple[tuple[str, str], ...]:
    """(` expansion `, ` abbreviation `) pairs, normalised once."""
    return tuple(
        (f" {normalize_name(exp)} ", f" {normalize_name(abbr)} ") for abbr, exp in ABBREVIATIONS.items()
    )


def _variants(name: str) -> set[str]:
    """The name plus its abbreviated spellings (`thu ngân sách nhà nước` -> `thu nsnn`)."""
    out = {name}
    for exp, abbr in _abbreviations():
        for variant in list(out):
            padded = f" {variant} "
            if exp in padded:
                out.add(padded.replace(exp, abbr).strip())
    return out


@cache
def _trie() -> dict:
    root: dict = {}
    # a broken catalogue raises: extraction without it would look healthy and name nothing
    for entry in load_catalogue():
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


# syllable -> `root.get(syllable) or root.get(_fold(syllable))`, the trie node of the names starting with
# it or False (not None: `dict.get` gives None for a syllable not memoised yet), memoised: most syllables
# are looked up often
_FIRST: dict[str, dict | bool] = {}
# syllable -> `_fold(syllable)` when that differs from it, else None, filled and cleared with _FIRST: a
# step of a walk tries the folded spelling only when there is one (almost no syllable of a text has one)
_FOLDED: dict[str, str | None] = {}
_FIRST_OWNER: list[dict] = []  # the trie the memo was built on
_FIRST_LIMIT = 200_000  # numbers are syllables too: keep the memo bounded over a long build


class NameIndex:
    """All catalogue names in the given ranges of one text (the sentences that carry numbers)."""

    def __init__(self, text_l: str, ranges: list[tuple[int, int]] | None = None) -> None:
        root = _trie()
        if not _FIRST_OWNER or _FIRST_OWNER[0] is not root:
            _FIRST.clear()
            _FOLDED.clear()
            _FIRST_OWNER[:] = [root]
        hits: list[NameHit] = []
        first, folded = _FIRST, _FOLDED
        for lo, hi in ranges if ranges is not None else [(0, len(text_l))]:
            # separators and syllables alternate: [sep, word, sep, word, …, sep]; all in C, no match objects
            parts = _SYLLABLE_SPLIT.split(text_l[lo:hi])
            words = parts[1::2]
            n = len(words)
            # the syllables before syllable i span text_l[lo : at_offset] once at_part reaches 2i + 1: the
            # offsets of the hits' syllables are summed up as the walks go on, not for every syllable
            at_part, at_offset = 0, lo
            nodes = list(map(first.get, words))
            if None in nodes:  # a syllable not memoised yet
                missing = set(words).difference(first)
                if len(first) + len(missing) >= _FIRST_LIMIT:
                    first.clear()
                    folded.clear()
                    missing = set(words)
                for word in missing:
                    fold = _fold(word)
                    first[word] = root.get(word) or root.get(fold) or False
                    folded[word] = fold if fold != word else None
                nodes = list(map(first.__getitem__, words))
            for i in compress(range(n), nodes):  # only where a name starts (a node is a non-empty dict)
                node: dict = nodes[i]  # type: ignore[assignment]  # compress keeps the non-empty ones
                best: tuple[int, list[CatalogueEntry]] | None = None
                before_comma: tuple[int, list[CatalogueEntry]] | None = None
                j = i
                while True:
                    if _END in node and not (
                        best is not None
                        and words[j] in NAME_END_VERBS
                        and j + 1 < n
                        and words[j + 1] in LEVEL_WORDS_AFTER_VERB
                    ):
                        best = (j, node[_END])
                    j += 1
                    if j >= n:
                        break
                    syl = words[j]
                    nxt = node.get(syl)
                    if nxt is None and (alt := folded[syl]) is not None:
                        nxt = node.get(alt)
                    if nxt is None and syl in NAME_FILLERS and j + 1 < n:
                        # "giá trị sản xuất ngành tiểu thủ công nghiệp": a filler word inside a name
                        nxt = node.get(words[j + 1]) or node.get(_fold(words[j + 1]))
                        if nxt is not None:
                            j += 1
                    if nxt is None:
                        break
                    # names do not run across sentence punctuation or line breaks
                    gap = parts[2 * j]  # between syllables j - 1 and j
                    if gap != " " and (len(gap) > 3 or _GAP_STOP.search(gap)):  # one space: the usual gap
                        break
                    if "," in gap and before_comma is None:
                        before_comma = (
                            best  # "14 đơn thư, đã giải quyết": also offer the name before the comma
                        )
                    node = nxt
                if best is None:
                    continue  # (most walks: a name's first syllable and no name)
                at_offset += sum(map(len, parts[at_part : 2 * i + 1]))  # (walks start in order)
                at_part = 2 * i + 1
                start = at_offset
                if before_comma is not None and before_comma[0] != best[0]:
                    last, entries = before_comma
                    end = start + sum(map(len, parts[2 * i + 1 : 2 * last + 2]))
                    hits.append(NameHit(start, end, tuple(entries), last - i + 1))
                last, entries = best
                end = start + sum(map(len, parts[2 * i + 1 : 2 * last + 2]))
                hits.append(NameHit(start, end, tuple(entries), last - i + 1))
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


@cache
def catalogue_bigrams() -> frozenset[tuple[str, str]]:
    """Pairs of syllables next to each other in a catalogue name or synonym (`nâng cao`, `kiểu mẫu`):
    the two-syllable words a cut in a written name should not split (ids24)."""
    out: set[tuple[str, str]] = set()
    for entry in load_catalogue():
        for name in entry.names:
            syllables = _SYLLABLE.findall(normalize_name(name))
            out.update(pairwise(syllables))
    return frozenset(out)


def starts_a_name(word: str) -> bool:
    """Whether some catalogue name starts with this syllable (a cheap filter before a lookup)."""
    root = _trie()
    return word in root or _fold(word) in root


# " ".join(words) -> is_name_prefix(words), memoised like _FIRST: the same few phrases (the words before a
# count and its unit) are asked again and again, and the walk normalises and splits them each time
_PREFIXES: dict[str, bool] = {}
_PREFIXES_OWNER: list[dict] = []  # the trie the memo was built on


def is_name_prefix(words: list[str]) -> bool:
    """Whether some catalogue name (or its abbreviated spelling) starts with these words: a name that
    starts otherwise cannot be found however it goes on, so the lookups of its endings are skipped."""
    root = _trie()
    if not _PREFIXES_OWNER or _PREFIXES_OWNER[0] is not root:
        _PREFIXES.clear()
        _PREFIXES_OWNER[:] = [root]
    phrase = " ".join(words)
    known = _PREFIXES.get(phrase)
    if known is None:
        if len(_PREFIXES) >= _FIRST_LIMIT:
            _PREFIXES.clear()
        known = _PREFIXES[phrase] = _walks(root, phrase)
    return known


def _walks(root: dict, phrase: str) -> bool:
    node: dict | None = root
    for syllable in _SYLLABLE.findall(normalize_name(phrase)):
        node = node.get(syllable) if node is not None else None
        if node is None:
            return False
    return True


def compatible(entry_unit: str, base_unit: str) -> bool:
    """Whether a quantity in `base_unit` can measure an indicator whose base unit is `entry_unit`."""
    if entry_unit == base_unit:
        return True
    return (entry_unit, base_unit) in {
        ("VND/person/year", "VND"),
        ("kg/person/year", "t"),
        ("other", "count"),
        ("other", "VND"),  # `giá trị sản phẩm trên 1 ha … 120 triệu đồng`: per hectare (ids12)
    }


def pick_entry(entries: tuple[CatalogueEntry, ...], base_unit: str | None) -> CatalogueEntry | None:
    """The entry of a shared name that fits the quantity's unit (any one when the unit is unknown)."""
    if base_unit is None:
        return entries[0] if entries else None
    for entry in entries:
        if compatible(entry.base_unit, base_unit):
            return entry
    return None


def longest_named(name: str, base_unit: str) -> CatalogueEntry | None:
    """The catalogue entry of the longest catalogue name in `name` that fits the unit."""
    best = None
    for h in NameIndex(name).hits:
        fits = [e for e in h.entries if compatible(e.base_unit, base_unit)]
        if fits and (best is None or h.end - h.start > best[0]):
            best = (h.end - h.start, fits[0])
    return best[1] if best else None
