"""Commune name resolution against official units (vietnamadminunits) and the crosswalk seed."""

from __future__ import annotations

import csv

import pyarrow as pa
import pytest

from ingest.land import land_sites
from ingest.paths import DBT_PROJECT_DIR, DataPaths
from ingest.warehouse.communes import FIELDS, RESOLVED_SCHEMA, main, name_key, resolve, resolve_published
from tests.helpers.landing import SITES, part_keys, rows_of, utc


def test_name_key_ignores_accents_case_and_unit_prefix() -> None:
    assert name_key("Xã Xuân Phú") == name_key("xuân phú") == "xuanphu"
    assert name_key("Huyện Thọ Xuân") == "thoxuan"
    assert name_key("Đông Sơn") == "dongson"
    assert name_key(None) == ""


def test_pre_2025_commune_resolves_with_district_and_successor() -> None:
    r = resolve("Xuân Phú", "Thọ Xuân", "Thanh Hóa")
    assert r.is_resolved and r.official_code == "15550" and r.official_district_code == "395"
    assert (r.successor_code, r.successor_name, r.successor_province) == (
        "15553",
        "Xã Sao Vàng",
        "Tỉnh Thanh Hóa",
    )


def test_post_2025_commune_without_district_is_its_own_successor() -> None:
    r = resolve("Sao Vàng", None, "Thanh Hóa")
    assert r.is_resolved and r.official_code == r.successor_code == "15553"


@pytest.mark.parametrize(
    ("commune", "district", "province"),
    [("Tân Tiến Mới", "Thọ Xuân", "Thanh Hóa"), ("Xuân Phú", "Phú Tân", "An Giang")],
)
def test_names_that_match_no_unit_are_unresolved_not_guessed(commune, district, province) -> None:
    r = resolve(commune, district, province)
    assert not r.is_resolved and r.official_code is None and r.successor_code is None
    assert r.commune == commune  # kept as published


def test_the_seed_wins_and_other_communes_are_resolved_live_or_kept_unresolved() -> None:
    def published(commune_id, commune, district):
        return {
            "commune_id": commune_id,
            "commune_name": commune,
            "district_name": district,
            "province_name": "Thanh Hóa",
            "first_seen_at": utc(2025, 7, 1),
        }

    pinned = {f: str(v) for f, v in resolve("Xuân Phú", "Thọ Xuân", "Thanh Hóa").to_dict().items()}
    pinned |= {"official_name": "Xã Xuân Phú (pinned)", "resolution_source": "seed"}  # differs from live
    rows = resolve_published(
        [
            published("a", "Xã Xuân Phú", "Huyện Thọ Xuân"),  # another spelling of the seed's commune
            published("b", "Sao Vàng", None),
            published("c", "Tân Tiến Mới", "Thọ Xuân"),
        ],
        [pinned],
    )
    assert [r["resolution_source"] for r in rows] == ["seed", "vietnamadminunits", "unresolved"]
    assert [r["is_resolved"] for r in rows] == [True, True, False]
    assert rows[0]["official_name"] == "Xã Xuân Phú (pinned)" and rows[0]["commune_name"] == "Xã Xuân Phú"
    assert rows[1]["successor_code"] == "15553"
    assert rows[2]["commune_id"] == "c" and rows[2]["official_code"] is None
    assert pa.Table.from_pylist(rows, schema=RESOLVED_SCHEMA).column_names == RESOLVED_SCHEMA.names


def test_crosswalk_seed_matches_the_resolver(tmp_path, capsys) -> None:
    """The pinned seed rows are what the resolver says today (regenerate the seed if not)."""
    registry = tmp_path / "sites.yaml"
    registry.write_text(
        "sites:\n"
        + "".join(
            f"  - {{id: {s.id}, commune: {s.commune}, district: {s.district}, province: {s.province},"
            f" base_url: '{s.base_url}', family: {s.family}}}\n"
            for s in SITES
        ),
        encoding="utf-8",
    )
    assert main([str(registry)]) == 0
    generated = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    with (DBT_PROJECT_DIR / "seeds" / "commune_crosswalk.csv").open(encoding="utf-8") as fh:
        seed = list(csv.DictReader(fh))
    assert list(seed[0]) == FIELDS
    assert sorted(map(tuple, (r.values() for r in generated))) == sorted(
        map(tuple, (r.values() for r in seed))
    )


def test_land_sites_writes_one_part_per_site_and_run_and_replays_nothing(tmp_path) -> None:
    paths = DataPaths.at(tmp_path).ensure()
    first = land_sites(paths, SITES, run_id="r1", at=utc(2025, 7, 1))
    assert land_sites(paths, SITES, run_id="r1", at=utc(2025, 7, 1)) == first == len(SITES)
    assert len(part_keys(paths, "sites")) == len(SITES)
    rows = sorted(rows_of(paths, "sites"), key=lambda r: r["site_id"], reverse=True)
    assert len(rows) == len(SITES)
    row = rows[0]
    assert (row["site_id"], row["commune"], row["district"]) == ("xuan-phu", "Xuân Phú", "Thọ Xuân")
