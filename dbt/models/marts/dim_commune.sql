with

resolved as (
    select * from {{ ref('int_communes_resolved') }}
),

sites as (
    select * from {{ ref('int_sites_latest') }}
),

registered as (
    select
        commune_id,
        commune_name,
        district_name,
        province_name,
        official_code,
        official_district_code,
        official_district,
        official_province_code,
        is_resolved,
        resolution_source,
        successor_code,
        successor_name,
        successor_province,
        crosswalk_version,
        first_seen_at
    from resolved
),

unregistered as (
    select
        commune_id,
        cast(null as varchar) as commune_name,
        cast(null as varchar) as district_name,
        cast(null as varchar) as province_name,
        cast(null as varchar) as official_code,
        cast(null as varchar) as official_district_code,
        cast(null as varchar) as official_district,
        cast(null as varchar) as official_province_code,
        false as is_resolved,
        'unregistered_site' as resolution_source,
        cast(null as varchar) as successor_code,
        cast(null as varchar) as successor_name,
        cast(null as varchar) as successor_province,
        cast(null as varchar) as crosswalk_version,
        first_seen_at
    from sites
    where not is_registered
),

final as (
    select * from registered
    union all by name
    select * from unregistered
)

select * from final
