"""The extractor's fast paths give exactly what the plain regex scans they replace would give.

Each fast path (a candidate search at C speed, then the full pattern only at the candidates; a
per-document index; a literal guard) must be indistinguishable from the straightforward scan, so
these tests run both over the seed texts and over many small random strings built from the
characters and words that decide the edge cases (a window starting on a full stop, a cue glued to a
word, `İ` changing length when lowercased, …).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from ingest.extract import kinds as K
from ingest.extract import timing as T
from ingest.extract.context import Doc, cue_in, words_alt
from ingest.extract.indicators import NameIndex, _fold, _trie
from ingest.extract.layout import _SENT_END
from ingest.extract.metadata import PLACE_IN_TEXT_RE, _place_matches
from ingest.extract.numbers import QUANTITY_RE, _quantity_matches
from ingest.extract.periods import AS_OF_RE, Term, as_of_matches, phrase_period
from ingest.extract.vocab import ACTUAL_CUES, ADMIN_LEVELS, CARRIED_TARGET_CUES, HEDGES_IN_CLAUSE, TARGET_CUES
from ingest.records import DocumentMetadata

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"

# The straightforward patterns the fast paths stand for.
_SENT_END_PLAIN = re.compile(r"[.;!?…]+(?=\s)|\.{3}")
# a line break, or `.`/`!`/`?` and whitespace, not after a digit unless a word follows (`năm 2019. Chỉ số`)
_FULL_STOP_PLAIN = re.compile(r"\n|(?:(?<!\d)[.!?]|(?<=\d)[.!?](?=[ \t\u00a0]+[^\W\d_]))\s")
_TARGET_CUE = re.compile(rf"(?:^|[^\w])(?:{words_alt(TARGET_CUES)})(?!\w)")
_ACTUAL_CUE = re.compile(rf"(?:^|[^\w])(?:{words_alt(ACTUAL_CUES)})")
_HEDGE_CLAUSE = re.compile(rf"(?:^|[^\w])(?:{words_alt(HEDGES_IN_CLAUSE)})(?!\w)")
_CARRIED_CUE = re.compile(rf"(?:^|[^\w])(?:{words_alt(CARRIED_TARGET_CUES)})(?!\w)")


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _random_texts(seed: int, pieces: list[str], count: int, longest: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def _spans(matches) -> list[tuple]:
    return [(m.span(), m.groupdict() or m.groups()) for m in matches]


def test_quantity_candidates_find_every_quantity_match():
    texts = _seed_texts() + _random_texts(1, list("0123456789.,:/-–[]≥≤<>= \nabđ"), 3000, 16)
    for text in texts:
        assert _spans(_quantity_matches(text)) == _spans(QUANTITY_RE.finditer(text)), text


def test_sentence_end_pattern_matches_the_plain_one():
    texts = _seed_texts() + _random_texts(2, list(".;!?… \nx1"), 5000, 14)
    rng = random.Random(2)
    for text in texts:
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        assert [m.span() for m in _SENT_END.finditer(text, lo, hi)] == [
            m.span() for m in _SENT_END_PLAIN.finditer(text, lo, hi)
        ], text


@pytest.mark.parametrize("window", [1500, 3, 5, 12])
def test_sentence_start_index_matches_the_plain_scan(monkeypatch, window):
    monkeypatch.setattr(T, "SENTENCE_WINDOW", window)
    texts = [
        *_random_texts(3, list("1. \n!?a5\u00a0"), 400, 40),
        "30.6. 2023 tổng thu. 5 ha\n1. 2! x? 7.",
        "cùng kỳ năm 2019. chỉ số 7 ha",
    ]
    if window == 1500:
        texts += [t.lower() for t in _seed_texts()]
    for text in texts:
        doc = Doc(text, text, DocumentMetadata(), None, None, "unknown")
        positions = range(len(text) + 1) if len(text) < 200 else range(0, len(text) + 1, 37)
        for pos in positions:
            lo = max(0, pos - window)
            stops = [m.end() for m in _FULL_STOP_PLAIN.finditer(text[lo:pos])]
            expected = lo + stops[-1] if stops else lo
            assert T.sentence_start(doc, pos) == expected, (text, pos)


def test_as_of_candidates_find_every_as_of_match():
    pieces = ["đến ", "tới ", "tính ", "hết ", "ngày ", "30/6", "/2023", " tháng ", "6", " năm 2024", "x"]
    texts = [t.lower() for t in _seed_texts()] + _random_texts(4, pieces, 4000, 14)
    rng = random.Random(4)
    for text in texts:
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        assert _spans(as_of_matches(text)) == _spans(AS_OF_RE.finditer(text))
        assert _spans(as_of_matches(text, lo, hi)) == _spans(AS_OF_RE.finditer(text, lo, hi)), (text, lo, hi)


def test_cue_search_without_slicing_matches_the_bounded_patterns():
    pieces = [
        *TARGET_CUES,
        *ACTUAL_CUES,
        *HEDGES_IN_CLAUSE,
        *CARRIED_TARGET_CUES,
        "x",
        " ",
        "\n",
        "1",
        ",",
        "a",
    ]
    texts = _random_texts(5, pieces, 4000, 10)
    rng = random.Random(5)
    for text in texts:
        lo = rng.randint(0, len(text)) if rng.random() < 0.8 else 0
        hi = rng.randint(lo, len(text))
        part = text[lo:hi]
        assert cue_in(K.TARGET_CUE_WORDS, text, lo, hi) == bool(_TARGET_CUE.search(part))
        assert cue_in(K.ACTUAL_CUE_WORDS, text, lo, hi) == bool(_ACTUAL_CUE.search(part))
        assert cue_in(K.HEDGE_CLAUSE_WORDS, text, lo, hi, slice_start=False) == bool(
            _HEDGE_CLAUSE.search(text, lo, hi)
        ), (text, lo, hi)
        assert cue_in(K._CARRIED_CUE_WORDS, text, lo, hi, slice_start=False) == bool(
            _CARRIED_CUE.search(text, lo, hi)
        ), (text, lo, hi)


def test_place_candidates_find_every_place_match_whatever_the_case():
    words = [w for level in ADMIN_LEVELS for w in (level, level.upper(), level.title())]
    pieces = [*words, " ", "\n", "Xuân Phú", "ĐÔNG", "a", "1", "İ", "ſ", "_", ","]
    texts = _seed_texts() + [t.upper() for t in _seed_texts()] + _random_texts(6, pieces, 4000, 12)
    for text in texts:
        assert _spans(_place_matches(text)) == _spans(PLACE_IN_TEXT_RE.finditer(text)), text


def test_level_words_fold_only_to_their_own_lowercase():
    # `_place_matches` relies on it: a character matching a level word's letter case-insensitively
    # lowercases to exactly that letter (no special folds such as `ſ` for `s`)
    letters = sorted(set("".join(ADMIN_LEVELS)) - {" "})
    patterns = {c: re.compile(re.escape(c), re.IGNORECASE) for c in letters}
    # Latin, Greek, Cyrillic, the Vietnamese block, the letterlike symbols (Kelvin K, Ångström Å), …
    for cp in range(0x3000):
        ch = chr(cp)
        for c, pattern in patterns.items():
            if pattern.fullmatch(ch):
                assert ch.lower() == c, (hex(cp), c)


def test_phrase_period_guards_change_nothing():
    term = Term(2020, 2025)
    pieces = [
        "6 tháng đầu năm",
        "nửa đầu năm",
        "9 tháng",
        "quý ii",
        "nhiệm kỳ 2020 - 2025",
        "giữa nhiệm kỳ",
        "nửa cuối nhiệm kỳ",
        "đầu nhiệm kỳ",
        "6 tháng cuối năm",
        "năm 2024",
        "đến 30/6/2023",
        " ",
        "x",
    ]
    plain = _phrase_period_plain
    for text in _random_texts(7, pieces, 3000, 6):
        for ref_year, t in ((2023, term), (None, None)):
            for specific in (False, True):
                assert phrase_period(text, ref_year, t, specific_first=specific) == plain(
                    text, ref_year, t, specific_first=specific
                ), text


def _phrase_period_plain(text_l, ref_year, term, *, specific_first=False):
    """`phrase_period` without its literal guards (every pattern searched)."""
    from ingest.extract import periods as P

    found = []
    for m in AS_OF_RE.finditer(text_l):
        code = P.as_of(m, ref_year)
        if code:
            found.append((m.start(), 0, code))
            break
    year = P._year
    mm = P.H1_RE.search(text_l)
    if mm and (y := year(mm.group(1) or mm.group(2), ref_year)):
        found.append((mm.start(), 1, f"{y}-H1"))
    mm = P.NINE_M_RE.search(text_l)
    if mm and (y := year(mm.group(1), ref_year)):
        found.append((mm.start(), 1, f"{y}-9M"))
    mm = P.QUARTER_RE.search(text_l)
    if mm and (y := year(mm.group(2), ref_year)):
        found.append((mm.start(), 1, f"{y}-Q{P.ROMAN_QUARTERS[mm.group(1)]}"))
    mm = P.SECOND_HALF_RE.search(text_l)
    if mm and term:
        found.append((mm.start(), 1, f"{term.code}-second-half"))
    mm = P.MID_TERM_RE.search(text_l)
    if mm and term and not P.SECOND_HALF_RE.match(text_l, mm.start()):
        found.append((mm.start(), 1, f"{term.code}-mid"))
    mm = P.TERM_START_RE.search(text_l)
    if mm and term:
        found.append((mm.start(), 1, f"{term.code}-start"))
    mm = P.TERM_RE.search(text_l)
    if mm and P.is_party_term(int(mm.group(1)), int(mm.group(2))):
        found.append((mm.start(), 2, f"term-{mm.group(1)}-{mm.group(2)}"))
    mm = P.H2_RE.search(text_l)
    if mm and (y := year(mm.group(1), ref_year)):
        found.append((mm.start(), 1, str(y)))
    mm = P.YEAR_RE.search(text_l)
    if mm:
        found.append((mm.start(), 3, mm.group(1)))
    if not found:
        return None
    if specific_first:
        ranked = sorted((p, o, c) for o, p, c in found if p > 0)
        return (ranked[0][1], ranked[0][2]) if ranked else None
    offset, _, code = min(found)
    return offset, code


def test_name_index_memo_gives_the_plain_trie_lookup():
    root = _trie()
    text_l = " ".join(t.lower() for t in _seed_texts())
    NameIndex(text_l)  # fills the memo
    from ingest.extract.indicators import _FIRST, _FOLDED

    assert _FIRST
    for syllable, node in list(_FIRST.items())[:5000]:
        # a syllable no name starts with is memoised as False (None: not memoised yet)
        assert (node or None) is (root.get(syllable) or root.get(_fold(syllable))), syllable
        assert node is not None, syllable
        assert _FOLDED[syllable] == (_fold(syllable) if _fold(syllable) != syllable else None), syllable
    assert "\x01never-a-syllable" not in _FIRST


def test_name_index_offsets_span_the_names_syllables():
    """The hits' offsets, summed up from the syllables and separators before them, span exactly the
    syllables each name walked over, in every sentence range."""
    syllable = re.compile(r"[^\W_]+")
    text_l = "\n".join(t.lower() for t in _seed_texts())
    ranges = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text_l)]
    index = NameIndex(text_l, ranges)
    assert index.hits
    for hit in index.hits:
        words = syllable.findall(text_l, hit.start, hit.end)
        assert len(words) == hit.n_syllables, text_l[hit.start : hit.end]
        assert syllable.fullmatch(text_l, hit.start, hit.start + len(words[0]))
        assert hit.start == 0 or not syllable.match(text_l, hit.start - 1)
        assert not syllable.match(text_l, hit.end)


_SEMI_BEFORE_PLAIN = re.compile(r";[^\S\n]*$")
_WORD_BEFORE_PLAIN = re.compile(r"(\w+)[^\S\n]*$")
_BACKWARD_PIECES = [";", " ", "\n", "\t", "\u00a0", "a", "đ", "5", "_", ",", "năm ", "chỉ ", "tiêu", "mục "]


def test_after_semicolon_matches_the_plain_pattern():
    from ingest.extract.kinds import after_semicolon

    rng = random.Random(5)
    for text in _random_texts(6, _BACKWARD_PIECES, 4000, 12):
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        expected = bool(_SEMI_BEFORE_PLAIN.search(text, lo, hi))
        assert after_semicolon(text, lo, hi) == expected, (text, lo, hi)


def test_word_before_matches_the_plain_pattern():
    from ingest.extract.numbers import _word_before

    rng = random.Random(7)
    for text in _random_texts(8, [p for p in _BACKWARD_PIECES if p != "\n"], 4000, 12):
        lo = rng.randint(0, len(text))
        end = rng.randint(lo, len(text))
        m = _WORD_BEFORE_PLAIN.search(text, lo, end)
        expected = (m.group(1), m.start(1)) if m else ("", end)
        word, at = _word_before(text, lo, end)
        assert word == expected[0], (text, lo, end)
        if m:
            assert at == expected[1], (text, lo, end)


def test_lead_anchor_check_matches_the_plain_pattern():
    from ingest.extract.layout import _ANCHOR_FIRSTS, _first_before

    for second, firsts in _ANCHOR_FIRSTS.items():
        plain = re.compile(rf"(?<!\w)(?:{'|'.join(firsts)})[^\S\n]+$")
        pieces = [*_BACKWARD_PIECES, *firsts, *(f"x{f}" for f in firsts)]
        for text in _random_texts(9, pieces, 1500, 6):
            text_l = text + second
            i = len(text)
            expected = bool(plain.search(text_l, max(0, i - 12), i))
            assert _first_before(text_l, i, firsts) == expected, (text_l, second)


def test_not_after_matches_the_leading_look_behinds():
    from ingest.extract.periods import not_after

    words, before = ("9", "09", "chín"), ("ngày ", "[0-9/]")
    plain = re.compile(r"(?<!ngày )(?<![0-9/])(?:9|09|chín)[^\S\n]+tháng")
    fast = re.compile(rf"{not_after(words, before)}[^\S\n]+tháng")
    assert fast.pattern.startswith("(?:9(?<!ngày 9)")  # opens with a word, not a look-behind
    pieces = ["9", "09", "chín", "ngày ", "ngày", " ", "\n", "/", "1", "tháng", "a"]
    for text in _random_texts(12, pieces, 4000, 10):
        assert _spans(fast.finditer(text)) == _spans(plain.finditer(text)), text
        assert _spans(fast.finditer(text, 2)) == _spans(plain.finditer(text, 2)), text  # sees before pos


def test_count_nouns_by_first_letter_match_the_whole_alternation():
    from ingest.extract.units import _COUNT_RE, count_at
    from ingest.extract.vocab import COUNT_UNITS

    pieces = [*COUNT_UNITS, " ", "\u00a0", "\n", "x", "1", "/", "con", "ch", "ngư"]
    texts = [t.lower() for t in _seed_texts()] + _random_texts(8, pieces, 2000, 6)
    for text in texts:
        for pos in range(len(text) + 1) if len(text) < 300 else range(0, len(text) + 1, 7):
            expected, got = _COUNT_RE.match(text, pos), count_at(text, pos)
            assert (got and (got.span(), got.group("count"))) == (
                expected and (expected.span(), expected.group("count"))
            ), (text, pos)


def test_unit_guards_never_rule_out_a_match():
    from ingest.extract import units as U
    from ingest.extract.vocab import MEASURE_UNITS, NOT_UNIT_WORDS, SCALE_WORDS

    pieces = [*MEASURE_UNITS, *NOT_UNIT_WORDS, *SCALE_WORDS, " ", "  ", "\t", "\u00a0", "\n", ",", "x", "1"]
    texts = [t.lower() for t in _seed_texts()] + _random_texts(10, pieces, 2000, 6)
    for text in texts:
        for pos in range(len(text) + 1) if len(text) < 300 else range(0, len(text) + 1, 7):
            at = U._after_spaces(text, pos)
            assert at == U._SPACE_RUN.match(text, pos).end(), (text, pos)
            first = text[at : at + 1]
            if U._MEASURE_RE.match(text, pos):
                assert first in U._MEASURE_FIRSTS, (text, pos)
            if U._NOT_UNIT_RE.match(text, pos):
                assert at > pos and first in U._NOT_UNIT_FIRSTS, (text, pos)


def test_leads_match_the_pattern_with_its_leading_look_behind():
    from ingest.extract.layout import _LEAD, _leads

    plain = re.compile(rf"(?<!\w)(?:{_LEAD.pattern})")
    pieces = ["mục tiêu", "chỉ tiêu", "các chỉ tiêu", "phấn đấu", "đề ra 3 chỉ tiêu", "quốc gia", "mục"]
    pieces += ["tiêu", "x", "_", "1", " ", "\n"]
    texts = [t.lower() for t in _seed_texts()] + _random_texts(13, pieces, 3000, 8)
    rng = random.Random(13)
    for text in texts:
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        assert _spans(_leads(text, 0, len(text))) == _spans(plain.finditer(text)), text
        assert _spans(_leads(text, lo, hi)) == _spans(plain.finditer(text, lo, hi)), (text, lo, hi)


def test_written_anywhere_is_the_whole_text_search_asked_once_per_document():
    """A rule asking per figure whether the document says `đại hội` anywhere gets the plain search's
    answer, remembered on the document only (a second document is searched afresh)."""
    congress = re.compile(r"(?<!\w)đại hội(?!\w)")
    said, silent = (
        Doc(text, text.lower(), DocumentMetadata(), None, None, "unknown")
        for text in ("Đại hội có 199 đại biểu.", "Hội nghị có 199 đại biểu.")
    )
    for doc in (said, silent, said, silent):
        assert doc.written_anywhere(congress) is (congress.search(doc.text_l) is not None)
    assert said.anywhere == {congress: True} and silent.anywhere == {congress: False}
