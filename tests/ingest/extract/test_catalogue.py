"""The indicator catalogue CSV and loader, and the consistency of the gold files with catalogue and seeds."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from evaluation.scoring import load_jsonl
from ingest.extract.catalogue import (
    CATALOGUE_CSV,
    THEMES,
    CatalogueError,
    catalogue_by_id,
    load_catalogue,
    lookup_name,
    normalize_name,
    parse_catalogue,
)
from ingest.records import BASE_UNITS

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SEEDS = FIXTURES / "seeds"
GOLD_FILES = sorted((FIXTURES / "gold").glob("*.jsonl"))
GOLD_FIELDS = {
    "indicator",
    "indicator_id",
    "value",
    "value_high",
    "of_total",
    "unit",
    "base_value",
    "base_unit",
    "plan_pct",
    "yoy_pct",
    "approx",
    "kind",
    "period",
    "quote",
    "in_numbered_list",
    "optional",
}
PERIOD_RE = re.compile(
    r"^(\d{4}(-(H1|9M|Q[1-4]))?"
    r"|term-\d{4}-\d{4}(-(mid|start|second-half))?"
    r"|as-of:\d{4}-\d{2}-\d{2})$"
)
HEADER = (
    "indicator_id,name_vi,synonyms,theme,base_unit,higher_is_better,description_en,"
    "name_en,counted_noun,official_code,measure\n"
)


def _is_lower_nfc(text: str) -> bool:
    return text == unicodedata.normalize("NFC", text) and text == text.lower()


# ---- the catalogue itself


def test_catalogue_has_at_least_250_unique_snake_case_ids() -> None:
    entries = load_catalogue()
    ids = [e.indicator_id for e in entries]
    assert len(entries) >= 250
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in ids)


def test_every_entry_has_valid_theme_base_unit_and_lowercase_nfc_names() -> None:
    for entry in load_catalogue():
        assert entry.theme in THEMES, entry
        assert entry.base_unit in BASE_UNITS, entry
        assert isinstance(entry.higher_is_better, bool)
        assert entry.name_vi and _is_lower_nfc(entry.name_vi), entry
        assert all(s and _is_lower_nfc(s) for s in entry.synonyms), entry
        assert isinstance(entry.synonyms, tuple)
        assert entry.description_en
        assert entry.name_en and len(entry.name_en) <= 60, entry
        assert not entry.counted_noun or (entry.base_unit == "count" and _is_lower_nfc(entry.counted_noun))


def test_counts_say_what_they_count() -> None:
    counts = [e for e in load_catalogue() if e.base_unit == "count"]
    missing = [e.indicator_id for e in counts if not e.counted_noun]
    assert not missing, missing


def test_no_two_indicators_of_one_base_unit_share_a_name() -> None:
    # a shared name resolves only by unit: two indicators of the same unit would both lose it
    seen: dict[tuple[str, str], str] = {}
    for entry in load_catalogue():
        for name in entry.names:
            key = (normalize_name(name), entry.base_unit)
            assert seen.setdefault(key, entry.indicator_id) == entry.indicator_id, (key, seen[key], entry)


def test_official_systems_are_referenced() -> None:
    entries = load_catalogue()
    codes = {c for e in entries for c in e.official_codes}
    criteria = {int(c.split()[1].split(".")[0]) for c in codes if c.startswith("NTM")}
    # the new-rural criteria with a measurable indicator: roads, irrigation, electricity, schools,
    # culture, markets, housing, income, poverty, labour, production, education, health, culture,
    # environment, political system, defence
    assert {2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19} <= criteria
    assert {"TKX 01", "TKX 02", "TKX 03"} <= codes
    assert catalogue_by_id()["income_per_capita"].official_codes[0] == "NTM 10"


def test_stocks_are_levels_and_flows_accumulate() -> None:
    # `measure` decides which period codes are the same figure (dim_period.stock_period): a level
    # at 30 June is `2023-H1` and `as-of:2023-06-30`; six months of output are not a running total.
    by_id = catalogue_by_id()
    stocks = {
        "population",
        "households",
        "party_members",
        "poverty_rate",
        "poor_households",
        "cattle_herd",
        "forest_area",
    }
    flows = {
        "rice_output",
        "budget_revenue_total",
        "new_party_members",
        "economic_growth_rate",
        "jobs_created",
    }
    assert all(by_id[i].measure == "stock" for i in stocks)
    assert all(by_id[i].measure == "flow" for i in flows)
    # what happened during a period is never a level (new, built, created, received, growth …)
    words = (
        "new_",
        "_new",
        "_gained",
        "_reduced",
        "_built",
        "_created",
        "_received",
        "_growth_rate",
        "_output",
    )
    words += ("_plan_attainment",)
    assert not [
        e.indicator_id
        for e in load_catalogue()
        if e.measure == "stock" and any(w in e.indicator_id for w in words)
    ]


def test_every_crop_season_has_its_area_output_and_yield_in_the_whole_year_unit() -> None:
    from ingest.extract.vocab import CROP_SEASON_PATTERNS, SEASON_ID_EXCEPTIONS, SEASONAL_BASE_IDS

    by_id = catalogue_by_id()
    seasons = {season for _, season in CROP_SEASON_PATTERNS if season is not None}
    assert {"winter_spring", "summer_autumn", "autumn_winter", "main_season"} <= seasons
    for base in SEASONAL_BASE_IDS:
        for season in seasons:
            indicator_id = SEASON_ID_EXCEPTIONS.get((base, season), f"{base}_{season}")
            if season == "winter" and (base, season) not in SEASON_ID_EXCEPTIONS:
                continue  # the north's winter crops are no rice season
            entry = by_id[indicator_id]
            assert (entry.base_unit, entry.measure) == (by_id[base].base_unit, by_id[base].measure), entry
            if indicator_id.endswith(season):
                # a labeller reads the description: one season in, the whole year out
                assert "season only" in entry.description_en and "whole year" in entry.description_en


def test_ids_named_by_the_resolution_rules_are_in_the_catalogue() -> None:
    from ingest.extract.vocab import (
        CONTEXT_ID_RULES,
        GROWTH_IDS,
        IDS_OF_UNCATALOGUED_WORDS,
        NAME_ID_REFINEMENTS,
        SEASON_ID_EXCEPTIONS,
    )

    by_id = catalogue_by_id()
    named = set(IDS_OF_UNCATALOGUED_WORDS) | set(GROWTH_IDS.values()) | set(SEASON_ID_EXCEPTIONS.values())
    named |= {to for _, _, _, to in CONTEXT_ID_RULES if to is not None} | {i for i, *_ in CONTEXT_ID_RULES}
    named |= {i for _, _, i in NAME_ID_REFINEMENTS}
    assert not named - set(by_id)
    for _, unit, indicator_id in NAME_ID_REFINEMENTS:
        assert by_id[indicator_id].base_unit == unit


def test_every_theme_is_covered_with_the_indicators_the_brief_names() -> None:
    entries = load_catalogue()
    assert {e.theme for e in entries} == set(THEMES)
    by_id = catalogue_by_id()
    for needed in (
        "income_per_capita",
        "grain_output",
        "rice_yield",
        "cattle_herd",
        "pig_herd",
        "poultry_flock",
        "aquaculture_area",
        "forest_planting_area",
        "budget_revenue_state",
        "land_use_fee_revenue",
        "ntm_criteria_met",
        "ocop_products",
        "poverty_rate",
        "health_insurance_coverage",
        "child_stunting_rate",
        "military_recruits",
        "crime_cases",
        "new_party_members",
        "party_members",
    ):
        assert needed in by_id
    assert by_id["income_per_capita"].base_unit == "VND/person/year"
    assert by_id["poverty_rate"].higher_is_better is False
    assert "bhyt" in by_id["health_insurance_coverage"].synonyms


def test_load_catalogue_is_cached_but_returns_a_fresh_list() -> None:
    first, second = load_catalogue(), load_catalogue()
    assert first == second and first is not second
    assert all(a is b for a, b in zip(first, second, strict=True))
    first.clear()
    assert load_catalogue()


def test_entries_are_frozen() -> None:
    entry = load_catalogue()[0]
    with pytest.raises(AttributeError):
        entry.indicator_id = "x"  # type: ignore[misc]


def test_csv_on_disk_has_the_documented_header() -> None:
    with CATALOGUE_CSV.open(encoding="utf-8") as handle:
        assert handle.readline() == HEADER


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("a,x,,kinh tế,%,true,d,A,,,flow\na,y,,kinh tế,%,true,d,A,,,flow\n", "duplicate"),
        ("a,x,,economy,%,true,d,A,,,flow\n", "theme"),
        ("a,x,,kinh tế,tonnes,true,d,A,,,flow\n", "base_unit"),
        ("a,x,,kinh tế,%,yes,d,A,,,flow\n", "higher_is_better"),
        ("Bad-Id,x,,kinh tế,%,true,d,A,,,flow\n", "snake_case"),
        ("a,x,,kinh tế,%,true,d,,,,flow\n", "name_en"),
        ("a,x,,kinh tế,%,true,d,A,hộ,,flow\n", "counted_noun"),
        ("a,x,,kinh tế,%,true,d,A,,QĐ 318,flow\n", "official_code"),
        ("a,x,,kinh tế,%,true,d,A,,,level\n", "measure"),
    ],
)
def test_parse_catalogue_rejects_bad_rows_naming_the_problem(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + row, encoding="utf-8")
    with pytest.raises(CatalogueError, match=message):
        parse_catalogue(path)


def test_parse_catalogue_rejects_wrong_columns(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("id,name\na,b\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="columns"):
        parse_catalogue(path)


def test_parse_catalogue_reads_synonyms_as_tuple(tmp_path: Path) -> None:
    path = tmp_path / "ok.csv"
    path.write_text(
        HEADER + 'a_b,tên,"x, y|z",kinh tế,count,false,d,A b,hộ,NTM 17.1|TKX 03,stock\n', encoding="utf-8"
    )
    (entry,) = parse_catalogue(path)
    assert entry.synonyms == ("x, y", "z")
    assert (entry.name_en, entry.counted_noun, entry.official_codes) == ("A b", "hộ", ("NTM 17.1", "TKX 03"))
    assert entry.measure == "stock"
    assert entry.higher_is_better is False
    assert entry.names == ("tên", "x, y", "z")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Văn hoá", "văn hóa"),
        ("thuỷ sản", "thủy sản"),
        ("Hoàng", "hoàng"),
        ("quý", "quý"),
        ("Thu NSNN (trừ tiền cấp quyền sử dụng đất)", "thu nsnn trừ tiền cấp quyền sử dụng đất"),
        ("“Gia đình  văn hóa”", "gia đình văn hóa"),
        (unicodedata.normalize("NFD", "Bảo hiểm y tế"), "bảo hiểm y tế"),
        # one word written two ways, and slips that are no word (a dropped dot or hook)
        ("Tỉ lệ hộ nghèo", "tỷ lệ hộ nghèo"),
        ("tỉ trọng dịch vụ", "tỷ trọng dịch vụ"),
        ("Thu nhâp bình quân", "thu nhập bình quân"),
        ("diện tích đât lúa", "diện tích đất lúa"),
        ("Tổng sản lương lúa", "tổng sản lượng lúa"),
        ("3 tỉ đồng", "3 tỉ đồng"),  # `tỉ` the number word stays
        ("lương thực", "lương thực"),
        ("tổng sản lương thực", "tổng sản lương thực"),
        ("Tổng giá sản xuất năm 2024", "tổng giá trị sản xuất năm 2024"),
    ],
)
def test_normalize_name(raw: str, expected: str) -> None:
    assert normalize_name(raw) == expected


def test_lookup_name_uses_synonyms_and_breaks_ties_by_base_unit() -> None:
    assert lookup_name("BHYT").indicator_id == "health_insurance_coverage"  # type: ignore[union-attr]
    assert lookup_name("Sản lượng lương thực có hạt").indicator_id == "grain_output"  # type: ignore[union-attr]
    assert lookup_name("hộ nghèo") is None  # count and rate share the name
    assert lookup_name("hộ nghèo", "count").indicator_id == "poor_households"  # type: ignore[union-attr]
    assert lookup_name("hộ nghèo", "%").indicator_id == "poverty_rate"  # type: ignore[union-attr]
    assert lookup_name("số con mèo trong xã") is None


# ---- the gold files against catalogue and seeds


def _gold() -> list[tuple[str, dict]]:
    return [(path.stem, row) for path in GOLD_FILES for row in load_jsonl(path)]


def _spellings(value: float) -> set[str]:
    """Ways a Vietnamese report writes `value`: 1936 -> 1936, 1.936; 45.7 -> 45,7; 1 -> 01."""
    if float(value).is_integer():
        n = int(value)
        dotted = f"{n:,}".replace(",", ".")
        return {str(n), dotted, f"{n:02d}"}
    whole, frac = f"{value:.10f}".rstrip("0").split(".")
    return {f"{int(whole):,}".replace(",", ".") + "," + frac, f"{whole},{frac}"}


def test_there_is_one_gold_file_per_seed() -> None:
    assert sorted(p.stem for p in GOLD_FILES) == sorted(p.stem for p in SEEDS.glob("*.txt"))


def test_gold_rows_have_exactly_the_contract_fields() -> None:
    for stem, row in _gold():
        assert GOLD_FIELDS <= set(row) <= GOLD_FIELDS | {"note"}, (stem, row)


def test_every_gold_indicator_id_exists_in_the_catalogue() -> None:
    ids = set(catalogue_by_id())
    unknown = [
        (stem, row["indicator_id"]) for stem, row in _gold() if row["indicator_id"] not in ids | {None}
    ]
    assert unknown == []


def test_every_gold_quote_is_in_its_seed_and_contains_the_number_as_written() -> None:
    for stem, row in _gold():
        seed = (SEEDS / f"{stem}.txt").read_text(encoding="utf-8")
        assert row["quote"] in seed, (stem, row["quote"])
        assert any(s in row["quote"] for s in _spellings(row["value"])), (stem, row["value"], row["quote"])
        if row["of_total"] is not None:
            assert any(s in row["quote"] for s in _spellings(row["of_total"])), (stem, row)


def test_gold_codes_and_types_follow_the_contract() -> None:
    for stem, row in _gold():
        where = (stem, row["quote"])
        assert row["base_unit"] in BASE_UNITS, where
        assert row["kind"] in ("actual", "target"), where
        assert PERIOD_RE.match(row["period"]), where
        assert isinstance(row["approx"], bool) and isinstance(row["in_numbered_list"], bool), where
        assert isinstance(row["optional"], bool), where
        assert _is_lower_nfc(row["indicator"]) and row["indicator"], where
        assert row["unit"] == row["unit"].lower(), where
        for name in ("value", "base_value"):
            assert isinstance(row[name], int | float), where
        for name in ("value_high", "of_total", "plan_pct", "yoy_pct"):
            assert row[name] is None or isinstance(row[name], int | float), where


def test_gold_base_values_follow_the_scale_words() -> None:
    scale = {"đồng": 1, "triệu đồng": 1e6, "tỷ đồng": 1e9, "tỷ": 1e9}
    for stem, row in _gold():
        if row["unit"] in scale:
            assert row["base_unit"] in ("VND", "VND/person/year"), (stem, row)
            assert row["base_value"] == pytest.approx(row["value"] * scale[row["unit"]], rel=1e-9)
        elif row["base_unit"] in ("count", "%", "ha", "t"):
            assert row["base_value"] == pytest.approx(row["value"]), (stem, row)


def test_gold_counts_and_defaults_per_document() -> None:
    counts: dict[str, int] = {}
    for stem, _ in _gold():
        counts[stem] = counts.get(stem, 0) + 1
    assert counts == {
        "binh-thanh-dong-term-report-2020-2025": 95,
        "loc-quang-notice-2023-h1": 7,
        "xuan-phu-portal-page-2023-h1": 58,
    }
    numbered = [row for stem, row in _gold() if row["in_numbered_list"]]
    assert len(numbered) == 14
    assert all(row["kind"] == "target" for row in numbered)
    income = next(row for _, row in _gold() if row["indicator_id"] == "income_per_capita")
    assert (income["base_value"], income["base_unit"], income["period"]) == (90e6, "VND/person/year", "2030")


def test_one_measure_per_id_where_labellers_found_two() -> None:
    # a herd id counts gia súc (no poultry) at both levels; a house count counts houses, not households;
    # the activity's name (`nuôi trồng thủy sản`) also names areas, so it is no output's synonym
    by_id = catalogue_by_id()
    for indicator_id in ("livestock_herd", "livestock_herd_growth_rate"):
        assert not [n for n in by_id[indicator_id].names if "gia cầm" in n or "vật nuôi" in n], indicator_id
        assert "poultry" in by_id[indicator_id].description_en  # says where poultry goes
    assert not [n for n in by_id["standard_houses"].names if n.startswith(("hộ", "số hộ"))]
    assert "nuôi trồng thủy sản" not in by_id["aquaculture_farmed_output"].names
    assert "diện tích chè kinh doanh" in by_id["tea_area_bearing"].names
    assert "diện tích chè kinh doanh" not in by_id["tea_area"].names


@pytest.mark.parametrize(
    ("indicator_id", "base_unit", "measure", "level"),
    [
        ("pig_herd_growth_rate", "%", "flow", "pig_herd"),
        ("poultry_flock_growth_rate", "%", "flow", "poultry_flock"),
        ("timber_output_plan_attainment", "%", "flow", "timber_output"),
        ("ntm_districts_rate", "%", "stock", "ntm_districts"),
        ("ntm_model_communes_rate", "%", "stock", "ntm_model_communes"),
        ("ntm_model_communes_new", "count", "flow", "ntm_model_communes"),
        ("civilised_townships_rate", "%", "stock", "civilised_townships"),
        ("planted_area_winter_spring_plan_attainment", "%", "flow", "planted_area_winter_spring"),
        ("planted_area_main_season_growth_rate", "%", "flow", "planted_area_main_season"),
        ("coffee_area_bearing", "ha", "stock", "coffee_area"),
    ],
)
def test_gaps_the_dev_labellers_met_have_ids_beside_their_level(
    indicator_id: str, base_unit: str, measure: str, level: str
) -> None:
    by_id = catalogue_by_id()
    entry = by_id[indicator_id]
    assert (entry.base_unit, entry.measure) == (base_unit, measure)
    assert level in by_id  # the derived id's level exists, and its description names the level
    assert level in entry.description_en or by_id[level].name_vi.split()[-1] in entry.name_vi
