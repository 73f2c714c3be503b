-- Near-duplicate group per content hash and clean version, from the nightly grouping step's index.
with

source as (
    select * from {{ source('landing', 'neardup_groups') }}
),

final as (
    select
        content_sha256 || ':' || clean_version as document_version_id,
        content_sha256,
        clean_version,
        neardup_group,
        assigned_at
    from source
    qualify row_number() over (partition by content_sha256, clean_version order by assigned_at) = 1
)

select * from final
