"""Plain-text input (a flattened portal page, a .txt report): lines to units, title from the date line."""

from __future__ import annotations

from ingest.clean import rules
from ingest.clean.dates import parse_date_line
from ingest.clean.document import Unit
from ingest.clean.vietnamese import normalize_text

TITLE_SEARCH_LINES = 40  # the title/date header of a flattened page sits near the top


def _title_before_date(lines: list[str]) -> str | None:
    """In a flattened portal page the title is the line right above the first date line."""
    previous: str | None = None
    for line in lines[:TITLE_SEARCH_LINES]:
        text = normalize_text(line).strip()
        if not text:
            continue
        if parse_date_line(text):
            return previous
        if len(text) <= rules.SHORT_LINE and rules.BOILERPLATE_LINE.search(text):
            previous = None
            continue
        if text.replace(".", "").replace(",", "").isdigit():
            continue
        previous = text
    return None


def text_units(text: str) -> tuple[list[Unit], str | None]:
    """One unit per non-empty line, and the title when the text starts with a portal header."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title = _title_before_date(lines)
    units = [Unit(line) for line in lines if line.strip()]
    return units, title
