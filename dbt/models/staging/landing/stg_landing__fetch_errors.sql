with

source as (
    select * from {{ source('landing', 'fetch_errors') }}
),

final as (
    select distinct
        crawl_date,
        run_id,
        site_id,
        url,
        error_class,
        message,
        status as http_status,
        attempt,
        occurred_at,
        coalesce(kind, 'article') as fetched_as
    from source
)

select * from final
