"""Text units to a CleanDocument: normalise, drop chrome lines, de-duplicate, footnotes, offsets."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from ingest.clean import rules
from ingest.clean.dates import find_datetime_in, parse_date_line
from ingest.clean.vietnamese import convert_legacy, detect_legacy, line_has_legacy, normalize_text
from ingest.records import Block, BlockType, CleanDocument

log = logging.getLogger(__name__)

_KEY_STRIP = " .,;:!?…-–—*•·/\\|_=~+()[]\"'"
_COUNTER_VALUE = re.compile(r"^[\d.,\s]+$")
_SENTENCE_END = re.compile(r"[.;:!?…]\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-+•–—*·]|[a-zđ]\)|\d{1,2}\))\s+\S", re.IGNORECASE)
_HEADING = re.compile(r"^(?:phần thứ|phần [ivx\d]+|chương [ivx\d]+|[IVX]{1,5}\.\s)", re.IGNORECASE)


@dataclass(slots=True)
class Unit:
    """One line-to-be of text as extracted: a paragraph, heading, list item, table cell or footnote."""

    text: str
    kind: BlockType = "paragraph"
    link_chars: int = 0
    marker: str | None = None
    aux: bool = False  # from a secondary body node (a lead / sapo beside the content)


def dedupe_key(line: str) -> str:
    """Comparison key: case, spacing and punctuation do not make two lines different."""
    return " ".join(line.casefold().split()).strip(_KEY_STRIP)


def _normalise_units(units: list[Unit], warnings: list[str]) -> list[Unit]:
    """Artefacts out, legacy fonts converted, NFC; one line per unit, empty units dropped."""
    if not units:
        return []
    joined = rules.ARTEFACTS.sub("", "\n".join(u.text.replace("\n", " ") for u in units))
    out: list[Unit] = []
    for u, text in zip(units, joined.split("\n"), strict=True):
        if text.strip():
            out.append(Unit(text, u.kind, u.link_chars, u.marker, u.aux))
    if not out:
        return out
    joined = "\n".join(u.text for u in out)
    legacy = detect_legacy(joined)
    if legacy:
        warnings.append(f"legacy encoding {legacy}")
        lines = [convert_legacy(u.text, legacy) if line_has_legacy(u.text, legacy) else u.text for u in out]
        joined = "\n".join(lines)
    lines = normalize_text(joined, legacy=None).split("\n")
    assert len(lines) == len(out), "normalize_text must keep the line count"
    result = []
    for u, line in zip(out, lines, strict=True):
        if line.strip():
            u.text = line.strip()
            result.append(u)
    return result


def _drop_boilerplate(units: list[Unit]) -> list[Unit]:
    """Counters, share/print links, comment prompts, copyright lines: short lines known to be chrome."""
    out: list[Unit] = []
    after_counter = False
    for u in units:
        text = u.text
        if len(text) <= rules.SHORT_LINE:
            if rules.BOILERPLATE_LINE.search(text):
                after_counter = True
                continue
            if after_counter and _COUNTER_VALUE.match(text):
                continue
        after_counter = False
        out.append(u)
    return out


def _take_dates(units: list[Unit], published_at: str | None) -> tuple[list[Unit], str | None]:
    """Date lines before the body (and repeats of the publication date) go; the first gives the date."""
    out: list[Unit] = []
    seen_long = False
    for u in units:
        iso = parse_date_line(u.text) if len(u.text) <= 80 else None
        if iso:
            if published_at is None and not seen_long:
                published_at = iso
                continue
            if published_at and (not seen_long or iso[:10] == published_at[:10]):
                continue
        elif (
            published_at
            and len(published_at) > 10  # a date-time: a bare date in a sentence proves nothing
            and not seen_long
            and len(u.text) <= rules.META_LINE_MAX
            and find_datetime_in(u.text) == published_at
        ):
            continue  # a meta line restating the publication date-time ("Ngày đăng: … Lượt xem: 97")
        if len(u.text) >= rules.LONG_LINE:
            seen_long = True
        out.append(u)
    return out, published_at


def _drop_lead_copies(units: list[Unit]) -> list[Unit]:
    """A lead (aux unit) that repeats a body line, or is a truncated teaser ("…") of one, goes."""
    if not any(u.aux for u in units):
        return units
    body_keys = [dedupe_key(u.text) for u in units if not u.aux]
    body_set = set(body_keys)
    out = []
    for u in units:
        if u.aux:
            key = dedupe_key(u.text)
            if key in body_set:
                continue
            teaser = rules.TEASER_END.search(u.text)
            if teaser:
                prefix = dedupe_key(u.text[: teaser.start()])
                if len(prefix) >= rules.TEASER_MIN_PREFIX and any(k.startswith(prefix) for k in body_keys):
                    continue
        out.append(u)
    return out


def _drop_repeats(units: list[Unit]) -> list[Unit]:
    """Keep the first copy of every repeated passage; short lines repeated on their own stay."""
    seen: dict[str, int] = {}
    keys = [dedupe_key(u.text) for u in units]
    state = []  # 0 first seen, 1 repeated, 2 no letters or digits ("*", "-----"): joins a run
    for idx, key in enumerate(keys):
        state.append(2 if not key else int(key in seen))
        seen.setdefault(key, idx)
    keep = [True] * len(units)
    i = 0
    while i < len(units):
        if state[i] != 1:
            i += 1
            continue
        j = i
        last_repeated = i
        while j < len(units) and state[j] != 0:
            if state[j] == 1:
                last_repeated = j
            j += 1
        j = last_repeated + 1  # neutral lines after the run's last repeat are not part of it
        run = units[i:j]
        if (
            any(len(u.text) >= rules.DUP_LONG_UNIT for u in run)
            or sum(len(u.text) for u in run) >= rules.DUP_RUN_CHARS
        ):
            # The passage starts where it lines up with its first copy: a short line that merely
            # precedes it (a "- Lưu VP." closing the first copy) is not part of the repeat.
            anchor = next((k for k in range(i, j) if len(units[k].text) >= rules.DUP_LONG_UNIT), i)
            start, first = anchor, seen.get(keys[anchor], anchor)
            while start > i and first > 0 and keys[start - 1] == keys[first - 1]:
                start -= 1
                first -= 1
            for k in range(start, j):
                keep[k] = False
        i = j
    return [u for u, k in zip(units, keep, strict=True) if k]


def _cut_sections(units: list[Unit]) -> list[Unit]:
    """Related-article lists and the comment/footer tail."""
    total = sum(len(u.text) for u in units) or 1
    out: list[Unit] = []
    pos = 0
    in_section = False
    for u in units:
        pos += len(u.text)
        text = u.text
        if rules.TAIL_CUT_LINES.match(text) and pos / total >= rules.TAIL_CUT_MIN_POSITION:
            break
        if rules.SECTION_CUT_LINES.match(text):
            in_section = True
            continue
        if in_section:
            if len(text) < rules.SHORT_LINE and not _SENTENCE_END.search(text):
                continue
            in_section = False
        out.append(u)
    # footer lines after the last long paragraph
    last_long = max((i for i, u in enumerate(out) if len(u.text) >= rules.LONG_LINE), default=-1)
    return [
        u
        for i, u in enumerate(out)
        if i <= last_long or not (rules.FOOTER_LINES.match(u.text) and len(u.text) <= rules.SHORT_LINE)
    ]


def _footnotes(units: list[Unit]) -> dict[str, str]:
    """Mark footnote definitions (`[1] text` after a `[1]` reference, or in the closing part)."""
    footnotes: dict[str, str] = {}
    referenced: set[str] = set()
    n = len(units)
    for i, u in enumerate(units):
        m = rules.FOOTNOTE_DEF.match(u.text)
        if m and (m.group("n") in referenced or i >= n / 2) and m.group("n") not in footnotes:
            marker = m.group("n")
            body = m.group("text").strip()
            u.kind = "footnote"
            u.marker = marker
            u.text = f"[{marker}] {body}"
            footnotes[marker] = body
            continue
        referenced.update(rules.FOOTNOTE_REF.findall(u.text))
    return footnotes


def _guess_kind(u: Unit, headings: bool) -> None:
    """Lines without telling tags: list items by their bullet, headings (plain text only) by shape."""
    if u.kind != "paragraph":
        return
    text = u.text
    if _LIST_ITEM.match(text):
        u.kind = "list_item"
    elif (
        headings
        and len(text) <= 120
        and (_HEADING.match(text) or (text.isupper() and sum(c.isalpha() for c in text) >= 4))
    ):
        u.kind = "heading"


def assemble(
    units: list[Unit],
    *,
    title: str | None = None,
    published_at: str | None = None,
    warnings: list[str] | None = None,
    guess_kinds: bool = False,
) -> CleanDocument:
    """The cleaning steps shared by HTML and plain-text input, ending in text + blocks with offsets."""
    warnings = list(warnings or [])
    units = _normalise_units(units, warnings)
    title = normalize_text(rules.ARTEFACTS.sub("", title)).replace("\n", " ") if title else None
    units = _drop_boilerplate(units)
    units, published_at = _take_dates(units, published_at)
    if title:
        tkey = dedupe_key(title)
        units = [u for u in units if dedupe_key(u.text) != tkey]
    units = _drop_lead_copies(units)
    units = _drop_repeats(units)
    units = _cut_sections(units)
    footnotes = _footnotes(units)
    if title:
        units.insert(0, Unit(title, "heading"))
    for u in units[1 if title else 0 :]:
        _guess_kind(u, guess_kinds)
    text_parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for u in units:
        if text_parts:
            pos += 1  # the newline
        blocks.append(Block(u.kind, pos, pos + len(u.text), u.marker))
        text_parts.append(u.text)
        pos += len(u.text)
    text = "\n".join(text_parts)
    if not any(b.block_type != "heading" for b in blocks):
        warnings.append("empty body")
    return CleanDocument(
        text=text,
        title=title or None,
        published_at=published_at,
        blocks=blocks,
        footnotes=footnotes,
        warnings=warnings,
    )
