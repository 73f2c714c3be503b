"""Published commune names resolved to official units: the crosswalk seed first, then the resolver.

A Python model because the resolver is the `vietnamadminunits` library. The rules live in
`ingest.warehouse.communes.resolve_published`: the versioned seed `commune_crosswalk` pins the
mapping of the communes we crawl (it wins); communes not yet in the seed are resolved live and
marked `resolution_source = 'vietnamadminunits'`; names nothing can resolve are kept with
`is_resolved = false`.
"""

import pyarrow as pa


def model(dbt, session):
    dbt.config(materialized="table")
    from ingest.warehouse.communes import RESOLVED_SCHEMA, resolve_published

    communes = dbt.ref("int_communes_published").order("commune_id").fetch_arrow_table().to_pylist()
    crosswalk = dbt.ref("commune_crosswalk").fetch_arrow_table().to_pylist()
    return pa.Table.from_pylist(resolve_published(communes, crosswalk), schema=RESOLVED_SCHEMA)
