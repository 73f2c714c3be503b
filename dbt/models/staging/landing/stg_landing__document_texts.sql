-- The cleaned text of each landed document row with the night it landed on (no de-duplication,
-- so a filter on crawl_date reaches the Parquet scan: the extraction model reads only the
-- nights that hold the versions it has to extract).
with

source as (
    select * from {{ source('landing', 'documents') }}
),

final as (
    select
        content_sha256 || ':' || clean_version as document_version_id,
        crawl_date,
        content_sha256,
        clean_version,
        nullif(trim(title), '') as title,
        published_at as published_at_text,
        text as document_text
    from source
)

select * from final
