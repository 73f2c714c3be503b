"""Publication date-time lines ("Ngày 13/08/2023 22:14:53", "Đăng lúc: … (GMT+7)") as ISO 8601."""

from __future__ import annotations

import re
from datetime import date

from ingest.clean.rules import (
    DATE_IN_TEXT,
    DATE_LINE,
    DATE_LINE_TIME_FIRST,
    DEFAULT_TZ,
    ISO_DATE,
    TIME_THEN_DATE_IN_TEXT,
)


def _tz(sign_hours: str | None, minutes: str | None) -> str:
    if not sign_hours:
        return DEFAULT_TZ
    if sign_hours == "Z":
        return "+00:00"
    if ":" in sign_hours or len(sign_hours) == 5:
        h = sign_hours.replace(":", "")
        return f"{h[0]}{h[1:3]}:{h[3:5]}"
    sign = "-" if sign_hours.startswith("-") else "+"
    return f"{sign}{abs(int(sign_hours)):02d}:{int(minutes or 0):02d}"


def _iso(g: dict[str, str | None]) -> str | None:
    try:
        d = date(int(g["y"] or 0), int(g["m"] or 0), int(g["d"] or 0))
    except ValueError:
        return None
    if g.get("H") is None:
        return d.isoformat()
    hour, minute, second = int(g["H"] or 0), int(g["M"] or 0), int(g.get("S") or 0)
    ampm = (g.get("ampm") or "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return f"{d.isoformat()}T{hour:02d}:{minute:02d}:{second:02d}{_tz(g.get('tz'), g.get('tzm'))}"


def parse_date_line(line: str) -> str | None:
    """ISO date-time of a line that is only a (labelled) date, else None.

    `Ngày 13/08/2023 22:14:53` -> `2023-08-13T22:14:53+07:00`; `Đăng lúc: 13/08/2023 22:14:53
    (GMT+7)` -> the same; a date without a time gives `2023-08-13`.
    """
    s = line.strip()
    if len(s) > 80 or not any(c.isdigit() for c in s):
        return None
    for pattern in (DATE_LINE, DATE_LINE_TIME_FIRST):
        m = pattern.match(s)
        if m:
            return _iso(m.groupdict())
    return None


def parse_iso(value: str) -> str | None:
    """A machine date (`<time datetime>`, `article:published_time`) as ISO 8601 with an offset."""
    m = ISO_DATE.match(value.strip())
    if not m:
        return None
    g = m.groupdict()
    tz = g.get("tz")
    g["tz"] = tz
    g["tzm"] = None
    return _iso(g)


_HAS_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}")


def find_date_in(text: str) -> str | None:
    """The first date-time in a short piece of text such as a `.news-date` element."""
    for part in re.split(r"[\n|]", text):
        iso = parse_date_line(part)
        if iso:
            return iso
    m = _HAS_DATE.search(text)
    if m:
        return parse_date_line(text[m.start() : m.start() + 40].split("\n")[0]) or parse_date_line(m.group(0))
    return None


def find_datetime_in(text: str) -> str | None:
    """The first date (with its time when one is next to it) anywhere in a short meta line."""
    best: re.Match[str] | None = None
    for pattern in (TIME_THEN_DATE_IN_TEXT, DATE_IN_TEXT):
        m = pattern.search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    return _iso(best.groupdict()) if best else None
