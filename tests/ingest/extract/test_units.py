"""Units after a number and their conversion to base units."""

from __future__ import annotations

import pytest

from ingest.extract.units import UnitMatch, match_unit, rebase


@pytest.mark.parametrize(
    ("after", "unit", "base_unit", "factor"),
    [
        (" triệu đồng", "triệu đồng", "VND", 1e6),
        (" tỷ đồng", "tỷ đồng", "VND", 1e9),
        (" đồng", "đồng", "VND", 1.0),
        (" tạ", "tạ", "t", 0.1),
        (" tạ/ha", "tạ/ha", "t/ha", 0.1),
        (" ngàn tấn", "ngàn tấn", "t", 1e3),
        (" m2", "m2", "ha", 1e-4),
        (" hec ta", "hec ta", "ha", 1.0),
        (" kg/người/năm", "kg/người/năm", "kg/person/year", 1.0),
        ("%", "%", "%", 1.0),
        (" tỷ so với CK", "tỷ", "VND", 1e9),
        (" con", "con", "count", 1.0),
        (" điểm phần trăm", "điểm phần trăm", "other", 1.0),
        (" điểm %", "điểm %", "other", 1.0),
        (" đồng chí", "đồng chí", "count", 1.0),
        (" vạn người", "vạn người", "count", 1e4),  # vạn = ten thousand (settled gold item 33)
    ],
)
def test_match_unit(after: str, unit: str, base_unit: str, factor: float) -> None:
    m = match_unit(after.lower(), 0)
    assert m is not None
    assert (m.unit, m.base_unit) == (unit, base_unit)
    assert m.factor == pytest.approx(factor)


def test_words_after_numbers_that_are_not_units() -> None:
    for after in (" năm", " tháng", " tuổi", " sao", " lần thứ", ""):
        assert match_unit(after, 0) is None


def test_rebase_follows_the_indicator() -> None:
    assert rebase("VND", 1e6, "VND/person/year") == ("VND/person/year", 1e6)
    assert rebase("t", 0.001, "kg/person/year") == ("kg/person/year", 1.0)
    assert rebase("ha", 1.0, "count") == ("ha", 1.0)


def test_a_count_per_unit_is_a_rate_and_a_count_per_year_keeps_its_unit() -> None:
    # names7: the gold rules' `tiêu chí/xã`, `lượt/ngày` are `other`
    assert match_unit(" tiêu chí/xã.", 0) == UnitMatch("tiêu chí/xã", "other", 1.0, 12)
    assert match_unit(" lượt/ngày", 0) == UnitMatch("lượt/ngày", "other", 1.0, 10)
    assert match_unit(" lao động/năm", 0) == UnitMatch("lao động", "count", 1.0, 9)
    assert match_unit(" xã/thị trấn", 0) == UnitMatch("xã", "count", 1.0, 3)  # one place or the other


def test_a_rate_per_ten_thousand_people_is_not_scaled() -> None:
    m = match_unit(" bác sĩ/vạn dân", 0)
    assert m is not None and m.factor == pytest.approx(1.0)
