-- The current version of each page content: the latest clean version of each content hash.
-- Without the text (read from staging by the extraction model only), so the warehouse does
-- not copy every document's text at each build.
with

documents as (
    select * from {{ ref('stg_landing__documents') }}
),

ranked as (
    select
        *,
        row_number() over (
            partition by content_sha256
            order by cleaned_at desc nulls last, clean_version desc
        ) as version_rank
    from documents
),

final as (
    select * exclude (version_rank, document_text)
    from ranked
    where version_rank = 1
)

-- sqlfluff cannot count columns through `exclude`, hence the noqa
select * from final  -- noqa: AM04
