-- Warns (does not fail the build) when the extraction library raised on some documents;
-- those documents are kept in dim_document and retried by the next build.
{{ config(severity='warn') }}

with

extracted as (
    select * from {{ ref('int_documents_extracted') }}
),

final as (
    select
        document_version_id,
        extraction_error
    from extracted
    where extraction_error is not null
)

select * from final
