-- Every commune name ever published by a registered site (registry rows of every run), so a
-- registry edit adds a commune instead of orphaning facts built before the edit.
with

sites as (
    select * from {{ ref('stg_landing__sites') }}
),

keyed as (
    select
        {{ commune_id('province_name', 'district_name', 'commune_name') }} as commune_id,
        province_name,
        district_name,
        commune_name,
        registered_at
    from sites
),

final as (
    select
        commune_id,
        any_value(province_name) as province_name,
        any_value(district_name) as district_name,
        any_value(commune_name) as commune_name,
        min(registered_at) as first_seen_at
    from keyed
    group by commune_id
)

select * from final
