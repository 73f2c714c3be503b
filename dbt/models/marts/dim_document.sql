with

documents as (
    select * from {{ ref('int_documents_latest') }}
),

extracted as (
    select * from {{ ref('int_documents_extracted') }}
),

sites as (
    select * from {{ ref('int_sites_latest') }}
),

joined as (
    select
        documents.document_version_id,
        documents.document_id,
        documents.site_id,
        sites.commune_id,
        documents.url,
        documents.title,
        extracted.doc_type,
        extracted.doc_number,
        extracted.issuer,
        extracted.issue_date,
        extracted.default_period,
        documents.published_at,
        documents.fetched_at,
        documents.content_sha256,
        documents.clean_version,
        documents.version,
        documents.neardup_group,
        coalesce(extracted.n_mentions, 0) as n_mentions,
        extracted.extraction_error
    from documents
    left join extracted on documents.document_version_id = extracted.document_version_id
    left join sites on documents.site_id = sites.site_id
),

final as (
    select
        *,
        row_number() over (
            partition by neardup_group
            order by (content_sha256 = neardup_group) desc, fetched_at asc, document_version_id asc
        ) = 1 as is_canonical
    from joined
)

select * from final
