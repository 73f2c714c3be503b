-- One row per mention of the current version of each document, keyed and typed.
with

extracted as (
    select * from {{ ref('int_documents_extracted') }}
),

current_versions as (
    select * from {{ ref('int_documents_latest') }}
),

exploded as (
    select
        extracted.document_version_id,
        extracted.content_sha256,
        extracted.clean_version,
        extracted.extractor_version,
        extracted.mentions,
        unnest(extracted.mentions) as mention
    from extracted
    inner join current_versions
        on extracted.document_version_id = current_versions.document_version_id
),

flattened as (
    select
        exploded.document_version_id,
        exploded.content_sha256,
        exploded.clean_version,
        mention.indicator,
        mention.indicator_id,
        mention.value,
        mention.value_high,
        mention.of_total,
        mention.unit,
        mention.base_value,
        mention.base_unit,
        mention.plan_pct,
        mention.yoy_pct,
        coalesce(mention.approx, false) as approx,
        mention.kind,
        mention.period,
        mention.quote,
        mention.start as "start",
        mention."end",
        -- the total this figure is a part of (`trong đó …`): part_of is its 0-based position
        exploded.mentions[mention.part_of + 1].start as total_start,
        exploded.mentions[mention.part_of + 1]."end" as total_end,
        exploded.mentions[mention.part_of + 1].indicator as total_indicator,
        exploded.extractor_version
    from exploded
),

final as (
    select
        md5(
            content_sha256 || '|' || clean_version || '|' || "start" || '|' || "end" || '|' || indicator
        ) as mention_id,
        case
            when total_start is not null
                then md5(
                        content_sha256
                        || '|'
                        || clean_version
                        || '|'
                        || total_start
                        || '|'
                        || total_end
                        || '|'
                        || total_indicator
                    )
        end as part_of_mention_id,
        * exclude (total_start, total_end, total_indicator)
    from flattened
    qualify row_number() over (partition by mention_id order by kind, period) = 1
)

select * from final
