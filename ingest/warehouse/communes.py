"""Resolve commune names as published to official units, pre-2025 district and post-2025 successor.

The resolver uses `vietnamadminunits` (official 63-province units before the 1 July 2025
merger, 34-province units after, and its old→new converter). The warehouse pins the result
for our communes in the versioned seed `dbt/seeds/commune_crosswalk.csv`, which wins over the
live resolver (`resolve_published`, what the dbt model `int_communes_resolved` calls);
`python -m ingest.warehouse.communes REGISTRY.yaml` prints seed rows for the communes of a
registry so a new site can be added to the seed after review.
"""

from __future__ import annotations

import csv
import logging
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

import pyarrow as pa

log = logging.getLogger(__name__)

CROSSWALK_VERSION = "2025-07-01"
_UNIT_PREFIX = re.compile(r"^(xa|phuong|thi tran|dac khu)\s+")


def name_key(name: str | None) -> str:
    """Accent-free, prefix-free, lowercase key of a unit name: `Xã Xuân Phú` -> `xuanphu`."""
    if not name:
        return ""
    text = unicodedata.normalize("NFD", name.strip().lower()).replace("đ", "d")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    text = re.sub(r"\s+", " ", text)
    text = _UNIT_PREFIX.sub("", text)
    text = re.sub(r"^(huyen|thi xa|thanh pho|quan|tinh)\s+", "", text)
    return re.sub(r"[^a-z0-9]", "", text)


@dataclass(frozen=True)
class CommuneResolution:
    """One published (province, district, commune) and the official units it maps to."""

    province: str
    district: str | None
    commune: str
    official_code: str | None = None
    official_name: str | None = None
    official_district_code: str | None = None
    official_district: str | None = None
    official_province_code: str | None = None
    successor_code: str | None = None
    successor_name: str | None = None
    successor_province: str | None = None
    is_resolved: bool = False
    resolution_source: str = "unresolved"
    crosswalk_version: str = CROSSWALK_VERSION

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


FIELDS = [f.name for f in fields(CommuneResolution)]
# A commune as published (int_communes_published), carried through resolution unchanged.
PUBLISHED_FIELDS = [
    ("commune_id", pa.string()),
    ("commune_name", pa.string()),
    ("district_name", pa.string()),
    ("province_name", pa.string()),
    ("first_seen_at", pa.timestamp("us", tz="UTC")),
]
_AS_PUBLISHED = ("province", "district", "commune")  # already in PUBLISHED_FIELDS under other names
RESOLVED_SCHEMA = pa.schema(
    PUBLISHED_FIELDS
    + [(f, pa.bool_() if f == "is_resolved" else pa.string()) for f in FIELDS if f not in _AS_PUBLISHED]
)


def commune_key(province: str | None, district: str | None, commune: str | None) -> tuple[str, str, str]:
    """What two spellings of one published commune share (see `name_key`)."""
    return name_key(province), name_key(district), name_key(commune)


def _pinned(row: Mapping[str, Any]) -> CommuneResolution:
    """A crosswalk seed row (CSV: booleans arrive as text) as a resolution."""
    values: dict[str, Any] = {f: row.get(f) for f in FIELDS}
    values["is_resolved"] = str(values["is_resolved"]).lower() in ("true", "1")
    return CommuneResolution(**values)


def resolve_published(
    communes: Iterable[Mapping[str, Any]], crosswalk: Iterable[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """Each published commune (PUBLISHED_FIELDS) with its official units (RESOLVED_SCHEMA): the
    crosswalk seed's row when the seed has the commune, so a library upgrade cannot move it
    silently; else the live resolver; names nothing resolves are kept with `is_resolved` false."""
    seed = {commune_key(r["province"], r["district"], r["commune"]): r for r in crosswalk}
    out = []
    for c in communes:
        pinned = seed.get(commune_key(c["province_name"], c["district_name"], c["commune_name"]))
        resolution = (
            _pinned(pinned)
            if pinned is not None
            else resolve(c["commune_name"], c["district_name"], c["province_name"])
        )
        extra = {k: v for k, v in resolution.to_dict().items() if k not in _AS_PUBLISHED}
        out.append({name: c[name] for name, _ in PUBLISHED_FIELDS} | extra)
    return out


def resolve(commune: str, district: str | None, province: str) -> CommuneResolution:
    """Official units for a published commune name; unresolved (but kept) when no exact match."""
    from vietnamadminunits import ParseMode, convert_address, parse_address

    base = CommuneResolution(province=province, district=district, commune=commune)
    try:
        if district:
            old = parse_address(f"{commune}, {district}, {province}", mode=ParseMode.LEGACY, level=3)
            if name_key(old.short_ward) != name_key(commune) or name_key(old.short_district) != name_key(
                district
            ):
                return base
            new = convert_address(f"{commune}, {district}, {province}")
            return CommuneResolution(
                province=province,
                district=district,
                commune=commune,
                official_code=old.ward_code,
                official_name=old.ward,
                official_district_code=old.district_code,
                official_district=old.district,
                official_province_code=old.province_code,
                successor_code=new.ward_code,
                successor_name=new.ward,
                successor_province=new.province,
                is_resolved=True,
                resolution_source="vietnamadminunits",
            )
        new = parse_address(f"{commune}, {province}", mode=ParseMode.FROM_2025, level=2)
        if name_key(new.short_ward) != name_key(commune):
            return base
        return CommuneResolution(
            province=province,
            district=None,
            commune=commune,
            official_code=new.ward_code,
            official_name=new.ward,
            official_province_code=new.province_code,
            successor_code=new.ward_code,
            successor_name=new.ward,
            successor_province=new.province,
            is_resolved=True,
            resolution_source="vietnamadminunits",
        )
    except (ValueError, KeyError, AttributeError, TypeError) as exc:
        log.warning("cannot resolve %s / %s / %s: %r", commune, district, province, exc)
        return base


def main(argv: list[str] | None = None) -> int:
    """Print crosswalk seed rows (CSV with header) for the communes of registry files."""
    from ingest.sites import load_registry

    writer = csv.DictWriter(sys.stdout, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    seen: set[tuple[str, str, str]] = set()
    for registry in argv if argv is not None else sys.argv[1:]:
        for site in load_registry(registry):
            key = commune_key(site.province, site.district, site.commune)
            if key not in seen:
                seen.add(key)
                row = resolve(site.commune, site.district, site.province).to_dict()
                row["resolution_source"] = "seed" if row["is_resolved"] else "unresolved"
                writer.writerow(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
