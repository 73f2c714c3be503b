with

source as (
    select * from {{ source('landing', 'blocks') }}
),

final as (
    select distinct
        content_sha256 || ':' || clean_version as document_version_id,
        content_sha256,
        clean_version,
        crawl_date,
        block_no,
        block_type,
        "start" as start_offset,
        "end" as end_offset,
        marker
    from source
)

select * from final
