"""Property tests: extraction never raises and its output is always internally consistent."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.extract import extract_mentions, extract_metadata
from ingest.extract.units import MEASURE_UNITS, SCALE_WORDS

# Text that looks like report language (numbers, units, cues) mixed with arbitrary characters.
_PIECES = st.sampled_from(
    [
        "1.936",
        "45,7",
        "927/912",
        "4-5",
        "9 - 9,5",
        "0",
        "01",
        "4.807.887.427,",
        "30/6/2023",
        "2023",
        " tấn",
        " ha",
        " triệu đồng",
        " tỷ",
        " tạ/ha",
        "%",
        " con",
        " hộ",
        " KH",
        " CK",
        " cùng kỳ",
        " kế hoạch",
        " đạt ",
        " bằng ",
        " vượt ",
        " trên ",
        " gần ",
        " từ ",
        " trở lên",
        " năm ",
        " nhiệm kỳ ",
        " 6 tháng đầu năm",
        " đến ",
        "ngày ",
        "\n",
        ". ",
        ", ",
        "; ",
        ": ",
        "(",
        ")",
        "[1]",
        "Số ",
        "-NQ/ĐU",
        "thu nhập bình quân đầu người",
        "tỷ lệ hộ nghèo",
        "phấn đấu",
        "Phần thứ hai\n",
        "MỤC TIÊU\n",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=300), st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=60).map("".join)
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, title=st.one_of(st.none(), st.text(max_size=40)))
def test_never_raises_and_offsets_are_valid(text: str, title: str | None) -> None:
    mentions = extract_mentions(text, title=title)
    for m in mentions:
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start : m.end] == m.quote
        assert m.kind in ("actual", "target")
        assert isinstance(m.period, str) and m.period
        assert math.isfinite(m.value) and math.isfinite(m.base_value)


_SCALES = {w: f for w, f in SCALE_WORDS.items() if w in ("nghìn", "triệu", "tỷ")}


@settings(max_examples=200, deadline=None)
@given(
    value=st.integers(min_value=1, max_value=999_999),
    decimals=st.integers(min_value=0, max_value=2),
    unit=st.sampled_from(sorted(u for u in MEASURE_UNITS if u not in ("m", "đ", "mét"))),
    scale=st.sampled_from(["", *_SCALES]),
)
def test_base_value_is_value_times_unit_factor(value: int, decimals: int, unit: str, scale: str) -> None:
    number = value / (10**decimals)
    written = f"{number:,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    if unit.startswith("%") and scale:
        scale = ""
    text = f"Sản lượng xây dựng mới đạt {written} {scale + ' ' if scale else ''}{unit}."
    mentions = extract_mentions(text)
    assert len(mentions) == 1, (text, mentions)
    m = mentions[0]
    base_unit, factor = MEASURE_UNITS[unit]
    factor *= _SCALES.get(scale, 1.0)
    assert m.value == number
    assert m.base_unit == base_unit
    assert math.isclose(m.base_value, number * factor, rel_tol=1e-9)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=500))
def test_metadata_never_raises(text: str) -> None:
    extract_metadata(text, title=text[:20], published_at=text[:10])
