{{
    config(
        materialized='incremental',
        unique_key='content_sha256',
        incremental_strategy='delete+insert',
        post_hook=[
            "delete from {{ this }} where document_version_id not in
                (select document_version_id from {{ ref('int_documents_latest') }})",
            "update {{ this }} as f set commune_id = s.commune_id
                from {{ ref('int_sites_latest') }} as s
                where f.site_id = s.site_id and f.commune_id is distinct from s.commune_id",
            "delete from {{ this }} as f where exists (
                select 1 from {{ ref('int_documents_extracted') }} as e
                where e.document_version_id = f.document_version_id and e.extraction_error is null
                    and e.extractor_version is distinct from f.extractor_version)",
        ],
    )
}}

-- Incremental: a build only unnests document versions not yet in the table (or extracted by
-- another extractor version since); delete+insert on content_sha256 swaps in a page's new clean
-- version or new extraction, and the post-hooks drop rows of versions that are no longer current
-- (e.g. a re-clean that found no mention) or whose document a newer extractor re-extracted
-- successfully (a failed re-extraction keeps the older mentions until the retry succeeds), and
-- move rows to the site's current commune after a registry edit, so a full refresh rebuilds the same.

with

mentions as (
    select * from {{ ref('int_mentions_unnested') }}
),

documents as (
    select * from {{ ref('int_documents_latest') }}
),

extracted as (
    select * from {{ ref('int_documents_extracted') }}
),

sites as (
    select * from {{ ref('int_sites_latest') }}
),

periods as (
    select * from {{ ref('int_periods_parsed') }}
),

new_mentions as (
    select * from mentions
    {% if is_incremental() %}
        {% set existing = adapter.get_columns_in_relation(this) | map(attribute='name') | list %}
        {# a table without a column this model now writes is unnested again in full (cheap: no re-extraction) #}
        {% if 'extractor_version' in existing and 'part_of_mention_id' in existing %}
            where not exists (
                select 1 from {{ this }} as done
                where
                    done.document_version_id = mentions.document_version_id
                    and done.extractor_version is not distinct from mentions.extractor_version
            )
        {% endif %}
    {% endif %}
),

joined as (
    select
        new_mentions.mention_id,
        new_mentions.document_version_id,
        documents.document_id,
        new_mentions.content_sha256,
        new_mentions.clean_version,
        documents.site_id,
        sites.commune_id,
        periods.term_id,
        documents.url,
        documents.fetched_at,
        extracted.issue_date,
        documents.published_at,
        documents.neardup_group,
        new_mentions.indicator,
        new_mentions.indicator_id,
        new_mentions.value,
        new_mentions.value_high,
        new_mentions.of_total,
        new_mentions.unit,
        new_mentions.base_value,
        new_mentions.base_unit,
        new_mentions.plan_pct,
        new_mentions.yoy_pct,
        new_mentions.approx,
        new_mentions.kind,
        new_mentions.period,
        new_mentions.quote,
        new_mentions."start",
        new_mentions."end",
        new_mentions.extractor_version,
        new_mentions.part_of_mention_id
    from new_mentions
    inner join documents on new_mentions.document_version_id = documents.document_version_id
    left join extracted on new_mentions.document_version_id = extracted.document_version_id
    left join sites on documents.site_id = sites.site_id
    left join periods on new_mentions.period = periods.period
),

final as (
    select * from joined
)

select * from final
