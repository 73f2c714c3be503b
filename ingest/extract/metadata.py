"""Document metadata from report text: issuer, places, type, number, place and date of issue, terms, period.

Vietnamese administrative documents open with a fixed header: the issuing body (`ĐẢNG BỘ HUYỆN
THỌ XUÂN` / `ĐẢNG ỦY XÃ XUÂN PHÚ`), the number (`Số 04 - KL/ĐU`), the national motto, the place and
date (`Xuân Phú, ngày 28 tháng 12 năm 2023`), then the type in capitals (`BÁO CÁO`) and the title.
Only the header region is read for those fields, so a `Nghị quyết số 04-NQ/ĐU` quoted in the body
never becomes the document's number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from ingest.extract.own_period import decide, lower_same_length, page_date, title_line
from ingest.extract.periods import Term, phrase_period, terms_in, without_comparisons
from ingest.extract.vocab import ADMIN_LEVELS, DOC_TYPE_CODES, DOC_TYPES, ISSUER_BODIES
from ingest.records import DocumentMetadata

HEADER_CHARS = 3000  # the header and title of a report fit in its first few thousand characters
OPENING_CHARS = 1500  # the opening paragraph after the title names the period reported on
PLACES_CHARS = 20000  # `xã X` / `huyện Y` / `tỉnh Z` are named early when they are named at all

_NAME = r"[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:[^\S\n]+[A-ZĐÀ-Ỹ0-9][\wÀ-ỹ]*){0,4}"
_NAME_CI = r"[^\W\d_][\w]*(?:[^\S\n]+[^\W_][\w]*){0,4}"
_LEVELS = "|".join(sorted(ADMIN_LEVELS, key=len, reverse=True))
_BODIES = "|".join(re.escape(b) for b in sorted(ISSUER_BODIES, key=len, reverse=True))

PLACE_DATE_RE = re.compile(
    r"^[ \t\u00a0*_]*(?P<place>[^\W\d_][^\n,]{0,40}?),[^\S\n]*ngày[^\S\n]*(?P<day>[0-9]{1,2})?[^\S\n]*"
    r"(?:tháng|/)[^\S\n]*(?P<month>[0-9]{1,2})?[^\S\n]*(?:năm|/)[^\S\n]*(?P<year>(?:19|20)[0-9]{2})",
    re.MULTILINE | re.IGNORECASE,
)
# "Số: 125/BC-UBND" (state style: number, slash, type code, issuer code)
NUMBER_STATE_RE = re.compile(
    r"^[ \t\u00a0*_]*số[ \t\u00a0:]*(?P<num>[0-9]+)[^\S\n]*/[^\S\n]*(?P<code>[A-ZĐ]{1,6}(?:-[A-ZĐ]{1,10})+)",
    re.MULTILINE | re.IGNORECASE,
)
NUMBER_RE = re.compile(
    r"^[ \t\u00a0*_]*số[ \t\u00a0:]*(?P<num>[0-9]*)[^\S\n]*"
    r"(?P<code>[-–][^\S\n]*[A-ZĐa-zđ]{1,6}(?:[^\S\n]*/[^\S\n]*[A-ZĐa-zđ\-]{1,10})+)",
    re.MULTILINE | re.IGNORECASE,
)
ISSUER_RE = re.compile(
    rf"^[ \t\u00a0*_#]*(?P<body>{_BODIES})[^\S\n]*\n?[ \t\u00a0*_#]*(?P<level>{_LEVELS})[^\S\n]+"
    rf"(?P<name>{_NAME_CI})[ \t\u00a0*_]*$",
    re.MULTILINE | re.IGNORECASE,
)
PLACE_IN_TEXT_RE = re.compile(rf"(?<![\w])(?P<level>{_LEVELS})[^\S\n]+(?P<name>{_NAME})", re.IGNORECASE)
# Where a PLACE_IN_TEXT_RE match can start, found case-sensitively in the lowercased text. The level
# words' letters have no special case folds, so a case-insensitive match of one is exactly a match of its
# lowercase form in the lowercased text (when lowercasing keeps every offset).
_LEVEL_WORDS = tuple(w.lower() for w in ADMIN_LEVELS)
_TYPE_LINE_RE = re.compile(
    r"^[ \t\u00a0*_#]*(?P<type>"
    + "|".join(re.escape(t) for t in DOC_TYPES)
    + r")(?:[ \t\u00a0*_]*$|[^\S\n]+)",
    re.MULTILINE | re.IGNORECASE,
)
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
_WEEKDAY = re.compile(
    r"[ \t\u00a0*_]*(?:thứ[^\S\n]+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ[^\S\n]+nhật)[ \t\u00a0*_.]*$",
    re.I,
)
_CAPS_STOP = re.compile(
    r"\s+(?:nhiệm|năm|ngày|về|lần|khóa|khoá|trình|và|đến|tại|đi)\b.*$", re.IGNORECASE | re.DOTALL
)


def _title_case(name: str) -> str:
    """`XUÂN PHÚ` -> `Xuân Phú`; names already in mixed case are kept as published."""
    if name.isupper():
        return " ".join(w[:1] + w[1:].lower() for w in name.split())
    return name


def _clean_name(name: str) -> str:
    return _title_case(_CAPS_STOP.sub("", name.strip(" \t\u00a0*_.,;:"))).strip()


def _lower_first(body: str) -> str:
    return body[:1].upper() + body[1:].lower()


def _places(header: str, meta: DocumentMetadata) -> None:
    for m in ISSUER_RE.finditer(header):
        level = ADMIN_LEVELS[m.group("level").lower()]
        name = _clean_name(m.group("name"))
        if not name:
            continue
        _fill_place(meta, level, name)
        # the lowest body in the header block issues the document
        meta.issuer = f"{_lower_first(m.group('body'))} {m.group('level').lower()} {name}"


def _fill_place(meta: DocumentMetadata, level: str, name: str) -> None:
    """Keep the first name seen for an administrative level (commune, district, province)."""
    if level in ("commune", "district", "province") and getattr(meta, level) is None:
        setattr(meta, level, name)


def _places_in_text(text: str, meta: DocumentMetadata, lowered: str | None = None) -> None:
    """Fill commune/district/province from the first `xã X` / `huyện Y` / `tỉnh Z` in the text
    (`lowered`: `text.lower()`, when the caller has it)."""
    for m in _place_matches(text, lowered):
        if not m.group("name")[0].isupper():
            continue  # `xã hội`: no name (cleaning a name keeps its first letter, which `_NAME` opens with)
        level = ADMIN_LEVELS[m.group("level").lower()]
        name = _clean_name(m.group("name"))
        _fill_place(meta, level, name)
        if meta.commune and meta.district and meta.province:
            break


def _place_matches(text: str, lowered: str | None = None) -> Iterator[re.Match[str]]:
    """The matches of `PLACE_IN_TEXT_RE.finditer(text)`, found by jumping between level words
    (`lowered`: `text.lower()`, when the caller has it)."""
    if lowered is None:
        lowered = text.lower()
    if len(lowered) != len(text):  # a character such as İ grows when lowercased: offsets would drift
        yield from PLACE_IN_TEXT_RE.finditer(text)
        return
    pos = 0
    for start in _level_word_starts(lowered):
        if start < pos:
            continue  # inside the last match
        m = PLACE_IN_TEXT_RE.match(text, start)
        if m is not None:
            yield m
            pos = m.end()


def _level_word_starts(lowered: str) -> list[int]:
    """Sorted positions of the level words in the lowercased text, each word found with `str.find` at C
    speed (a regex alternation of them stops at every `t` and `h`, the commonest letters)."""
    found = set()
    for word in _LEVEL_WORDS:
        i = lowered.find(word)
        while i >= 0:
            found.add(i)
            i = lowered.find(word, i + 1)
    return sorted(found)


def _doc_type(header: str, title: str | None, number_code: str | None) -> str | None:
    for m in _TYPE_LINE_RE.finditer(header):
        word = m.group("type")
        if word.isupper() or m.group(0).strip(" \t\u00a0*_#").lower() == word.lower():
            return word.lower()
    if number_code:
        code = number_code.strip("-– \t").split("/")[0].strip().lower()
        if code in DOC_TYPE_CODES:
            return DOC_TYPE_CODES[code]
    for source in (title or "", header[:400]):
        found = _TYPE_LINE_RE.search(source.strip())
        if found:
            return found.group("type").lower()
    return None


def _is_place(words: str) -> bool:
    """`Xuân Phú`, `TP. Hà Nội`, `XUÂN PHÚ`: every word of a place name opens with a capital letter."""
    names = [w for w in re.split(r"[\s.]+", words.strip(" \t\u00a0*_")) if w]
    return bool(names) and all(w[0].isupper() or w[0].isdigit() for w in names)


def reference_year(meta: DocumentMetadata, title: str | None, published_at: str | None) -> int | None:
    """The year a document is about when its text does not say (`6 tháng đầu năm` of which year)."""
    for source in (title or "",):
        years = _YEAR.findall(source)
        if years:
            return int(years[-1])
    if meta.issue_year:
        return meta.issue_year
    if published_at:
        m = _YEAR.search(published_at)
        if m:
            return int(m.group(1))
    return None


def _default_period(title_l: str, opening_l: str, ref_year: int | None, terms: list[Term]) -> str | None:
    term = terms[0] if terms else None
    for source, specific_first in ((title_l, False), (opening_l, True)):
        if not source:
            continue
        found = phrase_period(source, ref_year, term, specific_first=specific_first)
        if found:
            return found[1]
    return str(ref_year) if ref_year else None


def extract_metadata(
    text: str, *, title: str | None = None, published_at: str | None = None
) -> DocumentMetadata:
    """Issuer, type, number, place and date of issue, terms and default period of a document."""
    return _extract(text, title, published_at)


def _title_from_header(header: str) -> tuple[str, int]:
    """The type line and title lines (`BÁO CÁO` / `Tình hình …`) and where the opening starts after them."""
    m = next((t for t in _TYPE_LINE_RE.finditer(header) if not _prose_line(header, t)), None)
    if not m:
        return "", 0
    lines: list[str] = []
    pos = m.start()
    for line in header[m.start() : m.start() + 800].splitlines(keepends=True):
        s = line.strip(" \t\u00a0\n*_#")
        if not s:
            pos += len(line)
            if len(lines) > 1:
                break
            continue
        if set(s) <= set("-–_=*. "):
            pos += len(line)
            break
        # title lines are short and unpunctuated; the opening sentence ("Ngày 03 tháng 8 …") is not
        if lines and (len(s) > 160 or s.endswith((".", ":", ";")) or _OPENING_RE.match(s) or len(lines) >= 5):
            break
        lines.append(s)
        pos += len(line)
    return " ".join(lines), pos


def _prose_line(header: str, m: re.Match[str]) -> bool:
    """Whether a line opening with a type word in lower case is a sentence of the body (`Báo cáo của Tỉnh ủy
    … cho biết, …`: long or closed by a full stop), not a type line or a title."""
    if m.group("type").isupper():
        return False
    end = header.find("\n", m.start())
    line = header[m.start() : end if end >= 0 else len(header)].strip(" \t\u00a0*_#")
    return len(line) > 160 or line.endswith(".")


_OPENING_RE = re.compile(r"(?:ngày|căn cứ|thực hiện|phần|[ivx]+\.|[0-9]+\.)(?!\w)", re.IGNORECASE)


def _extract(text: str, title: str | None, published_at: str | None) -> DocumentMetadata:
    body = unicodedata.normalize("NFC", text)
    # the page's title is the text's first line, read as a title written there is (`own_period`)
    first = title_line(title, body)
    text = first + body
    header = text[:HEADER_CHARS]
    meta = DocumentMetadata()

    _places(header, meta)
    number = NUMBER_RE.search(header)
    code = None
    state_number = None if number else NUMBER_STATE_RE.search(header)
    if state_number:
        meta.doc_number = f"{state_number.group('num')}/{state_number.group('code')}"
        code = state_number.group("code").split("-")[0]
    if number:
        code = re.sub(r"\s+", " ", number.group("code")).strip()
        code_compact = re.sub(r"\s*/\s*", "/", code.lstrip("-– ").strip())
        meta.doc_number = (
            f"{number.group('num')} - {code_compact}" if number.group("num") else f"- {code_compact}"
        )
    pd = PLACE_DATE_RE.search(header)
    if pd and (not _is_place(pd.group("place")) or _WEEKDAY.match(pd.group("place"))):
        # "Với những kết quả đã đạt được, ngày 29/12/2023, …": a date in a sentence; "Thứ Sáu, ngày 23 tháng
        # 08 năm 2019": a page's date line (a site's clock, when it is the day the page was read), no header
        pd = None
    if pd:
        meta.issue_place = pd.group("place").strip(" \t\u00a0*_")
        meta.issue_year = int(pd.group("year"))
        if pd.group("month") and 1 <= int(pd.group("month")) <= 12:
            meta.issue_month = int(pd.group("month"))
            if pd.group("day") and 1 <= int(pd.group("day")) <= 31:
                meta.issue_date = f"{meta.issue_year:04d}-{meta.issue_month:02d}-{int(pd.group('day')):02d}"
    meta.doc_type = _doc_type(header, title, code)

    header_title, opening_start = _title_from_header(header)
    title_text = " ".join(t for t in (title, header_title) if t)
    if meta.commune is None or meta.issuer is None:
        _infer_issuer_from_title(header_title or title or "", header, meta)
    # made once: the mention reader lowers the same text (the title line lowered on its own)
    text_l = lower_same_length(first) + lower_same_length(body)
    # its slice, not a second lowering; when lowering moved offsets (`İ`), the slice is no lowered head
    head_l = title_text.lower() + "\n" + text_l[:PLACES_CHARS] if len(text_l) == len(text) else None
    _places_in_text(title_text + "\n" + text[:PLACES_CHARS], meta, head_l)
    if meta.district is None and meta.issuer and "huyện" in meta.issuer.lower() and meta.issue_place:
        meta.district = meta.issue_place

    terms = terms_in(title_text.lower()) or []
    for term in terms_in(text_l):
        if term not in terms:
            terms.append(term)
    meta.terms = [f"{t.start}-{t.end}" for t in terms]

    ref_year = reference_year(meta, header_title, None)
    opening_l = text_l[opening_start : opening_start + OPENING_CHARS]
    meta.title_period = _default_period(header_title.lower(), without_comparisons(opening_l), ref_year, terms)
    own = decide(text_l, meta.title_period, meta.issue_year, meta.terms, page_date(published_at))
    meta.default_period, meta.target_period, meta.reference_year = own.default, own.target, own.ref_year
    meta.period_term = own.term.code if own.term else None
    return meta


_TITLE_BODY_RE = re.compile(
    r"(?P<body>ban chấp hành đảng bộ|đảng bộ|đảng ủy|đảng uỷ|ủy ban nhân dân|uỷ ban nhân dân"
    r"|hội đồng nhân dân)"
    rf"[^\S\n]+(?P<level>{_LEVELS})[^\S\n]+(?P<name>{_NAME_CI})",
    re.IGNORECASE,
)
_SUBJECT_BEFORE_RE = re.compile(r"(?:đối với|với|tại|cho)[^\S\n]*$", re.IGNORECASE)
_SIGNATURE_RE = re.compile(
    r"^[ \t\u00a0*_]*(?:t/m|t/l|tm\.|tl\.|tm|tl)[^\S\n]+(?P<body>[^\n*]{3,60})", re.MULTILINE | re.IGNORECASE
)
_SUBJECT_RE = re.compile(
    r"(?:đối với|của|với)[^\S\n]+(?P<body>đảng ủy|đảng uỷ|ủy ban nhân dân|ubnd)"
    r"[^\S\n]+(?P<level>xã|phường|thị trấn)"
    rf"[^\S\n]+(?P<name>{_NAME})"
)


def _infer_issuer_from_title(title: str, header: str, meta: DocumentMetadata) -> None:
    """No header block: read the issuer from the title, the signature, or the subject of a notice."""
    m = _TITLE_BODY_RE.search(title)
    if m and _SUBJECT_BEFORE_RE.search(title, 0, m.start()):
        m = None  # "Kết quả làm việc đối với Đảng ủy xã X": X is the subject, not the issuer
    if m:
        name = _clean_name(m.group("name"))
        level = m.group("level").lower()
        if meta.issuer is None:
            body = m.group("body").lower()
            if "báo cáo của ban chấp hành" in header.lower() or body == "đảng bộ":
                body = "ban chấp hành đảng bộ"
            meta.issuer = f"{_lower_first(body)} {level} {name}"
        if ADMIN_LEVELS.get(level) == "commune" and meta.commune is None:
            meta.commune = name
        return
    sig = _SIGNATURE_RE.search(header + "\n" + title)
    subject = _SUBJECT_RE.search(header)
    if subject and meta.commune is None:
        meta.commune = _clean_name(subject.group("name"))
    if meta.issuer is None:
        issuer = _issuer_from_body(header)
        if issuer:
            meta.issuer = issuer
        elif sig:
            meta.issuer = sig.group("body").strip().capitalize()


_ACTOR_RE = re.compile(
    r"(?P<body>thường trực huyện ủy|ban thường vụ huyện ủy|thường trực đảng ủy|ban thường vụ đảng ủy|"
    r"ủy ban nhân dân huyện|thường trực huyện uỷ|ban thường vụ huyện uỷ)[^\S\n]+(?:đã[^\S\n]+)?"
    r"(?:kết luận|thông báo|làm việc)",
    re.IGNORECASE,
)


def _issuer_from_body(header: str) -> str | None:
    m = _ACTOR_RE.search(header)
    return m.group("body") if m else None
