with

periods as (
    select * from {{ ref('dim_period') }}
),

extracted as (
    select * from {{ ref('int_documents_extracted') }}
),

term_ids as (
    select term_id from periods
    where term_id is not null
    union
    select unnest(terms) as term_id from extracted
),

parsed as (
    select
        term_id,
        cast(split_part(term_id, '-', 1) as integer) as start_year,
        cast(split_part(term_id, '-', 2) as integer) as end_year
    from term_ids
    where regexp_full_match(term_id, '\d{4}-\d{4}')
),

final as (
    select * from parsed
)

select * from final
