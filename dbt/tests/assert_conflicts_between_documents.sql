-- Critical: has_conflict means two sources disagree. Several values inside one document are a
-- breakdown (has_breakdown), so a fact from a single document, or whose documents' values are
-- one, never has a conflict.
{{ config(severity='error') }}

with

facts as (
    select * from {{ ref('fct_commune_indicators') }}
),

final as (
    select
        commune_id,
        term_id,
        period,
        indicator_key,
        kind,
        n_documents,
        min_base_value,
        max_base_value
    from facts
    where has_conflict and (n_documents < 2 or min_base_value = max_base_value)
)

select * from final
