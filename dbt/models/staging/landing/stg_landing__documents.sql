-- One row per document version: content hash × clean version (first landing wins on replays).
with

source as (
    select * from {{ source('landing', 'documents') }}
),

renamed as (
    select
        content_sha256 || ':' || clean_version as document_version_id,
        md5(url) as document_id,
        crawl_date,
        content_sha256,
        clean_version,
        run_id,
        site_id,
        url,
        final_url,
        fetched_at,
        version,
        nullif(trim(title), '') as title,
        published_at as published_at_text,
        try_cast(published_at as timestamptz) as published_at,
        text as document_text,
        text_sha256,
        footnotes_json,
        warnings_json,
        coalesce(neardup_group, content_sha256) as neardup_group,
        shingle_count,
        cleaned_at
    from source
),

final as (
    select * from renamed
    qualify row_number() over (
            partition by document_version_id order by fetched_at, url, run_id
        ) = 1
)

select * from final
