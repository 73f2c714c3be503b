-- One row per fetch event (run × url); a replayed part with another name is counted once.
with

source as (
    select * from {{ source('landing', 'pages') }}
),

renamed as (
    select
        crawl_date,
        run_id,
        site_id,
        url,
        final_url,
        fetched_at,
        status as http_status,
        change as change_kind,
        content_sha256,
        coalesce(body_sha256, content_sha256) as body_sha256,
        version,
        etag,
        last_modified,
        bytes as n_bytes,
        encoding,
        content_type,
        md5(url) as document_id,
        (status between 200 and 399) as is_success
    from source
),

final as (
    select * from renamed
    qualify row_number() over (partition by run_id, url order by fetched_at, content_sha256) = 1
)

select * from final
