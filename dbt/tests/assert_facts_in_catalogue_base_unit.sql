-- Critical (fails the build, so nothing is published): every reconciled fact of a catalogue
-- indicator is in that indicator's base unit. One indicator never mixes VND with a % of plan
-- (`Chi ngân sách ước đạt 50,1% dự toán` is `budget_expenditure_plan_attainment`, not
-- `budget_expenditure`), so analysts can compare and sum facts across communes.
{{ config(severity='error') }}

with

facts as (
    select * from {{ ref('fct_commune_indicators') }}
),

catalogue as (
    select * from {{ ref('dim_indicator') }}
),

final as (
    select
        facts.commune_id,
        facts.term_id,
        facts.period,
        facts.indicator_id,
        facts.kind,
        facts.base_unit,
        catalogue.base_unit as catalogue_base_unit,
        facts.winning_mention_id
    from facts
    inner join catalogue on facts.indicator_id = catalogue.indicator_id
    where facts.base_unit is distinct from catalogue.base_unit
)

select * from final
