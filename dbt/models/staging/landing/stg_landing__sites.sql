-- The registry entries landed with each run (one row per site × run).
with

source as (
    select * from {{ source('landing', 'sites') }}
),

renamed as (
    select
        site_id,
        nfc_normalize(trim(commune)) as commune_name,
        nullif(nfc_normalize(trim(district)), '') as district_name,
        nfc_normalize(trim(province)) as province_name,
        family,
        base_url,
        run_id,
        registered_at,
        crawl_date
    from source
),

final as (
    select distinct * from renamed
)

select * from final
