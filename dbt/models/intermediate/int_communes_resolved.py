"""Published commune names resolved to official units: the crosswalk seed first, then the resolver.

A Python model because the resolver is the `vietnamadminunits` library (via
`ingest.warehouse.communes`). The versioned seed `commune_crosswalk` pins the mapping of the
communes we crawl (it wins, so a library upgrade cannot silently move a commune); communes not
yet in the seed are resolved live and marked `resolution_source = 'vietnamadminunits'`; names
nothing can resolve are kept with `is_resolved = false`.
"""

import pyarrow as pa


def model(dbt, session):
    dbt.config(materialized="table")
    from ingest.warehouse.communes import FIELDS, CommuneResolution, name_key, resolve

    communes = dbt.ref("int_communes_published").order("commune_id")
    seed = {}
    for row in dbt.ref("commune_crosswalk").fetch_arrow_table().to_pylist():
        key = (name_key(row["province"]), name_key(row["district"]), name_key(row["commune"]))
        seed[key] = row
    out = []
    for c in communes.fetch_arrow_table().to_pylist():
        key = (name_key(c["province_name"]), name_key(c["district_name"]), name_key(c["commune_name"]))
        if key in seed:
            pinned = {f: seed[key].get(f) for f in FIELDS}
            pinned["is_resolved"] = str(pinned["is_resolved"]).lower() in ("true", "1")
            resolution = CommuneResolution(**pinned).to_dict()
        else:
            resolution = resolve(c["commune_name"], c["district_name"], c["province_name"]).to_dict()
        out.append(
            {
                "commune_id": c["commune_id"],
                "commune_name": c["commune_name"],
                "district_name": c["district_name"],
                "province_name": c["province_name"],
                "first_seen_at": c["first_seen_at"],
                **{k: v for k, v in resolution.items() if k not in ("province", "district", "commune")},
            }
        )
    schema = pa.schema(
        [
            ("commune_id", pa.string()),
            ("commune_name", pa.string()),
            ("district_name", pa.string()),
            ("province_name", pa.string()),
            ("first_seen_at", pa.timestamp("us", tz="UTC")),
        ]
        + [
            (f, pa.bool_() if f == "is_resolved" else pa.string())
            for f in FIELDS
            if f not in ("province", "district", "commune")
        ]
    )
    return pa.Table.from_pylist(out, schema=schema)
