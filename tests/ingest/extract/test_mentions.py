"""Indicator mentions: plan/yoy, hedges, kind, period, catalogue ids, several numbers per sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.extract import extract_mentions
from ingest.records import DocumentMetadata, Mention

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"
H1_2023 = DocumentMetadata(default_period="2023-H1", issue_year=2023, terms=["2020-2025"])
TERM_2020 = DocumentMetadata(default_period="term-2020-2025", terms=["2020-2025", "2025-2030"])


def _one(text: str, meta: DocumentMetadata = H1_2023) -> Mention:
    mentions = extract_mentions(text, metadata=meta)
    assert len(mentions) == 1, mentions
    return mentions[0]


def test_plan_and_yoy_fold_into_the_value() -> None:
    m = _one(
        "- Sản xuất nông nghiệp đạt kết quả khá, sản lượng lương thực có hạt đạt 1.936 tấn, "
        "đạt 60% kế hoạch và bằng 114% cùng kỳ."
    )
    assert (m.value, m.unit, m.base_value, m.base_unit) == (1936.0, "tấn", 1936.0, "t")
    assert (m.plan_pct, m.yoy_pct, m.indicator_id) == (60.0, 114.0, "grain_output")
    assert m.indicator == "sản lượng lương thực có hạt"
    assert (m.kind, m.period, m.approx) == ("actual", "2023-H1", False)


def test_a_yoy_ratio_after_the_plan_phrase_is_the_figures() -> None:
    # the gold rules: yoy_pct is the ratio form of the figure; a plan phrase naming its setter, or a second
    # attainment, between them names no other subject
    m = _one(
        "Tổng thu ngân sách xã đạt 12,5 tỷ đồng, đạt 80,2% dự toán Hội đồng nhân dân xã giao "
        "và bằng 112,4% so với cùng kỳ."
    )
    assert (m.value, m.plan_pct, m.yoy_pct) == (12.5, 80.2, 112.4)
    mentions = extract_mentions(
        "Tổng thu ngân sách huyện đạt 250 tỷ đồng, đạt 98% dự toán tỉnh giao và đạt 104% dự toán HĐND "
        "huyện giao, bằng 121% so với cùng kỳ.",
        metadata=H1_2023,
    )
    assert [(m.value, m.plan_pct, m.yoy_pct) for m in mentions] == [(250.0, 98.0, 121.0), (104.0, None, None)]
    # a ratio after another subject's words stays its own
    mentions = extract_mentions(
        "Thu ngân sách đạt 12,5 tỷ đồng, đạt 80% dự toán; chi thường xuyên bằng 95% so với cùng kỳ.",
        metadata=H1_2023,
    )
    assert [(m.value, m.yoy_pct) for m in mentions] == [(12.5, None), (95.0, None)]


def test_abbreviated_plan_and_yoy_and_ratio() -> None:
    m = _one("toàn xã gieo trồng 927/912 ha, đạt 102% KH, bằng 98% CK.")
    assert (m.value, m.of_total, m.plan_pct, m.yoy_pct) == (927.0, 912.0, 102.0, 98.0)
    m = _one("gia cầm 58.500 con đạt 50%KH, bằng 60% so với CK.")
    assert (m.value, m.base_unit, m.plan_pct, m.yoy_pct) == (58500.0, "count", 50.0, 60.0)


def test_plan_words_dự_toán_vượt_nghị_quyết() -> None:
    assert _one("thu tiền sử dụng đất 144 triệu đồng, đạt 115,2% dự toán giao.").plan_pct == 115.2
    assert _one("Tổng thu ngân sách vượt 111,6% kế hoạch, đạt 3.500 triệu đồng.").value == 3500.0
    m = _one("Tổng thu ngân sách trên địa bàn là gần 45 tỷ đồng, đạt 100% so nghị quyết.", TERM_2020)
    assert (m.plan_pct, m.approx, m.base_value) == (100.0, True, 45e9)


def test_percentage_of_plan_without_a_value() -> None:
    # the attainment is the fact (the gold rules), never the VND indicator's value: its own id, no plan_pct
    m = _one("Chi ngân sách xã ước đạt 50,1% dự toán giao, đảm bảo nhiệm vụ chính trị của xã.")
    assert (m.value, m.unit, m.base_unit, m.plan_pct, m.approx, m.indicator_id) == (
        50.1,
        "%",
        "%",
        None,
        True,
        "budget_expenditure_plan_attainment",
    )
    # an indicator without an attainment sibling in the catalogue gets no id
    m = _one("Tiêm phòng cho đàn chó đạt 92% KH.")
    assert (m.value, m.base_unit, m.plan_pct, m.indicator_id) == (92.0, "%", None, None)


def test_every_mention_with_an_id_is_in_its_indicators_base_unit() -> None:
    from ingest.extract.catalogue import catalogue_by_id

    by_id = catalogue_by_id()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((SEEDS.parent / "heldout").glob("*.txt"))]
    checked = 0
    for text in texts:
        for m in extract_mentions(text):
            if m.indicator_id is not None:
                assert m.base_unit == by_id[m.indicator_id].base_unit, m
                checked += 1
    assert checked > 300


@pytest.mark.parametrize(
    "text",
    [
        "đã trồng mới trên 85 ha rừng",
        "thu ngân sách nhà nước đạt hơn 11.038 triệu đồng đạt gần 74% KH năm",
        "khoảng 300 hộ tham gia",
        "sản lượng lúa ước đạt 2.000 tấn",
        "tỷ lệ hộ nghèo dưới 2%",
        "tỷ lệ đảng viên tham gia sinh hoạt đạt từ 85% trở lên",
        "Tỷ lệ tham gia bảo hiểm y tế đạt trên ≥96%",
    ],
)
def test_hedges_make_values_approximate(text: str) -> None:
    mentions = extract_mentions(text, metadata=H1_2023)
    assert mentions and all(m.approx for m in mentions)


def test_scale_words_and_income_base_unit() -> None:
    text = "1. Thu nhập bình quân đầu người đến năm 2030: 90 triệu đồng (tăng 1,2 lần so năm 2025)."
    m, change = extract_mentions(text, metadata=TERM_2020)
    assert (m.indicator_id, m.base_value, m.base_unit) == ("income_per_capita", 90e6, "VND/person/year")
    assert (m.kind, m.period) == ("target", "2030")
    # a change is its own mention, without the indicator's id
    assert (change.value, change.unit, change.base_unit, change.indicator_id) == (1.2, "lần", "other", None)
    assert change.period == "2030"
    m = _one("Sản lượng lương thực đạt gần 24 nghìn tấn.")
    assert (m.base_value, m.base_unit, m.approx) == (24000.0, "t", True)
    m = _one("Năng suất lúa bình quân đạt 62,5 tạ/ha.")
    assert (m.base_value, m.base_unit, m.indicator_id) == (pytest.approx(6.25), "t/ha", "rice_yield")


def test_several_numbers_in_one_sentence_get_their_own_indicators() -> None:
    text = "Điều tra hộ nghèo, đến nay cả xã còn 37 hộ nghèo chiếm 1,87%, cận nghèo 36 hộ chiếm 1,82%."
    got = [(m.value, m.indicator_id) for m in extract_mentions(text, metadata=H1_2023)]
    assert got == [
        (37.0, "poor_households"),
        (1.87, "poverty_rate"),
        (36.0, "near_poor_households"),
        (1.82, "near_poverty_rate"),
    ]


def test_changes_and_labels() -> None:
    text = "Tổng nguồn vốn tín dụng đến 30/6/2023 là trên 106 tỷ đồng, tăng 8 tỷ so với CK."
    level, change = extract_mentions(text, metadata=H1_2023)
    assert (level.indicator_id, level.base_value, level.approx) == ("credit_capital", 106e9, True)
    assert (change.indicator_id, change.base_value, change.period) == (None, 8e9, "2023-H1")
    text = "toàn xã có 4.566/12.663 đoàn viên, hội viên (Hội viên PN: 1.783; Hội viên ND: 1.239)."
    got = [(m.value, m.of_total, m.unit, m.indicator_id) for m in extract_mentions(text, metadata=H1_2023)]
    assert got == [
        (4566.0, 12663.0, "đoàn viên", "mass_org_members"),
        (1783.0, None, "hội viên", "mass_org_members"),
        (1239.0, None, "hội viên", "mass_org_members"),
    ]


def test_unknown_indicator_is_kept_with_null_id() -> None:
    m = _one("Xây dựng mới 12 cây cầu dân sinh.")
    assert m.indicator_id is None and m.value == 12.0 and m.base_unit == "count"


def test_kind_target_in_next_term_section_and_phấn_đấu() -> None:
    text = (
        "Phần thứ hai\nMỤC TIÊU, CHỈ TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU NHIỆM KỲ 2025 – 2030\n"
        "2. Các chỉ tiêu cơ bản:\n4. Tỷ lệ phát triển dân số 0,9%\n"
        "7. Tỷ lệ tham gia bảo hiểm y tế đạt trên ≥96%\n"
    )
    mentions = extract_mentions(text, metadata=TERM_2020)
    assert [(m.value, m.kind, m.period) for m in mentions] == [
        (0.9, "target", "term-2025-2030"),
        (96.0, "target", "term-2025-2030"),
    ]
    assert [m.indicator_id for m in mentions] == ["population_growth_rate", "health_insurance_coverage"]
    m = _one("Tập trung lãnh đạo phấn đấu hoàn thành chỉ tiêu kết nạp đảng năm 2023 là 10 đảng viên mới.")
    assert (m.kind, m.period, m.indicator_id) == ("target", "2023", "new_party_members")


def test_period_overrides_from_the_mention_words() -> None:
    text = "Năm 2021: 16.616 con; tổng đàn gia cầm đến 30/6/2023 đạt 58.500 con."
    got = [(m.value, m.period) for m in extract_mentions(text, metadata=H1_2023)]
    assert got == [(16616.0, "2021"), (58500.0, "2023-H1")]
    text = "tỷ lệ suy dinh dưỡng thể thấp còi giảm từ 10% năm 2020 xuống còn 8,58% năm 2024."
    got = [(m.value, m.period, m.indicator_id) for m in extract_mentions(text, metadata=TERM_2020)]
    assert got == [(10.0, "2020", "child_stunting_rate"), (8.58, "2024", "child_stunting_rate")]
    m = _one("Sau nửa nhiệm kỳ, tỷ lệ hộ nghèo còn 3,2%.", TERM_2020)
    assert m.period == "term-2020-2025-mid"


def test_footnote_numbers_are_mentions() -> None:
    text = "Thu ngân sách đạt kết quả tốt[1].\n[1] Tổng thu ngân sách xã: 4.807.887.427, đồng.\n"
    mentions = extract_mentions(text, metadata=H1_2023)
    assert [(m.value, m.base_unit, m.indicator_id) for m in mentions] == [
        (4807887427.0, "VND", "budget_revenue_total")
    ]


def test_no_mentions_in_boilerplate_and_identifiers() -> None:
    text = (
        "Truy cập\nHôm nay:\n1\nTất cả:\n158881\nSố 04 - KL/ĐU\nTrung Sơn, ngày 28 tháng 12 năm 2023\n"
        "Thực hiện Nghị quyết số 09-NQ/TU, ngày 27/6/2012 nhiệm kỳ 2021 - 2026, khóa XII.\n"
        "SĐT: 0977916732\n"
    )
    assert extract_mentions(text) == []


def test_offsets_and_quotes_on_the_seeds() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        mentions = extract_mentions(text)
        assert len(mentions) > 5, path.name
        for m in mentions:
            assert text[m.start : m.end] == m.quote
            assert m.kind in ("actual", "target")


def test_seed_numbered_target_list() -> None:
    text = (SEEDS / "binh-thanh-dong-term-report-2020-2025.txt").read_text(encoding="utf-8")
    targets = {m.indicator_id: m for m in extract_mentions(text) if m.kind == "target"}
    assert targets["income_per_capita"].base_value == 90e6
    assert targets["school_dropout_rate"].value == 2.0 and targets["school_dropout_rate"].approx
    assert targets["child_malnutrition_rate"].value == 8.0
    assert targets["party_member_growth_rate"].value == 3.0


def test_a_rate_falling_to_a_level_is_the_rate() -> None:
    m = _one(
        "Phấn đấu đến năm 2025 tỷ lệ hộ nghèo giảm còn dưới 1,5%.", DocumentMetadata(default_period="2024")
    )
    assert (m.indicator_id, m.value, m.approx, m.kind, m.period) == (
        "poverty_rate",
        1.5,
        True,
        "target",
        "2025",
    )


def test_a_bug_raises_instead_of_returning_nothing(monkeypatch) -> None:
    # an empty list would look like a document without figures: the dbt model must see the error
    from ingest.extract import mentions as M

    def broken(*_args, **_kwargs):
        raise RuntimeError("extractor bug")

    monkeypatch.setattr(M, "find_quantities", broken)
    with pytest.raises(RuntimeError, match="extractor bug"):
        extract_mentions("Sản lượng lúa đạt 1.936 tấn.", metadata=H1_2023)


def test_a_broken_catalogue_raises(monkeypatch, tmp_path) -> None:
    from ingest.extract import catalogue as C
    from ingest.extract import indicators as I

    bad = tmp_path / "indicators.csv"
    bad.write_text("indicator_id,name_vi\nx,y\n", encoding="utf-8")
    monkeypatch.setattr(C, "CATALOGUE_CSV", bad)
    for cached in (C._load, C.catalogue_by_id, C._names_index, C._lookup, I._trie):
        cached.cache_clear()
    try:
        with pytest.raises(C.CatalogueError):
            extract_mentions("Sản lượng lúa đạt 1.936 tấn.", metadata=H1_2023)
    finally:
        monkeypatch.undo()
        for cached in (C._load, C.catalogue_by_id, C._names_index, C._lookup, I._trie):
            cached.cache_clear()
    assert extract_mentions("Sản lượng lúa đạt 1.936 tấn.", metadata=H1_2023)[0].indicator_id == "rice_output"


def test_every_lead_word_holds_an_anchor() -> None:
    # the lead scan only runs where an anchor is: a lead without one would never be found
    from ingest.extract.vocab import LEAD_ANCHORS, TARGET_LEAD_PATTERNS, TARGET_LEADS

    bigrams = [f"{first} {second}" for second, firsts in LEAD_ANCHORS.items() for first in firsts]
    for lead in TARGET_LEADS:
        assert any(b in lead for b in bigrams), lead
    for pattern in TARGET_LEAD_PATTERNS:
        assert any(b.replace(" ", r"\s+") in pattern for b in bigrams), pattern


def test_a_bound_on_criteria_qualifies_the_units_counted_and_alone_is_no_figure() -> None:
    # names7: "134 xã dưới 5 tiêu chí" is a count of communes in a band; a band of uncounted units is none
    ms = extract_mentions(
        "Từ chỗ có 120 xã dưới 5 tiêu chí, đến nay đã không còn xã dưới 5 tiêu chí. Không còn xã dưới 10 "
        "tiêu chí. Huyện có 4 xã đạt chuẩn, còn lại đạt từ 12 - 15 tiêu chí.",
        metadata=H1_2023,
    )
    assert [m.value for m in ms] == [120.0, 4.0]
    assert ms[0].indicator.endswith("dưới 5 tiêu chí")


def test_criteria_per_commune_are_named_as_the_count_per_commune_with_no_count_id() -> None:
    # (the average's id is `other` since catalogue12, items 36-37: it takes the figure; ids12)
    m = _one("Đến hết năm 2023, dự kiến đạt bình quân 14,5 tiêu chí/xã.")
    assert (m.unit, m.base_unit, m.indicator_id) == ("tiêu chí/xã", "other", "ntm_criteria_avg_per_commune")
    assert m.indicator == "số tiêu chí bình quân mỗi xã"


def test_the_second_of_two_counts_joined_by_va_is_named_by_its_own_words_and_counts_places() -> None:
    # names7: the words before the second count are the first one's tail; communes are no criteria
    ms = extract_mentions("Có 16 xã đạt tiêu chí y tế và 12 xã đạt tiêu chí văn hóa.", metadata=H1_2023)
    assert [(m.value, m.indicator) for m in ms] == [
        (16.0, "số xã đạt tiêu chí y tế"),
        (12.0, "số xã đạt tiêu chí văn hóa"),
    ]
    assert [m.indicator_id for m in ms] == [None, None]


def test_a_clause_opening_with_dat_quotes_the_clause_before_its_comma() -> None:
    # the gold rules: the quote holds the words that say what the number measures; `…, đạt 12/19 tiêu
    # chí` goes on from the clause before its comma, which names the commune counted
    m = _one("Trong năm, xã có số tiêu chí thấp nhất là xã Tân Hòa, đạt 12/19 tiêu chí nông thôn mới.")
    assert (m.value, m.of_total) == (12.0, 19.0)
    assert m.quote.startswith("xã có số tiêu chí thấp nhất là xã Tân Hòa, đạt 12/19")
    # a ratio after the figure stays the figure's plan: its clause does not reach back further
    m = _one("Trong năm, tổng diện tích gieo trồng 1.200 ha, đạt 98% kế hoạch.")
    assert (m.value, m.plan_pct) == (1200.0, 98.0)
    assert m.quote.startswith("tổng diện tích gieo trồng 1.200 ha")


def test_an_item_opening_with_its_number_quotes_the_lists_head() -> None:
    # the gold rules: an elliptical list item's quote runs back to its shared head, even through the
    # fact before it; the item opens with its number after `;` or a comma, in the unit of the head's
    mentions = extract_mentions(
        "Trong quý I, toàn huyện đã gieo trồng được 120,5 ha ngô, tăng 5,2% so cùng kỳ năm trước; "
        "45,2 ha khoai lang; 30,4 ha lạc.",
        metadata=H1_2023,
    )
    quotes = {m.value: m.quote for m in mentions}
    assert quotes[45.2].startswith("toàn huyện đã gieo trồng được 120,5 ha ngô")
    assert quotes[30.4].startswith("toàn huyện đã gieo trồng được 120,5 ha ngô")
    m = {m.value: m for m in extract_mentions("Năm 2023, xã trồng mới 12,5 ha chè, 40,3 ha rừng sản xuất.")}[
        40.3
    ]
    assert m.quote.startswith("xã trồng mới 12,5 ha chè, 40,3 ha")
    # a share opens a list of its own: it does not reach back to the rate before it
    shares = extract_mentions("Tỷ lệ hộ nghèo dưới 1,5%, 90% gia đình đạt văn hóa.", metadata=H1_2023)
    assert {m.value: m.quote for m in shares}[90.0].startswith("90% gia đình")
