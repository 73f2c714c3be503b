"""Publication date lines to ISO 8601."""

from __future__ import annotations

import pytest

from ingest.clean.dates import parse_date_line, parse_iso


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Ngày 13/08/2023 22:14:53", "2023-08-13T22:14:53+07:00"),
        ("Đăng lúc: 13/08/2023 22:14:53 (GMT+7)", "2023-08-13T22:14:53+07:00"),
        ("Cập nhật: 05/01/2023 08:15", "2023-01-05T08:15:00+07:00"),
        ("Thứ Hai, 17/07/2023, 15:42", "2023-07-17T15:42:00+07:00"),
        ("(05/05/2023)", "2023-05-05"),
        ("Ngày đăng: 13/04/2023", "2023-04-13"),
        ("22:14 13/08/2023", "2023-08-13T22:14:00+07:00"),
        ("10:25 PM - 14/08/2023", "2023-08-14T22:25:00+07:00"),
        ("13/08/2023 22:14 (GMT+0)", "2023-08-13T22:14:00+00:00"),
    ],
)
def test_date_lines(line: str, iso: str) -> None:
    assert parse_date_line(line) == iso


@pytest.mark.parametrize(
    "line",
    [
        "Thực hiện nghị quyết số 04-NQ/ĐU ngày 30/12/2022 về phương hướng, nhiệm vụ năm 2023.",
        "Ngày 31/02/2023",
        "Ngày 13/08/2023 25:61",
        "1.936 tấn",
        "",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert parse_date_line(line) is None


def test_machine_dates() -> None:
    assert parse_iso("2023-01-10T15:30:00+07:00") == "2023-01-10T15:30:00+07:00"
    assert parse_iso("2023-01-10T08:30:00Z") == "2023-01-10T08:30:00+00:00"
    assert parse_iso("2023-01-10") == "2023-01-10"
    assert parse_iso("hôm qua") is None
