-- The current version of each page content: the latest clean version of each content hash,
-- with its near-duplicate group from the nightly grouping step (a document landed since the
-- last step keeps the group it landed with, else its own hash). Without the text (read from
-- staging by the extraction model only), so the warehouse does not copy every document's text
-- at each build.
with

documents as (
    select * from {{ ref('stg_landing__documents') }}
),

groups as (
    select * from {{ ref('stg_landing__neardup_groups') }}
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
    select
        ranked.* exclude (ranked.version_rank, ranked.document_text, ranked.neardup_group),
        coalesce(groups.neardup_group, ranked.neardup_group) as neardup_group
    from ranked
    left join groups on ranked.document_version_id = groups.document_version_id
    where ranked.version_rank = 1
)

-- sqlfluff cannot count columns through `exclude`: AM04 is waived on the last line
select * from final  -- noqa: AM04
