"""What every section of mention extraction shares: the document being read and the mention being built.

`Doc` holds one document's text (original and lowercased, same offsets), its reference year, term and
default period, and the per-document indexes (catalogue names, noun phrases after quantities).
`Draft` is a mention under construction. The helpers read the words around a quantity.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ingest.extract.catalogue import CatalogueEntry
from ingest.extract.indicators import NameIndex
from ingest.extract.layout import Sentence
from ingest.extract.metadata import extract_metadata
from ingest.extract.numbers import Quantity
from ingest.extract.own_period import first_term, lower_same_length, page_date
from ingest.extract.periods import Term, term_of, year_of
from ingest.extract.triggers import gated
from ingest.extract.vocab import (
    INDICATOR_TRAILERS,
    SEASON_HEADING_PATTERN,
    SHARED_WORD_SYLLABLES,
    TAIL_STOP_WORDS,
)
from ingest.records import DocumentMetadata

_SEASON_HEADING = gated(re.compile(SEASON_HEADING_PATTERN))
_BULLETS = frozenset("-+*•–")


def words_alt(words: tuple[str, ...] | frozenset[str]) -> str:
    """A regex alternation of the words, longest first, spaces matching any run of non-newline space."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"[^\S\n]+") for w in sorted(set(words), key=len, reverse=True)
    )


_WORD_CHAR = re.compile(r"\w")
CLAUSE_SEP = re.compile(r"[,;(|]")
NAME_SEP = re.compile(r"[,;:(|]")
CLAUSE_SEP_CHARS = ",;(|"  # CLAUSE_SEP's characters, for `after_last`
SPACES = re.compile(r"\s+")
# a comma after a sector's first syllable (`nông, lâm nghiệp`): it lists, it does not cut a name
_SHARED_WORD_COMMA = re.compile(rf"(?<!\w)(?:{'|'.join(SHARED_WORD_SYLLABLES)})[^\S\n]*$")
_LIST_COMMA_REACH = 8


def is_list_comma(text_l: str, at: int) -> bool:
    """Whether the separator at `at` is a comma listing sectors that share their second word (`nông,
    lâm nghiệp và thủy sản`, `nông, lâm, thủy sản`): the name runs on over it (names18)."""
    if text_l[at] != ",":
        return False
    return _SHARED_WORD_COMMA.search(text_l, max(0, at - _LIST_COMMA_REACH), at) is not None


PERIOD_NOISE = re.compile(
    r"(?:tính[^\S\n]+)?(?:đến|tới)[^\S\n]+(?:hết[^\S\n]+)?(?:ngày[^\S\n]+)?[0-9]{1,2}[/.-][0-9]{1,2}(?:[/.-][0-9]{2,4})?"
    r"|(?:trong[^\S\n]+)?(?:6|06|9|09|sáu|chín)[^\S\n]+tháng(?:[^\S\n]+(?:đầu|cuối)[^\S\n]+năm)?(?:[^\S\n]+[0-9]{4})?"
    r"|(?:trong[^\S\n]+|đến[^\S\n]+|vào[^\S\n]+)?năm[^\S\n]+[0-9]{4}:?|đến nay|hiện nay|hằng năm|hàng năm"
)
_TRAILERS = re.compile(rf"(?:[^\S\n]+|^)(?:{words_alt(INDICATOR_TRAILERS)})[^\S\n]*$")
_LEAD = re.compile(r"^[\s\-–•*+>:)\]\d.]*")
_TAIL_STOP = frozenset(TAIL_STOP_WORDS)
MAX_NAME_WORDS = 9


@dataclass
class Draft:
    """A mention being built; ratios attach to it before it becomes a Mention."""

    q: Quantity
    sentence: Sentence
    left: int  # where this mention's own words start (previous quantity's end or sentence start)
    entry: CatalogueEntry | None
    indicator: str
    plan_pct: float | None = None
    yoy_pct: float | None = None
    ratio_only: bool = False  # "Chi ngân sách xã ước đạt 50,1% dự toán": a % of plan with no value of its own
    name_start: int | None = None  # where the catalogue name starts, when it is written before the number
    last_end: int = 0  # end of the last quantity folded into this mention (its plan/yoy percentages)
    is_change: bool = False
    host: Draft | None = None  # the mention before it in the sentence (a change takes its period)
    subject_measured: bool = False  # the written words before the number open with a measure word
    part_of: Draft | None = None  # the total this figure is a part of (`… 772 ha, trong đó: lúa 507 ha`)
    noun_tail: str = ""  # words after a total's counted noun, before its breakdown (`giải quốc gia, quốc tế`)
    quote_from: Draft | None = None  # the quote reaches back to this draft's quote (a list's shared head)
    quote_to: Draft | None = None  # the quote runs on to this draft's (a list of shares shares one quote)
    quote_head: int | None = None  # the quote starts here at the latest (the head of a list of shares)


@dataclass
class Doc:
    """One document as the extraction sections read it."""

    text: str
    text_l: str
    meta: DocumentMetadata
    ref_year: int | None
    term: Term | None
    default_period: str  # of the results the document reports
    target_period: str | None = None  # of its targets, when the opening says (None: as the results)
    page_date: tuple[int, int] | None = None  # (year, month) of the page's date, given beside the text
    names: NameIndex = field(init=False)
    tails: dict[int, list[str]] = field(default_factory=dict)  # quantity end -> noun phrase after it
    headings: list[tuple[int, int]] = field(default_factory=list)  # spans of the heading lines, in order
    season_headings: frozenset[int] = frozenset()  # starts of the headings naming one crop season
    fronted_years: dict[int, str | None] = field(default_factory=dict)  # sentence end -> year fronted before
    # (line start, sentence front, end of the stretch read, sentences walked back) -> horizon (`fronts`)
    horizons: dict[tuple[int, int, int, int], str | None] = field(default_factory=dict)
    # pattern -> whether it is written anywhere in the text, for as long as the document lives
    anywhere: dict[re.Pattern[str], bool] = field(default_factory=dict)

    @classmethod
    def read(
        cls, text: str, title: str | None, published_at: str | None, metadata: DocumentMetadata | None
    ) -> Doc:
        """The document with its reference year, Party term and default period, as `extract_metadata`
        decided them (`own_period`); a metadata made by hand gives its default period and year."""
        text_l = lower_same_length(text)
        meta = metadata or extract_metadata(text, title=title, published_at=published_at)
        ref_year = meta.reference_year or meta.issue_year or year_of(meta.default_period)
        term = term_of(meta.period_term) or term_of(meta.default_period) or first_term(meta.terms)
        default_period = meta.default_period or (str(ref_year) if ref_year else "unknown")
        return cls(
            text, text_l, meta, ref_year, term, default_period, meta.target_period, page_date(published_at)
        )

    def index_headings(self, headings: list[tuple[int, int]]) -> None:
        """Record the heading lines (spans, in order) and which of them name a crop season."""
        self.headings = headings
        search = _SEASON_HEADING.search
        self.season_headings = frozenset(a for a, b in headings if search(self.text_l, a, b) is not None)

    def written_anywhere(self, pattern: re.Pattern[str]) -> bool:
        """Whether `pattern` is found anywhere in the lowered text: asked once per figure by rules that
        read the whole document (`đại hội`, `nông thôn mới`), searched once per document."""
        found = self.anywhere.get(pattern)
        if found is None:
            found = self.anywhere[pattern] = pattern.search(self.text_l) is not None
        return found

    def in_season_section(self, pos: int) -> bool:
        """Whether `pos` lies in the bullet lines right under a heading naming one crop season (`a. Vụ
        Xuân` / `- Tổng diện tích gieo trồng 226 ha …`); any other line ends the season's scope."""
        if not self.season_headings:
            return False
        i = bisect.bisect_right(self.headings, (pos, pos)) - 1
        if i < 0:
            return False
        start, end = self.headings[i]
        if end > pos or start not in self.season_headings:
            return False
        line_end = self.text_l.find("\n", pos)
        below = self.text_l[end : len(self.text_l) if line_end < 0 else line_end]
        return all(line.lstrip()[:1] in _BULLETS for line in below.split("\n") if line.strip())

    def own_words(self, q: Quantity, left: int) -> str:
        """The cleaned words of the quantity's own name segment, between `left` and the number."""
        seg_start = left
        for m in NAME_SEP.finditer(self.text_l, left, q.start):
            seg_start = m.end()
        return clean_name(self.text_l[seg_start : q.start])

    def tail_words(self, q: Quantity, s: Sentence) -> list[str]:
        """The noun phrase written right after a quantity (`482 ha lúa`, `2 vụ trộm cắp tài sản`)."""
        cached = self.tails.get(q.end)
        if cached is None:
            cached = self.tails[q.end] = self._read_tail(q, s)
        return cached

    def _read_tail(self, q: Quantity, s: Sentence) -> list[str]:
        sep = CLAUSE_SEP.search(self.text_l, q.end, s.end)
        raw = self.text_l[q.end : sep.start() if sep else s.end]
        out: list[str] = []
        for word in raw.split():
            word = word.strip(".;:!?\"'“”)")
            if not word or word in _TAIL_STOP or not word[0].isalpha() or len(out) >= 6:
                break
            out.append(word)
        return out


@lru_cache(maxsize=1 << 14)  # pure; one segment is cleaned several times per mention (own words, name)
def clean_name(raw: str) -> str:
    """A name segment without period phrases, list markers, punctuation and trailing verbs; a long one
    keeps its first `MAX_NAME_WORDS` words, the head of the noun phrase (`sản xuất công nghiệp tiếp tục
    ổn định và phát triển` keeps `sản xuất`, whether it is written before the number or after it)."""
    name = PERIOD_NOISE.sub(" ", raw)
    name = SPACES.sub(" ", name).strip(" .,;:-–()[]\"'“”*")
    name = _LEAD.sub("", name)
    for _ in range(6):
        new = _TRAILERS.sub("", name).strip(" ,;:-–")
        if new == name:
            break
        name = new
    words = name.split()
    if len(words) > MAX_NAME_WORDS:
        words = words[:MAX_NAME_WORDS]
    return " ".join(words)


def cue_in(words: re.Pattern[str], text_l: str, lo: int, hi: int, *, slice_start: bool = True) -> bool:
    r"""Whether `(?:^|[^\w])(?:<words>)` matches between `lo` and `hi`, without slicing.

    With `slice_start` this is a search of `text_l[lo:hi]` (`^` holds at `lo`); without, a search of
    `text_l` from `pos=lo` (`^` holds only at 0, and the non-word character must lie at or after `lo`).
    Cue patterns open with literals, so the engine skips between them at C speed; a leading
    `(?:^|[^\w])` would make it try every position. The boundary before a hit is checked here.
    """
    pos = lo
    while (m := words.search(text_l, pos, hi)) is not None:
        p = m.start()
        if p == 0 or (p == lo and slice_start) or (p > lo and not _WORD_CHAR.match(text_l, p - 1)):
            return True
        pos = p + 1
    return False
